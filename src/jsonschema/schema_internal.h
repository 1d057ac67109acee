// Internals of the JSON Schema validator shared by its files.
#ifndef KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_
#define KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_

#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "kubeshift/json_schema.h"

namespace kubeshift::jsonschema {

using JValue = rapidjson::Value;

struct Schema::Impl {
  rapidjson::Document doc;
  int draft = 2020;
};

inline std::string_view Str(const JValue& v) { return {v.GetString(), v.GetStringLength()}; }
/// The member \a key of an object (the last one, as Go's decoder keeps), or nullptr.
const JValue* Member(const JValue& object, std::string_view key);

/// The JSON type of a value as v6 names it: null, boolean, number, string, array, object ("" for
/// host objects and functions); "integer" is never a value's own type.
std::string TypeOf(const tmpl::Value& v);
double NumberOf(const tmpl::Value& v);
/// An integer, or a finite float without a fractional part.
bool IsIntegral(const tmpl::Value& v);
/// JSON equality: numbers by value (1 == 1.0), objects regardless of key order.
bool Equal(const tmpl::Value& a, const tmpl::Value& b);
bool Equal(const tmpl::Value& a, const JValue& b);
/// A schema constant as v6 shows it: strings quoted, numbers as Go prints them, "value" for
/// arrays and objects.
std::string Display(const JValue& v);
/// A value as v6 shows it in a format message.
std::string DisplayValue(const tmpl::Value& v);

/// The draft a "$schema" URI names: 4, 6, 7, 2019, 2020; 2020 for anything else.
int DraftOf(const JValue& root);

/// Resolves a "#..." fragment reference (JSON pointer or anchor) in \a root; nullptr when it
/// names nothing.
const JValue* ResolveFragment(const JValue& root, std::string_view fragment, int draft);

/// Checks \a text against a format v6 asserts (drafts 4-7). nullopt when the format is not
/// checked here (unknown names are ignored, as v6 does); else "" when valid, or the reason.
std::optional<std::string> CheckFormat(std::string_view format, const std::string& text);

/// Compiles an RE2 pattern (what v6 uses) as a std::regex, rewriting RE2-only syntax; throws
/// std::regex_error when it does not compile.
std::regex CompileRe2(const std::string& pattern);

/// Go's %v of a float64 ("1e+06", "0.5", "-5").
std::string FormatNumber(double d);

}  // namespace kubeshift::jsonschema

#endif  // KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_
