// kubeshift — the full YAML parser (yaml-cpp), for documents the fast scanner hands over.
// This module is the only code that parses manifests with yaml-cpp.
#ifndef KUBESHIFT_YAML_DOCUMENT_H_
#define KUBESHIFT_YAML_DOCUMENT_H_

#include <optional>
#include <string_view>
#include <vector>

#include "kubeshift/resource.h"
#include "kubeshift/scan.h"
#include "kubeshift/source.h"

namespace kubeshift {

/// What the full parser found in one document.
struct FullParseResult {
  bool empty = true;                ///< no node at all (comments only)
  std::vector<Resource> resources;  ///< the object, then each List item
  std::optional<ScanError> error;   ///< syntax error; resources is empty then
};

/// Parses the document \a chunk of \a text (offsets relative to \a text) with yaml-cpp and
/// extracts the object and, for a List, its items, with the positions of their fields.
/// Never throws: parser exceptions become \a error with the offset of the problem.
FullParseResult ParseDocumentFully(std::string_view text, Range chunk);

}  // namespace kubeshift

#endif  // KUBESHIFT_YAML_DOCUMENT_H_
