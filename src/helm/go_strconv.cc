// strconv's number and quote parsing, with Go's exact acceptance rules: templates and values
// files depend on which texts are numbers ("0777" is octal, "1_000" is 1000, "08" is not).
#include "helm/go_strconv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "helm/go_unicode.h"

namespace kubeshift::tmpl {
namespace {

char Lower(char c) { return static_cast<char>(c | 0x20); }

// Go's underscoreOK: underscores only between digits (a base prefix counts as a digit).
bool UnderscoreOk(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (Lower(c) >= 'a' && Lower(c) <= 'z') return Lower(c) - 'a' + 10;
  return 99;
}

}  // namespace

bool ParseGoUint(std::string_view s, int base, uint64_t* out) {
  if (s.empty()) return false;
  const std::string_view original = s;
  const bool base0 = base == 0;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && Lower(s[1]) == 'b') { base = 2; s.remove_prefix(2); }
      else if (s.size() >= 3 && Lower(s[1]) == 'o') { base = 8; s.remove_prefix(2); }
      else if (s.size() >= 3 && Lower(s[1]) == 'x') { base = 16; s.remove_prefix(2); }
      else { base = 8; s.remove_prefix(1); }
    }
  }
  bool underscores = false;
  uint64_t n = 0;
  bool any = original[0] == '0' && base0;  // a lone "0" (or "0_") has its digit in the prefix
  for (char c : s) {
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    const int d = DigitValue(c);
    if (d >= base) return false;
    if (n > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    n = n * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    any = true;
  }
  if (!any || (underscores && !UnderscoreOk(original))) return false;
  *out = n;
  return true;
}

bool ParseGoInt(std::string_view s, int base, int64_t* out) {
  if (s.empty()) return false;
  bool neg = false;
  std::string_view digits = s;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    digits.remove_prefix(1);
  }
  uint64_t u = 0;
  if (!ParseGoUint(digits, base, &u)) return false;
  if (base == 0 && digits.find('_') != std::string_view::npos && !UnderscoreOk(s)) return false;
  if (neg) {
    if (u > static_cast<uint64_t>(INT64_MAX) + 1) return false;
    *out = static_cast<int64_t>(0 - u);
  } else {
    if (u > static_cast<uint64_t>(INT64_MAX)) return false;
    *out = static_cast<int64_t>(u);
  }
  return true;
}

bool ParseGoFloat(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string_view body = s;
  bool neg = false;
  if (body[0] == '+' || body[0] == '-') {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string lower;
  for (char c : body) lower.push_back(Lower(c));
  if (lower == "inf" || lower == "infinity") {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (lower == "nan") {
    *out = std::nan("");
    return true;
  }
  if (body.find('_') != std::string_view::npos && !UnderscoreOk(s)) return false;
  std::string clean;
  for (char c : s) {
    if (c != '_') clean.push_back(c);
  }
  const bool hex = lower.size() > 2 && lower[0] == '0' && lower[1] == 'x';
  // strtod is laxer than Go: check the shape first (digits, one dot, an exponent).
  size_t i = (clean[0] == '+' || clean[0] == '-') ? 1 : 0;
  if (hex) i += 2;
  bool digits = false, dot = false;
  for (; i < clean.size(); ++i) {
    const char c = clean[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) digits = true;
    else if (c == '.' && !dot) dot = true;
    else break;
  }
  if (!digits) return false;
  if (i < clean.size()) {
    if (Lower(clean[i]) != (hex ? 'p' : 'e')) return false;
    ++i;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) ++i;
    if (i >= clean.size()) return false;
    for (; i < clean.size(); ++i) {
      if (clean[i] < '0' || clean[i] > '9') return false;
    }
  } else if (hex) {
    return false;  // Go: a hexadecimal mantissa requires a 'p' exponent
  }
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (errno == ERANGE && std::isinf(v)) return false;
  *out = v;
  return true;
}

bool UnquoteGoChar(std::string_view s, char quote, uint32_t* value, bool* is_byte, size_t* consumed) {
  *is_byte = false;
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    int w = 1;
    *value = DecodeRune(s, 0, &w);
    *consumed = static_cast<size_t>(w);
    return true;
  }
  if (c != '\\') {
    *value = c;
    *consumed = 1;
    return true;
  }
  if (s.size() <= 1) return false;
  const char e = s[1];
  *consumed = 2;
  switch (e) {
    case 'a': *value = '\a'; return true;
    case 'b': *value = '\b'; return true;
    case 'f': *value = '\f'; return true;
    case 'n': *value = '\n'; return true;
    case 'r': *value = '\r'; return true;
    case 't': *value = '\t'; return true;
    case 'v': *value = '\v'; return true;
    case '\\': *value = '\\'; return true;
    case '\'': case '"':
      if (e != quote) return false;
      *value = static_cast<uint32_t>(e);
      return true;
    case 'x': case 'u': case 'U': {
      const size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() < 2 + n) return false;
      uint32_t v = 0;
      for (size_t i = 0; i < n; ++i) {
        const int d = DigitValue(s[2 + i]);
        if (d >= 16) return false;
        v = v * 16 + static_cast<uint32_t>(d);
      }
      if (e == 'x') {
        *is_byte = true;
      } else if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return false;
      }
      *value = v;
      *consumed = 2 + n;
      return true;
    }
    default:
      if (e >= '0' && e <= '7') {
        if (s.size() < 4) return false;
        uint32_t v = 0;
        for (size_t i = 1; i <= 3; ++i) {
          if (s[i] < '0' || s[i] > '7') return false;
          v = v * 8 + static_cast<uint32_t>(s[i] - '0');
        }
        if (v > 255) return false;
        *value = v;
        *is_byte = true;
        *consumed = 4;
        return true;
      }
      return false;
  }
}

bool UnquoteGo(std::string_view quoted, std::string* out) {
  out->clear();
  if (quoted.size() < 2 || quoted.front() != quoted.back()) return false;
  const char quote = quoted.front();
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  if (quote == '`') {
    if (body.find('`') != std::string_view::npos) return false;
    for (char c : body) {
      if (c != '\r') out->push_back(c);  // Go drops carriage returns from raw strings
    }
    return true;
  }
  if (quote != '"' && quote != '\'') return false;
  if (body.find('\n') != std::string_view::npos) return false;
  size_t runes = 0;
  while (!body.empty()) {
    uint32_t v = 0;
    bool is_byte = false;
    size_t used = 0;
    if (!UnquoteGoChar(body, quote, &v, &is_byte, &used)) return false;
    if (is_byte) out->push_back(static_cast<char>(v));
    else AppendRune(v, out);
    body.remove_prefix(used);
    ++runes;
  }
  return quote != '\'' || runes == 1;
}

}  // namespace kubeshift::tmpl
