// The evaluator: walks parse trees against data, as Go's text/template/exec.go does.
#ifndef KUBESHIFT_HELM_EXEC_H_
#define KUBESHIFT_HELM_EXEC_H_

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "helm/output.h"
#include "helm/parse_tree.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {

/// Name of the root template Helm hangs its templates on; appears in include/tpl errors.
inline constexpr std::string_view kHelmRootName = "gotpl";

struct TemplateSet::Impl {
  std::shared_ptr<const FunctionRegistry> functions;
  std::vector<std::unique_ptr<Tree>> trees;  // every tree parsed, replaced ones included
  std::unordered_map<std::string, const Tree*> by_name;
  const Tree* Find(std::string_view name) const;
  /// Go's associate: a definition replaces an earlier one unless it is empty.
  void Associate(const Tree* tree);
};

/// One execution: variables, output, call chain. Functions reach it as their CallContext.
class Executor final : public CallContext {
 public:
  Executor(const TemplateSet::Impl& set, const ExecOptions& options);
  bool Run(const Tree& tree, const Value& data, RenderResult* out, TemplateError* error);

  bool Include(std::string_view name, const Value& data, Value* out, std::string* error) override;
  bool Tpl(std::string_view text, const Value& data, Value* out, std::string* error) override;
  const ExecOptions& options() const override { return options_; }
  uint64_t NextRandom() override;
  bool Reserve(uint64_t bytes, std::string* error) override;
  std::string_view TemplateName() const override { return tree_ ? std::string_view(tree_->name) : ""; }
  std::string CallLocation() const override;

 private:
  enum class Flow { kNormal, kBreak, kContinue, kError };
  struct Var {
    std::string_view name;
    Value value;
  };
  // A parsed tpl text: its trees, and the names its defines add.
  struct TplTrees {
    std::vector<std::unique_ptr<Tree>> trees;
    std::unordered_map<std::string, const Tree*> names;
  };

  // exec.cc: statements.
  Flow Walk(const Value& dot, const Node* node);
  Flow WalkIfOrWith(const Value& dot, const BranchNode* node);
  Flow WalkRange(const Value& dot, const BranchNode* node);
  bool RangeStep(const BranchNode* node, size_t mark, const Value& index, const Value& elem, Flow* flow);
  Flow WalkTemplate(const Value& dot, const TemplateNode* node);
  bool PrintValue(const Node* node, const Value& value);
  bool RunNested(const Tree& tree, const Value& dot, std::shared_ptr<const CallFrame> frame, Output* out,
                 std::string* error);
  const Tree* Lookup(std::string_view name) const;
  Origin OriginAt(size_t offset) const { return Origin{tree_->source, offset, frame_}; }
  bool Errorf(const std::string& message);
  // ExecOptions::max_steps and max_bytes. Step and Write set the execution error when the
  // limit is exceeded; Charge (what a function made) leaves the message to the caller.
  bool Step();
  bool Charge(uint64_t bytes);
  bool Charge(const Value& made);
  bool Write(uint64_t bytes);
  std::string BytesLimitMessage() const;

  // exec_eval.cc: expressions.
  bool EvalPipeline(const Value& dot, const PipeNode* pipe, Value* out);
  bool EvalCommand(const Value& dot, const CommandNode* cmd, const Value* final, Value* out);
  bool EvalFieldChain(const Value& dot, Value receiver, const Node* node, std::span<const std::string> ident,
                      std::span<const NodePtr> args, const Value* final, Value* out);
  bool EvalField(const Value& dot, const std::string& name, const Node* node, std::span<const NodePtr> args,
                 const Value* final, const Value& receiver, bool boxed, Value* out);
  bool EvalChain(const Value& dot, const ChainNode* chain, std::span<const NodePtr> args, const Value* final,
                 Value* out);
  bool EvalVariable(const Value& dot, const VariableNode* node, std::span<const NodePtr> args, const Value* final,
                    Value* out);
  bool EvalCall(const Value& dot, const Function& fn, bool builtin, const Node* node, std::span<const NodePtr> args,
                const Value* final, Value* out);
  bool EvalArg(const Value& dot, Param param, const Node* node, Value* out);
  bool ValidateType(const Value& value, Param param, Value* out);
  bool IdealConstant(const NumberNode* node, Value* out);
  bool NotAFunction(std::span<const NodePtr> args, const Value* final);
  bool VarValue(std::string_view name, Value* out);
  bool SetVar(std::string_view name, const Value& value);

  const TemplateSet::Impl& set_;
  const ExecOptions& options_;
  const Tree* tree_ = nullptr;
  const Node* node_ = nullptr;       // the node being evaluated, for error context
  const Node* call_node_ = nullptr;  // the command whose function is running
  size_t action_ = 0;                // the "{{" of the statement being run: output and calls map there
  std::vector<Var> vars_;
  int depth_ = 0;
  uint64_t steps_ = 0;
  uint64_t bytes_ = 0;
  Output* out_ = nullptr;
  std::shared_ptr<const CallFrame> frame_;
  std::unordered_map<std::string, int> included_;        // Helm's include recursion guard
  std::vector<const TplTrees*> overlays_;                 // defines of running tpl calls
  std::map<std::string, std::unique_ptr<TplTrees>, std::less<>> tpl_cache_;
  uint64_t random_state_;
  bool failed_ = false;
  TemplateError error_;
  TemplateError nested_;  // the innermost error of a failed include/tpl, for error_.cause
  bool has_nested_ = false;
};

/// The Go type name of a parameter type, for error messages.
std::string_view ParamTypeName(Param param);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_EXEC_H_
