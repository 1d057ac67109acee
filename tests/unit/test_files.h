// Reading test inputs whole, for the tests that compare files.
#ifndef KUBESHIFT_TESTS_UNIT_TEST_FILES_H_
#define KUBESHIFT_TESTS_UNIT_TEST_FILES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kubeshift::testing {

/// The bytes of \a path ("" when it cannot be read: the comparison that follows then fails).
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace kubeshift::testing

#endif  // KUBESHIFT_TESTS_UNIT_TEST_FILES_H_
