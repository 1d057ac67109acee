// Masking Go template actions so the YAML around them can be scanned in place.
#include <algorithm>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "kubeshift/template_mask.h"

namespace kubeshift {
namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The offset just past the "}}" that closes the action opened at \a open, skipping string
// literals and comments (both may contain "}}"). text.size() when it never closes.
size_t FindActionEnd(std::string_view text, size_t open) {
  size_t i = open + 2;
  if (i < text.size() && text[i] == '-') ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (text.substr(i, 2) == "/*") {
    size_t close = text.find("*/", i + 2);
    if (close == std::string_view::npos) return text.size();
    i = close + 2;
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') return i + 2;
    if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '`') {
      size_t close = text.find('`', i + 1);
      if (close == std::string_view::npos) return text.size();
      i = close;
    }
    ++i;
  }
  return text.size();
}

std::string_view Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

TemplateAction DescribeAction(std::string_view text, Range range) {
  TemplateAction action{range, {}, {}};
  size_t inner_end = range.end >= range.begin + 4 && text.substr(range.end - 2, 2) == "}}" ? range.end - 2 : range.end;
  std::string_view inner = Trim(text.substr(range.begin + 2, inner_end - (range.begin + 2)));
  if (inner.substr(0, 2) == "/*") return action;  // a comment
  size_t n = 0;
  while (n < inner.size() && IsIdentChar(inner[n])) ++n;
  action.keyword = inner.substr(0, n);
  action.body = Trim(inner.substr(n));
  return action;
}

// Replaces the action bytes of one line with filler. When nothing but actions and blanks
// is on the line it becomes a comment, which YAML ignores wherever it stands.
void MaskLine(std::string& out, size_t line_begin, size_t line_end, const std::vector<bool>& in_action) {
  bool only_actions = true;
  bool any_action = false;
  for (size_t i = line_begin; i < line_end; ++i) {
    if (in_action[i]) {
      any_action = true;
    } else if (out[i] != ' ' && out[i] != '\t' && out[i] != '\r') {
      only_actions = false;
    }
  }
  if (!any_action) return;
  bool first = true;
  for (size_t i = line_begin; i < line_end; ++i) {
    if (!in_action[i] || out[i] == '\r') continue;
    out[i] = only_actions ? (first ? '#' : ' ') : 'x';
    first = false;
  }
}

}  // namespace

bool MaskedTemplate::OverlapsAction(Range range) const {
  auto it = std::upper_bound(actions.begin(), actions.end(), range.begin,
                             [](size_t offset, const TemplateAction& a) { return offset < a.range.end; });
  return it != actions.end() && it->range.begin < std::max(range.end, range.begin + 1);
}

MaskedTemplate MaskTemplateActions(std::string_view text) {
  MaskedTemplate masked;
  masked.text.assign(text);
  std::vector<bool> in_action(text.size(), false);
  for (size_t i = text.find("{{"); i != std::string_view::npos; i = text.find("{{", i)) {
    size_t end = FindActionEnd(text, i);
    masked.actions.push_back(DescribeAction(text, Range{i, end}));
    for (size_t k = i; k < end; ++k) in_action[k] = text[k] != '\n';
    i = end;
  }
  if (masked.actions.empty()) return masked;
  size_t line = 0;
  while (line < text.size()) {
    const void* nl = std::memchr(text.data() + line, '\n', text.size() - line);
    size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    MaskLine(masked.text, line, line_end, in_action);
    line = line_end + 1;
  }
  return masked;
}

TemplateGuards::TemplateGuards(std::string_view text, const std::vector<TemplateAction>& actions) {
  struct Open {
    std::string_view keyword;
    std::string_view body;
    int line;
    bool in_else;
  };
  std::vector<Open> stack;
  size_t counted_to = 0;
  int line = 1;
  auto line_of = [&](size_t offset) {  // actions come in order: count incrementally
    line += static_cast<int>(std::count(text.begin() + static_cast<long>(counted_to),
                                        text.begin() + static_cast<long>(offset), '\n'));
    counted_to = offset;
    return line;
  };
  auto describe = [&]() -> std::string {
    if (stack.empty()) return {};
    const Open& top = stack.back();
    std::string body(top.body.substr(0, 80));
    if (top.body.size() > 80) body += "…";
    std::string opener = fmt::format("{{{{ {} {} }}}}", top.keyword, body);
    if (top.in_else) return fmt::format("in the {{{{ else }}}} branch of {} (line {})", opener, top.line);
    return fmt::format("inside {} (line {})", opener, top.line);
  };
  for (const TemplateAction& action : actions) {
    const std::string_view k = action.keyword;
    if (k == "if" || k == "with" || k == "range" || k == "define" || k == "block") {
      stack.push_back({k, action.body, line_of(action.range.begin), false});
    } else if (k == "else" && !stack.empty()) {
      if (action.body.empty()) {
        stack.back().in_else = true;
      } else {  // "else if …" / "else with …": a guard of its own
        stack.back() = {k, action.body, line_of(action.range.begin), false};
      }
    } else if (k == "end" && !stack.empty()) {
      stack.pop_back();
    } else {
      continue;
    }
    changes_.push_back({action.range.end, describe()});
  }
}

std::string TemplateGuards::DescribeAt(size_t offset) const {
  auto it = std::upper_bound(changes_.begin(), changes_.end(), offset,
                             [](size_t value, const Change& c) { return value < c.offset; });
  if (it == changes_.begin()) return {};
  return std::prev(it)->description;
}

}  // namespace kubeshift
