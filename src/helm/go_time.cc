// Civil dates from Unix time (Howard Hinnant's algorithm) and Go's layout tokens.
#include "helm/go_time.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "helm/function_util.h"
#include "helm/go_format.h"

namespace kubeshift::tmpl {
namespace {

const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"};
const char* const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct Civil {
  int64_t year;
  int month, day, hour, minute, second, yday, wday;
};

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil ToCivil(const GoTime& t) {
  const int64_t local = t.unix + t.offset;
  int64_t days = local / 86400, secs = local % 86400;
  if (secs < 0) secs += 86400, --days;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  Civil c{y, m, d, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), 0, 0};
  c.yday = static_cast<int>(days - DaysFromCivil(y, 1, 1)) + 1;
  c.wday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

std::string Num(int64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(n));
  return buf;
}

std::string Offset(int offset, bool colon, bool seconds, bool z, bool hours_only) {
  if (z && offset == 0) return "Z";
  std::string out = offset < 0 ? "-" : "+";
  const int a = std::abs(offset);
  out += Num(a / 3600, 2);
  if (hours_only) return out;
  out += (colon ? ":" : "") + Num(a / 60 % 60, 2);
  if (seconds) out += (colon ? ":" : "") + Num(a % 60, 2);
  return out;
}

// The layout token at \a s (Go's nextStdChunk), or "" for a literal byte.
std::string_view Token(std::string_view s) {
  static const std::string_view kTokens[] = {
      "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06", "15", "__2", "_2",
      "-07:00:00", "-070000", "-07:00", "-0700", "-07", "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07",
      "PM", "pm", "1", "2", "3", "4", "5"};
  for (std::string_view t : kTokens) {
    if (s.starts_with(t)) return t;
  }
  if ((s.starts_with(".0") || s.starts_with(".9") || s.starts_with(",0") || s.starts_with(",9"))) {
    size_t n = 1;
    while (n < s.size() && s[n] == s[1]) ++n;
    if (n >= s.size() || s[n] < '0' || s[n] > '9') return s.substr(0, n);
  }
  return "";
}

}  // namespace

std::string FormatTime(const GoTime& t, std::string_view layout) {
  const Civil c = ToCivil(t);
  std::string out;
  while (!layout.empty()) {
    const std::string_view tok = Token(layout);
    if (tok.empty()) {
      out.push_back(layout[0]);
      layout.remove_prefix(1);
      continue;
    }
    layout.remove_prefix(tok.size());
    const int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    if (tok == "January") out += kMonths[c.month - 1];
    else if (tok == "Jan") out += std::string(kMonths[c.month - 1]).substr(0, 3);
    else if (tok == "Monday") out += kDays[c.wday];
    else if (tok == "Mon") out += std::string(kDays[c.wday]).substr(0, 3);
    else if (tok == "MST") out += t.zone.empty() ? Offset(t.offset, false, false, false, false) : t.zone;
    else if (tok == "2006") out += Num(c.year, 4);
    else if (tok == "06") out += Num(c.year % 100, 2);
    else if (tok == "002") out += Num(c.yday, 3);
    else if (tok == "__2") out += (c.yday < 100 ? std::string(c.yday < 10 ? "  " : " ") : "") + std::to_string(c.yday);
    else if (tok == "01") out += Num(c.month, 2);
    else if (tok == "1") out += std::to_string(c.month);
    else if (tok == "02") out += Num(c.day, 2);
    else if (tok == "_2") out += (c.day < 10 ? " " : "") + std::to_string(c.day);
    else if (tok == "2") out += std::to_string(c.day);
    else if (tok == "15") out += Num(c.hour, 2);
    else if (tok == "03") out += Num(h12, 2);
    else if (tok == "3") out += std::to_string(h12);
    else if (tok == "04") out += Num(c.minute, 2);
    else if (tok == "4") out += std::to_string(c.minute);
    else if (tok == "05") out += Num(c.second, 2);
    else if (tok == "5") out += std::to_string(c.second);
    else if (tok == "PM") out += c.hour >= 12 ? "PM" : "AM";
    else if (tok == "pm") out += c.hour >= 12 ? "pm" : "am";
    else if (tok[0] == '-' || tok[0] == 'Z') {
      const bool seconds = tok.ends_with(":00:00") || tok.ends_with("070000");
      out += Offset(t.offset, tok.find(':') != std::string_view::npos, seconds, tok[0] == 'Z', tok.size() == 3);
    } else {  // fractional seconds: .000 fixed, .999 trimmed
      std::string frac = Num(t.nanos, 9).substr(0, tok.size() - 1);
      if (tok[1] == '9') {
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        if (!frac.empty()) out += std::string(1, tok[0]) + frac;
      } else {
        out += std::string(1, tok[0]) + frac;
      }
    }
  }
  return out;
}

namespace {

bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Go's getnum: one or two digits (exactly two when \a fixed).
bool GetNum(std::string_view* s, bool fixed, int64_t* n) {
  if (!IsDigitAt(*s, 0)) return false;
  if (!IsDigitAt(*s, 1)) {
    if (fixed) return false;
    *n = (*s)[0] - '0';
    s->remove_prefix(1);
    return true;
  }
  *n = ((*s)[0] - '0') * 10 + ((*s)[1] - '0');
  s->remove_prefix(2);
  return true;
}

// Go's lookup: a case-insensitive (ASCII) match of one of \a names at the start of \a s.
bool LookupName(std::string_view* s, const char* const* names, size_t count, size_t len, int* index) {
  for (size_t i = 0; i < count; ++i) {
    const std::string_view name = std::string_view(names[i]).substr(0, len == 0 ? std::string_view::npos : len);
    if (s->size() < name.size()) continue;
    bool same = true;
    for (size_t j = 0; j < name.size() && same; ++j) same = std::tolower((*s)[j]) == std::tolower(name[j]);
    if (same) {
      s->remove_prefix(name.size());
      *index = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

// Go's parseTimeZone: the length of a zone abbreviation at the start of \a s, or 0.
size_t ZoneLength(std::string_view s) {
  if (s.size() < 3) return 0;
  if (s.starts_with("ChST") || s.starts_with("MeST")) return 4;
  if (s.starts_with("GMT")) {  // GMT, or GMT+h / GMT-hh
    if (s.size() > 3 && (s[3] == '+' || s[3] == '-')) {
      size_t n = 4;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
      return n > 4 && n <= 6 ? n : 3;
    }
    return 3;
  }
  size_t n = 0;
  while (n < s.size() && s[n] >= 'A' && s[n] <= 'Z') ++n;
  if (n == 3 || n == 5) return n;
  if (n == 4 && (s[3] == 'T' || s.starts_with("WITA"))) return 4;
  return 0;
}

int DaysIn(int64_t month, int64_t year) {
  static const int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) return 29;
  return kDaysIn[month - 1];
}

// What time.Parse has read so far.
struct Parsed {
  int64_t year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0;
  bool has_offset = false, pm = false, am = false;
  int offset = 0;
  std::string zone_name;
};

// Reads "." or "," and \a digits digits (all of them when 0) into the nanoseconds.
bool ParseFraction(std::string_view* value, size_t digits, int64_t* nanos) {
  if (value->size() < 2 || ((*value)[0] != '.' && (*value)[0] != ',')) return false;
  size_t n = 1;
  while (IsDigitAt(*value, n) && (digits == 0 || n <= digits)) ++n;
  if (n < 2 || (digits != 0 && n != digits + 1)) return false;
  int64_t frac = 0;
  for (size_t i = 1; i < n && i <= 9; ++i) frac = frac * 10 + ((*value)[i] - '0');
  for (size_t i = n - 1; i < 9; ++i) frac *= 10;
  *nanos = frac;
  value->remove_prefix(n);
  return true;
}

// A numeric zone offset for a layout element such as "-0700", "Z07:00" or "-07".
bool ParseOffset(std::string_view tok, std::string_view* value, Parsed* p, std::string* range) {
  if (tok[0] == 'Z' && !value->empty() && (*value)[0] == 'Z') {
    value->remove_prefix(1);
    p->has_offset = true;
    p->offset = 0;
    return true;
  }
  const std::string_view shape = tok.substr(1);  // 07, 0700, 07:00, 070000, 07:00:00
  const bool colon = shape.find(':') != std::string_view::npos;
  const size_t need = 1 + shape.size();
  const std::string_view v = *value;
  if (v.size() < need || (colon && (v[3] != ':' || (shape.size() == 8 && v[6] != ':')))) return false;
  std::string_view h = v.substr(1, 2), m = "00", sec = "00";
  if (shape.size() >= 4) m = v.substr(colon ? 4 : 3, 2);
  if (shape.size() >= 6) sec = v.substr(colon ? 7 : 5, 2);
  int64_t hh = 0, mm = 0, ss = 0;
  if (!GetNum(&h, true, &hh) || !GetNum(&m, true, &mm) || !GetNum(&sec, true, &ss)) return false;
  if (v[0] != '+' && v[0] != '-') return false;
  if (hh > 24) *range = "time zone offset hour";
  if (mm > 60) *range = "time zone offset minute";
  if (ss > 60) *range = "time zone offset second";
  p->offset = static_cast<int>((hh * 60 + mm) * 60 + ss) * (v[0] == '-' ? -1 : 1);
  p->has_offset = true;
  value->remove_prefix(need);
  return true;
}

// One layout element \a tok (Go's std chunk) read from \a value; \a rest is the layout after
// it. False when the value does not fit; \a range names a field read but out of range.
bool ParseElement(std::string_view tok, std::string_view rest, std::string_view* value, Parsed* p, std::string* range) {
  std::string_view& v = *value;
  int index = 0;
  if (tok == "2006") {
    if (v.size() < 4 || !IsDigitAt(v, 0) || !IsDigitAt(v, 1) || !IsDigitAt(v, 2) || !IsDigitAt(v, 3)) return false;
    p->year = std::stoll(std::string(v.substr(0, 4)));
    v.remove_prefix(4);
  } else if (tok == "06") {
    if (!IsDigitAt(v, 0) || !IsDigitAt(v, 1)) return false;
    p->year = (v[0] - '0') * 10 + (v[1] - '0');
    p->year += p->year >= 69 ? 1900 : 2000;
    v.remove_prefix(2);
  } else if (tok == "Jan" || tok == "January") {
    if (!LookupName(&v, kMonths, 12, tok == "Jan" ? 3 : 0, &index)) return false;
    p->month = index + 1;
  } else if (tok == "Mon" || tok == "Monday") {
    return LookupName(&v, kDays, 7, tok == "Mon" ? 3 : 0, &index);
  } else if (tok == "01" || tok == "1") {
    if (!GetNum(&v, tok == "01", &p->month)) return false;
    if (p->month <= 0 || p->month > 12) *range = "month";
  } else if (tok == "02" || tok == "2" || tok == "_2") {
    if (tok == "_2" && !v.empty() && v[0] == ' ') v.remove_prefix(1);
    return GetNum(&v, tok == "02", &p->day);  // checked against the month at the end
  } else if (tok == "15" || tok == "03" || tok == "3") {
    if (!GetNum(&v, tok == "03", &p->hour)) return false;
    if (p->hour >= (tok == "15" ? 24 : 13)) *range = "hour";
  } else if (tok == "04" || tok == "4") {
    if (!GetNum(&v, tok == "04", &p->minute)) return false;
    if (p->minute >= 60) *range = "minute";
  } else if (tok == "05" || tok == "5") {
    if (!GetNum(&v, tok == "05", &p->second)) return false;
    if (p->second >= 60) *range = "second";
    // A fraction the layout does not ask for right here is read anyway.
    const std::string_view next = Token(rest);
    if (range->empty() && !(next.size() > 1 && (next[0] == '.' || next[0] == ',')) && IsDigitAt(v, 1)) {
      ParseFraction(&v, 0, &p->nanos);
    }
  } else if (tok == "PM" || tok == "pm") {
    if (v.size() < 2) return false;
    const std::string_view ampm = v.substr(0, 2);
    v.remove_prefix(2);
    p->pm = ampm == (tok == "PM" ? "PM" : "pm");
    p->am = ampm == (tok == "PM" ? "AM" : "am");
    return p->pm || p->am;
  } else if (tok[0] == '-' || tok[0] == 'Z') {
    return ParseOffset(tok, &v, p, range);
  } else if (tok == "MST") {
    if (v.starts_with("UTC")) {
      v.remove_prefix(3);
      p->has_offset = true;
      p->offset = 0;
    } else if (const size_t n = ZoneLength(v); n > 0) {
      p->zone_name = std::string(v.substr(0, n));
      v.remove_prefix(n);
    } else {
      return false;
    }
  } else if (tok[0] == '.' || tok[0] == ',') {
    if (tok[1] == '0') return ParseFraction(&v, tok.size() - 1, &p->nanos);  // .000: exactly that many
    ParseFraction(&v, 0, &p->nanos);  // .999: optional
  } else {
    return false;  // day of year (002, __2) is not read
  }
  return true;
}

}  // namespace

// Go's time.Parse in a UTC location, element by element as its parse loop runs, with its
// error texts ("cannot parse … as …", "month out of range", "extra text").
bool ParseTime(std::string_view layout, std::string_view value, GoTime* out, std::string* error) {
  const std::string all_layout(layout), all_value(value);
  auto parse_error = [&](std::string_view layout_elem, std::string_view value_elem, const std::string& message) {
    *error = "parsing time " + QuoteGo(all_value);
    if (!message.empty()) *error += message;
    else *error += " as " + QuoteGo(all_layout) + ": cannot parse " + QuoteGo(value_elem) + " as " +
                   QuoteGo(layout_elem);
    return false;
  };
  Parsed p;
  for (;;) {
    size_t literal = 0;
    while (literal < layout.size() && Token(layout.substr(literal)).empty()) ++literal;
    // Go's skip: the literal text before the next element; a space matches any run of spaces.
    for (std::string_view prefix = layout.substr(0, literal); !prefix.empty();) {
      if (prefix[0] == ' ') {
        if (!value.empty() && value[0] != ' ') return parse_error(layout.substr(0, literal), value, "");
        while (!prefix.empty() && prefix[0] == ' ') prefix.remove_prefix(1);
        while (!value.empty() && value[0] == ' ') value.remove_prefix(1);
        continue;
      }
      if (value.empty() || value[0] != prefix[0]) return parse_error(layout.substr(0, literal), value, "");
      prefix.remove_prefix(1);
      value.remove_prefix(1);
    }
    if (literal >= layout.size()) break;
    const std::string_view tok = Token(layout.substr(literal));
    layout.remove_prefix(literal + tok.size());
    const std::string_view hold = value;
    std::string range;
    const bool ok = ParseElement(tok, layout, &value, &p, &range);
    if (!range.empty()) return parse_error(tok, value, ": " + range + " out of range");
    if (!ok) return parse_error(tok, hold, "");
  }
  if (!value.empty()) return parse_error("", value, ": extra text: " + QuoteGo(value));
  if (p.pm && p.hour < 12) p.hour += 12;
  else if (p.am && p.hour == 12) p.hour = 0;
  if (p.day < 1 || p.day > DaysIn(p.month, p.year)) return parse_error("", value, ": day out of range");
  int offset = 0;
  std::string zone = "UTC";
  if (p.has_offset) {
    offset = p.offset;
    if (offset != 0) zone = "";  // Go's FixedZone("", offset)
  } else if (!p.zone_name.empty()) {
    // An abbreviation the (UTC) local zone does not know: Go keeps the name with offset 0,
    // or the hours of a GMT+h form.
    zone = p.zone_name;
    if (zone.size() > 3 && zone.starts_with("GMT")) offset = std::stoi(zone.substr(3)) * 3600;
  }
  out->unix = DaysFromCivil(p.year, static_cast<int>(p.month), static_cast<int>(p.day)) * 86400 + p.hour * 3600 +
              p.minute * 60 + p.second - offset;
  out->nanos = p.nanos;
  out->offset = offset;
  out->zone = zone;
  return true;
}

std::string FormatDuration(int64_t d) {
  if (d == 0) return "0s";
  const bool neg = d < 0;
  const uint64_t u = neg ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  auto frac = [](uint64_t v, int digits) {
    std::string s = Num(static_cast<int64_t>(v), digits);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s.empty() ? std::string() : "." + s;
  };
  std::string out;
  if (u < 1000000000ULL) {
    if (u < 1000) out = std::to_string(u) + "ns";
    else if (u < 1000000) out = std::to_string(u / 1000) + frac(u % 1000, 3) + "\xC2\xB5s";
    else out = std::to_string(u / 1000000) + frac(u % 1000000, 6) + "ms";
  } else {
    const uint64_t secs = u / 1000000000ULL;
    out = std::to_string(secs % 60) + frac(u % 1000000000ULL, 9) + "s";
    if (secs >= 60) {
      out = std::to_string(secs / 60 % 60) + "m" + out;
      if (secs >= 3600) out = std::to_string(secs / 3600) + "h" + out;
    }
  }
  return neg ? "-" + out : out;
}

bool ParseDuration(std::string_view s, int64_t* nanos, std::string* error) {
  const std::string original(s);
  auto fail = [&] {
    *error = "time: invalid duration \"" + original + "\"";
    return false;
  };
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) neg = s[0] == '-', s.remove_prefix(1);
  if (s == "0") return (*nanos = 0, true);
  if (s.empty()) return fail();
  double total = 0;
  while (!s.empty()) {
    size_t n = 0;
    while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
    if (n == 0) return fail();
    const double value = std::stod(std::string(s.substr(0, n)));
    s.remove_prefix(n);
    static const std::pair<std::string_view, double> kUnits[] = {
        {"ns", 1}, {"us", 1e3}, {"\xC2\xB5s", 1e3}, {"\xCE\xBCs", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}};
    bool found = false;
    for (const auto& [unit, scale] : kUnits) {
      if (s.starts_with(unit) && !(unit == "m" && s.starts_with("ms"))) {
        total += value * scale;
        s.remove_prefix(unit.size());
        found = true;
        break;
      }
    }
    if (!found) return fail();
  }
  *nanos = static_cast<int64_t>(neg ? -total : total);
  return true;
}

}  // namespace kubeshift::tmpl
