#include "app/file_check.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "app/suppressions.h"
#include "kubeshift/scan.h"

namespace kubeshift {
// NUL bytes never occur in YAML or JSON text: such a file is binary (or UTF-16/32, which
// Kubernetes tooling does not accept either).
bool LooksBinary(std::string_view bytes) { return std::memchr(bytes.data(), '\0', bytes.size()) != nullptr; }

bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes->reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = fmt::format("cannot read: {}", std::strerror(errno));
      ::close(fd);
      return false;
    }
    bytes->append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

FileOutcome CheckBytes(const InputFile& input, std::string bytes, const RuleContext& context) {
  FileOutcome outcome;
  outcome.read = true;
  if (LooksBinary(bytes)) {
    outcome.errors.push_back({input.display_path, {}, "binary file (contains NUL bytes); not scanned"});
    return outcome;
  }
  SourceFile source(input.display_path, std::move(bytes));
  ScanResult scan = ScanSource(source, input.kind);
  outcome.documents = scan.documents;
  // A List is a wrapper, not an object of the cluster: count its items instead.
  outcome.resources = static_cast<int>(std::count_if(scan.resources.begin(), scan.resources.end(),
                                                     [](const Resource& r) { return r.kind.value != "List"; }));
  outcome.fallback_documents = scan.fallback_documents;
  for (const Resource& resource : scan.resources) {
    size_t first = outcome.findings.size();
    RunRules(resource, context, &outcome.findings);
    for (size_t i = first; i < outcome.findings.size(); ++i) {
      Finding& finding = outcome.findings[i];
      finding.file = input.display_path;
      finding.position = source.PositionOf(finding.range.begin);
    }
  }
  // Suppressions are read from the text only where there is a finding to suppress.
  std::erase_if(outcome.findings, [&](const Finding& finding) {
    return IsSuppressed(source.lines(), finding.position.line, finding.rule);
  });
  for (const ScanError& error : scan.errors) {
    outcome.errors.push_back({input.display_path, source.PositionOf(error.offset), error.message});
  }
  return outcome;
}

FileOutcome CheckFile(const InputFile& input, const RuleContext& context) {
  std::string bytes;
  std::string error;
  bool read = input.load ? input.load(&bytes, &error) : ReadFileBytes(input.fs_path, &bytes, &error);
  if (!read) {
    FileOutcome outcome;
    outcome.errors.push_back({input.display_path, {}, error});
    return outcome;
  }
  return CheckBytes(input, std::move(bytes), context);
}

}  // namespace kubeshift
