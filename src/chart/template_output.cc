// What `helm template` prints: CRDs (--include-crds), manifests, hooks, and the --show-only
// selection; and the raw files `--debug` shows after a YAML error.
#include "chart/glob.h"
#include "kubeshift/chart.h"

namespace kubeshift::chart {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string TrimSpace(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

void Append(std::string* out, const std::string& source, const std::string& content) {
  *out += "---\n# Source: " + source + "\n" + content + "\n";
}

bool IsTestHook(const Manifest& m) {
  size_t start = 0;
  while (start <= m.hook.size()) {
    size_t comma = m.hook.find(',', start);
    if (comma == std::string::npos) comma = m.hook.size();
    std::string event = TrimSpace(m.hook.substr(start, comma - start));
    for (char& c : event) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (event == "test" || event == "test-success") return true;
    start = comma + 1;
  }
  return false;
}

// The manifest name --show-only matches: what follows "# Source: CHART/" (Helm's regexp
// "# Source: [^/]+/(.+)").
bool ShownName(const std::string& doc, std::string* name) {
  size_t at = doc.find("# Source: ");
  if (at == std::string::npos) return false;
  size_t slash = doc.find('/', at + 10);
  if (slash == std::string::npos || slash + 1 >= doc.size() || doc[slash + 1] == '\n') return false;
  size_t eol = doc.find('\n', slash + 1);
  *name = doc.substr(slash + 1, eol == std::string::npos ? std::string::npos : eol - slash - 1);
  return true;
}

}  // namespace

bool FormatTemplateOutput(const RenderedChart& chart, const TemplateOutputOptions& options, std::string* out,
                          std::string* error) {
  std::string manifest;
  if (options.include_crds) {
    for (const Manifest& crd : chart.crds) Append(&manifest, crd.source, crd.content);
  }
  for (const Manifest& m : chart.manifests) Append(&manifest, m.source, m.content);
  std::string text = TrimSpace(manifest) + "\n";
  if (!options.no_hooks) {
    for (const Manifest& h : chart.hooks) {
      if (!(options.skip_tests && IsTestHook(h))) Append(&text, h.source, h.content);
    }
  }
  if (options.show_only.empty()) {
    *out = std::move(text);
    return true;
  }
  const auto docs = SplitManifests(text);
  std::string shown;
  for (const std::string& pattern : options.show_only) {
    bool found = false;
    for (const auto& [offset, doc] : docs) {
      std::string name;
      if (!ShownName(doc, &name) || !PathMatch(pattern, name)) continue;
      shown += "---\n" + doc + "\n";
      found = true;
    }
    if (!found) {
      *error = "could not find template " + pattern + " in chart";
      return false;
    }
  }
  *out = std::move(shown);
  return true;
}

std::string FormatDebugOutput(const RenderedChart& chart) {
  std::string manifest;
  for (const RenderedFile& f : chart.files) {
    if (!TrimSpace(f.result.text).empty()) Append(&manifest, f.name, f.result.text);
  }
  std::string text = TrimSpace(manifest) + "\n";
  for (const Manifest& h : chart.hooks) Append(&text, h.source, h.content);
  return text;
}

}  // namespace kubeshift::chart
