// kubeshift — structural edits on a YAML or JSON document, expressed as byte-range Edits that
// follow the style of the surrounding text (indentation, sequence style, quoting, JSON-ness).
#ifndef KUBESHIFT_DOCUMENT_EDITOR_H_
#define KUBESHIFT_DOCUMENT_EDITOR_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kubeshift/edit.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {

/// A value to write: a scalar already in YAML form, a mapping, a sequence, or a copy of an
/// existing node of the document.
struct NewValue {
  enum class Kind { kScalar, kMap, kSequence, kCopy, kVerbatim };
  Kind kind = Kind::kScalar;
  std::string scalar;  ///< a string (is_string) or the YAML text of another scalar: `80`, `null`
  bool is_string = false;  ///< quoted when YAML (or JSON) needs it
  std::vector<std::pair<std::string, NewValue>> entries;
  std::vector<NewValue> items;
  const YamlNode* copy = nullptr;
  // kVerbatim: the entry whose value is moved, and the edits to make inside the moved text.
  const YamlNode* verbatim_map = nullptr;
  size_t verbatim_index = 0;
  std::vector<Edit> inner_edits;
  bool comments_above = false;  ///< kVerbatim: the comment lines right above the key go along

  /// A string, quoted only when YAML would read it as something else ("80", "true", "a: b").
  static NewValue String(std::string_view text);
  /// A scalar written as is: numbers, booleans, null.
  static NewValue Raw(std::string_view yaml);
  static NewValue Int(long long value);
  static NewValue Map(std::vector<std::pair<std::string, NewValue>> entries = {});
  static NewValue Sequence(std::vector<NewValue> items = {});
  /// The node as it is in the document (scalars keep their quoting).
  static NewValue Copy(const YamlNode& node);
  /// The value of entry \a index of \a map as its source text (comments, quoting, block
  /// scalars and layout kept), re-indented to its new place: for moving a subtree. \a inner_edits
  /// (made by a Fork() of the editor, inside that value) are applied to the moved text instead
  /// of the document. A block value goes into a flow collection only without inner edits.
  static NewValue Verbatim(const YamlNode& map, size_t index, std::vector<Edit> inner_edits = {});
  /// Verbatim, and the comment lines right above the entry's key (in a block mapping) are written
  /// above its new place: for an entry removed with RemoveEntries(…, true).
  static NewValue VerbatimWithComments(const YamlNode& map, size_t index);
  NewValue& Add(std::string key, NewValue value);
};

/// Builds edits for one document. Every method records what it cannot do in problems()
/// (e.g. a scalar with escapes, a node without a position) instead of guessing.
class DocumentEditor {
 public:
  DocumentEditor(std::string_view text, const YamlDocument& document, bool json);

  /// Replaces a scalar's value, keeping its quote style.
  void SetScalar(const YamlNode& scalar, std::string_view value);
  /// Replaces a scalar's own bytes (quotes included) by the scalar \a value, quoted as a flow
  /// collection would need, so that it fits anywhere; the rest of the line (a comment) stays.
  void ReplaceScalar(const YamlNode& scalar, const NewValue& value);
  /// Renames the key of entry \a index of \a map.
  void RenameKey(const YamlNode& map, size_t index, std::string_view new_key);
  /// Removes entry \a index of \a map, with its own lines (comments above it stay).
  void RemoveEntry(const YamlNode& map, size_t index);
  /// Replaces entry \a index of \a map (key and value) by \a key: \a value at the same place.
  /// A comment at the end of the old key's line is kept: it stays with the value when the
  /// value is moved (NewValue::Verbatim of that entry), else it ends the first new line.
  void ReplaceEntry(const YamlNode& map, size_t index, std::string_view key, const NewValue& value);
  /// The same with several entries in the old one's place, in order.
  void ReplaceEntry(const YamlNode& map, size_t index, const std::vector<std::pair<std::string, NewValue>>& entries);
  /// Appends \a key: \a value after the last entry of \a map.
  void AddEntry(const YamlNode& map, std::string_view key, const NewValue& value);
  /// Appends an item to a sequence.
  void AddItem(const YamlNode& sequence, const NewValue& value);
  /// Inserts \a key: \a value right after entry \a index of \a map, before the comment and blank
  /// lines that follow it (they belong to the next entry), at that entry's indentation.
  void InsertEntryAfter(const YamlNode& map, size_t index, std::string_view key, const NewValue& value);

  // Moving subtrees (document_editor_moves.cc; see NewValue::Verbatim).
  /// Inserts \a key: \a value before entry \a index of \a map, at that entry's indentation.
  void InsertEntryBefore(const YamlNode& map, size_t index, std::string_view key, const NewValue& value);
  /// Removes several entries of \a map: RemoveEntry on neighbours at the end of a flow mapping
  /// would make overlapping edits. \a comments_above: the comment lines right above each removed
  /// key go too (they moved with it, see VerbatimWithComments).
  void RemoveEntries(const YamlNode& map, std::vector<size_t> indices, bool comments_above = false);
  /// Replaces entry \a index of \a map, whose value is a non-empty mapping, by that mapping's
  /// entries, at the entry's place and indentation ("basic: {a, b}" → "a", "b"). A block mapping
  /// under a block entry keeps its lines as they are (comments, blank lines, block scalars),
  /// shifted left; otherwise each value moves verbatim.
  void HoistEntries(const YamlNode& map, size_t index);
  /// An editor of the same document with no edits, whose edits become NewValue::Verbatim's
  /// inner edits.
  DocumentEditor Fork() const;

  const std::vector<Edit>& edits() const { return edits_; }
  const std::vector<std::string>& problems() const { return problems_; }
  /// The line ending of the document ("\n" or "\r\n").
  std::string_view newline() const { return newline_; }

  /// Copies of existing nodes take their bytes from \a text instead of the edited text: a chart
  /// template is edited through its masked text, but what it copies must keep its actions.
  void SetCopySource(std::string_view text) { copy_text_ = text; }

  /// The value rendered as it would be written under a key at \a indent (for tests).
  std::string RenderForTest(const NewValue& value, size_t indent) const;

 private:
  size_t LineStart(size_t offset) const;
  size_t LineEnd(size_t offset) const;  ///< offset of the line break (or text end)
  size_t Column(size_t offset) const { return offset - LineStart(offset); }
  /// Bytes of a block map entry or sequence item starting at \a begin with indentation \a indent:
  /// whole lines, ending before trailing blank and comment lines.
  Range BlockEntryLines(size_t begin, size_t indent) const;
  /// End of a node's own bytes (flow collections, scalars, nulls in flow collections), for flow
  /// edits; npos when it is not known.
  size_t NodeEnd(const YamlNode& node) const;
  /// Start of those bytes: a null's own range begins where it is written (empty for "{a: }"),
  /// not where yaml-cpp marks it.
  size_t NodeBegin(const YamlNode& node) const { return node.IsNull() ? node.raw.begin : node.begin; }
  std::string RenderBlockEntry(std::string_view key, const NewValue& value, size_t indent) const;
  std::string RenderBlockValue(const NewValue& value, size_t indent) const;  ///< after "key:" / "-"
  /// \a indent: the column of the key (or item) the value is written after, for the values that
  /// span lines (verbatim moves).
  std::string RenderFlow(const NewValue& value, size_t indent = 0) const;
  // Verbatim moves (document_editor_moves.cc).
  std::string RenderVerbatimBlock(const NewValue& value, size_t indent) const;
  std::string RenderVerbatimFlow(const NewValue& value, size_t indent) const;
  std::string RenderFlowLines(const NewValue& value, size_t indent) const;  ///< one entry a line
  bool SpansLines(const NewValue& value) const;  ///< holds a verbatim flow value of several lines
  size_t FlowStep() const;  ///< the indentation step of flow collections laid out one entry a line
  size_t LineIndent(size_t offset) const;  ///< the indentation of the line holding \a offset
  /// The bytes of \a source with the value's inner edits applied and the lines after the first
  /// shifted by \a shift columns.
  std::string VerbatimText(const NewValue& value, Range source, long shift) const;
  std::string RenderKey(std::string_view key) const;
  // Keeping comments (document_editor_comments.cc).
  /// The comment ending the line of entry \a index's key, with the blanks before it; empty when
  /// there is none.
  Range KeyLineComment(const YamlNode& map, size_t index) const;
  /// \a text (block entries replacing entry \a index of \a map) with the comment of the old key's
  /// line added, unless one of \a entries moves that entry's value and so carries it already.
  std::string KeepKeyLineComment(const YamlNode& map, size_t index,
                                 const std::vector<std::pair<std::string, NewValue>>& entries, std::string text,
                                 bool after_dash) const;
  /// The start of the comment lines right above the line of \a key (a block key alone on its
  /// line), or that line's start when there are none.
  size_t CommentLinesAbove(const YamlNode& key) const;
  /// The comment lines above a key moved with NewValue::VerbatimWithComments, at \a indent.
  std::string RenderCommentsAbove(const NewValue& value, size_t indent) const;
  void Problem(std::string message) { problems_.push_back(std::move(message)); }

  std::string_view text_;
  std::string_view copy_text_;
  const YamlDocument& document_;
  bool json_;
  std::string newline_ = "\n";
  size_t step_ = 2;               ///< indentation step of nested mappings
  bool indent_sequences_ = true;  ///< "key:\n  - a" (true) or "key:\n- a" (false)
  std::vector<Edit> edits_;
  mutable std::vector<std::string> problems_;  // mutable: rendering a verbatim move can fail
};

}  // namespace kubeshift

#endif  // KUBESHIFT_DOCUMENT_EDITOR_H_
