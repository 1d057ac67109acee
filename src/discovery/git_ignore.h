// kubeshift — discovery: .gitignore rules through libgit2 (private to discovery).
#ifndef KUBESHIFT_DISCOVERY_GIT_IGNORE_H_
#define KUBESHIFT_DISCOVERY_GIT_IGNORE_H_

#include <map>
#include <string>
#include <string_view>

struct git_repository;

namespace kubeshift::discovery_internal {

/// Where a walked directory sits in a git work tree: the repository whose ignore rules apply
/// and the directory's path relative to the work dir ("" at the root, else "a/b/").
struct IgnoreScope {
  git_repository* repo = nullptr;  ///< null: no ignore rules apply
  std::string rel_dir;
};

/// Answers "does git ignore this path?" for a walk. Opens each repository once and owns it.
/// Every libgit2 failure means "no ignore rules", never an error.
class GitIgnore {
 public:
  GitIgnore();
  ~GitIgnore();
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  /// The scope of directory \a dir: the repository found by searching upward from it (its
  /// own when \a dir holds a .git, so nested repositories use their own rules).
  IgnoreScope ScopeFor(const std::string& dir);

  /// The scope of subdirectory \a name of \a parent, in the same repository.
  static IgnoreScope Child(const IgnoreScope& parent, std::string_view name);

  /// True when entry \a name of the scope's directory is ignored; \a is_dir selects
  /// directory-only patterns ("build/").
  bool IsIgnored(const IgnoreScope& scope, std::string_view name, bool is_dir) const;

  /// True when the scope's directory itself is ignored (false at the work dir root).
  bool IsScopeDirIgnored(const IgnoreScope& scope) const;

 private:
  struct Repo {
    git_repository* repo = nullptr;
    std::string workdir;  ///< canonical, without a trailing "/"
  };
  const Repo* Open(const std::string& abs_dir);
  bool Query(git_repository* repo, const std::string& rel_path) const;

  std::map<std::string, Repo> repos_;  ///< by git dir, as git_repository_discover names it
};

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_GIT_IGNORE_H_
