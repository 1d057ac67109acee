// Statements: text, actions, if/with/range, template calls, and the include/tpl entry points
// functions use. Errors are Go's texts, positioned at the node being evaluated.
#include "helm/exec.h"

#include <algorithm>
#include <utility>

#include "helm/go_format.h"
#include "helm/parser.h"

namespace kubeshift::tmpl {

Executor::Executor(const TemplateSet::Impl& set, const ExecOptions& options)
    : set_(set), options_(options), random_state_(options.random_seed) {}

bool Executor::Run(const Tree& tree, const Value& data, RenderResult* out, TemplateError* error) {
  Output output;
  out_ = &output;
  tree_ = &tree;
  const Value dot = data.IsNil() ? Value() : data;  // Go: reflect.ValueOf(nil) is invalid
  vars_ = {Var{"$", dot}};
  const bool ok = Walk(dot, tree.root.get()) != Flow::kError;
  *out = std::move(output.result());
  if (!ok) *error = error_;
  return ok;
}

bool Executor::Errorf(const std::string& message) {
  if (failed_) return false;
  failed_ = true;
  error_ = TemplateError{};
  error_.file = tree_->source->name;
  error_.name = tree_->name;
  if (node_ == nullptr) {
    error_.message = "template: " + tree_->name + ": " + message;
  } else {
    tree_->Locate(node_->pos, &error_.line, &error_.column);
    error_.context = node_->String();
    error_.message = "template: " + error_.file + ":" + std::to_string(error_.line) + ":" +
                     std::to_string(error_.column) + ": executing " + QuoteGo(tree_->name) + " at <" +
                     error_.context + ">: " + message;
  }
  error_.cause = message;
  return false;
}

bool Executor::Step() {
  if (++steps_ <= options_.max_steps) return true;
  return Errorf("template execution exceeded the limit of " + std::to_string(options_.max_steps) +
                " steps (statements, loop iterations and function calls)");
}

std::string Executor::BytesLimitMessage() const {
  return "template execution exceeded the limit of " + std::to_string(options_.max_bytes) +
         " bytes (output, strings and lists made by functions)";
}

bool Executor::Reserve(uint64_t bytes, std::string* error) {
  if (bytes <= options_.max_bytes && bytes_ <= options_.max_bytes - bytes) return true;
  *error = BytesLimitMessage();
  return false;
}

bool Executor::Charge(uint64_t bytes) {
  if (bytes <= options_.max_bytes && bytes_ <= options_.max_bytes - bytes) {
    bytes_ += bytes;
    return true;
  }
  bytes_ = options_.max_bytes;  // nothing more fits: later output fails too
  return false;
}

// A list counts its own elements, not what they hold (that was counted when it was made).
bool Executor::Charge(const Value& made) {
  if (made.IsString()) return Charge(made.AsString().size());
  if (made.IsList()) return Charge(made.AsList().size() * sizeof(Value));
  return true;
}

bool Executor::Write(uint64_t bytes) { return Charge(bytes) || Errorf(BytesLimitMessage()); }

Executor::Flow Executor::Walk(const Value& dot, const Node* node) {
  node_ = node;
  if (!Step()) return Flow::kError;
  if (node->type != NodeType::kText && node->type != NodeType::kList) action_ = node->delim;
  switch (node->type) {
    case NodeType::kAction: {
      const auto* action = static_cast<const ActionNode*>(node);
      Value value;
      if (!EvalPipeline(dot, action->pipe.get(), &value)) return Flow::kError;
      // An action that declares variables prints nothing.
      if (action->pipe->decl.empty() && !PrintValue(node, value)) return Flow::kError;
      return Flow::kNormal;
    }
    case NodeType::kBreak: return Flow::kBreak;
    case NodeType::kContinue: return Flow::kContinue;
    case NodeType::kIf:
    case NodeType::kWith: return WalkIfOrWith(dot, static_cast<const BranchNode*>(node));
    case NodeType::kList:
      for (const NodePtr& child : static_cast<const ListNode*>(node)->nodes) {
        const Flow flow = Walk(dot, child.get());
        if (flow != Flow::kNormal) return flow;
      }
      return Flow::kNormal;
    case NodeType::kRange: return WalkRange(dot, static_cast<const BranchNode*>(node));
    case NodeType::kTemplate: return WalkTemplate(dot, static_cast<const TemplateNode*>(node));
    case NodeType::kText:
      if (!Write(static_cast<const TextNode*>(node)->text.size())) return Flow::kError;
      out_->AppendLiteral(static_cast<const TextNode*>(node)->text, OriginAt(node->pos));
      return Flow::kNormal;
    default:
      Errorf("unknown node: " + node->String());
      return Flow::kError;
  }
}

Executor::Flow Executor::WalkIfOrWith(const Value& dot, const BranchNode* node) {
  const size_t mark = vars_.size();
  Value value;
  if (!EvalPipeline(dot, node->pipe.get(), &value)) return Flow::kError;
  Flow flow = Flow::kNormal;
  if (value.Truth()) {
    flow = Walk(node->type == NodeType::kWith ? value : dot, node->list.get());
  } else if (node->else_list) {
    flow = Walk(dot, node->else_list.get());
  }
  vars_.resize(mark);
  return flow;
}

// One iteration: set the range variables, walk the body, drop what the body declared.
bool Executor::RangeStep(const BranchNode* node, size_t mark, const Value& index, const Value& elem, Flow* flow) {
  const auto& decl = node->pipe->decl;
  if (!decl.empty()) {
    if (node->pipe->is_assign) {
      if (!SetVar(decl[0]->ident[0], decl.size() > 1 ? index : elem)) return false;
      if (decl.size() > 1 && !SetVar(decl[1]->ident[0], elem)) return false;
    } else {
      vars_[vars_.size() - 1].value = elem;
      if (decl.size() > 1) vars_[vars_.size() - 2].value = index;
    }
  }
  *flow = Walk(elem, node->list.get());
  vars_.resize(mark);
  return *flow != Flow::kError;
}

Executor::Flow Executor::WalkRange(const Value& dot, const BranchNode* node) {
  node_ = node;
  const size_t outer_mark = vars_.size();
  Value value;
  if (!EvalPipeline(dot, node->pipe.get(), &value)) return Flow::kError;
  if (value.kind() == Value::Kind::kObject && value.AsObject().Elements().IsValid()) {
    value = value.AsObject().Elements();  // a Go map or slice type: .Files.Glob, APIVersions
  }
  const size_t mark = vars_.size();
  Flow flow = Flow::kNormal;
  bool ran = false;
  auto step = [&](const Value& index, const Value& elem) {
    ran = true;
    if (!RangeStep(node, mark, index, elem, &flow)) return false;
    return flow != Flow::kBreak;
  };
  switch (value.kind()) {
    case Value::Kind::kList:
      for (size_t i = 0; i < value.AsList().size(); ++i) {
        if (!step(Value::Int(static_cast<int64_t>(i)), value.AsList()[i])) break;
      }
      break;
    case Value::Kind::kMap: {
      const auto map = value.map_ref();  // the body may change the map through `set`
      const ValueMap entries = *map;
      for (const auto& [key, elem] : entries) {
        if (!step(Value::String(key), elem)) break;
      }
      break;
    }
    case Value::Kind::kInt:
    case Value::Kind::kInt64: {
      if (node->pipe->decl.size() > 1) {
        Errorf("can't use " + ToString(value) + " to iterate over more than one variable");
        return Flow::kError;
      }
      for (int64_t i = 0; i < value.AsInt(); ++i) {
        const Value n = value.kind() == Value::Kind::kInt ? Value::Int(i) : Value::Int64(i);
        if (!step(n, n)) break;
      }
      break;
    }
    case Value::Kind::kInvalid: break;  // like an empty map
    default:  // Go reports it at the pipeline's last evaluated node, as node_ still is
      Errorf("range can't iterate over " + ToString(value));
      return Flow::kError;
  }
  if (flow == Flow::kError) return Flow::kError;
  flow = Flow::kNormal;
  if (!ran && node->else_list) flow = Walk(dot, node->else_list.get());
  vars_.resize(outer_mark);
  return flow == Flow::kError ? Flow::kError : Flow::kNormal;
}

Executor::Flow Executor::WalkTemplate(const Value& dot, const TemplateNode* node) {
  node_ = node;
  const Tree* tree = Lookup(node->name);
  if (!tree) {
    Errorf("template " + QuoteGo(node->name) + " not defined");
    return Flow::kError;
  }
  if (depth_ >= options_.max_depth) {
    Errorf("exceeded maximum template depth (" + std::to_string(options_.max_depth) + ")");
    return Flow::kError;
  }
  Value new_dot;
  if (!EvalPipeline(dot, node->pipe.get(), &new_dot)) return Flow::kError;  // its variables persist
  auto frame = std::make_shared<CallFrame>(CallFrame{tree_->source, node->delim, node->name, frame_});
  std::string unused;
  return RunNested(*tree, new_dot, std::move(frame), out_, &unused) ? Flow::kNormal : Flow::kError;
}

// Runs \a tree with a fresh variable scope (templates inherit no variables) into \a out.
bool Executor::RunNested(const Tree& tree, const Value& dot, std::shared_ptr<const CallFrame> frame, Output* out,
                         std::string* error) {
  const Tree* saved_tree = std::exchange(tree_, &tree);
  std::vector<Var> saved_vars = std::exchange(vars_, {Var{"$", dot}});
  Output* saved_out = std::exchange(out_, out);
  std::shared_ptr<const CallFrame> saved_frame = std::exchange(frame_, std::move(frame));
  const Node* saved_call = call_node_;
  const size_t saved_action = action_;
  ++depth_;
  const bool ok = Walk(dot, tree.root.get()) != Flow::kError;
  --depth_;
  if (!ok) *error = error_.message;
  tree_ = saved_tree;
  vars_ = std::move(saved_vars);
  out_ = saved_out;
  frame_ = std::move(saved_frame);
  call_node_ = saved_call;
  action_ = saved_action;
  return ok;
}

bool Executor::PrintValue(const Node* node, const Value& value) {
  node_ = node;
  const Origin origin = OriginAt(action_);
  if (value.IsString() && !Write(value.AsString().size())) return false;
  if (!value.IsValid()) {
    out_->AppendGenerated("<no value>", origin);
  } else if (value.kind() == Value::Kind::kFunction) {
    return Errorf("can't print " + node->String() + " of type " + value.TypeName());
  } else if (const TrackedText* tracked = value.tracked()) {
    out_->AppendTracked(*tracked, origin);
  } else if (value.IsString()) {
    out_->AppendGenerated(value.AsString(), origin);
  } else {
    const std::string text = ToString(value);
    if (!Write(text.size())) return false;
    out_->AppendGenerated(text, origin);
  }
  return true;
}

const Tree* Executor::Lookup(std::string_view name) const {
  for (auto it = overlays_.rbegin(); it != overlays_.rend(); ++it) {
    auto found = (*it)->names.find(std::string(name));
    if (found != (*it)->names.end()) return found->second;
  }
  return set_.Find(name);
}

uint64_t Executor::NextRandom() {
  // splitmix64: tiny, and the same seed gives the same stream on every platform.
  uint64_t z = (random_state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string Executor::CallLocation() const {
  if (!tree_) return "";
  int line = 0, column = 0;
  tree_->Locate(call_node_ ? call_node_->pos : 0, &line, &column);
  return tree_->source->name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// A nested failure: remember its innermost error and clear the failed state, so the caller
// can report "error calling include: <nested message>".
bool Executor::Include(std::string_view name, const Value& data, Value* out, std::string* error) {
  const Tree* tree = Lookup(name);
  if (!tree) {
    *error = "template: no template " + QuoteGo(name) + " associated with template " + QuoteGo(kHelmRootName);
    return false;
  }
  // Helm stops an include loop after 1000 nested calls of one name. Go's depth does not grow
  // across include (each is a new execution), so the depth guard lets Helm's own limit win.
  constexpr int kHelmIncludeLimit = 1000;
  int& count = included_[std::string(name)];
  if (count > kHelmIncludeLimit) {
    *error = "rendering template has a nested reference name: " + std::string(name) + ": unable to execute template";
    return false;
  }
  if (depth_ >= std::max(options_.max_depth, kHelmIncludeLimit + 1)) {
    *error = "exceeded maximum template depth (" + std::to_string(options_.max_depth) + ")";
    return false;
  }
  ++count;
  auto frame = std::make_shared<CallFrame>(
      CallFrame{tree_->source, action_, std::string(name), frame_});
  Output output;
  const bool ok = RunNested(*tree, data.IsNil() ? Value() : data, std::move(frame), &output, error);
  --included_[std::string(name)];
  if (!ok) {
    if (!has_nested_) nested_ = error_;
    has_nested_ = true;
    failed_ = false;
    return false;
  }
  *out = std::move(output).ToValue();
  return true;
}

bool Executor::Tpl(std::string_view text, const Value& data, Value* out, std::string* error) {
  auto cached = tpl_cache_.find(text);
  if (cached == tpl_cache_.end()) {
    auto parsed = std::make_unique<TplTrees>();
    auto source = std::make_shared<TemplateSource>(TemplateSource{std::string(kHelmRootName), std::string(text), true});
    TemplateError parse_error;
    if (!ParseTrees(source, source->name, *set_.functions, &parsed->trees, &parse_error)) {
      *error = "cannot parse template " + QuoteGo(text) + ": " + parse_error.message;
      return false;
    }
    for (const auto& tree : parsed->trees) {
      auto existing = parsed->names.find(tree->name);
      if (existing == parsed->names.end() || !IsEmptyTree(tree->root.get())) parsed->names[tree->name] = tree.get();
    }
    cached = tpl_cache_.emplace(std::string(text), std::move(parsed)).first;
  }
  const TplTrees& trees = *cached->second;
  const Tree* top = trees.names.at(std::string(kHelmRootName));
  if (depth_ >= options_.max_depth) {
    *error = "exceeded maximum template depth (" + std::to_string(options_.max_depth) + ")";
    return false;
  }
  auto frame = std::make_shared<CallFrame>(CallFrame{tree_->source, action_, "", frame_});
  Output output;
  overlays_.push_back(&trees);
  std::string nested_error;
  const bool ok = RunNested(*top, data.IsNil() ? Value() : data, std::move(frame), &output, &nested_error);
  overlays_.pop_back();
  if (!ok) {
    if (!has_nested_) nested_ = error_;
    has_nested_ = true;
    failed_ = false;
    *error = "error during tpl function execution for " + QuoteGo(text) + ": " + nested_error;
    return false;
  }
  if (options_.tpl_strips_no_value) RemoveNoValue(&output.result());
  *out = std::move(output).ToValue();
  return true;
}

}  // namespace kubeshift::tmpl
