// What chart templates see: .Values per subchart, .Release, .Chart, .Template, .Files,
// .Subcharts; Helm's template naming and define precedence; and errors with file and line.
#include <string>

#include "catch.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {
namespace {

// Renders a chart made of \a files; returns the text of rendered file \a name, or the error.
std::string Render(std::vector<ChartFile> files, const std::string& name, const std::string& set = "") {
  std::shared_ptr<Chart> chart;
  ChartError error;
  if (!LoadChartFiles(std::move(files), "/c", &chart, &error)) return "load error: " + error.ToString();
  Value user = Value::Map();
  std::string message;
  if (!set.empty() && !ParseSet(set, SetMode::kTyped, &user, &message)) return "set error: " + message;
  RenderedChart out;
  if (!RenderChart(chart.get(), user, RenderOptions{}, &out, &error)) return "error: " + error.ToString();
  for (const RenderedFile& f : out.files) {
    if (f.name == name) return f.result.text;
  }
  return "no file " + name;
}

const ChartFile kChartYaml{"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.2.3\nappVersion: \"4.5\"\n"};

TEST_CASE("context: .Release, .Chart, .Template", "[chart_render]") {
  CHECK(Render({kChartYaml, {"templates/t.yaml", "# {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Service }} "
                                                 "{{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Revision }}"}},
               "app/templates/t.yaml") == "# release-name default Helm true false 1");
  CHECK(Render({kChartYaml, {"templates/t.yaml", "# {{ .Chart.Name }}-{{ .Chart.Version }} {{ .Chart.AppVersion }} "
                                                 "{{ .Chart.APIVersion }} {{ .Chart.IsRoot }}"}},
               "app/templates/t.yaml") == "# app-1.2.3 4.5 v2 true");
  CHECK(Render({kChartYaml, {"templates/sub/t.yaml", "# {{ .Template.Name }} {{ .Template.BasePath }}"}},
               "app/templates/sub/t.yaml") == "# app/templates/sub/t.yaml app/templates");
  CHECK(Render({kChartYaml, {"templates/t.yaml", "# {{ .Chart.Nope }}"}}, "app/templates/t.yaml")
            .starts_with("error: /c/templates/t.yaml:1: template: app/templates/t.yaml:1:"));
}

TEST_CASE("context: .Files", "[chart_render]") {
  std::vector<ChartFile> files = {kChartYaml,
                                  {"files/a.conf", "x=1\ny=2\n"},
                                  {"files/b.conf", "z"},
                                  {"files/sub/c.ini", "c"},
                                  {"templates/t.yaml", ""}};
  auto with = [&files](const std::string& text) {
    std::vector<ChartFile> copy = files;
    copy.back().data = text;
    return Render(copy, "app/templates/t.yaml");
  };
  CHECK(with("# {{ .Files.Get \"files/b.conf\" }}{{ .Files.Get \"missing\" }}") == "# z");
  CHECK(with("# {{ range .Files.Lines \"files/a.conf\" }}[{{ . }}]{{ end }}") == "# [x=1][y=2]");
  CHECK(with("{{ (.Files.Glob \"files/*.conf\").AsConfig }}") == "a.conf: |\n  x=1\n  y=2\nb.conf: z");
  CHECK(with("{{ (.Files.Glob \"files/**\").AsSecrets }}") == "a.conf: eD0xCnk9Mgo=\nb.conf: eg==\nc.ini: Yw==");
  CHECK(with("{{ (.Files.Glob \"nothing/*\").AsConfig }}") == "{}");
}

TEST_CASE("context: .Files is a Go map of []byte: ranged, len'd, indexed", "[chart_render]") {
  std::vector<ChartFile> files = {kChartYaml, {"files/a.conf", "x=1\n"}, {"files/b.conf", "z"}, {"templates/t.yaml", ""}};
  auto with = [&files](const std::string& text) {
    std::vector<ChartFile> copy = files;
    copy.back().data = text;
    return Render(copy, "app/templates/t.yaml");
  };
  CHECK(with("# {{ range $path, $bytes := .Files.Glob \"files/*\" }}{{ $path }}={{ toString $bytes | trim }};{{ end }}") ==
        "# files/a.conf=x=1;files/b.conf=z;");
  CHECK(with("# {{ len (.Files.Glob \"files/*.conf\") }} {{ len .Files }}") == "# 2 2");
  CHECK(with("# {{ index (.Files.Glob \"files/*\") \"files/b.conf\" | toString }}") == "# z");
  CHECK(with("# {{ if .Files.Glob \"nothing/*\" }}yes{{ else }}no{{ end }} {{ empty (.Files.Glob \"nothing/*\") }}") ==
        "# no true");
  // GetBytes and the glob's values are []byte: printed as numbers, strings for %s and toString.
  CHECK(with("# {{ .Files.GetBytes \"files/b.conf\" }} {{ typeOf (.Files.GetBytes \"files/b.conf\") }}") == "# [122] []uint8");
  CHECK(with("# {{ printf \"%s|%q\" (.Files.GetBytes \"files/b.conf\") (.Files.GetBytes \"files/b.conf\") }}") ==
        "# z|\"z\"");
  CHECK(with("# {{ .Files.GetBytes \"files/b.conf\" | toJson }} {{ quote (.Files.GetBytes \"files/b.conf\") }}") ==
        "# \"eg==\" \"z\"");
  CHECK(with("# {{ b64enc (.Files.GetBytes \"files/b.conf\") }}").find("wrong type for value; expected string; got []uint8") !=
        std::string::npos);
  // Sprig's dict functions take map[string]interface{}, which a files map is not.
  CHECK(with("# {{ keys .Files }}").find("wrong type for value; expected map[string]interface {}; got engine.files") !=
        std::string::npos);
}

TEST_CASE("context: .Capabilities.APIVersions is a Go []string", "[chart_render]") {
  std::shared_ptr<Chart> chart;
  ChartError error;
  REQUIRE(LoadChartFiles({kChartYaml, {"templates/t.yaml",
                                       "# {{ len .Capabilities.APIVersions }} {{ range .Capabilities.APIVersions }}[{{ . }}]{{ end }} "
                                       "{{ index .Capabilities.APIVersions 1 }} {{ .Capabilities.APIVersions.Has \"apps/v1\" }}"}},
                         "/c", &chart, &error));
  RenderOptions options;
  options.capabilities.api_versions = {"v1", "apps/v1"};
  RenderedChart out;
  REQUIRE(RenderChart(chart.get(), Value::Map(), options, &out, &error));
  REQUIRE(out.files.size() == 1);
  CHECK(out.files[0].result.text == "# 2 [v1][apps/v1] apps/v1 true");
}

TEST_CASE("context: subchart values, globals, .Subcharts and the shared define namespace", "[chart_render]") {
  std::vector<ChartFile> files = {
      kChartYaml,
      {"values.yaml", "global: {env: prod}\nsub: {port: 80}\n"},
      {"templates/_h.tpl", "{{ define \"who\" }}parent{{ end }}"},
      {"templates/t.yaml", "# {{ .Subcharts.sub.Values.port }} {{ include \"who\" . }}"},
      {"charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"},
      {"charts/sub/values.yaml", "port: 8080\nname: s\n"},
      {"charts/sub/templates/_h.tpl", "{{ define \"who\" }}sub{{ end }}"},
      {"charts/sub/templates/s.yaml", "# {{ .Values.port }} {{ .Values.name }} {{ .Values.global.env }} "
                                      "{{ .Chart.Name }} {{ .Chart.IsRoot }} {{ include \"who\" . }} {{ .Template.BasePath }}"}};
  CHECK(Render(files, "app/charts/sub/templates/s.yaml") == "# 80 s prod sub false parent app/charts/sub/templates");
  CHECK(Render(files, "app/templates/t.yaml") == "# 80 parent");
  CHECK(Render(files, "app/charts/sub/templates/s.yaml", "sub.port=1") == "# 1 s prod sub false parent app/charts/sub/templates");
}

TEST_CASE("errors: parse and execution errors name the template file and line", "[chart_render]") {
  CHECK(Render({kChartYaml, {"templates/t.yaml", "a: 1\n{{ if }}\n"}}, "") ==
        "error: /c/templates/t.yaml:2: parse error at (app/templates/t.yaml:2): missing value for if");
  CHECK(Render({kChartYaml, {"templates/_h.tpl", "{{ define \"x\" }}\n{{ required \"x is required\" .Values.x }}{{ end }}"},
                {"templates/t.yaml", "a: {{ include \"x\" . }}"}},
               "") == "error: /c/templates/t.yaml:1: execution error at (app/templates/t.yaml:1:6): x is required");
  CHECK(Render({kChartYaml, {"templates/t.yaml", "{{ fail \"no\" }}"}}, "") ==
        "error: /c/templates/t.yaml:1: execution error at (app/templates/t.yaml:1:3): no");
  CHECK(Render({{"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\nkubeVersion: \">=1.22.0-0\"\n"},
                {"templates/t.yaml", ""}},
               "") == "error: /c/Chart.yaml: chart requires kubeVersion: >=1.22.0-0 which is incompatible with "
                      "Kubernetes v1.20.0");
}

}  // namespace
}  // namespace kubeshift::chart
