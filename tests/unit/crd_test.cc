// The crd-apiextensions-v1 converter (src/convert/crd.cc): CustomResourceDefinition
// apiextensions.k8s.io/v1beta1 → v1, edge cases the golden files do not show.
#include <string>

#include "app/convert_file.h"
#include "catch.h"
#include "kubeshift/version.h"

namespace kubeshift {
namespace {

FileConversion Convert(const std::string& text, const std::string& output_version = "") {
  static const DeprecationTable table = [] {
    DeprecationTable t;
    std::string error;
    if (!LoadBuiltinTable(&t, &error)) FAIL("built-in table: " << error);
    return t;
  }();
  const Version target = *ParseVersion("1.29");
  const Targets targets{{"kubernetes", target}};
  const ConvertSettings settings{table, target, targets, output_version};
  InputFile input;
  input.display_path = "crd.yaml";
  input.kind = InputKind::kYaml;
  return ConvertBytes(input, text, settings);
}

const std::string kV1beta1 = "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\n";
const std::string kV1 = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n";
const std::string kHead = "metadata:\n  name: as.x.io\nspec:\n  group: x.io\n  names: {plural: as, kind: A}\n";

bool HasNote(const FileConversion& result, std::string_view text) {
  for (const ConvertMessage& note : result.notes) {
    if (note.text.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string Notes(const FileConversion& result) {
  std::string all;
  for (const ConvertMessage& note : result.notes) all += note.text + "\n";
  for (const ConvertMessage& message : result.needs_person) all += "needs person: " + message.text + "\n";
  return all;
}

TEST_CASE("crd: a version without a schema gets the permissive one, scope its old default", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead + "  version: v1\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  versions:\n"
                                "    - name: v1\n"
                                "      served: true\n"
                                "      storage: true\n"
                                "      schema:\n"
                                "        openAPIV3Schema:\n"
                                "          type: object\n"
                                "          x-kubernetes-preserve-unknown-fields: true\n"
                                "  scope: Namespaced\n");
  REQUIRE(result.notes.size() == 2);
  CHECK(HasNote(result, "wrote scope: Namespaced, v1beta1's default"));
  CHECK(HasNote(result, "for version v1: v1 requires a schema"));
}

TEST_CASE("crd: preserveUnknownFields false is v1's only value and is dropped without a note", "[crd]") {
  const std::string schema =
      "    openAPIV3Schema:\n"
      "      type: object\n"
      "      properties:\n"
      "        spec: {type: object}\n";
  const FileConversion result =
      Convert(kV1beta1 + kHead + "  scope: Cluster\n  preserveUnknownFields: false\n  version: v1\n  validation:\n" + schema);
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "    - name: v1\n"
                                "      served: true\n"
                                "      storage: true\n"
                                "      schema:\n"
                                "        openAPIV3Schema:\n"
                                "          type: object\n"
                                "          properties:\n"
                                "            spec: {type: object}\n");
  CHECK(result.notes.empty());
}

TEST_CASE("crd: preserveUnknownFields true becomes the schema root's x-kubernetes-preserve-unknown-fields", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  preserveUnknownFields: true\n"
                                        "  versions:\n"
                                        "  - name: v1\n"
                                        "    served: true\n"
                                        "    storage: true\n"
                                        "    schema:\n"
                                        "      openAPIV3Schema:\n"
                                        "        type: object\n"
                                        "        x-kubernetes-preserve-unknown-fields: false\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "  - name: v1\n"
                                "    served: true\n"
                                "    storage: true\n"
                                "    schema:\n"
                                "      openAPIV3Schema:\n"
                                "        type: object\n"
                                "        x-kubernetes-preserve-unknown-fields: true\n");
  REQUIRE(result.notes.size() == 1);
  CHECK(HasNote(result, "replaced preserveUnknownFields: true, which v1 forbids"));
  CHECK(HasNote(result, "mark such objects too"));
}

TEST_CASE("crd: an empty schema root becomes a typed one", "[crd]") {
  const FileConversion result =
      Convert(kV1beta1 + kHead + "  scope: Cluster\n  version: v1\n  validation:\n    openAPIV3Schema: {}\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "    - name: v1\n"
                                "      served: true\n"
                                "      storage: true\n"
                                "      schema:\n"
                                "        openAPIV3Schema:\n"
                                "          type: object\n"
                                "          x-kubernetes-preserve-unknown-fields: true\n");
  CHECK(HasNote(result, "wrote type: object at the root of spec.validation.openAPIV3Schema"));
}

TEST_CASE("crd: schemas that are not structural are converted with a note naming the first untyped node", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  preserveUnknownFields: false\n"
                                        "  version: v1\n"
                                        "  validation:\n"
                                        "    openAPIV3Schema:\n"
                                        "      type: array\n"
                                        "      properties:\n"
                                        "        spec:\n"
                                        "          properties:\n"
                                        "            size: {minimum: 1}\n"
                                        "            any: {x-kubernetes-preserve-unknown-fields: true}\n"
                                        "            port: {x-kubernetes-int-or-string: true}\n"
                                        "            list: {type: array, items: {}}\n");
  INFO(Notes(result));
  CHECK(result.objects_converted == 1);
  CHECK(HasNote(result, "has type array, but v1 requires type: object at the root"));
  CHECK(HasNote(result, "no type at spec.validation.openAPIV3Schema.properties.spec and 2 more"));
}

TEST_CASE("crd: webhook fields move under conversion.webhook with their comments", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  version: v1\n"
                                        "  validation:\n"
                                        "    openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}\n"
                                        "  conversion:\n"
                                        "    conversionReviewVersions: [\"v1\"]   # only v1\n"
                                        "    strategy: Webhook\n"
                                        "    webhookClientConfig: {url: \"https://c.x.io/convert\"}\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "    - name: v1\n"
                                "      served: true\n"
                                "      storage: true\n"
                                "      schema:\n"
                                "        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}\n"
                                "  conversion:\n"
                                "    webhook:\n"
                                "      clientConfig: {url: \"https://c.x.io/convert\"}\n"
                                "      conversionReviewVersions: [\"v1\"]   # only v1\n"
                                "    strategy: Webhook\n");
  CHECK(result.notes.empty());
}

TEST_CASE("crd: top-level subresources and columns go to versions that lack their own", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  subresources: {status: {}}\n"
                                        "  additionalPrinterColumns: [{name: N, type: string, JSONPath: .n}]\n"
                                        "  versions:\n"
                                        "  - name: v2\n"
                                        "    served: true\n"
                                        "    storage: true\n"
                                        "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n"
                                        "  - name: v1\n"
                                        "    served: true\n"
                                        "    storage: false\n"
                                        "    subresources: {}\n"
                                        "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "  - name: v2\n"
                                "    served: true\n"
                                "    storage: true\n"
                                "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n"
                                "    subresources: {status: {}}\n"
                                "    additionalPrinterColumns: [{name: N, type: string, jsonPath: .n}]\n"
                                "  - name: v1\n"
                                "    served: true\n"
                                "    storage: false\n"
                                "    subresources: {}\n"
                                "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n"
                                "    additionalPrinterColumns: [{name: N, type: string, jsonPath: .n}]\n");
  CHECK(result.notes.empty());
}

TEST_CASE("crd: a null scope is unset too", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead + "  scope:\n  version: v1\n");
  CHECK(result.converted.find("  scope: Namespaced\n  versions:\n") != std::string::npos);
  CHECK(HasNote(result, "wrote scope: Namespaced"));
}

TEST_CASE("crd: an empty versions list is made from spec.version, as v1beta1 did", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead + "  scope: Cluster\n  versions: []\n  version: v1\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "    - name: v1\n"
                                "      served: true\n"
                                "      storage: true\n"
                                "      schema:\n"
                                "        openAPIV3Schema:\n"
                                "          type: object\n"
                                "          x-kubernetes-preserve-unknown-fields: true\n");
}

TEST_CASE("crd: null fields of a version are filled, not repeated", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  preserveUnknownFields: false\n"
                                        "  versions:\n"
                                        "  - name: v1\n"
                                        "    schema:\n"
                                        "    subresources: null\n"
                                        "    served: true\n"
                                        "    storage: true\n"
                                        "  validation: {openAPIV3Schema: {type: object}}\n"
                                        "  subresources: {status: {}}\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions:\n"
                                "  - name: v1\n"
                                "    schema: {openAPIV3Schema: {type: object}}\n"
                                "    subresources: {status: {}}\n"
                                "    served: true\n"
                                "    storage: true\n");
}

TEST_CASE("crd: what needs a person leaves the object as it is", "[crd]") {
  struct Case {
    std::string spec;
    std::string reason;
  };
  const Case cases[] = {
      {"  scope: Cluster\n", "neither spec.version nor spec.versions"},
      {"  version: v1\n  conversion:\n    strategy: Webhook\n", "strategy Webhook but no webhookClientConfig"},
      {"  version: v1\n  preserveUnknownFields: \"yes\"\n", "spec.preserveUnknownFields is not a boolean"},
      {"  versions: {v1: {}}\n", "spec.versions is not a list"},
      {"  version: v1\n  validation: [a]\n", "spec.validation is not a mapping"},
      // A block schema cannot go into flow version items together with the root it needs.
      {"  versions: [{name: v1, served: true, storage: true}]\n  validation:\n    openAPIV3Schema:\n      type: object\n",
       "cannot be moved into a flow collection"},
  };
  for (const Case& c : cases) {
    const std::string text = kV1beta1 + kHead + c.spec;
    INFO(text);
    const FileConversion result = Convert(text);
    CHECK(result.converted == text);
    REQUIRE(result.needs_person.size() == 1);
    CHECK(result.needs_person[0].text.find(c.reason) != std::string::npos);
  }
}

TEST_CASE("crd: a block schema without changes can go into flow version items", "[crd]") {
  const FileConversion result = Convert(kV1beta1 + kHead +
                                        "  scope: Cluster\n"
                                        "  preserveUnknownFields: false\n"
                                        "  versions: [{name: v1, served: true, storage: true}]\n"
                                        "  validation:\n"
                                        "    openAPIV3Schema:\n"
                                        "      type: object\n");
  INFO(Notes(result));
  CHECK(result.converted == kV1 + kHead +
                                "  scope: Cluster\n"
                                "  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: "
                                "{type: object}}}]\n");
}

TEST_CASE("crd: v1 CRDs and --output-version", "[crd]") {
  const std::string v1 = kV1 + kHead + "  scope: Cluster\n  versions: []\n";
  CHECK(Convert(v1).converted == v1);
  const FileConversion result = Convert(kV1beta1 + kHead + "  scope: Cluster\n  version: v1\n", "apiextensions.k8s.io/v1");
  CHECK(result.objects_converted == 1);
  CHECK(result.converted.find("x-kubernetes-preserve-unknown-fields: true") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
