// What `render` and `check` share when they render a chart: the user's values, the release
// name rule and the extra API versions of .Capabilities, read from Helm's flags.
#ifndef KUBESHIFT_APP_CHART_VALUES_H_
#define KUBESHIFT_APP_CHART_VALUES_H_

#include <string>
#include <vector>

#include "kubeshift/chart.h"
#include "kubeshift/options.h"

namespace kubeshift {

/// Merges -f files and the --set flags of \a options in Helm's order. False with a message
/// (a file that cannot be read, a bad --set expression).
bool BuildUserValues(const ChartValuesOptions& options, chart::Value* out, std::string* error);

/// Helm's chartutil.ValidateReleaseName.
bool ValidReleaseName(const std::string& name, std::string* error);

/// Adds the -a entries (each one a comma list, as Helm reads them) to \a caps.
void AddApiVersions(const std::vector<std::string>& lists, chart::Capabilities* caps);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_CHART_VALUES_H_
