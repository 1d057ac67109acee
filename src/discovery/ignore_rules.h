// kubeshift — discovery: the patterns of one gitignore file and how they match.
#ifndef KUBESHIFT_DISCOVERY_IGNORE_RULES_H_
#define KUBESHIFT_DISCOVERY_IGNORE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::discovery_internal {

/// One line of a gitignore file, as gitignore(5) reads it.
struct IgnorePattern {
  std::string glob;        ///< for WildMatch: "!", a leading "/" and a trailing "/" removed
  bool negated = false;    ///< "!pattern": re-includes
  bool dir_only = false;   ///< "pattern/": matches directories only
  bool full_path = false;  ///< has a "/" before the end: matched against the path below the
                           ///< file's directory, else against the last component only
};

/// The patterns of one file (.gitignore, info/exclude, core.excludesFile) in file order.
struct IgnoreFile {
  std::string base;  ///< the directory of a .gitignore relative to the work dir ("a/b/"), or ""
  std::vector<IgnorePattern> patterns;
};

/// What a file says about a path.
enum class IgnoreVerdict { kNone, kIgnored, kIncluded };

/// Parses gitignore text: one pattern a line, "#" comments, blank lines, trailing spaces
/// dropped unless escaped with "\", a CR before the LF dropped.
IgnoreFile ParseIgnoreFile(std::string_view text, std::string base);

/// The verdict of the last pattern of \a file that matches \a path (relative to the work
/// dir, no trailing slash; \a is_dir says whether it is a directory), or kNone.
IgnoreVerdict MatchIgnoreFile(const IgnoreFile& file, std::string_view path, bool is_dir);

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_IGNORE_RULES_H_
