// Tests for src/discovery/walker.cc and git_ignore.cc: DiscoverInputs on temporary trees.
#include <git2.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "catch.h"
#include "discovery_fixtures.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;

// A temporary tree to walk; files are small Lists unless a test says otherwise.
class TempTree : public testing::TempTree {
 public:
  TempTree() : testing::TempTree("kubeshift-discovery") {}
  void Write(const std::string& rel, const std::string& text = "apiVersion: v1\nkind: List\n") const {
    WriteFile(rel, text);
  }
  void Mkdir(const std::string& rel) const { fs::create_directories(Path(rel)); }
  /// Creates symlink \a rel pointing at \a target (as written, relative to the link).
  void Symlink(const std::string& target, const std::string& rel) const {
    fs::create_directories(fs::path(Path(rel)).parent_path());
    fs::create_symlink(target, Path(rel));
  }
};

using testing::ScopedCwd;

// Creates a git repository (work tree \a dir) with libgit2.
void GitInit(const std::string& dir) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_init(&repo, dir.c_str(), 0) == 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

std::string Strip(const std::string& path, const std::string& prefix) {
  if (!prefix.empty() && path.compare(0, prefix.size() + 1, prefix + "/") == 0) return path.substr(prefix.size() + 1);
  return path;
}

// Display paths of the inputs, relative to \a root.
std::vector<std::string> Inputs(const DiscoveryResult& r, const std::string& root) {
  std::vector<std::string> out;
  for (const InputFile& f : r.inputs) out.push_back(Strip(f.display_path, root));
  return out;
}

using testing::FindInput;
using testing::SkipReason;

DiscoveryOptions NoGit() {
  DiscoveryOptions options;
  options.use_gitignore = false;
  return options;
}

using Paths = std::vector<std::string>;

TEST_CASE("walk keeps .yaml/.yml/.json files in name order", "[discovery]") {
  TempTree t;
  t.Write("b.yaml");
  t.Write("a.yml");
  t.Write("c.JSON", "{}");
  t.Write("d.txt");
  t.Write("sub/e.yaml");
  t.Write("sub-x.yaml");
  t.Write("z/y.yaml");
  t.Write("z/README.md");

  DiscoveryResult r = DiscoverInputs({t.root()}, NoGit());
  CHECK(r.errors.empty());
  CHECK(Inputs(r, t.root()) ==
        Paths{"a.yml", "b.yaml", "c.JSON", "sub/e.yaml", "sub-x.yaml", "z/y.yaml"});
  for (const InputFile& f : r.inputs) {
    CHECK(f.fs_path == f.display_path);
    CHECK_FALSE(f.is_stdin);
    CHECK(f.chart_root.empty());
    CHECK(f.kind == (f.display_path.ends_with(".JSON") ? InputKind::kJson : InputKind::kYaml));
  }
  CHECK(SkipReason(r, t.Path("d.txt")) == "not a .yaml, .yml or .json file");
  CHECK(SkipReason(r, t.Path("z/README.md")) == "not a .yaml, .yml or .json file");
}

TEST_CASE("walk skips configuration files with a reason", "[discovery]") {
  TempTree t;
  t.Write("values.yaml");
  t.Write("kustomization.yaml");
  t.Write(".kubeshift.yaml");
  t.Write(".pre-commit-config.yaml");
  t.Write(".github/workflows/ci.yml");
  t.Write(".gitlab-ci.yml");
  t.Write("docker-compose.prod.yml");
  t.Write(".git/config");
  t.Write("ok.yaml");

  DiscoveryResult r = DiscoverInputs({t.root()}, NoGit());
  CHECK(Inputs(r, t.root()) == Paths{"ok.yaml"});
  CHECK(SkipReason(r, t.Path("values.yaml")) == "Helm values file, not a manifest");
  CHECK(SkipReason(r, t.Path("kustomization.yaml")) == "kustomize configuration, not a manifest");
  CHECK(SkipReason(r, t.Path(".kubeshift.yaml")) == "kubeshift configuration, not a manifest");
  CHECK(SkipReason(r, t.Path(".pre-commit-config.yaml")) ==
        "pre-commit configuration, not a manifest");
  CHECK(SkipReason(r, t.Path(".github/workflows/ci.yml")) ==
        "GitHub Actions workflow, not a manifest");
  CHECK(SkipReason(r, t.Path(".gitlab-ci.yml")) == "GitLab CI configuration, not a manifest");
  CHECK(SkipReason(r, t.Path("docker-compose.prod.yml")) == "Docker Compose file, not a manifest");
  CHECK(SkipReason(r, t.Path(".git")) == "git metadata");
  CHECK(SkipReason(r, t.Path(".git/config")).empty());  // never entered
}

TEST_CASE("chart templates are classified by the nearest Chart.yaml", "[discovery]") {
  TempTree t;
  t.Write("chart/Chart.yaml", "apiVersion: v2\nname: c\n");
  t.Write("chart/values.yaml", "x: 1\n");
  t.Write("chart/templates/deploy.yaml", "kind: {{ .Values.kind }}\n");
  t.Write("chart/templates/cm.json", "{}");
  t.Write("chart/templates/_helpers.tpl", "{{- define \"x\" -}}{{- end -}}\n");
  t.Write("chart/templates/_partial.yaml");
  t.Write("chart/templates/NOTES.txt", "hello\n");
  t.Write("chart/templates/more/svc.yaml");
  t.Write("chart/crds/crd.yaml");
  t.Write("chart/charts/sub/Chart.yaml");
  t.Write("chart/charts/sub/templates/svc.yml");
  t.Write("chart/charts/sub/crds/crd.yaml");
  t.Write("chart/charts/notachart/templates/plain.yaml");
  t.Write("templates/not-in-a-chart.yaml");
  const std::string chart = t.Path("chart");
  const std::string sub = t.Path("chart/charts/sub");

  DiscoveryResult r = DiscoverInputs({t.root()}, NoGit());
  CHECK(r.errors.empty());
  CHECK(Inputs(r, t.root()) == Paths{"chart/charts/notachart/templates/plain.yaml",
                                     "chart/charts/sub/crds/crd.yaml",
                                     "chart/charts/sub/templates/svc.yml",
                                     "chart/crds/crd.yaml",
                                     "chart/templates/cm.json",
                                     "chart/templates/deploy.yaml",
                                     "chart/templates/more/svc.yaml",
                                     "templates/not-in-a-chart.yaml"});
  auto expect = [&](const std::string& rel, InputKind kind, const std::string& root) {
    INFO(rel);
    const InputFile* f = FindInput(r, t.Path(rel));
    REQUIRE(f != nullptr);
    CHECK(f->kind == kind);
    CHECK(f->chart_root == root);
  };
  expect("chart/templates/deploy.yaml", InputKind::kHelmTemplate, chart);
  expect("chart/templates/cm.json", InputKind::kHelmTemplate, chart);
  expect("chart/templates/more/svc.yaml", InputKind::kHelmTemplate, chart);
  expect("chart/crds/crd.yaml", InputKind::kYaml, "");
  expect("chart/charts/sub/templates/svc.yml", InputKind::kHelmTemplate, sub);
  expect("chart/charts/sub/crds/crd.yaml", InputKind::kYaml, "");
  expect("chart/charts/notachart/templates/plain.yaml", InputKind::kYaml, "");
  expect("templates/not-in-a-chart.yaml", InputKind::kYaml, "");

  const std::string helper = "template helper, not rendered on its own";
  CHECK(SkipReason(r, t.Path("chart/templates/_helpers.tpl")) == helper);
  CHECK(SkipReason(r, t.Path("chart/templates/_partial.yaml")) == helper);
  CHECK(SkipReason(r, t.Path("chart/templates/NOTES.txt")) == helper);
  CHECK(SkipReason(r, t.Path("chart/Chart.yaml")) == "Helm chart metadata, not a manifest");
  CHECK(SkipReason(r, t.Path("chart/values.yaml")) == "Helm values file, not a manifest");
}

TEST_CASE("a chart is found above the argument", "[discovery]") {
  TempTree t;
  t.Write("chart/Chart.yaml");
  t.Write("chart/templates/deploy.yaml");
  t.Write("chart/templates/_helpers.tpl");
  t.Write("chart/templates/sub/x.yaml");

  SECTION("directory argument inside templates/") {
    DiscoveryResult r = DiscoverInputs({t.Path("chart/templates/sub")}, NoGit());
    REQUIRE(r.inputs.size() == 1);
    CHECK(r.inputs[0].kind == InputKind::kHelmTemplate);
    CHECK(r.inputs[0].chart_root == t.Path("chart"));
  }
  SECTION("explicit files, relative to the working directory") {
    ScopedCwd cwd(t.Path("chart/templates"));
    DiscoveryResult r = DiscoverInputs({"deploy.yaml", "_helpers.tpl", "../Chart.yaml"}, NoGit());
    REQUIRE(r.inputs.size() == 3);
    CHECK(r.inputs[0].display_path == "deploy.yaml");
    CHECK(r.inputs[0].kind == InputKind::kHelmTemplate);
    CHECK(r.inputs[0].chart_root == "..");
    CHECK(r.inputs[1].kind == InputKind::kHelmTemplate);  // named, so scanned
    CHECK(r.inputs[2].display_path == "../Chart.yaml");
    CHECK(r.inputs[2].kind == InputKind::kYaml);
    CHECK(r.inputs[2].chart_root.empty());
  }
  SECTION("explicit file from the chart's parent") {
    ScopedCwd cwd(t.root());
    DiscoveryResult r = DiscoverInputs({"./chart/templates/sub/x.yaml"}, NoGit());
    REQUIRE(r.inputs.size() == 1);
    CHECK(r.inputs[0].kind == InputKind::kHelmTemplate);
    CHECK(r.inputs[0].chart_root == "chart");
  }
  SECTION("the chart itself as '.'") {
    ScopedCwd cwd(t.Path("chart"));
    DiscoveryResult r = DiscoverInputs({"."}, NoGit());
    CHECK(Inputs(r, "") == Paths{"templates/deploy.yaml", "templates/sub/x.yaml"});
    for (const InputFile& f : r.inputs) CHECK(f.chart_root == ".");
  }
}

TEST_CASE("symlinks are followed without loops", "[discovery]") {
  TempTree t;
  t.Write("real/a.yaml");
  t.Write("other/b.yaml");
  t.Symlink("..", "real/up");             // a loop back to the root
  t.Symlink("loop-self", "loop-self");    // ELOOP on its own
  t.Symlink("other", "z-link");           // a second way into other/
  t.Symlink("real/a.yaml", "file-link.yaml");
  t.Symlink("missing.yaml", "dangling.yaml");

  DiscoveryResult r = DiscoverInputs({t.root()}, NoGit());
  CHECK(r.errors.empty());
  // file-link.yaml and real/a.yaml are one file: it is scanned once, under the first name.
  CHECK(Inputs(r, t.root()) == Paths{"file-link.yaml", "other/b.yaml"});
  CHECK(SkipReason(r, t.Path("real/up")) == "symlink loop");
  CHECK(SkipReason(r, t.Path("loop-self")) == "symlink loop");
  CHECK(SkipReason(r, t.Path("z-link")) == "directory already walked");
  CHECK(SkipReason(r, t.Path("dangling.yaml")) == "broken symlink");
}

TEST_CASE("a symlinked directory argument is walked", "[discovery]") {
  TempTree t;
  t.Write("real/a.yaml");
  t.Symlink("real", "link");
  DiscoveryResult r = DiscoverInputs({t.Path("link")}, NoGit());
  CHECK(Inputs(r, t.root()) == Paths{"link/a.yaml"});
}

TEST_CASE("explicit files are scanned whatever their extension", "[discovery]") {
  TempTree t;
  t.Write("manifest.txt");
  t.Write("list.json", "{}");
  t.Write("values.yaml");
  DiscoveryResult r =
      DiscoverInputs({t.Path("manifest.txt"), t.Path("list.json"), t.Path("values.yaml")}, NoGit());
  CHECK(r.errors.empty());
  REQUIRE(Inputs(r, t.root()) == Paths{"manifest.txt", "list.json", "values.yaml"});
  CHECK(r.inputs[0].kind == InputKind::kYaml);
  CHECK(r.inputs[1].kind == InputKind::kJson);
  CHECK(r.inputs[2].kind == InputKind::kYaml);
  CHECK(r.inputs[0].fs_path == t.Path("manifest.txt"));
}

TEST_CASE("missing paths are errors and the rest is still scanned", "[discovery]") {
  TempTree t;
  t.Write("a.yaml");
  DiscoveryResult r = DiscoverInputs({t.Path("missing"), t.Path("a.yaml")}, NoGit());
  CHECK(r.missing == Paths{t.Path("missing") + ": no such file or directory"});
  CHECK(Inputs(r, t.root()) == Paths{"a.yaml"});
}

TEST_CASE("dash means standard input and is read once", "[discovery]") {
  TempTree t;
  t.Write("a.yaml");
  DiscoveryResult r = DiscoverInputs({"-", t.Path("a.yaml"), "-"}, DiscoveryOptions());
  REQUIRE(r.inputs.size() == 2);
  CHECK(r.inputs[0].is_stdin);
  CHECK(r.inputs[0].display_path == "<stdin>");
  CHECK(r.inputs[0].fs_path.empty());
  CHECK(r.inputs[0].kind == InputKind::kYaml);
  CHECK_FALSE(r.inputs[1].is_stdin);
  CHECK(r.errors.empty());
}

TEST_CASE("display paths join the argument and the walked names", "[discovery]") {
  TempTree t;
  t.Write("sub/a.yaml");
  ScopedCwd cwd(t.root());
  CHECK(Inputs(DiscoverInputs({"."}, NoGit()), "") == Paths{"sub/a.yaml"});
  CHECK(Inputs(DiscoverInputs({"./"}, NoGit()), "") == Paths{"sub/a.yaml"});
  CHECK(Inputs(DiscoverInputs({"sub/"}, NoGit()), "") == Paths{"sub/a.yaml"});
  CHECK(Inputs(DiscoverInputs({"sub//"}, NoGit()), "") == Paths{"sub/a.yaml"});
  CHECK(Inputs(DiscoverInputs({"./sub"}, NoGit()), "") == Paths{"./sub/a.yaml"});
  CHECK(Inputs(DiscoverInputs({t.root() + "/"}, NoGit()), "") == Paths{t.Path("sub/a.yaml")});
  ScopedCwd deeper(t.Path("sub"));
  CHECK(Inputs(DiscoverInputs({".."}, NoGit()), "") == Paths{"../sub/a.yaml"});
}

TEST_CASE("excludes prune files and directories", "[discovery]") {
  TempTree t;
  t.Write("a.yaml");
  t.Write("b.json", "{}");
  t.Write("vendor/x.yaml");
  t.Write("deep/vendor/y.yaml");
  t.Write("deep/er/skip.yaml");
  t.Write("deep/er/keep.yaml");
  t.Write("deep/skip.yaml");

  SECTION("basename patterns") {
    DiscoveryOptions options = NoGit();
    options.excludes = {"*.json", "vendor"};
    DiscoveryResult r = DiscoverInputs({t.root()}, options);
    CHECK(Inputs(r, t.root()) ==
          Paths{"a.yaml", "deep/er/keep.yaml", "deep/er/skip.yaml", "deep/skip.yaml"});
    CHECK(SkipReason(r, t.Path("b.json")) == "excluded by --exclude *.json");
    CHECK(SkipReason(r, t.Path("vendor")) == "excluded by --exclude vendor");
    CHECK(SkipReason(r, t.Path("deep/vendor")) == "excluded by --exclude vendor");
    CHECK(SkipReason(r, t.Path("vendor/x.yaml")).empty());  // pruned, not visited
  }
  SECTION("\"**\" relative to the argument") {
    DiscoveryOptions options = NoGit();
    options.excludes = {"deep/**/skip.yaml"};
    DiscoveryResult r = DiscoverInputs({t.root()}, options);
    CHECK(Inputs(r, t.root()) ==
          Paths{"a.yaml", "b.json", "deep/er/keep.yaml", "deep/vendor/y.yaml", "vendor/x.yaml"});
  }
  SECTION("patterns against the display path") {
    ScopedCwd cwd(t.root());
    DiscoveryOptions options = NoGit();
    options.excludes = {"deep/er"};
    DiscoveryResult r = DiscoverInputs({"deep"}, options);  // relative paths: er/…
    CHECK(Inputs(r, "") == Paths{"deep/skip.yaml", "deep/vendor/y.yaml"});
    CHECK(SkipReason(r, "deep/er") == "excluded by --exclude deep/er");
  }
  SECTION("explicit files and directories") {
    ScopedCwd cwd(t.root());
    DiscoveryOptions options = NoGit();
    options.excludes = {"vendor", "*.json"};
    DiscoveryResult r = DiscoverInputs({"vendor/x.yaml", "b.json", "vendor", "a.yaml"}, options);
    CHECK(Inputs(r, "") == Paths{"a.yaml"});
    CHECK(SkipReason(r, "vendor") == "excluded by --exclude vendor");
    CHECK(SkipReason(r, "b.json") == "excluded by --exclude *.json");
  }
  SECTION("relative patterns do not match the absolute part of an argument") {
    DiscoveryOptions options = NoGit();
    options.excludes = {fs::path(t.root()).filename().string()};
    DiscoveryResult r = DiscoverInputs({t.Path("deep/er")}, options);
    CHECK(Inputs(r, t.root()) == Paths{"deep/er/keep.yaml", "deep/er/skip.yaml"});
  }
}

TEST_CASE(".gitignore rules are honoured inside repositories", "[discovery]") {
  TempTree t;
  const std::string repo = t.Path("repo");
  t.Mkdir("repo");
  GitInit(repo);
  t.Write("repo/.gitignore", "ignored.yaml\nbuild/\n*.tmp.yaml\n");
  t.Write("repo/keep.yaml");
  t.Write("repo/ignored.yaml");
  t.Write("repo/build/out.yaml");
  t.Write("repo/sub/x.tmp.yaml");
  t.Write("repo/sub/y.yaml");
  t.Write("repo/sub/build/z.yaml");
  // A nested repository: its own rules, not the outer ones.
  t.Mkdir("repo/nested");
  GitInit(t.Path("repo/nested"));
  t.Write("repo/nested/.gitignore", "local.yaml\n");
  t.Write("repo/nested/local.yaml");
  t.Write("repo/nested/ignored.yaml");

  SECTION("walking the work tree") {
    DiscoveryResult r = DiscoverInputs({repo}, DiscoveryOptions());
    CHECK(r.errors.empty());
    CHECK(Inputs(r, repo) == Paths{"keep.yaml", "nested/ignored.yaml", "sub/y.yaml"});
    CHECK(SkipReason(r, repo + "/ignored.yaml") == "ignored by .gitignore");
    CHECK(SkipReason(r, repo + "/build") == "ignored by .gitignore");
    CHECK(SkipReason(r, repo + "/build/out.yaml").empty());  // pruned
    CHECK(SkipReason(r, repo + "/sub/build") == "ignored by .gitignore");
    CHECK(SkipReason(r, repo + "/sub/x.tmp.yaml") == "ignored by .gitignore");
    CHECK(SkipReason(r, repo + "/nested/local.yaml") == "ignored by .gitignore");
    CHECK(SkipReason(r, repo + "/.git") == "git metadata");
    CHECK(SkipReason(r, repo + "/.gitignore") == "not a .yaml, .yml or .json file");
  }
  SECTION("a subdirectory argument from elsewhere") {
    ScopedCwd cwd(t.root());
    DiscoveryResult r = DiscoverInputs({"repo/sub"}, DiscoveryOptions());
    CHECK(Inputs(r, "") == Paths{"repo/sub/y.yaml"});
  }
  SECTION("'.' inside the repository") {
    ScopedCwd cwd(repo + "/sub");
    DiscoveryResult r = DiscoverInputs({"."}, DiscoveryOptions());
    CHECK(Inputs(r, "") == Paths{"y.yaml"});
  }
  SECTION("inside the nested repository") {
    DiscoveryResult r = DiscoverInputs({repo + "/nested"}, DiscoveryOptions());
    CHECK(Inputs(r, repo) == Paths{"nested/ignored.yaml"});
  }
  SECTION("explicitly named ignored files and directories are scanned") {
    DiscoveryResult r = DiscoverInputs({repo + "/ignored.yaml", repo + "/build"},
                                       DiscoveryOptions());
    CHECK(Inputs(r, repo) == Paths{"ignored.yaml", "build/out.yaml"});
  }
  SECTION("use_gitignore = false") {
    DiscoveryResult r = DiscoverInputs({repo}, NoGit());
    CHECK(Inputs(r, repo) == Paths{"build/out.yaml", "ignored.yaml", "keep.yaml",
                                   "nested/ignored.yaml", "nested/local.yaml",
                                   "sub/build/z.yaml", "sub/x.tmp.yaml", "sub/y.yaml"});
  }
}

TEST_CASE(".gitignore applies in a work tree owned by another user", "[discovery]") {
  // A checkout mounted into a container: libgit2's ownership check must not turn the ignore
  // rules off. Only root can give files away.
  if (geteuid() != 0) return;
  TempTree t;
  const std::string repo = t.Path("repo");
  t.Mkdir("repo");
  GitInit(repo);
  t.Write("repo/.gitignore", "ignored.yaml\n");
  t.Write("repo/ignored.yaml");
  t.Write("repo/keep.yaml");
  REQUIRE(lchown(repo.c_str(), 65534, 65534) == 0);
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(repo)) {
    REQUIRE(lchown(e.path().c_str(), 65534, 65534) == 0);
  }
  DiscoveryResult r = DiscoverInputs({repo}, DiscoveryOptions());
  CHECK(Inputs(r, repo) == Paths{"keep.yaml"});
  CHECK(SkipReason(r, repo + "/ignored.yaml") == "ignored by .gitignore");
}

TEST_CASE("outside a repository .gitignore files mean nothing", "[discovery]") {
  TempTree t;
  t.Write(".gitignore", "*.yaml\n");
  t.Write("a.yaml");
  DiscoveryResult r = DiscoverInputs({t.root()}, DiscoveryOptions());
  CHECK(Inputs(r, t.root()) == Paths{"a.yaml"});
}

TEST_CASE("unreadable directories are errors and the walk goes on", "[discovery]") {
  if (geteuid() == 0) return;  // root reads everything
  TempTree t;
  t.Write("closed/a.yaml");
  t.Write("open/b.yaml");
  fs::permissions(t.Path("closed"), fs::perms::none);
  DiscoveryResult r = DiscoverInputs({t.root()}, NoGit());
  fs::permissions(t.Path("closed"), fs::perms::owner_all);
  CHECK(r.errors == Paths{t.Path("closed") + ": permission denied"});
  CHECK(Inputs(r, t.root()) == Paths{"open/b.yaml"});
}

}  // namespace
}  // namespace kubeshift
