// kubeshift — discovery: git's glob dialect, written after the behaviour of git's
// wildmatch.c (the same results, including its "abort" short cuts, which are visible: a
// failed `*/` or `**` attempt stops the search early).
#include "discovery/wildmatch.h"

#include <cctype>
#include <string_view>

namespace kubeshift::discovery_internal {
namespace {

enum class Result { kMatch, kNoMatch, kAbortAll, kAbortToStarStar };

int At(std::string_view s, size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

// \a name is a POSIX class name ("alpha"); nullopt-like -1 when it is not one.
int InClass(std::string_view name, int c) {
  if (name == "alnum") return std::isalnum(c) != 0;
  if (name == "alpha") return std::isalpha(c) != 0;
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c) != 0;
  if (name == "digit") return std::isdigit(c) != 0;
  if (name == "graph") return std::isgraph(c) != 0;
  if (name == "lower") return std::islower(c) != 0;
  if (name == "print") return std::isprint(c) != 0;
  if (name == "punct") return std::ispunct(c) != 0;
  if (name == "space") return std::isspace(c) != 0;
  if (name == "upper") return std::isupper(c) != 0;
  if (name == "xdigit") return std::isxdigit(c) != 0;
  return -1;
}

class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view text, bool pathname)
      : p_(pattern), t_(text), pathname_(pathname) {}

  Result Match(size_t pi, size_t ti) const {
    for (; pi < p_.size(); ++pi, ++ti) {
      const int pc = At(p_, pi);
      const int tc = At(t_, ti);
      if (ti >= t_.size() && pc != '*') return Result::kAbortAll;
      switch (pc) {
        case '\\':
          // A trailing backslash matches nothing (tc is never 0 here).
          if (tc != At(p_, ++pi)) return Result::kNoMatch;
          break;
        case '?':
          if (pathname_ && tc == '/') return Result::kNoMatch;
          break;
        case '*':
          return Star(pi, ti);
        case '[': {
          const Result r = Class(&pi, tc);
          if (r != Result::kMatch) return r;
          break;
        }
        default:
          if (tc != pc) return Result::kNoMatch;
      }
    }
    return ti < t_.size() ? Result::kNoMatch : Result::kMatch;
  }

 private:
  // The pattern at \a pi is a `*`: everything from there on, against the text from \a ti.
  Result Star(size_t pi, size_t ti) const {
    bool match_slash;
    if (At(p_, pi + 1) == '*') {
      const size_t first = pi;
      while (At(p_, pi + 1) == '*') ++pi;
      ++pi;  // past the stars
      const bool starts_component = first == 0 || p_[first - 1] == '/';
      const bool ends_component = pi == p_.size() || At(p_, pi) == '/' ||
                                  (At(p_, pi) == '\\' && At(p_, pi + 1) == '/');
      if (!pathname_) {
        match_slash = true;
      } else if (starts_component && ends_component) {
        // "**/" also matches no directory at all.
        if (At(p_, pi) == '/' && Match(pi + 1, ti) == Result::kMatch) return Result::kMatch;
        match_slash = true;
      } else {
        match_slash = false;  // "a**b" is just "a*b"
      }
    } else {
      ++pi;
      match_slash = !pathname_;
    }
    if (pi == p_.size()) {
      // A trailing "**" takes everything; a trailing "*" only what has no more slashes.
      if (!match_slash && t_.find('/', ti) != std::string_view::npos) return Result::kNoMatch;
      return Result::kMatch;
    }
    if (!match_slash && p_[pi] == '/') {
      // "*/" takes the rest of this path component.
      const size_t slash = t_.find('/', ti);
      if (slash == std::string_view::npos) return Result::kNoMatch;
      return Match(pi + 1, slash + 1);
    }
    for (; ti < t_.size(); ++ti) {
      const Result r = Match(pi, ti);
      if (r != Result::kNoMatch) {
        if (!match_slash || r != Result::kAbortToStarStar) return r;
      } else if (!match_slash && t_[ti] == '/') {
        return Result::kAbortToStarStar;
      }
    }
    return Result::kAbortAll;
  }

  // The pattern at *\a pi is a `[`; on a match *pi is left on its closing `]`.
  Result Class(size_t* pi_inout, int tc) const {
    size_t pi = *pi_inout + 1;
    int pc = At(p_, pi);
    if (pc == '^') pc = '!';
    const bool negated = pc == '!';
    if (negated) pc = At(p_, ++pi);
    int previous = 0;
    bool matched = false;
    do {
      if (pi >= p_.size()) return Result::kAbortAll;
      if (pc == '\\') {
        if (++pi >= p_.size()) return Result::kAbortAll;
        pc = At(p_, pi);
        if (tc == pc) matched = true;
      } else if (pc == '-' && previous != 0 && pi + 1 < p_.size() && p_[pi + 1] != ']') {
        pc = At(p_, ++pi);
        if (pc == '\\') {
          if (++pi >= p_.size()) return Result::kAbortAll;
          pc = At(p_, pi);
        }
        if (tc <= pc && tc >= previous) matched = true;
        pc = 0;  // a range cannot start another range
      } else if (pc == '[' && At(p_, pi + 1) == ':') {
        const size_t name_start = pi + 2;
        size_t close = name_start;
        while (close < p_.size() && p_[close] != ']') ++close;
        if (close >= p_.size()) return Result::kAbortAll;
        if (close < name_start + 1 || p_[close - 1] != ':') {
          // No ":]": the "[" is an ordinary member.
          if (tc == '[') matched = true;
        } else {
          const int in = InClass(p_.substr(name_start, close - 1 - name_start), tc);
          if (in < 0) return Result::kAbortAll;  // "[:nosuch:]"
          if (in > 0) matched = true;
          pi = close;
          pc = 0;
        }
      } else if (tc == pc) {
        matched = true;
      }
      previous = pc;
      pc = At(p_, ++pi);
    } while (pc != ']');
    if (matched == negated || (pathname_ && tc == '/')) return Result::kNoMatch;
    *pi_inout = pi;
    return Result::kMatch;
  }

  std::string_view p_;
  std::string_view t_;
  bool pathname_;
};

}  // namespace

bool WildMatch(std::string_view pattern, std::string_view text, bool pathname) {
  return Matcher(pattern, text, pathname).Match(0, 0) == Result::kMatch;
}

}  // namespace kubeshift::discovery_internal
