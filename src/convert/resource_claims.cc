// ResourceClaim and ResourceClaimTemplate resource.k8s.io/v1beta1 → resource.k8s.io/v1. A
// v1beta1 request describes its devices with fields of its own; v1 puts those fields under
// `exactly`, beside the other kind of request, `firstAvailable` (a prioritized list, unchanged):
//   requests[*].{deviceClassName, selectors, allocationMode, count, adminAccess, tolerations,
//                capacity} → requests[*].exactly{…}, in the place of the first of them, moved
//                            with their own bytes (comments, flow style)
// The requests are spec.devices.requests in a claim, spec.spec.devices.requests in a template.
// Both versions default allocationMode to ExactCount and count to 1, so absent fields stay absent.
// As upstream (Convert_v1beta1_DeviceRequest_To_resource_DeviceRequest), a field that is null
// or at its Go zero value ("", 0) is not set. Under exactly a null one is dropped and a zero one
// moves with the others; beside firstAvailable, where v1 has no such fields, both go.
// v1 needs exactly one of exactly and firstAvailable; a request that would have both or neither
// (both versions reject it) goes to a person, and so does one that already holds an `exactly`
// (v1beta1 ignored it, v1 would not).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

constexpr std::string_view kExactFields[] = {"deviceClassName", "selectors",   "allocationMode", "count",
                                             "adminAccess",     "tolerations", "capacity"};

bool IsExactField(std::string_view key) {
  return std::find(std::begin(kExactFields), std::end(kExactFields), key) != std::end(kExactFields);
}

// Set as upstream's hasAnyMainRequestFieldsSet sees it: strings and integers at "" or 0 are
// not (adminAccess is a pointer, so false is set; an empty list is set).
bool IsSet(const YamlNode& value) {
  if (fields::IsUnset(&value)) return false;
  if (value.IsScalar() && value.value.empty()) return false;
  const std::optional<long long> number = fields::IntValue(&value);
  return !number || *number != 0;
}

// Converts one request; false with \a outcome filled when a person must decide.
bool ConvertRequest(DocumentEditor& editor, const YamlNode& request, ConversionOutcome* outcome) {
  if (!request.IsMap()) return true;
  const std::string name(request.Get("name") ? request.Get("name")->Text("?") : "?");
  auto refuse = [&](size_t offset, std::string reason) {
    outcome->needs_person = true;
    outcome->reason = fmt::format("request '{}': {}", name, reason);
    outcome->reason_offset = offset;
    return false;
  };
  if (const int exactly = request.IndexOf("exactly"); exactly >= 0) {
    return refuse(request.keys[static_cast<size_t>(exactly)].begin,
                  "'exactly' is not a resource.k8s.io/v1beta1 field (the API server ignored it); remove it or "
                  "move the request's fields into it by hand");
  }
  std::vector<fields::Move> moves;  // in document order, so exactly keeps the fields' order
  std::vector<std::string> set;
  for (size_t i = 0; i < request.keys.size(); ++i) {
    const std::string_view key = request.keys[i].Text();
    if (!IsExactField(key)) continue;
    moves.push_back({key, key});
    if (IsSet(request.values[i])) set.emplace_back(key);
  }
  const YamlNode* first_available = request.Get("firstAvailable");
  const bool prioritized = first_available && first_available->IsSequence() && !first_available->values.empty();
  if (prioritized && !set.empty()) {
    return refuse(request.keys[static_cast<size_t>(request.IndexOf(set.front()))].begin,
                  fmt::format("it sets {} beside firstAvailable, and resource.k8s.io/v1 needs exactly one of "
                              "exactly and firstAvailable (v1beta1 rejected it too); keep one of them by hand",
                              fields::JoinWords(set)));
  }
  if (!prioritized && set.empty()) {
    return refuse(request.begin, "it has neither a deviceClassName nor firstAvailable (v1beta1 rejected it too), "
                                 "and resource.k8s.io/v1 needs exactly or firstAvailable; complete it by hand");
  }
  std::vector<size_t> removed;
  if (!prioritized) {
    fields::MoveUnder(editor, request, moves, "exactly", NewValue::Map(), &removed);
  } else {
    for (const fields::Move& move : moves) removed.push_back(static_cast<size_t>(request.IndexOf(move.from)));
  }
  editor.RemoveEntries(request, std::move(removed), !prioritized);
  return true;
}

}  // namespace

void ConvertResourceDeviceRequests(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (spec && context.kind == "ResourceClaimTemplate") spec = spec->Path({"spec"});
  const YamlNode* requests = spec ? spec->Path({"devices", "requests"}) : nullptr;
  if (!requests || !requests->IsSequence()) return;
  for (const YamlNode& request : requests->values) {
    if (!ConvertRequest(context.editor, request, outcome)) return;
  }
}

}  // namespace kubeshift
