// values.schema.json in the render pipeline: the root chart and its subcharts validated
// against their coalesced values, Helm's failure message, --skip-schema-validation, invalid
// schema JSON and remote references.
#include <string>

#include "catch.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {
namespace {

const std::string kShop = std::string(KUBESHIFT_SOURCE_DIR) + "/testdata/json-schema/charts/shop";

struct Outcome {
  bool ok = false;
  ChartError error;
  RenderedChart rendered;
};

Outcome RenderShop(const std::vector<std::string>& sets, bool skip = false) {
  Outcome out;
  std::shared_ptr<Chart> chart;
  REQUIRE(LoadChart(kShop, &chart, &out.error));
  Value user = Value::Map();
  std::string message;
  for (const std::string& s : sets) REQUIRE(ParseSet(s, SetMode::kTyped, &user, &message));
  RenderOptions options;
  options.skip_schema_validation = skip;
  out.ok = RenderChart(chart.get(), user, options, &out.rendered, &out.error);
  return out;
}

const std::string kHeader = "values don't meet the specifications of the schema(s) in the following chart(s):\n";

TEST_CASE("schema: the chart's defaults pass its schemas and the subchart's", "[chart_schema]") {
  Outcome o = RenderShop({});
  INFO(o.error.ToString());
  CHECK(o.ok);
  CHECK(o.rendered.files.size() == 2);
  CHECK(o.rendered.warnings.empty());
}

TEST_CASE("schema: bad --set values fail with Helm's message, root chart then subchart", "[chart_schema]") {
  Outcome o = RenderShop({"replicaCount=many,image.pullPolicy=Sometimes", "db.storage=big"});
  REQUIRE_FALSE(o.ok);
  CHECK(o.error.file == kShop + "/values.schema.json");
  CHECK(o.error.line == 0);
  CHECK(o.error.message == kHeader +
                               "shop:\n"
                               "- at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'\n"
                               "- at '/replicaCount': got string, want integer\n"
                               "db:\n"
                               "- at '/storage': 'big' does not match pattern '^[0-9]+(Mi|Gi|Ti)$'");
}

TEST_CASE("schema: a subchart is validated against its own part of the values", "[chart_schema]") {
  Outcome o = RenderShop({"db.port=abc", "db.extra=1"});
  REQUIRE_FALSE(o.ok);
  CHECK(o.error.file == kShop + "/charts/db/values.schema.json");
  CHECK(o.error.message == kHeader +
                               "db:\n"
                               "- at '/port': got string, want integer\n"
                               "- at '': additional properties 'extra' not allowed");
}

TEST_CASE("schema: a $ref and a required property of the root chart", "[chart_schema]") {
  Outcome o = RenderShop({"service.port=70000", "image.repository=null"});
  REQUIRE_FALSE(o.ok);
  CHECK(o.error.message == kHeader +
                               "shop:\n"
                               "- at '/image': missing property 'repository'\n"
                               "- at '/service/port': maximum: got 70000, want 65535");
}

TEST_CASE("schema: --skip-schema-validation renders anyway", "[chart_schema]") {
  Outcome o = RenderShop({"replicaCount=many", "db.storage=big"}, true);
  INFO(o.error.ToString());
  CHECK(o.ok);
}

TEST_CASE("schema: a disabled subchart is not validated", "[chart_schema]") {
  Outcome o = RenderShop({"db.enabled=false", "db.storage=big"});
  INFO(o.error.ToString());
  CHECK(o.ok);
  CHECK(o.rendered.files.size() == 1);
}

const ChartFile kChartYaml{"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n"};
const ChartFile kTemplate{"templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"};

Outcome RenderFiles(std::vector<ChartFile> files, bool skip = false) {
  Outcome out;
  std::shared_ptr<Chart> chart;
  REQUIRE(LoadChartFiles(std::move(files), "/c", &chart, &out.error));
  RenderOptions options;
  options.skip_schema_validation = skip;
  out.ok = RenderChart(chart.get(), Value::Map(), options, &out.rendered, &out.error);
  return out;
}

TEST_CASE("schema: invalid JSON names the file, line and column", "[chart_schema]") {
  const ChartFile schema{"values.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"type\": \"string\"}\n    \"b\": {}\n  }\n}\n"};
  Outcome o = RenderFiles({kChartYaml, kTemplate, schema});
  REQUIRE_FALSE(o.ok);
  CHECK(o.error.ToString() ==
        "/c/values.schema.json:5:5: cannot load values.schema.json: invalid JSON: Missing a comma or '}' after an object member.");
  CHECK(RenderFiles({kChartYaml, kTemplate, schema}, true).ok);  // not read when skipped, as Helm
}

TEST_CASE("schema: a remote $ref is reported as not validated, and rendering goes on", "[chart_schema]") {
  const ChartFile values{"values.yaml", "affinity: {}\n"};
  const ChartFile schema{"values.schema.json",
                         R"({"properties": {"affinity": {"$ref": "https://example.com/k8s.json#/definitions/Affinity"}}})"};
  Outcome o = RenderFiles({kChartYaml, kTemplate, values, schema});
  INFO(o.error.ToString());
  REQUIRE(o.ok);
  REQUIRE(o.rendered.warnings.size() == 1);
  CHECK(o.rendered.warnings[0] ==
        "/c/values.schema.json: $ref 'https://example.com/k8s.json#/definitions/Affinity' was not followed (only "
        "references inside the schema are resolved, nothing is fetched): the values at '/affinity' were not "
        "validated against it");
}

TEST_CASE("schema: a local $ref to nothing fails the render", "[chart_schema]") {
  const ChartFile schema{"values.schema.json", R"({"properties": {"a": {"$ref": "#/definitions/nope"}}})"};
  const ChartFile values{"values.yaml", "a: 1\n"};
  Outcome o = RenderFiles({kChartYaml, kTemplate, values, schema});
  REQUIRE_FALSE(o.ok);
  CHECK(o.error.ToString() == "/c/values.schema.json: invalid values.schema.json: $ref '#/definitions/nope' not found in the schema");
}

}  // namespace
}  // namespace kubeshift::chart
