// Deployment, DaemonSet, StatefulSet and ReplicaSet of extensions/v1beta1, apps/v1beta1 and
// apps/v1beta2 → apps/v1, with kubectl-convert's meaning. kubectl-convert applies the SOURCE
// version's defaults and never the target's, so wherever the two versions default a field
// differently the old effective value is written out; defaults apps/v1 shares are not.
//   spec.selector        extensions/v1beta1 and apps/v1beta1 derived a missing one from the
//                        template labels (matchLabels); apps/v1 requires it. apps/v1beta2 did
//                        not: kubectl-convert writes `selector: null`, which apps/v1 rejects,
//                        so a person must write one.
//   metadata.labels      the same sources copied the template labels into empty object labels;
//                        apps/v1 leaves them empty, so they are written out.
//   Deployment           extensions/v1beta1: revisionHistoryLimit and progressDeadlineSeconds
//                        2147483647 ("unlimited"), rolling update maxSurge/maxUnavailable 1;
//                        apps/v1beta1: revisionHistoryLimit 2 (apps/v1: 10, 600, 25%, 25%).
//   updateStrategy       extensions/v1beta1 DaemonSet and apps/v1beta1 StatefulSet: OnDelete
//                        (apps/v1: RollingUpdate).
//   spec.rollbackTo      → annotation deprecated.deployment.rollback.to (the controller reads it).
//   spec.templateGeneration → annotation deprecated.daemonset.template.generation.
// Not reproduced, because the API server produces the same object without them: kubectl's
// `deprecated.daemonset.template.generation: "0"` on DaemonSets without templateGeneration (the
// server sets the generation on create), and apiVersion/kind on StatefulSet volumeClaimTemplates.
// In chart templates a value an action renders is not known: it is never taken for a missing
// one (template_lines.h); where the old default might still apply, a note says so.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"
#include "convert/template_lines.h"

namespace kubeshift {
namespace {

enum class Source { kExtensions, kAppsV1beta1, kAppsV1beta2 };

/// A field as the converter sees it: missing (absent or null), rendered by a template action,
/// or written.
enum class Field { kMissing, kFromAction, kSet };

constexpr std::string_view kRollbackAnnotation = "deprecated.deployment.rollback.to";
constexpr std::string_view kTemplateGenerationAnnotation = "deprecated.daemonset.template.generation";

Source SourceOf(std::string_view from) {
  if (from == "extensions/v1beta1") return Source::kExtensions;
  if (from == "apps/v1beta1") return Source::kAppsV1beta1;
  return Source::kAppsV1beta2;  // and anything else: no defaults of its own to keep
}

bool HasEntries(const YamlNode* node) { return node && node->IsMap() && !node->keys.empty(); }

using Entries = std::vector<std::pair<std::string, NewValue>>;

// One object being converted. Edits nested inside an entry are made before edits on the
// entry's parent: an insertion at the end of a child and one at the end of its parent fall on
// the same offset, and insertions at one offset are applied in the order they were made.
class WorkloadConversion {
 public:
  WorkloadConversion(const ConversionContext& context, ConversionOutcome* outcome, const YamlNode& spec)
      : context_(context), outcome_(outcome), source_(SourceOf(context.from)), spec_(spec) {}

  void Run() {
    const std::string_view kind = context_.kind;
    if (!CheckSelector() || !MoveRemovedFields()) return;
    if (DefaultsFromTemplate()) DefaultObjectLabels();
    if (!WriteMetadata()) return;
    if (kind == "Deployment") WriteDeploymentDefaults();
    if ((kind == "DaemonSet" && source_ == Source::kExtensions) ||
        (kind == "StatefulSet" && source_ == Source::kAppsV1beta1)) {
      WriteOnDeleteStrategy();
    }
    WriteSpec();
  }

 private:
  // Whether the source version filled the selector and the object labels from the template
  // labels. apps/v1beta1 never served ReplicaSet: such a manifest never applied, and no
  // default of it exists to keep.
  bool DefaultsFromTemplate() const {
    if (source_ == Source::kExtensions) return true;
    return source_ == Source::kAppsV1beta1 && context_.kind != "ReplicaSet";
  }

  Field StateOf(const YamlNode* map, std::string_view key) const {
    const int index = map && map->IsMap() ? map->IndexOf(key) : -1;
    if (index < 0) return Field::kMissing;
    const auto i = static_cast<size_t>(index);
    if (!map->values[i].IsNull()) return Field::kSet;
    return template_lines::ValueFromAction(context_.text, *map, i) ? Field::kFromAction : Field::kMissing;
  }

  // Where `key:` is in \a map, or else where \a map's parent key is, for a person's task.
  size_t OffsetOf(const YamlNode& map, std::string_view key, std::string_view parent_key) const {
    const int index = map.IndexOf(key);
    if (index >= 0) return map.keys[static_cast<size_t>(index)].begin;
    const YamlNode& object = context_.object;
    const int parent = object.IndexOf(parent_key);
    return parent < 0 ? 0 : object.keys[static_cast<size_t>(parent)].begin;
  }

  const YamlNode* TemplateMetadata() const { return spec_.Path({"template", "metadata"}); }
  const YamlNode* TemplateLabels() const { return spec_.Path({"template", "metadata", "labels"}); }

  // The template labels, when the converter can see all of them.
  enum class Labels { kNone, kFromAction, kKnown };
  Labels TemplateLabelsState() const {
    const YamlNode* labels = TemplateLabels();
    if (StateOf(TemplateMetadata(), "labels") == Field::kFromAction ||
        (HasEntries(labels) && template_lines::HasActionLines(context_.text, *labels))) {
      return Labels::kFromAction;
    }
    return HasEntries(labels) ? Labels::kKnown : Labels::kNone;
  }

  void NeedsPerson(size_t offset, std::string reason) {
    outcome_->needs_person = true;
    outcome_->reason = std::move(reason);
    outcome_->reason_offset = offset;
  }

  // apps/v1 requires spec.selector. False when it is missing and cannot be derived.
  bool CheckSelector() {
    if (StateOf(&spec_, "selector") != Field::kMissing) return true;
    const size_t offset = OffsetOf(spec_, "selector", "spec");
    if (!DefaultsFromTemplate()) {
      NeedsPerson(offset, fmt::format("spec.selector is missing; {} did not derive it from the template labels and "
                                      "apps/v1 requires it (kubectl-convert writes selector: null, which apps/v1 "
                                      "rejects): add a selector that matches spec.template.metadata.labels",
                                      context_.from));
      return false;
    }
    switch (TemplateLabelsState()) {
      case Labels::kNone:
        NeedsPerson(offset,
                    "spec.selector is missing and spec.template.metadata.labels is empty, so there is "
                    "nothing to derive it from; apps/v1 requires a selector that matches the template labels");
        return false;
      case Labels::kFromAction:
        NeedsPerson(offset, fmt::format("spec.selector is missing and template actions render the template labels "
                                        "{} derived it from; write spec.selector.matchLabels with the labels they "
                                        "render (apps/v1 requires it)",
                                        context_.from));
        return false;
      case Labels::kKnown:
        break;
    }
    SetSpec("selector", NewValue::Map({{"matchLabels", NewValue::Copy(*TemplateLabels())}}));
    Note(
        fmt::format("wrote spec.selector.matchLabels from the template labels, the selector {} derived "
                    "(apps/v1 requires one)",
                    context_.from));
    return true;
  }

  // The spec fields apps/v1 does not have, as the annotations the internal conversion keeps
  // them in (apps/v1beta2 had neither field).
  bool MoveRemovedFields() {
    if (context_.kind == "Deployment" && source_ != Source::kAppsV1beta2) {
      return MoveToAnnotation("rollbackTo", kRollbackAnnotation);
    }
    if (context_.kind == "DaemonSet" && source_ == Source::kExtensions) {
      return MoveToAnnotation("templateGeneration", kTemplateGenerationAnnotation);
    }
    return true;
  }

  // spec.<field>(.revision) N becomes the annotation <annotation>: "N", and the field goes: the
  // internal conversion kubectl-convert and the API server share does the same.
  bool MoveToAnnotation(std::string_view field, std::string_view annotation) {
    const int index = spec_.IndexOf(field);
    if (index < 0) return true;
    const YamlNode& value = spec_.values[static_cast<size_t>(index)];
    const std::string path = field == "rollbackTo" ? "spec.rollbackTo.revision" : "spec." + std::string(field);
    if (StateOf(&spec_, field) == Field::kFromAction) {
      NeedsPerson(spec_.keys[static_cast<size_t>(index)].begin,
                  fmt::format("a template action renders spec.{}; apps/v1 has no such field: put {} into the "
                              "annotation {} instead",
                              field, path, annotation));
      return false;
    }
    if (!value.IsNull()) {
      std::optional<long long> n = AnnotationNumber(field, value);
      if (!n) {
        NeedsPerson(value.begin,
                    fmt::format("{} is not an integer; it cannot become the annotation {}", path, annotation));
        return false;
      }
      annotations_.emplace_back(std::string(annotation), NewValue::String(std::to_string(*n)));
      Note(fmt::format("moved {} {} into the annotation {}: \"{}\" (apps/v1 has no such field)", path, *n, annotation,
                       *n));
    }
    context_.editor.RemoveEntry(spec_, static_cast<size_t>(index));
    return true;
  }

  // rollbackTo is {revision: N} (0 when left out); templateGeneration is N.
  static std::optional<long long> AnnotationNumber(std::string_view field, const YamlNode& value) {
    if (field != "rollbackTo") return fields::IntValue(&value);
    if (!value.IsMap()) return std::nullopt;
    const YamlNode* revision = value.Get("revision");
    return fields::IsUnset(revision) ? std::optional<long long>(0) : fields::IntValue(revision);
  }

  void DefaultObjectLabels() {
    const YamlNode* metadata = context_.object.Get("metadata");
    const YamlNode* labels = metadata ? metadata->Get("labels") : nullptr;
    const Field state = StateOf(metadata, "labels");
    if (StateOf(&context_.object, "metadata") == Field::kFromAction) return;
    if (state == Field::kFromAction || (state == Field::kSet && !(labels->IsMap() && labels->keys.empty()))) return;
    switch (TemplateLabelsState()) {
      case Labels::kNone:
        return;
      case Labels::kFromAction:
        Note(
            fmt::format("metadata.labels is empty and template actions render the template labels: {} copied "
                        "those into metadata.labels, apps/v1 does not; add them if anything selects this object "
                        "by its labels",
                        context_.from));
        return;
      case Labels::kKnown:
        break;
    }
    metadata_.emplace_back("labels", NewValue::Copy(*TemplateLabels()));
    Note(
        fmt::format("wrote metadata.labels from the template labels, as {} defaulted them (apps/v1 leaves them "
                    "empty)",
                    context_.from));
  }

  // Annotations first (inside metadata), then metadata's own new entries. False when an
  // entry cannot be written: template actions render the mapping, or stand among its entries
  // where the new one would go (it could land inside an {{ if }}).
  bool WriteMetadata() {
    const YamlNode& object = context_.object;
    const YamlNode* metadata = object.Get("metadata");
    const YamlNode* annotations = metadata ? metadata->Get("annotations") : nullptr;
    if (!annotations_.empty() && (StateOf(metadata, "annotations") == Field::kFromAction ||
                                  StateOf(&object, "metadata") == Field::kFromAction)) {
      return Blocked(OffsetOf(metadata ? *metadata : object, "annotations", "metadata"), "metadata.annotations",
                     annotations_.front());
    }
    if (!annotations_.empty() && HasEntries(annotations)) {
      for (const auto& entry : annotations_) {
        if (!AddTo(*annotations, entry.first, entry.second, -1)) {
          return Blocked(annotations->keys.front().begin, "metadata.annotations", entry);
        }
      }
    } else if (!annotations_.empty()) {
      metadata_.emplace_back("annotations", NewValue::Map(annotations_));
    }
    if (metadata_.empty() || StateOf(&object, "metadata") == Field::kFromAction) return true;
    if (!HasEntries(metadata)) {
      SetEntry(object, "metadata", NewValue::Map(metadata_));
      return true;
    }
    // After the name, which is always there, when actions make the end uncertain.
    const int name = metadata->IndexOf("name") >= 0 ? metadata->IndexOf("name") : metadata->IndexOf("generateName");
    for (const auto& entry : metadata_) {
      if (!AddTo(*metadata, entry.first, entry.second, name))
        return Blocked(metadata->keys.front().begin, "metadata", entry);
    }
    return true;
  }

  // Sets \a key of \a map: in place when present, else appended, or else, when template actions
  // stand among the entries, after entry \a anchor (one that is always rendered); false when
  // there is none.
  bool AddTo(const YamlNode& map, std::string_view key, const NewValue& value, int anchor) {
    if (map.IndexOf(key) >= 0 || !template_lines::HasActionLines(context_.text, map)) {
      SetEntry(map, key, value);
      return true;
    }
    if (anchor < 0) return false;
    context_.editor.InsertEntryAfter(map, static_cast<size_t>(anchor), key, value);
    return true;
  }

  bool Blocked(size_t offset, std::string_view where, const std::pair<std::string, NewValue>& entry) {
    const std::string value = entry.second.kind == NewValue::Kind::kScalar ? fmt::format("\"{}\"", entry.second.scalar)
                                                                           : std::string("(the template labels)");
    NeedsPerson(offset, fmt::format("template actions render {} or stand among its entries; add {}: {} there by hand",
                                    where, entry.first, value));
    return false;
  }

  void WriteDeploymentDefaults() {
    if (source_ == Source::kAppsV1beta1) {
      SetSpecIfUnset("revisionHistoryLimit", 2, "10");
      return;
    }
    if (source_ != Source::kExtensions) return;
    SetSpecIfUnset("revisionHistoryLimit", 2147483647, "10");
    SetSpecIfUnset("progressDeadlineSeconds", 2147483647, "600");
    WriteRollingUpdateDefaults();
  }

  // extensions/v1beta1 filled maxSurge and maxUnavailable with 1 when the strategy was (or
  // defaulted to) RollingUpdate, or had rollingUpdate parameters at all.
  void WriteRollingUpdateDefaults() {
    const YamlNode* strategy = spec_.Get("strategy");
    const YamlNode* rolling = HasEntries(strategy) ? strategy->Get("rollingUpdate") : nullptr;
    if (StateOf(&spec_, "strategy") == Field::kFromAction || StateOf(strategy, "type") == Field::kFromAction ||
        StateOf(strategy, "rollingUpdate") == Field::kFromAction) {
      Note(
          "a template action renders the strategy: where it leaves a rolling update's maxSurge or maxUnavailable "
          "out, write 1, extensions/v1beta1's default (apps/v1 would use 25%)");
      return;
    }
    if (!fields::IsUnset(strategy) && !strategy->IsMap()) return;  // not a strategy: left to validation
    const YamlNode* type = HasEntries(strategy) ? strategy->Get("type") : nullptr;
    const std::string_view type_name = fields::IsUnset(type) ? "" : type->Text("?");
    if (!(type_name.empty() || type_name == "RollingUpdate" || !fields::IsUnset(rolling))) return;
    if (!fields::IsUnset(rolling) && !rolling->IsMap()) return;
    Entries missing;
    for (std::string_view key : {"maxSurge", "maxUnavailable"}) {
      if (StateOf(rolling, key) == Field::kMissing) missing.emplace_back(key, NewValue::Int(1));
    }
    if (missing.empty()) return;
    const YamlNode* target = HasEntries(rolling) ? rolling : HasEntries(strategy) ? strategy : nullptr;
    if (target && template_lines::HasActionLines(context_.text, *target)) {
      Note(
          "template actions stand in the strategy: where they leave a rolling update's maxSurge or maxUnavailable "
          "out, write 1, extensions/v1beta1's default (apps/v1 would use 25%)");
      return;
    }
    std::vector<std::string> names;
    for (const auto& entry : missing) names.push_back(entry.first + ": 1");
    if (HasEntries(rolling)) {
      for (const auto& [key, value] : missing) SetEntry(*rolling, key, value);
    } else if (HasEntries(strategy)) {
      SetEntry(*strategy, "rollingUpdate", NewValue::Map(missing));
    } else {
      SetSpec("strategy", NewValue::Map({{"rollingUpdate", NewValue::Map(missing)}}));
    }
    Note(fmt::format("wrote strategy.rollingUpdate {}, extensions/v1beta1's default (apps/v1 would use 25%)",
                     fields::JoinWords(names)));
  }

  // extensions/v1beta1 DaemonSets and apps/v1beta1 StatefulSets defaulted to OnDelete.
  void WriteOnDeleteStrategy() {
    const YamlNode* strategy = spec_.Get("updateStrategy");
    const YamlNode* type = strategy && strategy->IsMap() ? strategy->Get("type") : nullptr;
    const NewValue on_delete = NewValue::String("OnDelete");
    if (StateOf(&spec_, "updateStrategy") == Field::kFromAction || StateOf(strategy, "type") == Field::kFromAction) {
      Note(
          fmt::format("a template action renders the updateStrategy: where it leaves the type out, write type: "
                      "OnDelete, {}'s default (apps/v1 would use RollingUpdate)",
                      context_.from));
      return;
    }
    if (fields::IsUnset(strategy)) {
      SetSpec("updateStrategy", NewValue::Map({{"type", on_delete}}));
    } else if (!strategy->IsMap()) {
      return;  // not a strategy: left to validation
    } else if (fields::IsUnset(type) && template_lines::HasActionLines(context_.text, *strategy)) {
      Note(
          fmt::format("template actions stand in the updateStrategy: where they leave the type out, write type: "
                      "OnDelete, {}'s default (apps/v1 would use RollingUpdate)",
                      context_.from));
      return;
    } else if (fields::IsUnset(type)) {
      SetEntry(*strategy, "type", on_delete);  // `{}` included
    } else if (type->IsScalar() && type->value.empty()) {
      context_.editor.SetScalar(*type, "OnDelete");
    } else {
      return;
    }
    Note(fmt::format("wrote updateStrategy type: OnDelete, {}'s default for a {} (apps/v1 would use RollingUpdate)",
                     context_.from, context_.kind));
  }

  void SetSpecIfUnset(std::string_view key, long long value, std::string_view apps_v1_default) {
    switch (StateOf(&spec_, key)) {
      case Field::kSet:
        return;
      case Field::kFromAction:
        Note(
            fmt::format("a template action renders {}: where it renders nothing, write {}: {}, {}'s default "
                        "(apps/v1 would use {})",
                        key, key, value, context_.from, apps_v1_default));
        return;
      case Field::kMissing:
        break;
    }
    SetSpec(key, NewValue::Int(value));
    Note(fmt::format("wrote {}: {}, {}'s default (apps/v1 would use {})", key, value, context_.from, apps_v1_default));
  }

  // A null entry is replaced where it is; a new one waits for WriteSpec.
  void SetSpec(std::string_view key, NewValue value) {
    const int index = spec_.IndexOf(key);
    if (index >= 0) {
      context_.editor.ReplaceEntry(spec_, static_cast<size_t>(index), key, value);
    } else {
      spec_entries_.emplace_back(std::string(key), std::move(value));
    }
  }

  // New spec entries go before the pod template, next to the fields they belong with, rather
  // than after a template of many lines: right after the previous entry, so that comments
  // above the template stay with it, or, when template actions come between (that entry may
  // sit inside an {{ if }}), right before the template, which is always rendered.
  void WriteSpec() {
    const int template_index = spec_.IndexOf("template");
    const auto at = static_cast<size_t>(template_index);
    const bool after_previous =
        template_index > 0 &&
        !template_lines::ActionLinesBetween(context_.text, spec_.keys[at - 1].begin, spec_.keys[at].begin);
    for (const auto& [key, value] : spec_entries_) {
      if (after_previous) {
        context_.editor.InsertEntryAfter(spec_, at - 1, key, value);
      } else if (template_index >= 0) {
        context_.editor.InsertEntryBefore(spec_, at, key, value);
      } else {
        context_.editor.AddEntry(spec_, key, value);
      }
    }
  }

  // Sets \a key of \a map: in place when present (null or empty), appended otherwise.
  void SetEntry(const YamlNode& map, std::string_view key, const NewValue& value) {
    const int index = map.IndexOf(key);
    if (index >= 0) {
      context_.editor.ReplaceEntry(map, static_cast<size_t>(index), key, value);
    } else {
      context_.editor.AddEntry(map, key, value);
    }
  }

  void Note(std::string note) { outcome_->notes.push_back(std::move(note)); }

  const ConversionContext& context_;
  ConversionOutcome* outcome_;
  Source source_;
  const YamlNode& spec_;
  Entries annotations_;   ///< new metadata.annotations entries
  Entries metadata_;      ///< new metadata entries
  Entries spec_entries_;  ///< new spec entries
};

}  // namespace

void ConvertWorkload(const ConversionContext& context, ConversionOutcome* outcome) {
  // A DeploymentList (…) only changes its apiVersion; its items are objects of their own.
  if (context.kind.ends_with("List")) return;
  const YamlNode* spec = context.object.Get("spec");
  if (!HasEntries(spec)) {
    outcome->needs_person = true;
    outcome->reason = "the object has no spec; apps/v1 requires spec.selector and spec.template";
    return;
  }
  WorkloadConversion(context, outcome, *spec).Run();
}

}  // namespace kubeshift
