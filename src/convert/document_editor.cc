// Structural edits as byte ranges. Block-style YAML is edited line by line at the
// indentation of the siblings; flow collections and JSON get separators and quoting of their
// own. Nothing is re-emitted except the new bytes.
#include "kubeshift/document_editor.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

namespace kubeshift {
namespace {

bool LooksLikeNonString(std::string_view s) {
  static const char* const kWords[] = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
                                       "True", "False", "Yes", "No", "On", "Off", "Y", "N", "Null",
                                       "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "NULL"};
  for (const char* word : kWords) {
    if (s == word) return true;
  }
  // Numbers in any YAML 1.1/1.2 form: digits, signs, dots, exponents, 0x/0o, .inf, .nan.
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) return true;
  return false;
}

// Whether \a s can be written as a plain scalar and read back as the same string.
bool CanBePlain(std::string_view s) {
  if (s.empty() || LooksLikeNonString(s)) return false;
  if (std::strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != nullptr) {
    if (!((s[0] == '-' || s[0] == '?' || s[0] == ':') && s.size() > 1 && s[1] != ' ')) return false;
  }
  if (s.back() == ' ' || s.back() == ':') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') return false;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
  }
  return true;
}

// A flow context also forbids the flow indicators inside plain scalars.
bool CanBeFlowPlain(std::string_view s) {
  return CanBePlain(s) && s.find_first_of(",[]{}") == std::string_view::npos;
}

std::string DoubleQuoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string SingleQuoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string Spaces(size_t n) { return std::string(n, ' '); }

// An existing node as a NewValue, so that moved subtrees can be re-indented. Scalars keep
// their original bytes (and so their quoting).
NewValue FromNode(std::string_view text, const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kScalar:
      if (node.style != ScalarStyle::kOther) return NewValue::Raw(text.substr(node.raw.begin, node.raw.size()));
      return NewValue::String(node.value);
    case YamlNode::Kind::kNull:
      return NewValue::Raw("null");
    case YamlNode::Kind::kMap: {
      NewValue map = NewValue::Map();
      for (size_t i = 0; i < node.keys.size(); ++i) map.Add(node.keys[i].value, FromNode(text, node.values[i]));
      return map;
    }
    case YamlNode::Kind::kSequence: {
      NewValue seq = NewValue::Sequence();
      for (const YamlNode& item : node.values) seq.items.push_back(FromNode(text, item));
      return seq;
    }
  }
  return NewValue::Raw("null");
}

}  // namespace

NewValue NewValue::String(std::string_view text) {
  NewValue v;
  v.kind = Kind::kScalar;
  v.scalar = std::string(text);
  v.is_string = true;
  return v;
}

NewValue NewValue::Raw(std::string_view yaml) {
  NewValue v;
  v.kind = Kind::kScalar;
  v.scalar = std::string(yaml);
  return v;
}

NewValue NewValue::Int(long long value) { return Raw(std::to_string(value)); }

NewValue NewValue::Map(std::vector<std::pair<std::string, NewValue>> entries) {
  NewValue v;
  v.kind = Kind::kMap;
  v.entries = std::move(entries);
  return v;
}

NewValue NewValue::Sequence(std::vector<NewValue> items) {
  NewValue v;
  v.kind = Kind::kSequence;
  v.items = std::move(items);
  return v;
}

NewValue NewValue::Copy(const YamlNode& node) {
  NewValue v;
  v.kind = Kind::kCopy;
  v.copy = &node;
  return v;
}

NewValue& NewValue::Add(std::string key, NewValue value) {
  entries.emplace_back(std::move(key), std::move(value));
  return *this;
}

DocumentEditor::DocumentEditor(std::string_view text, const YamlDocument& document, bool json)
    : text_(text), copy_text_(text), document_(document), json_(json) {
  std::string_view doc = text.substr(document.range.begin, document.range.size());
  if (doc.find("\r\n") != std::string_view::npos) newline_ = "\r\n";
  // Learn the indentation step and the sequence style from the first examples in the document.
  bool step_known = false;
  bool sequences_known = false;
  std::vector<const YamlNode*> pending{&document.root};
  while (!pending.empty() && !(step_known && sequences_known)) {
    const YamlNode* node = pending.back();
    pending.pop_back();
    if (!node->IsMap() || node->flow) continue;
    for (size_t i = 0; i < node->keys.size(); ++i) {
      const YamlNode& value = node->values[i];
      if (!(value.IsMap() || value.IsSequence()) || value.flow || value.values.empty()) continue;
      size_t key_column = Column(node->keys[i].begin);
      size_t value_column = Column(value.begin);
      if (value.IsMap() && !step_known && value_column > key_column) {
        step_ = value_column - key_column;
        step_known = true;
      }
      if (value.IsSequence() && !sequences_known) {
        indent_sequences_ = value_column > key_column;
        sequences_known = true;
      }
      pending.push_back(&value);
    }
  }
}

size_t DocumentEditor::LineStart(size_t offset) const {
  size_t nl = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

size_t DocumentEditor::LineEnd(size_t offset) const {
  size_t nl = text_.find('\n', offset);
  return nl == std::string_view::npos ? text_.size() : nl;
}

Range DocumentEditor::BlockEntryLines(size_t begin, size_t indent) const {
  const size_t doc_end = document_.range.end;
  auto next_line = [&](size_t pos) { return std::min(LineEnd(pos) + 1, doc_end); };
  size_t content_end = next_line(begin);
  // A sequence at the key's own indentation ("key:\n- a") belongs to the entry when the entry
  // is a mapping key; for a sequence item, "- " at its indentation is the next item.
  const bool is_item = text_[begin] == '-';
  for (size_t pos = content_end; pos < doc_end; pos = next_line(pos)) {
    size_t end = LineEnd(pos);
    size_t first = pos;
    while (first < end && text_[first] == ' ') ++first;
    if (first >= end || text_[first] == '#' || text_[first] == '\r') continue;
    size_t column = first - pos;
    bool compact_sequence = !is_item && column == indent && text_[first] == '-' &&
                            (first + 1 >= end || text_[first + 1] == ' ' || text_[first + 1] == '\r');
    if (column < indent || (column == indent && !compact_sequence)) break;
    if (text_.substr(pos, 3) == "---" || text_.substr(pos, 3) == "...") break;
    content_end = next_line(pos);
  }
  size_t line_start = LineStart(begin);
  bool alone = text_.find_first_not_of(' ', line_start) == begin;
  return Range{alone ? line_start : begin, content_end};
}

size_t DocumentEditor::NodeEnd(const YamlNode& node) const {
  if (node.IsScalar() || node.IsNull()) return node.style == ScalarStyle::kOther ? std::string_view::npos : node.raw.end;
  if (!(node.IsMap() || node.IsSequence()) || !node.flow) return std::string_view::npos;
  int depth = 0;
  for (size_t i = node.begin; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '"' || c == '\'') {
      for (++i; i < text_.size() && text_[i] != c; ++i) {
        if (c == '"' && text_[i] == '\\') ++i;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string DocumentEditor::RenderKey(std::string_view key) const {
  if (json_) return DoubleQuoted(key);
  return CanBePlain(key) ? std::string(key) : DoubleQuoted(key);
}

std::string DocumentEditor::RenderFlow(const NewValue& value, size_t indent) const {
  if (value.kind != NewValue::Kind::kVerbatim && SpansLines(value)) return RenderFlowLines(value, indent);
  switch (value.kind) {
    case NewValue::Kind::kVerbatim:
      return RenderVerbatimFlow(value, indent);
    case NewValue::Kind::kScalar:
      if (!value.is_string) return value.scalar;
      if (json_) return DoubleQuoted(value.scalar);
      return CanBeFlowPlain(value.scalar) ? value.scalar : DoubleQuoted(value.scalar);
    case NewValue::Kind::kCopy:
      return RenderFlow(FromNode(copy_text_, *value.copy));
    case NewValue::Kind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < value.entries.size(); ++i) {
        if (i) out += ", ";
        out += RenderKey(value.entries[i].first) + ": " + RenderFlow(value.entries[i].second);
      }
      return out + "}";
    }
    case NewValue::Kind::kSequence: {
      std::string out = "[";
      for (size_t i = 0; i < value.items.size(); ++i) {
        if (i) out += ", ";
        out += RenderFlow(value.items[i]);
      }
      return out + "]";
    }
  }
  return "null";
}

std::string DocumentEditor::RenderBlockValue(const NewValue& value, size_t indent) const {
  switch (value.kind) {
    case NewValue::Kind::kScalar:
      if (!value.is_string) return " " + value.scalar;
      return " " + (CanBePlain(value.scalar) ? value.scalar : DoubleQuoted(value.scalar));
    case NewValue::Kind::kCopy:
      return RenderBlockValue(FromNode(copy_text_, *value.copy), indent);
    case NewValue::Kind::kVerbatim:
      return RenderVerbatimBlock(value, indent);
    case NewValue::Kind::kMap: {
      if (value.entries.empty()) return " {}";
      std::string out = newline_;
      for (const auto& [key, child] : value.entries) out += RenderBlockEntry(key, child, indent + step_);
      out.resize(out.size() - newline_.size());  // the caller ends the line
      return out;
    }
    case NewValue::Kind::kSequence: {
      if (value.items.empty()) return " []";
      const size_t dash = indent + (indent_sequences_ ? step_ : 0);
      std::string out;
      for (const NewValue& item : value.items) {
        out += newline_ + Spaces(dash) + "-";
        NewValue resolved = item.kind == NewValue::Kind::kCopy ? FromNode(copy_text_, *item.copy) : item;
        if (resolved.kind == NewValue::Kind::kMap && !resolved.entries.empty()) {
          // "- key: value" with the other keys under the first one.
          std::string entries;
          for (const auto& [key, child] : resolved.entries) entries += RenderBlockEntry(key, child, dash + 2);
          entries.resize(entries.size() - newline_.size());
          out += " " + entries.substr(dash + 2);
        } else {
          out += RenderBlockValue(resolved, dash);
        }
      }
      return out;
    }
  }
  return " null";
}

std::string DocumentEditor::RenderBlockEntry(std::string_view key, const NewValue& value, size_t indent) const {
  return RenderCommentsAbove(value, indent) + Spaces(indent) + RenderKey(key) + ":" + RenderBlockValue(value, indent) +
         newline_;
}

std::string DocumentEditor::RenderForTest(const NewValue& value, size_t indent) const {
  return RenderBlockValue(value, indent);
}

void DocumentEditor::SetScalar(const YamlNode& scalar, std::string_view value) {
  if (!scalar.IsScalar() || scalar.style == ScalarStyle::kOther) {
    Problem(fmt::format("the value at offset {} has escapes, a tag or several lines; it is left as it is",
                        scalar.begin));
    return;
  }
  std::string text;
  switch (scalar.style) {
    case ScalarStyle::kPlain: text = json_ || !CanBePlain(value) ? DoubleQuoted(value) : std::string(value); break;
    case ScalarStyle::kSingleQuoted: text = SingleQuoted(value); break;
    default: text = DoubleQuoted(value); break;
  }
  edits_.push_back(Edit{scalar.raw.begin, scalar.raw.size(), std::move(text)});
}

void DocumentEditor::ReplaceScalar(const YamlNode& scalar, const NewValue& value) {
  if (!scalar.IsScalar() || scalar.style == ScalarStyle::kOther || value.kind != NewValue::Kind::kScalar) {
    Problem(fmt::format("the value at offset {} cannot be replaced in place", scalar.begin));
    return;
  }
  edits_.push_back(Edit{scalar.raw.begin, scalar.raw.size(), RenderFlow(value)});
}

void DocumentEditor::RenameKey(const YamlNode& map, size_t index, std::string_view new_key) {
  const YamlNode& key = map.keys[index];
  if (key.style == ScalarStyle::kOther) {
    Problem(fmt::format("the key '{}' cannot be renamed in place", key.value));
    return;
  }
  std::string text = key.style == ScalarStyle::kPlain ? RenderKey(new_key)
                     : key.style == ScalarStyle::kSingleQuoted ? SingleQuoted(new_key)
                                                               : DoubleQuoted(new_key);
  edits_.push_back(Edit{key.raw.begin, key.raw.size(), std::move(text)});
}

void DocumentEditor::RemoveEntry(const YamlNode& map, size_t index) {
  const YamlNode& key = map.keys[index];
  if (map.keys.size() == 1) {
    Problem(fmt::format("removing '{}' would leave an empty mapping", key.value));
    return;
  }
  if (map.flow) {
    // "a: 1, b: 2": remove through the next key, or from the end of the previous value.
    if (index + 1 < map.keys.size()) {
      edits_.push_back(Edit{key.begin, map.keys[index + 1].begin - key.begin, ""});
      return;
    }
    size_t previous_end = NodeEnd(map.values[index - 1]);
    size_t end = NodeEnd(map.values[index]);
    if (previous_end == std::string_view::npos || end == std::string_view::npos) {
      Problem(fmt::format("cannot find where '{}' ends", key.value));
      return;
    }
    edits_.push_back(Edit{previous_end, end - previous_end, ""});
    return;
  }
  Range lines = BlockEntryLines(key.begin, Column(key.begin));
  // A key at column 0 is alone on its line too; only a key after "- " shares it.
  const bool after_dash = lines.begin == key.begin && Column(key.begin) > 0;
  if (after_dash && index + 1 < map.keys.size()) {
    // The first key of "- key: …": the next key moves up onto the "- " line.
    lines.end = map.keys[index + 1].begin;
  } else if (after_dash) {
    Problem(fmt::format("cannot remove '{}' from a one-line item", key.value));
    return;
  }
  edits_.push_back(Edit{lines.begin, lines.size(), ""});
}

void DocumentEditor::ReplaceEntry(const YamlNode& map, size_t index, std::string_view key, const NewValue& value) {
  ReplaceEntry(map, index, {{std::string(key), value}});
}

void DocumentEditor::ReplaceEntry(const YamlNode& map, size_t index,
                                  const std::vector<std::pair<std::string, NewValue>>& entries) {
  const YamlNode& old_key = map.keys[index];
  if (entries.empty()) {
    Problem(fmt::format("'{}' cannot be replaced by nothing", old_key.value));
    return;
  }
  if (map.flow) {
    size_t end = NodeEnd(map.values[index]);
    if (end == std::string_view::npos) {
      Problem(fmt::format("cannot find where '{}' ends", old_key.value));
      return;
    }
    // Several entries follow the layout of the mapping: one a line (pretty JSON) or ", ".
    const size_t previous = index ? map.keys[index - 1].begin : map.begin;
    const bool one_per_line = LineStart(previous) != LineStart(old_key.begin);
    const std::string separator = one_per_line ? "," + newline_ + Spaces(Column(old_key.begin)) : ", ";
    std::string text;
    for (const auto& [key, value] : entries) {
      if (!text.empty()) text += separator;
      text += RenderKey(key) + ": " + RenderFlow(value, LineIndent(old_key.begin));
    }
    edits_.push_back(Edit{old_key.begin, end - old_key.begin, std::move(text)});
    return;
  }
  const size_t column = Column(old_key.begin);
  Range lines = BlockEntryLines(old_key.begin, column);
  std::string text;
  for (const auto& [key, value] : entries) text += RenderBlockEntry(key, value, column);
  const bool after_dash = lines.begin == old_key.begin && column > 0;
  text = KeepKeyLineComment(map, index, entries, std::move(text), after_dash);
  if (lines.begin == old_key.begin) text = text.substr(column);  // after "- " on the same line
  // Keep the document's last line without a line break if it had none.
  if (lines.end == text_.size() && (lines.end == 0 || text_[lines.end - 1] != '\n')) {
    text.resize(text.size() - newline_.size());
  }
  edits_.push_back(Edit{lines.begin, lines.size(), std::move(text)});
}

void DocumentEditor::AddEntry(const YamlNode& map, std::string_view key, const NewValue& value) {
  if (!map.IsMap()) {
    Problem(fmt::format("cannot add '{}': the parent is not a mapping", key));
    return;
  }
  if (map.flow || map.keys.empty()) {
    if (!map.flow) {
      Problem(fmt::format("cannot add '{}' to an empty mapping", key));
      return;
    }
    std::string entry =
        RenderKey(key) + ": " + RenderFlow(value, LineIndent(map.keys.empty() ? map.begin : map.keys.back().begin));
    if (map.keys.empty()) {
      edits_.push_back(Edit{map.begin + 1, 0, entry});
      return;
    }
    size_t end = NodeEnd(map.values.back());
    if (end == std::string_view::npos) {
      Problem(fmt::format("cannot find the end of the mapping to add '{}'", key));
      return;
    }
    // Pretty-printed JSON (one key per line) gets a new line at the same indentation.
    const YamlNode& last_key = map.keys.back();
    bool one_per_line = LineStart(last_key.begin) != LineStart(map.begin);
    std::string separator = one_per_line ? "," + newline_ + Spaces(Column(last_key.begin)) : ", ";
    edits_.push_back(Edit{end, 0, separator + entry});
    return;
  }
  const YamlNode& last_key = map.keys.back();
  const size_t column = Column(map.keys.front().begin);
  Range lines = BlockEntryLines(last_key.begin, Column(last_key.begin));
  std::string text = RenderBlockEntry(key, value, column);
  if (lines.end == text_.size() && (lines.end == 0 || text_[lines.end - 1] != '\n')) {
    text = newline_ + text.substr(0, text.size() - newline_.size());
  }
  edits_.push_back(Edit{lines.end, 0, std::move(text)});
}

void DocumentEditor::AddItem(const YamlNode& sequence, const NewValue& value) {
  if (!sequence.IsSequence()) {
    Problem("cannot add an item: the parent is not a sequence");
    return;
  }
  if (sequence.flow || sequence.values.empty()) {
    if (!sequence.flow) {
      Problem("cannot add an item to an empty sequence");
      return;
    }
    if (sequence.values.empty()) {
      edits_.push_back(Edit{sequence.begin + 1, 0, RenderFlow(value, LineIndent(sequence.begin))});
      return;
    }
    size_t end = NodeEnd(sequence.values.back());
    if (end == std::string_view::npos) {
      Problem("cannot find the end of the sequence");
      return;
    }
    edits_.push_back(Edit{end, 0, ", " + RenderFlow(value, LineIndent(sequence.values.back().begin))});
    return;
  }
  const size_t dash = Column(sequence.begin);
  Range lines = BlockEntryLines(LineStart(sequence.values.back().begin) + dash, dash);
  std::string text = Spaces(dash) + "-";
  if (value.kind == NewValue::Kind::kMap && !value.entries.empty()) {
    std::string entries;
    for (const auto& [key, child] : value.entries) entries += RenderBlockEntry(key, child, dash + 2);
    text += " " + entries.substr(dash + 2);
  } else {
    text += RenderBlockValue(value, dash) + newline_;
  }
  edits_.push_back(Edit{lines.end, 0, std::move(text)});
}

void DocumentEditor::InsertEntryAfter(const YamlNode& map, size_t index, std::string_view key,
                                      const NewValue& value) {
  if (!map.IsMap() || index + 1 >= map.keys.size()) {
    AddEntry(map, key, value);
    return;
  }
  if (map.flow) {
    InsertEntryBefore(map, index + 1, key, value);
    return;
  }
  const YamlNode& entry = map.keys[index];
  const size_t column = Column(entry.begin);
  edits_.push_back(Edit{BlockEntryLines(entry.begin, column).end, 0, RenderBlockEntry(key, value, column)});
}

}  // namespace kubeshift
