// The event-events-v1 converter (src/convert/event.cc): same fields; what v1 refuses to create
// is left to a person.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

const std::string kEvent =
    "kind: Event\n"
    "metadata: {name: e, namespace: default}\n"
    "eventTime: \"2021-06-01T10:00:00.000000Z\"\n"
    "reportingController: example.com/c\n"
    "reportingInstance: c-1\n"
    "action: A\n"
    "reason: R\n";

std::string V1beta1(const std::string& rest) { return "apiVersion: events.k8s.io/v1beta1\n" + kEvent + rest; }

void CheckRefused(const std::string& rest, const std::string& message, int line) {
  INFO(rest);
  const FileConversion result = ConvertText(V1beta1(rest));
  CHECK(result.converted == V1beta1(rest));
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find(message) != std::string::npos);
  CHECK(result.needs_person[0].position.line == line);
}

TEST_CASE("event: a valid Event only changes its apiVersion", "[event]") {
  const std::string rest = "type: Warning\nseries: {count: 2, lastObservedTime: \"2021-06-01T10:05:00.000000Z\"}\n"
                           "deprecatedCount: 0\ndeprecatedSource: {}\ndeprecatedFirstTimestamp: null\n";
  const FileConversion result = ConvertText(V1beta1(rest));
  CHECK(result.converted == "apiVersion: events.k8s.io/v1\n" + kEvent + rest);
  CHECK(result.needs_person.empty());
}

TEST_CASE("event: what events.k8s.io/v1 refuses to create needs a person", "[event]") {
  CheckRefused("type: Normal\ndeprecatedLastTimestamp: \"2021-06-01T10:00:00Z\"\n", "deprecatedLastTimestamp set", 10);
  CheckRefused("type: Normal\ndeprecatedSource: {host: node-1}\n", "deprecatedSource set", 10);
  CheckRefused("type: Info\n", "type Normal or Warning", 9);
  CheckRefused("", "type Normal or Warning", 1);
  CheckRefused("type: Normal\nseries: {count: 1, lastObservedTime: \"2021-06-01T10:05:00.000000Z\"}\n",
               "series.count of at least 2", 10);
  CheckRefused("type: Normal\nseries: {count: 5}\n", "series.lastObservedTime", 10);
}

TEST_CASE("event: an Event without eventTime needs a person", "[event]") {
  const std::string text = "apiVersion: events.k8s.io/v1beta1\nkind: Event\nmetadata: {name: e}\ntype: Normal\n";
  const FileConversion result = ConvertText(text);
  CHECK(result.converted == text);
  REQUIRE(result.needs_person.size() == 1);
  CHECK(result.needs_person[0].text.find("requires eventTime") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
