// kubeshift — JUnit XML: one testsuite per input file, so CI test views list every file.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/reporters.h"

namespace kubeshift {
namespace {

// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even as character references, so they
// are dropped. In attributes, tab and line breaks are written as references because parsers
// normalise them to spaces otherwise; "\r" is kept as a reference in text for the same reason.
std::string EscapeXml(std::string_view raw, bool attribute) {
  std::string text = ToValidUtf8(raw);
  std::string result;
  result.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xEF\xBF\xBE") == 0 || text.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      i += 2;  // U+FFFE or U+FFFF
      continue;
    }
    char c = text[i];
    switch (c) {
      case '&': result += "&amp;"; break;
      case '<': result += "&lt;"; break;
      case '>': result += "&gt;"; break;
      case '"': result += "&quot;"; break;
      case '\'': result += "&apos;"; break;
      case '\r': result += "&#13;"; break;
      case '\n': result += attribute ? "&#10;" : "\n"; break;
      case '\t': result += attribute ? "&#9;" : "\t"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) result += c;
    }
  }
  return result;
}

std::string Attr(std::string_view text) { return EscapeXml(text, true); }
std::string Text(std::string_view text) { return EscapeXml(text, false); }

std::string Location(std::string_view file, Position position) {
  if (position.line == 0) return std::string(file);
  return fmt::format("{}:{}:{}", file, position.line, position.column);
}

// What one testsuite holds; pointers into the report, which outlives the writer.
struct FileCases {
  std::vector<const Finding*> findings;
  std::vector<const InputError*> errors;
  // A clean file still has one (passing) testcase.
  int Tests() const { return std::max<int>(1, static_cast<int>(findings.size() + errors.size())); }
  int Failures() const {
    int count = 0;
    for (const Finding* f : findings) count += f->severity != Severity::kInfo;
    return count;
  }
};

std::map<std::string, FileCases> GroupByFile(const CheckReport& report) {
  std::map<std::string, FileCases> files;
  for (const std::string& input : report.inputs) files[input];
  for (const Finding& finding : report.findings) files[finding.file].findings.push_back(&finding);
  for (const InputError& error : report.errors) files[error.file].errors.push_back(&error);
  return files;
}

// "Ingress web (extensions/v1beta1) line 3"; the name is left out when the object has none.
// A finding about no object (render-error) is named by its rule: "render-error line 4".
std::string CaseName(const Finding& finding) {
  if (finding.api_version.empty()) return fmt::format("{} line {}", finding.rule, finding.position.line);
  std::string name = finding.kind;
  if (!finding.name.empty()) name += " " + finding.name;
  return fmt::format("{} ({}) line {}", name, finding.api_version, finding.position.line);
}

void WriteFindingCase(const std::string& file, const Finding& f, std::ostream& out) {
  out << "    <testcase classname=\"" << Attr(file) << "\" name=\"" << Attr(CaseName(f)) << "\">\n";
  std::string detail = fmt::format("{}: {}: {}", Location(f.file, f.position),
                                   SeverityName(f.severity), f.message);
  if (!f.source.empty()) detail += " (source: " + f.source + ")";
  detail += " [" + f.rule + "]";
  if (f.severity == Severity::kInfo) {
    out << "      <system-out>" << Text(detail) << "</system-out>\n";
  } else {
    out << "      <failure message=\"" << Attr(f.message) << "\" type=\"" << Attr(f.rule)
        << "\">" << Text(detail) << "</failure>\n";
  }
  out << "    </testcase>\n";
}

void WriteErrorCase(const std::string& file, const InputError& e, std::ostream& out) {
  std::string name = "parse error";
  if (e.position.line > 0) name += fmt::format(" line {}", e.position.line);
  out << "    <testcase classname=\"" << Attr(file) << "\" name=\"" << Attr(name) << "\">\n"
      << "      <error message=\"" << Attr(e.message) << "\" type=\"parse-error\">"
      << Text(Location(e.file, e.position) + ": " + e.message) << "</error>\n"
      << "    </testcase>\n";
}

void WriteSuite(const std::string& file, const FileCases& cases, std::ostream& out) {
  out << "  <testsuite name=\"" << Attr(file) << "\" tests=\"" << cases.Tests()
      << "\" failures=\"" << cases.Failures() << "\" errors=\"" << cases.errors.size()
      << "\">\n";
  for (const Finding* finding : cases.findings) WriteFindingCase(file, *finding, out);
  for (const InputError* error : cases.errors) WriteErrorCase(file, *error, out);
  if (cases.findings.empty() && cases.errors.empty()) {
    out << "    <testcase classname=\"" << Attr(file)
        << "\" name=\"no deprecated or removed APIs\"/>\n";
  }
  out << "  </testsuite>\n";
}

// Without the input list the clean files are unknown by name; one passing testcase still
// tells CI that they were checked (some CI systems fail a report with no tests at all).
void WriteUnnamedCleanFiles(int count, std::ostream& out) {
  out << "  <testsuite name=\"kubeshift\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
      << "    <testcase classname=\"kubeshift\" name=\""
      << fmt::format("{} {} without findings", count, count == 1 ? "file" : "files")
      << "\"/>\n"
      << "  </testsuite>\n";
}

}  // namespace

void WriteJunitReport(const CheckReport& report, std::ostream& out) {
  std::map<std::string, FileCases> files = GroupByFile(report);
  int unnamed_clean = report.inputs.empty() ? report.files - static_cast<int>(files.size()) : 0;
  int tests = unnamed_clean > 0 ? 1 : 0;
  int failures = 0;
  for (const auto& [file, cases] : files) {
    tests += cases.Tests();
    failures += cases.Failures();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"kubeshift\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << report.errors.size() << "\">\n";
  for (const auto& [file, cases] : files) WriteSuite(file, cases, out);
  if (unnamed_clean > 0) WriteUnnamedCleanFiles(unnamed_clean, out);
  out << "</testsuites>\n";
}

}  // namespace kubeshift
