// Go's strconv float forms and fmt's %v printing. Floats go through std::to_chars, whose
// shortest and fixed-precision outputs are exact like Go's; only the layout is Go's own.
#include "helm/go_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "helm/go_unicode.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

// The decimal digits of a non-negative double: value = 0.digits × 10^dp. Zero has no digits.
struct Digits {
  std::string d;
  int dp = 0;
};

Digits ToDigits(double a, int significant) {
  Digits out;
  if (a == 0) return out;
  char buf[64];
  auto res = significant < 0 ? std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific)
                             : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific, significant - 1);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  const size_t e = s.find('e');
  for (char c : s.substr(0, e)) {
    if (c != '.') out.d.push_back(c);
  }
  out.dp = std::atoi(std::string(s.substr(e + 1)).c_str()) + 1;
  while (out.d.size() > 1 && out.d.back() == '0') out.d.pop_back();
  return out;
}

void AppendE(const Digits& digs, int prec, char e, std::string* out) {
  out->push_back(digs.d.empty() ? '0' : digs.d[0]);
  if (prec > 0) {
    out->push_back('.');
    for (int i = 1; i <= prec; ++i) out->push_back(i < static_cast<int>(digs.d.size()) ? digs.d[i] : '0');
  }
  out->push_back(e);
  int exp = digs.d.empty() ? 0 : digs.dp - 1;
  out->push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp < 10) out->push_back('0');
  *out += std::to_string(exp);
}

void AppendF(const Digits& digs, int prec, std::string* out) {
  const int nd = static_cast<int>(digs.d.size());
  if (digs.dp > 0) {
    for (int i = 0; i < digs.dp; ++i) out->push_back(i < nd ? digs.d[i] : '0');
  } else {
    out->push_back('0');
  }
  if (prec > 0) {
    out->push_back('.');
    for (int i = 1; i <= prec; ++i) {
      const int j = digs.dp + i - 1;
      out->push_back(j >= 0 && j < nd ? digs.d[j] : '0');
    }
  }
}

void AppendG(const Digits& digs, int prec, bool shortest, char fmt, std::string* out) {
  const int nd = static_cast<int>(digs.d.size());
  int eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const int exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    AppendE(digs, prec - 1, fmt == 'G' ? 'E' : 'e', out);
    return;
  }
  if (prec > digs.dp) prec = nd;
  AppendF(digs, std::max(prec - digs.dp, 0), out);
}

}  // namespace

std::string FormatFloat(double f, char fmt, int prec) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  std::string out;
  if (std::signbit(f)) out.push_back('-');
  const double a = std::fabs(f);
  const bool shortest = prec < 0;
  switch (fmt) {
    case 'e':
    case 'E': {
      const Digits digs = ToDigits(a, shortest ? -1 : prec + 1);
      AppendE(digs, shortest ? std::max(static_cast<int>(digs.d.size()) - 1, 0) : prec, fmt, &out);
      break;
    }
    case 'f':
    case 'F': {
      if (shortest) {
        const Digits digs = ToDigits(a, -1);
        AppendF(digs, std::max(static_cast<int>(digs.d.size()) - digs.dp, 0), &out);
      } else {
        char buf[400];
        auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, prec);
        out.append(buf, res.ptr);
      }
      break;
    }
    default: {  // 'g', 'G'
      if (!shortest && prec == 0) prec = 1;
      const Digits digs = ToDigits(a, shortest ? -1 : prec);
      AppendG(digs, shortest ? static_cast<int>(digs.d.size()) : prec, shortest, fmt, &out);
      break;
    }
  }
  return out;
}

std::string FormatJsonFloat(double f) {
  const double a = std::fabs(f);
  const bool exponent = a != 0 && (a < 1e-6 || a >= 1e21);
  std::string s = FormatFloat(f, exponent ? 'e' : 'f', -1);
  const size_t n = s.size();
  if (exponent && n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
  return s;
}

std::string QuoteGo(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    const uint32_t r = DecodeRune(s, i, &w);
    if (r == kRuneError && w == 1) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    } else if (r == '"' || r == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(r));
    } else if (IsPrintRune(r)) {
      out.append(s.substr(i, static_cast<size_t>(w)));
    } else {
      switch (r) {
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default: {
          char buf[16];
          if (r < ' ' || r == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", r);
          } else if (r < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", r);
          } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", r);
          }
          out += buf;
        }
      }
    }
    i += static_cast<size_t>(w);
  }
  out.push_back('"');
  return out;
}

std::string FormatRuneU(uint32_t r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04X", r);
  std::string out = buf;
  if (IsPrintRune(r)) {
    out += " '";
    AppendRune(r, &out);
    out += "'";
  }
  return out;
}

namespace {

void AppendValueAt(const Value& v, std::string* out, int depth) {
  if (depth >= kMaxValueDepth && (v.IsList() || v.IsMap())) {
    *out += "...";
    return;
  }
  switch (v.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil: *out += "<nil>"; break;
    case Value::Kind::kBool: *out += v.AsBool() ? "true" : "false"; break;
    case Value::Kind::kInt:
    case Value::Kind::kInt64: *out += std::to_string(v.AsInt()); break;
    case Value::Kind::kFloat: *out += FormatFloat(v.AsFloat(), 'g', -1); break;
    case Value::Kind::kString: *out += v.AsString(); break;
    case Value::Kind::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.AsList()) {
        if (!first) out->push_back(' ');
        first = false;
        AppendValueAt(item, out, depth + 1);
      }
      out->push_back(']');
      break;
    }
    case Value::Kind::kMap: {
      *out += "map[";
      bool first = true;
      for (const auto& [key, value] : v.AsMap()) {
        if (!first) out->push_back(' ');
        first = false;
        *out += key;
        out->push_back(':');
        AppendValueAt(value, out, depth + 1);
      }
      out->push_back(']');
      break;
    }
    case Value::Kind::kObject: v.AsObject().Format(out); break;
    case Value::Kind::kFunction: *out += "0x1"; break;  // Go prints a code address
  }
}

}  // namespace

void AppendValue(const Value& v, std::string* out) { AppendValueAt(v, out, 0); }

std::string JsonTooDeepMessage() {
  return "json: unsupported value: encountered a cycle or nesting deeper than " + std::to_string(kMaxValueDepth) +
         " levels";
}

std::string ToString(const Value& v) {
  std::string out;
  AppendValue(v, &out);
  return out;
}

std::string Sprint(std::span<const Value> args) {
  std::string out;
  bool previous_string = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool is_string = args[i].IsString();
    if (i > 0 && !is_string && !previous_string) out.push_back(' ');
    AppendValue(args[i], &out);
    previous_string = is_string;
  }
  return out;
}

std::string Sprintln(std::span<const Value> args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out.push_back(' ');
    AppendValue(args[i], &out);
  }
  out.push_back('\n');
  return out;
}

}  // namespace kubeshift::tmpl
