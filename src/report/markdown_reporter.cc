// kubeshift — Markdown for GitHub job summaries ($GITHUB_STEP_SUMMARY) and PR comments.
#include <fmt/format.h>

#include "report/reporters.h"

namespace kubeshift {
namespace {

// Backslash-escapes what GitHub Markdown would read as markup ('|' would split a table cell,
// '<' could start HTML, '*' '_' '~' emphasis, '[' a link); a line break would end the table row.
std::string EscapeMarkdown(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      result += ' ';
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      continue;
    } else if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) {
      result += '\\';
      result += c;
    } else {
      result += c;
    }
  }
  return result;
}

std::string OrDash(std::string_view text) {
  return text.empty() ? std::string("-") : EscapeMarkdown(text);
}

// "Deployment web", "Deployment prod/web" with a namespace, or just the kind.
std::string ResourceLabel(const Finding& finding) {
  std::string label = finding.kind;
  if (finding.name.empty()) return label;
  label += ' ';
  if (finding.namespace_ && !finding.namespace_->empty()) label += *finding.namespace_ + "/";
  return label + finding.name;
}

void WriteSummaryTable(const CheckReport& report, std::ostream& out) {
  out << "| Files | Documents | Findings | Errors |\n"
      << "| ---: | ---: | ---: | ---: |\n"
      << fmt::format("| {} | {} | {} | {} |\n\n", report.files, report.documents,
                     report.findings.size(), report.errors.size());
}

void WriteFindingsTable(const std::vector<Finding>& findings, std::ostream& out) {
  if (findings.empty()) {
    out << "No deprecated or removed APIs found.\n";
    return;
  }
  out << "| Severity | File | Line | Resource | API | Replacement | Removed in |\n"
      << "| --- | --- | ---: | --- | --- | --- | --- |\n";
  for (const Finding& f : findings) {
    // A finding about no object (render-error) says what happened where the object would be.
    const std::string resource = f.api_version.empty() ? f.message + " [" + f.rule + "]" : ResourceLabel(f);
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", SeverityName(f.severity),
                       EscapeMarkdown(f.file), f.position.line, EscapeMarkdown(resource), OrDash(f.api_version),
                       OrDash(f.replacement), OrDash(VersionText(f.removed_in)));
  }
}

void WriteErrors(const std::vector<InputError>& errors, std::ostream& out) {
  if (errors.empty()) return;
  out << "\n### Input errors\n\n";
  for (const InputError& e : errors) {
    std::string location = e.file;
    if (e.position.line > 0) location += fmt::format(":{}:{}", e.position.line, e.position.column);
    out << "- " << EscapeMarkdown(location) << ": " << EscapeMarkdown(e.message) << '\n';
  }
}

}  // namespace

void WriteMarkdownReport(const CheckReport& report, std::ostream& out) {
  out << "## kubeshift\n\n";
  std::string targets = TargetsText(report.targets);
  if (!targets.empty()) out << "**Target:** " << EscapeMarkdown(targets) << "\n\n";
  WriteSummaryTable(report, out);
  WriteFindingsTable(report.findings, out);
  WriteErrors(report.errors, out);
}

}  // namespace kubeshift
