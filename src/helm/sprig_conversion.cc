// Sprig conversions and splitting: atoi, int, int64, float64, toDecimal, seq, until,
// untilStep, split, splitn, splitList, toStrings, join, sortAlpha.
#include <algorithm>
#include <cstdint>

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

// Go's int arithmetic wraps; C++'s would be undefined.
int64_t WrapAdd(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }

// Sprig's untilStep: Go's loop with its wrapping int arithmetic, so a step that wraps round
// gives Go's values. Where Go's loop never ends (or would take gigabytes) the byte limit
// (ExecOptions::max_bytes) ends it, checked before each block of elements is made.
bool UntilStep(CallContext& ctx, int64_t start, int64_t stop, int64_t step, std::vector<int64_t>* v,
               std::string* error) {
  constexpr size_t kBlock = 4096;
  const bool down = stop < start;
  if (down ? step >= 0 : step <= 0) return true;
  for (int64_t i = start; down ? i > stop : i < stop; i = WrapAdd(i, step)) {
    if (v->size() % kBlock == 0 && !ctx.Reserve((v->size() + kBlock) * sizeof(Value), error)) return false;
    v->push_back(i);
  }
  return true;
}

Value IntList(const std::vector<int64_t>& v) {
  ValueList list;
  list.reserve(v.size());
  for (int64_t i : v) list.push_back(Value::Int(i));
  return Value::List(std::move(list));
}

bool Seq(CallContext& ctx, Args a, Value* out, std::string* error) {
  std::vector<int64_t> v;
  bool ok = true;
  switch (a.size()) {
    case 1: {
      const int64_t end = a[0].AsInt(), inc = end < 1 ? -1 : 1;
      ok = UntilStep(ctx, 1, WrapAdd(end, inc), inc, &v, error);
      break;
    }
    case 2: {
      const int64_t start = a[0].AsInt(), end = a[1].AsInt(), step = end < start ? -1 : 1;
      ok = UntilStep(ctx, start, WrapAdd(end, step), step, &v, error);
      break;
    }
    case 3: {
      const int64_t start = a[0].AsInt(), step = a[1].AsInt(), end = a[2].AsInt();
      const int64_t inc = end < start ? -1 : 1;
      if (end < start && step > 0) break;
      ok = UntilStep(ctx, start, WrapAdd(end, inc), step, &v, error);
      break;
    }
    default: break;
  }
  if (!ok) return false;
  std::string text;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) text.push_back(' ');
    text += std::to_string(v[i]);
  }
  *out = Value::String(std::move(text));
  return true;
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
  r->Add(Fn("seq", {P::kInt}, Seq, true));
  r->Add(Fn("until", {P::kInt}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    const int64_t count = a[0].AsInt();
    std::vector<int64_t> v;
    if (!UntilStep(ctx, 0, count, count < 0 ? -1 : 1, &v, e)) return false;
    *out = IntList(v);
    return true;
  }));
  r->Add(Fn("untilStep", {P::kInt, P::kInt, P::kInt}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    std::vector<int64_t> v;
    if (!UntilStep(ctx, a[0].AsInt(), a[1].AsInt(), a[2].AsInt(), &v, e)) return false;
    *out = IntList(v);
    return true;
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
