// kubeshift — a YAML document as a tree whose nodes know where they are in the source, for
// converters: they read values here and write byte-range edits, never a re-emitted document.
#ifndef KUBESHIFT_YAML_TREE_H_
#define KUBESHIFT_YAML_TREE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/resource.h"
#include "kubeshift/scan.h"
#include "kubeshift/source.h"

namespace kubeshift {

/// One node. Offsets are into the whole input text.
struct YamlNode {
  enum class Kind { kNull, kScalar, kMap, kSequence };
  Kind kind = Kind::kNull;
  size_t begin = 0;         ///< first byte of the node (a map: its first key; a quoted scalar: the quote)
  Range raw;                ///< scalars: the raw bytes, quotes included, when verified (style != kOther);
                            ///< nulls in flow collections: the word, or an empty range for "{a: }"
  ScalarStyle style = ScalarStyle::kOther;  ///< a null with a raw range: kPlain
  std::string value;        ///< scalar value
  std::string tag;          ///< "?" plain untagged, "!" quoted untagged, or the explicit tag
  bool flow = false;        ///< a flow collection ({…}, […], JSON)
  bool implicit = false;    ///< a null with no bytes of its own ("key:" then nothing)
  std::vector<YamlNode> keys;    ///< maps: keys, in document order
  std::vector<YamlNode> values;  ///< maps: the value of keys[i]; sequences: the items

  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsNull() const { return kind == Kind::kNull; }
  /// Index of the first entry whose key is \a key, or -1.
  int IndexOf(std::string_view key) const;
  /// The value of the first entry whose key is \a key, or nullptr.
  const YamlNode* Get(std::string_view key) const;
  /// Follows a path of keys ("spec", "template", "metadata"); nullptr when a step is missing.
  const YamlNode* Path(std::initializer_list<std::string_view> keys) const;
  /// The scalar value, or \a fallback for anything else.
  std::string_view Text(std::string_view fallback = {}) const;
};

/// A parsed document.
struct YamlDocument {
  YamlNode root;
  Range range;  ///< the document's bytes
};

/// Parses the document \a chunk of \a text with yaml-cpp into a positioned tree. False with
/// \a error (an offset and a message) when it does not parse. \a through_nodes: build it from
/// YAML::Load's tree, as is done for aliases, instead of from the parser's events (for tests:
/// both must give the same tree).
bool ParseYamlTree(std::string_view text, Range chunk, YamlDocument* out, ScanError* error,
                   bool through_nodes = false);

}  // namespace kubeshift

#endif  // KUBESHIFT_YAML_TREE_H_
