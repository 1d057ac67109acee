// .Capabilities: Helm's offline default (for `helm template` parity) and the API set a cluster
// of a target version serves (stable APIs from kubernetes_apis.txt plus the deprecation
// table's rows not yet removed).
#include <algorithm>
#include <set>
#include <sstream>

#include "helm/semver.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {

extern const std::string_view kKubernetesApisData;   // chart_api_data.cc (generated)
extern const std::string_view kHelmDefaultApisData;  // chart_api_data.cc (generated)

namespace {

// The words of a data file, line by line, comments dropped.
std::vector<std::vector<std::string>> DataLines(std::string_view data) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in{std::string(data)};
  std::string line;
  while (std::getline(in, line)) {
    if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::vector<std::string> fields;
    for (std::string w; words >> w;) fields.push_back(w);
    if (!fields.empty()) lines.push_back(std::move(fields));
  }
  return lines;
}

KubeVersion KubeVersionOf(Version v) {
  return KubeVersion{"v" + std::to_string(v.major) + "." + std::to_string(v.minor) + ".0", std::to_string(v.major),
                     std::to_string(v.minor)};
}

}  // namespace

bool ParseKubeVersion(std::string_view text, KubeVersion* out, std::string* error) {
  tmpl::SemVersion sv;
  std::string message;
  if (!tmpl::ParseSemver(text, &sv, &message)) {
    *error = "invalid kube version '" + std::string(text) + "': " + message;
    return false;
  }
  out->version = "v" + std::to_string(sv.major) + "." + std::to_string(sv.minor) + "." + std::to_string(sv.patch);
  out->major = std::to_string(sv.major);
  out->minor = std::to_string(sv.minor);
  return true;
}

Capabilities HelmDefaultCapabilities() {
  Capabilities caps;
  for (const auto& line : DataLines(kHelmDefaultApisData)) {
    caps.api_versions.insert(caps.api_versions.end(), line.begin(), line.end());
  }
  return caps;
}

Capabilities CapabilitiesAt(const DeprecationTable& table, Version target) {
  std::set<std::string> apis;
  for (const auto& line : DataLines(kKubernetesApisData)) {
    std::optional<Version> since = line.size() >= 2 ? ParseVersion(line[1]) : std::nullopt;
    if (!since || *since > target) continue;
    apis.insert(line[0]);
    for (size_t i = 2; i < line.size(); ++i) apis.insert(line[0] + "/" + line[i]);
  }
  for (const ApiEntry& row : table.entries()) {
    if (row.component != kKubernetes || StatusAt(row, target) == ApiStatus::kRemoved) continue;
    apis.insert(row.api_version);
    if (row.kind != "*") apis.insert(row.api_version + "/" + row.kind);
  }
  Capabilities caps;
  caps.kube_version = KubeVersionOf(target);
  caps.api_versions.assign(apis.begin(), apis.end());
  return caps;
}

}  // namespace kubeshift::chart
