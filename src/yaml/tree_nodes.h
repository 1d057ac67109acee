// Inside the yaml module: what the two ways of building a YamlNode tree share (from yaml-cpp,
// yaml_tree.cc; from plain JSON, json_tree.cc), so that both give the same nodes.
#ifndef KUBESHIFT_YAML_TREE_NODES_H_
#define KUBESHIFT_YAML_TREE_NODES_H_

#include <string_view>

#include "kubeshift/yaml_tree.h"

namespace kubeshift::tree {

/// Deeper nodes are not converted (yaml-cpp itself stops at 500 levels).
constexpr int kMaxDepth = 400;

/// Sets the raw extent and style of a scalar whose begin, value and tag are set, when its bytes
/// are its value.
void SetScalarExtent(std::string_view text, YamlNode* node);
/// Whether a null word (null, Null, NULL, ~) starts at \a at.
bool IsExplicitNull(std::string_view text, size_t at);
/// Sets the extent of a null inside a flow collection (\a key: its key in a mapping, else null).
void SetFlowNullExtent(std::string_view text, const YamlNode* key, YamlNode* node);

/// Reads the chunk as plain JSON into the tree yaml-cpp would give; false (and \a root is to be
/// dropped) for anything but the simple case, which yaml-cpp then reads.
bool ReadJsonTree(std::string_view text, Range chunk, YamlNode* root);

}  // namespace kubeshift::tree

#endif  // KUBESHIFT_YAML_TREE_NODES_H_
