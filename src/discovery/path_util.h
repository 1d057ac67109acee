// kubeshift — discovery: small string helpers on "/"-separated paths (private).
#ifndef KUBESHIFT_DISCOVERY_PATH_UTIL_H_
#define KUBESHIFT_DISCOVERY_PATH_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::discovery_internal {

/// The non-empty "/"-separated components of \a path.
inline std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

/// The last component of \a path (the whole path when it has no "/").
inline std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// \a path joined with \a name by one "/"; an empty \a path gives \a name.
inline std::string JoinPath(std::string_view path, std::string_view name) {
  std::string out;
  out.reserve(path.size() + name.size() + 1);
  out.append(path);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

/// One name against one glob segment ("*", "?", "[abc]", "[!abc]", backslash escapes).
bool MatchGlobSegment(std::string_view pattern, std::string_view name);

/// ASCII lower case.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_PATH_UTIL_H_
