// The fast path: one pass over the lines of a document, validating its block structure
// (indentation, keys, one-line scalars and flow collections, block scalars) and picking up
// the top-level fields with their byte ranges. Anything outside that subset returns
// kNotUnderstood and goes to yaml-cpp, so the two paths never disagree on what they accept.
#include <cctype>
#include <cstring>
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

// Every '\r' must be part of "\r\n": YAML reads a lone '\r' as a line break.
bool HasOnlyCrlf(std::string_view text) {
  for (size_t i = 0;;) {
    const void* hit = std::memchr(text.data() + i, '\r', text.size() - i);
    if (!hit) return true;
    i = static_cast<size_t>(static_cast<const char*>(hit) - text.data()) + 1;
    if (i >= text.size() || text[i] != '\n') return false;
  }
}

class DocumentScanner {
 public:
  DocumentScanner(std::string_view text, Range document) : text_(text), document_(document) {}

  const ScanError& error() const { return error_; }

  FastScanOutcome Run(Resource* out) {
    if (!HasOnlyCrlf(text_.substr(document_.begin, document_.size()))) return FastScanOutcome::kNotUnderstood;
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
        if (!scan::IsTrailingComment(line) && !line.empty() && line[0] != '#') return FastScanOutcome::kNotUnderstood;
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
    if (!has_content_) return FastScanOutcome::kEmpty;
    if (!api_version_.present || !kind_.present) return FastScanOutcome::kNoResource;
    out->api_version = std::move(api_version_);
    out->kind = std::move(kind_);
    out->name = std::move(name_);
    out->namespace_ = std::move(namespace_);
    out->source = std::move(source_);
    return FastScanOutcome::kResource;
  }

 private:
  struct Level {
    size_t indent;
    bool is_sequence;
    bool compact;  // a sequence at the same indentation as the key that holds it
  };

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
    if (indent == line.size()) return true;  // blank line
    char c = line[indent];
    if (c == '\t') return false;
    if (c == '#') {
      if (!has_content_ && line.substr(0, kSourcePrefix.size()) == kSourcePrefix) {
        source_ = std::string(line.substr(kSourcePrefix.size()));
        while (!source_.empty() && IsBlank(source_.back())) source_.pop_back();
      }
      return true;
    }
    has_content_ = true;
    return ProcessContent(line, indent);
  }

  bool ProcessContent(std::string_view line, size_t indent) {
    const bool sequence_entry = IsSequenceEntry(line, indent);
    bool opened_level = false;
    if (levels_.empty()) {
      // The top level must be a block mapping at column 0; anything else is not an object
      // we understand (a top-level sequence or scalar goes to the full parser).
      if (indent != 0 || sequence_entry) return false;
      levels_.push_back({0, false, false});
      opened_level = true;
    } else if (pending_open_) {
      pending_open_ = false;
      if (indent > open_indent_) {
        if (levels_.size() >= kMaxDepth) return false;
        levels_.push_back({indent, sequence_entry, false});
        opened_level = true;
      } else if (indent == open_indent_ && open_is_key_ && sequence_entry) {
        levels_.push_back({indent, true, true});
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
    size_t p = indent + 1;
    while (p < line.size() && IsBlank(line[p])) ++p;
    if (p == line.size() || line[p] == '#') {
      Open(indent, /*is_key=*/false);
      return true;
    }
    if (line[p] == '\t' || IsSequenceEntry(line, p)) return false;  // "- - x": leave to the parser
    size_t colon = FindKeyColon(line.substr(p));
    if (colon != std::string_view::npos) {
      if (levels_.size() >= kMaxDepth) return false;
      levels_.push_back({p, false, false});
      return HandleKey(line, p, p + colon);
    }
    LexedValue value = LexValue(line, p);
    if (value.kind == LexedValue::kInvalid) return Invalid(value.begin, value.problem);
    if (value.kind == LexedValue::kBlockScalar) StartBlockScalar(indent);
    return value.kind == LexedValue::kScalar || value.kind == LexedValue::kFlow ||
           value.kind == LexedValue::kBlockScalar;
  }

  bool HandleKey(std::string_view line, size_t key_begin, size_t colon) {
    size_t key_end = colon;
    while (key_end > key_begin && IsBlank(line[key_end - 1])) --key_end;
    std::string_view key = line.substr(key_begin, key_end - key_begin);
    LexedValue value = LexValue(line, colon + 1);
    if (value.kind == LexedValue::kInvalid) return Invalid(value.begin, value.problem);
    if (value.kind == LexedValue::kUnsupported) return false;
    const size_t depth = levels_.size() - 1;
    if (depth == 0) {
      if (!HandleTopLevelKey(line, key, value)) return false;
    } else if (depth == 1 && in_metadata_) {
      if (!HandleMetadataKey(line, key, value)) return false;
    }
    if (value.kind == LexedValue::kEmpty) Open(levels_.back().indent, /*is_key=*/true);
    if (value.kind == LexedValue::kBlockScalar) StartBlockScalar(levels_.back().indent);
    return true;
  }

  bool HandleTopLevelKey(std::string_view line, std::string_view key, const LexedValue& value) {
    if (key.front() == '"' || key.front() == '\'') return false;
    // Duplicate top-level keys: yaml-cpp keeps the first silently; let it decide.
    for (std::string_view seen : top_keys_) {
      if (seen == key) return false;
    }
    top_keys_.push_back(key);
    in_metadata_ = false;
    if (key == "apiVersion") return TakeScalar(line, value, &api_version_);
    if (key == "kind") return TakeScalar(line, value, &kind_);
    if (key == "metadata") {
      in_metadata_ = value.kind == LexedValue::kEmpty;
      return value.kind == LexedValue::kEmpty;
    }
    return key != "items";  // Lists are expanded by the full parser
  }

  bool HandleMetadataKey(std::string_view line, std::string_view key, const LexedValue& value) {
    if (levels_.back().is_sequence) return true;
    if (key != "name" && key != "namespace") return true;
    if (value.kind == LexedValue::kEmpty) return true;  // null
    if (value.kind != LexedValue::kScalar || value.has_escapes) return false;
    std::string text(scan::ScalarText(line, value));
    if (key == "name") {
      name_ = std::move(text);
    } else {
      namespace_ = std::move(text);
    }
    return true;
  }

  bool TakeScalar(std::string_view line, const LexedValue& value, ScalarRef* out) {
    if (value.kind != LexedValue::kScalar || value.has_escapes) return false;
    std::string_view text = scan::ScalarText(line, value);
    // Plain "null", "~", "true", numbers… are not strings: not an object we can name.
    if (value.style == ScalarStyle::kPlain && (text == "null" || text == "~" || text == "Null" || text == "NULL")) {
      return false;
    }
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

  void Open(size_t indent, bool is_key) {
    pending_open_ = true;
    open_indent_ = indent;
    open_is_key_ = is_key;
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
  bool seen_marker_ = false;
  bool invalid_ = false;
  ScanError error_;
  bool has_content_ = false;

  std::vector<Level> levels_;
  bool pending_open_ = false;
  size_t open_indent_ = 0;
  bool open_is_key_ = false;

  bool in_block_scalar_ = false;
  size_t block_parent_indent_ = 0;
  size_t block_content_indent_ = kNone;
  size_t leading_blank_indent_ = 0;

  std::vector<std::string_view> top_keys_;
  bool in_metadata_ = false;
  ScalarRef api_version_;
  ScalarRef kind_;
  std::string name_;
  std::optional<std::string> namespace_;
  std::string source_;
};

}  // namespace

FastScanOutcome FastScanDocument(std::string_view text, Range document, Resource* out, ScanError* error) {
  DocumentScanner scanner(text, document);
  FastScanOutcome outcome = scanner.Run(out);
  if (outcome == FastScanOutcome::kInvalid && error) *error = scanner.error();
  return outcome;
}

}  // namespace kubeshift
