// kubeshift — JSON Schema validation of template values (module jsonschema), as Helm checks
// values.schema.json: drafts 4, 6, 7, 2019-09 and 2020-12, with the messages and error tree of
// santhosh-tekuri/jsonschema v6 (Helm 3.19+ and 4).
#ifndef KUBESHIFT_JSON_SCHEMA_H_
#define KUBESHIFT_JSON_SCHEMA_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/template_value.h"

namespace kubeshift::jsonschema {

/// A problem with the schema document itself, located when possible.
struct SchemaError {
  int line = 0;    ///< 1-based; 0 when unknown
  int column = 0;  ///< 1-based, in code points; 0 when unknown
  std::string message;
};

/// One node of the error tree: a failed keyword at an instance location. Group-like failures
/// (allOf, anyOf, oneOf, contains, a $ref, several failures at one location) carry causes.
struct Violation {
  std::string location;  ///< JSON pointer into the values: "" for the root, "/image/tag"
  std::string message;   ///< "got string, want integer", "missing property 'name'"
  std::vector<Violation> causes;
  bool group = false;      ///< several failures at one location ("validation failed")
  bool reference = false;  ///< a $ref's wrapper: not printed when it has one cause (as v6)
};

/// What one validation found.
struct ValidationResult {
  std::vector<Violation> violations;  ///< top-level failures, in a stable order
  /// What could not be validated, each text naming the reason and the value locations: $refs
  /// that cannot be followed offline (other documents), patterns not run on very long strings.
  std::vector<std::string> not_validated;
  /// A problem in the schema found while validating (an unresolvable local $ref, an invalid
  /// pattern): when set, the result is not trustworthy and the caller should fail.
  std::string schema_error;
  bool ok() const { return violations.empty() && schema_error.empty(); }
};

/// A parsed schema document. Cheap to copy (shared, immutable).
class Schema {
 public:
  /// Parses JSON \a text (strict JSON, as Go's decoder). False with \a error located at the
  /// line and column of the syntax error.
  static bool Parse(std::string_view text, Schema* out, SchemaError* error);
  /// The draft in effect: 4, 6, 7, 2019 or 2020 (from "$schema"; 2020 when absent, as v6).
  int draft() const;
  /// Validates \a instance (values as read from YAML: numbers are JSON numbers; an integral
  /// float satisfies "integer").
  ValidationResult Validate(const tmpl::Value& instance) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Helm's rendering of the error tree: one "- at '/path': reason" line per node, causes
/// indented by two spaces; every line ends with "\n".
std::string FormatViolations(const std::vector<Violation>& violations);

/// Go's %q-style single quoting used in v6 messages: 'it\'s'.
std::string Quote(std::string_view text);

}  // namespace kubeshift::jsonschema

#endif  // KUBESHIFT_JSON_SCHEMA_H_
