// The policybinding-admissionregistration-v1 converter (src/convert/policybinding.cc):
// validationActions and a paramRef's parameterNotFoundAction, which v1 requires, get the
// v1alpha1 meaning where they are missing; the policy itself is a pure version move.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

const std::string kHead = "kind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: b\n";

std::string V1alpha1(const std::string& rest) {
  return "apiVersion: admissionregistration.k8s.io/v1alpha1\n" + kHead + rest;
}
std::string V1(const std::string& rest) { return "apiVersion: admissionregistration.k8s.io/v1\n" + kHead + rest; }

TEST_CASE("policybinding: a 1.26 binding gets validationActions [Deny] and parameterNotFoundAction Deny",
          "[policybinding]") {
  const FileConversion result =
      ConvertText(V1alpha1("spec:\n  policyName: p\n  paramRef:\n    name: params\n"), "1.32");
  CHECK(result.converted ==
        V1("spec:\n  policyName: p\n  paramRef:\n    name: params\n    parameterNotFoundAction: Deny\n"
           "  validationActions:\n    - Deny\n"));
  REQUIRE(result.notes.size() == 2);
  CHECK(result.notes[0].text ==
        "admissionregistration.k8s.io/v1alpha1 ValidatingAdmissionPolicyBinding → admissionregistration.k8s.io/v1: "
        "wrote spec.paramRef.parameterNotFoundAction: Deny (v1alpha1's default; admissionregistration.k8s.io/v1 "
        "requires it)");
  CHECK(result.notes[1].text.find("wrote spec.validationActions: [Deny] (a v1alpha1 binding without "
                                  "validationActions, as Kubernetes 1.26 wrote them, denied the requests its "
                                  "policy's validations failed") != std::string::npos);
  CHECK(result.needs_person.empty());
}

TEST_CASE("policybinding: fields that are there stay as they are", "[policybinding]") {
  const std::string spec =
      "spec:\n  policyName: p\n  validationActions: [Audit]\n"
      "  paramRef: {selector: {}, parameterNotFoundAction: Allow}\n";
  const FileConversion result = ConvertText(V1alpha1(spec), "1.32");
  CHECK(result.converted == V1(spec));
  CHECK(result.notes.empty());
}

TEST_CASE("policybinding: null and empty validationActions are replaced in place", "[policybinding]") {
  for (const std::string value : {"null", "~", "[]", ""}) {
    INFO(value);
    const FileConversion result =
        ConvertText(V1alpha1("spec:\n  validationActions: " + value + "\n  policyName: p\n"), "1.32");
    CHECK(result.converted == V1("spec:\n  validationActions:\n    - Deny\n  policyName: p\n"));
  }
}

TEST_CASE("policybinding: a null paramRef needs nothing", "[policybinding]") {
  const FileConversion result =
      ConvertText(V1alpha1("spec:\n  policyName: p\n  paramRef:\n  validationActions: [Deny]\n"), "1.32");
  CHECK(result.converted == V1("spec:\n  policyName: p\n  paramRef:\n  validationActions: [Deny]\n"));
  CHECK(result.notes.empty());
}

TEST_CASE("policybinding: a binding without a spec needs a person", "[policybinding]") {
  for (const std::string& rest : {std::string(""), std::string("spec: ~\n"), std::string("spec: [a]\n")}) {
    INFO(rest);
    const FileConversion result = ConvertText(V1alpha1(rest), "1.32");
    CHECK(result.converted == V1alpha1(rest));
    REQUIRE(result.needs_person.size() == 1);
    CHECK(result.needs_person[0].text.find("the binding has no spec") != std::string::npos);
  }
}

TEST_CASE("policybinding: a ValidatingAdmissionPolicyBindingList only changes its apiVersion", "[policybinding]") {
  const FileConversion result = ConvertText(
      "apiVersion: admissionregistration.k8s.io/v1alpha1\nkind: ValidatingAdmissionPolicyBindingList\nitems:\n"
      "- apiVersion: admissionregistration.k8s.io/v1alpha1\n  kind: ValidatingAdmissionPolicyBinding\n"
      "  metadata: {name: b}\n  spec: {policyName: p}\n",
      "1.32");
  CHECK(result.converted ==
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBindingList\nitems:\n"
        "- apiVersion: admissionregistration.k8s.io/v1\n  kind: ValidatingAdmissionPolicyBinding\n"
        "  metadata: {name: b}\n  spec: {policyName: p, validationActions: [Deny]}\n");
  CHECK(result.needs_person.empty());
}

TEST_CASE("policybinding: the policy only changes its apiVersion", "[policybinding]") {
  const std::string rest =
      "metadata:\n  name: p\nspec:\n  matchConstraints:\n    resourceRules:\n    - apiGroups: [apps]\n"
      "      apiVersions: [v1]\n      operations: [CREATE]\n      resources: [deployments]\n"
      "  validations:\n  - expression: object.spec.replicas <= 5\n";
  const FileConversion result = ConvertText(
      "apiVersion: admissionregistration.k8s.io/v1alpha1\nkind: ValidatingAdmissionPolicy\n" + rest, "1.32");
  CHECK(result.converted == "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\n" + rest);
  CHECK(result.notes.empty());
  CHECK(result.needs_person.empty());
}

TEST_CASE("policybinding: in a chart template, fields an action renders are not missing", "[policybinding]") {
  const std::string spec =
      "spec:\n  policyName: p\n  paramRef:\n    name: x\n    parameterNotFoundAction:\n"
      "      {{- .Values.notFound | nindent 6 }}\n  validationActions:\n"
      "    {{- toYaml .Values.actions | nindent 4 }}\n";
  const FileConversion result = ConvertText(V1alpha1(spec), "1.32", InputKind::kHelmTemplate);
  CHECK(result.converted == V1(spec));
  CHECK(result.needs_person.empty());
  const std::string notes = Joined(result.notes);
  CHECK(notes.find("a template action renders spec.paramRef.parameterNotFoundAction: where it renders nothing, "
                   "write parameterNotFoundAction: Deny") != std::string::npos);
  CHECK(notes.find("a template action renders spec.validationActions: where it renders nothing, write "
                   "validationActions: [Deny]") != std::string::npos);
}

TEST_CASE("policybinding: in a chart template, actions among spec's entries leave it to a person",
          "[policybinding]") {
  const std::string spec =
      "spec:\n  policyName: p\n  {{- include \"binding.enforcement\" . | nindent 2 }}\n";
  const FileConversion result = ConvertText(V1alpha1(spec), "1.32", InputKind::kHelmTemplate);
  CHECK(result.converted == V1alpha1(spec));
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find("template actions stand among the entries of spec; where they do not "
                                         "render validationActions, add validationActions: [Deny]") !=
        std::string::npos);
}

TEST_CASE("policybinding: in a chart template, a spec an action renders gets a note", "[policybinding]") {
  const std::string spec = "spec:\n  {{- toYaml .Values.spec | nindent 2 }}\n";
  const FileConversion result = ConvertText(V1alpha1(spec), "1.32", InputKind::kHelmTemplate);
  CHECK(result.converted == V1(spec));
  CHECK(Joined(result.notes).find("a template action renders spec: make sure it renders validationActions") !=
        std::string::npos);
}

}  // namespace
}  // namespace kubeshift
