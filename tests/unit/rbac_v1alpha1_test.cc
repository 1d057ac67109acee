// The rbac-v1alpha1-subjects converter (src/convert/rbac_v1alpha1.cc).
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

std::string Binding(const std::string& version, const std::string& subjects) {
  return "apiVersion: rbac.authorization.k8s.io/" + version + "\nkind: ClusterRoleBinding\nmetadata: {name: b}\n" +
         "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n" + subjects;
}

TEST_CASE("rbac v1alpha1: apiVersion becomes apiGroup by kind", "[rbac]") {
  CHECK(ConvertText(Binding("v1alpha1",
                            "- kind: User\n  apiVersion: \"rbac.authorization.k8s.io/v1alpha1\"   # quoted\n  name: u\n"
                            "- kind: Group\n  apiVersion: something/else\n  name: g\n"
                            "- kind: ServiceAccount\n  apiVersion: v1\n  name: s\n  namespace: n\n"
                            "- kind: Thing\n  apiVersion: v1\n  name: t\n"
                            "- kind: Thing\n  apiVersion: things.example.com/v1\n  name: t\n"))
            .converted ==
        Binding("v1",
                "- kind: User\n  apiGroup: \"rbac.authorization.k8s.io\"   # quoted\n  name: u\n"
                "- kind: Group\n  apiGroup: rbac.authorization.k8s.io\n  name: g\n"
                "- kind: ServiceAccount\n  name: s\n  namespace: n\n"
                "- kind: Thing\n  name: t\n"
                "- kind: Thing\n  apiGroup: things.example.com\n  name: t\n"));
}

TEST_CASE("rbac v1alpha1: an apiGroup v1alpha1 ignored is set from the kind", "[rbac]") {
  CHECK(ConvertText(Binding("v1alpha1", "- {kind: User, apiGroup: wrong, apiVersion: x/v1, name: u}\n"
                                        "- {kind: ServiceAccount, apiGroup: wrong, name: s, namespace: n}\n"))
            .converted == Binding("v1", "- {kind: User, apiGroup: rbac.authorization.k8s.io, name: u}\n"
                                        "- {kind: ServiceAccount, name: s, namespace: n}\n"));
}

TEST_CASE("rbac v1alpha1: a null apiVersion is dropped", "[rbac]") {
  CHECK(ConvertText(Binding("v1alpha1", "- kind: User\n  apiVersion:\n  name: u\n")).converted ==
        Binding("v1", "- kind: User\n  name: u\n"));
}

TEST_CASE("rbac v1alpha1: the wildcard user becomes system:authenticated, only for users", "[rbac]") {
  const FileConversion result =
      ConvertText(Binding("v1alpha1", "- kind: User\n  name: '*'\n- kind: Group\n  name: '*'\n"));
  CHECK(result.converted == Binding("v1", "- kind: Group\n  name: 'system:authenticated'\n- kind: Group\n  name: '*'\n"));
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].text.find("system:authenticated") != std::string::npos);
}

TEST_CASE("rbac v1beta1 bindings are not touched by the v1alpha1 converter", "[rbac]") {
  const std::string subjects = "- kind: User\n  name: '*'\n";
  CHECK(ConvertText(Binding("v1beta1", subjects)).converted == Binding("v1", subjects));
}

}  // namespace
}  // namespace kubeshift
