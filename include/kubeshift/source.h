// kubeshift — source files: the one owner of input bytes, and offset → line:column.
#ifndef KUBESHIFT_SOURCE_H_
#define KUBESHIFT_SOURCE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kubeshift {

/// A half-open byte range [begin, end) into one SourceFile's bytes.
struct Range {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

/// A 1-based line and a 1-based column counted in Unicode code points.
struct Position {
  int line = 0;
  int column = 0;
};

/// The offsets at which lines start. Built once per file, only when a position is needed.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// 1-based line and code-point column of \a offset (clamped to the text).
  Position PositionOf(size_t offset) const;
  /// The text of 1-based \a line without its line break ("\n" or "\r\n").
  std::string_view LineText(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  /// Byte offset where 1-based \a line starts.
  size_t LineStart(int line) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

/// One input: its display path (as the user gave it) and its bytes. Offsets everywhere in
/// kubeshift are byte offsets into bytes(), BOM included.
class SourceFile {
 public:
  SourceFile(std::string display_path, std::string bytes);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return bytes_; }
  /// 3 when the file starts with a UTF-8 byte order mark, else 0.
  size_t content_begin() const { return has_bom_ ? 3 : 0; }
  bool has_bom() const { return has_bom_; }
  /// True when the first line ends with "\r\n".
  bool uses_crlf() const { return uses_crlf_; }
  /// Built on first use; not thread-safe (one file is handled by one thread).
  const LineIndex& lines() const;
  Position PositionOf(size_t offset) const { return lines().PositionOf(offset); }

 private:
  std::string path_;
  std::string bytes_;
  bool has_bom_ = false;
  bool uses_crlf_ = false;
  mutable std::vector<LineIndex> lines_;  // empty until first use
};

}  // namespace kubeshift

#endif  // KUBESHIFT_SOURCE_H_
