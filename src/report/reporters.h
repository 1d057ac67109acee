// kubeshift — the reporters behind WriteReport, and the small helpers they share.
#ifndef KUBESHIFT_REPORT_REPORTERS_H_
#define KUBESHIFT_REPORT_REPORTERS_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kubeshift/report.h"

namespace kubeshift {

/// `PATH:LINE:COL: SEVERITY: MESSAGE [RULE]` lines, input errors, and a summary line.
void WriteTextReport(const CheckReport& report, const ReportOptions& options, std::ostream& out);
/// kubeshift's own JSON document (the schema is part of the CLI contract).
void WriteJsonReport(const CheckReport& report, std::ostream& out);
/// A SARIF 2.1.0 log with one run.
void WriteSarifReport(const CheckReport& report, std::ostream& out);
/// GitHub Actions workflow commands (`::error file=…::…`), one per finding and error.
void WriteGithubReport(const CheckReport& report, std::ostream& out);
/// JUnit XML: one testsuite per file, one testcase per finding.
void WriteJunitReport(const CheckReport& report, std::ostream& out);
/// A GitHub job summary in Markdown.
void WriteMarkdownReport(const CheckReport& report, std::ostream& out);

/// \a text with every invalid UTF-8 sequence replaced by U+FFFD, so JSON and XML writers
/// never emit malformed output for a file name or message that is not UTF-8.
std::string ToValidUtf8(std::string_view text);

/// The targets with kubernetes first, then the other components by name.
std::vector<std::pair<std::string, std::string>> OrderedTargets(const Targets& targets);

/// "kubernetes 1.29, cert-manager 1.6"; empty when there are no targets.
std::string TargetsText(const Targets& targets);

/// "1.22", or empty for nullopt.
std::string VersionText(const std::optional<Version>& version);

}  // namespace kubeshift

#endif  // KUBESHIFT_REPORT_REPORTERS_H_
