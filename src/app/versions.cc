// `kubeshift versions`: the deprecation table, optionally only what matters at a target.
#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "app/environment.h"
#include "kubeshift/app.h"

namespace kubeshift {
namespace {

std::string VersionText(const std::optional<Version>& version) { return version ? version->ToString() : "-"; }

std::string_view StatusName(ApiStatus status) {
  switch (status) {
    case ApiStatus::kRemoved: return "removed";
    case ApiStatus::kDeprecated: return "deprecated";
    case ApiStatus::kServed: break;
  }
  return "served";
}

struct Row {
  const ApiEntry* entry;
  ApiStatus status;
};

std::vector<Row> SelectRows(const VersionsOptions& options, const Environment& env) {
  std::vector<Row> rows;
  for (const ApiEntry& entry : env.table.entries()) {
    if (!options.component.empty() && entry.component != options.component) continue;
    auto target = env.targets.find(entry.component);
    ApiStatus status = target == env.targets.end() ? ApiStatus::kServed : StatusAt(entry, target->second);
    if (options.filter_by_target && status == ApiStatus::kServed) continue;
    rows.push_back({&entry, status});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.entry->component != b.entry->component) return a.entry->component == kKubernetes;
    return a.entry->removed_in.value_or(Version{99, 0}) < b.entry->removed_in.value_or(Version{99, 0});
  });
  return rows;
}

void WriteText(const std::vector<Row>& rows, std::ostream& out) {
  std::vector<std::array<std::string, 7>> cells;
  cells.push_back({"COMPONENT", "API VERSION", "KIND", "DEPRECATED", "REMOVED", "REPLACEMENT", "STATUS"});
  for (const Row& row : rows) {
    const ApiEntry& e = *row.entry;
    std::string replacement = e.replacement.empty() ? "-" : e.replacement;
    if (e.replacement_since) replacement += fmt::format(" (since {})", e.replacement_since->ToString());
    cells.push_back({e.component, e.api_version, e.kind, VersionText(e.deprecated_in), VersionText(e.removed_in),
                     replacement, std::string(StatusName(row.status))});
  }
  std::array<size_t, 7> widths{};
  for (const auto& line : cells) {
    for (size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], line[i].size());
  }
  for (const auto& line : cells) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += i + 1 < line.size() ? fmt::format("{:<{}}  ", line[i], widths[i]) : line[i];
    }
    fmt::print(out, "{}\n", text);
  }
}

void WriteMarkdown(const std::vector<Row>& rows, std::ostream& out) {
  fmt::print(out, "| Component | API version | Kind | Deprecated in | Removed in | Replacement | Status | Note |\n");
  fmt::print(out, "|---|---|---|---|---|---|---|---|\n");
  for (const Row& row : rows) {
    const ApiEntry& e = *row.entry;
    std::string note = e.note;
    std::replace(note.begin(), note.end(), '|', '/');
    fmt::print(out, "| {} | `{}` | {} | {} | {} | {} | {} | {} |\n", e.component, e.api_version, e.kind,
               VersionText(e.deprecated_in), VersionText(e.removed_in),
               e.replacement.empty() ? "-" : fmt::format("`{}`", e.replacement), StatusName(row.status), note);
  }
}

void WriteJson(const std::vector<Row>& rows, const Environment& env, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto optional_version = [&](const char* key, const std::optional<Version>& v) {
    w.Key(key);
    if (v) {
      w.String(v->ToString().c_str());
    } else {
      w.Null();
    }
  };
  w.StartObject();
  w.Key("targets");
  w.StartObject();
  for (const auto& [component, version] : env.targets) {
    w.Key(component.c_str());
    w.String(version.ToString().c_str());
  }
  w.EndObject();
  w.Key("apis");
  w.StartArray();
  for (const Row& row : rows) {
    const ApiEntry& e = *row.entry;
    w.StartObject();
    w.Key("component"); w.String(e.component.c_str());
    w.Key("apiVersion"); w.String(e.api_version.c_str());
    w.Key("kind"); w.String(e.kind.c_str());
    optional_version("deprecatedIn", e.deprecated_in);
    optional_version("removedIn", e.removed_in);
    w.Key("replacement");
    if (e.replacement.empty()) { w.Null(); } else { w.String(e.replacement.c_str()); }
    optional_version("replacementSince", e.replacement_since);
    w.Key("conversion");
    if (e.conversion.empty()) { w.Null(); } else { w.String(e.conversion.c_str()); }
    w.Key("note"); w.String(e.note.c_str());
    w.Key("status"); w.String(std::string(StatusName(row.status)).c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << buffer.GetString() << '\n';
}

}  // namespace

int RunVersions(const VersionsOptions& options, std::ostream& out, std::ostream& err) {
  Environment env;
  std::string error;
  if (!PrepareEnvironment(options.table, &env, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  if (!options.component.empty() && !env.targets.count(options.component)) {
    fmt::print(err, "kubeshift: error: unknown component '{}'\n", options.component);
    return kExitUsage;
  }
  std::vector<Row> rows = SelectRows(options, env);
  switch (options.format) {
    case OutputFormat::kJson: WriteJson(rows, env, out); break;
    case OutputFormat::kMarkdown: WriteMarkdown(rows, out); break;
    case OutputFormat::kText: WriteText(rows, out); break;
    default:
      fmt::print(err, "kubeshift: error: versions prints text, json or markdown\n");
      return kExitUsage;
  }
  return kExitClean;
}

}  // namespace kubeshift
