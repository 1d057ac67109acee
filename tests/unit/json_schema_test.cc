// Runs the data-driven cases of testdata/json-schema/*.txt through the JSON Schema validator.
//
// File format: a case starts with "=== NAME"; its sections start with a header line:
//   --- schema         the schema document (JSON)
//   --- instance       the values, YAML read as Helm reads values (every number a float64)
//   --- instance-go    the values, YAML with ints kept (what --set produces)
//   --- valid          (no body) the values pass
//   --- errors         the exact violation text Helm prints ("- at '/x': reason" lines)
//   --- unresolved     the exact notes on what was not validated (ValidationResult::not_validated)
//   --- schema-error   a substring of the expected schema error
// A section's text is its lines joined by "\n", trailing blank lines dropped. Lines starting
// with "#" before the first case are comments.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "data_cases.h"
#include "kubeshift/json_schema.h"
#include "kubeshift/template_data.h"

namespace kubeshift::jsonschema {
namespace {

struct Case {
  std::string file;
  std::string name;
  int line = 0;
  std::string schema, instance, errors, unresolved, schema_error;
  bool instance_go = false, valid = false, has_errors = false, has_unresolved = false;
};

std::string Join(const std::vector<std::string>& lines) {
  size_t n = lines.size();
  while (n > 0 && lines[n - 1].empty()) --n;
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i > 0 ? "\n" : "") + lines[i];
  return out;
}

std::vector<Case> LoadCases(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line, section;
  std::vector<std::string> body;
  int line_number = 0;
  auto flush = [&] {
    if (cases.empty() || section.empty()) return;
    Case& c = cases.back();
    const std::string text = Join(body);
    if (section == "schema") c.schema = text;
    else if (section == "instance" || section == "instance-go") c.instance = text, c.instance_go = section == "instance-go";
    else if (section == "valid") c.valid = true;
    else if (section == "errors") c.errors = text, c.has_errors = true;
    else if (section == "unresolved") c.unresolved = text, c.has_unresolved = true;
    else if (section == "schema-error") c.schema_error = text;
    body.clear();
    section.clear();
  };
  static const std::vector<std::string> kSections = {"schema", "instance", "instance-go", "valid",
                                                     "errors", "unresolved", "schema-error"};
  while (std::getline(in, line)) {
    ++line_number;
    if (line.starts_with("=== ")) {
      flush();
      Case c;
      c.file = path.filename().string();
      c.name = line.substr(4);
      c.line = line_number;
      cases.push_back(std::move(c));
      continue;
    }
    if (line.starts_with("--- ") && std::find(kSections.begin(), kSections.end(), line.substr(4)) != kSections.end()) {
      flush();
      section = line.substr(4);
      continue;
    }
    if (!section.empty()) body.push_back(line);
  }
  flush();
  return cases;
}

// Runs one case; returns "" when it passes, else a description of the failure.
std::string Run(const Case& c) {
  if (c.valid + c.has_errors + !c.schema_error.empty() != 1) return "needs exactly one of valid, errors, schema-error";
  Schema schema;
  SchemaError parse_error;
  if (!Schema::Parse(c.schema, &schema, &parse_error)) return "schema does not parse: " + parse_error.message;
  tmpl::Value instance;
  std::string message;
  if (!tmpl::ValueFromYaml(c.instance, c.instance_go ? tmpl::NumberMode::kYaml : tmpl::NumberMode::kJson, &instance,
                           &message)) {
    return "bad instance: " + message;
  }
  const ValidationResult result = schema.Validate(instance);
  if (!c.schema_error.empty()) {
    if (result.schema_error.find(c.schema_error) == std::string::npos) {
      return "schema error [" + result.schema_error + "] lacks [" + c.schema_error + "]";
    }
    return "";
  }
  if (!result.schema_error.empty()) return "unexpected schema error: " + result.schema_error;
  std::string got = FormatViolations(result.violations);
  if (!got.empty()) got.pop_back();
  if (c.valid && !got.empty()) return "expected valid, got:\n" + got;
  if (c.has_errors && got != c.errors) return "errors:\n" + got + "\nexpected:\n" + c.errors;
  std::string notes;
  for (const std::string& n : result.not_validated) notes += (notes.empty() ? "" : "\n") + n;
  if (notes != c.unresolved) return "unresolved:\n" + notes + "\nexpected:\n" + c.unresolved;
  return "";
}

TEST_CASE("json schema data-driven cases", "[json_schema]") {
  const size_t total = testing::RunDataCases("json-schema", LoadCases, Run);
  INFO(total << " cases");
  CHECK(total >= 60);
}

TEST_CASE("json schema: invalid JSON is located by line and column", "[json_schema]") {
  Schema schema;
  SchemaError error;
  CHECK_FALSE(Schema::Parse("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {}\n  ,}\n}\n", &schema, &error));
  CHECK(error.line == 5);
  CHECK(error.column == 4);
  CHECK(error.message == "invalid JSON: Missing a name for object member.");
  CHECK_FALSE(Schema::Parse("", &schema, &error));
  CHECK(error.message == "invalid JSON: The document is empty.");
  CHECK_FALSE(Schema::Parse("{\"a\": 1} // comment", &schema, &error));
  CHECK(error.line == 1);
}

TEST_CASE("json schema: draft detection", "[json_schema]") {
  auto draft = [](const std::string& text) {
    Schema schema;
    SchemaError error;
    REQUIRE(Schema::Parse(text, &schema, &error));
    return schema.draft();
  };
  CHECK(draft("{}") == 2020);
  CHECK(draft(R"({"$schema": "http://json-schema.org/draft-04/schema#"})") == 4);
  CHECK(draft(R"({"$schema": "http://json-schema.org/draft-06/schema#"})") == 6);
  CHECK(draft(R"({"$schema": "http://json-schema.org/draft-07/schema"})") == 7);
  CHECK(draft(R"({"$schema": "https://json-schema.org/draft/2019-09/schema"})") == 2019);
  CHECK(draft(R"({"$schema": "https://json-schema.org/draft/2020-12/schema"})") == 2020);
  CHECK(draft("true") == 2020);
}

TEST_CASE("json schema: deep values and schemas do not overflow", "[json_schema]") {
  std::string schema_text = R"({"$ref": "#/definitions/n", "definitions": {"n": {"properties": {"c": {"$ref": "#/definitions/n"}}, "type": "object"}}})";
  Schema schema;
  SchemaError error;
  REQUIRE(Schema::Parse(schema_text, &schema, &error));
  tmpl::Value v = tmpl::Value::Map({{"c", tmpl::Value::String("x")}});
  for (int i = 0; i < 200; ++i) v = tmpl::Value::Map({{"c", v}});
  const ValidationResult result = schema.Validate(v);
  std::string location;
  for (int i = 0; i < 201; ++i) location += "/c";
  CHECK(FormatViolations(result.violations) == "- at '" + location + "': got string, want object\n");
}

TEST_CASE("json schema: a schema nested too deep is a schema error, not a crash", "[json_schema]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"not\": ";
  text += "{}";
  for (int i = 0; i < 5000; ++i) text += "}";
  Schema schema;
  SchemaError error;
  REQUIRE(Schema::Parse(text, &schema, &error));
  const ValidationResult result = schema.Validate(tmpl::Value::Map());
  CHECK(result.schema_error == "schema applications nested deeper than 1000 levels");
  CHECK_FALSE(result.ok());
  std::string anchors = "{\"$ref\": \"#deep\", \"x\": " + std::string(5000, '[') + std::string(5000, ']') + "}";
  REQUIRE(Schema::Parse(anchors, &schema, &error));
  CHECK(schema.Validate(tmpl::Value::Map()).schema_error == "$ref '#deep' not found in the schema");
}

TEST_CASE("json schema: patterns are not run on very long strings, and the result says so", "[json_schema]") {
  Schema schema;
  SchemaError error;
  REQUIRE(Schema::Parse(R"({"properties": {"ca": {"pattern": "^(a|b)+$", "maxLength": 10}}})", &schema, &error));
  const ValidationResult result = schema.Validate(tmpl::Value::Map({{"ca", tmpl::Value::String(std::string(100000, 'a'))}}));
  CHECK(FormatViolations(result.violations) == "- at '/ca': maxLength: got 100000, want 10\n");
  REQUIRE(result.not_validated.size() == 1);
  CHECK(result.not_validated[0] == "pattern '^(a|b)+$' was not checked on the strings at '/ca': longer than 8192 bytes");
}

}  // namespace
}  // namespace kubeshift::jsonschema
