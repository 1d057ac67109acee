// The "format" checks v6 asserts for drafts 4 to 7. Only the formats charts commonly use are
// checked; other names (known to v6 or not) pass, as unknown formats do in v6.
#include <arpa/inet.h>

#include <cctype>
#include <regex>

#include "jsonschema/schema_internal.h"

namespace kubeshift::jsonschema {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string Ipv4(std::string_view s) {
  int groups = 0;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!AllDigits(part) || part.size() > 3) return "expected four decimal numbers separated by dots";
    if (part.size() > 1 && part[0] == '0') return "leading zeros are not allowed";
    if (Number(part) > 255) return "each number must be at most 255";
    ++groups;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return groups == 4 ? "" : "expected four decimal numbers separated by dots";
}

std::string Ipv6(const std::string& s) {
  in6_addr addr;
  if (s.find(':') == std::string::npos || inet_pton(AF_INET6, s.c_str(), &addr) != 1) return "not an IPv6 address";
  return "";
}

std::string Hostname(std::string_view s) {
  if (s.ends_with('.')) s.remove_suffix(1);
  if (s.empty() || s.size() > 253) return "must be 1 to 253 characters long";
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63) return "each label must be 1 to 63 characters long";
    if (label.front() == '-' || label.back() == '-') return "a label must not start or end with '-'";
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return "invalid character in a label";
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return "";
}

std::string Email(std::string_view s) {
  const size_t at = s.rfind('@');
  if (at == std::string_view::npos) return "missing @";
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64) return "the local part must be 1 to 64 characters long";
  if (domain.starts_with('[') && domain.ends_with(']')) {
    std::string ip(domain.substr(1, domain.size() - 2));
    if (ip.starts_with("IPv6:")) return Ipv6(ip.substr(5)).empty() ? "" : "invalid IPv6 address";
    return Ipv4(ip).empty() ? "" : "invalid IPv4 address";
  }
  return Hostname(domain).empty() ? "" : "invalid domain";
}

std::string Date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) ||
      !AllDigits(s.substr(8, 2))) {
    return "expected YYYY-MM-DD";
  }
  const int y = Number(s.substr(0, 4)), m = Number(s.substr(5, 2)), d = Number(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return "month out of range";
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return "day out of range";
  return "";
}

std::string Time(std::string_view s) {
  if (s.size() < 9 || s[2] != ':' || s[5] != ':' || !AllDigits(s.substr(0, 2)) || !AllDigits(s.substr(3, 2)) ||
      !AllDigits(s.substr(6, 2))) {
    return "expected hh:mm:ss followed by a zone";
  }
  const int h = Number(s.substr(0, 2)), m = Number(s.substr(3, 2)), sec = Number(s.substr(6, 2));
  if (h > 23 || m > 59 || sec > 60) return "hour/min/sec out of range";
  std::string_view rest = s.substr(8);
  if (rest.starts_with('.')) {
    size_t n = 1;
    while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 1) return "no digits after the decimal point";
    rest.remove_prefix(n);
  }
  if (rest == "Z" || rest == "z") return "";
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !AllDigits(rest.substr(1, 2)) ||
      !AllDigits(rest.substr(4, 2)) || Number(rest.substr(1, 2)) > 23 || Number(rest.substr(4, 2)) > 59) {
    return "invalid zone offset";
  }
  return "";
}

std::string DateTime(std::string_view s) {
  if (s.size() < 20) return "less than 20 characters long";
  if (s[10] != 'T' && s[10] != 't') return "11th character must be t or T";
  if (std::string r = Date(s.substr(0, 10)); !r.empty()) return "invalid date element: " + r;
  if (std::string r = Time(s.substr(11)); !r.empty()) return "invalid time element: " + r;
  return "";
}

std::string Uuid(std::string_view s) {
  if (s.size() != 36) return "expected 36 characters";
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return "expected 8-4-4-4-12 hex digits";
  }
  return "";
}

std::string Uri(std::string_view s) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0]))) return "not absolute";
  for (size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "invalid scheme";
  }
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) return "contains white space";
  }
  return "";
}

std::string Regex(const std::string& s) {
  try {
    CompileRe2(s);
  } catch (const std::regex_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// v6 compiles patterns with Go's regexp (RE2 syntax); std::regex's ECMAScript grammar agrees on
// what charts write once the RE2-only spellings are rewritten: leading (?i)/(?m)/(?s) flags,
// (?P<name>...) groups, \A and \z. Unicode classes (\p{L}) are not supported.
namespace {

// A compile error with Go's message (std::regex_error's own texts are generic).
class Re2Error : public std::regex_error {
 public:
  explicit Re2Error(std::string message) : std::regex_error(std::regex_constants::error_badrepeat), message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string message_;
};

// The length of the repetition operator at expr[i] (*, +, ?, {n}, {n,}, {n,m}), or 0.
size_t RepeatLength(std::string_view expr, size_t i) {
  const char c = expr[i];
  if (c == '*' || c == '+' || c == '?') return 1;
  if (c != '{') return 0;
  size_t j = i + 1;
  const size_t digits = j;
  while (j < expr.size() && std::isdigit(static_cast<unsigned char>(expr[j]))) ++j;
  if (j == digits) return 0;
  if (j < expr.size() && expr[j] == ',') {
    ++j;
    while (j < expr.size() && std::isdigit(static_cast<unsigned char>(expr[j]))) ++j;
  }
  return j < expr.size() && expr[j] == '}' ? j + 1 - i : 0;
}

}  // namespace

std::regex CompileRe2(const std::string& pattern) {
  std::string_view expr = pattern;
  auto flags = std::regex::ECMAScript;
  bool dot_all = false;
  if (expr.starts_with("(?")) {
    const size_t close = expr.find(')');
    const std::string_view set = close == std::string_view::npos ? "" : expr.substr(2, close - 2);
    if (!set.empty() && set.find_first_not_of("ims") == std::string_view::npos) {
      if (set.find('i') != std::string_view::npos) flags |= std::regex::icase;
      if (set.find('m') != std::string_view::npos) flags |= std::regex::multiline;
      dot_all = set.find('s') != std::string_view::npos;
      expr.remove_prefix(close + 1);
    }
  }
  std::string out;
  bool in_class = false;
  // RE2 rejects a repetition of a repetition (a**, a+*, a{2}+; a*? is non-greedy): std::regex
  // takes them, and backtracks exponentially on them, so that a schema could hang validation.
  std::string_view last_repeat;
  bool lazy = false;
  for (size_t i = 0; i < expr.size(); ++i) {
    const char c = expr[i];
    const size_t repeat = in_class ? 0 : RepeatLength(expr, i);
    if (repeat > 0) {
      if (c == '?' && !last_repeat.empty() && !lazy) {
        lazy = true;
        last_repeat = std::string_view(last_repeat.data(), last_repeat.size() + 1);
      } else if (!last_repeat.empty()) {
        throw Re2Error("invalid nested repetition operator: `" + std::string(last_repeat) +
                       std::string(expr.substr(i, repeat)) + "`");
      } else {
        last_repeat = expr.substr(i, repeat);
        lazy = false;
      }
      out += expr.substr(i, repeat);
      i += repeat - 1;
      continue;
    }
    last_repeat = {};
    if (c == '\\' && i + 1 < expr.size()) {
      const char next = expr[++i];
      if (!in_class && next == 'A') out += '^';
      else if (!in_class && next == 'z') out += '$';
      else out += {'\\', next};
    } else if (in_class) {
      in_class = c != ']';
      out += c;
    } else if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < expr.size() && expr[i + 1] == ']') out += expr[++i];  // "[]...]": a literal ]
    } else if (expr.substr(i).starts_with("(?P<")) {
      const size_t close = expr.find('>', i);
      out += '(';
      i = close == std::string_view::npos ? expr.size() : close;
    } else if (c == '.' && dot_all) {
      out += "[\\s\\S]";
    } else {
      out += c;
    }
  }
  return std::regex(out, flags);
}

std::optional<std::string> CheckFormat(std::string_view format, const std::string& text) {
  if (format == "ipv4") return Ipv4(text);
  if (format == "ipv6") return Ipv6(text);
  if (format == "hostname") return Hostname(text);
  if (format == "email") return Email(text);
  if (format == "date") return Date(text);
  if (format == "time") return Time(text);
  if (format == "date-time") return DateTime(text);
  if (format == "uuid") return Uuid(text);
  if (format == "uri") return Uri(text);
  if (format == "regex") return Regex(text);
  return std::nullopt;
}

}  // namespace kubeshift::jsonschema
