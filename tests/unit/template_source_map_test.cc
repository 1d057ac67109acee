// Tests of the template engine's source map (src/helm/output.cc, exec.cc): every output byte
// knows its template, offset and include chain.
#include <string>

#include "catch.h"
#include "kubeshift/template_data.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

constexpr std::string_view kDeploy =
    "apiVersion: {{ include \"chart.apiVersion\" . }}\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  labels:\n"
    "    {{- include \"chart.labels\" . | nindent 4 }}\n";

constexpr std::string_view kHelpers =
    "{{- define \"chart.apiVersion\" -}}\n"
    "apps/v1\n"
    "{{- end -}}\n"
    "{{- define \"chart.labels\" -}}\n"
    "app: {{ .name }}\n"
    "tier: web\n"
    "{{- end -}}\n";

struct Rendered {
  RenderResult result;
  std::string error;
};

Rendered Render() {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("chart/templates/_helpers.tpl", std::string(kHelpers), &error));
  REQUIRE(set.Parse("chart/templates/deploy.yaml", std::string(kDeploy), &error));
  Value data;
  std::string data_error;
  REQUIRE(ValueFromYaml("name: shop", NumberMode::kJson, &data, &data_error));
  Rendered r;
  REQUIRE(set.Execute("chart/templates/deploy.yaml", data, ExecOptions{}, &r.result, &error));
  return r;
}

// The source byte that produced output byte \a at, as "file@offset".
std::string Origin(const RenderResult& result, size_t at) {
  const OutputSpan* span = result.SpanAt(at);
  REQUIRE(span != nullptr);
  const size_t offset = span->literal ? span->offset + (at - span->begin) : span->offset;
  return (span->source ? span->source->name : "?") + "@" + std::to_string(offset);
}

TEST_CASE("source map: the spans cover the output in order", "[template_source_map]") {
  const Rendered r = Render();
  CHECK(r.result.text ==
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: shop\n    tier: web\n");
  size_t covered = 0;
  for (const OutputSpan& span : r.result.spans) {
    CHECK(span.begin == covered);
    covered += span.length;
  }
  CHECK(covered == r.result.text.size());
}

TEST_CASE("source map: literal text maps to its own bytes", "[template_source_map]") {
  const Rendered r = Render();
  const size_t kind = r.result.text.find("kind:");
  CHECK(Origin(r.result, kind) == "chart/templates/deploy.yaml@" + std::to_string(kDeploy.find("kind:")));
  CHECK(r.result.SpanAt(kind)->call == nullptr);
}

TEST_CASE("source map: text from an included helper keeps the include chain", "[template_source_map]") {
  const Rendered r = Render();
  const size_t apps = r.result.text.find("apps/v1");
  CHECK(Origin(r.result, apps) == "chart/templates/_helpers.tpl@" + std::to_string(kHelpers.find("apps/v1")));
  const OutputSpan* span = r.result.SpanAt(apps);
  REQUIRE(span->call != nullptr);
  CHECK(span->call->callee == "chart.apiVersion");
  CHECK(span->call->source->name == "chart/templates/deploy.yaml");
  CHECK(span->call->offset == kDeploy.find("{{ include \"chart.apiVersion\""));
  CHECK(span->call->parent == nullptr);
}

TEST_CASE("source map: nindent keeps the provenance of the included text", "[template_source_map]") {
  const Rendered r = Render();
  const size_t tier = r.result.text.find("tier: web");
  CHECK(Origin(r.result, tier) == "chart/templates/_helpers.tpl@" + std::to_string(kHelpers.find("tier: web")));
  REQUIRE(r.result.SpanAt(tier)->call != nullptr);
  CHECK(r.result.SpanAt(tier)->call->callee == "chart.labels");
  // The value printed inside the helper is attributed to the helper's action.
  const size_t shop = r.result.text.find("shop");
  CHECK(Origin(r.result, shop) == "chart/templates/_helpers.tpl@" + std::to_string(kHelpers.find("{{ .name")));
  CHECK_FALSE(r.result.SpanAt(shop)->literal);
  // The indentation nindent added belongs to the action that called nindent.
  const size_t indent = r.result.text.find("    tier");
  CHECK(Origin(r.result, indent) == "chart/templates/deploy.yaml@" + std::to_string(kDeploy.find("{{- include \"chart.labels\"")));
  CHECK(r.result.SpanAt(indent)->call == nullptr);
}

TEST_CASE("source map: an action's bytes map to its {{, whatever the statement", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  const std::string text =
      "a: {{- \" x\" }}\n"
      "{{ if .no }}n{{ else if .yes }}b: {{ printf \"%s\" \"y\" | upper }}{{ end }}\n"
      "{{ range .list }}c: {{ . }}{{ end }}\n"
      "{{ with .yes }}{{ template \"t\" }}{{ end }}\n"
      "{{ if (include \"t\" .) }}d{{ end }}\n";
  REQUIRE(set.Parse("main", text, &error));
  REQUIRE(set.Parse("helpers", "{{ define \"t\" }}T{{ end }}", &error));
  const Value data = Value::Map({{"yes", Value::Bool(true)}, {"list", Value::List({Value::String("z")})}});
  RenderResult result;
  REQUIRE(set.Execute("main", data, ExecOptions{}, &result, &error));
  CHECK(result.text == "a: x\nb: Y\nc: z\nT\nd\n");
  CHECK(result.SpanAt(2)->offset == text.find("{{- \" x\""));
  CHECK(result.SpanAt(result.text.find('Y'))->offset == text.find("{{ printf"));
  CHECK(result.SpanAt(result.text.find('z'))->offset == text.find("{{ . }}"));
  // Bytes of a called template keep their own origin; the call maps to its {{.
  const OutputSpan* t = result.SpanAt(result.text.find('T'));
  REQUIRE(t->call != nullptr);
  CHECK(t->call->offset == text.find("{{ template"));
  CHECK(result.SpanAt(result.text.find('d'))->literal);
}

TEST_CASE("source map: an include inside an if body maps to its own {{", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  const std::string text = "x\n  {{- if true }}{{ include \"t\" . }}{{ end }}";
  REQUIRE(set.Parse("main", text, &error));
  REQUIRE(set.Parse("helpers", "{{ define \"t\" }}{{ .v }}{{ end }}", &error));
  RenderResult result;
  REQUIRE(set.Execute("main", Value::Map({{"v", Value::String("V")}}), ExecOptions{}, &result, &error));
  CHECK(result.text == "xV");
  const OutputSpan* v = result.SpanAt(1);
  REQUIRE(v->call != nullptr);
  CHECK(v->call->offset == text.find("{{ include"));
  CHECK(v->offset == std::string_view("{{ define \"t\" }}").size());
}

TEST_CASE("source map: template calls nest their frames", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("main", "{{ template \"a\" . }}", &error));
  REQUIRE(set.Parse("helpers", "{{ define \"a\" }}<{{ include \"b\" . }}>{{ end }}{{ define \"b\" }}B{{ end }}", &error));
  RenderResult result;
  REQUIRE(set.Execute("main", Value(), ExecOptions{}, &result, &error));
  CHECK(result.text == "<B>");
  const OutputSpan* b = result.SpanAt(1);
  REQUIRE(b->call != nullptr);
  CHECK(b->call->callee == "b");
  REQUIRE(b->call->parent != nullptr);
  CHECK(b->call->parent->callee == "a");
  CHECK(b->call->parent->source->name == "main");
  CHECK(b->call->parent->parent == nullptr);
}

TEST_CASE("source map: tpl output points into the tpl text", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("main", "x={{ tpl .t . }}", &error));
  Value data = Value::Map({{"t", Value::String("lit-{{ .v }}")}, {"v", Value::String("V")}});
  RenderResult result;
  REQUIRE(set.Execute("main", data, ExecOptions{}, &result, &error));
  CHECK(result.text == "x=lit-V");
  const OutputSpan* lit = result.SpanAt(2);
  REQUIRE(lit->source != nullptr);
  CHECK(lit->source->from_tpl);
  CHECK(lit->source->text == "lit-{{ .v }}");
  REQUIRE(lit->call != nullptr);
  CHECK(lit->call->source->name == "main");
}

TEST_CASE("RemoveNoValue drops the text and keeps spans aligned", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  REQUIRE(set.Parse("main", "a: {{ .missing }}\nb: ok\n", &error));
  RenderResult result;
  REQUIRE(set.Execute("main", Value::Map(), ExecOptions{}, &result, &error));
  CHECK(result.text == "a: <no value>\nb: ok\n");
  RemoveNoValue(&result);
  CHECK(result.text == "a: \nb: ok\n");
  const OutputSpan* b = result.SpanAt(result.text.find("b: ok"));
  REQUIRE(b != nullptr);
  CHECK(b->literal);
  CHECK(b->offset + (result.text.find("b: ok") - b->begin) == std::string("a: {{ .missing }}\n").size());
  size_t covered = 0;
  for (const OutputSpan& span : result.spans) covered += span.length;
  CHECK(covered == result.text.size());
}

TEST_CASE("trim markers shift text offsets past the trimmed space", "[template_source_map]") {
  TemplateSet set;
  TemplateError error;
  const std::string text = "{{- \"x\" -}}\n\n   body";
  REQUIRE(set.Parse("main", text, &error));
  RenderResult result;
  REQUIRE(set.Execute("main", Value(), ExecOptions{}, &result, &error));
  CHECK(result.text == "xbody");
  CHECK(result.SpanAt(1)->offset == text.find("body"));
}

}  // namespace
}  // namespace kubeshift::tmpl
