// The csr-certificates-v1 converter (src/convert/csr.cc).
#include <string>

#include "catch.h"
#include "convert_run.h"

namespace kubeshift {
namespace {

using testing::ConvertText;

const std::string kHead = "kind: CertificateSigningRequest\nmetadata: {name: c}\nspec:\n  request: UEVN\n";

std::string V1beta1(const std::string& rest) { return "apiVersion: certificates.k8s.io/v1beta1\n" + kHead + rest; }
std::string V1(const std::string& rest) { return "apiVersion: certificates.k8s.io/v1\n" + kHead + rest; }

std::string NeedsPerson(const std::string& rest) {
  const FileConversion result = ConvertText(V1beta1(rest));
  CHECK(result.converted == V1beta1(rest));
  REQUIRE(result.needs_person.size() == 1);
  return result.needs_person[0].text;
}

TEST_CASE("csr: absent, null or empty usages get v1beta1's default", "[csr]") {
  // Without a block sequence to follow, new ones are indented under their key.
  const std::string usages = "  usages:\n    - digital signature\n    - key encipherment\n";
  CHECK(ConvertText(V1beta1("  signerName: example.com/s\n")).converted == V1("  signerName: example.com/s\n" + usages));
  CHECK(ConvertText(V1beta1("  usages: []\n  signerName: example.com/s\n")).converted ==
        V1(usages + "  signerName: example.com/s\n"));
  CHECK(ConvertText(V1beta1("  usages:\n  signerName: example.com/s\n")).converted ==
        V1(usages + "  signerName: example.com/s\n"));
}

TEST_CASE("csr: given usages and condition statuses stay", "[csr]") {
  const std::string rest =
      "  signerName: example.com/s\n  usages: [client auth]\nstatus:\n  conditions:\n  - {type: Denied, status: "
      "\"False\"}\n";
  const FileConversion result = ConvertText(V1beta1(rest));
  CHECK(result.converted == V1(rest));
  CHECK(result.notes.empty());
}

TEST_CASE("csr: a condition without status gets \"True\"", "[csr]") {
  CHECK(ConvertText(V1beta1("  signerName: example.com/s\n  usages: [client auth]\nstatus:\n  conditions:\n"
                            "  - {type: Approved}\n"))
            .converted ==
        V1("  signerName: example.com/s\n  usages: [client auth]\nstatus:\n  conditions:\n"
           "  - {type: Approved, status: \"True\"}\n"));
}

TEST_CASE("csr: the signer is a person's choice", "[csr]") {
  CHECK(NeedsPerson("  usages: [client auth]\n").find("spec.signerName is required") != std::string::npos);
  CHECK(NeedsPerson("  signerName: \"\"\n").find("spec.signerName is required") != std::string::npos);
  CHECK(NeedsPerson("  signerName: kubernetes.io/legacy-unknown\n").find("legacy-unknown") != std::string::npos);
}

TEST_CASE("csr: usages v1 rejects need a person", "[csr]") {
  CHECK(NeedsPerson("  signerName: example.com/s\n  usages: [client auth, client auth]\n")
            .find("duplicate usage 'client auth'") != std::string::npos);
  CHECK(NeedsPerson("  signerName: example.com/s\n  usages: [Client Auth]\n").find("does not know the usage") !=
        std::string::npos);
}

}  // namespace
}  // namespace kubeshift
