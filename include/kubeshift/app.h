// kubeshift — the commands: one function each, wiring the modules together.
#ifndef KUBESHIFT_APP_H_
#define KUBESHIFT_APP_H_

#include <ostream>

#include "kubeshift/options.h"

namespace kubeshift {

/// Runs `kubeshift check`: the report goes to \a out, diagnostics to \a err. Reads standard
/// input for "-". Returns an ExitCode.
int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);

/// Runs `kubeshift convert`: converted streams, a diff or rewritten files; the summary goes
/// to \a err. Returns an ExitCode (1: objects that need a person, or changes under --check).
int RunConvert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

/// Runs `kubeshift render`: the chart rendered as `helm template` prints it. Returns an ExitCode
/// (3: the chart could not be loaded or rendered).
int RunRender(const RenderCommandOptions& options, std::ostream& out, std::ostream& err);

/// Runs `kubeshift versions`. Returns an ExitCode.
int RunVersions(const VersionsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_H_
