// Keeping comments when entries are rewritten or moved. A comment belongs to the entry on whose
// key line it ends, or to the entry whose key the comment lines right above introduce; a rewrite
// must not lose either, and a move takes them along.
#include "kubeshift/document_editor.h"

namespace kubeshift {
namespace {

std::string Spaces(size_t n) { return std::string(n, ' '); }

// Whether \a value holds the verbatim move of entry \a index of \a map.
bool MovesEntry(const NewValue& value, const YamlNode& map, size_t index) {
  if (value.kind == NewValue::Kind::kVerbatim) return value.verbatim_map == &map && value.verbatim_index == index;
  for (const auto& entry : value.entries) {
    if (MovesEntry(entry.second, map, index)) return true;
  }
  for (const NewValue& item : value.items) {
    if (MovesEntry(item, map, index)) return true;
  }
  return false;
}

}  // namespace

Range DocumentEditor::KeyLineComment(const YamlNode& map, size_t index) const {
  const YamlNode& key = map.keys[index];
  const YamlNode& value = map.values[index];
  if (key.style == ScalarStyle::kOther) return {};
  size_t end = LineEnd(key.begin);
  if (end > key.begin && text_[end - 1] == '\r') --end;
  size_t pos = text_.find_first_not_of(" \t", key.raw.end);
  if (pos >= end || text_[pos] != ':') return {};
  ++pos;
  if (value.IsNull() && !value.implicit) {
    // "key: null" / "key: ~": past the word.
    pos = text_.find_first_not_of(" \t", pos);
    while (pos < end && text_[pos] != ' ' && text_[pos] != '\t') ++pos;
  } else if (!value.IsNull() && value.begin > pos && value.begin < end) {
    // The value starts on the key's line: the comment can only follow its end.
    pos = NodeEnd(value);
    if (pos == std::string_view::npos || pos > end) return {};
  }
  const size_t hash = text_.find_first_not_of(" \t", pos);
  if (hash >= end || text_[hash] != '#' || hash == pos) return {};
  return Range{pos, end};
}

// A comment on the line of a replaced key says something about that entry. A moved value takes
// the rest of its key's line with it, comment included, so the comment stays on the line that
// carries the same value. Otherwise the new entries take the old one's place and the comment
// ends their first line; when that line has a comment of its own (a value moved from elsewhere),
// it goes on a line of its own above them, as "# a  # b" would read as one comment.
std::string DocumentEditor::KeepKeyLineComment(const YamlNode& map, size_t index,
                                               const std::vector<std::pair<std::string, NewValue>>& entries,
                                               std::string text, bool after_dash) const {
  const Range comment = KeyLineComment(map, index);
  if (comment.empty()) return text;
  for (const auto& entry : entries) {
    if (MovesEntry(entry.second, map, index)) return text;
  }
  std::string_view kept = copy_text_.substr(comment.begin, comment.size());
  size_t first_end = text.find('\n');
  if (first_end == std::string::npos) first_end = text.size();
  if (first_end > 0 && text[first_end - 1] == '\r') --first_end;
  const bool has_comment = text.substr(0, first_end).find(" #") != std::string::npos;
  if (has_comment && !after_dash) {
    const size_t column = Column(map.keys[index].begin);
    return Spaces(column) + std::string(kept.substr(kept.find('#'))) + newline_ + text;
  }
  text.insert(first_end, kept);
  return text;
}

size_t DocumentEditor::CommentLinesAbove(const YamlNode& key) const {
  size_t start = LineStart(key.begin);
  if (text_.find_first_not_of(' ', start) != key.begin) return start;  // after "- ", or not a block key
  // A blank line or content ends the run, and so does a line indented more than the key: the
  // content of a block scalar above, or a comment inside the value of the entry above.
  while (start > document_.range.begin) {
    const size_t previous = LineStart(start - 1);
    const size_t first = text_.find_first_not_of(' ', previous);
    if (first >= start - 1 || text_[first] != '#' || first - previous > Column(key.begin)) break;
    start = previous;
  }
  return start;
}

std::string DocumentEditor::RenderCommentsAbove(const NewValue& value, size_t indent) const {
  if (value.kind != NewValue::Kind::kVerbatim || !value.comments_above) return "";
  const YamlNode& key = value.verbatim_map->keys[value.verbatim_index];
  std::string out;
  for (size_t pos = CommentLinesAbove(key); pos < LineStart(key.begin); pos = LineEnd(pos) + 1) {
    std::string_view line = copy_text_.substr(pos, LineEnd(pos) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += Spaces(indent) + std::string(line.substr(line.find('#'))) + newline_;
  }
  return out;
}

}  // namespace kubeshift
