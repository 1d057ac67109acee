// kubeshift — the built-in table (compiled at build time), --rules files, and today's date.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kubeshift/deprecation_table.h"
#include "table/builtin_table_data.h"

namespace kubeshift {
namespace {

bool LooksLikeDate(const char* text) {
  if (std::strlen(text) != 10) return false;
  for (int i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

std::optional<Version> ToVersion(CompiledVersion version) {
  if (version.major < 0) return std::nullopt;
  return Version{version.major, version.minor};
}

}  // namespace

// The data files were parsed and validated at build time (compile_table.cc); here the
// compiled rows are only copied, which costs a few hundred thousand instructions where
// yaml-cpp cost tens of millions.
bool LoadBuiltinTable(DeprecationTable* table, std::string* error) {
  // The rows were checked against each other, not against rows loaded before them.
  if (!table->entries().empty() || !table->releases().empty()) {
    if (error) *error = "the built-in table must be loaded first, into an empty table";
    return false;
  }
  std::vector<ApiEntry> entries(kCompiledRowCount);
  for (size_t i = 0; i < kCompiledRowCount; ++i) {
    const CompiledRow& row = kCompiledRows[i];
    ApiEntry& entry = entries[i];
    entry.component = row.component;
    entry.api_version = row.api_version;
    entry.kind = row.kind;
    entry.deprecated_in = ToVersion(row.deprecated_in);
    entry.removed_in = ToVersion(row.removed_in);
    entry.replacement = row.replacement;
    entry.replacement_since = ToVersion(row.replacement_since);
    entry.conversion = row.conversion;
    entry.note = row.note;
    entry.origin = row.origin;
  }
  std::vector<Release> releases(kCompiledReleaseCount);
  for (size_t i = 0; i < kCompiledReleaseCount; ++i) {
    const CompiledRelease& release = kCompiledReleases[i];
    releases[i].component = release.component;
    releases[i].version = *ToVersion(release.version);
    releases[i].date = release.date;
  }
  table->AddValidated(std::move(entries), std::move(releases));
  return true;
}

bool LoadRulesFile(DeprecationTable* table, const std::string& path, std::string* error) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  std::string text;
  bool ok = file != nullptr;
  if (ok) {
    char buffer[1 << 14];
    size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
    ok = !std::ferror(file);  // a directory opens, then fails here with EISDIR
    std::fclose(file);
  }
  if (!ok) {
    if (error) *error = path + ": cannot read rules file: " + std::strerror(errno);
    return false;
  }
  return table->AddFile(path, text, error);
}

std::string TodayUtc() {
  // A malformed override is ignored rather than trusted: every date comparison assumes the
  // YYYY-MM-DD form.
  if (const char* today = std::getenv("KUBESHIFT_TODAY"); today && LooksLikeDate(today)) {
    return today;
  }
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

}  // namespace kubeshift
