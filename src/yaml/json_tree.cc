// Plain JSON read straight into a YamlNode tree, without yaml-cpp (see tree_nodes.h).
#include <cctype>
#include <cstring>
#include <string>

#include "yaml/tree_nodes.h"

namespace kubeshift::tree {
namespace {

// Plain JSON (kubectl get -o json), read directly: yaml-cpp reads it at a few MB/s. The tree is
// the one yaml-cpp gives, as the differential test checks. Whatever is not the simple case
// (tabs, blanks before a colon, surrogate escapes, unusual UTF-8, deep nesting, anything that
// is not strict JSON) returns false, and yaml-cpp reads the document.
class JsonTreeReader {
 public:
  JsonTreeReader(std::string_view text, Range chunk) : text_(text), pos_(chunk.begin), end_(chunk.end) {}

  bool Read(YamlNode* root) {
    SkipSpace();
    if (pos_ >= end_ || (text_[pos_] != '{' && text_[pos_] != '[')) return false;
    if (!Value(root, 0)) return false;
    SkipSpace();
    return pos_ == end_;
  }

 private:
  void SkipSpace() {
    while (pos_ < end_ && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                           (text_[pos_] == '\r' && pos_ + 1 < end_ && text_[pos_ + 1] == '\n'))) {
      ++pos_;
    }
  }
  bool Value(YamlNode* node, int depth) {
    if (depth > kMaxDepth || pos_ >= end_) return false;
    node->begin = pos_;
    const char c = text_[pos_];
    if (c == '{' || c == '[') return Collection(node, depth, c == '{');
    if (c == '"') {
      node->tag = "!";
      return String(node);
    }
    node->tag = "?";
    for (std::string_view word : {"true", "false", "null"}) {
      if (text_.substr(pos_, word.size()) != word) continue;
      pos_ += word.size();
      if (word == "null") {
        node->tag.clear();
        return Ends();
      }
      node->kind = YamlNode::Kind::kScalar;
      node->value = word;
      SetScalarExtent(text_, node);
      return Ends();
    }
    return Number(node);
  }
  // A scalar ends where the flow collection goes on.
  bool Ends() const { return pos_ < end_ && std::strchr(" \r\n,]}", text_[pos_]) != nullptr; }
  bool String(YamlNode* node) {
    size_t run = ++pos_;  // the bytes since the last escape
    std::string value;
    while (pos_ < end_ && text_[pos_] != '"') {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const size_t n = Utf8Length(pos_);
        if (n == 0) return false;
        pos_ += n;
      } else if (c == '\\') {
        value.append(text_.substr(run, pos_ - run));
        if (!Escape(&value)) return false;
        run = pos_;
      } else {
        ++pos_;
      }
    }
    if (pos_ >= end_) return false;
    value.append(text_.substr(run, pos_ - run));
    node->kind = YamlNode::Kind::kScalar;
    node->value = std::move(value);
    ++pos_;
    SetScalarExtent(text_, node);
    return true;
  }
  // The length of the UTF-8 sequence at \a at, or 0 for what yaml-cpp might read otherwise:
  // malformed sequences, line and paragraph separators, NEL, a byte order mark.
  size_t Utf8Length(size_t at) const {
    const auto lead = static_cast<unsigned char>(text_[at]);
    const size_t n = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
    if (n == 0 || (n == 3 && lead >= 0xF0) || at + n > end_) return 0;
    for (size_t i = 1; i < n; ++i) {
      if ((static_cast<unsigned char>(text_[at + i]) & 0xC0) != 0x80) return 0;
    }
    const std::string_view sequence = text_.substr(at, n);
    if (sequence == "\xC2\x85" || sequence == "\xE2\x80\xA8" || sequence == "\xE2\x80\xA9" ||
        sequence == "\xEF\xBB\xBF") {
      return 0;
    }
    return n;
  }
  // JSON's escapes; a \u of a surrogate (yaml-cpp refuses those) is left to yaml-cpp.
  bool Escape(std::string* value) {
    if (pos_ + 1 >= end_) return false;
    const char c = text_[pos_ + 1];
    pos_ += 2;
    switch (c) {
      case '"': *value += '"'; return true;
      case '\\': *value += '\\'; return true;
      case '/': *value += '/'; return true;
      case 'b': *value += '\b'; return true;
      case 'f': *value += '\f'; return true;
      case 'n': *value += '\n'; return true;
      case 'r': *value += '\r'; return true;
      case 't': *value += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    if (pos_ + 4 > end_) return false;
    unsigned code = 0;
    for (size_t i = 0; i < 4; ++i) {
      const char h = text_[pos_ + i];
      if (!std::isxdigit(static_cast<unsigned char>(h))) return false;
      code = code * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    pos_ += 4;
    if (code >= 0xD800 && code <= 0xDFFF) return false;
    if (code < 0x80) {
      *value += static_cast<char>(code);
    } else if (code < 0x800) {
      *value += static_cast<char>(0xC0 | (code >> 6));
      *value += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      *value += static_cast<char>(0xE0 | (code >> 12));
      *value += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      *value += static_cast<char>(0x80 | (code & 0x3F));
    }
    return true;
  }
  bool Number(YamlNode* node) {
    const size_t begin = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < end_ && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      return pos_ > from;
    };
    if (pos_ < end_ && text_[pos_] == '-') ++pos_;
    if (pos_ < end_ && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (pos_ < end_ && text_[pos_] == '.' && (++pos_, !digits())) return false;
    if (pos_ < end_ && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < end_ && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return false;
    }
    node->kind = YamlNode::Kind::kScalar;
    node->value = std::string(text_.substr(begin, pos_ - begin));
    SetScalarExtent(text_, node);
    return Ends();
  }
  bool Collection(YamlNode* node, int depth, bool map) {
    node->kind = map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
    node->tag = "?";
    node->flow = true;
    const char close = map ? '}' : ']';
    ++pos_;
    SkipSpace();
    if (pos_ < end_ && text_[pos_] == close) {
      ++pos_;
      return true;
    }
    while (true) {
      if (map) {
        SkipSpace();
        if (pos_ >= end_ || text_[pos_] != '"') return false;
        YamlNode& key = node->keys.emplace_back();
        key.begin = pos_;
        key.tag = "!";
        if (!String(&key) || pos_ >= end_ || text_[pos_] != ':') return false;
        ++pos_;
        while (pos_ < end_ && text_[pos_] == ' ') ++pos_;
      } else {
        SkipSpace();
      }
      YamlNode& value = node->values.emplace_back();
      if (!Value(&value, depth + 1)) return false;
      if (value.IsNull()) SetFlowNullExtent(text_, map ? &node->keys.back() : nullptr, &value);
      SkipSpace();
      if (pos_ >= end_) return false;
      if (text_[pos_] == close) {
        ++pos_;
        return true;
      }
      if (text_[pos_] != ',') return false;
      ++pos_;
    }
  }

  std::string_view text_;
  size_t pos_;
  size_t end_;
};

}  // namespace

bool ReadJsonTree(std::string_view text, Range chunk, YamlNode* root) { return JsonTreeReader(text, chunk).Read(root); }

}  // namespace kubeshift::tree
