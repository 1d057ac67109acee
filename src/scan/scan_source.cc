#include <cstring>

#include "kubeshift/scan.h"
#include "kubeshift/yaml_document.h"
#include "scan/template_scan.h"

namespace kubeshift {
namespace {

constexpr std::string_view kSourcePrefix = "# Source: ";

// The "# Source: chart/templates/x.yaml" comment that `helm template` puts at the top of
// each document. The fast scanner reads it on its own; this serves the full-parser path.
std::string FindSourceComment(std::string_view text, Range document) {
  size_t pos = document.begin;
  while (pos < document.end) {
    const void* nl = std::memchr(text.data() + pos, '\n', document.end - pos);
    size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : document.end;
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = line_end + 1;
    if (line.substr(0, kSourcePrefix.size()) == kSourcePrefix) {
      std::string_view value = line.substr(kSourcePrefix.size());
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      return std::string(value);
    }
    bool skippable = line.empty() || line[0] == '#' || line.substr(0, 3) == "---";
    if (!skippable) break;
  }
  return {};
}

void ParseFully(std::string_view text, Range range, ScanResult* result) {
  FullParseResult full = ParseDocumentFully(text, range);
  if (full.empty) return;
  const int document = result->documents++;
  ++result->fallback_documents;
  if (full.error) {
    result->errors.push_back(*full.error);
    return;
  }
  std::string source = FindSourceComment(text, range);
  for (Resource& resource : full.resources) {
    resource.document = document;
    resource.source = source;
    result->resources.push_back(std::move(resource));
  }
}

}  // namespace

ScanResult ScanSource(const SourceFile& source, InputKind kind) {
  if (kind == InputKind::kHelmTemplate) return scan::ScanTemplate(source);
  ScanResult result;
  std::string_view text = source.text();
  if (kind == InputKind::kJson) {
    Range all{source.content_begin(), text.size()};
    switch (FastScanJson(text, all, &result.resources)) {
      case FastScanOutcome::kEmpty:
        break;
      case FastScanOutcome::kResource:
      case FastScanOutcome::kNoResource:
        ++result.documents;
        ++result.fast_documents;
        break;
      default:
        ParseFully(text, all, &result);
    }
    return result;
  }
  for (const DocumentSpan& span : SplitDocuments(text, source.content_begin())) {
    const size_t first = result.resources.size();
    ScanError error;
    switch (FastScanDocument(text, span.range, &result.resources, &error)) {
      case FastScanOutcome::kInvalid:
        // yaml-cpp would accept some of these (a missing ':' reads as a multi-line scalar);
        // the YAML spec and the API server's parser do not.
        ++result.documents;
        result.errors.push_back(std::move(error));
        break;
      case FastScanOutcome::kEmpty:
        break;
      case FastScanOutcome::kNoResource:
        ++result.documents;
        ++result.fast_documents;
        break;
      case FastScanOutcome::kResource:
        for (size_t i = first; i < result.resources.size(); ++i) result.resources[i].document = result.documents;
        ++result.documents;
        ++result.fast_documents;
        break;
      case FastScanOutcome::kNotUnderstood:
        ParseFully(text, span.range, &result);
        break;
    }
  }
  return result;
}

}  // namespace kubeshift
