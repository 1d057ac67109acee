#include "cli/cli.h"
#include "cli/completion.h"

#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "kubeshift/app.h"
#include "kubeshift/deprecation_table.h"

namespace kubeshift {
namespace {

std::string VersionBanner() {
  DeprecationTable table;
  std::string error;
  std::string newest = "unknown";
  if (LoadBuiltinTable(&table, &error)) {
    if (auto version = table.NewestReleased(kKubernetes, TodayUtc())) newest = version->ToString();
  }
  return fmt::format("kubeshift {} (deprecation table: Kubernetes up to {})", KUBESHIFT_VERSION, newest);
}

void AddTableOptions(CLI::App* command, TableOptions* table) {
  command->add_option("-t,--target-version", table->target_version,
                      "Kubernetes version to check against (1.29, v1.29, 1.29.3); default: the newest released");
  command->add_option("--target", table->component_targets,
                      "target of another component, COMPONENT=VERSION (repeatable), e.g. cert-manager=1.6")
      ->allow_extra_args(false);
  // One value per occurrence, so that "--rules my.yaml manifests/" keeps manifests/ a path.
  command->add_option("--rules", table->rules_files, "extra deprecation rules file (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--config", table->config_path, "configuration file (default: .kubeshift.yaml, searched upward)");
  command->add_flag("--no-config", table->no_config, "do not read a configuration file");
}

// Helm's value and release flags, the same for every command that renders charts.
void AddChartValueOptions(CLI::App* command, ChartValuesOptions* o) {
  command->add_option("-f,--values", o->value_files, "values file (repeatable; later files win)")
      ->allow_extra_args(false);
  command->add_option("--set", o->set, "set values: a.b=c,d[0]=e (repeatable)")->allow_extra_args(false);
  command->add_option("--set-string", o->set_string, "set STRING values (repeatable)")->allow_extra_args(false);
  command->add_option("--set-file", o->set_file, "set values from files: key=path (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--set-json", o->set_json, "set JSON values: key=json (repeatable)")->allow_extra_args(false);
  command->add_option("--set-literal", o->set_literal, "set a literal STRING value (repeatable)")
      ->allow_extra_args(false);
  command->add_option("-n,--namespace", o->name_space, "namespace of the release (default: default)");
  command->add_option("-a,--api-versions", o->api_versions,
                      "extra API version for .Capabilities (repeatable, comma lists)")
      ->allow_extra_args(false);
  command->add_flag("--skip-schema-validation", o->skip_schema_validation,
                    "do not validate the values against the charts' values.schema.json files");
}

OutputFormat ToFormat(const std::string& name) { return ParseOutputFormat(name).value_or(OutputFormat::kText); }

struct CheckFlags {
  CheckOptions options;
  std::string format = "text";
  std::string fail_on;
  bool color = false;
  bool no_color = false;
  bool no_gitignore = false;
};

CLI::App* AddCheck(CLI::App& app, CheckFlags* flags) {
  CLI::App* check = app.add_subcommand("check", "report deprecated and removed Kubernetes APIs in files and charts");
  CheckOptions& o = flags->options;
  check->add_option("paths", o.paths, "files and directories to scan; - reads standard input (default: .)");
  AddTableOptions(check, &o.table);
  check->add_option("-o,--output", flags->format, "output format")
      ->check(CLI::IsMember(OutputFormatNames()));
  check->add_option("--fail-on", flags->fail_on, "lowest severity that fails the run: error (default), warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  check->add_option("--exclude", o.excludes, "skip paths matching this glob (repeatable)")->allow_extra_args(false);
  check->add_flag("--show-all", o.show_all, "also list resources whose API is fine (rule served-api)");
  check->add_flag("-v,--verbose", o.verbose, "name every file read or skipped, and why, on stderr");
  check->add_flag("--no-gitignore", flags->no_gitignore, "scan files that .gitignore excludes");
  CLI::Option* changed_since =
      check->add_option("--changed-since", o.changed_since,
                        "only files changed between git revision REV and the work tree (untracked files too)")
          ->option_text("REV");
  check->add_option("--rev", o.rev, "check the tree of git revision REV (commit, branch, tag), read without a checkout")
      ->option_text("REV")
      ->excludes(changed_since);
  check->add_option("-j,--jobs", o.jobs, "worker threads (default: one per CPU)")->check(CLI::NonNegativeNumber);
  check->add_flag("--color", flags->color, "colour text output even when not on a terminal");
  check->add_flag("--no-color", flags->no_color, "never colour text output (NO_COLOR also works)");
  // How the charts among the inputs are rendered: as `kubeshift render` (and helm) would.
  AddChartValueOptions(check, &o.chart);
  check->add_option("--release-name", o.release_name, "release name charts are rendered with (default: release-name)");
  return check;
}

struct VersionsFlags {
  VersionsOptions options;
  std::string format = "text";
};

CLI::App* AddVersions(CLI::App& app, VersionsFlags* flags) {
  CLI::App* versions = app.add_subcommand("versions", "print the deprecation table");
  AddTableOptions(versions, &flags->options.table);
  versions->add_option("-o,--output", flags->format, "output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  versions->add_option("--component", flags->options.component, "only rows of this component");
  versions->add_flag("--deprecated-only", flags->options.filter_by_target,
                     "only rows deprecated or removed at the target version");
  return versions;
}

struct ConvertFlags {
  ConvertOptions options;
  std::vector<std::string> files;  // -f, kubectl-convert's habit
  std::string format;
  bool write = false;
  bool diff = false;
  bool check = false;
  bool no_gitignore = false;
};

CLI::App* AddConvert(CLI::App& app, ConvertFlags* flags) {
  CLI::App* convert = app.add_subcommand(
      "convert", "rewrite deprecated and removed APIs to their replacements, changing only the bytes that must change");
  ConvertOptions& o = flags->options;
  convert->add_option("paths", o.paths, "files and directories to convert; - reads standard input (default: .)");
  convert->add_option("-f,--filename", flags->files, "a file or directory to convert (repeatable)")
      ->allow_extra_args(false);
  AddTableOptions(convert, &o.table);
  convert->add_option("--output-version", o.output_version,
                      "convert to this GROUP/VERSION (default: the replacement served at the target version)");
  convert->add_option("-o,--output", flags->format, "print as yaml (inputs keep their format) or json")
      ->check(CLI::IsMember({"yaml", "json"}));
  auto* write = convert->add_flag("-w,--write", flags->write, "rewrite the files in place (atomically)");
  auto* diff = convert->add_flag("--diff", flags->diff, "print a unified diff and change nothing");
  auto* check = convert->add_flag("--check", flags->check, "change nothing; exit 1 when something would change");
  write->excludes(diff)->excludes(check);
  diff->excludes(check);
  convert->add_option("--exclude", o.excludes, "skip paths matching this glob (repeatable)")->allow_extra_args(false);
  convert->add_flag("--no-gitignore", flags->no_gitignore, "also convert files that .gitignore excludes");
  convert->add_option("-j,--jobs", o.jobs, "worker threads (default: one per CPU)")->check(CLI::NonNegativeNumber);
  return convert;
}

struct RenderFlags {
  RenderCommandOptions options;
  std::string kube_version;
};

CLI::App* AddRender(CLI::App& app, RenderFlags* flags) {
  CLI::App* render = app.add_subcommand("render", "render a Helm chart natively, as `helm template` prints it");
  RenderCommandOptions& o = flags->options;
  render->add_option("args", o.args, "[NAME] CHART: release name (default: release-name) and chart directory");
  AddTableOptions(render, &o.table);
  render->add_option("--kube-version", flags->kube_version, "Kubernetes version for .Capabilities (e.g. 1.29)");
  AddChartValueOptions(render, &o.chart);
  render->add_option("--name-template", o.name_template, "template for the release name");
  render->add_option("-s,--show-only", o.show_only, "only print templates matching this path glob (repeatable)")
      ->allow_extra_args(false);
  render->add_flag("--include-crds", o.include_crds, "also print the crds/ files");
  render->add_flag("--skip-tests", o.skip_tests, "leave out test hooks");
  render->add_flag("--no-hooks", o.no_hooks, "leave out hooks");
  render->add_flag("--debug", o.debug, "print the rendered output even when it is not valid YAML");
  render->add_option("--random-seed", o.random_seed, "seed of the random functions, for reproducible output");
  render->add_option("--now", o.now_unix, "what `now` returns, in Unix seconds (default: the clock)");
  render->add_flag("--helm-capabilities", o.helm_capabilities,
                   "use helm's offline .Capabilities (v1.20.0 and its built-in API list) instead of the target's");
  return render;
}

}  // namespace

int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"kubeshift: find and fix deprecated Kubernetes APIs before an upgrade", "kubeshift"};
  app.set_version_flag("--version", VersionBanner);  // a callback: the table is loaded only when asked
  app.require_subcommand(1);
  CheckFlags check_flags;
  VersionsFlags versions_flags;
  CLI::App* check = AddCheck(app, &check_flags);
  CLI::App* versions = AddVersions(app, &versions_flags);
  ConvertFlags convert_flags;
  CLI::App* convert = AddConvert(app, &convert_flags);
  RenderFlags render_flags;
  CLI::App* render = AddRender(app, &render_flags);
  DocCommands docs(app);  // `completion` and the hidden `manpage`: they describe `app` itself
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes (100+) would break our contract: 0 for help/version, else 2.
    return app.exit(e, out, err) == 0 ? kExitClean : kExitUsage;
  }
  if (check->parsed()) {
    CheckOptions options = check_flags.options;
    options.format = ToFormat(check_flags.format);
    if (!check_flags.fail_on.empty()) options.fail_on = check_flags.fail_on;
    if (check_flags.color) options.color = true;
    if (check_flags.no_color) options.color = false;
    options.use_gitignore = !check_flags.no_gitignore;
    return RunCheck(options, out, err);
  }
  if (versions->parsed()) {
    VersionsOptions options = versions_flags.options;
    options.format = ToFormat(versions_flags.format);
    if (options.table.target_version) options.filter_by_target = true;
    return RunVersions(options, out, err);
  }
  if (convert->parsed()) {
    ConvertOptions options = convert_flags.options;
    options.paths.insert(options.paths.end(), convert_flags.files.begin(), convert_flags.files.end());
    options.format = convert_flags.format;
    options.use_gitignore = !convert_flags.no_gitignore;
    options.mode = convert_flags.write   ? ConvertOptions::Mode::kWrite
                   : convert_flags.diff  ? ConvertOptions::Mode::kDiff
                   : convert_flags.check ? ConvertOptions::Mode::kCheck
                                         : ConvertOptions::Mode::kPrint;
    return RunConvert(options, out, err);
  }
  if (render->parsed()) {
    RenderCommandOptions options = render_flags.options;
    if (!render_flags.kube_version.empty()) options.kube_version = render_flags.kube_version;
    return RunRender(options, out, err);
  }
  if (docs.Parsed()) return docs.Run(app, out);
  return kExitUsage;
}

}  // namespace kubeshift
