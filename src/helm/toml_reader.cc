// fromToml's reader: TOML 1.0 into template values as BurntSushi/toml's Decode fills a
// map[string]interface{}: tables as maps, arrays as lists, integers as int64, floats as
// float64, date-times as time.Time. Errors read "toml: line N: ..." as BurntSushi's do (the
// wording after the line number is close to BurntSushi's, not always the same).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "helm/go_strconv.h"
#include "helm/go_time.h"
#include "helm/go_unicode.h"
#include "helm/toml.h"

namespace kubeshift::tmpl {
namespace {

using Key = std::vector<std::string>;

class TomlParser {
 public:
  explicit TomlParser(std::string_view text) : s_(text) {}

  bool Parse(Value* out, std::string* error) {
    root_ = std::make_shared<ValueMap>();
    current_ = root_.get();
    if (!Document()) {
      *error = "toml: line " + std::to_string(line_) + ": " + error_;
      return false;
    }
    *out = Value::MapRef(root_);
    return true;
  }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
  void SkipBlanks() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos_;
  }
  void SkipComment() {
    if (Peek() != '#') return;
    while (!AtEnd() && Peek() != '\n') ++pos_;
  }
  bool Newline() {
    if (Peek() == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    if (Peek() == '\r' && Peek(1) == '\n') {
      pos_ += 2;
      ++line_;
      return true;
    }
    return false;
  }
  // Blanks, comments and newlines (inside arrays).
  void SkipWhitespaceAndComments() {
    for (;;) {
      SkipBlanks();
      SkipComment();
      if (!Newline()) return;
    }
  }
  bool EndOfLine() {
    SkipBlanks();
    SkipComment();
    if (AtEnd() || Newline()) return true;
    return Fail(std::string("expected a top-level item to end with a newline, comment, or EOF, but got '") + Peek() +
                "' instead");
  }

  bool Document() {
    for (;;) {
      SkipWhitespaceAndComments();
      if (AtEnd()) return true;
      if (Peek() == '[') {
        if (!Header()) return false;
      } else if (!KeyValue(current_)) {
        return false;
      }
      if (!EndOfLine()) return false;
    }
  }

  static bool IsBareChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }

  bool SimpleKey(std::string* key) {
    SkipBlanks();
    if (Peek() == '"') return BasicString(key);
    if (Peek() == '\'') return LiteralString(key);
    const size_t start = pos_;
    while (!AtEnd() && IsBareChar(Peek())) ++pos_;
    if (pos_ == start) {
      if (AtEnd() || Peek() == '\n') return Fail("unexpected EOF; expected key separator '='");
      return Fail(std::string("bare keys cannot contain '") + Peek() + "'");
    }
    *key = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  bool DottedKey(Key* key) {
    for (;;) {
      std::string part;
      if (!SimpleKey(&part)) return false;
      key->push_back(std::move(part));
      SkipBlanks();
      if (Peek() != '.') return true;
      ++pos_;
    }
  }

  // The table \a name inside \a map, created when missing; false when the key holds a value.
  bool Descend(ValueMap** map, const std::string& name, bool last_of_array) {
    auto it = (*map)->find(name);
    if (it == (*map)->end()) {
      it = (*map)->emplace(name, Value::Map()).first;
    }
    Value& v = it->second;
    if (v.IsMap()) {
      *map = &v.MutableMap();
      return true;
    }
    if (v.IsList() && last_of_array && !v.AsList().empty() && v.AsList().back().IsMap()) {
      *map = &v.AsList().back().MutableMap();
      return true;
    }
    return Fail("key '" + name + "' is already defined as a value");
  }

  bool Header() {
    ++pos_;
    const bool array = Peek() == '[';
    if (array) ++pos_;
    Key key;
    if (!DottedKey(&key)) return false;
    SkipBlanks();
    if (Peek() != ']' || (array && Peek(1) != ']')) return Fail("expected ']' to close the table name");
    pos_ += array ? 2 : 1;
    ValueMap* map = root_.get();
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      if (!Descend(&map, key[i], true)) return false;
    }
    const std::string& last = key.back();
    if (array) {
      auto it = map->find(last);
      if (it == map->end()) it = map->emplace(last, Value::List({})).first;
      if (!it->second.IsList()) return Fail("key '" + last + "' is already defined as a table");
      ValueList items = it->second.AsList();
      items.push_back(Value::Map());
      it->second = Value::List(std::move(items));
      current_ = &it->second.AsList().back().MutableMap();
      return true;
    }
    if (!Descend(&map, last, false)) return false;
    current_ = map;
    return true;
  }

  bool KeyValue(ValueMap* table) {
    Key key;
    if (!DottedKey(&key)) return false;
    SkipBlanks();
    if (Peek() != '=') return Fail("unexpected EOF; expected key separator '='");
    ++pos_;
    SkipBlanks();
    Value value;
    if (!ParseValue(&value)) return false;
    ValueMap* map = table;
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      if (!Descend(&map, key[i], false)) return false;
    }
    if (map->count(key.back())) return Fail("Key '" + key.back() + "' has already been defined.");
    map->emplace(key.back(), std::move(value));
    return true;
  }

  bool ParseValue(Value* out) {
    if (depth_ > kMaxDepth) return Fail("arrays and inline tables nest too deeply");
    ++depth_;
    const bool ok = ParseValueAt(out);
    --depth_;
    return ok;
  }

  bool ParseValueAt(Value* out) {
    const char c = Peek();
    std::string text;
    if (c == '"' || c == '\'') {
      const bool ok = c == '"' ? BasicString(&text) : LiteralString(&text);
      *out = Value::String(std::move(text));
      return ok;
    }
    if (c == '[') return Array(out);
    if (c == '{') return InlineTable(out);
    if (s_.substr(pos_).starts_with("true") && !IsBareChar(Peek(4))) {
      pos_ += 4;
      *out = Value::Bool(true);
      return true;
    }
    if (s_.substr(pos_).starts_with("false") && !IsBareChar(Peek(5))) {
      pos_ += 5;
      *out = Value::Bool(false);
      return true;
    }
    return Scalar(out);
  }

  // Numbers and date-times: a run of the characters they can hold.
  bool Scalar(Value* out) {
    const size_t start = pos_;
    while (!AtEnd() && (IsBareChar(Peek()) || Peek() == '.' || Peek() == '+' || Peek() == ':' ||
                        (Peek() == ' ' && pos_ - start == 10 && std::isdigit(static_cast<unsigned char>(Peek(1)))))) {
      ++pos_;
    }
    const std::string word(s_.substr(start, pos_ - start));
    if (word.empty()) {
      if (AtEnd()) return Fail("unexpected EOF; expected a value");
      return Fail(std::string("expected value but found '") + Peek() + "' instead");
    }
    std::string body = word;
    const bool negative = body[0] == '-';
    if (body[0] == '+' || body[0] == '-') body.erase(0, 1);
    if (body.empty()) return Fail("invalid number: '" + word + "'");
    if (body == "inf" || body == "nan") {
      *out = Value::Float(body == "nan" ? NAN : (negative ? -INFINITY : INFINITY));
      return true;
    }
    if ((body.size() >= 10 && body[4] == '-' && body[7] == '-') || (body.size() >= 8 && body[2] == ':')) {
      return DateTime(word, out);
    }
    if (body.find("__") != std::string::npos || body.front() == '_' || body.back() == '_') {
      return Fail("invalid number: '" + word + "'");
    }
    const bool prefixed = body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o' || body[1] == 'b');
    if (prefixed && body.size() == word.size()) {
      uint64_t n;
      if (!ParseGoUint(body, 0, &n) || n > static_cast<uint64_t>(INT64_MAX)) return Fail("invalid integer: '" + word + "'");
      *out = Value::Int64(static_cast<int64_t>(n));
      return true;
    }
    const bool is_float = !prefixed && body.find_first_of(".eE") != std::string::npos;
    std::string digits;
    for (char c : word) {
      if (c != '_') digits.push_back(c);
    }
    const size_t first_digit = (digits[0] == '+' || digits[0] == '-') ? 1 : 0;
    if (digits.size() > first_digit + 1 && digits[first_digit] == '0' && std::isdigit(static_cast<unsigned char>(digits[first_digit + 1]))) {
      return Fail("invalid number: '" + word + "'");
    }
    if (is_float) {
      double f;
      const size_t dot = digits.find('.');
      if (dot != std::string::npos && (dot == first_digit || dot + 1 >= digits.size() ||
                                       !std::isdigit(static_cast<unsigned char>(digits[dot + 1])))) {
        return Fail("invalid float: '" + word + "'");
      }
      if (!ParseGoFloat(digits, &f)) return Fail("invalid float: '" + word + "'");
      *out = Value::Float(f);
      return true;
    }
    int64_t n;
    if (!ParseGoInt(digits, 10, &n)) return Fail("invalid integer: '" + word + "'");
    *out = Value::Int64(n);
    return true;
  }

  // A date-time as BurntSushi decodes it: a time.Time, in UTC or at its offset, or in the
  // zones it names "datetime-local", "date-local" and "time-local" for the local forms.
  bool DateTime(const std::string& word, Value* out) {
    std::string text = word;
    for (char& c : text) {
      if (c == 't' || c == ' ') c = 'T';
      if (c == 'z') c = 'Z';
    }
    const bool has_date = text.size() >= 10 && text[4] == '-';
    const bool has_time = text.find(':') != std::string::npos;
    const bool has_zone = has_date && has_time && (text.back() == 'Z' || text.find_first_of("+-", 19) != std::string::npos);
    std::string layout, zone;
    if (has_zone) layout = "2006-01-02T15:04:05.999999999Z07:00";
    else if (has_date && has_time) layout = "2006-01-02T15:04:05.999999999", zone = "datetime-local";
    else if (has_date) layout = "2006-01-02", zone = "date-local";
    else layout = "15:04:05.999999999", zone = "time-local", text = "0000-01-01T" + text;
    if (zone == "time-local") layout = "2006-01-02T" + layout;
    GoTime t;
    std::string error;
    if (!ParseTime(layout, text, &t, &error)) return Fail("invalid datetime: \"" + word + "\"");
    if (!zone.empty()) t.zone = zone;
    if (t.zone.empty()) {  // Go names a nameless fixed zone by its offset: "-0700"
      const int minutes = std::abs(t.offset) / 60;
      char name[16];
      std::snprintf(name, sizeof name, "%c%02d%02d", t.offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
      t.zone = name;
    }
    *out = TimeValue(t);
    return true;
  }

  bool Array(Value* out) {
    ++pos_;
    ValueList items;
    for (;;) {
      SkipWhitespaceAndComments();
      if (Peek() == ']') break;
      Value item;
      if (!ParseValue(&item)) return false;
      items.push_back(std::move(item));
      SkipWhitespaceAndComments();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') break;
      if (AtEnd()) return Fail("unexpected EOF; expected ']'");
      return Fail(std::string("expected a comma (',') or array terminator (']'), but got '") + Peek() + "'");
    }
    ++pos_;
    *out = Value::List(std::move(items));
    return true;
  }

  bool InlineTable(Value* out) {
    ++pos_;
    *out = Value::Map();
    SkipBlanks();
    if (Peek() == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      if (!KeyValue(&out->MutableMap())) return false;
      SkipBlanks();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected a comma or an inline table terminator '}'");
    }
  }

  bool LiteralString(std::string* out) {
    if (s_.substr(pos_).starts_with("'''")) {
      pos_ += 3;
      if (Newline()) {}
      const size_t end = s_.find("'''", pos_);
      if (end == std::string_view::npos) return Fail("unexpected EOF; expected \"'''\"");
      size_t close = end;
      while (close + 3 < s_.size() && s_[close + 3] == '\'' && close - end < 2) ++close;
      *out = std::string(s_.substr(pos_, close - pos_));
      for (char c : *out) line_ += c == '\n';
      pos_ = close + 3;
      return true;
    }
    ++pos_;
    const size_t start = pos_;
    while (!AtEnd() && Peek() != '\'' && Peek() != '\n') ++pos_;
    if (Peek() != '\'') return Fail("unexpected EOF; expected \"'\"");
    *out = std::string(s_.substr(start, pos_ - start));
    ++pos_;
    return true;
  }

  bool Escape(std::string* out) {
    ++pos_;  // the backslash
    const char c = Peek();
    ++pos_;
    switch (c) {
      case 'b': out->push_back('\b'); return true;
      case 't': out->push_back('\t'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'r': out->push_back('\r'); return true;
      case 'e': out->push_back('\x1b'); return true;
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case 'u':
      case 'U': {
        const size_t n = c == 'u' ? 4 : 8;
        uint64_t r;
        if (pos_ + n > s_.size() || !ParseGoUint(s_.substr(pos_, n), 16, &r) || r > 0x10FFFF ||
            (r >= 0xD800 && r <= 0xDFFF)) {
          return Fail("invalid escape sequence");
        }
        pos_ += n;
        AppendRune(static_cast<uint32_t>(r), out);
        return true;
      }
      default: return Fail(std::string("invalid escape character '") + c + "'");
    }
  }

  bool BasicString(std::string* out) {
    if (s_.substr(pos_).starts_with("\"\"\"")) {
      pos_ += 3;
      Newline();
      for (;;) {
        if (AtEnd()) return Fail("unexpected EOF; expected '\"\"\"'");
        if (s_.substr(pos_).starts_with("\"\"\"")) {
          size_t extra = 0;
          while (extra < 2 && Peek(3 + extra) == '"') ++extra;
          out->append(extra, '"');
          pos_ += 3 + extra;
          return true;
        }
        if (Peek() == '\\') {
          size_t p = pos_ + 1;
          while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
          if (p < s_.size() && (s_[p] == '\n' || s_[p] == '\r')) {  // line-ending backslash
            pos_ = p;
            SkipWhitespaceAndComments();
            continue;
          }
          if (!Escape(out)) return false;
          continue;
        }
        if (Newline()) {
          out->push_back('\n');
          continue;
        }
        out->push_back(Peek());
        ++pos_;
      }
    }
    ++pos_;
    for (;;) {
      if (AtEnd() || Peek() == '\n') return Fail("unexpected EOF; expected '\"'");
      if (Peek() == '"') {
        ++pos_;
        return true;
      }
      if (Peek() == '\\') {
        if (!Escape(out)) return false;
        continue;
      }
      out->push_back(Peek());
      ++pos_;
    }
  }

  static constexpr int kMaxDepth = 1000;
  std::string_view s_;
  size_t pos_ = 0;
  int depth_ = 0;
  int line_ = 1;
  std::shared_ptr<ValueMap> root_;
  ValueMap* current_ = nullptr;
  std::string error_;
};

}  // namespace

bool FromToml(std::string_view text, Value* out, std::string* error) { return TomlParser(text).Parse(out, error); }

}  // namespace kubeshift::tmpl
