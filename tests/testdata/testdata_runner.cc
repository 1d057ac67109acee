// Runs `kubeshift check` in-process on one annotated testdata file and compares its findings
// with the expectations written in the file itself (STYLE.md §8):
//
//   # kubeshift-test: args=--target-version=1.25 exit=1      (optional, first line)
//   apiVersion: policy/v1beta1
//   # EXPECT: @-1:13 error removed-api: <exact message>
//   # EXPECT~: @-2:13 error removed-api: <substring of the message>
//
// In a chart template, an annotation whose message holds template actions goes in a template
// comment: {{/* # EXPECT: @-1:13 info removed-api: … {{ else }} … */}}.
// "@-1" / "@+1" are relative to the annotation's line, "@=" is its own line, "@12" is
// absolute. Parse errors are expected as "error parse-error: <message>". Every finding must
// be expected and every expectation met; a file without EXPECT lines must produce nothing.
// JSON cannot hold comments: NAME.json takes its annotations from NAME.json.expect.
//
// Files under testdata/convert/ are golden tests of `kubeshift convert` instead: the converted
// output must equal NAME.converted.yaml (or .json) byte for byte, converting that output again
// must change nothing, and `check` must find nothing deprecated or removed in it. Their header
// gives the arguments (exit= is convert's exit code).
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "cli/cli.h"

namespace {

struct Expectation {
  int line = 0;
  int column = 0;
  std::string severity;
  std::string rule;
  std::string message;
  bool substring = false;
  int annotation_line = 0;
  bool met = false;
};

struct Actual {
  int line = 0;
  int column = 0;
  std::string severity;
  std::string rule;
  std::string message;
};

struct TestFile {
  std::vector<std::string> args;
  std::optional<int> exit_code;
  std::vector<Expectation> expectations;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void ParseHeader(const std::string& line, TestFile* test) {
  std::istringstream words(line.substr(line.find(':') + 1));
  for (std::string word; words >> word;) {
    if (word.rfind("exit=", 0) == 0) {
      test->exit_code = std::stoi(word.substr(5));
    } else if (word.rfind("args=", 0) == 0) {
      if (word.size() > 5) test->args.push_back(word.substr(5));
    } else {
      test->args.push_back(word);
    }
  }
}

// "@-1:13 error removed-api: message" after "EXPECT:" / "EXPECT~:".
bool ParseExpectation(const std::string& text, int annotation_line, Expectation* out, std::string* error) {
  std::istringstream in(text);
  std::string where;
  in >> where >> out->severity >> out->rule;
  if (where.empty() || where[0] != '@' || out->rule.empty() || out->rule.back() != ':') {
    *error = "malformed EXPECT: " + text;
    return false;
  }
  out->rule.pop_back();
  std::string message;
  std::getline(in, message);
  out->message = message.empty() ? message : message.substr(1);
  size_t colon = where.find(':');
  std::string line_part = where.substr(1, colon == std::string::npos ? std::string::npos : colon - 1);
  if (line_part == "=") {
    out->line = annotation_line;
  } else if (!line_part.empty() && (line_part[0] == '+' || line_part[0] == '-')) {
    out->line = annotation_line + std::stoi(line_part);
  } else {
    out->line = std::stoi(line_part);
  }
  out->column = colon == std::string::npos ? 0 : std::stoi(where.substr(colon + 1));
  out->annotation_line = annotation_line;
  return true;
}

bool ParseAnnotations(const std::string& text, TestFile* test, std::string* error) {
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // In a chart template an annotation whose message holds "{{ }}" sits in a template
    // comment, {{/* # EXPECT: … */}}, so that the chart still renders.
    for (const char* close : {"*/}}", "*/ -}}"}) {
      if (line.ends_with(close)) line.erase(line.find_last_not_of(' ', line.size() - std::strlen(close) - 1) + 1);
    }
    if (number == 1 && line.rfind("# kubeshift-test:", 0) == 0) ParseHeader(line, test);
    for (const char* marker : {"# EXPECT: ", "# EXPECT~: "}) {
      size_t at = line.find(marker);
      if (at == std::string::npos) continue;
      Expectation expectation;
      expectation.substring = std::string_view(marker) == "# EXPECT~: ";
      if (!ParseExpectation(line.substr(at + std::string_view(marker).size()), number, &expectation, error)) return false;
      test->expectations.push_back(expectation);
    }
  }
  return true;
}

std::vector<Actual> ReadActual(const std::string& json) {
  std::vector<Actual> actual;
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  if (doc.HasParseError() || !doc.IsObject()) return actual;
  for (const auto& f : doc["findings"].GetArray()) {
    actual.push_back({f["line"].GetInt(), f["column"].GetInt(), f["severity"].GetString(), f["rule"].GetString(),
                      f["message"].GetString()});
  }
  for (const auto& e : doc["errors"].GetArray()) {
    actual.push_back({e["line"].IsInt() ? e["line"].GetInt() : 0, e["column"].IsInt() ? e["column"].GetInt() : 0,
                      "error", "parse-error", e["message"].GetString()});
  }
  return actual;
}

bool Matches(const Expectation& e, const Actual& a) {
  if (e.line != a.line || (e.column != 0 && e.column != a.column)) return false;
  if (e.severity != a.severity || e.rule != a.rule) return false;
  return e.substring ? a.message.find(e.message) != std::string::npos : a.message == e.message;
}

std::string Describe(int line, int column, const std::string& severity, const std::string& rule,
                     const std::string& message) {
  return std::to_string(line) + ":" + std::to_string(column) + " " + severity + " " + rule + ": " + message;
}

}  // namespace

std::string ConvertedPath(const std::string& path) {
  std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + ".converted" + p.extension().string())).string();
}

// Runs `kubeshift ARGS` in-process; returns the exit code.
int Run(std::vector<std::string> args, std::string* out, std::string* err) {
  std::ostringstream out_stream;
  std::ostringstream err_stream;
  int code = kubeshift::RunCommandLine(args, out_stream, err_stream);
  *out = out_stream.str();
  *err = err_stream.str();
  return code;
}

int RunConvertTest(const std::string& path, const TestFile& test) {
  std::vector<std::string> args = {"convert", "--no-config"};
  args.insert(args.end(), test.args.begin(), test.args.end());
  args.push_back(path);
  std::string out;
  std::string err;
  int code = Run(args, &out, &err);
  int failures = 0;
  const std::string expected_path = ConvertedPath(path);
  const std::string expected = ReadAll(expected_path);
  if (out != expected) {
    std::cerr << path << ": the converted output differs from " << expected_path << "\n--- got ---\n"
              << out << "--- stderr ---\n" << err;
    ++failures;
  }
  if (test.exit_code && *test.exit_code != code) {
    std::cerr << path << ": exit code " << code << ", expected " << *test.exit_code << "\n" << err;
    ++failures;
  }
  // Idempotence: the expected output converts to itself.
  std::vector<std::string> again = {"convert", "--no-config"};
  again.insert(again.end(), test.args.begin(), test.args.end());
  again.push_back(expected_path);
  std::string out2;
  std::string err2;
  Run(again, &out2, &err2);
  if (out2 != expected) {
    std::cerr << path << ": converting " << expected_path << " again changes it:\n" << out2;
    ++failures;
  }
  if (failures == 0) std::cout << path << ": converted output matches, and converting it again changes nothing\n";
  return failures == 0 ? 0 : 1;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kubeshift_testdata FILE\n";
    return 2;
  }
  const std::string path = argv[1];
  const bool is_json = std::filesystem::path(path).extension() == ".json";
  TestFile test;
  std::string error;
  const bool is_convert_test = path.find("testdata/convert/") != std::string::npos;
  if (!ParseAnnotations(ReadAll(is_json && !is_convert_test ? path + ".expect" : path), &test, &error)) {
    std::cerr << path << ": " << error << "\n";
    return 1;
  }
  if (is_convert_test) return RunConvertTest(path, test);
  std::vector<std::string> args = {"check", "-o", "json", "--no-config"};
  args.insert(args.end(), test.args.begin(), test.args.end());
  args.push_back(path);
  std::ostringstream out;
  std::ostringstream err;
  int code = kubeshift::RunCommandLine(args, out, err);

  int failures = 0;
  for (const Actual& a : ReadActual(out.str())) {
    bool expected = false;
    for (Expectation& e : test.expectations) {
      if (!e.met && Matches(e, a)) {
        e.met = expected = true;
        break;
      }
    }
    if (!expected) {
      std::cerr << path << ": unexpected finding: " << Describe(a.line, a.column, a.severity, a.rule, a.message) << "\n";
      ++failures;
    }
  }
  for (const Expectation& e : test.expectations) {
    if (e.met) continue;
    std::cerr << path << ":" << e.annotation_line << ": expected finding not produced: "
              << Describe(e.line, e.column, e.severity, e.rule, e.message) << "\n";
    ++failures;
  }
  if (test.exit_code && *test.exit_code != code) {
    std::cerr << path << ": exit code " << code << ", expected " << *test.exit_code << "\n" << err.str();
    ++failures;
  }
  if (failures > 0) {
    std::cerr << "--- kubeshift output ---\n" << out.str();
    return 1;
  }
  std::cout << path << ": " << test.expectations.size() << " expectations met\n";
  return 0;
}
