// Rendering charts for `kubeshift check` and placing what they render back in the templates.
#include "app/chart_check.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/suppressions.h"
#include "kubeshift/chart.h"
#include "kubeshift/scan.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;

std::string Normal(const std::string& path) { return fs::path(path).lexically_normal().string(); }

// Chart roots to render: a subchart is rendered with its parent when the parent is there too.
std::vector<std::string> ChartRoots(const std::vector<InputFile>& inputs) {
  std::set<std::string> roots;
  for (const InputFile& input : inputs) {
    if (input.kind == InputKind::kHelmTemplate && !input.chart_root.empty() && !input.load && !input.is_stdin) {
      roots.insert(input.chart_root);
    }
  }
  std::vector<std::string> top;
  for (const std::string& root : roots) {
    const fs::path p = fs::path(root).lexically_normal();
    bool nested = false;
    for (const std::string& other : roots) {
      const fs::path parent = fs::path(other).lexically_normal() / "charts";
      nested = nested || (other != root && p.parent_path() == parent);
    }
    if (!nested) top.push_back(root);
  }
  return top;
}

// Where the action holding \a offset starts: its "{{" on the same line, else offset itself.
size_t ActionStart(const std::string& text, size_t offset) {
  const size_t open = text.rfind("{{", offset);
  const size_t eol = text.rfind('\n', offset);
  return open != std::string::npos && (eol == std::string::npos || open > eol) ? open : offset;
}

// The action at \a offset as written ("{{ include \"x\" . }}"), shortened for a message.
std::string ActionText(const std::string& text, size_t offset) {
  const size_t begin = ActionStart(text, offset);
  const size_t end = text.find("}}", begin);
  std::string action = text.substr(begin, end == std::string::npos ? 60 : end + 2 - begin);
  return action.size() > 80 ? action.substr(0, 77) + "..." : action;
}

// A helper's path shown the way the user named the template that called it.
std::string DisplayLike(const std::string& path, const std::string& disk, const std::string& shown) {
  size_t common = 0;
  while (common < disk.size() && common < shown.size() &&
         disk[disk.size() - 1 - common] == shown[shown.size() - 1 - common]) {
    ++common;
  }
  const std::string disk_prefix = disk.substr(0, disk.size() - common);
  if (!path.starts_with(disk_prefix)) return path;
  return shown.substr(0, shown.size() - common) + path.substr(disk_prefix.size());
}

// Words for the finding's message: what wrote an apiVersion that is not literal text.
std::string OriginContext(const chart::ByteOrigin& origin, const std::string& shown) {
  if (origin.literal) return "";
  std::string context = "rendered by " + ActionText(origin.text, origin.offset);
  if (!origin.helper.empty()) {
    context += fmt::format(" ({}:{})", DisplayLike(origin.helper_file, origin.file, shown),
                           LineIndex(origin.helper_text).PositionOf(origin.helper_offset).line);
  }
  return context;
}

// Checks the objects of one rendered file; findings placed in the templates.
void CheckRenderedFile(const chart::RenderedChart& rendered, const chart::RenderedFile& file,
                       const std::map<std::string, std::string>& display, const RuleContext& context,
                       std::vector<Finding>* out) {
  SourceFile source(file.name, file.result.text);
  ScanResult scan = ScanSource(source, InputKind::kYaml);
  for (Resource& resource : scan.resources) {
    chart::ByteOrigin origin;
    if (!resource.api_version.present || !chart::OriginOf(rendered, file, resource.api_version.range.begin, &origin)) {
      continue;
    }
    auto it = display.find(Normal(origin.file));
    if (it == display.end()) continue;  // a template that is not an input (excluded, unchanged)
    resource.context = OriginContext(origin, it->second);
    std::vector<Finding> found;
    RunRules(resource, context, &found);
    const LineIndex lines(origin.text);
    for (Finding& finding : found) {
      finding.file = it->second;
      finding.position = lines.PositionOf(origin.literal ? origin.offset : ActionStart(origin.text, origin.offset));
      if (!IsSuppressed(lines, finding.position.line, finding.rule)) out->push_back(std::move(finding));
    }
  }
}

}  // namespace

ChartCheckOutcome CheckCharts(const std::vector<InputFile>& inputs, const RuleContext& context) {
  ChartCheckOutcome outcome;
  std::map<std::string, std::string> display;  // normalised disk path → display path
  for (const InputFile& input : inputs) {
    if (input.kind == InputKind::kHelmTemplate && !input.fs_path.empty()) display[Normal(input.fs_path)] = input.display_path;
  }
  const auto kube = context.targets.find(kKubernetes);
  if (kube == context.targets.end()) return outcome;
  for (const std::string& root : ChartRoots(inputs)) {
    std::shared_ptr<chart::Chart> chart;
    chart::ChartError error;
    chart::RenderOptions options;
    options.capabilities = chart::CapabilitiesAt(context.table, kube->second);
    chart::RenderedChart rendered;
    if (!chart::LoadChart(root, &chart, &error) || !chart::RenderChart(chart.get(), chart::Value::Map(), options, &rendered, &error)) {
      outcome.notes.push_back(fmt::format("chart {} not rendered ({}); its templates were read as text only", root,
                                          error.ToString()));
      continue;
    }
    for (const chart::RenderedFile& file : rendered.files) {
      CheckRenderedFile(rendered, file, display, context, &outcome.findings);
    }
    outcome.notes.push_back(fmt::format("rendered chart {} for Kubernetes {}: {} files", root,
                                        kube->second.ToString(), rendered.files.size()));
  }
  return outcome;
}

void MergeChartFindings(std::vector<Finding> rendered, std::vector<Finding>* findings) {
  std::set<std::tuple<std::string, int, int, std::string>> seen;
  for (const Finding& f : *findings) seen.insert({f.file, f.position.line, f.position.column, f.rule});
  for (Finding& f : rendered) {
    if (seen.insert({f.file, f.position.line, f.position.column, f.rule}).second) findings->push_back(std::move(f));
  }
}

}  // namespace kubeshift
