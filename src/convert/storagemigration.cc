// StorageVersionMigration storagemigration.k8s.io/v1alpha1 → storagemigration.k8s.io/v1beta1, as
// upstream converts it (pkg/apis/storagemigration/v1alpha1/conversion.go; the types in
// staging/src/k8s.io/api/storagemigration/{v1alpha1,v1beta1}/types.go):
//   spec.resource {group, version, resource} → {group, resource}: v1beta1 names a GroupResource,
//                       and the migration rewrites the stored objects to the current storage
//                       version, whatever version v1alpha1 named; spec.resource.version goes
//   spec.continueToken → removed: v1beta1 has no such field (v1alpha1 reported a running
//                       migration's progress in it)
//   status.conditions[*].lastUpdateTime → lastTransitionTime: v1beta1's conditions are
//                       metav1.Condition; type, status, reason and message keep their names,
//                       and status.resourceVersion is the same field in both versions
// Neither version defaults anything.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert/converter_functions.h"

namespace kubeshift {
namespace {

// " 'v1'" for a scalar with a value; nothing for null or a collection.
std::string Shown(const YamlNode& value) {
  if (!value.IsScalar() || value.IsNull() || value.value.empty()) return "";
  return fmt::format(" '{}'", value.value);
}

const YamlNode* Conditions(const YamlNode& object) {
  const YamlNode* status = object.Get("status");
  const YamlNode* conditions = status && status->IsMap() ? status->Get("conditions") : nullptr;
  return conditions && conditions->IsSequence() ? conditions : nullptr;
}

// A condition with both lastUpdateTime and lastTransitionTime: v1alpha1 knew only the first,
// v1beta1 only the second, and which time is right is not for the converter to say.
const YamlNode* BothTimes(const YamlNode& object) {
  const YamlNode* conditions = Conditions(object);
  if (!conditions) return nullptr;
  for (const YamlNode& condition : conditions->values) {
    if (condition.IsMap() && condition.IndexOf("lastUpdateTime") >= 0 && condition.IndexOf("lastTransitionTime") >= 0) {
      return &condition;
    }
  }
  return nullptr;
}

// Renames lastUpdateTime to lastTransitionTime in every condition; the number renamed.
int RenameConditionTimes(const ConversionContext& context) {
  const YamlNode* conditions = Conditions(context.object);
  if (!conditions) return 0;
  int renamed = 0;
  for (const YamlNode& condition : conditions->values) {
    const int index = condition.IsMap() ? condition.IndexOf("lastUpdateTime") : -1;
    if (index < 0) continue;
    context.editor.RenameKey(condition, static_cast<size_t>(index), "lastTransitionTime");
    ++renamed;
  }
  return renamed;
}

}  // namespace

void ConvertStorageVersionMigration(const ConversionContext& context, ConversionOutcome* outcome) {
  // A StorageVersionMigrationList only changes its apiVersion; its items are objects of their own.
  if (context.kind.ends_with("List")) return;
  if (const YamlNode* condition = BothTimes(context.object)) {
    outcome->needs_person = true;
    outcome->reason =
        "a status condition has both lastUpdateTime (v1alpha1's field) and lastTransitionTime (v1beta1's): keep "
        "the right time as lastTransitionTime and remove lastUpdateTime";
    outcome->reason_offset = condition->keys[static_cast<size_t>(condition->IndexOf("lastUpdateTime"))].begin;
    return;
  }
  const YamlNode* spec = context.object.Get("spec");
  if (spec && spec->IsMap()) {
    // The nested removal first: edits inside an entry come before edits on its parent.
    const YamlNode* resource = spec->Get("resource");
    const int version = resource && resource->IsMap() ? resource->IndexOf("version") : -1;
    if (version >= 0) {
      outcome->notes.push_back(
          fmt::format("removed spec.resource.version{}: storagemigration.k8s.io/v1beta1 names only the group "
                      "and resource, and migrates the stored objects to the current storage version",
                      Shown(resource->values[static_cast<size_t>(version)])));
      context.editor.RemoveEntry(*resource, static_cast<size_t>(version));
    }
    const int token = spec->IndexOf("continueToken");
    if (token >= 0) {
      outcome->notes.push_back(
          fmt::format("removed spec.continueToken{}: storagemigration.k8s.io/v1beta1 has no such field (v1alpha1 "
                      "reported a running migration's progress in it)",
                      Shown(spec->values[static_cast<size_t>(token)])));
      context.editor.RemoveEntry(*spec, static_cast<size_t>(token));
    }
  }
  if (const int renamed = RenameConditionTimes(context); renamed > 0) {
    outcome->notes.push_back(
        fmt::format("renamed lastUpdateTime to lastTransitionTime in {} status condition{} (v1beta1's conditions "
                    "are metav1.Condition)",
                    renamed, renamed == 1 ? "" : "s"));
  }
}

}  // namespace kubeshift
