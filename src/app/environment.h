// What every command needs before it reads inputs: the configuration, the deprecation
// table (built in, plus --rules files) and the resolved target versions.
#ifndef KUBESHIFT_APP_ENVIRONMENT_H_
#define KUBESHIFT_APP_ENVIRONMENT_H_

#include <string>

#include "app/config.h"
#include "kubeshift/deprecation_table.h"
#include "kubeshift/options.h"

namespace kubeshift {

struct Environment {
  ConfigFile config;
  DeprecationTable table;
  Targets targets;
  bool kubernetes_target_defaulted = false;  ///< no --target-version anywhere: newest release
};

/// Loads everything. On failure returns false with a user-facing message (exit code 2).
bool PrepareEnvironment(const TableOptions& options, Environment* env, std::string* error);

/// Parses a --target-version value against the table: "1.29", "v1.29", "1.29.3".
bool ResolveTarget(const DeprecationTable& table, std::string_view component, const std::string& text,
                   Version* out, std::string* error);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_ENVIRONMENT_H_
