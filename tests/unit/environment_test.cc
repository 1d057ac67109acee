// ResolveTarget and PrepareEnvironment (src/app/environment.cc): target versions of every
// component, their defaults and their error messages.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>

#include "app/environment.h"
#include "catch.h"

namespace kubeshift {
namespace {

const DeprecationTable& BuiltinTable() {
  static const DeprecationTable table = [] {
    DeprecationTable t;
    std::string error;
    if (!LoadBuiltinTable(&t, &error)) FAIL("built-in table: " << error);
    return t;
  }();
  return table;
}

std::string NewestKnown(std::string_view component) {
  std::optional<Version> v = BuiltinTable().NewestKnown(component);
  return v ? v->ToString() : "?";
}

// "1.29", or "error: MESSAGE".
std::string Resolve(std::string_view component, const std::string& text) {
  Version version;
  std::string error;
  if (!ResolveTarget(BuiltinTable(), component, text, &version, &error)) return "error: " + error;
  return version.ToString();
}

struct Prepared {
  bool ok = false;
  Environment env;
  std::string error;
  std::string Target(const std::string& component) const {
    auto it = env.targets.find(component);
    return it == env.targets.end() ? "none" : it->second.ToString();
  }
};

Prepared Prepare(TableOptions options) {
  options.no_config = options.config_path.empty();
  Prepared out;
  out.ok = PrepareEnvironment(options, &out.env, &out.error);
  return out;
}

// Sets KUBESHIFT_TODAY for the scope of a test and restores the previous value.
class TodayOverride {
 public:
  explicit TodayOverride(const char* value) {
    if (const char* old = std::getenv("KUBESHIFT_TODAY")) previous_ = old;
    if (value) {
      setenv("KUBESHIFT_TODAY", value, 1);
    } else {
      unsetenv("KUBESHIFT_TODAY");
    }
  }
  ~TodayOverride() {
    if (previous_) {
      setenv("KUBESHIFT_TODAY", previous_->c_str(), 1);
    } else {
      unsetenv("KUBESHIFT_TODAY");
    }
  }

 private:
  std::optional<std::string> previous_;
};

}  // namespace

TEST_CASE("the table this test relies on", "[app][environment]") {
  CHECK(BuiltinTable().Components() == std::vector<std::string>{"kubernetes", "cert-manager", "istio"});
  CHECK(NewestKnown("kubernetes") == "1.43");
  CHECK(NewestKnown("cert-manager") == "1.6");
  CHECK(NewestKnown("istio") == "1.6");
}

TEST_CASE("ResolveTarget accepts 1.29, v1.29 and 1.29.3", "[app][environment]") {
  CHECK(Resolve("kubernetes", "1.29") == "1.29");
  CHECK(Resolve("kubernetes", "v1.29") == "1.29");
  CHECK(Resolve("kubernetes", "1.29.3") == "1.29");
  CHECK(Resolve("kubernetes", "v1.29.3-eks-1") == "1.29");
  CHECK(Resolve("kubernetes", "1.16") == "1.16");
  CHECK(Resolve("kubernetes", "1.43") == "1.43");  // scheduled releases can be targeted
  CHECK(Resolve("cert-manager", "1.4") == "1.4");
  CHECK(Resolve("istio", "v1.5.2") == "1.5");
}

TEST_CASE("ResolveTarget rejects unknown versions with exact messages", "[app][environment]") {
  const std::string newest = NewestKnown("kubernetes");
  CHECK(Resolve("kubernetes", "1.99") ==
        "error: unknown kubernetes version 1.99: the deprecation table knows releases up to " + newest);
  CHECK(Resolve("kubernetes", "1.44") ==
        "error: unknown kubernetes version 1.44: the deprecation table knows releases up to " + newest);
  CHECK(Resolve("kubernetes", "2.0") ==
        "error: unknown kubernetes version 2.0: the deprecation table knows releases up to " + newest);
  CHECK(Resolve("kubernetes", "0.9") == "error: unknown kubernetes version 0.9");
  CHECK(Resolve("kubernetes", "latest") == "error: invalid kubernetes version 'latest' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("kubernetes", "") == "error: invalid kubernetes version '' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("kubernetes", "1") == "error: invalid kubernetes version '1' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("kubernetes", "1.29.") == "error: invalid kubernetes version '1.29.' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("kubernetes", " 1.29") == "error: invalid kubernetes version ' 1.29' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("kubernetes", "1.x") == "error: invalid kubernetes version '1.x' (expected MAJOR.MINOR, e.g. 1.29)");
  CHECK(Resolve("cert-manager", "1.7") ==
        "error: unknown cert-manager version 1.7: the deprecation table knows releases up to 1.6");
  CHECK(Resolve("istio", "abc") == "error: invalid istio version 'abc' (expected MAJOR.MINOR, e.g. 1.29)");
}

TEST_CASE("PrepareEnvironment: --target-version", "[app][environment]") {
  TableOptions options;
  options.target_version = "v1.25.4";
  Prepared p = Prepare(options);
  REQUIRE(p.ok);
  CHECK(p.Target("kubernetes") == "1.25");
  CHECK_FALSE(p.env.kubernetes_target_defaulted);
  CHECK(p.Target("cert-manager") == "1.6");  // other components: their newest known release
  CHECK(p.Target("istio") == "1.6");
  CHECK(p.env.config.path == "");

  options.target_version = "1.99";
  Prepared bad = Prepare(options);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error == "unknown kubernetes version 1.99: the deprecation table knows releases up to " + NewestKnown("kubernetes"));

  options.target_version = "latest";
  Prepared word = Prepare(options);
  CHECK_FALSE(word.ok);
  CHECK(word.error == "invalid kubernetes version 'latest' (expected MAJOR.MINOR, e.g. 1.29)");
}

TEST_CASE("PrepareEnvironment: --target COMPONENT=VERSION", "[app][environment]") {
  SECTION("another component") {
    TableOptions options;
    options.target_version = "1.29";
    options.component_targets = {"cert-manager=1.4", "istio=v1.5"};
    Prepared p = Prepare(options);
    REQUIRE(p.ok);
    CHECK(p.Target("kubernetes") == "1.29");
    CHECK(p.Target("cert-manager") == "1.4");
    CHECK(p.Target("istio") == "1.5");
  }
  SECTION("k8s= and kubernetes= set the Kubernetes target, after --target-version") {
    TableOptions options;
    options.target_version = "1.29";
    options.component_targets = {"k8s=1.22"};
    Prepared p = Prepare(options);
    REQUIRE(p.ok);
    CHECK(p.Target("kubernetes") == "1.22");
    CHECK_FALSE(p.env.kubernetes_target_defaulted);

    TableOptions only;
    only.component_targets = {"kubernetes=1.21"};
    Prepared q = Prepare(only);
    REQUIRE(q.ok);
    CHECK(q.Target("kubernetes") == "1.21");
    CHECK_FALSE(q.env.kubernetes_target_defaulted);
  }
  SECTION("the last one wins") {
    TableOptions options;
    options.component_targets = {"istio=1.5", "istio=1.6"};
    Prepared p = Prepare(options);
    REQUIRE(p.ok);
    CHECK(p.Target("istio") == "1.6");
  }
  SECTION("unknown component") {
    TableOptions options;
    options.component_targets = {"karpenter=0.32"};
    Prepared p = Prepare(options);
    CHECK_FALSE(p.ok);
    CHECK(p.error == "unknown component 'karpenter' in a target (known: kubernetes, cert-manager, istio)");
  }
  SECTION("malformed") {
    for (std::string spec : {"cert-manager", "=1.4", ""}) {
      INFO(spec);
      TableOptions options;
      options.component_targets = {spec};
      Prepared p = Prepare(options);
      CHECK_FALSE(p.ok);
      CHECK(p.error == "--target expects COMPONENT=VERSION, got '" + spec + "'");
    }
  }
  SECTION("bad versions") {
    TableOptions options;
    options.component_targets = {"cert-manager=9.9"};
    Prepared p = Prepare(options);
    CHECK_FALSE(p.ok);
    CHECK(p.error == "unknown cert-manager version 9.9: the deprecation table knows releases up to 1.6");
    options.component_targets = {"istio=1.6=1.5"};
    Prepared q = Prepare(options);
    CHECK_FALSE(q.ok);
    CHECK(q.error == "invalid istio version '1.6=1.5' (expected MAJOR.MINOR, e.g. 1.29)");
    options.component_targets = {"k8s=2.0"};
    Prepared r = Prepare(options);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "unknown kubernetes version 2.0: the deprecation table knows releases up to " + NewestKnown("kubernetes"));
  }
}

TEST_CASE("the default Kubernetes target follows KUBESHIFT_TODAY", "[app][environment]") {
  struct Case {
    const char* today;
    const char* expected;
  };
  for (const Case& c : {Case{"2024-01-01", "1.29"}, Case{"2023-12-13", "1.29"}, Case{"2023-12-12", "1.28"},
                        Case{"2022-08-23", "1.25"}, Case{"2026-04-22", "1.36"}, Case{"2099-12-31", "1.36"}}) {
    INFO(c.today);
    TodayOverride today(c.today);
    Prepared p = Prepare(TableOptions{});
    REQUIRE(p.ok);
    CHECK(p.Target("kubernetes") == c.expected);
    CHECK(p.env.kubernetes_target_defaulted);
    CHECK(p.Target("cert-manager") == "1.6");  // not date-driven
    CHECK(p.Target("istio") == "1.6");
  }
}

TEST_CASE("a malformed KUBESHIFT_TODAY is ignored", "[app][environment]") {
  std::string real;
  {
    TodayOverride unset(nullptr);
    Prepared p = Prepare(TableOptions{});
    REQUIRE(p.ok);
    real = p.Target("kubernetes");
  }
  for (const char* bad : {"garbage", "2024-1-01", "20240101", "2024/01/01", ""}) {
    INFO(bad);
    TodayOverride today(bad);
    Prepared p = Prepare(TableOptions{});
    REQUIRE(p.ok);
    CHECK(p.Target("kubernetes") == real);
  }
}

TEST_CASE("an explicit target is not defaulted, whatever the date", "[app][environment]") {
  TodayOverride today("2020-01-01");
  TableOptions options;
  options.target_version = "1.33";
  Prepared p = Prepare(options);
  REQUIRE(p.ok);
  CHECK(p.Target("kubernetes") == "1.33");
  CHECK_FALSE(p.env.kubernetes_target_defaulted);
}

TEST_CASE("targets from a configuration file, and errors that name it", "[app][environment]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("kubeshift_env_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path config = dir / ".kubeshift.yaml";
  auto write = [&](const std::string& text) {
    std::ofstream out(config, std::ios::binary | std::ios::trunc);
    out << text;
  };

  write("# project defaults\ntarget-version: \"1.27\"\ntargets:\n  istio: \"1.5\"\n");
  TableOptions options;
  options.config_path = config.string();
  Prepared p = Prepare(options);
  REQUIRE(p.ok);
  CHECK(p.Target("kubernetes") == "1.27");
  CHECK(p.Target("istio") == "1.5");
  CHECK_FALSE(p.env.kubernetes_target_defaulted);
  CHECK(p.env.config.path == config.string());

  // The command line wins over the file.
  options.target_version = "1.30";
  Prepared cli = Prepare(options);
  REQUIRE(cli.ok);
  CHECK(cli.Target("kubernetes") == "1.30");
  options.target_version.reset();

  write("target-version: \"1.99\"\n");
  Prepared bad = Prepare(options);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error == config.string() + ":1: unknown kubernetes version 1.99: the deprecation table knows releases up to " +
                         NewestKnown("kubernetes"));

  write("\ntargets:\n  linkerd: \"2.14\"\n");
  Prepared component = Prepare(options);
  CHECK_FALSE(component.ok);
  CHECK(component.error ==
        config.string() + ":2: unknown component 'linkerd' in a target (known: kubernetes, cert-manager, istio)");

  // A bad version in the file but a good one on the command line: the command line is used.
  write("target-version: \"1.99\"\n");
  options.target_version = "1.29";
  Prepared overridden = Prepare(options);
  REQUIRE(overridden.ok);
  CHECK(overridden.Target("kubernetes") == "1.29");

  fs::remove_all(dir);
}

TEST_CASE("a --rules file that cannot be read", "[app][environment]") {
  TableOptions options;
  options.rules_files = {"/nonexistent/rules.yaml"};
  Prepared p = Prepare(options);
  CHECK_FALSE(p.ok);
  CHECK(p.error.rfind("/nonexistent/rules.yaml: cannot read rules file", 0) == 0);
}

}  // namespace kubeshift
