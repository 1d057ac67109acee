// CertificateSigningRequest certificates.k8s.io/v1beta1 → v1.
//   spec.signerName is required in v1, and v1 refuses kubernetes.io/legacy-unknown. v1beta1
//     filled an absent one in by parsing the PEM request (kubelet client or serving CSRs got
//     their kubelet signers, anything else legacy-unknown). We do not guess a signer: an
//     absent or legacy-unknown signerName is a person's choice.
//   spec.usages is required in v1; v1beta1 defaulted an absent or empty list to
//     [digital signature, key encipherment], which is written out. v1 also rejects duplicate
//     and unknown usages, which v1beta1 accepted: those are left to a person.
//   status.conditions[*].status defaulted to "True" in v1beta1 and is required in v1.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "convert/converter_functions.h"
#include "convert/field_helpers.h"

namespace kubeshift {
namespace {

constexpr std::string_view kKnownUsages[] = {
    "signing",         "digital signature", "content commitment", "key encipherment", "key agreement",
    "data encipherment", "cert sign",       "crl sign",           "encipher only",    "decipher only",
    "any",             "server auth",       "client auth",        "code signing",     "email protection",
    "s/mime",          "ipsec end system",  "ipsec tunnel",       "ipsec user",       "timestamping",
    "ocsp signing",    "microsoft sgc",     "netscape sgc"};

bool NeedsPerson(ConversionOutcome* outcome, std::string reason, size_t offset) {
  outcome->needs_person = true;
  outcome->reason = std::move(reason);
  outcome->reason_offset = offset;
  return true;
}

bool SignerProblem(const YamlNode& spec, ConversionOutcome* outcome) {
  const YamlNode* signer = spec.Get("signerName");
  if (fields::IsUnset(signer) || signer->Text().empty()) {
    return NeedsPerson(outcome,
                       "spec.signerName is required in certificates.k8s.io/v1 (v1beta1 guessed it from the request); "
                       "choose the signer, e.g. kubernetes.io/kube-apiserver-client, "
                       "kubernetes.io/kube-apiserver-client-kubelet or kubernetes.io/kubelet-serving",
                       signer ? signer->begin : spec.begin);
  }
  if (signer->Text() == "kubernetes.io/legacy-unknown") {
    return NeedsPerson(outcome,
                       "certificates.k8s.io/v1 does not accept requests for kubernetes.io/legacy-unknown; choose "
                       "the signer that should issue this certificate",
                       signer->begin);
  }
  return false;
}

bool UsagesProblem(const YamlNode* usages, ConversionOutcome* outcome) {
  if (!usages || !usages->IsSequence()) return false;
  std::set<std::string> seen;
  for (const YamlNode& usage : usages->values) {
    const std::string_view text = usage.Text();
    if (std::find(std::begin(kKnownUsages), std::end(kKnownUsages), text) == std::end(kKnownUsages)) {
      return NeedsPerson(outcome, fmt::format("certificates.k8s.io/v1 does not know the usage '{}'", text), usage.begin);
    }
    if (!seen.insert(std::string(text)).second) {
      return NeedsPerson(outcome, fmt::format("certificates.k8s.io/v1 rejects the duplicate usage '{}'", text),
                         usage.begin);
    }
  }
  return false;
}

void WriteUsages(const ConversionContext& context, const YamlNode& spec, ConversionOutcome* outcome) {
  const int index = spec.IndexOf("usages");
  const NewValue defaults =
      NewValue::Sequence({NewValue::String("digital signature"), NewValue::String("key encipherment")});
  if (index < 0) {
    context.editor.AddEntry(spec, "usages", defaults);
  } else {
    const YamlNode& usages = spec.values[static_cast<size_t>(index)];
    if (!usages.IsNull() && !(usages.IsSequence() && usages.values.empty())) return;
    context.editor.ReplaceEntry(spec, static_cast<size_t>(index), "usages", defaults);
  }
  outcome->notes.push_back("wrote usages: [digital signature, key encipherment], v1beta1's default (v1 requires "
                           "usages)");
}

void WriteConditionStatus(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* conditions = context.object.Path({"status", "conditions"});
  if (!conditions || !conditions->IsSequence()) return;
  bool wrote = false;
  for (const YamlNode& condition : conditions->values) {
    if (condition.IsMap() && fields::SetIfUnset(context.editor, condition, "status", NewValue::String("True"))) {
      wrote = true;
    }
  }
  if (wrote) outcome->notes.push_back("wrote status: \"True\" in conditions without one, v1beta1's default");
}

}  // namespace

void ConvertCertificateSigningRequest(const ConversionContext& context, ConversionOutcome* outcome) {
  const YamlNode* spec = context.object.Get("spec");
  if (!spec || !spec->IsMap()) return;
  if (SignerProblem(*spec, outcome) || UsagesProblem(spec->Get("usages"), outcome)) return;
  WriteUsages(context, *spec, outcome);
  WriteConditionStatus(context, outcome);
}

}  // namespace kubeshift
