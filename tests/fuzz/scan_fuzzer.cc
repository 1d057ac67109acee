// libFuzzer target: the whole scan of an input, as YAML, JSON and chart template, must never
// crash, and where the fast scanner claims to understand a YAML document the full parser must
// agree with it (the differential property of tests/unit/scan_differential_test.cc, on inputs
// nobody wrote by hand).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kubeshift/scan.h"
#include "kubeshift/yaml_document.h"

namespace {

void CheckAgreement(std::string_view text, kubeshift::Range range) {
  std::vector<kubeshift::Resource> fast;
  kubeshift::FastScanOutcome outcome = kubeshift::FastScanDocument(text, range, &fast);
  if (outcome != kubeshift::FastScanOutcome::kResource && outcome != kubeshift::FastScanOutcome::kNoResource) return;
  kubeshift::FullParseResult full = kubeshift::ParseDocumentFully(text, range);
  if (full.error) std::abort();  // the scanner accepted what the parser rejects
  if (outcome == kubeshift::FastScanOutcome::kNoResource && !full.resources.empty()) std::abort();
  if (outcome == kubeshift::FastScanOutcome::kResource) {
    if (full.resources.size() != fast.size()) std::abort();
    for (size_t i = 0; i < fast.size(); ++i) {
      if (full.resources[i].api_version.value != fast[i].api_version.value) std::abort();
      if (full.resources[i].kind.value != fast[i].kind.value) std::abort();
      if (full.resources[i].api_version.range.begin != fast[i].api_version.range.begin) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (kubeshift::InputKind kind : {kubeshift::InputKind::kYaml, kubeshift::InputKind::kJson,
                                    kubeshift::InputKind::kHelmTemplate}) {
    kubeshift::SourceFile source("fuzz", bytes);
    kubeshift::ScanSource(source, kind);
  }
  for (const kubeshift::DocumentSpan& span : kubeshift::SplitDocuments(bytes, 0)) CheckAgreement(bytes, span.range);
  return 0;
}
