// HorizontalPodAutoscaler autoscaling/v2beta1 → autoscaling/v2. Every metric source keeps its
// place; inside it, the flat v2beta1 fields become the v2 blocks:
//   resource, containerResource  targetAverageUtilization | targetAverageValue → target{type, …}
//   pods       metricName, selector → metric{name, selector}; targetAverageValue → target{…}
//   object     target → describedObject; metricName, selector → metric{…};
//              targetValue, averageValue → target{type: Value | AverageValue, …}
//   external   metricName, metricSelector → metric{…}; targetValue | targetAverageValue → target{…}
// status.currentMetrics are reshaped the same way into current{…}. The behavior annotation
// becomes spec.behavior and the round-trip annotations go, as in kubectl-convert.
// Both versions default minReplicas to 1 and no metrics to cpu at 80% utilization, so absent
// fields stay absent.
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

using fields::Move;

// The target type follows the first of these fields that is present.
struct TypeRule {
  std::string_view when_present;
  std::string_view type;
};

// How one v2beta1 metric source (spec or status) maps onto v2.
struct Shape {
  std::string_view source;       ///< "resource", "pods", …
  std::string_view rename_from;  ///< object: the described object, "target" in v2beta1
  std::vector<Move> metric;      ///< into metric{}
  std::vector<Move> value;       ///< into target{} (spec) or current{} (status)
  std::vector<TypeRule> type_rules;
  std::string_view default_type;  ///< empty in status: current{} has no type
};

const std::vector<Shape>& SpecShapes() {
  static const std::vector<Move> average = {{"targetAverageUtilization", "averageUtilization"},
                                            {"targetAverageValue", "averageValue"}};
  static const std::vector<Shape> shapes = {
      {"resource", "", {}, average, {{"targetAverageUtilization", "Utilization"}}, "AverageValue"},
      {"containerResource", "", {}, average, {{"targetAverageUtilization", "Utilization"}}, "AverageValue"},
      {"pods", "", {{"metricName", "name"}, {"selector", "selector"}}, {{"targetAverageValue", "averageValue"}}, {},
       "AverageValue"},
      {"object", "target", {{"metricName", "name"}, {"selector", "selector"}},
       {{"targetValue", "value"}, {"averageValue", "averageValue"}}, {{"averageValue", "AverageValue"}}, "Value"},
      {"external", "", {{"metricName", "name"}, {"metricSelector", "selector"}},
       {{"targetValue", "value"}, {"targetAverageValue", "averageValue"}}, {{"targetValue", "Value"}}, "AverageValue"},
  };
  return shapes;
}

const std::vector<Shape>& StatusShapes() {
  static const std::vector<Move> average = {{"currentAverageUtilization", "averageUtilization"},
                                            {"currentAverageValue", "averageValue"}};
  static const std::vector<Shape> shapes = {
      {"resource", "", {}, average, {}, ""},
      {"containerResource", "", {}, average, {}, ""},
      {"pods", "", {{"metricName", "name"}, {"selector", "selector"}}, {{"currentAverageValue", "averageValue"}}, {},
       ""},
      {"object", "target", {{"metricName", "name"}, {"selector", "selector"}},
       {{"currentValue", "value"}, {"averageValue", "averageValue"}}, {}, ""},
      {"external", "", {{"metricName", "name"}, {"metricSelector", "selector"}},
       {{"currentValue", "value"}, {"currentAverageValue", "averageValue"}}, {}, ""},
  };
  return shapes;
}

std::string_view TargetType(const YamlNode& source, const Shape& shape) {
  for (const TypeRule& rule : shape.type_rules) {
    if (!fields::IsUnset(source.Get(rule.when_present))) return rule.type;
  }
  return shape.default_type;
}

void ConvertSource(DocumentEditor& editor, const YamlNode& source, const Shape& shape, bool spec) {
  if (!shape.rename_from.empty()) {
    const int described = source.IndexOf(shape.rename_from);
    if (described >= 0) editor.RenameKey(source, static_cast<size_t>(described), "describedObject");
  }
  std::vector<size_t> removed;
  fields::MoveUnder(editor, source, shape.metric, "metric", NewValue::Map(), &removed);
  NewValue block = NewValue::Map();
  if (spec) block.Add("type", NewValue::String(TargetType(source, shape)));
  fields::MoveUnder(editor, source, shape.value, spec ? "target" : "current", std::move(block), &removed);
  editor.RemoveEntries(source, std::move(removed), true);
}

// Reshapes every metric of a metrics list; true when one of them is a ContainerResource.
bool ConvertMetrics(DocumentEditor& editor, const YamlNode* metrics, bool spec) {
  bool container_resource = false;
  if (!metrics || !metrics->IsSequence()) return false;
  for (const YamlNode& metric : metrics->values) {
    if (!metric.IsMap()) continue;
    for (const Shape& shape : spec ? SpecShapes() : StatusShapes()) {
      const YamlNode* source = metric.Get(shape.source);
      if (!source || !source->IsMap()) continue;
      ConvertSource(editor, *source, shape, spec);
      container_resource = container_resource || shape.source == "containerResource";
    }
  }
  return container_resource;
}

// --- the behavior annotation: JSON of the internal Go type, whose field names encoding/json
// matches without regard to case; only well-formed data moves (as upstream), else nothing.

bool SameLetters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

enum class FieldType { kInt, kString, kRules, kPolicies };

struct JsonField {
  std::string_view name;
  FieldType type;
};

bool JsonToValue(const rapidjson::Value& json, const std::vector<JsonField>& known, NewValue* out);

bool FieldValue(const rapidjson::Value& json, FieldType type, NewValue* out) {
  static const std::vector<JsonField> rules = {{"stabilizationWindowSeconds", FieldType::kInt},
                                               {"selectPolicy", FieldType::kString},
                                               {"policies", FieldType::kPolicies}};
  static const std::vector<JsonField> policy = {
      {"type", FieldType::kString}, {"value", FieldType::kInt}, {"periodSeconds", FieldType::kInt}};
  switch (type) {
    case FieldType::kInt:
      if (!json.IsInt()) return false;
      *out = NewValue::Int(json.GetInt());
      return true;
    case FieldType::kString:
      if (!json.IsString()) return false;
      *out = NewValue::String(std::string_view(json.GetString(), json.GetStringLength()));
      return true;
    case FieldType::kRules:
      return JsonToValue(json, rules, out);
    case FieldType::kPolicies: {
      if (!json.IsArray()) return false;
      *out = NewValue::Sequence();
      for (const rapidjson::Value& item : json.GetArray()) {
        NewValue converted = NewValue::Map();
        if (!item.IsNull() && !JsonToValue(item, policy, &converted)) return false;
        out->items.push_back(std::move(converted));
      }
      return true;
    }
  }
  return false;
}

// An object with the fields \a known (unknown ones are ignored, null ones are unset).
bool JsonToValue(const rapidjson::Value& json, const std::vector<JsonField>& known, NewValue* out) {
  if (!json.IsObject()) return false;
  *out = NewValue::Map();
  for (const auto& member : json.GetObject()) {
    std::string_view name(member.name.GetString(), member.name.GetStringLength());
    auto field = std::find_if(known.begin(), known.end(), [&](const JsonField& f) { return SameLetters(f.name, name); });
    if (field == known.end() || member.value.IsNull()) continue;
    NewValue value;
    if (!FieldValue(member.value, field->type, &value)) return false;
    auto same = std::find_if(out->entries.begin(), out->entries.end(), [&](const auto& e) { return e.first == field->name; });
    if (same != out->entries.end()) {
      same->second = std::move(value);  // the last duplicate wins, as in encoding/json
    } else {
      out->Add(std::string(field->name), std::move(value));
    }
  }
  return true;
}

// spec.behavior from the annotation, or nullopt when it is malformed or says nothing.
std::optional<NewValue> BehaviorFromAnnotation(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError()) return std::nullopt;
  static const std::vector<JsonField> behavior = {{"scaleUp", FieldType::kRules}, {"scaleDown", FieldType::kRules}};
  NewValue value;
  if (!JsonToValue(document, behavior, &value) || value.entries.empty()) return std::nullopt;
  return value;
}

constexpr std::string_view kBehaviorAnnotation = "autoscaling.alpha.kubernetes.io/behavior";

void ConvertBehaviorAnnotation(const ConversionContext& context, const YamlNode* spec, ConversionOutcome* outcome) {
  const YamlNode* annotation = context.object.Path({"metadata", "annotations", kBehaviorAnnotation});
  if (annotation && annotation->IsScalar() && spec && spec->IsMap()) {
    if (std::optional<NewValue> behavior = BehaviorFromAnnotation(annotation->value)) {
      context.editor.AddEntry(*spec, "behavior", *behavior);
      outcome->notes.push_back(fmt::format("moved the {} annotation into spec.behavior", kBehaviorAnnotation));
    } else {
      outcome->notes.push_back(fmt::format("dropped the {} annotation: it is not a well-formed behavior (the API "
                                           "server ignored it too)",
                                           kBehaviorAnnotation));
    }
  }
  std::vector<std::string> removed = fields::RemoveAnnotations(
      context, {"autoscaling.alpha.kubernetes.io/metrics", kBehaviorAnnotation,
                "autoscaling.alpha.kubernetes.io/current-metrics", "autoscaling.alpha.kubernetes.io/conditions"});
  std::erase(removed, std::string(kBehaviorAnnotation));
  if (!removed.empty()) {
    outcome->notes.push_back(fmt::format("removed the round-trip annotation{} {}: autoscaling/v2 ignores {}",
                                         removed.size() == 1 ? "" : "s", fields::JoinWords(removed),
                                         removed.size() == 1 ? "it" : "them"));
  }
}

}  // namespace

void ConvertHorizontalPodAutoscaler(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (spec && spec->IsMap() && spec->IndexOf("behavior") >= 0) {
    // Not a v2beta1 field: the API server dropped it, so keeping it would change what runs.
    outcome->needs_person = true;
    outcome->reason = "spec.behavior is not a field of autoscaling/v2beta1 (the API server ignored it); keep it or "
                      "remove it by hand";
    outcome->reason_offset = spec->keys[static_cast<size_t>(spec->IndexOf("behavior"))].begin;
    return;
  }
  bool container_resource = false;
  if (spec && spec->IsMap()) container_resource = ConvertMetrics(context.editor, spec->Get("metrics"), true);
  if (const YamlNode* current = context.object.Path({"status", "currentMetrics"})) {
    container_resource = ConvertMetrics(context.editor, current, false) || container_resource;
  }
  ConvertBehaviorAnnotation(context, spec, outcome);
  if (container_resource) {
    outcome->notes.push_back("kept containerResource.container (kubectl-convert 1.26 loses it, an upstream bug)");
  }
}

}  // namespace kubeshift
