// DocumentEditor (src/convert/document_editor.cc): the edits it makes, applied to the text.
#include <string>

#include "catch.h"
#include "kubeshift/document_editor.h"
#include "kubeshift/edit.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

// InsertEntryAfter on the entry \a after of the root mapping's \a path, applied to \a text.
std::string InsertAfter(const std::string& text, std::initializer_list<std::string_view> path, std::string_view after,
                        std::string_view key, const NewValue& value, bool json = false) {
  YamlDocument document;
  ScanError error;
  REQUIRE(ParseYamlTree(text, Range{0, text.size()}, &document, &error));
  const YamlNode* map = path.size() ? document.root.Path(path) : &document.root;
  REQUIRE(map);
  DocumentEditor editor(text, document, json);
  editor.InsertEntryAfter(*map, static_cast<size_t>(map->IndexOf(after)), key, value);
  REQUIRE(editor.problems().empty());
  EditSet edits;
  REQUIRE(edits.AddAll(editor.edits()));
  return edits.Apply(text);
}

TEST_CASE("InsertEntryAfter puts the entry after the previous one's own lines", "[document_editor]") {
  const std::string text =
      "spec:\n"
      "  replicas: 2\n"
      "  strategy:\n"
      "    type: Recreate   # why\n"
      "\n"
      "  # the pods\n"
      "  template:\n"
      "    metadata: {}\n";
  CHECK(InsertAfter(text, {"spec"}, "strategy", "revisionHistoryLimit", NewValue::Int(2)) ==
        "spec:\n"
        "  replicas: 2\n"
        "  strategy:\n"
        "    type: Recreate   # why\n"
        "  revisionHistoryLimit: 2\n"
        "\n"
        "  # the pods\n"
        "  template:\n"
        "    metadata: {}\n");
}

TEST_CASE("InsertEntryAfter renders nested values at the entry's indentation", "[document_editor]") {
  const std::string text =
      "items:\n"
      "- spec:\n"
      "    replicas: 1\n"
      "    template: {}\n";
  const NewValue selector = NewValue::Map({{"matchLabels", NewValue::Map({{"app", NewValue::String("a")}})}});
  YamlDocument document;
  ScanError error;
  REQUIRE(ParseYamlTree(text, Range{0, text.size()}, &document, &error));
  const YamlNode& spec = *document.root.Get("items")->values[0].Get("spec");
  DocumentEditor editor(text, document, false);
  editor.InsertEntryAfter(spec, 0, "selector", selector);
  EditSet edits;
  REQUIRE(edits.AddAll(editor.edits()));
  CHECK(edits.Apply(text) ==
        "items:\n"
        "- spec:\n"
        "    replicas: 1\n"
        "    selector:\n"
        "      matchLabels:\n"
        "        app: a\n"
        "    template: {}\n");
}

TEST_CASE("InsertEntryAfter the first key of a sequence item", "[document_editor]") {
  const std::string text =
      "- name: a\n"
      "  image: b\n";
  YamlDocument document;
  ScanError error;
  REQUIRE(ParseYamlTree(text, Range{0, text.size()}, &document, &error));
  DocumentEditor editor(text, document, false);
  editor.InsertEntryAfter(document.root.values[0], 0, "tag", NewValue::String("1.0"));
  EditSet edits;
  REQUIRE(edits.AddAll(editor.edits()));
  CHECK(edits.Apply(text) ==
        "- name: a\n"
        "  tag: \"1.0\"\n"
        "  image: b\n");
}

TEST_CASE("InsertEntryAfter in flow mappings and JSON", "[document_editor]") {
  CHECK(InsertAfter("spec: {replicas: 1, template: {}}\n", {"spec"}, "replicas", "paused", NewValue::Raw("true")) ==
        "spec: {replicas: 1, paused: true, template: {}}\n");
  const std::string json =
      "{\n"
      "  \"replicas\": 1,\n"
      "  \"template\": {}\n"
      "}\n";
  CHECK(InsertAfter(json, {}, "replicas", "selector", NewValue::Map({{"a", NewValue::String("b")}}), true) ==
        "{\n"
        "  \"replicas\": 1,\n"
        "  \"selector\": {\"a\": \"b\"},\n"
        "  \"template\": {}\n"
        "}\n");
}

TEST_CASE("InsertEntryAfter the last entry appends", "[document_editor]") {
  CHECK(InsertAfter("a: 1\nb: 2\n", {}, "b", "c", NewValue::Int(3)) == "a: 1\nb: 2\nc: 3\n");
  CHECK(InsertAfter("a: 1\nb: 2", {}, "b", "c", NewValue::Int(3)) == "a: 1\nb: 2\nc: 3");
}

TEST_CASE("InsertEntryAfter keeps CRLF line ends", "[document_editor]") {
  CHECK(InsertAfter("spec:\r\n  a: 1\r\n  b: 2\r\n", {"spec"}, "a", "x", NewValue::Int(0)) ==
        "spec:\r\n  a: 1\r\n  x: 0\r\n  b: 2\r\n");
}


// ---- Moving subtrees (src/convert/document_editor_moves.cc): NewValue::Verbatim, Fork,
// ---- InsertEntryBefore, RemoveEntries.

struct MoveDoc {
  std::string text;
  YamlDocument document;
  explicit MoveDoc(std::string t) : text(std::move(t)) {
    ScanError error;
    REQUIRE(ParseYamlTree(text, Range{0, text.size()}, &document, &error));
  }
  const YamlNode& At(std::initializer_list<std::string_view> path) const {
    const YamlNode* node = path.size() ? document.root.Path(path) : &document.root;
    REQUIRE(node);
    return *node;
  }
};

std::string ApplyMoves(const MoveDoc& doc, const DocumentEditor& editor) {
  INFO((editor.problems().empty() ? std::string() : editor.problems().front()));
  REQUIRE(editor.problems().empty());
  EditSet edits;
  REQUIRE(edits.AddAll(editor.edits()));
  return edits.Apply(doc.text);
}

TEST_CASE("Verbatim moves a block value with its comments and block scalars, re-indented", "[document_editor]") {
  const MoveDoc doc(
      "spec:\n"
      "  version: v1   # the only one\n"
      "  validation:   # the schema\n"
      "    openAPIV3Schema:\n"
      "      type: object\n"
      "      # a comment inside\n"
      "      description: |\n"
      "        Two\n"
      "        lines\n"
      "  names: {kind: A}\n");
  const YamlNode& spec = doc.At({"spec"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(spec, 0, "versions",
                      NewValue::Sequence({NewValue::Map(
                          {{"name", NewValue::Verbatim(spec, 0)}, {"schema", NewValue::Verbatim(spec, 1)}})}));
  editor.RemoveEntries(spec, {1});
  CHECK(ApplyMoves(doc, editor) ==
        "spec:\n"
        "  versions:\n"
        "    - name: v1   # the only one\n"
        "      schema:   # the schema\n"
        "        openAPIV3Schema:\n"
        "          type: object\n"
        "          # a comment inside\n"
        "          description: |\n"
        "            Two\n"
        "            lines\n"
        "  names: {kind: A}\n");
}

TEST_CASE("Verbatim moves a value up, to less indentation", "[document_editor]") {
  const MoveDoc doc(
      "a:\n"
      "  b:\n"
      "    c:\n"
      "      d: 1   # one\n"
      "\n"
      "      e:\n"
      "        - x\n"
      "z: 0\n");
  DocumentEditor editor(doc.text, doc.document, false);
  editor.AddEntry(doc.document.root, "c", NewValue::Verbatim(doc.At({"a", "b"}), 0));
  editor.RemoveEntries(doc.document.root, {0});
  CHECK(ApplyMoves(doc, editor) ==
        "z: 0\n"
        "c:\n"
        "  d: 1   # one\n"
        "\n"
        "  e:\n"
        "    - x\n");
}

TEST_CASE("Verbatim applies a Fork's edits to the moved text, not to the document", "[document_editor]") {
  const MoveDoc doc(
      "spec:\n"
      "  validation:\n"
      "    openAPIV3Schema:\n"
      "      properties:\n"
      "        a: {type: string}\n"
      "  columns:\n"
      "  - name: A\n"
      "    JSONPath: .a\n"
      "  keep: 1\n");
  const YamlNode& spec = doc.At({"spec"});
  DocumentEditor editor(doc.text, doc.document, false);
  DocumentEditor schema_edits = editor.Fork();
  const YamlNode& root = doc.At({"spec", "validation", "openAPIV3Schema"});
  schema_edits.InsertEntryBefore(root, 0, "type", NewValue::String("object"));
  schema_edits.AddEntry(root, "x-flag", NewValue::Raw("true"));
  DocumentEditor column_edits = editor.Fork();
  column_edits.RenameKey(doc.At({"spec", "columns"}).values[0], 1, "jsonPath");
  REQUIRE(schema_edits.problems().empty());
  CHECK(editor.edits().empty());  // a fork's edits are its own
  editor.AddEntry(spec, "schema", NewValue::Verbatim(spec, 0, schema_edits.edits()));
  editor.ReplaceEntry(spec, 1, "cols", NewValue::Verbatim(spec, 1, column_edits.edits()));
  editor.RemoveEntries(spec, {0});
  CHECK(ApplyMoves(doc, editor) ==
        "spec:\n"
        "  cols:\n"
        "  - name: A\n"
        "    jsonPath: .a\n"
        "  keep: 1\n"
        "  schema:\n"
        "    openAPIV3Schema:\n"
        "      type: object\n"
        "      properties:\n"
        "        a: {type: string}\n"
        "      x-flag: true\n");
}

TEST_CASE("Verbatim refuses inner edits outside the moved value", "[document_editor]") {
  const MoveDoc doc("a:\n  x: 1\nb:\n  y: 2\nc: 3\n");
  DocumentEditor editor(doc.text, doc.document, false);
  DocumentEditor inner = editor.Fork();
  inner.RenameKey(doc.At({"b"}), 0, "z");
  editor.AddEntry(doc.document.root, "moved", NewValue::Verbatim(doc.document.root, 0, inner.edits()));
  REQUIRE(editor.problems().size() == 1);
  CHECK(editor.problems()[0].find("not inside the value moved") != std::string::npos);
}

TEST_CASE("Verbatim keeps CRLF line ends and flow values", "[document_editor]") {
  const MoveDoc doc("spec:\r\n  a:\r\n    b: 1\r\n  f: {x: [1, 2]}   # flow\r\n  c: 2\r\n");
  const YamlNode& spec = doc.At({"spec"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(spec, 2, "moved",
                      NewValue::Map({{"a", NewValue::Verbatim(spec, 0)}, {"f", NewValue::Verbatim(spec, 1)}}));
  editor.RemoveEntries(spec, {0, 1});
  CHECK(ApplyMoves(doc, editor) == "spec:\r\n  moved:\r\n    a:\r\n      b: 1\r\n    f: {x: [1, 2]}   # flow\r\n");
}

TEST_CASE("Verbatim of a JSON value lays the new collections out one entry a line", "[document_editor]") {
  const MoveDoc doc(
      "{\n"
      "    \"spec\": {\n"
      "        \"version\": \"v1\",\n"
      "        \"validation\": {\n"
      "            \"openAPIV3Schema\": {\n"
      "                \"type\": \"object\"\n"
      "            }\n"
      "        }\n"
      "    }\n"
      "}\n");
  const YamlNode& spec = doc.At({"spec"});
  DocumentEditor editor(doc.text, doc.document, true);
  editor.ReplaceEntry(spec, 0, "versions",
                      NewValue::Sequence({NewValue::Map({{"name", NewValue::Verbatim(spec, 0)},
                                                         {"served", NewValue::Raw("true")},
                                                         {"schema", NewValue::Verbatim(spec, 1)}})}));
  editor.RemoveEntries(spec, {1});
  CHECK(ApplyMoves(doc, editor) ==
        "{\n"
        "    \"spec\": {\n"
        "        \"versions\": [\n"
        "            {\n"
        "                \"name\": \"v1\",\n"
        "                \"served\": true,\n"
        "                \"schema\": {\n"
        "                    \"openAPIV3Schema\": {\n"
        "                        \"type\": \"object\"\n"
        "                    }\n"
        "                }\n"
        "            }\n"
        "        ]\n"
        "    }\n"
        "}\n");
}

TEST_CASE("Verbatim of a block value into a flow collection is written anew, without inner edits only",
          "[document_editor]") {
  const MoveDoc doc(
      "spec: {versions: [{name: v1}]}\n"
      "validation:\n"
      "  openAPIV3Schema:\n"
      "    type: object   # lost: flow has no room for comments\n");
  const YamlNode& item = doc.At({"spec", "versions"}).values[0];
  {
    DocumentEditor editor(doc.text, doc.document, false);
    editor.AddEntry(item, "schema", NewValue::Verbatim(doc.document.root, 1));
    editor.RemoveEntries(doc.document.root, {1});
    CHECK(ApplyMoves(doc, editor) == "spec: {versions: [{name: v1, schema: {openAPIV3Schema: {type: object}}}]}\n");
  }
  DocumentEditor editor(doc.text, doc.document, false);
  DocumentEditor inner = editor.Fork();
  inner.AddEntry(doc.At({"validation", "openAPIV3Schema"}), "x", NewValue::Int(1));
  editor.AddEntry(item, "schema", NewValue::Verbatim(doc.document.root, 1, inner.edits()));
  REQUIRE(editor.problems().size() == 1);
  CHECK(editor.problems()[0].find("cannot be moved into a flow collection") != std::string::npos);
}

TEST_CASE("Verbatim into a one-line flow item follows that line's indentation", "[document_editor]") {
  const MoveDoc doc(
      "{\n"
      "  \"versions\": [\n"
      "    {\"name\": \"v1\"}\n"
      "  ],\n"
      "  \"validation\": {\n"
      "    \"type\": \"object\"\n"
      "  }\n"
      "}\n");
  DocumentEditor editor(doc.text, doc.document, true);
  editor.AddEntry(doc.At({"versions"}).values[0], "schema", NewValue::Verbatim(doc.document.root, 1));
  editor.RemoveEntries(doc.document.root, {1});
  CHECK(ApplyMoves(doc, editor) ==
        "{\n"
        "  \"versions\": [\n"
        "    {\"name\": \"v1\", \"schema\": {\n"
        "      \"type\": \"object\"\n"
        "    }}\n"
        "  ]\n"
        "}\n");
}

std::string InsertBefore(const std::string& text, std::initializer_list<std::string_view> path, size_t index,
                         std::string_view key, const NewValue& value, bool json = false) {
  const MoveDoc doc(text);
  const YamlNode& map = doc.At(path);
  DocumentEditor editor(doc.text, doc.document, json);
  editor.InsertEntryBefore(map.IsSequence() ? map.values[0] : map, index, key, value);
  return ApplyMoves(doc, editor);
}

TEST_CASE("InsertEntryBefore in block, flow and JSON mappings", "[document_editor]") {
  CHECK(InsertBefore("a: 1\n# about b\nb: 2\n", {}, 1, "c", NewValue::Int(3)) == "a: 1\n# about b\nc: 3\nb: 2\n");
  CHECK(InsertBefore("s:\n  a: 1\n", {"s"}, 0, "t", NewValue::String("object")) == "s:\n  t: object\n  a: 1\n");
  CHECK(InsertBefore("l:\n- name: a\n  image: b\n", {"l"}, 0, "tag", NewValue::String("x")) ==
        "l:\n- tag: x\n  name: a\n  image: b\n");
  CHECK(InsertBefore("m: {a: 1, b: 2}\n", {"m"}, 0, "c", NewValue::Int(3)) == "m: {c: 3, a: 1, b: 2}\n");
  CHECK(InsertBefore("{\n  \"a\": 1\n}\n", {}, 0, "c", NewValue::Int(3), true) == "{\n  \"c\": 3,\n  \"a\": 1\n}\n");
  CHECK(InsertBefore("a: 1\n", {}, 5, "b", NewValue::Int(2)) == "a: 1\nb: 2\n");  // past the end: appended
}

std::string Remove(const std::string& text, std::initializer_list<std::string_view> path, std::vector<size_t> indices) {
  const MoveDoc doc(text);
  const YamlNode& node = doc.At(path);
  DocumentEditor editor(doc.text, doc.document, text[0] == '{');
  editor.RemoveEntries(node.IsSequence() ? node.values[0] : node, std::move(indices));
  return ApplyMoves(doc, editor);
}

TEST_CASE("RemoveEntries removes neighbours in flow mappings without overlapping edits", "[document_editor]") {
  CHECK(Remove("m: {a: 1, b: 2, c: 3}\n", {"m"}, {1, 2}) == "m: {a: 1}\n");
  CHECK(Remove("m: {a: 1, b: 2, c: 3, d: 4}\n", {"m"}, {3, 0, 2}) == "m: {b: 2}\n");
  CHECK(Remove("{\n  \"a\": 1,\n  \"b\": [2],\n  \"c\": {}\n}\n", {}, {1, 2}) == "{\n  \"a\": 1\n}\n");
}

TEST_CASE("RemoveEntries in block mappings, a leading run on a '- ' line included", "[document_editor]") {
  CHECK(Remove("a: 1\nb:\n  x: 1\nc: 3\n", {}, {0, 1}) == "c: 3\n");
  CHECK(Remove("a: 1\nb: 2\n", {}, {1}) == "a: 1\n");  // the last key at column 0
  CHECK(Remove("l:\n- a: 1\n  b: 2\n  c: 3\n", {"l"}, {0, 1}) == "l:\n- c: 3\n");
  CHECK(Remove("l:\n- a: 1\n  b: 2\n  c: 3\n", {"l"}, {0, 2}) == "l:\n- b: 2\n");
}

TEST_CASE("RemoveEntries refuses to empty a mapping", "[document_editor]") {
  const MoveDoc doc("m: {a: 1, b: 2}\n");
  DocumentEditor editor(doc.text, doc.document, false);
  editor.RemoveEntries(doc.At({"m"}), {0, 1});
  CHECK(editor.edits().empty());
  REQUIRE(editor.problems().size() == 1);
  CHECK(editor.problems()[0].find("would leave it empty") != std::string::npos);
}

// ---- ReplaceEntry keeps the comment of the replaced key's line; HoistEntries.

// ReplaceEntry of entry \a index of the mapping at \a path by \a entries.
std::string Replace(const std::string& text, std::initializer_list<std::string_view> path, size_t index,
                    const std::vector<std::pair<std::string, NewValue>>& entries) {
  const MoveDoc doc(text);
  const YamlNode& node = doc.At(path);
  DocumentEditor editor(doc.text, doc.document, text[0] == '{');
  editor.ReplaceEntry(node.IsSequence() ? node.values[0] : node, index, entries);
  return ApplyMoves(doc, editor);
}

TEST_CASE("ReplaceEntry ends the first new line with the old key line's comment", "[document_editor]") {
  CHECK(Replace("b:\n  serviceName: web   # the frontend\n  x: 1\n", {"b"}, 0,
                {{"service", NewValue::Map({{"name", NewValue::String("web")}})}}) ==
        "b:\n  service:   # the frontend\n    name: web\n  x: 1\n");
  // A null value, written or not, and a flow value on the key's line.
  CHECK(Replace("a: ~  # unset\nb: 1\n", {}, 0, {{"a", NewValue::Int(2)}}) == "a: 2  # unset\nb: 1\n");
  CHECK(Replace("a:   # unset\nb: 1\n", {}, 0, {{"a", NewValue::Int(2)}}) == "a: 2   # unset\nb: 1\n");
  CHECK(Replace("a: {x: 1} # m\nb: 1\n", {}, 0, {{"c", NewValue::Int(2)}}) == "c: 2 # m\nb: 1\n");
  // The first key of a "- " item, and CRLF.
  CHECK(Replace("l:\n- a: 1 # one\n  b: 2\n", {"l"}, 0, {{"c", NewValue::Map({{"d", NewValue::Int(1)}})}}) ==
        "l:\n- c: # one\n    d: 1\n  b: 2\n");
  CHECK(Replace("a: 1 # one\r\nb: 2\r\n", {}, 0, {{"c", NewValue::Int(3)}}) == "c: 3 # one\r\nb: 2\r\n");
  // No comment: nothing added; a '#' inside a quoted value is not a comment.
  CHECK(Replace("a: \"x # y\"\nb: 1\n", {}, 0, {{"c", NewValue::Int(3)}}) == "c: 3\nb: 1\n");
}

TEST_CASE("ReplaceEntry leaves the comment to the moved value that carries it", "[document_editor]") {
  const MoveDoc doc("b:\n  serviceName: web   # the frontend\n  servicePort: 80 # http\n");
  const YamlNode& b = doc.At({"b"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(b, 0, "service",
                      NewValue::Map({{"name", NewValue::Verbatim(b, 0)},
                                     {"port", NewValue::Map({{"number", NewValue::Verbatim(b, 1)}})}}));
  editor.RemoveEntries(b, {1});
  CHECK(ApplyMoves(doc, editor) ==
        "b:\n  service:\n    name: web   # the frontend\n    port:\n      number: 80 # http\n");
}

TEST_CASE("ReplaceEntry puts the comment above when the first new line has one", "[document_editor]") {
  const MoveDoc doc("spec:   # the spec\n  handler: runc # the runtime\nkind: X\n");
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(doc.document.root, 0, "handler", NewValue::Verbatim(doc.At({"spec"}), 0));
  CHECK(ApplyMoves(doc, editor) == "# the spec\nhandler: runc # the runtime\nkind: X\n");
}

TEST_CASE("ReplaceEntry by several entries in block, flow and JSON mappings", "[document_editor]") {
  const std::vector<std::pair<std::string, NewValue>> two = {{"p", NewValue::Int(1)}, {"q", NewValue::Int(2)}};
  CHECK(Replace("a: 0\nb: 3\n", {}, 0, two) == "p: 1\nq: 2\nb: 3\n");
  CHECK(Replace("m: {a: 0, b: 3}\n", {"m"}, 0, two) == "m: {p: 1, q: 2, b: 3}\n");
  CHECK(Replace("{\n  \"a\": 0,\n  \"b\": 3\n}\n", {}, 0, two) == "{\n  \"p\": 1,\n  \"q\": 2,\n  \"b\": 3\n}\n");
}

TEST_CASE("VerbatimWithComments takes the comment lines above the key along", "[document_editor]") {
  const MoveDoc doc(
      "m:\n"
      "  a: 1\n"
      "  # about b\n"
      "  # more\n"
      "  b: 2   # two\n"
      "  c: 3\n");
  const YamlNode& m = doc.At({"m"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(m, 0, "new",
                      NewValue::Map({{"a", NewValue::Verbatim(m, 0)}, {"b", NewValue::VerbatimWithComments(m, 1)}}));
  editor.RemoveEntries(m, {1}, true);
  CHECK(ApplyMoves(doc, editor) ==
        "m:\n"
        "  new:\n"
        "    a: 1\n"
        "    # about b\n"
        "    # more\n"
        "    b: 2   # two\n"
        "  c: 3\n");
}

TEST_CASE("VerbatimWithComments leaves the lines of the entry above alone", "[document_editor]") {
  // A block scalar's "# …" lines and a comment indented into the value above are not b's.
  const MoveDoc doc(
      "m:\n"
      "  a: 1\n"
      "  s: |\n"
      "    # not a comment\n"
      "  b: 2\n"
      "  c:\n"
      "    x: 1\n"
      "    # about x\n"
      "  d: 4\n");
  const YamlNode& m = doc.At({"m"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(m, 0, "new",
                      NewValue::Map({{"a", NewValue::Verbatim(m, 0)},
                                     {"b", NewValue::VerbatimWithComments(m, 2)},
                                     {"d", NewValue::VerbatimWithComments(m, 4)}}));
  editor.RemoveEntries(m, {2, 4}, true);
  CHECK(ApplyMoves(doc, editor) ==
        "m:\n"
        "  new:\n"
        "    a: 1\n"
        "    b: 2\n"
        "    d: 4\n"
        "  s: |\n"
        "    # not a comment\n"
        "  c:\n"
        "    x: 1\n"
        "    # about x\n");
}

std::string Hoist(const std::string& text, std::initializer_list<std::string_view> path, size_t index,
                  std::string* problem = nullptr) {
  const MoveDoc doc(text);
  const YamlNode& node = doc.At(path);
  DocumentEditor editor(doc.text, doc.document, text[0] == '{');
  editor.HoistEntries(node.IsSequence() ? node.values[0] : node, index);
  if (problem) {
    *problem = editor.problems().empty() ? "" : editor.problems().front();
    return text;
  }
  return ApplyMoves(doc, editor);
}

TEST_CASE("HoistEntries shifts a block mapping's lines into the entry's place", "[document_editor]") {
  CHECK(Hoist("d:\n- name: a\n  basic:   # the device\n    attrs:\n      x: 1   # one\n\n    # capacity\n"
              "    cap: |\n      two\n      lines\n  more: 1\n",
              {"d"}, 1) ==
        "d:\n- name: a\n  # the device\n  attrs:\n    x: 1   # one\n\n  # capacity\n  cap: |\n    two\n    lines\n"
        "  more: 1\n");
  // The first key of a "- " item: the first entry takes the "- " line, or the comment does.
  CHECK(Hoist("d:\n- basic:\n    a: 1\n    b: 2\n  name: x\n", {"d"}, 0) == "d:\n- a: 1\n  b: 2\n  name: x\n");
  CHECK(Hoist("d:\n- basic: # c\n    a: 1\n  name: x\n", {"d"}, 0) == "d:\n- # c\n  a: 1\n  name: x\n");
  CHECK(Hoist("basic:\r\n    a: 1\r\n    b: 2\r\n", {}, 0) == "a: 1\r\nb: 2\r\n");
}

TEST_CASE("HoistEntries in flow mappings and JSON moves each value", "[document_editor]") {
  CHECK(Hoist("d: {name: a, basic: {p: 1, q: [2]}}\n", {"d"}, 1) == "d: {name: a, p: 1, q: [2]}\n");
  CHECK(Hoist("d:\n  basic: {p: 1, q: 2}\n", {"d"}, 0) == "d:\n  p: 1\n  q: 2\n");
  CHECK(Hoist("{\n  \"name\": \"a\",\n  \"basic\": {\n    \"p\": 1,\n    \"q\": {\n      \"z\": 2\n    }\n  }\n}\n",
              {}, 1) ==
        "{\n  \"name\": \"a\",\n  \"p\": 1,\n  \"q\": {\n    \"z\": 2\n  }\n}\n");
}

TEST_CASE("HoistEntries refuses what it cannot hoist", "[document_editor]") {
  std::string problem;
  Hoist("a: {}\nb: 1\n", {}, 0, &problem);
  CHECK(problem.find("not a non-empty mapping") != std::string::npos);
  Hoist("a: &x\n  c: 1\nb: 1\n", {}, 0, &problem);
  CHECK(problem.find("holds more than the key") != std::string::npos);
}

// ReplaceScalar on the scalar at \a path of the root mapping, applied to \a text.
std::string ReplaceScalarAt(const std::string& text, std::initializer_list<std::string_view> path,
                            const NewValue& value, bool json = false, std::string* problem = nullptr) {
  YamlDocument document;
  ScanError error;
  REQUIRE(ParseYamlTree(text, Range{0, text.size()}, &document, &error));
  const YamlNode* scalar = document.root.Path(path);
  REQUIRE(scalar);
  DocumentEditor editor(text, document, json);
  editor.ReplaceScalar(*scalar, value);
  if (problem) *problem = editor.problems().empty() ? "" : editor.problems().front();
  EditSet edits;
  REQUIRE(edits.AddAll(editor.edits()));
  return edits.Apply(text);
}

TEST_CASE("ReplaceScalar replaces only the scalar's bytes, quotes included", "[document_editor]") {
  CHECK(ReplaceScalarAt("a:\n  b: 0   # why\n", {"a", "b"}, NewValue::Int(30)) == "a:\n  b: 30   # why\n");
  CHECK(ReplaceScalarAt("a: {b: \"0\", c: 1}\n", {"a", "b"}, NewValue::Int(30)) == "a: {b: 30, c: 1}\n");
  CHECK(ReplaceScalarAt("a: 'x'\n", {"a"}, NewValue::String("y z")) == "a: y z\n");
  // Strings are quoted as a flow collection needs, so that they fit anywhere.
  CHECK(ReplaceScalarAt("a: x\n", {"a"}, NewValue::String("b, c")) == "a: \"b, c\"\n");
  CHECK(ReplaceScalarAt("a: x\n", {"a"}, NewValue::String("30")) == "a: \"30\"\n");
  CHECK(ReplaceScalarAt("{\"a\": 0}", {"a"}, NewValue::String("x"), true) == "{\"a\": \"x\"}");
}

TEST_CASE("ReplaceScalar refuses what it cannot replace in place", "[document_editor]") {
  std::string problem;
  const std::string folded = "a: >\n  two\n  lines\n";
  CHECK(ReplaceScalarAt(folded, {"a"}, NewValue::Int(1), false, &problem) == folded);
  CHECK(problem.find("cannot be replaced in place") != std::string::npos);
  const std::string scalar = "a: 1\n";
  CHECK(ReplaceScalarAt(scalar, {"a"}, NewValue::Map(), false, &problem) == scalar);
  CHECK(problem.find("cannot be replaced in place") != std::string::npos);
}

// ---- A null inside a flow collection: the word, or an empty range where nothing is written.

// The own bytes of the null value of \a key in the flow mapping at \a path.
std::string NullBytes(const std::string& text, std::initializer_list<std::string_view> path, std::string_view key,
                      Range* range = nullptr) {
  const MoveDoc doc(text);
  const YamlNode* value = doc.At(path).Get(key);
  REQUIRE(value);
  REQUIRE(value->IsNull());
  if (range) *range = value->raw;
  if (value->style == ScalarStyle::kOther) return "<unknown>";
  return text.substr(value->raw.begin, value->raw.size());
}

TEST_CASE("a null in a flow mapping has bytes of its own", "[document_editor]") {
  Range range;
  CHECK(NullBytes("m: {a: null, b: 1}\n", {"m"}, "a") == "null");
  CHECK(NullBytes("m: {a: ~ , b: 1}\n", {"m"}, "a") == "~");
  CHECK(NullBytes("{\"a\": null}", {}, "a") == "null");
  // Nothing written: the empty range after the colon and the blanks after it on its line.
  CHECK(NullBytes("m: {a: , b: 1}\n", {"m"}, "a", &range).empty());
  CHECK(range.begin == 7);
  CHECK(NullBytes("m: {a:, b: 1}\n", {"m"}, "a", &range).empty());
  CHECK(range.begin == 6);
  CHECK(NullBytes("m: {b: 1, a:   }\n", {"m"}, "a", &range).empty());
  CHECK(range.begin == 15);
  CHECK(NullBytes("m: {a:\n  # why\n  , b: 1}\n", {"m"}, "a", &range).empty());
  CHECK(range.begin == 6);
  CHECK(NullBytes("m: {a, b: 1}\n", {"m"}, "a", &range).empty());  // a key without a colon
  CHECK(range.begin == 5);
  // An anchor or a tag is more than a null: no range.
  CHECK(NullBytes("m: {a: &x , b: 1}\n", {"m"}, "a") == "<unknown>");
  // Block mappings keep their own way (their edits work on lines).
  CHECK(NullBytes("m:\n  a: ~\n", {"m"}, "a") == "<unknown>");
}

TEST_CASE("ReplaceEntry replaces a null in a flow mapping, written or not", "[document_editor]") {
  const std::vector<std::pair<std::string, NewValue>> deny = {{"action", NewValue::String("Deny")}};
  CHECK(Replace("p: {name: x, action: null}\n", {"p"}, 1, deny) == "p: {name: x, action: Deny}\n");
  CHECK(Replace("p: {action: ~, name: x}\n", {"p"}, 0, deny) == "p: {action: Deny, name: x}\n");
  CHECK(Replace("p: {action: , name: x}\n", {"p"}, 0, deny) == "p: {action: Deny, name: x}\n");
  CHECK(Replace("p: {action:, name: x}\n", {"p"}, 0, deny) == "p: {action: Deny, name: x}\n");
  CHECK(Replace("p: {name: x, action: }\n", {"p"}, 1, deny) == "p: {name: x, action: Deny}\n");
  CHECK(Replace("p: {name: x, action}\n", {"p"}, 1, deny) == "p: {name: x, action: Deny}\n");
  CHECK(Replace("p: {action:\n    , name: x}\n", {"p"}, 0, deny) == "p: {action: Deny\n    , name: x}\n");
  CHECK(Replace("{\n  \"name\": \"x\",\n  \"action\": null\n}\n", {}, 1, deny) ==
        "{\n  \"name\": \"x\",\n  \"action\": \"Deny\"\n}\n");
}

TEST_CASE("ReplaceEntry still refuses a null it cannot delimit", "[document_editor]") {
  const MoveDoc doc("p: {action: &x , name: x}\n");
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(doc.At({"p"}), 0, "action", NewValue::String("Deny"));
  CHECK(editor.edits().empty());
  REQUIRE(editor.problems().size() == 1);
  CHECK(editor.problems()[0].find("cannot find where 'action' ends") != std::string::npos);
}

TEST_CASE("AddEntry, AddItem and RemoveEntries after a null at the end of a flow collection",
          "[document_editor]") {
  {
    const MoveDoc doc("m: {a: 1, b: }\n");
    DocumentEditor editor(doc.text, doc.document, false);
    editor.AddEntry(doc.At({"m"}), "c", NewValue::Int(2));
    CHECK(ApplyMoves(doc, editor) == "m: {a: 1, b: , c: 2}\n");
  }
  {
    const MoveDoc doc("m: {a: 1, b: ~}\n");
    DocumentEditor editor(doc.text, doc.document, false);
    editor.AddEntry(doc.At({"m"}), "c", NewValue::Int(2));
    CHECK(ApplyMoves(doc, editor) == "m: {a: 1, b: ~, c: 2}\n");
  }
  {
    const MoveDoc doc("l: [a, ~]\n");
    DocumentEditor editor(doc.text, doc.document, false);
    editor.AddItem(doc.At({"l"}), NewValue::String("b"));
    CHECK(ApplyMoves(doc, editor) == "l: [a, ~, b]\n");
  }
  CHECK(Remove("m: {a: 1, b: ~, c: }\n", {"m"}, {1, 2}) == "m: {a: 1}\n");
  CHECK(Remove("m: {a: , b: 2}\n", {"m"}, {1}) == "m: {a: }\n");
}

TEST_CASE("Verbatim of a null in a flow mapping", "[document_editor]") {
  // The word goes as it is; a null written as nothing is written as null.
  const MoveDoc doc("m: {a: ~, b: , c: 1}\n");
  const YamlNode& m = doc.At({"m"});
  DocumentEditor editor(doc.text, doc.document, false);
  editor.ReplaceEntry(doc.document.root, 0, "moved",
                      NewValue::Map({{"word", NewValue::Verbatim(m, 0)}, {"nothing", NewValue::Verbatim(m, 1)}}));
  CHECK(ApplyMoves(doc, editor) == "moved:\n  word: ~\n  nothing: null\n");
}

}  // namespace
}  // namespace kubeshift
