// The converter registry: a plain list. A new converter is one row here, its file, a line in
// CMakeLists.txt and its golden tests under testdata/convert/.
#include "convert/converter_functions.h"

namespace kubeshift {

const std::vector<ConverterDescription>& AllConverters() {
  static const std::vector<ConverterDescription> converters = {
      {"pure-version-move", "only the apiVersion changes", ConvertPureVersionMove},
      {"ingress-networking-v1", "Ingress backends to service.name/port, defaultBackend, pathType", ConvertIngress},
      {"crd-apiextensions-v1", "CustomResourceDefinition to v1: per-version schema, subresources and columns, webhook conversion, old defaults", ConvertCustomResourceDefinition},
      {"apps-v1-workload", "Deployment/DaemonSet/StatefulSet/ReplicaSet to apps/v1: selector derived, old defaults written, rollbackTo/templateGeneration to annotations", ConvertWorkload},
      {"pdb-policy-v1", "PodDisruptionBudget: an empty selector keeps matching nothing", ConvertPodDisruptionBudget},
      {"hpa-autoscaling-v2", "HorizontalPodAutoscaler v2beta1 metrics to metric/target blocks, behavior annotation", ConvertHorizontalPodAutoscaler},
      {"webhook-admissionregistration-v1", "webhook configurations: v1beta1 defaults written out, sideEffects checked", ConvertWebhookConfiguration},
      {"prioritylevel-nominal-shares", "PriorityLevelConfiguration assuredConcurrencyShares to nominalConcurrencyShares", ConvertPriorityLevelNominalShares},
      {"prioritylevel-flowcontrol-v1", "PriorityLevelConfiguration to v1: an explicit 0 shares keeps meaning 30", ConvertPriorityLevelV1},
      {"endpointslice-discovery-v1", "EndpointSlice topology to zone and deprecatedTopology", ConvertEndpointSlice},
      {"subjectaccessreview-authorization-v1", "spec.group to spec.groups", ConvertSubjectAccessReview},
      {"event-events-v1", "events.k8s.io Event: same fields; objects v1 would reject go to a person", ConvertEvent},
      {"csr-certificates-v1", "CertificateSigningRequest: usages default written, signerName checked", ConvertCertificateSigningRequest},
      {"rbac-v1alpha1-subjects", "RBAC v1alpha1 bindings: subject apiVersion to apiGroup, the \"*\" user", ConvertRbacV1alpha1Subjects},
      {"runtimeclass-node-v1", "RuntimeClass v1alpha1: spec.runtimeHandler to handler, overhead and scheduling up", ConvertRuntimeClass},
      {"resource-v1-device-requests", "ResourceClaim(Template) v1beta1: request fields under exactly; firstAvailable kept", ConvertResourceDeviceRequests},
      {"resource-v1-devices", "ResourceSlice v1beta1: basic fields up into the device; unset node selection dropped", ConvertResourceSliceDevices},
      {"policybinding-admissionregistration-v1", "ValidatingAdmissionPolicyBinding v1alpha1: validationActions [Deny] and paramRef parameterNotFoundAction Deny where missing", ConvertValidatingAdmissionPolicyBinding},
      {"storagemigration-v1beta1", "StorageVersionMigration v1alpha1: spec.resource.version and continueToken dropped, condition lastUpdateTime to lastTransitionTime", ConvertStorageVersionMigration},
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
