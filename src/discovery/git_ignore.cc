// kubeshift — discovery: .gitignore rules, read without libgit2.
//
// libgit2 answered these questions before, but initialising it (Debian's build loads and
// decodes the whole CA bundle) cost more than the rest of a pre-commit run. The rules are
// small: this file finds the repository (git_dir.cc), reads each .gitignore once per
// directory walked, and matches with git's own glob dialect (wildmatch.cc).
// tests/unit/git_ignore_test.cc compares every answer with libgit2's on generated repositories.
#include "discovery/git_ignore.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "discovery/ignore_rules.h"

namespace kubeshift::discovery_internal {

/// The rules that apply in one directory of a work tree.
struct IgnoreDirRules {
  const IgnoreDirRules* parent = nullptr;  ///< the directory above; null at the work dir
  IgnoreFile own;                          ///< this directory's .gitignore
  bool ignored = false;                    ///< this directory or one above it is ignored
};

/// One work tree: its repository-wide files and the directories read so far.
struct IgnoreRepo {
  std::string workdir;                  ///< canonical, no trailing "/"
  std::vector<IgnoreFile> repo_files;   ///< info/exclude, then core.excludesFile
  std::unordered_map<std::string, std::unique_ptr<IgnoreDirRules>> dirs;  ///< by rel_dir
};

namespace {

namespace fs = std::filesystem;

std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) return "";
  std::string out = canonical.string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::optional<IgnoreFile> ReadIgnoreFile(const std::string& path, std::string base) {
  std::optional<std::string> text = ReadSmallFile(path);
  if (!text) return std::nullopt;
  return ParseIgnoreFile(*text, std::move(base));
}

// core.excludesFile: the last of the system, XDG, global and repository config files that
// sets it, else $XDG_CONFIG_HOME/git/ignore. "~/" means $HOME; a relative path is taken from
// the work dir.
std::string ExcludesFile(const GitConfigFiles& config, const GitLocation& location) {
  std::optional<std::string> setting;
  for (const std::string& file : {config.system, config.xdg, config.global,
                                  location.common_dir + "/config"}) {
    if (file.empty()) continue;
    if (std::optional<std::string> value = ReadExcludesFileSetting(file)) setting = value;
  }
  if (!setting) return config.xdg_ignore;
  const std::string_view path = *setting;
  if (path.starts_with("~/")) {
    return config.home.empty() ? "" : config.home + std::string(path.substr(1));
  }
  if (!path.empty() && path.front() != '/') return location.workdir + "/" + std::string(path);
  return std::string(path);
}

// What the rules of \a dir (and the directories above it) and then the repository-wide
// files say about \a path, a child of \a dir.
bool Decide(const IgnoreRepo& repo, const IgnoreDirRules& dir, std::string_view path,
            bool is_dir) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == ".git") return true;  // as git and libgit2 always do
  for (const IgnoreDirRules* d = &dir; d != nullptr; d = d->parent) {
    const IgnoreVerdict verdict = MatchIgnoreFile(d->own, path, is_dir);
    if (verdict != IgnoreVerdict::kNone) return verdict == IgnoreVerdict::kIgnored;
  }
  for (const IgnoreFile& file : repo.repo_files) {
    const IgnoreVerdict verdict = MatchIgnoreFile(file, path, is_dir);
    if (verdict != IgnoreVerdict::kNone) return verdict == IgnoreVerdict::kIgnored;
  }
  return false;
}

}  // namespace

GitIgnore::GitIgnore() : GitIgnore(GitConfigFiles::FromEnvironment()) {}

GitIgnore::GitIgnore(GitConfigFiles config) : config_(std::move(config)) {}

GitIgnore::~GitIgnore() = default;

IgnoreScope GitIgnore::ScopeFor(const std::string& dir) {
  IgnoreScope scope;
  const std::string abs = Canonical(dir);
  if (abs.empty()) return scope;
  const std::optional<GitLocation> location = FindGitLocation(abs);
  if (!location) return scope;
  auto [it, inserted] = repos_.try_emplace(location->workdir);
  if (inserted) {
    it->second = std::make_unique<IgnoreRepo>();
    IgnoreRepo& repo = *it->second;
    repo.workdir = location->workdir;
    if (auto exclude = ReadIgnoreFile(location->common_dir + "/info/exclude", "")) {
      repo.repo_files.push_back(std::move(*exclude));
    }
    const std::string excludes_file = ExcludesFile(config_, *location);
    if (!excludes_file.empty()) {
      if (auto global = ReadIgnoreFile(excludes_file, "")) {
        repo.repo_files.push_back(std::move(*global));
      }
    }
  }
  scope.repo = it->second.get();
  if (abs == location->workdir) return scope;
  const std::string prefix = location->workdir == "/" ? "/" : location->workdir + "/";
  scope.rel_dir = abs.substr(prefix.size()) + "/";
  return scope;
}

IgnoreScope GitIgnore::Child(const IgnoreScope& parent, std::string_view name) {
  IgnoreScope child;
  child.repo = parent.repo;
  if (child.repo != nullptr) {
    child.rel_dir.reserve(parent.rel_dir.size() + name.size() + 1);
    child.rel_dir.append(parent.rel_dir).append(name).push_back('/');
  }
  return child;
}

bool GitIgnore::IsIgnored(const IgnoreScope& scope, std::string_view name, bool is_dir) {
  if (scope.repo == nullptr) return false;
  const IgnoreDirRules& dir = RulesOf(scope.repo, scope.rel_dir);
  if (dir.ignored) return true;
  std::string path;
  path.reserve(scope.rel_dir.size() + name.size());
  path.append(scope.rel_dir).append(name);
  return Decide(*scope.repo, dir, path, is_dir);
}

bool GitIgnore::IsScopeDirIgnored(const IgnoreScope& scope) {
  if (scope.repo == nullptr || scope.rel_dir.empty()) return false;
  return RulesOf(scope.repo, scope.rel_dir).ignored;
}

// The rules of \a rel_dir ("" or "a/b/"), built from those of its parent on first use.
const IgnoreDirRules& GitIgnore::RulesOf(IgnoreRepo* repo, const std::string& rel_dir) {
  if (auto it = repo->dirs.find(rel_dir); it != repo->dirs.end()) return *it->second;
  auto rules = std::make_unique<IgnoreDirRules>();
  if (!rel_dir.empty()) {
    // "a/b/" → parent "a/", own path "a/b".
    const std::string path = rel_dir.substr(0, rel_dir.size() - 1);
    const size_t slash = path.rfind('/');
    const std::string parent_dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const IgnoreDirRules& parent = RulesOf(repo, parent_dir);
    rules->parent = &parent;
    rules->ignored = parent.ignored || Decide(*repo, parent, path, /*is_dir=*/true);
  }
  // Below an ignored directory nothing can be re-included, so its .gitignore is not read.
  if (!rules->ignored) {
    if (auto own = ReadIgnoreFile(repo->workdir + "/" + rel_dir + ".gitignore", rel_dir)) {
      rules->own = std::move(*own);
    }
  }
  const IgnoreDirRules& out = *rules;
  repo->dirs.emplace(rel_dir, std::move(rules));
  return out;
}

}  // namespace kubeshift::discovery_internal
