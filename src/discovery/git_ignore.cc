// kubeshift — discovery: .gitignore rules through libgit2.
#include "discovery/git_ignore.h"

#include <git2.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace kubeshift::discovery_internal {
namespace {

namespace fs = std::filesystem;

// libgit2 is initialised once per process and shut down at exit. The reference count in
// libgit2 makes this safe next to other users of the library.
struct LibGit2Guard {
  LibGit2Guard() { git_libgit2_init(); }
  ~LibGit2Guard() { git_libgit2_shutdown(); }
};

void EnsureLibGit2() { static LibGit2Guard guard; }

std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) return "";
  std::string out = canonical.string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// Opens the repository at \a git_dir. A work tree owned by another user (a checkout mounted
// into a container, a CI runner's workspace) fails libgit2's ownership check, which guards
// against acting on an untrusted repository's configuration. Reading ignore rules acts on
// nothing, so for this one open the check is lifted, then restored. libgit2 1.5.1 reports
// the failure as GIT_ENOTFOUND ("config value 'safe.directory' was not found") rather than
// GIT_EOWNER, so any failure is retried once that way.
bool OpenRepository(const std::string& git_dir, git_repository** repo) {
  int rc = git_repository_open_ext(repo, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  int validation = 0;
  if (rc != 0 && git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &validation) == 0 &&
      validation != 0) {
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    rc = git_repository_open_ext(repo, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, validation);
  }
  if (rc != 0) {
    git_error_clear();
    *repo = nullptr;
    return false;
  }
  return true;
}

}  // namespace

GitIgnore::GitIgnore() { EnsureLibGit2(); }

GitIgnore::~GitIgnore() {
  for (auto& [key, repo] : repos_) {
    if (repo.repo != nullptr) git_repository_free(repo.repo);
  }
}

const GitIgnore::Repo* GitIgnore::Open(const std::string& abs_dir) {
  git_buf git_dir = GIT_BUF_INIT;
  if (git_repository_discover(&git_dir, abs_dir.c_str(), 0, nullptr) != 0) {
    git_error_clear();
    return nullptr;
  }
  std::string key(git_dir.ptr, git_dir.size);
  git_buf_dispose(&git_dir);
  auto [it, inserted] = repos_.try_emplace(key);
  if (!inserted) return it->second.repo != nullptr ? &it->second : nullptr;

  // A failure is cached too (null repo), so a broken repository is tried only once.
  git_repository* repo = nullptr;
  if (!OpenRepository(key, &repo)) return nullptr;
  const char* workdir = git_repository_workdir(repo);
  std::string canonical = workdir != nullptr ? Canonical(workdir) : "";
  if (canonical.empty()) {  // bare repository or an unreachable work dir
    git_repository_free(repo);
    return nullptr;
  }
  it->second.repo = repo;
  it->second.workdir = canonical;
  return &it->second;
}

IgnoreScope GitIgnore::ScopeFor(const std::string& dir) {
  IgnoreScope scope;
  std::string abs = Canonical(dir);
  if (abs.empty()) return scope;
  const Repo* repo = Open(abs);
  if (repo == nullptr) return scope;
  if (abs == repo->workdir) {
    scope.repo = repo->repo;
    return scope;
  }
  std::string prefix = repo->workdir == "/" ? "/" : repo->workdir + "/";
  if (abs.compare(0, prefix.size(), prefix) != 0) return scope;  // e.g. inside .git itself
  scope.repo = repo->repo;
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

bool GitIgnore::IsIgnored(const IgnoreScope& scope, std::string_view name, bool is_dir) const {
  if (scope.repo == nullptr) return false;
  std::string path;
  path.reserve(scope.rel_dir.size() + name.size() + 1);
  path.append(scope.rel_dir).append(name);
  if (is_dir) path.push_back('/');
  return Query(scope.repo, path);
}

bool GitIgnore::IsScopeDirIgnored(const IgnoreScope& scope) const {
  if (scope.repo == nullptr || scope.rel_dir.empty()) return false;
  return Query(scope.repo, scope.rel_dir);
}

bool GitIgnore::Query(git_repository* repo, const std::string& rel_path) const {
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, repo, rel_path.c_str()) != 0) {
    git_error_clear();
    return false;
  }
  return ignored == 1;
}

}  // namespace kubeshift::discovery_internal
