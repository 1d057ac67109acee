// Helm's ValidateAgainstSchema (pkg/chart/common/util/jsonschema.go): after values are
// coalesced, each chart's values.schema.json is checked against that chart's values, the root
// first, then each subchart that has values, depth first; all failures are reported together.
#include "chart/chart_internal.h"
#include "kubeshift/json_schema.h"

namespace kubeshift::chart {
namespace {

struct SchemaReport {
  std::string text;        // "chart:\n- at …\n" blocks, Helm's order
  std::string first_file;  // the first schema that failed, for ChartError::file
  std::vector<std::string>* warnings;
};

std::string SchemaPath(const Chart& c) {
  return c.location.empty() ? "values.schema.json" : c.location + "/values.schema.json";
}

bool ValidateChart(const Chart& c, const Value& values, SchemaReport* report, ChartError* error) {
  if (c.schema) {
    const std::string path = SchemaPath(c);
    jsonschema::Schema schema;
    jsonschema::SchemaError parse_error;
    if (!jsonschema::Schema::Parse(*c.schema, &schema, &parse_error)) {
      *error = ChartError{path, parse_error.line, parse_error.column, "cannot load values.schema.json: " + parse_error.message};
      return false;
    }
    jsonschema::ValidationResult result = schema.Validate(values);
    for (const std::string& w : result.not_validated) report->warnings->push_back(path + ": " + w);
    if (!result.schema_error.empty()) {
      *error = ChartError{path, 0, 0, "invalid values.schema.json: " + result.schema_error};
      return false;
    }
    if (!result.violations.empty()) {
      report->text += c.metadata.name + ":\n" + jsonschema::FormatViolations(result.violations);
      if (report->first_file.empty()) report->first_file = path;
    }
  }
  for (const auto& sub : c.dependencies) {
    const Value raw = Get(values, sub->metadata.name);
    if (raw.IsNilish()) continue;  // no values for it: nothing to validate, its subcharts neither
    if (!raw.IsMap()) {
      report->text += sub->metadata.name + ":\ninvalid type for values: expected object (map), got " + raw.TypeName() + "\n";
      if (report->first_file.empty()) report->first_file = SchemaPath(*sub);
      continue;
    }
    if (!ValidateChart(*sub, raw, report, error)) return false;
  }
  return true;
}

}  // namespace

bool ValidateValuesSchemas(const Chart& chart, const Value& values, std::vector<std::string>* warnings,
                           ChartError* error) {
  SchemaReport report{{}, {}, warnings};
  if (!ValidateChart(chart, values, &report, error)) return false;
  if (report.text.empty()) return true;
  report.text.pop_back();  // Helm's message ends with the last violation's newline
  *error = ChartError{report.first_file, 0, 0,
                      "values don't meet the specifications of the schema(s) in the following chart(s):\n" + report.text};
  return false;
}

}  // namespace kubeshift::chart
