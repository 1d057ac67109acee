// A port of the structure of Go's text/template/parse: recursive descent over the item list
// with Go's three-token look-ahead, its error texts and its scoping of variables. Errors
// return false (or null) up the call chain where Go panics. This file: statements.
#include "helm/parser.h"

#include <utility>

#include "helm/go_format.h"
#include "helm/go_strconv.h"
#include "helm/parser_impl.h"

namespace kubeshift::tmpl {

bool Parser::Run(TemplateError* error) {
  auto top = NewTree(parse_name_);
  top->root = std::make_unique<ListNode>(Peek().pos);
  while (ok_ && Peek().type != ItemType::kEOF) {
    if (Peek().type == ItemType::kLeftDelim) {
      Item delim = Next();
      if (NextNonSpace().type == ItemType::kDefine) {
        ParseDefinition();
        continue;
      }
      Backup2(delim);
    }
    NodePtr n = TextOrAction();
    if (!n) break;
    if (n->type == NodeType::kEnd || n->type == NodeType::kElse) {
      Fail("unexpected " + n->String());
      break;
    }
    top->root->nodes.push_back(std::move(n));
  }
  if (ok_) Add(std::move(top));
  if (!ok_) *error = error_;
  return ok_;
}

std::unique_ptr<Tree> Parser::NewTree(const std::string& name) {
  auto tree = std::make_unique<Tree>();
  tree->name = name;
  tree->source = source_;
  return tree;
}

// --- errors -------------------------------------------------------------------------
bool Parser::Fail(const std::string& message) {
  if (ok_) {
    ok_ = false;
    error_.line = token_[0].line;
    error_.message = "template: " + parse_name_ + ":" + std::to_string(error_.line) + ": " + message;
    error_.file = source_->name;
    error_.name = parse_name_;
    error_.cause = message;
  }
  return false;
}

bool Parser::Unexpected(const Item& token, std::string_view context) {
  if (token.type == ItemType::kError) {
    std::string extra;
    if (state_.action_line != 0 && state_.action_line != token.line) {
      extra = " in action started at " + parse_name_ + ":" + std::to_string(state_.action_line);
      if (lex_error_.ends_with(" action")) extra = extra.substr(std::string_view(" in action").size());
    }
    return Fail(token.Describe(lex_error_) + extra);
  }
  return Fail("unexpected " + token.Describe() + " in " + std::string(context));
}

bool Parser::Expect(ItemType type, std::string_view context, Item* out) {
  Item token = NextNonSpace();
  if (token.type != type) return Unexpected(token, context);
  if (out) *out = token;
  return true;
}

// --- trees --------------------------------------------------------------------------
void Parser::Add(std::unique_ptr<Tree> tree) {
  auto it = defined_.find(tree->name);
  if (it == defined_.end()) {
    defined_[tree->name] = trees_->size();
    trees_->push_back(std::move(tree));
    return;
  }
  std::unique_ptr<Tree>& existing = (*trees_)[it->second];
  if (IsEmptyTree(existing->root.get())) {
    existing = std::move(tree);
  } else if (!IsEmptyTree(tree->root.get())) {
    Fail("template: multiple definition of template " + QuoteGo(tree->name));
  }
}

void Parser::ParseDefinition() {
  const TreeState saved = std::exchange(state_, TreeState{});
  Item name_token = NextNonSpace();
  if (name_token.type != ItemType::kString && name_token.type != ItemType::kRawString) {
    Unexpected(name_token, "define clause");
    return;
  }
  std::string name;
  if (!UnquoteGo(name_token.val, &name)) {
    Fail("invalid syntax");
    return;
  }
  if (!Expect(ItemType::kRightDelim, "define clause")) return;
  auto tree = NewTree(name);
  NodePtr end;
  tree->root = ItemList(&end);
  if (!ok_) return;
  if (end->type != NodeType::kEnd) {
    Fail("unexpected " + end->String() + " in define clause");
    return;
  }
  Add(std::move(tree));
  state_ = saved;
}

// textOrAction* up to {{end}} or {{else}}, returned in *next.
std::unique_ptr<ListNode> Parser::ItemList(NodePtr* next) {
  auto list = std::make_unique<ListNode>(PeekNonSpace().pos);
  while (ok_ && PeekNonSpace().type != ItemType::kEOF) {
    NodePtr n = TextOrAction();
    if (!n) return nullptr;
    if (n->type == NodeType::kEnd || n->type == NodeType::kElse) {
      *next = std::move(n);
      return list;
    }
    list->nodes.push_back(std::move(n));
  }
  if (ok_) Fail("unexpected EOF");
  return nullptr;
}

NodePtr Parser::TextOrAction() {
  Item token = NextNonSpace();
  switch (token.type) {
    case ItemType::kText: return std::make_unique<TextNode>(token.pos, token.val);
    case ItemType::kLeftDelim: {
      state_.action_line = token.line;
      NodePtr action = Action();
      if (action) action->delim = token.pos;
      state_.action_line = 0;
      return action;
    }
    default:
      Unexpected(token, "input");
      return nullptr;
  }
}

NodePtr Parser::Action() {
  Item token = NextNonSpace();
  switch (token.type) {
    case ItemType::kBlock: return BlockControl();
    case ItemType::kBreak: return BreakOrContinue(token, NodeType::kBreak);
    case ItemType::kContinue: return BreakOrContinue(token, NodeType::kContinue);
    case ItemType::kElse: return ElseControl();
    case ItemType::kEnd: {
      Item end;
      if (!Expect(ItemType::kRightDelim, "end", &end)) return nullptr;
      return std::make_unique<SimpleNode>(NodeType::kEnd, end.pos);
    }
    case ItemType::kIf: return Control(NodeType::kIf, "if");
    case ItemType::kRange: return Control(NodeType::kRange, "range");
    case ItemType::kTemplate: return TemplateControl();
    case ItemType::kWith: return Control(NodeType::kWith, "with");
    default: break;
  }
  Backup();
  const Item first = Peek();
  auto pipe = Pipeline("command", ItemType::kRightDelim);
  if (!pipe) return nullptr;
  return std::make_unique<ActionNode>(first.pos, std::move(pipe));
}

NodePtr Parser::BreakOrContinue(const Item& keyword, NodeType type) {
  const char* name = type == NodeType::kBreak ? "{{break}}" : "{{continue}}";
  Item token = NextNonSpace();
  if (token.type != ItemType::kRightDelim) {
    Unexpected(token, name);
    return nullptr;
  }
  if (state_.range_depth == 0) {
    Fail(std::string(name) + " outside {{range}}");
    return nullptr;
  }
  return std::make_unique<SimpleNode>(type, keyword.pos);
}

NodePtr Parser::ElseControl() {
  Item peek = PeekNonSpace();
  if (peek.type == ItemType::kIf || peek.type == ItemType::kWith) {
    return std::make_unique<SimpleNode>(NodeType::kElse, peek.pos);
  }
  Item token;
  if (!Expect(ItemType::kRightDelim, "else", &token)) return nullptr;
  return std::make_unique<SimpleNode>(NodeType::kElse, token.pos);
}

// if / range / with: pipeline, list, optional else (with "else if" / "else with" chains).
NodePtr Parser::Control(NodeType type, std::string_view context) {
  const size_t vars_mark = state_.vars.size();
  auto node = std::make_unique<BranchNode>(type, 0);
  node->pipe = Pipeline(context, ItemType::kRightDelim);
  if (!node->pipe) return nullptr;
  node->pos = node->pipe->pos;
  if (type == NodeType::kRange) ++state_.range_depth;
  NodePtr next;
  node->list = ItemList(&next);
  if (type == NodeType::kRange) --state_.range_depth;
  if (!node->list) return nullptr;
  if (next->type == NodeType::kElse) {
    const bool else_if = type == NodeType::kIf && Peek().type == ItemType::kIf;
    const bool else_with = type == NodeType::kWith && Peek().type == ItemType::kWith;
    if (else_if || else_with) {
      Next();
      node->else_list = std::make_unique<ListNode>(next->pos);
      NodePtr chained = Control(type, context);
      if (!chained) return nullptr;
      chained->delim = next->delim;  // {{else if …}}
      node->else_list->nodes.push_back(std::move(chained));
    } else {
      node->else_list = ItemList(&next);
      if (!node->else_list) return nullptr;
      if (next->type != NodeType::kEnd) {
        Fail("expected end; found " + next->String());
        return nullptr;
      }
    }
  }
  state_.vars.resize(vars_mark);
  return node;
}

bool Parser::TemplateName(const Item& token, std::string_view context, std::string* name) {
  if (token.type != ItemType::kString && token.type != ItemType::kRawString) return Unexpected(token, context);
  if (!UnquoteGo(token.val, name)) return Fail("invalid syntax");
  return true;
}

NodePtr Parser::TemplateControl() {
  Item token = NextNonSpace();
  std::string name;
  if (!TemplateName(token, "template clause", &name)) return nullptr;
  std::unique_ptr<PipeNode> pipe;
  if (NextNonSpace().type != ItemType::kRightDelim) {
    Backup();
    pipe = Pipeline("template clause", ItemType::kRightDelim);
    if (!pipe) return nullptr;
  }
  return std::make_unique<TemplateNode>(token.pos, std::move(name), std::move(pipe));
}

// {{block "name" pipeline}} T {{end}}: defines "name" as T and calls it.
NodePtr Parser::BlockControl() {
  Item token = NextNonSpace();
  std::string name;
  if (!TemplateName(token, "block clause", &name)) return nullptr;
  auto pipe = Pipeline("block clause", ItemType::kRightDelim);
  if (!pipe) return nullptr;
  const TreeState saved = std::exchange(state_, TreeState{});
  auto block = NewTree(name);
  NodePtr end;
  block->root = ItemList(&end);
  if (!block->root) return nullptr;
  if (end->type != NodeType::kEnd) {
    Fail("unexpected " + end->String() + " in block clause");
    return nullptr;
  }
  Add(std::move(block));
  state_ = saved;
  return std::make_unique<TemplateNode>(token.pos, std::move(name), std::move(pipe));
}

bool ParseTrees(const std::shared_ptr<const TemplateSource>& source, const std::string& name,
                const FunctionRegistry& functions, std::vector<std::unique_ptr<Tree>>* trees, TemplateError* error) {
  std::vector<std::unique_ptr<Tree>> parsed;
  Parser parser(source, name, functions, &parsed);
  if (!parser.Run(error)) return false;
  for (auto& tree : parsed) trees->push_back(std::move(tree));
  return true;
}

}  // namespace kubeshift::tmpl
