// Validating/MutatingWebhookConfiguration admissionregistration.k8s.io/v1beta1 → v1. The shape
// is the same, but v1 defaults differently, so each webhook gets v1beta1's effective values
// written out where it relied on them:
//   failurePolicy Ignore (v1: Fail), matchPolicy Exact (v1: Equivalent), timeoutSeconds 30 (v1: 10),
//   admissionReviewVersions [v1beta1] (required in v1).
// sideEffects is required in v1 and must be None or NoneOnDryRun; v1beta1 defaulted it to
// Unknown. Whether a webhook has side effects is a fact about the webhook server, so a
// person has to declare it. The defaults both versions share (namespaceSelector,
// objectSelector, rule scope, service port, reinvocationPolicy) are not written.
#include <set>

#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

struct Default {
  std::string_view key;
  std::string_view v1beta1;  ///< as YAML
  std::string_view v1;
  bool is_string;
};

constexpr Default kDefaults[] = {{"failurePolicy", "Ignore", "Fail", true},
                                 {"matchPolicy", "Exact", "Equivalent", true},
                                 {"timeoutSeconds", "30", "10", false}};

// Why the webhook cannot be converted without a person, or empty.
std::string SideEffectsProblem(const YamlNode& webhook, size_t* offset) {
  const YamlNode* side_effects = webhook.Get("sideEffects");
  const std::string_view value = fields::IsUnset(side_effects) ? "" : side_effects->Text("?");
  if (value == "None" || value == "NoneOnDryRun") return {};
  *offset = fields::IsUnset(side_effects) ? webhook.begin : side_effects->begin;
  const std::string now = value.empty() ? "absent (v1beta1 defaulted it to Unknown)" : fmt::format("'{}'", value);
  return fmt::format("sideEffects of webhook '{}' is {}; admissionregistration.k8s.io/v1 requires None or "
                     "NoneOnDryRun: declare the webhook's side effects",
                     webhook.Get("name") ? webhook.Get("name")->Text() : "", now);
}

// Writes the v1beta1 defaults one webhook relies on; returns the fields written.
std::vector<std::string> WriteDefaults(DocumentEditor& editor, const YamlNode& webhook) {
  std::vector<std::string> written;
  for (const Default& d : kDefaults) {
    NewValue value = d.is_string ? NewValue::String(d.v1beta1) : NewValue::Raw(d.v1beta1);
    if (fields::SetIfUnset(editor, webhook, d.key, value)) {
      written.push_back(fmt::format("{}: {} (v1 would default to {})", d.key, d.v1beta1, d.v1));
    }
  }
  // An empty list was defaulted too.
  const int versions = webhook.IndexOf("admissionReviewVersions");
  const NewValue v1beta1 = NewValue::Sequence({NewValue::String("v1beta1")});
  if (versions < 0) {
    editor.AddEntry(webhook, "admissionReviewVersions", v1beta1);
    written.push_back("admissionReviewVersions: [v1beta1] (required in v1)");
  } else {
    const YamlNode& list = webhook.values[static_cast<size_t>(versions)];
    if (list.IsNull() || (list.IsSequence() && list.values.empty())) {
      editor.ReplaceEntry(webhook, static_cast<size_t>(versions), "admissionReviewVersions", v1beta1);
      written.push_back("admissionReviewVersions: [v1beta1] (required in v1)");
    }
  }
  return written;
}

// A duplicated webhook name is rejected by v1; which one to rename is a person's choice.
const YamlNode* DuplicateName(const YamlNode& webhooks) {
  std::set<std::string> seen;
  for (const YamlNode& webhook : webhooks.values) {
    const YamlNode* name = webhook.IsMap() ? webhook.Get("name") : nullptr;
    if (name && name->IsScalar() && !seen.insert(name->value).second) return name;
  }
  return nullptr;
}

}  // namespace

void ConvertWebhookConfiguration(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* webhooks = context.object.Get("webhooks");
  if (!webhooks || !webhooks->IsSequence()) return;
  if (const YamlNode* name = DuplicateName(*webhooks)) {
    outcome->needs_person = true;
    outcome->reason = fmt::format("the webhook name '{}' is used twice; admissionregistration.k8s.io/v1 requires "
                                  "unique names: rename one",
                                  name->value);
    outcome->reason_offset = name->begin;
    return;
  }
  for (const YamlNode& webhook : webhooks->values) {
    if (!webhook.IsMap()) continue;
    size_t offset = 0;
    std::string problem = SideEffectsProblem(webhook, &offset);
    if (problem.empty()) continue;
    outcome->needs_person = true;
    outcome->reason = std::move(problem);
    outcome->reason_offset = offset;
    return;
  }
  for (const YamlNode& webhook : webhooks->values) {
    if (!webhook.IsMap()) continue;
    std::vector<std::string> written = WriteDefaults(context.editor, webhook);
    if (written.empty()) continue;
    outcome->notes.push_back(fmt::format("webhook '{}': wrote the v1beta1 defaults it relied on: {}",
                                         webhook.Get("name") ? webhook.Get("name")->Text() : "",
                                         fields::JoinWords(written)));
  }
}

}  // namespace kubeshift
