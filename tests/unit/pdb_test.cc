// The pdb-policy-v1 converter (src/convert/pdb.cc): the empty selector keeps matching nothing.
#include <string>

#include "app/convert_file.h"
#include "catch.h"
#include "kubeshift/version.h"

namespace kubeshift {
namespace {

FileConversion Convert(const std::string& text, InputKind kind = InputKind::kYaml) {
  static const DeprecationTable table = [] {
    DeprecationTable t;
    std::string error;
    if (!LoadBuiltinTable(&t, &error)) FAIL("built-in table: " << error);
    return t;
  }();
  const Version target = *ParseVersion("1.29");
  const Targets targets{{"kubernetes", target}};
  const ConvertSettings settings{table, target, targets, ""};
  InputFile input;
  input.display_path = "test.yaml";
  input.kind = kind;
  return ConvertBytes(input, text, settings);
}

const std::string kHead = "kind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 1\n";
const std::string kMatchNone =
    "  selector:\n"
    "    matchExpressions:\n"
    "      - key: pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match\n"
    "        operator: Exists\n";

TEST_CASE("pdb: an empty selector becomes kubectl-convert's never-matching one, with a note", "[pdb]") {
  const FileConversion result = Convert("apiVersion: policy/v1beta1\n" + kHead + "  selector: {}\n");
  CHECK(result.converted == "apiVersion: policy/v1\n" + kHead + kMatchNone);
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].text.find("selects every pod of the namespace") != std::string::npos);
  CHECK(result.notes[0].text.find("Give it a real selector") != std::string::npos);
  CHECK(result.notes[0].position.line == 1);
}

TEST_CASE("pdb: null lists inside a selector are empty too", "[pdb]") {
  CHECK(Convert("apiVersion: policy/v1beta1\n" + kHead + "  selector:\n    matchExpressions: null\n").converted ==
        "apiVersion: policy/v1\n" + kHead + kMatchNone);
  CHECK(Convert("apiVersion: policy/v1beta1\n" + kHead + "  selector:\n    matchLabels:\n").converted ==
        "apiVersion: policy/v1\n" + kHead +
            "  selector:\n    matchLabels:\n    matchExpressions:\n"
            "      - key: pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match\n        operator: Exists\n");
}

TEST_CASE("pdb: a null or missing selector means the same in both versions", "[pdb]") {
  for (const std::string selector : {"", "  selector:\n", "  selector: null\n", "  selector: ~\n"}) {
    INFO(selector);
    const FileConversion result = Convert("apiVersion: policy/v1beta1\n" + kHead + selector);
    CHECK(result.converted == "apiVersion: policy/v1\n" + kHead + selector);
    CHECK(result.notes.empty());
  }
}

TEST_CASE("pdb: a selector with labels or expressions stays", "[pdb]") {
  for (const std::string selector :
       {"  selector: {matchLabels: {app: a}}\n", "  selector:\n    matchExpressions: [{key: a, operator: Exists}]\n",
        // the match-all spelling with something more is not the match-all spelling
        "  selector:\n    matchLabels: {app: a}\n    matchExpressions:\n    - key: "
        "pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match\n      operator: DoesNotExist\n"}) {
    INFO(selector);
    const FileConversion result = Convert("apiVersion: policy/v1beta1\n" + kHead + selector);
    CHECK(result.converted == "apiVersion: policy/v1\n" + kHead + selector);
    CHECK(result.notes.empty());
  }
}

TEST_CASE("pdb: v1beta1's match-all selector becomes the empty selector", "[pdb]") {
  const FileConversion result = Convert("apiVersion: policy/v1beta1\n" + kHead +
                                        "  selector: {matchExpressions: [{key: "
                                        "pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match, "
                                        "operator: DoesNotExist}]}\n");
  CHECK(result.converted == "apiVersion: policy/v1\n" + kHead + "  selector: {}\n");
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].text.find("selecting every pod") != std::string::npos);
}

TEST_CASE("pdb: JSON gets the selector inline", "[pdb]") {
  const FileConversion result = Convert(
      "{\"apiVersion\": \"policy/v1beta1\", \"kind\": \"PodDisruptionBudget\", \"metadata\": {\"name\": \"p\"}, "
      "\"spec\": {\"selector\": {}, \"minAvailable\": 1}}",
      InputKind::kJson);
  CHECK(result.converted ==
        "{\"apiVersion\": \"policy/v1\", \"kind\": \"PodDisruptionBudget\", \"metadata\": {\"name\": \"p\"}, "
        "\"spec\": {\"selector\": {\"matchExpressions\": [{\"key\": "
        "\"pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match\", \"operator\": \"Exists\"}]}, "
        "\"minAvailable\": 1}}");
}

TEST_CASE("pdb: a PodDisruptionBudgetList only moves its apiVersion", "[pdb]") {
  const FileConversion result = Convert(
      "apiVersion: policy/v1beta1\nkind: PodDisruptionBudgetList\nitems:\n"
      "- apiVersion: policy/v1beta1\n  kind: PodDisruptionBudget\n  metadata: {name: p}\n  spec: {selector: {}}\n");
  CHECK(result.converted ==
        "apiVersion: policy/v1\nkind: PodDisruptionBudgetList\nitems:\n"
        "- apiVersion: policy/v1\n  kind: PodDisruptionBudget\n  metadata: {name: p}\n"
        "  spec: {selector: {matchExpressions: [{key: pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match, "
        "operator: Exists}]}}\n");
}

TEST_CASE("pdb: in a chart template, labels an action renders are not an empty selector", "[pdb]") {
  const std::string text =
      "apiVersion: policy/v1beta1\n" + kHead +
      "  selector:\n    matchLabels:\n      {{- include \"demo.selectorLabels\" . | nindent 6 }}\n";
  const FileConversion result = Convert(text, InputKind::kHelmTemplate);
  CHECK(result.converted ==
        "apiVersion: policy/v1\n" + kHead +
            "  selector:\n    matchLabels:\n      {{- include \"demo.selectorLabels\" . | nindent 6 }}\n");
  CHECK(result.notes.empty());
}

}  // namespace
}  // namespace kubeshift
