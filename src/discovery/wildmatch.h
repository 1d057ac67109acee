// kubeshift — discovery: git's glob dialect ("wildmatch"), for .gitignore patterns.
#ifndef KUBESHIFT_DISCOVERY_WILDMATCH_H_
#define KUBESHIFT_DISCOVERY_WILDMATCH_H_

#include <string_view>

namespace kubeshift::discovery_internal {

/// True when \a text matches the glob \a pattern as git's wildmatch() decides it: `?`, `*`,
/// `[...]` classes (ranges, `!` or `^` negation, `[:alpha:]` and the other POSIX names),
/// backslash escapes. With \a pathname (WM_PATHNAME) `*`, `?` and classes never match a
/// `/`, and `**` between slashes (or at either end) matches any number of directories;
/// without it `*` matches anything. Case-sensitive.
bool WildMatch(std::string_view pattern, std::string_view text, bool pathname);

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_WILDMATCH_H_
