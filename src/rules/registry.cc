// The registry: a plain list. Adding a rule is one row here plus its file.
#include "kubeshift/rules.h"
#include "rules/rule_functions.h"

namespace kubeshift {

const std::vector<RuleDescription>& AllRules() {
  // The three lifecycle ids share one function, which decides between them; it is listed
  // once (under removed-api) so that it runs once per resource.
  static const std::vector<RuleDescription> rules = {
      {"removed-api", Severity::kError,
       "the apiVersion is no longer served at the target version", CheckApiLifecycle},
      {"deprecated-api", Severity::kWarning,
       "the apiVersion is deprecated at the target version and will be removed", nullptr},
      {"served-api", Severity::kInfo,
       "the apiVersion is served at the target version (reported with --show-all)", nullptr},
      {"parse-error", Severity::kError,
       "an input could not be read or parsed; its other documents are still checked", nullptr},
      {"render-error", Severity::kError,
       "a chart stopped its own rendering (required or fail); only its literal apiVersions were checked", nullptr},
  };
  return rules;
}

const RuleDescription* FindRule(std::string_view id) {
  for (const RuleDescription& rule : AllRules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

void RunRules(const Resource& resource, const RuleContext& context, std::vector<Finding>* out) {
  for (const RuleDescription& rule : AllRules()) {
    if (rule.check) rule.check(resource, context, out);
  }
}

}  // namespace kubeshift
