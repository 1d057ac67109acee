// Findings that several reporter tests print, so each format is checked on the same input.
#ifndef KUBESHIFT_TESTS_UNIT_REPORT_FIXTURES_H_
#define KUBESHIFT_TESTS_UNIT_REPORT_FIXTURES_H_

#include "kubeshift/finding.h"

namespace kubeshift::testing {

/// A chart's `required` stopped its render: no apiVersion or kind, a template position.
inline Finding RenderError() {
  Finding f;
  f.rule = "render-error";
  f.severity = Severity::kError;
  f.file = "web/templates/a.yaml";
  f.position = {4, 9};
  f.message = "chart web not rendered: required: set name";
  return f;
}

}  // namespace kubeshift::testing

#endif  // KUBESHIFT_TESTS_UNIT_REPORT_FIXTURES_H_
