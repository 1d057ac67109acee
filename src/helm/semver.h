// Masterminds/semver v3 versions and constraints, as Sprig's semver and semverCompare use
// them (charts test Kubernetes versions with ">=1.19-0", "<1.22-0", "^1.2", "~1.3", "||").
#ifndef KUBESHIFT_HELM_SEMVER_H_
#define KUBESHIFT_HELM_SEMVER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

struct SemVersion {
  uint64_t major = 0, minor = 0, patch = 0;
  std::string pre;       ///< prerelease, without "-"
  std::string metadata;  ///< build metadata, without "+"
  std::string original;
  std::string String() const;
};

/// semver.NewVersion: "v" optional, minor and patch optional; false with Go's error text.
bool ParseSemver(std::string_view text, SemVersion* out, std::string* error);
/// -1, 0 or 1; metadata is ignored, a prerelease sorts before its release.
int CompareSemver(const SemVersion& a, const SemVersion& b);
/// semver.NewConstraint(constraint).Check(version); false with an error for a bad constraint.
bool CheckSemverConstraint(std::string_view constraint, const SemVersion& version, bool* satisfied, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_SEMVER_H_
