// go-yaml v2's emitter (emitterc.go, from libyaml) for block documents: the same state flags
// (column, indent, whitespace, indention) and the same scalar analysis decide every byte.
#include "helm/yaml_emitter.h"

#include <cstdio>

#include "helm/go_unicode.h"
#include "helm/yaml_resolve.h"

namespace kubeshift::tmpl {
namespace {

enum class Style { kPlain, kSingle, kDouble, kLiteral };

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

bool IsBreak(std::string_view v, size_t i) {
  if (i >= v.size()) return false;
  const auto c = static_cast<unsigned char>(v[i]);
  if (c == '\r' || c == '\n') return true;
  if (c == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x85) return true;
  return c == 0xE2 && i + 2 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(v[i + 2]) == 0xA8 || static_cast<unsigned char>(v[i + 2]) == 0xA9);
}
bool IsSpace(std::string_view v, size_t i) { return i < v.size() && v[i] == ' '; }
bool IsBlankOrEnd(std::string_view v, size_t i) { return i >= v.size() || v[i] == ' ' || v[i] == '\t' || IsBreak(v, i) || v[i] == '\0'; }

// libyaml's is_printable, on the UTF-8 bytes (so 4-byte runes are not "printable").
bool IsPrintable(std::string_view v, size_t i) {
  const auto b = [&](size_t k) { return k < v.size() ? static_cast<unsigned char>(v[k]) : 0; };
  const unsigned char c = b(i);
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && b(i + 1) >= 0xA0) || (c > 0xC2 && c < 0xED) ||
         (c == 0xED && b(i + 1) < 0xA0) || c == 0xEE ||
         (c == 0xEF && !(b(i + 1) == 0xBB && b(i + 2) == 0xBF) && !(b(i + 1) == 0xBF && (b(i + 2) == 0xBE || b(i + 2) == 0xBF)));
}

int Width(unsigned char c) { return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

struct Analysis {
  bool multiline = false, block_plain = true, single_quoted = true, block = true;
};

Analysis Analyze(std::string_view v) {
  Analysis a;
  if (v.empty()) {
    a.block = false;
    return a;
  }
  bool block_indicators = v.starts_with("---") || v.starts_with("...");
  bool line_breaks = false, special = false, leading_space = false, leading_break = false;
  bool trailing_space = false, trailing_break = false, break_space = false, space_break = false;
  bool preceded_by_whitespace = true, previous_space = false, previous_break = false;
  for (size_t i = 0; i < v.size(); i += static_cast<size_t>(Width(static_cast<unsigned char>(v[i])))) {
    const size_t w = static_cast<size_t>(Width(static_cast<unsigned char>(v[i])));
    const bool followed_by_whitespace = IsBlankOrEnd(v, i + w);
    const char c = v[i];
    if (i == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|':
        case '>': case '\'': case '"': case '%': case '@': case '`': block_indicators = true; break;
        case '?': case ':': if (followed_by_whitespace) block_indicators = true; break;
        case '-': if (followed_by_whitespace) block_indicators = true; break;
        default: break;
      }
    } else if ((c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace)) {
      block_indicators = true;
    }
    if (!IsPrintable(v, i)) special = true;
    if (IsSpace(v, i)) {
      if (i == 0) leading_space = true;
      if (i + w == v.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (IsBreak(v, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == v.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = previous_break = false;
    }
    preceded_by_whitespace = IsBlankOrEnd(v, i);
  }
  a.multiline = line_breaks;
  if (leading_space || leading_break || trailing_space || trailing_break) a.block_plain = false;
  if (trailing_space) a.block = false;
  if (break_space) a.block_plain = a.single_quoted = false;
  if (space_break || special) a.block_plain = a.single_quoted = false;
  if (space_break || special) a.block = false;
  if (line_breaks || block_indicators) a.block_plain = false;
  return a;
}

class Emitter {
 public:
  explicit Emitter(bool indent_sequences) : indent_sequences_(indent_sequences) {}
  std::string Run(const YamlOut& root) {
    EmitNode(root, false, false);
    WriteIndent();  // document end
    return std::move(out_);
  }

 private:
  void Put(char c) {
    out_.push_back(c);
    ++column_;
  }
  void PutBreak() {
    out_.push_back('\n');
    column_ = 0;
  }
  // Copies the rune at *i.
  void Write(std::string_view v, size_t* i) {
    const size_t w = static_cast<size_t>(Width(static_cast<unsigned char>(v[*i])));
    out_.append(v.substr(*i, w));
    *i += w;
    ++column_;
  }
  void WriteBreak(std::string_view v, size_t* i) {
    if (v[*i] == '\n') {
      PutBreak();
      ++*i;
    } else {
      Write(v, i);
      column_ = 0;
    }
  }
  void IncreaseIndent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) indent_ = flow ? kBestIndent : 0;
    else if (!indentless) indent_ += kBestIndent;
  }
  void PopIndent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }
  void WriteIndent() {
    const int indent = indent_ < 0 ? 0 : indent_;
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) PutBreak();
    while (column_ < indent) Put(' ');
    whitespace_ = indention_ = true;
  }
  void WriteIndicator(std::string_view indicator, bool need_whitespace, bool is_whitespace, bool is_indention) {
    if (need_whitespace && !whitespace_) Put(' ');
    out_.append(indicator);
    column_ += static_cast<int>(indicator.size());
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }

  void EmitNode(const YamlOut& node, bool mapping, bool simple_key) {
    mapping_context_ = mapping;
    simple_key_context_ = simple_key;
    switch (node.kind) {
      case YamlOut::Kind::kPlain: EmitScalar(node.text, Style::kPlain); break;
      case YamlOut::Kind::kString: EmitScalar(node.text, StringStyle(node.text)); break;
      case YamlOut::Kind::kSequence:
        if (node.items.empty()) EmitEmpty("[", "]");
        else EmitSequence(node);
        break;
      case YamlOut::Kind::kMapping:
        if (node.items.empty()) EmitEmpty("{", "}");
        else EmitMapping(node);
        break;
    }
  }

  // go-yaml v2's stringv: plain unless the text would read back as something else.
  static Style StringStyle(std::string_view s) {
    const bool plain = ResolvePlain(s).tag == YamlTag::kStr && !IsBase60Float(s);
    if (s.find('\n') != std::string_view::npos) return Style::kLiteral;
    return plain ? Style::kPlain : Style::kDouble;
  }

  void EmitEmpty(std::string_view open, std::string_view close) {
    WriteIndicator(open, true, true, false);
    IncreaseIndent(true, false);
    PopIndent();
    WriteIndicator(close, false, false, false);
  }

  void EmitSequence(const YamlOut& node) {
    IncreaseIndent(false, mapping_context_ && !indention_ && !indent_sequences_);
    for (const YamlOut& item : node.items) {
      WriteIndent();
      WriteIndicator("-", true, false, true);
      EmitNode(item, false, false);
    }
    PopIndent();
  }

  void EmitMapping(const YamlOut& node) {
    IncreaseIndent(false, false);
    for (size_t i = 0; i < node.keys.size(); ++i) {
      WriteIndent();
      YamlOut key;
      key.kind = YamlOut::Kind::kString;
      key.text = node.keys[i];
      if (!Analyze(key.text).multiline && key.text.size() <= 128) {
        EmitNode(key, true, true);
        WriteIndicator(":", false, false, false);
      } else {
        WriteIndicator("?", true, false, true);
        EmitNode(key, true, false);
        WriteIndent();
        WriteIndicator(":", true, false, true);
      }
      EmitNode(node.items[i], true, false);
    }
    PopIndent();
  }

  void EmitScalar(std::string_view text, Style style) {
    const Analysis a = Analyze(text);
    if (simple_key_context_ && a.multiline) style = Style::kDouble;
    if (style == Style::kPlain) {
      if (!a.block_plain || (text.empty() && simple_key_context_)) style = Style::kSingle;
    }
    if (style == Style::kSingle && !a.single_quoted) style = Style::kDouble;
    if (style == Style::kLiteral && (!a.block || simple_key_context_)) style = Style::kDouble;
    IncreaseIndent(true, false);
    const bool allow_breaks = !simple_key_context_;
    switch (style) {
      case Style::kPlain: WritePlain(text, allow_breaks); break;
      case Style::kSingle: WriteSingle(text, allow_breaks); break;
      case Style::kDouble: WriteDouble(text, allow_breaks); break;
      case Style::kLiteral: WriteLiteral(text); break;
    }
    PopIndent();
  }

  void WritePlain(std::string_view v, bool allow_breaks) {
    if (!v.empty() && !whitespace_) Put(' ');
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < v.size();) {
      if (IsSpace(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && !IsSpace(v, i + 1)) {
          WriteIndent();
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else if (IsBreak(v, i)) {
        if (!breaks && v[i] == '\n') PutBreak();
        WriteBreak(v, &i);
        indention_ = breaks = true;
      } else {
        if (breaks) WriteIndent();
        Write(v, &i);
        indention_ = spaces = breaks = false;
      }
    }
    if (!v.empty()) whitespace_ = false;
    indention_ = false;
  }

  void WriteSingle(std::string_view v, bool allow_breaks) {
    WriteIndicator("'", true, false, false);
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < v.size();) {
      if (IsSpace(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i != 0 && i != v.size() - 1 && !IsSpace(v, i + 1)) {
          WriteIndent();
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else if (IsBreak(v, i)) {
        if (!breaks && v[i] == '\n') PutBreak();
        WriteBreak(v, &i);
        indention_ = breaks = true;
      } else {
        if (breaks) WriteIndent();
        if (v[i] == '\'') Put('\'');
        Write(v, &i);
        indention_ = spaces = breaks = false;
      }
    }
    WriteIndicator("'", false, false, false);
    whitespace_ = indention_ = false;
  }

  void WriteEscape(uint32_t r) {
    Put('\\');
    switch (r) {
      case 0x00: Put('0'); return;
      case 0x07: Put('a'); return;
      case 0x08: Put('b'); return;
      case 0x09: Put('t'); return;
      case 0x0A: Put('n'); return;
      case 0x0B: Put('v'); return;
      case 0x0C: Put('f'); return;
      case 0x0D: Put('r'); return;
      case 0x1B: Put('e'); return;
      case 0x22: Put('"'); return;
      case 0x5C: Put('\\'); return;
      case 0x85: Put('N'); return;
      case 0xA0: Put('_'); return;
      case 0x2028: Put('L'); return;
      case 0x2029: Put('P'); return;
      default: break;
    }
    char buf[12];
    if (r <= 0xFF) std::snprintf(buf, sizeof buf, "x%02X", r);
    else if (r <= 0xFFFF) std::snprintf(buf, sizeof buf, "u%04X", r);
    else std::snprintf(buf, sizeof buf, "U%08X", r);
    for (const char* p = buf; *p; ++p) Put(*p);
  }

  void WriteDouble(std::string_view v, bool allow_breaks) {
    bool spaces = false;
    WriteIndicator("\"", true, false, false);
    for (size_t i = 0; i < v.size();) {
      const bool bom = v.substr(i).starts_with("\xEF\xBB\xBF");
      if (!IsPrintable(v, i) || bom || IsBreak(v, i) || v[i] == '"' || v[i] == '\\') {
        int w = 1;
        const uint32_t r = DecodeRune(v, i, &w);
        i += static_cast<size_t>(w);
        WriteEscape(r);
        spaces = false;
      } else if (IsSpace(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i != 0 && i != v.size() - 1) {
          WriteIndent();
          if (IsSpace(v, i + 1)) Put('\\');
          ++i;
        } else {
          Write(v, &i);
        }
        spaces = true;
      } else {
        Write(v, &i);
        spaces = false;
      }
    }
    WriteIndicator("\"", false, false, false);
    whitespace_ = indention_ = false;
  }

  void WriteLiteral(std::string_view v) {
    WriteIndicator("|", true, false, false);
    if (IsSpace(v, 0) || IsBreak(v, 0)) WriteIndicator(std::string(1, static_cast<char>('0' + kBestIndent)), false, false, false);
    // Chomping: "-" without a final break, "+" with more than one, none with exactly one.
    size_t last = v.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(v[last]) & 0xC0) == 0x80) --last;
    if (!IsBreak(v, last)) {
      WriteIndicator("-", false, false, false);
    } else if (last == 0) {
      WriteIndicator("+", false, false, false);
    } else {
      size_t before = last - 1;
      while (before > 0 && (static_cast<unsigned char>(v[before]) & 0xC0) == 0x80) --before;
      if (IsBreak(v, before)) WriteIndicator("+", false, false, false);
    }
    PutBreak();
    indention_ = whitespace_ = true;
    bool breaks = true;
    for (size_t i = 0; i < v.size();) {
      if (IsBreak(v, i)) {
        WriteBreak(v, &i);
        indention_ = breaks = true;
      } else {
        if (breaks) WriteIndent();
        Write(v, &i);
        indention_ = breaks = false;
      }
    }
  }

  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  bool mapping_context_ = false;
  bool simple_key_context_ = false;
  bool indent_sequences_ = false;
};

}  // namespace

std::string EmitYaml(const YamlOut& root, bool indent_sequences) { return Emitter(indent_sequences).Run(root); }

}  // namespace kubeshift::tmpl
