// kubeshift — release versions (major.minor) as used by the deprecation table and targets.
#ifndef KUBESHIFT_VERSION_H_
#define KUBESHIFT_VERSION_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kubeshift {

/// A component release, compared by major then minor. Patch levels never matter for API
/// serving, so "1.29.3" parses to 1.29.
struct Version {
  int major = 0;
  int minor = 0;
  auto operator<=>(const Version&) const = default;
  /// "1.29"
  std::string ToString() const;
};

/// Parses "1.29", "v1.29", "1.29.3", "v1.29.3-eks-1" (suffix after patch ignored).
/// Returns nullopt for anything else ("1", "latest", "1.x").
std::optional<Version> ParseVersion(std::string_view text);

}  // namespace kubeshift

#endif  // KUBESHIFT_VERSION_H_
