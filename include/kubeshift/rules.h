// kubeshift — the rule registry: an explicit list, no static self-registration.
#ifndef KUBESHIFT_RULES_H_
#define KUBESHIFT_RULES_H_

#include <string_view>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/finding.h"
#include "kubeshift/resource.h"

namespace kubeshift {

/// What a rule may read: the table and the targets. Rules do no I/O and never format output.
struct RuleContext {
  const DeprecationTable& table;
  const Targets& targets;
  bool show_all = false;  ///< --show-all: report served resources too (rule served-api)
};

/// A rule: a pure function of one resource that appends findings.
using RuleFunction = void (*)(const Resource& resource, const RuleContext& context,
                              std::vector<Finding>* out);

/// A registry row: stable id, default severity, one-line description, and the function
/// (nullptr for ids that are produced elsewhere, like parse-error).
struct RuleDescription {
  std::string_view id;
  Severity severity;
  std::string_view summary;
  RuleFunction check;
};

/// Every rule, in a fixed order (the order of --list-rules, SARIF's rule array, …).
const std::vector<RuleDescription>& AllRules();
/// The registry row of \a id, or nullptr.
const RuleDescription* FindRule(std::string_view id);

/// Runs every rule on \a resource. Findings carry range but not file or position yet.
void RunRules(const Resource& resource, const RuleContext& context, std::vector<Finding>* out);

}  // namespace kubeshift

#endif  // KUBESHIFT_RULES_H_
