// kubeshift's entry point: everything else lives in the core library.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return kubeshift::RunCommandLine(args, std::cout, std::cerr);
}
