// The fast path for JSON inputs: a complete JSON validator (RFC 8259) in one pass that picks
// up the top-level apiVersion, kind, metadata.name/namespace, and those of List items, with
// their byte ranges. Invalid JSON goes to yaml-cpp (a ".json" file may hold YAML), which then
// reports the error.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "kubeshift/scan.h"

namespace kubeshift {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where a string value sits in the object tree, as far as the scan cares.
enum class Slot { kNone, kApiVersion, kKind, kName, kNamespace };

// Decodes the escapes of a JSON key that are plain ASCII (\uXXXX below 0x80 and the one-letter
// escapes) and says whether the result is one of the keys the scan tracks.
bool MaySpellTrackedKey(std::string_view raw) {
  std::string key;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      key += raw[i];
      continue;
    }
    char e = raw[++i];
    if (e == 'u' && i + 4 < raw.size()) {
      unsigned value = static_cast<unsigned>(std::strtoul(std::string(raw.substr(i + 1, 4)).c_str(), nullptr, 16));
      key += value < 0x80 ? static_cast<char>(value) : '?';
      i += 4;
    } else {
      key += e;
    }
  }
  for (std::string_view tracked : {"apiVersion", "kind", "metadata", "items", "name", "namespace"}) {
    if (key == tracked) return true;
  }
  return false;
}

class JsonScanner {
 public:
  JsonScanner(std::string_view text, Range range) : text_(text), pos_(range.begin), end_(range.end) {}

  FastScanOutcome Run(std::vector<Resource>* out) {
    SkipSpace();
    if (pos_ == end_) return FastScanOutcome::kEmpty;
    if (!ParseValue(0, Role::kObject, &root_, Slot::kNone)) return FastScanOutcome::kNotUnderstood;
    SkipSpace();
    if (pos_ != end_) return FastScanOutcome::kNotUnderstood;  // trailing content
    Resource& root = root_.resource;
    if (!root.api_version.present || !root.kind.present) return FastScanOutcome::kNoResource;
    const bool is_list = root.kind.value.ends_with("List");
    out->push_back(std::move(root));
    if (!is_list) return FastScanOutcome::kResource;
    for (Tracked& item : items_) {
      if (!item.resource.api_version.present || !item.resource.kind.present) continue;
      item.resource.list_item = true;
      out->push_back(std::move(item.resource));
    }
    return FastScanOutcome::kResource;
  }

 private:
  // What an object or array means for the scan.
  enum class Role { kOther, kObject, kMetadata, kItems };

  // An object whose fields we pick up, with "first key wins" bookkeeping for the name.
  struct Tracked {
    Resource resource;
    bool name_seen = false;
  };

  void SkipSpace() {
    while (pos_ < end_ && IsJsonSpace(text_[pos_])) ++pos_;
  }

  bool Expect(char c) {
    SkipSpace();
    if (pos_ >= end_ || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A string starting at pos_ (the opening quote). Fills *value when it has no escapes.
  bool ParseString(std::string* value, bool* escaped) {
    size_t begin = ++pos_;
    while (pos_ < end_) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        if (value && !*escaped) value->assign(text_.substr(begin, pos_ - begin));
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;  // raw control characters are not allowed in JSON strings
      if (c == '\\') {
        *escaped = true;
        if (++pos_ >= end_) return false;
        char e = text_[pos_];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k) {
            if (++pos_ >= end_ || !std::isxdigit(static_cast<unsigned char>(text_[pos_]))) return false;
          }
        } else if (e == '\0' || !std::strchr("\"\\/bfnrt", e)) {
          return false;
        }
      }
      ++pos_;
    }
    return false;
  }

  bool ParseNumber() {
    size_t start = pos_;
    auto digits = [&] {
      size_t first = pos_;
      while (pos_ < end_ && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      return pos_ > first;
    };
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < end_ && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (pos_ < end_ && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return false;
    }
    if (pos_ < end_ && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < end_ && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return false;
    }
    return pos_ > start;
  }

  bool ParseLiteral(std::string_view word) {
    if (end_ - pos_ < word.size() || text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // The string value of a field we track.
  bool TakeString(Slot slot, Tracked* tracked) {
    size_t begin = pos_;
    std::string value;
    bool escaped = false;
    if (!ParseString(&value, &escaped)) return false;
    if (escaped) return false;  // escaped values are decoded by the parser
    Resource& r = tracked->resource;
    switch (slot) {
      case Slot::kApiVersion:
      case Slot::kKind: {
        ScalarRef& ref = slot == Slot::kApiVersion ? r.api_version : r.kind;
        if (!ref.present) ref = ScalarRef{std::move(value), Range{begin, pos_}, ScalarStyle::kDoubleQuoted, true};
        return true;  // a duplicate key: the first wins, as in yaml-cpp
      }
      case Slot::kName:
        if (!tracked->name_seen) r.name = std::move(value);
        tracked->name_seen = true;
        return true;
      case Slot::kNamespace:
        if (!r.namespace_) r.namespace_ = std::move(value);
        return true;
      case Slot::kNone:
        break;
    }
    return true;
  }

  bool ParseValue(int depth, Role role, Tracked* tracked, Slot slot) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (pos_ >= end_) return false;
    char c = text_[pos_];
    if (c == '{') return ParseObject(depth, role == Role::kItems ? Role::kOther : role, tracked);
    if (c == '[') return ParseArray(depth, role == Role::kItems ? Role::kItems : Role::kOther);
    if (c == '"') {
      if (slot != Slot::kNone) return TakeString(slot, tracked);
      bool escaped = false;
      return ParseString(nullptr, &escaped);
    }
    // A tracked field holding a non-string (a number read as text, a map): the parser judges.
    if (slot != Slot::kNone && c != 'n') return false;
    if (c == 't') return ParseLiteral("true");
    if (c == 'f') return ParseLiteral("false");
    if (c == 'n') return ParseLiteral("null");
    return ParseNumber();
  }

  bool ParseObject(int depth, Role role, Tracked* tracked) {
    ++pos_;  // '{'
    unsigned seen_fields = 0;
    SkipSpace();
    if (pos_ < end_ && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= end_ || text_[pos_] != '"') return false;
      size_t key_begin = pos_ + 1;
      bool escaped = false;
      if (!ParseString(nullptr, &escaped)) return false;
      std::string_view raw_key = text_.substr(key_begin, pos_ - 1 - key_begin);
      // An escaped key that spells a field we track ("api\u0056ersion"): the parser decodes it.
      if (escaped && role != Role::kOther && MaySpellTrackedKey(raw_key)) return false;
      std::string_view key = escaped ? std::string_view() : raw_key;
      if (!Expect(':')) return false;
      Slot slot = Slot::kNone;
      Role child = Role::kOther;
      int field = -1;  // which tracked key this is, for duplicates
      if (role == Role::kObject) {
        if (key == "apiVersion") slot = Slot::kApiVersion, field = 0;
        if (key == "kind") slot = Slot::kKind, field = 1;
        if (key == "metadata") child = Role::kMetadata, field = 2;
        if (key == "items" && tracked == &root_) child = Role::kItems, field = 3;
      } else if (role == Role::kMetadata) {
        if (key == "name") slot = Slot::kName, field = 4;
        if (key == "namespace") slot = Slot::kNamespace, field = 5;
      }
      // A tracked key given twice: the parser's "first key wins" applies to the whole value,
      // which this one-pass scan does not model.
      if (field >= 0) {
        if (seen_fields & (1u << field)) return false;
        seen_fields |= 1u << field;
      }
      if (!ParseValue(depth + 1, child, tracked, slot)) return false;
      SkipSpace();
      if (pos_ >= end_) return false;
      if (text_[pos_] == ',') {
        ++pos_;
      } else if (text_[pos_] == '}') {
        ++pos_;
        return true;
      } else {
        return false;
      }
    }
  }

  bool ParseArray(int depth, Role role) {
    ++pos_;  // '['
    SkipSpace();
    if (pos_ < end_ && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      bool item = role == Role::kItems && pos_ < end_ && text_[pos_] == '{';
      if (item) items_.emplace_back();
      if (!ParseValue(depth + 1, item ? Role::kObject : Role::kOther, item ? &items_.back() : nullptr, Slot::kNone)) {
        return false;
      }
      SkipSpace();
      if (pos_ >= end_) return false;
      if (text_[pos_] == ',') {
        ++pos_;
      } else if (text_[pos_] == ']') {
        ++pos_;
        return true;
      } else {
        return false;
      }
    }
  }

  static constexpr int kMaxDepth = 400;  // below yaml-cpp's limit, far above any manifest

  std::string_view text_;
  size_t pos_;
  size_t end_;
  Tracked root_;
  std::deque<Tracked> items_;  // stable addresses while elements are added
};

}  // namespace

FastScanOutcome FastScanJson(std::string_view text, Range range, std::vector<Resource>* out) {
  JsonScanner scanner(text, range);
  return scanner.Run(out);
}

}  // namespace kubeshift
