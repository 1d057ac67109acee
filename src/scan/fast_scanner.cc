// The fast path: one pass over the lines of a document, validating its block structure
// (indentation, keys, one-line scalars and flow collections, multi-line plain scalars, block
// scalars) and picking up the fields of the object and of its List items with their byte
// ranges. Anything outside that subset returns kNotUnderstood and goes to yaml-cpp, so the two
// paths never disagree on what they accept (tests/unit/scan_differential_test.cc).
#include <cctype>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "kubeshift/scan.h"
#include "scan/line_lexer.h"

namespace kubeshift {
namespace {

using scan::CountIndent;
using scan::FindKeyColon;
using scan::IsBlank;
using scan::LexedValue;
using scan::LexValue;

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxDepth = 128;
constexpr std::string_view kSourcePrefix = "# Source: ";

bool IsMarker(std::string_view line, char c) {
  return line.size() >= 3 && line[0] == c && line[1] == c && line[2] == c &&
         (line.size() == 3 || IsBlank(line[3]));
}

bool IsSequenceEntry(std::string_view line, size_t indent) {
  return line[indent] == '-' && (indent + 1 == line.size() || IsBlank(line[indent + 1]));
}

// Only valid UTF-8 text, tabs and line breaks. YAML forbids other C0 control characters
// (yaml-cpp rejects some of them), reads a lone '\r' as a line break, and yaml-cpp decodes a
// stream that starts like UTF-16 or replaces invalid UTF-8: in all those cases the parser, not
// this scanner, must decide. ASCII costs one comparison per byte.
bool IsPlainText(std::string_view text) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80) continue;
    if (c == '\n' || c == '\t') continue;
    if (c == '\r' && i + 1 < n && p[i + 1] == '\n') continue;
    if (c < 0x80) return false;
    // A multi-byte sequence: lead byte, then 1 to 3 continuation bytes.
    const size_t extra = (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2 : (c >= 0xF0 && c <= 0xF4) ? 3 : 0;
    if (extra == 0) return false;
    if (i + extra >= n) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += extra;
  }
  return true;
}

// What a block collection means for the scan.
enum class Role {
  kOther,     // nothing we look into
  kObject,    // the document's mapping, or a List item: apiVersion, kind, metadata
  kMetadata,  // an object's metadata: name, namespace
  kItems,     // the sequence of a List's items
};

// The fields of one object, with "the first key wins" bookkeeping for metadata.
struct ObjectFields {
  Resource resource;
  bool metadata_seen = false;
  bool name_seen = false;
  bool namespace_seen = false;
};

// Plain "null", "~", … are YAML's null, not strings.
bool IsPlainNull(std::string_view text, ScalarStyle style) {
  return style == ScalarStyle::kPlain && (text == "null" || text == "~" || text == "Null" || text == "NULL");
}

class DocumentScanner {
 public:
  DocumentScanner(std::string_view text, Range document) : text_(text), document_(document) {}

  const ScanError& error() const { return error_; }

  FastScanOutcome Run(std::vector<Resource>* out) {
    if (!IsPlainText(text_.substr(document_.begin, document_.size()))) return FastScanOutcome::kNotUnderstood;
    size_t pos = document_.begin;
    bool after_end_marker = false;
    while (pos < document_.end) {
      const void* nl = std::memchr(text_.data() + pos, '\n', document_.end - pos);
      size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : document_.end;
      std::string_view line = text_.substr(pos, line_end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      line_begin_ = pos;
      pos = line_end + 1;
      if (after_end_marker) {
        if (!line.empty() && line[0] != '#' && !scan::IsTrailingComment(line)) return FastScanOutcome::kNotUnderstood;
        continue;
      }
      if (!line.empty() && (line[0] == '-' || line[0] == '.' || line[0] == '%')) {
        if (!has_content_ && !seen_marker_ && IsMarker(line, '-')) {
          seen_marker_ = true;
          if (!scan::IsTrailingComment(line.substr(3))) return FastScanOutcome::kNotUnderstood;
          continue;
        }
        if (IsMarker(line, '.')) {
          if (!scan::IsTrailingComment(line.substr(3))) return FastScanOutcome::kNotUnderstood;
          after_end_marker = true;
          continue;
        }
        if (line[0] == '%') return FastScanOutcome::kNotUnderstood;
      }
      if (!ProcessLine(line)) return invalid_ ? FastScanOutcome::kInvalid : FastScanOutcome::kNotUnderstood;
    }
    if (quote_open_) {
      error_ = ScanError{quote_begin_, "unterminated quoted scalar: the closing quote is missing"};
      return FastScanOutcome::kInvalid;
    }
    return Finish(out);
  }

 private:
  struct Level {
    size_t indent;
    bool is_sequence;
    bool compact;  // a sequence at the same indentation as the key that holds it
    Role role;
    ObjectFields* object;  // for kObject and kMetadata levels
  };

  FastScanOutcome Finish(std::vector<Resource>* out) {
    if (!has_content_) return FastScanOutcome::kEmpty;
    Resource& root = root_.resource;
    if (!root.api_version.present || !root.kind.present) return FastScanOutcome::kNoResource;
    root.source = std::move(source_);
    const bool is_list = root.kind.value.ends_with("List");
    out->push_back(std::move(root));
    if (!is_list) return FastScanOutcome::kResource;
    for (ObjectFields& item : items_) {
      if (!item.resource.api_version.present || !item.resource.kind.present) continue;
      item.resource.list_item = true;
      item.resource.source = out->front().source;
      out->push_back(std::move(item.resource));
    }
    return FastScanOutcome::kResource;
  }

  bool ProcessLine(std::string_view line) {
    size_t indent = CountIndent(line);
    if (in_block_scalar_) {
      if (indent == line.size()) {
        if (block_content_indent_ == kNone && indent > leading_blank_indent_) leading_blank_indent_ = indent;
        return true;
      }
      if (indent > block_parent_indent_) {
        if (block_content_indent_ == kNone) {
          // Leading blank lines may not be more indented than the first content line.
          if (leading_blank_indent_ > indent) return false;
          block_content_indent_ = indent;
        }
        return indent >= block_content_indent_;
      }
      in_block_scalar_ = false;
    }
    if (quote_open_) return ContinueQuotedScalar(line, indent);
    // A byte order mark inside a stream may only open a document: leave it to the parser.
    if (!line.empty() && line[0] == '\xEF') return false;
    if (indent == line.size()) return true;  // blank line (also inside a multi-line plain scalar)
    char c = line[indent];
    if (c == '\t') return false;
    if (c == '#') {
      plain_open_ = false;  // a comment ends a plain scalar; a continuation after it is an error
      if (!has_content_ && line.substr(0, kSourcePrefix.size()) == kSourcePrefix) {
        source_ = std::string(line.substr(kSourcePrefix.size()));
        while (!source_.empty() && IsBlank(source_.back())) source_.pop_back();
      }
      return true;
    }
    has_content_ = true;
    if (plain_open_ && indent > plain_parent_indent_) return ContinuePlainScalar(line, indent);
    plain_open_ = false;
    return ProcessContent(line, indent);
  }

  // A more indented line after a plain scalar continues it ("description: a long\n  text").
  bool ContinuePlainScalar(std::string_view line, size_t indent) {
    if (plain_tracked_) return false;  // the value of a field we report would change
    if (!std::isalnum(static_cast<unsigned char>(line[indent]))) return false;
    for (size_t i = indent; i < line.size(); ++i) {
      char c = line[i];
      if (c == '#' && IsBlank(line[i - 1])) return false;
      if (c == ':' && (i + 1 == line.size() || IsBlank(line[i + 1]))) return false;
    }
    return true;
  }

  // The lines after an unclosed quote, up to the line that closes it. Comment-like lines are
  // content here. In block context every line must be indented more than the parent block.
  bool ContinueQuotedScalar(std::string_view line, size_t indent) {
    if (indent == line.size()) return true;
    if (indent <= quote_parent_indent_) return false;
    bool escapes = false;
    bool bad_escape = false;
    size_t end = scan::FindQuoteEnd(line, indent, quote_open_, &escapes, &bad_escape);
    if (bad_escape) return Invalid(indent, "invalid escape sequence in a double-quoted scalar");
    if (end == std::string_view::npos) return true;
    quote_open_ = '\0';
    if (!scan::IsTrailingComment(line.substr(end))) {
      return Invalid(end, "unexpected text after a quoted scalar (a comment needs a blank before '#')");
    }
    return true;
  }

  void OpenQuoted(const LexedValue& value, size_t parent_indent) {
    quote_open_ = value.style == ScalarStyle::kDoubleQuoted ? '"' : '\'';
    quote_parent_indent_ = parent_indent;
    quote_begin_ = line_begin_ + value.begin;
  }

  // The role of a block pushed under \a parent: an items sequence holds List items.
  Level MakeLevel(size_t indent, bool is_sequence, bool compact, Role role, ObjectFields* object) {
    if (!is_sequence && levels_.size() > 0 && levels_.back().role == Role::kItems) {
      items_.emplace_back();
      return Level{indent, false, false, Role::kObject, &items_.back()};
    }
    if (role == Role::kItems && !is_sequence) role = Role::kOther;  // "items:" holding a map
    return Level{indent, is_sequence, compact, role, object};
  }

  bool ProcessContent(std::string_view line, size_t indent) {
    const bool sequence_entry = IsSequenceEntry(line, indent);
    bool opened_level = false;
    if (levels_.empty()) {
      // The top level must be a block mapping at column 0; anything else is not an object
      // we understand (a top-level sequence or scalar goes to the full parser).
      if (indent != 0 || sequence_entry) return false;
      levels_.push_back({0, false, false, Role::kObject, &root_});
      opened_level = true;
    } else if (pending_open_) {
      pending_open_ = false;
      if (indent > open_indent_) {
        if (levels_.size() >= kMaxDepth) return false;
        levels_.push_back(MakeLevel(indent, sequence_entry, false, open_role_, open_object_));
        opened_level = true;
      } else if (indent == open_indent_ && open_is_key_ && sequence_entry) {
        levels_.push_back(MakeLevel(indent, true, true, open_role_, open_object_));
        opened_level = true;
      }
    }
    while (levels_.back().indent > indent) {
      levels_.pop_back();
      if (levels_.empty()) return false;
    }
    if (levels_.back().indent != indent) return false;
    if (levels_.back().compact && !sequence_entry) levels_.pop_back();
    const Level& top = levels_.back();
    // Everything before this line was understood, so no multi-line scalar or flow
    // collection is open: a line at the indentation of an existing block must continue it.
    if (top.is_sequence != sequence_entry) {
      return opened_level ? false
                          : Invalid(indent, sequence_entry ? "a sequence entry where a 'key: value' belongs"
                                                           : "expected '- ' here: this line continues a sequence");
    }
    if (!sequence_entry) {
      size_t colon = FindKeyColon(line.substr(indent));
      if (colon == std::string_view::npos) {
        // Only a line that starts like a plain word is surely a missing ':'; indicators
        // (anchors, tags, empty or complex keys, flow keys) are left to the parser.
        if (opened_level || !std::isalnum(static_cast<unsigned char>(line[indent]))) return false;
        return Invalid(indent, "expected 'key: value' here (is a ':' missing?)");
      }
      return HandleKey(line, indent, indent + colon);
    }
    return HandleSequenceEntry(line, indent);
  }

  bool HandleSequenceEntry(std::string_view line, size_t indent) {
    const bool in_items = levels_.back().role == Role::kItems;
    size_t p = indent + 1;
    bool tab = false;
    while (p < line.size() && IsBlank(line[p])) tab |= line[p++] == '\t';
    if (p == line.size() || line[p] == '#') {
      Open(indent, /*is_key=*/false, Role::kOther, nullptr);
      return true;
    }
    if (line[p] == '\t' || IsSequenceEntry(line, p)) return false;  // "- - x": leave to the parser
    size_t colon = FindKeyColon(line.substr(p));
    if (colon != std::string_view::npos) {
      // "-<tab>key: value" indents a mapping with a tab, which YAML forbids; a tab before a
      // scalar is only a separator.
      if (tab || levels_.size() >= kMaxDepth) return false;
      levels_.push_back(MakeLevel(p, false, false, Role::kOther, nullptr));
      return HandleKey(line, p, p + colon);
    }
    if (in_items) return false;  // a List item that is not a block mapping: the parser judges
    LexedValue value = LexValue(line, p);
    if (value.kind == LexedValue::kInvalid) return Invalid(value.begin, value.problem);
    if (value.kind == LexedValue::kBlockScalar) StartBlockScalar(indent);
    if (IsOpenPlain(line, value)) OpenPlain(indent, false);
    if (value.kind == LexedValue::kOpenQuoted) OpenQuoted(value, indent);
    return value.kind == LexedValue::kScalar || value.kind == LexedValue::kFlow ||
           value.kind == LexedValue::kBlockScalar || value.kind == LexedValue::kOpenQuoted;
  }

  bool HandleKey(std::string_view line, size_t key_begin, size_t colon) {
    size_t key_end = colon;
    while (key_end > key_begin && IsBlank(line[key_end - 1])) --key_end;
    std::string_view key = line.substr(key_begin, key_end - key_begin);
    LexedValue value = LexValue(line, colon + 1);
    if (value.kind == LexedValue::kInvalid) return Invalid(value.begin, value.problem);
    if (value.kind == LexedValue::kUnsupported) return false;
    const Level& level = levels_.back();
    Role child_role = Role::kOther;
    bool tracked = false;
    if (level.role == Role::kObject) {
      if (!HandleObjectKey(line, key, value, *level.object, &child_role, &tracked)) return false;
    } else if (level.role == Role::kMetadata) {
      if (!HandleMetadataKey(line, key, value, *level.object, &tracked)) return false;
    }
    if (value.kind == LexedValue::kEmpty) Open(level.indent, /*is_key=*/true, child_role, level.object);
    if (value.kind == LexedValue::kBlockScalar) StartBlockScalar(level.indent);
    if (IsOpenPlain(line, value)) OpenPlain(level.indent, tracked);
    if (value.kind == LexedValue::kOpenQuoted) {
      if (tracked) return false;  // a field we report, spread over lines: the parser folds it
      OpenQuoted(value, level.indent);
    }
    return true;
  }

  bool HandleObjectKey(std::string_view line, std::string_view key, const LexedValue& value, ObjectFields& object,
                       Role* child_role, bool* tracked) {
    if (key.front() == '"' || key.front() == '\'') return false;
    const bool is_root = &object == &root_;
    if (is_root) {
      // Duplicate top-level keys: yaml-cpp keeps the first silently; let it decide.
      for (std::string_view seen : top_keys_) {
        if (seen == key) return false;
      }
      top_keys_.push_back(key);
    }
    if (key == "apiVersion" || key == "kind") {
      *tracked = true;
      ScalarRef& ref = key == "apiVersion" ? object.resource.api_version : object.resource.kind;
      return !ref.present && TakeScalar(line, value, &ref);
    }
    if (key == "metadata") {
      if (object.metadata_seen || value.kind != LexedValue::kEmpty) return false;
      object.metadata_seen = true;
      *child_role = Role::kMetadata;
      return true;
    }
    if (key == "items" && is_root) {
      if (value.kind == LexedValue::kFlow) return false;  // flow items: the parser reads them
      *child_role = Role::kItems;
    }
    return true;
  }

  bool HandleMetadataKey(std::string_view line, std::string_view key, const LexedValue& value, ObjectFields& object,
                         bool* tracked) {
    if (key != "name" && key != "namespace") return true;
    *tracked = true;
    if (value.kind == LexedValue::kEmpty) return false;  // null, or a value on the next lines
    if (value.kind != LexedValue::kScalar || value.has_escapes) return false;
    std::string text(scan::ScalarText(line, value));
    const bool null = IsPlainNull(text, value.style);  // "name: null" is no name, as for the parser
    if (key == "name") {
      if (object.name_seen) return false;
      object.name_seen = true;
      if (null) return true;
      object.resource.name = std::move(text);
      object.resource.name_range = Range{line_begin_ + value.begin, line_begin_ + value.end};
    } else {
      if (object.resource.namespace_ || object.namespace_seen) return false;
      object.namespace_seen = true;
      if (null) return true;
      object.resource.namespace_ = std::move(text);
      object.resource.namespace_range = Range{line_begin_ + value.begin, line_begin_ + value.end};
    }
    return true;
  }

  bool TakeScalar(std::string_view line, const LexedValue& value, ScalarRef* out) {
    if (value.kind != LexedValue::kScalar || value.has_escapes) return false;
    std::string_view text = scan::ScalarText(line, value);
    if (IsPlainNull(text, value.style)) return false;  // not a string: not an object we can name
    out->value = std::string(text);
    out->range = Range{line_begin_ + value.begin, line_begin_ + value.end};
    out->style = value.style;
    out->present = true;
    return true;
  }

  bool Invalid(size_t column, const char* problem) {
    invalid_ = true;
    error_ = ScanError{line_begin_ + column, problem};
    return false;
  }

  void Open(size_t indent, bool is_key, Role role, ObjectFields* object) {
    pending_open_ = true;
    open_indent_ = indent;
    open_is_key_ = is_key;
    open_role_ = role;
    open_object_ = object;
  }

  // A plain scalar may go on over the next lines, unless a comment ended it.
  static bool IsOpenPlain(std::string_view line, const LexedValue& value) {
    return value.kind == LexedValue::kScalar && value.style == ScalarStyle::kPlain &&
           line.find('#', value.end) == std::string_view::npos;
  }

  void OpenPlain(size_t parent_indent, bool tracked) {
    plain_open_ = true;
    plain_parent_indent_ = parent_indent;
    plain_tracked_ = tracked;
  }

  void StartBlockScalar(size_t parent_indent) {
    in_block_scalar_ = true;
    block_parent_indent_ = parent_indent;
    block_content_indent_ = kNone;
    leading_blank_indent_ = 0;
  }

  std::string_view text_;
  Range document_;
  size_t line_begin_ = 0;
  bool has_content_ = false;
  bool seen_marker_ = false;
  bool invalid_ = false;
  ScanError error_;

  std::vector<Level> levels_;
  bool pending_open_ = false;
  size_t open_indent_ = 0;
  bool open_is_key_ = false;
  Role open_role_ = Role::kOther;
  ObjectFields* open_object_ = nullptr;

  char quote_open_ = '\0';  // the quote of a scalar that goes on over the next lines
  size_t quote_parent_indent_ = 0;
  size_t quote_begin_ = 0;

  bool plain_open_ = false;
  size_t plain_parent_indent_ = 0;
  bool plain_tracked_ = false;

  bool in_block_scalar_ = false;
  size_t block_parent_indent_ = 0;
  size_t block_content_indent_ = kNone;
  size_t leading_blank_indent_ = 0;

  std::vector<std::string_view> top_keys_;
  ObjectFields root_;
  std::deque<ObjectFields> items_;  // stable addresses: levels point at them
  std::string source_;
};

}  // namespace

FastScanOutcome FastScanDocument(std::string_view text, Range document, std::vector<Resource>* out,
                                 ScanError* error) {
  DocumentScanner scanner(text, document);
  FastScanOutcome outcome = scanner.Run(out);
  if (outcome == FastScanOutcome::kInvalid && error) *error = scanner.error();
  return outcome;
}

}  // namespace kubeshift
