// libFuzzer target: YAML and JSON into template values, and Chart.yaml. The input is split at
// its first NUL byte: the part before is loaded as Chart.yaml, the part after as values.yaml
// (a chart of those two files, whose values are then coalesced and its dependencies
// processed). The whole input is also read as a values file, as fromYaml/fromJson read it,
// and as --set expressions, and what loads is written back with toYaml and toJson.
#include <cstdint>
#include <memory>
#include <string>

#include "kubeshift/chart.h"
#include "kubeshift/template_data.h"

namespace {

namespace chart = kubeshift::chart;
namespace tmpl = kubeshift::tmpl;

void WriteBack(const tmpl::Value& value) {
  std::string out, error;
  tmpl::ToYaml(value, &out, &error);
  tmpl::ToJson(value, tmpl::JsonStyle::kPretty, &out, &error);
}

bool NoFiles(const std::string&, std::string*, std::string* error) {
  *error = "no files while fuzzing";
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  tmpl::Value value;
  if (chart::ParseValuesYaml(text, &value, &error)) WriteBack(value);
  if (tmpl::ValueFromYaml(text, tmpl::NumberMode::kYaml, &value, &error)) WriteBack(value);
  if (tmpl::ValueFromYamlDocument(text, tmpl::NumberMode::kJson, &value, &error)) WriteBack(value);
  if (tmpl::ValueFromJson(text, &value, &error)) WriteBack(value);
  if (size <= 512) {
    for (chart::SetMode mode : {chart::SetMode::kTyped, chart::SetMode::kString, chart::SetMode::kJson,
                                chart::SetMode::kFile, chart::SetMode::kLiteral}) {
      tmpl::Value dest = tmpl::Value::Map();
      if (chart::ParseSet(text, mode, &dest, &error, NoFiles)) WriteBack(dest);
    }
  }

  const size_t nul = text.find('\0');
  std::vector<chart::ChartFile> files = {{"Chart.yaml", text.substr(0, nul)}};
  if (nul != std::string::npos) files.push_back({"values.yaml", text.substr(nul + 1)});
  std::shared_ptr<chart::Chart> loaded;
  chart::ChartError chart_error;
  if (!chart::LoadChartFiles(std::move(files), "fuzz", &loaded, &chart_error)) return 0;
  const tmpl::Value user = tmpl::Value::Map();
  tmpl::Value coalesced;
  if (chart::CoalesceValues(*loaded, user, &coalesced, &error)) WriteBack(coalesced);
  chart::ProcessDependencies(loaded.get(), user, &chart_error);
  return 0;
}
