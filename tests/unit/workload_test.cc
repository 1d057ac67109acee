// The apps-v1-workload converter (src/convert/workload.cc): edge cases the golden files under
// testdata/convert/apps-v1-workload/ do not show.
#include <string>

#include "app/convert_file.h"
#include "catch.h"
#include "kubeshift/version.h"

namespace kubeshift {
namespace {

FileConversion Convert(const std::string& text, InputKind kind = InputKind::kYaml) {
  static const DeprecationTable table = [] {
    DeprecationTable t;
    std::string error;
    if (!LoadBuiltinTable(&t, &error)) FAIL("built-in table: " << error);
    return t;
  }();
  const Version target = *ParseVersion("1.29");
  const Targets targets{{"kubernetes", target}};
  const ConvertSettings settings{table, target, targets, ""};
  InputFile input;
  input.display_path = "test.yaml";
  input.kind = kind;
  return ConvertBytes(input, text, settings);
}

bool HasNote(const FileConversion& result, std::string_view text) {
  for (const ConvertMessage& note : result.notes) {
    if (note.text.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string NeedsPerson(const FileConversion& result) {
  return result.needs_person.empty() ? "" : result.needs_person.front().text;
}

const std::string kTemplate =
    "  template:\n"
    "    metadata:\n"
    "      labels:\n"
    "        app: a\n"
    "    spec:\n"
    "      containers:\n"
    "      - {name: a, image: a}\n";

TEST_CASE("workload: rollbackTo without a revision is a rollback to revision 0", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  rollbackTo: {}\n" +
      kTemplate);
  CHECK(result.needs_person.empty());
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
        "  annotations:\n    deprecated.deployment.rollback.to: \"0\"\n"
        "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n" +
            kTemplate);
  CHECK(HasNote(result, "deprecated.deployment.rollback.to: \"0\""));
}

TEST_CASE("workload: a null rollbackTo goes without an annotation", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  rollbackTo:\n" +
      kTemplate);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
        "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n" +
            kTemplate);
}

TEST_CASE("workload: an existing rollback annotation takes the rollbackTo revision", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "  annotations:\n    deprecated.deployment.rollback.to: \"1\"\n    x: y\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  progressDeadlineSeconds: 60\n"
      "  strategy: {type: Recreate}\n  rollbackTo: {revision: 9}\n" +
      kTemplate);
  CHECK(result.needs_person.empty());
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
        "  annotations:\n    deprecated.deployment.rollback.to: \"9\"\n    x: y\n"
        "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  progressDeadlineSeconds: 60\n"
        "  strategy: {type: Recreate}\n" +
            kTemplate);
  CHECK(result.notes.size() == 1);
}

TEST_CASE("workload: a revision that is not an integer needs a person", "[workload]") {
  const std::string text =
      "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n"
      "spec:\n  rollbackTo:\n    revision: latest\n" +
      kTemplate;
  const FileConversion result = Convert(text);
  CHECK(result.converted == text);
  CHECK(NeedsPerson(result).find("spec.rollbackTo.revision is not an integer") != std::string::npos);
  CHECK(result.needs_person.front().position.line == 7);
}

TEST_CASE("workload: empty strategy and rolling-update maps get extensions/v1beta1's 1 and 1", "[workload]") {
  const std::string head =
      "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  progressDeadlineSeconds: 60\n";
  CHECK(Convert(head + "  strategy: {}\n" + kTemplate).converted ==
        "apiVersion: apps/v1\n" + head.substr(head.find('\n') + 1) +
            "  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 1\n" + kTemplate);
  CHECK(Convert(head + "  strategy: {rollingUpdate: {}}\n" + kTemplate).converted ==
        "apiVersion: apps/v1\n" + head.substr(head.find('\n') + 1) +
            "  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}\n" + kTemplate);
  // Parameters given with Recreate were defaulted too (the object is invalid either way).
  CHECK(Convert(head + "  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 0\n" + kTemplate)
            .converted ==
        "apiVersion: apps/v1\n" + head.substr(head.find('\n') + 1) +
            "  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n" +
            kTemplate);
}

TEST_CASE("workload: a null selector is derived in place", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: extensions/v1beta1\nkind: ReplicaSet\nmetadata:\n  name: r\n  labels: {}\n"
      "spec:\n  selector: null\n" +
      kTemplate);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: r\n  labels:\n    app: a\n"
        "spec:\n  selector:\n    matchLabels:\n      app: a\n" +
            kTemplate);
}

TEST_CASE("workload: a missing selector needs a person when nothing derived it", "[workload]") {
  SECTION("apps/v1beta2 never derived one") {
    const FileConversion result =
        Convert("apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n" + kTemplate);
    CHECK_FALSE(result.changed());
    CHECK(NeedsPerson(result).find("apps/v1beta2 did not derive it") != std::string::npos);
    CHECK(NeedsPerson(result).find("selector: null") != std::string::npos);
  }
  SECTION("apps/v1beta1 never served ReplicaSet") {
    const FileConversion result =
        Convert("apiVersion: apps/v1beta1\nkind: ReplicaSet\nmetadata:\n  name: r\nspec:\n" + kTemplate);
    CHECK_FALSE(result.changed());
    CHECK(NeedsPerson(result).find("spec.selector is missing") != std::string::npos);
  }
  SECTION("the template has no labels to derive it from") {
    const std::string text =
        "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
        "  template:\n    metadata:\n      labels: {}\n    spec: {}\n";
    const FileConversion result = Convert(text);
    CHECK(result.converted == text);
    CHECK(NeedsPerson(result).find("spec.template.metadata.labels is empty") != std::string::npos);
  }
  SECTION("no spec at all") {
    const FileConversion result = Convert("apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n");
    CHECK_FALSE(result.changed());
    CHECK(NeedsPerson(result).find("no spec") != std::string::npos);
  }
}

TEST_CASE("workload: apps/v1beta1 ReplicaSet with a selector gets no old defaults", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: apps/v1beta1\nkind: ReplicaSet\nmetadata:\n  name: r\nspec:\n  selector: {matchLabels: {app: a}}\n" +
      kTemplate);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: r\nspec:\n  selector: {matchLabels: {app: a}}\n" +
            kTemplate);
  CHECK(result.notes.empty());
}

TEST_CASE("workload: an empty update strategy type is OnDelete", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  updateStrategy:\n    type: \"\"\n" +
      kTemplate);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n  labels: {app: a}\n"
        "spec:\n  selector: {matchLabels: {app: a}}\n  updateStrategy:\n    type: \"OnDelete\"\n" +
            kTemplate);
  CHECK(HasNote(result, "OnDelete"));
}

TEST_CASE("workload: templateGeneration must be an integer", "[workload]") {
  const std::string text =
      "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  templateGeneration: \"3\"\n  updateStrategy: {type: OnDelete}\n" +
      kTemplate;
  const FileConversion result = Convert(text);
  CHECK(result.converted == text);
  CHECK(NeedsPerson(result).find("spec.templateGeneration is not an integer") != std::string::npos);
}

TEST_CASE("workload: an object without metadata gets the template labels", "[workload]") {
  const FileConversion result = Convert("apiVersion: extensions/v1beta1\nkind: ReplicaSet\nspec:\n" + kTemplate);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  selector:\n    matchLabels:\n      app: a\n" + kTemplate +
            "metadata:\n  labels:\n    app: a\n");
}

TEST_CASE("workload: a DeploymentList's own apiVersion moves, its items are converted", "[workload]") {
  const FileConversion result = Convert(
      "apiVersion: apps/v1beta2\nkind: DeploymentList\nitems:\n"
      "- apiVersion: apps/v1beta2\n  kind: Deployment\n  metadata: {name: d}\n"
      "  spec:\n    selector: {matchLabels: {app: a}}\n    template: {metadata: {labels: {app: a}}}\n");
  CHECK(result.needs_person.empty());
  CHECK(result.objects_converted == 2);
  CHECK(result.converted ==
        "apiVersion: apps/v1\nkind: DeploymentList\nitems:\n"
        "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n"
        "  spec:\n    selector: {matchLabels: {app: a}}\n    template: {metadata: {labels: {app: a}}}\n");
}

TEST_CASE("workload: apps/v1beta2 objects only change their apiVersion", "[workload]") {
  for (const char* kind : {"Deployment", "DaemonSet", "StatefulSet", "ReplicaSet"}) {
    INFO(kind);
    const std::string body = std::string("kind: ") + kind +
                             "\nmetadata:\n  name: x\nspec:\n  selector: {matchLabels: {app: a}}\n" + kTemplate;
    const FileConversion result = Convert("apiVersion: apps/v1beta2\n" + body);
    CHECK(result.converted == "apiVersion: apps/v1\n" + body);
    CHECK(result.notes.empty());
  }
}

TEST_CASE("workload: in chart templates, what actions render is never taken for missing", "[workload]") {
  const std::string text =
      "apiVersion: extensions/v1beta1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: {{ include \"demo.fullname\" . }}\n"
      "  labels:\n"
      "    {{- include \"demo.labels\" . | nindent 4 }}\n"
      "spec:\n"
      "  replicas: {{ .Values.replicas }}\n"
      "  strategy:\n"
      "    {{- toYaml .Values.strategy | nindent 4 }}\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        app: {{ .Release.Name }}\n"
      "    spec:\n"
      "      containers:\n"
      "      - name: app\n"
      "        image: \"{{ .Values.image }}\"\n";
  const FileConversion result = Convert(text, InputKind::kHelmTemplate);
  CHECK(result.needs_person.empty());
  CHECK(result.converted ==
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        "  name: {{ include \"demo.fullname\" . }}\n"
        "  labels:\n"
        "    {{- include \"demo.labels\" . | nindent 4 }}\n"
        "spec:\n"
        "  replicas: {{ .Values.replicas }}\n"
        "  strategy:\n"
        "    {{- toYaml .Values.strategy | nindent 4 }}\n"
        "  selector:\n"
        "    matchLabels:\n"
        "      app: {{ .Release.Name }}\n"
        "  revisionHistoryLimit: 2147483647\n"
        "  progressDeadlineSeconds: 2147483647\n"
        "  template:\n"
        "    metadata:\n"
        "      labels:\n"
        "        app: {{ .Release.Name }}\n"
        "    spec:\n"
        "      containers:\n"
        "      - name: app\n"
        "        image: \"{{ .Values.image }}\"\n");
  CHECK(HasNote(result, "a template action renders the strategy"));
  CHECK_FALSE(HasNote(result, "wrote metadata.labels"));
}

TEST_CASE("workload: template labels an action renders cannot give a selector", "[workload]") {
  for (const std::string labels :
       {"      labels:\n        {{- include \"demo.selectorLabels\" . | nindent 8 }}\n",
        "      labels:\n        app: a\n        {{- include \"demo.extraLabels\" . | nindent 8 }}\n"}) {
    INFO(labels);
    const std::string text =
        "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n"
        "  template:\n    metadata:\n" +
        labels + "    spec: {}\n";
    const FileConversion result = Convert(text, InputKind::kHelmTemplate);
    CHECK(result.converted == text);
    CHECK(NeedsPerson(result).find("template actions render the template labels") != std::string::npos);
    CHECK(result.needs_person.front().position.line == 5);
  }
}

TEST_CASE("workload: annotations an action renders take no rollback annotation", "[workload]") {
  const std::string text =
      "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: a}\n"
      "  annotations:\n    {{- toYaml .Values.annotations | nindent 4 }}\n"
      "spec:\n  selector: {matchLabels: {app: a}}\n  revisionHistoryLimit: 4\n  rollbackTo: {revision: 2}\n" +
      kTemplate;
  const FileConversion result = Convert(text, InputKind::kHelmTemplate);
  CHECK(result.converted == text);
  CHECK(NeedsPerson(result).find("deprecated.deployment.rollback.to: \"2\"") != std::string::npos);
}

TEST_CASE("workload: in chart templates, new entries never land inside an action's block", "[workload]") {
  const std::string text =
      "apiVersion: extensions/v1beta1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: web\n"
      "  {{- with .Values.annotations }}\n"
      "  annotations:\n"
      "    {{- toYaml . | nindent 4 }}\n"
      "  {{- end }}\n"
      "spec:\n"
      "  {{- if not .Values.autoscaling }}\n"
      "  replicas: 2\n"
      "  {{- end }}\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        app: web\n"
      "    spec: {}\n";
  const FileConversion result = Convert(text, InputKind::kHelmTemplate);
  CHECK(result.needs_person.empty());
  CHECK(result.converted ==
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        "  name: web\n"
        "  labels:\n"
        "    app: web\n"
        "  {{- with .Values.annotations }}\n"
        "  annotations:\n"
        "    {{- toYaml . | nindent 4 }}\n"
        "  {{- end }}\n"
        "spec:\n"
        "  {{- if not .Values.autoscaling }}\n"
        "  replicas: 2\n"
        "  {{- end }}\n"
        "  selector:\n"
        "    matchLabels:\n"
        "      app: web\n"
        "  revisionHistoryLimit: 2147483647\n"
        "  progressDeadlineSeconds: 2147483647\n"
        "  strategy:\n"
        "    rollingUpdate:\n"
        "      maxSurge: 1\n"
        "      maxUnavailable: 1\n"
        "  template:\n"
        "    metadata:\n"
        "      labels:\n"
        "        app: web\n"
        "    spec: {}\n");
}

}  // namespace
}  // namespace kubeshift
