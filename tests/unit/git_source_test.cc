// Tests for src/discovery/git_source.cc: --changed-since and --rev on temporary repositories
// built with the git command line.
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catch.h"
#include "discovery_fixtures.h"
#include "discovery/git_source.h"
#include "kubeshift/git_inputs.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<std::string>;

// A temporary directory holding repositories, removed at the end of the test. git runs with
// no user or system configuration, and libgit2 finds repositories from the working directory
// only (no GIT_DIR from a surrounding hook).
class GitSandbox : public testing::TempTree {
 public:
  GitSandbox() : testing::TempTree("kubeshift-git") {
    for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"}) unsetenv(name);
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    // Repository discovery never climbs out of the sandbox.
    setenv("GIT_CEILING_DIRECTORIES", root().c_str(), 1);
  }
  ~GitSandbox() { unsetenv("GIT_CEILING_DIRECTORIES"); }

  /// Writes \a rel (creating its parents); every file gets distinct text, so that git's
  /// rename detection pairs only the files a test renames.
  void Write(const std::string& rel, const std::string& text = "") const {
    WriteFile(rel, text.empty() ? "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + rel + "\n" : text);
  }
  void Remove(const std::string& rel) { fs::remove(Path(rel)); }

  /// Runs git in directory \a dir (relative to the sandbox); REQUIREs success.
  void Git(const std::string& dir, const std::string& args) const {
    std::string command = "git -C '" + Path(dir) +
                          "' -c user.name=kubeshift -c user.email=tests@kubeshift.invalid -c commit.gpgsign=false "
                          "-c init.defaultBranch=main " + args + " >/dev/null 2>&1";
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
  }
};

using testing::ScopedCwd;

std::vector<std::string> Inputs(const DiscoveryResult& r) {
  std::vector<std::string> out;
  for (const InputFile& f : r.inputs) out.push_back(f.display_path);
  return out;
}

using testing::FindInput;
using testing::SkipReason;

std::string Load(const InputFile& f) {
  REQUIRE(f.load);
  std::string bytes, error;
  REQUIRE(f.load(&bytes, &error));
  return bytes;
}

DiscoveryResult ChangedSince(const std::string& rev, const Paths& paths = {},
                             const DiscoveryOptions& options = DiscoveryOptions()) {
  DiscoveryResult r;
  std::string error;
  bool ok = DiscoverChangedSince(rev, paths, options, &r, &error);
  INFO(error);
  REQUIRE(ok);
  return r;
}

DiscoveryResult Revision(const std::string& rev, const Paths& paths = {},
                         const DiscoveryOptions& options = DiscoveryOptions()) {
  DiscoveryResult r;
  std::string error;
  bool ok = DiscoverRevision(rev, paths, options, &r, &error);
  INFO(error);
  REQUIRE(ok);
  return r;
}

// A repository "repo" with a first commit tagged "base".
void BaseRepository(GitSandbox& s) {
  s.Git("", "init -q repo");
  s.Write("repo/a.yaml");
  s.Write("repo/b.yaml");
  s.Write("repo/c.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: renamed-but-the-same\n");
  s.Write("repo/d.yaml", "# to be deleted\n# nothing like any other file\n");
  s.Write("repo/m/x.yaml");
  s.Write("repo/m/deep/y.yaml");
  s.Write("repo/README.md", "# readme\n");
  s.Write("repo/.gitignore", "ignored.yaml\nbuild/\n");
  s.Git("repo", "add -A");
  s.Git("repo", "commit -q -m base");
  s.Git("repo", "tag base");
}

TEST_CASE("changed since: added, modified, renamed and untracked files", "[git]") {
  GitSandbox s;
  BaseRepository(s);
  s.Write("repo/later.yaml");  // committed after base
  s.Git("repo", "add later.yaml");
  s.Git("repo", "commit -q -m later");
  s.Write("repo/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b-modified\n");
  s.Git("repo", "mv c.yaml m/c-renamed.yaml");
  s.Git("repo", "rm -q d.yaml");
  s.Write("repo/staged.yaml");
  s.Git("repo", "add staged.yaml");
  s.Write("repo/m/untracked.yaml");
  s.Write("repo/ignored.yaml");
  s.Write("repo/build/out.yaml");
  s.Write("repo/notes.txt", "notes\n");
  ScopedCwd cwd(s.Path("repo"));

  DiscoveryResult r = ChangedSince("base");
  CHECK(r.missing.empty());
  CHECK(Inputs(r) == Paths{"b.yaml", "later.yaml", "m/c-renamed.yaml", "m/untracked.yaml", "staged.yaml"});
  for (const InputFile& f : r.inputs) {
    CHECK(f.fs_path == f.display_path);
    CHECK_FALSE(f.load);
    CHECK(f.kind == InputKind::kYaml);
  }
  CHECK(SkipReason(r, "d.yaml") == "deleted since base");
  CHECK(SkipReason(r, "c.yaml").empty());  // a rename, not a deletion
  CHECK(SkipReason(r, "notes.txt") == "not a .yaml, .yml or .json file");
  CHECK(SkipReason(r, "ignored.yaml").empty());  // never listed

  SECTION("HEAD: only what is not committed") {
    CHECK(Inputs(ChangedSince("HEAD")) ==
          Paths{"b.yaml", "m/c-renamed.yaml", "m/untracked.yaml", "staged.yaml"});
  }
  SECTION("--no-gitignore: ignored files count as untracked") {
    DiscoveryOptions options;
    options.use_gitignore = false;
    CHECK(Inputs(ChangedSince("HEAD", {}, options)) ==
          Paths{"b.yaml", "build/out.yaml", "ignored.yaml", "m/c-renamed.yaml", "m/untracked.yaml", "staged.yaml"});
  }
  SECTION("excludes") {
    DiscoveryOptions options;
    options.excludes = {"m", "staged.*"};
    DiscoveryResult ex = ChangedSince("base", {}, options);
    CHECK(Inputs(ex) == Paths{"b.yaml", "later.yaml"});
    CHECK(SkipReason(ex, "m/untracked.yaml") == "excluded by --exclude m");
    CHECK(SkipReason(ex, "staged.yaml") == "excluded by --exclude staged.*");
  }
  SECTION("a commit, a branch") {
    s.Git("repo", "branch old base");
    CHECK(Inputs(ChangedSince("old")) == Inputs(r));
    CHECK(Inputs(ChangedSince("HEAD~1")) == Inputs(r));
  }
}

TEST_CASE("changed since: path arguments and subdirectories", "[git]") {
  GitSandbox s;
  BaseRepository(s);
  s.Write("repo/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a2\n");
  s.Write("repo/m/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x2\n");
  s.Write("repo/m/deep/y.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y2\n");
  s.Write("repo/m/deep/new.json", "{}");

  SECTION("from the root") {
    ScopedCwd cwd(s.Path("repo"));
    CHECK(Inputs(ChangedSince("base", {"m"})) == Paths{"m/deep/new.json", "m/deep/y.yaml", "m/x.yaml"});
    CHECK(Inputs(ChangedSince("base", {"./m/deep/"})) == Paths{"./m/deep/new.json", "./m/deep/y.yaml"});
    CHECK(Inputs(ChangedSince("base", {"m/deep", "a.yaml", "b.yaml"})) ==
          Paths{"m/deep/new.json", "m/deep/y.yaml", "a.yaml"});  // per argument; b.yaml is unchanged
  }
  SECTION("from a subdirectory: the whole work tree, named from here") {
    ScopedCwd cwd(s.Path("repo/m"));
    DiscoveryResult r = ChangedSince("base");
    CHECK(Inputs(r) == Paths{"../a.yaml", "deep/new.json", "deep/y.yaml", "x.yaml"});
    REQUIRE(FindInput(r, "deep/new.json") != nullptr);
    CHECK(FindInput(r, "deep/new.json")->kind == InputKind::kJson);
    CHECK(Inputs(ChangedSince("base", {"."})) == Paths{"deep/new.json", "deep/y.yaml", "x.yaml"});
    CHECK(Inputs(ChangedSince("base", {"deep", ".."})) ==
          Paths{"deep/new.json", "deep/y.yaml", "../a.yaml", "../m/x.yaml"});
  }
  SECTION("missing paths and paths outside the repository") {
    s.Write("outside/z.yaml");
    ScopedCwd cwd(s.Path("repo"));
    DiscoveryResult r = ChangedSince("base", {"nope", "../outside", "m/x.yaml"});
    CHECK(r.missing == Paths{"nope: no such file or directory",
                             "../outside: outside the git repository " + s.Path("repo")});
    CHECK(Inputs(r) == Paths{"m/x.yaml"});
  }
}

// A repository with charts: chart (with a subchart), other, and a plain templates/ directory.
void ChartRepository(GitSandbox& s) {
  s.Git("", "init -q repo");
  s.Write("repo/chart/Chart.yaml", "apiVersion: v2\nname: chart\n");
  s.Write("repo/chart/values.yaml", "replicas: 1\n");
  s.Write("repo/chart/templates/a.yaml");
  s.Write("repo/chart/templates/more/b.yaml");
  s.Write("repo/chart/templates/_helpers.tpl", "{{- define \"x\" -}}{{- end -}}\n");
  s.Write("repo/chart/crds/crd.yaml");
  s.Write("repo/chart/charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\n");
  s.Write("repo/chart/charts/sub/templates/s.yaml");
  s.Write("repo/other/Chart.yaml", "apiVersion: v2\nname: other\n");
  s.Write("repo/other/templates/o.yaml");
  s.Write("repo/templates/plain.yaml");
  s.Git("repo", "add -A");
  s.Git("repo", "commit -q -m base");
  s.Git("repo", "tag base");
}

TEST_CASE("changed since: charts whose templates or values changed are checked whole", "[git]") {
  GitSandbox s;
  ChartRepository(s);
  ScopedCwd cwd(s.Path("repo"));
  const Paths chart = {"chart/templates/a.yaml", "chart/templates/more/b.yaml"};

  SECTION("values.yaml") {
    s.Write("repo/chart/values.yaml", "replicas: 2\n");
    DiscoveryResult r = ChangedSince("base");
    CHECK(Inputs(r) == chart);
    for (const InputFile& f : r.inputs) {
      CHECK(f.kind == InputKind::kHelmTemplate);
      CHECK(f.chart_root == "chart");
    }
    CHECK(SkipReason(r, "chart/values.yaml") == "Helm values file, not a manifest");
    CHECK(SkipReason(r, "chart/templates/_helpers.tpl") == "template helper, not rendered on its own");
  }
  SECTION("a new values file, Chart.yaml") {
    s.Write("repo/chart/values-prod.yaml", "replicas: 3\n");
    s.Write("repo/other/Chart.yaml", "apiVersion: v2\nname: other\nversion: 2.0.0\n");
    CHECK(Inputs(ChangedSince("base")) == Paths{"chart/templates/a.yaml", "chart/templates/more/b.yaml",
                                               "other/templates/o.yaml"});
  }
  SECTION("one template: the whole chart") {
    s.Write("repo/chart/templates/_helpers.tpl", "{{- define \"y\" -}}{{- end -}}\n");
    CHECK(Inputs(ChangedSince("base")) == chart);
  }
  SECTION("a deleted template still marks the chart") {
    s.Git("repo", "rm -q chart/templates/more/b.yaml");
    DiscoveryResult r = ChangedSince("base");
    CHECK(Inputs(r) == Paths{"chart/templates/a.yaml"});
    CHECK(SkipReason(r, "chart/templates/more/b.yaml") == "deleted since base");
  }
  SECTION("a subchart: itself and its parent (a change under charts/)") {
    s.Write("repo/chart/charts/sub/values.yaml", "x: 1\n");
    DiscoveryResult r = ChangedSince("base");
    CHECK(Inputs(r) == Paths{"chart/charts/sub/templates/s.yaml", "chart/templates/a.yaml",
                             "chart/templates/more/b.yaml"});
    REQUIRE(FindInput(r, "chart/charts/sub/templates/s.yaml") != nullptr);
    CHECK(FindInput(r, "chart/charts/sub/templates/s.yaml")->chart_root == "chart/charts/sub");
  }
  SECTION("other files of a chart do not mark it") {
    s.Write("repo/chart/crds/crd.yaml", "apiVersion: v1\nkind: List\n");
    s.Write("repo/chart/README.md", "# chart\n");
    s.Write("repo/templates/plain.yaml", "apiVersion: v1\nkind: List\n");
    DiscoveryResult r = ChangedSince("base");
    CHECK(Inputs(r) == Paths{"chart/crds/crd.yaml", "templates/plain.yaml"});
    CHECK(FindInput(r, "templates/plain.yaml")->kind == InputKind::kYaml);
  }
  SECTION("path arguments filter the chart's files; marks come from anywhere") {
    s.Write("repo/chart/values.yaml", "replicas: 2\n");
    CHECK(Inputs(ChangedSince("base", {"chart/templates/more"})) == Paths{"chart/templates/more/b.yaml"});
    CHECK(Inputs(ChangedSince("base", {"other"})).empty());
    ScopedCwd deeper(s.Path("repo/chart/templates"));
    DiscoveryResult r = ChangedSince("base", {"."});
    CHECK(Inputs(r) == Paths{"a.yaml", "more/b.yaml"});
    CHECK(r.inputs[0].chart_root == "..");
  }
  SECTION("ignored template files stay out") {
    s.Write("repo/.gitignore", "*.generated.yaml\n");
    s.Write("repo/chart/templates/x.generated.yaml");
    s.Write("repo/chart/values.yaml", "replicas: 2\n");
    DiscoveryResult r = ChangedSince("HEAD");
    CHECK(Inputs(r) == chart);
    CHECK(SkipReason(r, "chart/templates/x.generated.yaml") == "ignored by .gitignore");
  }
}

TEST_CASE("revision: the tree of a revision, read from blobs", "[git]") {
  GitSandbox s;
  BaseRepository(s);
  s.Git("repo", "checkout -q -b feature");
  s.Write("repo/feature.yaml");
  s.Git("repo", "add feature.yaml");
  s.Git("repo", "commit -q -m feature");
  s.Git("repo", "checkout -q main");
  s.Write("repo/a.yaml", "changed in the work tree\n");
  s.Remove("repo/b.yaml");
  s.Write("repo/untracked.yaml");
  const Paths base = {"a.yaml", "b.yaml", "c.yaml", "d.yaml", "m/deep/y.yaml", "m/x.yaml"};

  SECTION("a tag, a branch, a commit") {
    ScopedCwd cwd(s.Path("repo"));
    DiscoveryResult r = Revision("base");
    CHECK(r.missing.empty());
    CHECK(Inputs(r) == base);
    CHECK(SkipReason(r, "README.md") == "not a .yaml, .yml or .json file");
    CHECK(SkipReason(r, ".gitignore") == "not a .yaml, .yml or .json file");
    for (const InputFile& f : r.inputs) {
      CHECK(f.fs_path.empty());
      CHECK_FALSE(f.is_stdin);
    }
    CHECK(Load(r.inputs[0]) == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: repo/a.yaml\n");
    CHECK(Load(r.inputs[1]) == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: repo/b.yaml\n");
    CHECK(Inputs(Revision("main")) == base);
    Paths feature = {"a.yaml", "b.yaml", "c.yaml", "d.yaml", "feature.yaml", "m/deep/y.yaml", "m/x.yaml"};
    CHECK(Inputs(Revision("feature")) == feature);
    CHECK(Inputs(Revision("feature~1")) == base);
  }
  SECTION("from a subdirectory: repository paths, or path arguments from here") {
    s.Git("repo", "rm -q -r --cached m/deep");
    fs::remove_all(s.Path("repo/m/deep"));  // exists only in the revision now
    ScopedCwd cwd(s.Path("repo/m"));
    CHECK(Inputs(Revision("base")) == base);
    CHECK(Inputs(Revision("base", {"."})) == Paths{"deep/y.yaml", "x.yaml"});
    CHECK(Inputs(Revision("base", {"deep/", "../a.yaml"})) == Paths{"deep/y.yaml", "../a.yaml"});
    DiscoveryResult r = Revision("base", {"nope", "/"});
    CHECK(r.missing == Paths{"nope: no such file or directory in 'base'",
                             "/: outside the git repository " + s.Path("repo")});
  }
  SECTION("excludes and explicit files") {
    ScopedCwd cwd(s.Path("repo"));
    DiscoveryOptions options;
    options.excludes = {"deep", "c.*"};
    DiscoveryResult r = Revision("base", {}, options);
    CHECK(Inputs(r) == Paths{"a.yaml", "b.yaml", "d.yaml", "m/x.yaml"});
    CHECK(SkipReason(r, "m/deep/y.yaml") == "excluded by --exclude deep");
    CHECK(Inputs(Revision("base", {"README.md"})) == Paths{"README.md"});  // named: scanned
  }
  SECTION("symbolic links and .gitignore") {
    fs::create_symlink("a.yaml", s.Path("repo/link.yaml"));
    s.Write("repo/tracked-but-ignored.yaml");
    s.Git("repo", "add link.yaml");
    s.Git("repo", "add -f tracked-but-ignored.yaml");
    s.Write("repo/.gitignore", "tracked-but-ignored.yaml\n");
    s.Git("repo", "commit -q -m links -- link.yaml tracked-but-ignored.yaml");
    ScopedCwd cwd(s.Path("repo"));
    DiscoveryResult r = Revision("HEAD");
    CHECK(SkipReason(r, "link.yaml") == "symbolic link in the revision, not followed");
    CHECK(FindInput(r, "tracked-but-ignored.yaml") != nullptr);
  }
}

TEST_CASE("revision: chart templates are classified within the tree", "[git]") {
  GitSandbox s;
  ChartRepository(s);
  fs::remove_all(s.Path("repo/chart"));  // the work tree does not matter
  ScopedCwd cwd(s.Path("repo"));
  DiscoveryResult r = Revision("base");
  CHECK(Inputs(r) == Paths{"chart/charts/sub/templates/s.yaml", "chart/crds/crd.yaml", "chart/templates/a.yaml",
                           "chart/templates/more/b.yaml", "other/templates/o.yaml", "templates/plain.yaml"});
  auto expect = [&](const std::string& path, InputKind kind, const std::string& root) {
    INFO(path);
    const InputFile* f = FindInput(r, path);
    REQUIRE(f != nullptr);
    CHECK(f->kind == kind);
    CHECK(f->chart_root == root);
  };
  expect("chart/templates/a.yaml", InputKind::kHelmTemplate, "chart");
  expect("chart/templates/more/b.yaml", InputKind::kHelmTemplate, "chart");
  expect("chart/charts/sub/templates/s.yaml", InputKind::kHelmTemplate, "chart/charts/sub");
  expect("chart/crds/crd.yaml", InputKind::kYaml, "");
  expect("templates/plain.yaml", InputKind::kYaml, "");
  CHECK(SkipReason(r, "chart/templates/_helpers.tpl") == "template helper, not rendered on its own");
  CHECK(SkipReason(r, "chart/Chart.yaml") == "Helm chart metadata, not a manifest");
  CHECK(Inputs(Revision("base", {"chart/templates"})) ==
        Paths{"chart/templates/a.yaml", "chart/templates/more/b.yaml"});
}

TEST_CASE("revision: a bare repository", "[git]") {
  GitSandbox s;
  BaseRepository(s);
  s.Git("", "clone -q --bare repo bare.git");
  ScopedCwd cwd(s.Path("bare.git"));
  DiscoveryResult r = Revision("base");
  CHECK(Inputs(r) == Paths{"a.yaml", "b.yaml", "c.yaml", "d.yaml", "m/deep/y.yaml", "m/x.yaml"});
  CHECK(Load(r.inputs[5]) == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: repo/m/x.yaml\n");
  // Path arguments are paths in the tree.
  CHECK(Inputs(Revision("main", {"m/"})) == Paths{"m/deep/y.yaml", "m/x.yaml"});
  CHECK(Revision("main", {"../x"}).missing == Paths{"../x: outside the tree of 'main'"});
  ScopedCwd inside(s.Path("bare.git/refs"));
  CHECK(Inputs(Revision("main", {"m/x.yaml"})) == Paths{"m/x.yaml"});

  DiscoveryResult unused;
  std::string error;
  CHECK_FALSE(DiscoverChangedSince("main", {}, DiscoveryOptions(), &unused, &error));
  CHECK(error == "--changed-since needs a work tree; " + s.Path("bare.git") + " is a bare repository");
}

TEST_CASE("git modes: errors", "[git]") {
  GitSandbox s;
  BaseRepository(s);
  DiscoveryResult r;
  std::string error;
  auto both = [&](const std::string& rev, const Paths& paths, const std::string& changed_error,
                  const std::string& rev_error) {
    CHECK_FALSE(DiscoverChangedSince(rev, paths, DiscoveryOptions(), &r, &error));
    CHECK(error == changed_error);
    CHECK_FALSE(DiscoverRevision(rev, paths, DiscoveryOptions(), &r, &error));
    CHECK(error == rev_error);
  };
  SECTION("outside a repository") {
    fs::create_directories(s.Path("plain/sub"));
    ScopedCwd cwd(s.Path("plain/sub"));
    const std::string message = "not inside a git repository: " + s.Path("plain/sub");
    both("HEAD", {}, message, message);
  }
  SECTION("unknown revisions") {
    ScopedCwd cwd(s.Path("repo/m"));
    both("nope", {}, "unknown revision 'nope'", "unknown revision 'nope'");
    both("base~5", {}, "unknown revision 'base~5'", "unknown revision 'base~5'");
    both("", {}, "unknown revision ''", "unknown revision ''");
    both("HEAD:a.yaml", {}, "revision 'HEAD:a.yaml' is not a commit or a tree",
         "revision 'HEAD:a.yaml' is not a commit or a tree");
  }
  SECTION("standard input") {
    ScopedCwd cwd(s.Path("repo"));
    both("HEAD", {"-"}, "standard input ('-') cannot be combined with --changed-since",
         "standard input ('-') cannot be combined with --rev");
  }
  SECTION("a repository without commits") {
    s.Git("", "init -q empty");
    ScopedCwd cwd(s.Path("empty"));
    both("HEAD", {}, "unknown revision 'HEAD'", "unknown revision 'HEAD'");
  }
}

TEST_CASE("what marks a chart", "[git]") {
  using discovery_internal::ChangeMarksChart;
  CHECK(ChangeMarksChart("Chart.yaml"));
  CHECK(ChangeMarksChart("values.yaml"));
  CHECK(ChangeMarksChart("values-prod.yml"));
  CHECK(ChangeMarksChart("values.schema.json"));
  CHECK(ChangeMarksChart("templates/_helpers.tpl"));
  CHECK(ChangeMarksChart("templates/deep/x.yaml"));
  CHECK(ChangeMarksChart("charts/sub-1.0.0.tgz"));
  CHECK_FALSE(ChangeMarksChart("README.md"));
  CHECK_FALSE(ChangeMarksChart("crds/crd.yaml"));
  CHECK_FALSE(ChangeMarksChart("ci/values.yaml"));
  CHECK_FALSE(ChangeMarksChart("templates"));
}

TEST_CASE("paths are ordered as the walk lists them", "[git]") {
  using discovery_internal::PathLess;
  CHECK(PathLess("a/b.yaml", "a-b.yaml"));
  CHECK(PathLess("a/b.yaml", "a.yaml"));  // the directory "a" sorts before the file "a.yaml"
  CHECK(PathLess("m/deep/y.yaml", "m/x.yaml"));
  CHECK_FALSE(PathLess("x", "x"));
}

}  // namespace
}  // namespace kubeshift
