// Conformance of `kubeshift render` with `helm template`: every case of a cases.tsv runs
// through the command line in-process with --helm-capabilities. Two data sets:
// - testdata/conformance/helm: Helm v3.21.4's own goldens;
// - testdata/charts: realistic charts with goldens written from Helm's semantics.
// A case that succeeds in Helm must print the golden byte for byte; a case that fails in Helm
// must fail here too and name the file and line at fault (an expected file starting with
// "Error: " holds Helm's error line, which kubeshift's error must contain).
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "test_files.h"
#include "cli/cli.h"
#include "kubeshift/options.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

const std::string kHelmDir = KUBESHIFT_SOURCE_DIR "/testdata/conformance/helm";
const std::string kChartsDir = KUBESHIFT_SOURCE_DIR "/testdata/charts";

// Shell words of a cases.tsv command line: blanks split, single quotes group.
std::vector<std::string> ShellWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '\'') {
      quoted = !quoted, any = true;
    } else if (c == ' ' && !quoted) {
      if (any) words.push_back(word);
      word.clear(), any = false;
    } else {
      word += c, any = true;
    }
  }
  if (any) words.push_back(word);
  return words;
}

struct Case {
  std::string expected;
  std::vector<std::string> args;  // kubeshift's
};

// `helm template ARGS` → `kubeshift render ARGS --helm-capabilities`, chart paths made absolute.
std::vector<Case> LoadCases(const std::string& dir) {
  std::istringstream in(ReadFile(dir + "/cases.tsv"));
  std::vector<Case> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 2) continue;
    std::vector<std::string> helm = ShellWords(cells[1]);
    Case c{cells[0], {"render", "--helm-capabilities", "--random-seed", "1", "--now", "0"}};
    for (size_t i = 1; i < helm.size(); ++i) {
      const bool pattern = helm[i - 1] == "--show-only";
      // Paths relative to the data dir: "charts/x" (Helm's layout) or "./x".
      const bool path = !pattern && (helm[i].starts_with("charts/") || helm[i].starts_with("./"));
      c.args.push_back(path ? dir + "/" + (helm[i].starts_with("./") ? helm[i].substr(2) : helm[i]) : helm[i]);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

struct Expectation {
  int exit_code;
  std::vector<std::string> in_stderr;  // what the error must name
};

// Helm's failing cases: what kubeshift must say instead of Helm's wording.
const std::map<std::string, Expectation> kFailures = {
    {"template-no-args.txt", {2, {"requires at least 1 argument"}}},
    {"template-lib-chart.txt",
     {3, {"lib-chart/Chart.yaml:12:", "validation: chart.metadata.type must be application or library"}}},
    {"template-chart-bad-type.txt",
     {3, {"chart-bad-type/Chart.yaml:8:", "validation: chart.metadata.type must be application or library"}}},
    {"template-with-invalid-yaml.txt",
     {3, {"chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml:10:",
          "YAML parse error on chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml"}}},
    {"template-with-invalid-yaml-debug.txt",
     {3, {"chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml:10:",
          "YAML parse error on chart-with-template-with-invalid-yaml/templates/alpine-pod.yaml"}}},
};

// True when the case behaves as Helm's golden says; \a why says what differs.
bool RunCase(const std::string& dir, const Case& c, std::string* why) {
  std::ostringstream out, err;
  const int rc = RunCommandLine(c.args, out, err);
  const std::string golden = ReadFile(dir + "/expected/" + c.expected);
  auto failure = kFailures.find(c.expected);
  if (failure == kFailures.end() && golden.starts_with("Error: ")) {  // Helm fails with this message
    const std::string message = golden.substr(7, golden.find('\n') - 7);
    *why = "exit " + std::to_string(rc) + ", stderr: " + err.str() + "\n--- want an error containing: " + message;
    return rc == kExitInputError && err.str().find(message) != std::string::npos && out.str().empty();
  }
  if (failure == kFailures.end()) {
    *why = "exit " + std::to_string(rc) + ", stderr: " + err.str() + "\n--- got:\n" + out.str() + "--- want:\n" + golden;
    return rc == 0 && out.str() == golden;
  }
  *why = "exit " + std::to_string(rc) + ", stderr: " + err.str() + "\n--- stdout:\n" + out.str();
  if (rc != failure->second.exit_code) return false;
  for (const std::string& needle : failure->second.in_stderr) {
    if (err.str().find(needle) == std::string::npos) return false;
  }
  // --debug prints what Helm prints before its error line.
  const size_t error_line = golden.find("Error: ");
  return golden.substr(0, error_line) == out.str();
}

// Runs every case of \a dir's cases.tsv; returns how many there were.
size_t RunCases(const std::string& dir) {
  const std::vector<Case> cases = LoadCases(dir);
  int passed = 0;
  for (const Case& c : cases) {
    std::string why;
    const bool ok = RunCase(dir, c, &why);
    INFO(c.expected << ": " << why);
    CHECK(ok);
    passed += ok ? 1 : 0;
  }
  WARN(dir << ": " << passed << "/" << cases.size() << " cases pass");
  return cases.size();
}

TEST_CASE("helm template goldens: cases.tsv", "[helm_conformance]") { CHECK(RunCases(kHelmDir) == 23); }

TEST_CASE("realistic charts rendered as helm template renders them", "[helm_conformance]") {
  CHECK(RunCases(kChartsDir) >= 12);
}

}  // namespace
}  // namespace kubeshift
