// Event events.k8s.io/v1beta1 → events.k8s.io/v1. The two schemas are field for field the
// same (regarding, note, deprecatedSource, deprecatedCount, … already have their v1 names in
// v1beta1) and neither version defaults anything, so the object only changes its apiVersion.
// What differs is validation: the API server skipped the strict Event checks for v1beta1
// requests and applies them to v1 creates. An Event that would now be rejected is left to a
// person, since fixing it means choosing data (a series, a reporting controller) that the
// object does not have:
//   - eventTime is required; type must be Normal or Warning;
//   - deprecatedSource, deprecatedFirstTimestamp, deprecatedLastTimestamp and deprecatedCount
//     must be unset;
//   - a series needs count >= 2 and lastObservedTime.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

// Whether a field holds something the API server would keep (an empty string, 0 or {} is unset).
bool HasValue(const YamlNode* node) {
  if (fields::IsUnset(node)) return false;
  if (node->IsScalar()) return !node->value.empty() && node->value != "0";
  if (node->IsMap()) {
    for (const YamlNode& value : node->values) {
      if (HasValue(&value)) return true;
    }
    return false;
  }
  return true;
}

// The first reason a v1 create would fail, with the offending node; empty when none.
std::string Rejection(const YamlNode& event, const YamlNode** at) {
  std::vector<std::string> deprecated;
  for (size_t i = 0; i < event.keys.size(); ++i) {
    const std::string_view key = event.keys[i].Text();
    if (!key.starts_with("deprecated") || !HasValue(&event.values[i])) continue;
    if (deprecated.empty()) *at = &event.keys[i];
    deprecated.emplace_back(key);
  }
  if (!deprecated.empty()) {
    return fmt::format("events.k8s.io/v1 rejects an Event created with {} set (v1beta1 accepted {}): drop {}, or "
                       "move the data into series, reportingController and reportingInstance",
                       fields::JoinWords(deprecated), deprecated.size() == 1 ? "it" : "them",
                       deprecated.size() == 1 ? "it" : "them");
  }
  const YamlNode* type = event.Get("type");
  if (!type || !type->IsScalar() || (type->value != "Normal" && type->value != "Warning")) {
    *at = type;
    return "events.k8s.io/v1 requires type Normal or Warning when an Event is created";
  }
  if (!HasValue(event.Get("eventTime"))) {
    *at = event.Get("eventTime");
    return "events.k8s.io/v1 requires eventTime when an Event is created";
  }
  const YamlNode* series = event.Get("series");
  if (series && series->IsMap()) {
    const std::optional<long long> count = fields::IntValue(series->Get("count"));
    if (!count || *count < 2 || !HasValue(series->Get("lastObservedTime"))) {
      *at = series;
      return "events.k8s.io/v1 requires series.count of at least 2 and series.lastObservedTime";
    }
  }
  return {};
}

}  // namespace

void ConvertEvent(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* at = nullptr;
  std::string reason = Rejection(context.object, &at);
  if (reason.empty()) return;
  outcome->needs_person = true;
  outcome->reason = std::move(reason);
  outcome->reason_offset = at ? at->begin : 0;
}

}  // namespace kubeshift
