// `kubeshift check` on Helm charts: every chart among the inputs is rendered natively for the
// target version and the objects it renders are checked too, so apiVersions written by
// helpers, values or tpl are found; findings sit at the template line that wrote them.
#ifndef KUBESHIFT_APP_CHART_CHECK_H_
#define KUBESHIFT_APP_CHART_CHECK_H_

#include <string>
#include <vector>

#include "kubeshift/discovery.h"
#include "kubeshift/finding.h"
#include "kubeshift/rules.h"

namespace kubeshift {

struct ChartCheckOutcome {
  std::vector<Finding> findings;    ///< at template positions; not yet merged with the lexical ones
  std::vector<std::string> notes;   ///< for -v: each chart rendered, or why it was not
};

/// Renders the charts whose templates are among \a inputs (a subchart with its parent when
/// both are there; charts read from git are not rendered) and checks what they render.
ChartCheckOutcome CheckCharts(const std::vector<InputFile>& inputs, const RuleContext& context);

/// Adds \a rendered to \a findings, leaving out those the lexical scan already reported at
/// the same place (same file, position and rule).
void MergeChartFindings(std::vector<Finding> rendered, std::vector<Finding>* findings);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_CHART_CHECK_H_
