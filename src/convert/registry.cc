// The converter registry: a plain list. A new converter is one row here, its file, a line in
// CMakeLists.txt and its golden tests under testdata/convert/.
#include "convert/converter_functions.h"

namespace kubeshift {

const std::vector<ConverterDescription>& AllConverters() {
  static const std::vector<ConverterDescription> converters = {
      {"pure-version-move", "only the apiVersion changes", ConvertPureVersionMove},
      {"ingress-networking-v1", "Ingress backends to service.name/port, defaultBackend, pathType", ConvertIngress},
  };
  return converters;
}

const ConverterDescription* FindConverter(std::string_view id) {
  for (const ConverterDescription& converter : AllConverters()) {
    if (converter.id == id) return &converter;
  }
  return nullptr;
}

}  // namespace kubeshift
