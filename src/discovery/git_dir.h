// kubeshift — discovery: finding a git repository and reading the files of its git dir
// without libgit2 (for .gitignore rules; reading history still uses libgit2).
#ifndef KUBESHIFT_DISCOVERY_GIT_DIR_H_
#define KUBESHIFT_DISCOVERY_GIT_DIR_H_

#include <optional>
#include <string>

namespace kubeshift::discovery_internal {

/// Where a work tree's repository keeps its files.
struct GitLocation {
  std::string workdir;     ///< the directory holding ".git", canonical, no trailing "/"
  std::string git_dir;     ///< ".git", or what a ".git" file points to (worktree, submodule)
  std::string common_dir;  ///< git_dir, or the main repository's for a linked worktree
};

/// The repository whose work tree holds \a canonical_dir: the nearest directory at or above
/// it with a valid ".git" (a directory, or a file "gitdir: PATH"), not crossing into another
/// file system, as `git rev-parse` finds it. Valid means HEAD in the git dir and objects/ and
/// refs/ in the common dir.
std::optional<GitLocation> FindGitLocation(const std::string& canonical_dir);

/// The files git's configuration is read from, lowest precedence first.
struct GitConfigFiles {
  std::string system;  ///< /etc/gitconfig
  std::string xdg;     ///< $XDG_CONFIG_HOME/git/config
  std::string global;  ///< ~/.gitconfig
  std::string home;    ///< for "~/" in paths
  std::string xdg_ignore;  ///< the default core.excludesFile: $XDG_CONFIG_HOME/git/ignore

  /// From the environment: HOME, XDG_CONFIG_HOME (default ~/.config), GIT_CONFIG_NOSYSTEM,
  /// GIT_CONFIG_SYSTEM, GIT_CONFIG_GLOBAL.
  static GitConfigFiles FromEnvironment();
};

/// The value of core.excludesFile in the config file \a path, if it sets one (the last
/// setting wins). Reads sections, quoting, escapes and comments; not [include] or
/// [includeIf] files.
std::optional<std::string> ReadExcludesFileSetting(const std::string& path);

/// The bytes of \a path, or nullopt when it cannot be read as a regular file.
std::optional<std::string> ReadSmallFile(const std::string& path);

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_GIT_DIR_H_
