// kubeshift — severity names and the deterministic order of findings and errors.
#include "kubeshift/finding.h"

#include <algorithm>
#include <tuple>

namespace kubeshift {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

void SortFindings(std::vector<Finding>* findings) {
  // The byte offset breaks ties between positions only when positions are missing; the rule
  // id orders two findings on one apiVersion. Stable, so equal keys keep the rules' order.
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.position.line, a.position.column, a.range.begin, a.rule) <
           std::tie(b.file, b.position.line, b.position.column, b.range.begin, b.rule);
  });
}

void SortErrors(std::vector<InputError>* errors) {
  std::stable_sort(errors->begin(), errors->end(), [](const InputError& a, const InputError& b) {
    return std::tie(a.file, a.position.line, a.position.column) <
           std::tie(b.file, b.position.line, b.position.column);
  });
}

}  // namespace kubeshift
