// Helm's strvals: the --set family's "a.b=c,d[0]=e" syntax, parsed with Helm's exact rules
// (typed scalars, {a,b} lists, indexes, backslash escapes; --set-json values, --set-file
// contents, --set-literal's raw rest of the line).
#include <rapidjson/document.h>

#include <cctype>
#include <charconv>

#include "chart/chart_internal.h"

namespace kubeshift::chart {
namespace {

constexpr int kMaxIndex = 65536;
constexpr int kMaxNestedNameLevel = 30;

enum class St { kOk, kEof, kErr };

Value FromJson(const rapidjson::Value& j) {
  if (j.IsObject()) {
    tmpl::ValueMap map;
    for (const auto& m : j.GetObject()) map.insert_or_assign(std::string(m.name.GetString(), m.name.GetStringLength()), FromJson(m.value));
    return Value::Map(std::move(map));
  }
  if (j.IsArray()) {
    tmpl::ValueList items;
    for (const auto& item : j.GetArray()) items.push_back(FromJson(item));
    return Value::List(std::move(items));
  }
  if (j.IsString()) return Value::String(std::string(j.GetString(), j.GetStringLength()));
  if (j.IsBool()) return Value::Bool(j.GetBool());
  if (j.IsNumber()) return Value::Float(j.GetDouble());
  return Value::Nil();
}

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Helm's typedVal.
Value Typed(const std::string& val, bool as_string) {
  if (as_string) return Value::String(val);
  if (EqualFold(val, "true")) return Value::Bool(true);
  if (EqualFold(val, "false")) return Value::Bool(false);
  if (EqualFold(val, "null")) return Value::Nil();
  if (val == "0") return Value::Int64(0);
  if (!val.empty() && val[0] != '0') {
    const char* begin = val.data() + (val[0] == '+' ? 1 : 0);
    int64_t n = 0;
    auto [end, ec] = std::from_chars(begin, val.data() + val.size(), n);
    if (ec == std::errc() && end == val.data() + val.size() && begin != end && !(val[0] == '+' && val[1] == '-')) {
      return Value::Int64(n);
    }
  }
  return Value::String(val);
}

std::string GoTypeName(const Value& v) { return v.IsNil() ? "nil" : v.TypeName(); }

class Parser {
 public:
  Parser(std::string_view text, SetMode mode, const FileReader& reader) : s_(text), mode_(mode), reader_(reader) {}

  bool Parse(Value* data, std::string* error) {
    while (true) {
      St st = Key(*data, 0);
      if (st == St::kOk) continue;
      if (st == St::kEof) return true;
      *error = error_;
      return false;
    }
  }

 private:
  bool literal() const { return mode_ == SetMode::kLiteral; }

  // runesUntil: the text up to a stop character (consumed), backslash escapes resolved
  // (except for --set-literal). *eof when the input ended first.
  std::string Until(std::string_view stop, char* last, bool* eof) {
    std::string v;
    *eof = false;
    while (true) {
      if (pos_ >= s_.size()) {
        *eof = true;
        return v;
      }
      char r = s_[pos_++];
      if (stop.find(r) != std::string_view::npos) {
        *last = r;
        return v;
      }
      if (r == '\\' && !literal()) {
        if (pos_ >= s_.size()) {
          *eof = true;
          return v;
        }
        r = s_[pos_++];
      }
      v += r;
    }
  }

  St Err(std::string message) {
    error_ = std::move(message);
    return St::kErr;
  }

  // A scalar through the mode's reader: typed, string, or a file's contents.
  St Read(const std::string& rs, Value* out) {
    if (mode_ != SetMode::kFile) {
      *out = Typed(rs, mode_ == SetMode::kString);
      return St::kOk;
    }
    std::string data, error;
    if (!reader_(rs, &data, &error)) return Err(error);
    *out = Value::String(std::move(data));
    return St::kOk;
  }

  // Optional blanks then ',' or the end: true (an empty value); anything else stays unread.
  bool EmptyVal() {
    while (pos_ < s_.size()) {
      char r = s_[pos_++];
      if (r == ',') return true;
      if (!std::isspace(static_cast<unsigned char>(r))) {
        --pos_;
        return false;
      }
    }
    return true;
  }

  // --set-json: one JSON value read from the rest of the text (Go's json.Decoder).
  St JsonValue(Value* out, bool* empty) {
    *empty = EmptyVal();
    if (*empty) return St::kOk;
    const std::string rest(s_.substr(pos_));
    rapidjson::StringStream stream(rest.c_str());
    rapidjson::Document doc;
    doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(stream);
    if (doc.HasParseError()) return Err("invalid JSON value: " + rest);
    *out = FromJson(doc);
    pos_ += stream.Tell();
    EmptyVal();
    return St::kOk;
  }

  // `{a,b}` after '=': kOk with the list, kEof at the end of input, or "not a list".
  St ValList(Value* out, bool* not_list) {
    *not_list = false;
    if (pos_ >= s_.size()) return St::kEof;
    if (s_[pos_] != '{') {
      *not_list = true;
      return St::kOk;
    }
    ++pos_;
    tmpl::ValueList list;
    while (true) {
      char last = 0;
      bool eof = false;
      std::string rs = Until(",}", &last, &eof);
      if (eof) return Err("list must terminate with '}'");
      Value v;
      St st = Read(rs, &v);
      if (st != St::kOk) return st;
      list.push_back(std::move(v));
      if (last == '}') {
        if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
        *out = Value::List(std::move(list));
        return St::kOk;
      }
    }
  }

  // The value after '=' (of a key or a list index).
  St Assign(Value* out) {
    if (literal()) {
      *out = Value::String(std::string(s_.substr(pos_)));
      pos_ = s_.size();
      return St::kOk;
    }
    if (mode_ == SetMode::kJson) {
      bool empty = false;
      St st = JsonValue(out, &empty);
      if (empty) *out = Value::Nil();
      return st;
    }
    bool not_list = false;
    St st = ValList(out, &not_list);
    if (st == St::kEof) *out = Value::String("");
    if (!not_list) return st;
    char last = 0;
    bool eof = false;
    return Read(Until(",", &last, &eof), out);
  }

  St KeyIndex(int* index) {
    char last = 0;
    bool eof = false;
    std::string v = Until("]", &last, &eof);
    if (eof) return Err("error parsing index: EOF");
    const char* begin = v.data() + (!v.empty() && v[0] == '+' ? 1 : 0);
    auto [end, ec] = std::from_chars(begin, v.data() + v.size(), *index);
    if (ec != std::errc() || end != v.data() + v.size() || v.empty()) {
      return Err("error parsing index: strconv.Atoi: parsing \"" + v + "\": invalid syntax");
    }
    return St::kOk;
  }

  St SetIndex(tmpl::ValueList* list, int index, Value value) {
    if (index < 0) return Err("negative " + std::to_string(index) + " index not allowed");
    if (index > kMaxIndex) {
      return Err("index of " + std::to_string(index) + " is greater than maximum supported index of " +
                 std::to_string(kMaxIndex));
    }
    if (list->size() <= static_cast<size_t>(index)) list->resize(static_cast<size_t>(index) + 1, Value::Nil());
    (*list)[static_cast<size_t>(index)] = std::move(value);
    return St::kOk;
  }

  St ListItem(tmpl::ValueList* list, int i, int level) {
    if (i < 0) return Err("negative " + std::to_string(i) + " index not allowed");
    char last = 0;
    bool eof = false;
    std::string key = Until("[.=", &last, &eof);
    if (literal() && !key.empty()) return Err("unexpected data at end of array index: \"" + key + "\"");
    if (eof) return literal() ? St::kEof : Err("error parsing index: EOF");
    const size_t at = static_cast<size_t>(i);
    if (last == '=') {
      Value v;
      St st = Assign(&v);
      if (st == St::kErr) return st;
      return SetIndex(list, i, std::move(v));
    }
    if (last == '[') {
      int next = 0;
      if (KeyIndex(&next) != St::kOk) return St::kErr;
      tmpl::ValueList inner;
      if (list->size() > at && !(*list)[at].IsNilish()) {
        if (!(*list)[at].IsList()) return Err(Conversion((*list)[at], "[]interface {}"));
        inner = (*list)[at].AsList();
      }
      St st = ListItem(&inner, next, level);
      if (st != St::kOk) return st;
      return SetIndex(list, i, Value::List(std::move(inner)));
    }
    Value inner = list->size() > at && (*list)[at].IsMap() ? (*list)[at] : Value::Map();
    St st = Key(inner, level);
    if (st != St::kOk) return st;
    return SetIndex(list, i, inner);
  }

  static std::string Conversion(const Value& v, std::string_view want) {
    return "unable to parse key: interface conversion: interface {} is " + GoTypeName(v) + ", not " +
           std::string(want);
  }

  St Key(const Value& data, int level) {
    char last = 0;
    bool eof = false;
    std::string k = Until(literal() ? "=[." : "=[,.", &last, &eof);
    tmpl::ValueMap& map = data.MutableMap();
    auto set = [&](Value v) {
      if (!k.empty()) map.insert_or_assign(k, std::move(v));
    };
    if (eof) return k.empty() ? St::kEof : Err("key \"" + k + "\" has no value");
    if (last == '[') {
      int i = 0;
      if (KeyIndex(&i) != St::kOk) return St::kErr;
      tmpl::ValueList list;
      if (auto it = map.find(k); it != map.end()) {
        if (!it->second.IsList()) return Err(Conversion(it->second, "[]interface {}"));
        list = it->second.AsList();
      }
      St st = ListItem(&list, i, level);
      set(Value::List(std::move(list)));
      return st;
    }
    if (last == '=') {
      Value v;
      St st = Assign(&v);
      if (st == St::kErr) return st;
      set(std::move(v));
      return st;
    }
    if (last == ',') {
      set(Value::String(""));
      return Err("key \"" + k + "\" has no value (cannot end with ,)");
    }
    if (++level > kMaxNestedNameLevel) {
      return Err("value name nested level is greater than maximum supported nested level of " +
                 std::to_string(kMaxNestedNameLevel));
    }
    Value inner = Value::Map();
    if (auto it = map.find(k); it != map.end()) {
      if (!it->second.IsMap()) return Err(Conversion(it->second, "map[string]interface {}"));
      inner = it->second;
    }
    St st = Key(inner, level);
    if (st == St::kOk && inner.AsMap().empty()) return Err("key map \"" + k + "\" has no value");
    if (!inner.AsMap().empty()) set(inner);
    return st;
  }

  std::string_view s_;
  size_t pos_ = 0;
  SetMode mode_;
  const FileReader& reader_;
  std::string error_;
};

}  // namespace

bool ParseSet(std::string_view text, SetMode mode, Value* dest, std::string* error, const FileReader& reader) {
  if (!dest->IsMap()) *dest = Value::Map();
  Parser parser(text, mode, reader);
  return parser.Parse(dest, error);
}

}  // namespace kubeshift::chart
