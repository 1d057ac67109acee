// SubjectAccessReview and LocalSubjectAccessReview authorization.k8s.io/v1beta1 → v1: the
// list of the user's groups is spec.group in v1beta1 and spec.groups in v1. Nothing else
// differs, and neither version defaults anything.
#include "convert/converter_functions.h"

namespace kubeshift {

void ConvertSubjectAccessReview(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (!spec || !spec->IsMap()) return;
  const int group = spec->IndexOf("group");
  if (group < 0) return;
  const int groups = spec->IndexOf("groups");
  if (groups >= 0) {
    // Not a v1beta1 field: the API server dropped it, and spec.group counted.
    context.editor.RemoveEntry(*spec, static_cast<size_t>(groups));
    outcome->notes.push_back("removed spec.groups, which v1beta1 ignored in favour of spec.group");
  }
  context.editor.RenameKey(*spec, static_cast<size_t>(group), "groups");
}

}  // namespace kubeshift
