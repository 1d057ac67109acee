// kubeshift — Helm charts (module helm, chart layer): loading a chart, the values a release
// sees, and rendering it the way `helm template` does, on top of the template engine.
#ifndef KUBESHIFT_CHART_H_
#define KUBESHIFT_CHART_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/template_engine.h"
#include "kubeshift/template_value.h"

namespace kubeshift::chart {

using tmpl::Value;

/// A problem with a chart, its values or its rendering, located when possible.
struct ChartError {
  std::string file;  ///< path as the user knows it (on disk, or the chart-relative name)
  int line = 0;      ///< 1-based; 0 when unknown
  int column = 0;    ///< 1-based; 0 when unknown
  std::string message;
  /// An execution error as the engine gave it (function "required"/"fail", cause, column);
  /// empty for other errors.
  tmpl::TemplateError execution = {};
  /// "FILE:LINE: MESSAGE", "FILE: MESSAGE" or "MESSAGE".
  std::string ToString() const;
};

/// A file of a chart: its path relative to the chart directory, and its bytes.
struct ChartFile {
  std::string name;
  std::string data;
};

/// One entry of Chart.yaml `dependencies:` (requirements.yaml for apiVersion v1 charts).
struct Dependency {
  std::string name, version, repository, condition, alias;
  std::vector<std::string> tags;
  Value import_values;  ///< the list as written: strings and {child, parent} maps
  bool enabled = true;
};

/// Chart.yaml.
struct Metadata {
  std::string api_version, name, version, kube_version, description, type, home, icon, app_version, condition,
      tags;
  std::vector<std::string> sources, keywords;
  bool deprecated = false;
  Value maintainers;  ///< list of {name, email, url} maps, or invalid
  Value annotations;  ///< map of strings, or invalid
  std::vector<Dependency> dependencies;
};

/// A loaded chart and its subcharts.
struct Chart {
  Metadata metadata;
  Value values = Value::Map();        ///< values.yaml
  std::optional<std::string> schema;  ///< values.schema.json, as read (not parsed until rendering)
  std::vector<ChartFile> templates;   ///< "templates/…"
  std::vector<ChartFile> files;       ///< everything else that .Files sees (crds/ included)
  std::vector<std::shared_ptr<Chart>> dependencies;
  std::string location;               ///< where it was read from, for messages
  bool IsLibrary() const { return metadata.type == "library"; }
};

/// Loads a chart directory (or a .tgz archive when built with zlib), its subcharts under
/// charts/, and validates Chart.yaml as Helm does. .helmignore is honoured.
bool LoadChart(const std::string& path, std::shared_ptr<Chart>* out, ChartError* error);

/// Loads a chart from files named relative to the chart root ("Chart.yaml", "templates/x").
/// \a location names the chart in messages.
bool LoadChartFiles(std::vector<ChartFile> files, const std::string& location, std::shared_ptr<Chart>* out,
                    ChartError* error);

/// Loads a chart directory that is not on disk (a chart in a git revision): every file below
/// it, named relative to it. As LoadChart on the same directory: .helmignore applies, BOMs go.
bool LoadChartTree(std::vector<ChartFile> files, const std::string& location, std::shared_ptr<Chart>* out,
                   ChartError* error);

// ---- values -------------------------------------------------------------------------------

/// The values a user passes, in Helm's precedence order: files, then --set-json, --set,
/// --set-string, --set-file, --set-literal (each kind in command-line order).
struct ValueOptions {
  std::vector<std::string> value_files, json_values, values, string_values, file_values, literal_values;
};

/// How a --set value is read.
enum class SetMode { kTyped, kString, kJson, kFile, kLiteral };
/// Reads a file named in --set-file (and -f): false with an error message.
using FileReader = std::function<bool(const std::string& path, std::string* data, std::string* error)>;
/// The default reader: the local filesystem ("-" is standard input).
bool ReadLocalFile(const std::string& path, std::string* data, std::string* error);

/// Helm's strvals: parses "a.b=c,d[0]=e" into \a dest (a map), Helm's rules for each mode.
bool ParseSet(std::string_view text, SetMode mode, Value* dest, std::string* error,
              const FileReader& reader = ReadLocalFile);
/// Reads a values file: YAML, several documents merged; numbers are float64 as in Helm.
bool ParseValuesYaml(std::string_view text, Value* out, std::string* error);
/// Merges the user values of \a options into one map (Helm's values.Options.MergeValues).
bool MergeUserValues(const ValueOptions& options, Value* out, std::string* error,
                     const FileReader& reader = ReadLocalFile);

/// Helm's CoalesceValues: \a user over the chart's values over its subcharts' values, with
/// `global:` pushed down and user nulls deleting chart defaults. \a user is not changed.
/// False when a subchart's key holds something other than a table.
bool CoalesceValues(const Chart& chart, const Value& user, Value* out, std::string* error);
/// Like CoalesceValues, but nulls are kept (Helm's MergeValues, used for import-values).
bool MergeChartValues(const Chart& chart, const Value& user, Value* out, std::string* error);
/// Helm's MergeMaps: \b over \a, maps merged key by key, new maps where both have one.
Value MergeMaps(const Value& a, const Value& b);
/// Helm's ProcessDependencies: aliases, conditions and tags (disabled subcharts are removed
/// from \a chart), then import-values. False when a declared dependency is not vendored.
bool ProcessDependencies(Chart* chart, const Value& user, ChartError* error);

// ---- capabilities -------------------------------------------------------------------------

struct KubeVersion {
  std::string version = "v1.20.0";  ///< "v1.20.0"
  std::string major = "1";
  std::string minor = "20";
};

/// .Capabilities: the Kubernetes version and the API versions templates may test.
struct Capabilities {
  KubeVersion kube_version;
  std::vector<std::string> api_versions;  ///< "group/version" and "group/version/Kind"
  std::string helm_version = "v3.21.4";
};

/// Parses a --kube-version value ("1.16", "v1.16.0", "1.29.3-gke.1") to Helm's normalised form.
bool ParseKubeVersion(std::string_view text, KubeVersion* out, std::string* error);
/// The set `helm template` uses offline (Helm 3.21's built-in list) at kube v1.20.0.
Capabilities HelmDefaultCapabilities();
/// What a cluster at \a target serves: the stable APIs of that version plus every row of
/// \a table (component kubernetes) not removed at \a target, with and without their kinds.
Capabilities CapabilitiesAt(const DeprecationTable& table, Version target);

// ---- rendering ----------------------------------------------------------------------------

struct ReleaseOptions {
  std::string name = "release-name";
  std::string name_space = "default";
  int revision = 1;
  bool is_install = true;
  bool is_upgrade = false;
};

struct RenderOptions {
  ReleaseOptions release;
  Capabilities capabilities = HelmDefaultCapabilities();
  uint64_t random_seed = 1;
  int64_t now_unix = 0;  ///< what `now` returns (Unix seconds); callers pass the clock's time
  /// Helm's --skip-schema-validation: values.schema.json files are not read at all.
  bool skip_schema_validation = false;
};

/// One rendered template file, with the engine's source map.
struct RenderedFile {
  std::string name;  ///< "mychart/templates/deploy.yaml", "mychart/charts/sub/templates/x.yaml"
  std::string path;  ///< the template file on disk (or in its archive)
  tmpl::RenderResult result;
};

/// One YAML document of the output.
struct Manifest {
  std::string source;   ///< the file it came from: RenderedFile::name, or "CHART/crds/x.yaml"
  std::string content;  ///< the document, trimmed as Helm trims it
  size_t file = 0;      ///< index in RenderedChart::files (not for CRDs)
  size_t offset = 0;    ///< where content starts in that file's text
  std::string kind, name;
  std::string hook;     ///< the helm.sh/hook annotation; empty for a plain manifest
};

struct RenderedChart {
  std::vector<RenderedFile> files;   ///< every rendered template but NOTES.txt, sorted by name
  std::vector<Manifest> manifests;   ///< in Helm's install order
  std::vector<Manifest> hooks;       ///< in Helm's install order
  std::vector<Manifest> crds;        ///< crds/ files of the chart and its subcharts, verbatim
  std::string notes;                 ///< the root chart's NOTES.txt, rendered
  /// Every template's name (partials too) → its file on disk, for the engine's source map.
  std::map<std::string, std::string> template_paths;
  bool yaml_failed = false;          ///< a document did not parse (error says which)
  /// Things the user should know that do not stop rendering, e.g. a values.schema.json $ref
  /// that points outside the file and so was not validated ("FILE: message").
  std::vector<std::string> warnings;
};

/// Renders \a chart as `helm install --dry-run` / `helm template` does: checks that it can be
/// installed, processes dependencies, coalesces values, validates them against each chart's
/// values.schema.json (unless skipped), executes every template, then splits and sorts the
/// output. On a YAML error the files are still in \a out (for --debug). Values that violate a
/// schema fail with Helm's message and \a error->file naming the first failing schema file;
/// a schema that is not valid JSON fails with its line and column.
bool RenderChart(Chart* chart, const Value& user_values, const RenderOptions& options, RenderedChart* out,
                 ChartError* error);

/// Where a byte of a rendered file came from, through the engine's source map.
struct ByteOrigin {
  std::string file;           ///< the rendered file's own template, on disk
  std::string text;           ///< that template's text
  size_t offset = 0;          ///< in text: the byte itself (literal), or the action that wrote it
  bool literal = false;       ///< copied from template text at top level
  std::string helper;         ///< the include/template called at offset, when the byte came from one
  std::string helper_file;    ///< where the innermost text was written: a helper's file, or "tpl"
  std::string helper_text;
  size_t helper_offset = 0;
};
/// The origin of byte \a offset of \a file (one of \a chart.files); false when unknown.
bool OriginOf(const RenderedChart& chart, const RenderedFile& file, size_t offset, ByteOrigin* out);

/// Kubernetes install order of kinds (Helm's InstallOrder); unknown kinds go last.
const std::vector<std::string>& InstallOrder();
/// Splits a rendered file into documents as Helm's SplitManifests does: (offset, text) pairs.
std::vector<std::pair<size_t, std::string>> SplitManifests(std::string_view text);
/// Stable sort by kind in install order (unknown kinds last, alphabetically by kind).
void SortByKind(std::vector<Manifest>* manifests);

/// What `helm template` prints of a rendered chart.
struct TemplateOutputOptions {
  bool include_crds = false;
  bool skip_tests = false;
  bool no_hooks = false;
  std::vector<std::string> show_only;
};
/// The text `helm template` writes; false with \a error when --show-only matches nothing.
bool FormatTemplateOutput(const RenderedChart& chart, const TemplateOutputOptions& options, std::string* out,
                          std::string* error);
/// The raw rendered files as `helm template --debug` prints them after a YAML error.
std::string FormatDebugOutput(const RenderedChart& chart);

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_H_
