// The subjectaccessreview-authorization-v1 converter (src/convert/subjectaccessreview.cc).
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

TEST_CASE("subjectaccessreview: spec.group becomes spec.groups", "[subjectaccessreview]") {
  CHECK(ConvertText("apiVersion: authorization.k8s.io/v1beta1\nkind: SubjectAccessReview\nspec:\n  user: u\n"
                    "  'group': [a, b]   # quoted key\n")
            .converted ==
        "apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec:\n  user: u\n"
        "  'groups': [a, b]   # quoted key\n");
}

TEST_CASE("subjectaccessreview: a groups field v1beta1 ignored goes", "[subjectaccessreview]") {
  const FileConversion result = ConvertText(
      "apiVersion: authorization.k8s.io/v1beta1\nkind: LocalSubjectAccessReview\n"
      "spec: {groups: [ignored], group: [a], user: u}\n");
  CHECK(result.converted ==
        "apiVersion: authorization.k8s.io/v1\nkind: LocalSubjectAccessReview\nspec: {groups: [a], user: u}\n");
  REQUIRE(result.notes.size() == 1);
}

TEST_CASE("subjectaccessreview: without groups only the version moves", "[subjectaccessreview]") {
  CHECK(ConvertText("apiVersion: authorization.k8s.io/v1beta1\nkind: SubjectAccessReview\nspec: {user: u}\n")
            .converted == "apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec: {user: u}\n");
}

}  // namespace
}  // namespace kubeshift
