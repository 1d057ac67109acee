// ParseConfig (src/app/config.cc): .kubeshift.yaml keys, types, paths and error messages.
#include <string>
#include <vector>

#include "app/config.h"
#include "catch.h"

namespace kubeshift {
namespace {

using Strings = std::vector<std::string>;

struct Parsed {
  bool ok = false;
  ConfigFile config;
  std::string error;
};

Parsed Parse(const std::string& text, const std::string& path = "cfg.yaml") {
  Parsed out;
  out.ok = ParseConfig(path, text, &out.config, &out.error);
  return out;
}

}  // namespace

TEST_CASE("every key of .kubeshift.yaml", "[app][config]") {
  Parsed p = Parse(
      "target-version: \"1.29\"\n"
      "targets:\n"
      "  cert-manager: \"1.12\"\n"
      "  istio: 1.20\n"
      "fail-on: warning          # error, warning or never\n"
      "exclude:\n"
      "  - vendor\n"
      "  - \"**/*.generated.yaml\"\n"
      "rules:                    # relative to this file\n"
      "  - deprecations/our-crds.yaml\n",
      "/proj/sub/.kubeshift.yaml");
  REQUIRE(p.ok);
  CHECK(p.error == "");
  CHECK(p.config.path == "/proj/sub/.kubeshift.yaml");
  CHECK(p.config.target_version == std::optional<std::string>("1.29"));
  CHECK(p.config.targets == std::map<std::string, std::string>{{"cert-manager", "1.12"}, {"istio", "1.20"}});
  CHECK(p.config.fail_on == std::optional<std::string>("warning"));
  CHECK(p.config.excludes == Strings{"vendor", "**/*.generated.yaml"});
  CHECK(p.config.rules_files == Strings{"/proj/sub/deprecations/our-crds.yaml"});
  CHECK(p.config.lines.at("target-version") == 1);
  CHECK(p.config.lines.at("rules") == 9);
  CHECK(p.config.Where("fail-on") == "/proj/sub/.kubeshift.yaml:5: ");
  CHECK(p.config.Where("absent") == "");
}

TEST_CASE("versions keep the text that was written", "[app][config]") {
  // 1.30 and 1.20 unquoted are floats in YAML; the text must not become "1.3" / "1.2".
  Parsed p = Parse("target-version: 1.30\ntargets: {istio: 1.20, cert-manager: v1.6}\n");
  REQUIRE(p.ok);
  CHECK(p.config.target_version == std::optional<std::string>("1.30"));
  CHECK(p.config.targets.at("istio") == "1.20");
  CHECK(p.config.targets.at("cert-manager") == "v1.6");
}

TEST_CASE("fail-on is stored as written; checking it is the caller's job", "[app][config]") {
  Parsed p = Parse("fail-on: bogus\n");
  REQUIRE(p.ok);
  CHECK(p.config.fail_on == std::optional<std::string>("bogus"));
}

TEST_CASE("lists may be written as a single string or in flow style", "[app][config]") {
  Parsed p = Parse("exclude: vendor\nrules: [a.yaml, b.yaml]\n", "conf/.kubeshift.yaml");
  REQUIRE(p.ok);
  CHECK(p.config.excludes == Strings{"vendor"});
  CHECK(p.config.rules_files == Strings{"conf/a.yaml", "conf/b.yaml"});
  Parsed numbers = Parse("exclude: [1, true]\n");
  REQUIRE(numbers.ok);
  CHECK(numbers.config.excludes == Strings{"1", "true"});
}

TEST_CASE("rules paths are resolved against the configuration file's folder", "[app][config]") {
  SECTION("absolute configuration path") {
    Parsed p = Parse("rules:\n  - crds.yaml\n  - ../shared/x.yaml\n  - ./a/../b.yaml\n  - /etc/k/abs.yaml\n",
                     "/repo/team/.kubeshift.yaml");
    REQUIRE(p.ok);
    CHECK(p.config.rules_files == Strings{"/repo/team/crds.yaml", "/repo/shared/x.yaml", "/repo/team/b.yaml", "/etc/k/abs.yaml"});
  }
  SECTION("relative configuration path") {
    Parsed p = Parse("rules:\n  - crds.yaml\n  - ../up.yaml\n", "team/.kubeshift.yaml");
    REQUIRE(p.ok);
    CHECK(p.config.rules_files == Strings{"team/crds.yaml", "up.yaml"});
  }
  SECTION("configuration file in the working directory") {
    Parsed p = Parse("rules: [crds.yaml]\n", ".kubeshift.yaml");
    REQUIRE(p.ok);
    CHECK(p.config.rules_files == Strings{"crds.yaml"});
  }
}

TEST_CASE("values files (resolved like rules) and the release name of rendered charts", "[app][config]") {
  Parsed p = Parse("values: [ci/values.yaml, /abs/v.yaml]\nrelease-name: shop\n", "/proj/.kubeshift.yaml");
  REQUIRE(p.ok);
  CHECK(p.config.values_files == Strings{"/proj/ci/values.yaml", "/abs/v.yaml"});
  CHECK(p.config.release_name == "shop");
  CHECK(p.config.rules_files.empty());
}

TEST_CASE("an unknown key names the file, the line and the known keys", "[app][config]") {
  Parsed p = Parse("target-version: \"1.29\"\n\nfailon: error\n", "/x/.kubeshift.yaml");
  CHECK_FALSE(p.ok);
  CHECK(p.error == "/x/.kubeshift.yaml:3: unknown key 'failon' (known: target-version, targets, exclude, fail-on, rules, values, release-name)");
  Parsed nested_looking = Parse("kubernetes:\n  target-version: 1.29\n");
  CHECK_FALSE(nested_looking.ok);
  CHECK(nested_looking.error ==
        "cfg.yaml:1: unknown key 'kubernetes' (known: target-version, targets, exclude, fail-on, rules, values, release-name)");
}

TEST_CASE("wrong types name the key and the line of the value", "[app][config]") {
  struct Case {
    std::string text;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {"target-version: [1]\n", "cfg.yaml:1: 'target-version' must be a string"},
           {"a: 1\n", "cfg.yaml:1: unknown key 'a' (known: target-version, targets, exclude, fail-on, rules, values, release-name)"},
           {"fail-on: {a: 1}\n", "cfg.yaml:1: 'fail-on' must be a string"},
           {"targets: [a]\n", "cfg.yaml:1: 'targets' must map component names to versions"},
           {"targets: istio=1.6\n", "cfg.yaml:1: 'targets' must map component names to versions"},
           {"targets:\n  istio: [1]\n", "cfg.yaml:2: 'targets' must be a string"},
           {"exclude: {a: b}\n", "cfg.yaml:1: 'exclude' must be a list of strings"},
           {"exclude:\n  - a\n  - [b]\n", "cfg.yaml:3: 'exclude' must be a string"},
           {"rules:\n  a: b\n", "cfg.yaml:2: 'rules' must be a list of strings"},
           {"rules:\n  - {a: b}\n", "cfg.yaml:2: 'rules' must be a string"},
       }) {
    INFO(c.text);
    Parsed p = Parse(c.text);
    CHECK_FALSE(p.ok);
    CHECK(p.error == c.error);
  }
}

TEST_CASE("an empty value is reported on the line of its key", "[app][config]") {
  // yaml-cpp marks a null value where the next token starts; the message must still name the
  // line the user wrote ("target-version:" on line 1), not the following key.
  struct Case {
    std::string text;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {"target-version:\nfail-on: warning\n", "cfg.yaml:1: 'target-version' must be a string"},
           {"fail-on: warning\ntargets:\n  istio:\nexclude: [a]\n", "cfg.yaml:3: 'targets' must be a string"},
           {"exclude:\n  - a\n  -\nfail-on: x\n", "cfg.yaml:3: 'exclude' must be a string"},
       }) {
    INFO(c.text);
    Parsed p = Parse(c.text);
    CHECK_FALSE(p.ok);
    CHECK(p.error == c.error);
  }
}

TEST_CASE("a configuration that is not a mapping", "[app][config]") {
  Parsed seq = Parse("- target-version: 1.29\n");
  CHECK_FALSE(seq.ok);
  CHECK(seq.error == "cfg.yaml:1: the configuration must be a mapping");
  Parsed scalar = Parse("\n\n\"1.29\"\n");
  CHECK_FALSE(scalar.ok);
  CHECK(scalar.error == "cfg.yaml:3: the configuration must be a mapping");
}

TEST_CASE("a YAML syntax error names the file and line", "[app][config]") {
  Parsed p = Parse("exclude: [a,\n");
  CHECK_FALSE(p.ok);
  CHECK(p.error.rfind("cfg.yaml:", 0) == 0);
  CHECK(p.error.find("end of sequence flow not found") != std::string::npos);
  Parsed tab = Parse("targets:\n\tistio: 1.6\n");
  CHECK_FALSE(tab.ok);
  CHECK(tab.error.rfind("cfg.yaml:2: ", 0) == 0);
}

TEST_CASE("an empty configuration file is fine", "[app][config]") {
  for (std::string text : {"", "\n\n", "# only comments\n# here\n", "~\n", "---\n", "null\n"}) {
    INFO(text);
    Parsed p = Parse(text, "/x/.kubeshift.yaml");
    CHECK(p.ok);
    CHECK(p.error == "");
    CHECK(p.config.path == "/x/.kubeshift.yaml");
    CHECK_FALSE(p.config.target_version.has_value());
    CHECK(p.config.targets.empty());
    CHECK(p.config.excludes.empty());
    CHECK_FALSE(p.config.fail_on.has_value());
    CHECK(p.config.rules_files.empty());
  }
}

TEST_CASE("a BOM and CRLF line ends are accepted", "[app][config]") {
  Parsed p = Parse("\xEF\xBB\xBFtarget-version: \"1.29\"\r\nexclude:\r\n  - vendor\r\n");
  REQUIRE(p.ok);
  CHECK(p.config.target_version == std::optional<std::string>("1.29"));
  CHECK(p.config.excludes == Strings{"vendor"});
}

TEST_CASE("LoadConfigFile reports a file it cannot read", "[app][config]") {
  ConfigFile config;
  std::string error;
  CHECK_FALSE(LoadConfigFile("/nonexistent/dir/.kubeshift.yaml", &config, &error));
  CHECK(error == "/nonexistent/dir/.kubeshift.yaml: cannot read the configuration file");
}

TEST_CASE("FindConfigFile returns an explicit path unchanged", "[app][config]") {
  CHECK(FindConfigFile("some/where.yaml") == "some/where.yaml");
}

}  // namespace kubeshift
