// The chart template path: ScanSource(source, InputKind::kHelmTemplate) (src/scan/template_scan.cc).
#include <string>

#include "catch.h"
#include "kubeshift/scan.h"

namespace kubeshift {
namespace {

ScanResult ScanTemplateText(const std::string& text) {
  SourceFile source("chart/templates/x.yaml", text);
  return ScanSource(source, InputKind::kHelmTemplate);
}

}  // namespace

TEST_CASE("literal apiVersions in if/else branches are both reported with their guard", "[template][scan]") {
  const std::string text =
      "{{- if .Capabilities.APIVersions.Has \"networking.k8s.io/v1/Ingress\" }}\n"
      "apiVersion: networking.k8s.io/v1\n"
      "{{- else }}\n"
      "apiVersion: extensions/v1beta1\n"
      "{{- end }}\n"
      "kind: Ingress\n"
      "metadata:\n"
      "  name: {{ .Release.Name }}\n";
  ScanResult result = ScanTemplateText(text);
  CHECK(result.errors.empty());
  CHECK(result.documents == 1);
  REQUIRE(result.resources.size() == 2);
  const std::string guard = "{{ if .Capabilities.APIVersions.Has \"networking.k8s.io/v1/Ingress\" }} (line 1)";

  const Resource& v1 = result.resources[0];
  CHECK(v1.api_version.value == "networking.k8s.io/v1");
  CHECK(v1.api_version.range.begin == text.find("apiVersion: networking") + 12);
  CHECK(v1.api_version.range.end == text.find("apiVersion: networking") + 32);
  CHECK(v1.api_version.style == ScalarStyle::kPlain);
  CHECK(v1.kind.value == "Ingress");
  CHECK(v1.kind.range.begin == text.find("kind: Ingress") + 6);
  CHECK(v1.context == "inside " + guard);
  CHECK(v1.document == 0);
  CHECK(v1.name == "");

  const Resource& beta = result.resources[1];
  CHECK(beta.api_version.value == "extensions/v1beta1");
  CHECK(beta.api_version.range.begin == text.find("extensions/v1beta1"));
  CHECK(beta.kind.value == "Ingress");
  CHECK(beta.context == "in the {{ else }} branch of " + guard);
  CHECK(beta.document == 0);
}

TEST_CASE("an apiVersion or kind computed by an action is not reported", "[template][scan]") {
  CHECK(ScanTemplateText("apiVersion: {{ .Values.apiVersion }}\nkind: Deployment\n").resources.empty());
  CHECK(ScanTemplateText("apiVersion: \"{{ .Values.apiVersion }}\"\nkind: Deployment\n").resources.empty());
  CHECK(ScanTemplateText("apiVersion: {{ include \"x.apiVersion\" . }}\nkind: Ingress\n").resources.empty());
  CHECK(ScanTemplateText("apiVersion: apps/{{ .Values.v }}\nkind: Deployment\n").resources.empty());
  CHECK(ScanTemplateText("apiVersion: batch/v1beta1\nkind: {{ .Values.kind }}\n").resources.empty());
  CHECK(ScanTemplateText(
            "apiVersion: {{ if .x }}policy/v1{{ else }}policy/v1beta1{{ end }}\nkind: PodDisruptionBudget\n")
            .resources.empty());
  ScanResult result = ScanTemplateText("apiVersion: {{ .Values.apiVersion }}\nkind: Deployment\n");
  CHECK(result.documents == 1);
  CHECK(result.errors.empty());
}

TEST_CASE("kinds are paired with the apiVersion of the same branch", "[template][scan]") {
  const std::string text =
      "{{- if .Values.v1 }}\n"
      "apiVersion: policy/v1\n"
      "kind: PodDisruptionBudget\n"
      "{{- else }}\n"
      "apiVersion: policy/v1beta1\n"
      "kind: PodSecurityPolicy\n"
      "{{- end }}\n"
      "metadata:\n"
      "  name: x\n";
  ScanResult result = ScanTemplateText(text);
  REQUIRE(result.resources.size() == 2);
  CHECK(result.resources[0].api_version.value == "policy/v1");
  CHECK(result.resources[0].kind.value == "PodDisruptionBudget");
  CHECK(result.resources[0].kind.range.begin == text.find("PodDisruptionBudget"));
  CHECK(result.resources[0].context == "inside {{ if .Values.v1 }} (line 1)");
  CHECK(result.resources[1].api_version.value == "policy/v1beta1");
  CHECK(result.resources[1].kind.value == "PodSecurityPolicy");
  CHECK(result.resources[1].kind.range.begin == text.find("PodSecurityPolicy"));
  CHECK(result.resources[1].context == "in the {{ else }} branch of {{ if .Values.v1 }} (line 1)");
}

TEST_CASE("a branch without its own kind takes the document's first kind", "[template][scan]") {
  const std::string text =
      "kind: CronJob\n"
      "{{- if semverCompare \">=1.21-0\" .Capabilities.KubeVersion.GitVersion }}\n"
      "apiVersion: batch/v1\n"
      "{{- else }}\n"
      "apiVersion: batch/v1beta1\n"
      "{{- end }}\n";
  ScanResult result = ScanTemplateText(text);
  REQUIRE(result.resources.size() == 2);
  CHECK(result.resources[0].kind.value == "CronJob");
  CHECK(result.resources[1].kind.value == "CronJob");
  CHECK(result.resources[1].kind.range.begin == 6);
  CHECK(result.resources[1].context ==
        "in the {{ else }} branch of {{ if semverCompare \">=1.21-0\" .Capabilities.KubeVersion.GitVersion }} (line 2)");
}

TEST_CASE("a template whose masked text is plain YAML gives name and namespace", "[template][scan]") {
  const std::string text =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: web\n"
      "  namespace: prod\n"
      "  labels:\n"
      "    {{- include \"chart.labels\" . | nindent 4 }}\n"
      "spec:\n"
      "  replicas: {{ .Values.replicas }}\n";
  ScanResult result = ScanTemplateText(text);
  CHECK(result.errors.empty());
  REQUIRE(result.resources.size() == 1);
  const Resource& r = result.resources[0];
  CHECK(r.api_version.value == "apps/v1");
  CHECK(r.api_version.range.begin == 12);
  CHECK(r.api_version.range.end == 19);
  CHECK(r.kind.value == "Deployment");
  CHECK(r.name == "web");
  CHECK(r.namespace_ == std::optional<std::string>("prod"));
  CHECK(r.context == "");
}

TEST_CASE("a name or namespace computed by an action is not reported as filler", "[template][scan]") {
  SECTION("name") {
    ScanResult result = ScanTemplateText(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"x.fullname\" . }}\n");
    REQUIRE(result.resources.size() == 1);
    CHECK(result.resources[0].name == "");
    ScanResult suffix = ScanTemplateText("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n");
    REQUIRE(suffix.resources.size() == 1);
    CHECK(suffix.resources[0].name == "");
  }
  SECTION("namespace") {
    // The masked text holds "xxxxxxxx…" where the action was: that is not the namespace.
    ScanResult result = ScanTemplateText(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: {{ .Release.Namespace }}\n");
    REQUIRE(result.resources.size() == 1);
    CHECK(result.resources[0].name == "web");
    CHECK(result.resources[0].namespace_.value_or("").find("xxx") == std::string::npos);
    CHECK_FALSE(result.resources[0].namespace_.has_value());
    ScanResult quoted = ScanTemplateText(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  namespace: \"{{ .Release.Namespace }}\"\n");
    REQUIRE(quoted.resources.size() == 1);
    CHECK_FALSE(quoted.resources[0].namespace_.has_value());
  }
}

TEST_CASE("a guard around the whole object in the fast path", "[template][scan]") {
  const std::string text =
      "{{ if .Values.cronjob.enabled }}\n"
      "apiVersion: batch/v1beta1\n"
      "kind: CronJob\n"
      "{{ end }}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: {{ .Values.kind }}\n"
      "---\n"
      "# only a comment\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Service\n";
  ScanResult result = ScanTemplateText(text);
  CHECK(result.documents == 3);
  REQUIRE(result.resources.size() == 2);
  CHECK(result.resources[0].api_version.value == "batch/v1beta1");
  CHECK(result.resources[0].context == "inside {{ if .Values.cronjob.enabled }} (line 1)");
  CHECK(result.resources[0].document == 0);
  CHECK(result.resources[1].kind.value == "Service");
  CHECK(result.resources[1].context == "");
  CHECK(result.resources[1].document == 2);
}

TEST_CASE("List items produced by a range are reported with the range as guard", "[template][scan]") {
  const std::string text =
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "{{- range .Values.ingresses }}\n"
      "- apiVersion: extensions/v1beta1\n"
      "  kind: Ingress\n"
      "{{- end }}\n";
  ScanResult result = ScanTemplateText(text);
  REQUIRE(result.resources.size() == 2);
  CHECK(result.resources[1].api_version.range.begin == text.find("extensions/v1beta1"));
  CHECK(result.resources[1].list_item);
  CHECK(result.resources[1].context == "inside {{ range .Values.ingresses }} (line 4)");
}

TEST_CASE("template text that is not YAML after masking is never a parse error", "[template][scan]") {
  // "  labels xxxxxxxxxxxxx" is a missing ':' for the fast scanner; the lexical pass still
  // finds the literal apiVersion.
  const std::string text =
      "apiVersion: extensions/v1beta1\n"
      "kind: Ingress\n"
      "metadata:\n"
      "  name: web\n"
      "  labels {{ .Values.x }}\n";
  ScanResult result = ScanTemplateText(text);
  CHECK(result.errors.empty());
  REQUIRE(result.resources.size() == 1);
  CHECK(result.resources[0].api_version.value == "extensions/v1beta1");
  CHECK(result.resources[0].api_version.range.begin == 12);
  CHECK(result.resources[0].kind.value == "Ingress");
}

TEST_CASE("templates with a BOM and CRLF line ends", "[template][scan]") {
  const std::string text = "\xEF\xBB\xBF{{- if .Values.x }}\r\napiVersion: batch/v1beta1\r\nkind: CronJob\r\n{{- end }}\r\n";
  ScanResult result = ScanTemplateText(text);
  REQUIRE(result.resources.size() == 1);
  CHECK(result.resources[0].api_version.range.begin == text.find("batch/v1beta1"));
  CHECK(result.resources[0].kind.value == "CronJob");
  CHECK(result.resources[0].context == "inside {{ if .Values.x }} (line 1)");
}

TEST_CASE("an empty template and a template of actions only", "[template][scan]") {
  ScanResult empty = ScanTemplateText("");
  CHECK(empty.documents == 0);
  CHECK(empty.resources.empty());
  ScanResult actions = ScanTemplateText("{{- include \"chart.something\" . }}\n{{/* nothing */}}\n");
  CHECK(actions.documents == 0);
  CHECK(actions.resources.empty());
  CHECK(actions.errors.empty());
}

}  // namespace kubeshift
