// `kubeshift check`: discovery → per-file scan in parallel → report → exit code.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/chart_check.h"
#include "app/chart_values.h"
#include "app/environment.h"
#include "app/file_check.h"
#include "app/worker_pool.h"
#include "kubeshift/app.h"
#include "kubeshift/discovery.h"
#include "kubeshift/git_inputs.h"

namespace kubeshift {
namespace {

std::string_view KindLabel(InputKind kind) {
  switch (kind) {
    case InputKind::kJson: return "JSON";
    case InputKind::kHelmTemplate: return "chart template";
    case InputKind::kYaml: break;
  }
  return "YAML";
}

bool ResolveFailOn(const CheckOptions& options, const Environment& env, std::optional<Severity>* threshold,
                   std::string* error) {
  std::string fail_on = options.fail_on.value_or(env.config.fail_on.value_or("error"));
  if (fail_on == "error") {
    *threshold = Severity::kError;
  } else if (fail_on == "warning") {
    *threshold = Severity::kWarning;
  } else if (fail_on == "never") {
    *threshold = std::nullopt;
  } else {
    *error = options.fail_on ? fmt::format("--fail-on must be error, warning or never, not '{}'", fail_on)
                             : fmt::format("{}'fail-on' must be error, warning or never, not '{}'",
                                           env.config.Where("fail-on"), fail_on);
    return false;
  }
  return true;
}

bool UseColor(const CheckOptions& options) {
  if (options.color) return *options.color;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

void PrintVerbose(const DiscoveryResult& discovery, const std::vector<FileOutcome>& outcomes, std::ostream& err) {
  for (const SkippedPath& skipped : discovery.skipped) {
    fmt::print(err, "kubeshift: skipped {}: {}\n", skipped.display_path, skipped.reason);
  }
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const InputFile& input = discovery.inputs[i];
    const FileOutcome& outcome = outcomes[i];
    if (!outcome.read) {
      fmt::print(err, "kubeshift: could not read {}\n", input.display_path);
      continue;
    }
    fmt::print(err, "kubeshift: read {} ({}): {} document{}, {} resource{}", input.display_path, KindLabel(input.kind),
               outcome.documents, outcome.documents == 1 ? "" : "s", outcome.resources,
               outcome.resources == 1 ? "" : "s");
    if (outcome.fallback_documents > 0) fmt::print(err, ", {} via the full YAML parser", outcome.fallback_documents);
    fmt::print(err, "\n");
  }
}

// The inputs: from git (--changed-since, --rev) or from the paths. False: a usage error.
bool Discover(const CheckOptions& options, const DiscoveryOptions& discovery_options, DiscoveryResult* discovery,
              std::string* error) {
  if (options.changed_since) {
    return DiscoverChangedSince(*options.changed_since, options.paths, discovery_options, discovery, error);
  }
  if (options.rev) return DiscoverRevision(*options.rev, options.paths, discovery_options, discovery, error);
  *discovery = DiscoverInputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths, discovery_options);
  return true;
}

// Calls fn(i) for every input on the worker pool. A long run on a terminal (not CI) shows a
// count of the files done on one line of stderr, updated from this thread and cleared at the
// end; pipes, files and CI logs never see it, so the output stays the same.
template <typename Fn>
void CheckInParallel(size_t count, int jobs, Fn fn, std::ostream& err) {
  constexpr size_t kProgressMinInputs = 200;
  unsigned workers = WorkerCount(jobs, count);
  if (count <= kProgressMinInputs || ::isatty(STDERR_FILENO) != 1 || std::getenv("CI") != nullptr) {
    ParallelFor(count, workers, fn);
    return;
  }
  size_t width = 0;
  size_t shown = 0;
  auto progress = [&](size_t done) {
    if (width > 0 && done == shown) return;
    shown = done;
    std::string line = fmt::format("kubeshift: {}/{} files", done, count);
    width = std::max(width, line.size());
    fmt::print(err, "\r{}", line);
    err.flush();
  };
  ParallelForWithProgress(count, workers, fn, progress, std::chrono::milliseconds(100));
  if (width > 0) {
    fmt::print(err, "\r{}\r", std::string(width, ' '));
    err.flush();
  }
}

int ExitCodeFor(const CheckReport& report, std::optional<Severity> threshold) {
  if (!report.errors.empty()) return kExitInputError;
  if (!threshold) return kExitClean;
  for (const Finding& finding : report.findings) {
    if (finding.severity >= *threshold) return kExitFindings;
  }
  return kExitClean;
}

// The values and release every chart of the run is rendered with: the configuration file's
// values files come first, so that -f and --set win. False: a usage error.
bool BuildRenderSettings(const CheckOptions& options, const ConfigFile& config, ChartRenderSettings* settings,
                         std::string* error) {
  ChartValuesOptions values = options.chart;
  values.value_files.insert(values.value_files.begin(), config.values_files.begin(), config.values_files.end());
  const std::string name = options.release_name.value_or(config.release_name.value_or("release-name"));
  if (!ValidReleaseName(name, error)) {
    if (!options.release_name) *error = config.Where("release-name") + *error;
    return false;
  }
  if (!BuildUserValues(values, &settings->values, error)) return false;
  settings->release_name = name;
  settings->name_space = options.chart.name_space;
  settings->api_versions = options.chart.api_versions;
  settings->skip_schema_validation = options.chart.skip_schema_validation;
  settings->jobs = options.jobs;
  return true;
}

}  // namespace

int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  Environment env;
  std::string error;
  std::optional<Severity> threshold;
  ChartRenderSettings chart_settings;
  if (!PrepareEnvironment(options.table, &env, &error) || !ResolveFailOn(options, env, &threshold, &error) ||
      !BuildRenderSettings(options, env.config, &chart_settings, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  DiscoveryOptions discovery_options;
  discovery_options.excludes = env.config.excludes;
  discovery_options.excludes.insert(discovery_options.excludes.end(), options.excludes.begin(), options.excludes.end());
  discovery_options.use_gitignore = options.use_gitignore;
  DiscoveryResult discovery;
  if (!Discover(options, discovery_options, &discovery, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  for (const std::string& message : discovery.missing) fmt::print(err, "kubeshift: error: {}\n", message);

  RuleContext context{env.table, env.targets, options.show_all};
  std::vector<FileOutcome> outcomes(discovery.inputs.size());
  std::string stdin_bytes;
  for (const InputFile& input : discovery.inputs) {
    if (input.is_stdin) stdin_bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  CheckInParallel(discovery.inputs.size(), options.jobs, [&](size_t i) {
    const InputFile& input = discovery.inputs[i];
    outcomes[i] = input.is_stdin ? CheckBytes(input, std::move(stdin_bytes), context) : CheckFile(input, context);
  }, err);
  if (options.verbose) PrintVerbose(discovery, outcomes, err);

  CheckReport report;
  report.tool_version = KUBESHIFT_VERSION;
  report.targets = env.targets;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    FileOutcome& outcome = outcomes[i];
    report.inputs.push_back(discovery.inputs[i].display_path);
    report.files += outcome.read ? 1 : 0;
    report.documents += outcome.documents;
    report.resources += outcome.resources;
    std::move(outcome.findings.begin(), outcome.findings.end(), std::back_inserter(report.findings));
    std::move(outcome.errors.begin(), outcome.errors.end(), std::back_inserter(report.errors));
  }
  // Charts are also rendered, which finds apiVersions that helpers and values write and tells
  // which literal ones the target version (and the values) actually use.
  ChartCheckOutcome charts = CheckCharts(discovery.inputs, context, chart_settings);
  for (const std::string& warning : charts.warnings) fmt::print(err, "kubeshift: warning: {}\n", warning);
  if (options.verbose) {
    for (const std::string& note : charts.notes) fmt::print(err, "kubeshift: {}\n", note);
  }
  MergeChartFindings(std::move(charts), &report.findings, &report.errors);
  // A directory that cannot be listed is an input that could not be read (exit 3); the
  // rest of the tree was still scanned.
  for (const std::string& message : discovery.errors) {
    size_t colon = message.rfind(": ");  // "PATH: reason"
    report.errors.push_back({message.substr(0, colon), {}, "cannot be read: " + message.substr(colon + 2)});
  }
  SortFindings(&report.findings);
  SortErrors(&report.errors);
  WriteReport(options.format, report, ReportOptions{UseColor(options)}, out);
  out.flush();
  // A path that does not exist is a usage error; it wins over what the other paths found.
  if (!discovery.missing.empty()) return kExitUsage;
  return ExitCodeFor(report, threshold);
}

}  // namespace kubeshift
