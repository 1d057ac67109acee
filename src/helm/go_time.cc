// Civil dates from Unix time (Howard Hinnant's algorithm) and Go's layout tokens.
#include "helm/go_time.h"

#include <cstdio>
#include <vector>

#include "helm/function_util.h"

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
    else if (tok == "MST") out += t.zone;
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

bool ParseTime(std::string_view layout, std::string_view text, GoTime* out, std::string* error) {
  int64_t year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0;
  int offset = 0;
  bool pm = false, has_pm = false;
  auto number = [&](size_t min, size_t max, int64_t* v) {
    size_t n = 0;
    *v = 0;
    while (n < max && n < text.size() && text[n] >= '0' && text[n] <= '9') *v = *v * 10 + (text[n++] - '0');
    if (n < min) return false;
    text.remove_prefix(n);
    return true;
  };
  auto fail = [&] {
    *error = "parsing time: cannot parse \"" + std::string(text) + "\" as layout";
    return false;
  };
  while (!layout.empty()) {
    const std::string_view tok = Token(layout);
    if (tok.empty()) {
      if (text.empty() || text[0] != layout[0]) return fail();
      text.remove_prefix(1);
      layout.remove_prefix(1);
      continue;
    }
    layout.remove_prefix(tok.size());
    bool ok = true;
    if (tok == "2006") ok = number(4, 4, &year);
    else if (tok == "06") ok = number(2, 2, &year), year += year >= 69 ? 1900 : 2000;
    else if (tok == "01" || tok == "02" || tok == "03" || tok == "04" || tok == "05" || tok == "15") {
      int64_t* field = tok == "01" ? &month : tok == "02" ? &day : tok == "04" ? &minute : tok == "05" ? &second : &hour;
      ok = number(tok == "15" ? 1 : 2, 2, field);
    } else if (tok == "1" || tok == "2" || tok == "3" || tok == "4" || tok == "5") {
      int64_t* field = tok == "1" ? &month : tok == "2" ? &day : tok == "4" ? &minute : tok == "5" ? &second : &hour;
      ok = number(1, 2, field);
    } else if (tok == "_2") {
      if (!text.empty() && text[0] == ' ') text.remove_prefix(1);
      ok = number(1, 2, &day);
    } else if (tok == "Jan" || tok == "January") {
      ok = false;
      for (int m = 0; m < 12 && !ok; ++m) {
        const std::string name = tok == "Jan" ? std::string(kMonths[m]).substr(0, 3) : kMonths[m];
        if (text.starts_with(name)) month = m + 1, text.remove_prefix(name.size()), ok = true;
      }
    } else if (tok == "PM" || tok == "pm") {
      has_pm = true;
      pm = text.starts_with("PM") || text.starts_with("pm");
      ok = text.size() >= 2;
      if (ok) text.remove_prefix(2);
    } else if (tok[0] == 'Z' && !text.empty() && text[0] == 'Z') {
      text.remove_prefix(1);
    } else if (tok[0] == '-' || tok[0] == 'Z') {
      if (text.empty() || (text[0] != '+' && text[0] != '-')) return fail();
      const int sign = text[0] == '-' ? -1 : 1;
      text.remove_prefix(1);
      int64_t hh = 0, mm = 0;
      ok = number(2, 2, &hh);
      if (ok && tok.size() > 3) {
        if (!text.empty() && text[0] == ':') text.remove_prefix(1);
        ok = number(2, 2, &mm);
      }
      offset = sign * static_cast<int>(hh * 3600 + mm * 60);
    } else if (tok[0] == '.' || tok[0] == ',') {
      if (!text.empty() && (text[0] == '.' || text[0] == ',')) {
        text.remove_prefix(1);
        int64_t frac = 0;
        const size_t before = text.size();
        ok = number(1, 9, &frac);
        for (size_t n = before - text.size(); n < 9; ++n) frac *= 10;
        nanos = frac;
      }
    } else {
      ok = false;  // names of days and zones are not parsed
    }
    if (!ok) return fail();
  }
  // Go also accepts fractional seconds after a seconds field the layout did not mention.
  if (!text.empty() && text[0] == '.' && !text.substr(1).empty()) {
    int64_t frac = 0;
    text.remove_prefix(1);
    const size_t before = text.size();
    if (number(1, 9, &frac)) {
      for (size_t n = before - text.size(); n < 9; ++n) frac *= 10;
      nanos = frac;
    }
  }
  if (!text.empty()) {
    *error = "parsing time: extra text: \"" + std::string(text) + "\"";
    return false;
  }
  if (has_pm && pm && hour < 12) hour += 12;
  if (has_pm && !pm && hour == 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    *error = "parsing time: value out of range";
    return false;
  }
  out->unix = DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day)) * 86400 + hour * 3600 + minute * 60 +
              second - offset;
  out->nanos = nanos;
  out->offset = offset;
  out->zone = offset == 0 ? "UTC" : "";
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
