// Tests for src/table/deprecation_table.cc and src/table/builtin_table.cc, and checks that the
// data in deprecations.d/ is consistent with itself and with testdata/table/.
#include "kubeshift/deprecation_table.h"

#include <stdlib.h>  // setenv, unsetenv

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "test_files.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

constexpr Version V(int major, int minor) { return Version{major, minor}; }

// Adds \a text as "test.yaml" and returns the error ("" on success).
std::string AddError(DeprecationTable* table, const std::string& text) {
  std::string error;
  if (table->AddFile("test.yaml", text, &error)) return "";
  CHECK_FALSE(error.empty());
  return error;
}

std::string AddError(const std::string& text) {
  DeprecationTable table;
  return AddError(&table, text);
}

// A minimal valid row, with \a extra appended as more keys of the row.
std::string Row(const std::string& api_version, const std::string& kind,
                const std::string& extra = "") {
  return "  - apiVersion: " + api_version + "\n    kind: " + kind +
         "\n    removedIn: \"1.22\"\n" + extra;
}

const DeprecationTable& Builtin() {
  static const DeprecationTable* table = [] {
    auto* loaded = new DeprecationTable;
    std::string error;
    const bool ok = LoadBuiltinTable(loaded, &error);
    INFO(error);
    REQUIRE(ok);
    return loaded;
  }();
  return *table;
}

// ---------------------------------------------------------------------------------------------
// StatusAt

TEST_CASE("StatusAt switches exactly at deprecatedIn and removedIn", "[table]") {
  ApiEntry entry;
  entry.deprecated_in = V(1, 19);
  entry.removed_in = V(1, 22);
  CHECK(StatusAt(entry, V(1, 18)) == ApiStatus::kServed);
  CHECK(StatusAt(entry, V(1, 19)) == ApiStatus::kDeprecated);
  CHECK(StatusAt(entry, V(1, 21)) == ApiStatus::kDeprecated);
  CHECK(StatusAt(entry, V(1, 22)) == ApiStatus::kRemoved);
  CHECK(StatusAt(entry, V(2, 0)) == ApiStatus::kRemoved);
}

TEST_CASE("StatusAt treats a missing version as never", "[table]") {
  ApiEntry deprecated_only;
  deprecated_only.deprecated_in = V(1, 19);
  CHECK(StatusAt(deprecated_only, V(1, 18)) == ApiStatus::kServed);
  CHECK(StatusAt(deprecated_only, V(1, 40)) == ApiStatus::kDeprecated);

  ApiEntry removed_only;
  removed_only.removed_in = V(1, 16);
  CHECK(StatusAt(removed_only, V(1, 15)) == ApiStatus::kServed);
  CHECK(StatusAt(removed_only, V(1, 16)) == ApiStatus::kRemoved);
}

// ---------------------------------------------------------------------------------------------
// AddFile: a valid file

TEST_CASE("AddFile reads every field of a row and of a release", "[table]") {
  DeprecationTable table;
  const std::string text =
      "# comment\n"
      "component: kubernetes\n"
      "releases:\n"
      "  - {version: \"1.22\", date: \"2021-08-04\"}\n"
      "  - version: \"1.40\"\n"
      "apis:\n"
      "  - apiVersion: extensions/v1beta1\n"
      "    kind: Ingress\n"
      "    deprecatedIn: \"1.14\"\n"
      "    removedIn: \"1.22\"\n"
      "    replacement: networking.k8s.io/v1\n"
      "    replacementSince: \"1.19\"\n"
      "    conversion: ingress-networking-v1\n"
      "    note: Every path needs a pathType.\n";
  REQUIRE(AddError(&table, text).empty());
  REQUIRE(table.entries().size() == 1);
  const ApiEntry& entry = table.entries()[0];
  CHECK(entry.component == "kubernetes");
  CHECK(entry.api_version == "extensions/v1beta1");
  CHECK(entry.kind == "Ingress");
  CHECK(entry.deprecated_in == V(1, 14));
  CHECK(entry.removed_in == V(1, 22));
  CHECK(entry.replacement == "networking.k8s.io/v1");
  CHECK(entry.replacement_since == V(1, 19));
  CHECK(entry.conversion == "ingress-networking-v1");
  CHECK(entry.note == "Every path needs a pathType.");
  CHECK(entry.origin == "test.yaml:7");

  REQUIRE(table.releases().size() == 2);
  CHECK(table.releases()[0].component == "kubernetes");
  CHECK(table.releases()[0].version == V(1, 22));
  CHECK(table.releases()[0].date == "2021-08-04");
  CHECK(table.releases()[1].date.empty());
}

TEST_CASE("AddFile accepts a file with only a component, and empty optional values", "[table]") {
  CHECK(AddError("component: karpenter\n").empty());
  CHECK(AddError("component: x\nreleases:\napis:\n").empty());
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    note:\n    replacement:\n"))
            .empty());
  CHECK(AddError("component: x\nreleases:\n  - {version: \"1.0\", date: \"\"}\n").empty());
}

// ---------------------------------------------------------------------------------------------
// AddFile: every validation error, with its line

TEST_CASE("AddFile reports YAML syntax errors with their line", "[table][errors]") {
  CHECK(AddError("component: x\napis:\n  - apiVersion: [v1\n") ==
        "test.yaml:4: YAML syntax error: end of sequence flow not found");
  CHECK(AddError("component: x\n\tapis: []\n") ==
        "test.yaml:2: YAML syntax error: illegal tab when looking for indentation");
  // A bare * is an alias in YAML: "*" rows must quote it.
  CHECK(AddError("component: x\napis:\n" + Row("v1", "*")) ==
        "test.yaml:4: YAML syntax error: alias not found after *");
}

TEST_CASE("AddFile rejects empty files, several documents and a non-mapping top level",
          "[table][errors]") {
  CHECK(AddError("") == "test.yaml:1: empty file: missing required key 'component'");
  CHECK(AddError("# only a comment\n") ==
        "test.yaml:1: empty file: missing required key 'component'");
  CHECK(AddError("component: a\n---\ncomponent: b\n") ==
        "test.yaml:3: expected one YAML document, found 2");
  CHECK(AddError("- component: a\n") == "test.yaml:1: the top level must be a mapping");
}

TEST_CASE("AddFile rejects unknown keys at every level", "[table][errors]") {
  CHECK(AddError("component: x\nremovedIn: \"1.2\"\n") ==
        "test.yaml:2: unknown key 'removedIn' in the top level "
        "(expected one of: component, releases, apis)");
  CHECK(AddError("component: x\nreleases:\n  - version: \"1.2\"\n"
                 "    released: \"2020-01-01\"\n") ==
        "test.yaml:4: unknown key 'released' in a release (expected one of: version, date)");
  CHECK(AddError("component: x\napis:\n" +
                 Row("v1", "Foo", "    replacementAvailableIn: \"1.2\"\n")) ==
        "test.yaml:6: unknown key 'replacementAvailableIn' in a row of 'apis' (expected one of: "
        "apiVersion, kind, deprecatedIn, removedIn, replacement, replacementSince, conversion, "
        "note)");
}

TEST_CASE("AddFile rejects duplicate keys", "[table][errors]") {
  CHECK(AddError("component: x\ncomponent: y\n") == "test.yaml:2: duplicate key 'component'");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    kind: Bar\n")) ==
        "test.yaml:6: duplicate key 'kind'");
}

TEST_CASE("AddFile rejects missing required keys", "[table][errors]") {
  CHECK(AddError("apis: []\n") == "test.yaml:1: missing required key 'component'");
  CHECK(AddError("component:\n") == "test.yaml:1: 'component' must not be empty");
  CHECK(AddError("component: x\napis:\n  - kind: Foo\n    removedIn: \"1.2\"\n") ==
        "test.yaml:3: missing required key 'apiVersion'");
  CHECK(AddError("component: x\napis:\n  - apiVersion: v1\n    removedIn: \"1.2\"\n") ==
        "test.yaml:3: missing required key 'kind'");
  CHECK(AddError("component: x\nreleases:\n  - date: \"2020-01-01\"\n") ==
        "test.yaml:3: missing required key 'version'");
}

TEST_CASE("AddFile rejects values of the wrong type", "[table][errors]") {
  CHECK(AddError("component: [a]\n") == "test.yaml:1: 'component' must be a string");
  CHECK(AddError("component: x\napis: {}\n") == "test.yaml:2: 'apis' must be a list");
  CHECK(AddError("component: x\nreleases: \"1.2\"\n") == "test.yaml:2: 'releases' must be a list");
  CHECK(AddError("component: x\napis:\n  - v1\n") ==
        "test.yaml:3: a row of 'apis' must be a mapping");
  CHECK(AddError("component: x\nreleases:\n  - \"1.2\"\n") ==
        "test.yaml:3: a release must be a mapping");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    note: {a: b}\n")) ==
        "test.yaml:6: 'note' must be a string");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    replacementSince: [\"1.2\"]\n")) ==
        "test.yaml:6: 'replacementSince' must be a string");
}

// A row of kind Foo whose last key is "KEY: VALUE" (line 5).
std::string RowWith(const std::string& key_value) {
  return "component: x\napis:\n  - apiVersion: v1\n    kind: Foo\n    " + key_value + "\n";
}

TEST_CASE("AddFile rejects bad and unquoted version strings", "[table][errors]") {
  CHECK(AddError(RowWith("removedIn: \"v1.22\"")) ==
        "test.yaml:5: bad version 'v1.22' in 'removedIn': expected \"MAJOR.MINOR\" like \"1.22\"");
  CHECK(AddError(RowWith("deprecatedIn: \"1.22.1\"")) ==
        "test.yaml:5: bad version '1.22.1' in 'deprecatedIn': expected \"MAJOR.MINOR\" like "
        "\"1.22\"");
  CHECK(AddError(RowWith("removedIn: \"latest\"")) ==
        "test.yaml:5: bad version 'latest' in 'removedIn': expected \"MAJOR.MINOR\" like \"1.22\"");
  CHECK(AddError(RowWith("removedIn: 1.20")) ==
        "test.yaml:5: version in 'removedIn' must be quoted: \"1.20\"");
  CHECK(AddError("component: x\nreleases:\n  - version: \"1\"\n") ==
        "test.yaml:3: bad version '1' in 'version': expected \"MAJOR.MINOR\" like \"1.22\"");
}

TEST_CASE("AddFile rejects inconsistent versions", "[table][errors]") {
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    deprecatedIn: \"1.23\"\n")) ==
        "test.yaml:6: deprecatedIn 1.23 is after removedIn 1.22");
  CHECK(AddError("component: x\napis:\n" +
                 Row("v1", "Foo", "    replacement: v2\n    replacementSince: \"1.25\"\n")) ==
        "test.yaml:7: replacementSince 1.25 is after removedIn 1.22");
  CHECK(AddError("component: x\napis:\n  - apiVersion: v1\n    kind: Foo\n    note: gone\n") ==
        "test.yaml:3: row for v1 Foo has neither 'deprecatedIn' nor 'removedIn'");
  // Equal versions are fine: deprecated and removed in one release happens (cert-manager 0.11).
  CHECK(AddError("component: x\napis:\n" +
                 Row("v1", "Foo", "    deprecatedIn: \"1.22\"\n    replacement: v2\n"
                                  "    replacementSince: \"1.22\"\n"))
            .empty());
}

TEST_CASE("AddFile rejects malformed names", "[table][errors]") {
  // pluto's rbac.istio.io row has no version part and could never match.
  CHECK(AddError("component: istio\napis:\n" + Row("rbac.istio.io", "AuthorizationPolicies")) ==
        "test.yaml:3: bad apiVersion 'rbac.istio.io': expected \"group/version\" or a core "
        "version like \"v1\"");
  CHECK(AddError("component: x\napis:\n" + Row("apps/", "Foo")).starts_with(
      "test.yaml:3: bad apiVersion 'apps/'"));
  CHECK(AddError("component: x\napis:\n" + Row("apps/v1/x", "Foo")).starts_with(
      "test.yaml:3: bad apiVersion 'apps/v1/x'"));
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo Bar")) ==
        "test.yaml:4: bad kind 'Foo Bar': expected a kind like \"Ingress\" or \"*\"");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    replacement: networking\n")) ==
        "test.yaml:6: bad replacement 'networking': expected \"group/version\" or a core version "
        "like \"v1\"");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    replacement: v1\n")) ==
        "test.yaml:6: replacement is the row's own apiVersion");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    replacementSince: \"1.2\"\n")) ==
        "test.yaml:6: 'replacementSince' given without 'replacement'");
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo", "    conversion: PureMove\n")) ==
        "test.yaml:6: bad conversion id 'PureMove': expected kebab-case like "
        "\"pure-version-move\"");
  CHECK(AddError("component: Cert Manager\n") ==
        "test.yaml:1: bad component name 'Cert Manager': expected lower-case words like "
        "\"cert-manager\"");
  CHECK(AddError("component: x\nreleases:\n  - {version: \"1.2\", date: \"2020-13-01\"}\n") ==
        "test.yaml:3: bad date '2020-13-01': expected YYYY-MM-DD");
  CHECK(AddError("component: x\nreleases:\n  - {version: \"1.2\", date: \"soon\"}\n") ==
        "test.yaml:3: bad date 'soon': expected YYYY-MM-DD");
}

TEST_CASE("AddFile rejects duplicate rows and releases within a file", "[table][errors]") {
  CHECK(AddError("component: x\napis:\n" + Row("v1", "Foo") + Row("v1", "Foo")) ==
        "test.yaml:6: duplicate row for v1 Foo (already at line 3)");
  CHECK(AddError("component: x\nreleases:\n  - version: \"1.2\"\n  - version: \"1.2\"\n") ==
        "test.yaml:4: duplicate release x 1.2 (already at line 3)");
}

TEST_CASE("AddFile rejects duplicates across files and names the first file", "[table][errors]") {
  DeprecationTable table;
  std::string error;
  REQUIRE(table.AddFile("first.yaml",
                        "component: x\nreleases:\n  - version: \"1.2\"\napis:\n" +
                            Row("v1", "Foo"),
                        &error));
  CHECK_FALSE(table.AddFile("second.yaml", "component: x\napis:\n" + Row("v1", "Bar") +
                                               Row("v1", "Foo"),
                            &error));
  CHECK(error == "second.yaml:6: duplicate row for v1 Foo (already at first.yaml:5)");
  // Find() takes no component, so the pair must be unique across components too.
  CHECK_FALSE(table.AddFile("third.yaml", "component: y\napis:\n" + Row("v1", "Foo"), &error));
  CHECK(error == "third.yaml:3: duplicate row for v1 Foo (already at first.yaml:5)");
  CHECK_FALSE(table.AddFile("fourth.yaml", "component: x\nreleases:\n  - version: \"1.2\"\n",
                            &error));
  CHECK(error == "fourth.yaml:3: duplicate release x 1.2 (already loaded from another file)");
  // The same version of another component is not a duplicate.
  CHECK(table.AddFile("fifth.yaml", "component: y\nreleases:\n  - version: \"1.2\"\n", &error));
}

TEST_CASE("AddFile adds nothing from a file that fails", "[table][errors]") {
  DeprecationTable table;
  const std::string bad = "component: x\nreleases:\n  - version: \"1.2\"\napis:\n" +
                          Row("v1", "Good") + Row("v1", "Bad", "    deprecatedIn: \"1.30\"\n");
  CHECK(AddError(&table, bad) == "test.yaml:11: deprecatedIn 1.30 is after removedIn 1.22");
  CHECK(table.entries().empty());
  CHECK(table.releases().empty());
  CHECK(table.Find("v1", "Good") == nullptr);
  CHECK(table.Components().empty());
  // Nothing half-added blocks a corrected version of the same file.
  CHECK(AddError(&table, "component: x\nreleases:\n  - version: \"1.2\"\napis:\n" +
                             Row("v1", "Good"))
            .empty());
}

// ---------------------------------------------------------------------------------------------
// Find

TEST_CASE("Find matches exact rows, FooList, and \"*\" rows", "[table]") {
  DeprecationTable table;
  REQUIRE(AddError(&table, "component: x\napis:\n" + Row("example.com/v1beta1", "Widget") +
                               Row("example.com/v1beta1", "\"*\"") + Row("other.io/v1", "'*'") +
                               Row("v1", "Gadget"))
              .empty());
  const ApiEntry* widget = table.Find("example.com/v1beta1", "Widget");
  REQUIRE(widget != nullptr);
  CHECK(widget->kind == "Widget");
  // FooList falls back to the row of Foo, before the "*" row of the group/version.
  const ApiEntry* widget_list = table.Find("example.com/v1beta1", "WidgetList");
  REQUIRE(widget_list != nullptr);
  CHECK(widget_list->kind == "Widget");
  // Any other kind of the group/version takes the "*" row.
  const ApiEntry* other = table.Find("example.com/v1beta1", "Sprocket");
  REQUIRE(other != nullptr);
  CHECK(other->kind == "*");
  REQUIRE(table.Find("other.io/v1", "Anything") != nullptr);
  CHECK(table.Find("other.io/v1", "AnythingList")->kind == "*");
  // Core group rows and their lists.
  REQUIRE(table.Find("v1", "GadgetList") != nullptr);
  CHECK(table.Find("v1", "GadgetList")->kind == "Gadget");
  // No match: other versions, other kinds, prefixes, the bare "List" kind.
  CHECK(table.Find("example.com/v1", "Widget") == nullptr);
  CHECK(table.Find("v1", "Gadgets") == nullptr);
  CHECK(table.Find("v1", "List") == nullptr);
  CHECK(table.Find("v1", "Gadge") == nullptr);
  CHECK(table.Find("example.com/v1beta", "Widget") == nullptr);
  CHECK(table.Find("", "") == nullptr);
  // Case matters, as in the API server.
  CHECK(table.Find("v1", "gadget") == nullptr);
}

TEST_CASE("Find on an empty table finds nothing", "[table]") {
  DeprecationTable table;
  CHECK(table.Find("extensions/v1beta1", "Ingress") == nullptr);
}

// ---------------------------------------------------------------------------------------------
// Releases and components

TEST_CASE("NewestReleased, NewestKnown and ReleaseDate follow the release list", "[table]") {
  DeprecationTable table;
  REQUIRE(AddError(&table,
                   "component: x\nreleases:\n"
                   "  - {version: \"1.9\", date: \"2020-01-01\"}\n"
                   "  - {version: \"1.10\", date: \"2020-06-01\"}\n"
                   "  - {version: \"1.11\"}\n")
              .empty());
  CHECK(table.NewestReleased("x", "2019-12-31") == std::nullopt);
  CHECK(table.NewestReleased("x", "2020-01-01") == V(1, 9));
  CHECK(table.NewestReleased("x", "2020-05-31") == V(1, 9));
  CHECK(table.NewestReleased("x", "2020-06-01") == V(1, 10));
  CHECK(table.NewestReleased("x", "2099-01-01") == V(1, 10));
  CHECK(table.NewestKnown("x") == V(1, 11));
  CHECK(table.NewestReleased("y", "2099-01-01") == std::nullopt);
  CHECK(table.NewestKnown("y") == std::nullopt);
  CHECK(table.ReleaseDate("x", V(1, 10)) == "2020-06-01");
  CHECK(table.ReleaseDate("x", V(1, 11)).empty());
  CHECK(table.ReleaseDate("x", V(1, 12)).empty());
}

TEST_CASE("NewestKnown of a component without releases is the newest version its rows name",
          "[table]") {
  DeprecationTable table;
  REQUIRE(AddError(&table, "component: my-operator\napis:\n"
                           "  - {apiVersion: ops.example.com/v1alpha1, kind: Job, "
                           "deprecatedIn: \"2.3\", removedIn: \"3.0\"}\n"
                           "  - {apiVersion: ops.example.com/v1beta1, kind: Job, "
                           "deprecatedIn: \"3.1\"}\n")
              .empty());
  CHECK(table.NewestKnown("my-operator") == V(3, 1));
  CHECK(table.NewestReleased("my-operator", "2099-01-01") == std::nullopt);
}

TEST_CASE("Components lists kubernetes first, then the others sorted", "[table]") {
  DeprecationTable table;
  REQUIRE(AddError(&table, "component: zeta\napis:\n" + Row("z.io/v1", "Z")).empty());
  REQUIRE(table.AddFile("k.yaml", "component: kubernetes\nreleases:\n  - version: \"1.2\"\n",
                        nullptr));
  REQUIRE(table.AddFile("a.yaml", "component: alpha\napis:\n" + Row("a.io/v1", "A"), nullptr));
  CHECK(table.Components() == std::vector<std::string>{"kubernetes", "alpha", "zeta"});
}

// ---------------------------------------------------------------------------------------------
// LoadRulesFile and TodayUtc

TEST_CASE("LoadRulesFile reads a file from disk and names it in errors", "[table]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::filesystem::path path = dir / "kubeshift-rules-test.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "component: my-crds\napis:\n"
           "  - apiVersion: widgets.example.com/v1alpha1\n"
           "    kind: \"*\"\n"
           "    deprecatedIn: \"2.0\"\n"
           "    removedIn: \"3.0\"\n"
           "    replacement: widgets.example.com/v1\n"
           "    note: Run widgetctl migrate.\n";
  }
  DeprecationTable table;
  std::string error;
  REQUIRE(LoadBuiltinTable(&table, &error));
  REQUIRE(LoadRulesFile(&table, path.string(), &error));
  const ApiEntry* entry = table.Find("widgets.example.com/v1alpha1", "Widget");
  REQUIRE(entry != nullptr);
  CHECK(entry->component == "my-crds");
  CHECK(entry->origin == path.string() + ":3");
  CHECK(table.NewestKnown("my-crds") == V(3, 0));

  // Loading it again collides with itself.
  CHECK_FALSE(LoadRulesFile(&table, path.string(), &error));
  CHECK(error == path.string() + ":3: duplicate row for widgets.example.com/v1alpha1 * " +
                     "(already at " + path.string() + ":3)");
  std::filesystem::remove(path);

  CHECK_FALSE(LoadRulesFile(&table, path.string(), &error));
  CHECK(error == path.string() + ": cannot read rules file: No such file or directory");
  CHECK_FALSE(LoadRulesFile(&table, dir.string(), &error));
  CHECK(error == dir.string() + ": cannot read rules file: Is a directory");
}

TEST_CASE("TodayUtc honours a well-formed KUBESHIFT_TODAY", "[table]") {
  setenv("KUBESHIFT_TODAY", "2026-11-30", 1);
  CHECK(TodayUtc() == "2026-11-30");
  setenv("KUBESHIFT_TODAY", "tomorrow", 1);
  const std::string today = TodayUtc();
  CHECK(today != "tomorrow");
  unsetenv("KUBESHIFT_TODAY");
  const std::string real = TodayUtc();
  CHECK(real == today);
  REQUIRE(real.size() == 10);
  CHECK(real[4] == '-');
  CHECK(real[7] == '-');
  CHECK(real > "2024-01-01");
}

// ---------------------------------------------------------------------------------------------
// The built-in data

TEST_CASE("The built-in table loads and has the expected rows per removal", "[table][data]") {
  const DeprecationTable& table = Builtin();
  std::map<std::string, int> removed_per_release;
  std::map<std::string, int> rows_per_component;
  for (const ApiEntry& entry : table.entries()) {
    ++rows_per_component[entry.component];
    if (entry.component == kKubernetes && entry.removed_in) {
      ++removed_per_release[entry.removed_in->ToString()];
    }
  }
  // Removal counts: the migration guide's pairs plus the extras documented in each file.
  CHECK(removed_per_release["1.16"] == 11 + 1);      // + PodSecurityPolicy extensions/v1beta1
  CHECK(removed_per_release["1.17"] == 1);           // scheduling v1alpha1
  CHECK(removed_per_release["1.21"] == 2);           // flowcontrol v1alpha1
  CHECK(removed_per_release["1.22"] == 23 + 5);      // + rbac v1alpha1, RuntimeClass v1alpha1
  CHECK(removed_per_release["1.24"] == 2);           // storage v1alpha1
  CHECK(removed_per_release["1.25"] == 7);
  CHECK(removed_per_release["1.26"] == 3);
  CHECK(removed_per_release["1.27"] == 1);
  CHECK(removed_per_release["1.29"] == 2 + 1);       // + ClusterCIDR v1alpha1
  CHECK(removed_per_release["1.32"] == 2 + 2);       // + ValidatingAdmissionPolicy v1alpha1
  CHECK(removed_per_release["1.33"] == 1 + 2);       // + ServiceCIDR, IPAddress v1alpha1
  CHECK(removed_per_release["1.34"] == 2);
  CHECK(removed_per_release["1.35"] == 1);
  CHECK(removed_per_release["1.36"] == 1);
  CHECK(removed_per_release["1.37"] == 3 + 1);       // + ClusterTrustBundle v1alpha1
  CHECK(removed_per_release["1.38"] == 4);
  CHECK(removed_per_release["1.39"] == 5);
  CHECK(removed_per_release["1.40"] == 5);
  CHECK(removed_per_release["1.42"] == 1);
  CHECK(removed_per_release["1.43"] == 2);
  CHECK(rows_per_component["kubernetes"] == 91);
  CHECK(rows_per_component["cert-manager"] == 24);
  CHECK(rows_per_component["istio"] == 1);
  CHECK(table.Components() == std::vector<std::string>{"kubernetes", "cert-manager", "istio"});
}

TEST_CASE("The built-in release calendar", "[table][data]") {
  const DeprecationTable& table = Builtin();
  CHECK(table.NewestReleased("kubernetes", "2026-11-30") == V(1, 36));
  CHECK(table.NewestReleased("kubernetes", "2026-04-21") == V(1, 35));
  CHECK(table.NewestReleased("kubernetes", "2021-08-04") == V(1, 22));
  CHECK(table.NewestKnown("kubernetes") == V(1, 43));
  CHECK(table.ReleaseDate("kubernetes", V(1, 16)) == "2019-09-18");
  CHECK(table.ReleaseDate("kubernetes", V(1, 22)) == "2021-08-04");
  CHECK(table.ReleaseDate("kubernetes", V(1, 29)) == "2023-12-13");
  CHECK(table.ReleaseDate("kubernetes", V(1, 35)) == "2025-12-17");
  CHECK(table.ReleaseDate("kubernetes", V(1, 37)).empty());
  // Every minor from 1.16 to 1.43, dated up to 1.36 and scheduled after.
  for (int minor = 16; minor <= 43; ++minor) {
    INFO("1." << minor);
    bool found = false;
    for (const Release& release : table.releases()) {
      if (release.component == kKubernetes && release.version == V(1, minor)) {
        found = true;
        CHECK(release.date.empty() == (minor > 36));
      }
    }
    CHECK(found);
  }
  // Other components have no dates: their default target is the newest known release.
  CHECK(table.NewestKnown("cert-manager") == V(1, 6));
  CHECK(table.NewestReleased("cert-manager", "2099-01-01") == std::nullopt);
  CHECK(table.NewestKnown("istio") == V(1, 6));
}

TEST_CASE("Every built-in row is usable and consistent", "[table][data]") {
  const DeprecationTable& table = Builtin();
  for (const ApiEntry& entry : table.entries()) {
    INFO(entry.origin << ": " << entry.api_version << " " << entry.kind);
    CHECK_FALSE(entry.note.empty());
    if (entry.removed_in) CHECK((!entry.replacement.empty() || !entry.note.empty()));
    if (entry.component != kKubernetes) continue;
    // A kubernetes-1.NN.yaml file holds exactly the rows removed in 1.NN.
    REQUIRE(entry.removed_in);
    CHECK(entry.origin.starts_with("kubernetes-" + entry.removed_in->ToString() + ".yaml:"));
    REQUIRE(entry.deprecated_in);
    CHECK(*entry.deprecated_in < *entry.removed_in);
    if (entry.replacement.empty()) continue;
    // The replacement is served before the removal, so users can migrate before upgrading...
    REQUIRE(entry.replacement_since);
    CHECK(*entry.replacement_since < *entry.removed_in);
    // ...and, when it is in the table itself, it outlives the row it replaces.
    if (const ApiEntry* next = table.Find(entry.replacement, entry.kind)) {
      INFO("replacement row " << next->origin);
      REQUIRE(next->removed_in);
      CHECK(*next->removed_in > *entry.removed_in);
    }
  }
}

TEST_CASE("The built-in table avoids pluto's data defects", "[table][data]") {
  const DeprecationTable& table = Builtin();
  // FlowSchema/PriorityLevelConfiguration v1beta1 are removed in 1.26 (pluto: kind "FlowControl").
  for (const char* kind : {"FlowSchema", "PriorityLevelConfiguration"}) {
    const ApiEntry* v1beta1 = table.Find("flowcontrol.apiserver.k8s.io/v1beta1", kind);
    REQUIRE(v1beta1 != nullptr);
    CHECK(v1beta1->removed_in == V(1, 26));
    CHECK(v1beta1->replacement == "flowcontrol.apiserver.k8s.io/v1beta2");
    const ApiEntry* v1beta3 = table.Find("flowcontrol.apiserver.k8s.io/v1beta3", kind);
    REQUIRE(v1beta3 != nullptr);
    CHECK(v1beta3->deprecated_in == V(1, 29));
    CHECK(StatusAt(*v1beta3, V(1, 28)) == ApiStatus::kServed);
  }
  CHECK(table.Find("flowcontrol.apiserver.k8s.io/v1beta1", "FlowControl") == nullptr);
  // The authorization review kinds pluto misses.
  for (const char* kind : {"SubjectAccessReview", "SelfSubjectAccessReview",
                           "LocalSubjectAccessReview", "SelfSubjectRulesReview"}) {
    INFO(kind);
    const ApiEntry* entry = table.Find("authorization.k8s.io/v1beta1", kind);
    REQUIRE(entry != nullptr);
    CHECK(entry->removed_in == V(1, 22));
  }
  // ReplicaSet rows are deprecated before they are removed.
  for (const char* api_version : {"extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"}) {
    const ApiEntry* entry = table.Find(api_version, "ReplicaSet");
    REQUIRE(entry != nullptr);
    REQUIRE(entry->deprecated_in);
    CHECK(StatusAt(*entry, V(1, 15)) == ApiStatus::kDeprecated);
  }
  // HorizontalPodAutoscaler v2beta2 names when its replacement arrived.
  CHECK(table.Find("autoscaling/v2beta2", "HorizontalPodAutoscaler")->replacement_since ==
        V(1, 23));
  // PodSecurityPolicy policy/v1beta1: no replacement, but a note; no converter.
  const ApiEntry* psp = table.Find("policy/v1beta1", "PodSecurityPolicy");
  REQUIRE(psp != nullptr);
  CHECK(psp->replacement.empty());
  CHECK(psp->conversion.empty());
  // cert-manager Order/Challenge move within acme.cert-manager.io.
  CHECK(table.Find("acme.cert-manager.io/v1alpha2", "Order")->replacement ==
        "acme.cert-manager.io/v1");
  CHECK(table.Find("certmanager.k8s.io/v1alpha1", "Challenge")->replacement ==
        "acme.cert-manager.io/v1alpha2");
  CHECK(table.Find("cert-manager.io/v1beta1", "Certificate")->replacement == "cert-manager.io/v1");
  // Istio: the "(any)" row matches every kind; the unmatchable rbac.istio.io row is gone.
  const ApiEntry* istio = table.Find("authentication.istio.io/v1alpha1", "MeshPolicy");
  REQUIRE(istio != nullptr);
  CHECK(istio->kind == "*");
  CHECK(istio->component == "istio");
  // List kinds come from the fallback, not from rows of their own.
  CHECK(table.Find("policy/v1beta1", "PodDisruptionBudgetList")->kind == "PodDisruptionBudget");
}

// The binary's table is compiled from deprecations.d at build time (compile_table.cc); it must
// be the table the YAML loader builds from the same files, row for row and field for field.
TEST_CASE("The compiled built-in table equals deprecations.d loaded as YAML", "[table][data]") {
  const std::filesystem::path dir = std::filesystem::path(KUBESHIFT_SOURCE_DIR) / "deprecations.d";
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    if (item.path().extension() == ".yaml") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  DeprecationTable from_yaml;
  for (const std::filesystem::path& file : files) {
    std::string error;
    const bool ok = from_yaml.AddFile(file.filename().string(), ReadFile(file), &error);
    INFO(error);
    REQUIRE(ok);
  }
  const DeprecationTable& builtin = Builtin();
  REQUIRE(from_yaml.entries().size() == builtin.entries().size());
  REQUIRE(from_yaml.releases().size() == builtin.releases().size());
  for (size_t i = 0; i < builtin.entries().size(); ++i) {
    const ApiEntry& a = from_yaml.entries()[i];
    const ApiEntry& b = builtin.entries()[i];
    INFO(a.origin);
    CHECK(a.component == b.component);
    CHECK(a.api_version == b.api_version);
    CHECK(a.kind == b.kind);
    CHECK(a.deprecated_in == b.deprecated_in);
    CHECK(a.removed_in == b.removed_in);
    CHECK(a.replacement == b.replacement);
    CHECK(a.replacement_since == b.replacement_since);
    CHECK(a.conversion == b.conversion);
    CHECK(a.note == b.note);
    CHECK(a.origin == b.origin);
    // The lookup index too: each row is found at its own place in both tables.
    CHECK(from_yaml.Find(a.api_version, a.kind) == &a);
    CHECK(builtin.Find(b.api_version, b.kind) == &b);
  }
  for (size_t i = 0; i < builtin.releases().size(); ++i) {
    const Release& a = from_yaml.releases()[i];
    const Release& b = builtin.releases()[i];
    CHECK(a.component == b.component);
    CHECK(a.version == b.version);
    CHECK(a.date == b.date);
  }
  CHECK(from_yaml.Components() == builtin.Components());
  for (const std::string& component : builtin.Components()) {
    INFO(component);
    CHECK(from_yaml.NewestKnown(component) == builtin.NewestKnown(component));
    CHECK(from_yaml.NewestReleased(component, "2026-11-30") ==
          builtin.NewestReleased(component, "2026-11-30"));
  }
}

TEST_CASE("A --rules row that collides with a built-in row names the data file", "[table]") {
  DeprecationTable table;
  std::string error;
  REQUIRE(LoadBuiltinTable(&table, &error));
  const ApiEntry* ingress = table.Find("extensions/v1beta1", "Ingress");
  REQUIRE(ingress != nullptr);
  CHECK_FALSE(table.AddFile("mine.yaml", "component: mine\napis:\n" +
                                             Row("extensions/v1beta1", "Ingress"),
                            &error));
  CHECK(error == "mine.yaml:3: duplicate row for extensions/v1beta1 Ingress (already at " +
                     ingress->origin + ")");
  // The built-in rows are checked against each other only, so they go first.
  CHECK_FALSE(LoadBuiltinTable(&table, &error));
}

size_t CountExpectations(const std::string& text) {
  size_t count = 0;
  for (size_t at = text.find("# EXPECT"); at != std::string::npos;
       at = text.find("# EXPECT", at + 1)) {
    ++count;
  }
  return count;
}

// Each kubernetes-1.NN.yaml has two annotated inputs in testdata/table/: kubernetes-1.NN.yaml
// (target 1.NN: every row is an error) and kubernetes-1.NN-at-1.MM.yaml (target one release
// earlier: every row is a warning naming its deprecatedIn). Both must list exactly the rows.
TEST_CASE("Every built-in Kubernetes row has its annotated testdata lines", "[table][data]") {
  const std::filesystem::path dir = std::filesystem::path(KUBESHIFT_SOURCE_DIR) / "testdata/table";
  struct Inputs {
    std::string removed;     // kubernetes-1.NN.yaml
    std::string deprecated;  // kubernetes-1.NN-at-1.MM.yaml
    size_t rows = 0;
  };
  std::map<std::string, Inputs> inputs;  // by removal release
  for (const ApiEntry& entry : Builtin().entries()) {
    if (entry.component != kKubernetes) continue;
    const Version removed = *entry.removed_in;
    const std::string release = removed.ToString();
    const std::string before = Version{removed.major, removed.minor - 1}.ToString();
    Inputs& files = inputs[release];
    if (files.rows++ == 0) {
      files.removed = ReadFile(dir / ("kubernetes-" + release + ".yaml"));
      files.deprecated = ReadFile(dir / ("kubernetes-" + release + "-at-" + before + ".yaml"));
      CHECK(files.removed.starts_with("# kubeshift-test: args=--target-version=" + release +
                                      " exit=1\n"));
      CHECK(files.deprecated.starts_with("# kubeshift-test: args=--target-version=" + before +
                                         " exit=0\n"));
    }
    INFO(entry.origin << ": " << entry.api_version << " " << entry.kind);
    const std::string subject = entry.api_version + " " + entry.kind;
    const std::string kind_line = "kind: " + entry.kind + "\n";
    CHECK(files.removed.find("apiVersion: " + entry.api_version +
                             "\n# EXPECT~: @-1:13 error removed-api: " + subject +
                             " was removed in Kubernetes " + release + "\n" + kind_line) !=
          std::string::npos);
    CHECK(files.deprecated.find("apiVersion: " + entry.api_version +
                                "\n# EXPECT~: @-1:13 warning deprecated-api: " + subject +
                                " is deprecated since Kubernetes " +
                                entry.deprecated_in->ToString() + "\n" + kind_line) !=
          std::string::npos);
  }
  for (const auto& [release, files] : inputs) {
    INFO("removal release " << release);
    CHECK(CountExpectations(files.removed) == files.rows);
    CHECK(CountExpectations(files.deprecated) == files.rows);
  }
}

}  // namespace
}  // namespace kubeshift
