// Tests of src/report/sarif_reporter.cc, including validation against the OASIS schema.
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>

#include "catch.h"
#include "test_files.h"
#include "report_fixtures.h"
#include "kubeshift/report.h"
#include "kubeshift/rules.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

// Two findings in two files (one from a chart, with a source), an unreadable file (line 0)
// and a parse error with a position.
CheckReport SampleReport() {
  CheckReport report;
  report.tool_version = "0.1.0";
  report.targets = {{"kubernetes", {1, 25}}, {"cert-manager", {1, 6}}};
  report.files = 4;
  report.documents = 7;
  report.resources = 6;
  Finding hpa;
  hpa.rule = "deprecated-api";
  hpa.severity = Severity::kWarning;
  hpa.file = "charts/app/templates/hpa.yaml";
  hpa.position = {1, 13};
  hpa.api_version = "autoscaling/v2beta2";
  hpa.kind = "HorizontalPodAutoscaler";
  hpa.name = "app";
  hpa.component = "kubernetes";
  hpa.replacement = "autoscaling/v2";
  hpa.deprecated_in = Version{1, 23};
  hpa.removed_in = Version{1, 26};
  hpa.message = "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed "
                "in 1.26; use autoscaling/v2";
  hpa.source = "app/templates/hpa.yaml";
  Finding ingress;
  ingress.rule = "removed-api";
  ingress.severity = Severity::kError;
  ingress.file = "deploy/ingress.yaml";
  ingress.position = {3, 13};
  ingress.api_version = "extensions/v1beta1";
  ingress.kind = "Ingress";
  ingress.name = "web";
  ingress.namespace_ = "shop";
  ingress.component = "kubernetes";
  ingress.replacement = "networking.k8s.io/v1";
  ingress.deprecated_in = Version{1, 14};
  ingress.removed_in = Version{1, 22};
  ingress.message = "extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1";
  report.findings = {hpa, ingress};
  report.errors = {{"broken.yaml", {0, 0}, "cannot read file: permission denied"},
                   {"deploy/ingress.yaml", {9, 5}, "mapping values are not allowed here"}};
  return report;
}

std::string Sarif(const CheckReport& report) {
  std::ostringstream out;
  WriteReport(OutputFormat::kSarif, report, ReportOptions(), out);
  return out.str();
}

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

std::string Pretty(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  value.Accept(writer);
  return std::string(buffer.GetString()) + "\n";
}

// RapidJSON 1.1.0 copies "enum" values with the schema's allocator and never frees them, so
// a pool allocator (released as a whole) keeps LeakSanitizer quiet.
using SchemaDocument =
    rapidjson::GenericSchemaDocument<rapidjson::Value, rapidjson::MemoryPoolAllocator<>>;
using SchemaValidator = rapidjson::GenericSchemaValidator<SchemaDocument>;

rapidjson::Document LoadSchemaJson() {
  rapidjson::Document document;
  document.Parse(
      ReadFile(KUBESHIFT_SOURCE_DIR "/testdata/conformance/sarif-schema-2.1.0.json").c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

// The OASIS schema, loaded once: parsing 110 KB for every case would be wasted time.
const SchemaDocument& SarifSchema() {
  static const rapidjson::Document json = LoadSchemaJson();
  static const SchemaDocument schema(json);
  return schema;
}

// Empty when \a document is valid, else where and why the schema rejects it.
std::string SchemaViolation(const rapidjson::Document& document) {
  SchemaValidator validator(SarifSchema());
  if (document.Accept(validator)) return "";
  rapidjson::StringBuffer document_pointer;
  rapidjson::StringBuffer schema_pointer;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(document_pointer);
  validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_pointer);
  return std::string("document ") + document_pointer.GetString() + " fails '" +
         validator.GetInvalidSchemaKeyword() + "' at schema " + schema_pointer.GetString();
}

TEST_CASE("sarif: rules come from the registry, results point into them", "[report][sarif]") {
  rapidjson::Document sarif = Parse(Sarif(SampleReport()));
  const rapidjson::Value& run = sarif["runs"][0];
  const rapidjson::Value& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.Size() == AllRules().size());
  for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
    const RuleDescription& rule = AllRules()[i];
    CHECK(rules[i]["id"].GetString() == rule.id);
    CHECK(rules[i]["shortDescription"]["text"].GetString() == rule.summary);
    std::string level = rule.severity == Severity::kError     ? "error"
                        : rule.severity == Severity::kWarning ? "warning"
                                                              : "note";
    CHECK(rules[i]["defaultConfiguration"]["level"].GetString() == level);
  }
  for (const rapidjson::Value& result : run["results"].GetArray()) {
    REQUIRE(result.HasMember("ruleIndex"));
    int index = result["ruleIndex"].GetInt();
    REQUIRE(index >= 0);
    REQUIRE(index < static_cast<int>(rules.Size()));
    CHECK(std::string(rules[index]["id"].GetString()) == result["ruleId"].GetString());
  }
}

// The rest of the log, exactly. Rules and rule indices depend on the registry's order and
// wording, so the case above checks them and this one removes them.
TEST_CASE("sarif: the log for the sample report", "[report][sarif]") {
  rapidjson::Document sarif = Parse(Sarif(SampleReport()));
  rapidjson::Value& run = sarif["runs"][0];
  run["tool"]["driver"].EraseMember("rules");  // Erase keeps the member order
  for (rapidjson::Value& result : run["results"].GetArray()) result.EraseMember("ruleIndex");
  CHECK(Pretty(sarif) == R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "kubeshift",
          "version": "0.1.0",
          "informationUri": "https://github.com/kubeshift/kubeshift"
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "deprecated-api",
          "level": "warning",
          "message": {
            "text": "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in 1.23 and removed in 1.26; use autoscaling/v2"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "charts/app/templates/hpa.yaml"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 13
                }
              }
            }
          ],
          "partialFingerprints": {
            "kubeshift/v1": "ccb8cbc05bbe69cd"
          }
        },
        {
          "ruleId": "removed-api",
          "level": "error",
          "message": {
            "text": "extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/ingress.yaml"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 13
                }
              }
            }
          ],
          "partialFingerprints": {
            "kubeshift/v1": "88bce56ce55b145c"
          }
        },
        {
          "ruleId": "parse-error",
          "level": "error",
          "message": {
            "text": "cannot read file: permission denied"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "broken.yaml"
                }
              }
            }
          ],
          "partialFingerprints": {
            "kubeshift/v1": "1d82dbc41ff2742e"
          }
        },
        {
          "ruleId": "parse-error",
          "level": "error",
          "message": {
            "text": "mapping values are not allowed here"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/ingress.yaml"
                },
                "region": {
                  "startLine": 9,
                  "startColumn": 5
                }
              }
            }
          ],
          "partialFingerprints": {
            "kubeshift/v1": "af672e4d6d3b417c"
          }
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("sarif: output validates against the SARIF 2.1.0 schema", "[report][sarif]") {
  CHECK(SchemaViolation(Parse(Sarif(SampleReport()))) == "");
  CheckReport empty;
  CHECK(SchemaViolation(Parse(Sarif(empty))) == "");
}

TEST_CASE("sarif: the schema check rejects broken logs", "[report][sarif]") {
  rapidjson::Document no_version = Parse(Sarif(SampleReport()));
  no_version.RemoveMember("version");
  CHECK(SchemaViolation(no_version) != "");

  rapidjson::Document line_zero = Parse(Sarif(SampleReport()));
  line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
      .SetInt(0);
  CHECK(SchemaViolation(line_zero).find("minimum") != std::string::npos);

  rapidjson::Document bad_level = Parse(Sarif(SampleReport()));
  bad_level["runs"][0]["results"][0]["level"].SetString("info");
  CHECK(SchemaViolation(bad_level) != "");
}

std::string UriOf(const std::string& file) {
  CheckReport report;
  report.errors = {{file, {1, 1}, "x"}};
  rapidjson::Document sarif = Parse(Sarif(report));
  return sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
              ["uri"]
                  .GetString();
}

TEST_CASE("sarif: file paths become relative URI references", "[report][sarif]") {
  CHECK(UriOf("deploy/app.yaml") == "deploy/app.yaml");
  CHECK(UriOf("./deploy/app.yaml") == "deploy/app.yaml");
  CHECK(UriOf("<stdin>") == "stdin");
  CHECK(UriOf("my dir/100%#1?.yaml") == "my%20dir/100%25%231%3F.yaml");
  CHECK(UriOf("d\xC3\xA9ploy/a\"b<c>.yaml") == "d%C3%A9ploy/a%22b%3Cc%3E.yaml");
  CHECK(UriOf("C:\\charts\\x.yaml") == "C%3A/charts/x.yaml");
  CHECK(UriOf("a|b,c;d=e@f.yaml") == "a%7Cb,c;d=e@f.yaml");
}

TEST_CASE("sarif: messages are JSON-escaped and still validate", "[report][sarif]") {
  CheckReport report;
  report.errors = {{"we ird.yaml", {2, 1}, "quote \" newline\n pipe | 100% <x> \xC3\xA9\xFF"}};
  std::string text = Sarif(report);
  CHECK(text.find(R"("text": "quote \" newline\n pipe | 100% <x> )"
                  "\xC3\xA9\xEF\xBF\xBD\"") != std::string::npos);
  CHECK(SchemaViolation(Parse(text)) == "");
}

TEST_CASE("sarif: fingerprints are stable and tell resources apart", "[report][sarif]") {
  auto fingerprint = [](const Finding& finding) {
    CheckReport report;
    report.findings = {finding};
    rapidjson::Document sarif = Parse(Sarif(report));
    return std::string(
        sarif["runs"][0]["results"][0]["partialFingerprints"]["kubeshift/v1"].GetString());
  };
  Finding finding = SampleReport().findings[1];
  std::string original = fingerprint(finding);
  CHECK(original.size() == 16);
  finding.position = {30, 1};  // moving the object does not change its identity
  finding.message = "other wording";
  CHECK(fingerprint(finding) == original);
  finding.name = "api";
  CHECK(fingerprint(finding) != original);
}

using testing::RenderError;

TEST_CASE("sarif: a render-error points into the registry and validates", "[report][sarif]") {
  CheckReport report;
  report.findings = {RenderError()};
  const std::string log = Sarif(report);
  CHECK(log.find(R"("ruleId": "render-error")") != std::string::npos);
  rapidjson::Document document;
  document.Parse(log.c_str());
  REQUIRE(!document.HasParseError());
  CHECK(SchemaViolation(document).empty());
}

}  // namespace
}  // namespace kubeshift
