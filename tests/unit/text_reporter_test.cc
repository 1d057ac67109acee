// Tests of src/report/text_reporter.cc, and of report.cc and finding.cc, which it relies on.
#include <sstream>

#include "catch.h"
#include "kubeshift/report.h"

namespace kubeshift {
namespace {

// Two findings in two files (one from a chart, with a source), an unreadable file (line 0)
// and a parse error with a position. Each *_reporter_test.cc has its own copy, so that a
// test file reads on its own.
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

std::string Text(const CheckReport& report, bool color = false) {
  std::ostringstream out;
  ReportOptions options;
  options.color = color;
  WriteReport(OutputFormat::kText, report, options, out);
  return out.str();
}

TEST_CASE("text: findings and errors interleaved by file and line, then a summary",
          "[report][text]") {
  CHECK(Text(SampleReport()) ==
        "broken.yaml: error: cannot read file: permission denied [parse-error]\n"
        "charts/app/templates/hpa.yaml:1:13: warning: autoscaling/v2beta2 "
        "HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; use autoscaling/v2 "
        "(source: app/templates/hpa.yaml) [deprecated-api]\n"
        "deploy/ingress.yaml:3:13: error: extensions/v1beta1 Ingress was removed in 1.22; use "
        "networking.k8s.io/v1 [removed-api]\n"
        "deploy/ingress.yaml:9:5: error: mapping values are not allowed here [parse-error]\n"
        "kubeshift: 2 findings (1 error, 1 warning) and 2 input errors in 4 files, 7 documents; "
        "target kubernetes 1.25, cert-manager 1.6\n");
}

TEST_CASE("text: an error before a finding on an earlier line of the same file",
          "[report][text]") {
  CheckReport report = SampleReport();
  report.errors[1].position = {2, 1};
  std::string text = Text(report);
  CHECK(text.find("deploy/ingress.yaml:2:1: error: mapping") <
        text.find("deploy/ingress.yaml:3:13: error: extensions"));
}

TEST_CASE("text: summary wording", "[report][text]") {
  CheckReport report;
  report.targets = {{"kubernetes", {1, 29}}};
  report.files = 4;
  report.documents = 12;
  CHECK(Text(report) ==
        "kubeshift: no findings in 4 files, 12 documents; target kubernetes 1.29\n");

  report.files = 1;
  report.documents = 0;
  report.errors = {{"a.yaml", {0, 0}, "unreadable"}};
  CHECK(Text(report) ==
        "a.yaml: error: unreadable [parse-error]\n"
        "kubeshift: no findings and 1 input error in 1 file, 0 documents; "
        "target kubernetes 1.29\n");

  Finding served;
  served.rule = "served-api";
  served.severity = Severity::kInfo;
  served.file = "a.yaml";
  served.position = {2, 13};
  served.message = "apps/v1 Deployment is served";
  report.errors.clear();
  report.targets.clear();
  report.documents = 1;
  report.findings = {served};
  CHECK(Text(report) ==
        "a.yaml:2:13: info: apps/v1 Deployment is served [served-api]\n"
        "kubeshift: 1 finding (1 info) in 1 file, 1 document\n");
}

TEST_CASE("text: colours are 16-colour codes on location and severity only", "[report][text]") {
  std::string text = Text(SampleReport(), /*color=*/true);
  CHECK(text.find("\x1b[1mdeploy/ingress.yaml:3:13:\x1b[0m \x1b[31merror:\x1b[0m extensions") !=
        std::string::npos);
  CHECK(text.find("\x1b[35mwarning:\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[1mbroken.yaml:\x1b[0m") != std::string::npos);
  CHECK(text.find("38;2;") == std::string::npos);  // never 24-bit colour
  CHECK(text.find("\nkubeshift: 2 findings") != std::string::npos);  // summary uncoloured

  CheckReport report;
  Finding served;
  served.severity = Severity::kInfo;
  served.file = "a.yaml";
  report.findings = {served};
  CHECK(Text(report, true).find("\x1b[36minfo:\x1b[0m") != std::string::npos);
}

TEST_CASE("text: control characters are escaped, UTF-8 is kept", "[report][text]") {
  CheckReport report;
  report.files = 1;
  report.errors = {{"d\xC3\xA9ploy \"x\".yaml", {2, 3}, "bad\nline\r with \x1b[2J and \x7f"}};
  CHECK(Text(report) ==
        "d\xC3\xA9ploy \"x\".yaml:2:3: error: bad\\nline\\r with \\x1B[2J and \\x7F "
        "[parse-error]\n"
        "kubeshift: no findings and 1 input error in 1 file, 0 documents\n");
}

TEST_CASE("output format names round-trip", "[report]") {
  std::vector<std::string> names = OutputFormatNames();
  CHECK(names ==
        std::vector<std::string>{"text", "json", "sarif", "github", "junit", "markdown"});
  for (const std::string& name : names) CHECK(ParseOutputFormat(name).has_value());
  CHECK(ParseOutputFormat("sarif") == OutputFormat::kSarif);
  CHECK(ParseOutputFormat("markdown") == OutputFormat::kMarkdown);
  CHECK_FALSE(ParseOutputFormat("JSON").has_value());
  CHECK_FALSE(ParseOutputFormat("").has_value());
}

TEST_CASE("severity names", "[report]") {
  CHECK(SeverityName(Severity::kInfo) == "info");
  CHECK(SeverityName(Severity::kWarning) == "warning");
  CHECK(SeverityName(Severity::kError) == "error");
}

TEST_CASE("findings and errors sort by file, then line and column", "[report]") {
  auto finding = [](std::string file, int line, int column, std::string rule) {
    Finding f;
    f.file = std::move(file);
    f.position = {line, column};
    f.rule = std::move(rule);
    return f;
  };
  std::vector<Finding> findings = {finding("b.yaml", 1, 1, "removed-api"),
                                   finding("a.yaml", 10, 1, "removed-api"),
                                   finding("a.yaml", 2, 13, "removed-api"),
                                   finding("a.yaml", 2, 3, "removed-api"),
                                   finding("a.yaml", 2, 3, "deprecated-api")};
  SortFindings(&findings);
  std::vector<std::string> order;
  for (const Finding& f : findings) {
    order.push_back(f.file + ":" + std::to_string(f.position.line) + ":" +
                    std::to_string(f.position.column) + " " + f.rule);
  }
  CHECK(order == std::vector<std::string>{"a.yaml:2:3 deprecated-api", "a.yaml:2:3 removed-api",
                                          "a.yaml:2:13 removed-api", "a.yaml:10:1 removed-api",
                                          "b.yaml:1:1 removed-api"});

  std::vector<InputError> errors = {
      {"b.yaml", {1, 1}, "x"}, {"a.yaml", {3, 1}, "y"}, {"a.yaml", {0, 0}, "z"}};
  SortErrors(&errors);
  CHECK(errors[0].message == "z");
  CHECK(errors[1].message == "y");
  CHECK(errors[2].message == "x");
}

}  // namespace
}  // namespace kubeshift
