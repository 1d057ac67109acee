// `kubeshift check` on a chart: rendered natively for the target, so apiVersions written by
// helpers and values are found at the template line that wrote them; lexical findings stay.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

int Check(const std::string& dir, std::string* out, std::vector<std::string> extra = {}) {
  std::ostringstream o, e;
  std::vector<std::string> args = {"check", "--no-config", "--target-version", "1.29"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(dir);
  int rc = RunCommandLine(args, o, e);
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

TEST_CASE("chart check: required stops the render: render-error at the call, lexical findings stay", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("templates/a.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n"
                                  "  name: {{ required \"set name\" .Values.name }}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  CHECK(out.find("a.yaml:1:13: error: extensions/v1beta1 Ingress") != std::string::npos);
  CHECK(out.find("a.yaml:4:9: error: chart " + chart.path() + " not rendered: required: set name [render-error]") !=
        std::string::npos);
  CHECK(out.find("2 findings") != std::string::npos);
  // With the value the chart renders, and the literal is reported once, by name.
  CHECK(Check(chart.path(), &out, {"--set", "name=front"}) == 1);
  CHECK(out.find("render-error") == std::string::npos);
  CHECK(out.find("1 finding") != std::string::npos);
}

TEST_CASE("chart check: fail inside a helper points at the template's include", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("templates/_helpers.tpl", "{{- define \"web.check\" -}}\n{{- fail \"mode must be a or b\" -}}\n{{- end -}}\n");
  chart.Write("templates/a.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n"
                                  "  labels: {a: {{ include \"web.check\" . }}}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  CHECK(out.find("a.yaml:5:15: error: chart " + chart.path() + " not rendered: fail: mode must be a or b [render-error]") !=
        std::string::npos);
}

TEST_CASE("chart check: a literal in a branch the target does not take is info", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("templates/ing.yaml",
              "{{- if .Capabilities.APIVersions.Has \"networking.k8s.io/v1/Ingress\" }}\napiVersion: networking.k8s.io/v1\n"
              "{{- else }}\napiVersion: extensions/v1beta1\n{{- end }}\nkind: Ingress\nmetadata:\n  name: p\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 0);
  CHECK(out.find("ing.yaml:4:13: info: extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use "
                 "networking.k8s.io/v1 (served since 1.19); not rendered at Kubernetes 1.29: in the {{ else }} branch "
                 "of {{ if .Capabilities.APIVersions.Has \"networking.k8s.io/v1/Ingress\" }} (line 1) [removed-api]") !=
        std::string::npos);
  // At 1.18 the else branch is rendered: a normal warning, once.
  std::ostringstream o, e;
  CHECK(RunCommandLine({"check", "--no-config", "-t", "1.18", chart.path()}, o, e) == 0);
  CHECK(o.str().find("ing.yaml:4:13: warning: extensions/v1beta1 Ingress is deprecated") != std::string::npos);
  CHECK(o.str().find("1 finding (1 warning)") != std::string::npos);
}

TEST_CASE("chart check: a literal rendered by every range iteration is reported once", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("values.yaml", "jobs: [a, b, c]\n");
  chart.Write("templates/jobs.yaml", "{{- range .Values.jobs }}\n---\napiVersion: batch/v1beta1\nkind: CronJob\n"
                                     "metadata:\n  name: {{ . }}\n{{- end }}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  CHECK(out.find("jobs.yaml:3:13: error: batch/v1beta1 CronJob") != std::string::npos);
  CHECK(out.find("1 finding") != std::string::npos);
}

TEST_CASE("chart check: a define's literal is reported once, at the literal, however often it is included",
          "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("templates/a.yaml", "{{- define \"web.ing\" }}\napiVersion: extensions/v1beta1\nkind: Ingress\n"
                                  "metadata:\n  name: x\n{{- end }}\n{{- include \"web.ing\" . | indent 0 }}\n---\n"
                                  "{{- include \"web.ing\" . | nindent 0 }}\n---\n"
                                  "{{- define \"web.unused\" }}\napiVersion: batch/v1beta1\nkind: CronJob\n{{- end }}\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 1);
  CHECK(out.find("a.yaml:2:13: error: extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use "
                 "networking.k8s.io/v1 (served since 1.19); inside {{ define \"web.ing\" }} (line 1) [removed-api]") !=
        std::string::npos);
  CHECK(out.find("a.yaml:12:13: info: batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1 (served "
                 "since 1.21); not rendered at Kubernetes 1.29: inside {{ define \"web.unused\" }} (line 11) "
                 "[removed-api]") != std::string::npos);
  CHECK(out.find("2 findings (1 error, 1 info)") != std::string::npos);
}

TEST_CASE("chart check: a disabled subchart's literals are info, naming the condition", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n"
                            "  - name: db\n    version: 1.0.0\n    condition: db.enabled\n");
  chart.Write("values.yaml", "db:\n  enabled: false\n");
  chart.Write("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
  chart.Write("charts/db/templates/pdb.yaml", "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: d\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 0);
  CHECK(out.find("pdb.yaml:1:13: info: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use "
                 "policy/v1 (served since 1.21); not rendered: subchart db is disabled (condition: db.enabled) "
                 "[removed-api]") != std::string::npos);
  CHECK(Check(chart.path(), &out, {"--set", "db.enabled=true"}) == 1);
  CHECK(out.find("pdb.yaml:1:13: error: policy/v1beta1 PodDisruptionBudget") != std::string::npos);
  CHECK(out.find("1 finding") != std::string::npos);
}

TEST_CASE("chart check: a chart that cannot render is an input error, the rest is still checked", "[chart_check]") {
  TempChart chart;
  chart.Write("bad/Chart.yaml", "apiVersion: v2\nname: bad\nversion: 1.0.0\n");
  chart.Write("bad/templates/a.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n"
                                      "  name: {{ .Values.x | nosuchfunction }}\n");
  chart.Write("good/Chart.yaml", "apiVersion: v2\nname: good\nversion: 1.0.0\n");
  chart.Write("good/templates/b.yaml", "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: b\n");
  std::string out;
  CHECK(Check(chart.path(), &out) == 3);
  CHECK(out.find("bad/templates/a.yaml:4:1: error: chart " + chart.path() + "/bad not rendered: ") != std::string::npos);
  CHECK(out.find("bad/templates/a.yaml:1:13: error: extensions/v1beta1 Ingress") != std::string::npos);
  CHECK(out.find("good/templates/b.yaml:1:13: error: batch/v1beta1 CronJob") != std::string::npos);
  CHECK(out.find("2 findings (2 errors) and 1 input error") != std::string::npos);
}

TEST_CASE("chart check: values, release name and namespace reach the render", "[chart_check]") {
  TempChart chart;
  chart.Write("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  chart.Write("values.yaml", "api: apps/v1\n");
  chart.Write("templates/a.yaml", "apiVersion: {{ .Values.api }}\nkind: Deployment\nmetadata:\n"
                                  "  name: {{ .Release.Name }}-web\n  namespace: {{ .Release.Namespace }}\n");
  chart.Write("over.yaml", "api: extensions/v1beta1\n");
  std::ostringstream o, e;
  CHECK(RunCommandLine({"check", "--no-config", "-t", "1.29", "-o", "json", "-f", chart.path() + "/over.yaml",
                        "--release-name", "shop", "-n", "prod", chart.path() + "/templates"},
                       o, e) == 1);
  CHECK(o.str().find("\"name\": \"shop-web\"") != std::string::npos);
  CHECK(o.str().find("\"namespace\": \"prod\"") != std::string::npos);
  CHECK(RunCommandLine({"check", "--no-config", "--release-name", "Bad_Name", chart.path()}, o, e) == 2);
  CHECK(RunCommandLine({"check", "--no-config", "-f", chart.path() + "/missing.yaml", chart.path()}, o, e) == 2);
}

}  // namespace
}  // namespace kubeshift
