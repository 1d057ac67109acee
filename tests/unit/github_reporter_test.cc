// Tests of src/report/github_reporter.cc (GitHub Actions workflow commands).
#include <sstream>

#include "catch.h"
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

std::string Github(const CheckReport& report) {
  std::ostringstream out;
  WriteReport(OutputFormat::kGithub, report, ReportOptions(), out);
  return out.str();
}

TEST_CASE("github: one workflow command per finding and error", "[report][github]") {
  CHECK(Github(SampleReport()) ==
        "::warning file=charts/app/templates/hpa.yaml,line=1,col=13,title=deprecated-api::"
        "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; "
        "use autoscaling/v2\n"
        "::error file=deploy/ingress.yaml,line=3,col=13,title=removed-api::extensions/v1beta1 "
        "Ingress was removed in 1.22; use networking.k8s.io/v1\n"
        "::error file=broken.yaml,title=parse-error::cannot read file: permission denied\n"
        "::error file=deploy/ingress.yaml,line=9,col=5,title=parse-error::mapping values are not "
        "allowed here\n");
}

TEST_CASE("github: info findings are notices", "[report][github]") {
  CheckReport report;
  Finding served;
  served.rule = "served-api";
  served.severity = Severity::kInfo;
  served.file = "a.yaml";
  served.position = {2, 13};
  served.message = "apps/v1 Deployment is served";
  report.findings = {served};
  CHECK(Github(report) ==
        "::notice file=a.yaml,line=2,col=13,title=served-api::apps/v1 Deployment is served\n");
}

TEST_CASE("github: data and property escaping", "[report][github]") {
  CheckReport report;
  report.errors = {{"dir,x/a:b 100%.yaml", {4, 2},
                    "50% done\r\nnext: a,b \"q\" | <x> d\xC3\xA9j\xC3\xA0 ::error::x"}};
  CHECK(Github(report) ==
        "::error file=dir%2Cx/a%3Ab 100%25.yaml,line=4,col=2,title=parse-error::50%25 done%0D%0A"
        "next: a,b \"q\" | <x> d\xC3\xA9j\xC3\xA0 ::error::x\n");
}

TEST_CASE("github: nothing to say, no output", "[report][github]") {
  CHECK(Github(CheckReport()) == "");
}

}  // namespace
}  // namespace kubeshift
