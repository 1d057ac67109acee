// Moving subtrees. NewValue::Verbatim renders an entry's value from its source bytes, shifted
// to the indentation of its new place, so that comments, quoting, block scalars and layout go
// with it; the operations here are the ones a move needs besides the basic ones (insert before an
// entry, remove several entries at once, an editor for the edits inside a moved value).
#include <algorithm>

#include <fmt/format.h>

#include "kubeshift/document_editor.h"

namespace kubeshift {
namespace {

constexpr size_t kNone = std::string_view::npos;

// Every line after the first moves by \a shift columns; a line never loses more spaces than it
// has, and blank lines stay as they are.
std::string ShiftLines(std::string_view text, long shift) {
  std::string out;
  size_t pos = 0;
  for (bool first = true;; first = false) {
    const size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == kNone ? kNone : nl - pos);
    const size_t spaces = std::min(line.find_first_not_of(' '), line.size());
    const bool blank = line.find_first_not_of(" \r") == kNone;
    if (!first && !blank && shift > 0) out.append(static_cast<size_t>(shift), ' ');
    if (!first && !blank && shift < 0) line.remove_prefix(std::min(spaces, static_cast<size_t>(-shift)));
    out += line;
    if (nl == kNone) break;
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

std::string Spaces(size_t n) { return std::string(n, ' '); }

}  // namespace

NewValue NewValue::Verbatim(const YamlNode& map, size_t index, std::vector<Edit> inner_edits) {
  NewValue v;
  v.kind = Kind::kVerbatim;
  v.verbatim_map = &map;
  v.verbatim_index = index;
  v.copy = &map.values[index];
  v.inner_edits = std::move(inner_edits);
  return v;
}

NewValue NewValue::VerbatimWithComments(const YamlNode& map, size_t index) {
  NewValue v = Verbatim(map, index);
  v.comments_above = !map.flow;
  return v;
}

DocumentEditor DocumentEditor::Fork() const {
  DocumentEditor fork = *this;
  fork.edits_.clear();
  fork.problems_.clear();
  return fork;
}

std::string DocumentEditor::VerbatimText(const NewValue& value, Range source, long shift) const {
  std::vector<Edit> inner = value.inner_edits;
  std::stable_sort(inner.begin(), inner.end(), [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  std::string text;
  size_t copied = source.begin;
  for (const Edit& edit : inner) {
    // Inner edits must lie inside the moved bytes (an insertion may sit at their very end).
    if (edit.offset < copied || edit.offset + edit.length > source.end) {
      problems_.push_back(fmt::format("an edit at offset {} is not inside the value moved from offset {}",
                                      edit.offset, source.begin));
      return "null";
    }
    text.append(copy_text_.substr(copied, edit.offset - copied));
    text += edit.text;
    copied = edit.offset + edit.length;
  }
  text.append(copy_text_.substr(copied, source.end - copied));
  return ShiftLines(text, shift);
}

std::string DocumentEditor::RenderVerbatimBlock(const NewValue& value, size_t indent) const {
  const YamlNode& map = *value.verbatim_map;
  const YamlNode& key = map.keys[value.verbatim_index];
  const YamlNode& node = map.values[value.verbatim_index];
  if (map.flow) {
    // Lines after the first follow the indentation of the line the value was on.
    const long shift = static_cast<long>(indent) - static_cast<long>(LineIndent(key.begin));
    const size_t end = NodeEnd(node);
    if (end == kNone) {
      problems_.push_back(fmt::format("cannot find where '{}' ends to move it", key.value));
      return " null";
    }
    if (end == NodeBegin(node)) return " null";  // "{a: }": a null written as nothing
    return " " + VerbatimText(value, Range{NodeBegin(node), end}, shift);
  }
  const long shift = static_cast<long>(indent) - static_cast<long>(Column(key.begin));
  // A block entry: everything after the key's colon (a comment, an anchor, the value on the same
  // line) through the entry's last line, comment lines between its lines included.
  size_t colon = key.style == ScalarStyle::kOther ? kNone : text_.find_first_not_of(' ', key.raw.end);
  if (colon == kNone || text_[colon] != ':') {
    problems_.push_back(fmt::format("the key '{}' is not a simple key; its value cannot be moved", key.value));
    return " null";
  }
  const Range lines = BlockEntryLines(key.begin, Column(key.begin));
  std::string text = VerbatimText(value, Range{colon + 1, lines.end}, shift);
  if (!text.empty() && text.back() == '\n') text.pop_back();  // the caller ends the line
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

std::string DocumentEditor::RenderVerbatimFlow(const NewValue& value, size_t indent) const {
  const YamlNode& map = *value.verbatim_map;
  const YamlNode& key = map.keys[value.verbatim_index];
  const YamlNode& node = map.values[value.verbatim_index];
  const size_t end = map.flow || node.flow || node.IsScalar() ? NodeEnd(node) : kNone;
  if (end != kNone && end > NodeBegin(node)) {
    return VerbatimText(value, Range{NodeBegin(node), end},
                        static_cast<long>(indent) - static_cast<long>(LineIndent(key.begin)));
  }
  // A block value cannot keep its layout inside a flow collection: it is written anew, which
  // only works when nothing inside it was to change.
  if (!value.inner_edits.empty()) {
    problems_.push_back(
        fmt::format("the block value of '{}' cannot be moved into a flow collection with changes inside", key.value));
    return "null";
  }
  return RenderFlow(NewValue::Copy(node), indent);
}

bool DocumentEditor::SpansLines(const NewValue& value) const {
  switch (value.kind) {
    case NewValue::Kind::kVerbatim: {
      const YamlNode& node = *value.copy;
      if (!(value.verbatim_map->flow || node.flow || node.IsScalar())) return false;  // written anew, on one line
      const size_t end = NodeEnd(node);
      return end != kNone && text_.substr(NodeBegin(node), end - NodeBegin(node)).find('\n') != kNone;
    }
    case NewValue::Kind::kMap:
      return std::any_of(value.entries.begin(), value.entries.end(),
                         [&](const auto& entry) { return SpansLines(entry.second); });
    case NewValue::Kind::kSequence:
      return std::any_of(value.items.begin(), value.items.end(), [&](const NewValue& item) { return SpansLines(item); });
    default:
      return false;
  }
}

size_t DocumentEditor::LineIndent(size_t offset) const {
  const size_t start = LineStart(offset);
  return std::min(text_.find_first_not_of(' ', start), offset) - start;
}

size_t DocumentEditor::FlowStep() const {
  // The first flow mapping laid out one entry a line under a key of another flow mapping.
  std::vector<const YamlNode*> pending{&document_.root};
  while (!pending.empty()) {
    const YamlNode* node = pending.back();
    pending.pop_back();
    if (!node->IsMap()) continue;
    for (size_t i = 0; i < node->keys.size(); ++i) {
      const YamlNode& child = node->values[i];
      if (node->flow && child.IsMap() && child.flow && !child.keys.empty() &&
          LineStart(child.keys[0].begin) != LineStart(child.begin)) {
        const size_t key_column = Column(node->keys[i].begin);
        const size_t child_column = Column(child.keys[0].begin);
        if (child_column > key_column) return child_column - key_column;
      }
      pending.push_back(&child);
    }
  }
  return step_;
}

std::string DocumentEditor::RenderFlowLines(const NewValue& value, size_t indent) const {
  const size_t inner = indent + FlowStep();
  std::string out;
  if (value.kind == NewValue::Kind::kMap) {
    out = "{";
    for (size_t i = 0; i < value.entries.size(); ++i) {
      out += (i ? "," : "") + newline_ + Spaces(inner) + RenderKey(value.entries[i].first) + ": " +
             RenderFlow(value.entries[i].second, inner);
    }
    return out + newline_ + Spaces(indent) + "}";
  }
  out = "[";
  for (size_t i = 0; i < value.items.size(); ++i) {
    out += (i ? "," : "") + newline_ + Spaces(inner) + RenderFlow(value.items[i], inner);
  }
  return out + newline_ + Spaces(indent) + "]";
}

void DocumentEditor::InsertEntryBefore(const YamlNode& map, size_t index, std::string_view key,
                                       const NewValue& value) {
  if (!map.IsMap() || index >= map.keys.size()) {
    AddEntry(map, key, value);
    return;
  }
  const YamlNode& next = map.keys[index];
  const size_t column = Column(next.begin);
  if (map.flow) {
    const size_t previous = index ? map.keys[index - 1].begin : map.begin;
    const bool one_per_line = LineStart(previous) != LineStart(next.begin);
    const std::string separator = one_per_line ? "," + newline_ + Spaces(column) : ", ";
    edits_.push_back(Edit{next.begin, 0, RenderKey(key) + ": " + RenderFlow(value, LineIndent(next.begin)) + separator});
    return;
  }
  std::string text = RenderBlockEntry(key, value, column);
  const size_t line_start = LineStart(next.begin);
  if (text_.find_first_not_of(' ', line_start) == next.begin) {
    edits_.push_back(Edit{line_start, 0, std::move(text)});
  } else {
    // The first key of "- key: …": the new entry takes the "- " line and the key moves down.
    edits_.push_back(Edit{next.begin, 0, text.substr(column) + Spaces(column)});
  }
}

void DocumentEditor::RemoveEntries(const YamlNode& map, std::vector<size_t> indices, bool comments_above) {
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  if (indices.empty()) return;
  std::vector<bool> removed(map.keys.size(), false);
  for (size_t i : indices) removed[i] = true;
  size_t kept = map.keys.size();  // the first entry kept, from the start
  for (size_t i = 0; i < map.keys.size() && kept == map.keys.size(); ++i) {
    if (!removed[i]) kept = i;
  }
  if (kept == map.keys.size()) {
    Problem(fmt::format("removing every entry of the mapping at offset {} would leave it empty", map.begin));
    return;
  }
  if (!map.flow) {
    // A leading run on a "- " line goes in one edit, up to the first key kept; RemoveEntry would
    // make overlapping edits there.
    const size_t first_line = LineStart(map.keys[0].begin);
    const bool on_dash_line = text_.find_first_not_of(' ', first_line) != map.keys[0].begin;
    size_t from = 0;
    if (on_dash_line && kept > 0) {
      edits_.push_back(Edit{map.keys[0].begin, map.keys[kept].begin - map.keys[0].begin, ""});
      from = kept;
    }
    for (size_t i : indices) {
      if (i < from) continue;
      const size_t edits = edits_.size();
      RemoveEntry(map, i);
      const size_t above = CommentLinesAbove(map.keys[i]);
      if (comments_above && edits_.size() > edits && edits_.back().offset == LineStart(map.keys[i].begin)) {
        edits_.back().length += edits_.back().offset - above;
        edits_.back().offset = above;
      }
    }
    return;
  }
  // Flow: an entry followed by one kept goes with the separator after it; the trailing run goes
  // from the end of the last value kept before it.
  size_t trailing = map.keys.size();
  while (trailing > 0 && removed[trailing - 1]) --trailing;
  for (size_t i : indices) {
    if (i < trailing) edits_.push_back(Edit{map.keys[i].begin, map.keys[i + 1].begin - map.keys[i].begin, ""});
  }
  if (trailing == map.keys.size()) return;
  const size_t begin = NodeEnd(map.values[trailing - 1]);
  const size_t end = NodeEnd(map.values.back());
  if (begin == kNone || end == kNone) {
    Problem(fmt::format("cannot find where '{}' ends", map.keys[trailing - 1].value));
    return;
  }
  edits_.push_back(Edit{begin, end - begin, ""});
}

void DocumentEditor::HoistEntries(const YamlNode& map, size_t index) {
  const YamlNode& key = map.keys[index];
  const YamlNode& inner = map.values[index];
  if (!inner.IsMap() || inner.keys.empty()) {
    Problem(fmt::format("the entries of '{}' cannot move up: it is not a non-empty mapping", key.value));
    return;
  }
  if (map.flow || inner.flow) {
    std::vector<std::pair<std::string, NewValue>> entries;
    for (size_t i = 0; i < inner.keys.size(); ++i) {
      entries.emplace_back(inner.keys[i].value, NewValue::Verbatim(inner, i));
    }
    ReplaceEntry(map, index, entries);
    return;
  }
  // Block in block: the lines after the key's line are the new entries once shifted left to the
  // key's column. Only a comment may follow the key on its line (an anchor or a tag would be
  // lost); it goes on a line of its own above them.
  const size_t column = Column(key.begin);
  const size_t key_line_end = LineEnd(key.begin);
  const Range comment = KeyLineComment(map, index);
  const size_t colon = key.style == ScalarStyle::kOther ? kNone : text_.find_first_not_of(' ', key.raw.end);
  const size_t rest = colon == kNone ? kNone : text_.find_first_not_of(" \t\r", colon + 1);
  if (colon == kNone || text_[colon] != ':' || (rest < key_line_end && text_[rest] != '#')) {
    Problem(fmt::format("the entries of '{}' cannot move up: its line holds more than the key", key.value));
    return;
  }
  const Range lines = BlockEntryLines(key.begin, column);
  const long shift = static_cast<long>(column) - static_cast<long>(Column(inner.keys[0].begin));
  // ShiftLines leaves the first line as it is: give it an empty one.
  const std::string_view below = copy_text_.substr(key_line_end + 1, lines.end - key_line_end - 1);
  std::string moved = ShiftLines("\n" + std::string(below), shift).substr(1);
  std::string text;
  if (!comment.empty()) {
    std::string_view kept = copy_text_.substr(comment.begin, comment.size());
    text = std::string(kept.substr(kept.find('#'))) + newline_;
  }
  const bool after_dash = lines.begin == key.begin && column > 0;
  if (after_dash) {
    // "- basic:" → "- first:": the first new line goes after the "- ", unless a comment does.
    if (text.empty()) moved.erase(0, moved.find_first_not_of(' '));
  } else if (!text.empty()) {
    text.insert(0, Spaces(column));
  }
  edits_.push_back(Edit{lines.begin, lines.size(), text + moved});
}

}  // namespace kubeshift
