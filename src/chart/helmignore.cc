// .helmignore, as Helm's pkg/ignore reads and applies it.
#include "chart/helmignore.h"

#include "chart/glob.h"

namespace kubeshift::chart {
namespace {

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool IgnoreRules::AddRule(std::string_view rule, std::string* error) {
  rule = TrimSpace(rule);
  if (rule.empty() || rule.front() == '#') return true;
  if (rule.find("**") != std::string_view::npos) {
    *error = "double-star (**) syntax is not supported";
    return false;
  }
  if (!ValidPathPattern(rule)) {
    *error = "syntax error in pattern";
    return false;
  }
  Rule r;
  if (rule.front() == '!') r.negate = true, rule.remove_prefix(1);
  if (!rule.empty() && rule.back() == '/') r.must_dir = true, rule.remove_suffix(1);
  if (!rule.empty() && rule.front() == '/') {
    r.scope = Rule::Scope::kRoot;
    rule.remove_prefix(1);
  } else if (rule.find('/') != std::string_view::npos) {
    r.scope = Rule::Scope::kPath;
  }
  r.pattern = std::string(rule);
  rules_.push_back(std::move(r));
  return true;
}

bool IgnoreRules::Parse(std::string_view text, std::string* error) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!AddRule(line, error)) return false;
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return true;
}

void IgnoreRules::AddDefaults() {
  std::string unused;
  AddRule("templates/.?*", &unused);
}

bool IgnoreRules::Ignore(std::string_view path, bool is_dir) const {
  if (path.empty() || path == "." || path == "./") return false;
  for (const Rule& rule : rules_) {
    const std::string_view subject = rule.scope == Rule::Scope::kBase ? BaseName(path) : path;
    const bool matched = PathMatch(rule.pattern, subject);
    if (rule.negate) {
      // Helm's quirk, kept: a negated rule ignores everything it does not match.
      if (rule.must_dir && !is_dir) return true;
      if (!matched) return true;
      continue;
    }
    if (rule.must_dir && !is_dir) continue;
    if (matched) return true;
  }
  return false;
}

}  // namespace kubeshift::chart
