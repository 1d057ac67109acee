// kubeshift — discovery from git (private helpers of git_source.cc, exposed for tests).
#ifndef KUBESHIFT_DISCOVERY_GIT_SOURCE_H_
#define KUBESHIFT_DISCOVERY_GIT_SOURCE_H_

#include <string_view>

namespace kubeshift::discovery_internal {

/// True when a change to \a rel_to_chart (a path relative to a chart directory) changes what
/// the chart renders: its Chart.yaml, a values*.yaml/yml/json next to it, or anything under
/// its templates/ or charts/.
bool ChangeMarksChart(std::string_view rel_to_chart);

/// Orders "/"-separated paths the way the walk lists them: component by component, so
/// "a/b.yaml" comes before "a-b.yaml".
bool PathLess(std::string_view a, std::string_view b);

}  // namespace kubeshift::discovery_internal

#endif  // KUBESHIFT_DISCOVERY_GIT_SOURCE_H_
