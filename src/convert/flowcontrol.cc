// PriorityLevelConfiguration across the flowcontrol.apiserver.k8s.io versions. A chain
// (v1beta1 → v1beta2 → v1beta3 → v1) runs each step on the ORIGINAL tree, so every step reads
// the shares under either name and the edits of two steps never touch the same bytes:
//   prioritylevel-nominal-shares (v1beta2 → v1beta3): limited.assuredConcurrencyShares is renamed
//     nominalConcurrencyShares (only the key changes).
//   prioritylevel-flowcontrol-v1 (v1beta3 → v1): before v1 an explicit 0 meant the default 30;
//     v1 keeps an explicit 0 (only an unset field becomes 30), so a 0 is written as 30 (only the
//     value changes). A v1beta3 object whose flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares
//     annotation said "0 means 0" keeps its 0, and loses the annotation, which v1 rejects.
// lendablePercent (0), borrowingLimitPercent (none) and the queuing defaults (handSize 8,
// queues 64, queueLengthLimit 50) are the same in every version; FlowSchema only moves.
#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

constexpr std::string_view kPreserveZero = "flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares";

const YamlNode* Limited(const ConversionContext& context) {
  const YamlNode* limited = context.object.Path({"spec", "limited"});
  return limited && limited->IsMap() ? limited : nullptr;
}

// A v1beta3 object that keeps a 0: an unset field must be written as 0, since v1 would
// make it 30.
void KeepZero(const ConversionContext& context, const YamlNode& limited, ConversionOutcome* outcome) {
  const int index = limited.IndexOf("nominalConcurrencyShares");
  if (index >= 0 && !limited.values[static_cast<size_t>(index)].IsNull()) return;
  fields::SetIfUnset(context.editor, limited, "nominalConcurrencyShares", NewValue::Int(0));
  outcome->notes.push_back(fmt::format("wrote nominalConcurrencyShares: 0, which the {} annotation asked for (v1 "
                                       "would default an unset field to 30)",
                                       kPreserveZero));
}

}  // namespace

void ConvertPriorityLevelNominalShares(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* limited = Limited(context);
  if (!limited) return;
  const int assured = limited->IndexOf("assuredConcurrencyShares");
  if (assured < 0) return;
  const int nominal = limited->IndexOf("nominalConcurrencyShares");
  if (nominal >= 0) {
    // Not a field before v1beta3: the API server dropped it, and the assured shares count.
    context.editor.RemoveEntry(*limited, static_cast<size_t>(nominal));
    outcome->notes.push_back("removed nominalConcurrencyShares, which the old version ignored in favour of "
                             "assuredConcurrencyShares");
  }
  context.editor.RenameKey(*limited, static_cast<size_t>(assured), "nominalConcurrencyShares");
}

void ConvertPriorityLevelV1(const ConversionContext& context, ConversionOutcome* outcome) {
  // Only v1beta3 knew the annotation; v1 rejects it whatever the source.
  const bool preserve_zero =
      context.from == "flowcontrol.apiserver.k8s.io/v1beta3" &&
      context.object.Path({"metadata", "annotations", kPreserveZero}) != nullptr;
  if (!fields::RemoveAnnotations(context, {kPreserveZero}).empty()) {
    outcome->notes.push_back(fmt::format("removed the {} annotation, which v1 rejects", kPreserveZero));
  }
  const YamlNode* limited = Limited(context);
  if (!limited) return;
  if (preserve_zero) {
    KeepZero(context, *limited, outcome);
    return;
  }
  int index = limited->IndexOf("assuredConcurrencyShares");  // the tree of a v1beta1/v1beta2 source
  if (index < 0) index = limited->IndexOf("nominalConcurrencyShares");
  if (index < 0) return;
  const YamlNode& shares = limited->values[static_cast<size_t>(index)];
  if (fields::IntValue(&shares) != 0) return;
  context.editor.ReplaceScalar(shares, NewValue::Int(30));
  outcome->notes.push_back("wrote nominalConcurrencyShares: 30: before v1 an explicit 0 meant the default 30 (v1 "
                           "would keep 0)");
}

}  // namespace kubeshift
