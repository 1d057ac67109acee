// libFuzzer target: `kubeshift convert` on one file. The input goes through ConvertBytes (plan,
// convert each object with the DocumentEditor, verify, produce text) as YAML and as JSON, at a
// fixed target with the built-in table, as tests/unit/convert_run.h runs it.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/convert_file.h"
#include "kubeshift/version.h"

namespace {

const kubeshift::DeprecationTable& Table() {
  static const kubeshift::DeprecationTable table = [] {
    kubeshift::DeprecationTable t;
    std::string error;
    if (!kubeshift::LoadBuiltinTable(&t, &error)) std::abort();
    return t;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kubeshift::Version target = *kubeshift::ParseVersion("1.29");
  static const kubeshift::Targets targets{{"kubernetes", target}};
  const kubeshift::ConvertSettings settings{Table(), target, targets, ""};
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (kubeshift::InputKind kind : {kubeshift::InputKind::kYaml, kubeshift::InputKind::kJson}) {
    kubeshift::InputFile input;
    input.display_path = kind == kubeshift::InputKind::kJson ? "fuzz.json" : "fuzz.yaml";
    input.kind = kind;
    kubeshift::ConvertBytes(input, text, settings);
  }
  return 0;
}
