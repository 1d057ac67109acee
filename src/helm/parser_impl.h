// The parser's state and methods, shared by parser.cc (statements) and parser_expr.cc
// (pipelines and terms).
#ifndef KUBESHIFT_HELM_PARSER_IMPL_H_
#define KUBESHIFT_HELM_PARSER_IMPL_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "helm/lexer.h"
#include "helm/parse_tree.h"

namespace kubeshift::tmpl {

class Parser {
 public:
  Parser(const std::shared_ptr<const TemplateSource>& source, const std::string& name, const FunctionRegistry& functions,
         std::vector<std::unique_ptr<Tree>>* trees)
      : source_(source), parse_name_(name), functions_(functions), trees_(trees), items_(Lex(source->text, &lex_error_)) {}

  /// Parses the whole text; false with \a error set on the first error.
  bool Run(TemplateError* error);

 private:
  // Per-tree parsing state; a define or block gets a fresh one, as Go's New tree does.
  struct TreeState {
    std::vector<std::string> vars{"$"};
    int range_depth = 0;
    int action_line = 0;
  };

  std::unique_ptr<Tree> NewTree(const std::string& name);

  // --- tokens -------------------------------------------------------------------------
  const Item& LexNext() {
    const Item& item = items_[index_];
    if (index_ + 1 < items_.size()) ++index_;
    return item;
  }
  Item Next() {
    if (peek_count_ > 0) --peek_count_;
    else token_[0] = LexNext();
    return token_[peek_count_];
  }
  void Backup() { ++peek_count_; }
  void Backup2(const Item& t1) {
    token_[1] = t1;
    peek_count_ = 2;
  }
  void Backup3(const Item& t2, const Item& t1) {
    token_[1] = t1;
    token_[2] = t2;
    peek_count_ = 3;
  }
  Item Peek() {
    if (peek_count_ > 0) return token_[peek_count_ - 1];
    peek_count_ = 1;
    token_[0] = LexNext();
    return token_[0];
  }
  Item NextNonSpace() {
    Item token;
    do token = Next(); while (token.type == ItemType::kSpace);
    return token;
  }
  Item PeekNonSpace() {
    Item token = NextNonSpace();
    Backup();
    return token;
  }

  // parser.cc: errors, trees and statements.
  // --- errors -------------------------------------------------------------------------
  bool Fail(const std::string& message);
  bool Unexpected(const Item& token, std::string_view context);
  bool Expect(ItemType type, std::string_view context, Item* out = nullptr);
  // --- trees --------------------------------------------------------------------------
  void Add(std::unique_ptr<Tree> tree);
  void ParseDefinition();
  // textOrAction* up to {{end}} or {{else}}, returned in *next.
  std::unique_ptr<ListNode> ItemList(NodePtr* next);
  NodePtr TextOrAction();
  NodePtr Action();
  NodePtr BreakOrContinue(const Item& keyword, NodeType type);
  NodePtr ElseControl();
  // if / range / with: pipeline, list, optional else (with "else if" / "else with" chains).
  NodePtr Control(NodeType type, std::string_view context);
  bool TemplateName(const Item& token, std::string_view context, std::string* name);
  NodePtr TemplateControl();
  // {{block "name" pipeline}} T {{end}}: defines "name" as T and calls it.
  NodePtr BlockControl();

  // parser_expr.cc: pipelines, commands and terms.
  // declarations? command ('|' command)*
  std::unique_ptr<PipeNode> Pipeline(std::string_view context, ItemType end);
  // "$x :=", "$x =", or (range only) "$i, $v :=". Needs three tokens of look-ahead: in
  // "$x foo" the token after the space decides that $x is an argument.
  bool Declarations(PipeNode* pipe, std::string_view context);
  bool CheckPipeline(const PipeNode& pipe, std::string_view context);
  std::unique_ptr<CommandNode> Command();
  // term .Field*
  NodePtr Operand();
  NodePtr Term();

  std::shared_ptr<const TemplateSource> source_;
  std::string parse_name_;
  const FunctionRegistry& functions_;
  std::vector<std::unique_ptr<Tree>>* trees_;
  std::map<std::string, size_t> defined_;
  std::string lex_error_;
  std::vector<Item> items_;
  size_t index_ = 0;
  Item token_[3];
  int peek_count_ = 0;
  TreeState state_;
  bool ok_ = true;
  TemplateError error_;
};

/// Go's newNumber: which of int, uint and float the literal can be, and their values.
bool NumberNodeFrom(NumberNode* n, ItemType type, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_PARSER_IMPL_H_
