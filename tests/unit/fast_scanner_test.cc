// FastScanDocument (src/scan/fast_scanner.cc + line_lexer.cc): outcomes, exact ranges, error
// messages and offsets, and agreement with the full parser on manifests it accepts.
#include <string>
#include <vector>

#include "catch.h"
#include "kubeshift/scan.h"
#include "kubeshift/yaml_document.h"

namespace kubeshift {
namespace {

std::string Name(FastScanOutcome outcome) {
  switch (outcome) {
    case FastScanOutcome::kEmpty: return "kEmpty";
    case FastScanOutcome::kResource: return "kResource";
    case FastScanOutcome::kNoResource: return "kNoResource";
    case FastScanOutcome::kNotUnderstood: return "kNotUnderstood";
    case FastScanOutcome::kInvalid: return "kInvalid";
  }
  return "?";
}

std::string StyleName(ScalarStyle style) {
  switch (style) {
    case ScalarStyle::kPlain: return "plain";
    case ScalarStyle::kSingleQuoted: return "single";
    case ScalarStyle::kDoubleQuoted: return "double";
    case ScalarStyle::kOther: return "other";
  }
  return "?";
}

struct Scanned {
  std::string outcome;
  std::vector<Resource> resources;
  ScanError error;
};

Scanned Scan(std::string_view text) {
  Scanned out;
  out.error.offset = 12345;
  out.outcome = Name(FastScanDocument(text, Range{0, text.size()}, &out.resources, &out.error));
  return out;
}

std::string Outcome(std::string_view text) { return Scan(text).outcome; }

// "value [begin,end) style" of a scalar.
std::string Ref(const ScalarRef& ref) {
  if (!ref.present) return "absent";
  return ref.value + " [" + std::to_string(ref.range.begin) + "," + std::to_string(ref.range.end) + ") " +
         StyleName(ref.style);
}

// Field-by-field comparison with the full parser; empty when they agree.
std::string Disagreement(const Resource& full, const Resource& fast) {
  std::string out;
  auto check = [&](bool same, const std::string& what) {
    if (!same) out += what + "; ";
  };
  check(full.api_version.value == fast.api_version.value,
        "apiVersion '" + full.api_version.value + "' vs '" + fast.api_version.value + "'");
  check(full.kind.value == fast.kind.value, "kind '" + full.kind.value + "' vs '" + fast.kind.value + "'");
  check(full.api_version.range.begin == fast.api_version.range.begin && full.api_version.range.end == fast.api_version.range.end,
        "apiVersion range " + Ref(full.api_version) + " vs " + Ref(fast.api_version));
  check(full.kind.range.begin == fast.kind.range.begin && full.kind.range.end == fast.kind.range.end,
        "kind range " + Ref(full.kind) + " vs " + Ref(fast.kind));
  check(full.api_version.style == fast.api_version.style, "apiVersion style");
  check(full.kind.style == fast.kind.style, "kind style");
  check(full.name == fast.name, "name '" + full.name + "' vs '" + fast.name + "'");
  check(full.namespace_ == fast.namespace_,
        "namespace '" + full.namespace_.value_or("<none>") + "' vs '" + fast.namespace_.value_or("<none>") + "'");
  check(full.list_item == fast.list_item, "list_item");
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Outcomes

TEST_CASE("kEmpty: comments, blank lines and markers only", "[scan][fast]") {
  CHECK(Outcome("") == "kEmpty");
  CHECK(Outcome("\n\n   \n") == "kEmpty");
  CHECK(Outcome("# a comment\n  # another\n") == "kEmpty");
  CHECK(Outcome("---\n") == "kEmpty");
  CHECK(Outcome("--- # comment\n# more\n...\n") == "kEmpty");
  CHECK(Outcome("---\r\n# c\r\n") == "kEmpty");
}

TEST_CASE("kResource: a block mapping with apiVersion and kind", "[scan][fast]") {
  Scanned s = Scan("apiVersion: v1\nkind: Pod\n");
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 1);
  const Resource& r = s.resources[0];
  CHECK(Ref(r.api_version) == "v1 [12,14) plain");
  CHECK(Ref(r.kind) == "Pod [21,24) plain");
  CHECK(r.name == "");
  CHECK_FALSE(r.namespace_.has_value());
  CHECK_FALSE(r.list_item);
  CHECK(r.source == "");
  CHECK(r.document == 0);
  CHECK(r.context == "");
}

TEST_CASE("kNoResource: content that is not an object", "[scan][fast]") {
  CHECK(Outcome("a: 1\nb: [x]\n") == "kNoResource");
  CHECK(Outcome("apiVersion: v1\n") == "kNoResource");
  CHECK(Outcome("kind: Pod\nmetadata:\n  name: x\n") == "kNoResource");
  CHECK(Outcome("spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n") == "kNoResource");
  CHECK(Outcome("a:\n") == "kNoResource");
}

TEST_CASE("kNoResource does not append to the output", "[scan][fast]") {
  std::vector<Resource> out(1);
  std::string text = "apiVersion: v1\n";
  CHECK(FastScanDocument(text, Range{0, text.size()}, &out) == FastScanOutcome::kNoResource);
  CHECK(out.size() == 1);
}

TEST_CASE("kNotUnderstood: top levels other than a block mapping", "[scan][fast]") {
  CHECK(Outcome("- a\n- b\n") == "kNotUnderstood");                 // sequence
  CHECK(Outcome("just a scalar\n") == "kNotUnderstood");            // scalar
  CHECK(Outcome("{apiVersion: v1, kind: Pod}\n") == "kNotUnderstood");  // flow mapping
  CHECK(Outcome("[a, b]\n") == "kNotUnderstood");
  CHECK(Outcome("  apiVersion: v1\n  kind: Pod\n") == "kNotUnderstood");  // indented top level
  CHECK(Outcome("%YAML 1.2\n---\napiVersion: v1\nkind: Pod\n") == "kNotUnderstood");  // directive
  CHECK(Outcome("--- !!map\napiVersion: v1\nkind: Pod\n") == "kNotUnderstood");        // tag on the marker
  CHECK(Outcome("--- a: 1\n") == "kNotUnderstood");
  CHECK(Outcome("----\napiVersion: v1\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("--- |\n  text\n") == "kNotUnderstood");
  CHECK(Outcome("? apiVersion\n: v1\n") == "kNotUnderstood");  // complex key
  CHECK(Outcome("\"apiVersion\": v1\nkind: Pod\n") == "kNotUnderstood");  // quoted key
}

TEST_CASE("kNotUnderstood: content after an end marker", "[scan][fast]") {
  CHECK(Outcome("apiVersion: v1\nkind: Pod\n...\n# fine\n") == "kResource");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\n...\nx: 1\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\n... x\n") == "kNotUnderstood");
}

TEST_CASE("kInvalid: a missing ':' at a map's indentation", "[scan][fast][invalid]") {
  SECTION("top level") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nspec\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == "expected 'key: value' here (is a ':' missing?)");
    CHECK(s.error.offset == 25);
    CHECK(s.resources.empty());
  }
  SECTION("nested") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == "expected 'key: value' here (is a ':' missing?)");
    CHECK(s.error.offset == 47);
  }
  SECTION("with CRLF and a BOM-free offset into a larger text") {
    std::string text = "junk\napiVersion: v1\r\nspec\r\n";
    ScanError error;
    std::vector<Resource> out;
    CHECK(FastScanDocument(text, Range{5, text.size()}, &out, &error) == FastScanOutcome::kInvalid);
    CHECK(error.offset == 21);
    CHECK(error.message == "expected 'key: value' here (is a ':' missing?)");
  }
  SECTION("the first line of a nested block may be a scalar: left to the parser") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec:\n  replicas\n") == "kNotUnderstood");
  }
  SECTION("a line that does not start like a word is left to the parser") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\n&a spec\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\n[spec]\n") == "kNotUnderstood");
  }
  SECTION("a key without a blank after the colon") {
    Scanned s = Scan("kind: Pod\napiVersion:v1\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.offset == 10);
  }
}

TEST_CASE("kInvalid: block structure mismatches", "[scan][fast][invalid]") {
  SECTION("a sequence entry where a key belongs") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nspec:\n  a: 1\n  - b\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == "a sequence entry where a 'key: value' belongs");
    CHECK(s.error.offset == 40);
  }
  SECTION("a key where a sequence entry belongs") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nlist:\n  - a\n  b: 1\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == "expected '- ' here: this line continues a sequence");
    CHECK(s.error.offset == 39);
  }
}

TEST_CASE("kInvalid: text after a closing quote", "[scan][fast][invalid]") {
  const std::string message = "unexpected text after a quoted scalar (a comment needs a blank before '#')";
  SECTION("in apiVersion: the offset is the opening quote") {
    Scanned s = Scan("apiVersion: \"v1\"x\nkind: Pod\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 12);
  }
  SECTION("a '#' right after the quote is not a comment") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nx: 'a'#c\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 28);
  }
  SECTION("in a sequence entry") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nargs:\n- \"a\" b\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 33);
  }
  SECTION("after a quoted scalar that spans lines: the offset is past the closing quote") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nx: \"a\n  b\"c\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 35);
  }
  SECTION("a comment after the quote is fine") {
    CHECK(Outcome("apiVersion: \"v1\" # c\nkind: 'Pod'\t# c\n") == "kResource");
  }
}

TEST_CASE("kInvalid: an escape YAML does not define", "[scan][fast][invalid]") {
  const std::string message = "invalid escape sequence in a double-quoted scalar";
  SECTION("\\q on one line: the offset is the opening quote") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\ndata:\n  x: \"a\\qb\"\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 36);
  }
  SECTION("short hex escapes") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: \"\\x4\"\n") == "kInvalid");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: \"\\u12G4\"\n") == "kInvalid");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: \"\\U0001F60\"\n") == "kInvalid");
  }
  SECTION("in a continuation line: the offset is the start of that line's text") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nx: \"a\n  b\\q\"\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 33);
  }
  SECTION("every escape YAML defines is accepted outside tracked fields") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\n"
                  "x: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"\n") == "kResource");
  }
  SECTION("backslashes mean nothing in single-quoted and plain scalars") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: 'a\\q'\ny: a\\q\n") == "kResource");
  }
}

TEST_CASE("kInvalid: a quoted scalar that is never closed", "[scan][fast][invalid]") {
  const std::string message = "unterminated quoted scalar: the closing quote is missing";
  SECTION("double quote, at the end of the document") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\ndata:\n  x: \"abc\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 36);
  }
  SECTION("single quote, over several lines") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nx: 'abc\n  def\n  ghi\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 28);
  }
  SECTION("in a sequence entry") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nargs:\n- \"abc\n");
    REQUIRE(s.outcome == "kInvalid");
    CHECK(s.error.message == message);
    CHECK(s.error.offset == 33);
  }
  SECTION("a later line less indented than the parent: left to the parser") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\ndata:\n  x: \"abc\n  y: 1\n") == "kNotUnderstood");
  }
}

TEST_CASE("the error is only written for kInvalid", "[scan][fast]") {
  Scanned s = Scan("- a\n");
  CHECK(s.outcome == "kNotUnderstood");
  CHECK(s.error.offset == 12345);
  CHECK(s.error.message == "");
  Scanned ok = Scan("apiVersion: v1\nkind: Pod\n");
  CHECK(ok.error.offset == 12345);
  // A null error pointer is allowed.
  std::string text = "a: 1\nb\n";
  std::vector<Resource> out;
  CHECK(FastScanDocument(text, Range{0, text.size()}, &out, nullptr) == FastScanOutcome::kInvalid);
}

// ---------------------------------------------------------------------------------------------
// Ranges of apiVersion and kind

TEST_CASE("ranges of plain, single- and double-quoted apiVersion", "[scan][fast][range]") {
  SECTION("plain, with a trailing comment and trailing blanks") {
    Scanned s = Scan("apiVersion: apps/v1   # comment\nkind: Deployment  \n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "apps/v1 [12,19) plain");
    CHECK(Ref(s.resources[0].kind) == "Deployment [38,48) plain");
  }
  SECTION("single-quoted: the range includes the quotes") {
    Scanned s = Scan("apiVersion: 'apps/v1'\nkind: 'Deployment'\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "apps/v1 [12,21) single");
    CHECK(Ref(s.resources[0].kind) == "Deployment [28,40) single");
  }
  SECTION("the column of a quoted value is the column of its opening quote") {
    SourceFile file("x.yaml", "kind: Pod\napiVersion:   \"v1\"\n");
    std::vector<Resource> out;
    REQUIRE(FastScanDocument(file.text(), Range{0, file.text().size()}, &out) == FastScanOutcome::kResource);
    CHECK(file.PositionOf(out[0].api_version.range.begin).line == 2);
    CHECK(file.PositionOf(out[0].api_version.range.begin).column == 15);
    CHECK(file.text()[out[0].api_version.range.begin] == '"');
  }
  SECTION("double-quoted: the range includes the quotes") {
    Scanned s = Scan("apiVersion: \"apps/v1\"\nkind: \"Deployment\"\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "apps/v1 [12,21) double");
    CHECK(Ref(s.resources[0].kind) == "Deployment [28,40) double");
  }
  SECTION("extra blanks and a tab before the value") {
    Scanned s = Scan("apiVersion:  \t v1\nkind:\tPod\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "v1 [15,17) plain");
    CHECK(Ref(s.resources[0].kind) == "Pod [24,27) plain");
  }
  SECTION("blanks between the key and the colon") {
    Scanned s = Scan("apiVersion  : v1\nkind : Pod\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "v1 [14,16) plain");
    CHECK(Ref(s.resources[0].kind) == "Pod [24,27) plain");
  }
  SECTION("CRLF line ends") {
    Scanned s = Scan("apiVersion: v1\r\nkind: Pod\r\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "v1 [12,14) plain");
    CHECK(Ref(s.resources[0].kind) == "Pod [22,25) plain");
  }
  SECTION("offsets are relative to the whole text, not to the document") {
    std::string text = "a: 1\n---\napiVersion: 'v1'\nkind: Pod\n";
    std::vector<Resource> out;
    REQUIRE(FastScanDocument(text, Range{5, text.size()}, &out) == FastScanOutcome::kResource);
    CHECK(Ref(out[0].api_version) == "v1 [21,25) single");
    CHECK(Ref(out[0].kind) == "Pod [32,35) plain");
  }
  SECTION("a plain value with inner blanks and a '#' that is not a comment") {
    Scanned s = Scan("apiVersion: a#b c\nkind: My Kind # c\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "a#b c [12,17) plain");
    CHECK(Ref(s.resources[0].kind) == "My Kind [24,31) plain");
  }
  SECTION("a quoted value keeps inner blanks and '#'") {
    Scanned s = Scan("apiVersion: ' v1 # x '\nkind: Pod\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == " v1 # x  [12,22) single");
  }
  SECTION("kind before apiVersion, both after other keys") {
    Scanned s = Scan("spec:\n  a: 1\nkind: Pod\napiVersion: v1\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(Ref(s.resources[0].api_version) == "v1 [35,37) plain");
    CHECK(Ref(s.resources[0].kind) == "Pod [19,22) plain");
  }
}

TEST_CASE("apiVersion and kind values the fast scanner leaves to the parser", "[scan][fast]") {
  CHECK(Outcome("apiVersion: \"apps\\/v1\"\nkind: Pod\n") == "kNotUnderstood");  // escape
  CHECK(Outcome("apiVersion: 'it''s'\nkind: Pod\n") == "kNotUnderstood");        // '' escape
  CHECK(Outcome("apiVersion: null\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: ~\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: NULL\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion:\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: [v1]\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: |\n  v1\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion:\n  v1\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata: x\n") == "kNotUnderstood");
}

TEST_CASE("a plain 'null' that is quoted is a string", "[scan][fast]") {
  Scanned s = Scan("apiVersion: 'null'\nkind: \"~\"\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources[0].api_version.value == "null");
  CHECK(s.resources[0].kind.value == "~");
}

// ---------------------------------------------------------------------------------------------
// metadata, # Source:

TEST_CASE("metadata name and namespace", "[scan][fast][metadata]") {
  SECTION("both, plain") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: prod\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].name == "web");
    REQUIRE(s.resources[0].namespace_.has_value());
    CHECK(*s.resources[0].namespace_ == "prod");
  }
  SECTION("quoted, with comments, before apiVersion") {
    Scanned s = Scan("metadata:  # m\n  namespace: 'a b' # n\n  name: \"x-1\"\napiVersion: v1\nkind: Pod\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].name == "x-1");
    CHECK(s.resources[0].namespace_ == std::optional<std::string>("a b"));
  }
  SECTION("an empty quoted namespace is present") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: ''\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].namespace_ == std::optional<std::string>(""));
    CHECK(s.resources[0].name == "");
  }
  SECTION("no namespace") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    namespace: no\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].name == "web");
    CHECK_FALSE(s.resources[0].namespace_.has_value());
  }
  SECTION("name and namespace of nested maps are not the object's") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nspec:\n  metadata:\n    name: inner\n  name: x\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].name == "");
  }
  SECTION("a numeric name is its text") {
    Scanned s = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: 0123\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].name == "0123");
  }
  SECTION("values the parser must read") {
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name:\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\\tb\"\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a]\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: |\n    a\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: a\n  namespace: b\n") == "kNotUnderstood");
    CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nmetadata:\n  name: b\n") == "kNotUnderstood");
  }
}

TEST_CASE("a null metadata.name or namespace is absent, as for the full parser", "[scan][fast][metadata]") {
  // yaml-cpp reads a plain null as a null node: ParseDocumentFully leaves name empty and
  // namespace unset. The fast path must not report the text "null" or "~" as a name.
  for (std::string value : {"null", "~", "Null", "NULL"}) {
    INFO("value: " << value);
    Scanned name = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + value + "\n");
    CHECK(((name.outcome == "kResource" && name.resources[0].name.empty()) || name.outcome == "kNotUnderstood"));
    Scanned ns = Scan("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: " + value + "\n");
    CHECK(((ns.outcome == "kResource" && !ns.resources[0].namespace_.has_value()) || ns.outcome == "kNotUnderstood"));
  }
}

TEST_CASE("the # Source: comment of a rendered chart document", "[scan][fast][source]") {
  SECTION("before the content") {
    Scanned s = Scan("---\n# Source: chart/templates/web.yaml  \napiVersion: v1\nkind: Service\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].source == "chart/templates/web.yaml");
  }
  SECTION("with CRLF") {
    Scanned s = Scan("# Source: a/b.yaml\r\napiVersion: v1\r\nkind: Service\r\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].source == "a/b.yaml");
  }
  SECTION("after content it is an ordinary comment") {
    Scanned s = Scan("apiVersion: v1\n# Source: late.yaml\nkind: Service\n");
    REQUIRE(s.outcome == "kResource");
    CHECK(s.resources[0].source == "");
  }
  SECTION("indented, or without the blank, it is not the source") {
    CHECK(Scan("  # Source: x.yaml\napiVersion: v1\nkind: Service\n").resources[0].source == "");
    CHECK(Scan("#Source: x.yaml\napiVersion: v1\nkind: Service\n").resources[0].source == "");
  }
  SECTION("List items get the source of their document") {
    Scanned s = Scan("# Source: c/t.yaml\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n");
    REQUIRE(s.resources.size() == 2);
    CHECK(s.resources[1].source == "c/t.yaml");
  }
}

// ---------------------------------------------------------------------------------------------
// Lists

TEST_CASE("List items in the compact '- apiVersion' form", "[scan][fast][list]") {
  const std::string text =
      "apiVersion: v1\n"                     //  0
      "kind: List\n"                         // 15
      "items:\n"                             // 26
      "- apiVersion: apps/v1\n"              // 33
      "  kind: Deployment\n"                 // 55
      "  metadata:\n"
      "    name: web\n"
      "    namespace: prod\n"
      "  spec:\n"
      "    template:\n"
      "      metadata:\n"
      "        name: not-this\n"
      "- apiVersion: 'v1'\n"
      "  kind: Service\n"
      "  metadata: {}\n"
      "- kind: ConfigMap\n"                  // no apiVersion: not an object
      "- apiVersion: batch/v1beta1\n"
      "  kind: \"CronJob\"\n"
      "metadata:\n"
      "  name: the-list\n";
  Scanned s = Scan(text);
  // "metadata: {}" is a flow value on a metadata key: the parser reads it.
  CHECK(s.outcome == "kNotUnderstood");

  std::string fast = text;
  fast.replace(fast.find("  metadata: {}\n"), 15, "  metadata:\n");
  s = Scan(fast);
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 4);
  CHECK(Ref(s.resources[0].kind) == "List [21,25) plain");
  CHECK(s.resources[0].name == "the-list");
  CHECK_FALSE(s.resources[0].list_item);

  CHECK(Ref(s.resources[1].api_version) == "apps/v1 [47,54) plain");
  CHECK(Ref(s.resources[1].kind) == "Deployment [63,73) plain");
  CHECK(s.resources[1].name == "web");
  CHECK(s.resources[1].namespace_ == std::optional<std::string>("prod"));
  CHECK(s.resources[1].list_item);

  const size_t service = fast.find("'v1'");
  CHECK(Ref(s.resources[2].api_version) == "v1 [" + std::to_string(service) + "," + std::to_string(service + 4) + ") single");
  CHECK(s.resources[2].kind.value == "Service");
  CHECK(s.resources[2].name == "");
  CHECK(s.resources[2].list_item);

  CHECK(s.resources[3].api_version.value == "batch/v1beta1");
  CHECK(s.resources[3].api_version.range.begin == fast.find("batch/v1beta1"));
  CHECK(Ref(s.resources[3].kind).ends_with(" double"));
  CHECK(s.resources[3].list_item);
}

TEST_CASE("List items in the '-' then indented map form", "[scan][fast][list]") {
  SECTION("items indented under the key") {
    const std::string text = "apiVersion: v1\nkind: List\nitems:\n  -\n    apiVersion: v1\n    kind: Pod\n  -   # c\n    apiVersion: v1\n    kind: Secret\n";
    Scanned s = Scan(text);
    REQUIRE(s.outcome == "kResource");
    REQUIRE(s.resources.size() == 3);
    CHECK(Ref(s.resources[1].api_version) == "v1 [53,55) plain");
    CHECK(s.resources[1].kind.value == "Pod");
    CHECK(s.resources[2].kind.value == "Secret");
    CHECK(s.resources[2].list_item);
  }
  SECTION("compact sequence") {
    const std::string text = "apiVersion: v1\nkind: List\nitems:\n-\n  apiVersion: v1\n  kind: Pod\n";
    Scanned s = Scan(text);
    REQUIRE(s.outcome == "kResource");
    REQUIRE(s.resources.size() == 2);
    CHECK(Ref(s.resources[1].api_version) == "v1 [49,51) plain");
  }
  SECTION("items indented with '- ' and more blanks") {
    const std::string text = "apiVersion: v1\nkind: List\nitems:\n  -   apiVersion: v1\n      kind: Pod\n";
    Scanned s = Scan(text);
    REQUIRE(s.outcome == "kResource");
    REQUIRE(s.resources.size() == 2);
    CHECK(Ref(s.resources[1].api_version) == "v1 [51,53) plain");
  }
}

TEST_CASE("typed lists and List-like kinds", "[scan][fast][list]") {
  Scanned s = Scan("apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n");
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 2);
  CHECK(s.resources[1].kind.value == "Deployment");
  CHECK(s.resources[1].list_item);
  // An empty List is just the List.
  Scanned empty = Scan("apiVersion: v1\nkind: List\nitems:\n");
  REQUIRE(empty.outcome == "kResource");
  CHECK(empty.resources.size() == 1);
}

TEST_CASE("items are ignored when the kind is not a List", "[scan][fast][list]") {
  Scanned s = Scan("apiVersion: v1\nkind: Pod\nitems:\n- apiVersion: v1\n  kind: Secret\n");
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 1);
  CHECK(s.resources[0].kind.value == "Pod");
  // ... and items of a nested map never count.
  Scanned nested = Scan("apiVersion: v1\nkind: List\nspec:\n  items:\n  - apiVersion: v1\n    kind: Secret\n");
  REQUIRE(nested.outcome == "kResource");
  CHECK(nested.resources.size() == 1);
  // ... nor items of a List item.
  Scanned inner = Scan("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Secret\n");
  REQUIRE(inner.outcome == "kResource");
  CHECK(inner.resources.size() == 2);
}

TEST_CASE("items entries that are not block mappings go to the parser", "[scan][fast][list]") {
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems:\n- foo\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod}\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems:\n- [a]\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems:\n- - apiVersion: v1\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems:\n- \"x\"\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems: []\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Pod}]\n") == "kNotUnderstood");
}

TEST_CASE("an items mapping holds no List items", "[scan][fast][list]") {
  Scanned s = Scan("apiVersion: v1\nkind: List\nitems:\n  apiVersion: v1\n  kind: Pod\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources.size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Multi-line scalars

TEST_CASE("multi-line plain scalars in fields that are not tracked", "[scan][fast][multiline]") {
  Scanned s = Scan(
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "description: a long\n"
      "  text that goes on\n"
      "\n"
      "  after a blank line\n"
      "data:\n"
      "  key: first\n"
      "    second 2\n"
      "list:\n"
      "- one\n"
      "  two\n"
      "metadata:\n"
      "  name: cm\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources[0].name == "cm");
}

TEST_CASE("a comment ends a plain scalar: a more indented line after it is no continuation", "[scan][fast][multiline]") {
  // "text # note" then "  more": the scalar ended at the comment, so the next line is an
  // error (yaml-cpp: "end of map not found" / "end of sequence not found"). The fast scanner
  // continues the scalar across the comment of its own line and accepts the document.
  for (std::string text : {"apiVersion: v1\nkind: Pod\ndescription: some text # note\n  more text\n",
                           "apiVersion: v1\nkind: Pod\nlist:\n- a # note\n  b\n",
                           "apiVersion: v1\nkind: Pod\nspec:\n  env:\n  - nam #e: X\n    value\n"}) {
    INFO(text);
    FullParseResult full = ParseDocumentFully(text, Range{0, text.size()});
    CHECK(full.error.has_value());
    std::string outcome = Outcome(text);
    CHECK((outcome == "kNotUnderstood" || outcome == "kInvalid"));
  }
  // A comment on a line of its own ends the scalar too (already handled).
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: a\n# c\n  b\n") == "kNotUnderstood");
}

TEST_CASE("multi-line plain scalars in tracked fields go to the parser", "[scan][fast][multiline]") {
  CHECK(Outcome("apiVersion: apps/\n  v1\nkind: X\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Long\n  Kind\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n    b\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: a\n    b\n") == "kNotUnderstood");
}

TEST_CASE("plain continuations the fast scanner does not judge", "[scan][fast][multiline]") {
  // A continuation that looks like a key, starts with an indicator, or comes after a comment.
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: a\n  b: c\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: a\n  - b\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: a\n  b # c\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: a\n# c\n  b\n") == "kNotUnderstood");
}

TEST_CASE("multi-line quoted scalars in fields that are not tracked", "[scan][fast][multiline]") {
  Scanned s = Scan(
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "data:\n"
      "  a: \"first\n"
      "    # not a comment\n"
      "\n"
      "    apiVersion: no\"\n"
      "  b: 'it''s\n"
      "    more' # c\n"
      "  c: \"escaped \\\n"
      "    line break\"\n"
      "metadata:\n"
      "  name: cm\n");
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 1);
  CHECK(s.resources[0].api_version.value == "v1");
  CHECK(s.resources[0].name == "cm");
}

TEST_CASE("multi-line quoted scalars in tracked fields go to the parser", "[scan][fast][multiline]") {
  CHECK(Outcome("apiVersion: \"apps/\n  v1\"\nkind: X\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: 'Po\n  d'\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\n    b\"\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: 'a\n    b'\n") == "kNotUnderstood");
}

// ---------------------------------------------------------------------------------------------
// Block scalars

TEST_CASE("block scalars: content is not read as keys or comments", "[scan][fast][block]") {
  const std::string text =
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "data:\n"
      "  config: |\n"
      "    # not a comment\n"
      "    apiVersion: evil/v1\n"
      "    kind: Fake\n"
      "\n"
      "      deeper\n"
      "  folded: >-\n"
      "    folded text\n"
      "  keep: |+\n"
      "    kept\n"
      "\n"
      "  strip: |- # comment\n"
      "    x\n"
      "script: >\n"
      "  apiVersion: also/not\n"
      "metadata:\n"
      "  name: cm\n";
  Scanned s = Scan(text);
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 1);
  CHECK(Ref(s.resources[0].api_version) == "v1 [12,14) plain");
  CHECK(s.resources[0].kind.value == "ConfigMap");
  CHECK(s.resources[0].name == "cm");
}

TEST_CASE("a block scalar holding a whole manifest at the top level", "[scan][fast][block]") {
  Scanned s = Scan("note: |\n  apiVersion: x/v1\n  kind: X\napiVersion: v1\nkind: Pod\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(Ref(s.resources[0].api_version) == "v1 [49,51) plain");
}

TEST_CASE("block scalars the parser must read", "[scan][fast][block]") {
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: |2\n   a\n") == "kNotUnderstood");   // indentation indicator
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: |-2\n   a\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: | junk\n  a\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: |\n    a\n  b\n") == "kNotUnderstood");   // less indented
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nx: |\n     \n  a\n") == "kNotUnderstood");  // leading blank too deep
}

TEST_CASE("a block scalar in a sequence entry", "[scan][fast][block]") {
  Scanned s = Scan("apiVersion: v1\nkind: Pod\nargs:\n- |\n  kind: NotThis\n- >\n  x\nz: 1\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources[0].kind.value == "Pod");
}

TEST_CASE("an empty block scalar ends at the next key", "[scan][fast][block]") {
  Scanned s = Scan("x: |\napiVersion: v1\nkind: Pod\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources[0].api_version.value == "v1");
}

// ---------------------------------------------------------------------------------------------
// Flow collections

TEST_CASE("flow collections on one line", "[scan][fast][flow]") {
  const std::string head = "apiVersion: v1\nkind: Pod\n";
  CHECK(Outcome(head + "ports: [80, 443]\n") == "kResource");
  CHECK(Outcome(head + "x: []\ny: {}\nz: [ ]\n") == "kResource");
  CHECK(Outcome(head + "x: {a: [1, {b: c}], d: 'e,f', \"g\": \"h]\"}\n") == "kResource");
  CHECK(Outcome(head + "x: [\"a,b\", 'c,d', 'it''s']  # comment\n") == "kResource");
  CHECK(Outcome(head + "x: [a, b,]\n") == "kResource");      // a trailing comma is allowed
  CHECK(Outcome(head + "x: {a: 1, b: 2, }\n") == "kResource");
  CHECK(Outcome(head + "x: {a: 1, b}\n") == "kResource");     // b: null
  CHECK(Outcome(head + "x: [http://a/b, a:b]\n") == "kResource");
  CHECK(Outcome(head + "x:\n- [a, [b, [c]]]\n") == "kResource");
}

TEST_CASE("flow collections the fast scanner rejects", "[scan][fast][flow]") {
  const std::string head = "apiVersion: v1\nkind: Pod\n";
  CHECK(Outcome(head + "x: [a,,b]\n") == "kNotUnderstood");
  CHECK(Outcome(head + "x: [,]\n") == "kNotUnderstood");
  CHECK(Outcome(head + "x: [a, b\n  ]\n") == "kNotUnderstood");   // spans lines
  CHECK(Outcome(head + "x: [a #b]\n") == "kNotUnderstood");       // comment inside
  CHECK(Outcome(head + "x: [a]b\n") == "kNotUnderstood");         // text after the close
  CHECK(Outcome(head + "x: [a]#c\n") == "kNotUnderstood");
  CHECK(Outcome(head + "x: [a: 1]\n") == "kNotUnderstood");       // single pair in a sequence
  CHECK(Outcome(head + "x: [&a b]\n") == "kNotUnderstood");       // anchor
  CHECK(Outcome(head + "x: {a: 1]\n") == "kNotUnderstood");       // mismatched
  CHECK(Outcome(head + "x: [a, \"b]\n") == "kNotUnderstood");    // open quote
  std::string deep = head + "x: " + std::string(70, '[') + std::string(70, ']') + "\n";
  CHECK(Outcome(deep) == "kNotUnderstood");                       // deeper than the limit
  std::string ok = head + "x: " + std::string(60, '[') + std::string(60, ']') + "\n";
  CHECK(Outcome(ok) == "kResource");
}

// ---------------------------------------------------------------------------------------------
// Keys, anchors, tags, tabs, line breaks

TEST_CASE("duplicate top-level keys go to the parser", "[scan][fast]") {
  CHECK(Outcome("apiVersion: v1\napiVersion: v2\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nkind: Secret\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec: 1\nspec: 2\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec : 1\nspec: 2\n") == "kNotUnderstood");
  // Duplicates in nested maps (other than metadata name/namespace) are not the scan's concern.
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec:\n  a: 1\n  a: 2\n") == "kResource");
}

TEST_CASE("anchors, aliases and tags go to the parser", "[scan][fast]") {
  CHECK(Outcome("apiVersion: &v v1\nkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: !!str Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec: *ref\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec: &s\n  a: 1\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec: !custom\n  a: 1\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec:\n  <<: *base\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nlist:\n- *a\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nlist:\n- !t x\n") == "kNotUnderstood");
  CHECK(Outcome("&a apiVersion: v1\nkind: Pod\n") == "kNotUnderstood");
}

TEST_CASE("tabs", "[scan][fast]") {
  // As separation after ':' and inside values: fine.
  Scanned s = Scan("apiVersion:\tv1\t# c\nkind: Pod\nx: a\tb\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(Ref(s.resources[0].api_version) == "v1 [12,14) plain");
  // As indentation: not for the fast scanner.
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\n\tspec: x\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nspec:\n  \tx: 1\n") == "kNotUnderstood");
}

TEST_CASE("a tab after '-' may separate a scalar entry", "[scan][fast]") {
  // YAML test suite 6BCT: "-\tbaz" is a sequence entry holding "baz".
  CHECK(Outcome("apiVersion: v1\nkind: Pod\nargs:\n-\tbaz\n- \tqux\n") == "kResource");
}

TEST_CASE("a tab after '-' before a compact mapping is not YAML: never a fast kResource", "[scan][fast]") {
  // A compact mapping in a sequence entry must be indented with spaces (s-indent); yaml-cpp
  // rejects these with "illegal map value". The fast scanner must not accept them
  // (HandleSequenceEntry's "line[p] == '\t'" check runs after the blanks, tabs included, were
  // skipped, so it never fires).
  for (std::string text : {"apiVersion: v1\nkind: Pod\nx:\n-\ta: 1\n",
                           "apiVersion: v1\nkind: Pod\nx:\n- \ta: 1\n",
                           "apiVersion: v1\nkind: List\nitems:\n-\tapiVersion: v1\n  kind: Pod\n"}) {
    INFO(text);
    FullParseResult full = ParseDocumentFully(text, Range{0, text.size()});
    CHECK(full.error.has_value());
    std::string outcome = Outcome(text);
    CHECK((outcome == "kNotUnderstood" || outcome == "kInvalid"));
  }
}

TEST_CASE("a BOM at the start of a later document's content is not silently dropped", "[scan][fast]") {
  // The BOM of a concatenated file, after a "---" line. The key is not "apiVersion" for the
  // fast scanner ("\xEF\xBB\xBF" + "apiVersion"), so it says kNoResource and the object is
  // lost without any error; yaml-cpp reads it as an object (offsets shifted by the BOM).
  const std::string text = "---\n\xEF\xBB\xBF" "apiVersion: extensions/v1beta1\nkind: Ingress\n";
  std::vector<Resource> out;
  ScanError error;
  FastScanOutcome outcome = FastScanDocument(text, Range{0, text.size()}, &out, &error);
  CHECK(Name(outcome) != "kNoResource");
  if (outcome == FastScanOutcome::kResource) {
    REQUIRE(out.size() == 1);
    CHECK(out[0].api_version.range.begin == text.find("extensions"));
  }
}

TEST_CASE("a lone carriage return is a line break for YAML: left to the parser", "[scan][fast]") {
  CHECK(Outcome("apiVersion: v1\rkind: Pod\n") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\nkind: Pod\r") == "kNotUnderstood");
  CHECK(Outcome("apiVersion: v1\r\nkind: Pod\r\n") == "kResource");
}

TEST_CASE("sequences: compact and indented, nested maps, sibling keys after them", "[scan][fast]") {
  Scanned s = Scan(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "      - name: a\n"
      "        ports:\n"
      "          - containerPort: 80\n"
      "            protocol: TCP\n"
      "        args: [\"--x\"]\n"
      "      - name: b\n"
      "      volumes:\n"
      "      -\n"
      "        name: v\n"
      "  replicas: 2\n"
      "metadata:\n"
      "  name: web\n");
  REQUIRE(s.outcome == "kResource");
  CHECK(s.resources[0].name == "web");
  CHECK(s.resources.size() == 1);
}

TEST_CASE("keys with odd but valid characters", "[scan][fast]") {
  Scanned s = Scan("apiVersion: v1\nkind: Pod\na:b: 1\nhttp://x: 2\nkey with blanks: 3\n-x: 4\n");
  CHECK(s.outcome == "kResource");
}

// ---------------------------------------------------------------------------------------------
// Agreement with the full parser

TEST_CASE("FastScanDocument equals ParseDocumentFully on manifests of many styles", "[scan][fast][differential]") {
  const std::vector<std::string> manifests = {
      // 1 minimal
      "apiVersion: v1\nkind: Pod\n",
      // 2 quoted values
      "apiVersion: 'apps/v1'\nkind: \"Deployment\"\nmetadata:\n  name: 'web'\n  namespace: \"prod\"\n",
      // 3 marker and comments
      "--- # doc\n# leading comment\napiVersion: v1   # trailing\nkind: Service # c\nmetadata:\n  name: svc\n",
      // 4 CRLF
      "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: cm\r\ndata:\r\n  a: b\r\n",
      // 5 kind before apiVersion, metadata first
      "metadata:\n  namespace: ns\n  name: n\nkind: Secret\napiVersion: v1\n",
      // 6 deep spec with sequences
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n"
      "    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n"
      "    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n        ports:\n"
      "        - containerPort: 80\n          name: http\n",
      // 7 block scalars with manifests inside
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: embedded\ndata:\n  a.yaml: |\n    apiVersion: extensions/v1beta1\n"
      "    kind: Ingress\n  b.txt: >-\n    folded\n    text\n  c: |+\n    keep\n\n",
      // 8 flow collections
      "apiVersion: v1\nkind: Service\nmetadata: \n  name: s\n  labels: {app: s, tier: \"front,end\"}\nspec:\n"
      "  ports: [{port: 80, targetPort: 8080}, {port: 443}]\n  selector: {app: s}\n",
      // 9 multi-line plain in an annotation
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    description: a long\n      description text\n",
      // 10 multi-line quoted in an annotation
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: \"first line\n      second line\"\n",
      // 11 List, compact items
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: a\n"
      "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n    namespace: c\n",
      // 12 List, indented items, '-' alone
      "apiVersion: v1\nkind: List\nitems:\n  -\n    apiVersion: batch/v1beta1\n    kind: CronJob\n  - apiVersion: v1\n"
      "    kind: Pod\n",
      // 13 typed list
      "apiVersion: apps/v1\nkind: DeploymentList\nmetadata:\n  resourceVersion: \"1\"\nitems:\n- apiVersion: apps/v1\n"
      "  kind: Deployment\n  metadata:\n    name: x\n",
      // 14 items in a non-List
      "apiVersion: v1\nkind: Pod\nitems:\n- apiVersion: v1\n  kind: Secret\n",
      // 15 List with an item without kind
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n- apiVersion: v1\n  kind: Pod\n",
      // 16 tabs as separators
      "apiVersion:\tv1\nkind:\t\tPod\nmetadata:\n  name:\tp\t# c\n",
      // 17 unicode values
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xC3\xA9\ndata:\n  emoji: \"\xF0\x9F\x98\x80\"\n",
      // 18 blank lines everywhere
      "\n\napiVersion: v1\n\nkind: Pod\n\n\nmetadata:\n\n  name: p\n\n",
      // 19 end marker
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n...\n# trailing comment\n",
      // 20 numbers and booleans as names
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 12345\n  namespace: true\n",
      // 21 plain values with inner '#', ':' and quotes
      "apiVersion: example.com/v1#x\nkind: Kind:Odd\nmetadata:\n  name: it's\n  namespace: a\"b\n",
      // 22 CRD with schema holding apiVersion/kind properties
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.acme.io\n"
      "spec:\n  versions:\n  - name: v1\n    schema:\n      openAPIV3Schema:\n        properties:\n"
      "          apiVersion:\n            type: string\n          kind:\n            type: string\n",
      // 23 HPA with scaleTargetRef
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef:\n"
      "    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n",
      // 24 sequence of sequences and block scalars in entries
      "apiVersion: v1\nkind: Pod\nspec:\n  args:\n  - |\n    script\n  - >-\n    folded\n  - [a, b]\n  - {c: d}\n",
      // 25 single-quoted with inner quotes in non-tracked fields
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: 'it''s'\n    b: \"say \\\"hi\\\"\"\n",
      // 26 empty values
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\nspec:\nstatus: {}\n",
      // 27 deep indentation steps of 4 and 1
      "apiVersion: v1\nkind: Pod\nmetadata:\n    name: four\n    labels:\n     a: one\nspec:\n containers:\n - name: c\n",
      // 28 namespace only, quoted empty name
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ''\n  namespace: only\n",
      // 29 Source comment and document marker
      "---\n# Source: chart/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: chart-svc\n",
      // 30 List items with nested metadata that must not leak
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n"
      "      metadata:\n        name: inner\n  metadata:\n    name: outer\n",
      // 31 keys with trailing blanks before the colon
      "apiVersion : v1\nkind  : Pod\nmetadata :\n  name : p\n",
      // 32 BOM-less document with comments between keys and after the last line, no final newline
      "apiVersion: v1\n# between\nkind: Pod\nmetadata:\n  # inside\n  name: p # end",
  };
  int index = 0;
  for (const std::string& text : manifests) {
    ++index;
    INFO("manifest " << index << ":\n" << text);
    const Range range{0, text.size()};
    std::vector<Resource> fast;
    FastScanOutcome outcome = FastScanDocument(text, range, &fast);
    CHECK(Name(outcome) == "kResource");
    FullParseResult full = ParseDocumentFully(text, range);
    REQUIRE_FALSE(full.error.has_value());
    CHECK_FALSE(full.empty);
    REQUIRE(full.resources.size() == fast.size());
    for (size_t i = 0; i < fast.size(); ++i) {
      INFO("resource " << i);
      CHECK(Disagreement(full.resources[i], fast[i]) == "");
    }
  }
}

TEST_CASE("FastScanDocument equals ParseDocumentFully on documents without an object", "[scan][fast][differential]") {
  const std::vector<std::string> documents = {
      "a: 1\n",
      "apiVersion: v1\n",
      "kind: Pod\n",
      "metadata:\n  name: x\n",
      "spec:\n  template:\n    apiVersion: v1\n    kind: Pod\n",
  };
  for (const std::string& text : documents) {
    INFO(text);
    std::vector<Resource> fast;
    CHECK(Name(FastScanDocument(text, Range{0, text.size()}, &fast)) == "kNoResource");
    FullParseResult full = ParseDocumentFully(text, Range{0, text.size()});
    CHECK_FALSE(full.error.has_value());
    CHECK(full.resources.empty());
  }
}

TEST_CASE("FastScanDocument agrees with ParseDocumentFully on null metadata values", "[scan][fast][differential]") {
  const std::vector<std::string> documents = {
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: null\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ~\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: null\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ~\n",
  };
  for (const std::string& text : documents) {
    INFO(text);
    std::vector<Resource> fast;
    FastScanOutcome outcome = FastScanDocument(text, Range{0, text.size()}, &fast);
    if (outcome != FastScanOutcome::kResource) continue;  // the parser decides: fine
    FullParseResult full = ParseDocumentFully(text, Range{0, text.size()});
    REQUIRE(full.resources.size() == 1);
    CHECK(Disagreement(full.resources[0], fast[0]) == "");
  }
}

}  // namespace kubeshift
