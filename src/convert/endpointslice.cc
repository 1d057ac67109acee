// EndpointSlice discovery.k8s.io/v1beta1 → v1, per endpoint, as the upstream conversion does:
//   topology["topology.kubernetes.io/zone"]  → zone
//   topology["kubernetes.io/hostname"]       dropped when it equals nodeName, else kept
//   the rest of topology                     → deprecatedTopology (read-only in v1)
// The hostname is not copied into nodeName: v1beta1 had nodeName already, and upstream keeps a
// different hostname as deprecatedTopology rather than inventing a nodeName. Port defaults
// (name "", protocol TCP) are the same in both versions.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

constexpr std::string_view kZone = "topology.kubernetes.io/zone";
constexpr std::string_view kHostname = "kubernetes.io/hostname";

// Whether a topology entry has a v1 home of its own (zone) or is redundant (hostname == nodeName).
bool Leaves(const YamlNode& endpoint, const YamlNode& key, const YamlNode& value) {
  if (key.Text() == kZone) return true;
  if (key.Text() != kHostname) return false;
  const YamlNode* node_name = endpoint.Get("nodeName");
  return node_name && node_name->IsScalar() && value.IsScalar() && node_name->value == value.value;
}

// The zone with its own bytes (quoting and a comment after it go along).
NewValue ZoneValue(const YamlNode& topology, int index) { return NewValue::Verbatim(topology, static_cast<size_t>(index)); }

void ConvertEndpoint(DocumentEditor& editor, const YamlNode& endpoint) {
  const int index = endpoint.IndexOf("topology");
  if (index < 0) return;
  const size_t topology_index = static_cast<size_t>(index);
  const YamlNode& topology = endpoint.values[topology_index];
  if (!topology.IsMap() || topology.keys.empty()) {
    editor.RenameKey(endpoint, topology_index, "deprecatedTopology");
    return;
  }
  const int zone_index = topology.IndexOf(kZone);
  const YamlNode* zone = zone_index < 0 ? nullptr : &topology.values[static_cast<size_t>(zone_index)];
  const int stale_zone = endpoint.IndexOf("zone");
  if (zone && stale_zone >= 0) {
    // Not a v1beta1 field: the API server dropped it, and the topology's zone counts.
    editor.RemoveEntry(endpoint, static_cast<size_t>(stale_zone));
  }
  std::vector<size_t> leaving;
  for (size_t i = 0; i < topology.keys.size(); ++i) {
    if (Leaves(endpoint, topology.keys[i], topology.values[i])) leaving.push_back(i);
  }
  if (leaving.size() == topology.keys.size()) {
    // Nothing is left for deprecatedTopology: the zone (if any) takes topology's place.
    if (zone) {
      editor.ReplaceEntry(endpoint, topology_index, "zone", ZoneValue(topology, zone_index));
    } else {
      editor.RemoveEntry(endpoint, topology_index);
    }
    return;
  }
  editor.RenameKey(endpoint, topology_index, "deprecatedTopology");
  editor.RemoveEntries(topology, std::move(leaving));
  if (zone) editor.AddEntry(endpoint, "zone", ZoneValue(topology, zone_index));
}

}  // namespace

void ConvertEndpointSlice(const ConversionContext& context, ConversionOutcome* outcome) {
  (void)outcome;
  const YamlNode* endpoints = context.object.Get("endpoints");
  if (!endpoints || !endpoints->IsSequence()) return;
  for (const YamlNode& endpoint : endpoints->values) {
    if (endpoint.IsMap()) ConvertEndpoint(context.editor, endpoint);
  }
}

}  // namespace kubeshift
