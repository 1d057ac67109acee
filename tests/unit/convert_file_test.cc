// ConvertBytes as a whole: which documents it works on, and what it says about the others.
#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

TEST_CASE("a file with nothing to convert comes back as it is, its scan errors still reported", "[convert_file]") {
  const std::string text =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: a}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "data\n";
  FileConversion result = ConvertText(text);
  CHECK_FALSE(result.changed());
  CHECK(result.converted == text);
  CHECK(result.objects_converted == 0);
  CHECK(result.needs_person.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].position.line == 7);
}

TEST_CASE("only the documents that hold an object to convert change", "[convert_file]") {
  const std::string text =
      "apiVersion: rbac.authorization.k8s.io/v1\n"
      "kind: Role\n"
      "metadata: {name: a}\n"
      "---\n"
      "apiVersion: rbac.authorization.k8s.io/v1beta1  # old\n"
      "kind: Role\n"
      "metadata: {name: b}\n";
  FileConversion result = ConvertText(text);
  CHECK(result.objects_converted == 1);
  CHECK(result.errors.empty());
  CHECK(result.converted ==
        "apiVersion: rbac.authorization.k8s.io/v1\n"
        "kind: Role\n"
        "metadata: {name: a}\n"
        "---\n"
        "apiVersion: rbac.authorization.k8s.io/v1  # old\n"
        "kind: Role\n"
        "metadata: {name: b}\n");
}

TEST_CASE("a document that needs a person is reported at its line, the file unchanged", "[convert_file]") {
  const std::string text =
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "---\n"
      "apiVersion: apps/v1beta2\n"
      "kind: Deployment\n"
      "metadata: {name: a}\n"
      "spec:\n"
      "  template:\n"
      "    metadata: {labels: {app: a}}\n";
  FileConversion result = ConvertText(text);
  CHECK_FALSE(result.changed());
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].position.line == 7);  // spec: it has no selector
  CHECK_THAT(result.needs_person[0].text, Catch::Contains("spec.selector is missing"));
}

}  // namespace
}  // namespace kubeshift
