// Sprig defaults.go: default, empty, coalesce, all, any, compact, ternary, deepCopy and the
// JSON helpers Helm does not replace (toPrettyJson, toRawJson, mustFromJson…).
#include "helm/function_util.h"
#include "kubeshift/template_data.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

Value JsonOrEmpty(const Value& v, JsonStyle style) {
  std::string out, error;
  return Value::String(ToJson(v, style, &out, &error) ? out : "");
}

NativeFunction MustJson(JsonStyle style) {
  return [style](CallContext&, Args a, Value* out, std::string* e) {
    std::string text;
    if (!ToJson(a[0], style, &text, e)) return false;
    *out = Value::String(std::move(text));
    return true;
  };
}

bool Compact(CallContext&, Args a, Value* out, std::string* e) {
  if (!a[0].IsList()) return Fail(e, "Cannot compact on type " + std::string(a[0].KindName()));
  ValueList items;
  for (const Value& item : a[0].AsList()) {
    if (!item.Empty()) items.push_back(item);
  }
  *out = Value::List(std::move(items));
  return true;
}

}  // namespace

void AddSprigDefaults(FunctionRegistry* r) {
  r->Add(Pure("default", {P::kAny, P::kAny}, [](Args a) {
    return a.size() < 2 || a[1].Empty() ? a[0] : a[1];
  }, true));
  r->Add(Pure("empty", {P::kAny}, [](Args a) { return Value::Bool(a[0].Empty()); }));
  r->Add(Pure("coalesce", {P::kAny}, [](Args a) {
    for (const Value& v : a) {
      if (!v.Empty()) return v;
    }
    return Value::Nil();
  }, true));
  r->Add(Pure("all", {P::kAny}, [](Args a) {
    for (const Value& v : a) {
      if (v.Empty()) return Value::Bool(false);
    }
    return Value::Bool(true);
  }, true));
  r->Add(Pure("any", {P::kAny}, [](Args a) {
    for (const Value& v : a) {
      if (!v.Empty()) return Value::Bool(true);
    }
    return Value::Bool(false);
  }, true));
  r->Add(Fn("compact", {P::kAny}, Compact));
  r->Add(Fn("mustCompact", {P::kAny}, Compact));
  r->Add(Pure("ternary", {P::kAny, P::kAny, P::kBool}, [](Args a) { return a[2].AsBool() ? a[0] : a[1]; }));
  r->Add(Pure("deepCopy", {P::kAny}, [](Args a) { return DeepCopy(a[0]); }));
  r->Add(Pure("mustDeepCopy", {P::kAny}, [](Args a) { return DeepCopy(a[0]); }));
  r->Add(Pure("toJson", {P::kAny}, [](Args a) { return JsonOrEmpty(a[0], JsonStyle::kCompact); }));
  r->Add(Pure("toPrettyJson", {P::kAny}, [](Args a) { return JsonOrEmpty(a[0], JsonStyle::kPretty); }));
  r->Add(Pure("toRawJson", {P::kAny}, [](Args a) { return JsonOrEmpty(a[0], JsonStyle::kRaw); }));
  r->Add(Fn("mustToJson", {P::kAny}, MustJson(JsonStyle::kCompact)));
  r->Add(Fn("mustToPrettyJson", {P::kAny}, MustJson(JsonStyle::kPretty)));
  r->Add(Fn("mustToRawJson", {P::kAny}, MustJson(JsonStyle::kRaw)));
  r->Add(Pure("fromJson", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    return ValueFromJson(a[0].AsString(), &out, &error) ? out : Value::Nil();
  }));
  r->Add(Fn("mustFromJson", {P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    return ValueFromJson(a[0].AsString(), out, e);
  }));
  r->Add(Fn("fail", {P::kString}, [](CallContext&, Args a, Value*, std::string* e) { return Fail(e, a[0].AsString()); }));
}

}  // namespace kubeshift::tmpl
