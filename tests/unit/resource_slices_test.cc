// The resource-v1-devices converter (src/convert/resource_slices.cc): basic's fields up into the
// device, unset node selection dropped, fields v1beta1 ignored left for a person.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

std::string Slice(const std::string& version, const std::string& spec) {
  return "apiVersion: resource.k8s.io/" + version + "\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n" +
         "  driver: d.example.com\n  pool: {name: p, generation: 1, resourceSliceCount: 1}\n" + spec;
}

FileConversion Convert(const std::string& spec) { return ConvertText(Slice("v1beta1", spec), "1.38"); }

TEST_CASE("resource slices: basic's lines move up into the device, comments and blank lines kept",
          "[resource_slices]") {
  const FileConversion result = Convert(
      "  nodeName: n\n"
      "  devices:\n"
      "  - name: a\n"
      "    basic:\n"
      "      # what it is\n"
      "      attributes:\n"
      "        model: {string: x}\n"
      "\n"
      "      capacity: {memory: {value: 1Gi}}   # how big\n"
      "  - basic: {attributes: {model: {string: y}}}\n"
      "    name: b\n");
  CHECK(result.needs_person.empty());
  CHECK(result.notes.empty());
  CHECK(result.converted == Slice("v1",
                                  "  nodeName: n\n"
                                  "  devices:\n"
                                  "  - name: a\n"
                                  "    # what it is\n"
                                  "    attributes:\n"
                                  "      model: {string: x}\n"
                                  "\n"
                                  "    capacity: {memory: {value: 1Gi}}   # how big\n"
                                  "  - attributes: {model: {string: y}}\n"
                                  "    name: b\n"));
}

TEST_CASE("resource slices: a null or empty basic goes", "[resource_slices]") {
  CHECK(Convert("  allNodes: true\n  devices:\n  - name: a\n    basic:\n  - {name: b, basic: {}}\n").converted ==
        Slice("v1", "  allNodes: true\n  devices:\n  - name: a\n  - {name: b}\n"));
}

TEST_CASE("resource slices: nodeName \"\" and allNodes false were unset, and go with a note", "[resource_slices]") {
  const FileConversion result =
      Convert("  nodeName: \"\"\n  allNodes: false\n  nodeSelector: {nodeSelectorTerms: []}\n");
  CHECK(result.converted == Slice("v1", "  nodeSelector: {nodeSelectorTerms: []}\n"));
  CHECK(Joined(result.notes) ==
        "resource.k8s.io/v1beta1 ResourceSlice → resource.k8s.io/v1: removed spec.nodeName: \"\": v1beta1 read it as "
        "unset, resource.k8s.io/v1 rejects it\n"
        "resource.k8s.io/v1beta1 ResourceSlice → resource.k8s.io/v1: removed spec.allNodes: false: v1beta1 read it as "
        "unset, resource.k8s.io/v1 rejects it\n");
  // Set values, and a quoted "false" (a string, which v1beta1 rejected anyway), stay.
  const std::string kept = "  nodeName: n\n  allNodes: 'false'\n";
  CHECK(Convert(kept).converted == Slice("v1", kept));
}

TEST_CASE("resource slices: fields beside a device's name and basic need a person", "[resource_slices]") {
  const FileConversion result = Convert(
      "  allNodes: true\n"
      "  devices:\n"
      "  - name: a\n"
      "    basic: {attributes: {}}\n"
      "  - name: b\n"
      "    taints: []\n");
  CHECK(result.converted == result.original);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].position.line == 12);
  CHECK(Joined(result.needs_person) ==
        "resource.k8s.io/v1beta1 ResourceSlice: 'taints' beside a device's name is not a resource.k8s.io/v1beta1 "
        "field (the API server ignored it); remove it or move it into basic by hand\n");
}

TEST_CASE("resource slices: v1beta2 devices are already flat: only the apiVersion changes", "[resource_slices]") {
  const std::string spec = "  nodeName: n\n  devices:\n  - name: a\n    attributes: {model: {string: x}}\n";
  CHECK(ConvertText(Slice("v1beta2", spec), "1.39").converted == Slice("v1", spec));
}

}  // namespace
}  // namespace kubeshift
