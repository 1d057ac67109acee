#include <fmt/format.h>

#include "kubeshift/convert.h"

namespace kubeshift {

std::vector<ConversionStep> PlanConversion(const DeprecationTable& table, std::string_view api_version,
                                           std::string_view kind, Version target,
                                           std::string_view output_version, std::string* problem) {
  std::vector<ConversionStep> steps;
  std::string current(api_version);
  // Chains are short (flowcontrol v1alpha1 → … → v1 has four steps); the bound guards against
  // a cycle in user rules.
  for (int guard = 0; guard < 16; ++guard) {
    if (!output_version.empty() && current == output_version) return steps;
    const ApiEntry* entry = table.Find(current, kind);
    if (!entry) break;
    if (output_version.empty() && StatusAt(*entry, target) == ApiStatus::kServed) return steps;
    if (entry->replacement.empty()) {
      *problem = fmt::format("{} {} has no replacement{}", current, kind, entry->note.empty() ? "" : ": " + entry->note);
      return {};
    }
    if (output_version.empty() && entry->replacement_since && *entry->replacement_since > target) {
      // Nothing better is served at the target yet: stop where we are.
      if (steps.empty()) {
        *problem = fmt::format("its replacement {} is only served from {} on, after the target {}", entry->replacement,
                               entry->replacement_since->ToString(), target.ToString());
      }
      return steps;
    }
    if (entry->conversion.empty() || !FindConverter(entry->conversion)) {
      *problem = fmt::format("no converter exists for {} {} yet", current, kind);
      return {};
    }
    steps.push_back({entry});
    current = entry->replacement;
  }
  if (!output_version.empty()) {
    *problem = fmt::format("{} {} cannot be converted to {}", api_version, kind, output_version);
    return {};
  }
  return steps;
}

}  // namespace kubeshift
