// `kubeshift render [NAME] CHART`: a chart rendered natively, printed as `helm template` prints it.
#include <regex>

#include <fmt/format.h>
#include <fmt/ostream.h>

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

// Helm's chartutil.ValidateReleaseName.
bool ValidReleaseName(const std::string& name, std::string* error) {
  static const std::regex kName("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  if (!name.empty() && name.size() <= 53 && std::regex_match(name, kName)) return true;
  *error = "invalid release name \"" + name + "\": a release name must be at most 53 characters of lower-case "
           "letters, digits, '-' and '.', starting and ending with a letter or digit";
  return false;
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
  for (const std::string& list : o.api_versions) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) caps->api_versions.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
  }
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
  const chart::ValueOptions values{o.value_files, o.set_json, o.set, o.set_string, o.set_file, o.set_literal};
  if (!NameAndChart(o, &name, &chart_path, &error) || !ValidReleaseName(name, &error) || !BuildCapabilities(o, &render.capabilities, &error) ||
      !chart::MergeUserValues(values, &user, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  render.release.name = name;
  render.release.name_space = o.name_space;
  render.skip_schema_validation = o.skip_schema_validation;
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
