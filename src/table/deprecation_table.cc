// kubeshift — parsing, validation and lookup of the deprecation table.
#include "kubeshift/deprecation_table.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <exception>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kubeshift {
namespace {

constexpr std::array<std::string_view, 3> kFileKeys = {"component", "releases", "apis"};
constexpr std::array<std::string_view, 2> kReleaseKeys = {"version", "date"};
constexpr std::array<std::string_view, 8> kRowKeys = {
    "apiVersion", "kind", "deprecatedIn", "removedIn", "replacement", "replacementSince",
    "conversion", "note"};

/// What one data file holds once it has been read and checked on its own.
struct ParsedFile {
  std::vector<ApiEntry> entries;
  std::vector<int> entry_lines;
  std::vector<Release> releases;
  std::vector<int> release_lines;
};

int LineOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 1 : mark.line + 1;
}

std::string Join(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsLower(c) || (c >= 'A' && c <= 'Z'); }

// "v1", "v1beta2", "v2alpha1".
bool IsApiVersionPart(std::string_view text) {
  if (text.size() < 2 || text[0] != 'v') return false;
  size_t i = 1;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i == text.size()) return true;
  for (std::string_view stage : {"alpha", "beta"}) {
    if (text.substr(i).starts_with(stage)) {
      i += stage.size();
      return digits() && i == text.size();
    }
  }
  return false;
}

// A DNS-like group name: "apps", "networking.k8s.io", "cert-manager.io".
bool IsGroup(std::string_view text) {
  if (text.empty() || !IsAlpha(text.front())) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || c == '.' || c == '-';
  });
}

// "group/version", or a bare version for the core group ("v1").
bool IsApiVersion(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return IsApiVersionPart(text);
  return IsGroup(text.substr(0, slash)) && IsApiVersionPart(text.substr(slash + 1));
}

bool IsKind(std::string_view text) {
  if (text == "*") return true;
  if (text.empty() || !IsAlpha(text.front())) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return IsAlpha(c) || IsDigit(c); });
}

// Lower-case words joined by single dashes: "pure-version-move", "cert-manager".
bool IsKebabCase(std::string_view text, bool allow_dots) {
  if (text.empty() || !IsLower(text.front()) || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    const bool ok = IsLower(c) || IsDigit(c) || (c == '-' && previous != '-') ||
                    (allow_dots && c == '.' && previous != '.');
    if (!ok) return false;
    previous = c;
  }
  return true;
}

bool IsDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[i])) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string RowKey(std::string_view api_version, std::string_view kind) {
  std::string key;
  key.reserve(api_version.size() + 1 + kind.size());
  key.append(api_version);
  key.push_back('\0');
  key.append(kind);
  return key;
}

/// Reads and checks one data file. Collects nothing into the table; AddFile commits.
class FileParser {
 public:
  explicit FileParser(std::string_view name) : name_(name) {}

  bool Parse(std::string_view text, ParsedFile* out) {
    std::vector<YAML::Node> documents;
    try {
      documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception& e) {
      const int line = e.mark.is_null() ? 1 : e.mark.line + 1;
      return FailAt(line, "YAML syntax error: " + e.msg);
    } catch (const std::exception& e) {
      return FailAt(1, std::string("cannot read YAML: ") + e.what());
    }
    if (documents.size() > 1) {
      return Fail(documents[1], "expected one YAML document, found " +
                                    std::to_string(documents.size()));
    }
    // Everything below only reads the tree, but a yaml-cpp accessor used on the wrong node
    // type throws; the core never lets that escape.
    try {
      if (documents.empty() || documents[0].IsNull()) {
        return FailAt(1, "empty file: missing required key 'component'");
      }
      return ParseFile(documents[0], out);
    } catch (const YAML::Exception& e) {
      return FailAt(e.mark.is_null() ? 1 : e.mark.line + 1, e.msg);
    } catch (const std::exception& e) {
      return FailAt(1, e.what());
    }
  }

  const std::string& error() const { return error_; }

 private:
  bool FailAt(int line, const std::string& message) {
    error_ = std::string(name_) + ":" + std::to_string(line) + ": " + message;
    return false;
  }
  bool Fail(const YAML::Node& node, const std::string& message) {
    return FailAt(LineOf(node), message);
  }

  // Checks that \a map is a mapping whose keys are all in \a allowed, each at most once.
  bool CheckKeys(const YAML::Node& map, std::string_view what,
                 std::span<const std::string_view> allowed) {
    if (!map.IsMap()) return Fail(map, std::string(what) + " must be a mapping");
    std::set<std::string, std::less<>> seen;
    for (const auto& pair : map) {
      if (!pair.first.IsScalar()) return Fail(pair.first, "keys must be plain strings");
      const std::string& key = pair.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return Fail(pair.first, "unknown key '" + key + "' in " + std::string(what) +
                                    " (expected one of: " + Join(allowed) + ")");
      }
      if (!seen.insert(key).second) return Fail(pair.first, "duplicate key '" + key + "'");
    }
    return true;
  }

  // Reads an optional string value; null or absent reads as "".
  bool ReadString(const YAML::Node& map, const char* key, std::string* out) {
    const YAML::Node value = map[key];
    out->clear();
    if (!value || value.IsNull()) return true;
    if (!value.IsScalar()) return Fail(value, std::string("'") + key + "' must be a string");
    *out = value.Scalar();
    return true;
  }

  bool ReadRequiredString(const YAML::Node& map, const char* key, std::string* out) {
    if (!map[key]) return Fail(map, std::string("missing required key '") + key + "'");
    if (!ReadString(map, key, out)) return false;
    if (out->empty()) return FailEmpty(map, key);
    return true;
  }

  // An empty value has no useful mark of its own (yaml-cpp points at the next token), so the
  // error names the line of its key.
  bool FailEmpty(const YAML::Node& map, const char* key) {
    const std::string message = std::string("'") + key + "' must not be empty";
    for (const auto& pair : map) {
      if (pair.first.Scalar() == key) return Fail(pair.first, message);
    }
    return Fail(map, message);
  }

  // Reads an optional quoted "MAJOR.MINOR" value.
  bool ReadVersion(const YAML::Node& map, const char* key, std::optional<Version>* out) {
    const YAML::Node value = map[key];
    out->reset();
    if (!value || value.IsNull()) return true;
    if (!value.IsScalar()) return Fail(value, std::string("'") + key + "' must be a string");
    const std::string& text = value.Scalar();
    const std::optional<Version> version = ParseVersion(text);
    if (!version || version->ToString() != text) {
      return Fail(value, "bad version '" + text + "' in '" + key +
                             "': expected \"MAJOR.MINOR\" like \"1.22\"");
    }
    // Plain 1.20 is the float 1.2 to most YAML tools; our files must read the same anywhere.
    if (value.Tag() == "?") {
      return Fail(value, std::string("version in '") + key + "' must be quoted: \"" + text + "\"");
    }
    *out = version;
    return true;
  }

  bool ParseFile(const YAML::Node& root, ParsedFile* out) {
    if (!CheckKeys(root, "the top level", kFileKeys)) return false;
    std::string component;
    if (!ReadRequiredString(root, "component", &component)) return false;
    if (!IsKebabCase(component, /*allow_dots=*/true)) {
      return Fail(root["component"], "bad component name '" + component +
                                          "': expected lower-case words like \"cert-manager\"");
    }
    if (const YAML::Node releases = root["releases"]; releases && !releases.IsNull()) {
      if (!releases.IsSequence()) return Fail(releases, "'releases' must be a list");
      for (const YAML::Node& release : releases) {
        if (!ParseRelease(release, component, out)) return false;
      }
    }
    if (const YAML::Node apis = root["apis"]; apis && !apis.IsNull()) {
      if (!apis.IsSequence()) return Fail(apis, "'apis' must be a list");
      for (const YAML::Node& row : apis) {
        if (!ParseRow(row, component, out)) return false;
      }
    }
    return true;
  }

  bool ParseRelease(const YAML::Node& node, const std::string& component, ParsedFile* out) {
    if (!CheckKeys(node, "a release", kReleaseKeys)) return false;
    Release release;
    release.component = component;
    std::optional<Version> version;
    if (!node["version"]) return Fail(node, "missing required key 'version'");
    if (!ReadVersion(node, "version", &version)) return false;
    if (!version) return FailEmpty(node, "version");
    release.version = *version;
    if (!ReadString(node, "date", &release.date)) return false;
    if (!release.date.empty() && !IsDate(release.date)) {
      return Fail(node["date"], "bad date '" + release.date + "': expected YYYY-MM-DD");
    }
    for (size_t i = 0; i < out->releases.size(); ++i) {
      if (out->releases[i].version == release.version) {
        return Fail(node, "duplicate release " + component + " " + release.version.ToString() +
                              " (already at line " + std::to_string(out->release_lines[i]) + ")");
      }
    }
    out->releases.push_back(std::move(release));
    out->release_lines.push_back(LineOf(node));
    return true;
  }

  bool ParseRow(const YAML::Node& node, const std::string& component, ParsedFile* out) {
    if (!CheckKeys(node, "a row of 'apis'", kRowKeys)) return false;
    ApiEntry entry;
    entry.component = component;
    if (!ReadRequiredString(node, "apiVersion", &entry.api_version) ||
        !ReadRequiredString(node, "kind", &entry.kind) ||
        !ReadVersion(node, "deprecatedIn", &entry.deprecated_in) ||
        !ReadVersion(node, "removedIn", &entry.removed_in) ||
        !ReadString(node, "replacement", &entry.replacement) ||
        !ReadVersion(node, "replacementSince", &entry.replacement_since) ||
        !ReadString(node, "conversion", &entry.conversion) ||
        !ReadString(node, "note", &entry.note)) {
      return false;
    }
    if (!CheckRow(node, entry)) return false;
    const int line = LineOf(node);
    for (size_t i = 0; i < out->entries.size(); ++i) {
      const ApiEntry& other = out->entries[i];
      if (other.api_version == entry.api_version && other.kind == entry.kind) {
        return Fail(node, "duplicate row for " + entry.api_version + " " + entry.kind +
                              " (already at line " + std::to_string(out->entry_lines[i]) + ")");
      }
    }
    entry.origin = std::string(name_) + ":" + std::to_string(line);
    out->entries.push_back(std::move(entry));
    out->entry_lines.push_back(line);
    return true;
  }

  // The checks of one row that need no other row.
  bool CheckRow(const YAML::Node& node, const ApiEntry& entry) {
    if (!IsApiVersion(entry.api_version)) {
      return Fail(node["apiVersion"], "bad apiVersion '" + entry.api_version +
                                          "': expected \"group/version\" or a core version "
                                          "like \"v1\"");
    }
    if (!IsKind(entry.kind)) {
      return Fail(node["kind"],
                  "bad kind '" + entry.kind + "': expected a kind like \"Ingress\" or \"*\"");
    }
    if (!entry.replacement.empty() && !IsApiVersion(entry.replacement)) {
      return Fail(node["replacement"], "bad replacement '" + entry.replacement +
                                           "': expected \"group/version\" or a core version "
                                           "like \"v1\"");
    }
    if (entry.replacement == entry.api_version) {
      return Fail(node["replacement"], "replacement is the row's own apiVersion");
    }
    if (entry.replacement_since && entry.replacement.empty()) {
      return Fail(node["replacementSince"], "'replacementSince' given without 'replacement'");
    }
    if (!entry.conversion.empty() && !IsKebabCase(entry.conversion, /*allow_dots=*/false)) {
      return Fail(node["conversion"], "bad conversion id '" + entry.conversion +
                                          "': expected kebab-case like \"pure-version-move\"");
    }
    if (!entry.deprecated_in && !entry.removed_in) {
      return Fail(node, "row for " + entry.api_version + " " + entry.kind +
                            " has neither 'deprecatedIn' nor 'removedIn'");
    }
    if (entry.deprecated_in && entry.removed_in && *entry.deprecated_in > *entry.removed_in) {
      return Fail(node["deprecatedIn"], "deprecatedIn " + entry.deprecated_in->ToString() +
                                            " is after removedIn " +
                                            entry.removed_in->ToString());
    }
    if (entry.replacement_since && entry.removed_in &&
        *entry.replacement_since > *entry.removed_in) {
      return Fail(node["replacementSince"], "replacementSince " +
                                                entry.replacement_since->ToString() +
                                                " is after removedIn " +
                                                entry.removed_in->ToString());
    }
    return true;
  }

  std::string_view name_;
  std::string error_;
};

}  // namespace

ApiStatus StatusAt(const ApiEntry& entry, Version target) {
  if (entry.removed_in && target >= *entry.removed_in) return ApiStatus::kRemoved;
  if (entry.deprecated_in && target >= *entry.deprecated_in) return ApiStatus::kDeprecated;
  return ApiStatus::kServed;
}

bool DeprecationTable::AddFile(std::string_view name, std::string_view text,
                               std::string* error) {
  ParsedFile file;
  FileParser parser(name);
  if (!parser.Parse(text, &file)) {
    if (error) *error = parser.error();
    return false;
  }
  auto fail = [&](int line, const std::string& message) {
    if (error) *error = std::string(name) + ":" + std::to_string(line) + ": " + message;
    return false;
  };
  // Find() has no component argument, so (apiVersion, kind) must be unique across components.
  for (size_t i = 0; i < file.entries.size(); ++i) {
    const ApiEntry& entry = file.entries[i];
    const auto it = index_.find(RowKey(entry.api_version, entry.kind));
    if (it != index_.end()) {
      return fail(file.entry_lines[i], "duplicate row for " + entry.api_version + " " +
                                           entry.kind + " (already at " +
                                           entries_[it->second].origin + ")");
    }
  }
  for (size_t i = 0; i < file.releases.size(); ++i) {
    const Release& release = file.releases[i];
    for (const Release& other : releases_) {
      if (other.component == release.component && other.version == release.version) {
        return fail(file.release_lines[i], "duplicate release " + release.component + " " +
                                               release.version.ToString() +
                                               " (already loaded from another file)");
      }
    }
  }
  AddValidated(std::move(file.entries), std::move(file.releases));
  return true;
}

void DeprecationTable::AddValidated(std::vector<ApiEntry> entries, std::vector<Release> releases) {
  entries_.reserve(entries_.size() + entries.size());
  index_.reserve(index_.size() + entries.size());
  for (ApiEntry& entry : entries) {
    index_.emplace(RowKey(entry.api_version, entry.kind), entries_.size());
    entries_.push_back(std::move(entry));
  }
  releases_.insert(releases_.end(), std::make_move_iterator(releases.begin()),
                   std::make_move_iterator(releases.end()));
}

const ApiEntry* DeprecationTable::Find(std::string_view api_version,
                                       std::string_view kind) const {
  // Called once per resource: the key is built in a reused buffer, so a lookup does not
  // allocate once the buffer has grown to the longest key.
  thread_local std::string key;
  auto lookup = [&](std::string_view row_kind) -> const ApiEntry* {
    key.assign(api_version);
    key.push_back('\0');
    key.append(row_kind);
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &entries_[it->second];
  };
  if (index_.empty()) return nullptr;
  if (const ApiEntry* entry = lookup(kind)) return entry;
  constexpr std::string_view kListSuffix = "List";
  if (kind.size() > kListSuffix.size() && kind.ends_with(kListSuffix)) {
    if (const ApiEntry* entry = lookup(kind.substr(0, kind.size() - kListSuffix.size()))) {
      return entry;
    }
  }
  return lookup("*");
}

std::vector<std::string> DeprecationTable::Components() const {
  std::set<std::string, std::less<>> names;
  for (const ApiEntry& entry : entries_) names.insert(entry.component);
  for (const Release& release : releases_) names.insert(release.component);
  std::vector<std::string> out;
  if (names.erase(std::string(kKubernetes)) > 0) out.emplace_back(kKubernetes);
  out.insert(out.end(), names.begin(), names.end());
  return out;
}

std::optional<Version> DeprecationTable::NewestReleased(std::string_view component,
                                                        std::string_view today) const {
  std::optional<Version> newest;
  for (const Release& release : releases_) {
    // ISO dates compare correctly as strings.
    if (release.component != component || release.date.empty() || release.date > today) {
      continue;
    }
    if (!newest || release.version > *newest) newest = release.version;
  }
  return newest;
}

std::optional<Version> DeprecationTable::NewestKnown(std::string_view component) const {
  std::optional<Version> newest;
  for (const Release& release : releases_) {
    if (release.component == component && (!newest || release.version > *newest)) {
      newest = release.version;
    }
  }
  if (newest) return newest;
  // A component without a release list (typically user rows from --rules): the newest
  // version its rows mention is the newest the table knows of.
  for (const ApiEntry& entry : entries_) {
    if (entry.component != component) continue;
    for (const std::optional<Version>& version : {entry.deprecated_in, entry.removed_in}) {
      if (version && (!newest || *version > *newest)) newest = version;
    }
  }
  return newest;
}

std::string DeprecationTable::ReleaseDate(std::string_view component, Version version) const {
  for (const Release& release : releases_) {
    if (release.component == component && release.version == version) return release.date;
  }
  return "";
}

}  // namespace kubeshift
