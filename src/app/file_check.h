// The per-file work of `kubeshift check`: read, scan, run the rules, place the findings.
#ifndef KUBESHIFT_APP_FILE_CHECK_H_
#define KUBESHIFT_APP_FILE_CHECK_H_

#include <string>
#include <vector>

#include "kubeshift/discovery.h"
#include "kubeshift/finding.h"
#include "kubeshift/rules.h"

namespace kubeshift {

struct FileOutcome {
  std::vector<Finding> findings;  ///< positioned, suppressions applied, in offset order
  std::vector<InputError> errors;
  int documents = 0;
  int resources = 0;
  int fallback_documents = 0;
  bool read = false;  ///< the bytes could be read
};

/// True for bytes that hold a NUL: binary (or UTF-16/32) text that YAML tools do not accept.
bool LooksBinary(std::string_view bytes);

/// Reads a whole file. Returns false with a message ("cannot read: …") on failure.
bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error);

/// Checks one input whose bytes are already in memory.
FileOutcome CheckBytes(const InputFile& input, std::string bytes, const RuleContext& context);

/// Reads and checks one input (not stdin): through its loader when it has one (a git blob),
/// else from fs_path.
FileOutcome CheckFile(const InputFile& input, const RuleContext& context);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_FILE_CHECK_H_
