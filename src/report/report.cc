// kubeshift — output format names, the WriteReport dispatch and helpers shared by reporters.
#include "kubeshift/report.h"

#include <array>

#include "report/reporters.h"

namespace kubeshift {
namespace {

struct FormatName {
  std::string_view name;
  OutputFormat format;
};

// The order of --help and of error messages listing the choices.
constexpr std::array<FormatName, 6> kFormats = {{
    {"text", OutputFormat::kText},
    {"json", OutputFormat::kJson},
    {"sarif", OutputFormat::kSarif},
    {"github", OutputFormat::kGithub},
    {"junit", OutputFormat::kJunit},
    {"markdown", OutputFormat::kMarkdown},
}};

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid
// (truncated, overlong, a surrogate, or above U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  unsigned char second = byte(i + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
  if (lead == 0xED && second >= 0xA0) return 0;  // UTF-16 surrogate
  if (lead == 0xF0 && second < 0x90) return 0;  // overlong
  if (lead == 0xF4 && second >= 0x90) return 0;  // above U+10FFFF
  return length;
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const FormatName& entry : kFormats) {
    if (entry.name == name) return entry.format;
  }
  return std::nullopt;
}

std::vector<std::string> OutputFormatNames() {
  std::vector<std::string> names;
  for (const FormatName& entry : kFormats) names.emplace_back(entry.name);
  return names;
}

void WriteReport(OutputFormat format, const CheckReport& report, const ReportOptions& options,
                 std::ostream& out) {
  switch (format) {
    case OutputFormat::kText: return WriteTextReport(report, options, out);
    case OutputFormat::kJson: return WriteJsonReport(report, out);
    case OutputFormat::kSarif: return WriteSarifReport(report, out);
    case OutputFormat::kGithub: return WriteGithubReport(report, out);
    case OutputFormat::kJunit: return WriteJunitReport(report, out);
    case OutputFormat::kMarkdown: return WriteMarkdownReport(report, out);
  }
}

std::string ToValidUtf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      result += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    result.append(text.substr(i, length));
    i += length;
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> OrderedTargets(const Targets& targets) {
  std::vector<std::pair<std::string, std::string>> ordered;
  if (auto it = targets.find(kKubernetes); it != targets.end()) {
    ordered.emplace_back(it->first, it->second.ToString());
  }
  for (const auto& [component, version] : targets) {
    if (component != kKubernetes) ordered.emplace_back(component, version.ToString());
  }
  return ordered;
}

std::string TargetsText(const Targets& targets) {
  std::string text;
  for (const auto& [component, version] : OrderedTargets(targets)) {
    if (!text.empty()) text += ", ";
    text += component + " " + version;
  }
  return text;
}

std::string VersionText(const std::optional<Version>& version) {
  return version ? version->ToString() : std::string();
}

}  // namespace kubeshift
