// Sprig conversions and splitting: atoi, int, int64, float64, toDecimal, seq, until,
// untilStep, split, splitn, splitList, toStrings, join, sortAlpha.
#include <algorithm>

#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/go_strconv.h"
#include "helm/go_unicode.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

// strings.SplitN: n < 0 all pieces, n == 0 none, an empty separator splits runes.
std::vector<std::string> SplitN(const std::string& s, const std::string& sep, int64_t n) {
  std::vector<std::string> parts;
  if (n == 0) return parts;
  if (sep.empty()) {
    for (size_t i = 0; i < s.size();) {
      int w = 1;
      DecodeRune(s, i, &w);
      if (n > 0 && static_cast<int64_t>(parts.size()) == n - 1) {
        parts.push_back(s.substr(i));
        return parts;
      }
      parts.push_back(s.substr(i, static_cast<size_t>(w)));
      i += static_cast<size_t>(w);
    }
    return parts;
  }
  size_t at = 0;
  while (n < 0 || static_cast<int64_t>(parts.size()) < n - 1) {
    const size_t hit = s.find(sep, at);
    if (hit == std::string::npos) break;
    parts.push_back(s.substr(at, hit - at));
    at = hit + sep.size();
  }
  parts.push_back(s.substr(at));
  return parts;
}

Value SplitMap(const std::vector<std::string>& parts) {
  ValueMap map;
  for (size_t i = 0; i < parts.size(); ++i) map.emplace("_" + std::to_string(i), Value::String(parts[i]));
  return Value::Map(std::move(map));
}

std::vector<int64_t> UntilStep(int64_t start, int64_t stop, int64_t step) {
  std::vector<int64_t> v;
  if (stop < start) {
    if (step >= 0) return v;
    for (int64_t i = start; i > stop && v.size() < 10000000; i += step) v.push_back(i);
    return v;
  }
  if (step <= 0) return v;
  for (int64_t i = start; i < stop && v.size() < 10000000; i += step) v.push_back(i);
  return v;
}

Value IntList(const std::vector<int64_t>& v) {
  ValueList list;
  list.reserve(v.size());
  for (int64_t i : v) list.push_back(Value::Int(i));
  return Value::List(std::move(list));
}

std::string Seq(Args a) {
  std::vector<int64_t> v;
  switch (a.size()) {
    case 1: {
      const int64_t end = a[0].AsInt(), inc = end < 1 ? -1 : 1;
      v = UntilStep(1, end + inc, inc);
      break;
    }
    case 2: {
      const int64_t start = a[0].AsInt(), end = a[1].AsInt(), step = end < start ? -1 : 1;
      v = UntilStep(start, end + step, step);
      break;
    }
    case 3: {
      const int64_t start = a[0].AsInt(), step = a[1].AsInt(), end = a[2].AsInt();
      const int64_t inc = end < start ? -1 : 1;
      if (end < start && step > 0) return "";
      v = UntilStep(start, end + inc, step);
      break;
    }
    default: return "";
  }
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out.push_back(' ');
    out += std::to_string(v[i]);
  }
  return out;
}

}  // namespace

void AddSprigConversion(FunctionRegistry* r) {
  r->Add(Pure("atoi", {P::kString}, [](Args a) {
    int64_t n = 0;
    const std::string& s = a[0].AsString();
    // strconv.Atoi: base 10 only, an optional sign, no underscores.
    const bool plain = !s.empty() && s.find_first_not_of("+-0123456789") == std::string::npos;
    return Value::Int(plain && ParseGoInt(s, 10, &n) ? n : 0);
  }));
  r->Add(Pure("int", {P::kAny}, [](Args a) { return Value::Int(CastToInt64(a[0])); }));
  r->Add(Pure("int64", {P::kAny}, [](Args a) { return Value::Int64(CastToInt64(a[0])); }));
  r->Add(Pure("float64", {P::kAny}, [](Args a) { return Value::Float(CastToFloat64(a[0])); }));
  r->Add(Pure("toDecimal", {P::kAny}, [](Args a) {
    int64_t n = 0;
    return Value::Int64(ParseGoInt(ToString(a[0]), 8, &n) ? n : 0);
  }));
  r->Add(Pure("seq", {P::kInt}, [](Args a) { return Value::String(Seq(a)); }, true));
  r->Add(Pure("until", {P::kInt}, [](Args a) {
    const int64_t count = a[0].AsInt();
    return IntList(UntilStep(0, count, count < 0 ? -1 : 1));
  }));
  r->Add(Pure("untilStep", {P::kInt, P::kInt, P::kInt}, [](Args a) {
    return IntList(UntilStep(a[0].AsInt(), a[1].AsInt(), a[2].AsInt()));
  }));
  r->Add(Pure("split", {P::kString, P::kString}, [](Args a) {
    return SplitMap(SplitN(a[1].AsString(), a[0].AsString(), -1));
  }));
  r->Add(Pure("splitn", {P::kString, P::kInt, P::kString}, [](Args a) {
    return SplitMap(SplitN(a[2].AsString(), a[0].AsString(), a[1].AsInt()));
  }));
  r->Add(Pure("splitList", {P::kString, P::kString}, [](Args a) {
    return StringList(SplitN(a[1].AsString(), a[0].AsString(), -1));
  }));
  r->Add(Pure("toStrings", {P::kAny}, [](Args a) { return StringList(Strslice(a[0])); }));
  r->Add(Pure("join", {P::kString, P::kAny}, [](Args a) {
    std::string out;
    bool first = true;
    for (const std::string& s : Strslice(a[1])) {
      if (!first) out += a[0].AsString();
      first = false;
      out += s;
    }
    return Value::String(std::move(out));
  }));
  r->Add(Pure("sortAlpha", {P::kAny}, [](Args a) {
    if (!a[0].IsList()) return StringList({Strval(a[0])});
    std::vector<std::string> items = Strslice(a[0]);
    std::sort(items.begin(), items.end());
    return StringList(std::move(items));
  }));
}

}  // namespace kubeshift::tmpl
