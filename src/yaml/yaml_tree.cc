// yaml-cpp's parser events → YamlNode, with positions (plain JSON is read in json_tree.cc).
// Lives in the yaml module because it is the only code that parses manifests with yaml-cpp.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "kubeshift/yaml_tree.h"
#include "yaml/tree_nodes.h"

namespace kubeshift {
namespace tree {

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

namespace {

size_t SkipBlanks(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at;
}

}  // namespace

// A null in a flow collection gets bytes too, so that an edit can replace it: the word ("null",
// "~"), or, for a null written as nothing ("{a: , b: 1}", "{a}"), the empty range after its
// key's colon and the blanks after it on that line. yaml-cpp puts such a null at the next ','
// or closing bracket: only blank lines and comments may stand between the two, else (an anchor,
// a tag, a key whose bytes are not known) the null keeps no range.
void SetFlowNullExtent(std::string_view text, const YamlNode* key, YamlNode* node) {
  const size_t begin = node->begin;
  if (!node->implicit) {
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (text.substr(begin, word.size()) != word) continue;
      node->raw = Range{begin, begin + word.size()};
      node->style = ScalarStyle::kPlain;
      return;
    }
    return;
  }
  if (!key || !key->IsScalar() || key->style == ScalarStyle::kOther) return;
  size_t at = SkipBlanks(text, key->raw.end);
  if (at < text.size() && text[at] == ':') at = SkipBlanks(text, at + 1);
  size_t next = at;
  while (next < text.size()) {
    if (text[next] == '#') {
      next = text.find('\n', next);
      if (next == std::string_view::npos) return;
    } else if (std::isspace(static_cast<unsigned char>(text[next]))) {
      ++next;
    } else {
      break;
    }
  }
  if (next != begin || begin >= text.size() || std::strchr(",}]", text[begin]) == nullptr) return;
  node->raw = Range{at, at};
  node->style = ScalarStyle::kPlain;
}

}  // namespace tree

namespace {

using tree::IsExplicitNull;
using tree::kMaxDepth;
using tree::SetFlowNullExtent;
using tree::NodeBudget;
using tree::SetScalarExtent;

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
        if (out.flow && out.values.back().IsNull()) SetFlowNullExtent(text, &out.keys.back(), &out.values.back());
      }
      break;
    case YAML::NodeType::Sequence:
      out.kind = YamlNode::Kind::kSequence;
      out.flow = in.Style() == YAML::EmitterStyle::Flow;
      for (const auto& item : in) {
        out.values.push_back(Convert(text, base, item, depth + 1, budget));
        if (out.flow && out.values.back().IsNull()) SetFlowNullExtent(text, nullptr, &out.values.back());
      }
      break;
    default:
      out.kind = YamlNode::Kind::kNull;
      out.implicit = !IsExplicitNull(text, out.begin);
      break;
  }
  return out;
}

// Builds the tree from yaml-cpp's parser events: the same nodes Convert makes of YAML::Load's
// tree, without building that tree first (its nodes, shared pointers and their release, and
// the copy, were about a sixth of the instructions of a parse). An alias, or nesting deeper
// than Convert follows, sets fallback(): Convert of the loaded tree handles those.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, size_t base) : text_(text), base_(base) {}

  bool fallback() const { return fallback_ || !has_root_; }
  YamlNode TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode node = Start(mark, {});
    node.implicit = !IsExplicitNull(text_, node.begin);
    Add(std::move(node));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fallback_ = true;
    Add(Start(mark, {}));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YamlNode node = Start(mark, tag);
    node.kind = YamlNode::Kind::kScalar;
    node.value = value;
    SetScalarExtent(text_, &node);
    Add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    Open(mark, tag, YamlNode::Kind::kSequence, style);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    Open(mark, tag, YamlNode::Kind::kMap, style);
  }
  void OnMapEnd() override { Close(); }

 private:
  YamlNode Start(const YAML::Mark& mark, const std::string& tag) {
    if (open_.size() > static_cast<size_t>(kMaxDepth)) fallback_ = true;
    YamlNode node;
    node.begin = base_ + static_cast<size_t>(mark.pos);
    node.tag = tag;
    return node;
  }
  void Open(const YAML::Mark& mark, const std::string& tag, YamlNode::Kind kind, YAML::EmitterStyle::value style) {
    YamlNode node = Start(mark, tag);
    node.kind = kind;
    node.flow = style == YAML::EmitterStyle::Flow;
    open_.push_back(std::move(node));
  }
  void Close() {
    YamlNode node = std::move(open_.back());
    open_.pop_back();
    Add(std::move(node));
  }
  // The same order as Convert: a mapping's keys and values alternate.
  void Add(YamlNode node) {
    if (open_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    YamlNode& parent = open_.back();
    if (parent.IsSequence()) {
      parent.values.push_back(std::move(node));
      if (parent.flow && parent.values.back().IsNull()) SetFlowNullExtent(text_, nullptr, &parent.values.back());
    } else if (parent.keys.size() == parent.values.size()) {
      parent.keys.push_back(std::move(node));
    } else {
      parent.values.push_back(std::move(node));
      if (parent.flow && parent.values.back().IsNull()) {
        SetFlowNullExtent(text_, &parent.keys.back(), &parent.values.back());
      }
    }
  }

  std::string_view text_;
  size_t base_;
  std::vector<YamlNode> open_;  // the collections being read, outermost first
  YamlNode root_;
  bool has_root_ = false;
  bool fallback_ = false;
};

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

bool ParseYamlTree(std::string_view text, Range chunk, YamlDocument* out, ScanError* error, bool through_nodes) {
  if (!through_nodes && chunk.begin < chunk.end) {
    YamlDocument json;
    if (tree::ReadJsonTree(text, chunk, &json.root)) {
      json.range = chunk;
      *out = std::move(json);
      return true;
    }
  }
  const std::string copy(text.substr(chunk.begin, chunk.size()));
  try {
    std::istringstream stream(copy);
    YAML::Parser parser(stream);
    TreeBuilder builder(text, chunk.begin);
    parser.HandleNextDocument(builder);
    if (builder.fallback() || through_nodes) {
      NodeBudget budget{100000 + 8 * chunk.size()};
      out->root = Convert(text, chunk.begin, YAML::Load(copy), 0, &budget);
    } else {
      out->root = builder.TakeRoot();
    }
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
