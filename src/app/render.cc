// `kubeshift render [NAME] CHART`: a chart rendered natively, printed as `helm template` prints it.
#include <chrono>
#include <random>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/chart_values.h"
#include "app/environment.h"
#include "kubeshift/app.h"
#include "kubeshift/chart.h"

namespace kubeshift {
namespace {

// Helm's TemplateName: --name-template rendered with Sprig and no data.
bool RenderNameTemplate(const std::string& text, std::string* name, std::string* error) {
  tmpl::TemplateSet set;
  tmpl::TemplateError e;
  tmpl::RenderResult result;
  if (!set.Parse("name-template", text, &e) || !set.Execute("name-template", tmpl::Value(), {}, &result, &e)) {
    *error = e.message;
    return false;
  }
  *name = result.text;
  return true;
}

// Helm's NameAndChart for `helm template`.
bool NameAndChart(const RenderCommandOptions& o, std::string* name, std::string* chart, std::string* error) {
  if (o.args.empty()) return *error = "\"kubeshift render\" requires at least 1 argument: [NAME] CHART", false;
  if (o.args.size() > 2) return *error = "expected at most two arguments, unexpected arguments: " + o.args[2], false;
  if (o.args.size() == 2) {
    if (!o.name_template.empty()) return *error = "cannot set --name-template and also specify a name", false;
    *name = o.args[0], *chart = o.args[1];
    return true;
  }
  *chart = o.args[0];
  if (o.name_template.empty()) return *name = "release-name", true;
  return RenderNameTemplate(o.name_template, name, error);
}

// .Capabilities: helm's offline set, or what the target version serves; then -a entries.
bool BuildCapabilities(const RenderCommandOptions& o, chart::Capabilities* caps, std::string* error) {
  chart::KubeVersion kube;
  if (o.kube_version && !chart::ParseKubeVersion(*o.kube_version, &kube, error)) return false;
  if (o.helm_capabilities) {
    *caps = chart::HelmDefaultCapabilities();
  } else {
    Environment env;
    if (!PrepareEnvironment(o.table, &env, error)) return false;
    Version target = env.targets.at(std::string(kKubernetes));
    if (o.kube_version) target = *ParseVersion(kube.version);
    *caps = chart::CapabilitiesAt(env.table, target);
  }
  if (o.kube_version) caps->kube_version = kube;
  AddApiVersions(o.chart.api_versions, caps);
  return true;
}

int ChartFailure(const chart::ChartError& error, std::ostream& err) {
  fmt::print(err, "kubeshift: error: {}\n", error.ToString());
  return kExitInputError;
}

}  // namespace

int RunRender(const RenderCommandOptions& o, std::ostream& out, std::ostream& err) {
  std::string error, name, chart_path;
  chart::RenderOptions render;
  chart::Value user;
  if (!NameAndChart(o, &name, &chart_path, &error) || !ValidReleaseName(name, &error) || !BuildCapabilities(o, &render.capabilities, &error) ||
      !BuildUserValues(o.chart, &user, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  render.release.name = name;
  render.release.name_space = o.chart.name_space;
  render.skip_schema_validation = o.chart.skip_schema_validation;
  // As helm: the clock's time and fresh randomness, unless a test pins them.
  render.now_unix = o.now_unix.value_or(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  render.random_seed = o.random_seed.value_or(std::random_device{}() * 0x100000000ULL ^ std::random_device{}());
  std::shared_ptr<chart::Chart> chart;
  chart::ChartError chart_error;
  if (!chart::LoadChart(chart_path, &chart, &chart_error)) return ChartFailure(chart_error, err);
  chart::RenderedChart rendered;
  const bool rendered_ok = chart::RenderChart(chart.get(), user, render, &rendered, &chart_error);
  for (const std::string& warning : rendered.warnings) fmt::print(err, "kubeshift: warning: {}\n", warning);
  if (!rendered_ok) {
    if (rendered.yaml_failed) {
      if (o.debug) out << chart::FormatDebugOutput(rendered);
      else chart_error.message += " (use --debug to print the rendered output)";
    }
    return ChartFailure(chart_error, err);
  }
  chart::TemplateOutputOptions output{o.include_crds, o.skip_tests, o.no_hooks, o.show_only};
  std::string text;
  if (!chart::FormatTemplateOutput(rendered, output, &text, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  out << text;
  return kExitClean;
}

}  // namespace kubeshift
