// Helm's dependency processing (pkg/chart/v2/util/dependencies.go): vendored subcharts
// checked, aliases applied, conditions and tags decide which subcharts stay, and
// import-values copy child values into the parent.
#include <set>

#include "chart/chart_internal.h"

namespace kubeshift::chart {
namespace {

using tmpl::ValueMap;

// getAliasDependency: the vendored chart a Chart.yaml entry names, copied under its alias.
std::shared_ptr<Chart> AliasDependency(const std::vector<std::shared_ptr<Chart>>& charts, const Dependency& dep) {
  for (const auto& c : charts) {
    if (!c || c->metadata.name != dep.name) continue;
    if (!IsCompatibleRange(dep.version, c->metadata.version)) continue;
    auto out = std::make_shared<Chart>(*c);
    if (!dep.alias.empty()) out->metadata.name = dep.alias;
    return out;
  }
  return nullptr;
}

void ProcessTags(std::vector<Dependency>& reqs, const Value& cvals) {
  const Value tags = TableAt(cvals, "tags");
  if (!tags.IsMap()) return;
  for (Dependency& r : reqs) {
    bool has_true = false, has_false = false;
    for (const std::string& k : r.tags) {
      const Value b = Get(tags, k);
      if (b.kind() != Value::Kind::kBool) continue;
      (b.AsBool() ? has_true : has_false) = true;
    }
    if (!has_true && has_false) {
      r.enabled = false;
    } else if (has_true || !has_false) {
      r.enabled = true;
    }
  }
}

std::string TrimSpace(std::string s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  const size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void ProcessConditions(std::vector<Dependency>& reqs, const Value& cvals, const std::string& path) {
  for (Dependency& r : reqs) {
    const std::string condition = TrimSpace(r.condition);
    size_t start = 0;
    while (start <= condition.size()) {
      size_t comma = condition.find(',', start);
      if (comma == std::string::npos) comma = condition.size();
      const std::string c = condition.substr(start, comma - start);
      start = comma + 1;
      if (c.empty()) continue;
      const Value v = PathValue(cvals, path + c);
      if (v.kind() == Value::Kind::kBool) {
        r.enabled = v.AsBool();
        break;
      }
    }
  }
}

// The subcharts Chart.yaml's entries select (aliased copies included), after those it does
// not mention; entry names become their aliases.
std::vector<std::shared_ptr<Chart>> SelectDependencies(Chart* c) {
  std::vector<std::shared_ptr<Chart>> deps;
  for (const auto& existing : c->dependencies) {
    bool declared = false;
    for (const Dependency& req : c->metadata.dependencies) {
      declared = declared ||
                 (existing->metadata.name == req.name && IsCompatibleRange(req.version, existing->metadata.version));
    }
    if (!declared) deps.push_back(existing);
  }
  for (Dependency& req : c->metadata.dependencies) {
    if (auto alias = AliasDependency(c->dependencies, req)) deps.push_back(alias);
    if (!req.alias.empty()) req.name = req.alias;
  }
  return deps;
}

// Drops the subcharts (and entries) that conditions and tags disabled.
void RemoveDisabled(Chart* c) {
  std::set<std::string> removed;
  for (const Dependency& r : c->metadata.dependencies) {
    if (!r.enabled) removed.insert(r.name);
  }
  std::erase_if(c->dependencies, [&](const auto& d) { return removed.count(d->metadata.name) > 0; });
  std::erase_if(c->metadata.dependencies, [&](const Dependency& r) { return removed.count(r.name) > 0; });
}

// processDependencyEnabled, recursively: conditions are paths from the top (\a path is the
// subchart's prefix), tags are read at the top.
bool ProcessEnabled(Chart* c, const Value& v, const std::string& path, std::string* error) {
  std::vector<Dependency>& reqs = c->metadata.dependencies;
  if (reqs.empty()) return true;
  c->dependencies = SelectDependencies(c);
  for (Dependency& req : reqs) req.enabled = true;
  Value cvals;
  if (!CoalesceValues(*c, v, &cvals, error)) return false;
  ProcessTags(reqs, cvals);
  ProcessConditions(reqs, cvals, path);
  RemoveDisabled(c);
  for (const auto& t : c->dependencies) {
    if (!ProcessEnabled(t.get(), cvals, path + t->metadata.name + ".", error)) return false;
  }
  return true;
}

// pathToMap: {a: {b: data}} for "a.b"; data itself for ".".
Value PathToMap(const std::string& path, const Value& data) {
  if (path == ".") return data;
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  Value cur = data;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) cur = Value::Map({{*it, cur}});
  return cur;
}

// MergeTables(dst, src): src fills in what dst lacks; nulls kept.
void MergeTables(ValueMap& dst, const Value& src) {
  if (!src.IsMap()) return;
  for (const auto& [key, val] : dst) {
    if (val.IsNil()) src.MutableMap().insert_or_assign(key, Value::Nil());
  }
  for (const auto& [key, val] : src.AsMap()) {
    auto it = dst.find(key);
    if (it == dst.end()) {
      dst.emplace(key, val);
    } else if (val.IsMap() && it->second.IsMap()) {
      MergeTables(it->second.MutableMap(), val);
    }
  }
}

std::string StringField(const Value& map, std::string_view key) {
  const Value v = Get(map, key);
  return v.IsString() ? v.AsString() : "";
}

bool ProcessImportValues(Chart* c, std::string* error) {
  if (c->metadata.dependencies.empty()) return true;
  Value cvals;
  if (!MergeChartValues(*c, Value(), &cvals, error)) return false;
  Value b = Value::Map();
  for (Dependency& r : c->metadata.dependencies) {
    if (!r.import_values.IsList()) continue;
    tmpl::ValueList normalized;
    for (const Value& riv : r.import_values.AsList()) {
      std::string child, parent;
      if (riv.IsMap()) {
        child = StringField(riv, "child");
        parent = StringField(riv, "parent");
      } else if (riv.IsString()) {
        child = "exports.";  // (not "a" + s: a GCC 12 -Wrestrict false positive)
        child += riv.AsString();
        parent = ".";
      } else {
        continue;
      }
      normalized.push_back(Value::Map({{"child", Value::String(child)}, {"parent", Value::String(parent)}}));
      const Value table = TableAt(cvals, r.name + "." + child);
      if (!table.IsMap()) continue;  // Helm warns: ImportValues missing table
      MergeTables(b.MutableMap(), PathToMap(parent, table));
    }
    r.import_values = Value::List(std::move(normalized));
  }
  Value merged = tmpl::DeepCopy(cvals);
  MergeTables(merged.MutableMap(), b);
  c->values = merged;
  return true;
}

bool ProcessAllImportValues(Chart* c, std::string* error) {
  for (const auto& d : c->dependencies) {
    if (!ProcessAllImportValues(d.get(), error)) return false;
  }
  return ProcessImportValues(c, error);
}

}  // namespace

bool ProcessDependencies(Chart* chart, const Value& user, ChartError* error) {
  std::vector<std::string> missing;
  for (const Dependency& req : chart->metadata.dependencies) {
    bool found = false;
    for (const auto& d : chart->dependencies) found = found || d->metadata.name == req.name;
    if (!found) missing.push_back(req.name);
  }
  if (!missing.empty()) {
    std::string names;
    for (const std::string& n : missing) names += (names.empty() ? "" : ", ") + n;
    *error = ChartError{chart->location + "/Chart.yaml", 0, 0,
                        "found in Chart.yaml, but missing in charts/ directory: " + names};
    return false;
  }
  std::string message;
  if (!ProcessEnabled(chart, user, "", &message) || !ProcessAllImportValues(chart, &message)) {
    *error = ChartError{chart->location, 0, 0, message};
    return false;
  }
  return true;
}

}  // namespace kubeshift::chart
