// Runs the data-driven cases of testdata/template-engine/*.txt through the template engine.
//
// File format: a case starts with "=== NAME"; its sections start with a header line:
//   --- template [NAME]   template text (the first one is executed; default name "main")
//   --- template-quoted [NAME]   the same, as one Go-quoted string (for significant newlines)
//   --- data | data-go    YAML dot: "data" reads numbers as Helm does (float64), "data-go"
//                         keeps ints (go-yaml into interface{})
//   --- output            the expected output, exactly
//   --- output-quoted     the expected output as one Go-quoted string (for trailing newlines)
//   --- error             a substring of the expected error message
//   --- options           space-separated: missingkey=zero|default|error seed=N now=UNIX
//                         max-steps=N max-bytes=N
//   --- differs           why our result differs from Go/Sprig/Helm; the case then asserts
//                         our behaviour (kept to what the value model cannot match)
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
#include "helm/go_strconv.h"
#include "kubeshift/template_data.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

struct Case {
  std::string file;
  std::string name;
  int line = 0;
  std::vector<std::pair<std::string, std::string>> templates;
  std::string data;
  bool data_go = false;
  bool has_output = false;
  std::string output;
  std::string error;
  std::string options;
  bool has_differs = false;
  std::string differs;
};

std::string Join(const std::vector<std::string>& lines) {
  size_t n = lines.size();
  while (n > 0 && lines[n - 1].empty()) --n;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out.push_back('\n');
    out += lines[i];
  }
  return out;
}

std::vector<Case> LoadCases(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line, section, section_arg;
  std::vector<std::string> body;
  std::string unquoted;
  int line_number = 0;
  auto flush = [&] {
    if (cases.empty() || section.empty()) return;
    Case& c = cases.back();
    const std::string text = Join(body);
    const std::string name = section_arg.empty() ? "main" : section_arg;
    if (section == "template") c.templates.emplace_back(name, text);
    else if (section == "template-quoted") c.templates.emplace_back(name, UnquoteGo(text, &unquoted) ? unquoted : text);
    else if (section == "data" || section == "data-go") c.data = text, c.data_go = section == "data-go";
    else if (section == "output") c.output = text, c.has_output = true;
    else if (section == "output-quoted") c.has_output = UnquoteGo(text, &c.output);
    else if (section == "error") c.error = text;
    else if (section == "options") c.options = text;
    else if (section == "differs") c.differs = text, c.has_differs = true;
    body.clear();
    section.clear();
  };
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
    if (line.starts_with("--- ")) {
      std::istringstream header(line.substr(4));
      std::string name, arg;
      header >> name >> arg;
      static const std::vector<std::string> kSections = {"template", "template-quoted", "data",    "data-go", "output",
                                                         "output-quoted", "error",  "options", "differs"};
      if (std::find(kSections.begin(), kSections.end(), name) != kSections.end()) {
        flush();
        section = name;
        section_arg = arg;
        continue;
      }
    }
    if (!section.empty()) body.push_back(line);
  }
  flush();
  return cases;
}

ExecOptions OptionsOf(const Case& c) {
  ExecOptions options;
  std::istringstream words(c.options);
  std::string word;
  while (words >> word) {
    if (word == "missingkey=zero") options.missing_key = ExecOptions::MissingKey::kZero;
    else if (word == "missingkey=error") options.missing_key = ExecOptions::MissingKey::kError;
    else if (word.starts_with("seed=")) options.random_seed = std::stoull(word.substr(5));
    else if (word.starts_with("now=")) options.now_unix = std::stoll(word.substr(4));
    else if (word.starts_with("max-steps=")) options.max_steps = std::stoull(word.substr(10));
    else if (word.starts_with("max-bytes=")) options.max_bytes = std::stoull(word.substr(10));
  }
  return options;
}

// Runs one case; returns "" when it passes, else a description of the failure.
std::string Run(const Case& c) {
  TemplateSet set;
  TemplateError error;
  for (const auto& [name, text] : c.templates) {
    if (!set.Parse(name, text, &error)) {
      if (!c.error.empty() && error.message.find(c.error) != std::string::npos) return "";
      return "parse error: " + error.message;
    }
  }
  Value data;
  std::string data_error;
  if (!c.data.empty() && !ValueFromYaml(c.data, c.data_go ? NumberMode::kYaml : NumberMode::kJson, &data, &data_error)) {
    return "bad data: " + data_error;
  }
  RenderResult result;
  const bool ok = set.Execute(c.templates.front().first, data, OptionsOf(c), &result, &error);
  if (!c.error.empty()) {
    if (ok) return "expected error containing [" + c.error + "], got output [" + result.text + "]";
    if (error.message.find(c.error) == std::string::npos) return "error [" + error.message + "] lacks [" + c.error + "]";
    return "";
  }
  if (!ok) return "unexpected error: " + error.message;
  if (c.has_output && result.text != c.output) return "output [" + result.text + "] != expected [" + c.output + "]";
  // Every output byte must have a source.
  size_t covered = 0;
  for (const OutputSpan& span : result.spans) {
    if (span.begin != covered) return "source map gap at " + std::to_string(covered);
    covered += span.length;
  }
  if (covered != result.text.size()) return "source map covers " + std::to_string(covered) + " bytes";
  return "";
}

TEST_CASE("template engine data-driven cases", "[template_engine]") {
  const size_t total = testing::RunDataCases("template-engine", LoadCases, Run);
  INFO(total << " cases");
  CHECK(total >= 600);  // the case files are all there
}

// A template can make a map hold itself (`set`, as in Go); what walks values must stop. The
// map is in the data, so that the test can break the cycle afterwards (else it leaks).
TEST_CASE("a map that holds itself", "[template_engine]") {
  const auto run = [](const std::string& text, std::string* output, std::string* message) {
    TemplateSet set;
    TemplateError error;
    REQUIRE(set.Parse("main", text, &error));
    const Value m = Value::Map(), a = Value::Map(), b = Value::Map();
    const Value data = Value::Map({{"m", m}, {"a", a}, {"b", b}});
    RenderResult result;
    const bool ok = set.Execute("main", data, ExecOptions{}, &result, &error);
    for (const Value& map : {m, a, b}) map.MutableMap().clear();
    *output = result.text;
    *message = error.message;
    return ok;
  };
  std::string output, message;
  CHECK(run("{{ $_ := set .m \"self\" .m }}{{ contains \"self:...]\" (print .m) }} "
            "{{ contains \"self:...]\" (printf \"%v %#v\" .m .m) }} {{ has .m (list .m) }} "
            "{{ len (deepCopy .m) }} {{ len (merge .m .m) }} [{{ toJson .m }}] [{{ toYaml .m }}]",
            &output, &message));
  CHECK(output == "true true true 1 1 [] []");
  CHECK_FALSE(run("{{ $_ := set .m \"self\" .m }}{{ mustToJson .m }}", &output, &message));
  CHECK(message.find("encountered a cycle or nesting deeper than 1000 levels") != std::string::npos);
  CHECK_FALSE(run("{{ $_ := set .a \"x\" .a }}{{ $_ := set .b \"x\" .b }}{{ merge .a .b }}", &output, &message));
  CHECK(message.find("maps nested deeper than 1000 levels") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift::tmpl
