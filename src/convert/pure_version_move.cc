#include "convert/converter_functions.h"

namespace kubeshift {

// The schema is the same in both versions and so are the defaults: the caller's apiVersion
// edit is the whole conversion.
void ConvertPureVersionMove(const ConversionContext&, ConversionOutcome*) {}

}  // namespace kubeshift
