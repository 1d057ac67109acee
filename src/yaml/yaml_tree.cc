// yaml-cpp nodes → YamlNode, with positions. Lives in the yaml module because it is the only
// code that parses manifests with yaml-cpp.
#include <yaml-cpp/yaml.h>

#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

constexpr int kMaxDepth = 400;

// Raw extent of a scalar: verified by comparing source bytes with the value (yaml-cpp has
// no end marks). Escaped, folded or tagged scalars stay kOther: their bytes are not their value.
void SetScalarExtent(std::string_view text, YamlNode* node) {
  const size_t begin = node->begin;
  const size_t n = node->value.size();
  node->raw = Range{begin, begin};
  if (begin >= text.size()) return;
  char first = text[begin];
  if (first == '"' || first == '\'') {
    if (text.size() > begin + n + 1 && text.substr(begin + 1, n) == node->value && text[begin + 1 + n] == first) {
      node->raw.end = begin + n + 2;
      node->style = first == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
    }
  } else if (node->tag == "?" && text.substr(begin, n) == node->value) {
    node->raw.end = begin + n;
    node->style = ScalarStyle::kPlain;
  }
}

bool IsExplicitNull(std::string_view text, size_t at) {
  for (std::string_view word : {"null", "Null", "NULL", "~"}) {
    if (text.substr(at, word.size()) == word) return true;
  }
  return false;
}

YamlNode Convert(std::string_view text, size_t base, const YAML::Node& in, int depth) {
  YamlNode out;
  if (!in.Mark().is_null()) out.begin = base + static_cast<size_t>(in.Mark().pos);
  out.tag = in.Tag();
  if (depth > kMaxDepth) return out;
  switch (in.Type()) {
    case YAML::NodeType::Scalar:
      out.kind = YamlNode::Kind::kScalar;
      out.value = in.Scalar();
      SetScalarExtent(text, &out);
      break;
    case YAML::NodeType::Map:
      out.kind = YamlNode::Kind::kMap;
      out.flow = in.Style() == YAML::EmitterStyle::Flow;
      for (const auto& pair : in) {
        out.keys.push_back(Convert(text, base, pair.first, depth + 1));
        out.values.push_back(Convert(text, base, pair.second, depth + 1));
      }
      break;
    case YAML::NodeType::Sequence:
      out.kind = YamlNode::Kind::kSequence;
      out.flow = in.Style() == YAML::EmitterStyle::Flow;
      for (const auto& item : in) out.values.push_back(Convert(text, base, item, depth + 1));
      break;
    default:
      out.kind = YamlNode::Kind::kNull;
      out.implicit = !IsExplicitNull(text, out.begin);
      break;
  }
  return out;
}

}  // namespace

int YamlNode::IndexOf(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].IsScalar() && keys[i].value == key) return static_cast<int>(i);
  }
  return -1;
}

const YamlNode* YamlNode::Get(std::string_view key) const {
  int i = IndexOf(key);
  return i < 0 ? nullptr : &values[static_cast<size_t>(i)];
}

const YamlNode* YamlNode::Path(std::initializer_list<std::string_view> path) const {
  const YamlNode* node = this;
  for (std::string_view key : path) {
    node = node->IsMap() ? node->Get(key) : nullptr;
    if (!node) return nullptr;
  }
  return node;
}

std::string_view YamlNode::Text(std::string_view fallback) const { return IsScalar() ? std::string_view(value) : fallback; }

bool ParseYamlTree(std::string_view text, Range chunk, YamlDocument* out, ScanError* error) {
  const std::string copy(text.substr(chunk.begin, chunk.size()));
  try {
    YAML::Node root = YAML::Load(copy);
    out->root = Convert(text, chunk.begin, root, 0);
    out->range = chunk;
    return true;
  } catch (const YAML::Exception& e) {
    size_t offset = e.mark.is_null() ? 0 : static_cast<size_t>(e.mark.pos);
    *error = ScanError{chunk.begin + std::min(offset, chunk.size()), e.msg};
  } catch (const std::exception& e) {
    *error = ScanError{chunk.begin, e.what()};
  }
  return false;
}

}  // namespace kubeshift
