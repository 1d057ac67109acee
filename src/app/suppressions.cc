#include "app/suppressions.h"

namespace kubeshift {
namespace {

constexpr std::string_view kDirective = "kubeshift:ignore";

bool ListsRule(std::string_view list, std::string_view rule) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == rule) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// Looks for the directive in the comment part of \a text: after a '#' that starts the line
// or follows a blank, so that "#" inside a value like "a#b" does not count.
bool CommentSuppresses(std::string_view text, std::string_view rule, bool comment_line_only) {
  size_t hash = std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '#') continue;
    bool starts_comment = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t';
    if (!starts_comment) continue;
    hash = i;
    break;
  }
  if (hash == std::string_view::npos) return false;
  if (comment_line_only && text.find_first_not_of(" \t") != hash) return false;
  size_t at = text.find(kDirective, hash);
  if (at == std::string_view::npos) return false;
  std::string_view rest = text.substr(at + kDirective.size());
  if (rest.empty() || rest[0] == ' ' || rest[0] == '\t') return true;  // every rule
  if (rest[0] != '=') return false;
  rest.remove_prefix(1);
  size_t end = rest.find_first_of(" \t#");
  return ListsRule(rest.substr(0, end), rule);
}

}  // namespace

bool IsSuppressed(const LineIndex& lines, int line, std::string_view rule) {
  if (CommentSuppresses(lines.LineText(line), rule, /*comment_line_only=*/false)) return true;
  return line > 1 && CommentSuppresses(lines.LineText(line - 1), rule, /*comment_line_only=*/true);
}

}  // namespace kubeshift
