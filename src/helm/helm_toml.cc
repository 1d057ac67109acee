// Helm's toToml / mustToToml / fromToml (pkg/engine/funcs.go). toToml writes what
// BurntSushi/toml v1.3+'s Encoder writes for map[string]interface{} values: keys sorted, plain
// keys before tables, two spaces of indentation per table level, a blank line before each
// top-level table and each [[array]] entry, floats always with a decimal point. fromToml's
// reader is toml_reader.cc.
#include <cmath>

#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/toml.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;
using Key = std::vector<std::string>;

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

}  // namespace

bool ToToml(const Value& value, std::string* out, std::string* error) {
  return TomlEncoder().Encode(value, out, error);
}

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
