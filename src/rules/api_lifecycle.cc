// removed-api, deprecated-api and served-api: where a resource's group/version stands at the
// target version of its component.
#include <fmt/format.h>

#include "rules/rule_functions.h"

namespace kubeshift {
namespace {

std::string ComponentLabel(std::string_view component) {
  return component == kKubernetes ? std::string("Kubernetes") : std::string(component);
}

// "; use networking.k8s.io/v1 (served since 1.19)" or the row's note when there is no
// replacement.
std::string Advice(const ApiEntry& entry) {
  if (entry.replacement.empty()) {
    return entry.note.empty() ? std::string(" and has no replacement")
                              : fmt::format(" and has no replacement: {}", entry.note);
  }
  if (entry.replacement_since) {
    return fmt::format("; use {} (served since {})", entry.replacement, entry.replacement_since->ToString());
  }
  return fmt::format("; use {}", entry.replacement);
}

Finding MakeFinding(const Resource& resource, const ApiEntry* entry, std::string_view rule, Severity severity,
                    std::string message) {
  Finding finding;
  finding.rule = std::string(rule);
  finding.severity = severity;
  finding.range = resource.api_version.range;
  finding.api_version = resource.api_version.value;
  finding.kind = resource.kind.value;
  finding.name = resource.name;
  finding.namespace_ = resource.namespace_;
  finding.source = resource.source;
  if (entry) {
    finding.component = entry->component;
    finding.replacement = entry->replacement;
    finding.deprecated_in = entry->deprecated_in;
    finding.removed_in = entry->removed_in;
  }
  if (!resource.context.empty()) message += fmt::format("; {}", resource.context);
  finding.context = resource.context;
  finding.message = std::move(message);
  return finding;
}

std::string Subject(const Resource& resource) {
  return fmt::format("{} {}", resource.api_version.value, resource.kind.value);
}

}  // namespace

void CheckApiLifecycle(const Resource& resource, const RuleContext& context, std::vector<Finding>* out) {
  const ApiEntry* entry = context.table.Find(resource.api_version.value, resource.kind.value);
  const auto target = entry ? context.targets.find(entry->component) : context.targets.end();
  if (!entry || target == context.targets.end()) {
    if (context.show_all) {
      out->push_back(MakeFinding(resource, nullptr, "served-api", Severity::kInfo,
                                 fmt::format("{} has no deprecation on record", Subject(resource))));
    }
    return;
  }
  const std::string label = ComponentLabel(entry->component);
  switch (StatusAt(*entry, target->second)) {
    case ApiStatus::kRemoved:
      out->push_back(MakeFinding(resource, entry, "removed-api", Severity::kError,
                                 fmt::format("{} was removed in {} {}{}", Subject(resource), label,
                                             entry->removed_in->ToString(), Advice(*entry))));
      break;
    case ApiStatus::kDeprecated: {
      std::string removal =
          entry->removed_in ? fmt::format(" and is removed in {}", entry->removed_in->ToString()) : std::string();
      out->push_back(MakeFinding(resource, entry, "deprecated-api", Severity::kWarning,
                                 fmt::format("{} is deprecated since {} {}{}{}", Subject(resource), label,
                                             entry->deprecated_in->ToString(), removal, Advice(*entry))));
      break;
    }
    case ApiStatus::kServed:
      if (context.show_all) {
        std::string later = entry->removed_in
                                ? fmt::format("; removed in {} {}", label, entry->removed_in->ToString())
                                : std::string();
        out->push_back(MakeFinding(resource, entry, "served-api", Severity::kInfo,
                                   fmt::format("{} is served at {} {}{}", Subject(resource), label,
                                               target->second.ToString(), later)));
      }
      break;
  }
}

}  // namespace kubeshift
