// Tests of src/report/json_reporter.cc.
#include <rapidjson/document.h>

#include <sstream>

#include "catch.h"
#include "report_fixtures.h"
#include "kubeshift/report.h"

namespace kubeshift {
namespace {

// Two findings in two files (one from a chart, with a source), an unreadable file (line 0)
// and a parse error with a position.
CheckReport SampleReport() {
  CheckReport report;
  report.tool_version = "0.1.0";
  report.targets = {{"kubernetes", {1, 25}}, {"cert-manager", {1, 6}}};
  report.files = 4;
  report.documents = 7;
  report.resources = 6;
  Finding hpa;
  hpa.rule = "deprecated-api";
  hpa.severity = Severity::kWarning;
  hpa.file = "charts/app/templates/hpa.yaml";
  hpa.position = {1, 13};
  hpa.api_version = "autoscaling/v2beta2";
  hpa.kind = "HorizontalPodAutoscaler";
  hpa.name = "app";
  hpa.component = "kubernetes";
  hpa.replacement = "autoscaling/v2";
  hpa.deprecated_in = Version{1, 23};
  hpa.removed_in = Version{1, 26};
  hpa.message = "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed "
                "in 1.26; use autoscaling/v2";
  hpa.source = "app/templates/hpa.yaml";
  Finding ingress;
  ingress.rule = "removed-api";
  ingress.severity = Severity::kError;
  ingress.file = "deploy/ingress.yaml";
  ingress.position = {3, 13};
  ingress.api_version = "extensions/v1beta1";
  ingress.kind = "Ingress";
  ingress.name = "web";
  ingress.namespace_ = "shop";
  ingress.component = "kubernetes";
  ingress.replacement = "networking.k8s.io/v1";
  ingress.deprecated_in = Version{1, 14};
  ingress.removed_in = Version{1, 22};
  ingress.message = "extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1";
  report.findings = {hpa, ingress};
  report.errors = {{"broken.yaml", {0, 0}, "cannot read file: permission denied"},
                   {"deploy/ingress.yaml", {9, 5}, "mapping values are not allowed here"}};
  return report;
}

std::string Json(const CheckReport& report) {
  std::ostringstream out;
  WriteReport(OutputFormat::kJson, report, ReportOptions(), out);
  return out.str();
}

TEST_CASE("json: the documented document, 2-space indent", "[report][json]") {
  CHECK(Json(SampleReport()) == R"({
  "tool": {
    "name": "kubeshift",
    "version": "0.1.0"
  },
  "targets": {
    "kubernetes": "1.25",
    "cert-manager": "1.6"
  },
  "summary": {
    "files": 4,
    "documents": 7,
    "resources": 6,
    "findings": 2,
    "errors": 2
  },
  "findings": [
    {
      "rule": "deprecated-api",
      "severity": "warning",
      "file": "charts/app/templates/hpa.yaml",
      "line": 1,
      "column": 13,
      "apiVersion": "autoscaling/v2beta2",
      "kind": "HorizontalPodAutoscaler",
      "name": "app",
      "namespace": null,
      "replacement": "autoscaling/v2",
      "deprecatedIn": "1.23",
      "removedIn": "1.26",
      "component": "kubernetes",
      "message": "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; use autoscaling/v2",
      "source": "app/templates/hpa.yaml"
    },
    {
      "rule": "removed-api",
      "severity": "error",
      "file": "deploy/ingress.yaml",
      "line": 3,
      "column": 13,
      "apiVersion": "extensions/v1beta1",
      "kind": "Ingress",
      "name": "web",
      "namespace": "shop",
      "replacement": "networking.k8s.io/v1",
      "deprecatedIn": "1.14",
      "removedIn": "1.22",
      "component": "kubernetes",
      "message": "extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1"
    }
  ],
  "errors": [
    {
      "file": "broken.yaml",
      "line": null,
      "column": null,
      "message": "cannot read file: permission denied"
    },
    {
      "file": "deploy/ingress.yaml",
      "line": 9,
      "column": 5,
      "message": "mapping values are not allowed here"
    }
  ]
}
)");
}

TEST_CASE("json: empty report", "[report][json]") {
  CheckReport report;
  report.tool_version = "0.1.0";
  CHECK(Json(report) == R"({
  "tool": {
    "name": "kubeshift",
    "version": "0.1.0"
  },
  "targets": {},
  "summary": {
    "files": 0,
    "documents": 0,
    "resources": 0,
    "findings": 0,
    "errors": 0
  },
  "findings": [],
  "errors": []
}
)");
}

TEST_CASE("json: absent optional fields are null, empty name and namespace differ",
          "[report][json]") {
  CheckReport report;
  Finding finding;
  finding.rule = "removed-api";
  finding.file = "a.yaml";
  finding.position = {1, 13};
  finding.namespace_ = "";
  report.findings = {finding};
  std::string json = Json(report);
  CHECK(json.find(R"("name": null,)") != std::string::npos);
  CHECK(json.find(R"("namespace": "",)") != std::string::npos);
  CHECK(json.find(R"("replacement": null,)") != std::string::npos);
  CHECK(json.find(R"("deprecatedIn": null,)") != std::string::npos);
  CHECK(json.find(R"("removedIn": null,)") != std::string::npos);
  CHECK(json.find(R"("source")") == std::string::npos);
}

TEST_CASE("json: strings are escaped, UTF-8 kept, invalid UTF-8 replaced", "[report][json]") {
  CheckReport report;
  report.errors = {{"we\xC3\xAFrd \"dir\"\\x.yaml", {1, 2},
                    "tab\there\nnext <b> | 100% , \x01 bad:\xFF\xC3"}};
  std::string json = Json(report);
  CHECK(json.find(R"("file": "we)"
                  "\xC3\xAF"
                  R"(rd \"dir\"\\x.yaml",)") != std::string::npos);
  CHECK(json.find(R"("message": "tab\there\nnext <b> | 100% , \u0001 bad:)"
                  "\xEF\xBF\xBD\xEF\xBF\xBD\"") != std::string::npos);
}

TEST_CASE("json: the output parses back", "[report][json]") {
  rapidjson::Document document;
  document.Parse(Json(SampleReport()).c_str());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(document["summary"]["findings"].GetInt() == 2);
  CHECK(document["findings"][1]["namespace"].GetString() == std::string("shop"));
  CHECK(document["errors"][0]["line"].IsNull());
}

using testing::RenderError;

TEST_CASE("json: a render-error has null apiVersion and kind", "[report][json]") {
  CheckReport report;
  report.findings = {RenderError()};
  const std::string json = Json(report);
  CHECK(json.find(R"("rule": "render-error",)") != std::string::npos);
  CHECK(json.find(R"("apiVersion": null,)") != std::string::npos);
  CHECK(json.find(R"("kind": null,)") != std::string::npos);
  CHECK(json.find(R"("message": "chart web not rendered: required: set name")") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
