// The fast scanner against the full parser (yaml-cpp) on every case of the YAML test suite
// and on every YAML file under testdata/: wherever the scanner claims to understand a
// document, both must find the same object at the same place; inputs the suite marks as
// errors must come out of the pipeline as parse errors.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catch.h"
#include "test_files.h"
#include "kubeshift/scan.h"
#include "kubeshift/yaml_document.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

namespace fs = std::filesystem;

std::string CompareResource(const Resource& slow, const Resource& fast);

// Returns a description of the first disagreement, or empty.
std::string CompareDocument(std::string_view text, Range range, bool input_is_valid) {
  std::vector<Resource> fast_resources;
  FastScanOutcome outcome = FastScanDocument(text, range, &fast_resources);
  if (outcome == FastScanOutcome::kInvalid) {
    return input_is_valid ? "fast scanner rejected a valid document" : "";
  }
  if (outcome == FastScanOutcome::kNotUnderstood) return {};
  FullParseResult full = ParseDocumentFully(text, range);
  if (full.error) return "fast scanner accepted a document the parser rejects: " + full.error->message;
  switch (outcome) {
    case FastScanOutcome::kEmpty:
      return full.empty ? "" : "fast scanner saw no content, the parser did";
    case FastScanOutcome::kNoResource:
      return full.resources.empty() ? "" : "fast scanner saw no object, the parser did";
    case FastScanOutcome::kResource:
      break;
    case FastScanOutcome::kNotUnderstood:
    case FastScanOutcome::kInvalid:
      return {};
  }
  if (full.resources.size() != fast_resources.size()) return "the number of objects differs";
  for (size_t i = 0; i < fast_resources.size(); ++i) {
    std::string problem = CompareResource(full.resources[i], fast_resources[i]);
    if (!problem.empty()) return problem;
  }
  return {};
}

std::string CompareResource(const Resource& slow, const Resource& fast) {
  if (slow.list_item != fast.list_item) return "list_item differs";
  if (slow.api_version.value != fast.api_version.value) return "apiVersion differs: " + slow.api_version.value;
  if (slow.kind.value != fast.kind.value) return "kind differs: " + slow.kind.value;
  if (slow.api_version.range.begin != fast.api_version.range.begin) return "apiVersion offset differs";
  if (slow.kind.range.begin != fast.kind.range.begin) return "kind offset differs";
  if (slow.api_version.style != ScalarStyle::kOther && slow.api_version.range.end != fast.api_version.range.end) {
    return "apiVersion extent differs";
  }
  if (slow.name != fast.name) return "name differs: '" + slow.name + "' vs '" + fast.name + "'";
  if (slow.namespace_ != fast.namespace_) return "namespace differs";
  return {};
}

std::string CompareStream(const std::string& bytes, bool input_is_valid) {
  SourceFile source("input", bytes);
  for (const DocumentSpan& span : SplitDocuments(source.text(), source.content_begin())) {
    std::string problem = CompareDocument(source.text(), span.range, input_is_valid);
    if (!problem.empty()) {
      return problem + "\n--- document ---\n" + std::string(source.text().substr(span.range.begin, span.range.size()));
    }
  }
  return {};
}

fs::path SourceDir() { return fs::path(KUBESHIFT_SOURCE_DIR); }

}  // namespace

TEST_CASE("fast scanner agrees with the full parser on the YAML test suite", "[scan][differential]") {
  int cases = 0;
  int fast_documents = 0;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "testdata/yaml-test-suite")) {
    if (entry.path().filename() != "in.yaml") continue;
    ++cases;
    std::string bytes = ReadFile(entry.path());
    INFO(entry.path().string());
    const bool valid = !fs::exists(entry.path().parent_path() / "error");
    CHECK(CompareStream(bytes, valid) == "");
    SourceFile source("input", bytes);
    for (const DocumentSpan& span : SplitDocuments(source.text(), source.content_begin())) {
      std::vector<Resource> ignored;
      if (FastScanDocument(source.text(), span.range, &ignored) != FastScanOutcome::kNotUnderstood) ++fast_documents;
    }
  }
  CHECK(cases > 300);
  // The subset must be worth having: plenty of the suite's documents stay on the fast path.
  CHECK(fast_documents > 50);
}

TEST_CASE("every YAML test suite error case is a parse error of the pipeline", "[scan][differential]") {
  std::vector<std::string> missed;
  int cases = 0;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "testdata/yaml-test-suite")) {
    if (entry.path().filename() != "error") continue;
    ++cases;
    fs::path input = entry.path().parent_path() / "in.yaml";
    SourceFile source(input.string(), ReadFile(input));
    ScanResult result = ScanSource(source, InputKind::kYaml);
    if (result.errors.empty()) missed.push_back(input.parent_path().lexically_relative(SourceDir()).string());
  }
  CHECK(cases > 80);
  // yaml-cpp is laxer than the YAML spec in places; those cases are listed, so that any
  // change (a new leniency, or one fixed) fails here.
  std::vector<std::string> known;
  std::istringstream list(ReadFile(SourceDir() / "testdata/yaml-test-suite/accepted-by-yaml-cpp.txt"));
  for (std::string line; std::getline(list, line);) {
    if (!line.empty() && line[0] != '#') known.push_back("testdata/yaml-test-suite/" + line);
  }
  std::sort(missed.begin(), missed.end());
  CHECK(missed == known);
  CHECK(missed.size() < 30);
}

TEST_CASE("fast scanner agrees with the full parser on every testdata manifest", "[scan][differential]") {
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "testdata")) {
    const fs::path& path = entry.path();
    if (path.extension() != ".yaml" && path.extension() != ".yml") continue;
    if (path.string().find("yaml-test-suite") != std::string::npos) continue;
    ++files;
    INFO(path.string());
    CHECK(CompareStream(ReadFile(path), /*input_is_valid=*/false) == "");
  }
  CHECK(files > 0);
}

}  // namespace kubeshift
