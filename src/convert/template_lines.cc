#include "convert/template_lines.h"

#include <limits>

namespace kubeshift::template_lines {
namespace {

size_t LineStart(std::string_view text, size_t offset) {
  const size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// The mask writes "#" and one blank per byte of the action ("{{}}" has four): at least three
// blanks, and nothing else on the line. An empty comment of a manifest has none.
bool IsMaskedAction(std::string_view line) {
  const size_t hash = line.find_first_not_of(' ');
  if (hash == std::string_view::npos || line[hash] != '#') return false;
  const std::string_view rest = line.substr(hash + 1);
  return rest.size() >= 3 && rest.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Whether a masked action comes after the line of \a from, before a line of content
// indented less than \a min_indent.
bool ActionFollows(std::string_view text, size_t from, size_t min_indent) {
  size_t pos = text.find('\n', from);
  while (pos != std::string_view::npos && pos + 1 < text.size()) {
    const size_t begin = pos + 1;
    pos = text.find('\n', begin);
    const std::string_view line = text.substr(begin, (pos == std::string_view::npos ? text.size() : pos) - begin);
    const size_t first = line.find_first_not_of(" \r");
    if (first == std::string_view::npos) continue;
    if (IsMaskedAction(line)) return true;
    if (line[first] == '#') continue;
    if (first < min_indent || line.substr(first, 3) == "---") return false;
  }
  return false;
}

}  // namespace

bool ValueFromAction(std::string_view text, const YamlNode& map, size_t index) {
  if (map.flow || index >= map.keys.size() || !map.values[index].IsNull()) return false;
  return ActionFollows(text, map.keys[index].begin, std::numeric_limits<size_t>::max());
}

bool HasActionLines(std::string_view text, const YamlNode& map) {
  if (!map.IsMap() || map.flow || map.keys.empty()) return false;
  const size_t first_key = map.keys.front().begin;
  return ActionFollows(text, first_key, first_key - LineStart(text, first_key));
}

bool ActionLinesBetween(std::string_view text, size_t begin, size_t end) {
  for (size_t pos = LineStart(text, begin); pos < end && pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    if (IsMaskedAction(text.substr(pos, line_end - pos))) return true;
    pos = line_end + 1;
  }
  return false;
}

}  // namespace kubeshift::template_lines
