// kubeshift — discovery: parsing and matching gitignore patterns (gitignore(5)).
#include "discovery/ignore_rules.h"

#include <string>
#include <string_view>
#include <utility>

#include "discovery/wildmatch.h"

namespace kubeshift::discovery_internal {
namespace {

// Drops trailing spaces that are not escaped, as git's trim_trailing_spaces() does: only
// spaces (not tabs), and "\ " keeps its space.
std::string_view TrimTrailingSpaces(std::string_view line) {
  size_t keep = line.size();
  size_t i = 0;
  bool in_spaces = false;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ') {
      if (!in_spaces) keep = i;
      in_spaces = true;
      ++i;
      continue;
    }
    in_spaces = false;
    i += c == '\\' ? 2 : 1;
  }
  return line.substr(0, in_spaces ? keep : line.size());
}

bool ParseLine(std::string_view line, IgnorePattern* out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return false;
  line = TrimTrailingSpaces(line);
  if (!line.empty() && line.front() == '!') {
    out->negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    out->dir_only = true;
    line.remove_suffix(1);
  }
  out->full_path = line.find('/') != std::string_view::npos;
  if (!line.empty() && line.front() == '/') line.remove_prefix(1);
  if (line.empty()) return false;
  out->glob.assign(line);
  return true;
}

}  // namespace

IgnoreFile ParseIgnoreFile(std::string_view text, std::string base) {
  IgnoreFile file;
  file.base = std::move(base);
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    IgnorePattern pattern;
    if (ParseLine(line, &pattern)) file.patterns.push_back(std::move(pattern));
  }
  return file;
}

IgnoreVerdict MatchIgnoreFile(const IgnoreFile& file, std::string_view path, bool is_dir) {
  if (file.patterns.empty() || !path.starts_with(file.base)) return IgnoreVerdict::kNone;
  const std::string_view below = path.substr(file.base.size());
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto it = file.patterns.rbegin(); it != file.patterns.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    const bool match = it->full_path ? WildMatch(it->glob, below, /*pathname=*/true)
                                     : WildMatch(it->glob, name, /*pathname=*/false);
    if (match) return it->negated ? IgnoreVerdict::kIncluded : IgnoreVerdict::kIgnored;
  }
  return IgnoreVerdict::kNone;
}

}  // namespace kubeshift::discovery_internal
