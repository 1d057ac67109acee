// Lexing follows Go's text/template/parse state machine: text until "{{", then action
// tokens until "}}". A "{{- " or " -}}" trims all adjacent space/tab/CR/LF of the
// neighbouring text; the dash must touch an ASCII space so "{{-3}}" stays the number -3.
#include "helm/lexer.h"

#include "helm/go_format.h"
#include "helm/go_unicode.h"

namespace kubeshift::tmpl {
namespace {

constexpr std::string_view kLeftDelim = "{{";
constexpr std::string_view kRightDelim = "}}";
constexpr std::string_view kSpaceChars = " \t\r\n";

bool IsSpace(uint32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }
bool IsAlphaNumeric(uint32_t r) { return r == '_' || IsLetterRune(r) || IsDigitRune(r); }

bool HasLeftTrimMarker(std::string_view s) { return s.size() >= 2 && s[0] == '-' && IsSpace(static_cast<unsigned char>(s[1])); }
bool HasRightTrimMarker(std::string_view s) { return s.size() >= 2 && IsSpace(static_cast<unsigned char>(s[0])) && s[1] == '-'; }

ItemType Keyword(std::string_view word) {
  static constexpr std::pair<std::string_view, ItemType> kKeywords[] = {
      {"block", ItemType::kBlock}, {"break", ItemType::kBreak}, {"continue", ItemType::kContinue},
      {"define", ItemType::kDefine}, {"else", ItemType::kElse}, {"end", ItemType::kEnd}, {"if", ItemType::kIf},
      {"range", ItemType::kRange}, {"nil", ItemType::kNil}, {"template", ItemType::kTemplate},
      {"with", ItemType::kWith}};
  for (const auto& [name, type] : kKeywords) {
    if (word == name) return type;
  }
  return ItemType::kIdentifier;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
    items_.reserve(text.size() / 8 + 16);
  }

  std::vector<Item> Run(std::string* error) {
    bool more = LexText();
    while (more) more = LexAction();
    *error = std::move(error_);
    return std::move(items_);
  }

 private:
  // Items come in increasing order of position, so the line is found by walking forward.
  int LineOf(size_t pos) {
    while (line_cursor_ < newlines_.size() && newlines_[line_cursor_] < pos) ++line_cursor_;
    return 1 + static_cast<int>(line_cursor_);
  }
  uint32_t Peek(int* width = nullptr) const {
    int w = 0;
    uint32_t r = pos_ < text_.size() ? DecodeRune(text_, pos_, &w) : 0xFFFFFFFF;
    if (width) *width = w;
    return r;
  }
  uint32_t Next() {
    int w = 0;
    uint32_t r = Peek(&w);
    pos_ += static_cast<size_t>(w);
    last_width_ = w;
    return r;
  }
  void Backup() { pos_ -= static_cast<size_t>(last_width_); last_width_ = 0; }
  bool Accept(std::string_view valid) {
    if (pos_ < text_.size() && valid.find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
      return true;
    }
    return false;
  }
  void AcceptRun(std::string_view valid) { while (Accept(valid)) {} }
  void Emit(ItemType type) {
    items_.push_back(Item{type, start_, text_.substr(start_, pos_ - start_), LineOf(start_)});
    start_ = pos_;
  }
  void Ignore() { start_ = pos_; }
  bool Errorf(std::string message) {
    items_.push_back(Item{ItemType::kError, start_, {}, LineOf(start_)});
    error_ = std::move(message);
    return false;
  }
  std::string_view Rest() const { return text_.substr(pos_); }
  bool AtRightDelim(bool* trim) const {
    if (HasRightTrimMarker(Rest()) && text_.substr(pos_ + 2).starts_with(kRightDelim)) {
      *trim = true;
      return true;
    }
    *trim = false;
    return Rest().starts_with(kRightDelim);
  }
  bool AtTerminator() const {
    const uint32_t r = Peek();
    if (IsSpace(r)) return true;
    switch (r) {
      case 0xFFFFFFFF: case '.': case ',': case '|': case ':': case ')': case '(': return true;
      default: return Rest().starts_with(kRightDelim);
    }
  }

  // Text up to the next "{{"; returns false at the end of the input.
  bool LexText() {
    const size_t x = text_.find(kLeftDelim, pos_);
    if (x == std::string_view::npos) {
      pos_ = text_.size();
      if (pos_ > start_) Emit(ItemType::kText);
      Emit(ItemType::kEOF);
      return false;
    }
    pos_ = x;
    size_t trim = 0;
    if (HasLeftTrimMarker(text_.substr(x + kLeftDelim.size()))) {
      std::string_view before = text_.substr(start_, x - start_);
      const size_t kept = before.find_last_not_of(kSpaceChars);
      trim = before.size() - (kept == std::string_view::npos ? 0 : kept + 1);
    }
    pos_ -= trim;
    if (pos_ > start_) Emit(ItemType::kText);
    pos_ += trim;
    Ignore();
    return LexLeftDelim();
  }

  bool LexLeftDelim() {
    pos_ += kLeftDelim.size();
    const size_t after_marker = HasLeftTrimMarker(Rest()) ? 2 : 0;
    if (text_.substr(pos_ + after_marker).starts_with("/*")) {
      pos_ += after_marker;
      Ignore();
      return LexComment();
    }
    Emit(ItemType::kLeftDelim);
    pos_ += after_marker;
    Ignore();
    paren_depth_ = 0;
    return true;
  }

  bool LexComment() {
    pos_ += 2;
    const size_t end = text_.find("*/", pos_);
    if (end == std::string_view::npos) return Errorf("unclosed comment");
    pos_ = end + 2;
    bool trim = false;
    if (!AtRightDelim(&trim)) return Errorf("comment ends before closing delimiter");
    if (trim) pos_ += 2;
    pos_ += kRightDelim.size();
    if (trim) pos_ += LeftTrimLength();
    Ignore();
    return LexText();
  }

  size_t LeftTrimLength() const {
    const size_t kept = Rest().find_first_not_of(kSpaceChars);
    return kept == std::string_view::npos ? Rest().size() : kept;
  }

  bool LexRightDelim() {
    const bool trim = HasRightTrimMarker(Rest());
    if (trim) {
      pos_ += 2;
      Ignore();
    }
    pos_ += kRightDelim.size();
    Emit(ItemType::kRightDelim);
    if (trim) {
      pos_ += LeftTrimLength();
      Ignore();
    }
    return LexText();
  }

  // One token inside an action; returns false when lexing stops (EOF or error).
  bool LexAction() {
    bool trim = false;
    if (AtRightDelim(&trim)) {
      if (paren_depth_ == 0) return LexRightDelim();
      return Errorf("unclosed left paren");
    }
    const uint32_t r = Next();
    if (r == 0xFFFFFFFF) return Errorf("unclosed action");
    if (IsSpace(r)) {
      Backup();
      return LexSpace();
    }
    switch (r) {
      case '=': Emit(ItemType::kAssign); return true;
      case ':':
        if (Next() != '=') return Errorf("expected :=");
        Emit(ItemType::kDeclare);
        return true;
      case '|': Emit(ItemType::kPipe); return true;
      case '"': return LexQuote();
      case '`': return LexRawQuote();
      case '$': return LexVariable();
      case '\'': return LexChar();
      case '(':
        Emit(ItemType::kLeftParen);
        ++paren_depth_;
        return true;
      case ')':
        // Go checks the depth before emitting, so the parser meets the error, not the paren.
        if (--paren_depth_ < 0) return Errorf("unexpected right paren " + FormatRuneU(r));
        Emit(ItemType::kRightParen);
        return true;
      default: break;
    }
    if (r == '.' && pos_ < text_.size() && (text_[pos_] < '0' || text_[pos_] > '9')) {
      return LexFieldOrVariable(ItemType::kField);
    }
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      Backup();
      return LexNumber();
    }
    if (IsAlphaNumeric(r)) {
      Backup();
      return LexIdentifier();
    }
    if (r < 0x80 && r >= 0x20 && r < 0x7F) {
      Emit(ItemType::kChar);
      return true;
    }
    return Errorf("unrecognized character in action: " + FormatRuneU(r));
  }

  // A run of spaces. A trim-marked right delimiter starts with a space: leave it.
  bool LexSpace() {
    int spaces = 0;
    while (IsSpace(Peek())) {
      Next();
      ++spaces;
    }
    if (HasRightTrimMarker(text_.substr(pos_ - 1)) && text_.substr(pos_ + 1).starts_with(kRightDelim)) {
      --pos_;
      if (spaces == 1) return LexRightDelim();
    }
    Emit(ItemType::kSpace);
    return true;
  }

  bool LexIdentifier() {
    while (IsAlphaNumeric(Peek())) Next();
    const std::string_view word = text_.substr(start_, pos_ - start_);
    if (!AtTerminator()) return Errorf("bad character " + FormatRuneU(Peek()));
    ItemType type = Keyword(word);
    if (word == "true" || word == "false") type = ItemType::kBool;
    Emit(type);
    return true;
  }

  bool LexVariable() {
    if (AtTerminator()) {
      Emit(ItemType::kVariable);
      return true;
    }
    return LexFieldOrVariable(ItemType::kVariable);
  }

  bool LexFieldOrVariable(ItemType type) {
    if (AtTerminator()) {
      Emit(type == ItemType::kVariable ? ItemType::kVariable : ItemType::kDot);
      return true;
    }
    while (IsAlphaNumeric(Peek())) Next();
    if (!AtTerminator()) return Errorf("bad character " + FormatRuneU(Peek()));
    Emit(type);
    return true;
  }

  bool LexChar() {
    for (;;) {
      const uint32_t r = Next();
      if (r == '\\') {
        const uint32_t escaped = Next();
        if (escaped != 0xFFFFFFFF && escaped != '\n') continue;
        return Errorf("unterminated character constant");
      }
      if (r == 0xFFFFFFFF || r == '\n') return Errorf("unterminated character constant");
      if (r == '\'') break;
    }
    Emit(ItemType::kCharConstant);
    return true;
  }

  bool ScanNumber() {
    Accept("+-");
    std::string_view digits = "0123456789_";
    if (Accept("0")) {
      if (Accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (Accept("oO")) digits = "01234567_";
      else if (Accept("bB")) digits = "01_";
    }
    AcceptRun(digits);
    if (Accept(".")) AcceptRun(digits);
    if (digits.size() == 11 && Accept("eE")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    if (digits.size() == 23 && Accept("pP")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    Accept("i");
    if (IsAlphaNumeric(Peek())) {
      Next();
      return false;
    }
    return true;
  }

  bool LexNumber() {
    if (!ScanNumber()) return Errorf("bad number syntax: " + QuoteGo(text_.substr(start_, pos_ - start_)));
    const uint32_t sign = Peek();
    if (sign == '+' || sign == '-') {
      if (!ScanNumber() || text_[pos_ - 1] != 'i') {
        return Errorf("bad number syntax: " + QuoteGo(text_.substr(start_, pos_ - start_)));
      }
      Emit(ItemType::kComplex);
      return true;
    }
    Emit(ItemType::kNumber);
    return true;
  }

  bool LexQuote() {
    for (;;) {
      const uint32_t r = Next();
      if (r == '\\') {
        const uint32_t escaped = Next();
        if (escaped != 0xFFFFFFFF && escaped != '\n') continue;
        return Errorf("unterminated quoted string");
      }
      if (r == 0xFFFFFFFF || r == '\n') return Errorf("unterminated quoted string");
      if (r == '"') break;
    }
    Emit(ItemType::kString);
    return true;
  }

  bool LexRawQuote() {
    const size_t end = text_.find('`', pos_);
    if (end == std::string_view::npos) return Errorf("unterminated raw quoted string");
    pos_ = end + 1;
    Emit(ItemType::kRawString);
    return true;
  }

  std::string_view text_;
  std::vector<size_t> newlines_;
  std::vector<Item> items_;
  std::string error_;
  size_t pos_ = 0;
  size_t start_ = 0;
  int last_width_ = 0;
  int paren_depth_ = 0;
  size_t line_cursor_ = 0;
};

}  // namespace

std::string Item::Describe(const std::string& error) const {
  if (type == ItemType::kEOF) return "EOF";
  if (type == ItemType::kError) return error;
  if (type > ItemType::kKeyword) return "<" + std::string(val) + ">";
  if (RuneCount(val) > 10) {
    // %.10q: the first ten runes, quoted.
    size_t end = 0;
    for (int n = 0; n < 10; ++n) {
      int w = 1;
      DecodeRune(val, end, &w);
      end += static_cast<size_t>(w);
    }
    return QuoteGo(val.substr(0, end)) + "...";
  }
  return QuoteGo(val);
}

std::vector<Item> Lex(std::string_view text, std::string* error) { return Lexer(text).Run(error); }

}  // namespace kubeshift::tmpl
