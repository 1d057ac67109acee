// libFuzzer target: values.schema.json validation. The input is split at its first NUL byte:
// the part before is the schema (JSON), the part after the values it validates (YAML, as a
// values file is read). Both parts are read as schemas and as values when they parse.
#include <cstdint>
#include <string>

#include "kubeshift/chart.h"
#include "kubeshift/json_schema.h"
#include "kubeshift/template_data.h"

namespace {

namespace js = kubeshift::jsonschema;
namespace tmpl = kubeshift::tmpl;

void Validate(const js::Schema& schema, const tmpl::Value& instance) {
  js::ValidationResult result = schema.Validate(instance);
  js::FormatViolations(result.violations);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t nul = text.find('\0');
  const std::string schema_text = text.substr(0, nul);
  const std::string instance_text = nul == std::string::npos ? "" : text.substr(nul + 1);
  js::Schema schema;
  js::SchemaError schema_error;
  if (!js::Schema::Parse(schema_text, &schema, &schema_error)) return 0;
  schema.draft();
  std::string error;
  tmpl::Value instance;
  if (kubeshift::chart::ParseValuesYaml(instance_text, &instance, &error)) Validate(schema, instance);
  // The schema document validated against itself: schemas are JSON values too.
  if (tmpl::ValueFromJson(schema_text, &instance, &error)) Validate(schema, instance);
  return 0;
}
