// The rule functions the registry lists. One declaration per rule file.
#ifndef KUBESHIFT_RULES_RULE_FUNCTIONS_H_
#define KUBESHIFT_RULES_RULE_FUNCTIONS_H_

#include <vector>

#include "kubeshift/rules.h"

namespace kubeshift {

/// api_lifecycle.cc: removed-api, deprecated-api and (with --show-all) served-api.
void CheckApiLifecycle(const Resource& resource, const RuleContext& context, std::vector<Finding>* out);

}  // namespace kubeshift

#endif  // KUBESHIFT_RULES_RULE_FUNCTIONS_H_
