// `kubeshift check` on a chart: rendered natively for the target, so apiVersions written by
// helpers and values are found at the template line that wrote them; lexical findings stay.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.h"
#include "cli/cli.h"

namespace kubeshift {
namespace {

namespace fs = std::filesystem;

// A chart in a fresh temporary directory, removed at the end of the test.
class TempChart {
 public:
  TempChart() : root_(fs::temp_directory_path() / ("kubeshift-chart-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
  }
  ~TempChart() { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) {
    fs::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name) << text;
  }
  std::string path() const { return root_.string(); }

 private:
  fs::path root_;
};

int Check(const std::string& dir, std::string* out) {
  std::ostringstream o, e;
  int rc = RunCommandLine({"check", "--no-config", "--target-version", "1.29", dir}, o, e);
  *out = o.str();
  return rc;
}

TEST_CASE("chart check: helper and values apiVersions found at their template line", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("values.yaml", "pdbApi: policy/v1beta1\n");
  chart.Write("templates/_helpers.tpl", "{{- define \"cron.api\" -}}\nbatch/v1beta1\n{{- end -}}\n");
  chart.Write("templates/all.yaml",
              "apiVersion: {{ include \"cron.api\" . }}\nkind: CronJob\nmetadata: {name: a}\n---\n"
              "apiVersion: {{ .Values.pdbApi }}\nkind: PodDisruptionBudget\nmetadata: {name: b}\n---\n"
              "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: c}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  const std::string file = chart.path() + "/templates/all.yaml";
  CHECK(out.find(file + ":1:13: error: batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1 (served "
                        "since 1.21); rendered by {{ include \"cron.api\" . }} (" +
                 chart.path() + "/templates/_helpers.tpl:2) [removed-api]") != std::string::npos);
  CHECK(out.find(file + ":5:13: error: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use "
                        "policy/v1 (served since 1.21); rendered by {{ .Values.pdbApi }} [removed-api]") !=
        std::string::npos);
  // The literal one is reported once (the lexical scan and the render agree on its place).
  const std::string literal = file + ":9:13: error: extensions/v1beta1 Ingress";
  CHECK(out.find(literal) != std::string::npos);
  CHECK(out.find(literal) == out.rfind(literal));
  CHECK(out.find("3 findings") != std::string::npos);
}

TEST_CASE("chart check: a chart that does not render is still read as text", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("templates/a.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n"
                                  "  name: {{ required \"set name\" .Values.name }}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  CHECK(out.find("a.yaml:1:13: error: extensions/v1beta1 Ingress") != std::string::npos);
  CHECK(out.find("1 finding") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift
