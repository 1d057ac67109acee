// kubeshift — converters: one per family of (old group/version, kind), registered in a plain
// list. A converter reads the object through the YAML tree and records edits; it never
// re-emits a document. The apiVersion itself is rewritten by the caller, once.
#ifndef KUBESHIFT_CONVERT_H_
#define KUBESHIFT_CONVERT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/document_editor.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {

/// What a converter gets: the object (a document's root or a List item) and the versions.
struct ConversionContext {
  std::string_view text;        ///< the whole input
  const YamlNode& object;       ///< the object's mapping
  std::string_view kind;
  std::string_view from;        ///< group/version of the input ("extensions/v1beta1")
  std::string_view to;          ///< group/version of the output ("networking.k8s.io/v1")
  DocumentEditor& editor;       ///< where edits go
};

/// What a converter says about the object.
struct ConversionOutcome {
  bool needs_person = false;        ///< not converted: see reason; no edit may be kept
  std::string reason;               ///< why a person must decide
  size_t reason_offset = 0;         ///< where (0: the apiVersion)
  std::vector<std::string> notes;   ///< what was written to keep behaviour ("kept revisionHistoryLimit …")
};

using ConverterFunction = void (*)(const ConversionContext& context, ConversionOutcome* outcome);

/// A registry row: the stable id used by deprecations.d rows, and the function.
struct ConverterDescription {
  std::string_view id;
  std::string_view summary;
  ConverterFunction convert;
};

/// Every converter, in a fixed order.
const std::vector<ConverterDescription>& AllConverters();
const ConverterDescription* FindConverter(std::string_view id);

/// One step of a conversion chain: the row that says where \a from goes next.
struct ConversionStep {
  const ApiEntry* entry;  ///< the row of the version being left
};

/// The chain from (\a api_version, \a kind) to \a output_version when it is given, or else to
/// the first version that is neither deprecated nor removed at \a target (stopping at a
/// version that is still served when no better one is served at the target). Empty when
/// nothing needs to or can be done; \a problem says why when something should have been.
std::vector<ConversionStep> PlanConversion(const DeprecationTable& table, std::string_view api_version,
                                           std::string_view kind, Version target,
                                           std::string_view output_version, std::string* problem);

}  // namespace kubeshift

#endif  // KUBESHIFT_CONVERT_H_
