// kubeshift benchmark: writes a deterministic tree of Helm charts in the style of big chart
// collections, for timing `kubeshift check` where rendering dominates.
//
//   kubeshift_bench_charts [--charts N] OUTDIR
//
// Every chart has a library subchart ("common") whose helpers choose apiVersions from
// .Capabilities (semverCompare on KubeVersion, APIVersions.Has), a directory subchart ("cache")
// enabled by a condition and reading global values, and templates that use include/nindent,
// toYaml of nested values, range over maps and lists, tpl, checksums and .Files. Some charts
// carry a literal removed apiVersion, rendered unconditionally; every chart carries a literal
// PodSecurityPolicy in a branch only taken before Kubernetes 1.25. OUTDIR/MANIFEST.txt says how
// many findings `kubeshift check --target-version 1.29` should report, so run_charts.sh can
// compare. Only the standard library is used; the output depends on N alone.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;
namespace kubeshift_bench {
namespace {

void Write(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Replaces every "@NAME@" in a template of the generator with the chart's name.
std::string Named(std::string_view text, const std::string& name) {
  std::string out(text);
  for (size_t at = out.find("@NAME@"); at != std::string::npos; at = out.find("@NAME@", at + name.size())) {
    out.replace(at, 6, name);
  }
  return out;
}

constexpr std::string_view kCommonChart = R"(apiVersion: v2
name: common
description: shared helpers
type: library
version: 2.4.0
)";

// Capability switches as chart collections write them: the newest API the cluster serves.
constexpr std::string_view kCommonCapabilities = R"({{/* apiVersion helpers: newest served API first */}}
{{- define "common.capabilities.kubeVersion" -}}
{{- default .Capabilities.KubeVersion.Version .Values.kubeVersion -}}
{{- end -}}

{{- define "common.capabilities.ingress.apiVersion" -}}
{{- if semverCompare "<1.14-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "extensions/v1beta1" -}}
{{- else if semverCompare "<1.19-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "networking.k8s.io/v1beta1" -}}
{{- else -}}
{{- print "networking.k8s.io/v1" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.policy.apiVersion" -}}
{{- if .Capabilities.APIVersions.Has "policy/v1" -}}
{{- print "policy/v1" -}}
{{- else -}}
{{- print "policy/v1beta1" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.cronjob.apiVersion" -}}
{{- if semverCompare "<1.21-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "batch/v1beta1" -}}
{{- else -}}
{{- print "batch/v1" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.hpa.apiVersion" -}}
{{- if semverCompare "<1.23-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "autoscaling/v2beta2" -}}
{{- else -}}
{{- print "autoscaling/v2" -}}
{{- end -}}
{{- end -}}

{{- define "common.ingress.supportsPathType" -}}
{{- if semverCompare "<1.18-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "false" -}}
{{- else -}}
{{- print "true" -}}
{{- end -}}
{{- end -}}
)";

constexpr std::string_view kCommonNames = R"({{- define "common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "common.labels.standard" -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "common.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "common.images.image" -}}
{{- $registry := .imageRoot.registry -}}
{{- if and .global .global.imageRegistry -}}
{{- $registry = .global.imageRegistry -}}
{{- end -}}
{{- printf "%s/%s:%s" $registry .imageRoot.repository (toString .imageRoot.tag) -}}
{{- end -}}

{{- define "common.tplvalues.render" -}}
{{- if typeIs "string" .value -}}
{{- tpl .value .context -}}
{{- else -}}
{{- tpl (.value | toYaml) .context -}}
{{- end -}}
{{- end -}}
)";

constexpr std::string_view kChart = R"(apiVersion: v2
name: @NAME@
description: A web service with a cache, generated for the kubeshift benchmark
type: application
version: 1.3.0
appVersion: "4.2.1"
dependencies:
  - name: common
    version: 2.x.x
    repository: file://charts/common
  - name: cache
    version: 0.9.0
    repository: file://charts/cache
    condition: cache.enabled
)";

constexpr std::string_view kValues = R"(# Default values for @NAME@.
replicaCount: 2
image:
  registry: registry.example.com
  repository: team/@NAME@
  tag: 4.2.1
  pullPolicy: IfNotPresent
commonLabels:
  team: platform
podAnnotations:
  prometheus.io/scrape: "true"
  prometheus.io/port: "9102"
resources:
  limits:
    cpu: 500m
    memory: 512Mi
  requests:
    cpu: 100m
    memory: 128Mi
env:
  LOG_LEVEL: info
  CACHE_URL: "redis://{{ .Release.Name }}-cache:6379"
  WORKERS: 4
ports:
  - name: http
    port: 8080
  - name: metrics
    port: 9102
config:
  server.conf: |
    listen 8080;
    workers 4;
  features.ini: |
    [flags]
    beta=false
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: true
  hostname: @NAME@.example.com
  path: /
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
pdb:
  create: true
  minAvailable: 1
autoscaling:
  enabled: true
  minReplicas: 2
  maxReplicas: 10
  targetCPU: 75
cleanup:
  schedule: "0 3 * * *"
psp:
  create: true
cache:
  enabled: true
global:
  imageRegistry: mirror.example.com
)";

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "common.names.fullname" . }}
  labels: {{- include "common.labels.standard" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {{- include "common.labels.matchLabels" . | nindent 6 }}
  template:
    metadata:
      labels: {{- include "common.labels.matchLabels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
        {{- range $key, $value := .Values.podAnnotations }}
        {{ $key }}: {{ $value | quote }}
        {{- end }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global) }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            {{- range .Values.ports }}
            - name: {{ .name }}
              containerPort: {{ .port }}
            {{- end }}
          env:
            {{- range $name, $value := .Values.env }}
            - name: {{ $name }}
              value: {{ include "common.tplvalues.render" (dict "value" $value "context" $) | quote }}
            {{- end }}
          resources: {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: config
              mountPath: /etc/@NAME@
      volumes:
        - name: config
          configMap:
            name: {{ include "common.names.fullname" . }}
)";

constexpr std::string_view kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "common.names.fullname" . }}
  labels: {{- include "common.labels.standard" . | nindent 4 }}
data:
{{- range $file, $content := .Values.config }}
  {{ $file }}: |
{{ $content | indent 4 }}
{{- end }}
{{ (.Files.Glob "files/*.properties").AsConfig | indent 2 }}
)";

constexpr std::string_view kService = R"(apiVersion: v1
kind: Service
metadata:
  name: {{ include "common.names.fullname" . }}
  labels: {{- include "common.labels.standard" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ .Values.service.port }}
      targetPort: http
      name: http
  selector: {{- include "common.labels.matchLabels" . | nindent 4 }}
)";

constexpr std::string_view kIngress = R"({{- if .Values.ingress.enabled }}
apiVersion: {{ include "common.capabilities.ingress.apiVersion" . }}
kind: Ingress
metadata:
  name: {{ include "common.names.fullname" . }}
  labels: {{- include "common.labels.standard" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  rules:
    - host: {{ .Values.ingress.hostname | quote }}
      http:
        paths:
          - path: {{ .Values.ingress.path }}
            {{- if eq "true" (include "common.ingress.supportsPathType" .) }}
            pathType: ImplementationSpecific
            {{- end }}
            backend:
              service:
                name: {{ include "common.names.fullname" . }}
                port:
                  name: http
{{- end }}
)";

constexpr std::string_view kPdb = R"({{- if .Values.pdb.create }}
apiVersion: {{ include "common.capabilities.policy.apiVersion" . }}
kind: PodDisruptionBudget
metadata:
  name: {{ include "common.names.fullname" . }}
spec:
  minAvailable: {{ .Values.pdb.minAvailable }}
  selector:
    matchLabels: {{- include "common.labels.matchLabels" . | nindent 6 }}
{{- end }}
)";

constexpr std::string_view kHpa = R"({{- if .Values.autoscaling.enabled }}
apiVersion: {{ include "common.capabilities.hpa.apiVersion" . }}
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "common.names.fullname" . }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "common.names.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPU }}
{{- end }}
)";

constexpr std::string_view kCronJob = R"(apiVersion: {{ include "common.capabilities.cronjob.apiVersion" . }}
kind: CronJob
metadata:
  name: {{ include "common.names.fullname" . }}-cleanup
spec:
  schedule: {{ .Values.cleanup.schedule | quote }}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: {{ include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global) }}
              args: ["cleanup", "--older-than", "7d"]
)";

// A literal apiVersion in a branch that the 1.29 render does not take.
constexpr std::string_view kPsp = R"({{- if and .Values.psp.create (semverCompare "<1.25-0" .Capabilities.KubeVersion.GitVersion) }}
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: {{ include "common.names.fullname" . }}
spec:
  privileged: false
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
{{- end }}
)";

// A literal removed apiVersion that every render writes: one finding per chart that has it.
constexpr std::string_view kLegacyReport = R"(# Left over from an old version of the chart.
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: {{ include "common.names.fullname" . }}-report
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: report
              image: busybox:1.36
)";

constexpr std::string_view kNotes = R"(Thanks for installing {{ .Chart.Name }}.
Visit http://{{ .Values.ingress.hostname }}{{ .Values.ingress.path }}
)";

constexpr std::string_view kCacheChart = R"(apiVersion: v2
name: cache
version: 0.9.0
appVersion: "7.2"
)";

constexpr std::string_view kCacheValues = R"(image:
  registry: docker.io
  repository: library/redis
  tag: "7.2"
persistence:
  size: 8Gi
global:
  imageRegistry: ""
)";

constexpr std::string_view kCacheStatefulSet = R"(apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-cache
spec:
  serviceName: {{ .Release.Name }}-cache
  replicas: 1
  selector:
    matchLabels:
      app: {{ .Release.Name }}-cache
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}-cache
    spec:
      containers:
        - name: redis
          {{- $registry := .Values.image.registry }}
          {{- if .Values.global.imageRegistry }}{{ $registry = .Values.global.imageRegistry }}{{ end }}
          image: {{ printf "%s/%s:%s" $registry .Values.image.repository .Values.image.tag }}
          ports:
            - containerPort: 6379
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: {{ .Values.persistence.size }}
)";

constexpr std::string_view kCacheService = R"(apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-cache
spec:
  clusterIP: None
  ports:
    - port: 6379
  selector:
    app: {{ .Release.Name }}-cache
)";

struct Counts {
  int charts = 0;
  int files = 0;
  int templates = 0;  // rendered template files (not helpers, not NOTES.txt)
  int legacy = 0;     // charts with the literal removed CronJob
};

void WriteChart(const fs::path& dir, const std::string& name, bool legacy, Counts* counts) {
  auto put = [&](const fs::path& path, std::string_view text, bool rendered) {
    Write(dir / path, Named(text, name));
    ++counts->files;
    counts->templates += rendered ? 1 : 0;
  };
  put("Chart.yaml", kChart, false);
  put("values.yaml", kValues, false);
  put("files/app.properties", "threads=8\ncache.ttl=300\n", false);
  put("files/log.properties", "level=INFO\n", false);
  put("templates/NOTES.txt", kNotes, false);
  put("templates/deployment.yaml", kDeployment, true);
  put("templates/configmap.yaml", kConfigMap, true);
  put("templates/service.yaml", kService, true);
  put("templates/ingress.yaml", kIngress, true);
  put("templates/pdb.yaml", kPdb, true);
  put("templates/hpa.yaml", kHpa, true);
  put("templates/cronjob.yaml", kCronJob, true);
  put("templates/psp.yaml", kPsp, true);
  if (legacy) put("templates/report-cronjob.yaml", kLegacyReport, true);
  put("charts/common/Chart.yaml", kCommonChart, false);
  put("charts/common/templates/_capabilities.tpl", kCommonCapabilities, false);
  put("charts/common/templates/_names.tpl", kCommonNames, false);
  put("charts/cache/Chart.yaml", kCacheChart, false);
  put("charts/cache/values.yaml", kCacheValues, false);
  put("charts/cache/templates/statefulset.yaml", kCacheStatefulSet, true);
  put("charts/cache/templates/service.yaml", kCacheService, true);
  ++counts->charts;
  counts->legacy += legacy ? 1 : 0;
}

int Run(int argc, char** argv) {
  int charts = 100;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--charts" && i + 1 < argc) {
      charts = std::atoi(argv[++i]);
    } else if (!arg.empty() && arg[0] != '-' && out.empty()) {
      out = arg;
    } else {
      std::fprintf(stderr, "usage: kubeshift_bench_charts [--charts N] OUTDIR\n");
      return 2;
    }
  }
  if (out.empty() || charts <= 0 || fs::exists(out)) {
    std::fprintf(stderr, "kubeshift_bench_charts: OUTDIR must be given and absent; N must be positive\n");
    return 2;
  }
  Counts counts;
  for (int i = 0; i < charts; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "service-%03d", i);
    // Charts sit in teams' directories, as in a monorepo of charts.
    WriteChart(fs::path(out) / ("team-" + std::to_string(i % 7)) / name, name, i % 4 == 0, &counts);
  }
  // At 1.29 every helper picks a served API, the PSP branch is not taken (reported at info
  // level, once per chart), and each legacy chart's literal CronJob is removed (1.25).
  std::ofstream(fs::path(out) / "MANIFEST.txt", std::ios::binary)
      << "# written by kubeshift_bench_charts; findings are for --target-version 1.29\n"
      << "charts: " << counts.charts << "\n"
      << "files: " << counts.files << "\n"
      << "templates: " << counts.templates << "\n"
      << "expected_removed: " << counts.legacy << "\n"
      << "expected_not_taken: " << counts.charts << "\n";
  std::printf("%d charts, %d files in %s\n", counts.charts, counts.files, out.c_str());
  return 0;
}

}  // namespace
}  // namespace kubeshift_bench

int main(int argc, char** argv) { return kubeshift_bench::Run(argc, argv); }
