// TemplateSet and FunctionRegistry: the public entry points of the engine.
#include <algorithm>

#include "helm/exec.h"
#include "helm/parser.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {

void FunctionRegistry::Add(Function function) {
  std::string name = function.name;
  functions_[name] = std::make_shared<const Function>(std::move(function));
}

void FunctionRegistry::Remove(std::string_view name) { functions_.erase(std::string(name)); }

const Function* FunctionRegistry::Find(std::string_view name) const {
  auto it = functions_.find(std::string(name));
  return it == functions_.end() ? nullptr : it->second.get();
}

std::vector<std::string> FunctionRegistry::Names() const {
  std::vector<std::string> names;
  names.reserve(functions_.size());
  for (const auto& [name, function] : functions_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

std::shared_ptr<const FunctionRegistry> HelmFunctions() {
  static const std::shared_ptr<const FunctionRegistry> functions = [] {
    auto registry = std::make_shared<FunctionRegistry>();
    AddSprigFunctions(registry.get());
    AddHelmFunctions(registry.get());
    return registry;
  }();
  return functions;
}

const Tree* TemplateSet::Impl::Find(std::string_view name) const {
  auto it = by_name.find(std::string(name));
  return it == by_name.end() ? nullptr : it->second;
}

void TemplateSet::Impl::Associate(const Tree* tree) {
  auto it = by_name.find(tree->name);
  if (it != by_name.end() && IsEmptyTree(tree->root.get())) return;
  by_name[tree->name] = tree;
}

TemplateSet::TemplateSet(std::shared_ptr<const FunctionRegistry> functions) : impl_(std::make_unique<Impl>()) {
  impl_->functions = std::move(functions);
}

TemplateSet::~TemplateSet() = default;

bool TemplateSet::Parse(const std::string& name, std::string text, TemplateError* error) {
  auto source = std::make_shared<const TemplateSource>(TemplateSource{name, std::move(text), false});
  const size_t first = impl_->trees.size();
  if (!ParseTrees(source, name, *impl_->functions, &impl_->trees, error)) return false;
  for (size_t i = first; i < impl_->trees.size(); ++i) impl_->Associate(impl_->trees[i].get());
  return true;
}

bool TemplateSet::Has(std::string_view name) const { return impl_->Find(name) != nullptr; }

std::vector<std::string> TemplateSet::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, tree] : impl_->by_name) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

bool TemplateSet::Execute(std::string_view name, const Value& data, const ExecOptions& options, RenderResult* out,
                          TemplateError* error) const {
  const Tree* tree = impl_->Find(name);
  if (!tree) {
    *error = TemplateError{};
    error->message = "template: no template \"" + std::string(name) + "\" associated with template \"" +
                     std::string(kHelmRootName) + "\"";
    error->cause = error->message;
    return false;
  }
  Executor executor(*impl_, options);
  return executor.Run(*tree, data, out, error);
}

std::string HelmErrorMessage(const TemplateError& error) {
  if (error.function != "required" && error.function != "fail") return error.message;
  if (error.line == 0) return "execution error in (" + error.file + "): " + error.cause;
  return "execution error at (" + error.file + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
         "): " + error.cause;
}

}  // namespace kubeshift::tmpl
