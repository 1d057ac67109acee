// Converting one input: every object that needs it, through the converter registry, as byte
// edits on the original text; then the result is scanned again and must have lost exactly the
// findings of the objects that were converted. Otherwise nothing of the file changes.
#include "app/convert_file.h"

#include "app/file_check.h"

#include <fmt/format.h>

#include "kubeshift/convert.h"
#include "kubeshift/document_editor.h"
#include "kubeshift/rules.h"
#include "kubeshift/scan.h"
#include "kubeshift/template_mask.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

// The objects of a document: its root and, for a List, each item.
std::vector<const YamlNode*> Objects(const YamlNode& root) {
  std::vector<const YamlNode*> objects;
  if (!root.IsMap() || !root.Get("apiVersion") || !root.Get("kind")) return objects;
  objects.push_back(&root);
  if (!std::string_view(root.Get("kind")->Text()).ends_with("List")) return objects;
  const YamlNode* items = root.Get("items");
  if (!items || !items->IsSequence()) return objects;
  for (const YamlNode& item : items->values) {
    if (item.IsMap() && item.Get("apiVersion") && item.Get("kind")) objects.push_back(&item);
  }
  return objects;
}

// Removed and deprecated findings of a scan: the converted text must have fewer, by exactly
// the objects converted.
int CountLifecycleFindings(const ScanResult& scan, const ConvertSettings& settings) {
  RuleContext context{settings.table, settings.targets, false};
  std::vector<Finding> findings;
  for (const Resource& resource : scan.resources) RunRules(resource, context, &findings);
  return static_cast<int>(findings.size());
}

class FileConverter {
 public:
  FileConverter(const InputFile& input, const ConvertSettings& settings, FileConversion* out)
      : input_(input), settings_(settings), out_(out) {}

  void Run() {
    std::string_view original = out_->original;
    const size_t begin = original.size() >= 3 && original.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    // The fast scan says which documents hold an object to convert; only those are parsed
    // into a tree (yaml-cpp is ~50 times slower than the scanner).
    SourceFile source(input_.display_path, out_->original);
    scan_ = ScanSource(source, input_.kind);
    if (input_.kind != InputKind::kHelmTemplate) {
      for (const ScanError& e : scan_.errors) {
        out_->errors.push_back({input_.display_path, PositionOf(e.offset), e.message});
      }
    }
    std::vector<size_t> wanted;
    for (const Resource& resource : scan_.resources) {
      if (Wanted(resource)) wanted.push_back(resource.api_version.range.begin);
    }
    if (wanted.empty()) {  // most files: nothing to split, edit or verify
      out_->converted = out_->original;
      return;
    }
    // Chart templates are converted through their masked text: offsets are the same, and an
    // edit that would touch an action is refused.
    if (input_.kind == InputKind::kHelmTemplate) {
      masked_ = MaskTemplateActions(original);
      structure_ = masked_->text;
    } else {
      structure_ = original;
    }
    auto holds_wanted = [&](Range range) {
      for (size_t offset : wanted) {
        if (offset >= range.begin && offset < range.end) return true;
      }
      return false;
    };
    if (input_.kind == InputKind::kJson) {
      Range all{begin, original.size()};
      if (holds_wanted(all)) ConvertDocument(all, /*json=*/true);
    } else {
      for (const DocumentSpan& span : SplitDocuments(structure_, begin)) {
        if (holds_wanted(span.range)) ConvertDocument(span.range, false);
      }
    }
    out_->converted = edits_.Apply(original);
    Verify();
  }

 private:
  void ConvertDocument(Range range, bool json) {
    YamlDocument document;
    ScanError error;
    if (!ParseYamlTree(structure_, range, &document, &error)) {
      // Templates that are not YAML once masked get the lexical path; other parse errors
      // were reported by the scan already.
      if (masked_) ConvertTemplateLexically(range);
      return;
    }
    for (const YamlNode* object : Objects(document.root)) ConvertObject(document, *object, json);
  }

  // A template whose masked text is not YAML (if/else branches repeating keys): only literal
  // apiVersions can be moved, and only when the conversion is a pure version move.
  void ConvertTemplateLexically(Range range) {
    SourceFile source(input_.display_path, std::string(out_->original));
    ScanResult scan = ScanSource(source, InputKind::kHelmTemplate);
    for (const Resource& resource : scan.resources) {
      if (resource.api_version.range.begin < range.begin || resource.api_version.range.begin >= range.end) continue;
      std::string problem;
      const ApiEntry* entry = settings_.table.Find(resource.api_version.value, resource.kind.value);
      std::vector<ConversionStep> steps = Plan(entry, resource.api_version.value, resource.kind.value, &problem);
      if (!NeedsAttention(entry, steps, problem, resource.api_version.range.begin)) continue;
      for (const ConversionStep& step : steps) {
        if (step.entry->conversion != "pure-version-move") {
          NeedsPerson(resource.api_version.range.begin,
                      fmt::format("{} {}: the conversion changes fields, and this template is not YAML once its "
                                  "actions are masked; convert it by hand",
                                  resource.api_version.value, resource.kind.value));
          goto next;
        }
      }
      {
        const std::string& target = steps.back().entry->replacement;
        const ScalarRef& ref = resource.api_version;
        std::string text = ref.style == ScalarStyle::kPlain ? target
                           : ref.style == ScalarStyle::kSingleQuoted ? "'" + target + "'"
                                                                     : "\"" + target + "\"";
        if (edits_.Add(Edit{ref.range.begin, ref.range.size(), text})) ++out_->objects_converted;
      }
    next:;
    }
  }

  // Whether \a resource may need converting: deprecated or removed at its target, or not at
  // the requested --output-version.
  bool Wanted(const Resource& resource) const {
    if (resource.kind.value == "List") return false;  // a client-side wrapper: its items count
    if (!settings_.output_version.empty()) return resource.api_version.value != settings_.output_version;
    const ApiEntry* entry = settings_.table.Find(resource.api_version.value, resource.kind.value);
    if (!entry) return false;
    auto it = settings_.targets.find(entry->component);
    return it != settings_.targets.end() && StatusAt(*entry, it->second) != ApiStatus::kServed;
  }

  std::vector<ConversionStep> Plan(const ApiEntry* entry, std::string_view api_version, std::string_view kind,
                                   std::string* problem) {
    if (!entry && settings_.output_version.empty()) return {};
    Version target = settings_.target;
    if (entry) {
      auto it = settings_.targets.find(entry->component);
      if (it != settings_.targets.end()) target = it->second;
    }
    return PlanConversion(settings_.table, api_version, kind, target, settings_.output_version, problem);
  }

  // True when there are steps to run; records a person's task when the object needs a
  // conversion that cannot be planned.
  bool NeedsAttention(const ApiEntry* entry, const std::vector<ConversionStep>& steps, const std::string& problem,
                      size_t offset) {
    if (!steps.empty()) return true;
    if (!problem.empty()) {
      bool matters = !settings_.output_version.empty();
      if (entry) {
        auto it = settings_.targets.find(entry->component);
        matters = matters || (it != settings_.targets.end() && StatusAt(*entry, it->second) != ApiStatus::kServed);
      }
      if (matters) NeedsPerson(offset, problem);
    }
    return false;
  }

  void ConvertObject(const YamlDocument& document, const YamlNode& object, bool json) {
    const YamlNode& api_version = *object.Get("apiVersion");
    const YamlNode& kind = *object.Get("kind");
    if (!api_version.IsScalar() || !kind.IsScalar() || kind.value == "List") return;
    std::string problem;
    const ApiEntry* entry = settings_.table.Find(api_version.value, kind.value);
    std::vector<ConversionStep> steps = Plan(entry, api_version.value, kind.value, &problem);
    if (!NeedsAttention(entry, steps, problem, api_version.begin)) return;
    if (masked_ && masked_->OverlapsAction(Range{api_version.begin, api_version.begin + 1})) return;

    const std::string& to = steps.back().entry->replacement;
    DocumentEditor editor(structure_, document, json);
    editor.SetCopySource(out_->original);
    ConversionOutcome outcome;
    for (const ConversionStep& step : steps) {
      ConversionContext context{structure_, object, kind.value, api_version.value, to, editor};
      FindConverter(step.entry->conversion)->convert(context, &outcome);
      if (outcome.needs_person) break;
    }
    const std::string subject = fmt::format("{} {}", api_version.value, kind.value);
    if (outcome.needs_person) {
      NeedsPerson(outcome.reason_offset ? outcome.reason_offset : api_version.begin,
                  fmt::format("{}: {}", subject, outcome.reason));
      return;
    }
    editor.SetScalar(api_version, to);
    if (!editor.problems().empty()) {
      NeedsPerson(api_version.begin, fmt::format("{} cannot be converted in place: {}", subject, editor.problems().front()));
      return;
    }
    if (masked_) {
      for (const Edit& edit : editor.edits()) {
        if (masked_->OverlapsAction(Range{edit.offset, edit.offset + std::max<size_t>(edit.length, 1)})) {
          NeedsPerson(edit.offset, fmt::format("{}: a template action stands in the way of the conversion here; "
                                               "convert it by hand",
                                               subject));
          return;
        }
      }
    }
    if (!edits_.AddAll(editor.edits())) {
      NeedsPerson(api_version.begin, fmt::format("{}: its edits overlap the edits of another object", subject));
      return;
    }
    ++out_->objects_converted;
    for (const std::string& note : outcome.notes) {
      out_->notes.push_back({PositionOf(api_version.begin), fmt::format("{} → {}: {}", subject, to, note)});
    }
  }

  void NeedsPerson(size_t offset, std::string message) {
    out_->needs_person.push_back({PositionOf(offset), std::move(message)});
  }

  // The result must parse and must have lost exactly one finding per converted object.
  // The original's side is the scan that chose the documents to convert.
  void Verify() {
    if (!out_->changed()) return;
    const bool parsed_before = scan_.errors.empty();
    const int before = CountLifecycleFindings(scan_, settings_);
    SourceFile converted(input_.display_path, out_->converted);
    ScanResult after_scan = ScanSource(converted, input_.kind);
    const bool parsed_after = after_scan.errors.empty();
    const int after = CountLifecycleFindings(after_scan, settings_);
    std::string failure;
    if (parsed_before && !parsed_after) {
      failure = "the converted text does not parse";
    } else if (settings_.output_version.empty() && after != before - out_->objects_converted) {
      failure = fmt::format("the converted text still has {} finding{} it should have lost", after - (before - out_->objects_converted),
                            after - (before - out_->objects_converted) == 1 ? "" : "s");
    }
    if (failure.empty()) return;
    out_->converted = out_->original;
    out_->objects_converted = 0;
    out_->notes.clear();
    out_->needs_person.push_back({Position{1, 1}, failure + "; the file is left as it is (please report this)"});
  }

  // Lines are indexed only for a file that has something to say.
  Position PositionOf(size_t offset) {
    if (!lines_) lines_.emplace(out_->original);
    return lines_->PositionOf(offset);
  }

  const InputFile& input_;
  const ConvertSettings& settings_;
  FileConversion* out_;
  std::optional<LineIndex> lines_;
  ScanResult scan_;
  std::optional<MaskedTemplate> masked_;
  std::string_view structure_;
  EditSet edits_;
};

}  // namespace

FileConversion ConvertBytes(const InputFile& input, std::string bytes, const ConvertSettings& settings) {
  FileConversion out;
  out.original = std::move(bytes);
  if (LooksBinary(out.original)) {
    out.converted = out.original;
    out.errors.push_back({input.display_path, {}, "binary file (contains NUL bytes); not converted"});
    return out;
  }
  FileConverter(input, settings, &out).Run();
  return out;
}

}  // namespace kubeshift
