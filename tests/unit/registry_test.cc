// The converter registry (src/convert/registry.cc) against the built-in table: every
// `conversion:` id of deprecations.d names a registered converter, so `kubeshift convert` never
// answers "no converter exists … yet" for a row that says it has one.
#include <set>
#include <string>
#include <vector>

#include "catch.h"
#include "convert_run.h"
#include "kubeshift/convert.h"

namespace kubeshift {
namespace {

using testing::BuiltinTable;

TEST_CASE("registry: every conversion id of the built-in table has a converter", "[registry][data]") {
  for (const ApiEntry& entry : BuiltinTable().entries()) {
    if (entry.conversion.empty()) continue;
    INFO(entry.origin << ": " << entry.api_version << " " << entry.kind << " conversion: " << entry.conversion);
    CHECK(FindConverter(entry.conversion) != nullptr);
  }
}

TEST_CASE("registry: every converter is named by a row, once in the registry", "[registry][data]") {
  std::set<std::string_view> used;
  for (const ApiEntry& entry : BuiltinTable().entries()) used.insert(entry.conversion);
  std::set<std::string_view> seen;
  for (const ConverterDescription& converter : AllConverters()) {
    INFO(converter.id);
    CHECK(used.count(converter.id) == 1);
    CHECK(seen.insert(converter.id).second);
    CHECK(converter.convert != nullptr);
  }
}

TEST_CASE("registry: every Kubernetes row with a replacement has a converter", "[registry][data]") {
  // A new row without one would make `kubeshift convert` answer "no converter exists … yet"; if
  // that is ever meant, list it here on purpose, with a note telling the user what to do instead.
  const std::set<std::string> expected = {};
  std::set<std::string> actual;
  for (const ApiEntry& entry : BuiltinTable().entries()) {
    if (entry.component != kKubernetes || entry.replacement.empty() || !entry.conversion.empty()) continue;
    CHECK_FALSE(entry.note.empty());
    actual.insert(entry.api_version + " " + entry.kind);
  }
  CHECK(actual == expected);
}

TEST_CASE("registry: a resource.k8s.io/v1beta1 object of every kind plans to v1", "[registry][data]") {
  for (std::string_view kind : {"DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"}) {
    INFO(kind);
    std::string problem;
    const std::vector<ConversionStep> steps =
        PlanConversion(BuiltinTable(), "resource.k8s.io/v1beta1", kind, Version{1, 38}, "", &problem);
    CHECK(problem.empty());
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].entry->replacement == "resource.k8s.io/v1");
  }
}

}  // namespace
}  // namespace kubeshift
