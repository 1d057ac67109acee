// Lexical scan of Helm chart templates (files under a chart's templates/).
#ifndef KUBESHIFT_SCAN_TEMPLATE_SCAN_H_
#define KUBESHIFT_SCAN_TEMPLATE_SCAN_H_

#include "kubeshift/scan.h"

namespace kubeshift::scan {

/// Every literal top-level apiVersion of every document, at its real position, with the
/// `if`/`with`/`range` that guards it in Resource::context. Template syntax is not YAML,
/// so nothing here is reported as a parse error (rendering, not scanning, judges that).
ScanResult ScanTemplate(const SourceFile& source);

}  // namespace kubeshift::scan

#endif  // KUBESHIFT_SCAN_TEMPLATE_SCAN_H_
