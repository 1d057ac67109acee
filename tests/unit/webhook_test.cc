// The webhook-admissionregistration-v1 converter (src/convert/webhook.cc): v1beta1 defaults
// written out, sideEffects and duplicate names left to a person.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

const std::string kHead =
    "kind: ValidatingWebhookConfiguration\n"
    "metadata:\n"
    "  name: w\n"
    "webhooks:\n";

std::string V1beta1(const std::string& webhooks) {
  return "apiVersion: admissionregistration.k8s.io/v1beta1\n" + kHead + webhooks;
}
std::string V1(const std::string& webhooks) { return "apiVersion: admissionregistration.k8s.io/v1\n" + kHead + webhooks; }

const std::string kComplete =
    "- name: a.example.com\n"
    "  clientConfig: {url: 'https://a.example.com/'}\n"
    "  sideEffects: None\n"
    "  failurePolicy: Fail\n"
    "  matchPolicy: Equivalent\n"
    "  timeoutSeconds: 10\n"
    "  admissionReviewVersions: [v1]\n";

TEST_CASE("webhook: a webhook that says everything only changes its apiVersion", "[webhook]") {
  const FileConversion result = ConvertText(V1beta1(kComplete));
  CHECK(result.converted == V1(kComplete));
  CHECK(result.notes.empty());
  CHECK(result.needs_person.empty());
}

TEST_CASE("webhook: null and empty fields get v1beta1's defaults in place", "[webhook]") {
  const std::string webhook =
      "- name: a.example.com\n"
      "  clientConfig: {url: 'https://a.example.com/'}\n"
      "  sideEffects: NoneOnDryRun\n"
      "  timeoutSeconds: ~\n"
      "  matchPolicy: null\n"
      "  admissionReviewVersions: []\n"
      "  failurePolicy: Fail\n";
  const FileConversion result = ConvertText(V1beta1(webhook));
  CHECK(result.converted == V1("- name: a.example.com\n"
                               "  clientConfig: {url: 'https://a.example.com/'}\n"
                               "  sideEffects: NoneOnDryRun\n"
                               "  timeoutSeconds: 30\n"
                               "  matchPolicy: Exact\n"
                               "  admissionReviewVersions:\n"
                               "  - v1beta1\n"
                               "  failurePolicy: Fail\n"));
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].text ==
        "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration → admissionregistration.k8s.io/v1: "
        "webhook 'a.example.com': wrote the v1beta1 defaults it relied on: matchPolicy: Exact (v1 would default to "
        "Equivalent), timeoutSeconds: 30 (v1 would default to 10) and admissionReviewVersions: [v1beta1] (required "
        "in v1)");
}

TEST_CASE("webhook: sideEffects other than None or NoneOnDryRun needs a person", "[webhook]") {
  for (const std::string side_effects : {"", "  sideEffects: Unknown\n", "  sideEffects: Some\n", "  sideEffects:\n"}) {
    INFO(side_effects);
    const std::string text = V1beta1("- name: a.example.com\n  clientConfig: {url: 'https://a.example.com/'}\n" +
                                     side_effects);
    const FileConversion result = ConvertText(text);
    CHECK(result.converted == text);
    REQUIRE(result.needs_person.size() == 1);
    CHECK(result.needs_person[0].text.find("declare the webhook's side effects") != std::string::npos);
    // At the value when there is one, else at the webhook.
    CHECK(result.needs_person[0].position.line == (side_effects.find("Unknown") != std::string::npos ||
                                                           side_effects.find("Some") != std::string::npos
                                                       ? 8
                                                       : 6));
  }
}

TEST_CASE("webhook: a name used twice needs a person", "[webhook]") {
  const std::string text = V1beta1(kComplete + kComplete);
  const FileConversion result = ConvertText(text);
  CHECK(result.converted == text);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find("the webhook name 'a.example.com' is used twice") != std::string::npos);
  CHECK(result.needs_person[0].position.line == 13);
}

TEST_CASE("webhook: a configuration without webhooks only moves", "[webhook]") {
  const std::string text = "apiVersion: admissionregistration.k8s.io/v1beta1\nkind: MutatingWebhookConfiguration\n"
                           "metadata: {name: empty}\n";
  CHECK(ConvertText(text).converted ==
        "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: empty}\n");
}

TEST_CASE("webhook: notes are per webhook and name what was written", "[webhook]") {
  const std::string text = V1beta1(kComplete +
                                   "- name: b.example.com\n"
                                   "  clientConfig: {url: 'https://b.example.com/'}\n"
                                   "  sideEffects: None\n"
                                   "  admissionReviewVersions: [v1]\n");
  const FileConversion result = ConvertText(text);
  REQUIRE(result.notes.size() == 1);
  CHECK(Joined(result.notes).find("webhook 'b.example.com': wrote the v1beta1 defaults it relied on: failurePolicy: "
                                  "Ignore (v1 would default to Fail), matchPolicy: Exact (v1 would default to "
                                  "Equivalent) and timeoutSeconds: 30 (v1 would default to 10)") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
