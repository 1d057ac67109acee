// kubeshift — the scan: split a stream into documents and find its resources, fast.
#ifndef KUBESHIFT_SCAN_H_
#define KUBESHIFT_SCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/resource.h"
#include "kubeshift/source.h"

namespace kubeshift {

/// A syntax problem at a byte offset of the file.
struct ScanError {
  size_t offset = 0;
  std::string message;
};

/// One document of a stream: the bytes between document markers.
struct DocumentSpan {
  Range range;          ///< content, after the "---" line (or from the start of the stream)
  size_t marker = 0;    ///< offset of the "---" that opens it (== range.begin when none)
  bool has_marker = false;
};

/// Everything found in one input.
struct ScanResult {
  std::vector<Resource> resources;
  std::vector<ScanError> errors;
  int documents = 0;           ///< non-empty documents
  int fast_documents = 0;      ///< handled by the fast scanner alone
  int fallback_documents = 0;  ///< handed to the full parser
};

enum class InputKind { kYaml, kJson, kHelmTemplate };

/// Splits \a text (a whole stream, offsets relative to it) at "---" and "..." lines.
/// \a begin skips a BOM.
std::vector<DocumentSpan> SplitDocuments(std::string_view text, size_t begin);

/// The fast path on one document: extracts apiVersion, kind, metadata.name/namespace (and
/// those of List items) with exact ranges while validating the block structure of the whole
/// document. Appends to \a out only on kResource. For anything it does not fully understand
/// (flow-style top level, anchors, tags, multi-line quoted scalars, …) it returns
/// kNotUnderstood and the caller uses the full parser.
enum class FastScanOutcome {
  kEmpty,          ///< only comments, blank lines and markers
  kResource,       ///< a mapping with apiVersion and kind
  kNoResource,     ///< content, but not an object (no apiVersion/kind, a plain map, …)
  kNotUnderstood,  ///< outside the subset: use the full parser
  kInvalid,        ///< certainly not YAML (a missing ':', junk after a quote, …): see *error
};
FastScanOutcome FastScanDocument(std::string_view text, Range document, std::vector<Resource>* out,
                                 ScanError* error = nullptr);

/// The fast path for a JSON input: validates it completely and extracts the same fields.
/// Invalid JSON is kNotUnderstood (the full parser reports it, or reads YAML in a .json file).
FastScanOutcome FastScanJson(std::string_view text, Range range, std::vector<Resource>* out);

/// Scans a whole input: fast path per document, full parser where needed. Never throws.
ScanResult ScanSource(const SourceFile& source, InputKind kind);

}  // namespace kubeshift

#endif  // KUBESHIFT_SCAN_H_
