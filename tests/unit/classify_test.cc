// Tests for src/discovery/classify.cc: ClassifyPath.
#include <string>

#include "catch.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

constexpr const char* kNotYaml = "not a .yaml, .yml or .json file";
constexpr const char* kHelper = "template helper, not rendered on its own";

struct ClassifyCase {
  const char* path;
  bool in_templates;
  bool scan;
  InputKind kind;      // when scanned
  const char* reason;  // when skipped
};

// clang-format off
const ClassifyCase kClassifyCases[] = {
    {"deploy.yaml",                     false, true,  InputKind::kYaml, ""},
    {"a/b/deploy.yml",                  false, true,  InputKind::kYaml, ""},
    {"a/DEPLOY.YAML",                   false, true,  InputKind::kYaml, ""},
    {"a/list.json",                     false, true,  InputKind::kJson, ""},
    {"a/LIST.Json",                     false, true,  InputKind::kJson, ""},
    {"README.md",                       false, false, InputKind::kYaml, kNotYaml},
    {"a/yaml",                          false, false, InputKind::kYaml, kNotYaml},
    {".yaml",                           false, false, InputKind::kYaml, kNotYaml},
    {"a.yaml.bak",                      false, false, InputKind::kYaml, kNotYaml},
    {"chart/Chart.yaml",                false, false, InputKind::kYaml, "Helm chart metadata, not a manifest"},
    {"chart/Chart.lock",                false, false, InputKind::kYaml, "Helm chart lock file, not a manifest"},
    {"chart/values.yaml",               false, false, InputKind::kYaml, "Helm values file, not a manifest"},
    {"chart/values-prod.yml",           false, false, InputKind::kYaml, "Helm values file, not a manifest"},
    {"chart/values.prod.json",          false, false, InputKind::kYaml, "Helm values file, not a manifest"},
    {"chart/values.schema.json",        false, false, InputKind::kYaml, "Helm values schema, not a manifest"},
    {"chart/requirements.yaml",         false, false, InputKind::kYaml, "Helm chart requirements, not a manifest"},
    {"chart/requirements.lock",         false, false, InputKind::kYaml, "Helm chart requirements lock file, not a manifest"},
    {".kubeshift.yaml",                 false, false, InputKind::kYaml, "kubeshift configuration, not a manifest"},
    {"overlay/kustomization.yaml",      false, false, InputKind::kYaml, "kustomize configuration, not a manifest"},
    {".pre-commit-config.yaml",         false, false, InputKind::kYaml, "pre-commit configuration, not a manifest"},
    {".pre-commit-hooks.yaml",          false, false, InputKind::kYaml, "pre-commit configuration, not a manifest"},
    {".github/workflows/ci.yml",        false, false, InputKind::kYaml, "GitHub Actions workflow, not a manifest"},
    {"/r/.github/workflows/ci.yaml",    false, false, InputKind::kYaml, "GitHub Actions workflow, not a manifest"},
    {"x.github/workflows/ci.yaml",      false, true,  InputKind::kYaml, ""},
    {".github/ci.yaml",                 false, true,  InputKind::kYaml, ""},
    {".gitlab-ci.yml",                  false, false, InputKind::kYaml, "GitLab CI configuration, not a manifest"},
    {"docker-compose.yml",              false, false, InputKind::kYaml, "Docker Compose file, not a manifest"},
    {"docker-compose.override.yaml",    false, false, InputKind::kYaml, "Docker Compose file, not a manifest"},
    {"my-values.yaml",                  false, true,  InputKind::kYaml, ""},
    // Inside a chart's templates/.
    {"chart/templates/deploy.yaml",     true,  true,  InputKind::kHelmTemplate, ""},
    {"chart/templates/cm.json",         true,  true,  InputKind::kHelmTemplate, ""},
    {"chart/templates/values.yaml",     true,  true,  InputKind::kHelmTemplate, ""},
    {"chart/templates/_helpers.tpl",    true,  false, InputKind::kYaml, kHelper},
    {"chart/templates/_partial.yaml",   true,  false, InputKind::kYaml, kHelper},
    {"chart/templates/extra.tpl",       true,  false, InputKind::kYaml, kHelper},
    {"chart/templates/NOTES.txt",       true,  false, InputKind::kYaml, kHelper},
    {"chart/templates/README.md",       true,  false, InputKind::kYaml, kNotYaml},
};
// clang-format on

TEST_CASE("ClassifyPath table", "[classify]") {
  for (const ClassifyCase& c : kClassifyCases) {
    INFO("path '" << c.path << "' in_templates " << c.in_templates);
    Classification got = ClassifyPath(c.path, c.in_templates);
    CHECK(got.scan == c.scan);
    if (c.scan) {
      CHECK(got.kind == c.kind);
      CHECK(got.reason.empty());
    } else {
      CHECK(got.reason == c.reason);
    }
  }
}

}  // namespace
}  // namespace kubeshift
