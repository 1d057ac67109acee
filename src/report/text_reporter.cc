// kubeshift — the text reporter: compiler-style lines that editors and humans both read.
#include <fmt/color.h>
#include <fmt/format.h>

#include "report/reporters.h"

namespace kubeshift {
namespace {

// Control characters in paths or messages could move the cursor or recolour the terminal, and
// a line break would split one finding over two lines, so they are shown escaped.
std::string EscapeForTerminal(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      result += "\\n";
    } else if (c == '\r') {
      result += "\\r";
    } else if ((byte < 0x20 && c != '\t') || byte == 0x7F) {
      result += fmt::format("\\x{:02X}", byte);
    } else {
      result += c;
    }
  }
  return result;
}

std::string Location(const std::string& file, Position position) {
  std::string path = EscapeForTerminal(file);
  if (position.line == 0) return path;
  return fmt::format("{}:{}:{}", path, position.line, position.column);
}

fmt::terminal_color SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError: return fmt::terminal_color::red;
    case Severity::kWarning: return fmt::terminal_color::magenta;
    case Severity::kInfo: return fmt::terminal_color::cyan;
  }
  return fmt::terminal_color::red;
}

// "PATH:LINE:COL: SEVERITY: MESSAGE [RULE]", coloured like a compiler's diagnostics.
void WriteLine(const std::string& location, Severity severity, const std::string& message,
               std::string_view rule, const ReportOptions& options, std::ostream& out) {
  std::string prefix = location + ":";
  std::string label = std::string(SeverityName(severity)) + ":";
  if (options.color) {
    prefix = fmt::format(fmt::emphasis::bold, "{}", prefix);
    label = fmt::format(fmt::fg(SeverityColor(severity)), "{}", label);
  }
  out << prefix << ' ' << label << ' ' << message << " [" << rule << "]\n";
}

void WriteFinding(const Finding& finding, const ReportOptions& options, std::ostream& out) {
  std::string message = EscapeForTerminal(finding.message);
  if (!finding.source.empty()) message += " (source: " + EscapeForTerminal(finding.source) + ")";
  WriteLine(Location(finding.file, finding.position), finding.severity, message, finding.rule,
            options, out);
}

void WriteError(const InputError& error, const ReportOptions& options, std::ostream& out) {
  WriteLine(Location(error.file, error.position), Severity::kError,
            EscapeForTerminal(error.message), "parse-error", options, out);
}

// True when the error belongs before the finding; on a tie the finding goes first.
bool ErrorBefore(const InputError& error, const Finding& finding) {
  if (error.file != finding.file) return error.file < finding.file;
  if (error.position.line != finding.position.line) {
    return error.position.line < finding.position.line;
  }
  return error.position.column < finding.position.column;
}

std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

// "(2 errors, 1 warning)": only the severities that occur, most severe first.
std::string SeverityBreakdown(const std::vector<Finding>& findings) {
  size_t counts[3] = {0, 0, 0};
  for (const Finding& finding : findings) ++counts[static_cast<int>(finding.severity)];
  std::string parts;
  auto add = [&parts](size_t n, std::string_view singular, std::string_view plural) {
    if (n == 0) return;
    if (!parts.empty()) parts += ", ";
    parts += Count(n, singular, plural);
  };
  add(counts[static_cast<int>(Severity::kError)], "error", "errors");
  add(counts[static_cast<int>(Severity::kWarning)], "warning", "warnings");
  add(counts[static_cast<int>(Severity::kInfo)], "info", "info");
  return "(" + parts + ")";
}

std::string SummaryLine(const CheckReport& report) {
  std::string line = "kubeshift: ";
  if (report.findings.empty()) {
    line += "no findings";
  } else {
    line += Count(report.findings.size(), "finding", "findings") + " " +
            SeverityBreakdown(report.findings);
  }
  if (!report.errors.empty()) {
    line += " and " + Count(report.errors.size(), "input error", "input errors");
  }
  line += fmt::format(" in {}, {}", Count(static_cast<size_t>(report.files), "file", "files"),
                      Count(static_cast<size_t>(report.documents), "document", "documents"));
  std::string targets = TargetsText(report.targets);
  if (!targets.empty()) line += "; target " + targets;
  return line;
}

}  // namespace

void WriteTextReport(const CheckReport& report, const ReportOptions& options, std::ostream& out) {
  const std::vector<Finding>& findings = report.findings;
  const std::vector<InputError>& errors = report.errors;
  size_t f = 0;
  size_t e = 0;
  while (f < findings.size() || e < errors.size()) {
    if (e < errors.size() && (f == findings.size() || ErrorBefore(errors[e], findings[f]))) {
      WriteError(errors[e++], options, out);
    } else {
      WriteFinding(findings[f++], options, out);
    }
  }
  out << SummaryLine(report) << '\n';
}

}  // namespace kubeshift
