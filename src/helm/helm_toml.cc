// Helm's toToml / mustToToml / fromToml (pkg/engine/funcs.go). toToml writes what
// BurntSushi/toml v1.3+'s Encoder writes for map[string]interface{} values: keys sorted, plain
// keys before tables, two spaces of indentation per table level, a blank line before each
// top-level table and each [[array]] entry, floats always with a decimal point. fromToml reads
// TOML 1.0 into maps as BurntSushi's Decode does: integers as int64, floats as float64,
// date-times as time.Time.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/go_strconv.h"
#include "helm/go_time.h"
#include "helm/go_unicode.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;
using Key = std::vector<std::string>;

// ---- encoder ---------------------------------------------------------------------------

Value Concrete(const Value& v) {
  if (v.kind() != Value::Kind::kObject) return v;
  if (const std::string* bytes = v.AsObject().Bytes()) {  // []byte is a list of integers
    ValueList items;
    for (unsigned char c : *bytes) items.push_back(Value::Int(c));
    return Value::List(std::move(items));
  }
  Value elements = v.AsObject().Elements();
  if (elements.IsValid()) return elements;
  Value data = v.AsObject().ToData();
  return data.IsValid() ? data : Value::Map();
}

std::string EscapeToml(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
        else out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool IsBareKey(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

std::string QuoteKey(const std::string& k) { return IsBareKey(k) ? k : "\"" + EscapeToml(k) + "\""; }

std::string JoinKey(const Key& key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) out += (i ? "." : "") + QuoteKey(key[i]);
  return out;
}

class TomlEncoder {
 public:
  bool Encode(const Value& v, std::string* out, std::string* error) {
    if (!Top(v)) {
      *error = error_;
      return false;
    }
    *out = std::move(out_);
    return true;
  }

 private:
  enum class Type { kNone, kPrimitive, kArray, kTable, kTableArray };

  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  // tomlTypeOfGo; false (with the error) for arrays holding nil.
  bool TypeOf(const Value& raw, Type* type) {
    const Value v = Concrete(raw);
    if (v.IsNilish()) *type = Type::kNone;
    else if (v.IsMap()) *type = Type::kTable;
    else if (!v.IsList()) *type = Type::kPrimitive;
    else {
      bool all_tables = !v.AsList().empty();
      for (const Value& item : v.AsList()) {
        Type t;
        if (!TypeOf(item, &t)) return false;
        if (t == Type::kNone) return Fail("toml: cannot encode array with nil element");
        all_tables = all_tables && t == Type::kTable;
      }
      *type = all_tables ? Type::kTableArray : Type::kArray;
    }
    return true;
  }

  void Write(std::string_view s) {
    out_ += s;
    written_ = true;
  }
  void Newline() {
    if (written_) Write("\n");
  }
  std::string Indent(const Key& key) const { return std::string(2 * (key.size() - 1), ' '); }

  // Encode with an empty key: a map is the document; a list of tables has no name to go
  // under; anything else is written bare, as writeKeyValue does for an empty key.
  bool Top(const Value& raw) {
    const Value v = Concrete(raw);
    if (v.IsMap()) return Table({}, v);
    Type type;
    if (!TypeOf(v, &type)) return false;
    if (type == Type::kTableArray) return Fail("toml: top-level values must be Go maps or structs");
    return Element(v);
  }

  bool Encode(const Key& key, const Value& raw) {
    const Value v = Concrete(raw);
    Type type;
    if (!TypeOf(v, &type)) return false;
    switch (type) {
      case Type::kNone: return true;
      case Type::kTable:
        if (key.size() == 1) Newline();
        Write(Indent(key) + "[" + JoinKey(key) + "]");
        Newline();
        return Table(key, v);
      case Type::kTableArray:
        for (const Value& item : v.AsList()) {
          Newline();
          Write(Indent(key) + "[[" + JoinKey(key) + "]]");
          Newline();
          if (!Table(key, Concrete(item))) return false;
        }
        return true;
      default:
        Write(Indent(key) + QuoteKey(key.back()) + " = ");
        if (!Element(v)) return false;
        Newline();
        return true;
    }
  }

  // eMap: keys whose values are not tables first, each group sorted.
  bool SplitKeys(const Value& map, std::vector<const ValueMap::value_type*>* direct,
                 std::vector<const ValueMap::value_type*>* sub) {
    for (const auto& entry : map.AsMap()) {
      Type t;
      if (!TypeOf(entry.second, &t)) return false;
      (t == Type::kTable || t == Type::kTableArray ? sub : direct)->push_back(&entry);
    }
    return true;
  }

  bool Table(const Key& key, const Value& map) {
    std::vector<const ValueMap::value_type*> direct, sub;
    if (!SplitKeys(map, &direct, &sub)) return false;
    for (const auto* group : {&direct, &sub}) {
      for (const auto* entry : *group) {
        if (Concrete(entry->second).IsNilish()) continue;
        Key child = key;
        child.push_back(entry->first);
        if (!Encode(child, entry->second)) return false;
      }
    }
    return true;
  }

  bool InlineTable(const Value& map) {
    std::vector<const ValueMap::value_type*> direct, sub;
    if (!SplitKeys(map, &direct, &sub)) return false;
    Write("{");
    for (const auto* group : {&direct, &sub}) {
      const bool trailing_comma = group == &direct && !sub.empty();
      for (size_t i = 0; i < group->size(); ++i) {
        const auto* entry = (*group)[i];
        if (Concrete(entry->second).IsNilish()) continue;
        Write(QuoteKey(entry->first) + " = ");
        if (!Element(entry->second)) return false;
        if (trailing_comma || i + 1 != group->size()) Write(", ");
      }
    }
    Write("}");
    return true;
  }

  bool Element(const Value& raw) {
    const Value v = Concrete(raw);
    switch (v.kind()) {
      case Value::Kind::kBool: Write(v.AsBool() ? "true" : "false"); return true;
      case Value::Kind::kInt:
      case Value::Kind::kInt64: Write(std::to_string(v.AsInt())); return true;
      case Value::Kind::kFloat: {
        const double f = v.AsFloat();
        if (std::isnan(f)) Write(std::signbit(f) ? "-nan" : "nan");
        else if (std::isinf(f)) Write(f < 0 ? "-inf" : "inf");
        else {
          std::string s = FormatFloat(f, 'f', -1);
          if (s.find('.') == std::string::npos) s += ".0";
          Write(s);
        }
        return true;
      }
      case Value::Kind::kString: Write("\"" + EscapeToml(v.AsString()) + "\""); return true;
      case Value::Kind::kMap: return InlineTable(v);
      case Value::Kind::kList: {
        Write("[");
        const ValueList& items = v.AsList();
        for (size_t i = 0; i < items.size(); ++i) {
          if (!Element(items[i])) return false;
          if (i + 1 != items.size()) Write(", ");
        }
        Write("]");
        return true;
      }
      default: return Fail("toml: unexpected primitive type: " + v.TypeName());
    }
  }

  std::string out_, error_;
  bool written_ = false;
};

// ---- decoder ---------------------------------------------------------------------------

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
      char name[8];
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

bool ToToml(const Value& value, std::string* out, std::string* error) {
  return TomlEncoder().Encode(value, out, error);
}

bool FromToml(std::string_view text, Value* out, std::string* error) { return TomlParser(text).Parse(out, error); }

// BurntSushi's Encode(nil) panics in reflect (Go's template turns that into the call's error);
// every other failure is an error value, which toToml returns as its text.
constexpr std::string_view kNilPanic = "reflect: call of reflect.Value.Type on zero Value";

void AddHelmToml(FunctionRegistry* r) {
  r->Add(Fn("toToml", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    if (Concrete(a[0]).IsNilish()) return Fail(e, std::string(kNilPanic));
    std::string text, error;
    *out = Value::String(ToToml(a[0], &text, &error) ? text : error);
    return true;
  }));
  r->Add(Fn("mustToToml", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    if (Concrete(a[0]).IsNilish()) return Fail(e, std::string(kNilPanic));
    std::string text;
    if (!ToToml(a[0], &text, e)) return false;
    *out = Value::String(std::move(text));
    return true;
  }));
  r->Add(Pure("fromToml", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    if (!FromToml(a[0].AsString(), &out, &error)) return Value::Map({{"Error", Value::String(error)}});
    return out;
  }));
}

}  // namespace kubeshift::tmpl
