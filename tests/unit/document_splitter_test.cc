// SplitDocuments: where a YAML stream is cut into documents.
//
// Every span is described as "begin-end@marker" ("+" when it has a "---" marker), so a failure
// shows the whole split at once. A span starts at its "---" line (the marker line may carry
// content: "--- |", "--- !!map"), and a "..." line ends the span that holds it.
#include <string>
#include <vector>

#include "catch.h"
#include "kubeshift/scan.h"

namespace kubeshift {
namespace {

std::string Describe(const std::vector<DocumentSpan>& spans) {
  std::string out;
  for (const DocumentSpan& span : spans) {
    if (!out.empty()) out += " ";
    out += std::to_string(span.range.begin) + "-" + std::to_string(span.range.end) + "@" +
           std::to_string(span.marker) + (span.has_marker ? "+" : "");
  }
  return out;
}

std::string Split(std::string_view text, size_t begin = 0) { return Describe(SplitDocuments(text, begin)); }

// The texts of the spans, for readability of the cases that cut in the middle of content.
std::vector<std::string> Texts(std::string_view text, size_t begin = 0) {
  std::vector<std::string> out;
  for (const DocumentSpan& span : SplitDocuments(text, begin)) {
    out.emplace_back(text.substr(span.range.begin, span.range.size()));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a stream without markers is one document", "[scan][splitter]") {
  CHECK(Split("a: 1\nb: 2\n") == "0-10@0");
  CHECK(Split("a: 1") == "0-4@0");
}

TEST_CASE("an empty stream has no documents", "[scan][splitter]") {
  CHECK(Split("") == "");
  CHECK(Split("\xEF\xBB\xBF", 3) == "");
}

TEST_CASE("marker --- opens a document that starts at the marker line", "[scan][splitter]") {
  const std::string text = "a: 1\n---\nb: 2\n";
  CHECK(Split(text) == "0-5@0 5-14@5+");
  CHECK(Texts(text) == Strings{"a: 1\n", "---\nb: 2\n"});
}

TEST_CASE("a leading --- does not produce an empty first document", "[scan][splitter]") {
  CHECK(Split("---\na: 1\n") == "0-9@0+");
  CHECK(Split("---\na: 1\n---\nb: 2\n") == "0-9@0+ 9-18@9+");
}

TEST_CASE("marker --- followed by a comment, a blank, a tab or CRLF is a marker", "[scan][splitter]") {
  CHECK(Split("a: 1\n--- # second\nb: 2\n") == "0-5@0 5-23@5+");
  CHECK(Split("a: 1\n--- \nb: 2\n") == "0-5@0 5-15@5+");
  CHECK(Split("a: 1\n---\t\nb: 2\n") == "0-5@0 5-15@5+");
  CHECK(Split("a: 1\r\n---\r\nb: 2\r\n") == "0-6@0 6-17@6+");
  CHECK(Split("a: 1\n---") == "0-5@0 5-8@5+");  // a marker at the very end
}

TEST_CASE("marker --- with content on the marker line is still a marker", "[scan][splitter]") {
  const std::string text = "a: 1\n--- x\n--- |\n  y\n";
  CHECK(Split(text) == "0-5@0 5-11@5+ 11-21@11+");
  CHECK(Texts(text) == Strings{"a: 1\n", "--- x\n", "--- |\n  y\n"});
}

TEST_CASE("lines that only look like markers do not split", "[scan][splitter]") {
  CHECK(Split("a: 1\n----\nb: 2\n") == "0-15@0");
  CHECK(Split("a: 1\n---x\nb: 2\n") == "0-15@0");
  CHECK(Split("a: 1\n ---\nb: 2\n") == "0-15@0");
  CHECK(Split("a: 1\n--\n") == "0-8@0");
  CHECK(Split("a: 1\n....\nb: 2\n") == "0-15@0");
  CHECK(Split("a: 1\n...x\n") == "0-10@0");
  CHECK(Split("a: |\n  ---\n") == "0-11@0");  // indented: content of the block scalar
}

TEST_CASE("marker --- at column 0 inside a block scalar still splits (YAML spec)", "[scan][splitter]") {
  const std::string text = "data: |\n  text\n---\n  more\n";
  CHECK(Split(text) == "0-15@0 15-26@15+");
  CHECK(Texts(text) == Strings{"data: |\n  text\n", "---\n  more\n"});
}

TEST_CASE("marker --- at column 0 inside a quoted scalar still splits", "[scan][splitter]") {
  const std::string text = "a: \"x\n---\n  y\"\n";
  CHECK(Texts(text) == Strings{"a: \"x\n", "---\n  y\"\n"});
}

TEST_CASE("empty documents between markers are kept as spans", "[scan][splitter]") {
  CHECK(Split("---\n---\n---\n") == "0-4@0+ 4-8@4+ 8-12@8+");
  CHECK(Split("a: 1\n---\n# only a comment\n---\nb: 2\n") == "0-5@0 5-26@5+ 26-35@26+");
}

TEST_CASE("... ends a document; what follows starts a new one without a marker", "[scan][splitter]") {
  const std::string text = "a: 1\n...\nb: 2\n";
  CHECK(Split(text) == "0-9@0 9-14@9");
  CHECK(Texts(text) == Strings{"a: 1\n...\n", "b: 2\n"});
  CHECK(Split("a: 1\n...\n") == "0-9@0");          // nothing after it
  CHECK(Split("a: 1\n...") == "0-8@0");            // without a final line break
  CHECK(Split("a: 1\n... # end\n") == "0-15@0");  // with a comment
  CHECK(Split("a: 1\r\n...\r\nb: 2\r\n") == "0-11@0 11-17@11");
}

TEST_CASE("... then --- : the marker belongs to the next document", "[scan][splitter]") {
  CHECK(Split("a: 1\n...\n---\nb: 2\n") == "0-9@0 9-18@9+");
  CHECK(Split("---\na: 1\n...\n---\nb: 2\n...\n") == "0-13@0+ 13-26@13+");
}

TEST_CASE("directives and comments before --- are part of the document it opens", "[scan][splitter]") {
  SECTION("at the start of the stream") {
    const std::string text = "%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\na: 1\n";
    CHECK(Split(text) == "0-48@39+");
    CHECK(Texts(text) == Strings{text});
  }
  SECTION("after an end marker") {
    const std::string text = "a: 1\n...\n%YAML 1.2\n---\nb: 2\n";
    CHECK(Split(text) == "0-9@0 9-28@19+");
    CHECK(Texts(text) == Strings{"a: 1\n...\n", "%YAML 1.2\n---\nb: 2\n"});
  }
  SECTION("comments and blank lines before the first marker") {
    CHECK(Split("# header\n\n  # indented\n---\na: 1\n") == "0-32@23+");
    CHECK(Split("# header\r\n---\r\na: 1\r\n") == "0-21@10+");
  }
  SECTION("an indented % is content, not a directive") {
    CHECK(Split(" %x\n---\na: 1\n") == "0-4@0 4-13@4+");
  }
  SECTION("content before the marker ends a document of its own") {
    CHECK(Split("# c\na: 1\n---\nb: 2\n") == "0-9@0 9-18@9+");
  }
  SECTION("after a marker, a comment-only document is not merged into the next one") {
    CHECK(Split("---\n# c\n---\na: 1\n") == "0-8@0+ 8-17@8+");
  }
}

TEST_CASE("a BOM is skipped through the begin argument", "[scan][splitter]") {
  const std::string text = "\xEF\xBB\xBF" "a: 1\n---\nb: 1\n";
  CHECK(Split(text, 3) == "3-8@3 8-17@8+");
  CHECK(Split("\xEF\xBB\xBF---\na: 1\n", 3) == "3-12@3+");
  CHECK(Split("\xEF\xBB\xBF" "a: 1\n...\nb: 2", 3) == "3-12@3 12-16@12");
}

TEST_CASE("a BOM before a later document's --- (concatenated files) is a document prefix", "[scan][splitter]") {
  // YAML 1.2 l-yaml-stream: l-document-prefix (c-byte-order-mark? l-comment*) may precede
  // each explicit document, so "<BOM>---" at the start of a line opens the next document.
  // Today the line is not a marker: the first document swallows the second, and the pipeline
  // reports "illegal map value" and loses the Ingress.
  SECTION("after a bare document") {
    const std::string text = "apiVersion: v1\nkind: Pod\n\xEF\xBB\xBF---\napiVersion: extensions/v1beta1\nkind: Ingress\n";
    CHECK(SplitDocuments(text, 0).size() == 2);
    SourceFile source("cat.yaml", text);
    ScanResult result = ScanSource(source, InputKind::kYaml);
    CHECK(result.errors.empty());
    REQUIRE(result.resources.size() == 2);
    CHECK(result.resources[1].api_version.value == "extensions/v1beta1");
    CHECK(result.resources[1].api_version.range.begin == text.find("extensions"));
  }
  SECTION("after an end marker: the position must count the BOM bytes") {
    const std::string text = "apiVersion: v1\nkind: Pod\n...\n\xEF\xBB\xBF---\napiVersion: extensions/v1beta1\nkind: Ingress\n";
    SourceFile source("cat.yaml", text);
    ScanResult result = ScanSource(source, InputKind::kYaml);
    CHECK(result.errors.empty());
    REQUIRE(result.resources.size() == 2);
    CHECK(result.resources[1].api_version.range.begin == text.find("extensions"));  // today: 3 bytes early
    CHECK(result.resources[1].kind.range.begin == text.find("Ingress"));
  }
}

TEST_CASE("the last document ends at the end of the text without a line break", "[scan][splitter]") {
  const std::string text = "a: 1\n---\nb: 2";
  CHECK(Split(text) == "0-5@0 5-13@5+");
  CHECK(Texts(text).back() == "---\nb: 2");
}

}  // namespace kubeshift
