// kubeshift — discovery: command-line paths to an ordered list of classified inputs.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "discovery/git_ignore.h"
#include "discovery/path_util.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;
using discovery_internal::GitIgnore;
using discovery_internal::IgnoreScope;
using discovery_internal::JoinPath;
using discovery_internal::SplitPath;

constexpr std::string_view kChartFile = "Chart.yaml";

// The nearest chart around a directory.
struct ChartState {
  std::string root;  ///< the chart directory as a path to open; empty outside charts
  bool in_templates = false;
};

// A directory being walked.
struct DirFrame {
  std::string path;  ///< display path, also the path to open
  std::string rel;   ///< relative to the argument ("" for the argument itself)
  std::string abs;   ///< absolute and lexically normal, for ClassifyPath
  ChartState chart;
  IgnoreScope ignore;
};

// One listed entry; the name is kept for sorting without rebuilding it.
struct DirEntry {
  std::string name;
  fs::directory_entry entry;
};

std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string AbsoluteLexical(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return path;
  return StripTrailingSlashes(abs.lexically_normal().string());
}

// \a path with \a levels trailing components removed, lexically ("x" up 1 is ".", "." up 1
// is "..").
std::string LexicalUp(const std::string& path, size_t levels) {
  fs::path p(path);
  for (size_t i = 0; i < levels; ++i) p /= "..";
  std::string out = StripTrailingSlashes(p.lexically_normal().string());
  return out.empty() ? "." : out;
}

std::string ErrorText(const std::string& path, const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory) return path + ": no such file or directory";
  std::string message = ec.message();
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  return path + ": " + message;
}

class Walker {
 public:
  Walker(const DiscoveryOptions& options, DiscoveryResult* result)
      : options_(options), result_(*result) {
    if (options.use_gitignore) git_ = std::make_unique<GitIgnore>();
  }

  void AddArgument(const std::string& arg);

 private:
  void AddFile(const std::string& arg);
  void WalkArgument(const std::string& path);
  void WalkDir(const DirFrame& frame);
  void VisitEntry(const DirFrame& frame, const DirEntry& entry, bool chart_root_here);
  bool Excluded(std::string_view rel, const std::string& display, std::string* pattern) const;
  ChartState ChartAround(const std::string& abs_dir, const std::string& dir_path);
  const std::string& NearestChartFile(const std::string& abs_dir);

  void Skip(std::string display_path, std::string reason) {
    result_.skipped.push_back({std::move(display_path), std::move(reason)});
  }

  const DiscoveryOptions& options_;
  DiscoveryResult& result_;
  std::unique_ptr<GitIgnore> git_;
  bool stdin_seen_ = false;
  std::set<std::pair<dev_t, ino_t>> visited_;  ///< every directory walked so far
  std::set<std::pair<dev_t, ino_t>> on_path_;  ///< the directories being walked now
  std::map<std::string, std::string> chart_cache_;  ///< abs dir → abs chart root or ""
};

void Walker::AddArgument(const std::string& arg) {
  if (arg == "-") {
    if (stdin_seen_) {
      Skip("<stdin>", "standard input named more than once");
      return;
    }
    stdin_seen_ = true;
    InputFile input;
    input.display_path = "<stdin>";
    input.is_stdin = true;
    result_.inputs.push_back(std::move(input));
    return;
  }
  std::error_code ec;
  fs::file_status status = fs::status(arg, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) {  // it exists, but cannot be read
    result_.errors.push_back(ErrorText(arg, ec));
    return;
  }
  if (ec || !fs::exists(status)) {
    result_.missing.push_back(
        ErrorText(arg, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory)));
    return;
  }
  std::string path = StripTrailingSlashes(arg);
  std::string pattern;
  if (path != "." && Excluded("", path, &pattern)) {
    Skip(path, "excluded by --exclude " + pattern);
    return;
  }
  if (fs::is_directory(status)) {
    WalkArgument(path);
  } else {
    AddFile(arg);  // explicitly named: scanned whatever it is (fifos from <(…) included)
  }
}

void Walker::AddFile(const std::string& arg) {
  std::string abs = AbsoluteLexical(arg);
  std::string abs_dir = fs::path(abs).parent_path().string();
  ChartState chart = ChartAround(abs_dir, LexicalUp(arg, 1));
  Classification c = ClassifyPath(abs, chart.in_templates);
  InputFile input;
  input.display_path = arg;
  input.fs_path = arg;
  if (c.scan) {
    input.kind = c.kind;
  } else if (chart.in_templates) {
    input.kind = InputKind::kHelmTemplate;
  } else {
    std::string_view base = discovery_internal::BaseName(abs);
    bool json = base.size() > 5 &&
                discovery_internal::AsciiLower(base.substr(base.size() - 5)) == ".json";
    input.kind = json ? InputKind::kJson : InputKind::kYaml;
  }
  if (input.kind == InputKind::kHelmTemplate) input.chart_root = chart.root;
  result_.inputs.push_back(std::move(input));
}

void Walker::WalkArgument(const std::string& path) {
  DirFrame frame;
  frame.path = path;
  frame.abs = AbsoluteLexical(path);
  frame.chart = ChartAround(frame.abs, path);
  if (git_) {
    frame.ignore = git_->ScopeFor(path);
    // A directory named explicitly is walked even when git ignores it; then its own
    // contents could not be told apart, so no ignore rules apply below it.
    if (git_->IsScopeDirIgnored(frame.ignore)) frame.ignore = IgnoreScope();
  }
  WalkDir(frame);
}

void Walker::WalkDir(const DirFrame& frame) {
  struct stat st;
  if (::stat(frame.path.c_str(), &st) != 0) {
    result_.errors.push_back(ErrorText(frame.path, std::error_code(errno, std::generic_category())));
    return;
  }
  std::pair<dev_t, ino_t> id(st.st_dev, st.st_ino);
  if (on_path_.count(id) != 0) {
    Skip(frame.path, "symlink loop");
    return;
  }
  if (!visited_.insert(id).second) {
    Skip(frame.path, "directory already walked");
    return;
  }

  std::error_code ec;
  std::vector<DirEntry> entries;
  fs::directory_iterator it(frame.path, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    entries.push_back({it->path().filename().native(), *it});
  }
  if (ec) result_.errors.push_back(ErrorText(frame.path, ec));  // keep what was listed
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });

  bool chart_root_here = false;
  bool has_git = false;
  for (const DirEntry& entry : entries) {
    if (entry.name == kChartFile) chart_root_here = true;
    if (entry.name == ".git") has_git = true;
  }
  DirFrame here = frame;
  if (chart_root_here) here.chart = ChartState{frame.path, false};
  if (git_ && has_git && !frame.rel.empty()) here.ignore = git_->ScopeFor(frame.path);

  on_path_.insert(id);
  for (const DirEntry& entry : entries) VisitEntry(here, entry, chart_root_here);
  on_path_.erase(id);
}

void Walker::VisitEntry(const DirFrame& frame, const DirEntry& dir_entry,
                        bool chart_root_here) {
  const std::string& name = dir_entry.name;
  const fs::directory_entry& entry = dir_entry.entry;
  std::string path = frame.path == "." && frame.rel.empty() ? name : JoinPath(frame.path, name);
  std::string rel = JoinPath(frame.rel, name);
  if (name == ".git") {
    Skip(std::move(path), "git metadata");
    return;
  }
  std::string pattern;
  if (Excluded(rel, path, &pattern)) {
    Skip(std::move(path), "excluded by --exclude " + pattern);
    return;
  }

  std::error_code ec;
  bool is_link = entry.is_symlink(ec);
  fs::file_type type;
  if (is_link) {
    fs::file_status status = entry.status(ec);
    if (ec) {
      if (ec == std::errc::too_many_symbolic_link_levels) {
        Skip(std::move(path), "symlink loop");
      } else if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
        Skip(std::move(path), "broken symlink");
      } else {
        result_.errors.push_back(ErrorText(path, ec));
      }
      return;
    }
    type = status.type();
  } else if (entry.is_directory(ec)) {
    type = fs::file_type::directory;
  } else if (entry.is_regular_file(ec)) {
    type = fs::file_type::regular;
  } else {
    type = fs::file_type::unknown;
  }

  if (type == fs::file_type::directory) {
    // git records a symlink as a file, so "dir/" patterns do not apply to one.
    if (git_ && git_->IsIgnored(frame.ignore, name, !is_link)) {
      Skip(std::move(path), "ignored by .gitignore");
      return;
    }
    DirFrame child;
    child.path = std::move(path);
    child.rel = std::move(rel);
    child.abs = JoinPath(frame.abs, name);
    child.chart = frame.chart;
    if (chart_root_here && name == "templates") child.chart.in_templates = true;
    if (git_) child.ignore = GitIgnore::Child(frame.ignore, name);
    WalkDir(child);
    return;
  }
  if (type != fs::file_type::regular) {
    Skip(std::move(path), "not a regular file");
    return;
  }
  Classification c = ClassifyPath(JoinPath(frame.abs, name), frame.chart.in_templates);
  if (!c.scan) {
    Skip(std::move(path), std::move(c.reason));
    return;
  }
  if (git_ && git_->IsIgnored(frame.ignore, name, false)) {
    Skip(std::move(path), "ignored by .gitignore");
    return;
  }
  InputFile input;
  input.display_path = path;
  input.fs_path = std::move(path);
  input.kind = c.kind;
  if (c.kind == InputKind::kHelmTemplate) input.chart_root = frame.chart.root;
  result_.inputs.push_back(std::move(input));
}

// Patterns match the path relative to the argument and the display path. A relative
// pattern is not matched against an absolute display path: a basename pattern such as
// "build" must not exclude everything under /home/me/build/repo.
bool Walker::Excluded(std::string_view rel, const std::string& display,
                      std::string* pattern) const {
  bool display_absolute = !display.empty() && display[0] == '/';
  std::string rel_string(rel);
  for (const std::string& p : options_.excludes) {
    if (!rel.empty() && GlobMatch(p, rel_string)) {
      *pattern = p;
      return true;
    }
    bool pattern_absolute = !p.empty() && p[0] == '/';
    if ((!display_absolute || pattern_absolute) && GlobMatch(p, display)) {
      *pattern = p;
      return true;
    }
  }
  return false;
}

// The nearest directory holding Chart.yaml at or above \a abs_dir; \a dir_path is the same
// directory as the user wrote it, to express the chart root in the same form.
ChartState Walker::ChartAround(const std::string& abs_dir, const std::string& dir_path) {
  ChartState chart;
  const std::string& root = NearestChartFile(abs_dir);
  if (root.empty()) return chart;
  std::vector<std::string_view> dir_parts = SplitPath(abs_dir);
  size_t root_depth = SplitPath(root).size();
  chart.root = LexicalUp(dir_path, dir_parts.size() - root_depth);
  chart.in_templates = dir_parts.size() > root_depth && dir_parts[root_depth] == "templates";
  return chart;
}

const std::string& Walker::NearestChartFile(const std::string& abs_dir) {
  auto it = chart_cache_.find(abs_dir);
  if (it != chart_cache_.end()) return it->second;
  std::string found;
  std::error_code ec;
  if (fs::exists(JoinPath(abs_dir, kChartFile), ec)) {
    found = abs_dir;
  } else {
    std::string parent = fs::path(abs_dir).parent_path().string();
    if (!parent.empty() && parent != abs_dir) found = NearestChartFile(parent);
  }
  return chart_cache_[abs_dir] = found;
}

}  // namespace

// A file named twice, or reached through two paths ("tree tree/a.yaml"), is scanned once,
// under the first name it was reached by.
static void RemoveDuplicateFiles(DiscoveryResult* result) {
  std::set<std::pair<dev_t, ino_t>> seen;
  std::vector<InputFile> unique;
  for (InputFile& input : result->inputs) {
    struct stat st {};
    if (!input.is_stdin && ::stat(input.fs_path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        !seen.insert({st.st_dev, st.st_ino}).second) {
      continue;
    }
    unique.push_back(std::move(input));
  }
  result->inputs = std::move(unique);
}

DiscoveryResult DiscoverInputs(const std::vector<std::string>& paths,
                               const DiscoveryOptions& options) {
  DiscoveryResult result;
  Walker walker(options, &result);
  for (const std::string& path : paths) walker.AddArgument(path);
  RemoveDuplicateFiles(&result);
  return result;
}

}  // namespace kubeshift
