// kubeshift — discovery: glob patterns for --exclude.
#include <string>
#include <string_view>
#include <vector>

#include "discovery/path_util.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

// Matches a "[...]" class starting at pat[*pi] == '[' against c. Advances *pi past the class.
// Returns -1 when the class is not closed (then '[' is an ordinary character).
int MatchClass(std::string_view pat, size_t* pi, char c) {
  size_t i = *pi + 1;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (pat[i] != ']' || first)) {
    first = false;
    char lo = pat[i];
    if (lo == '\\' && i + 1 < pat.size()) lo = pat[++i];
    char hi = lo;
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      hi = pat[i + 2];
      if (hi == '\\' && i + 3 < pat.size()) {
        hi = pat[i + 3];
        ++i;
      }
      i += 2;
    }
    if (static_cast<unsigned char>(lo) <= static_cast<unsigned char>(c) &&
        static_cast<unsigned char>(c) <= static_cast<unsigned char>(hi)) {
      matched = true;
    }
    ++i;
  }
  if (i >= pat.size()) return -1;
  *pi = i + 1;
  return matched != negate ? 1 : 0;
}

// One path segment against one pattern segment: "*" (any run), "?", "[...]", "\x".
bool MatchSegment(std::string_view pat, std::string_view s) {
  size_t pi = 0, si = 0;
  size_t star_pi = std::string_view::npos, star_si = 0;
  while (si < s.size()) {
    if (pi < pat.size()) {
      char p = pat[pi];
      if (p == '*') {
        while (pi < pat.size() && pat[pi] == '*') ++pi;
        star_pi = pi;
        star_si = si;
        continue;
      }
      if (p == '?') {
        ++pi;
        ++si;
        continue;
      }
      if (p == '[') {
        size_t next = pi;
        int r = MatchClass(pat, &next, s[si]);
        if (r == 1) {
          pi = next;
          ++si;
          continue;
        }
        if (r == -1 && s[si] == '[') {
          ++pi;
          ++si;
          continue;
        }
      } else {
        if (p == '\\' && pi + 1 < pat.size()) p = pat[pi + 1];
        if (p == s[si]) {
          pi += pat[pi] == '\\' && pi + 1 < pat.size() ? 2 : 1;
          ++si;
          continue;
        }
      }
    }
    if (star_pi == std::string_view::npos) return false;
    pi = star_pi;
    si = ++star_si;
  }
  while (pi < pat.size() && pat[pi] == '*') ++pi;
  return pi == pat.size();
}

// Pattern segments against path segments; a "**" segment matches zero or more segments.
bool MatchSegments(const std::vector<std::string_view>& pat, size_t pi,
                   const std::vector<std::string_view>& path, size_t si, size_t path_end) {
  while (pi < pat.size()) {
    if (pat[pi] == "**") {
      while (pi < pat.size() && pat[pi] == "**") ++pi;
      if (pi == pat.size()) return true;
      for (size_t k = si; k <= path_end; ++k) {
        if (MatchSegments(pat, pi, path, k, path_end)) return true;
      }
      return false;
    }
    if (si == path_end || !MatchSegment(pat[pi], path[si])) return false;
    ++pi;
    ++si;
  }
  return si == path_end;
}

std::string_view StripDotSlash(std::string_view s) {
  while (s.size() >= 2 && s[0] == '.' && s[1] == '/') {
    s.remove_prefix(2);
    while (!s.empty() && s[0] == '/') s.remove_prefix(1);
  }
  return s;
}

}  // namespace

namespace discovery_internal {
bool MatchGlobSegment(std::string_view pattern, std::string_view name) {
  return MatchSegment(pattern, name);
}
}  // namespace discovery_internal

bool GlobMatch(const std::string& pattern_in, const std::string& path_in) {
  std::string_view pattern = StripDotSlash(pattern_in);
  while (pattern.size() > 1 && pattern.back() == '/') pattern.remove_suffix(1);
  std::string_view path = StripDotSlash(path_in);
  if (pattern.empty() || path.empty()) return false;

  std::vector<std::string_view> path_segments = discovery_internal::SplitPath(path);
  if (pattern.find('/') == std::string_view::npos) {
    // A basename pattern: any component of the path ("**" is just "*" here).
    for (std::string_view segment : path_segments) {
      if (segment == "." || segment == "..") continue;
      if (MatchSegment(pattern, segment)) return true;
    }
    return false;
  }
  // Anchored at the start; absolute patterns only match absolute paths and vice versa.
  if ((pattern[0] == '/') != (path[0] == '/')) return false;
  std::vector<std::string_view> pattern_segments = discovery_internal::SplitPath(pattern);
  // The path matches when it, or one of its ancestor directories, matches.
  for (size_t end = 1; end <= path_segments.size(); ++end) {
    if (MatchSegments(pattern_segments, 0, path_segments, 0, end)) return true;
  }
  return false;
}

}  // namespace kubeshift
