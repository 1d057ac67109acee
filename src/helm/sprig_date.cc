// Sprig's date functions and the time.Time value they pass around. `now` is
// ExecOptions::now_unix, so renders are reproducible; the "Local" zone is UTC.
#include <cmath>

#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/go_strconv.h"
#include "helm/go_time.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

class TimeObject final : public HostObject {
 public:
  explicit TimeObject(GoTime t) : t_(std::move(t)) {
    Getter("Unix", [](const GoTime& t) { return Value::Int64(t.unix); });
    Getter("UnixNano", [](const GoTime& t) { return Value::Int64(t.unix * 1000000000 + t.nanos); });
    Getter("UTC", [](GoTime t) {
      t.offset = 0;
      t.zone = "UTC";
      return TimeValue(t);
    });
    Getter("Year", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "2006"))); });
    Getter("YearDay", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "002"))); });
    Getter("Day", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "2"))); });
    Getter("Hour", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "15"))); });
    Getter("Minute", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "4"))); });
    Getter("Second", [](const GoTime& t) { return Value::Int(std::stoll(FormatTime(t, "5"))); });
    Getter("Month", [](const GoTime& t) { return Value::String(FormatTime(t, "January")); });
    Getter("Weekday", [](const GoTime& t) { return Value::String(FormatTime(t, "Monday")); });
    Getter("String", [](const GoTime& t) { return Value::String(GoString(t)); });
    methods_.push_back(Fn("Format", {P::kString}, [this](CallContext&, Args a, Value* out, std::string*) {
      *out = Value::String(FormatTime(t_, a[0].AsString()));
      return true;
    }));
  }
  std::string TypeName() const override { return "time.Time"; }
  std::string_view KindName() const override { return "struct"; }
  void Format(std::string* out) const override { *out += GoString(t_); }
  Value ToData() const override { return Value::String(FormatTime(t_, "2006-01-02T15:04:05.999999999Z07:00")); }
  const Function* Method(std::string_view name) const override {
    for (const Function& f : methods_) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
  const GoTime& time() const { return t_; }

 private:
  static std::string GoString(const GoTime& t) { return FormatTime(t, "2006-01-02 15:04:05.999999999 -0700 MST"); }
  void Getter(std::string name, std::function<Value(const GoTime&)> get) {
    methods_.push_back(Fn(std::move(name), {}, [this, get](CallContext&, Args, Value* out, std::string*) {
      *out = get(t_);
      return true;
    }));
  }
  GoTime t_;
  std::vector<Function> methods_;
};

GoTime Now(CallContext& ctx) { return GoTime{ctx.options().now_unix, 0, 0, "UTC"}; }

// dateInZone's argument: a time, or Unix seconds as int/int64; anything else means now.
GoTime TimeArg(CallContext& ctx, const Value& v) {
  GoTime t;
  if (AsTime(v, &t)) return t;
  if (v.IsInteger()) return GoTime{v.AsInt(), 0, 0, "UTC"};
  return Now(ctx);
}

NativeFunction DateInZone(std::string fixed_layout, int zone_arg) {
  return [fixed_layout, zone_arg](CallContext& ctx, Args a, Value* out, std::string*) {
    const std::string& layout = fixed_layout.empty() ? a[0].AsString() : fixed_layout;
    GoTime t = TimeArg(ctx, a[fixed_layout.empty() ? 1 : 0]);
    (void)zone_arg;  // zones other than UTC are not loaded: Go falls back to UTC too when one fails
    t.offset = 0;
    t.zone = "UTC";
    *out = Value::String(FormatTime(t, layout));
    return true;
  };
}

bool ToDate(Args a, Value* out, std::string* e) {
  GoTime t;
  if (!ParseTime(a[0].AsString(), a[1].AsString(), &t, e)) return false;
  *out = TimeValue(t);
  return true;
}

}  // namespace

Value TimeValue(GoTime t) { return Value::Object(std::make_shared<TimeObject>(std::move(t))); }

bool AsTime(const Value& v, GoTime* out) {
  if (v.kind() != Value::Kind::kObject) return false;
  const auto* time = dynamic_cast<const TimeObject*>(&v.AsObject());
  if (!time) return false;
  *out = time->time();
  return true;
}

void AddSprigDate(FunctionRegistry* r) {
  r->Add(Fn("now", {}, [](CallContext& ctx, Args, Value* out, std::string*) {
    *out = TimeValue(Now(ctx));
    return true;
  }));
  r->Add(Fn("date", {P::kString, P::kAny}, DateInZone("", -1)));
  for (const char* name : {"dateInZone", "date_in_zone"}) r->Add(Fn(name, {P::kString, P::kAny, P::kString}, DateInZone("", 2)));
  r->Add(Fn("htmlDate", {P::kAny}, DateInZone("2006-01-02", -1)));
  r->Add(Fn("htmlDateInZone", {P::kAny, P::kString}, DateInZone("2006-01-02", 1)));
  r->Add(Fn("unixEpoch", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    GoTime t;
    if (!AsTime(a[0], &t)) return Fail(e, "wrong type for value; expected time.Time; got " + a[0].TypeName());
    *out = Value::String(std::to_string(t.unix));
    return true;
  }));
  r->Add(Pure("toDate", {P::kString, P::kString}, [](Args a) {
    Value out;
    std::string error;
    return ToDate(a, &out, &error) ? out : TimeValue(GoTime{-62135596800, 0, 0, "UTC"});  // Go's zero time
  }));
  r->Add(Fn("mustToDate", {P::kString, P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    return ToDate(a, out, e);
  }));
  for (const char* name : {"dateModify", "date_modify", "mustDateModify", "must_date_modify"}) {
    const bool must = std::string_view(name).starts_with("must");
    r->Add(Fn(name, {P::kString, P::kAny}, [must](CallContext&, Args a, Value* out, std::string* e) {
      GoTime t;
      if (!AsTime(a[1], &t)) return Fail(e, "wrong type for value; expected time.Time; got " + a[1].TypeName());
      int64_t d = 0;
      if (!ParseDuration(a[0].AsString(), &d, e)) {
        if (must) return false;
        *out = a[1];
        return true;
      }
      t.unix += (t.nanos + d) / 1000000000;
      t.nanos = (t.nanos + d) % 1000000000;
      if (t.nanos < 0) t.nanos += 1000000000, --t.unix;
      *out = TimeValue(t);
      return true;
    }));
  }
  r->Add(Fn("ago", {P::kAny}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    const GoTime t = TimeArg(ctx, a[0]);
    *out = Value::String(FormatDuration((ctx.options().now_unix - t.unix) * 1000000000));
    return true;
  }));
  r->Add(Pure("duration", {P::kAny}, [](Args a) {
    int64_t n = 0;  // Sprig reads a string or an int64 only: an int or a float64 is 0
    if (a[0].kind() == Value::Kind::kInt64) n = a[0].AsInt();
    else if (a[0].IsString()) ParseGoInt(a[0].AsString(), 10, &n);
    return Value::String(FormatDuration(n * 1000000000));
  }));
  r->Add(Fn("durationRound", {P::kAny}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    int64_t d = 0;
    std::string error;
    GoTime t;
    if (a[0].IsString()) ParseDuration(a[0].AsString(), &d, &error);
    else if (a[0].kind() == Value::Kind::kInt64) d = a[0].AsInt();
    else if (AsTime(a[0], &t)) d = (ctx.options().now_unix - t.unix) * 1000000000;
    const uint64_t u = d < 0 ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
    static const std::pair<uint64_t, const char*> kUnits[] = {
        {3600ULL * 24 * 365 * 1000000000ULL, "y"}, {3600ULL * 24 * 30 * 1000000000ULL, "mo"}, {3600ULL * 24 * 1000000000ULL, "d"},
        {3600ULL * 1000000000ULL, "h"}, {60ULL * 1000000000ULL, "m"}, {1000000000ULL, "s"}};
    *out = Value::String("0s");
    for (const auto& [unit, name] : kUnits) {
      if (u > unit) {
        *out = Value::String(std::to_string(u / unit) + name);
        break;
      }
    }
    return true;
  }));
}

}  // namespace kubeshift::tmpl
