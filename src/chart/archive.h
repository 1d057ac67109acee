// Packaged charts (.tgz): gunzip (zlib) and tar, as Helm's loader.LoadArchiveFiles reads them.
#ifndef KUBESHIFT_CHART_ARCHIVE_H_
#define KUBESHIFT_CHART_ARCHIVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/chart.h"

namespace kubeshift::chart {

/// True when this build can read .tgz charts (it was built with zlib).
bool ArchivesSupported();

/// The files of a chart archive, named without their top directory ("mychart/Chart.yaml" →
/// "Chart.yaml"). False with Helm's message for a damaged or unsafe archive.
bool ReadChartArchive(std::string_view bytes, std::vector<ChartFile>* files, std::string* error);

/// The files of a tar stream (already decompressed), same naming and checks.
bool ReadTar(std::string_view tar, std::vector<ChartFile>* files, std::string* error);

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_ARCHIVE_H_
