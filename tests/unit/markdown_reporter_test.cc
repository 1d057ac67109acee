// Tests of src/report/markdown_reporter.cc (Markdown job summaries).
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

std::string Markdown(const CheckReport& report) {
  std::ostringstream out;
  WriteReport(OutputFormat::kMarkdown, report, ReportOptions(), out);
  return out.str();
}

TEST_CASE("markdown: summary, findings table, errors", "[report][markdown]") {
  CHECK(Markdown(SampleReport()) == R"(## kubeshift

**Target:** kubernetes 1.25, cert-manager 1.6

| Files | Documents | Findings | Errors |
| ---: | ---: | ---: | ---: |
| 4 | 7 | 2 | 2 |

| Severity | File | Line | Resource | API | Replacement | Removed in |
| --- | --- | ---: | --- | --- | --- | --- |
| warning | charts/app/templates/hpa.yaml | 1 | HorizontalPodAutoscaler app | autoscaling/v2beta2 | autoscaling/v2 | 1.26 |
| error | deploy/ingress.yaml | 3 | Ingress shop/web | extensions/v1beta1 | networking.k8s.io/v1 | 1.22 |

### Input errors

- broken.yaml: cannot read file: permission denied
- deploy/ingress.yaml:9:5: mapping values are not allowed here
)");
}

TEST_CASE("markdown: a clean run", "[report][markdown]") {
  CheckReport report;
  report.targets = {{"kubernetes", {1, 29}}};
  report.files = 4;
  report.documents = 12;
  CHECK(Markdown(report) == R"(## kubeshift

**Target:** kubernetes 1.29

| Files | Documents | Findings | Errors |
| ---: | ---: | ---: | ---: |
| 4 | 12 | 0 | 0 |

No deprecated or removed APIs found.
)");
}

TEST_CASE("markdown: cells are escaped, empty ones show a dash", "[report][markdown]") {
  CheckReport report;
  Finding finding;
  finding.rule = "removed-api";
  finding.severity = Severity::kError;
  finding.file = "a|b_c*d.yaml";
  finding.position = {7, 1};
  finding.api_version = "x.io/v1";
  finding.kind = "Kind";
  finding.name = "<script>";
  finding.namespace_ = "n\xC3\xA9";
  report.findings = {finding};
  report.errors = {{"e.yaml", {0, 0}, "line1\nline2 | 100% `code` [link](x) & \"q\""}};
  std::string markdown = Markdown(report);
  CHECK(markdown.find("| error | a\\|b\\_c\\*d.yaml | 7 | Kind n\xC3\xA9/\\<script\\> | x.io/v1 "
                      "| - | - |\n") != std::string::npos);
  CHECK(markdown.find("- e.yaml: line1 line2 \\| 100% \\`code\\` \\[link\\](x) \\& \"q\"\n") !=
        std::string::npos);
}

using testing::RenderError;

TEST_CASE("markdown: a render-error row says what happened", "[report][markdown]") {
  CheckReport report;
  report.findings = {RenderError()};
  CHECK(Markdown(report).find("| error | web/templates/a.yaml | 4 | chart web not rendered: required: set name "
                              "\\[render-error\\] | - | - | - |\n") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
