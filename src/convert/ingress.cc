// Ingress extensions/v1beta1 and networking.k8s.io/v1beta1 → networking.k8s.io/v1:
//   spec.backend                  → spec.defaultBackend
//   {serviceName, servicePort}    → service: {name, port: {number | name}}
//   a path without pathType       → pathType: ImplementationSpecific (the old, undefined
//                                    matching; what the API server defaulted in v1beta1)
#include <fmt/format.h>

#include "convert/converter_functions.h"

namespace kubeshift {
namespace {

// A numeric servicePort becomes port.number; a string one port.name, even "8080" (quoted
// numbers are names in v1beta1's IntOrString). Both values move with their own bytes, so a
// comment on their line goes with them.
NewValue ServiceFor(const YamlNode& backend) {
  NewValue service = NewValue::Map();
  const int name = backend.IndexOf("serviceName");
  const int port = backend.IndexOf("servicePort");
  if (name >= 0) service.Add("name", NewValue::Verbatim(backend, static_cast<size_t>(name)));
  NewValue port_value = NewValue::Map();
  const YamlNode* port_node = port < 0 ? nullptr : &backend.values[static_cast<size_t>(port)];
  if (port_node && port_node->IsScalar()) {
    const bool quoted =
        port_node->style == ScalarStyle::kSingleQuoted || port_node->style == ScalarStyle::kDoubleQuoted;
    const bool numeric = !quoted && !port_node->value.empty() &&
                         port_node->value.find_first_not_of("0123456789") == std::string::npos;
    if (!numeric) {
      port_value.Add("name", NewValue::Verbatim(backend, static_cast<size_t>(port)));
    } else if (port_node->value != "0") {
      port_value.Add("number", NewValue::Verbatim(backend, static_cast<size_t>(port)));
    }
  }
  service.Add("port", port_value);
  return service;
}

// Rewrites one backend map in place: serviceName/servicePort → service, other keys kept.
void ConvertBackend(const ConversionContext& context, const YamlNode& backend, ConversionOutcome* outcome) {
  if (!backend.IsMap()) return;
  const int name = backend.IndexOf("serviceName");
  const int port = backend.IndexOf("servicePort");
  if (name < 0 && port < 0) return;  // a resource backend: unchanged
  // The service block takes the place of the first of the two keys; the other goes.
  const size_t first = static_cast<size_t>(name < 0 ? port : port < 0 ? name : std::min(name, port));
  const int second = name >= 0 && port >= 0 ? std::max(name, port) : -1;
  context.editor.ReplaceEntry(backend, first, "service", ServiceFor(backend));
  if (second >= 0) context.editor.RemoveEntry(backend, static_cast<size_t>(second));
  (void)outcome;
}

}  // namespace

void ConvertIngress(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (!spec || !spec->IsMap()) return;
  const int backend = spec->IndexOf("backend");
  if (backend >= 0) {
    context.editor.RenameKey(*spec, static_cast<size_t>(backend), "defaultBackend");
    ConvertBackend(context, spec->values[static_cast<size_t>(backend)], outcome);
  }
  const YamlNode* rules = spec->Get("rules");
  if (!rules || !rules->IsSequence()) return;
  bool added_path_type = false;
  for (const YamlNode& rule : rules->values) {
    const YamlNode* paths = rule.Path({"http", "paths"});
    if (!paths || !paths->IsSequence()) continue;
    for (const YamlNode& path : paths->values) {
      if (!path.IsMap()) continue;
      if (const YamlNode* path_backend = path.Get("backend")) ConvertBackend(context, *path_backend, outcome);
      if (path.IndexOf("pathType") < 0) {
        context.editor.AddEntry(path, "pathType", NewValue::String("ImplementationSpecific"));
        added_path_type = true;
      }
    }
  }
  if (added_path_type) {
    outcome->notes.push_back("added pathType: ImplementationSpecific, the matching the old version applied");
  }
}

}  // namespace kubeshift
