// Internal helpers shared by the chart layer's files.
#ifndef KUBESHIFT_CHART_CHART_INTERNAL_H_
#define KUBESHIFT_CHART_CHART_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/chart.h"

namespace kubeshift::chart {

/// Chart.yaml → Metadata (sigs.k8s.io/yaml into Helm's struct: unknown keys ignored, scalars
/// turned into the field's type). False with Helm's message.
bool ParseMetadata(std::string_view text, Metadata* out, std::string* error);
/// requirements.yaml (apiVersion v1 charts): its `dependencies:`.
bool ParseRequirements(std::string_view text, std::vector<Dependency>* out, std::string* error);
/// Helm's Metadata.Validate; the message starts with "validation: ".
bool ValidateMetadata(const Metadata& md, std::string* error);
/// The 1-based line of top-level key \a key in a YAML text, or 0.
int TopLevelKeyLine(std::string_view text, std::string_view key);

/// Helm's chartutil.IsCompatibleRange(constraint, version).
bool IsCompatibleRange(std::string_view constraint, std::string_view version);

/// The value at a dotted path of tables ("a.b.c"), or invalid when a step is missing or not a
/// table (Helm's Values.PathValue without the error kinds).
Value PathValue(const Value& values, std::string_view path);
/// The table at a dotted path (Helm's Values.Table), or invalid.
Value TableAt(const Value& values, std::string_view path);

/// A map value's entry, or invalid.
Value Get(const Value& map, std::string_view key);
bool IsTable(const Value& v);

/// Helm's ValidateAgainstSchema: the values.schema.json of \a chart and of every subchart that
/// has values, each against its own part of the coalesced \a values. Unfollowed remote $refs
/// go to \a warnings.
bool ValidateValuesSchemas(const Chart& chart, const Value& values, std::vector<std::string>* warnings,
                           ChartError* error);

/// Splits, parses and sorts the rendered files as Helm's releaseutil.SortManifests does;
/// fills manifests and hooks of \a out. False with a "YAML parse error on …" error.
bool SortRenderedFiles(RenderedChart* out, ChartError* error);

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_CHART_INTERNAL_H_
