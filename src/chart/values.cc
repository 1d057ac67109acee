// Values: values files, the user's merged values, and Helm's coalescing of user values over
// chart values over subchart values (pkg/chart/common/util/coalesce.go, step by step).
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "chart/chart_internal.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

using tmpl::ValueMap;

// The documents of a YAML stream, split on "---" lines as Kubernetes' YAMLReader does.
std::vector<std::string_view> SplitDocuments(std::string_view text) {
  std::vector<std::string_view> docs;
  size_t start = 0, pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    std::string_view line = text.substr(pos, next - pos);
    if (line.starts_with("---") && line.substr(3).find_first_not_of(" \t\r\n") == std::string_view::npos) {
      docs.push_back(text.substr(start, pos - start));
      start = next;
    }
    pos = next;
  }
  docs.push_back(text.substr(start));
  return docs;
}

bool ChildChartMergeTrue(const Chart& chart, const std::string& key, bool merge) {
  for (const auto& sub : chart.dependencies) {
    if (sub->metadata.name == key) return true;
  }
  return merge;
}

// coalesceTablesFullKey: dst is authoritative; src fills in. Like Helm, it writes nulls of
// dst into src, and deletes nulled keys of dst unless merging.
void CoalesceTables(ValueMap& dst, ValueMap& src, bool merge) {
  for (const auto& [key, val] : dst) {
    if (val.IsNil()) src.insert_or_assign(key, Value::Nil());
  }
  for (auto& [key, val] : src) {
    auto it = dst.find(key);
    if (it != dst.end() && !merge && it->second.IsNil()) {
      dst.erase(it);
    } else if (it == dst.end()) {
      dst.emplace(key, val);
    } else if (val.IsMap() && it->second.IsMap()) {
      CoalesceTables(it->second.MutableMap(), val.MutableMap(), merge);
    }
  }
}

// coalesceValues: the chart's own values (a deep copy) under v.
void CoalesceChartValues(const Chart& chart, ValueMap& v, bool merge) {
  Value copy = tmpl::DeepCopy(chart.values);
  if (!copy.IsMap()) return;
  for (auto& [key, val] : copy.MutableMap()) {
    auto it = v.find(key);
    if (it == v.end()) {
      v.emplace(key, val);
    } else if (it->second.IsNil() && !merge) {
      v.erase(it);
    } else if (it->second.IsMap() && val.IsMap()) {
      CoalesceTables(it->second.MutableMap(), val.MutableMap(), ChildChartMergeTrue(chart, key, merge));
    }
  }
}

// coalesceGlobals: the parent's globals pushed into a subchart's table, parent first.
void CoalesceGlobals(ValueMap& dest, const ValueMap& src) {
  Value dg = Value::Map(), sg = Value::Map();
  if (auto it = dest.find("global"); it != dest.end()) {
    if (!it->second.IsMap()) return;
    dg = it->second;
  }
  if (auto it = src.find("global"); it != src.end()) {
    if (!it->second.IsMap()) return;
    sg = it->second;
  }
  ValueMap& dgm = dg.MutableMap();
  for (const auto& [key, val] : sg.AsMap()) {
    auto existing = dgm.find(key);
    if (val.IsMap()) {
      Value vv = Value::Map(val.AsMap());  // a shallow copy, as Helm's copyMap
      if (existing == dgm.end()) {
        dgm.emplace(key, vv);
      } else if (existing->second.IsMap()) {
        CoalesceTables(vv.MutableMap(), existing->second.MutableMap(), true);
        existing->second = vv;
      }
    } else if (existing == dgm.end() || !existing->second.IsMap()) {
      dgm.insert_or_assign(key, val);
    }
  }
  dest.insert_or_assign("global", dg);
}

bool Coalesce(const Chart& chart, ValueMap& dest, bool merge, std::string* error);

bool CoalesceDeps(const Chart& chart, ValueMap& dest, bool merge, std::string* error) {
  for (const auto& sub : chart.dependencies) {
    const std::string& name = sub->metadata.name;
    auto it = dest.find(name);
    if (it == dest.end()) {
      it = dest.emplace(name, Value::Map()).first;
    } else if (!it->second.IsMap()) {
      std::string shown = it->second.IsNil() ? "<nil>" : it->second.TypeName() + "=" + tmpl::ToString(it->second);
      *error = "type mismatch on " + name + ": %!t(" + shown + ")";
      return false;
    }
    Value dv = it->second;
    CoalesceGlobals(dv.MutableMap(), dest);
    if (!Coalesce(*sub, dv.MutableMap(), merge, error)) return false;
  }
  return true;
}

bool Coalesce(const Chart& chart, ValueMap& dest, bool merge, std::string* error) {
  CoalesceChartValues(chart, dest, merge);
  return CoalesceDeps(chart, dest, merge, error);
}

bool CoalesceWith(const Chart& chart, const Value& user, bool merge, Value* out, std::string* error) {
  Value dest = user.IsMap() ? tmpl::DeepCopy(user) : Value::Map();
  if (!Coalesce(chart, dest.MutableMap(), merge, error)) return false;
  *out = dest;
  return true;
}

}  // namespace

Value MergeMaps(const Value& a, const Value& b) {
  ValueMap out = a.IsMap() ? a.AsMap() : ValueMap{};
  if (!b.IsMap()) return Value::Map(std::move(out));
  for (const auto& [key, val] : b.AsMap()) {
    auto it = out.find(key);
    if (val.IsMap() && it != out.end() && it->second.IsMap()) {
      it->second = MergeMaps(it->second, val);
    } else {
      out.insert_or_assign(key, val);
    }
  }
  return Value::Map(std::move(out));
}

bool ParseValuesYaml(std::string_view text, Value* out, std::string* error) {
  Value values = Value::Map();
  for (std::string_view doc : SplitDocuments(text)) {
    Value current;
    std::string message;
    if (!tmpl::ValueFromYaml(doc, tmpl::NumberMode::kJson, &current, &message)) {
      *error = "error converting YAML to JSON: " + message;
      return false;
    }
    if (current.IsNil()) current = Value::Map();
    if (!current.IsMap()) {
      *error = "cannot unmarshal yaml document: the document is not a map";
      return false;
    }
    values = MergeMaps(values, current);
  }
  *out = values;
  return true;
}

bool ReadLocalFile(const std::string& path, std::string* data, std::string* error) {
  if (path == "-") {
    data->assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "open " + path + ": no such file or directory";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *data = buffer.str();
  return true;
}

bool MergeUserValues(const ValueOptions& options, Value* out, std::string* error, const FileReader& reader) {
  Value base = Value::Map();
  for (const std::string& path : options.value_files) {
    std::string data, message;
    if (!reader(path, &data, &message)) return *error = message, false;
    Value current;
    if (!ParseValuesYaml(data, &current, &message)) return *error = "failed to parse " + path + ": " + message, false;
    base = MergeMaps(base, current);
  }
  for (const std::string& json : options.json_values) {
    std::string message;
    const size_t first = json.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && json[first] == '{') {
      Value map;
      if (!tmpl::ValueFromJson(json, &map, &message) || !map.IsMap()) {
        return *error = "failed parsing --set-json data JSON: " + json, false;
      }
      base = MergeMaps(base, map);
    } else if (!ParseSet(json, SetMode::kJson, &base, &message, reader)) {
      return *error = "failed parsing --set-json data " + json, false;
    }
  }
  const std::pair<const std::vector<std::string>*, SetMode> kinds[] = {
      {&options.values, SetMode::kTyped},
      {&options.string_values, SetMode::kString},
      {&options.file_values, SetMode::kFile},
      {&options.literal_values, SetMode::kLiteral}};
  const char* names[] = {"--set", "--set-string", "--set-file", "--set-literal"};
  for (size_t k = 0; k < 4; ++k) {
    for (const std::string& text : *kinds[k].first) {
      std::string message;
      if (!ParseSet(text, kinds[k].second, &base, &message, reader)) {
        return *error = std::string("failed parsing ") + names[k] + " data: " + message, false;
      }
    }
  }
  *out = base;
  return true;
}

bool CoalesceValues(const Chart& chart, const Value& user, Value* out, std::string* error) {
  return CoalesceWith(chart, user, false, out, error);
}

bool MergeChartValues(const Chart& chart, const Value& user, Value* out, std::string* error) {
  return CoalesceWith(chart, user, true, out, error);
}

}  // namespace kubeshift::chart
