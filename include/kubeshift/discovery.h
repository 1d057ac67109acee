// kubeshift — discovery: turns command-line paths into an ordered list of classified inputs.
#ifndef KUBESHIFT_DISCOVERY_H_
#define KUBESHIFT_DISCOVERY_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "kubeshift/scan.h"

namespace kubeshift {

/// Reads the bytes of an input that is not a file on disk (a git blob). Returns false with a
/// message ("cannot read: …") on failure. Called from worker threads.
using InputLoader = std::function<bool(std::string* bytes, std::string* error)>;

/// Reads every file of a chart that is not on disk (a chart in a git revision): names relative
/// to the chart directory ("Chart.yaml", "templates/a.yaml", "charts/db/values.yaml"), bytes.
using ChartFilesLoader =
    std::function<bool(std::vector<std::pair<std::string, std::string>>* files, std::string* error)>;

/// One file to scan.
struct InputFile {
  std::string display_path;  ///< as the user gave it, joined with walked names; "<stdin>" for -
  std::string fs_path;       ///< path to open; empty for stdin and for git blobs
  bool is_stdin = false;
  InputKind kind = InputKind::kYaml;
  std::string chart_root;    ///< for chart templates: the chart directory (holds Chart.yaml)
  InputLoader load;          ///< when set, the bytes come from here instead of fs_path (--rev)
  /// --rev chart templates: the chart to render them with (the outermost one, as a display
  /// path) and how to read all of its files.
  std::string render_root;
  ChartFilesLoader load_chart;
};

/// A file or directory that was looked at and not scanned, with the reason (for -v).
struct SkippedPath {
  std::string display_path;
  std::string reason;  ///< "not a .yaml/.yml/.json file", "ignored by .gitignore", …
};

struct DiscoveryOptions {
  std::vector<std::string> excludes;  ///< glob patterns (--exclude, config)
  bool use_gitignore = true;
};

struct DiscoveryResult {
  std::vector<InputFile> inputs;      ///< sorted per argument, deterministic
  std::vector<SkippedPath> skipped;
  std::vector<std::string> missing;   ///< "PATH: no such file or directory": arguments that do not exist
  std::vector<std::string> errors;    ///< "PATH: permission denied", …: problems met during the walk
};

/// Walks \a paths ("-" is stdin): directories recursively (no symlink loops, .git skipped,
/// .gitignore honoured inside git repositories, excludes applied), files as given (an
/// explicitly named file is scanned whatever its extension, unless excluded).
DiscoveryResult DiscoverInputs(const std::vector<std::string>& paths,
                               const DiscoveryOptions& options);

/// How a walked file is treated, from its path alone: nullopt-like "skip" with a reason,
/// or an input kind. Exposed for tests.
struct Classification {
  bool scan = false;
  InputKind kind = InputKind::kYaml;
  std::string reason;  ///< why it is skipped
};
Classification ClassifyPath(const std::string& path, bool inside_chart_templates);

/// True when \a path matches the glob \a pattern ("*" within a segment, "**" across
/// segments, "?" one character, "[abc]" classes). A pattern without "/" matches any
/// path component sequence ending in a matching basename.
bool GlobMatch(const std::string& pattern, const std::string& path);

}  // namespace kubeshift

#endif  // KUBESHIFT_DISCOVERY_H_
