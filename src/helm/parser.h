// The text/template parser: items → trees (the text's own and one per define/block).
#ifndef KUBESHIFT_HELM_PARSER_H_
#define KUBESHIFT_HELM_PARSER_H_

#include <memory>
#include <vector>

#include "helm/parse_tree.h"

namespace kubeshift::tmpl {

/// Parses \a source as template \a name. Appends the trees it defines to \a trees: the
/// {{define}}/{{block}} trees, then the text's own tree (named \a name). Identifiers must name
/// a function of \a functions or a Go builtin.
bool ParseTrees(const std::shared_ptr<const TemplateSource>& source, const std::string& name,
                const FunctionRegistry& functions, std::vector<std::unique_ptr<Tree>>* trees, TemplateError* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_PARSER_H_
