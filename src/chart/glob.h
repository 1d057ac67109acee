// Path patterns of the chart layer: Go's filepath.Match (.helmignore, --show-only) and
// gobwas/glob with '/' as separator (.Files.Glob).
#ifndef KUBESHIFT_CHART_GLOB_H_
#define KUBESHIFT_CHART_GLOB_H_

#include <string_view>

namespace kubeshift::chart {

/// Go's path/filepath.Match on '/'-separated names: `*`, `?`, `[a-z]`, `[^x]`, `\` escapes.
/// A malformed pattern matches nothing.
bool PathMatch(std::string_view pattern, std::string_view name);
/// True when \a pattern is well formed for PathMatch.
bool ValidPathPattern(std::string_view pattern);

/// gobwas/glob with separator '/': `*` stops at '/', `**` does not, `?`, `[abc]`, `[!a-z]`,
/// `{a,b}`. False for a pattern that does not compile.
bool GlobMatch(std::string_view pattern, std::string_view name, bool* valid = nullptr);

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_GLOB_H_
