#include <cstring>

#include "kubeshift/scan.h"
#include "scan/line_lexer.h"

namespace kubeshift {
namespace {

// "---" or "..." at column 0, followed by a blank, a line break or the end of the text.
bool IsMarkerLine(std::string_view text, size_t line_begin, char marker_char) {
  if (text.size() - line_begin < 3) return false;
  const char* p = text.data() + line_begin;
  if (p[0] != marker_char || p[1] != marker_char || p[2] != marker_char) return false;
  if (text.size() - line_begin == 3) return true;
  char next = p[3];
  return next == ' ' || next == '\t' || next == '\n' || next == '\r';
}

// True when [begin, end) holds only blank lines, comments and directives: such a prefix
// belongs to the document that the following "---" opens.
bool HasNoContent(std::string_view text, size_t begin, size_t end) {
  size_t line = begin;
  while (line < end) {
    const void* nl = std::memchr(text.data() + line, '\n', end - line);
    size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : end;
    std::string_view content = text.substr(line, line_end - line);
    size_t i = 0;
    while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r')) ++i;
    if (i < content.size() && content[i] != '#' && !(i == 0 && content[0] == '%')) return false;
    line = line_end + 1;
  }
  return true;
}

}  // namespace

std::vector<DocumentSpan> SplitDocuments(std::string_view text, size_t begin) {
  std::vector<DocumentSpan> spans;
  DocumentSpan current;
  current.range.begin = begin;
  current.marker = begin;
  auto close_current = [&](size_t end) {
    current.range.end = end;
    if (current.range.end > current.range.begin) spans.push_back(current);
  };
  size_t line = begin;
  while (line < text.size()) {
    const void* nl = std::memchr(text.data() + line, '\n', text.size() - line);
    size_t next = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1 : text.size();
    // Concatenated files may carry a byte order mark before a document's "---" (the YAML spec
    // allows it there): the document starts after it.
    if (text.compare(line, 3, "\xEF\xBB\xBF") == 0 && IsMarkerLine(text, line + 3, '-')) line += 3;
    if (text[line] == '-' && IsMarkerLine(text, line, '-')) {
      // Directives and comments before a marker are part of the document it opens.
      bool prefix_only = !current.has_marker && HasNoContent(text, current.range.begin, line);
      if (!prefix_only) {
        close_current(line);
        current = DocumentSpan{};
        current.range.begin = line;
      }
      current.marker = line;
      current.has_marker = true;
    } else if (text[line] == '.' && IsMarkerLine(text, line, '.')) {
      close_current(next);
      current = DocumentSpan{};
      size_t after_bom = text.compare(next, 3, "\xEF\xBB\xBF") == 0 ? next + 3 : next;
      current.range.begin = after_bom;
      current.marker = after_bom;
    }
    line = next;
  }
  close_current(text.size());
  return spans;
}

}  // namespace kubeshift
