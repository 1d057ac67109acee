// kubeshift — discovery: finding a repository and reading its ignore-related settings, with
// plain file reads (libgit2's initialisation alone cost a plain check ~56 M instructions).
#include "discovery/git_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace kubeshift::discovery_internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// \a path as seen from directory \a dir.
std::string Resolve(const std::string& dir, std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::string(path);
  return dir + "/" + std::string(path);
}

// The repository \a dir/.git stands for, when it is a valid one.
std::optional<GitLocation> Probe(const std::string& dir) {
  const std::string dot_git = dir == "/" ? "/.git" : dir + "/.git";
  struct stat st;
  if (::stat(dot_git.c_str(), &st) != 0) return std::nullopt;
  GitLocation location;
  location.workdir = dir;
  if (S_ISDIR(st.st_mode)) {
    location.git_dir = dot_git;
  } else if (S_ISREG(st.st_mode)) {
    // A linked worktree or a submodule: "gitdir: PATH", relative to the .git file.
    const std::optional<std::string> text = ReadSmallFile(dot_git);
    constexpr std::string_view kPrefix = "gitdir:";
    if (!text || !std::string_view(*text).starts_with(kPrefix)) return std::nullopt;
    const std::string_view target = Trim(std::string_view(*text).substr(kPrefix.size()));
    if (target.empty()) return std::nullopt;
    location.git_dir = Resolve(dir, target);
  } else {
    return std::nullopt;
  }
  location.common_dir = location.git_dir;
  if (const std::optional<std::string> common = ReadSmallFile(location.git_dir + "/commondir")) {
    const std::string_view target = Trim(*common);
    if (!target.empty()) location.common_dir = Resolve(location.git_dir, target);
  }
  if (!IsFile(location.git_dir + "/HEAD") || !IsDir(location.common_dir + "/objects") ||
      !IsDir(location.common_dir + "/refs")) {
    return std::nullopt;
  }
  return location;
}

bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// A config value from \a *i (just past the "=") to the end of its logical line: quotes
// removed, escapes and continued lines resolved, unquoted trailing blanks and comments
// dropped.
std::string ParseValue(std::string_view text, size_t* i) {
  std::string out;
  size_t keep = 0;
  bool quoted = false;
  while (*i < text.size() && (text[*i] == ' ' || text[*i] == '\t')) ++*i;
  while (*i < text.size()) {
    const char c = text[(*i)++];
    if (c == '\n') break;
    if (!quoted && (c == '#' || c == ';')) {
      while (*i < text.size() && text[*i] != '\n') ++*i;
      break;
    }
    if (c == '\\' && *i < text.size()) {
      const char e = text[(*i)++];
      if (e == '\n') continue;
      if (e == '\r' && *i < text.size() && text[*i] == '\n') {
        ++*i;
        continue;
      }
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e;
      keep = out.size();
      continue;
    }
    if (c == '"') {
      quoted = !quoted;
      keep = out.size();
      continue;
    }
    out += c;
    if (quoted || !IsSpace(c)) keep = out.size();
  }
  out.resize(keep);
  return out;
}

void SkipLine(std::string_view text, size_t* i) {
  while (*i < text.size() && text[*i] != '\n') ++*i;
}

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::optional<std::string> ReadSmallFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::optional<std::string> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::string text;
    char buffer[8192];
    ssize_t got;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, got);
    if (got == 0) out = std::move(text);
  }
  ::close(fd);
  return out;
}

std::optional<GitLocation> FindGitLocation(const std::string& canonical_dir) {
  struct stat st;
  if (canonical_dir.empty() || ::stat(canonical_dir.c_str(), &st) != 0) return std::nullopt;
  const dev_t device = st.st_dev;
  std::string dir = canonical_dir;
  while (true) {
    if (::stat(dir.c_str(), &st) != 0 || st.st_dev != device) return std::nullopt;
    if (std::optional<GitLocation> location = Probe(dir)) return location;
    if (dir == "/") return std::nullopt;
    const size_t slash = dir.rfind('/');
    if (slash == std::string::npos) return std::nullopt;
    dir.resize(slash == 0 ? 1 : slash);
  }
}

GitConfigFiles GitConfigFiles::FromEnvironment() {
  auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
  };
  GitConfigFiles files;
  files.home = env("HOME");
  std::string xdg_dir = env("XDG_CONFIG_HOME");
  if (!xdg_dir.empty()) {
    xdg_dir += "/git";
  } else if (!files.home.empty()) {
    xdg_dir = files.home + "/.config/git";
  }
  if (!xdg_dir.empty()) {
    files.xdg = xdg_dir + "/config";
    files.xdg_ignore = xdg_dir + "/ignore";
  }
  if (!files.home.empty()) files.global = files.home + "/.gitconfig";
  if (const std::string global = env("GIT_CONFIG_GLOBAL"); !global.empty()) {
    files.global = global;
    files.xdg.clear();
  }
  files.system = "/etc/gitconfig";
  if (const std::string system = env("GIT_CONFIG_SYSTEM"); !system.empty()) files.system = system;
  const std::string no_system = env("GIT_CONFIG_NOSYSTEM");
  if (!no_system.empty() && no_system != "0" && !EqualsLower(no_system, "false")) {
    files.system.clear();
  }
  return files;
}

std::optional<std::string> ReadExcludesFileSetting(const std::string& path) {
  const std::optional<std::string> file = ReadSmallFile(path);
  if (!file) return std::nullopt;
  const std::string_view text = *file;
  std::optional<std::string> setting;
  bool in_core = false;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) break;
    const char c = text[i];
    if (c == '#' || c == ';') {
      SkipLine(text, &i);
    } else if (c == '[') {
      // "[core]"; "[core.x]" and "[core \"x\"]" are subsections, not core.
      const size_t close = text.find(']', i);
      if (close == std::string_view::npos) break;
      in_core = EqualsLower(Trim(text.substr(i + 1, close - i - 1)), "core");
      i = close + 1;  // a setting may follow on the same line
    } else if (IsKeyChar(c)) {
      const size_t start = i;
      while (i < text.size() && IsKeyChar(text[i])) ++i;
      const std::string_view key = text.substr(start, i - start);
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < text.size() && text[i] == '=') {
        ++i;
        std::string value = ParseValue(text, &i);
        if (in_core && EqualsLower(key, "excludesfile")) setting = std::move(value);
      } else {
        SkipLine(text, &i);  // a boolean "key" alone, or something malformed
      }
    } else {
      SkipLine(text, &i);
    }
  }
  return setting;
}

}  // namespace kubeshift::discovery_internal
