// Internals of the JSON Schema validator shared by its files.
#ifndef KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_
#define KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_

#include <optional>
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

/// The draft a "$schema" URI names: 4, 6, 7, 2019, 2020; 2020 for anything else.
int DraftOf(const JValue& root);

/// Resolves a "#..." fragment reference (JSON pointer or anchor) in \a root; nullptr when it
/// names nothing.
const JValue* ResolveFragment(const JValue& root, std::string_view fragment, int draft);

/// Checks \a text against a format v6 asserts (drafts 4-7). nullopt when the format is not
/// checked here (unknown names are ignored, as v6 does); else "" when valid, or the reason.
std::optional<std::string> CheckFormat(std::string_view format, const std::string& text);

/// Go's %v of a float64 ("1e+06", "0.5", "-5").
std::string FormatNumber(double d);

}  // namespace kubeshift::jsonschema

#endif  // KUBESHIFT_JSONSCHEMA_SCHEMA_INTERNAL_H_
