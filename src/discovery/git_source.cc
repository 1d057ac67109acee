// kubeshift — discovery from git: the files changed since a revision (a diff against the work
// tree) and the tree of a revision (read from blobs, without a checkout).
#include "discovery/git_source.h"

#include <git2.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "discovery/path_util.h"
#include "kubeshift/git_inputs.h"

namespace kubeshift {

namespace discovery_internal {

bool ChangeMarksChart(std::string_view rel) {
  if (rel == "Chart.yaml" || rel.starts_with("templates/") || rel.starts_with("charts/")) return true;
  if (rel.find('/') != std::string_view::npos) return false;
  std::string lower = AsciiLower(rel);
  return MatchGlobSegment("values*.yaml", lower) || MatchGlobSegment("values*.yml", lower) ||
         MatchGlobSegment("values*.json", lower);
}

bool PathLess(std::string_view a, std::string_view b) {
  std::vector<std::string_view> pa = SplitPath(a), pb = SplitPath(b);
  return std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end());
}

}  // namespace discovery_internal

namespace {

namespace fs = std::filesystem;
using discovery_internal::JoinPath;
using discovery_internal::SplitPath;

constexpr std::string_view kChartFile = "Chart.yaml";

// libgit2 is reference counted: this keeps it initialised for the life of the process, next
// to the other users of the library.
struct LibGit2Guard {
  LibGit2Guard() { git_libgit2_init(); }
  ~LibGit2Guard() { git_libgit2_shutdown(); }
};
void EnsureLibGit2() { static LibGit2Guard guard; }

template <auto Free>
struct GitFree {
  template <typename T>
  void operator()(T* p) const { Free(p); }
};
using RepoPtr = std::unique_ptr<git_repository, GitFree<git_repository_free>>;
using TreePtr = std::unique_ptr<git_tree, GitFree<git_tree_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitFree<git_object_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitFree<git_diff_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, GitFree<git_tree_entry_free>>;

std::string LastGitError() {
  const git_error* e = git_error_last();
  std::string message = e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
  git_error_clear();
  return message;
}

// As in git_ignore.cc: a repository owned by another user (a checkout mounted into a
// container) fails libgit2's ownership check, reported by 1.5.1 as GIT_ENOTFOUND. kubeshift
// only reads objects and runs nothing the repository configures, so the open is retried with
// the check lifted.
git_repository* OpenWithFallback(const char* path, unsigned flags) {
  git_repository* repo = nullptr;
  int rc = git_repository_open_ext(&repo, path, flags, nullptr);
  int validation = 0;
  if (rc != 0 && git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &validation) == 0 && validation != 0) {
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    rc = git_repository_open_ext(&repo, path, flags, nullptr);
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, validation);
  }
  if (rc != 0) {
    git_error_clear();
    return nullptr;
  }
  return repo;
}

std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string Canonical(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  return ec ? "" : StripTrailingSlashes(canonical.string());
}

std::string CurrentDir() {
  std::error_code ec;
  return fs::current_path(ec).string();
}

// Finds the repository as git does: GIT_DIR, else upward from the current directory.
bool OpenUserRepository(RepoPtr* out, std::string* error) {
  out->reset(OpenWithFallback(nullptr, GIT_REPOSITORY_OPEN_FROM_ENV));
  if (*out == nullptr) *error = fmt::format("not inside a git repository: {}", CurrentDir());
  return *out != nullptr;
}

std::string GitDir(git_repository* repo) { return StripTrailingSlashes(git_repository_path(repo)); }

bool ResolveTree(git_repository* repo, const std::string& rev, TreePtr* tree, std::string* error) {
  git_object* object = nullptr;
  int rc = git_revparse_single(&object, repo, rev.c_str());
  if (rc != 0) {
    git_error_clear();
    *error = fmt::format("{} revision '{}'", rc == GIT_EAMBIGUOUS ? "ambiguous" : "unknown", rev);
    return false;
  }
  ObjectPtr owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_TREE) != 0) {
    git_error_clear();
    *error = fmt::format("revision '{}' is not a commit or a tree", rev);
    return false;
  }
  tree->reset(reinterpret_cast<git_tree*>(peeled));
  return true;
}

// \a path relative to \a root ("" when equal), or nullopt when it is not inside it.
std::optional<std::string> RelativeTo(const std::string& path, const std::string& root) {
  if (path == root) return std::string();
  std::string prefix = root == "/" ? root : root + "/";
  if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return path.substr(prefix.size());
}

bool HasStdin(const std::vector<std::string>& paths) {
  return std::find(paths.begin(), paths.end(), "-") != paths.end();
}

// Reads blobs for the workers. libgit2 objects are used by one thread at a time, so each
// worker borrows its own handle on the repository; handles are opened on demand.
class BlobStore {
 public:
  BlobStore(RepoPtr repo, std::string git_dir) : git_dir_(std::move(git_dir)) {
    free_.push_back(repo.get());
    all_.push_back(std::move(repo));
  }

  bool Read(const git_oid& id, std::string* bytes, std::string* error) {
    git_repository* repo = Acquire();
    git_blob* blob = nullptr;
    bool ok = git_blob_lookup(&blob, repo, &id) == 0;
    if (ok) {
      bytes->assign(static_cast<const char*>(git_blob_rawcontent(blob)),
                    static_cast<size_t>(git_blob_rawsize(blob)));
      git_blob_free(blob);
    } else {
      *error = "cannot read: " + LastGitError();
    }
    Release(repo);
    return ok;
  }

 private:
  git_repository* Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    if (free_.empty() && can_open_) {
      // Opened under the lock: the ownership fallback toggles a process-wide option.
      if (git_repository* repo = OpenWithFallback(git_dir_.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH)) {
        all_.emplace_back(repo);
        return repo;
      }
      can_open_ = false;  // share the handles there are
    }
    available_.wait(lock, [&] { return !free_.empty(); });
    git_repository* repo = free_.back();
    free_.pop_back();
    return repo;
  }

  void Release(git_repository* repo) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      free_.push_back(repo);
    }
    available_.notify_one();
  }

  std::string git_dir_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<RepoPtr> all_;
  std::vector<git_repository*> free_;
  bool can_open_ = true;
};

// A path argument, resolved to a place in the repository.
struct PathArg {
  std::string typed;    ///< as given: the display path of a file argument
  std::string display;  ///< without trailing slashes: names below it are joined to it
  std::string prefix;   ///< in the repository; "" for its root
  bool is_file = false;
  bool cwd_relative = false;  ///< the default work tree argument: names are relative to the cwd
};

// Patterns match the path relative to the argument and the display path, as in the walk.
bool Excluded(const std::vector<std::string>& excludes, const std::string& rel, const std::string& display,
              std::string* pattern) {
  bool display_absolute = !display.empty() && display[0] == '/';
  for (const std::string& p : excludes) {
    bool pattern_absolute = !p.empty() && p[0] == '/';
    if ((!rel.empty() && GlobMatch(p, rel)) || ((!display_absolute || pattern_absolute) && GlobMatch(p, display))) {
      *pattern = p;
      return true;
    }
  }
  return false;
}

// Decides, for every repository path offered, whether it is an input and what it is called.
class Collector {
 public:
  using HasChart = std::function<bool(const std::string& dir)>;
  using NameOutside = std::function<std::string(const std::string& repo_path)>;
  /// The loader of every file of the chart at repository directory dir (--rev), or null.
  using ChartFiles = std::function<ChartFilesLoader(const std::string& dir)>;

  Collector(std::vector<PathArg> args, const DiscoveryOptions& options, HasChart has_chart,
            NameOutside name_outside, ChartFiles chart_files = nullptr)
      : args_(std::move(args)),
        options_(options),
        has_chart_(std::move(has_chart)),
        name_outside_(std::move(name_outside)),
        chart_files_(std::move(chart_files)) {}

  /// Offers file \a path; nothing happens when it is outside every argument or was offered
  /// before. A non-empty \a skip_reason skips it (after the excludes); without \a load the
  /// bytes are read from its display path.
  void Offer(const std::string& path, const std::string& skip_reason, InputLoader load = nullptr);

  /// Moves the decisions into \a result: per argument, in walk order.
  void Finish(DiscoveryResult* result);

 private:
  struct Entry {
    size_t arg = 0;
    std::string path;
    bool scan = false;
    InputFile input;
    SkippedPath skipped;
  };
  struct Chart {
    std::string dir;  ///< in the repository
    bool in_templates = false;
  };

  int ArgFor(const std::string& path) const;
  std::string NameUnder(const PathArg& arg, const std::string& path) const;
  Chart NearestChart(const std::string& path) const;
  std::string OutermostChart(std::string dir) const;

  std::vector<PathArg> args_;
  const DiscoveryOptions& options_;
  HasChart has_chart_;
  NameOutside name_outside_;
  ChartFiles chart_files_;
  std::set<std::string> offered_;
  std::vector<Entry> entries_;
};

int Collector::ArgFor(const std::string& path) const {
  for (size_t i = 0; i < args_.size(); ++i) {
    const PathArg& arg = args_[i];
    if (arg.is_file ? path == arg.prefix : arg.prefix.empty() || RelativeTo(path, arg.prefix).has_value()) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// How repository path \a path (file or directory) under directory argument \a arg is shown.
std::string Collector::NameUnder(const PathArg& arg, const std::string& path) const {
  if (arg.cwd_relative) return name_outside_(path);
  std::string rel = arg.prefix.empty() ? path : RelativeTo(path, arg.prefix).value_or(path);
  if (rel.empty()) return arg.display;
  return arg.display == "." ? rel : JoinPath(arg.display, rel);
}

Collector::Chart Collector::NearestChart(const std::string& path) const {
  std::vector<std::string_view> parts = SplitPath(path);
  Chart chart;
  for (size_t depth = parts.size(); depth-- > 0;) {
    std::string dir;
    for (size_t i = 0; i < depth; ++i) dir = JoinPath(dir, parts[i]);
    if (has_chart_(dir)) {
      chart.dir = dir;
      chart.in_templates = depth + 1 < parts.size() && parts[depth] == "templates";
      break;
    }
  }
  return chart;
}

// A subchart (PARENT/charts/NAME) is rendered with its parent, up to the outermost chart.
std::string Collector::OutermostChart(std::string dir) const {
  while (true) {
    const size_t slash = dir.rfind('/');
    const std::string charts = slash == std::string::npos ? "" : dir.substr(0, slash);
    const size_t parent_end = charts.rfind('/');
    const std::string charts_name = parent_end == std::string::npos ? charts : charts.substr(parent_end + 1);
    const std::string parent = parent_end == std::string::npos ? "" : charts.substr(0, parent_end);
    if (slash == std::string::npos || charts_name != "charts" || !has_chart_(parent)) return dir;
    dir = parent;
  }
}

void Collector::Offer(const std::string& path, const std::string& skip_reason, InputLoader load) {
  int index = ArgFor(path);
  if (index < 0 || !offered_.insert(path).second) return;
  const PathArg& arg = args_[static_cast<size_t>(index)];
  Entry entry;
  entry.arg = static_cast<size_t>(index);
  entry.path = path;
  std::string display = arg.is_file ? arg.typed : NameUnder(arg, path);
  std::string rel = arg.is_file ? "" : arg.prefix.empty() ? path : *RelativeTo(path, arg.prefix);
  std::string pattern;
  Chart chart = NearestChart(path);
  Classification c = ClassifyPath(path, chart.in_templates);
  if (!arg.is_file && Excluded(options_.excludes, rel, display, &pattern)) {
    entry.skipped = {display, "excluded by --exclude " + pattern};
  } else if (!skip_reason.empty()) {
    entry.skipped = {display, skip_reason};
  } else if (!c.scan && !arg.is_file) {
    entry.skipped = {display, c.reason};
  } else {
    // A file named explicitly is scanned whatever it is, as in the walk.
    entry.scan = true;
    InputFile& input = entry.input;
    input.display_path = display;
    if (c.scan) {
      input.kind = c.kind;
    } else if (chart.in_templates) {
      input.kind = InputKind::kHelmTemplate;
    } else {
      std::string lower = discovery_internal::AsciiLower(path);
      input.kind = lower.ends_with(".json") ? InputKind::kJson : InputKind::kYaml;
    }
    if (input.kind == InputKind::kHelmTemplate) {
      bool inside = !arg.is_file && (arg.prefix.empty() || RelativeTo(chart.dir, arg.prefix).has_value());
      input.chart_root = inside ? NameUnder(arg, chart.dir) : name_outside_(chart.dir);
      if (chart_files_) {
        const std::string top = OutermostChart(chart.dir);
        const bool top_inside = !arg.is_file && (arg.prefix.empty() || RelativeTo(top, arg.prefix).has_value());
        input.render_root = top_inside ? NameUnder(arg, top) : name_outside_(top);
        input.load_chart = chart_files_(top);
      }
    }
    if (load) {
      input.load = std::move(load);
    } else {
      input.fs_path = display;
    }
  }
  entries_.push_back(std::move(entry));
}

void Collector::Finish(DiscoveryResult* result) {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    if (a.arg != b.arg) return a.arg < b.arg;
    return discovery_internal::PathLess(a.path, b.path);
  });
  for (Entry& entry : entries_) {
    if (entry.scan) {
      result->inputs.push_back(std::move(entry.input));
    } else {
      result->skipped.push_back(std::move(entry.skipped));
    }
  }
  entries_.clear();
}

// An argument named by the user is skipped as a whole when an exclude matches it.
bool ArgumentExcluded(const std::string& display, const DiscoveryOptions& options, DiscoveryResult* result) {
  std::string pattern;
  if (display == "." || !Excluded(options.excludes, "", display, &pattern)) return false;
  result->skipped.push_back({display, "excluded by --exclude " + pattern});
  return true;
}

// ---- --changed-since -------------------------------------------------------------------

// Path arguments of the work tree: they must exist and lie inside it.
std::vector<PathArg> WorkTreeArgs(const std::vector<std::string>& paths, const std::string& workdir,
                                  const DiscoveryOptions& options, DiscoveryResult* result) {
  std::vector<PathArg> args;
  if (paths.empty()) {
    args.push_back({".", ".", "", false, true});
    return args;
  }
  for (const std::string& typed : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(typed, ec);
    if (ec || !fs::exists(status)) {
      result->missing.push_back(typed + ": no such file or directory");
      continue;
    }
    PathArg arg{typed, StripTrailingSlashes(typed), "", !fs::is_directory(status)};
    // A file is placed by its directory, so a symlink keeps its own name.
    fs::path p(typed);
    std::string abs = arg.is_file ? JoinPath(Canonical(p.parent_path().empty() ? fs::path(".") : p.parent_path()),
                                             p.filename().string())
                                  : Canonical(p);
    std::optional<std::string> rel = RelativeTo(abs, workdir);
    if (!rel) {
      result->missing.push_back(fmt::format("{}: outside the git repository {}", typed, workdir));
      continue;
    }
    if (ArgumentExcluded(arg.display, options, result)) continue;
    arg.prefix = *rel;
    args.push_back(std::move(arg));
  }
  return args;
}

// Every file below chart directory \a chart's templates/ on disk, with the reason to skip it
// when git ignores it.
void ChartTemplates(git_repository* repo, const std::string& workdir, const std::string& chart,
                    bool use_gitignore, std::map<std::string, std::string>* files) {
  std::string templates = JoinPath(chart, "templates");
  std::error_code ec;
  auto is_ignored = [&](const std::string& rel, bool dir) {
    int ignored = 0;
    if (!use_gitignore) return false;
    if (git_ignore_path_is_ignored(&ignored, repo, (dir ? rel + "/" : rel).c_str()) != 0) {
      git_error_clear();
      return false;
    }
    return ignored == 1;
  };
  fs::recursive_directory_iterator it(JoinPath(workdir, templates), fs::directory_options::skip_permission_denied,
                                      ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string rel = JoinPath(templates, it->path().lexically_relative(JoinPath(workdir, templates)).string());
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (it->path().filename() == ".git" || is_ignored(rel, true)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(type_ec)) continue;
    files->emplace(rel, is_ignored(rel, false) ? "ignored by .gitignore" : "");
  }
}

// The deltas between \a tree and the work tree (with the index): changed files with the
// reason to skip each ("" to check it), deleted files, and every path touched.
struct Changes {
  std::map<std::string, std::string> files;
  std::vector<std::string> deleted;
  std::vector<std::string> touched;
};

bool DiffWorkTree(git_repository* repo, git_tree* tree, const std::string& workdir, const std::string& rev,
                  bool use_gitignore, Changes* changes, std::string* error) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
  if (!use_gitignore) opts.flags |= GIT_DIFF_INCLUDE_IGNORED | GIT_DIFF_RECURSE_IGNORED_DIRS;
  git_diff* raw = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw, repo, tree, &opts) != 0) {
    *error = fmt::format("cannot compare '{}' with the work tree: {}", rev, LastGitError());
    return false;
  }
  DiffPtr diff(raw);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
  if (git_diff_find_similar(diff.get(), &find) != 0) {
    *error = fmt::format("cannot find renames since '{}': {}", rev, LastGitError());
    return false;
  }
  for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_UNMODIFIED) continue;
    if (delta->old_file.path != nullptr) changes->touched.push_back(delta->old_file.path);
    if (delta->status == GIT_DELTA_DELETED) {
      changes->deleted.push_back(delta->old_file.path);
      continue;
    }
    std::string path = delta->new_file.path;
    changes->touched.push_back(path);
    std::string reason;
    switch (delta->new_file.mode) {
      case GIT_FILEMODE_BLOB:
      case GIT_FILEMODE_BLOB_EXECUTABLE:
        break;
      case GIT_FILEMODE_LINK: {
        std::error_code ec;
        if (!fs::is_regular_file(JoinPath(workdir, path), ec)) reason = "not a regular file";
        break;
      }
      case GIT_FILEMODE_COMMIT:
        reason = "submodule, not scanned";
        break;
      default:
        continue;  // an untracked directory git does not descend into (a nested repository)
    }
    changes->files.emplace(path, reason);
  }
  return true;
}

// ---- --rev ---------------------------------------------------------------------------------

struct TreeFile {
  std::string path;
  git_oid id;
  git_filemode_t mode;
};

struct TreeListing {
  std::vector<TreeFile> files;
  std::set<std::string> chart_dirs;
};

int ListTreeEntry(const char* root, const git_tree_entry* entry, void* payload) {
  auto* listing = static_cast<TreeListing*>(payload);
  git_object_t type = git_tree_entry_type(entry);
  if (type == GIT_OBJECT_TREE) return 0;
  std::string dir = root;
  if (!dir.empty() && dir.back() == '/') dir.pop_back();
  std::string_view name = git_tree_entry_name(entry);
  if (name == kChartFile && type == GIT_OBJECT_BLOB) listing->chart_dirs.insert(dir);
  listing->files.push_back({JoinPath(dir, name), *git_tree_entry_id(entry), git_tree_entry_filemode(entry)});
  return 0;
}

// Path arguments of a revision: filesystem paths mapped into the tree in a work tree, tree
// paths in a bare repository. They must name something in the tree.
std::vector<PathArg> RevisionArgs(const std::vector<std::string>& paths, git_repository* repo, git_tree* tree,
                                  const std::string& rev, const DiscoveryOptions& options,
                                  DiscoveryResult* result) {
  std::vector<PathArg> args;
  if (paths.empty()) {
    args.push_back({".", ".", "", false});
    return args;
  }
  const char* workdir_raw = git_repository_is_bare(repo) ? nullptr : git_repository_workdir(repo);
  std::string workdir = workdir_raw != nullptr ? Canonical(workdir_raw) : "";
  for (const std::string& typed : paths) {
    PathArg arg{typed, StripTrailingSlashes(typed), "", false};
    std::optional<std::string> rel;
    if (!workdir.empty()) {
      std::error_code ec;
      fs::path abs = fs::weakly_canonical(fs::absolute(typed, ec), ec);
      if (!ec) rel = RelativeTo(StripTrailingSlashes(abs.lexically_normal().string()), workdir);
    } else {  // a bare repository: the argument is a path in the tree
      std::string normal = StripTrailingSlashes(fs::path(typed).lexically_normal().string());
      if (normal.empty() || normal == ".") {
        rel = "";
      } else if (normal[0] != '/' && normal != ".." && !normal.starts_with("../")) {
        rel = normal;
      }
    }
    if (!rel) {
      std::string where = workdir.empty() ? "the tree of '" + rev + "'" : "the git repository " + workdir;
      result->missing.push_back(fmt::format("{}: outside {}", typed, where));
      continue;
    }
    if (!rel->empty()) {
      git_tree_entry* raw = nullptr;
      if (git_tree_entry_bypath(&raw, tree, rel->c_str()) != 0) {
        git_error_clear();
        result->missing.push_back(fmt::format("{}: no such file or directory in '{}'", typed, rev));
        continue;
      }
      EntryPtr entry(raw);
      arg.is_file = git_tree_entry_type(raw) != GIT_OBJECT_TREE;
    }
    if (ArgumentExcluded(arg.display, options, result)) continue;
    arg.prefix = *rel;
    args.push_back(std::move(arg));
  }
  return args;
}

}  // namespace

bool DiscoverChangedSince(const std::string& rev, const std::vector<std::string>& paths,
                          const DiscoveryOptions& options, DiscoveryResult* result, std::string* error) {
  if (HasStdin(paths)) {
    *error = "standard input ('-') cannot be combined with --changed-since";
    return false;
  }
  EnsureLibGit2();
  RepoPtr repo;
  if (!OpenUserRepository(&repo, error)) return false;
  if (git_repository_is_bare(repo.get())) {
    *error = fmt::format("--changed-since needs a work tree; {} is a bare repository", GitDir(repo.get()));
    return false;
  }
  TreePtr tree;
  if (!ResolveTree(repo.get(), rev, &tree, error)) return false;
  std::string workdir = Canonical(git_repository_workdir(repo.get()));
  std::string cwd = Canonical(".");
  Changes changes;
  if (!DiffWorkTree(repo.get(), tree.get(), workdir, rev, options.use_gitignore, &changes, error)) return false;

  std::map<std::string, bool> chart_cache;
  auto has_chart = [&](const std::string& dir) {
    auto [it, inserted] = chart_cache.try_emplace(dir, false);
    if (inserted) {
      std::error_code ec;
      it->second = fs::exists(JoinPath(JoinPath(workdir, dir), kChartFile), ec);
    }
    return it->second;
  };
  // Every chart around a touched path whose rendering the change affects, subcharts' parents
  // included (a change under charts/ marks the parent).
  std::set<std::string> charts;
  for (const std::string& path : changes.touched) {
    std::vector<std::string_view> parts = SplitPath(path);
    std::string dir;
    for (size_t depth = 0; depth < parts.size(); ++depth) {
      if (depth > 0) dir = JoinPath(dir, parts[depth - 1]);
      if (has_chart(dir) && discovery_internal::ChangeMarksChart(dir.empty() ? path : path.substr(dir.size() + 1))) {
        charts.insert(dir);
      }
    }
  }
  std::map<std::string, std::string> chart_files;
  for (const std::string& chart : charts) {
    ChartTemplates(repo.get(), workdir, chart, options.use_gitignore, &chart_files);
  }

  auto name_outside = [&](const std::string& repo_path) {
    std::string name = fs::path(JoinPath(workdir, repo_path)).lexically_relative(cwd).string();
    return name.empty() ? std::string(".") : StripTrailingSlashes(name);
  };
  Collector collector(WorkTreeArgs(paths, workdir, options, result), options, has_chart, name_outside);
  for (const auto& [path, reason] : changes.files) collector.Offer(path, reason);
  for (const auto& [path, reason] : chart_files) collector.Offer(path, reason);
  for (const std::string& path : changes.deleted) collector.Offer(path, "deleted since " + rev);
  collector.Finish(result);
  return true;
}

bool DiscoverRevision(const std::string& rev, const std::vector<std::string>& paths,
                      const DiscoveryOptions& options, DiscoveryResult* result, std::string* error) {
  if (HasStdin(paths)) {
    *error = "standard input ('-') cannot be combined with --rev";
    return false;
  }
  EnsureLibGit2();
  RepoPtr repo;
  if (!OpenUserRepository(&repo, error)) return false;
  TreePtr tree;
  if (!ResolveTree(repo.get(), rev, &tree, error)) return false;
  TreeListing listing;
  if (git_tree_walk(tree.get(), GIT_TREEWALK_PRE, ListTreeEntry, &listing) != 0) {
    *error = fmt::format("cannot read the tree of '{}': {}", rev, LastGitError());
    return false;
  }
  std::vector<PathArg> args = RevisionArgs(paths, repo.get(), tree.get(), rev, options, result);
  tree.reset();

  auto has_chart = [&](const std::string& dir) { return listing.chart_dirs.count(dir) != 0; };
  auto name_outside = [](const std::string& repo_path) { return repo_path.empty() ? "." : repo_path; };
  std::string git_dir = GitDir(repo.get());
  auto store = std::make_shared<BlobStore>(std::move(repo), git_dir);
  // A chart template is rendered with its chart, read from the same revision.
  auto files = std::make_shared<const std::vector<TreeFile>>(listing.files);
  auto chart_files = [store, files](const std::string& dir) -> ChartFilesLoader {
    return [store, files, dir](std::vector<std::pair<std::string, std::string>>* out, std::string* read_error) {
      const std::string prefix = dir.empty() ? "" : dir + "/";
      for (const TreeFile& file : *files) {
        if (!file.path.starts_with(prefix) || file.mode == GIT_FILEMODE_LINK || file.mode == GIT_FILEMODE_COMMIT) continue;
        std::string bytes;
        if (!store->Read(file.id, &bytes, read_error)) {
          *read_error = file.path + ": " + *read_error;
          return false;
        }
        out->emplace_back(file.path.substr(prefix.size()), std::move(bytes));
      }
      return true;
    };
  };
  Collector collector(std::move(args), options, has_chart, name_outside, chart_files);
  for (const TreeFile& file : listing.files) {
    std::string reason;
    if (file.mode == GIT_FILEMODE_LINK) reason = "symbolic link in the revision, not followed";
    if (file.mode == GIT_FILEMODE_COMMIT) reason = "submodule, not scanned";
    git_oid id = file.id;
    collector.Offer(file.path, reason, [store, id](std::string* bytes, std::string* read_error) {
      return store->Read(id, bytes, read_error);
    });
  }
  collector.Finish(result);
  return true;
}

}  // namespace kubeshift
