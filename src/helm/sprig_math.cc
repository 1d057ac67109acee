// Sprig math: integer arithmetic on cast.ToInt64 values (add, sub, mul, div, mod, max, min,
// add1), float arithmetic (addf… through shopspring/decimal in Sprig; here rounded to the
// decimal digits a float holds, which gives the same results for ordinary inputs), and
// floor, ceil, round.
#include <charconv>
#include <cmath>

#include "helm/function_util.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

// Rounds to \a digits significant decimal digits, as decimal arithmetic on the shortest
// decimal forms of the operands would give.
double Decimal(double f, int digits) {
  if (!std::isfinite(f) || f == 0) return f;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific, digits - 1);
  double out = f;
  std::from_chars(buf, res.ptr, out);
  return out;
}

// Go's int64 arithmetic wraps around, and MinInt64 / -1 is MinInt64 (its remainder 0); in C++
// all of these are undefined, and the division traps.
int64_t Wrap(uint64_t u) { return static_cast<int64_t>(u); }
int64_t Add(int64_t x, int64_t y) { return Wrap(static_cast<uint64_t>(x) + static_cast<uint64_t>(y)); }
int64_t Sub(int64_t x, int64_t y) { return Wrap(static_cast<uint64_t>(x) - static_cast<uint64_t>(y)); }
int64_t Mul(int64_t x, int64_t y) { return Wrap(static_cast<uint64_t>(x) * static_cast<uint64_t>(y)); }
int64_t Div(int64_t x, int64_t y) { return y == -1 ? Sub(0, x) : x / y; }
int64_t Mod(int64_t x, int64_t y) { return y == -1 ? 0 : x % y; }

NativeFunction IntFold(int64_t (*op)(int64_t, int64_t), bool may_divide_by_zero) {
  return [op, may_divide_by_zero](CallContext&, Args a, Value* out, std::string* e) {
    int64_t acc = CastToInt64(a[0]);
    for (size_t i = 1; i < a.size(); ++i) {
      const int64_t b = CastToInt64(a[i]);
      if (may_divide_by_zero && b == 0) return Fail(e, "runtime error: integer divide by zero");
      acc = op(acc, b);
    }
    *out = Value::Int64(acc);
    return true;
  };
}

Value FloatFold(Args a, double start, bool use_start, double (*op)(double, double), int digits) {
  double acc = use_start ? start : CastToFloat64(a[0]);
  for (size_t i = use_start ? 0 : 1; i < a.size(); ++i) acc = Decimal(op(acc, CastToFloat64(a[i])), digits);
  return Value::Float(acc);
}

}  // namespace

void AddSprigMath(FunctionRegistry* r) {
  r->Add(Pure("add1", {P::kAny}, [](Args a) { return Value::Int64(Add(CastToInt64(a[0]), 1)); }));
  r->Add(Pure("add", {P::kAny}, [](Args a) {
    int64_t sum = 0;
    for (const Value& v : a) sum = Add(sum, CastToInt64(v));
    return Value::Int64(sum);
  }, true));
  r->Add(Fn("sub", {P::kAny, P::kAny}, IntFold(Sub, false)));
  r->Add(Fn("div", {P::kAny, P::kAny}, IntFold(Div, true)));
  r->Add(Fn("mod", {P::kAny, P::kAny}, IntFold(Mod, true)));
  r->Add(Fn("mul", {P::kAny, P::kAny}, IntFold(Mul, false), true));
  for (const char* name : {"max", "biggest"}) {
    r->Add(Fn(name, {P::kAny, P::kAny}, IntFold([](int64_t x, int64_t y) { return std::max(x, y); }, false), true));
  }
  r->Add(Fn("min", {P::kAny, P::kAny}, IntFold([](int64_t x, int64_t y) { return std::min(x, y); }, false), true));
  r->Add(Pure("maxf", {P::kAny, P::kAny}, [](Args a) {
    return FloatFold(a, 0, false, [](double x, double y) { return std::fmax(x, y); }, 17);
  }, true));
  r->Add(Pure("minf", {P::kAny, P::kAny}, [](Args a) {
    return FloatFold(a, 0, false, [](double x, double y) { return std::fmin(x, y); }, 17);
  }, true));
  r->Add(Pure("add1f", {P::kAny}, [](Args a) { return Value::Float(Decimal(CastToFloat64(a[0]) + 1, 15)); }));
  r->Add(Pure("addf", {P::kAny}, [](Args a) {
    return FloatFold(a, 0, true, [](double x, double y) { return x + y; }, 15);
  }, true));
  r->Add(Pure("subf", {P::kAny, P::kAny}, [](Args a) {
    return FloatFold(a, 0, false, [](double x, double y) { return x - y; }, 15);
  }, true));
  r->Add(Pure("mulf", {P::kAny, P::kAny}, [](Args a) {
    return FloatFold(a, 0, false, [](double x, double y) { return x * y; }, 15);
  }, true));
  r->Add(Pure("divf", {P::kAny, P::kAny}, [](Args a) {
    return FloatFold(a, 0, false, [](double x, double y) { return x / y; }, 16);
  }, true));
  r->Add(Pure("floor", {P::kAny}, [](Args a) { return Value::Float(std::floor(CastToFloat64(a[0]))); }));
  r->Add(Pure("ceil", {P::kAny}, [](Args a) { return Value::Float(std::ceil(CastToFloat64(a[0]))); }));
  r->Add(Pure("round", {P::kAny, P::kInt, P::kFloat64}, [](Args a) {
    const double round_on = a.size() > 2 ? a[2].AsFloat() : 0.5;
    const double pow = std::pow(10.0, static_cast<double>(a[1].AsInt()));
    const double digit = pow * CastToFloat64(a[0]);
    double integral = 0;
    const double fraction = std::modf(digit, &integral);
    return Value::Float((fraction >= round_on ? std::ceil(digit) : std::floor(digit)) / pow);
  }, true));
}

}  // namespace kubeshift::tmpl
