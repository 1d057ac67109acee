// Tests of src/cli/completion.cc: the completion scripts and the man page are generated from the
// CLI11 definitions, so they must name every command and option that --help names.
#include <CLI/CLI.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "cli/cli.h"
#include "cli/completion.h"
#include "kubeshift/report.h"

namespace kubeshift {
namespace {

struct Result {
  int rc;
  std::string out;
  std::string err;
};

Result Run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int rc = RunCommandLine(args, out, err);
  return {rc, out.str(), err.str()};
}

// The entries of a --help section ("Options:", "Subcommands:"; CLI11 2.4 spells them
// "OPTIONS:"), which are CLI11's own rendering of the definitions, from their first word on:
// "-t,--target-version TEXT   Kubernetes version…" (CLI11 2.4: "-t,     --target-version TEXT").
// Lines indented further continue a description.
std::vector<std::string> HelpEntries(const std::string& help, std::string section) {
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  section = lower(section);
  std::vector<std::string> entries;
  std::istringstream lines(help);
  std::string line;
  bool in_section = false;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != ' ') {
      in_section = lower(line) == section;
      continue;
    }
    size_t start = line.find_first_not_of(' ');
    if (in_section && start != std::string::npos && start < 16) entries.push_back(line.substr(start));
  }
  return entries;
}

// The first word of each entry: the subcommand names.
std::vector<std::string> CommandNames(const std::string& help) {
  std::vector<std::string> names;
  for (const std::string& entry : HelpEntries(help, "Subcommands:")) names.push_back(entry.substr(0, entry.find(' ')));
  return names;
}

// "-t,--target-version TEXT" and "-t,     --target-version TEXT" → {"-t", "--target-version"}.
std::vector<std::string> OptionNames(const std::string& help) {
  std::vector<std::string> names;
  for (const std::string& entry : HelpEntries(help, "Options:")) {
    std::istringstream words(entry);
    std::string word;
    while (words >> word && word[0] == '-') {
      std::istringstream parts(word);
      std::string name;
      while (std::getline(parts, name, ',')) {
        if (!name.empty()) names.push_back(name);
      }
      if (word.back() != ',') break;
    }
  }
  return names;
}

std::string Escaped(const std::string& name) {  // as roff needs it: \-\-output
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// How each format spells an option: "--output" in bash and zsh, "-l output" in fish.
std::string FishSpelling(const std::string& name) {
  return name.rfind("--", 0) == 0 ? "-l " + name.substr(2) : "-s " + name.substr(1);
}

std::filesystem::path WriteTemp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("kubeshift-completion-test-" + std::to_string(std::rand()) + "-" + name);
  std::ofstream(path) << text;
  return path;
}

int Shell(const std::string& command) { return std::system(command.c_str()); }

bool Have(const std::string& program) { return Shell("command -v " + program + " >/dev/null 2>&1") == 0; }

TEST_CASE("the completion scripts name every command and every option of check") {
  std::vector<std::string> commands = CommandNames(Run({"--help"}).out);
  REQUIRE(commands.size() >= 3);
  std::string check_help = Run({"check", "--help"}).out;
  std::vector<std::string> check_options = OptionNames(check_help);
  REQUIRE(check_options.size() >= 20);

  for (const char* shell : {"bash", "zsh", "fish"}) {
    CAPTURE(shell);
    Result script = Run({"completion", shell});
    REQUIRE(script.rc == 0);
    REQUIRE(script.err.empty());
    for (const std::string& command : commands) {
      CAPTURE(command);
      CHECK(script.out.find(command) != std::string::npos);
    }
    for (const std::string& option : check_options) {
      CAPTURE(option);
      std::string spelling = std::string(shell) == "fish" ? FishSpelling(option) : option;
      CHECK(script.out.find(spelling) != std::string::npos);
    }
    // -o lists its values, and check's list is not versions' list.
    std::string formats;
    for (const std::string& format : OutputFormatNames()) formats += (formats.empty() ? "" : " ") + format;
    CHECK(script.out.find(formats) != std::string::npos);
    CHECK(script.out.find("text json markdown") != std::string::npos);
    CHECK(script.out.find("error warning never") != std::string::npos);
    CHECK(script.out.find("manpage") == std::string::npos);
  }
}

TEST_CASE("the man page has a title and every option of every command") {
  Result page = Run({"manpage"});
  REQUIRE(page.rc == 0);
  CHECK(page.out.find(".TH KUBESHIFT 1 \"\" \"kubeshift " KUBESHIFT_VERSION "\"") != std::string::npos);
  for (const char* section : {".SH NAME\n", ".SH SYNOPSIS\n", ".SH OPTIONS\n", ".SH \"EXIT STATUS\"\n"}) {
    CHECK(page.out.find(section) != std::string::npos);
  }
  for (const std::string& command : CommandNames(Run({"--help"}).out)) {
    CAPTURE(command);
    CHECK(page.out.find(".SS \"kubeshift " + command + "\"") != std::string::npos);
    for (const std::string& option : OptionNames(Run({command, "--help"}).out)) {
      CAPTURE(option);
      CHECK(page.out.find("\\fB" + Escaped(option) + "\\fR") != std::string::npos);
    }
  }
  CHECK(page.out.find("{text|json|sarif|github|junit|markdown}") != std::string::npos);
  if (Have("groff")) {
    auto path = WriteTemp("kubeshift.1", page.out);
    // -ww: every warning; groff prints them on stderr, so fail on any output.
    CHECK(Shell("test -z \"$(groff -man -Tutf8 -ww -z " + path.string() + " 2>&1)\"") == 0);
    std::filesystem::remove(path);
  }
}

TEST_CASE("the completion scripts are valid shell") {
  auto bash = WriteTemp("kubeshift.bash", Run({"completion", "bash"}).out);
  CHECK(Shell("bash -n " + bash.string()) == 0);
  // Completing "kubeshift check -o j" offers the formats that start with j.
  std::string complete = "bash -c 'source " + bash.string() +
                         " && COMP_WORDS=(kubeshift check -o j) COMP_CWORD=3 && _kubeshift && "
                         "test \"${COMPREPLY[*]}\" = \"json junit\"'";
  CHECK(Shell(complete) == 0);
  std::filesystem::remove(bash);
  if (Have("zsh")) {
    auto zsh = WriteTemp("_kubeshift", Run({"completion", "zsh"}).out);
    CHECK(Shell("zsh -n " + zsh.string()) == 0);
    std::filesystem::remove(zsh);
  }
  if (Have("fish")) {
    auto fish = WriteTemp("kubeshift.fish", Run({"completion", "fish"}).out);
    CHECK(Shell("fish --no-execute " + fish.string()) == 0);
    std::filesystem::remove(fish);
  }
}

TEST_CASE("completion needs a shell it knows and manpage is hidden") {
  CHECK(Run({"completion"}).rc == 2);
  CHECK(Run({"completion", "powershell"}).rc == 2);
  CHECK(Run({"--help"}).out.find("manpage") == std::string::npos);
}

TEST_CASE("DescribeCommandLine reads values and choices and lists from the definitions") {
  CLI::App app{"tool: does things", "tool"};
  std::string format, hidden;
  std::vector<std::string> includes, paths;
  bool verbose = false;
  int jobs = 0;
  CLI::App* run = app.add_subcommand("run", "run it");
  run->add_option("paths", paths, "inputs");
  run->add_option("-f,--format", format, "the format")->check(CLI::IsMember({"a", "b"}));
  run->add_option("--include", includes, "more (repeatable)");
  run->add_option("--secret", hidden, "not shown")->group("");
  run->add_flag("-v,--verbose", verbose, "talk");
  run->add_option("-j", jobs, "threads");
  app.add_subcommand("internal", "not shown")->group("");

  std::vector<CommandDoc> commands = DescribeCommandLine(app);
  REQUIRE(commands.size() == 2);
  CHECK(commands[0].name == "tool");
  CHECK(commands[1].name == "run");
  const std::vector<OptionDoc>& o = commands[1].options;
  REQUIRE(o.size() == 6);  // --help, paths, --format, --include, --verbose, -j
  CHECK(o[1].positional == "paths");
  CHECK(o[1].repeatable);
  CHECK(o[2].short_names == std::vector<std::string>{"f"});
  CHECK(o[2].long_names == std::vector<std::string>{"format"});
  CHECK(o[2].choices == std::vector<std::string>{"a", "b"});
  CHECK(o[2].value == "TEXT");
  CHECK_FALSE(o[2].repeatable);
  CHECK(o[3].repeatable);
  CHECK(o[4].value.empty());  // a flag
  CHECK(o[5].value == "INT");

  std::string man = RenderManPage(commands, "1.0");
  CHECK(man.find("tool \\- does things") != std::string::npos);
  CHECK(man.find("\\fB\\-f\\fR, \\fB\\-\\-format\\fR {a|b}") != std::string::npos);
  CHECK(man.find("secret") == std::string::npos);
  CHECK(man.find("internal") == std::string::npos);
  std::string fish = RenderFishCompletion(commands);
  CHECK(fish.find("-s f -l format -x -a 'a b'") != std::string::npos);
  CHECK(fish.find("-s j -x -d 'threads'") != std::string::npos);  // a number: no file names
  CHECK(fish.find("-l include -r -F") != std::string::npos);       // text: file names
}

}  // namespace
}  // namespace kubeshift
