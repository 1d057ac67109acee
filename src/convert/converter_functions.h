// The converter functions the registry lists; one .cc file per family.
#ifndef KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_
#define KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_

#include "kubeshift/convert.h"

namespace kubeshift {

void ConvertPureVersionMove(const ConversionContext& context, ConversionOutcome* outcome);  // pure_version_move.cc
void ConvertIngress(const ConversionContext& context, ConversionOutcome* outcome);           // ingress.cc

}  // namespace kubeshift

#endif  // KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_
