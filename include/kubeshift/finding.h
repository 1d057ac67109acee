// kubeshift — findings and input errors: what the rules produce and reporters print.
#ifndef KUBESHIFT_FINDING_H_
#define KUBESHIFT_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/source.h"
#include "kubeshift/version.h"

namespace kubeshift {

enum class Severity { kInfo, kWarning, kError };

/// "info", "warning", "error".
std::string_view SeverityName(Severity severity);

/// One problem with one resource.
struct Finding {
  std::string rule;  ///< stable kebab-case id: "removed-api", "deprecated-api", …
  Severity severity = Severity::kWarning;
  std::string file;       ///< display path of the input that was read
  Position position;      ///< of the apiVersion value (its opening quote, if quoted)
  Range range;            ///< bytes of the apiVersion value, quotes included
  std::string api_version;
  std::string kind;
  std::string name;                  ///< metadata.name, empty when absent
  std::optional<std::string> namespace_;  ///< metadata.namespace, nullopt when absent
  std::string component;             ///< table component of the matched row
  std::string replacement;
  std::optional<Version> deprecated_in;
  std::optional<Version> removed_in;
  std::string message;     ///< ends with "; " + context when context is not empty
  std::string context;     ///< where in a template: the guard or the action that wrote it
  std::string source;  ///< "# Source:" path of a rendered chart document, else empty
};

/// An input that could not be read or parsed (rule id "parse-error" in SARIF and text).
struct InputError {
  std::string file;
  Position position;  ///< line 0 when the error has no position (unreadable file)
  std::string message;
};

/// Orders findings and errors by (file, position) so output is deterministic.
void SortFindings(std::vector<Finding>* findings);
void SortErrors(std::vector<InputError>* errors);

}  // namespace kubeshift

#endif  // KUBESHIFT_FINDING_H_
