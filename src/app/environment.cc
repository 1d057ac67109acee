#include "app/environment.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kubeshift {
namespace {

bool LoadTable(const TableOptions& options, Environment* env, std::string* error) {
  if (!LoadBuiltinTable(&env->table, error)) {
    *error = "the built-in deprecation table is invalid: " + *error;
    return false;
  }
  std::vector<std::string> files = env->config.rules_files;
  files.insert(files.end(), options.rules_files.begin(), options.rules_files.end());
  for (const std::string& file : files) {
    if (!LoadRulesFile(&env->table, file, error)) return false;
  }
  return true;
}

bool KnowsComponent(const DeprecationTable& table, std::string_view component) {
  for (const std::string& known : table.Components()) {
    if (known == component) return true;
  }
  return false;
}

// --target COMPONENT=VERSION (and the config's targets map), applied over the defaults.
bool ApplyComponentTarget(Environment* env, const std::string& component, const std::string& version,
                          std::string* error) {
  if (!KnowsComponent(env->table, component)) {
    *error = fmt::format("unknown component '{}' in a target (known: {})", component,
                         fmt::join(env->table.Components(), ", "));
    return false;
  }
  Version parsed;
  if (!ResolveTarget(env->table, component, version, &parsed, error)) return false;
  env->targets[component] = parsed;
  return true;
}

bool ResolveTargets(const TableOptions& options, Environment* env, std::string* error) {
  for (const std::string& component : env->table.Components()) {
    std::optional<Version> newest = component == kKubernetes
                                        ? env->table.NewestReleased(component, TodayUtc())
                                        : env->table.NewestKnown(component);
    if (!newest) newest = env->table.NewestKnown(component);
    if (newest) env->targets[component] = *newest;
  }
  env->kubernetes_target_defaulted = true;
  for (const auto& [component, version] : env->config.targets) {
    if (!ApplyComponentTarget(env, component, version, error)) {
      *error = env->config.Where("targets") + *error;
      return false;
    }
    if (component == kKubernetes) env->kubernetes_target_defaulted = false;
  }
  std::optional<std::string> kubernetes = options.target_version ? options.target_version : env->config.target_version;
  if (kubernetes) {
    if (!ApplyComponentTarget(env, std::string(kKubernetes), *kubernetes, error)) {
      if (!options.target_version) *error = env->config.Where("target-version") + *error;
      return false;
    }
    env->kubernetes_target_defaulted = false;
  }
  for (const std::string& spec : options.component_targets) {
    size_t equals = spec.find('=');
    if (equals == std::string::npos || equals == 0) {
      *error = fmt::format("--target expects COMPONENT=VERSION, got '{}'", spec);
      return false;
    }
    std::string component = spec.substr(0, equals);
    if (component == "k8s") component = std::string(kKubernetes);
    if (!ApplyComponentTarget(env, component, spec.substr(equals + 1), error)) return false;
    if (component == kKubernetes) env->kubernetes_target_defaulted = false;
  }
  return true;
}

}  // namespace

bool ResolveTarget(const DeprecationTable& table, std::string_view component, const std::string& text,
                   Version* out, std::string* error) {
  std::optional<Version> version = ParseVersion(text);
  std::optional<Version> newest = table.NewestKnown(component);
  if (!version) {
    *error = fmt::format("invalid {} version '{}' (expected MAJOR.MINOR, e.g. 1.29)", component, text);
    return false;
  }
  if (newest && *version > *newest) {
    *error = fmt::format("unknown {} version {}: the deprecation table knows releases up to {}", component,
                         version->ToString(), newest->ToString());
    return false;
  }
  if (component == kKubernetes && version->major != 1) {
    *error = fmt::format("unknown kubernetes version {}", version->ToString());
    return false;
  }
  *out = *version;
  return true;
}

bool PrepareEnvironment(const TableOptions& options, Environment* env, std::string* error) {
  if (!options.no_config) {
    std::string path = FindConfigFile(options.config_path);
    if (!path.empty() && !LoadConfigFile(path, &env->config, error)) return false;
  }
  if (!LoadTable(options, env, error)) return false;
  return ResolveTargets(options, env, error);
}

}  // namespace kubeshift
