// yaml-cpp nodes → YamlNode, with positions. Lives in the yaml module because it is the only
// code that parses manifests with yaml-cpp.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <stdexcept>

#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

constexpr int kMaxDepth = 400;

// yaml-cpp shares an anchored node among its aliases, but the tree below copies it at every
// alias, so a small document of nested aliases ("billion laughs") would expand to billions of
// nodes. A document gets a fixed allowance plus 8 nodes per byte, far above what aliases and
// merge keys expand to in real files; go-yaml stops such documents too.
struct NodeBudget {
  size_t left;
  void Take() {
    if (left == 0) throw std::runtime_error("document contains excessive aliasing");
    --left;
  }
};

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

YamlNode Convert(std::string_view text, size_t base, const YAML::Node& in, int depth, NodeBudget* budget) {
  budget->Take();
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
        out.keys.push_back(Convert(text, base, pair.first, depth + 1, budget));
        out.values.push_back(Convert(text, base, pair.second, depth + 1, budget));
      }
      break;
    case YAML::NodeType::Sequence:
      out.kind = YamlNode::Kind::kSequence;
      out.flow = in.Style() == YAML::EmitterStyle::Flow;
      for (const auto& item : in) out.values.push_back(Convert(text, base, item, depth + 1, budget));
      break;
    default:
      out.kind = YamlNode::Kind::kNull;
      out.implicit = !IsExplicitNull(text, out.begin);
      break;
  }
  return out;
}

// yaml-cpp reports errors found at the end of the input ("end of sequence flow not found")
// at the end of the chunk, which is the next document's "---" line. Point at the end of the
// document's last line of content instead (trailing comments and blank lines skipped).
size_t ClampToContent(std::string_view text, Range chunk, size_t offset) {
  size_t line_end = chunk.end;
  while (line_end > chunk.begin) {
    size_t line_begin = text.rfind('\n', line_end - 1);
    line_begin = line_begin == std::string_view::npos || line_begin < chunk.begin ? chunk.begin : line_begin + 1;
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    size_t first = line.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && line[first] != '#') {
      size_t last = line.find_last_not_of(" \t\r\n");
      size_t content_end = line_begin + last + 1;
      return offset >= content_end ? content_end - 1 : offset;
    }
    line_end = line_begin > chunk.begin ? line_begin - 1 : chunk.begin;
  }
  return offset;
}

// yaml-cpp accepts a quoted scalar that is still open at the end of the input, swallowing
// the rest of the document into it. Find the closing quote of every quoted scalar ourselves.
std::optional<ScanError> FindUnterminatedQuote(std::string_view text, Range chunk, const YamlNode& root) {
  std::vector<const YamlNode*> pending{&root};
  while (!pending.empty()) {
    const YamlNode& node = *pending.back();
    pending.pop_back();
    for (const YamlNode& key : node.keys) pending.push_back(&key);
    for (const YamlNode& value : node.values) pending.push_back(&value);
    if (!node.IsScalar() || node.begin >= chunk.end) continue;
    const char quote = text[node.begin];
    if (quote != '"' && quote != '\'') continue;
    size_t i = node.begin + 1;
    for (; i < chunk.end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote != '\'' || i + 1 >= chunk.end || text[i + 1] != '\'') break;
        ++i;
      }
    }
    if (i >= chunk.end) return ScanError{node.begin, "unterminated quoted scalar: the closing quote is missing"};
  }
  return std::nullopt;
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
    NodeBudget budget{100000 + 8 * chunk.size()};
    out->root = Convert(text, chunk.begin, root, 0, &budget);
    out->range = chunk;
    if (std::optional<ScanError> open_quote = FindUnterminatedQuote(text, chunk, out->root)) {
      *error = *open_quote;
      return false;
    }
    return true;
  } catch (const YAML::DeepRecursion& e) {
    *error = ScanError{chunk.begin + std::min(static_cast<size_t>(e.mark.pos), chunk.size()),
                       "nesting is too deep (more than 500 levels); the document is not scanned"};
  } catch (const YAML::Exception& e) {
    size_t offset = e.mark.is_null() ? 0 : static_cast<size_t>(e.mark.pos);
    *error = ScanError{ClampToContent(text, chunk, chunk.begin + std::min(offset, chunk.size())), e.msg};
  } catch (const std::exception& e) {
    *error = ScanError{chunk.begin, e.what()};
  }
  return false;
}

}  // namespace kubeshift
