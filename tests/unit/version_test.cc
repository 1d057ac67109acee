// Tests for src/table/version.cc.
#include "kubeshift/version.h"

#include <optional>
#include <string>

#include "catch.h"

namespace kubeshift {
namespace {

std::string Parsed(const char* text) {
  const std::optional<Version> version = ParseVersion(text);
  return version ? version->ToString() : "nullopt";
}

TEST_CASE("ParseVersion reads major.minor with an optional v prefix", "[version]") {
  CHECK(Parsed("1.29") == "1.29");
  CHECK(Parsed("v1.29") == "1.29");
  CHECK(Parsed("0.11") == "0.11");
  CHECK(Parsed("1.9") == "1.9");
  const std::optional<Version> version = ParseVersion("v1.22");
  REQUIRE(version);
  CHECK(version->major == 1);
  CHECK(version->minor == 22);
}

TEST_CASE("ParseVersion ignores the patch level and a suffix after it", "[version]") {
  CHECK(Parsed("1.29.3") == "1.29");
  CHECK(Parsed("v1.29.3") == "1.29");
  CHECK(Parsed("v1.29.3-eks-1") == "1.29");
  CHECK(Parsed("v1.30.0+k3s1") == "1.30");
  CHECK(Parsed("1.31.0-rc.1") == "1.31");
}

TEST_CASE("ParseVersion rejects anything else", "[version]") {
  for (const char* text : {"", "1", "v", "v1", "latest", "1.x", "x.1", "1.", ".1", "1.29.",
                           "1.29.x", "1.29.3.4", "1.29.3eks", "1.29-eks", "V1.29", " 1.29",
                           "1.29 ", "vv1.29", "-1.29", "1.-2", "1234567.1", "1.1234567"}) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(ParseVersion(text).has_value());
  }
}

TEST_CASE("Versions compare numerically, major first", "[version]") {
  CHECK(Version{1, 9} < Version{1, 10});
  CHECK(Version{1, 22} > Version{1, 9});
  CHECK(Version{0, 11} < Version{1, 0});
  CHECK(Version{2, 0} > Version{1, 43});
  CHECK(Version{1, 22} == *ParseVersion("v1.22.17"));
  CHECK(Version{1, 5}.ToString() == "1.5");
}

}  // namespace
}  // namespace kubeshift
