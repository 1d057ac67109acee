// RoleBinding and ClusterRoleBinding rbac.authorization.k8s.io/v1alpha1 → v1. A v1alpha1
// subject names its kind's API with apiVersion; v1 uses apiGroup, as the upstream conversion:
//   User, Group      → apiGroup rbac.authorization.k8s.io (v1's default too, so an absent
//                      apiVersion stays absent)
//   ServiceAccount   → no apiGroup
//   any other kind   → the group part of its apiVersion
// and the v1alpha1 wildcard user {kind: User, name: "*"} (every authenticated user) becomes
// {kind: Group, name: system:authenticated}, since v1 has no wildcard user.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

constexpr std::string_view kRbacGroup = "rbac.authorization.k8s.io";

std::string GroupFor(std::string_view kind, const YamlNode* api_version) {
  if (kind == "User" || kind == "Group") return std::string(kRbacGroup);
  if (kind == "ServiceAccount" || fields::IsUnset(api_version)) return {};
  const std::string_view text = api_version->Text();
  const size_t slash = text.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(text.substr(0, slash));
}

// apiVersion → apiGroup (an apiGroup already there was ignored by v1alpha1: it gets the value).
void ConvertApiGroup(DocumentEditor& editor, const YamlNode& subject, std::string_view kind) {
  const int version_index = subject.IndexOf("apiVersion");
  const int group_index = subject.IndexOf("apiGroup");
  if (version_index < 0 && group_index < 0) return;
  const std::string group = GroupFor(kind, subject.Get("apiVersion"));
  if (group_index >= 0) {
    std::vector<size_t> removed;
    if (version_index >= 0) removed.push_back(static_cast<size_t>(version_index));
    const YamlNode& value = subject.values[static_cast<size_t>(group_index)];
    if (group.empty()) {
      removed.push_back(static_cast<size_t>(group_index));
    } else if (value.Text() != group) {
      editor.SetScalar(value, group);
    }
    editor.RemoveEntries(subject, std::move(removed));
    return;
  }
  // A null apiVersion says nothing; v1 defaults the group of users and groups by itself.
  if (group.empty() || subject.values[static_cast<size_t>(version_index)].IsNull()) {
    editor.RemoveEntry(subject, static_cast<size_t>(version_index));
    return;
  }
  editor.RenameKey(subject, static_cast<size_t>(version_index), "apiGroup");
  editor.SetScalar(subject.values[static_cast<size_t>(version_index)], group);
}

}  // namespace

void ConvertRbacV1alpha1Subjects(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* subjects = context.object.Get("subjects");
  if (!subjects || !subjects->IsSequence()) return;
  for (const YamlNode& subject : subjects->values) {
    if (!subject.IsMap()) continue;
    const YamlNode* kind = subject.Get("kind");
    const std::string_view kind_text = kind ? kind->Text() : "";
    ConvertApiGroup(context.editor, subject, kind_text);
    const YamlNode* name = subject.Get("name");
    if (kind_text != "User" || !name || name->Text() != "*") continue;
    context.editor.SetScalar(*kind, "Group");
    context.editor.SetScalar(*name, "system:authenticated");
    outcome->notes.push_back("the v1alpha1 wildcard user \"*\" became the group system:authenticated, which v1 uses "
                             "for every authenticated user");
  }
}

}  // namespace kubeshift
