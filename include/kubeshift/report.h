// kubeshift — reporters: they format a finished check, they never decide anything.
#ifndef KUBESHIFT_REPORT_H_
#define KUBESHIFT_REPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "kubeshift/finding.h"

namespace kubeshift {

enum class OutputFormat { kText, kJson, kSarif, kGithub, kJunit, kMarkdown };

/// "text" → kText, …; nullopt for an unknown name.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
/// The names accepted by ParseOutputFormat, in a fixed order.
std::vector<std::string> OutputFormatNames();

/// Everything a reporter needs: the result of one `kubeshift check` run.
struct CheckReport {
  std::string tool_version;  ///< "0.1.0"
  Targets targets;           ///< the target version of every component
  int files = 0;             ///< inputs read
  int documents = 0;         ///< YAML/JSON documents seen
  int resources = 0;         ///< objects found (List items counted one by one)
  std::vector<Finding> findings;  ///< sorted by file and position
  std::vector<InputError> errors; ///< sorted by file and position
  /// Display path of every input read. Optional: JUnit lists the clean files from it.
  std::vector<std::string> inputs;
};

struct RuleDescription;  // rules.h

struct ReportOptions {
  bool color = false;  ///< ANSI colours (text only)
};

/// Writes \a report in \a format to \a out.
void WriteReport(OutputFormat format, const CheckReport& report, const ReportOptions& options,
                 std::ostream& out);

}  // namespace kubeshift

#endif  // KUBESHIFT_REPORT_H_
