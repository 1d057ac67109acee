// YAML → template values. Parsing goes through the yaml module (yaml-cpp, positions kept);
// scalars are resolved here with go-yaml v2's YAML 1.1 rules, as Helm reads values.
#include <algorithm>
#include <cmath>

#include "helm/go_format.h"
#include "helm/yaml_simple_block.h"
#include "helm/yaml_resolve.h"
#include "kubeshift/template_data.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift::tmpl {
namespace {

constexpr std::string_view kTagPrefix = "tag:yaml.org,2002:";

Value FromResolved(const Resolved& r, const std::string& text, NumberMode mode) {
  switch (r.tag) {
    case YamlTag::kNull: return Value::Nil();
    case YamlTag::kBool: return Value::Bool(r.boolean);
    case YamlTag::kInt:
      if (mode == NumberMode::kJson) {
        return Value::Float(r.is_uint ? static_cast<double>(r.uinteger) : static_cast<double>(r.integer));
      }
      return r.is_uint ? Value::Float(static_cast<double>(r.uinteger)) : Value::Int(r.integer);
    case YamlTag::kFloat: return Value::Float(r.number);
    case YamlTag::kStr:
    case YamlTag::kTimestamp:
    case YamlTag::kMerge: return Value::String(text);
  }
  return Value::String(text);
}

Value Scalar(const YamlNode& node, NumberMode mode) {
  if (node.tag == "?") return FromResolved(ResolvePlain(node.value), node.value, mode);
  if (node.tag.starts_with(kTagPrefix)) {
    const std::string_view tag = std::string_view(node.tag).substr(kTagPrefix.size());
    const Resolved r = ResolvePlain(node.value);
    if ((tag == "int" && r.tag == YamlTag::kInt) || (tag == "bool" && r.tag == YamlTag::kBool) ||
        (tag == "null" && r.tag == YamlTag::kNull)) {
      return FromResolved(r, node.value, mode);
    }
    if (tag == "float" && (r.tag == YamlTag::kFloat || r.tag == YamlTag::kInt)) {
      return Value::Float(r.tag == YamlTag::kFloat ? r.number : static_cast<double>(r.integer));
    }
  }
  return Value::String(node.value);  // quoted, block, !!str or an unknown tag
}

// A map key as sigs.k8s.io/yaml turns it into a JSON key.
std::string KeyText(const YamlNode& key, NumberMode mode) {
  if (!key.IsScalar()) return "";
  const Value v = Scalar(key, mode);
  switch (v.kind()) {
    case Value::Kind::kString: return v.AsString();
    case Value::Kind::kNil: return "null";
    default: return ToString(v);
  }
}

Value Convert(const YamlNode& node, NumberMode mode);

void MergeInto(ValueMap* map, const Value& from) {
  if (from.IsMap()) {
    for (const auto& [key, value] : from.AsMap()) map->emplace(key, value);
  } else if (from.IsList()) {
    for (const Value& item : from.AsList()) MergeInto(map, item);  // earlier maps win
  }
}

Value Convert(const YamlNode& node, NumberMode mode) {
  switch (node.kind) {
    case YamlNode::Kind::kNull: return Value::Nil();
    case YamlNode::Kind::kScalar: return Scalar(node, mode);
    case YamlNode::Kind::kSequence: {
      ValueList items;
      items.reserve(node.values.size());
      for (const YamlNode& item : node.values) items.push_back(Convert(item, mode));
      return Value::List(std::move(items));
    }
    case YamlNode::Kind::kMap: {
      ValueMap map;
      std::vector<Value> merges;
      for (size_t i = 0; i < node.keys.size(); ++i) {
        const YamlNode& key = node.keys[i];
        if (key.IsScalar() && key.tag == "?" && key.value == "<<") {
          merges.push_back(Convert(node.values[i], mode));
          continue;
        }
        map.insert_or_assign(KeyText(key, mode), Convert(node.values[i], mode));
      }
      // Merged keys never override keys written in the mapping itself.
      for (const Value& merge : merges) MergeInto(&map, merge);
      return Value::Map(std::move(map));
    }
  }
  return Value::Nil();
}

}  // namespace

bool ValueFromYaml(std::string_view text, NumberMode mode, Value* out, std::string* error) {
  if (!ValueFromYamlDocument(text, mode, out, error)) return false;
  if (out->IsNil()) *out = Value::Map();
  return true;
}

bool ValueFromYamlDocument(std::string_view text, NumberMode mode, Value* out, std::string* error) {
  YamlDocument doc;
  if (ParseSimpleBlockYaml(text, &doc.root)) {  // most values files and manifests: no yaml-cpp
    *out = doc.root.IsNull() ? Value::Nil() : Convert(doc.root, mode);
    return true;
  }
  ScanError scan_error;
  if (!ParseYamlTree(text, Range{0, text.size()}, &doc, &scan_error)) {
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(scan_error.offset, text.size()), '\n'));
    // yaml-cpp's words for the most common mistake, in go-yaml's (what Helm prints).
    const std::string message =
        scan_error.message == "illegal map value" ? "mapping values are not allowed in this context" : scan_error.message;
    *error = "yaml: line " + std::to_string(line) + ": " + message;
    return false;
  }
  *out = doc.root.IsNull() ? Value::Nil() : Convert(doc.root, mode);
  return true;
}

}  // namespace kubeshift::tmpl
