// .Capabilities: helm's offline default set, the set a target version serves (stable APIs
// plus deprecation-table rows not yet removed), --kube-version parsing, and what templates see.
#include <algorithm>
#include <string>

#include "catch.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {
namespace {

bool Has(const Capabilities& caps, const std::string& api) {
  return std::find(caps.api_versions.begin(), caps.api_versions.end(), api) != caps.api_versions.end();
}

DeprecationTable Table() {
  DeprecationTable table;
  std::string error;
  REQUIRE(LoadBuiltinTable(&table, &error));
  return table;
}

TEST_CASE("capabilities: helm's offline default", "[chart_capabilities]") {
  const Capabilities caps = HelmDefaultCapabilities();
  CHECK(caps.kube_version.version == "v1.20.0");
  CHECK(caps.kube_version.major == "1");
  CHECK(caps.kube_version.minor == "20");
  CHECK(caps.api_versions.size() == 55);
  CHECK(Has(caps, "extensions/v1beta1"));
  CHECK(Has(caps, "apiextensions.k8s.io/v1beta1"));
  CHECK_FALSE(Has(caps, "autoscaling/v2beta1"));
  CHECK_FALSE(Has(caps, "apps/v1/Deployment"));  // group/versions only
}

TEST_CASE("capabilities: what a target version serves", "[chart_capabilities]") {
  const DeprecationTable table = Table();
  const Capabilities v118 = CapabilitiesAt(table, Version{1, 18});
  CHECK(v118.kube_version.version == "v1.18.0");
  CHECK(v118.kube_version.minor == "18");
  CHECK(Has(v118, "extensions/v1beta1"));
  CHECK(Has(v118, "extensions/v1beta1/Ingress"));
  CHECK(Has(v118, "networking.k8s.io/v1beta1/Ingress"));
  CHECK_FALSE(Has(v118, "networking.k8s.io/v1/Ingress"));  // GA in 1.19
  CHECK(Has(v118, "networking.k8s.io/v1/NetworkPolicy"));
  CHECK_FALSE(Has(v118, "extensions/v1beta1/Deployment"));  // removed in 1.16
  const Capabilities v129 = CapabilitiesAt(table, Version{1, 29});
  CHECK(Has(v129, "v1"));
  CHECK(Has(v129, "v1/ConfigMap"));
  CHECK(Has(v129, "apps/v1/Deployment"));
  CHECK(Has(v129, "batch/v1/CronJob"));
  CHECK(Has(v129, "networking.k8s.io/v1/Ingress"));
  CHECK_FALSE(Has(v129, "extensions/v1beta1"));
  CHECK_FALSE(Has(v129, "policy/v1beta1/PodSecurityPolicy"));
  CHECK_FALSE(Has(v129, "batch/v1beta1"));
  CHECK(std::is_sorted(v129.api_versions.begin(), v129.api_versions.end()));
}

TEST_CASE("capabilities: --kube-version as Helm normalises it", "[chart_capabilities]") {
  KubeVersion kv;
  std::string error;
  REQUIRE(ParseKubeVersion("1.16", &kv, &error));
  CHECK(kv.version == "v1.16.0");
  REQUIRE(ParseKubeVersion("v1.29.3-gke.100", &kv, &error));
  CHECK(kv.version == "v1.29.3");
  CHECK(kv.minor == "29");
  CHECK_FALSE(ParseKubeVersion("latest", &kv, &error));
}

std::string RenderOne(const std::string& text, const Capabilities& caps) {
  std::shared_ptr<Chart> chart;
  ChartError error;
  REQUIRE(LoadChartFiles({{"Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n"}, {"templates/t.yaml", "v: " + text}}, "mem",
                         &chart, &error));
  RenderOptions options;
  options.capabilities = caps;
  RenderedChart out;
  const bool ok = RenderChart(chart.get(), Value::Map(), options, &out, &error);
  INFO(error.ToString());
  REQUIRE(ok);
  return out.files.at(0).result.text.substr(3);
}

TEST_CASE("capabilities: as templates see them", "[chart_capabilities]") {
  const Capabilities caps = CapabilitiesAt(Table(), Version{1, 29});
  CHECK(RenderOne("{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.GitVersion }} "
                  "{{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}",
                  caps) == "v1.29.0 v1.29.0 1.29");
  CHECK(RenderOne("{{ .Capabilities.APIVersions.Has \"batch/v1/CronJob\" }} "
                  "{{ .Capabilities.APIVersions.Has \"batch/v1beta1\" }}",
                  caps) == "true false");
  CHECK(RenderOne("{{ if semverCompare \">=1.19-0\" .Capabilities.KubeVersion.GitVersion }}new{{ end }}", caps) == "new");
  CHECK(RenderOne("{{ .Capabilities.HelmVersion.Version }}", caps) == "v3.21.4");
}

}  // namespace
}  // namespace kubeshift::chart
