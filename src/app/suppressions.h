// Inline suppressions: "# kubeshift:ignore" or "# kubeshift:ignore=RULE[,RULE…]" in a comment
// on the apiVersion line or on a comment line right above it.
#ifndef KUBESHIFT_APP_SUPPRESSIONS_H_
#define KUBESHIFT_APP_SUPPRESSIONS_H_

#include <string_view>

#include "kubeshift/source.h"

namespace kubeshift {

/// True when a suppression comment covers \a rule on 1-based \a line.
bool IsSuppressed(const LineIndex& lines, int line, std::string_view rule);

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_SUPPRESSIONS_H_
