// Running one conversion in-process for the converter unit tests: the built-in table, a
// Kubernetes target version, and the text of one input file.
#ifndef KUBESHIFT_TESTS_UNIT_CONVERT_RUN_H_
#define KUBESHIFT_TESTS_UNIT_CONVERT_RUN_H_

#include <string>

#include "app/convert_file.h"
#include "catch.h"
#include "kubeshift/version.h"

namespace kubeshift::testing {

inline const DeprecationTable& BuiltinTable() {
  static const DeprecationTable table = [] {
    DeprecationTable t;
    std::string error;
    if (!LoadBuiltinTable(&t, &error)) FAIL("built-in table: " << error);
    return t;
  }();
  return table;
}

/// Converts \a text (YAML unless \a kind says otherwise) for Kubernetes \a target.
inline FileConversion ConvertText(const std::string& text, const std::string& target = "1.29",
                                  InputKind kind = InputKind::kYaml) {
  const Version version = *ParseVersion(target);
  const Targets targets{{"kubernetes", version}};
  const ConvertSettings settings{BuiltinTable(), version, targets, ""};
  InputFile input;
  input.display_path = kind == InputKind::kJson ? "test.json" : "test.yaml";
  input.kind = kind;
  return ConvertBytes(input, text, settings);
}

/// The notes (or needs-person messages) joined, for matching.
inline std::string Joined(const std::vector<ConvertMessage>& messages) {
  std::string out;
  for (const ConvertMessage& message : messages) out += message.text + "\n";
  return out;
}

}  // namespace kubeshift::testing

#endif  // KUBESHIFT_TESTS_UNIT_CONVERT_RUN_H_
