// kubeshift — the command line: option definitions (CLI11), parsing, and dispatch.
#ifndef KUBESHIFT_CLI_CLI_H_
#define KUBESHIFT_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

namespace kubeshift {

/// Parses \a args (without the program name) and runs the command. Returns the exit code.
/// Usage errors print CLI11's message to \a err and return 2.
int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kubeshift

#endif  // KUBESHIFT_CLI_CLI_H_
