#include <algorithm>
#include <cstring>

#include "kubeshift/source.h"

namespace kubeshift {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; p < end;) {
    const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!hit) break;
    p = static_cast<const char*>(hit) + 1;
    starts_.push_back(static_cast<size_t>(p - data));
  }
}

Position LineIndex::PositionOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  size_t start = starts_[line - 1];
  // Columns count code points: skip UTF-8 continuation bytes. A BOM on line 1 is not a
  // character a user can see, so it does not count either.
  if (line == 1 && text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) start = 3;
  int column = 1;
  for (size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{static_cast<int>(line), column};
}

size_t LineIndex::LineStart(int line) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > starts_.size()) return text_.size();
  return starts_[static_cast<size_t>(line) - 1];
}

std::string_view LineIndex::LineText(int line) const {
  if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
  size_t begin = starts_[static_cast<size_t>(line) - 1];
  size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[static_cast<size_t>(line)] : text_.size();
  std::string_view view = text_.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\n') view.remove_suffix(1);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace kubeshift
