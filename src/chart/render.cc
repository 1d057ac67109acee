// The render pipeline of `helm install --dry-run` / `helm template`: installability,
// dependencies, values, one shared template set for the chart and its subcharts (Helm's
// engine.Render), then NOTES.txt apart and the documents split and sorted.
#include <algorithm>

#include "chart/chart_internal.h"
#include "chart/host_objects.h"

namespace kubeshift::chart {
namespace {

// One template of the set: its text, the context it runs with, where it lives.
struct Renderable {
  std::string text;
  Value vals;  // the chart's shared top-level map (Helm's `next`); .Template is set per file
  std::string base_path;
  std::string disk_path;
};

// Helm's recAllTpls: builds each chart's context and collects its templates under their
// full names ("parent/charts/sub/templates/x.yaml"). Returns the chart's context.
Value CollectTemplates(const Chart& c, const std::string& full_path, bool is_root, const Value& values,
                       std::map<std::string, Renderable>* out) {
  auto files = std::make_shared<FileMap>();
  for (const ChartFile& f : c.files) files->insert_or_assign(f.name, f.data);
  Value subcharts = Value::Map();
  Value chart_values = Value::Map();
  if (is_root) {
    chart_values = Get(values, "Values");
  } else if (Value table = TableAt(values, "Values." + c.metadata.name); table.IsMap()) {
    chart_values = table;
  }
  Value next = Value::Map({{"Chart", MakeChartValue(c.metadata, is_root)},
                           {"Files", MakeFilesValue(files)},
                           {"Release", Get(values, "Release")},
                           {"Capabilities", Get(values, "Capabilities")},
                           {"Values", chart_values},
                           {"Subcharts", subcharts}});
  for (const auto& child : c.dependencies) {
    Value context = CollectTemplates(*child, full_path + "/charts/" + child->metadata.name, false, next, out);
    subcharts.MutableMap().insert_or_assign(child->metadata.name, context);
  }
  for (const ChartFile& t : c.templates) {
    const std::string base = t.name.substr(t.name.rfind('/') + 1);
    if (c.IsLibrary() && !base.starts_with("_")) continue;
    (*out)[full_path + "/" + t.name] = Renderable{t.data, next, full_path + "/templates", c.location + "/" + t.name};
  }
  return next;
}

// Helm's parse order: deeper paths first, then reverse lexical order.
std::vector<std::string> SortTemplates(const std::map<std::string, Renderable>& tpls) {
  std::vector<std::string> keys;
  for (const auto& [name, r] : tpls) keys.push_back(name);
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    const auto ca = std::count(a.begin(), a.end(), '/'), cb = std::count(b.begin(), b.end(), '/');
    return ca != cb ? ca > cb : a > b;
  });
  return keys;
}

std::string BaseName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// Chart.CRDObjects: crds/*.yaml|yml|json of the chart, then of its subcharts.
void CollectCrds(const Chart& c, const std::string& full_path, std::vector<Manifest>* out) {
  for (const ChartFile& f : c.files) {
    std::string ext = f.name.substr(std::min(f.name.size(), f.name.rfind('.')));
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!f.name.starts_with("crds/") || (ext != ".yaml" && ext != ".yml" && ext != ".json")) continue;
    Manifest m;
    m.source = full_path + "/" + f.name;
    m.content = f.data;
    out->push_back(std::move(m));
  }
  for (const auto& child : c.dependencies) CollectCrds(*child, full_path + "/charts/" + child->metadata.name, out);
}

// cleanupParseError: "template: NAME:LINE: … : MSG" → "parse error at (NAME:LINE): MSG".
ChartError ParseError(const tmpl::TemplateError& e, const Renderable& r) {
  std::vector<std::string> tokens;
  size_t start = 0;
  while (true) {
    size_t sep = e.message.find(": ", start);
    tokens.push_back(e.message.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 2;
  }
  std::string message = tokens.size() == 1 ? "parse error in (" + e.file + "): " + e.message
                                            : "parse error at (" + tokens[1] + "): " + tokens.back();
  return ChartError{r.disk_path, e.line, 0, std::move(message)};
}

Value TopValues(const Value& values, const RenderOptions& options) {
  const ReleaseOptions& rel = options.release;
  Value release = Value::Map({{"Name", Value::String(rel.name)},
                              {"Namespace", Value::String(rel.name_space)},
                              {"IsUpgrade", Value::Bool(rel.is_upgrade)},
                              {"IsInstall", Value::Bool(rel.is_install)},
                              {"Revision", Value::Int(rel.revision)},
                              {"Service", Value::String("Helm")}});
  return Value::Map({{"Capabilities", MakeCapabilitiesValue(options.capabilities)},
                     {"Release", release},
                     {"Values", values}});
}

bool Prepare(Chart* chart, const Value& user_values, const RenderOptions& options, Value* top,
             std::vector<std::string>* warnings, ChartError* error) {
  const Metadata& md = chart->metadata;
  if (!md.type.empty() && md.type != "application") {
    *error = ChartError{chart->location + "/Chart.yaml", 0, 0, md.type + " charts are not installable"};
    return false;
  }
  if (!ProcessDependencies(chart, user_values, error)) return false;
  const std::string& kube = options.capabilities.kube_version.version;
  if (!md.kube_version.empty() && !IsCompatibleRange(md.kube_version, kube)) {
    *error = ChartError{chart->location + "/Chart.yaml", 0, 0,
                        "chart requires kubeVersion: " + md.kube_version + " which is incompatible with Kubernetes " + kube};
    return false;
  }
  Value values;
  std::string message;
  if (!CoalesceValues(*chart, user_values, &values, &message)) {
    *error = ChartError{chart->location, 0, 0, message};
    return false;
  }
  if (!options.skip_schema_validation && !ValidateValuesSchemas(*chart, values, warnings, error)) return false;
  *top = TopValues(values, options);
  return true;
}

// Parses every template into one set, in Helm's order (later definitions win).
bool ParseAll(const std::vector<std::string>& keys, std::map<std::string, Renderable>& tpls, tmpl::TemplateSet* set,
              RenderedChart* out, ChartError* error) {
  for (const std::string& name : keys) {
    tmpl::TemplateError e;
    out->template_paths[name] = tpls[name].disk_path;
    if (!set->Parse(name, tpls[name].text, &e)) return *error = ParseError(e, tpls[name]), false;
  }
  return true;
}

// Executes every template but partials; NOTES.txt files are kept apart (the root's as notes).
bool ExecuteAll(const std::vector<std::string>& keys, std::map<std::string, Renderable>& tpls,
                const tmpl::TemplateSet& set, const RenderOptions& options, const std::string& root_notes,
                RenderedChart* out, ChartError* error) {
  tmpl::ExecOptions exec;
  exec.missing_key = tmpl::ExecOptions::MissingKey::kZero;
  exec.random_seed = options.random_seed;
  exec.now_unix = options.now_unix;
  for (const std::string& name : keys) {
    if (BaseName(name).starts_with("_")) continue;
    Renderable& r = tpls[name];
    r.vals.MutableMap().insert_or_assign(
        "Template", Value::Map({{"Name", Value::String(name)}, {"BasePath", Value::String(r.base_path)}}));
    RenderedFile file{name, r.disk_path, {}};
    tmpl::TemplateError e;
    if (!set.Execute(name, r.vals, exec, &file.result, &e)) {
      auto it = out->template_paths.find(e.file);
      *error = ChartError{it == out->template_paths.end() ? r.disk_path : it->second, e.line, 0,
                          tmpl::HelmErrorMessage(e), e};
      return false;
    }
    tmpl::RemoveNoValue(&file.result);
    if (name.ends_with("NOTES.txt")) {
      if (name == root_notes) out->notes = file.result.text;
      continue;
    }
    out->files.push_back(std::move(file));
  }
  return true;
}

}  // namespace

bool RenderChart(Chart* chart, const Value& user_values, const RenderOptions& options, RenderedChart* out,
                 ChartError* error) {
  Value top;
  if (!Prepare(chart, user_values, options, &top, &out->warnings, error)) return false;
  CollectCrds(*chart, chart->metadata.name, &out->crds);
  std::map<std::string, Renderable> tpls;
  CollectTemplates(*chart, chart->metadata.name, true, top, &tpls);
  const std::vector<std::string> keys = SortTemplates(tpls);
  tmpl::TemplateSet set;
  if (!ParseAll(keys, tpls, &set, out, error) ||
      !ExecuteAll(keys, tpls, set, options, chart->metadata.name + "/templates/NOTES.txt", out, error)) {
    return false;
  }
  std::sort(out->files.begin(), out->files.end(),
            [](const RenderedFile& a, const RenderedFile& b) { return a.name < b.name; });
  return SortRenderedFiles(out, error);
}

}  // namespace kubeshift::chart
