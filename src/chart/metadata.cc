// Chart.yaml and requirements.yaml → Metadata, and Helm's validation of it.
#include <regex>

#include "chart/chart_internal.h"
#include "helm/semver.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

// A scalar as sigs.k8s.io/yaml puts it into a Go string field.
std::string Str(const Value& map, std::string_view key) {
  const Value v = Get(map, key);
  if (v.IsString()) return v.AsString();
  if (v.IsNilish() || v.IsMap() || v.IsList()) return "";
  return tmpl::ToString(v);
}

std::vector<std::string> StrList(const Value& map, std::string_view key) {
  std::vector<std::string> out;
  const Value v = Get(map, key);
  if (!v.IsList()) return out;
  for (const Value& item : v.AsList()) out.push_back(item.IsString() ? item.AsString() : tmpl::ToString(item));
  return out;
}

bool Bool(const Value& map, std::string_view key) {
  const Value v = Get(map, key);
  return v.kind() == Value::Kind::kBool && v.AsBool();
}

// Go's sanitizeString: control characters become spaces... Helm keeps printable runes only.
std::string Sanitize(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') c = ' ';
  }
  return s;
}

bool ParseDependencies(const Value& list, std::vector<Dependency>* out, std::string* error) {
  out->clear();
  if (!list.IsList()) return true;
  for (const Value& item : list.AsList()) {
    if (!item.IsMap()) {
      if (!item.IsNilish()) {
        *error = "cannot load Chart.yaml: a dependency is not a map";
        return false;
      }
      *error = "validation: dependencies must not contain empty or null nodes";
      return false;
    }
    Dependency d;
    d.name = Sanitize(Str(item, "name"));
    d.version = Sanitize(Str(item, "version"));
    d.repository = Sanitize(Str(item, "repository"));
    d.condition = Sanitize(Str(item, "condition"));
    d.alias = Str(item, "alias");
    d.tags = StrList(item, "tags");
    d.import_values = Get(item, "import-values");
    d.enabled = !Get(item, "enabled").IsValid() || Bool(item, "enabled");
    out->push_back(std::move(d));
  }
  return true;
}

bool LoadYamlMap(std::string_view text, std::string_view what, Value* out, std::string* error) {
  std::string parse_error;
  if (!tmpl::ValueFromYaml(text, tmpl::NumberMode::kYaml, out, &parse_error)) {
    *error = "cannot load " + std::string(what) + ": error converting YAML to JSON: " + parse_error;
    return false;
  }
  if (out->IsNil()) *out = Value::Map();
  if (!out->IsMap()) {
    *error = "cannot load " + std::string(what) +
             ": error unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata";
    return false;
  }
  return true;
}

}  // namespace

bool ParseMetadata(std::string_view text, Metadata* out, std::string* error) {
  Value m;
  if (!LoadYamlMap(text, "Chart.yaml", &m, error)) return false;
  Metadata md;
  md.api_version = Str(m, "apiVersion");
  md.name = Sanitize(Str(m, "name"));
  md.version = Sanitize(Str(m, "version"));
  md.kube_version = Sanitize(Str(m, "kubeVersion"));
  md.description = Sanitize(Str(m, "description"));
  md.type = Sanitize(Str(m, "type"));
  md.home = Sanitize(Str(m, "home"));
  md.icon = Sanitize(Str(m, "icon"));
  md.app_version = Sanitize(Str(m, "appVersion"));
  md.condition = Sanitize(Str(m, "condition"));
  md.tags = Sanitize(Str(m, "tags"));
  md.sources = StrList(m, "sources");
  md.keywords = StrList(m, "keywords");
  md.deprecated = Bool(m, "deprecated");
  md.maintainers = Get(m, "maintainers");
  md.annotations = Get(m, "annotations");
  if (!ParseDependencies(Get(m, "dependencies"), &md.dependencies, error)) return false;
  // Helm 2 charts had no apiVersion: they load as v1.
  if (md.api_version.empty()) md.api_version = "v1";
  *out = std::move(md);
  return true;
}

bool ParseRequirements(std::string_view text, std::vector<Dependency>* out, std::string* error) {
  Value m;
  if (!LoadYamlMap(text, "requirements.yaml", &m, error)) return false;
  return ParseDependencies(Get(m, "dependencies"), out, error);
}

bool ValidateMetadata(const Metadata& md, std::string* error) {
  auto fail = [error](std::string message) {
    *error = "validation: " + std::move(message);
    return false;
  };
  if (md.api_version.empty()) return fail("chart.metadata.apiVersion is required");
  if (md.name.empty()) return fail("chart.metadata.name is required");
  if (md.name.find('/') != std::string::npos || md.name == "." || md.name == "..") {
    return fail("chart.metadata.name \"" + md.name + "\" is invalid");
  }
  if (md.version.empty()) return fail("chart.metadata.version is required");
  tmpl::SemVersion sv;
  std::string semver_error;
  if (!tmpl::ParseSemver(md.version, &sv, &semver_error)) {
    return fail("chart.metadata.version \"" + md.version + "\" is invalid");
  }
  if (!md.type.empty() && md.type != "application" && md.type != "library") {
    return fail("chart.metadata.type must be application or library");
  }
  if (md.maintainers.IsList()) {
    for (const Value& m : md.maintainers.AsList()) {
      if (!m.IsMap()) return fail("chart.metadata.maintainers must not contain empty or null nodes");
      if (Str(m, "name").empty()) return fail("each maintainer requires a name");
    }
  }
  static const std::regex kAlias("^[a-zA-Z0-9_-]+$");
  std::vector<std::string> seen;
  for (const Dependency& d : md.dependencies) {
    if (!d.alias.empty() && !std::regex_match(d.alias, kAlias)) {
      return fail("dependency \"" + d.name + "\" has disallowed characters in the alias");
    }
    const std::string key = d.alias.empty() ? d.name : d.alias;
    for (const std::string& s : seen) {
      if (s == key) return fail("more than one dependency with name or alias \"" + key + "\"");
    }
    seen.push_back(key);
  }
  return true;
}

int TopLevelKeyLine(std::string_view text, std::string_view key) {
  int line = 1;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view l = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (l.starts_with(key) && l.size() > key.size() && l[key.size()] == ':') return line;
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
    ++line;
  }
  return 0;
}

bool IsCompatibleRange(std::string_view constraint, std::string_view version) {
  tmpl::SemVersion sv;
  std::string error;
  if (!tmpl::ParseSemver(version, &sv, &error)) return false;
  bool ok = false;
  return tmpl::CheckSemverConstraint(constraint, sv, &ok, &error) && ok;
}

Value Get(const Value& map, std::string_view key) {
  if (!map.IsMap()) return Value();
  const auto& m = map.AsMap();
  auto it = m.find(key);
  return it == m.end() ? Value() : it->second;
}

bool IsTable(const Value& v) { return v.IsMap(); }

Value TableAt(const Value& values, std::string_view path) {
  Value table = values;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    Value next = Get(table, part);
    if (!next.IsMap()) return Value();
    table = next;
    if (dot == std::string_view::npos) return table;
    start = dot + 1;
  }
}

Value PathValue(const Value& values, std::string_view path) {
  if (path.empty()) return Value();
  size_t dot = path.rfind('.');
  Value table = dot == std::string_view::npos ? values : TableAt(values, path.substr(0, dot));
  if (!table.IsMap()) return Value();
  const std::string_view key = dot == std::string_view::npos ? path : path.substr(dot + 1);
  auto it = table.AsMap().find(key);
  if (it == table.AsMap().end() || it->second.IsMap()) return Value();
  return it->second;
}

}  // namespace kubeshift::chart
