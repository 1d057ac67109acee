// `kubeshift check` on Helm charts: every chart among the inputs is rendered natively for the
// target version (with the user's values) and the objects it renders are checked, so
// apiVersions written by helpers, values or tpl are found; findings sit at the template line
// that wrote them. The lexical findings of a chart that rendered are judged by the render: a
// literal apiVersion the render did not take (another branch, a disabled subchart) is info.
#ifndef KUBESHIFT_APP_CHART_CHECK_H_
#define KUBESHIFT_APP_CHART_CHECK_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "kubeshift/chart.h"
#include "kubeshift/discovery.h"
#include "kubeshift/finding.h"
#include "kubeshift/rules.h"

namespace kubeshift {

/// How every chart of the run is rendered (check's -f/--set…/--release-name/-n/-a).
struct ChartRenderSettings {
  chart::Value values = chart::Value::Map();  ///< the user's values, merged
  std::string release_name = "release-name";
  std::string name_space = "default";
  std::vector<std::string> api_versions;      ///< extra .Capabilities.APIVersions (comma lists)
  bool skip_schema_validation = false;
  int jobs = 0;                               ///< workers rendering charts (0: one per CPU)
};

/// What the render says about one template input of a chart that rendered.
struct TemplateCoverage {
  std::set<std::pair<int, int>> rendered;  ///< line:column of every apiVersion the render took from it
  std::string disabled;                    ///< "subchart db is disabled (condition: db.enabled)", or ""
};

struct ChartCheckOutcome {
  std::vector<Finding> findings;    ///< at template positions; not yet merged with the lexical ones
  /// For each of findings: where a helper defined in a template input wrote the apiVersion as
  /// literal text (display path, line, column), or nullopt.
  std::vector<std::optional<std::tuple<std::string, int, int>>> helper_literals;
  std::vector<InputError> errors;   ///< charts that could not be loaded or rendered
  std::vector<std::string> notes;   ///< for -v: each chart rendered
  std::vector<std::string> warnings;  ///< always shown: what a render could not check (remote $ref)
  std::map<std::string, TemplateCoverage> templates;  ///< by display path, charts that rendered
  std::string target;               ///< the Kubernetes target, "1.29"
};

/// Renders the charts whose templates are among \a inputs (a subchart with its parent when
/// both are there; charts read from git are not rendered) and checks what they render. A
/// chart stopped by its own `required` or `fail` gives a render-error finding at that call;
/// any other failure (bad template, values, missing subchart) an input error.
ChartCheckOutcome CheckCharts(const std::vector<InputFile>& inputs, const RuleContext& context,
                              const ChartRenderSettings& settings);

/// Applies \a outcome to the lexical \a findings: a literal apiVersion of a rendered chart that
/// the render did not take becomes info (same rule id) and says why; then adds the rendered
/// findings that the lexical scan did not already report at the same place (same file,
/// position and rule), and the charts' errors to \a errors.
void MergeChartFindings(ChartCheckOutcome outcome, std::vector<Finding>* findings, std::vector<InputError>* errors);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_CHART_CHECK_H_
