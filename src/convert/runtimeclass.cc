// RuntimeClass node.k8s.io/v1alpha1 → node.k8s.io/v1. v1alpha1 kept everything under spec;
// from v1beta1 on the fields are at the top level:
//   spec.runtimeHandler → handler (in spec's place)
//   spec.overhead, spec.scheduling → overhead, scheduling (at the end of the object, moved with
//                                   their comments)
// Neither version defaults anything.
#include <fmt/format.h>

#include "convert/converter_functions.h"

namespace kubeshift {

void ConvertRuntimeClass(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode& object = context.object;
  for (std::string_view key : {"handler", "overhead", "scheduling"}) {
    if (object.IndexOf(key) < 0) continue;
    // v1alpha1 ignored it, and the field of spec would land on top of it.
    outcome->needs_person = true;
    outcome->reason = fmt::format("'{}' at the top level is not a node.k8s.io/v1alpha1 field (the API server "
                                  "ignored it); remove it or move it into spec by hand",
                                  key);
    outcome->reason_offset = object.keys[static_cast<size_t>(object.IndexOf(key))].begin;
    return;
  }
  const int spec_index = object.IndexOf("spec");
  const YamlNode* spec = spec_index < 0 ? nullptr : &object.values[static_cast<size_t>(spec_index)];
  const YamlNode* handler = spec && spec->IsMap() ? spec->Get("runtimeHandler") : nullptr;
  if (!handler || !handler->IsScalar()) {
    outcome->needs_person = true;
    outcome->reason = "spec.runtimeHandler is missing, and node.k8s.io/v1 requires a handler";
    outcome->reason_offset = spec ? spec->begin : 0;
    return;
  }
  context.editor.ReplaceEntry(object, static_cast<size_t>(spec_index), "handler",
                              NewValue::Verbatim(*spec, static_cast<size_t>(spec->IndexOf("runtimeHandler"))));
  // Moved with their own bytes, comments and all.
  for (std::string_view key : {"overhead", "scheduling"}) {
    const int index = spec->IndexOf(key);
    if (index >= 0) context.editor.AddEntry(object, key, NewValue::Verbatim(*spec, static_cast<size_t>(index)));
  }
}

}  // namespace kubeshift
