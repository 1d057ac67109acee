// Go's fmt and strconv output forms: %v printing of values, float formatting, Quote,
// Sprint/Sprintln/Sprintf. Templates print through these, so output matches Helm's bytes.
#ifndef KUBESHIFT_HELM_GO_FORMAT_H_
#define KUBESHIFT_HELM_GO_FORMAT_H_

#include <span>
#include <string>
#include <string_view>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

/// strconv.FormatFloat(f, fmt, prec, 64) for fmt 'e', 'E', 'f', 'g', 'G'; prec -1 is the
/// shortest form that reads back exactly ('g' then switches to an exponent at 1e+06 and 1e-05).
std::string FormatFloat(double f, char fmt, int prec);
/// encoding/json's float form: no exponent between 1e-6 and 1e21, "1e-07" written "1e-7".
std::string FormatJsonFloat(double f);
/// strconv.Quote: a double-quoted Go string literal.
std::string QuoteGo(std::string_view s);
/// %#U of a rune: "U+0023 '#'".
std::string FormatRuneU(uint32_t r);
/// fmt.Sprint: operands separated by a space when neither side is a string.
std::string Sprint(std::span<const Value> args);
/// fmt.Sprintln: operands always separated by spaces, newline appended.
std::string Sprintln(std::span<const Value> args);
/// fmt.Sprintf with Go's verbs, flags, width, precision and error forms (%!d(string=x)).
std::string Sprintf(std::string_view format, std::span<const Value> args);
/// toJson's and toYaml's error for a value nested kMaxValueDepth levels deep (a map holding itself).
std::string JsonTooDeepMessage();

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_GO_FORMAT_H_
