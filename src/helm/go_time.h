// Go's time formatting and parsing with reference layouts ("2006-01-02T15:04:05Z07:00"),
// durations, and the time.Time value Sprig's date functions pass around. UTC only: other
// zones are read as offsets, named zones are not loaded.
#ifndef KUBESHIFT_HELM_GO_TIME_H_
#define KUBESHIFT_HELM_GO_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

struct GoTime {
  int64_t unix = 0;       ///< seconds since the epoch, UTC
  int64_t nanos = 0;      ///< 0..999999999
  int offset = 0;         ///< zone offset in seconds
  std::string zone = "UTC";
};

std::string FormatTime(const GoTime& t, std::string_view layout);
/// time.Parse in a UTC location; false with Go's error text ("parsing time \"x\" as \"2006\":
/// cannot parse …", "…: month out of range"). Zone abbreviations are read with offset 0.
bool ParseTime(std::string_view layout, std::string_view text, GoTime* out, std::string* error);
/// time.Duration's String(): "1h2m3.5s", "300ms", "0s".
std::string FormatDuration(int64_t nanos);
/// time.ParseDuration.
bool ParseDuration(std::string_view text, int64_t* nanos, std::string* error);
/// A time.Time template value (methods Format, Unix, UTC, Year…; prints as Go does).
Value TimeValue(GoTime t);
/// The time held by \a v, if it is a time value.
bool AsTime(const Value& v, GoTime* out);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_GO_TIME_H_
