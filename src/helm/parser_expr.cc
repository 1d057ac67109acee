// Parsing of pipelines, commands, operands and terms (Go's parse.go, second half).
#include "helm/go_format.h"
#include "helm/go_strconv.h"
#include "helm/parser_impl.h"

namespace kubeshift::tmpl {

// declarations? command ('|' command)*
std::unique_ptr<PipeNode> Parser::Pipeline(std::string_view context, ItemType end) {
  const Item first = PeekNonSpace();
  auto pipe = std::make_unique<PipeNode>(first.pos, first.line);
  if (!Declarations(pipe.get(), context)) return nullptr;
  for (;;) {
    Item token = NextNonSpace();
    if (token.type == end) {
      if (!CheckPipeline(*pipe, context)) return nullptr;
      return pipe;
    }
    switch (token.type) {
      case ItemType::kBool: case ItemType::kCharConstant: case ItemType::kComplex: case ItemType::kDot:
      case ItemType::kField: case ItemType::kIdentifier: case ItemType::kNumber: case ItemType::kNil:
      case ItemType::kRawString: case ItemType::kString: case ItemType::kVariable: case ItemType::kLeftParen: {
        Backup();
        auto cmd = Command();
        if (!cmd) return nullptr;
        pipe->cmds.push_back(std::move(cmd));
        break;
      }
      default:
        Unexpected(token, context);
        return nullptr;
    }
  }
}

// "$x :=", "$x =", or (range only) "$i, $v :=". Needs three tokens of look-ahead: in
// "$x foo" the token after the space decides that $x is an argument.
bool Parser::Declarations(PipeNode* pipe, std::string_view context) {
  for (;;) {
    Item v = PeekNonSpace();
    if (v.type != ItemType::kVariable) return true;
    Next();
    Item after_variable = Peek();
    Item next = PeekNonSpace();
    if (next.type == ItemType::kAssign || next.type == ItemType::kDeclare) {
      pipe->is_assign = next.type == ItemType::kAssign;
      NextNonSpace();
      pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, std::vector<std::string>{std::string(v.val)}));
      state_.vars.emplace_back(v.val);
      return true;
    }
    if (next.type == ItemType::kChar && next.val == ",") {
      NextNonSpace();
      pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, std::vector<std::string>{std::string(v.val)}));
      state_.vars.emplace_back(v.val);
      if (context == "range" && pipe->decl.size() < 2) {
        const ItemType t = PeekNonSpace().type;
        if (t == ItemType::kVariable || t == ItemType::kRightDelim || t == ItemType::kRightParen) continue;
        return Fail("range can only initialize variables");
      }
      return Fail("too many declarations in " + std::string(context));
    }
    if (after_variable.type == ItemType::kSpace) Backup3(v, after_variable);
    else Backup2(v);
    return true;
  }
}

bool Parser::CheckPipeline(const PipeNode& pipe, std::string_view context) {
  if (pipe.cmds.empty()) return Fail("missing value for " + std::string(context));
  for (size_t i = 1; i < pipe.cmds.size(); ++i) {
    switch (pipe.cmds[i]->args[0]->type) {
      case NodeType::kBool: case NodeType::kDot: case NodeType::kNil: case NodeType::kNumber: case NodeType::kString:
        return Fail("non executable command in pipeline stage " + std::to_string(i + 1));
      default: break;
    }
  }
  return true;
}

std::unique_ptr<CommandNode> Parser::Command() {
  auto cmd = std::make_unique<CommandNode>(PeekNonSpace().pos);
  for (;;) {
    PeekNonSpace();
    NodePtr operand = Operand();
    if (!ok_) return nullptr;
    if (operand) cmd->args.push_back(std::move(operand));
    Item token = Next();
    if (token.type == ItemType::kSpace) continue;
    if (token.type == ItemType::kRightDelim || token.type == ItemType::kRightParen) {
      Backup();
    } else if (token.type != ItemType::kPipe) {
      Unexpected(token, "operand");
      return nullptr;
    }
    break;
  }
  if (cmd->args.empty()) {
    Fail("empty command");
    return nullptr;
  }
  return cmd;
}

// term .Field*
NodePtr Parser::Operand() {
  NodePtr node = Term();
  if (!node || Peek().type != ItemType::kField) return node;
  auto chain = std::make_unique<ChainNode>(Peek().pos, std::move(node));
  while (Peek().type == ItemType::kField) chain->field.emplace_back(Next().val.substr(1));
  switch (chain->node->type) {
    case NodeType::kField: {
      auto* field = static_cast<FieldNode*>(chain->node.get());
      std::vector<std::string> ident = std::move(field->ident);
      ident.insert(ident.end(), chain->field.begin(), chain->field.end());
      return std::make_unique<FieldNode>(chain->pos, std::move(ident));
    }
    case NodeType::kVariable: {
      auto* variable = static_cast<VariableNode*>(chain->node.get());
      std::vector<std::string> ident = std::move(variable->ident);
      ident.insert(ident.end(), chain->field.begin(), chain->field.end());
      return std::make_unique<VariableNode>(chain->pos, std::move(ident));
    }
    case NodeType::kBool: case NodeType::kString: case NodeType::kNumber: case NodeType::kNil: case NodeType::kDot:
      Fail("unexpected . after term " + QuoteGo(chain->node->String()));
      return nullptr;
    default: return chain;
  }
}

NodePtr Parser::Term() {
  Item token = NextNonSpace();
  switch (token.type) {
    case ItemType::kIdentifier: {
      const std::string name(token.val);
      const Function* function = functions_.Find(name);
      const bool builtin = function == nullptr;
      if (!function) function = GoBuiltins().Find(name);
      if (!function) {
        Fail("function " + QuoteGo(name) + " not defined");
        return nullptr;
      }
      return std::make_unique<IdentifierNode>(token.pos, name, function, builtin);
    }
    case ItemType::kDot: return std::make_unique<SimpleNode>(NodeType::kDot, token.pos);
    case ItemType::kNil: return std::make_unique<SimpleNode>(NodeType::kNil, token.pos);
    case ItemType::kVariable: {
      const std::string name(token.val);
      for (const std::string& known : state_.vars) {
        if (known == name) return std::make_unique<VariableNode>(token.pos, std::vector<std::string>{name});
      }
      Fail("undefined variable " + QuoteGo(name));
      return nullptr;
    }
    case ItemType::kField: {
      return std::make_unique<FieldNode>(token.pos, std::vector<std::string>{std::string(token.val.substr(1))});
    }
    case ItemType::kBool: return std::make_unique<BoolNode>(token.pos, token.val == "true");
    case ItemType::kCharConstant: case ItemType::kComplex: case ItemType::kNumber: {
      auto number = std::make_unique<NumberNode>(token.pos, std::string(token.val));
      std::string error;
      if (!NumberNodeFrom(number.get(), token.type, &error)) {
        Fail(error);
        return nullptr;
      }
      return number;
    }
    case ItemType::kLeftParen: return Pipeline("parenthesized pipeline", ItemType::kRightParen);
    case ItemType::kString: case ItemType::kRawString: {
      std::string text;
      if (!UnquoteGo(token.val, &text)) {
        Fail("invalid syntax");
        return nullptr;
      }
      return std::make_unique<StringNode>(token.pos, std::string(token.val), std::move(text));
    }
    default:
      Backup();
      return nullptr;
  }
}

// Go's newNumber.
bool NumberNodeFrom(NumberNode* n, ItemType type, std::string* error) {
  const std::string& text = n->text;
  if (type == ItemType::kCharConstant) {
    uint32_t rune = 0;
    bool is_byte = false;
    size_t used = 0;
    if (!UnquoteGoChar(std::string_view(text).substr(1), '\'', &rune, &is_byte, &used) || text.substr(1 + used) != "'") {
      *error = "malformed character constant: " + text;
      return false;
    }
    n->is_int = n->is_uint = n->is_float = true;
    n->int64 = rune;
    n->uint64 = rune;
    n->float64 = rune;
    return true;
  }
  // An imaginary literal is one only when what precedes the 'i' is a float ("0xi" is not).
  double imaginary = 0;
  const bool imaginary_literal =
      !text.empty() && text.back() == 'i' && ParseGoFloat(std::string_view(text).substr(0, text.size() - 1), &imaginary);
  if (type == ItemType::kComplex || imaginary_literal) {
    *error = "complex constants are not supported: " + text;
    return false;
  }
  uint64_t u = 0;
  int64_t i = 0;
  if (ParseGoUint(text, 0, &u)) {
    n->is_uint = true;
    n->uint64 = u;
  }
  if (ParseGoInt(text, 0, &i)) {
    n->is_int = true;
    n->int64 = i;
    if (i == 0) {
      n->is_uint = true;  // -0
      n->uint64 = 0;
    }
  }
  if (n->is_int) {
    n->is_float = true;
    n->float64 = static_cast<double>(n->int64);
  } else if (n->is_uint) {
    n->is_float = true;
    n->float64 = static_cast<double>(n->uint64);
  } else {
    double f = 0;
    if (ParseGoFloat(text, &f)) {
      if (text.find_first_of(".eEpP") == std::string::npos) {
        *error = "integer overflow: " + QuoteGo(text);
        return false;
      }
      n->is_float = true;
      n->float64 = f;
      if (f >= -9.2233720368547758e18 && f < 9.2233720368547758e18 && static_cast<double>(static_cast<int64_t>(f)) == f) {
        n->is_int = true;
        n->int64 = static_cast<int64_t>(f);
      }
      if (f >= 0 && f < 1.8446744073709552e19 && static_cast<double>(static_cast<uint64_t>(f)) == f) {
        n->is_uint = true;
        n->uint64 = static_cast<uint64_t>(f);
      }
    }
  }
  if (!n->is_int && !n->is_uint && !n->is_float) {
    *error = "illegal number syntax: " + QuoteGo(text);
    return false;
  }
  return true;
}

}  // namespace kubeshift::tmpl
