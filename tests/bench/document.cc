// kubeshift benchmark: YAML and JSON writers for the document model.
#include "document.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace kubeshift_bench {
namespace {

bool LooksLikeNonString(std::string_view s) {
  static const char* const kWords[] = {"null", "~",   "true", "false", "yes", "no",
                                       "on",   "off", "y",    "n",     "=",   "<<"};
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* w : kWords)
    if (lower == w) return true;
  if (lower == ".inf" || lower == "-.inf" || lower == "+.inf" || lower == ".nan") return true;
  std::string_view t = s;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
  if (t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o' || t[1] == 'b')) return true;
  if (t.empty() || !((t[0] >= '0' && t[0] <= '9') || t[0] == '.')) return false;
  bool digit = false, other = false, dash = false, colon = false;
  for (char c : t) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c == '-')
      dash = true;
    else if (c == ':')
      colon = true;
    else if (!std::strchr("._eE+", c))
      other = true;
  }
  if (!digit) return false;
  if (!other) return true;                             // 12, 1.5, 1e3, 12:30, 2024-01-02
  return t[0] >= '0' && t[0] <= '9' && dash && colon;  // timestamps
}

bool PlainOk(std::string_view s, bool flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20) return false;
  if (std::strchr("!&*|>'\"%@`#,[]{}", s[0])) return false;
  if ((s[0] == '-' || s[0] == '?' || s[0] == ':') && (s.size() == 1 || s[1] == ' ')) return false;
  if (s.find(": ") != s.npos || s.find(" #") != s.npos) return false;
  if (flow && s.find_first_of(",[]{}:") != s.npos) return false;
  return !LooksLikeNonString(s);
}

std::string DoubleQuoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string SingleQuoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class YamlWriter {
 public:
  YamlWriter(std::string* out, const YamlStyle& style) : out_(out), style_(style) {}

  /// Writes a block map starting at column 0.
  void Document(const Node& root) { MapBody(root, 0, ""); }

 private:
  void Spaces(int n) { out_->append(static_cast<size_t>(n), ' '); }

  void Key(const std::string& key) { *out_ += PlainOk(key, false) ? key : DoubleQuoted(key); }

  void Trailing(const Node& v) {
    if (!v.trailing.empty()) *out_ += "  # " + v.trailing;
  }

  void MapBody(const Node& map, int indent, std::string_view first_prefix) {
    for (size_t i = 0; i < map.keys.size(); ++i) {
      const Node& v = map.values[i];
      if (!v.comment.empty()) {
        Spaces(indent);
        *out_ += "# " + v.comment + "\n";
      }
      if (i == 0 && !first_prefix.empty())
        *out_ += first_prefix;
      else
        Spaces(indent);
      Key(map.keys[i]);
      *out_ += ':';
      Value(v, indent);
    }
  }

  void SeqBody(const Node& seq, int indent) {
    for (const Node& item : seq.values) {
      if (!item.comment.empty()) {
        Spaces(indent);
        *out_ += "# " + item.comment + "\n";
      }
      if (item.type == Node::Type::kMap && !item.keys.empty() && item.style != Style::kFlow) {
        std::string prefix(static_cast<size_t>(indent), ' ');
        prefix += "- ";
        MapBody(item, indent + 2, prefix);
      } else if (item.type == Node::Type::kSeq && !item.values.empty() &&
                 item.style != Style::kFlow) {
        Spaces(indent);
        *out_ += "-\n";
        SeqBody(item, indent + 2);
      } else {
        Spaces(indent);
        *out_ += '-';
        Value(item, indent);
      }
    }
  }

  /// Writes what follows "key:" or "-" of an entry whose key (or dash) is at \a indent.
  void Value(const Node& v, int indent) {
    if (v.type == Node::Type::kMap || v.type == Node::Type::kSeq) {
      bool empty = v.values.empty();
      if (empty || v.style == Style::kFlow) {
        *out_ += ' ';
        Flow(v);
        Trailing(v);
        *out_ += '\n';
      } else {
        Trailing(v);
        *out_ += '\n';
        if (v.type == Node::Type::kMap)
          MapBody(v, indent + style_.indent, "");
        else
          SeqBody(v, indent + style_.seq_indent);
      }
      return;
    }
    if (v.type == Node::Type::kString) {
      if ((v.style == Style::kLiteral || v.style == Style::kFolded) && BlockOk(v.text)) {
        Block(v, indent + style_.indent);
        return;
      }
      if (v.style == Style::kWrapped && v.text.find('\n') == v.text.npos) {
        Wrapped(v.text, indent + style_.indent);
        return;
      }
    }
    *out_ += ' ';
    Inline(v, false);
    Trailing(v);
    *out_ += '\n';
  }

  static bool BlockOk(const std::string& text) {
    return !text.empty() && text[0] != ' ' && text[0] != '\n' && text.find('\r') == text.npos &&
           text.find('\t') == text.npos;
  }

  void Block(const Node& v, int indent) {
    const std::string& t = v.text;
    *out_ += v.style == Style::kLiteral ? " |" : " >";
    size_t trailing_newlines = 0;
    while (trailing_newlines < t.size() && t[t.size() - 1 - trailing_newlines] == '\n')
      ++trailing_newlines;
    if (trailing_newlines == 0)
      *out_ += '-';
    else if (trailing_newlines > 1)
      *out_ += '+';
    *out_ += '\n';
    size_t pos = 0, end = t.size() - trailing_newlines;
    while (pos <= end) {
      size_t nl = t.find('\n', pos);
      if (nl == t.npos || nl > end) nl = end;
      if (nl > pos) {
        Spaces(indent);
        out_->append(t, pos, nl - pos);
      }
      *out_ += '\n';
      pos = nl + 1;
    }
    for (size_t i = 1; i < trailing_newlines; ++i) *out_ += '\n';
  }

  void Wrapped(const std::string& text, int indent) {
    bool plain = PlainOk(text, false) && text.find("  ") == text.npos;
    std::vector<std::string> lines =
        WrapWords(text, static_cast<size_t>(std::max(40, 96 - indent)));
    for (const std::string& line : lines) {
      // A continuation line that starts like a comment, an entry or an indicator would
      // not continue a plain scalar.
      if (std::strchr("#-?:|>&*!%@`'\"[]{},", line[0])) plain = false;
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string piece = lines[i];
      if (!plain) {  // one single-quoted scalar over several lines
        std::string quoted = SingleQuoted(piece);
        piece = quoted.substr(i == 0 ? 0 : 1,
                              quoted.size() - (i == 0 ? 0 : 1) - (i + 1 == lines.size() ? 0 : 1));
      }
      if (i == 0)
        *out_ += ' ';
      else
        Spaces(indent);
      *out_ += piece;
      *out_ += '\n';
    }
  }

  void Inline(const Node& v, bool flow) {
    switch (v.type) {
      case Node::Type::kNull:
        *out_ += "null";
        return;
      case Node::Type::kBool:
      case Node::Type::kInt:
        *out_ += v.text;
        return;
      case Node::Type::kMap:
      case Node::Type::kSeq:
        Flow(v);
        return;
      case Node::Type::kString:
        break;
    }
    if (v.style == Style::kSingle && v.text.find('\n') == v.text.npos)
      *out_ += SingleQuoted(v.text);
    else if (v.style == Style::kDouble || !PlainOk(v.text, flow))
      *out_ += DoubleQuoted(v.text);
    else
      *out_ += v.text;
  }

  void Flow(const Node& v) {
    bool map = v.type == Node::Type::kMap;
    *out_ += map ? '{' : '[';
    for (size_t i = 0; i < v.values.size(); ++i) {
      if (i) *out_ += ", ";
      if (map) {
        *out_ += PlainOk(v.keys[i], true) ? v.keys[i] : DoubleQuoted(v.keys[i]);
        *out_ += ": ";
      }
      Inline(v.values[i], true);
    }
    *out_ += map ? '}' : ']';
  }

  std::string* out_;
  YamlStyle style_;
};

void WriteJson(const Node& v, int width, int level, std::string* out);

}  // namespace

Node S(std::string text, Style style) {
  Node n;
  n.type = Node::Type::kString;
  n.text = std::move(text);
  n.style = style;
  return n;
}
Node I(long long value) {
  Node n;
  n.type = Node::Type::kInt;
  n.text = std::to_string(value);
  return n;
}
Node B(bool value) {
  Node n;
  n.type = Node::Type::kBool;
  n.text = value ? "true" : "false";
  return n;
}
Node Map(Style style) {
  Node n;
  n.type = Node::Type::kMap;
  n.style = style;
  return n;
}
Node Seq(Style style) {
  Node n;
  n.type = Node::Type::kSeq;
  n.style = style;
  return n;
}
Node M(std::initializer_list<std::pair<const char*, Node>> entries, Style style) {
  Node n = Map(style);
  for (const auto& [k, v] : entries) n.Set(k, v);
  return n;
}
Node L(std::initializer_list<Node> items, Style style) {
  Node n = Seq(style);
  for (const auto& v : items) n.Push(v);
  return n;
}
Node WithComment(Node n, std::string comment) {
  n.comment = std::move(comment);
  return n;
}
void SortKeys(Node* n) {
  if (n->type == Node::Type::kMap) {
    std::vector<size_t> order(n->keys.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return n->keys[a] < n->keys[b]; });
    std::vector<std::string> keys;
    std::vector<Node> values;
    for (size_t i : order) {
      keys.push_back(std::move(n->keys[i]));
      values.push_back(std::move(n->values[i]));
    }
    n->keys = std::move(keys);
    n->values = std::move(values);
  }
  for (Node& v : n->values) SortKeys(&v);
}

/// Splits \a text at single spaces into lines of at most \a width characters (a longer word
/// stays whole).
std::vector<std::string> WrapWords(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == text.npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    pos = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

void AppendYaml(const Node& root, const YamlStyle& style, std::string* out) {
  YamlWriter(out, style).Document(root);
}

std::string ToYaml(const Node& root, const YamlStyle& style) {
  std::string out;
  AppendYaml(root, style, &out);
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

void WriteJson(const Node& v, int width, int level, std::string* out) {
  switch (v.type) {
    case Node::Type::kNull:
      *out += "null";
      return;
    case Node::Type::kBool:
    case Node::Type::kInt:
      *out += v.text;
      return;
    case Node::Type::kString:
      *out += JsonString(v.text);
      return;
    case Node::Type::kMap:
    case Node::Type::kSeq:
      break;
  }
  bool map = v.type == Node::Type::kMap;
  if (v.values.empty()) {
    *out += map ? "{}" : "[]";
    return;
  }
  *out += map ? '{' : '[';
  for (size_t i = 0; i < v.values.size(); ++i) {
    if (i) *out += ',';
    if (width) {
      *out += '\n';
      out->append(static_cast<size_t>(width * (level + 1)), ' ');
    }
    if (map) {
      *out += JsonString(v.keys[i]);
      *out += width ? ": " : ":";
    }
    WriteJson(v.values[i], width, level + 1, out);
  }
  if (width) {
    *out += '\n';
    out->append(static_cast<size_t>(width * level), ' ');
  }
  *out += map ? '}' : ']';
}

}  // namespace

std::string ToJson(const Node& v, int width) {
  std::string out;
  WriteJson(v, width, 0, &out);
  return out;
}

}  // namespace kubeshift_bench
