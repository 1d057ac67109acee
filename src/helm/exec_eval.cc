// Expressions: pipelines, commands, field chains, function calls and the conversion of
// arguments to parameter types, with Go's rules and error texts (exec.go's eval* functions).
#include "helm/exec.h"

#include <utility>
#include "helm/go_format.h"

namespace kubeshift::tmpl {

std::string_view ParamTypeName(Param param) {
  switch (param) {
    case Param::kAny: return "interface {}";
    case Param::kValue: return "reflect.Value";
    case Param::kString: return "string";
    case Param::kInt: return "int";
    case Param::kInt64: return "int64";
    case Param::kFloat64: return "float64";
    case Param::kBool: return "bool";
    case Param::kMap: return "map[string]interface {}";
    case Param::kList: return "[]interface {}";
  }
  return "";
}

bool Executor::VarValue(std::string_view name, Value* out) {
  for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
    if (it->name == name) {
      *out = it->value;
      return true;
    }
  }
  return Errorf("undefined variable: " + std::string(name));
}

bool Executor::SetVar(std::string_view name, const Value& value) {
  for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
    if (it->name == name) {
      it->value = value;
      return true;
    }
  }
  return Errorf("undefined variable: " + std::string(name));
}

bool Executor::EvalPipeline(const Value& dot, const PipeNode* pipe, Value* out) {
  if (!pipe) {
    *out = Value();
    return true;
  }
  node_ = pipe;
  Value value;
  bool have = false;
  for (const auto& cmd : pipe->cmds) {
    Value next;
    if (!EvalCommand(dot, cmd.get(), have ? &value : nullptr, &next)) return false;
    // Go digs a nil interface{} down to "no value" between commands.
    value = next.IsNil() ? Value() : std::move(next);
    have = true;
  }
  for (const auto& variable : pipe->decl) {
    if (pipe->is_assign) {
      if (!SetVar(variable->ident[0], value)) return false;
    } else {
      vars_.push_back(Var{variable->ident[0], value});
    }
  }
  *out = std::move(value);
  return true;
}

bool Executor::NotAFunction(std::span<const NodePtr> args, const Value* final) {
  if (args.size() > 1 || final) return Errorf("can't give argument to non-function " + args[0]->String());
  return true;
}

bool Executor::EvalCommand(const Value& dot, const CommandNode* cmd, const Value* final, Value* out) {
  const Node* first = cmd->args[0].get();
  const std::span<const NodePtr> args(cmd->args);
  switch (first->type) {
    case NodeType::kField: {
      node_ = first;
      const auto* field = static_cast<const FieldNode*>(first);
      return EvalFieldChain(dot, dot, field, field->ident, args, final, out);
    }
    case NodeType::kChain: return EvalChain(dot, static_cast<const ChainNode*>(first), args, final, out);
    case NodeType::kIdentifier: {
      node_ = first;
      const auto* ident = static_cast<const IdentifierNode*>(first);
      return EvalCall(dot, *ident->function, ident->builtin, cmd, args, final, out);
    }
    case NodeType::kPipe:
      if (!NotAFunction(args, final)) return false;
      return EvalPipeline(dot, static_cast<const PipeNode*>(first), out);
    case NodeType::kVariable: return EvalVariable(dot, static_cast<const VariableNode*>(first), args, final, out);
    default: break;
  }
  node_ = first;
  if (!NotAFunction(args, final)) return false;
  switch (first->type) {
    case NodeType::kBool: *out = Value::Bool(static_cast<const BoolNode*>(first)->value); return true;
    case NodeType::kDot: *out = dot; return true;
    case NodeType::kNil: return Errorf("nil is not a command");
    case NodeType::kNumber: return IdealConstant(static_cast<const NumberNode*>(first), out);
    case NodeType::kString: *out = Value::String(static_cast<const StringNode*>(first)->text); return true;
    default: return Errorf("can't evaluate command " + QuoteGo(first->String()));
  }
}

// A number with no type context: the literal's syntax decides between int and float64.
bool Executor::IdealConstant(const NumberNode* n, Value* out) {
  node_ = n;
  const std::string& text = n->text;
  const bool hex_int = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
                       text.find_first_of("pP") == std::string::npos;
  const bool rune_int = !text.empty() && text[0] == '\'';
  if (n->is_float && !hex_int && !rune_int && text.find_first_of(".eEpP") != std::string::npos) {
    *out = Value::Float(n->float64);
    return true;
  }
  if (n->is_int) {
    *out = Value::Int(n->int64);
    return true;
  }
  if (n->is_uint) return Errorf(text + " overflows int");
  *out = Value();
  return true;
}

bool Executor::EvalChain(const Value& dot, const ChainNode* chain, std::span<const NodePtr> args, const Value* final,
                         Value* out) {
  node_ = chain;
  if (chain->node->type == NodeType::kNil) return Errorf("indirection through explicit nil in " + chain->String());
  Value receiver;
  if (!EvalArg(dot, Param::kValue, chain->node.get(), &receiver)) return false;
  return EvalFieldChain(dot, receiver, chain, chain->field, args, final, out);
}

bool Executor::EvalVariable(const Value& dot, const VariableNode* node, std::span<const NodePtr> args,
                            const Value* final, Value* out) {
  node_ = node;
  Value value;
  if (!VarValue(node->ident[0], &value)) return false;
  if (node->ident.size() == 1) {
    if (!NotAFunction(args, final)) return false;
    *out = std::move(value);
    return true;
  }
  return EvalFieldChain(dot, value, node, std::span<const std::string>(node->ident).subspan(1), args, final, out);
}

bool Executor::EvalFieldChain(const Value& dot, Value receiver, const Node* node, std::span<const std::string> ident,
                              std::span<const NodePtr> args, const Value* final, Value* out) {
  const size_t n = ident.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    Value next;
    if (!EvalField(dot, ident[i], node, {}, nullptr, receiver, i > 0, &next)) return false;
    receiver = std::move(next);
  }
  return EvalField(dot, ident[n - 1], node, args, final, receiver, n > 1, out);
}

// .Field on a value: a host object's method or field, or a map entry. \a boxed says the
// receiver came out of a map (an interface{} in Go), which changes Go's error wording.
bool Executor::EvalField(const Value& dot, const std::string& name, const Node* node, std::span<const NodePtr> args,
                         const Value* final, const Value& receiver, bool boxed, Value* out) {
  if (!receiver.IsValid()) {
    if (options_.missing_key == ExecOptions::MissingKey::kError) {
      return Errorf("nil data; no entry for key " + QuoteGo(name));
    }
    *out = Value();
    return true;
  }
  if (receiver.IsNil()) return Errorf("nil pointer evaluating interface {}." + name);
  if (receiver.kind() == Value::Kind::kObject) {
    if (const Function* method = receiver.AsObject().Method(name)) {
      return EvalCall(dot, *method, false, node, args, final, out);
    }
  }
  const bool has_args = args.size() > 1 || final;
  if (receiver.kind() == Value::Kind::kObject) {
    if (receiver.AsObject().Field(name, out)) {
      if (has_args) return Errorf(name + " has arguments but cannot be invoked as function");
      return true;
    }
  } else if (receiver.IsMap()) {
    if (has_args) return Errorf(name + " is not a method but has arguments");
    const ValueMap& map = receiver.AsMap();
    auto it = map.find(name);
    if (it != map.end()) {
      *out = it->second;
      return true;
    }
    switch (options_.missing_key) {
      case ExecOptions::MissingKey::kDefault: *out = Value(); return true;
      case ExecOptions::MissingKey::kZero: *out = Value::Nil(); return true;
      case ExecOptions::MissingKey::kError: return Errorf("map has no entry for key " + QuoteGo(name));
    }
  }
  return Errorf("can't evaluate field " + name + " in type " + (boxed ? "interface {}" : receiver.TypeName()));
}

bool Executor::EvalCall(const Value& dot, const Function& fn, bool builtin, const Node* node,
                        std::span<const NodePtr> args, const Value* final, Value* out) {
  if (!args.empty()) args = args.subspan(1);  // args[0] names the function
  const std::string& name = fn.name;
  const size_t num_in = args.size() + (final ? 1 : 0);
  size_t num_fixed = args.size();
  if (fn.variadic) {
    num_fixed = fn.params.size() - 1;
    if (num_in < num_fixed) {
      return Errorf("wrong number of args for " + name + ": want at least " + std::to_string(num_fixed) + " got " +
                    std::to_string(args.size()));
    }
  } else if (num_in != fn.params.size()) {
    return Errorf("wrong number of args for " + name + ": want " + std::to_string(fn.params.size()) + " got " +
                  std::to_string(num_in));
  }
  if (builtin && (name == "and" || name == "or")) {  // they short-circuit (Go 1.18+)
    Value v;
    for (const NodePtr& arg : args) {
      if (!EvalArg(dot, Param::kValue, arg.get(), &v)) return false;
      if (v.Truth() == (name == "or")) {
        *out = std::move(v);
        return true;
      }
    }
    if (final) v = *final;
    *out = std::move(v);
    return true;
  }
  std::vector<Value> argv(num_in);
  size_t i = 0;
  for (; i < num_fixed && i < args.size(); ++i) {
    if (!EvalArg(dot, fn.params[i], args[i].get(), &argv[i])) return false;
  }
  for (; fn.variadic && i < args.size(); ++i) {
    if (!EvalArg(dot, fn.params.back(), args[i].get(), &argv[i])) return false;
  }
  if (final) {
    const Param type = fn.variadic && num_in - 1 < num_fixed ? fn.params[num_in - 1] : fn.params.back();
    if (!ValidateType(*final, type, &argv[i])) return false;
  }
  node_ = node;
  if (!Step()) return false;
  const Node* saved_call = std::exchange(call_node_, node);
  std::string error;
  has_nested_ = false;
  bool ok = false;
  if (builtin && name == "call" && !argv.empty() && !argv[0].IsNilish() &&
      argv[0].kind() != Value::Kind::kFunction) {
    // Go's call names its callee node: "non-function .x of type bool".
    const std::string callee = args.empty() ? "<" + argv[0].TypeName() + " Value>" : args[0]->String();
    error = "non-function " + callee + " of type " + argv[0].TypeName();
  } else {
    ok = fn.call(*this, argv, out, &error);
  }
  call_node_ = saved_call;
  if (ok && !Charge(*out)) {
    ok = false;
    error = BytesLimitMessage();
  }
  if (ok) return true;
  node_ = node;
  Errorf("error calling " + name + ": " + error);
  // The innermost failure decides the cause: Helm reports `required` messages by it.
  error_.function = has_nested_ && !nested_.function.empty() ? nested_.function : name;
  error_.cause = has_nested_ && !nested_.function.empty() ? nested_.cause : error;
  has_nested_ = false;
  return false;
}

bool Executor::ValidateType(const Value& value, Param param, Value* out) {
  if (!value.IsValid()) {
    switch (param) {
      case Param::kAny: *out = Value::Nil(); return true;
      case Param::kValue: *out = Value(); return true;
      case Param::kMap: *out = Value::Map(); return true;   // a nil map reads as empty
      case Param::kList: *out = Value::List({}); return true;
      default: return Errorf("invalid value; expected " + std::string(ParamTypeName(param)));
    }
  }
  bool ok = true;
  switch (param) {
    case Param::kAny:
    case Param::kValue: break;
    case Param::kString: ok = value.IsString(); break;
    case Param::kInt: ok = value.kind() == Value::Kind::kInt; break;
    case Param::kInt64: ok = value.kind() == Value::Kind::kInt64; break;
    case Param::kFloat64: ok = value.kind() == Value::Kind::kFloat; break;
    case Param::kBool: ok = value.kind() == Value::Kind::kBool; break;
    case Param::kMap: ok = value.IsMap(); break;
    case Param::kList: ok = value.IsList() && !value.IsStringList(); break;
  }
  if (!ok) {
    return Errorf("wrong type for value; expected " + std::string(ParamTypeName(param)) + "; got " + value.TypeName());
  }
  *out = value;
  return true;
}

bool Executor::EvalArg(const Value& dot, Param param, const Node* node, Value* out) {
  node_ = node;
  Value value;
  switch (node->type) {
    case NodeType::kDot: return ValidateType(dot, param, out);
    case NodeType::kNil:
      switch (param) {
        case Param::kAny: *out = Value::Nil(); return true;
        case Param::kValue: *out = Value(); return true;
        case Param::kMap: *out = Value::Map(); return true;
        case Param::kList: *out = Value::List({}); return true;
        default: return Errorf("cannot assign nil to " + std::string(ParamTypeName(param)));
      }
    case NodeType::kField: {
      const auto* field = static_cast<const FieldNode*>(node);
      if (!EvalFieldChain(dot, dot, field, field->ident, {}, nullptr, &value)) return false;
      return ValidateType(value, param, out);
    }
    case NodeType::kVariable:
      if (!EvalVariable(dot, static_cast<const VariableNode*>(node), {}, nullptr, &value)) return false;
      return ValidateType(value, param, out);
    case NodeType::kPipe:
      if (!EvalPipeline(dot, static_cast<const PipeNode*>(node), &value)) return false;
      return ValidateType(value, param, out);
    case NodeType::kIdentifier: {
      const auto* ident = static_cast<const IdentifierNode*>(node);
      if (!EvalCall(dot, *ident->function, ident->builtin, node, {}, nullptr, &value)) return false;
      return ValidateType(value, param, out);
    }
    case NodeType::kChain:
      if (!EvalChain(dot, static_cast<const ChainNode*>(node), {}, nullptr, &value)) return false;
      return ValidateType(value, param, out);
    default: break;
  }
  const auto* number = node->type == NodeType::kNumber ? static_cast<const NumberNode*>(node) : nullptr;
  switch (param) {
    case Param::kBool:
      if (node->type == NodeType::kBool) {
        *out = Value::Bool(static_cast<const BoolNode*>(node)->value);
        return true;
      }
      return Errorf("expected bool; found " + node->String());
    case Param::kFloat64:
      if (number && number->is_float) {
        *out = Value::Float(number->float64);
        return true;
      }
      return Errorf("expected float; found " + node->String());
    case Param::kInt:
    case Param::kInt64:
      if (number && number->is_int) {
        *out = param == Param::kInt ? Value::Int(number->int64) : Value::Int64(number->int64);
        return true;
      }
      return Errorf("expected integer; found " + node->String());
    case Param::kString:
      if (node->type == NodeType::kString) {
        *out = Value::String(static_cast<const StringNode*>(node)->text);
        return true;
      }
      return Errorf("expected string; found " + node->String());
    case Param::kAny:
    case Param::kValue:
      if (node->type == NodeType::kBool) {
        *out = Value::Bool(static_cast<const BoolNode*>(node)->value);
        return true;
      }
      if (number) return IdealConstant(number, out);
      if (node->type == NodeType::kString) {
        *out = Value::String(static_cast<const StringNode*>(node)->text);
        return true;
      }
      return Errorf("can't handle assignment of " + node->String() + " to empty interface argument");
    default:
      return Errorf("can't handle " + node->String() + " for arg of type " + std::string(ParamTypeName(param)));
  }
}

}  // namespace kubeshift::tmpl
