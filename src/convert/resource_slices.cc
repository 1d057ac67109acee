// ResourceSlice resource.k8s.io/v1beta1 → resource.k8s.io/v1. A v1beta1 device is a name and a
// `basic` block; v1 has the basic fields in the device itself:
//   spec.devices[*].basic.{attributes, capacity, consumesCounters, nodeName, nodeSelector,
//     allNodes, taints, …} → spec.devices[*].{…}, in basic's place (its lines kept, shifted left)
//   spec.nodeName: "", spec.allNodes: false → removed: v1beta1 read them as unset (a plain string
//     and bool there), while v1 (pointers) rejects both values
// as upstream (Convert_v1beta1_Device_To_resource_Device, …_ResourceSliceSpec_…), which copies
// the moved fields as they are. A device with fields beside name and basic goes to a person:
// v1beta1 ignored them, v1 would not, and they may clash with the fields moving up.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert/converter_functions.h"

namespace kubeshift {
namespace {

// Fields v1beta1 does not know in a device: what a person has to decide about, if any.
bool CheckDevice(const YamlNode& device, ConversionOutcome* outcome) {
  for (size_t i = 0; i < device.keys.size(); ++i) {
    const std::string_view key = device.keys[i].Text();
    const YamlNode& value = device.values[i];
    if (key == "name" || (key == "basic" && (value.IsMap() || value.IsNull()))) continue;
    outcome->needs_person = true;
    outcome->reason_offset = device.keys[i].begin;
    outcome->reason = key == "basic" ? "a device's basic is not a mapping; fix it by hand"
                                     : fmt::format("'{}' beside a device's name is not a resource.k8s.io/v1beta1 "
                                                   "field (the API server ignored it); remove it or move it into "
                                                   "basic by hand",
                                                   key);
    return false;
  }
  return true;
}

bool IsEmptyString(const YamlNode& value) { return value.IsScalar() && value.value.empty(); }

bool IsFalse(const YamlNode& value) {
  const std::string_view text = value.Text();
  return value.IsScalar() && value.style == ScalarStyle::kPlain &&
         (text == "false" || text == "False" || text == "FALSE");
}

// Removes spec.nodeName: "" and spec.allNodes: false; says so in \a outcome.
void RemoveUnsetNodeSelection(const ConversionContext& context, const YamlNode& spec, ConversionOutcome* outcome) {
  struct Unset {
    std::string_view key;
    bool (*matches)(const YamlNode&);
    std::string_view shown;
  };
  std::vector<size_t> removed;
  for (const Unset& unset : {Unset{"nodeName", IsEmptyString, "\"\""}, Unset{"allNodes", IsFalse, "false"}}) {
    const int index = spec.IndexOf(unset.key);
    if (index < 0 || !unset.matches(spec.values[static_cast<size_t>(index)])) continue;
    removed.push_back(static_cast<size_t>(index));
    outcome->notes.push_back(fmt::format("removed spec.{}: {}: v1beta1 read it as unset, resource.k8s.io/v1 rejects it",
                                         unset.key, unset.shown));
  }
  context.editor.RemoveEntries(spec, std::move(removed));
}

}  // namespace

void ConvertResourceSliceDevices(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (!spec || !spec->IsMap()) return;
  const YamlNode* devices = spec->Get("devices");
  if (devices && devices->IsSequence()) {
    for (const YamlNode& device : devices->values) {
      if (device.IsMap() && !CheckDevice(device, outcome)) return;
    }
    for (const YamlNode& device : devices->values) {
      const int basic = device.IsMap() ? device.IndexOf("basic") : -1;
      if (basic < 0) continue;
      const YamlNode& value = device.values[static_cast<size_t>(basic)];
      if (value.IsMap() && !value.keys.empty()) {
        context.editor.HoistEntries(device, static_cast<size_t>(basic));
      } else {
        context.editor.RemoveEntry(device, static_cast<size_t>(basic));  // null or {}: nothing moves up
      }
    }
  }
  RemoveUnsetNodeSelection(context, *spec, outcome);
}

}  // namespace kubeshift
