// kubeshift — shell completion scripts and the man page, generated from the CLI11 definitions.
#ifndef KUBESHIFT_CLI_COMPLETION_H_
#define KUBESHIFT_CLI_COMPLETION_H_

#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kubeshift {

/// One option or positional argument of a command, as the command line defines it.
struct OptionDoc {
  std::vector<std::string> short_names;  ///< without the dash: "o"
  std::vector<std::string> long_names;   ///< without the dashes: "output"
  std::string positional;                ///< the name of a positional argument ("paths"), else empty
  std::string value;                     ///< CLI11's name of the value type ("TEXT"); empty for a flag
  std::vector<std::string> choices;      ///< the only values allowed, when the definition lists them
  std::string description;
  bool repeatable = false;               ///< may be given more than once (a list)
  bool required = false;
};

/// A command: the program itself (named after the program) or one of its visible subcommands.
struct CommandDoc {
  std::string name;
  std::string description;
  std::vector<OptionDoc> options;  ///< in definition order; positionals included
};

/// Walks \a app: the program first, then every subcommand that is not hidden (empty group), in
/// definition order.
/// Hidden options are left out too.
std::vector<CommandDoc> DescribeCommandLine(const CLI::App& app);

std::string RenderBashCompletion(const std::vector<CommandDoc>& commands);
std::string RenderZshCompletion(const std::vector<CommandDoc>& commands);
std::string RenderFishCompletion(const std::vector<CommandDoc>& commands);
/// A man(7) page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, one subsection per command, EXIT STATUS.
std::string RenderManPage(const std::vector<CommandDoc>& commands, const std::string& version);

/// The `completion bash|zsh|fish` command and the hidden `manpage` command (used by the build to
/// write kubeshift.1 and the completion files). Both print what they render of the whole \a app,
/// so add them before parsing and run them after.
class DocCommands {
 public:
  explicit DocCommands(CLI::App& app);
  bool Parsed() const;
  int Run(const CLI::App& app, std::ostream& out) const;

 private:
  CLI::App* completion_;
  CLI::App* manpage_;
  std::string shell_;
};

}  // namespace kubeshift

#endif  // KUBESHIFT_CLI_COMPLETION_H_
