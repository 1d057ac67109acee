// The per-file work of `kubeshift convert`: plan, convert each object, verify, produce text.
#ifndef KUBESHIFT_APP_CONVERT_FILE_H_
#define KUBESHIFT_APP_CONVERT_FILE_H_

#include <string>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/discovery.h"
#include "kubeshift/finding.h"

namespace kubeshift {

/// A message about one object, at the position of its apiVersion (or of the problem).
struct ConvertMessage {
  Position position;
  std::string text;
};

struct FileConversion {
  std::string original;
  std::string converted;                 ///< == original when nothing changed
  int objects_converted = 0;
  std::vector<ConvertMessage> needs_person;  ///< deprecated/removed objects left as they are
  std::vector<ConvertMessage> notes;         ///< what was written to keep behaviour
  std::vector<InputError> errors;            ///< unreadable or unparseable input
  int files_changed = 0;                     ///< 1 when the file changes (kept after the texts are dropped)
  bool changed() const { return converted != original; }
};

struct ConvertSettings {
  const DeprecationTable& table;
  Version target;                  ///< Kubernetes target (other components use their own)
  const Targets& targets;
  std::string output_version;      ///< empty: the table's replacements
};

/// Converts \a bytes (the content of \a input). Never throws.
FileConversion ConvertBytes(const InputFile& input, std::string bytes, const ConvertSettings& settings);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_CONVERT_FILE_H_
