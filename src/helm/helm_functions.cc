// Helm's own template functions that need no chart (pkg/engine/funcs.go and engine.go):
// include and tpl through the engine, required/fail, the YAML/JSON converters, and lookup as
// `helm template` sees it (always an empty map: there is no cluster).
#include "helm/function_util.h"
#include "kubeshift/template_data.h"

namespace kubeshift::tmpl {

bool ToYamlPretty(const Value& value, std::string* out, std::string* error);  // yaml_emit.cc

namespace {

using P = Param;

std::string TrimFinalNewline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// sigs.k8s.io/yaml.Unmarshal into a map or a list: the JSON step's error when the document
// has another shape.
// The JSON type name Go's decoder reports for \a v.
std::string JsonTypeName(const Value& v) {
  if (v.IsMap()) return "object";
  if (v.IsList()) return "array";
  if (v.IsString()) return "string";
  return v.kind() == Value::Kind::kBool ? "bool" : "number";
}

bool YamlInto(const std::string& text, Value::Kind want, Value* out, std::string* error) {
  if (!ValueFromYamlDocument(text, NumberMode::kJson, out, error)) {
    *error = "error converting YAML to JSON: " + *error;
    return false;
  }
  if (out->IsNil() && want == Value::Kind::kMap) *out = Value::Map();
  if (out->IsNil() && want == Value::Kind::kList) *out = Value::List({});
  if (out->kind() != want) {
    *error = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + JsonTypeName(*out) +
             " into Go value of type " + (want == Value::Kind::kMap ? "map[string]interface {}" : "[]interface {}");
    return false;
  }
  return true;
}

bool JsonInto(const std::string& text, Value::Kind want, Value* out, std::string* error) {
  if (!ValueFromJson(text, out, error)) return false;
  if (out->IsNil()) *out = want == Value::Kind::kMap ? Value::Map() : Value::List({});
  if (out->kind() != want) {
    *error = "json: cannot unmarshal " + JsonTypeName(*out) + " into Go value of type " +
             (want == Value::Kind::kMap ? "map[string]interface {}" : "[]interface {}");
    return false;
  }
  return true;
}

}  // namespace

void AddHelmFunctions(FunctionRegistry* r) {
  r->Add(Fn("include", {P::kString, P::kAny}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    return ctx.Include(a[0].AsString(), a[1], out, e);
  }));
  r->Add(Fn("tpl", {P::kString, P::kAny}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    return ctx.Tpl(a[0].AsString(), a[1], out, e);
  }));
  r->Add(Fn("required", {P::kString, P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    if (a[1].IsNilish() || (a[1].IsString() && a[1].AsString().empty())) return Fail(e, a[0].AsString());
    *out = a[1];
    return true;
  }));
  r->Add(Fn("fail", {P::kString}, [](CallContext&, Args a, Value*, std::string* e) { return Fail(e, a[0].AsString()); }));
  r->Add(Pure("toYaml", {P::kAny}, [](Args a) {
    std::string out, error;
    return Value::String(ToYaml(a[0], &out, &error) ? TrimFinalNewline(std::move(out)) : "");
  }));
  r->Add(Fn("mustToYaml", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    std::string text;
    if (!ToYaml(a[0], &text, e)) return false;
    *out = Value::String(TrimFinalNewline(std::move(text)));
    return true;
  }));
  r->Add(Pure("toYamlPretty", {P::kAny}, [](Args a) {
    std::string out, error;
    return Value::String(ToYamlPretty(a[0], &out, &error) ? TrimFinalNewline(std::move(out)) : "");
  }));
  r->Add(Pure("fromYaml", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    if (!YamlInto(a[0].AsString(), Value::Kind::kMap, &out, &error)) return Value::Map({{"Error", Value::String(error)}});
    return out;
  }));
  r->Add(Pure("fromYamlArray", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    if (!YamlInto(a[0].AsString(), Value::Kind::kList, &out, &error)) return Value::List({Value::String(error)});
    return out;
  }));
  r->Add(Pure("toJson", {P::kAny}, [](Args a) {
    std::string out, error;
    return Value::String(ToJson(a[0], JsonStyle::kCompact, &out, &error) ? out : "");
  }));
  r->Add(Fn("mustToJson", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    std::string text;
    if (!ToJson(a[0], JsonStyle::kCompact, &text, e)) return false;
    *out = Value::String(std::move(text));
    return true;
  }));
  r->Add(Pure("fromJson", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    if (!JsonInto(a[0].AsString(), Value::Kind::kMap, &out, &error)) return Value::Map({{"Error", Value::String(error)}});
    return out;
  }));
  r->Add(Pure("fromJsonArray", {P::kString}, [](Args a) {
    Value out;
    std::string error;
    if (!JsonInto(a[0].AsString(), Value::Kind::kList, &out, &error)) return Value::List({Value::String(error)});
    return out;
  }));
  AddHelmToml(r);
  r->Add(Pure("lookup", {P::kString, P::kString, P::kString, P::kString}, [](Args) { return Value::Map(); }));
}

}  // namespace kubeshift::tmpl
