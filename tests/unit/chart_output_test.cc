// Output of rendered charts as `helm template` prints it: document splitting, install order,
// hooks, --skip-tests, --show-only, empty documents and YAML errors; and the loader's
// .helmignore, path globs and tar reading.
#include <string>

#include "catch.h"
#include "chart/archive.h"
#include "chart/glob.h"
#include "chart/helmignore.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {
namespace {

TEST_CASE("output: documents split as Helm's SplitManifests", "[chart_output]") {
  const auto docs = SplitManifests("\n---\na: 1\n  \n---\n\n---   \nb: 2\n--- # c\nc: 3\n---x\n");
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].second == "a: 1");
  CHECK(docs[0].first == 5);
  CHECK(docs[1].second == "---   \nb: 2");  // a match's trailing blanks eat the next "\n": Helm keeps this "---"
  CHECK(docs[2].second == "# c\nc: 3");
  CHECK(docs[3].second == "x");
  CHECK(SplitManifests("  \n ").empty());
  CHECK(SplitManifests("a: '---'\nb: 1").size() == 1);
}

Manifest M(std::string kind, std::string name) {
  Manifest m;
  m.kind = std::move(kind);
  m.name = std::move(name);
  return m;
}

TEST_CASE("output: install order by kind, stable, unknown kinds last alphabetically", "[chart_output]") {
  std::vector<Manifest> ms = {M("Deployment", "d"), M("Zeta", "z1"), M("Service", "s"), M("Alpha", "a"),
                              M("Namespace", "n"), M("Zeta", "z2"), M("", "none"), M("Service", "s2")};
  SortByKind(&ms);
  std::string order;
  for (const Manifest& m : ms) order += m.name + " ";
  CHECK(order == "n s s2 d none a z1 z2 ");
}

RenderedChart Render(std::vector<ChartFile> templates, bool* ok = nullptr, ChartError* error = nullptr) {
  std::vector<ChartFile> files = {{"Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n"}};
  files.insert(files.end(), templates.begin(), templates.end());
  std::shared_ptr<Chart> chart;
  ChartError e;
  REQUIRE(LoadChartFiles(files, "/src/c", &chart, &e));
  RenderedChart out;
  const bool rendered = RenderChart(chart.get(), Value::Map(), RenderOptions{}, &out, error ? error : &e);
  if (ok) *ok = rendered;
  else REQUIRE(rendered);
  return out;
}

const std::vector<ChartFile> kTemplates = {
    {"templates/b.yaml", "kind: Service\nmetadata: {name: svc}\n---\n# only a comment\n---\n"},
    {"templates/a.yaml", "kind: Deployment\nmetadata: {name: dep}\n---\nkind: ConfigMap\nmetadata: {name: cm}\n"},
    {"templates/tests/t.yaml", "kind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n"},
    {"templates/hook.yaml", "kind: Job\nmetadata:\n  name: j\n  annotations: {\"helm.sh/hook\": \"pre-install,post-install\"}\n"},
    {"templates/unknown-hook.yaml", "kind: Job\nmetadata:\n  name: u\n  annotations: {helm.sh/hook: sometime}\n"},
    {"templates/NOTES.txt", "notes for {{ .Release.Name }}"},
    {"templates/empty.yaml", "{{/* nothing */}}\n"}};

TEST_CASE("output: manifests, then hooks; NOTES.txt and empty files left out", "[chart_output]") {
  const RenderedChart out = Render(kTemplates);
  CHECK(out.notes == "notes for release-name");
  std::string text, error;
  REQUIRE(FormatTemplateOutput(out, {}, &text, &error));
  CHECK(text ==
        "---\n# Source: c/templates/a.yaml\nkind: ConfigMap\nmetadata: {name: cm}\n"
        "---\n# Source: c/templates/b.yaml\nkind: Service\nmetadata: {name: svc}\n"
        "---\n# Source: c/templates/a.yaml\nkind: Deployment\nmetadata: {name: dep}\n"
        "---\n# Source: c/templates/b.yaml\n# only a comment\n"
        "---\n# Source: c/templates/tests/t.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n"
        "---\n# Source: c/templates/hook.yaml\nkind: Job\nmetadata:\n  name: j\n"
        "  annotations: {\"helm.sh/hook\": \"pre-install,post-install\"}\n");
  REQUIRE(FormatTemplateOutput(out, {false, true, false, {}}, &text, &error));
  CHECK(text.find("tests/t.yaml") == std::string::npos);
  CHECK(text.find("hook.yaml") != std::string::npos);
  REQUIRE(FormatTemplateOutput(out, {false, false, true, {}}, &text, &error));
  CHECK(text.find("hook.yaml") == std::string::npos);
}

TEST_CASE("output: --show-only by path glob, in the order asked", "[chart_output]") {
  const RenderedChart out = Render(kTemplates);
  std::string text, error;
  REQUIRE(FormatTemplateOutput(out, {false, false, false, {"templates/b.yaml", "templates/tests/*"}}, &text, &error));
  CHECK(text ==
        "---\n# Source: c/templates/b.yaml\nkind: Service\nmetadata: {name: svc}\n"
        "---\n# Source: c/templates/b.yaml\n# only a comment\n"
        "---\n# Source: c/templates/tests/t.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n");
  CHECK_FALSE(FormatTemplateOutput(out, {false, false, false, {"templates/none.yaml"}}, &text, &error));
  CHECK(error == "could not find template templates/none.yaml in chart");
}

TEST_CASE("output: invalid YAML names the template file and line", "[chart_output]") {
  bool ok = true;
  ChartError error;
  const RenderedChart out =
      Render({{"templates/_h.tpl", "{{ define \"bad\" }}\nbroken: x: y\n{{ end }}"},
              {"templates/x.yaml", "a: 1\n---\nkind: ConfigMap\n{{ include \"bad\" . }}\nafter: 1\n"}},
             &ok, &error);
  CHECK_FALSE(ok);
  CHECK(out.yaml_failed);
  CHECK(error.file == "/src/c/templates/x.yaml");
  CHECK(error.line == 4);
  CHECK(error.message.starts_with("YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line "));
  CHECK(FormatDebugOutput(out).starts_with("---\n# Source: c/templates/x.yaml\na: 1\n---\nkind: ConfigMap\n"));
}

// The head of most documents comes from the fast scanner; these are the cases where it must
// not: annotations of the object itself (hooks, type errors) in any indentation, and kinds
// that YAML does not read as strings.
TEST_CASE("output: hooks and kinds read right whichever way the head is read", "[chart_output]") {
  const RenderedChart out = Render({
      {"templates/a.yaml",
       "kind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n"
       "        helm.sh/hook: not-mine\n"},
      {"templates/b.yaml", "kind: Job\nmetadata:\n    name: j\n    annotations:\n        helm.sh/hook: post-install\n"},
      {"templates/c.yaml", "kind: yes\nmetadata:\n  name: y\n---\nkind: Service\nmetadata: {name: s}\n"}});
  std::string text, error;
  REQUIRE(FormatTemplateOutput(out, {}, &text, &error));
  // Service first (install order), then the Deployment; kind "yes" is a boolean, so no kind
  // (unknown kinds last); the hook after every manifest.
  CHECK(text ==
        "---\n# Source: c/templates/c.yaml\nkind: Service\nmetadata: {name: s}\n"
        "---\n# Source: c/templates/a.yaml\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n"
        "    metadata:\n      annotations:\n        helm.sh/hook: not-mine\n"
        "---\n# Source: c/templates/c.yaml\nkind: yes\nmetadata:\n  name: y\n"
        "---\n# Source: c/templates/b.yaml\nkind: Job\nmetadata:\n    name: j\n    annotations:\n"
        "        helm.sh/hook: post-install\n");
  bool ok = true;
  ChartError failure;
  Render({{"templates/x.yaml", "kind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    replicas: 3\n"}}, &ok,
         &failure);
  CHECK_FALSE(ok);
  CHECK(failure.message.find("cannot unmarshal number into Go struct field .metadata.annotations") != std::string::npos);
}

TEST_CASE("loader: .helmignore rules and Go path patterns", "[chart_output]") {
  IgnoreRules rules;
  std::string error;
  REQUIRE(rules.Parse("# comment\n*.bak\nsecret/\n/top.txt\ndocs/*.md\n", &error));
  rules.AddDefaults();
  CHECK(rules.Ignore("x.bak", false));
  CHECK(rules.Ignore("deep/dir/x.bak", false));
  CHECK(rules.Ignore("secret", true));
  CHECK_FALSE(rules.Ignore("secret", false));
  CHECK(rules.Ignore("top.txt", false));
  CHECK(rules.Ignore("docs/a.md", false));
  CHECK_FALSE(rules.Ignore("docs/sub/a.md", false));
  CHECK(rules.Ignore("templates/.hidden", false));
  CHECK_FALSE(rules.Ignore("values.yaml", false));
  CHECK_FALSE(rules.Parse("a/**/b\n", &error));
  CHECK(PathMatch("templates/subdir/role*", "templates/subdir/rolebinding.yaml"));
  CHECK_FALSE(PathMatch("templates/*", "templates/subdir/role.yaml"));
  CHECK(PathMatch("[a-c]?.yaml", "b1.yaml"));
  CHECK(GlobMatch("files/**.conf", "files/a/b.conf"));
  CHECK_FALSE(GlobMatch("files/*.conf", "files/a/b.conf"));
  CHECK(GlobMatch("files/{a,b}.{conf,ini}", "files/b.ini"));
  CHECK(GlobMatch("files/[!x]*", "files/abc"));
}

std::string TarEntry(const std::string& name, const std::string& data) {
  std::string header(512, '\0');
  header.replace(0, name.size(), name);
  char size[12];
  std::snprintf(size, sizeof size, "%011o", static_cast<unsigned>(data.size()));
  header.replace(124, 11, size);
  header[156] = '0';
  std::string body = data;
  body.resize((data.size() + 511) / 512 * 512, '\0');
  return header + body;
}

TEST_CASE("loader: chart archives name files below their top directory", "[chart_output]") {
  const std::string tar = TarEntry("mychart/Chart.yaml", "name: mychart\n") +
                          TarEntry("mychart/templates/a.yaml", "a: 1\n") + std::string(1024, '\0');
  std::vector<ChartFile> files;
  std::string error;
  REQUIRE(ReadTar(tar, &files, &error));
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "Chart.yaml");
  CHECK(files[1].name == "templates/a.yaml");
  CHECK(files[1].data == "a: 1\n");
  files.clear();
  CHECK_FALSE(ReadTar(TarEntry("mychart/../../etc/passwd", "x") + std::string(1024, '\0'), &files, &error));
  CHECK(error == "chart illegally references parent directory");
}

}  // namespace
}  // namespace kubeshift::chart
