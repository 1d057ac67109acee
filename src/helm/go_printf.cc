// fmt.Sprintf: Go's verbs, flags, width and precision, and its in-band error forms
// (%!d(string=x), %!s(MISSING), %!(EXTRA int=1)), which templates print rather than fail on.
#include <cmath>
#include <cstdio>

#include "helm/go_format.h"
#include "helm/go_unicode.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

struct Spec {
  bool plus = false, minus = false, sharp = false, space = false, zero = false;
  int width = -1;
  int prec = -1;
  uint32_t verb = 'v';
};

void Pad(const Spec& spec, std::string_view s, std::string* out, bool numeric = false) {
  const int n = static_cast<int>(RuneCount(s));
  const int fill = spec.width > n ? spec.width - n : 0;
  if (spec.minus) {
    out->append(s);
    out->append(static_cast<size_t>(fill), ' ');
    return;
  }
  if (spec.zero && fill > 0) {
    // Zeros go after a sign, as Go writes "-0005".
    size_t sign = numeric && !s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ') ? 1 : 0;
    out->append(s.substr(0, sign));
    out->append(static_cast<size_t>(fill), '0');
    out->append(s.substr(sign));
    return;
  }
  out->append(static_cast<size_t>(fill), ' ');
  out->append(s);
}

void BadVerb(const Spec& spec, const Value& v, std::string* out) {
  *out += "%!";
  AppendRune(spec.verb, out);
  out->push_back('(');
  if (v.IsNilish()) {
    *out += "<nil>";
  } else {
    *out += v.TypeName();
    out->push_back('=');
    AppendValue(v, out);
  }
  out->push_back(')');
}

void FormatInteger(const Spec& spec, int64_t i, std::string* out) {
  std::string digits;
  const bool neg = i < 0;
  const uint64_t u = neg ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  int base = 10;
  std::string prefix;
  switch (spec.verb) {
    case 'b': base = 2; if (spec.sharp) prefix = "0b"; break;
    case 'o': base = 8; if (spec.sharp) prefix = "0"; break;
    case 'O': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; if (spec.sharp) prefix = spec.verb == 'x' ? "0x" : "0X"; break;
    default: break;
  }
  const char* alphabet = spec.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  uint64_t rest = u;
  do {
    digits.insert(digits.begin(), alphabet[rest % static_cast<uint64_t>(base)]);
    rest /= static_cast<uint64_t>(base);
  } while (rest != 0);
  if (spec.prec >= 0) {
    if (spec.prec == 0 && u == 0) digits.clear();
    if (static_cast<int>(digits.size()) < spec.prec) {
      digits.insert(0, static_cast<size_t>(spec.prec) - digits.size(), '0');
    }
  }
  std::string s = neg ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  s += prefix + digits;
  Spec pad = spec;
  if (spec.prec >= 0) pad.zero = false;
  Pad(pad, s, out, true);
}

void FormatIntArg(const Spec& spec, const Value& v, std::string* out) {
  const int64_t i = v.AsInt();
  switch (spec.verb) {
    case 'c': {
      std::string s;
      AppendRune(static_cast<uint32_t>(i), &s);
      Pad(spec, s, out);
      return;
    }
    case 'q': {
      std::string s;
      AppendRune(static_cast<uint32_t>(i), &s);
      std::string q = QuoteGo(s);
      q.front() = q.back() = '\'';
      Pad(spec, q, out);
      return;
    }
    case 'U': {
      char buf[24];
      std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(i));
      Pad(spec, buf, out);
      return;
    }
    case 'v': case 'd': case 'b': case 'o': case 'O': case 'x': case 'X': {
      Spec s = spec;
      if (s.verb == 'v') s.verb = 'd';
      FormatInteger(s, i, out);
      return;
    }
    default: BadVerb(spec, v, out);
  }
}

void FormatFloatArg(const Spec& spec, const Value& v, std::string* out) {
  const double f = v.AsFloat();
  char fmt = 'g';
  int prec = spec.prec;
  switch (spec.verb) {
    case 'v': case 'g': case 'G': fmt = spec.verb == 'G' ? 'G' : 'g'; break;
    case 'e': case 'E': case 'f': case 'F':
      fmt = static_cast<char>(spec.verb);
      if (prec < 0) prec = 6;
      break;
    default: BadVerb(spec, v, out); return;
  }
  std::string s = FormatFloat(f, fmt, prec);
  if (s[0] != '-' && s[0] != '+') {
    if (spec.plus) s.insert(s.begin(), '+');
    else if (spec.space) s.insert(s.begin(), ' ');
  } else if (s == "+Inf" && !spec.plus) {
    s = spec.space ? " Inf" : "+Inf";
  }
  Spec pad = spec;
  if (std::isinf(f) || std::isnan(f)) pad.zero = false;
  Pad(pad, s, out, true);
}

void FormatStringArg(const Spec& spec, std::string_view s, const Value& v, std::string* out) {
  switch (spec.verb) {
    case 'v': case 's': {
      if (spec.prec >= 0) {
        size_t end = 0;
        for (int n = 0; n < spec.prec && end < s.size(); ++n) {
          int w = 1;
          DecodeRune(s, end, &w);
          end += static_cast<size_t>(w);
        }
        s = s.substr(0, end);
      }
      Pad(spec, s, out);
      return;
    }
    case 'q':
      if (spec.sharp && s.find('`') == std::string_view::npos) {
        Pad(spec, "`" + std::string(s) + "`", out);
      } else {
        Pad(spec, QuoteGo(s), out);
      }
      return;
    case 'x': case 'X': {
      std::string hex;
      const char* alphabet = spec.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
      for (unsigned char c : s) {
        if (spec.space && !hex.empty()) hex.push_back(' ');
        hex.push_back(alphabet[c >> 4]);
        hex.push_back(alphabet[c & 15]);
      }
      Pad(spec, hex, out);
      return;
    }
    default: BadVerb(spec, v, out);
  }
}

void FormatArg(const Spec& spec, const Value& v, std::string* out, int depth = 0);

// %#v: Go syntax, for the kinds templates hold.
void AppendGoSyntax(const Value& v, std::string* out, int depth = 0) {
  if (depth >= kMaxValueDepth && (v.IsList() || v.IsMap())) {
    *out += "...";
    return;
  }
  switch (v.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil: *out += "<nil>"; break;
    case Value::Kind::kString: *out += QuoteGo(v.AsString()); break;
    case Value::Kind::kList: {
      *out += v.TypeName() + "{";
      for (size_t i = 0; i < v.AsList().size(); ++i) {
        if (i > 0) *out += ", ";
        AppendGoSyntax(v.AsList()[i], out, depth + 1);
      }
      *out += "}";
      break;
    }
    case Value::Kind::kMap: {
      *out += "map[string]interface {}{";
      bool first = true;
      for (const auto& [key, value] : v.AsMap()) {
        if (!first) *out += ", ";
        first = false;
        *out += QuoteGo(key) + ":";
        AppendGoSyntax(value, out, depth + 1);
      }
      *out += "}";
      break;
    }
    default: AppendValue(v, out);
  }
}

void FormatArg(const Spec& spec, const Value& v, std::string* out, int depth) {
  if (depth >= kMaxValueDepth && (v.IsList() || v.IsMap())) {
    *out += "...";
    return;
  }
  if (spec.verb == 'T') {
    Pad(spec, v.IsNilish() ? "<nil>" : v.TypeName(), out);
    return;
  }
  if (spec.verb == 'v' && spec.sharp) {
    std::string s;
    AppendGoSyntax(v, &s);
    Pad(spec, s, out);
    return;
  }
  switch (v.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil:
      if (spec.verb == 'v') Pad(spec, "<nil>", out);
      else BadVerb(spec, v, out);
      return;
    case Value::Kind::kBool:
      if (spec.verb == 'v' || spec.verb == 't') Pad(spec, v.AsBool() ? "true" : "false", out);
      else BadVerb(spec, v, out);
      return;
    case Value::Kind::kInt:
    case Value::Kind::kInt64: FormatIntArg(spec, v, out); return;
    case Value::Kind::kFloat: FormatFloatArg(spec, v, out); return;
    case Value::Kind::kString: FormatStringArg(spec, v.AsString(), v, out); return;
    case Value::Kind::kList: {
      out->push_back('[');
      for (size_t i = 0; i < v.AsList().size(); ++i) {
        if (i > 0) out->push_back(' ');
        FormatArg(spec, v.AsList()[i], out, depth + 1);
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kMap: {
      *out += "map[";
      bool first = true;
      for (const auto& [key, value] : v.AsMap()) {
        if (!first) out->push_back(' ');
        first = false;
        FormatStringArg(spec, key, Value::String(key), out);
        out->push_back(':');
        FormatArg(spec, value, out, depth + 1);
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kObject:
      // fmt prints a []byte like a string for %s, %q, %x and %X.
      if (const std::string* bytes = v.AsObject().Bytes(); bytes && spec.verb != 'v' && spec.verb != 'd') {
        return FormatArg(spec, Value::String(*bytes), out);
      }
      [[fallthrough]];
    case Value::Kind::kFunction:
      if (spec.verb == 'v' || spec.verb == 's') Pad(spec, ToString(v), out);
      else BadVerb(spec, v, out);
      return;
  }
}

// Reads a width or precision: digits, or '*' taking an int argument.
int ReadNumber(std::string_view format, size_t* i, std::span<const Value> args, size_t* argi, bool* bad) {
  if (*i < format.size() && format[*i] == '*') {
    ++*i;
    // Go's fmt: a width or precision beyond ±1e6 is bad, like a non-integer.
    if (*argi < args.size() && args[*argi].IsInteger()) {
      const int64_t n = args[(*argi)++].AsInt();
      if (n >= -1000000 && n <= 1000000) return static_cast<int>(n);
      *bad = true;
      return -1;
    }
    if (*argi < args.size()) ++*argi;
    *bad = true;
    return -1;
  }
  int n = -1;
  while (*i < format.size() && format[*i] >= '0' && format[*i] <= '9') {
    n = (n < 0 ? 0 : n * 10) + (format[*i] - '0');
    if (n > 1000000) n = 1000000;
    ++*i;
  }
  return n;
}

// An explicit argument index "[n]" at \a *i (Go's argNumber): moves \a *argi to argument n
// (one-based) and marks the format reordered; a bad index clears \a *good. True when an
// index was there.
bool ArgIndex(std::string_view format, size_t* i, size_t num_args, size_t* argi, bool* reordered, bool* good) {
  if (*i >= format.size() || format[*i] != '[') return false;
  *reordered = true;
  const size_t close = format.find(']', *i + 1);
  if (format.size() - *i < 3 || close == std::string_view::npos) {  // no "]": skip the "["
    ++*i;
    *good = false;
    return false;
  }
  size_t n = 0;
  bool digits = close > *i + 1;
  for (size_t k = *i + 1; k < close && digits; ++k) {
    digits = format[k] >= '0' && format[k] <= '9';
    if (digits && n < 1000000) n = n * 10 + static_cast<size_t>(format[k] - '0');
  }
  *i = close + 1;
  if (digits && n >= 1 && n - 1 < num_args) *argi = n - 1;
  else *good = false;
  return digits;
}

}  // namespace

std::string Sprintf(std::string_view format, std::span<const Value> args) {
  std::string out;
  out.reserve(format.size() + 16);
  size_t argi = 0;
  bool reordered = false;
  for (size_t i = 0; i < format.size();) {
    const size_t percent = format.find('%', i);
    out.append(format.substr(i, percent == std::string_view::npos ? std::string_view::npos : percent - i));
    if (percent == std::string_view::npos) break;
    i = percent + 1;
    Spec spec;
    for (; i < format.size(); ++i) {
      const char c = format[i];
      if (c == '+') spec.plus = true;
      else if (c == '-') spec.minus = true;
      else if (c == '#') spec.sharp = true;
      else if (c == ' ') spec.space = true;
      else if (c == '0') spec.zero = !spec.minus;
      else break;
    }
    bool bad_width = false, bad_prec = false, good_arg = true;
    // "%[2]*[1]d": an index may come before a width, a precision and the verb.
    bool after_index = ArgIndex(format, &i, args.size(), &argi, &reordered, &good_arg);
    if (i < format.size() && format[i] == '*') after_index = false;
    else if (after_index && i < format.size() && format[i] >= '0' && format[i] <= '9') good_arg = false;  // "%[3]2d"
    spec.width = ReadNumber(format, &i, args, &argi, &bad_width);
    if (spec.width < -1) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (i < format.size() && format[i] == '.') {
      ++i;
      if (after_index) good_arg = false;  // "%[3].2d"
      after_index = ArgIndex(format, &i, args.size(), &argi, &reordered, &good_arg);
      if (i < format.size() && format[i] == '*') after_index = false;
      spec.prec = ReadNumber(format, &i, args, &argi, &bad_prec);
      if (spec.prec < 0) spec.prec = 0;
    }
    if (!after_index) ArgIndex(format, &i, args.size(), &argi, &reordered, &good_arg);
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    int w = 1;
    spec.verb = DecodeRune(format, i, &w);
    i += static_cast<size_t>(w);
    if (bad_width) out += "%!(BADWIDTH)";
    if (bad_prec) out += "%!(BADPREC)";
    if (spec.verb == '%') {
      out.push_back('%');
      continue;
    }
    if (spec.verb == 'v') spec.plus = false;  // Go: %+v is plusV (struct fields), not a sign
    if (!good_arg) {
      out += "%!";
      AppendRune(spec.verb, &out);
      out += "(BADINDEX)";
      continue;
    }
    if (argi >= args.size()) {
      out += "%!";
      AppendRune(spec.verb, &out);
      out += "(MISSING)";
      continue;
    }
    FormatArg(spec, args[argi++], &out);
  }
  if (!reordered && argi < args.size()) {
    out += "%!(EXTRA ";
    for (size_t k = argi; k < args.size(); ++k) {
      if (k > argi) out += ", ";
      if (args[k].IsNilish()) {
        out += "<nil>";
      } else {
        out += args[k].TypeName() + "=";
        AppendValue(args[k], &out);
      }
    }
    out.push_back(')');
  }
  return out;
}

}  // namespace kubeshift::tmpl
