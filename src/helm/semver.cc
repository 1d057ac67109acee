// Masterminds/semver v3: version parsing and comparison, and constraint checking with its
// wildcard ("dirty") rules and its prerelease rule: a version with a prerelease satisfies a
// constraint only when the constraint's own version has one (hence charts' "-0" suffixes).
#include "helm/semver.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "helm/go_strconv.h"

namespace kubeshift::tmpl {
namespace {

bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }
bool AllDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

bool ValidIdentifiers(std::string_view s, bool check_leading_zero) {
  if (s.empty()) return false;
  size_t at = 0;
  while (true) {
    const size_t dot = s.find('.', at);
    const std::string_view part = s.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at);
    if (part.empty()) return false;
    for (char c : part) {
      if (!IsIdentChar(c)) return false;
    }
    if (check_leading_zero && AllDigits(part) && part.size() > 1 && part[0] == '0') return false;
    if (dot == std::string_view::npos) return true;
    at = dot + 1;
  }
}

int ComparePart(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  uint64_t ai = 0, bi = 0;
  const bool an = AllDigits(a) && ParseGoUint(a, 10, &ai), bn = AllDigits(b) && ParseGoUint(b, 10, &bi);
  if (a.empty()) return bn ? -1 : 1;
  if (b.empty()) return an ? 1 : -1;
  if (an && bn) return ai > bi ? 1 : -1;
  if (an) return -1;  // numbers sort before words
  if (bn) return 1;
  return a > b ? 1 : -1;
}

int ComparePrerelease(std::string_view a, std::string_view b) {
  std::vector<std::string_view> as, bs;
  for (size_t at = 0;;) {
    const size_t dot = a.find('.', at);
    as.push_back(a.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at));
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  for (size_t at = 0;;) {
    const size_t dot = b.find('.', at);
    bs.push_back(b.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at));
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  for (size_t i = 0; i < std::max(as.size(), bs.size()); ++i) {
    const int d = ComparePart(i < as.size() ? as[i] : "", i < bs.size() ? bs[i] : "");
    if (d != 0) return d;
  }
  return 0;
}

struct Constraint {
  std::string op;
  std::string orig;
  SemVersion con;
  bool dirty = false, minor_dirty = false, patch_dirty = false;
};

bool IsWild(std::string_view s) { return s == "x" || s == "X" || s == "*"; }

// One "op version" pair; the version may use x/X/* wildcards and omit minor and patch.
bool ParseConstraint(std::string_view op, std::string_view text, Constraint* c) {
  c->op = std::string(op);
  c->orig = std::string(text);
  std::string_view rest = text;
  if (rest.starts_with("v")) rest.remove_prefix(1);
  std::string suffix;
  const size_t tail = rest.find_first_of("-+");
  if (tail != std::string_view::npos) {
    suffix = std::string(rest.substr(tail));
    rest = rest.substr(0, tail);
  }
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    const size_t dot = rest.find('.', at);
    parts.push_back(rest.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at));
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  if (parts.size() > 3) return false;
  for (std::string_view p : parts) {
    if (!AllDigits(p) && !IsWild(p)) return false;
  }
  std::string version;
  if (IsWild(parts[0])) {
    version = "0.0.0";
    c->dirty = true;
  } else if (parts.size() < 2 || IsWild(parts[1])) {
    version = std::string(parts[0]) + ".0.0";
    c->dirty = c->minor_dirty = true;
  } else if (parts.size() < 3 || IsWild(parts[2])) {
    version = std::string(parts[0]) + "." + std::string(parts[1]) + ".0";
    c->dirty = c->patch_dirty = true;
  } else {
    version = std::string(rest);
  }
  std::string error;
  return ParseSemver(version + suffix, &c->con, &error);
}

bool Check(const Constraint& c, const SemVersion& v) {
  const int cmp = CompareSemver(v, c.con);
  // A prerelease satisfies only constraints that name a prerelease themselves.
  const bool pre_blocked = !v.pre.empty() && c.con.pre.empty();
  if (pre_blocked && !(c.op == "!=" && !c.dirty)) return false;
  auto tilde = [&] {
    if (cmp < 0) return false;
    if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty) return true;
    if (v.major != c.con.major) return false;
    return v.minor == c.con.minor || c.minor_dirty;
  };
  const std::string& op = c.op;
  if (op.empty() || op == "=") return c.dirty ? tilde() : cmp == 0;
  if (op == "!=") {
    if (!c.dirty) return cmp != 0;
    if (c.con.major != v.major) return true;
    if (c.con.minor != v.minor && !c.minor_dirty) return true;
    if (c.minor_dirty) return false;
    if (c.con.patch != v.patch && !c.patch_dirty) return true;
    if (c.patch_dirty && (!v.pre.empty() || !c.con.pre.empty())) return ComparePrerelease(v.pre, c.con.pre) != 0;
    return false;
  }
  if (op == ">") {
    if (!c.dirty) return cmp > 0;
    if (v.major != c.con.major) return v.major > c.con.major;
    if (c.minor_dirty) return false;
    if (c.patch_dirty) return v.minor > c.con.minor;
    return cmp > 0;
  }
  if (op == "<") return cmp < 0;
  if (op == ">=" || op == "=>") return cmp >= 0;
  if (op == "<=" || op == "=<") {
    if (!c.dirty) return cmp <= 0;
    if (v.major > c.con.major) return false;
    return !(v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty);
  }
  if (op == "~" || op == "~>") return tilde();
  // "^": same major (or same minor / patch below 1.0.0).
  if (cmp < 0) return false;
  if (c.con.major > 0 || c.minor_dirty) return v.major == c.con.major;
  if (v.major > 0) return false;
  if (c.con.minor > 0 || c.patch_dirty) return v.minor == c.con.minor;
  if (v.minor > 0) return false;
  return v.patch == c.con.patch;
}

bool IsOpChar(char c) { return c == '=' || c == '!' || c == '<' || c == '>' || c == '~' || c == '^'; }
bool IsVersionChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == '*'; }

// An AND group: "op version" pairs separated by spaces or commas; "A - B" is ">= A, <= B".
bool ParseGroup(std::string_view text, std::vector<Constraint>* out) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t i = 0;
  auto skip = [&] { while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i; };
  skip();
  while (i < text.size()) {
    if (!pairs.empty()) {
      if (text[i] == ',') ++i;
      skip();
    }
    const size_t op_begin = i;
    while (i < text.size() && IsOpChar(text[i])) ++i;
    std::string op(text.substr(op_begin, i - op_begin));
    skip();
    const size_t version_begin = i;
    while (i < text.size() && IsVersionChar(text[i])) ++i;
    if (i == version_begin) return false;
    pairs.emplace_back(std::move(op), std::string(text.substr(version_begin, i - version_begin)));
    skip();
    // A hyphen range: "1.2 - 1.4.5".
    if (i + 1 < text.size() && text[i] == '-' && std::isspace(static_cast<unsigned char>(text[i + 1])) &&
        pairs.back().first.empty()) {
      ++i;
      skip();
      const size_t end_begin = i;
      while (i < text.size() && IsVersionChar(text[i])) ++i;
      if (i == end_begin) return false;
      pairs.back().first = ">=";
      pairs.emplace_back("<=", std::string(text.substr(end_begin, i - end_begin)));
      skip();
    }
  }
  if (pairs.empty()) pairs.emplace_back("", "*");
  static const std::vector<std::string> kOps = {"", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"};
  for (const auto& [op, version] : pairs) {
    if (std::find(kOps.begin(), kOps.end(), op) == kOps.end()) return false;
    Constraint c;
    if (!ParseConstraint(op, version, &c)) return false;
    out->push_back(std::move(c));
  }
  return true;
}

}  // namespace

std::string SemVersion::String() const {
  std::string s = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  if (!pre.empty()) s += "-" + pre;
  if (!metadata.empty()) s += "+" + metadata;
  return s;
}

bool ParseSemver(std::string_view text, SemVersion* out, std::string* error) {
  *out = SemVersion{};
  out->original = std::string(text);
  std::string_view rest = text;
  if (rest.starts_with("v")) rest.remove_prefix(1);
  const size_t plus = rest.find('+');
  if (plus != std::string_view::npos) {
    out->metadata = std::string(rest.substr(plus + 1));
    rest = rest.substr(0, plus);
    if (!ValidIdentifiers(out->metadata, false)) return (*error = "Invalid Semantic Version", false);
  }
  const size_t dash = rest.find('-');
  if (dash != std::string_view::npos) {
    out->pre = std::string(rest.substr(dash + 1));
    rest = rest.substr(0, dash);
    if (!ValidIdentifiers(out->pre, false)) return (*error = "Invalid Semantic Version", false);
    if (!ValidIdentifiers(out->pre, true)) return (*error = "Version segment starts with 0", false);
  }
  uint64_t* fields[3] = {&out->major, &out->minor, &out->patch};
  size_t at = 0;
  for (int i = 0; i < 3 && at <= rest.size(); ++i) {
    const size_t dot = rest.find('.', at);
    const std::string_view part = rest.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at);
    if (!AllDigits(part) || !ParseGoUint(part, 10, fields[i])) return (*error = "Invalid Semantic Version", false);
    if (dot == std::string_view::npos) return true;
    at = dot + 1;
    if (i == 2) return (*error = "Invalid Semantic Version", false);
  }
  return true;
}

int CompareSemver(const SemVersion& a, const SemVersion& b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch != b.patch) return a.patch < b.patch ? -1 : 1;
  if (a.pre.empty() && b.pre.empty()) return 0;
  if (a.pre.empty()) return 1;
  if (b.pre.empty()) return -1;
  return ComparePrerelease(a.pre, b.pre);
}

bool CheckSemverConstraint(std::string_view constraint, const SemVersion& version, bool* satisfied, std::string* error) {
  std::vector<std::vector<Constraint>> groups;
  for (size_t at = 0;;) {
    const size_t bar = constraint.find("||", at);
    const std::string_view part = constraint.substr(at, bar == std::string_view::npos ? std::string_view::npos : bar - at);
    groups.emplace_back();
    if (!ParseGroup(part, &groups.back())) {
      *error = "improper constraint: " + std::string(part);
      return false;
    }
    if (bar == std::string_view::npos) break;
    at = bar + 2;
  }
  *satisfied = false;
  for (const auto& group : groups) {
    bool all = true;
    for (const Constraint& c : group) all = all && Check(c, version);
    if (all) {
      *satisfied = true;
      break;
    }
  }
  return true;
}

}  // namespace kubeshift::tmpl
