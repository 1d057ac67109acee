#include "cli/completion.h"

#include <CLI/CLI.hpp>

#include <string_view>

#include <fmt/format.h>

#include "kubeshift/options.h"

namespace kubeshift {
namespace {

// CLI11 describes an IsMember validator as "{a,b,c}" after the type name: "TEXT:{a,b,c}".
std::vector<std::string> ChoicesOf(const std::string& type_name) {
  std::vector<std::string> choices;
  size_t open = type_name.find(":{");
  if (open == std::string::npos) return choices;
  size_t close = type_name.find('}', open);
  if (close == std::string::npos) return choices;
  std::string_view list(type_name.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    size_t comma = list.find(',');
    choices.emplace_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return choices;
}

OptionDoc DescribeOption(const CLI::Option& option) {
  OptionDoc doc;
  doc.short_names = option.get_snames();
  doc.long_names = option.get_lnames();
  if (!option.nonpositional()) doc.positional = option.get_name();
  std::string type_name = option.get_type_name();
  if (option.get_type_size_max() > 0) {
    doc.value = type_name.substr(0, type_name.find(':'));
    doc.choices = ChoicesOf(type_name);
    doc.repeatable = option.get_items_expected_max() > 1;
  }
  doc.description = option.get_description();
  doc.required = option.get_required();
  return doc;
}

CommandDoc DescribeCommand(const CLI::App& app) {
  CommandDoc doc{app.get_name(), app.get_description(), {}};
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_group().empty()) doc.options.push_back(DescribeOption(*option));
  }
  return doc;
}

bool IsFlag(const OptionDoc& o) { return o.positional.empty() && o.value.empty(); }

// A free-form text value (a path, a glob, a version) completes as a file name, as shells do by
// default; a number (CLI11's INT, UINT, FLOAT…) completes as nothing.
bool CompletesFiles(const OptionDoc& o) { return o.choices.empty() && (o.value == "TEXT" || !o.positional.empty()); }

// Every spelling of an option: "-o", "--output".
std::vector<std::string> Spellings(const OptionDoc& o) {
  std::vector<std::string> names;
  for (const std::string& s : o.short_names) names.push_back("-" + s);
  for (const std::string& l : o.long_names) names.push_back("--" + l);
  return names;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string Replace(std::string_view text, char from, std::string_view to) {
  std::string out;
  for (char c : text) {
    if (c == from) {
      out += to;
    } else {
      out += c;
    }
  }
  return out;
}

// Inside '…' in sh, zsh and fish alike, except that fish also treats \ as an escape.
std::string SingleQuoted(std::string_view text) { return "'" + Replace(text, '\'', "'\\''") + "'"; }
std::string FishQuoted(std::string_view text) {
  return "'" + Replace(Replace(text, '\\', "\\\\"), '\'', "\\'") + "'";
}

const OptionDoc* PositionalWithChoices(const CommandDoc& command) {
  for (const OptionDoc& o : command.options) {
    if (!o.positional.empty() && !o.choices.empty()) return &o;
  }
  return nullptr;
}

// ---- bash ----------------------------------------------------------------------------------

// The body of one `case $command in` branch: values of the previous option, then option names,
// then positional values. An empty COMPREPLY falls back to file names (complete -o default).
void BashCommandBranch(const std::string& program, const CommandDoc& command,
                       const std::vector<std::string>& positional_words, std::string* out) {
  std::string words = "_" + program + "_words";
  std::vector<std::string> option_words;
  std::string value_cases;
  for (const OptionDoc& o : command.options) {
    if (!o.positional.empty()) continue;
    std::vector<std::string> names = Spellings(o);
    option_words.insert(option_words.end(), names.begin(), names.end());
    if (IsFlag(o)) continue;
    value_cases += fmt::format("        {})", Join(names, "|"));
    if (CompletesFiles(o)) {
      value_cases += " return ;;\n";
    } else if (o.choices.empty()) {
      value_cases += " compopt +o default; return ;;\n";
    } else {
      value_cases += fmt::format(" {} {}; return ;;\n", words, SingleQuoted(Join(o.choices, " ")));
    }
  }
  if (!value_cases.empty()) *out += "      case $prev in\n" + value_cases + "      esac\n";
  *out += fmt::format("      if [[ $cur == -* ]]; then {} {}; return; fi\n", words,
                      SingleQuoted(Join(option_words, " ")));
  if (!positional_words.empty()) {
    *out += fmt::format("      {} {}\n", words, SingleQuoted(Join(positional_words, " ")));
  }
}

}  // namespace

std::vector<CommandDoc> DescribeCommandLine(const CLI::App& app) {
  std::vector<CommandDoc> commands{DescribeCommand(app)};
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    commands.push_back(DescribeCommand(*sub));
  }
  return commands;
}

std::string RenderBashCompletion(const std::vector<CommandDoc>& commands) {
  const CommandDoc& program = commands.front();
  std::vector<std::string> names;
  for (size_t i = 1; i < commands.size(); ++i) names.push_back(commands[i].name);
  std::string out = fmt::format(
      "# bash completion for {0}. Generated by `{0} completion bash` from {0}'s option definitions.\n"
      "# Load it with: source <({0} completion bash)\n\n"
      "_{0}_words() {{ mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }}\n\n"
      "_{0}() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD - 1]}} command=\"\" i\n"
      "  # bash splits --output=json at \"=\" (COMP_WORDBREAKS).\n"
      "  if [[ $cur == \"=\" ]]; then\n"
      "    cur=\"\"\n"
      "  elif [[ $prev == \"=\" ]]; then\n"
      "    prev=${{COMP_WORDS[COMP_CWORD - 2]}}\n"
      "  fi\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${{COMP_WORDS[i]}} in\n"
      "      {1}) command=${{COMP_WORDS[i]}}; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $command in\n",
      program.name, Join(names, "|"));
  for (size_t i = 1; i < commands.size(); ++i) {
    out += fmt::format("    {})\n", commands[i].name);
    const OptionDoc* positional = PositionalWithChoices(commands[i]);
    BashCommandBranch(program.name, commands[i], positional ? positional->choices : std::vector<std::string>{},
                      &out);
    out += "      ;;\n";
  }
  out += "    *)\n";
  BashCommandBranch(program.name, program, names, &out);
  out += "      ;;\n  esac\n}\n\n";
  out += fmt::format("complete -o default -F _{0} {0}\n", program.name);
  return out;
}

// ---- zsh -----------------------------------------------------------------------------------

namespace {

std::string ZshDescription(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// _arguments specs: '(-o --output)-o+[output format]:output:(text json)' and one per spelling.
std::vector<std::string> ZshSpecs(const OptionDoc& o) {
  std::vector<std::string> specs;
  std::string action = CompletesFiles(o) ? "_files" : o.choices.empty() ? " " : "(" + Join(o.choices, " ") + ")";
  if (!o.positional.empty()) {
    specs.push_back(SingleQuoted(fmt::format("{}:{}:{}", o.repeatable ? "*" : "1", o.positional, action)));
    return specs;
  }
  std::vector<std::string> names = Spellings(o);
  std::string exclusion = o.repeatable ? "*" : "(" + Join(names, " ") + ")";
  std::string description = ZshDescription(o.description);
  for (size_t i = 0; i < names.size(); ++i) {
    bool is_short = i < o.short_names.size();
    std::string spec = exclusion + names[i];
    if (IsFlag(o)) {
      spec += "[" + description + "]";
    } else {
      std::string message = o.long_names.empty() ? o.value : o.long_names.front();
      spec += fmt::format("{}[{}]:{}:{}", is_short ? "+" : "=", description, message, action);
    }
    specs.push_back(SingleQuoted(spec));
  }
  return specs;
}

void ZshArguments(const CommandDoc& command, std::string_view indent, const std::vector<std::string>& extra,
                  std::string* out) {
  *out += fmt::format("{}_arguments -C -s -S", indent);
  for (const OptionDoc& o : command.options) {
    for (const std::string& spec : ZshSpecs(o)) *out += fmt::format(" \\\n{}  {}", indent, spec);
  }
  for (const std::string& spec : extra) *out += fmt::format(" \\\n{}  {}", indent, spec);
  *out += " && ret=0\n";
}

}  // namespace

std::string RenderZshCompletion(const std::vector<CommandDoc>& commands) {
  const std::string& name = commands.front().name;
  std::string out = fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0}. Generated by `{0} completion zsh` from {0}'s option definitions.\n"
      "# Install it as _{0} in a directory of $fpath, or load it with: source <({0} completion zsh)\n\n"
      "_{0}() {{\n"
      "  local curcontext=$curcontext state line ret=1\n"
      "  typeset -A opt_args\n",
      name);
  ZshArguments(commands.front(), "  ", {"'1:command:->command'", "'*::argument:->argument'"}, &out);
  out += "  case $state in\n    command)\n      local -a commands=(\n";
  for (size_t i = 1; i < commands.size(); ++i) {
    out += fmt::format("        {}\n", SingleQuoted(commands[i].name + ":" + commands[i].description));
  }
  out += fmt::format("      )\n      _describe -t commands '{} command' commands && ret=0\n      ;;\n", name);
  out += fmt::format("    argument)\n      curcontext=${{curcontext%:*:*}}:{}-$words[1]:\n", name);
  out += "      case $words[1] in\n";
  for (size_t i = 1; i < commands.size(); ++i) {
    out += fmt::format("        {})\n", commands[i].name);
    ZshArguments(commands[i], "          ", {}, &out);
    out += "          ;;\n";
  }
  out += "      esac\n      ;;\n  esac\n  return ret\n}\n\n";
  // Autoloaded from $fpath, the file is the body of _kubeshift; sourced, it registers itself.
  out += fmt::format(
      "if [[ $funcstack[1] == _{0} ]]; then\n  _{0} \"$@\"\nelse\n  compdef _{0} {0}\nfi\n", name);
  return out;
}

// ---- fish ----------------------------------------------------------------------------------

std::string RenderFishCompletion(const std::vector<CommandDoc>& commands) {
  const std::string& name = commands.front().name;
  std::vector<std::string> names;
  for (size_t i = 1; i < commands.size(); ++i) names.push_back(commands[i].name);
  std::string out = fmt::format(
      "# fish completion for {0}. Generated by `{0} completion fish` from {0}'s option definitions.\n"
      "complete -c {0} -f\n",
      name);
  for (size_t i = 0; i < commands.size(); ++i) {
    const CommandDoc& command = commands[i];
    std::string condition = i == 0 ? "'not __fish_seen_subcommand_from " + Join(names, " ") + "'"
                                    : "'__fish_seen_subcommand_from " + command.name + "'";
    std::string prefix = fmt::format("complete -c {} -n {}", name, condition);
    if (i > 0) {
      out += fmt::format("complete -c {} -n {} -a {} -d {}\n", name,
                         "'not __fish_seen_subcommand_from " + Join(names, " ") + "'", command.name,
                         FishQuoted(command.description));
    }
    for (const OptionDoc& o : command.options) {
      std::string line = prefix;
      for (const std::string& s : o.short_names) line += " -s " + s;
      for (const std::string& l : o.long_names) line += " -l " + l;
      if (!o.positional.empty()) {
        line += o.choices.empty() ? " -F" : " -a " + FishQuoted(Join(o.choices, " "));
      } else if (!IsFlag(o)) {
        line += CompletesFiles(o)   ? " -r -F"
                : o.choices.empty() ? " -x"
                                    : " -x -a " + FishQuoted(Join(o.choices, " "));
      }
      // A file list annotated with the positional's description would only be noise.
      if (o.positional.empty() || !o.choices.empty()) line += " -d " + FishQuoted(o.description);
      out += line + "\n";
    }
  }
  return out;
}

// ---- man page ------------------------------------------------------------------------------

namespace {

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string Roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string ManOptionTag(const OptionDoc& o) {
  if (!o.positional.empty()) return fmt::format("\\fI{}\\fR{}", Roff(o.positional), o.repeatable ? " ..." : "");
  std::vector<std::string> names;
  for (const std::string& spelling : Spellings(o)) names.push_back("\\fB" + Roff(spelling) + "\\fR");
  std::string tag = Join(names, ", ");
  if (!o.choices.empty()) {
    tag += " {" + Roff(Join(o.choices, "|")) + "}";
  } else if (!o.value.empty()) {
    tag += " \\fI" + Roff(o.value) + "\\fR";
  }
  return tag;
}

std::string ManSynopsis(const std::string& program, const CommandDoc& command) {
  std::string line = fmt::format(".B {} {}\n[\\fIOPTIONS\\fR]", Roff(program), Roff(command.name));
  for (const OptionDoc& o : command.options) {
    if (o.positional.empty()) continue;
    std::string argument = fmt::format("\\fI{}\\fR{}", Roff(o.positional), o.repeatable ? "..." : "");
    line += o.required ? " " + argument : " [" + argument + "]";
  }
  return line + "\n.br\n";
}

void ManOptions(const CommandDoc& command, std::string* out) {
  for (const OptionDoc& o : command.options) {
    *out += fmt::format(".TP\n{}\n{}\n", ManOptionTag(o), Roff(o.description));
  }
}

}  // namespace

std::string RenderManPage(const std::vector<CommandDoc>& commands, const std::string& version) {
  const CommandDoc& program = commands.front();
  std::string upper;
  for (char c : program.name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  // The program's description reads "kubeshift: what it does".
  std::string summary = program.description;
  if (summary.rfind(program.name + ": ", 0) == 0) summary.erase(0, program.name.size() + 2);

  std::string out = fmt::format(".\\\" Generated by `{} manpage` from the option definitions; do not edit.\n",
                                program.name);
  out += fmt::format(".TH {} 1 \"\" \"{} {}\" \"User Commands\"\n", upper, Roff(program.name), Roff(version));
  out += fmt::format(".SH NAME\n{} \\- {}\n", Roff(program.name), Roff(summary));
  out += ".SH SYNOPSIS\n";
  for (size_t i = 1; i < commands.size(); ++i) out += ManSynopsis(program.name, commands[i]);
  out += fmt::format(".B {}\n\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n", Roff(program.name));
  out += fmt::format(".SH DESCRIPTION\n\\fB{}\\fR reads Kubernetes manifests, JSON files and Helm chart "
                     "templates, reports every object whose apiVersion is deprecated or no longer served at a "
                     "target Kubernetes version with its file, line and column, and rewrites such objects to "
                     "their replacement versions. It never contacts a cluster.\n",
                     Roff(program.name));
  out += ".SH OPTIONS\n";
  ManOptions(program, &out);
  out += ".SH COMMANDS\n";
  for (size_t i = 1; i < commands.size(); ++i) {
    out += fmt::format(".SS \"{} {}\"\n{}\n", Roff(program.name), Roff(commands[i].name),
                       Roff(commands[i].description));
    ManOptions(commands[i], &out);
  }
  out += fmt::format(
      ".SH \"EXIT STATUS\"\n"
      ".TP\n.B {}\nnothing at or above \\fB\\-\\-fail\\-on\\fR was found\n"
      ".TP\n.B {}\na finding at or above \\fB\\-\\-fail\\-on\\fR (error by default)\n"
      ".TP\n.B {}\nusage or configuration error: bad flag, unknown target version, missing path, "
      "invalid configuration or rules file\n"
      ".TP\n.B {}\nan input could not be read or parsed; it wins over {}\n",
      static_cast<int>(kExitClean), static_cast<int>(kExitFindings), static_cast<int>(kExitUsage),
      static_cast<int>(kExitInputError), static_cast<int>(kExitFindings));
  out += ".SH FILES\n.TP\n.I .kubeshift.yaml\nproject configuration, searched upward from the working "
         "directory (see \\fB\\-\\-config\\fR)\n";
  out += ".SH \"SEE ALSO\"\nkubectl(1), helm(1)\n";
  return out;
}

// ---- commands ------------------------------------------------------------------------------

DocCommands::DocCommands(CLI::App& app) {
  completion_ = app.add_subcommand("completion", "print a shell completion script (bash, zsh or fish)");
  completion_->add_option("shell", shell_, "the shell to complete for")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  // Hidden (empty group): the build runs it to write kubeshift.1.
  manpage_ = app.add_subcommand("manpage", "print the man page (roff)")->group("");
}

bool DocCommands::Parsed() const { return completion_->parsed() || manpage_->parsed(); }

int DocCommands::Run(const CLI::App& app, std::ostream& out) const {
  std::vector<CommandDoc> commands = DescribeCommandLine(app);
  if (manpage_->parsed()) {
    out << RenderManPage(commands, KUBESHIFT_VERSION);
  } else if (shell_ == "bash") {
    out << RenderBashCompletion(commands);
  } else if (shell_ == "zsh") {
    out << RenderZshCompletion(commands);
  } else {
    out << RenderFishCompletion(commands);
  }
  return out.good() ? kExitClean : kExitInputError;
}

}  // namespace kubeshift
