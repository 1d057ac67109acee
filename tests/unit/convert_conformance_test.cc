// Conformance of `kubeshift convert` with kubectl-convert v1.26: every case of
// testdata/conformance/convert/cases.tsv (real kubectl-convert inputs and outputs).
//
// kubeshift keeps the text and writes only what must change; kubectl-convert re-prints the
// object with its SOURCE version's defaults. So both outputs are read as objects, defaulted
// with the TARGET version's defaults, normalised (api_defaults.h) and compared field by field.
// A case that is not compared that way is declared, with its reason, in kDeclared below; a
// test checks that the declarations and cases.tsv agree, so nothing is skipped silently.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "api_defaults.h"
#include "catch.h"
#include "test_files.h"
#include "cli/cli.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

using api_defaults::Canonical;
using api_defaults::ParseObjects;
using api_defaults::Value;

const std::string kDataDir = KUBESHIFT_SOURCE_DIR "/testdata/conformance/convert";

// ---------------------------------------------------------------------------------------------
// cases.tsv

struct Case {
  std::string name;
  std::string input_api_version;
  std::string input_kind;
  std::string flag;  ///< --output-version given to kubectl-convert, or "(none)"
  std::string format;
  std::string result;  ///< "ok" or "error"
  std::string exit_code;
  std::string output_api_version;
  std::string output_kind;
};

std::vector<Case> LoadCases() {
  std::istringstream in(ReadFile(kDataDir + "/cases.tsv"));
  std::vector<Case> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    cells.resize(9);
    cases.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]});
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Running kubeshift in-process.

struct Run {
  std::vector<std::string> args;
  int exit_code = -1;
  std::string out;
  std::string err;

  std::string Describe() const {
    std::string command = "kubeshift";
    for (const std::string& arg : args) command += " " + arg;
    return command + "\nexit " + std::to_string(exit_code) + "\nstderr:\n" + err;
  }
};

std::string InputPath(const std::string& name) { return kDataDir + "/cases/" + name + ".yaml"; }

Run RunConvert(const std::string& name, const std::string& output_version) {
  Run run;
  run.args = {"convert", "--no-config"};
  if (!output_version.empty()) run.args.insert(run.args.end(), {"--output-version", output_version});
  run.args.push_back(InputPath(name));
  std::ostringstream out;
  std::ostringstream err;
  run.exit_code = RunCommandLine(run.args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

// ---------------------------------------------------------------------------------------------
// Cases not compared as they stand: each with its reason.

enum class Treatment {
  kOutOfScope,         ///< not run: kubeshift deliberately does something else
  kOurDefaultDiffers,  ///< kubectl's choice of version without --output-version is its own
                       ///< quirk: compared with --output-version set to kubectl's version
  kUpstreamBug,        ///< compared; kubectl's output has a known bug we do not copy
  kOurBehaviour,       ///< kubectl-convert fails; kubeshift's documented behaviour is checked
  kRefused,            ///< kubectl-convert's output would be rejected by the API server at the
                       ///< target; kubeshift reports the object for a person instead (checked)
};

using BehaviourCheck = void (*)(const Case&, const Run&);

struct Declared {
  const char* name;
  Treatment treatment;
  const char* reason;
  BehaviourCheck check = nullptr;  ///< kOurBehaviour and kRefused
  /// kOutOfScope and kOurDefaultDiffers: what kubeshift does with kubectl's arguments: the
  /// apiVersion it converts to, or "" when it reports the object and leaves it unchanged.
  const char* ours = nullptr;
};

const Value* Field(const Value& object, std::initializer_list<std::string_view> path) { return object.Path(path); }

std::string TextAt(const Value& object, std::initializer_list<std::string_view> path) {
  const Value* v = Field(object, path);
  return v && v->IsScalar() ? v->text : std::string("(absent)");
}

void CheckCrdConverted(const Case& c, const Run& run) {
  INFO(run.Describe());
  CHECK(run.exit_code == 0);
  std::vector<Value> objects;
  REQUIRE_NOTHROW(objects = ParseObjects(run.out));
  REQUIRE(objects.size() == 1);
  CHECK(TextAt(objects[0], {"apiVersion"}) == c.flag);
  CHECK(TextAt(objects[0], {"kind"}) == "CustomResourceDefinition");
  // The v1beta1 top-level version and schema moved into spec.versions.
  CHECK_FALSE(Field(objects[0], {"spec", "version"}));
  CHECK_FALSE(Field(objects[0], {"spec", "validation"}));
  const Value* versions = Field(objects[0], {"spec", "versions"});
  REQUIRE(versions);
  REQUIRE(versions->items.size() == 1);
  const Value& v1 = versions->items[0];
  CHECK(TextAt(v1, {"name"}) == "v1");
  CHECK(TextAt(v1, {"served"}) == "true");
  CHECK(TextAt(v1, {"storage"}) == "true");
  CHECK(TextAt(v1, {"schema", "openAPIV3Schema", "properties", "spec", "properties", "cronSpec", "type"}) == "string");
}

void CheckUnchanged(const Case& c, const Run& run, int exit_code, const std::string& message) {
  INFO(run.Describe());
  CHECK(run.exit_code == exit_code);
  CHECK(run.out == ReadFile(InputPath(c.name)));
  if (!message.empty()) CHECK(run.err.find(message) != std::string::npos);
}

void CheckCustomResource(const Case& c, const Run& run) {
  // cert-manager's rows are in our table (Certificate v1alpha2 is removed in cert-manager 1.6),
  // but its conversion is cmctl's job: with --output-version the object is reported, not guessed.
  CheckUnchanged(c, run, 1, "cert-manager.io/v1alpha2 Certificate");
}

void CheckMissingKind(const Case& c, const Run& run) {
  // Without a kind it is not an object we know: it is left alone, as every unknown document.
  CheckUnchanged(c, run, 0, "");
}

void CheckBadType(const Case& c, const Run& run) {
  // kubeshift does not validate values: `replicas: "three"` is left for the API server to
  // reject. The Deployment itself is converted like any other.
  INFO(run.Describe());
  CHECK(run.exit_code == 0);
  std::vector<Value> objects;
  REQUIRE_NOTHROW(objects = ParseObjects(run.out));
  REQUIRE(objects.size() == 1);
  CHECK(TextAt(objects[0], {"apiVersion"}) == c.flag);
  const Value* replicas = Field(objects[0], {"spec", "replicas"});
  REQUIRE(replicas);
  CHECK(*replicas == Value::Str("three"));
}

void CheckMixedMultiDocument(const Case& c, const Run& run) {
  // kubectl-convert 1.26 fails the whole run; kubeshift reports the ConfigMap (there is no
  // ConfigMap in apps/v1), leaves it as it is, and still converts the Deployment.
  INFO(run.Describe());
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("v1 ConfigMap cannot be converted to apps/v1") != std::string::npos);
  std::vector<Value> objects;
  REQUIRE_NOTHROW(objects = ParseObjects(run.out));
  REQUIRE(objects.size() == 2);
  CHECK(TextAt(objects[0], {"apiVersion"}) == c.flag);
  CHECK(TextAt(objects[0], {"kind"}) == "Deployment");
  CHECK(TextAt(objects[1], {"apiVersion"}) == "v1");
  CHECK(TextAt(objects[1], {"kind"}) == "ConfigMap");
}

void CheckNoSuchTarget(const Case& c, const Run& run) {
  // networking.k8s.io/v1beta1 never had a NetworkPolicy: reported, file unchanged.
  CheckUnchanged(c, run, 1, "cannot be converted to networking.k8s.io/v1beta1");
}

void CheckEventRefused(const Case& c, const Run& run) {
  // ValidateEventCreate for events.k8s.io/v1: deprecatedSource and deprecatedCount "need to be
  // unset"; kubectl-convert's output keeps both, so the API server would refuse it.
  CheckUnchanged(c, run, 1, "deprecatedSource");
}

void CheckCsrRefused(const Case& c, const Run& run) {
  // certificates.k8s.io/v1 requires spec.signerName and does not accept kubectl-convert's
  // guess, kubernetes.io/legacy-unknown, on create: a person must choose the signer.
  CheckUnchanged(c, run, 1, "signerName");
}

const std::vector<Declared> kDeclared = {
    // kubectl-convert's own choice of version when --output-version is left out.
    {"pdb-policy-v1beta1-default-target", Treatment::kOutOfScope,
     "kubectl quirk: without --output-version a PDB stays policy/v1beta1 (first in its priority list); "
     "kubeshift moves it to policy/v1, compared in pdb-policy-v1beta1-maxunavailable-empty-selector and -no-selector",
     nullptr, "policy/v1"},
    {"hpa-v2beta1-default-target", Treatment::kOutOfScope,
     "kubectl quirk: without --output-version an HPA goes to autoscaling/v1 (annotation round-trip form); "
     "kubeshift moves v2beta1 to autoscaling/v2, compared in the hpa-v2beta1-* cases",
     nullptr, "autoscaling/v2"},
    {"psp-ext-v1beta1-default-target", Treatment::kOurDefaultDiffers,
     "at kubeshift's default target (the newest Kubernetes) policy/v1beta1 is removed too and PSP has no "
     "replacement, so kubeshift reports it; compared with --output-version policy/v1beta1",
     nullptr, ""},
    {"flowschema-flowcontrol-v1alpha1-default-target", Treatment::kOurDefaultDiffers,
     "kubectl quirk: v1beta2 first in its priority list; kubeshift goes to the newest served version (v1); "
     "compared with --output-version flowcontrol.apiserver.k8s.io/v1beta2",
     nullptr, "flowcontrol.apiserver.k8s.io/v1"},
    // Conversions kubeshift does not perform: they are not deprecations.
    {"hpa-v2beta1-to-v1", Treatment::kOutOfScope,
     "autoscaling/v1 is not the replacement of anything: kubeshift never converts to it", nullptr, ""},
    {"hpa-v2beta2-to-v1-annotations", Treatment::kOutOfScope,
     "autoscaling/v1 is not the replacement of anything: kubeshift never converts to it", nullptr, ""},
    {"hpa-autoscaling-v1-to-v2", Treatment::kOutOfScope,
     "autoscaling/v1 is served and not deprecated (no table row): kubeshift does not convert it", nullptr, ""},
    {"hpa-autoscaling-v1-annotations-to-v2", Treatment::kOutOfScope,
     "autoscaling/v1 is served and not deprecated (no table row): kubeshift does not convert it", nullptr, ""},
    {"event-core-v1-to-events-v1", Treatment::kOutOfScope,
     "core v1 Event is served and not deprecated; moving it to events.k8s.io is not a deprecation kubeshift performs",
     nullptr, ""},
    {"ing-net-v1-to-ext-v1beta1", Treatment::kOutOfScope,
     "a backwards conversion to a removed version; kubeshift only converts forwards", nullptr, ""},
    // Known upstream bugs (kubectl-convert.md §2.1). The HPA ContainerResource bug (container name
    // lost) has no case here; kubeshift keeps the name.
    {"netpol-ext-v1beta1-egress-only", Treatment::kUpstreamBug,
     "kubectl leaves extensions/v1beta1 NetworkPolicy ports without protocol; networking/v1 defaults it to "
     "TCP on both sides, so the objects are compared as they are"},
    {"netpol-ext-v1beta1-default-target", Treatment::kUpstreamBug,
     "as netpol-ext-v1beta1-egress-only (ports without protocol); our default target is networking.k8s.io/v1 too"},
    // kubectl-convert's output would be refused at the target: kubeshift asks a person.
    {"event-events-v1beta1", Treatment::kRefused,
     "events.k8s.io/v1 refuses to create an Event with deprecatedSource or deprecatedCount; kubectl keeps both",
     CheckEventRefused},
    {"csr-certificates-v1beta1-generic", Treatment::kRefused,
     "certificates.k8s.io/v1 requires signerName and refuses kubectl's guess kubernetes.io/legacy-unknown",
     CheckCsrRefused},
    // kubectl-convert fails; kubeshift's own behaviour.
    {"crd-apiextensions-v1beta1", Treatment::kOurBehaviour,
     "kubectl-convert cannot convert CRDs; kubeshift converts to apiextensions.k8s.io/v1", CheckCrdConverted},
    {"custom-resource-unknown", Treatment::kOurBehaviour,
     "kubectl-convert knows no custom resources; kubeshift has cert-manager rows but no converter: reported, unchanged",
     CheckCustomResource},
    {"missing-kind", Treatment::kOurBehaviour, "no kind: not an object; left unchanged, exit 0", CheckMissingKind},
    {"deploy-ext-v1beta1-bad-type", Treatment::kOurBehaviour,
     "kubectl-convert rejects replicas: \"three\"; kubeshift does not validate values and converts the object",
     CheckBadType},
    {"multidoc-mixed-apps-v1-flag", Treatment::kOurBehaviour,
     "kubectl-convert 1.26 fails the whole file; kubeshift reports the ConfigMap and converts the Deployment",
     CheckMixedMultiDocument},
    {"netpol-ext-v1beta1-to-networking-v1beta1", Treatment::kOurBehaviour,
     "no NetworkPolicy in networking.k8s.io/v1beta1: reported, unchanged", CheckNoSuchTarget},
};

const Declared* FindDeclared(const std::string& name) {
  for (const Declared& d : kDeclared) {
    if (name == d.name) return &d;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Comparing.

/// The --output-version kubeshift is run with: kubectl's flag; without one, none (our own
/// default target), unless our default is declared to differ.
std::string OurOutputVersion(const Case& c, const Declared* declared) {
  if (c.flag != "(none)") return c.flag;
  if (declared && declared->treatment == Treatment::kOurDefaultDiffers) return c.output_api_version;
  return "";
}

/// The differences between our objects and kubectl's, both defaulted at kubectl's output
/// version and normalised; empty when they are the same objects.
std::vector<std::string> Compare(const std::string& ours_text, const std::string& theirs_text) {
  std::vector<std::string> differences;
  std::vector<Value> ours;
  std::vector<Value> theirs;
  try {
    ours = ParseObjects(ours_text);
  } catch (const std::exception& e) {
    return {std::string("our output does not parse: ") + e.what()};
  }
  theirs = ParseObjects(theirs_text);
  if (ours.size() != theirs.size()) {
    return {"ours has " + std::to_string(ours.size()) + " objects, kubectl " + std::to_string(theirs.size())};
  }
  for (size_t i = 0; i < ours.size(); ++i) {
    const std::string target(theirs[i].TextOf("apiVersion"));
    const std::string prefix = ours.size() > 1 ? "items[" + std::to_string(i) + "]." : "";
    std::vector<std::string> item;
    api_defaults::Diff(Canonical(ours[i], target), Canonical(theirs[i], target), "", &item);
    for (const std::string& line : item) differences.push_back(prefix + line);
  }
  return differences;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "  " + line + "\n";
  return out;
}

TEST_CASE("conformance: the declared cases and cases.tsv agree", "[convert_conformance]") {
  const std::vector<Case> cases = LoadCases();
  REQUIRE(cases.size() >= 70);
  std::map<std::string, const Case*> by_name;
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(by_name.emplace(c.name, &c).second);
    const std::string expected = kDataDir + "/expected/" + c.name + (c.result == "ok" ? ".yaml" : ".err");
    CHECK(std::ifstream(expected).good());
    const Declared* declared = FindDeclared(c.name);
    if (c.result != "ok") {
      // Where kubectl-convert fails there is nothing to compare with: our behaviour is declared.
      REQUIRE(declared);
      CHECK((declared->treatment == Treatment::kOurBehaviour || declared->treatment == Treatment::kOutOfScope));
    }
  }
  for (const Declared& d : kDeclared) {
    INFO(d.name);
    auto it = by_name.find(d.name);
    REQUIRE(it != by_name.end());
    CHECK(std::string(d.reason).size() > 20);
    if (d.treatment == Treatment::kOurBehaviour || d.treatment == Treatment::kRefused) {
      CHECK(it->second->result == (d.treatment == Treatment::kOurBehaviour ? "error" : "ok"));
      CHECK(d.check != nullptr);
    }
    if (d.treatment == Treatment::kOurDefaultDiffers) CHECK(it->second->flag == "(none)");
    const bool deviation = d.treatment == Treatment::kOutOfScope || d.treatment == Treatment::kOurDefaultDiffers;
    CHECK(deviation == (d.ours != nullptr));
    int count = 0;
    for (const Declared& other : kDeclared) count += std::string(other.name) == d.name;
    CHECK(count == 1);
  }
}

TEST_CASE("conformance: kubeshift output once defaulted equals kubectl-convert output", "[convert_conformance]") {
  for (const Case& c : LoadCases()) {
    const Declared* declared = FindDeclared(c.name);
    if (c.result != "ok" ||
        (declared && (declared->treatment == Treatment::kOutOfScope || declared->treatment == Treatment::kRefused))) {
      continue;
    }
    DYNAMIC_SECTION(c.name) {
      const Run run = RunConvert(c.name, OurOutputVersion(c, declared));
      const std::vector<std::string> differences =
          Compare(run.out, ReadFile(kDataDir + "/expected/" + c.name + ".yaml"));
      if (!differences.empty() || run.exit_code != 0) {
        FAIL_CHECK(c.name << ": kubeshift's object differs from kubectl-convert's (both defaulted at "
                          << (c.output_kind == "List" ? "each item's output version" : c.output_api_version) << "):\n"
                          << Join(differences) << run.Describe());
      }
    }
  }
}

TEST_CASE("conformance: the declared deviations are what kubeshift does", "[convert_conformance]") {
  for (const Case& c : LoadCases()) {
    const Declared* declared = FindDeclared(c.name);
    if (!declared || !declared->ours) continue;
    DYNAMIC_SECTION(c.name) {
      // With kubectl's own arguments: its flag, or none.
      const Run run = RunConvert(c.name, c.flag == "(none)" ? "" : c.flag);
      INFO(run.Describe());
      const std::string ours = declared->ours;
      if (ours.empty()) {
        CheckUnchanged(c, run, 1, "warning: ");
      } else {
        CHECK(run.exit_code == 0);
        std::vector<Value> objects;
        REQUIRE_NOTHROW(objects = ParseObjects(run.out));
        REQUIRE_FALSE(objects.empty());
        for (const Value& object : objects) CHECK(TextAt(object, {"apiVersion"}) == ours);
      }
    }
  }
}

TEST_CASE("conformance: where kubectl-convert fails or would be refused kubeshift does what it documents",
          "[convert_conformance]") {
  for (const Case& c : LoadCases()) {
    const Declared* declared = FindDeclared(c.name);
    if (!declared || !declared->check) continue;
    DYNAMIC_SECTION(c.name) { declared->check(c, RunConvert(c.name, OurOutputVersion(c, declared))); }
  }
}

}  // namespace
}  // namespace kubeshift
