// CustomResourceDefinition apiextensions.k8s.io/v1beta1 → apiextensions.k8s.io/v1. kubectl-convert
// cannot convert CRDs at all; the rules are the API server's own conversion (v1beta1 → internal →
// v1: the top-level fields are copied into every version) after v1beta1's defaulting:
//   spec.version                  → spec.versions: [{name, served: true, storage: true}]
//   spec.validation               → spec.versions[*].schema
//   spec.subresources             → spec.versions[*].subresources
//   spec.additionalPrinterColumns → spec.versions[*].additionalPrinterColumns, JSONPath → jsonPath
//   spec.conversion.webhookClientConfig / conversionReviewVersions
//                                 → spec.conversion.webhook.clientConfig / conversionReviewVersions
// Moved values keep their text (comments, quoting, block scalars); with several versions each
// gets a copy. v1beta1 defaults that v1 dropped are written out: scope: Namespaced, a webhook's
// conversionReviewVersions: [v1beta1], and preserveUnknownFields (true by default, forbidden as
// true in v1) as x-kubernetes-preserve-unknown-fields: true at each schema's root. A version
// without a schema gets {type: object, x-kubernetes-preserve-unknown-fields: true}: v1 requires
// one, and that one validates and prunes nothing, as v1beta1 did without a schema.
#include <fmt/format.h>

#include "convert/converter_functions.h"

namespace kubeshift {
namespace {

constexpr std::string_view kPreserve = "x-kubernetes-preserve-unknown-fields";

bool IsTrue(const YamlNode* node) { return node && node->IsScalar() && node->value == "true"; }

// v1beta1's spec.preserveUnknownFields after defaulting.
enum class Pruning { kOffByDefault, kOffExplicitly, kOn };

NewValue PermissiveSchema() {
  return NewValue::Map(
      {{"openAPIV3Schema", NewValue::Map({{"type", NewValue::String("object")}, {std::string(kPreserve), NewValue::Raw("true")}})}});
}

// Where a schema is not structural, as v1 requires: nodes under properties, items and
// additionalProperties without a type (unless x-kubernetes-int-or-string or
// x-kubernetes-preserve-unknown-fields stand in for it).
void FindUntypedNodes(const YamlNode& schema, const std::string& path, std::vector<std::string>* out) {
  if (!schema.IsMap()) return;
  const bool exempt = IsTrue(schema.Get("x-kubernetes-int-or-string")) || IsTrue(schema.Get(kPreserve));
  if (!path.empty() && !exempt && !schema.Get("type")) out->push_back(path);
  if (const YamlNode* properties = schema.Get("properties"); properties && properties->IsMap()) {
    for (size_t i = 0; i < properties->keys.size(); ++i) {
      FindUntypedNodes(properties->values[i], path + ".properties." + properties->keys[i].value, out);
    }
  }
  if (const YamlNode* items = schema.Get("items")) FindUntypedNodes(*items, path + ".items", out);
  if (const YamlNode* more = schema.Get("additionalProperties")) FindUntypedNodes(*more, path + ".additionalProperties", out);
}

class CrdConverter {
 public:
  CrdConverter(const ConversionContext& context, ConversionOutcome* outcome)
      : context_(context), editor_(context.editor), outcome_(outcome) {}

  void Run() {
    const YamlNode* spec = context_.object.Get("spec");
    if (!spec || !spec->IsMap()) return NeedsPerson(context_.object.begin, "it has no spec");
    spec_ = spec;
    if (!ReadPruning()) return;
    const YamlNode* validation = spec_->Get("validation");
    if (validation && !validation->IsNull() && !validation->IsMap()) {
      return NeedsPerson(validation->begin, "spec.validation is not a mapping");
    }
    schema_root_ = validation && validation->IsMap() ? validation->Get("openAPIV3Schema") : nullptr;
    const YamlNode* columns = spec_->Get("additionalPrinterColumns");
    if (columns && !columns->IsSequence()) return NeedsPerson(columns->begin, "spec.additionalPrinterColumns is not a list");

    if (!PrepareInnerEdits(validation, columns)) return;
    if (!ConvertVersions()) return;
    ConvertConversion();
    WriteScope();
    RemoveOldFields();
    WriteNotes();
  }

 private:
  void NeedsPerson(size_t offset, std::string reason) {
    outcome_->needs_person = true;
    outcome_->reason = std::move(reason);
    outcome_->reason_offset = offset;
  }

  // The edits inside the moved top-level values, made once and carried by every copy.
  bool PrepareInnerEdits(const YamlNode* validation, const YamlNode* columns) {
    DocumentEditor schema_edits = editor_.Fork();
    if (schema_root_) FixSchema(schema_edits, *validation, "spec.validation.openAPIV3Schema");
    DocumentEditor column_edits = editor_.Fork();
    if (columns) RenameJsonPaths(column_edits, *columns);
    for (const DocumentEditor* inner : {&schema_edits, &column_edits}) {
      if (!inner->problems().empty()) {
        NeedsPerson(spec_->begin, "cannot be converted in place: " + inner->problems().front());
        return false;
      }
    }
    schema_inner_ = schema_edits.edits();
    column_inner_ = column_edits.edits();
    return true;
  }

  // What v1 has no place for at the top level any more.
  void RemoveOldFields() {
    std::vector<size_t> removed;
    for (std::string_view key : {"validation", "subresources", "additionalPrinterColumns", "preserveUnknownFields"}) {
      if (int i = spec_->IndexOf(key); i >= 0) removed.push_back(static_cast<size_t>(i));
    }
    // spec.version is gone when spec.versions was there (otherwise it became spec.versions).
    if (spec_->Get("versions") && spec_->IndexOf("version") >= 0) removed.push_back(Index("version"));
    editor_.RemoveEntries(*spec_, removed);
  }

  bool ReadPruning() {
    const YamlNode* preserve = spec_->Get("preserveUnknownFields");
    if (!preserve || preserve->IsNull()) {
      pruning_ = Pruning::kOffByDefault;
    } else if (preserve->IsScalar() && (preserve->value == "true" || preserve->value == "false") &&
               preserve->style == ScalarStyle::kPlain) {
      pruning_ = preserve->value == "true" ? Pruning::kOffExplicitly : Pruning::kOn;
    } else {
      NeedsPerson(preserve->begin, "spec.preserveUnknownFields is not a boolean");
      return false;
    }
    return true;
  }

  // The versions list: made from spec.version, or completed item by item.
  bool ConvertVersions() {
    const YamlNode* versions = spec_->Get("versions");
    // v1beta1 made the list from spec.version when it was missing or empty.
    if (!versions || versions->IsNull() || (versions->IsSequence() && versions->values.empty())) {
      const int version = spec_->IndexOf("version");
      if (version < 0 || !spec_->values[static_cast<size_t>(version)].IsScalar()) {
        NeedsPerson(spec_->begin, "it has neither spec.version nor spec.versions");
        return false;
      }
      const YamlNode& name = spec_->values[static_cast<size_t>(version)];
      // Verbatim keeps the quoting and a comment after the value.
      NewValue item = NewValue::Map({{"name", NewValue::Verbatim(*spec_, static_cast<size_t>(version))},
                                     {"served", NewValue::Raw("true")},
                                     {"storage", NewValue::Raw("true")}});
      AddTopLevelFields(&item, name.value);
      // An empty versions entry is replaced (and version removed with the other old fields).
      const size_t at = versions ? Index("versions") : static_cast<size_t>(version);
      editor_.ReplaceEntry(*spec_, at, "versions", NewValue::Sequence({item}));
      return true;
    }
    if (!versions->IsSequence()) {
      NeedsPerson(versions->begin, "spec.versions is not a list of versions");
      return false;
    }
    for (size_t i = 0; i < versions->values.size(); ++i) {
      const YamlNode& item = versions->values[i];
      if (!item.IsMap()) {
        NeedsPerson(item.begin, "an item of spec.versions is not a mapping");
        return false;
      }
      CompleteVersion(item, i);
    }
    return true;
  }

  // Writes key: value into a version: replacing an entry that is there but null or empty.
  void SetEntry(const YamlNode& item, std::string_view key, const NewValue& value) {
    const int index = item.IndexOf(key);
    if (index >= 0) {
      editor_.ReplaceEntry(item, static_cast<size_t>(index), key, value);
    } else {
      editor_.AddEntry(item, key, value);
    }
  }

  // The entries a version made from spec.version gets from the top level.
  void AddTopLevelFields(NewValue* item, std::string_view name) {
    if (schema_root_) {
      item->Add("schema", NewValue::Verbatim(*spec_, Index("validation"), schema_inner_));
    } else {
      item->Add("schema", PermissiveSchema());
      permissive_.emplace_back(name);
    }
    if (spec_->Get("subresources")) item->Add("subresources", NewValue::Verbatim(*spec_, Index("subresources")));
    if (spec_->Get("additionalPrinterColumns")) {
      item->Add("additionalPrinterColumns", NewValue::Verbatim(*spec_, Index("additionalPrinterColumns"), column_inner_));
    }
  }

  // An existing version: its own schema, subresources and columns win (v1beta1 forbade having
  // both); what it lacks comes from the top level.
  void CompleteVersion(const YamlNode& item, size_t index) {
    const std::string path = fmt::format("spec.versions[{}]", index);
    if (const YamlNode* schema = item.Get("schema"); schema && schema->IsMap() && schema->Get("openAPIV3Schema")) {
      FixSchema(editor_, *schema, path + ".schema.openAPIV3Schema");
    } else if (schema_root_) {
      SetEntry(item, "schema", NewValue::Verbatim(*spec_, Index("validation"), schema_inner_));
    } else {
      SetEntry(item, "schema", PermissiveSchema());
      permissive_.emplace_back(item.Get("name") ? item.Get("name")->Text("?") : "?");
    }
    const YamlNode* subresources = item.Get("subresources");
    if ((!subresources || subresources->IsNull()) && spec_->Get("subresources")) {
      SetEntry(item, "subresources", NewValue::Verbatim(*spec_, Index("subresources")));
    }
    if (const YamlNode* columns = item.Get("additionalPrinterColumns"); columns && columns->IsSequence()) {
      RenameJsonPaths(editor_, *columns);
    } else if (spec_->Get("additionalPrinterColumns")) {
      SetEntry(item, "additionalPrinterColumns",
               NewValue::Verbatim(*spec_, Index("additionalPrinterColumns"), column_inner_));
    }
  }

  // Makes the schema under holder.openAPIV3Schema what v1 needs: a type at the root and, while
  // v1beta1 did not prune, x-kubernetes-preserve-unknown-fields: true there.
  void FixSchema(DocumentEditor& editor, const YamlNode& holder, const std::string& path) {
    const size_t index = static_cast<size_t>(holder.IndexOf("openAPIV3Schema"));
    const YamlNode& root = holder.values[index];
    const bool keep_unknown = pruning_ != Pruning::kOn;
    if (!root.IsMap() || root.keys.empty()) {
      NewValue schema = NewValue::Map({{"type", NewValue::String("object")}});
      if (keep_unknown) schema.Add(std::string(kPreserve), NewValue::Raw("true"));
      editor.ReplaceEntry(holder, index, "openAPIV3Schema", schema);
      typed_roots_.push_back(path);
      if (keep_unknown) ++preserve_roots_;
      return;
    }
    if (!root.Get("type")) {
      editor.InsertEntryBefore(root, 0, "type", NewValue::String("object"));
      typed_roots_.push_back(path);
    } else if (root.Get("type")->Text() != "object") {
      outcome_->notes.push_back(fmt::format("{} has type {}, but v1 requires type: object at the root of a schema",
                                            path, root.Get("type")->Text("?")));
    }
    if (keep_unknown && !IsTrue(root.Get(kPreserve))) {
      const int flag = root.IndexOf(kPreserve);
      if (flag >= 0) {
        editor.ReplaceEntry(root, static_cast<size_t>(flag), kPreserve, NewValue::Raw("true"));
      } else {
        editor.AddEntry(root, kPreserve, NewValue::Raw("true"));
      }
      ++preserve_roots_;
    }
    std::vector<std::string> untyped;
    FindUntypedNodes(root, "", &untyped);
    if (!untyped.empty()) {
      outcome_->notes.push_back(fmt::format(
          "the schema is not structural, which v1 requires: no type at {}{}{}; the API server may reject the CRD "
          "until the types are written",
          path, untyped.front(), untyped.size() > 1 ? fmt::format(" and {} more", untyped.size() - 1) : ""));
    }
  }

  static void RenameJsonPaths(DocumentEditor& editor, const YamlNode& columns) {
    for (const YamlNode& column : columns.values) {
      if (int i = column.IsMap() ? column.IndexOf("JSONPath") : -1; i >= 0) {
        editor.RenameKey(column, static_cast<size_t>(i), "jsonPath");
      }
    }
  }

  // conversion.webhookClientConfig and conversionReviewVersions go under conversion.webhook.
  void ConvertConversion() {
    const YamlNode* conversion = spec_->Get("conversion");
    if (!conversion || !conversion->IsMap()) return;
    const int config = conversion->IndexOf("webhookClientConfig");
    const int review = conversion->IndexOf("conversionReviewVersions");
    const bool webhook = conversion->Get("strategy") && conversion->Get("strategy")->Text() == "Webhook";
    if (config < 0 && review < 0) {
      if (webhook && !conversion->Get("webhook")) {
        NeedsPerson(conversion->begin, "spec.conversion has strategy Webhook but no webhookClientConfig");
      }
      return;
    }
    NewValue moved = NewValue::Map();
    if (config >= 0) moved.Add("clientConfig", NewValue::Verbatim(*conversion, static_cast<size_t>(config)));
    if (review >= 0) {
      moved.Add("conversionReviewVersions", NewValue::Verbatim(*conversion, static_cast<size_t>(review)));
    } else if (webhook) {
      moved.Add("conversionReviewVersions", NewValue::Sequence({NewValue::String("v1beta1")}));
      outcome_->notes.push_back(
          "wrote conversion.webhook.conversionReviewVersions: [v1beta1], v1beta1's default (v1 requires the field)");
    }
    const size_t first = static_cast<size_t>(config < 0 ? review : review < 0 ? config : std::min(config, review));
    editor_.ReplaceEntry(*conversion, first, "webhook", moved);
    if (config >= 0 && review >= 0) editor_.RemoveEntries(*conversion, {static_cast<size_t>(std::max(config, review))});
  }

  // v1beta1 defaulted scope to Namespaced; v1 requires it.
  void WriteScope() {
    const int scope = spec_->IndexOf("scope");
    if (scope >= 0 && !spec_->values[static_cast<size_t>(scope)].IsNull()) return;
    if (scope >= 0) {
      editor_.ReplaceEntry(*spec_, static_cast<size_t>(scope), "scope", NewValue::String("Namespaced"));
    } else {
      editor_.AddEntry(*spec_, "scope", NewValue::String("Namespaced"));
    }
    outcome_->notes.push_back("wrote scope: Namespaced, v1beta1's default (v1 requires the field)");
  }

  void WriteNotes() {
    for (const std::string& path : typed_roots_) {
      outcome_->notes.push_back(fmt::format("wrote type: object at the root of {}: v1 requires it (a custom "
                                            "resource is always an object, so nothing changes)",
                                            path));
    }
    if (!permissive_.empty()) {
      outcome_->notes.push_back(fmt::format(
          "wrote the schema {{type: object, {}: true}} for version{} {}: v1 requires a schema, and this one validates "
          "and prunes nothing, as v1beta1 did without one",
          kPreserve, permissive_.size() > 1 ? "s" : "", fmt::join(permissive_, ", ")));
    }
    const bool explicit_true = pruning_ == Pruning::kOffExplicitly;
    if (preserve_roots_ == 0) {
      if (explicit_true) {
        outcome_->notes.push_back("removed preserveUnknownFields: true, which v1 forbids; the schema written keeps "
                                  "unknown fields instead");
      }
      return;
    }
    const std::string written = fmt::format("{}: true at the schema root of every version", kPreserve);
    outcome_->notes.push_back(fmt::format(
        "{}; below the root, v1 prunes the fields that an object with properties does not declare: mark such objects "
        "too if they hold any",
        explicit_true ? "replaced preserveUnknownFields: true, which v1 forbids, by " + written
                      : "wrote " + written + ": v1beta1 defaulted preserveUnknownFields to true (no pruning)"));
  }

  size_t Index(std::string_view key) const { return static_cast<size_t>(spec_->IndexOf(key)); }

  const ConversionContext& context_;
  DocumentEditor& editor_;
  ConversionOutcome* outcome_;
  const YamlNode* spec_ = nullptr;
  const YamlNode* schema_root_ = nullptr;
  Pruning pruning_ = Pruning::kOffByDefault;
  std::vector<Edit> schema_inner_;
  std::vector<Edit> column_inner_;
  std::vector<std::string> permissive_;   ///< versions given the permissive schema
  std::vector<std::string> typed_roots_;  ///< schemas given type: object at the root
  int preserve_roots_ = 0;                ///< schema roots given x-kubernetes-preserve-unknown-fields
};

}  // namespace

void ConvertCustomResourceDefinition(const ConversionContext& context, ConversionOutcome* outcome) {
  if (context.from != "apiextensions.k8s.io/v1beta1") return;
  CrdConverter(context, outcome).Run();
}

}  // namespace kubeshift
