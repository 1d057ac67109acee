// The PriorityLevelConfiguration converters (src/convert/flowcontrol.cc): the shares rename
// (v1beta2 → v1beta3) and the meaning of an explicit 0 (→ v1), alone and chained.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

std::string Level(const std::string& version, const std::string& limited, const std::string& metadata = "") {
  return "apiVersion: flowcontrol.apiserver.k8s.io/" + version +
         "\n"
         "kind: PriorityLevelConfiguration\n"
         "metadata:\n"
         "  name: p\n" +
         metadata +
         "spec:\n"
         "  type: Limited\n"
         "  limited:\n" +
         limited + "    limitResponse: {type: Reject}\n";
}

TEST_CASE("flowcontrol: to v1beta3 the shares are only renamed, a 0 included", "[flowcontrol]") {
  for (const std::string shares : {"0", "30", "7"}) {
    const FileConversion result = ConvertText(Level("v1beta2", "    assuredConcurrencyShares: " + shares + "\n"), "1.28");
    CHECK(result.converted == Level("v1beta3", "    nominalConcurrencyShares: " + shares + "\n"));
    CHECK(result.notes.empty());
  }
}

TEST_CASE("flowcontrol: to v1 an explicit 0 becomes 30, keeping a comment", "[flowcontrol]") {
  for (const std::string version : {"v1beta1", "v1beta2"}) {
    INFO(version);
    const FileConversion result = ConvertText(Level(version, "    assuredConcurrencyShares: 0   # default\n"));
    CHECK(result.converted == Level("v1", "    nominalConcurrencyShares: 30   # default\n"));
    CHECK(Joined(result.notes).find("wrote nominalConcurrencyShares: 30") != std::string::npos);
  }
  CHECK(ConvertText(Level("v1beta3", "    nominalConcurrencyShares: +0\n")).converted ==
        Level("v1", "    nominalConcurrencyShares: 30\n"));
}

TEST_CASE("flowcontrol: unset, null and other values mean the same in v1", "[flowcontrol]") {
  for (const std::string& limited :
       {std::string(), std::string("    nominalConcurrencyShares:\n"), std::string("    nominalConcurrencyShares: 5\n")}) {
    INFO(limited);
    const FileConversion result = ConvertText(Level("v1beta3", limited));
    CHECK(result.converted == Level("v1", limited));
    CHECK(result.notes.empty());
  }
}

TEST_CASE("flowcontrol: a nominalConcurrencyShares the old version ignored goes", "[flowcontrol]") {
  const FileConversion result =
      ConvertText(Level("v1beta2", "    nominalConcurrencyShares: 9\n    assuredConcurrencyShares: 12\n"), "1.28");
  CHECK(result.converted == Level("v1beta3", "    nominalConcurrencyShares: 12\n"));
  CHECK(Joined(result.notes).find("removed nominalConcurrencyShares") != std::string::npos);
}

TEST_CASE("flowcontrol: the v1beta3 preserve-zero annotation keeps a 0 and goes", "[flowcontrol]") {
  const std::string annotation = "  annotations: {flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares: \"\", a: b}\n";
  const FileConversion result = ConvertText(Level("v1beta3", "    nominalConcurrencyShares: 0\n", annotation));
  CHECK(result.converted == Level("v1", "    nominalConcurrencyShares: 0\n", "  annotations: {a: b}\n"));
  CHECK(Joined(result.notes).find("which v1 rejects") != std::string::npos);
}

TEST_CASE("flowcontrol: the annotation means nothing before v1beta3, and goes", "[flowcontrol]") {
  const std::string annotation =
      "  annotations:\n    flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares: \"\"\n";
  const FileConversion result = ConvertText(Level("v1beta2", "    assuredConcurrencyShares: 0\n", annotation));
  CHECK(result.converted == Level("v1", "    nominalConcurrencyShares: 30\n"));
}

TEST_CASE("flowcontrol: an exempt level only moves", "[flowcontrol]") {
  const std::string exempt =
      "kind: PriorityLevelConfiguration\nmetadata: {name: exempt}\nspec: {type: Exempt, exempt: "
      "{nominalConcurrencyShares: 0}}\n";
  const FileConversion result = ConvertText("apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\n" + exempt);
  CHECK(result.converted == "apiVersion: flowcontrol.apiserver.k8s.io/v1\n" + exempt);
  CHECK(result.notes.empty());
}

}  // namespace
}  // namespace kubeshift
