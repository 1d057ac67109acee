// The endpointslice-discovery-v1 converter (src/convert/endpointslice.cc): topology per endpoint.
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

std::string Slice(const std::string& version, const std::string& endpoint) {
  return "apiVersion: discovery.k8s.io/" + version +
         "\nkind: EndpointSlice\nmetadata: {name: s}\naddressType: IPv4\nendpoints:\n- addresses: [10.0.0.1]\n" +
         endpoint;
}

TEST_CASE("endpointslice: the zone takes topology's place when nothing else is left", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  nodeName: n\n  topology:\n    topology.kubernetes.io/zone: z   # here\n"
                                     "    kubernetes.io/hostname: n\n  hostname: h\n"))
            .converted == Slice("v1", "  nodeName: n\n  zone: z   # here\n  hostname: h\n"));
}

TEST_CASE("endpointslice: a hostname that is not nodeName stays, and is not copied to nodeName", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  nodeName: other\n  topology: {kubernetes.io/hostname: n}\n")).converted ==
        Slice("v1", "  nodeName: other\n  deprecatedTopology: {kubernetes.io/hostname: n}\n"));
  CHECK(ConvertText(Slice("v1beta1", "  topology: {kubernetes.io/hostname: n}\n")).converted ==
        Slice("v1", "  deprecatedTopology: {kubernetes.io/hostname: n}\n"));
}

TEST_CASE("endpointslice: only a redundant hostname: topology goes", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  topology:\n    kubernetes.io/hostname: n\n  nodeName: n\n")).converted ==
        Slice("v1", "  nodeName: n\n"));
}

TEST_CASE("endpointslice: the zone and hostname leave a flow topology together", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  nodeName: n\n  topology: {rack: r, kubernetes.io/hostname: n, "
                                     "topology.kubernetes.io/zone: z}\n"))
            .converted == Slice("v1", "  nodeName: n\n  deprecatedTopology: {rack: r}\n  zone: z\n"));
}

TEST_CASE("endpointslice: an empty or null topology is renamed", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  topology: {}\n")).converted == Slice("v1", "  deprecatedTopology: {}\n"));
  CHECK(ConvertText(Slice("v1beta1", "  topology:\n")).converted == Slice("v1", "  deprecatedTopology:\n"));
}

TEST_CASE("endpointslice: a zone field v1beta1 ignored gives way to the topology's", "[endpointslice]") {
  CHECK(ConvertText(Slice("v1beta1", "  zone: stale\n  topology: {topology.kubernetes.io/zone: z}\n")).converted ==
        Slice("v1", "  zone: z\n"));
}

}  // namespace
}  // namespace kubeshift
