// ParseYamlTree builds its tree from yaml-cpp's parser events; through YAML::Load's node tree
// (the path it keeps for aliases) it must come out the same, node for node, on every document
// of the YAML test suite and of testdata/, and fail the same way where it fails.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catch.h"
#include "test_files.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

namespace fs = std::filesystem;

// A description of the first difference between \a a and \a b, or empty.
std::string Difference(const YamlNode& a, const YamlNode& b) {
  auto at = [&](std::string what) { return what + " differs at offset " + std::to_string(a.begin); };
  if (a.kind != b.kind) return at("kind");
  if (a.begin != b.begin) return at("begin (" + std::to_string(b.begin) + ")");
  if (a.raw.begin != b.raw.begin || a.raw.end != b.raw.end) return at("raw");
  if (a.style != b.style) return at("style");
  if (a.value != b.value) return at("value");
  if (a.tag != b.tag) return at("tag");
  if (a.flow != b.flow) return at("flow");
  if (a.implicit != b.implicit) return at("implicit");
  if (a.keys.size() != b.keys.size() || a.values.size() != b.values.size()) return at("size");
  for (size_t i = 0; i < a.keys.size(); ++i) {
    if (std::string d = Difference(a.keys[i], b.keys[i]); !d.empty()) return d;
  }
  for (size_t i = 0; i < a.values.size(); ++i) {
    if (std::string d = Difference(a.values[i], b.values[i]); !d.empty()) return d;
  }
  return {};
}

// Compares both ways of parsing each document of \a text; counts the documents compared.
std::string CompareStream(const std::string& text, int* documents) {
  const size_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (const DocumentSpan& span : SplitDocuments(text, begin)) {
    YamlDocument events, nodes;
    ScanError events_error, nodes_error;
    const bool events_ok = ParseYamlTree(text, span.range, &events, &events_error);
    const bool nodes_ok = ParseYamlTree(text, span.range, &nodes, &nodes_error, /*through_nodes=*/true);
    ++*documents;
    if (events_ok != nodes_ok) return "one way parses, the other does not";
    if (!events_ok) {
      if (events_error.offset != nodes_error.offset || events_error.message != nodes_error.message) {
        return "the errors differ: " + events_error.message + " / " + nodes_error.message;
      }
      continue;
    }
    if (std::string d = Difference(events.root, nodes.root); !d.empty()) return d;
  }
  return {};
}

}  // namespace

TEST_CASE("the tree from parser events equals the tree from YAML::Load", "[yaml_tree]") {
  int files = 0;
  int documents = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(KUBESHIFT_SOURCE_DIR) / "testdata")) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".yaml" && extension != ".yml" && extension != ".json")) continue;
    ++files;
    INFO(entry.path().string());
    CHECK(CompareStream(ReadFile(entry.path()), &documents) == "");
  }
  CHECK(files > 1000);
  CHECK(documents > 1000);
}

TEST_CASE("JSON read directly comes out as yaml-cpp reads it", "[yaml_tree]") {
  int documents = 0;
  for (const std::string text :
       {"{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"},\"f\":{},\"g\":[]}",
        "{\r\n  \"a\": -0.5e+10,\r\n  \"b\": [\r\n    null,\r\n    0\r\n  ]\r\n}\r\n",
        "[{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [ ]}, 12, \"x y: z # w\"]\n",
        "{\"k:{\\\"name\\\"}\": \"line\\nbreak\\t\\/\\\\\\b\\f\\r\", \"u\": \"\\u00e9\\u2014\\u0041\\u0000x\"}",
        "{\"a\": \"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\"}",
        // Not read directly: a surrogate, a separator, bad UTF-8, a blank before the colon, a
        // tab, an unknown escape, not JSON.
        "{\"a\": \"\\ud83d\\ude00\"}", "{\"a\": \"\xE2\x80\xA8\"}", "{\"a\": \"\xC3(\"}", "{\"a\" : 1}",
        "{\"a\":\t1}", "{\"a\": \"\\x41\"}", "{a: 1}", "[1, 2,]", "{\"a\": 01}", "{\"a\": 1} # c\n"}) {
    INFO(text);
    CHECK(CompareStream(text, &documents) == "");
  }
}

TEST_CASE("aliases and nulls come out the same both ways", "[yaml_tree]") {
  int documents = 0;
  for (const std::string text : {"a: &x {b: 1}\nc: *x\n", "l: [&y ~, *y]\n", "m: {a: , b: ~, c}\n", "",
                                 "--- # nothing\n", "a: &r [*r]\n", "{\"a\": null, \"b\": [null]}"}) {
    INFO(text);
    CHECK(CompareStream(text, &documents) == "");
  }
}

}  // namespace kubeshift
