#include "app/chart_values.h"

#include <regex>

namespace kubeshift {

bool BuildUserValues(const ChartValuesOptions& o, chart::Value* out, std::string* error) {
  const chart::ValueOptions values{o.value_files, o.set_json, o.set, o.set_string, o.set_file, o.set_literal};
  return chart::MergeUserValues(values, out, error);
}

bool ValidReleaseName(const std::string& name, std::string* error) {
  static const std::regex kName("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  if (!name.empty() && name.size() <= 53 && std::regex_match(name, kName)) return true;
  *error = "invalid release name \"" + name + "\": a release name must be at most 53 characters of lower-case "
           "letters, digits, '-' and '.', starting and ending with a letter or digit";
  return false;
}

void AddApiVersions(const std::vector<std::string>& lists, chart::Capabilities* caps) {
  for (const std::string& list : lists) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) caps->api_versions.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
  }
}

}  // namespace kubeshift
