// kubeshift — the built-in data files, --rules files, and today's date.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

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

}  // namespace

bool LoadBuiltinTable(DeprecationTable* table, std::string* error) {
  for (size_t i = 0; i < kEmbeddedDataFileCount; ++i) {
    const EmbeddedDataFile& file = kEmbeddedDataFiles[i];
    if (!table->AddFile(file.name, file.text, error)) return false;
  }
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
