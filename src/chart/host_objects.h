// The objects Helm puts in a template's context, as engine host objects: .Chart,
// .Capabilities (with KubeVersion and APIVersions) and .Files.
#ifndef KUBESHIFT_CHART_HOST_OBJECTS_H_
#define KUBESHIFT_CHART_HOST_OBJECTS_H_

#include <map>
#include <memory>
#include <string>

#include "kubeshift/chart.h"

namespace kubeshift::chart {

using FileMap = std::map<std::string, std::string>;

/// .Capabilities: a *chartutil.Capabilities.
Value MakeCapabilitiesValue(const Capabilities& caps);
/// .Chart: Helm's struct { chart.Metadata; IsRoot bool } (an unknown field is an error).
Value MakeChartValue(const Metadata& md, bool is_root);
/// .Files: Get, GetBytes, Glob, Lines, AsConfig, AsSecrets.
Value MakeFilesValue(std::shared_ptr<const FileMap> files);

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_HOST_OBJECTS_H_
