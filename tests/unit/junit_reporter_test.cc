// Tests of src/report/junit_reporter.cc (JUnit XML).
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

std::string Junit(const CheckReport& report) {
  std::ostringstream out;
  WriteReport(OutputFormat::kJunit, report, ReportOptions(), out);
  return out.str();
}

TEST_CASE("junit: one suite per file, clean inputs pass", "[report][junit]") {
  CheckReport report = SampleReport();
  report.inputs = {"broken.yaml", "charts/app/templates/hpa.yaml", "clean.yaml",
                   "deploy/ingress.yaml"};
  CHECK(Junit(report) == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubeshift" tests="5" failures="2" errors="2">
  <testsuite name="broken.yaml" tests="1" failures="0" errors="1">
    <testcase classname="broken.yaml" name="parse error">
      <error message="cannot read file: permission denied" type="parse-error">broken.yaml: cannot read file: permission denied</error>
    </testcase>
  </testsuite>
  <testsuite name="charts/app/templates/hpa.yaml" tests="1" failures="1" errors="0">
    <testcase classname="charts/app/templates/hpa.yaml" name="HorizontalPodAutoscaler app (autoscaling/v2beta2) line 1">
      <failure message="autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; use autoscaling/v2" type="deprecated-api">charts/app/templates/hpa.yaml:1:13: warning: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; use autoscaling/v2 (source: app/templates/hpa.yaml) [deprecated-api]</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.yaml" tests="1" failures="0" errors="0">
    <testcase classname="clean.yaml" name="no deprecated or removed APIs"/>
  </testsuite>
  <testsuite name="deploy/ingress.yaml" tests="2" failures="1" errors="1">
    <testcase classname="deploy/ingress.yaml" name="Ingress web (extensions/v1beta1) line 3">
      <failure message="extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1" type="removed-api">deploy/ingress.yaml:3:13: error: extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1 [removed-api]</failure>
    </testcase>
    <testcase classname="deploy/ingress.yaml" name="parse error line 9">
      <error message="mapping values are not allowed here" type="parse-error">deploy/ingress.yaml:9:5: mapping values are not allowed here</error>
    </testcase>
  </testsuite>
</testsuites>
)");
}

TEST_CASE("junit: without the input list, clean files are counted", "[report][junit]") {
  CheckReport report;
  report.files = 3;
  CHECK(Junit(report) == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubeshift" tests="1" failures="0" errors="0">
  <testsuite name="kubeshift" tests="1" failures="0" errors="0">
    <testcase classname="kubeshift" name="3 files without findings"/>
  </testsuite>
</testsuites>
)");
  std::string sample = Junit(SampleReport());  // 4 files, 3 of them named by the report
  CHECK(sample.find(R"(<testcase classname="kubeshift" name="1 file without findings"/>)") !=
        std::string::npos);
  CHECK(sample.find(R"(<testsuites name="kubeshift" tests="5" failures="2" errors="2">)") !=
        std::string::npos);
}

TEST_CASE("junit: info findings pass and show their message", "[report][junit]") {
  CheckReport report;
  Finding served;
  served.rule = "served-api";
  served.severity = Severity::kInfo;
  served.file = "a.yaml";
  served.position = {2, 13};
  served.api_version = "apps/v1";
  served.kind = "Deployment";
  served.message = "apps/v1 Deployment is served";
  report.findings = {served};
  report.inputs = {"a.yaml"};
  CHECK(Junit(report) == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubeshift" tests="1" failures="0" errors="0">
  <testsuite name="a.yaml" tests="1" failures="0" errors="0">
    <testcase classname="a.yaml" name="Deployment (apps/v1) line 2">
      <system-out>a.yaml:2:13: info: apps/v1 Deployment is served [served-api]</system-out>
    </testcase>
  </testsuite>
</testsuites>
)");
}

TEST_CASE("junit: XML escaping, forbidden characters dropped", "[report][junit]") {
  CheckReport report;
  Finding finding;
  finding.rule = "removed-api";
  finding.severity = Severity::kError;
  finding.file = "a&b <c>.yaml";
  finding.position = {1, 13};
  finding.api_version = "x/v1";
  finding.kind = "K";
  finding.name = "it's \"q\"";
  finding.message = "m\x01n\x1b\nline2\t\xEF\xBF\xBF|%, d\xC3\xA9j\xC3\xA0 \xF0\x9F\x9A\x80\xFF";
  report.findings = {finding};
  std::string xml = Junit(report);
  CHECK(xml.find(R"(<testsuite name="a&amp;b &lt;c&gt;.yaml" tests="1")") != std::string::npos);
  CHECK(xml.find(R"(<testcase classname="a&amp;b &lt;c&gt;.yaml" )"
                 R"(name="K it&apos;s &quot;q&quot; (x/v1) line 1">)") != std::string::npos);
  CHECK(xml.find("<failure message=\"mn&#10;line2&#9;|%, d\xC3\xA9j\xC3\xA0 \xF0\x9F\x9A\x80"
                 "\xEF\xBF\xBD\" type=\"removed-api\">") != std::string::npos);
  CHECK(xml.find("a&amp;b &lt;c&gt;.yaml:1:13: error: mn\nline2\t|%, d\xC3\xA9j\xC3\xA0 "
                 "\xF0\x9F\x9A\x80\xEF\xBF\xBD [removed-api]</failure>") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find('\x1b') == std::string::npos);
  CHECK(xml.find("\xEF\xBF\xBF") == std::string::npos);
}

using testing::RenderError;

TEST_CASE("junit: a render-error is a failing case named by its rule", "[report][junit]") {
  CheckReport report;
  report.files = 1;
  report.findings = {RenderError()};
  const std::string xml = Junit(report);
  CHECK(xml.find(R"(<testcase classname="web/templates/a.yaml" name="render-error line 4">)") != std::string::npos);
  CHECK(xml.find(R"(<failure message="chart web not rendered: required: set name" type="render-error">)") !=
        std::string::npos);
}

}  // namespace
}  // namespace kubeshift
