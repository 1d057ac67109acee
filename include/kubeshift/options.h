// kubeshift — command options (filled by the CLI and .kubeshift.yaml) and exit codes.
#ifndef KUBESHIFT_OPTIONS_H_
#define KUBESHIFT_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "kubeshift/report.h"

namespace kubeshift {

/// The exit-code contract of every command.
enum ExitCode : int {
  kExitClean = 0,        ///< nothing at or above --fail-on
  kExitFindings = 1,     ///< a finding at or above --fail-on
  kExitUsage = 2,        ///< bad flag, unknown target version, missing path, bad config
  kExitInputError = 3,   ///< an input could not be read or parsed (wins over 1)
};

/// Options shared by commands that read a deprecation table and targets.
struct TableOptions {
  std::optional<std::string> target_version;   ///< --target-version
  std::vector<std::string> component_targets;  ///< --target COMPONENT=VERSION
  std::vector<std::string> rules_files;        ///< --rules FILE
  std::string config_path;                     ///< --config FILE; empty: search upward
  bool no_config = false;                      ///< --no-config
};

/// Values and release settings of the charts a command renders, as Helm's flags give them
/// (`render`, and `check` for every chart it renders).
struct ChartValuesOptions {
  std::vector<std::string> value_files;        ///< -f, --values FILE
  std::vector<std::string> set, set_string, set_file, set_json, set_literal;  ///< --set…
  std::vector<std::string> api_versions;       ///< -a, --api-versions (comma lists too)
  std::string name_space = "default";          ///< -n, --namespace
  bool skip_schema_validation = false;         ///< --skip-schema-validation
};

/// `kubeshift check`.
struct CheckOptions {
  TableOptions table;
  std::vector<std::string> paths;              ///< "-" is stdin; empty means "."
  std::vector<std::string> excludes;           ///< --exclude GLOB
  OutputFormat format = OutputFormat::kText;
  std::optional<std::string> fail_on;          ///< error (default), warning, never
  bool show_all = false;
  bool verbose = false;
  bool use_gitignore = true;
  int jobs = 0;                                ///< 0: hardware concurrency
  std::optional<bool> color;                   ///< --color / --no-color; default: a terminal
  std::optional<std::string> changed_since;    ///< --changed-since REV: files changed since REV only
  std::optional<std::string> rev;              ///< --rev REV: the tree of REV, read from git
  ChartValuesOptions chart;                    ///< how every chart among the inputs is rendered
  std::optional<std::string> release_name;     ///< --release-name (default: the config's, else release-name)
};

/// `kubeshift convert`.
struct ConvertOptions {
  TableOptions table;
  std::vector<std::string> paths;              ///< positional paths and -f FILE; "-" is stdin
  std::vector<std::string> excludes;
  bool use_gitignore = true;
  std::string output_version;                  ///< --output-version GROUP/VERSION
  std::string format;                          ///< -o yaml|json; empty: keep each input's format
  enum class Mode { kPrint, kWrite, kDiff, kCheck } mode = Mode::kPrint;
  bool verbose = false;
  int jobs = 0;                                ///< 0: hardware concurrency
};

/// `kubeshift versions`.
struct VersionsOptions {
  TableOptions table;
  OutputFormat format = OutputFormat::kText;   ///< text, json or markdown
  std::string component;                       ///< only this component's rows
  bool filter_by_target = false;               ///< only rows deprecated/removed at the target
};

/// `kubeshift render`: `helm template`'s flags.
struct RenderCommandOptions {
  TableOptions table;                          ///< --target-version picks the API set
  std::vector<std::string> args;               ///< [NAME] CHART
  std::optional<std::string> kube_version;     ///< --kube-version
  ChartValuesOptions chart;                    ///< -f, --set…, -a, -n
  std::string name_template;                   ///< --name-template
  std::vector<std::string> show_only;          ///< -s, --show-only
  bool include_crds = false, skip_tests = false, no_hooks = false, debug = false;
  bool helm_capabilities = false;              ///< helm's offline API set and v1.20.0
  std::optional<uint64_t> random_seed;         ///< --random-seed: reproducible random functions
  std::optional<int64_t> now_unix;             ///< --now: what `now` returns (Unix seconds)
};

}  // namespace kubeshift

#endif  // KUBESHIFT_OPTIONS_H_
