// Go's filepath.Match and gobwas/glob, both by backtracking over bytes.
#include "chart/glob.h"

#include <string>
#include <vector>

namespace kubeshift::chart {
namespace {

enum class M { kMatch, kNoMatch, kBad };

// A class "[...]" starting at p[i] == '['; sets *end past ']'. Go syntax when !gobwas
// ('^' negates, '\' escapes), gobwas syntax otherwise ('!' negates).
M MatchClass(std::string_view p, size_t i, char c, bool gobwas, size_t* end) {
  ++i;
  bool negate = false;
  if (i < p.size() && (p[i] == (gobwas ? '!' : '^'))) negate = true, ++i;
  bool matched = false;
  bool first = true;
  while (true) {
    if (i >= p.size()) return M::kBad;
    if (p[i] == ']' && !first) break;
    first = false;
    char lo = p[i];
    if (lo == '\\' && !gobwas) {
      if (++i >= p.size()) return M::kBad;
      lo = p[i];
    }
    ++i;
    char hi = lo;
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      hi = p[i + 1];
      if (hi == '\\' && !gobwas) {
        if (i + 2 >= p.size()) return M::kBad;
        hi = p[i + 2];
        ++i;
      }
      i += 2;
    }
    if (lo <= c && c <= hi) matched = true;
  }
  *end = i + 1;
  return matched != negate ? M::kMatch : M::kNoMatch;
}

M GoMatch(std::string_view p, std::string_view n) {
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '*') {
      while (i < p.size() && p[i] == '*') ++i;
      std::string_view rest = p.substr(i);
      bool bad = false;
      for (size_t k = 0; k <= n.size(); ++k) {
        M m = GoMatch(rest, n.substr(k));
        if (m == M::kMatch) return m;
        if (m == M::kBad) bad = true;
        if (k < n.size() && n[k] == '/') break;
      }
      return bad ? M::kBad : M::kNoMatch;
    }
    if (n.empty()) {
      // Go still reports a bad pattern in the rest.
      return ValidPathPattern(p.substr(i)) ? M::kNoMatch : M::kBad;
    }
    if (c == '?') {
      if (n[0] == '/') return M::kNoMatch;
      ++i;
    } else if (c == '[') {
      size_t end = 0;
      M m = MatchClass(p, i, n[0], false, &end);
      if (m != M::kMatch || n[0] == '/') return m == M::kBad ? m : M::kNoMatch;
      i = end;
    } else {
      char lit = c;
      if (c == '\\') {
        if (++i >= p.size()) return M::kBad;
        lit = p[i];
      }
      if (n[0] != lit) return M::kNoMatch;
      ++i;
    }
    n.remove_prefix(1);
  }
  return n.empty() ? M::kMatch : M::kNoMatch;
}

// The end of a "{...}" group starting at p[i] == '{', and its top-level alternatives.
bool SplitAlternatives(std::string_view p, size_t i, size_t* end, std::vector<std::string_view>* alts) {
  int depth = 0;
  size_t start = i + 1;
  for (size_t k = i; k < p.size(); ++k) {
    if (p[k] == '\\') {
      ++k;
    } else if (p[k] == '{') {
      ++depth;
    } else if (p[k] == '}') {
      if (--depth == 0) {
        alts->push_back(p.substr(start, k - start));
        *end = k + 1;
        return true;
      }
    } else if (p[k] == ',' && depth == 1) {
      alts->push_back(p.substr(start, k - start));
      start = k + 1;
    }
  }
  return false;
}

M Gobwas(std::string_view p, std::string_view n) {
  if (p.empty()) return n.empty() ? M::kMatch : M::kNoMatch;
  const char c = p[0];
  if (c == '*') {
    const bool super = p.size() > 1 && p[1] == '*';
    std::string_view rest = p.substr(super ? 2 : 1);
    for (size_t k = 0; k <= n.size(); ++k) {
      M m = Gobwas(rest, n.substr(k));
      if (m != M::kNoMatch) return m;
      if (!super && k < n.size() && n[k] == '/') break;
    }
    return M::kNoMatch;
  }
  if (c == '{') {
    size_t end = 0;
    std::vector<std::string_view> alts;
    if (!SplitAlternatives(p, 0, &end, &alts)) return M::kBad;
    for (std::string_view alt : alts) {
      M m = Gobwas(std::string(alt) + std::string(p.substr(end)), n);
      if (m != M::kNoMatch) return m;
    }
    return M::kNoMatch;
  }
  if (n.empty()) return M::kNoMatch;
  if (c == '?') return n[0] == '/' ? M::kNoMatch : Gobwas(p.substr(1), n.substr(1));
  if (c == '[') {
    size_t end = 0;
    M m = MatchClass(p, 0, n[0], true, &end);
    if (m != M::kMatch) return m;
    return Gobwas(p.substr(end), n.substr(1));
  }
  size_t skip = 1;
  char lit = c;
  if (c == '\\' && p.size() > 1) lit = p[1], skip = 2;
  return n[0] == lit ? Gobwas(p.substr(skip), n.substr(1)) : M::kNoMatch;
}

}  // namespace

bool ValidPathPattern(std::string_view pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      if (++i >= pattern.size()) return false;
    } else if (pattern[i] == '[') {
      size_t end = 0;
      if (MatchClass(pattern, i, '\0', false, &end) == M::kBad) return false;
      i = end - 1;
    }
  }
  return true;
}

bool PathMatch(std::string_view pattern, std::string_view name) { return GoMatch(pattern, name) == M::kMatch; }

bool GlobMatch(std::string_view pattern, std::string_view name, bool* valid) {
  M m = Gobwas(pattern, name);
  if (valid) *valid = m != M::kBad;
  return m == M::kMatch;
}

}  // namespace kubeshift::chart
