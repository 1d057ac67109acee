// MaskTemplateActions, MaskedTemplate::OverlapsAction and TemplateGuards (src/yaml/template_mask.cc).
#include <string>
#include <vector>

#include "catch.h"
#include "kubeshift/template_mask.h"

namespace kubeshift {
namespace {

std::string Range_(const TemplateAction& action) {
  return std::to_string(action.range.begin) + "-" + std::to_string(action.range.end);
}

std::string Describe(std::string_view text, size_t offset) {
  MaskedTemplate masked = MaskTemplateActions(text);
  TemplateGuards guards(text, masked.actions);
  return guards.DescribeAt(offset);
}

// The guard of the first occurrence of \a needle in \a text.
std::string GuardOf(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  return Describe(text, at);
}

}  // namespace

TEST_CASE("a text without actions is unchanged", "[template][mask]") {
  const std::string text = "apiVersion: v1\nkind: Pod\n# { { not an action } }\nx: '{'\n";
  MaskedTemplate masked = MaskTemplateActions(text);
  CHECK(masked.text == text);
  CHECK(masked.actions.empty());
  CHECK_FALSE(masked.OverlapsAction(Range{0, text.size()}));
}

TEST_CASE("an action inside other text becomes x's of the same length", "[template][mask]") {
  const std::string text = "name: {{ .Release.Name }}-web\n";
  MaskedTemplate masked = MaskTemplateActions(text);
  CHECK(masked.text == "name: " + std::string(19, 'x') + "-web\n");
  CHECK(masked.text.size() == text.size());
  REQUIRE(masked.actions.size() == 1);
  CHECK(Range_(masked.actions[0]) == "6-25");
  CHECK(masked.actions[0].keyword == "");
  CHECK(masked.actions[0].body == ".Release.Name");
}

TEST_CASE("a line holding only actions becomes a comment", "[template][mask]") {
  SECTION("one action per line") {
    const std::string text = "{{- if .Values.x }}\nkind: Pod\n{{- end }}\n";
    MaskedTemplate masked = MaskTemplateActions(text);
    CHECK(masked.text == "#" + std::string(18, ' ') + "\nkind: Pod\n#" + std::string(9, ' ') + "\n");
    REQUIRE(masked.actions.size() == 2);
    CHECK(Range_(masked.actions[0]) == "0-19");
    CHECK(Range_(masked.actions[1]) == "30-40");
  }
  SECTION("indented, several actions, blanks between them") {
    const std::string text = "  {{ end }}\n{{ if a }}{{ end }}\n{{ if a }} {{ end }}\t\n";
    MaskedTemplate masked = MaskTemplateActions(text);
    CHECK(masked.text == "  #        \n#" + std::string(18, ' ') + "\n#" + std::string(19, ' ') + "\t\n");
  }
  SECTION("CRLF: the carriage return stays") {
    MaskedTemplate masked = MaskTemplateActions("{{ end }}\r\nx: 1\r\n");
    CHECK(masked.text == "#        \r\nx: 1\r\n");
  }
}

TEST_CASE("line breaks inside an action are kept", "[template][mask]") {
  SECTION("a comment over two lines") {
    const std::string text = "a: 1\n{{- /* a\ncomment */ -}}\nb: 2\n";
    MaskedTemplate masked = MaskTemplateActions(text);
    CHECK(masked.text == "a: 1\n#       \n#" + std::string(13, ' ') + "\nb: 2\n");
    REQUIRE(masked.actions.size() == 1);
    CHECK(Range_(masked.actions[0]) == "5-28");
    CHECK(masked.actions[0].keyword == "");
  }
  SECTION("an inline action that goes on on the next line") {
    const std::string text = "a: {{ .x\n  | quote }}\nb: 2\n";
    MaskedTemplate masked = MaskTemplateActions(text);
    CHECK(masked.text == "a: xxxxx\n#" + std::string(11, ' ') + "\nb: 2\n");
    CHECK(masked.text.size() == text.size());
  }
}

TEST_CASE("'}}' inside strings, raw strings, characters and comments does not close an action", "[template][mask]") {
  struct Case {
    std::string text;
    std::string range;
  };
  for (const Case& c : std::vector<Case>{
           {"a: {{ printf \"}}\" }}\n", "3-20"},
           {"a: {{ `}}` }}\n", "3-13"},
           {"a: {{ `x\n}}` }}\n", "3-15"},
           {"{{/* }} */}}\n", "0-12"},
           {"{{- /* }} */ -}}\n", "0-16"},
           {"{{ if eq .x '}' }}\n", "0-18"},
           {"{{ \"a\\\"}}\" }}\n", "0-13"},
       }) {
    INFO(c.text);
    MaskedTemplate masked = MaskTemplateActions(c.text);
    REQUIRE(masked.actions.size() == 1);
    CHECK(Range_(masked.actions[0]) == c.range);
    CHECK(masked.text.size() == c.text.size());
  }
}

TEST_CASE("keywords and bodies of actions, trimming markers removed", "[template][mask]") {
  const std::string text =
      "{{- if .Values.x -}}\n"
      "{{ else if .b }}\n"
      "{{- end -}}\n"
      "{{/* c */}}\n"
      "{{ $x := 1 }}\n"
      "{{ include \"x\" . }}\n"
      "{{- range $k, $v := .Values.m }}\n"
      "{{ with.x }}\n";
  MaskedTemplate masked = MaskTemplateActions(text);
  REQUIRE(masked.actions.size() == 8);
  CHECK(masked.actions[0].keyword == "if");
  CHECK(masked.actions[0].body == ".Values.x");
  CHECK(masked.actions[1].keyword == "else");
  CHECK(masked.actions[1].body == "if .b");
  CHECK(masked.actions[2].keyword == "end");
  CHECK(masked.actions[2].body == "");
  CHECK(masked.actions[3].keyword == "");
  CHECK(masked.actions[3].body == "");
  CHECK(masked.actions[4].keyword == "");
  CHECK(masked.actions[4].body == "$x := 1");
  CHECK(masked.actions[5].keyword == "include");
  CHECK(masked.actions[5].body == "\"x\" .");
  CHECK(masked.actions[6].keyword == "range");
  CHECK(masked.actions[6].body == "$k, $v := .Values.m");
  CHECK(masked.actions[7].keyword == "with");
  CHECK(masked.actions[7].body == ".x");
}

TEST_CASE("an unterminated action runs to the end of the text", "[template][mask]") {
  SECTION("plain") {
    const std::string text = "a: {{ .x\nb: 1\n";
    MaskedTemplate masked = MaskTemplateActions(text);
    REQUIRE(masked.actions.size() == 1);
    CHECK(Range_(masked.actions[0]) == "3-14");
    CHECK(masked.text == "a: xxxxx\n#   \n");
  }
  SECTION("in a string, a raw string, a comment") {
    for (std::string text : {"x: {{ \"abc\n", "x: {{ `abc\n", "x: {{/* abc\n"}) {
      INFO(text);
      MaskedTemplate masked = MaskTemplateActions(text);
      REQUIRE(masked.actions.size() == 1);
      CHECK(masked.actions[0].range.end == text.size());
      CHECK(masked.text.size() == text.size());
      CHECK(masked.text.back() == '\n');
    }
  }
  SECTION("a lone '{{' at the very end") {
    MaskedTemplate masked = MaskTemplateActions("a: {{");
    REQUIRE(masked.actions.size() == 1);
    CHECK(Range_(masked.actions[0]) == "3-5");
    CHECK(masked.text == "a: xx");
  }
}

TEST_CASE("consecutive actions and text between them", "[template][mask]") {
  const std::string text = "image: \"{{ .Values.repo }}:{{ .Values.tag }}\"\n";
  MaskedTemplate masked = MaskTemplateActions(text);
  REQUIRE(masked.actions.size() == 2);
  CHECK(masked.text == "image: \"" + std::string(18, 'x') + ":" + std::string(17, 'x') + "\"\n");
}

TEST_CASE("OverlapsAction", "[template][mask]") {
  const std::string text = "name: {{ .Release.Name }}-web\n";  // action 6-25
  MaskedTemplate masked = MaskTemplateActions(text);
  CHECK_FALSE(masked.OverlapsAction(Range{0, 6}));
  CHECK(masked.OverlapsAction(Range{0, 7}));
  CHECK(masked.OverlapsAction(Range{24, 30}));
  CHECK_FALSE(masked.OverlapsAction(Range{25, 30}));
  CHECK(masked.OverlapsAction(Range{0, 30}));
  // An empty range overlaps when its offset is inside the action.
  CHECK(masked.OverlapsAction(Range{6, 6}));
  CHECK(masked.OverlapsAction(Range{10, 10}));
  CHECK_FALSE(masked.OverlapsAction(Range{5, 5}));
  CHECK_FALSE(masked.OverlapsAction(Range{25, 25}));
  // Between two actions.
  MaskedTemplate two = MaskTemplateActions("{{ a }} b {{ c }}");  // 0-7, 10-17
  CHECK_FALSE(two.OverlapsAction(Range{7, 10}));
  CHECK(two.OverlapsAction(Range{7, 11}));
  CHECK(two.OverlapsAction(Range{6, 8}));
}

// ---------------------------------------------------------------------------------------------
// TemplateGuards

TEST_CASE("DescribeAt: if and else, with the line of the if", "[template][guards]") {
  const std::string text =
      "apiVersion: v1\n"             // 1
      "kind: Service\n"              // 2
      "{{ if .Values.x }}\n"         // 3
      "a: inside\n"                  // 4
      "{{ else }}\n"                 // 5
      "b: else\n"                    // 6
      "{{ end }}\n"                  // 7
      "c: after\n";                  // 8
  CHECK(GuardOf(text, "apiVersion") == "");
  CHECK(GuardOf(text, "a: inside") == "inside {{ if .Values.x }} (line 3)");
  CHECK(GuardOf(text, "b: else") == "in the {{ else }} branch of {{ if .Values.x }} (line 3)");
  CHECK(GuardOf(text, "c: after") == "");
  // The guard starts right after the action that opens it.
  const size_t if_end = text.find("{{ if") + 18;
  CHECK(Describe(text, if_end - 1) == "");
  CHECK(Describe(text, if_end) == "inside {{ if .Values.x }} (line 3)");
  CHECK(Describe(text, text.find("{{ else")) == "inside {{ if .Values.x }} (line 3)");
  CHECK(Describe(text, text.size()) == "");
  CHECK(Describe(text, 100000) == "");
}

TEST_CASE("DescribeAt: else if chains", "[template][guards]") {
  const std::string text =
      "{{- if .Values.a }}\n"
      "x: 1\n"
      "{{- else if .Values.b }}\n"
      "y: 2\n"
      "{{- else }}\n"
      "z: 3\n"
      "{{- end }}\n"
      "w: 4\n";
  CHECK(GuardOf(text, "x: 1") == "inside {{ if .Values.a }} (line 1)");
  CHECK(GuardOf(text, "y: 2") == "inside {{ else if .Values.b }} (line 3)");
  CHECK(GuardOf(text, "z: 3") == "in the {{ else }} branch of {{ else if .Values.b }} (line 3)");
  CHECK(GuardOf(text, "w: 4") == "");
}

TEST_CASE("DescribeAt: with, range, define, block", "[template][guards]") {
  CHECK(GuardOf("{{ with .Values.ingress }}\nk: v\n{{ else }}\nn: o\n{{ end }}\n", "k: v") ==
        "inside {{ with .Values.ingress }} (line 1)");
  CHECK(GuardOf("{{ with .Values.ingress }}\nk: v\n{{ else }}\nn: o\n{{ end }}\n", "n: o") ==
        "in the {{ else }} branch of {{ with .Values.ingress }} (line 1)");
  CHECK(GuardOf("a: 1\n{{- range $name, $svc := .Values.services }}\n- x\n{{- end }}\n", "- x") ==
        "inside {{ range $name, $svc := .Values.services }} (line 2)");
  CHECK(GuardOf("{{- define \"chart.labels\" -}}\napp: x\n{{- end }}\n", "app: x") ==
        "inside {{ define \"chart.labels\" }} (line 1)");
  CHECK(GuardOf("{{ block \"main\" . }}\nm: 1\n{{ end }}\n", "m: 1") == "inside {{ block \"main\" . }} (line 1)");
}

TEST_CASE("DescribeAt: the innermost guard of nested blocks", "[template][guards]") {
  const std::string text =
      "{{ if .a }}\n"      // 1
      "{{ with .b }}\n"    // 2
      "x: 1\n"             // 3
      "{{ end }}\n"        // 4
      "y: 2\n"             // 5
      "{{ else }}\n"       // 6
      "{{ range .c }}\n"   // 7
      "r: 1\n"             // 8
      "{{ end }}\n"        // 9
      "e: 1\n"             // 10
      "{{ end }}\n"        // 11
      "z: 3\n";            // 12
  CHECK(GuardOf(text, "x: 1") == "inside {{ with .b }} (line 2)");
  CHECK(GuardOf(text, "y: 2") == "inside {{ if .a }} (line 1)");
  CHECK(GuardOf(text, "r: 1") == "inside {{ range .c }} (line 7)");
  CHECK(GuardOf(text, "e: 1") == "in the {{ else }} branch of {{ if .a }} (line 1)");
  CHECK(GuardOf(text, "z: 3") == "");
}

TEST_CASE("DescribeAt: actions that are not guards change nothing", "[template][guards]") {
  const std::string text = "{{ if .a }}\n{{ include \"x\" . }}\n{{/* if .no */}}\n{{ $v := 1 }}\nx: {{ .v }}\n{{ end }}\n";
  CHECK(GuardOf(text, "x: ") == "inside {{ if .a }} (line 1)");
}

TEST_CASE("DescribeAt: trimming markers, multi-line openers, '}}' in the condition", "[template][guards]") {
  CHECK(GuardOf("{{- if .x -}}\na: 1\n{{- end -}}\n", "a: 1") == "inside {{ if .x }} (line 1)");
  CHECK(GuardOf("a\n{{ if\n  .x }}\nb: 1\n{{ end }}\n", "b: 1") == "inside {{ if .x }} (line 2)");
  CHECK(GuardOf("{{ if eq .x \"}}\" }}\nb: 1\n{{ end }}\n", "b: 1") == "inside {{ if eq .x \"}}\" }} (line 1)");
  CHECK(GuardOf("x\r\n\r\n{{ if .crlf }}\r\nb: 1\r\n{{ end }}\r\n", "b: 1") == "inside {{ if .crlf }} (line 3)");
}

TEST_CASE("DescribeAt: a long condition is cut at 80 bytes", "[template][guards]") {
  const std::string condition = "and .Values.a " + std::string(100, 'b');
  const std::string text = "{{ if " + condition + " }}\nx: 1\n{{ end }}\n";
  CHECK(GuardOf(text, "x: 1") == "inside {{ if " + condition.substr(0, 80) + "\u2026 }} (line 1)");
}

TEST_CASE("DescribeAt: unbalanced end and else at the top level are ignored", "[template][guards]") {
  const std::string text = "{{ end }}\na: 1\n{{ else }}\nb: 2\n{{ if .x }}\nc: 3\n";
  CHECK(GuardOf(text, "a: 1") == "");
  CHECK(GuardOf(text, "b: 2") == "");
  CHECK(GuardOf(text, "c: 3") == "inside {{ if .x }} (line 5)");
}

TEST_CASE("DescribeAt without actions", "[template][guards]") {
  TemplateGuards guards("a: 1\n", {});
  CHECK(guards.DescribeAt(0) == "");
  CHECK(guards.DescribeAt(3) == "");
}

}  // namespace kubeshift
