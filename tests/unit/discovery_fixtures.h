// What the discovery tests share: a temporary tree to walk, a scoped working directory, and
// lookups in a DiscoveryResult.
#ifndef KUBESHIFT_TESTS_UNIT_DISCOVERY_FIXTURES_H_
#define KUBESHIFT_TESTS_UNIT_DISCOVERY_FIXTURES_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "catch.h"
#include "kubeshift/discovery.h"

namespace kubeshift::testing {

/// A unique temporary directory (\a prefix names it), removed with everything in it at the
/// end of the test, even where a test took its permissions away.
class TempTree {
 public:
  explicit TempTree(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    char* made = mkdtemp(pattern.data());
    REQUIRE(made != nullptr);
    root_ = std::filesystem::canonical(made).string();
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::permissions(root_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::string& root() const { return root_; }
  std::string Path(const std::string& rel) const { return root_ + "/" + rel; }

  /// Writes \a rel (creating its parents) with \a text.
  void WriteFile(const std::string& rel, const std::string& text) const {
    const std::filesystem::path p = Path(rel);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

 private:
  std::string root_;
};

/// Changes the working directory for the scope of a test.
class ScopedCwd {
 public:
  explicit ScopedCwd(const std::string& dir) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedCwd() {
    std::error_code ec;
    std::filesystem::current_path(saved_, ec);
  }

 private:
  std::filesystem::path saved_;
};

/// The input shown as \a display, or nullptr.
inline const InputFile* FindInput(const DiscoveryResult& r, const std::string& display) {
  for (const InputFile& f : r.inputs) {
    if (f.display_path == display) return &f;
  }
  return nullptr;
}

/// The reason \a display was skipped, or "" when it was not.
inline std::string SkipReason(const DiscoveryResult& r, const std::string& display) {
  for (const SkippedPath& s : r.skipped) {
    if (s.display_path == display) return s.reason;
  }
  return "";
}

}  // namespace kubeshift::testing

#endif  // KUBESHIFT_TESTS_UNIT_DISCOVERY_FIXTURES_H_
