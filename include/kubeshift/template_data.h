// kubeshift — template values from and to YAML and JSON, the way Helm converts them
// (module helm): values files, fromYaml/toYaml, fromJson/toJson.
#ifndef KUBESHIFT_TEMPLATE_DATA_H_
#define KUBESHIFT_TEMPLATE_DATA_H_

#include <string>
#include <string_view>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

/// How YAML numbers become values.
enum class NumberMode {
  kJson,  ///< Helm: YAML → JSON → Go, so every number is a float64 (values files, fromYaml)
  kYaml,  ///< go-yaml v2 into interface{}: ints stay int, others float64
};

/// Parses the first YAML document of \a text with YAML 1.1 scalars as go-yaml v2 resolves
/// them (yes/no/on/off are booleans, 0777 is octal, timestamps stay strings, `<<` merges).
/// An empty document gives an empty map. False with \a error on a syntax error.
bool ValueFromYaml(std::string_view text, NumberMode mode, Value* out, std::string* error);

/// Like ValueFromYaml, but an empty or null document gives nil (what sigs.k8s.io/yaml turns
/// into JSON null: fromYaml and fromYamlArray then keep their empty result).
bool ValueFromYamlDocument(std::string_view text, NumberMode mode, Value* out, std::string* error);

/// Parses JSON as Go's encoding/json decodes into interface{}: numbers are float64.
bool ValueFromJson(std::string_view text, Value* out, std::string* error);

/// Helm's toYaml before its final trim: sigs.k8s.io/yaml, i.e. JSON encoding, then go-yaml v2
/// output (keys in natural order, 2-space indent, lists at the parent key's indent, long
/// plain strings folded at 80 columns, YAML 1.1-ambiguous strings quoted). Ends with "\n".
bool ToYaml(const Value& value, std::string* out, std::string* error);

enum class JsonStyle {
  kCompact,  ///< json.Marshal: <, >, & escaped as \u003c…
  kPretty,   ///< json.MarshalIndent(v, "", "  ")
  kRaw,      ///< an Encoder with SetEscapeHTML(false), final newline removed
};
/// Go's JSON encoding of \a value: map keys sorted, Go's float form. False with \a error for
/// values JSON cannot hold (NaN, ±Inf), with Go's message.
bool ToJson(const Value& value, JsonStyle style, std::string* out, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_TEMPLATE_DATA_H_
