// Tests of Masterminds/semver v3 emulation (src/helm/semver.cc).
#include <string>

#include "catch.h"
#include "helm/semver.h"

namespace kubeshift::tmpl {
namespace {

bool Satisfies(std::string_view constraint, std::string_view version) {
  SemVersion v;
  std::string error;
  REQUIRE(ParseSemver(version, &v, &error));
  bool ok = false;
  REQUIRE(CheckSemverConstraint(constraint, v, &ok, &error));
  return ok;
}

TEST_CASE("ParseSemver", "[template_semver]") {
  SemVersion v;
  std::string error;
  REQUIRE(ParseSemver("v1.20.3-gke.1+build.5", &v, &error));
  CHECK(v.major == 1);
  CHECK(v.minor == 20);
  CHECK(v.patch == 3);
  CHECK(v.pre == "gke.1");
  CHECK(v.metadata == "build.5");
  CHECK(v.String() == "1.20.3-gke.1+build.5");
  REQUIRE(ParseSemver("1.2", &v, &error));
  CHECK(v.String() == "1.2.0");
  CHECK_FALSE(ParseSemver("1.2.3.4", &v, &error));
  CHECK_FALSE(ParseSemver("x", &v, &error));
  CHECK_FALSE(ParseSemver("1.2.3-01", &v, &error));
  CHECK(error == "Version segment starts with 0");
}

TEST_CASE("CompareSemver orders prereleases before releases", "[template_semver]") {
  auto cmp = [](std::string_view a, std::string_view b) {
    SemVersion x, y;
    std::string e;
    ParseSemver(a, &x, &e);
    ParseSemver(b, &y, &e);
    return CompareSemver(x, y);
  };
  CHECK(cmp("1.0.0-alpha", "1.0.0") < 0);
  CHECK(cmp("1.0.0-alpha.1", "1.0.0-alpha.beta") < 0);
  CHECK(cmp("1.0.0-rc.2", "1.0.0-rc.10") < 0);
  CHECK(cmp("1.0.0+a", "1.0.0+b") == 0);
  CHECK(cmp("2.0.0", "1.99.99") > 0);
}

TEST_CASE("constraints as charts use them", "[template_semver]") {
  CHECK(Satisfies(">=1.19-0", "1.20.0"));
  CHECK(Satisfies(">=1.19-0", "1.20.0-gke.1"));
  CHECK_FALSE(Satisfies(">=1.19", "1.20.0-gke.1"));  // a prerelease needs a prerelease constraint
  CHECK(Satisfies("<1.22-0", "1.21.9"));
  CHECK_FALSE(Satisfies("<1.22-0", "1.22.0"));
  CHECK(Satisfies(">=1.14.0-0 <1.22.0-0", "1.16.0"));
  CHECK(Satisfies("<1.14-0 || >=1.20-0", "1.25.1"));
  CHECK_FALSE(Satisfies("<1.14-0 || >=1.20-0", "1.16.0"));
  CHECK(Satisfies("^1.2.3", "1.9.0"));
  CHECK_FALSE(Satisfies("^1.2.3", "2.0.0"));
  CHECK(Satisfies("^0.2.3", "0.2.9"));
  CHECK_FALSE(Satisfies("^0.2.3", "0.3.0"));
  CHECK(Satisfies("~1.2.3", "1.2.9"));
  CHECK_FALSE(Satisfies("~1.2.3", "1.3.0"));
  CHECK(Satisfies("1.2.x", "1.2.7"));
  CHECK(Satisfies("*", "5.0.0"));
  CHECK(Satisfies(">1.2", "1.3.0"));
  CHECK_FALSE(Satisfies(">1.2", "1.2.5"));
  CHECK(Satisfies("<=1.2", "1.2.9"));
  CHECK(Satisfies("1.0.0 - 2.0.0", "1.5.0"));
  CHECK(Satisfies(">= 1.2, < 1.4", "1.3.0"));
  CHECK(Satisfies("!=1.2.3", "1.2.4"));
  CHECK(Satisfies("=1.2.3", "v1.2.3"));
  SemVersion v;
  std::string error;
  bool ok = false;
  ParseSemver("1.0.0", &v, &error);
  CHECK_FALSE(CheckSemverConstraint("1.0 ??", v, &ok, &error));
  CHECK(error.starts_with("improper constraint"));
}

}  // namespace
}  // namespace kubeshift::tmpl
