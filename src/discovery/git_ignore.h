// kubeshift — discovery: .gitignore rules (private to discovery).
#ifndef KUBESHIFT_DISCOVERY_GIT_IGNORE_H_
#define KUBESHIFT_DISCOVERY_GIT_IGNORE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "discovery/git_dir.h"

namespace kubeshift::discovery_internal {

struct IgnoreRepo;
struct IgnoreDirRules;

/// Where a walked directory sits in a git work tree: the repository whose ignore rules apply
/// and the directory's path relative to the work dir ("" at the root, else "a/b/").
struct IgnoreScope {
  IgnoreRepo* repo = nullptr;  ///< null: no ignore rules apply
  std::string rel_dir;
};

/// Answers "does git ignore this path?" for a walk, as gitignore(5) describes it: the
/// .gitignore files from the work dir down to the path's directory (deeper files and later
/// lines win), then $GIT_COMMON_DIR/info/exclude, then core.excludesFile; a path below an
/// ignored directory is ignored whatever a "!" pattern says. Reads the files itself (no
/// libgit2) and each one once. An unreadable file means "no rules", never an error.
class GitIgnore {
 public:
  /// Reads the configuration files the environment names (GitConfigFiles::FromEnvironment).
  GitIgnore();
  explicit GitIgnore(GitConfigFiles config);
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
  bool IsIgnored(const IgnoreScope& scope, std::string_view name, bool is_dir);

  /// True when the scope's directory itself, or one above it, is ignored (false at the
  /// work dir root).
  bool IsScopeDirIgnored(const IgnoreScope& scope);

 private:
  const IgnoreDirRules& RulesOf(IgnoreRepo* repo, const std::string& rel_dir);

  GitConfigFiles config_;
  std::map<std::string, std::unique_ptr<IgnoreRepo>> repos_;  ///< by work dir
};

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_GIT_IGNORE_H_
