// The loop every data-driven test shares: each NAME.txt of a testdata directory, in name order,
// its cases loaded and run, every failure reported with the case's file, line and name.
#ifndef KUBESHIFT_TESTS_UNIT_DATA_CASES_H_
#define KUBESHIFT_TESTS_UNIT_DATA_CASES_H_

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "catch.h"

namespace kubeshift::testing {

/// Runs \a run(case) (which returns "" or what went wrong) on every case \a load(path) finds in
/// testdata/\a subdir/*.txt; a failure names the case. Returns how many cases ran, so that a
/// test can insist there are some.
template <typename Load, typename Run>
size_t RunDataCases(const std::string& subdir, Load load, Run run) {
  const std::filesystem::path dir = std::filesystem::path(KUBESHIFT_SOURCE_DIR) / "testdata" / subdir;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  size_t total = 0;
  for (const auto& file : files) {
    for (const auto& c : load(file)) {
      ++total;
      const std::string failure = run(c);
      if (!failure.empty()) FAIL_CHECK(c.file << ":" << c.line << ": " << c.name << ": " << failure);
    }
  }
  return total;
}

}  // namespace kubeshift::testing

#endif  // KUBESHIFT_TESTS_UNIT_DATA_CASES_H_
