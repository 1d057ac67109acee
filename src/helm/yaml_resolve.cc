// go-yaml v2 resolve.go: a table lookup for the fixed words, then numbers by their first
// character. Timestamps resolve but stay strings when decoded into interface{}.
#include "helm/yaml_resolve.h"

#include <cmath>
#include <string>

#include "helm/go_strconv.h"

namespace kubeshift::tmpl {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool IsYamlStyleFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  } else {
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

// Reads 1 or 2 digits (Go's time layouts "1", "2", "15", "4", "5") no larger than \a max.
bool Number12(std::string_view s, size_t* i, int max) {
  int n = 0, digits = 0;
  while (*i < s.size() && IsDigit(s[*i]) && digits < 2) {
    n = n * 10 + (s[*i] - '0');
    ++*i;
    ++digits;
  }
  return digits > 0 && n <= max;
}

// The timestamp layouts go-yaml v2 tries: date, date + time (+ zone for the T forms).
bool IsTimestamp(std::string_view s) {
  if (s.size() < 5 || !IsDigit(s[0]) || !IsDigit(s[1]) || !IsDigit(s[2]) || !IsDigit(s[3]) || s[4] != '-') return false;
  size_t i = 5;
  if (!Number12(s, &i, 12) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!Number12(s, &i, 31)) return false;
  if (i == s.size()) return true;
  const char sep = s[i];
  if (sep != 'T' && sep != 't' && sep != ' ') return false;
  ++i;
  if (!Number12(s, &i, 23) || i >= s.size() || s[i++] != ':') return false;
  if (!Number12(s, &i, 59) || i >= s.size() || s[i++] != ':') return false;
  if (!Number12(s, &i, 59)) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  if (sep == ' ') return i == s.size();
  if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
  if (i + 6 != s.size() || (s[i] != '+' && s[i] != '-')) return false;
  return IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && s[i + 3] == ':' && IsDigit(s[i + 4]) && IsDigit(s[i + 5]);
}

bool LookupWord(std::string_view s, Resolved* r) {
  static constexpr std::string_view kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  static constexpr std::string_view kNull[] = {"", "~", "null", "Null", "NULL"};
  for (std::string_view w : kTrue) {
    if (s == w) {
      r->tag = YamlTag::kBool;
      r->boolean = true;
      return true;
    }
  }
  for (std::string_view w : kFalse) {
    if (s == w) {
      r->tag = YamlTag::kBool;
      return true;
    }
  }
  for (std::string_view w : kNull) {
    if (s == w) {
      r->tag = YamlTag::kNull;
      return true;
    }
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    r->tag = YamlTag::kFloat;
    r->number = std::nan("");
    return true;
  }
  for (std::string_view w : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"}) {
    if (s == w) {
      r->tag = YamlTag::kFloat;
      r->number = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
      return true;
    }
  }
  if (s == "<<") {
    r->tag = YamlTag::kMerge;
    return true;
  }
  return false;
}

bool ResolveNumber(std::string_view in, Resolved* r) {
  std::string plain;
  for (char c : in) {
    if (c != '_') plain.push_back(c);
  }
  if (ParseGoInt(plain, 0, &r->integer)) {
    r->tag = YamlTag::kInt;
    return true;
  }
  if (ParseGoUint(plain, 0, &r->uinteger)) {
    r->tag = YamlTag::kInt;
    r->is_uint = true;
    return true;
  }
  if (IsYamlStyleFloat(plain) && ParseGoFloat(plain, &r->number)) {
    r->tag = YamlTag::kFloat;
    return true;
  }
  if (plain.starts_with("0b") && ParseGoInt(plain.substr(2), 2, &r->integer)) {
    r->tag = YamlTag::kInt;
    return true;
  }
  if (plain.starts_with("-0b") && ParseGoInt("-" + plain.substr(3), 2, &r->integer)) {
    r->tag = YamlTag::kInt;
    return true;
  }
  return false;
}

}  // namespace

Resolved ResolvePlain(std::string_view s) {
  Resolved r;
  if (LookupWord(s, &r)) return r;
  const char first = s.empty() ? 0 : s[0];
  if (first == '.') {
    if (ParseGoFloat(s, &r.number)) r.tag = YamlTag::kFloat;
    return r;
  }
  if (IsDigit(first) || first == '+' || first == '-') {
    if (IsTimestamp(s)) {
      r.tag = YamlTag::kTimestamp;
      return r;
    }
    ResolveNumber(s, &r);
  }
  return r;
}

// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool IsBase60Float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i >= s.size() || !IsDigit(s[i])) return false;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    if (i < s.size() && s[i] >= '0' && s[i] <= '5' && i + 1 < s.size() && IsDigit(s[i + 1])) i += 2;
    else if (i < s.size() && IsDigit(s[i])) ++i;
    else return false;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

}  // namespace kubeshift::tmpl
