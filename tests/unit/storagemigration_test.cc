// The storagemigration-v1beta1 converter (src/convert/storagemigration.cc): spec.resource.version
// and spec.continueToken go, condition times are renamed.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

const std::string kHead = "kind: StorageVersionMigration\nmetadata:\n  name: m\n";

std::string V1alpha1(const std::string& rest) {
  return "apiVersion: storagemigration.k8s.io/v1alpha1\n" + kHead + rest;
}
std::string V1beta1(const std::string& rest) {
  return "apiVersion: storagemigration.k8s.io/v1beta1\n" + kHead + rest;
}

TEST_CASE("storagemigration: version and continueToken are removed, with a note each", "[storagemigration]") {
  const FileConversion result = ConvertText(
      V1alpha1("spec:\n  resource:\n    group: apps\n    version: v1\n    resource: deployments\n"
               "  continueToken: abc\n"),
      "1.36");
  CHECK(result.converted == V1beta1("spec:\n  resource:\n    group: apps\n    resource: deployments\n"));
  REQUIRE(result.notes.size() == 2);
  CHECK(result.notes[0].text ==
        "storagemigration.k8s.io/v1alpha1 StorageVersionMigration → storagemigration.k8s.io/v1beta1: removed "
        "spec.resource.version 'v1': storagemigration.k8s.io/v1beta1 names only the group and resource, and "
        "migrates the stored objects to the current storage version");
  CHECK(result.notes[1].text.find("removed spec.continueToken 'abc': storagemigration.k8s.io/v1beta1 has no such "
                                  "field") != std::string::npos);
}

TEST_CASE("storagemigration: the last entries of flow mappings", "[storagemigration]") {
  CHECK(ConvertText(V1alpha1("spec: {resource: {group: apps, resource: deployments, version: v1}, continueToken: x}\n"),
                    "1.36")
            .converted == V1beta1("spec: {resource: {group: apps, resource: deployments}}\n"));
}

TEST_CASE("storagemigration: status conditions get lastTransitionTime; resourceVersion stays", "[storagemigration]") {
  const FileConversion result = ConvertText(
      V1alpha1("spec: {resource: {group: apps, resource: deployments}}\nstatus:\n  conditions:\n"
               "  - type: Running\n    status: 'False'\n    lastUpdateTime: '2025-05-01T10:00:00Z'\n"
               "  - {type: Succeeded, status: 'True', lastUpdateTime: '2025-05-01T10:00:00Z'}\n"
               "  resourceVersion: '12'\n"),
      "1.36");
  CHECK(result.converted ==
        V1beta1("spec: {resource: {group: apps, resource: deployments}}\nstatus:\n  conditions:\n"
                "  - type: Running\n    status: 'False'\n    lastTransitionTime: '2025-05-01T10:00:00Z'\n"
                "  - {type: Succeeded, status: 'True', lastTransitionTime: '2025-05-01T10:00:00Z'}\n"
                "  resourceVersion: '12'\n"));
  CHECK(Joined(result.notes).find("renamed lastUpdateTime to lastTransitionTime in 2 status conditions") !=
        std::string::npos);
}

TEST_CASE("storagemigration: a condition with both times needs a person", "[storagemigration]") {
  const std::string text =
      V1alpha1("spec: {resource: {group: apps, version: v1, resource: deployments}}\nstatus:\n  conditions:\n"
               "  - {type: Running, lastTransitionTime: a, lastUpdateTime: b}\n");
  const FileConversion result = ConvertText(text, "1.36");
  CHECK(result.converted == text);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find("has both lastUpdateTime") != std::string::npos);
  CHECK(result.needs_person[0].position.line == 8);
}

TEST_CASE("storagemigration: a 1.37 target goes on to v1", "[storagemigration]") {
  const FileConversion result =
      ConvertText(V1alpha1("spec:\n  resource: {group: apps, version: v1, resource: deployments}\n"), "1.37");
  CHECK(result.converted == "apiVersion: storagemigration.k8s.io/v1\n" + kHead +
                                "spec:\n  resource: {group: apps, resource: deployments}\n");
  CHECK(result.needs_person.empty());
}

TEST_CASE("storagemigration: a StorageVersionMigrationList only changes its apiVersion", "[storagemigration]") {
  const std::string items = "kind: StorageVersionMigrationList\nitems: []\n";
  CHECK(ConvertText("apiVersion: storagemigration.k8s.io/v1alpha1\n" + items, "1.36").converted ==
        "apiVersion: storagemigration.k8s.io/v1beta1\n" + items);
}

}  // namespace
}  // namespace kubeshift
