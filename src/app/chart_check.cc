// Rendering charts for `kubeshift check` and placing what they render back in the templates.
#include "app/chart_check.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "app/chart_values.h"
#include "app/file_check.h"
#include "app/suppressions.h"
#include "app/worker_pool.h"
#include "kubeshift/chart.h"
#include "kubeshift/scan.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;

std::string Normal(const std::string& path) { return fs::path(path).lexically_normal().string(); }

// Where a template input is read from, as the render names it: its file on disk, or for a
// chart read from a git revision (--rev) its display path, which is where that chart is loaded.
std::string SourceKey(const InputFile& input) { return Normal(input.fs_path.empty() ? input.display_path : input.fs_path); }

// Template inputs that are rendered with their chart: on disk, or in a revision (--rev).
bool Renderable(const InputFile& input) {
  return input.kind == InputKind::kHelmTemplate && !input.chart_root.empty() && !input.is_stdin &&
         (!input.load || input.load_chart);
}

// The chart a subchart belongs to: PARENT for PARENT/charts/NAME when PARENT has a Chart.yaml,
// up to the outermost one (Helm renders a subchart only with its parents' values and conditions).
std::string OutermostChart(std::string root) {
  while (true) {
    const fs::path p = fs::path(root).lexically_normal();
    const fs::path charts = p.has_filename() ? p.parent_path() : p.parent_path().parent_path();
    std::error_code ec;
    if (charts.filename() != "charts" || !fs::is_regular_file(charts.parent_path() / "Chart.yaml", ec)) return root;
    root = charts.parent_path().empty() ? "." : charts.parent_path().string();
  }
}

// Chart roots to render: a subchart is rendered with its parent.
std::vector<std::string> ChartRoots(const std::vector<InputFile>& inputs) {
  std::set<std::string> roots;
  for (const InputFile& input : inputs) {
    if (Renderable(input)) roots.insert(input.load_chart ? input.render_root : OutermostChart(input.chart_root));
  }
  std::vector<std::string> top;
  for (const std::string& root : roots) {
    const fs::path p = fs::path(root).lexically_normal();
    bool nested = false;
    for (const std::string& other : roots) {
      const std::string charts = (fs::path(other).lexically_normal() / "charts").string() + "/";
      nested = nested || (other != root && p.string().starts_with(charts));
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

// The apiVersions a render took from each template file (on disk), by offset in its text.
struct RenderedText {
  std::string text;
  std::set<size_t> offsets;
};
using RenderedApis = std::map<std::string, RenderedText>;

void NoteRendered(const std::string& file, const std::string& text, size_t offset, RenderedApis* apis) {
  RenderedText& entry = (*apis)[Normal(file)];
  if (entry.text.empty()) entry.text = text;
  entry.offsets.insert(offset);
}

// Checks the objects of one rendered file; findings placed in the templates. Notes where
// every apiVersion came from in \a apis (with a helper, the helper's line too).
void CheckRenderedFile(const chart::RenderedChart& rendered, const chart::RenderedFile& file,
                       const std::map<std::string, std::string>& display, const RuleContext& context,
                       ChartCheckOutcome* out, RenderedApis* apis) {
  SourceFile source(file.name, file.result.text);
  ScanResult scan = ScanSource(source, InputKind::kYaml);
  for (Resource& resource : scan.resources) {
    chart::ByteOrigin origin;
    if (!resource.api_version.present || !chart::OriginOf(rendered, file, resource.api_version.range.begin, &origin)) {
      continue;
    }
    NoteRendered(origin.file, origin.text, origin.offset, apis);
    if (!origin.helper.empty() && origin.helper_file != "tpl") {
      NoteRendered(origin.helper_file, origin.helper_text, origin.helper_offset, apis);
    }
    auto it = display.find(Normal(origin.file));
    if (it == display.end()) continue;  // a template that is not an input (excluded, unchanged)
    resource.context = OriginContext(origin, it->second);
    std::vector<Finding> found;
    RunRules(resource, context, &found);
    const LineIndex lines(origin.text);
    // A literal in a {{ define }} of a template input: the lexical scan may report it there.
    std::optional<std::tuple<std::string, int, int>> helper_literal;
    auto helper = display.find(Normal(origin.helper_file));
    if (!origin.helper.empty() && helper != display.end()) {
      const Position at = LineIndex(origin.helper_text).PositionOf(origin.helper_offset);
      helper_literal = std::tuple{helper->second, at.line, at.column};
    }
    for (Finding& finding : found) {
      finding.file = it->second;
      finding.position = lines.PositionOf(origin.literal ? origin.offset : ActionStart(origin.text, origin.offset));
      if (IsSuppressed(lines, finding.position.line, finding.rule)) continue;
      out->findings.push_back(std::move(finding));
      out->helper_literals.push_back(helper_literal);
    }
  }
}

// One chart to render: its root, and its template inputs (its subcharts' included).
struct ChartInputs {
  std::string root;
  std::vector<const InputFile*> templates;
  const std::map<std::string, std::string>* display = nullptr;  // normalised disk path → display path

  // \a path (on disk, in this chart) as the user would name it.
  std::string Shown(const std::string& path) const {
    auto it = display->find(Normal(path));
    if (it != display->end()) return it->second;
    const InputFile& any = *templates.front();
    return DisplayLike(Normal(path), SourceKey(any), any.display_path);
  }
};

bool Under(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

std::vector<ChartInputs> GroupCharts(const std::vector<InputFile>& inputs,
                                     const std::map<std::string, std::string>& display) {
  std::vector<ChartInputs> charts;
  std::map<std::string, size_t> by_root;  // normalised root → index in charts
  for (const std::string& root : ChartRoots(inputs)) {
    by_root.emplace(Normal(root), charts.size());
    charts.push_back(ChartInputs{root, {}, &display});
  }
  // Each template belongs to the chart whose root is its own chart root or an ancestor of it:
  // walking up its path finds it in a few lookups, however many charts the run has.
  for (const InputFile& input : inputs) {
    if (!Renderable(input)) continue;
    for (fs::path dir = Normal(input.chart_root);; dir = dir.parent_path()) {
      auto it = by_root.find(dir.empty() ? "." : dir.string());  // a relative path ends in "."
      if (it != by_root.end()) {
        charts[it->second].templates.push_back(&input);
        break;
      }
      if (dir.empty() || dir == dir.parent_path()) break;
    }
  }
  return charts;
}

// "subchart db is disabled (condition: db.enabled)": why Helm would leave \a entry out.
std::string DisabledText(const chart::Dependency& entry) {
  std::string why;
  if (!entry.condition.empty()) why = "condition: " + entry.condition;
  if (!entry.tags.empty()) {
    why += why.empty() ? "tags: " : "; tags: ";
    for (size_t i = 0; i < entry.tags.size(); ++i) why += (i ? ", " : "") + entry.tags[i];
  }
  const std::string name = entry.alias.empty() ? entry.name : entry.alias;
  return "subchart " + name + " is disabled" + (why.empty() ? "" : " (" + why + ")");
}

// Every subchart below \a c, by location, with the words that say why it would be left out.
void DescribeSubcharts(const chart::Chart& c, std::map<std::string, std::string>* out) {
  for (const auto& sub : c.dependencies) {
    std::string text = "subchart " + sub->metadata.name + " is disabled";
    for (const chart::Dependency& entry : c.metadata.dependencies) {
      if (entry.name == sub->metadata.name) {
        text = DisabledText(entry);
        break;
      }
    }
    out->emplace(Normal(sub->location), text);
    DescribeSubcharts(*sub, out);
  }
}

// The locations of the charts a render kept (dependency processing drops disabled ones).
void EnabledCharts(const chart::Chart& c, std::set<std::string>* out) {
  out->insert(Normal(c.location));
  for (const auto& sub : c.dependencies) EnabledCharts(*sub, out);
}

// Where an execution error points: its action's "{{" (the engine gives line and byte column).
Position ActionPosition(const std::string& file, int line, int column, size_t* offset) {
  std::string text, ignored;
  if (line <= 0 || !ReadFileBytes(file, &text, &ignored)) return Position{line, line > 0 ? 1 : 0};
  const LineIndex lines(text);
  if (line > lines.line_count()) return Position{line, 1};
  *offset = ActionStart(text, std::min(text.size(), lines.LineStart(line) + static_cast<size_t>(column)));
  return lines.PositionOf(*offset);
}

// A chart that failed: a render-error finding when its own required/fail stopped it, else an
// input error. Either way its lexical findings stay as they are.
void ReportFailure(const ChartInputs& chart, const chart::ChartError& error, ChartCheckOutcome* outcome) {
  const std::string shown_root = chart.Shown(chart.root);
  const std::string file = error.file.empty() ? shown_root : chart.Shown(error.file);
  size_t offset = 0;
  Position position = error.execution.line > 0
                          ? ActionPosition(error.file, error.execution.line, error.execution.column, &offset)
                          : Position{error.line, error.line > 0 ? 1 : 0};
  const std::string& function = error.execution.function;
  if (function != "required" && function != "fail") {
    outcome->errors.push_back({file, position, fmt::format("chart {} not rendered: {}", shown_root, error.message)});
    return;
  }
  std::string text, ignored;
  if (ReadFileBytes(error.file, &text, &ignored) && IsSuppressed(LineIndex(text), position.line, "render-error")) return;
  Finding finding;
  finding.rule = "render-error";
  finding.severity = Severity::kError;
  finding.file = file;
  finding.position = position;
  finding.range = Range{offset, offset};
  finding.message = fmt::format("chart {} not rendered: {}: {}", shown_root, function, error.execution.cause);
  outcome->findings.push_back(std::move(finding));
  outcome->helper_literals.emplace_back();
}

// What the render says about each template input of \a chart.
void NoteCoverage(const ChartInputs& chart, const chart::Chart& rendered_chart,
                  const std::map<std::string, std::string>& subcharts, const RenderedApis& apis,
                  ChartCheckOutcome* outcome) {
  std::set<std::string> enabled;
  EnabledCharts(rendered_chart, &enabled);
  for (const InputFile* input : chart.templates) {
    TemplateCoverage& coverage = outcome->templates[input->display_path];
    const std::string chart_root = Normal(input->chart_root);
    size_t outermost = std::string::npos;
    for (const auto& [location, text] : subcharts) {
      if (!enabled.count(location) && Under(chart_root, location) && location.size() < outermost) {
        outermost = location.size();
        coverage.disabled = text;
      }
    }
    auto it = apis.find(SourceKey(*input));
    if (it == apis.end()) continue;
    const LineIndex lines(it->second.text);
    for (size_t offset : it->second.offsets) {
      const Position p = lines.PositionOf(offset);
      coverage.rendered.insert({p.line, p.column});
    }
  }
}

// "; not rendered at Kubernetes 1.29: in the {{ else }} branch of …": the guard moves after
// the note, so that it reads as the reason.
void Demote(Finding* finding, const std::string& note, bool guard_is_reason) {
  finding->severity = Severity::kInfo;
  const std::string suffix = "; " + finding->context;
  if (guard_is_reason && !finding->context.empty() && finding->message.ends_with(suffix)) {
    finding->message.resize(finding->message.size() - suffix.size());
    finding->message += "; " + note + ": " + finding->context;
    return;
  }
  finding->message += "; " + note;
}

// The chart from disk, or from the revision its templates were read from.
bool LoadChartOf(const ChartInputs& inputs, std::shared_ptr<chart::Chart>* chart, chart::ChartError* error) {
  const InputFile& any = *inputs.templates.front();
  if (!any.load_chart) return chart::LoadChart(inputs.root, chart, error);
  std::vector<std::pair<std::string, std::string>> files;
  std::string message;
  if (!any.load_chart(&files, &message)) {
    *error = chart::ChartError{inputs.root, 0, 0, message};
    return false;
  }
  std::vector<chart::ChartFile> chart_files;
  for (auto& [name, data] : files) chart_files.push_back({std::move(name), std::move(data)});
  return chart::LoadChartTree(std::move(chart_files), inputs.root, chart, error);
}

// Renders one chart and checks what it renders, into \a outcome (this chart's part only).
void CheckChart(const ChartInputs& inputs_of_chart, const std::map<std::string, std::string>& display,
                const RuleContext& context, const ChartRenderSettings& settings, const chart::RenderOptions& options,
                ChartCheckOutcome* outcome) {
  std::shared_ptr<chart::Chart> chart;
  chart::ChartError error;
  if (!LoadChartOf(inputs_of_chart, &chart, &error)) return ReportFailure(inputs_of_chart, error, outcome);
  std::map<std::string, std::string> subcharts;  // before rendering drops the disabled ones
  DescribeSubcharts(*chart, &subcharts);
  chart::RenderedChart rendered;
  if (!chart::RenderChart(chart.get(), settings.values, options, &rendered, &error)) {
    return ReportFailure(inputs_of_chart, error, outcome);
  }
  for (const std::string& warning : rendered.warnings) {
    outcome->warnings.push_back(fmt::format("chart {}: {}", inputs_of_chart.root, warning));
  }
  RenderedApis apis;
  for (const chart::RenderedFile& file : rendered.files) {
    CheckRenderedFile(rendered, file, display, context, outcome, &apis);
  }
  NoteCoverage(inputs_of_chart, *chart, subcharts, apis, outcome);
  outcome->notes.push_back(fmt::format("rendered chart {} for Kubernetes {}: {} files", inputs_of_chart.root,
                                       outcome->target, rendered.files.size()));
}

template <typename T>
void Append(std::vector<T>&& from, std::vector<T>* to) {
  std::move(from.begin(), from.end(), std::back_inserter(*to));
}

}  // namespace

ChartCheckOutcome CheckCharts(const std::vector<InputFile>& inputs, const RuleContext& context,
                              const ChartRenderSettings& settings) {
  ChartCheckOutcome outcome;
  std::map<std::string, std::string> display;  // normalised disk path → display path
  for (const InputFile& input : inputs) {
    if (Renderable(input)) display[SourceKey(input)] = input.display_path;
  }
  const auto kube = context.targets.find(kKubernetes);
  if (kube == context.targets.end()) return outcome;
  outcome.target = kube->second.ToString();
  chart::RenderOptions options;
  options.capabilities = chart::CapabilitiesAt(context.table, kube->second);
  AddApiVersions(settings.api_versions, &options.capabilities);
  options.release.name = settings.release_name;
  options.release.name_space = settings.name_space;
  options.skip_schema_validation = settings.skip_schema_validation;
  // `now` is the clock's; random functions keep the fixed seed, so that a name a chart makes
  // with randAlphaNum is the same in every run of check.
  options.now_unix =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  // Charts are independent: each worker renders whole charts into its own slot, and the slots
  // are joined in chart order, so the output does not depend on the number of workers.
  const std::vector<ChartInputs> charts = GroupCharts(inputs, display);
  std::vector<ChartCheckOutcome> parts(charts.size());
  ParallelFor(charts.size(), WorkerCount(settings.jobs, charts.size()), [&](size_t i) {
    parts[i].target = outcome.target;
    CheckChart(charts[i], display, context, settings, options, &parts[i]);
  });
  for (ChartCheckOutcome& part : parts) {
    Append(std::move(part.findings), &outcome.findings);
    Append(std::move(part.helper_literals), &outcome.helper_literals);
    Append(std::move(part.errors), &outcome.errors);
    Append(std::move(part.notes), &outcome.notes);
    Append(std::move(part.warnings), &outcome.warnings);
    outcome.templates.merge(part.templates);
  }
  return outcome;
}

void MergeChartFindings(ChartCheckOutcome outcome, std::vector<Finding>* findings, std::vector<InputError>* errors) {
  for (Finding& f : *findings) {
    auto it = outcome.templates.find(f.file);
    if (f.api_version.empty() || it == outcome.templates.end()) continue;
    if (!it->second.disabled.empty()) {
      Demote(&f, "not rendered: " + it->second.disabled, false);
    } else if (!it->second.rendered.count({f.position.line, f.position.column})) {
      Demote(&f, "not rendered at Kubernetes " + outcome.target, true);
    }
  }
  // The lexical finding stays; the render only tells the name it left to a template action.
  std::map<std::tuple<std::string, int, int, std::string>, size_t> seen;
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    seen.emplace(std::tuple{f.file, f.position.line, f.position.column, f.rule}, i);
  }
  const size_t lexical_count = findings->size();
  for (size_t i = 0; i < outcome.findings.size(); ++i) {
    Finding& f = outcome.findings[i];
    // Written by a {{ define }} whose literal the lexical scan already reported: once is enough.
    if (const auto& literal = outcome.helper_literals[i]) {
      auto at = seen.find(std::tuple_cat(*literal, std::tuple{f.rule}));
      if (at != seen.end() && at->second < lexical_count) continue;
    }
    auto [it, added] = seen.emplace(std::tuple{f.file, f.position.line, f.position.column, f.rule}, findings->size());
    if (added) {
      findings->push_back(std::move(f));
      continue;
    }
    Finding& lexical = (*findings)[it->second];
    if (lexical.name.empty()) lexical.name = f.name;
    if (!lexical.namespace_) lexical.namespace_ = f.namespace_;
  }
  std::move(outcome.errors.begin(), outcome.errors.end(), std::back_inserter(*errors));
}

}  // namespace kubeshift
