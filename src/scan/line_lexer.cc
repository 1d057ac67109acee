#include "scan/line_lexer.h"

#include <cstring>

namespace kubeshift::scan {
namespace {

constexpr int kMaxFlowDepth = 64;

bool IsFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// Characters that may not start a plain scalar (YAML 1.2 c-indicator, minus the three
// that may when followed by a non-blank: '-', '?', ':').
bool IsForbiddenPlainStart(char c) {
  return std::strchr(",[]{}#&*!|>'\"%@`", c) != nullptr && c != '\0';
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Checks the escape at line[j] == '\\' and returns the offset of its last character, or npos
// for an escaped line break (j is the last character) or an escape YAML does not define.
size_t SkipEscape(std::string_view line, size_t j, bool* bad_escape) {
  if (++j >= line.size()) return std::string_view::npos;  // escaped line break
  int hex_digits = 0;
  switch (line[j]) {
    case '0': case 'a': case 'b': case 't': case '\t': case 'n': case 'v': case 'f':
    case 'r': case 'e': case ' ': case '"': case '/': case '\\': case 'N': case '_':
    case 'L': case 'P':
      break;
    case 'x': hex_digits = 2; break;
    case 'u': hex_digits = 4; break;
    case 'U': hex_digits = 8; break;
    default:
      *bad_escape = true;
      return std::string_view::npos;
  }
  for (int k = 0; k < hex_digits; ++k) {
    if (++j >= line.size() || !IsHex(line[j])) {
      *bad_escape = true;
      return std::string_view::npos;
    }
  }
  return j;
}

// Skips a quoted scalar starting at line[i] (the opening quote). On success i is one past
// the closing quote; false when it does not close on this line or has a bad escape.
bool SkipQuoted(std::string_view line, size_t& i, bool* has_escapes, bool* bad_escape) {
  size_t end = FindQuoteEnd(line, i + 1, line[i], has_escapes, bad_escape);
  if (end == std::string_view::npos) return false;
  i = end;
  return true;
}

bool SkipDoubleQuoted(std::string_view line, size_t& i, bool* has_escapes, bool* bad_escape = nullptr) {
  bool ignored = false;
  return SkipQuoted(line, i, has_escapes, bad_escape ? bad_escape : &ignored);
}

bool SkipSingleQuoted(std::string_view line, size_t& i, bool* has_escapes) {
  bool ignored = false;
  return SkipQuoted(line, i, has_escapes, &ignored);
}

void SkipBlanks(std::string_view line, size_t& i) {
  while (i < line.size() && IsBlank(line[i])) ++i;
}

// A plain scalar inside a flow collection. Stops before ',', brackets, ": " and " #".
bool SkipFlowPlain(std::string_view line, size_t& i) {
  char first = line[i];
  if (IsForbiddenPlainStart(first)) return false;
  if ((first == '-' || first == '?' || first == ':') &&
      (i + 1 >= line.size() || IsBlank(line[i + 1]) || IsFlowIndicator(line[i + 1]))) {
    return false;
  }
  size_t j = i + 1;
  for (; j < line.size(); ++j) {
    char c = line[j];
    if (IsFlowIndicator(c)) break;
    if (c == ':' && (j + 1 >= line.size() || IsBlank(line[j + 1]) || IsFlowIndicator(line[j + 1]))) break;
    if (c == '#' && IsBlank(line[j - 1])) return false;  // a comment inside an open flow
  }
  i = j;
  return true;
}

bool SkipFlowCollection(std::string_view line, size_t& i, int depth);

// One flow node: a collection, a quoted scalar or a plain scalar.
bool SkipFlowNode(std::string_view line, size_t& i, int depth) {
  if (i >= line.size()) return false;
  char c = line[i];
  bool escapes = false;
  if (c == '[' || c == '{') return SkipFlowCollection(line, i, depth + 1);
  if (c == '"') return SkipDoubleQuoted(line, i, &escapes);
  if (c == '\'') return SkipSingleQuoted(line, i, &escapes);
  return SkipFlowPlain(line, i);
}

bool SkipFlowCollection(std::string_view line, size_t& i, int depth) {
  if (depth > kMaxFlowDepth) return false;
  const bool is_map = line[i] == '{';
  const char close = is_map ? '}' : ']';
  ++i;
  SkipBlanks(line, i);
  while (true) {
    if (i >= line.size()) return false;
    if (line[i] == close) {
      ++i;
      return true;
    }
    if (!SkipFlowNode(line, i, depth)) return false;
    SkipBlanks(line, i);
    if (is_map && i < line.size() && line[i] == ':') {
      ++i;
      SkipBlanks(line, i);
      if (i < line.size() && line[i] != ',' && line[i] != close) {
        if (!SkipFlowNode(line, i, depth)) return false;
        SkipBlanks(line, i);
      }
    }
    if (i >= line.size()) return false;
    if (line[i] == ',') {
      ++i;
      SkipBlanks(line, i);
      if (i < line.size() && line[i] == ',') return false;  // empty entry
      continue;
    }
    if (line[i] != close) return false;
  }
}

LexedValue Invalid(LexedValue value, const char* problem) {
  value.kind = LexedValue::kInvalid;
  value.problem = problem;
  return value;
}

}  // namespace

size_t FindQuoteEnd(std::string_view line, size_t from, char quote, bool* has_escapes, bool* bad_escape) {
  for (size_t j = from; j < line.size(); ++j) {
    char c = line[j];
    if (quote == '"' && c == '\\') {
      *has_escapes = true;
      j = SkipEscape(line, j, bad_escape);
      if (j == std::string_view::npos) return j;
      continue;
    }
    if (c != quote) continue;
    if (quote == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
      *has_escapes = true;
      ++j;
      continue;
    }
    return j + 1;
  }
  return std::string_view::npos;
}

size_t CountIndent(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool IsTrailingComment(std::string_view rest) {
  size_t i = 0;
  SkipBlanks(rest, i);
  if (i == rest.size()) return true;
  return rest[i] == '#' && i > 0;
}

size_t FindKeyColon(std::string_view line) {
  if (line.empty()) return std::string_view::npos;
  char first = line[0];
  if (first == '"' || first == '\'') {
    size_t i = 0;
    bool escapes = false;
    bool closed = first == '"' ? SkipDoubleQuoted(line, i, &escapes) : SkipSingleQuoted(line, i, &escapes);
    if (!closed || i >= line.size() || line[i] != ':') return std::string_view::npos;
    if (i + 1 < line.size() && !IsBlank(line[i + 1])) return std::string_view::npos;
    return i;
  }
  if (IsForbiddenPlainStart(first)) return std::string_view::npos;
  if ((first == '-' || first == '?' || first == ':') && (line.size() == 1 || IsBlank(line[1]))) {
    return std::string_view::npos;
  }
  for (size_t i = 1; i < line.size(); ++i) {
    char c = line[i];
    if (c == ':' && (i + 1 == line.size() || IsBlank(line[i + 1]))) return i;
    if (c == '#' && IsBlank(line[i - 1])) return std::string_view::npos;
  }
  return std::string_view::npos;
}

LexedValue LexValue(std::string_view line, size_t pos) {
  LexedValue out;
  size_t i = pos;
  SkipBlanks(line, i);
  if (i == line.size() || (line[i] == '#' && i > 0 && IsBlank(line[i - 1]))) {
    out.kind = LexedValue::kEmpty;
    out.begin = out.end = i;
    return out;
  }
  out.begin = i;
  const char c = line[i];
  switch (c) {
    case '|':
    case '>': {
      size_t j = i + 1;
      if (j < line.size() && (line[j] == '+' || line[j] == '-')) ++j;
      // An explicit indentation indicator changes how content lines are read: leave it to
      // the full parser.
      if (j < line.size() && !IsBlank(line[j])) return out;
      if (!IsTrailingComment(line.substr(j)) && j != line.size()) return out;
      out.kind = LexedValue::kBlockScalar;
      out.end = j;
      return out;
    }
    case '"':
    case '\'': {
      bool bad_escape = false;
      bool closed = c == '"' ? SkipDoubleQuoted(line, i, &out.has_escapes, &bad_escape)
                             : SkipSingleQuoted(line, i, &out.has_escapes);
      if (bad_escape) return Invalid(out, "invalid escape sequence in a double-quoted scalar");
      if (!closed) {  // continues on the next lines
        out.kind = LexedValue::kOpenQuoted;
        out.style = c == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
        return out;
      }
      if (!IsTrailingComment(line.substr(i))) {
        return Invalid(out, "unexpected text after a quoted scalar (a comment needs a blank before '#')");
      }
      out.kind = LexedValue::kScalar;
      out.style = c == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
      out.end = i;
      return out;
    }
    case '[':
    case '{':
      if (!SkipFlowCollection(line, i, 0) || !IsTrailingComment(line.substr(i))) return out;
      out.kind = LexedValue::kFlow;
      out.end = i;
      return out;
    default:
      break;
  }
  if (IsForbiddenPlainStart(c)) return out;
  if ((c == '-' || c == '?' || c == ':') && (i + 1 == line.size() || IsBlank(line[i + 1]))) return out;
  size_t end = i + 1;
  size_t j = i + 1;
  for (; j < line.size(); ++j) {
    char d = line[j];
    if (d == '#' && IsBlank(line[j - 1])) break;
    // "a: b: c" is an error in YAML ("mapping values are not allowed here").
    if (d == ':' && (j + 1 == line.size() || IsBlank(line[j + 1]))) return out;
    if (!IsBlank(d)) end = j + 1;
  }
  out.kind = LexedValue::kScalar;
  out.style = ScalarStyle::kPlain;
  out.end = end;
  return out;
}

std::string_view ScalarText(std::string_view line, const LexedValue& value) {
  if (value.style == ScalarStyle::kPlain) return line.substr(value.begin, value.end - value.begin);
  return line.substr(value.begin + 1, value.end - value.begin - 2);
}

}  // namespace kubeshift::scan
