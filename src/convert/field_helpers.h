// Small reading and editing helpers shared by the converters that write old defaults out,
// move fields between mappings or drop round-trip annotations.
#ifndef KUBESHIFT_CONVERT_FIELD_HELPERS_H_
#define KUBESHIFT_CONVERT_FIELD_HELPERS_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/convert.h"

namespace kubeshift::fields {

/// True when the field is missing or null ("key:", "key: null", "key: ~"): for the API
/// server both are unset, and the version's default applies.
bool IsUnset(const YamlNode* node);

/// The integer of a plain (or JSON number) scalar; nullopt for anything else, quoted
/// strings included (they are strings to the API server, not numbers).
std::optional<long long> IntValue(const YamlNode* node);

/// Writes \a key: \a value into \a map when the field is unset: appended when missing,
/// replaced in place when null. False when the field already had a value.
bool SetIfUnset(DocumentEditor& editor, const YamlNode& map, std::string_view key, const NewValue& value);

/// Removes the metadata.annotations entries whose keys are in \a keys (the whole
/// annotations entry when nothing else is left). Returns the keys removed, in document order.
std::vector<std::string> RemoveAnnotations(const ConversionContext& context, std::initializer_list<std::string_view> keys);

/// "a, b and c".
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace kubeshift::fields

#endif  // KUBESHIFT_CONVERT_FIELD_HELPERS_H_
