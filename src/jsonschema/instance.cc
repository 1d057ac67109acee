// JSON views of template values: their JSON type, JSON equality (with each other and with
// schema constants), and how v6 prints them in messages.
#include <cmath>
#include <set>

#include "jsonschema/schema_internal.h"

namespace kubeshift::jsonschema {

using tmpl::Value;

// The JSON type of a value as v6 names it ("integer" is never a value's own type).
std::string TypeOf(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil: return "null";
    case Value::Kind::kBool: return "boolean";
    case Value::Kind::kInt:
    case Value::Kind::kInt64:
    case Value::Kind::kFloat: return "number";
    case Value::Kind::kString: return "string";
    case Value::Kind::kList: return "array";
    case Value::Kind::kMap: return "object";
    default: return "";
  }
}

double NumberOf(const Value& v) { return v.IsInteger() ? static_cast<double>(v.AsInt()) : v.AsFloat(); }

bool IsIntegral(const Value& v) {
  return v.IsInteger() || (v.kind() == Value::Kind::kFloat && std::isfinite(v.AsFloat()) && std::trunc(v.AsFloat()) == v.AsFloat());
}

// JSON equality: numbers by value (1 == 1.0), objects regardless of key order.
bool Equal(const Value& a, const Value& b) {
  if (a.IsNumber() && b.IsNumber()) {
    if (a.IsInteger() && b.IsInteger()) return a.AsInt() == b.AsInt();
    return NumberOf(a) == NumberOf(b);
  }
  if (TypeOf(a) != TypeOf(b)) return false;
  switch (a.kind()) {
    case Value::Kind::kBool: return a.AsBool() == b.AsBool();
    case Value::Kind::kString: return a.AsString() == b.AsString();
    case Value::Kind::kList: {
      const auto &x = a.AsList(), &y = b.AsList();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!Equal(x[i], y[i])) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      const auto &x = a.AsMap(), &y = b.AsMap();
      if (x.size() != y.size()) return false;
      for (const auto& [key, val] : x) {
        auto it = y.find(key);
        if (it == y.end() || !Equal(val, it->second)) return false;
      }
      return true;
    }
    default: return true;  // both null
  }
}

bool Equal(const Value& a, const JValue& b) {
  if (a.IsNumber() && b.IsNumber()) {
    if (a.IsInteger() && b.IsInt64()) return a.AsInt() == b.GetInt64();
    return NumberOf(a) == b.GetDouble();
  }
  if (a.IsNilish()) return b.IsNull();
  switch (a.kind()) {
    case Value::Kind::kBool: return b.IsBool() && a.AsBool() == b.GetBool();
    case Value::Kind::kString: return b.IsString() && a.AsString() == Str(b);
    case Value::Kind::kList: {
      if (!b.IsArray() || a.AsList().size() != b.Size()) return false;
      for (rapidjson::SizeType i = 0; i < b.Size(); ++i) {
        if (!Equal(a.AsList()[i], b[i])) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      if (!b.IsObject()) return false;
      std::set<std::string_view> keys;
      for (const auto& m : b.GetObject()) keys.insert(Str(m.name));
      if (keys.size() != a.AsMap().size()) return false;
      for (const auto& [key, val] : a.AsMap()) {
        const JValue* other = Member(b, key);
        if (other == nullptr || !Equal(val, *other)) return false;
      }
      return true;
    }
    default: return false;
  }
}

// How v6 shows a schema constant in a message: strings quoted, numbers as Go prints them.
std::string Display(const JValue& v) {
  if (v.IsString()) return Quote(Str(v));
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsNull()) return "<nil>";
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  if (v.IsNumber()) return FormatNumber(v.GetDouble());
  return "value";
}

std::string DisplayValue(const Value& v) {
  if (v.IsString()) return Quote(v.AsString());
  if (v.IsNumber()) return v.IsInteger() ? std::to_string(v.AsInt()) : FormatNumber(v.AsFloat());
  return tmpl::ToString(v);
}

}  // namespace kubeshift::jsonschema
