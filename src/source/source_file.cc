#include "kubeshift/source.h"

#include <utility>

namespace kubeshift {

SourceFile::SourceFile(std::string display_path, std::string bytes)
    : path_(std::move(display_path)), bytes_(std::move(bytes)) {
  has_bom_ = bytes_.size() >= 3 && static_cast<unsigned char>(bytes_[0]) == 0xEF &&
             static_cast<unsigned char>(bytes_[1]) == 0xBB &&
             static_cast<unsigned char>(bytes_[2]) == 0xBF;
  size_t newline = bytes_.find('\n');
  uses_crlf_ = newline != std::string::npos && newline > 0 && bytes_[newline - 1] == '\r';
}

const LineIndex& SourceFile::lines() const {
  if (lines_.empty()) lines_.emplace_back(bytes_);
  return lines_.front();
}

}  // namespace kubeshift
