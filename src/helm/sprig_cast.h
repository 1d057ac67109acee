// Sprig's conversions (strval, strslice) and spf13/cast's number casts, which most Sprig
// functions apply to their interface{} arguments.
#ifndef KUBESHIFT_HELM_SPRIG_CAST_H_
#define KUBESHIFT_HELM_SPRIG_CAST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

/// Sprig's strval: strings as they are, everything else in fmt's %v form.
std::string Strval(const Value& v);
/// Sprig's strslice: a list's non-nil items as strings; nil gives none; anything else one.
std::vector<std::string> Strslice(const Value& v);
/// A []string value.
Value StringList(std::vector<std::string> items);
/// cast.ToInt64: numbers truncated, strings parsed (Go base prefixes; "3.0" is 3), bools 1/0;
/// 0 for anything else, as Sprig ignores the error.
int64_t CastToInt64(const Value& v);
/// cast.ToFloat64: numbers, strings parsed as floats, bools 1/0; 0 otherwise.
double CastToFloat64(const Value& v);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_SPRIG_CAST_H_
