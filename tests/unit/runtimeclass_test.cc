// The runtimeclass-node-v1 converter (src/convert/runtimeclass.cc).
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

const std::string kHead = "kind: RuntimeClass\nmetadata:\n  name: r\n";

std::string V1alpha1(const std::string& rest) { return "apiVersion: node.k8s.io/v1alpha1\n" + kHead + rest; }
std::string V1(const std::string& rest) { return "apiVersion: node.k8s.io/v1\n" + kHead + rest; }

TEST_CASE("runtimeclass: spec's fields move to the top level, with their comments", "[runtimeclass]") {
  CHECK(ConvertText(V1alpha1("spec:\n  scheduling:\n    nodeSelector: {a: b}   # where\n"
                             "  runtimeHandler: 'runc'\n"))
            .converted == V1("handler: 'runc'\nscheduling:\n  nodeSelector: {a: b}   # where\n"));
}

TEST_CASE("runtimeclass: a spec that is not the last entry", "[runtimeclass]") {
  CHECK(ConvertText("apiVersion: node.k8s.io/v1alpha1\nkind: RuntimeClass\nspec:\n  runtimeHandler: h\n  overhead:\n"
                    "    podFixed: {cpu: 1}\nmetadata: {name: r}\n")
            .converted ==
        "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nhandler: h\nmetadata: {name: r}\noverhead:\n"
        "  podFixed: {cpu: 1}\n");
}

TEST_CASE("runtimeclass: no handler, or top-level fields v1alpha1 ignored, need a person", "[runtimeclass]") {
  for (const std::string& rest : {std::string("spec: {overhead: {podFixed: {cpu: 1}}}\n"), std::string(""),
                                 std::string("handler: x\nspec: {runtimeHandler: y}\n")}) {
    INFO(rest);
    const FileConversion result = ConvertText(V1alpha1(rest));
    CHECK(result.converted == V1alpha1(rest));
    CHECK(result.needs_person.size() == 1);
  }
}

}  // namespace
}  // namespace kubeshift
