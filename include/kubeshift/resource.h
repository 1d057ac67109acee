// kubeshift — a Kubernetes object found in an input, with the byte ranges of its fields.
#ifndef KUBESHIFT_RESOURCE_H_
#define KUBESHIFT_RESOURCE_H_

#include <optional>
#include <string>

#include "kubeshift/source.h"

namespace kubeshift {

enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kOther };

/// A scalar value and where it sits: range covers the raw bytes, quotes included.
struct ScalarRef {
  std::string value;
  Range range;
  ScalarStyle style = ScalarStyle::kPlain;
  bool present = false;
};

/// One object: a top-level document, or one item of a `kind: List`.
struct Resource {
  ScalarRef api_version;
  ScalarRef kind;
  std::string name;                        ///< metadata.name, empty when absent
  Range name_range;                        ///< its bytes, when the fast scanner read it
  std::optional<std::string> namespace_;   ///< metadata.namespace
  Range namespace_range;                   ///< its bytes, when the fast scanner read it
  int document = 0;                        ///< 0-based index of the document in its stream
  bool list_item = false;                  ///< came from the items of a List
  std::string source;                      ///< "# Source:" comment of a rendered chart document
  std::string context;                     ///< extra words for messages, e.g. a template guard
};

}  // namespace kubeshift

#endif  // KUBESHIFT_RESOURCE_H_
