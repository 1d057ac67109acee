// Parse tree of a template, as Go's text/template/parse builds it. Every node keeps its byte
// offset in its source text, for error positions and the source map.
#ifndef KUBESHIFT_HELM_PARSE_TREE_H_
#define KUBESHIFT_HELM_PARSE_TREE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {

enum class NodeType {
  kText, kAction, kIf, kRange, kWith, kTemplate, kBreak, kContinue, kList, kPipe, kCommand,
  kField, kVariable, kIdentifier, kDot, kNil, kBool, kNumber, kString, kChain, kEnd, kElse,
};

struct Node {
  Node(NodeType t, size_t p) : type(t), pos(p) {}
  virtual ~Node() = default;
  /// Go's Node.String(): the node written back as template source.
  virtual void Write(std::string* out) const = 0;
  std::string String() const;
  NodeType type;
  size_t pos;        ///< Go's position: the first token of the node
  size_t delim = 0;  ///< statements (action, if, range, with, template): their "{{"
};
using NodePtr = std::unique_ptr<Node>;

struct ListNode : Node {
  explicit ListNode(size_t p) : Node(NodeType::kList, p) {}
  void Write(std::string* out) const override;
  std::vector<NodePtr> nodes;
};

struct TextNode : Node {
  TextNode(size_t p, std::string_view t) : Node(NodeType::kText, p), text(t) {}
  void Write(std::string* out) const override;
  std::string_view text;  // into the template source
};

struct VariableNode : Node {
  VariableNode(size_t p, std::vector<std::string> i) : Node(NodeType::kVariable, p), ident(std::move(i)) {}
  void Write(std::string* out) const override;
  std::vector<std::string> ident;  // "$x", then field names
};

struct CommandNode : Node {
  explicit CommandNode(size_t p) : Node(NodeType::kCommand, p) {}
  void Write(std::string* out) const override;
  std::vector<NodePtr> args;
};

struct PipeNode : Node {
  PipeNode(size_t p, int l) : Node(NodeType::kPipe, p), line(l) {}
  void Write(std::string* out) const override;
  int line;
  bool is_assign = false;
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct ActionNode : Node {
  ActionNode(size_t p, std::unique_ptr<PipeNode> pp) : Node(NodeType::kAction, p), pipe(std::move(pp)) {}
  void Write(std::string* out) const override;
  std::unique_ptr<PipeNode> pipe;
};

struct IdentifierNode : Node {
  IdentifierNode(size_t p, std::string i, const Function* f, bool b)
      : Node(NodeType::kIdentifier, p), ident(std::move(i)), function(f), builtin(b) {}
  void Write(std::string* out) const override;
  std::string ident;
  const Function* function;  // resolved at parse time
  bool builtin;              // one of Go's builtins (and/or short-circuit only then)
};

struct FieldNode : Node {
  FieldNode(size_t p, std::vector<std::string> i) : Node(NodeType::kField, p), ident(std::move(i)) {}
  void Write(std::string* out) const override;
  std::vector<std::string> ident;  // without dots
};

struct ChainNode : Node {
  ChainNode(size_t p, NodePtr n) : Node(NodeType::kChain, p), node(std::move(n)) {}
  void Write(std::string* out) const override;
  NodePtr node;
  std::vector<std::string> field;
};

struct SimpleNode : Node {  // dot, nil, break, continue, end, else
  SimpleNode(NodeType t, size_t p) : Node(t, p) {}
  void Write(std::string* out) const override;
};

struct BoolNode : Node {
  BoolNode(size_t p, bool v) : Node(NodeType::kBool, p), value(v) {}
  void Write(std::string* out) const override;
  bool value;
};

struct NumberNode : Node {
  NumberNode(size_t p, std::string t) : Node(NodeType::kNumber, p), text(std::move(t)) {}
  void Write(std::string* out) const override;
  bool is_int = false, is_uint = false, is_float = false, is_complex = false;
  int64_t int64 = 0;
  uint64_t uint64 = 0;
  double float64 = 0;
  std::string text;
};

struct StringNode : Node {
  StringNode(size_t p, std::string q, std::string t) : Node(NodeType::kString, p), quoted(std::move(q)), text(std::move(t)) {}
  void Write(std::string* out) const override;
  std::string quoted;
  std::string text;
};

/// if / range / with.
struct BranchNode : Node {
  BranchNode(NodeType t, size_t p) : Node(t, p) {}
  void Write(std::string* out) const override;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;
  std::unique_ptr<ListNode> else_list;
};

struct TemplateNode : Node {
  TemplateNode(size_t p, std::string n, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::kTemplate, p), name(std::move(n)), pipe(std::move(pp)) {}
  void Write(std::string* out) const override;
  std::string name;
  std::unique_ptr<PipeNode> pipe;  // may be null
};

/// One parsed template: a file's top level or a {{define}}.
struct Tree {
  std::string name;                              // the template's name
  std::shared_ptr<const TemplateSource> source;  // the text it was parsed from
  std::unique_ptr<ListNode> root;
  /// "file:line:col" of \a pos and Go's 0-based byte column.
  void Locate(size_t pos, int* line, int* column) const;
};

/// True when \a node holds nothing but spaces and comments (Go's parse.IsEmptyTree).
bool IsEmptyTree(const Node* node);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_PARSE_TREE_H_
