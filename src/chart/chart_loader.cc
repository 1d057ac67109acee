// Loading a chart: a directory walk with .helmignore (or a .tgz), then Helm's LoadFiles:
// Chart.yaml, values, templates, other files, and subcharts under charts/.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "chart/archive.h"
#include "chart/chart_internal.h"
#include "chart/helmignore.h"

namespace kubeshift::chart {
namespace {

namespace fs = std::filesystem;

bool ReadBytes(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  if (out->starts_with("\xEF\xBB\xBF")) out->erase(0, 3);
  return true;
}

// Helm's sympath.Walk: names in lexical order, symlinks followed (each directory once),
// ignored directories skipped.
bool Walk(const fs::path& dir, const std::string& rel, const IgnoreRules& rules, std::vector<ChartFile>* files,
          ChartError* error, std::set<fs::path>* visited) {
  std::error_code ec;
  if (!visited->insert(fs::canonical(dir, ec)).second) return true;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  if (ec) {
    *error = ChartError{dir.string(), 0, 0, "cannot read directory: " + ec.message()};
    return false;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const std::string name = rel + entry.filename().string();
    const bool is_dir = fs::is_directory(entry, ec);
    if (rules.Ignore(name, is_dir)) continue;
    if (is_dir) {
      if (!Walk(entry, name + "/", rules, files, error, visited)) return false;
      continue;
    }
    if (!fs::is_regular_file(entry, ec)) {
      *error = ChartError{entry.string(), 0, 0, "cannot load irregular file as it has file mode type bits set"};
      return false;
    }
    ChartFile file{name, {}};
    if (!ReadBytes(entry, &file.data)) {
      *error = ChartError{entry.string(), 0, 0, "cannot read file"};
      return false;
    }
    files->push_back(std::move(file));
  }
  return true;
}

bool LoadDirectory(const fs::path& dir, std::shared_ptr<Chart>* out, ChartError* error) {
  IgnoreRules rules;
  std::string text;
  if (ReadBytes(dir / ".helmignore", &text)) {
    std::string rule_error;
    if (!rules.Parse(text, &rule_error)) {
      *error = ChartError{(dir / ".helmignore").string(), 0, 0, rule_error};
      return false;
    }
  }
  rules.AddDefaults();
  std::vector<ChartFile> files;
  std::set<fs::path> visited;
  if (!Walk(dir, "", rules, &files, error, &visited)) return false;
  return LoadChartFiles(std::move(files), dir.string(), out, error);
}

bool LoadArchive(std::string_view bytes, const std::string& location, std::shared_ptr<Chart>* out,
                 ChartError* error) {
  std::vector<ChartFile> files;
  std::string message;
  if (!ReadChartArchive(bytes, &files, &message)) {
    *error = ChartError{location, 0, 0, message};
    return false;
  }
  return LoadChartFiles(std::move(files), location, out, error);
}

std::string Join(const std::string& location, const std::string& name) {
  return location.empty() ? name : location + "/" + name;
}

// The subcharts of charts/: directories (their files regrouped) and .tgz archives.
bool LoadSubcharts(std::map<std::string, std::vector<ChartFile>> groups, Chart* chart, ChartError* error) {
  for (auto& [name, files] : groups) {
    if (name.front() == '_' || name.front() == '.') continue;
    const std::string location = Join(chart->location, "charts/" + name);
    std::shared_ptr<Chart> sub;
    bool ok = false;
    if (name.ends_with(".tgz")) {
      ok = LoadArchive(files.front().data, location, &sub, error);
    } else {
      std::vector<ChartFile> inner;
      for (ChartFile& f : files) {
        size_t slash = f.name.find('/');
        if (slash == std::string::npos) continue;
        inner.push_back(ChartFile{f.name.substr(slash + 1), std::move(f.data)});
      }
      ok = LoadChartFiles(std::move(inner), location, &sub, error);
    }
    if (!ok) {
      error->message = "error unpacking subchart " + name + " in " + chart->metadata.name + ": " + error->message;
      return false;
    }
    chart->dependencies.push_back(std::move(sub));
  }
  return true;
}

// The line of a "yaml: line N: …" message, or 0.
int YamlErrorLine(const std::string& message) {
  const size_t at = message.find("yaml: line ");
  return at == std::string::npos ? 0 : std::atoi(message.c_str() + at + 11);
}

// Helm's LoadFiles switch: where one file of a chart goes.
bool AddFile(ChartFile f, Chart* chart, std::map<std::string, std::vector<ChartFile>>* subcharts, ChartError* error) {
  const std::string& n = f.name;
  std::string message;
  if (n == "Chart.yaml" || n == "Chart.lock" || n == "requirements.lock") return true;
  if (n == "values.schema.json") {
    chart->schema = std::move(f.data);
    return true;
  }
  if (n == "values.yaml") {
    if (ParseValuesYaml(f.data, &chart->values, &message)) return true;
    *error = ChartError{Join(chart->location, n), YamlErrorLine(message), 0, "cannot load values.yaml: " + message};
    return false;
  }
  if (n == "requirements.yaml") {
    if (!ParseRequirements(f.data, &chart->metadata.dependencies, &message)) {
      *error = ChartError{Join(chart->location, n), YamlErrorLine(message), 0, message};
      return false;
    }
    if (chart->metadata.api_version == "v1") chart->files.push_back(std::move(f));
  } else if (n.starts_with("templates/")) {
    chart->templates.push_back(std::move(f));
  } else if (n.starts_with("charts/") && !n.ends_with(".prov")) {
    std::string rest = n.substr(7);
    std::string group = rest.substr(0, rest.find('/'));
    (*subcharts)[group].push_back(ChartFile{std::move(rest), std::move(f.data)});
  } else {
    chart->files.push_back(std::move(f));
  }
  return true;
}

}  // namespace

std::string ChartError::ToString() const {
  std::string out = file;
  if (!file.empty() && line > 0) out += ":" + std::to_string(line);
  if (!file.empty() && line > 0 && column > 0) out += ":" + std::to_string(column);
  return out.empty() ? message : out + ": " + message;
}

bool LoadChartFiles(std::vector<ChartFile> files, const std::string& location, std::shared_ptr<Chart>* out,
                    ChartError* error) {
  auto chart = std::make_shared<Chart>();
  chart->location = location;
  auto chart_yaml = std::find_if(files.begin(), files.end(), [](const ChartFile& f) { return f.name == "Chart.yaml"; });
  if (chart_yaml == files.end()) {
    *error = ChartError{location, 0, 0, "Chart.yaml file is missing"};
    return false;
  }
  const std::string chart_yaml_text = chart_yaml->data;
  std::string message;
  if (!ParseMetadata(chart_yaml_text, &chart->metadata, &message)) {
    *error = ChartError{Join(location, "Chart.yaml"), YamlErrorLine(message), 0, message};
    return false;
  }
  std::map<std::string, std::vector<ChartFile>> subcharts;
  for (ChartFile& f : files) {
    if (!AddFile(std::move(f), chart.get(), &subcharts, error)) return false;
  }
  if (!ValidateMetadata(chart->metadata, &message)) {
    int line = 0;
    for (const char* key : {"type", "version", "name", "dependencies", "maintainers"}) {
      if (line == 0 && message.find(std::string("chart.metadata.") + key) != std::string::npos) {
        line = TopLevelKeyLine(chart_yaml_text, key);
      }
    }
    *error = ChartError{Join(location, "Chart.yaml"), line, 0, message};
    return false;
  }
  if (!LoadSubcharts(std::move(subcharts), chart.get(), error)) return false;
  *out = std::move(chart);
  return true;
}

bool LoadChartTree(std::vector<ChartFile> files, const std::string& location, std::shared_ptr<Chart>* out,
                   ChartError* error) {
  IgnoreRules rules;
  for (const ChartFile& file : files) {
    std::string rule_error;
    if (file.name == ".helmignore" && !rules.Parse(file.data, &rule_error)) {
      *error = ChartError{Join(location, ".helmignore"), 0, 0, rule_error};
      return false;
    }
  }
  rules.AddDefaults();
  // The walk's order and filter: by name, and nothing below an ignored directory.
  std::sort(files.begin(), files.end(), [](const ChartFile& a, const ChartFile& b) { return a.name < b.name; });
  std::vector<ChartFile> kept;
  for (ChartFile& file : files) {
    bool ignored = rules.Ignore(file.name, false);
    for (size_t slash = file.name.find('/'); !ignored && slash != std::string::npos; slash = file.name.find('/', slash + 1)) {
      ignored = rules.Ignore(std::string_view(file.name).substr(0, slash), true);
    }
    if (ignored) continue;
    if (file.data.starts_with("\xEF\xBB\xBF")) file.data.erase(0, 3);
    kept.push_back(std::move(file));
  }
  return LoadChartFiles(std::move(kept), location, out, error);
}

bool LoadChart(const std::string& path, std::shared_ptr<Chart>* out, ChartError* error) {
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) return LoadDirectory(p, out, error);
  if (!fs::exists(p, ec)) {
    *error = ChartError{path, 0, 0, "path not found"};
    return false;
  }
  std::string bytes;
  if (!ReadBytes(p, &bytes)) {
    *error = ChartError{path, 0, 0, "cannot read file"};
    return false;
  }
  return LoadArchive(bytes, path, out, error);
}

}  // namespace kubeshift::chart
