// kubeshift — the deprecation table: which group/version + kind is deprecated or removed when.
#ifndef KUBESHIFT_DEPRECATION_TABLE_H_
#define KUBESHIFT_DEPRECATION_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kubeshift/version.h"

namespace kubeshift {

/// The component name of Kubernetes' own APIs.
inline constexpr std::string_view kKubernetes = "kubernetes";

/// One row of deprecations.d: a (group/version, kind) of one component and its lifecycle.
struct ApiEntry {
  std::string component;    ///< "kubernetes", "cert-manager", …
  std::string api_version;  ///< "extensions/v1beta1", or "v1" for the core group
  std::string kind;         ///< "Ingress"; "*" matches every kind of the group/version
  std::optional<Version> deprecated_in;
  std::optional<Version> removed_in;
  std::string replacement;  ///< group/version to move to; empty when there is none
  std::optional<Version> replacement_since;
  std::string conversion;   ///< stable id of the converter, empty when none exists
  std::string note;         ///< one-line migration note
  std::string origin;       ///< "kubernetes-1.22.yaml:14", for error messages
};

/// A release of a component. An empty date means the release is scheduled, not out yet.
struct Release {
  std::string component;
  Version version;
  std::string date;  ///< "YYYY-MM-DD" or empty
};

enum class ApiStatus { kServed, kDeprecated, kRemoved };

/// The status of \a entry for a cluster at \a target.
ApiStatus StatusAt(const ApiEntry& entry, Version target);

/// Target versions per component ("kubernetes" → 1.29, "cert-manager" → 1.6).
using Targets = std::map<std::string, Version, std::less<>>;

/// The validated union of all loaded data files.
class DeprecationTable {
 public:
  /// Parses and validates one data file (YAML text) and adds its rows and releases.
  /// \a name is used in messages. On failure nothing is added and \a error reads
  /// "NAME:LINE: message".
  bool AddFile(std::string_view name, std::string_view text, std::string* error);

  /// Adds rows and releases that AddFile already accepted, in the order it accepted them,
  /// without checking them again: the built-in table, validated when kubeshift was built
  /// (see src/table/compile_table.cc). The table then equals the one AddFile built.
  void AddValidated(std::vector<ApiEntry> entries, std::vector<Release> releases);

  /// The row for \a api_version and \a kind (an exact kind row wins over a "*" row;
  /// "FooList" falls back to the row of "Foo"), or nullptr.
  const ApiEntry* Find(std::string_view api_version, std::string_view kind) const;

  const std::vector<ApiEntry>& entries() const { return entries_; }
  const std::vector<Release>& releases() const { return releases_; }
  /// Components that have rows or releases, sorted, kubernetes first.
  std::vector<std::string> Components() const;
  /// The newest release of \a component whose date is on or before \a today (YYYY-MM-DD).
  std::optional<Version> NewestReleased(std::string_view component, std::string_view today) const;
  /// The newest release of \a component the table knows of, scheduled ones included.
  std::optional<Version> NewestKnown(std::string_view component) const;
  /// The date of a release, empty when unknown or scheduled.
  std::string ReleaseDate(std::string_view component, Version version) const;

 private:
  std::vector<ApiEntry> entries_;
  std::vector<Release> releases_;
  // "apiVersion\0kind" → index into entries_.
  std::unordered_map<std::string, size_t> index_;
};

/// Loads the built-in table (deprecations.d/*.yaml, validated and compiled at build time)
/// into \a table, which must be empty.
bool LoadBuiltinTable(DeprecationTable* table, std::string* error);

/// Loads one extra rules file from disk (--rules FILE).
bool LoadRulesFile(DeprecationTable* table, const std::string& path, std::string* error);

/// Today's date as YYYY-MM-DD in UTC (KUBESHIFT_TODAY overrides it, for tests).
std::string TodayUtc();

}  // namespace kubeshift

#endif  // KUBESHIFT_DEPRECATION_TABLE_H_
