// LineIndex (offset → line:column, line texts) and the facts SourceFile records about its bytes.
#include <string>

#include "catch.h"
#include "kubeshift/source.h"

namespace kubeshift {
namespace {

// "line:column" of an offset, so a failure prints both numbers.
std::string At(const LineIndex& index, size_t offset) {
  Position p = index.PositionOf(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("PositionOf at line starts, inside lines and at line ends", "[source][line_index]") {
  const std::string text = "ab\ncd\n\nefg";
  LineIndex index(text);
  REQUIRE(index.line_count() == 4);
  CHECK(At(index, 0) == "1:1");
  CHECK(At(index, 1) == "1:2");
  CHECK(At(index, 2) == "1:3");  // the '\n' of line 1 is its third column
  CHECK(At(index, 3) == "2:1");
  CHECK(At(index, 4) == "2:2");
  CHECK(At(index, 5) == "2:3");
  CHECK(At(index, 6) == "3:1");  // an empty line
  CHECK(At(index, 7) == "4:1");
  CHECK(At(index, 9) == "4:3");
  CHECK(At(index, 10) == "4:4");  // the end of the text
}

TEST_CASE("PositionOf clamps offsets past the end", "[source][line_index]") {
  SECTION("text without a final line break") {
    LineIndex index("abc\nde");
    CHECK(At(index, 6) == "2:3");
    CHECK(At(index, 7) == "2:3");
    CHECK(At(index, 1000) == "2:3");
    CHECK(At(index, static_cast<size_t>(-1)) == "2:3");
  }
  SECTION("text ending with a line break: the end is line 'n+1' column 1") {
    LineIndex index("abc\n");
    REQUIRE(index.line_count() == 2);
    CHECK(At(index, 3) == "1:4");
    CHECK(At(index, 4) == "2:1");
    CHECK(At(index, 99) == "2:1");
  }
}

TEST_CASE("PositionOf with CRLF line ends", "[source][line_index]") {
  const std::string text = "a: 1\r\nbb: 2\r\n";
  LineIndex index(text);
  REQUIRE(index.line_count() == 3);
  CHECK(At(index, 4) == "1:5");  // '\r'
  CHECK(At(index, 5) == "1:6");  // '\n'
  CHECK(At(index, 6) == "2:1");
  CHECK(At(index, 10) == "2:5");
  CHECK(At(index, 13) == "3:1");
  CHECK(index.LineStart(2) == 6);
  CHECK(index.LineStart(3) == 13);
}

TEST_CASE("a lone carriage return is not a line break for the index", "[source][line_index]") {
  LineIndex index("a\rb\nc");
  REQUIRE(index.line_count() == 2);
  CHECK(At(index, 2) == "1:3");
  CHECK(At(index, 4) == "2:1");
  CHECK(index.LineText(1) == "a\rb");
}

TEST_CASE("a byte order mark on line 1 is not a column", "[source][line_index]") {
  const std::string text = "\xEF\xBB\xBF" "apiVersion: v1\nkind: Pod\n";
  LineIndex index(text);
  CHECK(At(index, 0) == "1:1");
  CHECK(At(index, 3) == "1:1");   // 'a' right after the BOM
  CHECK(At(index, 4) == "1:2");
  CHECK(At(index, 15) == "1:13");  // "v1"
  CHECK(At(index, 18) == "2:1");
  CHECK(At(index, 24) == "2:7");   // "Pod": line 2 has no BOM to skip
  // LineText keeps the BOM: it is part of the bytes of line 1.
  CHECK(index.LineText(1) == "\xEF\xBB\xBF" "apiVersion: v1");
}

TEST_CASE("a U+FEFF that is not at the start of the text counts as a character", "[source][line_index]") {
  const std::string text = "a\n\xEF\xBB\xBF" "b";
  LineIndex index(text);
  CHECK(At(index, 2) == "2:1");
  CHECK(At(index, 5) == "2:2");
}

TEST_CASE("columns count UTF-8 code points, not bytes", "[source][line_index]") {
  SECTION("two-byte character") {
    const std::string text = "caf\xC3\xA9: x\n";  // "café: x"
    LineIndex index(text);
    CHECK(At(index, 3) == "1:4");  // 'é'
    CHECK(At(index, 5) == "1:5");  // ':'
    CHECK(At(index, 7) == "1:7");  // 'x'
  }
  SECTION("four-byte emoji") {
    const std::string text = "k: \xF0\x9F\x98\x80 y\nz";  // "k: 😀 y"
    LineIndex index(text);
    CHECK(At(index, 3) == "1:4");
    CHECK(At(index, 7) == "1:5");  // the blank after the emoji
    CHECK(At(index, 8) == "1:6");  // 'y'
    CHECK(At(index, 10) == "2:1");
  }
  SECTION("three-byte characters on line 2 after a BOM on line 1") {
    const std::string text = "\xEF\xBB\xBF\n\xE2\x82\xAC\xE2\x82\xAC=1";  // BOM, then "€€=1"
    LineIndex index(text);
    CHECK(At(index, 4) == "2:1");
    CHECK(At(index, 7) == "2:2");
    CHECK(At(index, 10) == "2:3");  // '='
  }
}

TEST_CASE("LineText strips the line break, LF or CRLF", "[source][line_index]") {
  const std::string text = "first\r\nsecond\n\r\nlast";
  LineIndex index(text);
  REQUIRE(index.line_count() == 4);
  CHECK(index.LineText(1) == "first");
  CHECK(index.LineText(2) == "second");
  CHECK(index.LineText(3) == "");
  CHECK(index.LineText(4) == "last");
  CHECK(index.LineText(0) == "");
  CHECK(index.LineText(5) == "");
  CHECK(index.LineText(-3) == "");
}

TEST_CASE("LineText of the empty line after a final line break", "[source][line_index]") {
  LineIndex index("a\r\n");
  REQUIRE(index.line_count() == 2);
  CHECK(index.LineText(1) == "a");
  CHECK(index.LineText(2) == "");
}

TEST_CASE("LineStart of lines inside and outside the text", "[source][line_index]") {
  LineIndex index("ab\ncd");
  CHECK(index.LineStart(1) == 0);
  CHECK(index.LineStart(2) == 3);
  CHECK(index.LineStart(0) == 0);
  CHECK(index.LineStart(-1) == 0);
  CHECK(index.LineStart(3) == 5);  // past the last line: the end of the text
}

TEST_CASE("an empty text has one empty line", "[source][line_index]") {
  LineIndex index("");
  CHECK(index.line_count() == 1);
  CHECK(At(index, 0) == "1:1");
  CHECK(At(index, 5) == "1:1");
  CHECK(index.LineText(1) == "");
  CHECK(index.LineStart(1) == 0);
  CHECK(index.LineStart(2) == 0);
}

TEST_CASE("a text of line breaks only", "[source][line_index]") {
  LineIndex index("\n\n");
  CHECK(index.line_count() == 3);
  CHECK(At(index, 0) == "1:1");
  CHECK(At(index, 1) == "2:1");
  CHECK(At(index, 2) == "3:1");
}

TEST_CASE("SourceFile records a BOM and CRLF line ends", "[source][source_file]") {
  SECTION("plain LF file") {
    SourceFile file("a.yaml", "a: 1\r\nb: 2\n");
    CHECK(file.path() == "a.yaml");
    CHECK(file.uses_crlf());
    CHECK_FALSE(file.has_bom());
    CHECK(file.content_begin() == 0);
  }
  SECTION("only the first line decides uses_crlf") {
    SourceFile lf_first("x", "a: 1\nb: 2\r\n");
    CHECK_FALSE(lf_first.uses_crlf());
    SourceFile crlf_first("x", "\r\nb\n");
    CHECK(crlf_first.uses_crlf());
  }
  SECTION("no line break at all") {
    SourceFile file("x", "a: 1\r");
    CHECK_FALSE(file.uses_crlf());
  }
  SECTION("a lone line feed") {
    SourceFile file("x", "\n");
    CHECK_FALSE(file.uses_crlf());
  }
  SECTION("BOM and CRLF") {
    SourceFile file("x", "\xEF\xBB\xBF" "a: 1\r\n");
    CHECK(file.has_bom());
    CHECK(file.uses_crlf());
    CHECK(file.content_begin() == 3);
    CHECK(file.text().size() == 9);  // the BOM stays in the bytes
    CHECK(file.PositionOf(3).line == 1);
    CHECK(file.PositionOf(3).column == 1);
    CHECK(file.PositionOf(6).column == 4);
  }
  SECTION("a BOM alone, and a truncated BOM") {
    SourceFile bom("x", "\xEF\xBB\xBF");
    CHECK(bom.has_bom());
    CHECK(bom.content_begin() == 3);
    SourceFile truncated("x", "\xEF\xBB");
    CHECK_FALSE(truncated.has_bom());
    CHECK(truncated.content_begin() == 0);
    SourceFile empty("x", "");
    CHECK_FALSE(empty.has_bom());
    CHECK_FALSE(empty.uses_crlf());
  }
}

TEST_CASE("SourceFile builds its line index once, over its own bytes", "[source][source_file]") {
  SourceFile file("x", "a\nbb\nccc");
  const LineIndex& first = file.lines();
  CHECK(&first == &file.lines());
  CHECK(first.line_count() == 3);
  CHECK(first.LineText(3) == "ccc");
  CHECK(first.LineText(3).data() == file.text().data() + 5);  // a view, not a copy
  CHECK(file.PositionOf(7).line == 3);
  CHECK(file.PositionOf(7).column == 3);
}

}  // namespace kubeshift
