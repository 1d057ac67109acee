// kubeshift — discovery: which walked files are Kubernetes inputs, from their path alone.
#include <string>
#include <string_view>

#include "discovery/path_util.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

using discovery_internal::AsciiLower;
using discovery_internal::BaseName;

constexpr std::string_view kNotYaml = "not a .yaml, .yml or .json file";
constexpr std::string_view kHelper = "template helper, not rendered on its own";

struct NamedSkip {
  std::string_view glob;  // matched against the lower-cased basename
  std::string_view reason;
};

// YAML and JSON files that are never Kubernetes objects. Checked in order.
constexpr NamedSkip kNamedSkips[] = {
    {"chart.yaml", "Helm chart metadata, not a manifest"},
    {"chart.lock", "Helm chart lock file, not a manifest"},
    {"values.schema.json", "Helm values schema, not a manifest"},
    {"values*.yaml", "Helm values file, not a manifest"},
    {"values*.yml", "Helm values file, not a manifest"},
    {"values*.json", "Helm values file, not a manifest"},
    {"requirements.yaml", "Helm chart requirements, not a manifest"},
    {"requirements.lock", "Helm chart requirements lock file, not a manifest"},
    {".kubeshift.yaml", "kubeshift configuration, not a manifest"},
    {".kubeshift.yml", "kubeshift configuration, not a manifest"},
    {"kustomization.yaml", "kustomize configuration, not a manifest"},
    {"kustomization.yml", "kustomize configuration, not a manifest"},
    {".pre-commit-config.yaml", "pre-commit configuration, not a manifest"},
    {".pre-commit-hooks.yaml", "pre-commit configuration, not a manifest"},
    {".gitlab-ci.yml", "GitLab CI configuration, not a manifest"},
    {".gitlab-ci.yaml", "GitLab CI configuration, not a manifest"},
    {"docker-compose*.yml", "Docker Compose file, not a manifest"},
    {"docker-compose*.yaml", "Docker Compose file, not a manifest"},
};

// The lower-cased extension including the dot ("" when there is none).
std::string Extension(std::string_view base) {
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return AsciiLower(base.substr(dot));
}

bool IsManifestExtension(const std::string& ext) {
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// True for ".github/workflows/NAME": the parent is "workflows" inside ".github".
bool IsGithubWorkflow(std::string_view path) {
  constexpr std::string_view kDir = ".github/workflows/";
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return false;
  std::string_view dir = path.substr(0, slash + 1);
  if (dir.size() < kDir.size() || dir.substr(dir.size() - kDir.size()) != kDir) return false;
  return dir.size() == kDir.size() || dir[dir.size() - kDir.size() - 1] == '/';
}

Classification Skip(std::string_view reason) {
  Classification c;
  c.scan = false;
  c.reason = std::string(reason);
  return c;
}

Classification Scan(InputKind kind) {
  Classification c;
  c.scan = true;
  c.kind = kind;
  return c;
}

}  // namespace

Classification ClassifyPath(const std::string& path, bool inside_chart_templates) {
  std::string_view base = BaseName(path);
  std::string ext = Extension(base);
  if (inside_chart_templates) {
    // Helm renders every file of templates/ except partials ("_*"); .tpl files hold defines
    // and NOTES.txt is printed to the user, not applied.
    if ((!base.empty() && base[0] == '_') || ext == ".tpl" || base == "NOTES.txt") {
      return Skip(kHelper);
    }
    if (!IsManifestExtension(ext)) return Skip(kNotYaml);
    return Scan(InputKind::kHelmTemplate);
  }
  std::string lower = AsciiLower(base);
  for (const NamedSkip& skip : kNamedSkips) {
    if (discovery_internal::MatchGlobSegment(skip.glob, lower)) return Skip(skip.reason);
  }
  if (!IsManifestExtension(ext)) return Skip(kNotYaml);
  if (IsGithubWorkflow(path)) return Skip("GitHub Actions workflow, not a manifest");
  return Scan(ext == ".json" ? InputKind::kJson : InputKind::kYaml);
}

}  // namespace kubeshift
