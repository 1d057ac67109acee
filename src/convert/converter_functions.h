// The converter functions the registry lists; one .cc file per family.
#ifndef KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_
#define KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_

#include "kubeshift/convert.h"

namespace kubeshift {

void ConvertPureVersionMove(const ConversionContext& context, ConversionOutcome* outcome);  // pure_version_move.cc
void ConvertIngress(const ConversionContext& context, ConversionOutcome* outcome);           // ingress.cc
void ConvertCustomResourceDefinition(const ConversionContext& context, ConversionOutcome* outcome);  // crd.cc
void ConvertWorkload(const ConversionContext& context, ConversionOutcome* outcome);             // workload.cc
void ConvertPodDisruptionBudget(const ConversionContext& context, ConversionOutcome* outcome);    // pdb.cc
void ConvertHorizontalPodAutoscaler(const ConversionContext& context, ConversionOutcome* outcome);    // hpa.cc
void ConvertWebhookConfiguration(const ConversionContext& context, ConversionOutcome* outcome);       // webhook.cc
void ConvertPriorityLevelNominalShares(const ConversionContext& context, ConversionOutcome* outcome); // flowcontrol.cc
void ConvertPriorityLevelV1(const ConversionContext& context, ConversionOutcome* outcome);           // flowcontrol.cc
void ConvertEndpointSlice(const ConversionContext& context, ConversionOutcome* outcome);             // endpointslice.cc
void ConvertSubjectAccessReview(const ConversionContext& context, ConversionOutcome* outcome);       // subjectaccessreview.cc
void ConvertEvent(const ConversionContext& context, ConversionOutcome* outcome);                     // event.cc
void ConvertCertificateSigningRequest(const ConversionContext& context, ConversionOutcome* outcome); // csr.cc
void ConvertRbacV1alpha1Subjects(const ConversionContext& context, ConversionOutcome* outcome);      // rbac_v1alpha1.cc
void ConvertRuntimeClass(const ConversionContext& context, ConversionOutcome* outcome);              // runtimeclass.cc
void ConvertResourceDeviceRequests(const ConversionContext& context, ConversionOutcome* outcome);    // resource_claims.cc
void ConvertResourceSliceDevices(const ConversionContext& context, ConversionOutcome* outcome);      // resource_slices.cc
void ConvertValidatingAdmissionPolicyBinding(const ConversionContext& context, ConversionOutcome* outcome);  // policybinding.cc
void ConvertStorageVersionMigration(const ConversionContext& context, ConversionOutcome* outcome);  // storagemigration.cc

}  // namespace kubeshift

#endif  // KUBESHIFT_CONVERT_CONVERTER_FUNCTIONS_H_
