// Dependency processing: conditions, tags, aliases, import-values, missing subcharts, and
// library charts (their templates only define helpers).
#include <string>

#include "catch.h"
#include "kubeshift/chart.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

std::shared_ptr<Chart> Load(std::vector<ChartFile> files) {
  std::shared_ptr<Chart> chart;
  ChartError error;
  const bool ok = LoadChartFiles(std::move(files), "mem", &chart, &error);
  INFO(error.ToString());
  REQUIRE(ok);
  return chart;
}

std::vector<ChartFile> Parent(const std::string& dependencies, const std::string& values = "") {
  return {{"Chart.yaml", "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n" + dependencies},
          {"values.yaml", values},
          {"charts/a/Chart.yaml", "apiVersion: v2\nname: a\nversion: 0.1.0\n"},
          {"charts/a/values.yaml", "exports: {data: {x: 1}}\nown: {w: 2}\n"},
          {"charts/b/Chart.yaml", "apiVersion: v2\nname: b\nversion: 0.2.0\n"}};
}

std::vector<std::string> Names(const Chart& chart) {
  std::vector<std::string> names;
  for (const auto& d : chart.dependencies) names.push_back(d->metadata.name);
  return names;
}

std::vector<std::string> Process(std::vector<ChartFile> files, const std::string& set = "") {
  auto chart = Load(std::move(files));
  Value user = Value::Map();
  std::string error;
  if (!set.empty()) REQUIRE(ParseSet(set, SetMode::kTyped, &user, &error));
  ChartError chart_error;
  REQUIRE(ProcessDependencies(chart.get(), user, &chart_error));
  return Names(*chart);
}

const std::string kDeps =
    "  - {name: a, version: 0.1.0, condition: a.enabled, tags: [front]}\n"
    "  - {name: b, version: ~0.2.0, condition: 'b.enabled,global.b', tags: [back]}\n";

TEST_CASE("dependencies: conditions, tags, and condition over tags", "[chart_dependencies]") {
  using V = std::vector<std::string>;
  CHECK(Process(Parent(kDeps)) == V{"a", "b"});
  CHECK(Process(Parent(kDeps), "a.enabled=false") == V{"b"});
  CHECK(Process(Parent(kDeps, "b: {enabled: false}\n")) == V{"a"});
  CHECK(Process(Parent(kDeps, "b: {enabled: false}\n"), "b.enabled=true") == V{"a", "b"});
  CHECK(Process(Parent(kDeps), "b.enabled=notabool,global.b=false") == V{"a"});  // the first bool wins
  CHECK(Process(Parent(kDeps), "tags.front=false") == V{"b"});
  CHECK(Process(Parent(kDeps), "tags.front=false,a.enabled=true") == V{"a", "b"});
  CHECK(Process(Parent(kDeps), "tags.back=false,tags.front=true") == V{"a"});
}

TEST_CASE("dependencies: aliases copy a subchart under another name", "[chart_dependencies]") {
  using V = std::vector<std::string>;
  CHECK(Process(Parent("  - {name: a, version: 0.1.0, alias: first}\n  - {name: a, version: 0.1.0, alias: second}\n"
                       "  - {name: b, version: 0.2.0}\n")) == V{"first", "second", "b"});
  // A vendored chart that Chart.yaml does not list is kept as it is.
  CHECK(Process(Parent("  - {name: a, version: 0.1.0}\n")) == V{"b", "a"});
}

TEST_CASE("dependencies: a declared dependency must be vendored", "[chart_dependencies]") {
  auto chart = Load(Parent("  - {name: a, version: 0.1.0}\n  - {name: c, version: 1.0.0}\n"));
  ChartError error;
  CHECK_FALSE(ProcessDependencies(chart.get(), Value::Map(), &error));
  CHECK(error.message == "found in Chart.yaml, but missing in charts/ directory: c");
}

TEST_CASE("dependencies: import-values, exports and child/parent forms; parent values win", "[chart_dependencies]") {
  auto chart = Load(Parent("  - name: a\n    version: 0.1.0\n    import-values:\n      - data\n"
                           "      - {child: own, parent: imported.own}\n",
                           "x: 5\n"));
  ChartError error;
  REQUIRE(ProcessDependencies(chart.get(), Value::Map(), &error));
  std::string json, message;
  REQUIRE(tmpl::ToJson(chart->values, tmpl::JsonStyle::kRaw, &json, &message));
  CHECK(json.find(R"("x":5)") != std::string::npos);
  CHECK(json.find(R"("imported":{"own":{"w":2}})") != std::string::npos);
}

TEST_CASE("library charts: not installable, their templates only define helpers", "[chart_dependencies]") {
  std::vector<ChartFile> files = {
      {"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n"},
      {"templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ include \"lib.name\" . }}\n"},
      {"charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n"},
      {"charts/lib/templates/_helpers.tpl", "{{ define \"lib.name\" }}from-lib{{ end }}"},
      {"charts/lib/templates/svc.yaml", "kind: Service\nmetadata: {name: never}\n"}};
  auto chart = Load(files);
  RenderedChart out;
  ChartError error;
  REQUIRE(RenderChart(chart.get(), Value::Map(), RenderOptions{}, &out, &error));
  REQUIRE(out.manifests.size() == 1);
  CHECK(out.manifests[0].content == "kind: ConfigMap\nmetadata:\n  name: from-lib");
  auto lib = Load({{"Chart.yaml", files[2].data}, {"templates/_helpers.tpl", files[3].data}});
  CHECK_FALSE(RenderChart(lib.get(), Value::Map(), RenderOptions{}, &out, &error));
  CHECK(error.message == "library charts are not installable");
}

}  // namespace
}  // namespace kubeshift::chart
