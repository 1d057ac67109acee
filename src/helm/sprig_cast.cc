// Sprig's strval/strslice and spf13/cast's ToInt64/ToFloat64 (the versions Sprig 3.3 uses).
#include "helm/sprig_cast.h"

#include <cmath>

#include "helm/go_format.h"
#include "helm/go_strconv.h"

namespace kubeshift::tmpl {

std::string Strval(const Value& v) {
  if (v.IsString()) return v.AsString();
  if (v.kind() == Value::Kind::kObject && v.AsObject().Bytes()) return *v.AsObject().Bytes();
  return ToString(v);
}

std::vector<std::string> Strslice(const Value& v) {
  std::vector<std::string> out;
  if (v.IsList()) {
    out.reserve(v.AsList().size());
    for (const Value& item : v.AsList()) {
      if (!item.IsNilish()) out.push_back(Strval(item));
    }
  } else if (!v.IsNilish()) {
    out.push_back(Strval(v));
  }
  return out;
}

Value StringList(std::vector<std::string> items) {
  ValueList list;
  list.reserve(items.size());
  for (std::string& item : items) list.push_back(Value::String(std::move(item)));
  return Value::List(std::move(list), true);
}

namespace {

// cast's trimZeroDecimal: "3.00" → "3"; other texts unchanged.
std::string TrimZeroDecimal(const std::string& s) {
  bool found_zero = false;
  for (size_t i = s.size(); i > 0; --i) {
    const char c = s[i - 1];
    if (c == '.') return found_zero ? s.substr(0, i - 1) : s;
    if (c != '0') return s;
    found_zero = true;
  }
  return s;
}

int64_t FloatToInt64(double f) {
  if (std::isnan(f)) return INT64_MIN;
  if (f >= 9.2233720368547758e18 || f < -9.2233720368547758e18) return INT64_MIN;  // Go on amd64
  return static_cast<int64_t>(f);
}

}  // namespace

int64_t CastToInt64(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kInt64: return v.AsInt();
    case Value::Kind::kFloat: return FloatToInt64(v.AsFloat());
    case Value::Kind::kBool: return v.AsBool() ? 1 : 0;
    case Value::Kind::kString: {
      int64_t n = 0;
      return ParseGoInt(TrimZeroDecimal(v.AsString()), 0, &n) ? n : 0;
    }
    default: return 0;
  }
}

double CastToFloat64(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kInt64: return static_cast<double>(v.AsInt());
    case Value::Kind::kFloat: return v.AsFloat();
    case Value::Kind::kBool: return v.AsBool() ? 1 : 0;
    case Value::Kind::kString: {
      double f = 0;
      return ParseGoFloat(v.AsString(), &f) ? f : 0;
    }
    default: return 0;
  }
}

}  // namespace kubeshift::tmpl
