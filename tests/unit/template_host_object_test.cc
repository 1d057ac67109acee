// Tests of host objects and custom functions (the chart layer's extension points):
// fields and methods reached from templates, typed method arguments, and functions that use
// the engine through CallContext.
#include <string>

#include "catch.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

// A stand-in for Helm's .Capabilities: a field, a nested object and a method with an argument.
class ApiVersions final : public HostObject {
 public:
  ApiVersions() {
    has_.name = "Has";
    has_.params = {Param::kString};
    has_.call = [](CallContext&, std::span<const Value> args, Value* out, std::string*) {
      *out = Value::Bool(args[0].AsString() == "apps/v1");
      return true;
    };
  }
  std::string TypeName() const override { return "chartutil.VersionSet"; }
  std::string_view KindName() const override { return "slice"; }
  const Function* Method(std::string_view name) const override { return name == "Has" ? &has_ : nullptr; }
  void Format(std::string* out) const override { *out += "[apps/v1]"; }

 private:
  Function has_;
};

class Capabilities final : public HostObject {
 public:
  std::string TypeName() const override { return "*chartutil.Capabilities"; }
  bool Field(std::string_view name, Value* out) const override {
    if (name == "KubeVersion") {
      *out = Value::Map({{"Version", Value::String("v1.29.0")}, {"Major", Value::String("1")}, {"Minor", Value::String("29")}});
      return true;
    }
    if (name == "APIVersions") {
      *out = Value::Object(std::make_shared<ApiVersions>());
      return true;
    }
    return false;
  }
  void Format(std::string* out) const override { *out += "&{KubeVersion:v1.29.0}"; }
};

std::string Render(const std::string& text, const Value& data, std::string* error = nullptr,
                   std::shared_ptr<const FunctionRegistry> functions = HelmFunctions()) {
  TemplateSet set(std::move(functions));
  TemplateError parse_error;
  if (!set.Parse("t", text, &parse_error)) {
    if (error) *error = parse_error.message;
    return "";
  }
  RenderResult result;
  TemplateError exec_error;
  ExecOptions options;
  options.missing_key = ExecOptions::MissingKey::kZero;
  if (!set.Execute("t", data, options, &result, &exec_error)) {
    if (error) *error = exec_error.message;
    return "";
  }
  return result.text;
}

Value Top() { return Value::Map({{"Capabilities", Value::Object(std::make_shared<Capabilities>())}}); }

TEST_CASE("host objects: fields, nested fields and methods", "[template_host_object]") {
  CHECK(Render("{{ .Capabilities.KubeVersion.Version }}", Top()) == "v1.29.0");
  CHECK(Render("{{ .Capabilities.APIVersions.Has \"apps/v1\" }}", Top()) == "true");
  CHECK(Render("{{ if .Capabilities.APIVersions.Has \"batch/v1beta1\" }}old{{ else }}new{{ end }}", Top()) == "new");
  CHECK(Render("{{ semverCompare \">=1.21-0\" .Capabilities.KubeVersion.Version }}", Top()) == "true");
  CHECK(Render("{{ .Capabilities | toString }}", Top()) == "&{KubeVersion:v1.29.0}");
  CHECK(Render("{{ typeOf .Capabilities }} {{ kindOf .Capabilities }}", Top()) == "*chartutil.Capabilities ptr");
}

TEST_CASE("host objects: errors read like Go's", "[template_host_object]") {
  std::string error;
  Render("{{ .Capabilities.Nope }}", Top(), &error);
  CHECK(error.find("can't evaluate field Nope in type interface {}") != std::string::npos);
  Render("{{ .Capabilities.KubeVersion \"x\" }}", Top(), &error);
  CHECK(error.find("KubeVersion has arguments but cannot be invoked as function") != std::string::npos);
  Render("{{ .Capabilities.APIVersions.Has 1 }}", Top(), &error);
  CHECK(error.find("expected string; found 1") != std::string::npos);
}

TEST_CASE("custom functions can use the engine through CallContext", "[template_host_object]") {
  auto registry = std::make_shared<FunctionRegistry>(*HelmFunctions());
  // A chart-layer function: render a named template and report where it was called from.
  registry->Add(Function{"describe", {Param::kString}, false,
                         [](CallContext& ctx, std::span<const Value> args, Value* out, std::string* error) {
                           Value text;
                           if (!ctx.Include(args[0].AsString(), Value(), &text, error)) return false;
                           *out = Value::String(text.AsString() + " from " + ctx.CallLocation());
                           return true;
                         }});
  registry->Add(Function{"seeded", {}, false, [](CallContext& ctx, std::span<const Value>, Value* out, std::string*) {
                           *out = Value::Int64(static_cast<int64_t>(ctx.NextRandom() % 1000));
                           return true;
                         }});
  CHECK(Render("{{ define \"x\" }}X{{ end }}\n  {{ describe \"x\" }}", Value(), nullptr, registry) == "\n  X from t:2:5");
  const std::string a = Render("{{ seeded }}", Value(), nullptr, registry);
  CHECK(a == Render("{{ seeded }}", Value(), nullptr, registry));
  std::string error;
  Render("{{ describe \"missing\" }}", Value(), &error, registry);
  CHECK(error.find("error calling describe: template: no template \"missing\"") != std::string::npos);
}

TEST_CASE("errors keep the innermost cause for Helm's required message", "[template_host_object]") {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("chart/templates/_h.tpl", "{{ define \"need\" }}{{ required \"set .x!\" .x }}{{ end }}", &error));
  REQUIRE(set.Parse("chart/templates/cm.yaml", "a\n{{ include \"need\" . }}", &error));
  RenderResult result;
  ExecOptions options;
  options.missing_key = ExecOptions::MissingKey::kZero;
  REQUIRE_FALSE(set.Execute("chart/templates/cm.yaml", Value::Map(), options, &result, &error));
  CHECK(error.file == "chart/templates/cm.yaml");
  CHECK(error.line == 2);
  CHECK(error.column == 3);
  CHECK(error.function == "required");
  CHECK(error.cause == "set .x!");
  CHECK(HelmErrorMessage(error) == "execution error at (chart/templates/cm.yaml:2:3): set .x!");
  CHECK(error.message.find("error calling include: template: chart/templates/_h.tpl:1:22: executing \"need\" at "
                           "<required \"set .x!\" .x>: error calling required: set .x!") != std::string::npos);
}

TEST_CASE("a template set is reused for many executions", "[template_host_object]") {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("t", "{{ .i }}", &error));
  for (int i = 0; i < 50; ++i) {
    RenderResult result;
    REQUIRE(set.Execute("t", Value::Map({{"i", Value::Int(i)}}), ExecOptions{}, &result, &error));
    CHECK(result.text == std::to_string(i));
  }
  CHECK(set.Has("t"));
  CHECK_FALSE(set.Has("u"));
  CHECK_FALSE(set.Execute("u", Value(), ExecOptions{}, nullptr, &error));
}

}  // namespace
}  // namespace kubeshift::tmpl
