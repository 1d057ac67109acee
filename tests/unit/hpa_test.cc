// The hpa-autoscaling-v2 converter (src/convert/hpa.cc): v2beta1 metrics reshaped in place,
// the behavior annotation, the round-trip annotations.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;
using testing::Joined;

const std::string kHead =
    "kind: HorizontalPodAutoscaler\n"
    "metadata:\n"
    "  name: h\n";
const std::string kSpec =
    "spec:\n"
    "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n"
    "  maxReplicas: 3\n";

std::string V2beta1(const std::string& rest) { return "apiVersion: autoscaling/v2beta1\n" + kHead + rest; }
std::string V2(const std::string& rest) { return "apiVersion: autoscaling/v2\n" + kHead + rest; }

TEST_CASE("hpa: neighbours of a flow mapping are moved without overlapping edits", "[hpa]") {
  const std::string metrics =
      "  metrics:\n"
      "  - type: External\n"
      "    external: {metricName: q, targetValue: 5, metricSelector: {matchLabels: {a: b}}, targetAverageValue: 2}\n";
  const FileConversion result = ConvertText(V2beta1(kSpec + metrics));
  CHECK(result.needs_person.empty());
  CHECK(result.converted ==
        V2(kSpec +
           "  metrics:\n"
           "  - type: External\n"
           "    external: {metric: {name: q, selector: {matchLabels: {a: b}}}, target: {type: Value, value: 5, "
           "averageValue: 2}}\n"));
}

TEST_CASE("hpa: the target type follows the v2beta1 fields present", "[hpa]") {
  // Both resource targets: Utilization wins. An object with only averageValue: AverageValue,
  // and no value of "0" is invented (v2 would reject it).
  const std::string metrics =
      "  metrics:\n"
      "  - type: Resource\n"
      "    resource:\n"
      "      name: cpu\n"
      "      targetAverageValue: 100m\n"
      "      targetAverageUtilization: 50\n"
      "  - type: Object\n"
      "    object:\n"
      "      target: {kind: Service, name: s}\n"
      "      metricName: m\n"
      "      averageValue: 3\n";
  CHECK(ConvertText(V2beta1(kSpec + metrics)).converted ==
        V2(kSpec +
           "  metrics:\n"
           "  - type: Resource\n"
           "    resource:\n"
           "      name: cpu\n"
           "      target:\n"
           "        type: Utilization\n"
           "        averageUtilization: 50\n"
           "        averageValue: 100m\n"
           "  - type: Object\n"
           "    object:\n"
           "      describedObject: {kind: Service, name: s}\n"
           "      metric:\n"
           "        name: m\n"
           "      target:\n"
           "        type: AverageValue\n"
           "        averageValue: 3\n"));
}

TEST_CASE("hpa: a null selector goes without a trace", "[hpa]") {
  const std::string metrics =
      "  metrics:\n"
      "  - type: Pods\n"
      "    pods:\n"
      "      metricName: rps\n"
      "      selector: null\n"
      "      targetAverageValue: 1\n";
  CHECK(ConvertText(V2beta1(kSpec + metrics)).converted ==
        V2(kSpec +
           "  metrics:\n"
           "  - type: Pods\n"
           "    pods:\n"
           "      metric:\n"
           "        name: rps\n"
           "      target:\n"
           "        type: AverageValue\n"
           "        averageValue: 1\n"));
}

TEST_CASE("hpa: no metrics means cpu at 80% in both versions, so nothing is written", "[hpa]") {
  const FileConversion result = ConvertText(V2beta1(kSpec));
  CHECK(result.converted == V2(kSpec));
  CHECK(result.notes.empty());
}

TEST_CASE("hpa: the behavior annotation's Go field names match without regard to case", "[hpa]") {
  const std::string text = V2beta1(
      "  annotations:\n"
      "    autoscaling.alpha.kubernetes.io/behavior: '{\"SCALEUP\":{\"policies\":null,\"Unknown\":1,"
      "\"selectpolicy\":\"Max\",\"SelectPolicy\":\"Min\"},\"scaleDown\":{\"Policies\":[null,"
      "{\"type\":\"Percent\",\"value\":10,\"periodSeconds\":60}]}}'\n" +
      kSpec);
  const FileConversion result = ConvertText(text);
  // Unknown fields are ignored, null ones are unset, the last duplicate wins, a null policy is
  // an empty one (as encoding/json decodes them).
  CHECK(result.converted == V2(kSpec +
                               "  behavior:\n"
                               "    scaleUp:\n"
                               "      selectPolicy: Min\n"
                               "    scaleDown:\n"
                               "      policies:\n"
                               "        - {}\n"
                               "        - type: Percent\n"
                               "          value: 10\n"
                               "          periodSeconds: 60\n"));
  CHECK(Joined(result.notes).find("moved the autoscaling.alpha.kubernetes.io/behavior annotation into spec.behavior") !=
        std::string::npos);
}

TEST_CASE("hpa: a malformed or empty behavior annotation is dropped, as upstream does", "[hpa]") {
  for (const std::string json : {"not json", "{}", "{\"ScaleUp\":null}", "{\"ScaleUp\":{\"StabilizationWindowSeconds\":\"60\"}}",
                                 "{\"ScaleDown\":{\"Policies\":[{\"Value\":1.5}]}}", "[1]"}) {
    INFO(json);
    const FileConversion result =
        ConvertText(V2beta1("  annotations:\n    autoscaling.alpha.kubernetes.io/behavior: '" + json + "'\n" + kSpec));
    CHECK(result.converted == V2(kSpec));
    CHECK(Joined(result.notes).find("dropped the autoscaling.alpha.kubernetes.io/behavior annotation") !=
          std::string::npos);
  }
}

TEST_CASE("hpa: round-trip annotations go, other annotations stay", "[hpa]") {
  const std::string text = V2beta1(
      "  annotations:\n"
      "    autoscaling.alpha.kubernetes.io/metrics: '[]'\n"
      "    team: a\n"
      "    autoscaling.alpha.kubernetes.io/current-metrics: '[]'\n" +
      kSpec);
  const FileConversion result = ConvertText(text);
  CHECK(result.converted == V2("  annotations:\n    team: a\n" + kSpec));
  CHECK(Joined(result.notes).find("removed the round-trip annotations autoscaling.alpha.kubernetes.io/metrics and "
                                  "autoscaling.alpha.kubernetes.io/current-metrics") != std::string::npos);
}

TEST_CASE("hpa: a spec.behavior in v2beta1 is left to a person", "[hpa]") {
  const std::string text = V2beta1(kSpec + "  behavior: {scaleDown: {selectPolicy: Min}}\n");
  const FileConversion result = ConvertText(text);
  CHECK(result.converted == text);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find("spec.behavior is not a field of autoscaling/v2beta1") != std::string::npos);
  CHECK(result.needs_person[0].position.line == 8);
}

TEST_CASE("hpa: a ContainerResource keeps its container, with a note", "[hpa]") {
  const std::string metrics =
      "  metrics:\n"
      "  - type: ContainerResource\n"
      "    containerResource: {name: memory, container: app, targetAverageValue: 1Gi}\n";
  const FileConversion result = ConvertText(V2beta1(kSpec + metrics));
  CHECK(result.converted == V2(kSpec +
                               "  metrics:\n"
                               "  - type: ContainerResource\n"
                               "    containerResource: {name: memory, container: app, target: {type: AverageValue, "
                               "averageValue: 1Gi}}\n"));
  CHECK(Joined(result.notes).find("kept containerResource.container") != std::string::npos);
}

TEST_CASE("hpa: autoscaling/v2beta2 is not reshaped", "[hpa]") {
  const std::string spec = kSpec +
                           "  metrics:\n"
                           "  - type: Resource\n"
                           "    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}\n";
  CHECK(ConvertText("apiVersion: autoscaling/v2beta2\n" + kHead + spec).converted == V2(spec));
}

}  // namespace
}  // namespace kubeshift
