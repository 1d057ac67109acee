#include "scan/template_scan.h"

#include <cstring>
#include <string>
#include <vector>

#include "kubeshift/template_mask.h"
#include "scan/line_lexer.h"

namespace kubeshift::scan {
namespace {

// A literal "key: value" at column 0 of the masked text.
struct TopLevelScalar {
  ScalarRef ref;
  std::string guard;
};

std::vector<TopLevelScalar> FindTopLevelScalars(const MaskedTemplate& masked, const TemplateGuards& guards,
                                                Range document, std::string_view key) {
  std::vector<TopLevelScalar> found;
  std::string_view text = masked.text;
  size_t pos = document.begin;
  while (pos < document.end) {
    const void* nl = std::memchr(text.data() + pos, '\n', document.end - pos);
    size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : document.end;
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      LexedValue value = LexValue(line, key.size() + 1);
      Range range{pos + value.begin, pos + value.end};
      if (value.kind == LexedValue::kScalar && !value.has_escapes && !masked.OverlapsAction(range)) {
        TopLevelScalar entry;
        entry.ref.value = std::string(ScalarText(line, value));
        entry.ref.range = range;
        entry.ref.style = value.style;
        entry.ref.present = true;
        entry.guard = guards.DescribeAt(range.begin);
        found.push_back(std::move(entry));
      }
    }
    pos = line_end + 1;
  }
  return found;
}

// When a document has several literal kinds (one per branch), pair an apiVersion with the
// kind under the same guard; otherwise with the first kind.
const TopLevelScalar* PairKind(const std::vector<TopLevelScalar>& kinds, const TopLevelScalar& api_version) {
  if (kinds.empty()) return nullptr;
  for (const TopLevelScalar& kind : kinds) {
    if (kind.guard == api_version.guard) return &kind;
  }
  return &kinds.front();
}

}  // namespace

ScanResult ScanTemplate(const SourceFile& source) {
  ScanResult result;
  MaskedTemplate masked = MaskTemplateActions(source.text());
  TemplateGuards guards(source.text(), masked.actions);
  std::vector<DocumentSpan> spans = SplitDocuments(masked.text, source.content_begin());
  for (const DocumentSpan& span : spans) {
    std::vector<Resource> found;
    FastScanOutcome outcome = FastScanDocument(masked.text, span.range, &found);
    if (outcome == FastScanOutcome::kEmpty) continue;
    const int document = result.documents++;
    if (outcome == FastScanOutcome::kNoResource) continue;
    if (outcome == FastScanOutcome::kResource) {
      for (Resource& resource : found) {
        // A value produced by an action is filler in the masked text, not a literal.
        if (masked.OverlapsAction(resource.api_version.range) || masked.OverlapsAction(resource.kind.range)) continue;
        resource.document = document;
        resource.context = guards.DescribeAt(resource.api_version.range.begin);
        // A name produced by an action is unknown until the chart is rendered.
        if (!resource.name_range.empty() && masked.OverlapsAction(resource.name_range)) resource.name.clear();
        if (!resource.namespace_range.empty() && masked.OverlapsAction(resource.namespace_range)) {
          resource.namespace_.reset();
        }
        result.resources.push_back(std::move(resource));
      }
      continue;
    }
    // Branches of an if/else often repeat top-level keys: read them line by line.
    std::vector<TopLevelScalar> kinds = FindTopLevelScalars(masked, guards, span.range, "kind");
    for (TopLevelScalar& api_version : FindTopLevelScalars(masked, guards, span.range, "apiVersion")) {
      const TopLevelScalar* kind = PairKind(kinds, api_version);
      if (!kind) continue;
      Resource found;
      found.api_version = std::move(api_version.ref);
      found.kind = kind->ref;
      found.document = document;
      found.context = std::move(api_version.guard);
      result.resources.push_back(std::move(found));
    }
  }
  return result;
}

}  // namespace kubeshift::scan
