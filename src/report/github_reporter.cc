// kubeshift — GitHub Actions workflow commands: annotations on the pull request diff.
#include <fmt/format.h>

#include "report/reporters.h"

namespace kubeshift {
namespace {

// The escaping of the Actions runner (toCommandValue / escapeData in @actions/core):
// without it a newline in a message would end the command and start a new one.
std::string EscapeData(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': result += "%25"; break;
      case '\r': result += "%0D"; break;
      case '\n': result += "%0A"; break;
      default: result += c;
    }
  }
  return result;
}

// Property values are also split on ',' and ended by ':'.
std::string EscapeProperty(std::string_view text) {
  std::string result;
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':': result += "%3A"; break;
      case ',': result += "%2C"; break;
      default: result += c;
    }
  }
  return result;
}

std::string_view Command(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "error";
}

// `::error file=F,line=L,col=C,title=RULE::MESSAGE`; no line or col when the line is unknown.
void WriteCommand(Severity severity, std::string_view file, Position position,
                  std::string_view rule, std::string_view message, std::ostream& out) {
  out << "::" << Command(severity) << " file=" << EscapeProperty(file);
  if (position.line > 0) out << fmt::format(",line={},col={}", position.line, position.column);
  out << ",title=" << EscapeProperty(rule) << "::" << EscapeData(message) << '\n';
}

}  // namespace

void WriteGithubReport(const CheckReport& report, std::ostream& out) {
  for (const Finding& finding : report.findings) {
    WriteCommand(finding.severity, finding.file, finding.position, finding.rule,
                 finding.message, out);
  }
  for (const InputError& error : report.errors) {
    WriteCommand(Severity::kError, error.file, error.position, "parse-error", error.message,
                 out);
  }
}

}  // namespace kubeshift
