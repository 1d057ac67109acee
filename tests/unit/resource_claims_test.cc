// The resource-v1-device-requests converter (src/convert/resource_claims.cc): request fields
// under exactly, firstAvailable kept, requests v1 would reject left for a person.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

std::string Claim(const std::string& version, const std::string& requests) {
  return "apiVersion: resource.k8s.io/" + version + "\nkind: ResourceClaim\nmetadata: {name: c}\nspec:\n  devices:\n" +
         "    requests:\n" + requests;
}

FileConversion Convert(const std::string& requests) { return ConvertText(Claim("v1beta1", requests), "1.38"); }

TEST_CASE("resource claims: exactly takes the fields in their document order, at the first's place",
          "[resource_claims]") {
  const FileConversion result = Convert(
      "    - count: 2\n"
      "      name: a\n"
      "      unknown: kept   # not a v1beta1 field: the API server drops it either way\n"
      "      deviceClassName: gpu.example.com\n");
  CHECK(result.needs_person.empty());
  CHECK(result.converted == Claim("v1",
                                  "    - exactly:\n"
                                  "        count: 2\n"
                                  "        deviceClassName: gpu.example.com\n"
                                  "      name: a\n"
                                  "      unknown: kept   # not a v1beta1 field: the API server drops it either way\n"));
}

TEST_CASE("resource claims: neighbours at the end of a flow request move without overlapping edits",
          "[resource_claims]") {
  CHECK(Convert("    - {name: a, deviceClassName: x.example.com, count: 3, tolerations: [{operator: Exists}]}\n")
            .converted ==
        Claim("v1", "    - {name: a, exactly: {deviceClassName: x.example.com, count: 3, tolerations: [{operator: "
                    "Exists}]}}\n"));
}

TEST_CASE("resource claims: unset fields beside firstAvailable go, null ones inside exactly too",
          "[resource_claims]") {
  // "", 0 and null are unset for the API server, as in upstream's conversion.
  CHECK(Convert("    - name: a\n"
                "      deviceClassName: \"\"\n"
                "      count: 0\n"
                "      selectors: null\n"
                "      firstAvailable: [{name: b, deviceClassName: b.example.com}]\n")
            .converted == Claim("v1",
                                "    - name: a\n"
                                "      firstAvailable: [{name: b, deviceClassName: b.example.com}]\n"));
  CHECK(Convert("    - name: a\n"
                "      selectors: ~\n"
                "      deviceClassName: x.example.com\n")
            .converted == Claim("v1",
                                "    - name: a\n"
                                "      exactly:\n"
                                "        deviceClassName: x.example.com\n"));
}

TEST_CASE("resource claims: adminAccess false and an empty selector list are set", "[resource_claims]") {
  // Pointers and slices upstream: present means set, so with firstAvailable they clash.
  for (const std::string& field : {std::string("adminAccess: false"), std::string("selectors: []")}) {
    INFO(field);
    const FileConversion result = Convert("    - name: a\n      " + field + "\n      firstAvailable: [{name: b}]\n");
    CHECK(result.needs_person.size() == 1);
    CHECK(result.converted == result.original);
  }
}

TEST_CASE("resource claims: what v1 would reject is left for a person, with the reason and line",
          "[resource_claims]") {
  FileConversion result = Convert(
      "    - name: ok\n"
      "      deviceClassName: a.example.com\n"
      "    - name: both\n"
      "      firstAvailable: [{name: b, deviceClassName: b.example.com}]\n"
      "      deviceClassName: a.example.com\n"
      "      count: 2\n");
  CHECK(result.converted == result.original);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].position.line == 11);  // the first field set
  CHECK(Joined(result.needs_person) ==
        "resource.k8s.io/v1beta1 ResourceClaim: request 'both': it sets deviceClassName and count beside "
        "firstAvailable, and resource.k8s.io/v1 needs exactly one of exactly and firstAvailable (v1beta1 rejected it "
        "too); keep one of them by hand\n");
  result = Convert("    - name: empty\n      count: 0\n");
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].position.line == 7);
  CHECK(Joined(result.needs_person).find("request 'empty': it has neither a deviceClassName nor firstAvailable") !=
        std::string::npos);
  result = Convert("    - name: early\n      deviceClassName: a.example.com\n      exactly: {count: 2}\n");
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].position.line == 9);
  CHECK(Joined(result.needs_person).find("'exactly' is not a resource.k8s.io/v1beta1 field") != std::string::npos);
}

TEST_CASE("resource claims: a template's requests are under spec.spec", "[resource_claims]") {
  const std::string head = "kind: ResourceClaimTemplate\nmetadata: {name: t}\nspec:\n  devices:\n    requests:\n"
                           "    - {name: decoy, deviceClassName: x}\n  spec:\n    devices:\n      requests:\n";
  CHECK(ConvertText("apiVersion: resource.k8s.io/v1beta1\n" + head + "      - {name: a, deviceClassName: y}\n", "1.38")
            .converted ==
        "apiVersion: resource.k8s.io/v1\n" + head + "      - {name: a, exactly: {deviceClassName: y}}\n");
}

TEST_CASE("resource claims: v1beta2 already has exactly: only the apiVersion changes", "[resource_claims]") {
  const std::string requests = "    - name: a\n      exactly: {deviceClassName: x.example.com}\n";
  const FileConversion result = ConvertText(Claim("v1beta2", requests), "1.39");
  CHECK(result.needs_person.empty());
  CHECK(result.converted == Claim("v1", requests));
}

}  // namespace
}  // namespace kubeshift
