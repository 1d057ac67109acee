// The fallback path: the full parser (yaml-cpp, through the positioned tree) on one document.
#include "kubeshift/yaml_document.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

// Only the start of a scalar whose bytes are not its value (escapes, folding, tags) is
// trustworthy; its style says so.
ScalarRef MakeScalarRef(const YamlNode& node) {
  ScalarRef ref;
  ref.present = true;
  ref.value = node.value;
  ref.style = node.style;
  ref.range = node.style == ScalarStyle::kOther ? Range{node.begin, node.begin + 1} : node.raw;
  return ref;
}

bool ExtractResource(const YamlNode& node, Resource* out) {
  if (!node.IsMap()) return false;
  const YamlNode* api_version = node.Get("apiVersion");
  const YamlNode* kind = node.Get("kind");
  if (!api_version || !kind || !api_version->IsScalar() || !kind->IsScalar()) return false;
  out->api_version = MakeScalarRef(*api_version);
  out->kind = MakeScalarRef(*kind);
  if (const YamlNode* metadata = node.Get("metadata"); metadata && metadata->IsMap()) {
    if (const YamlNode* name = metadata->Get("name"); name && name->IsScalar()) out->name = name->value;
    if (const YamlNode* ns = metadata->Get("namespace"); ns && ns->IsScalar()) out->namespace_ = ns->value;
  }
  return true;
}

}  // namespace

FullParseResult ParseDocumentFully(std::string_view text, Range chunk) {
  FullParseResult result;
  YamlDocument document;
  ScanError error;
  if (!ParseYamlTree(text, chunk, &document, &error)) {
    result.empty = false;
    result.error = std::move(error);
    return result;
  }
  if (document.root.IsNull()) return result;
  result.empty = false;
  Resource resource;
  if (!ExtractResource(document.root, &resource)) return result;
  const bool is_list = resource.kind.value.ends_with("List");
  result.resources.push_back(std::move(resource));
  const YamlNode* items = is_list ? document.root.Get("items") : nullptr;
  if (!items || !items->IsSequence()) return result;
  for (const YamlNode& item : items->values) {
    Resource entry;
    if (!ExtractResource(item, &entry)) continue;
    entry.list_item = true;
    result.resources.push_back(std::move(entry));
  }
  return result;
}

}  // namespace kubeshift
