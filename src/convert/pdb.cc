// PodDisruptionBudget policy/v1beta1 → policy/v1. The shape is the same; the meaning of an
// EMPTY selector is not: in v1beta1 `selector: {}` matched no pods, in v1 it matches every pod
// of the namespace. Like the internal conversion (and so kubectl-convert), an empty selector
// becomes one that never matches:
//   {matchExpressions: [{key: pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match, operator: Exists}]}
// and the reverse: v1beta1's spelling of "match everything" (the same key with DoesNotExist)
// becomes `{}`. A missing or null selector means the same in both versions and stays.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"
#include "convert/template_lines.h"

namespace kubeshift {
namespace {

constexpr std::string_view kMatchNoneKey = "pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match";

bool IsEmptyCollection(const YamlNode* node) {
  return fields::IsUnset(node) || ((node->IsMap() || node->IsSequence()) && node->values.empty());
}

// A selector with neither labels nor expressions; other keys were never part of a selector
// (the API server dropped them), so they do not make it match anything. In a chart template,
// what an action renders inside it is not known to be empty.
bool IsEmptySelector(std::string_view text, const YamlNode& selector) {
  if (template_lines::HasActionLines(text, selector)) return false;
  return IsEmptyCollection(selector.Get("matchLabels")) && IsEmptyCollection(selector.Get("matchExpressions"));
}

// The one expression `{key: kMatchNoneKey, operator: DoesNotExist}` and nothing else.
bool IsMatchAllMarker(const YamlNode& selector) {
  const YamlNode* expressions = selector.Get("matchExpressions");
  if (!IsEmptyCollection(selector.Get("matchLabels")) || !expressions || !expressions->IsSequence() ||
      expressions->values.size() != 1) {
    return false;
  }
  const YamlNode& expression = expressions->values.front();
  return expression.IsMap() && expression.Get("key") && expression.Get("key")->Text() == kMatchNoneKey &&
         expression.Get("operator") && expression.Get("operator")->Text() == "DoesNotExist" &&
         IsEmptyCollection(expression.Get("values"));
}

NewValue MatchNoneExpression() {
  return NewValue::Map({{"key", NewValue::String(kMatchNoneKey)}, {"operator", NewValue::String("Exists")}});
}

// Whether a comment follows the flow collection starting at \a begin on its line.
bool CommentFollows(std::string_view text, size_t begin) {
  const size_t close = text.find_first_of("}]", begin);
  const size_t line_end = text.find('\n', begin);
  if (close == std::string_view::npos) return false;
  const size_t end = line_end == std::string_view::npos ? text.size() : line_end;
  return close < end && text.substr(close, end - close).find('#') != std::string_view::npos;
}

// Adds the never-matching expression to an empty selector, in the style around it: a `{}` in
// block YAML becomes a block mapping (unless a comment on its line would be lost); flow
// selectors and JSON get it inline.
void WriteMatchNone(const ConversionContext& context, const YamlNode& spec, size_t index) {
  const YamlNode& selector = spec.values[index];
  const NewValue expressions = NewValue::Sequence({MatchNoneExpression()});
  DocumentEditor& editor = context.editor;
  const int existing = selector.IndexOf("matchExpressions");
  if (existing >= 0) {
    const YamlNode& list = selector.values[static_cast<size_t>(existing)];
    if (list.IsSequence() && list.flow) {
      editor.AddItem(list, MatchNoneExpression());
    } else {
      editor.ReplaceEntry(selector, static_cast<size_t>(existing), "matchExpressions", expressions);
    }
  } else if (selector.keys.empty() && !spec.flow && !CommentFollows(context.text, selector.begin)) {
    editor.ReplaceEntry(spec, index, "selector", NewValue::Map({{"matchExpressions", expressions}}));
  } else {
    editor.AddEntry(selector, "matchExpressions", expressions);
  }
}

}  // namespace

void ConvertPodDisruptionBudget(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (!spec || !spec->IsMap()) return;
  const int index = spec->IndexOf("selector");
  if (index < 0) return;
  const YamlNode& selector = spec->values[static_cast<size_t>(index)];
  if (!selector.IsMap()) return;  // null: no selector in either version
  if (IsEmptySelector(context.text, selector)) {
    WriteMatchNone(context, *spec, static_cast<size_t>(index));
    outcome->notes.push_back(fmt::format(
        "spec.selector is empty: in policy/v1beta1 that selected no pods, in policy/v1 it selects every pod of the "
        "namespace; wrote kubectl-convert's never-matching selector ({} Exists) so the budget still covers "
        "nothing. Give it a real selector, or delete it",
        kMatchNoneKey));
  } else if (IsMatchAllMarker(selector)) {
    context.editor.ReplaceEntry(*spec, static_cast<size_t>(index), "selector", NewValue::Map());
    outcome->notes.push_back(
        fmt::format("spec.selector ({} DoesNotExist) is policy/v1beta1's way of selecting every "
                    "pod; wrote selector: {{}}, which means that in policy/v1",
                    kMatchNoneKey));
  }
}

}  // namespace kubeshift
