// kubeshift benchmark: a small document model with formatting hints, written as YAML or JSON.
#ifndef KUBESHIFT_BENCH_DOCUMENT_H_
#define KUBESHIFT_BENCH_DOCUMENT_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kubeshift_bench {

/// A YAML/JSON value. Maps keep their insertion order.
struct Node {
  enum class Type { kNull, kBool, kInt, kString, kMap, kSeq };
  /// kAuto: plain when that reads back as the same string, else double-quoted.
  /// kLiteral / kFolded: a block scalar (`|`, `>`), with the chomping the text needs.
  /// kWrapped: a long string folded over several lines (plain, or single-quoted if needed).
  /// kFlow: a map or sequence written as {…} / […].
  enum class Style { kAuto, kDouble, kSingle, kLiteral, kFolded, kWrapped, kFlow };

  Type type = Type::kNull;
  Style style = Style::kAuto;
  std::string text;               ///< scalar value
  std::vector<std::string> keys;  ///< map keys, parallel to values
  std::vector<Node> values;       ///< map values or sequence items
  std::string comment;            ///< YAML only: a comment line before this entry
  std::string trailing;           ///< YAML only: a comment after the value, same line

  /// Appends an entry; the reference is valid until the next Set or Push.
  Node& Set(std::string key, Node value) {
    keys.push_back(std::move(key));
    values.push_back(std::move(value));
    return values.back();
  }
  Node& Push(Node value) {
    values.push_back(std::move(value));
    return values.back();
  }
  Node* Get(std::string_view key) {
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &values[i];
    return nullptr;
  }
  const Node* Get(std::string_view key) const { return const_cast<Node*>(this)->Get(key); }
};

using Style = Node::Style;

Node S(std::string text, Style style = Style::kAuto);
Node I(long long value);
Node B(bool value);
Node Map(Style style = Style::kAuto);
Node Seq(Style style = Style::kAuto);
/// M({{"k", v}, …}): a map literal.
Node M(std::initializer_list<std::pair<const char*, Node>> entries, Style style = Style::kAuto);
/// L({v, …}): a sequence literal.
Node L(std::initializer_list<Node> items, Style style = Style::kAuto);
Node WithComment(Node n, std::string comment);

/// Sorts map keys recursively, as `kubectl get -o yaml` prints them.
void SortKeys(Node* n);

/// Splits \a text at single spaces into lines of at most \a width characters (a longer word
/// stays whole).
std::vector<std::string> WrapWords(std::string_view text, size_t width);

struct YamlStyle {
  int indent = 2;      ///< spaces per nested map level
  int seq_indent = 0;  ///< extra spaces before "- " under a key: 0 (kubectl, Helm) or 2
};

/// Appends \a root, a map, as a block-style YAML document body (no "---") to \a out.
void AppendYaml(const Node& root, const YamlStyle& style, std::string* out);
std::string ToYaml(const Node& root, const YamlStyle& style = {});

/// A JSON string literal.
std::string JsonString(std::string_view s);
/// \a width spaces per level; 0 writes compact JSON (as kubectl's last-applied-configuration).
std::string ToJson(const Node& v, int width);

}  // namespace kubeshift_bench

#endif  // KUBESHIFT_BENCH_DOCUMENT_H_
