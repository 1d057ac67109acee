// The subset reader behind ParseSimpleBlockYaml. It works line by line: a block map is the
// run of lines at one indentation that hold "key:", a block sequence the run of "- " lines, and
// "- key: v" is read as a map whose lines sit at the column of "key". Whenever a line could
// mean something outside the subset, the reader gives up and yaml-cpp reads the text; the
// differential test (tests/unit/yaml_simple_block_test.cc) holds the two to the same trees.
#include "helm/yaml_simple_block.h"

#include <set>
#include <string>
#include <vector>

namespace kubeshift::tmpl {
namespace {

constexpr int kMaxDepth = 64;

struct Line {
  std::string_view raw;      ///< without its "\n"
  size_t indent = 0;         ///< leading spaces
  std::string_view content;  ///< after the indentation
  bool blank = false;        ///< nothing but spaces, or a comment
};

bool IsSpaceOrEnd(std::string_view s, size_t i) { return i >= s.size() || s[i] == ' '; }

// The text after a scalar or header must be spaces, or spaces and a comment.
bool OnlyComment(std::string_view rest) {
  const size_t first = rest.find_first_not_of(' ');
  return first == std::string_view::npos || (rest[first] == '#' && (first > 0));
}

std::string_view TrimRight(std::string_view s) {
  const size_t last = s.find_last_not_of(' ');
  return last == std::string_view::npos ? std::string_view() : s.substr(0, last + 1);
}

bool IsNullWord(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

YamlNode ScalarNode(std::string value, bool plain) {
  YamlNode node;
  if (plain && IsNullWord(value)) return node;  // yaml-cpp makes these null nodes, not scalars
  node.kind = YamlNode::Kind::kScalar;
  node.value = std::move(value);
  node.tag = plain ? "?" : "!";
  return node;
}

// A one-line quoted scalar at the start of \a s; \a end gets the index after the closing quote.
bool QuotedScalar(std::string_view s, std::string* value, size_t* end) {
  const char quote = s[0];
  value->clear();
  for (size_t i = 1; i < s.size(); ++i) {
    if (quote == '"' && s[i] == '\\') return false;  // escapes: yaml-cpp's business
    if (s[i] != quote) {
      *value += s[i];
      continue;
    }
    if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      *value += '\'';
      ++i;
      continue;
    }
    *end = i + 1;
    return true;
  }
  return false;  // closes on a later line, or never
}

// Whether a plain scalar may start with s[0] in block context (YAML's indicator rules).
bool PlainMayStartWith(std::string_view s) {
  if (s.empty()) return false;
  if (std::string_view("[]{},#&*!|>%@`\"'").find(s[0]) != std::string_view::npos) return false;
  if ((s[0] == '-' || s[0] == '?' || s[0] == ':') && IsSpaceOrEnd(s, 1)) return false;
  return true;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : bom_(text.starts_with("\xEF\xBB\xBF")) {
    size_t begin = 0;
    while (begin < text.size()) {  // the "" after a final "\n" is not a line
      size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      Line line;
      line.raw = text.substr(begin, end - begin);
      const size_t first = line.raw.find_first_not_of(' ');
      line.indent = first == std::string_view::npos ? line.raw.size() : first;
      line.content = line.raw.substr(line.indent);
      line.blank = line.content.empty() || line.content[0] == '#';
      lines_.push_back(line);
      if (end == text.size()) break;
      begin = end + 1;
    }
  }

  bool Document(YamlNode* root) {
    if (bom_) return false;
    for (const Line& line : lines_) {
      // Markers and directives start documents; tabs and CR change what indentation means.
      if (line.raw.starts_with("---") || line.raw.starts_with("...") || line.raw.starts_with('%')) return false;
      if (line.raw.find_first_of("\t\r") != std::string_view::npos) return false;
    }
    SkipBlank();
    if (pos_ == lines_.size()) {
      root->implicit = true;
      return true;
    }
    if (!Block(lines_[pos_].indent, -1, 0, root)) return false;
    SkipBlank();
    return pos_ == lines_.size();
  }

 private:
  void SkipBlank() {
    while (pos_ < lines_.size() && lines_[pos_].blank) ++pos_;
  }

  // The node whose first line is the current one, at indentation \a indent. A scalar there must
  // be alone: the next line may not be indented more than \a limit.
  bool Block(size_t indent, long limit, int depth, YamlNode* out) {
    if (depth > kMaxDepth) return false;
    const std::string_view content = lines_[pos_].content;
    if (content[0] == '-' && IsSpaceOrEnd(content, 1)) return Sequence(indent, depth, out);
    std::string key;
    size_t after = 0;
    if (KeyOf(content, &key, &after)) return Map(indent, depth, out);
    if (!InlineValue(content, out)) return false;
    ++pos_;
    SkipBlank();
    return pos_ == lines_.size() || static_cast<long>(lines_[pos_].indent) <= limit;
  }

  // "key:" at the start of \a s: the key and the index after the colon.
  static bool KeyOf(std::string_view s, std::string* key, size_t* after) {
    if (s[0] == '"' || s[0] == '\'') {
      size_t end = 0;
      if (!QuotedScalar(s, key, &end) || end >= s.size() || s[end] != ':' || !IsSpaceOrEnd(s, end + 1)) return false;
      *after = end + 1;
      return true;
    }
    if (!PlainMayStartWith(s) || s[0] == '<') return false;  // "<<" merges need aliases anyway
    size_t colon = s.find(": ");
    if (colon == std::string_view::npos && s.back() == ':') colon = s.size() - 1;
    if (colon == std::string_view::npos) return false;
    const std::string_view text = TrimRight(s.substr(0, colon));
    if (text.empty() || text.size() != colon || text.find(" #") != std::string_view::npos || IsNullWord(text)) {
      return false;
    }
    key->assign(text);
    *after = colon + 1;
    return true;
  }

  bool Map(size_t indent, int depth, YamlNode* out) {
    out->kind = YamlNode::Kind::kMap;
    std::set<std::string> seen;
    while (true) {
      SkipBlank();
      if (pos_ == lines_.size() || lines_[pos_].indent < indent) return true;
      const Line& line = lines_[pos_];
      std::string key;
      size_t after = 0;
      if (line.indent > indent || !KeyOf(line.content, &key, &after)) return false;
      if (!seen.insert(key).second) return false;  // which one wins is yaml-cpp's call
      out->keys.push_back(ScalarNode(key, line.content[0] != '"' && line.content[0] != '\''));
      out->values.emplace_back();
      if (!MapValue(line.content.substr(after), indent, depth, &out->values.back())) return false;
    }
  }

  // The value after "key:" on the current line of a map at \a indent.
  bool MapValue(std::string_view rest, size_t indent, int depth, YamlNode* out) {
    if (OnlyComment(rest) || rest.empty()) {
      ++pos_;
      SkipBlank();
      if (pos_ == lines_.size()) return out->implicit = true;
      const Line& next = lines_[pos_];
      const bool dash = next.content[0] == '-' && IsSpaceOrEnd(next.content, 1);
      if (next.indent > indent || (next.indent == indent && dash)) return Block(next.indent, static_cast<long>(indent), depth + 1, out);
      return out->implicit = true;
    }
    rest = rest.substr(rest.find_first_not_of(' '));
    if (rest[0] == '|') return LiteralScalar(rest, indent, out);
    if (!InlineValue(rest, out)) return false;
    ++pos_;
    return true;
  }

  bool Sequence(size_t indent, int depth, YamlNode* out) {
    out->kind = YamlNode::Kind::kSequence;
    while (true) {
      SkipBlank();
      if (pos_ == lines_.size() || lines_[pos_].indent < indent) return true;
      Line& line = lines_[pos_];
      if (line.indent > indent || line.content[0] != '-' || !IsSpaceOrEnd(line.content, 1)) {
        // A key at the sequence's own indentation ends a sequence that is a map's value.
        std::string key;
        size_t after = 0;
        return line.indent == indent && KeyOf(line.content, &key, &after);
      }
      out->values.emplace_back();
      YamlNode& item = out->values.back();
      const size_t offset = line.content.find_first_not_of(' ', 1);
      if (offset == std::string_view::npos || line.content[offset] == '#') {
        ++pos_;
        SkipBlank();
        if (pos_ < lines_.size() && lines_[pos_].indent > indent) {
          if (!Block(lines_[pos_].indent, static_cast<long>(indent), depth + 1, &item)) return false;
        } else {
          item.implicit = true;
        }
        continue;
      }
      if (line.content[offset] == '|') {
        if (!LiteralScalar(line.content.substr(offset), indent, &item)) return false;
        continue;
      }
      // "- key: v": read the rest of the line as if the dash were a space.
      line.indent += offset;
      line.content = line.content.substr(offset);
      if (!Block(line.indent, static_cast<long>(indent), depth + 1, &item)) return false;
    }
  }

  // A scalar, `{}` or `[]` that ends its line.
  static bool InlineValue(std::string_view s, YamlNode* out) {
    if (s.starts_with("{}") || s.starts_with("[]")) {
      if (!OnlyComment(s.substr(2))) return false;
      out->kind = s[0] == '{' ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
      out->flow = true;
      return true;
    }
    if (s[0] == '"' || s[0] == '\'') {
      std::string value;
      size_t end = 0;
      if (!QuotedScalar(s, &value, &end) || !OnlyComment(s.substr(end))) return false;
      *out = ScalarNode(std::move(value), false);
      return true;
    }
    if (!PlainMayStartWith(s)) return false;
    const size_t comment = s.find(" #");
    const std::string_view text = TrimRight(s.substr(0, comment));
    if (text.find(": ") != std::string_view::npos || text.back() == ':') return false;
    *out = ScalarNode(std::string(text), true);
    return true;
  }

  // "|", "|-" or "|+" after a key or dash of a node at \a indent; the current line holds it.
  bool LiteralScalar(std::string_view header, size_t indent, YamlNode* out) {
    const char chomp = header.size() > 1 && (header[1] == '-' || header[1] == '+') ? header[1] : ' ';
    if (!OnlyComment(header.substr(chomp == ' ' ? 1 : 2))) return false;
    ++pos_;
    size_t content_indent = 0;
    std::string value;
    size_t pending_newlines = 0;  // blank lines not yet known to be inside the text
    for (; pos_ < lines_.size(); ++pos_) {
      const Line& line = lines_[pos_];
      if (line.content.empty()) {
        // A blank line longer than the indentation carries spaces of the text: not mine.
        if (content_indent == 0 || line.raw.size() > content_indent) {
          if (!line.raw.empty()) return false;
        }
        ++pending_newlines;
        continue;
      }
      if (content_indent == 0) {
        if (line.indent <= indent) break;
        content_indent = line.indent;
      }
      if (line.indent < content_indent) {
        if (line.indent > indent && line.content[0] != '#') return false;  // less indented text
        break;
      }
      if (!value.empty()) value += '\n';
      value.append(pending_newlines, '\n');
      pending_newlines = 0;
      value += line.raw.substr(content_indent);
    }
    if (content_indent == 0) return false;  // an empty literal: leave the corner cases alone
    if (chomp == '+') {
      value += '\n';
      value.append(pending_newlines, '\n');
    } else if (chomp == ' ') {
      value += '\n';
    }
    *out = ScalarNode(std::move(value), false);
    return true;
  }

  bool bom_;
  std::vector<Line> lines_;
  size_t pos_ = 0;
};

}  // namespace

bool ParseSimpleBlockYaml(std::string_view text, YamlNode* root) {
  *root = YamlNode();
  return Reader(text).Document(root);
}

}  // namespace kubeshift::tmpl
