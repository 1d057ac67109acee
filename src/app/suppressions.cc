#include "app/suppressions.h"

namespace kubeshift {
namespace {

constexpr std::string_view kDirective = "kubeshift:ignore";

// "RULE[, RULE…]" at the start of \a list; anything after the last item (a note, a
// comment) is ignored.
bool ListsRule(std::string_view list, std::string_view rule) {
  auto is_id_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  size_t i = 0;
  while (true) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t start = i;
    while (i < list.size() && is_id_char(list[i])) ++i;
    if (i > start && list.substr(start, i - start) == rule) return true;
    while (i < list.size() && list[i] == ' ') ++i;
    if (i >= list.size() || list[i] != ',') return false;
    ++i;
  }
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
  size_t first = rest.find_first_not_of(" \t");
  if (first != std::string_view::npos && rest[first] == '=') {
    rest.remove_prefix(first);  // "ignore = rule" lists rules too: never widen it to every rule
  } else if (rest.empty() || rest[0] == ' ' || rest[0] == '\t') {
    return true;  // every rule
  }
  if (rest[0] != '=') return false;
  rest.remove_prefix(1);
  return ListsRule(rest, rule);
}

}  // namespace

bool IsSuppressed(const LineIndex& lines, int line, std::string_view rule) {
  if (CommentSuppresses(lines.LineText(line), rule, /*comment_line_only=*/false)) return true;
  return line > 1 && CommentSuppresses(lines.LineText(line - 1), rule, /*comment_line_only=*/true);
}

}  // namespace kubeshift
