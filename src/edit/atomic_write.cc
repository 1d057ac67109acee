#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "kubeshift/edit.h"

namespace kubeshift {

bool WriteFileAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *error = fmt::format("{}: {}", path, std::strerror(errno));
    return false;
  }
  // The temporary file lives next to the original, so the rename stays on one file system.
  std::string temp = path + ".kubeshift-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    *error = fmt::format("{}: cannot create a temporary file: {}", path, std::strerror(errno));
    return false;
  }
  auto fail = [&](const char* what) {
    *error = fmt::format("{}: {}: {}", path, what, std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file mode");
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    *error = fmt::format("{}: cannot close: {}", path, std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    *error = fmt::format("{}: cannot replace the file: {}", path, std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace kubeshift
