// .kubeshift.yaml: project defaults for targets, excludes, fail-on, extra rules files, and the
// values and release name of the charts `check` renders.
#ifndef KUBESHIFT_APP_CONFIG_H_
#define KUBESHIFT_APP_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kubeshift/options.h"

namespace kubeshift {

inline constexpr const char* kConfigFileName = ".kubeshift.yaml";

struct ConfigFile {
  std::string path;                          ///< empty when no file was used
  std::optional<std::string> target_version; ///< target-version
  std::map<std::string, std::string> targets;///< targets: {component: version}
  std::vector<std::string> excludes;         ///< exclude: [glob, …]
  std::optional<std::string> fail_on;        ///< fail-on
  std::vector<std::string> rules_files;      ///< rules: [file, …], resolved against the file's folder
  std::vector<std::string> values_files;     ///< values: [file, …] for the charts check renders, resolved too
  std::optional<std::string> release_name;   ///< release-name: of the charts check renders
  std::map<std::string, int> lines;          ///< 1-based line of each key, for messages

  /// "PATH:LINE: " for \a key, so that a bad value names where it came from.
  std::string Where(const std::string& key) const;
};

/// The config file to use: \a explicit_path, else .kubeshift.yaml in the working directory
/// or the nearest parent. Empty when there is none.
std::string FindConfigFile(const std::string& explicit_path);

/// Parses \a path. On failure returns false with "PATH:LINE: message" in \a error.
bool LoadConfigFile(const std::string& path, ConfigFile* config, std::string* error);

/// Parses config text (for tests); \a path names it in messages and anchors relative paths.
bool ParseConfig(const std::string& path, const std::string& text, ConfigFile* config, std::string* error);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_CONFIG_H_
