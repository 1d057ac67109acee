// ValidatingAdmissionPolicyBinding admissionregistration.k8s.io/v1alpha1 → v1. The fields are the
// same in both versions (staging/src/k8s.io/api/admissionregistration/{v1alpha1,v1}/types.go),
// and so are the defaults of matchResources: matchPolicy Equivalent, empty namespace and object
// selectors (pkg/apis/admissionregistration/v1alpha1/defaults.go; v1 defaults matchResources
// too, zz_generated.defaults.go, to the values its types.go documents). Two fields
// that v1 requires (pkg/apis/admissionregistration/validation) were not required, or not there,
// in v1alpha1:
//   spec.validationActions   Kubernetes 1.26 had no such field: a validation that failed denied
//                            the request. 1.27 added it as a required field
//                            (kubernetes/kubernetes#115973); a binding without it, or with an
//                            empty list, gets [Deny], the meaning it was written for
//   spec.paramRef.parameterNotFoundAction   v1alpha1 defaulted it to Deny, v1 has no default
//                            and requires it: written as Deny where a paramRef leaves it out
// The ValidatingAdmissionPolicy itself has the same fields and defaults (failurePolicy Fail) in
// both versions: its row is a pure version move.
// In chart templates a value an action renders is never taken for a missing one; where actions
// stand among the entries that would get a new one (it could land inside an {{ if }}), a person
// writes it.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/template_lines.h"

namespace kubeshift {
namespace {

/// A field as the converter sees it: missing (absent, null or an empty list), rendered by a
/// template action, or written.
enum class Field { kMissing, kFromAction, kSet };

Field StateOf(std::string_view text, const YamlNode& map, std::string_view key) {
  const int index = map.IndexOf(key);
  if (index < 0) return Field::kMissing;
  const auto i = static_cast<size_t>(index);
  const YamlNode& value = map.values[i];
  if (value.IsSequence() && value.values.empty()) return Field::kMissing;
  if (!value.IsNull()) return Field::kSet;
  return template_lines::ValueFromAction(text, map, i) ? Field::kFromAction : Field::kMissing;
}

// One field v1 requires, with the value that keeps the v1alpha1 meaning.
struct Required {
  const YamlNode* map;
  std::string_view key;
  std::string_view path;   ///< "spec.validationActions"
  NewValue value;
  std::string_view shown;  ///< the value as the messages show it
  std::string_view why;    ///< why that value keeps the meaning
};

// Sets \a key of \a map: in place when present (null or empty), appended otherwise.
void SetEntry(DocumentEditor& editor, const YamlNode& map, std::string_view key, const NewValue& value) {
  const int index = map.IndexOf(key);
  if (index >= 0) {
    editor.ReplaceEntry(map, static_cast<size_t>(index), key, value);
  } else {
    editor.AddEntry(map, key, value);
  }
}

}  // namespace

void ConvertValidatingAdmissionPolicyBinding(const ConversionContext& context, ConversionOutcome* outcome) {
  // A ValidatingAdmissionPolicyBindingList only changes its apiVersion; its items are objects of
  // their own.
  if (context.kind.ends_with("List")) return;
  const YamlNode& object = context.object;
  const std::string_view text = context.text;
  if (StateOf(text, object, "spec") == Field::kFromAction) {
    outcome->notes.push_back(
        "a template action renders spec: make sure it renders validationActions ([Deny] is what a v1alpha1 "
        "binding without them did) and, in a paramRef, parameterNotFoundAction (Deny, v1alpha1's default); "
        "admissionregistration.k8s.io/v1 requires both");
    return;
  }
  const YamlNode* spec = object.Get("spec");
  if (!spec || !spec->IsMap()) {
    outcome->needs_person = true;
    outcome->reason =
        "the binding has no spec; admissionregistration.k8s.io/v1 requires spec.policyName and "
        "spec.validationActions";
    const int index = object.IndexOf("spec");
    outcome->reason_offset = index < 0 ? 0 : object.keys[static_cast<size_t>(index)].begin;
    return;
  }

  // The nested field first: edits inside an entry come before edits on its parent (an insertion
  // at the end of paramRef and one at the end of spec can fall on the same offset).
  std::vector<Required> fields;
  const YamlNode* param_ref = spec->Get("paramRef");
  if (StateOf(text, *spec, "paramRef") == Field::kFromAction) {
    outcome->notes.push_back(
        "a template action renders spec.paramRef: where it renders one, it must hold parameterNotFoundAction "
        "(Deny, v1alpha1's default; admissionregistration.k8s.io/v1 requires it)");
  } else if (param_ref && param_ref->IsMap()) {
    fields.push_back({param_ref, "parameterNotFoundAction", "spec.paramRef.parameterNotFoundAction",
                      NewValue::String("Deny"), "Deny", "v1alpha1's default"});
  }
  fields.push_back({spec, "validationActions", "spec.validationActions",
                    NewValue::Sequence({NewValue::String("Deny")}), "[Deny]",
                    "a v1alpha1 binding without validationActions, as Kubernetes 1.26 wrote them, denied the "
                    "requests its policy's validations failed"});

  // Decide everything before editing: a person's task leaves the object as it is.
  std::vector<const Required*> writes;
  for (const Required& field : fields) {
    switch (StateOf(text, *field.map, field.key)) {
      case Field::kSet:
        continue;
      case Field::kFromAction:
        outcome->notes.push_back(
            fmt::format("a template action renders {}: where it renders nothing, write {}: {} ({}; "
                        "admissionregistration.k8s.io/v1 requires it)",
                        field.path, field.key, field.shown, field.why));
        continue;
      case Field::kMissing:
        break;
    }
    if (field.map->IndexOf(field.key) < 0 && template_lines::HasActionLines(text, *field.map)) {
      outcome->needs_person = true;
      outcome->reason = fmt::format(
          "template actions stand among the entries of {}; where they do not render {}, add {}: {} ({}; "
          "admissionregistration.k8s.io/v1 requires it)",
          field.path.substr(0, field.path.rfind('.')), field.key, field.key, field.shown, field.why);
      outcome->reason_offset = field.map->keys.empty() ? field.map->begin : field.map->keys.front().begin;
      return;
    }
    writes.push_back(&field);
  }
  for (const Required* field : writes) {
    SetEntry(context.editor, *field->map, field->key, field->value);
    outcome->notes.push_back(fmt::format("wrote {}: {} ({}; admissionregistration.k8s.io/v1 requires it)",
                                         field->path, field->shown, field->why));
  }
}

}  // namespace kubeshift
