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

/// A field that moves, and its name at its new place.
struct Move {
  std::string_view from;
  std::string_view to;
};

/// Moves the entries of \a map named in \a moves into a new entry \a name of \a map, written at
/// the place of the first of them: \a block's entries, then each moved value (null ones go) with
/// its own bytes (comments, quoting, flow style), in the order of \a moves. The indexes of the
/// other moved entries are appended to \a removed, for one DocumentEditor::RemoveEntries call
/// (removing neighbours of a flow mapping one by one would make overlapping edits). False when
/// \a map has none of them.
bool MoveUnder(DocumentEditor& editor, const YamlNode& map, const std::vector<Move>& moves, std::string_view name,
               NewValue block, std::vector<size_t>* removed);

/// Removes the metadata.annotations entries whose keys are in \a keys (the whole
/// annotations entry when nothing else is left). Returns the keys removed, in document order.
std::vector<std::string> RemoveAnnotations(const ConversionContext& context, std::initializer_list<std::string_view> keys);

/// "a, b and c".
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace kubeshift::fields

#endif  // KUBESHIFT_CONVERT_FIELD_HELPERS_H_
