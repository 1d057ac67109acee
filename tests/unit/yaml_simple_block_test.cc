// The fast block-YAML reader (src/helm/yaml_simple_block.cc) against yaml-cpp: on every
// document it accepts — every document of testdata/ and of the YAML test suite, and the
// corner cases below — it must build the same tree as yaml-cpp (positions aside), and it must
// decline what it does not know.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "helm/yaml_simple_block.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift::tmpl {
namespace {

// The first difference between two trees, or "" (begin, raw, style and implicit are positions
// or position-derived, which the fast reader does not set).
std::string Diff(const YamlNode& fast, const YamlNode& slow, const std::string& path) {
  if (fast.kind != slow.kind) return path + ": kind differs";
  if (fast.IsScalar() && (fast.value != slow.value || fast.tag != slow.tag)) {
    return path + ": scalar [" + fast.value + "] tag " + fast.tag + " vs [" + slow.value + "] tag " + slow.tag;
  }
  if (fast.flow != slow.flow) return path + ": flow differs";
  if (fast.keys.size() != slow.keys.size() || fast.values.size() != slow.values.size()) return path + ": sizes differ";
  for (size_t i = 0; i < fast.keys.size(); ++i) {
    std::string d = Diff(fast.keys[i], slow.keys[i], path + "/key" + std::to_string(i));
    if (d.empty()) d = Diff(fast.values[i], slow.values[i], path + "/" + slow.keys[i].value);
    if (!d.empty()) return d;
  }
  for (size_t i = 0; i < fast.values.size() && fast.keys.empty(); ++i) {
    const std::string d = Diff(fast.values[i], slow.values[i], path + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return "";
}

// "" when the fast reader declines \a text or agrees with yaml-cpp; else what differs.
// \a accepted counts the documents the fast reader took.
std::string Check(const std::string& text, int* accepted) {
  YamlNode fast;
  if (!ParseSimpleBlockYaml(text, &fast)) return "";
  ++*accepted;
  YamlDocument slow;
  ScanError error;
  if (!ParseYamlTree(text, Range{0, text.size()}, &slow, &error)) return "accepted, but yaml-cpp fails: " + error.message;
  return Diff(fast, slow.root, "");
}

// The documents of a stream, marker lines left out.
std::vector<std::string> Documents(const std::string& text) {
  std::vector<std::string> docs(1);
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("---") || line.starts_with("...")) {
      docs.emplace_back();
      continue;
    }
    docs.back() += line + "\n";
  }
  return docs;
}

TEST_CASE("simple block YAML: the same trees as yaml-cpp on every testdata document", "[yaml_simple_block]") {
  int accepted = 0, documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(KUBESHIFT_SOURCE_DIR "/testdata")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    for (const std::string& doc : Documents(bytes.str())) {
      ++documents;
      const std::string diff = Check(doc, &accepted);
      if (!diff.empty()) FAIL_CHECK(entry.path().string() << ": " << diff << "\n" << doc);
    }
  }
  INFO(accepted << " of " << documents << " documents read by the fast reader");
  // Most of testdata is plain block YAML; a reader that declines everything proves nothing.
  CHECK(accepted * 2 > documents);
}

TEST_CASE("simple block YAML: corner cases agree with yaml-cpp", "[yaml_simple_block]") {
  const char* cases[] = {
      "a: 1\nb: two\nc:\nd: ~\ne: null\nf: 'it''s'\ng: \"q\"\nh: {}\ni: []\n",
      "# top\nlist:\n- a\n- b: 1\n  c: 2\n-\n  - x\n- - y\nafter: 3\n",
      "m:\n  n:\n    o: p   # comment\n  q: r\n",
      "lit: |\n  one\n\n  two\n\n\nnext: 1\n",
      "keep: |+\n  one\n\n\nstrip: |-\n  two\n  three\nclip: |\n  four\n",
      "seq:\n  - |\n    block in a list\n  - plain\n",
      "url: http://example.com:8080/path\nport: \"80\"\nneg: -1\ncolon: a:b\nhash: a#b\n",
      "\"quoted key\": 1\n'single': 2\n1: one\ntrue: yes\n",
      "  indented: root\n  second: 2\n",
      "- root\n- list\n",
      "scalar\n",
      "",
      "# only a comment\n",
      "x: |\n  # not a comment\n  text\n# a comment\ny: 1\n",
      "empty_item:\n  -\n  - a\n",
  };
  int accepted = 0;
  for (const char* text : cases) {
    const std::string diff = Check(text, &accepted);
    INFO(text << "\n" << diff);
    CHECK(diff.empty());
  }
  CHECK(accepted == static_cast<int>(std::size(cases)));
}

TEST_CASE("simple block YAML: what it leaves to yaml-cpp", "[yaml_simple_block]") {
  const char* declined[] = {
      "a: &x 1\nb: *x\n",          "a: !!str 1\n",           "a: {b: 1}\n",
      "a: [1, 2]\n",               "a: >\n  folded\n",       "a: \"esc\\n\"\n",
      "a: multi\n  line\n",        "---\na: 1\n",            "a:\tb\n",
      "a: 1\r\nb: 2\r\n",          "a: 1\na: 2\n",           "? complex\n: key\n",
      "a: b: c\n",                 "a: 'open\n  quote'\n",   "a: |2\n   x\n",
      "key : spaced\n",            "a:\n  - x\n b: 1\n",     "<<: {}\n",
  };
  for (const char* text : declined) {
    YamlNode node;
    INFO(text);
    CHECK_FALSE(ParseSimpleBlockYaml(text, &node));
  }
}

}  // namespace
}  // namespace kubeshift::tmpl
