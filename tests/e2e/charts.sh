#!/usr/bin/env bash
# Raw Helm charts: templates/ is scanned with positions in the template file, helpers and chart
# metadata are skipped, and template actions never leak into the report. Each chart is also
# rendered (with -f/--set/--release-name…): a literal in a branch the render does not take is
# info, required/fail are render-error findings, a chart that cannot render is an input error.
source "$(dirname "$0")/lib.sh" "$@"

mkdir -p shop/templates
printf 'apiVersion: v2\nname: shop\nversion: 0.1.0\n' >shop/Chart.yaml
printf 'name: web\n' >shop/values.yaml
cat >shop/templates/ingress.yaml <<'EOF'
{{- if true }}
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: {{ .Values.name }}
{{- end }}
EOF
printf '{{- define "shop.name" -}}shop{{- end }}\n' >shop/templates/_helpers.tpl
printf 'Thanks for installing {{ .Chart.Name }}.\n' >shop/templates/NOTES.txt
write_ok shop/templates/deployment.yaml

ks check --no-config -v shop
assert_exit 1 "a chart with a removed API in a template"
assert_line "$OUT" "shop/templates/ingress.yaml:2:13: error: $INGRESS_MSG; inside {{ if true }} (line 1) [removed-api]" \
  "the finding is at its line in the template, with its enclosing action"
assert_contains "$ERR" "kubeshift: read shop/templates/ingress.yaml (chart template)" "-v: read as a chart template"
assert_line "$ERR" "kubeshift: skipped shop/templates/_helpers.tpl: template helper, not rendered on its own" "-v: helpers skipped"
assert_line "$ERR" "kubeshift: skipped shop/templates/NOTES.txt: template helper, not rendered on its own" "-v: NOTES.txt skipped"
assert_line "$ERR" "kubeshift: skipped shop/Chart.yaml: Helm chart metadata, not a manifest" "-v: Chart.yaml skipped"

ks check --no-config -o json shop/templates/ingress.yaml
json_eval '[f["name"] for f in d["findings"]]'
assert_not_contains "$OUT" "xxxx" "a templated name is not reported as the mask of its action"

ks check --no-config -o markdown shop
assert_not_contains "$OUT" "xxxx" "markdown: no masked name either"

# --- the render decides: values, branches, subcharts, failures --------------------------------
mkdir -p app/templates app/charts/cache/templates
cat >app/Chart.yaml <<'EOF'
apiVersion: v2
name: app
version: 1.0.0
dependencies:
  - name: cache
    version: 1.0.0
    condition: cache.enabled
EOF
cat >app/values.yaml <<'EOF'
legacy: false
jobs: [a, b]
cache:
  enabled: false
EOF
cat >app/templates/ingress.yaml <<'EOF'
{{- if .Values.legacy }}
apiVersion: extensions/v1beta1
{{- else }}
apiVersion: networking.k8s.io/v1
{{- end }}
kind: Ingress
metadata:
  name: {{ .Release.Name }}-web
EOF
cat >app/templates/jobs.yaml <<'EOF'
{{- range .Values.jobs }}
---
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: job-{{ . }}
{{- end }}
EOF
printf 'apiVersion: v2\nname: cache\nversion: 1.0.0\n' >app/charts/cache/Chart.yaml
cat >app/charts/cache/templates/pdb.yaml <<'EOF'
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: cache
EOF
CRON_MSG="batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1 (served since 1.21)"
PDB_MSG="policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1 (served since 1.21)"

ks check --no-config app
assert_exit 1 "chart defaults: the CronJob of the range is an error"
assert_line "$OUT" "app/templates/ingress.yaml:2:13: info: $INGRESS_MSG; not rendered at Kubernetes 1.32: inside {{ if .Values.legacy }} (line 1) [removed-api]" \
  "a literal in a branch the values do not take is info, with its guard"
assert_line "$OUT" "app/templates/jobs.yaml:3:13: error: $CRON_MSG; inside {{ range .Values.jobs }} (line 1) [removed-api]" \
  "a literal the render takes keeps its severity"
assert_eq 1 "$(grep -c 'jobs.yaml:3:13' <<<"$OUT")" "rendered twice by range, lexical and render agree: reported once"
assert_line "$OUT" "app/charts/cache/templates/pdb.yaml:1:13: info: $PDB_MSG; not rendered: subchart cache is disabled (condition: cache.enabled) [removed-api]" \
  "a disabled subchart's literal is info, naming the condition"
assert_contains "$OUT" "3 findings (1 error, 2 info)" "no double report"

printf 'legacy: true\n' >legacy.yaml
ks check --no-config -f legacy.yaml app
assert_exit 1 "a values file flips the branch"
assert_line "$OUT" "app/templates/ingress.yaml:2:13: error: $INGRESS_MSG; inside {{ if .Values.legacy }} (line 1) [removed-api]" \
  "-f: the branch the values take is an error again"

ks check --no-config --set cache.enabled=true --set-json 'jobs=[]' app
assert_line "$OUT" "app/charts/cache/templates/pdb.yaml:1:13: error: $PDB_MSG [removed-api]" "--set enables the subchart"
assert_line "$OUT" "app/templates/jobs.yaml:3:13: info: $CRON_MSG; not rendered at Kubernetes 1.32: inside {{ range .Values.jobs }} (line 1) [removed-api]" \
  "--set-json: an empty range renders nothing"

ks check --no-config -o json -f legacy.yaml --release-name shop -n prod app/templates/ingress.yaml
json_eval '[(f["name"], f["namespace"], f["severity"]) for f in d["findings"]]'
assert_eq "[('shop-web', None, 'error')]" "$OUT" "--release-name reaches the rendered name"

printf 'values: [legacy.yaml]\nrelease-name: cfg\n' >.kubeshift.yaml
ks check -o json app/templates/ingress.yaml
json_eval '[(f["name"], f["severity"]) for f in d["findings"]]'
assert_eq "[('cfg-web', 'error')]" "$OUT" ".kubeshift.yaml: values files and release name"
ks check -o json --release-name cli --set legacy=false app/templates/ingress.yaml
json_eval '[(f["name"], f["severity"]) for f in d["findings"]]'
assert_eq "[(None, 'info')]" "$OUT" "the command line wins over .kubeshift.yaml"
printf 'release-name: Bad_Name\n' >.kubeshift.yaml
ks check app
assert_exit 2 "a bad release name in .kubeshift.yaml is a configuration error"
assert_contains "$ERR" ".kubeshift.yaml:1: invalid release name" "named with its line"
rm .kubeshift.yaml

ks check --no-config --release-name Not_Valid app
assert_exit 2 "an invalid release name is a usage error"
ks check --no-config -f missing.yaml app
assert_exit 2 "a values file that cannot be read is a usage error"
assert_contains "$ERR" "missing.yaml" "and it is named"

# -a adds to .Capabilities.APIVersions, as helm's flag does.
mkdir -p caps/templates
printf 'apiVersion: v2\nname: caps\nversion: 1.0.0\n' >caps/Chart.yaml
cat >caps/templates/ingress.yaml <<'EOF'
{{- if .Capabilities.APIVersions.Has "example.com/v1" }}
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: legacy
{{- end }}
EOF
ks check --no-config caps
assert_exit 0 "without the API, the branch is not taken: info only"
assert_contains "$OUT" "caps/templates/ingress.yaml:2:13: info:" "info"
ks check --no-config -a example.com/v1,example.com/v2 caps
assert_exit 1 "-a: the branch is taken"
assert_contains "$OUT" "caps/templates/ingress.yaml:2:13: error:" "error"

# required and fail: a render-error finding at the call; the literals stay errors.
mkdir -p strict/templates
printf 'apiVersion: v2\nname: strict\nversion: 1.0.0\n' >strict/Chart.yaml
cat >strict/templates/deploy.yaml <<'EOF'
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: {{ required "tag is required" .Values.tag }}
EOF
ks check --no-config strict
assert_exit 1 "required without its value: findings"
assert_line "$OUT" "strict/templates/deploy.yaml:4:9: error: chart strict not rendered: required: tag is required [render-error]" \
  "required: its message at the template line of the call"
assert_line "$OUT" "strict/templates/deploy.yaml:1:13: error: $INGRESS_MSG [removed-api]" "the chart's literals stay errors"
ks check --no-config --set tag=1 strict
assert_not_contains "$OUT" "render-error" "with the value, the chart renders"
for format in json sarif github junit markdown; do
  ks check --no-config -o "$format" strict
  assert_contains "$OUT" "tag is required" "-o $format: the render-error message"
done
ks check --no-config -o json strict
json_eval '[(f["rule"], f["apiVersion"], f["line"]) for f in d["findings"] if f["rule"] == "render-error"]'
assert_eq "[('render-error', None, 4)]" "$OUT" "json: a render-error has no apiVersion"
printf '{{- fail "set mode" }}\n' >strict/templates/mode.yaml
ks check --no-config --set tag=1 strict
assert_line "$OUT" "strict/templates/mode.yaml:1:1: error: chart strict not rendered: fail: set mode [render-error]" "fail"
printf '# kubeshift:ignore=render-error\n{{- fail "set mode" }}\n' >strict/templates/mode.yaml
ks check --no-config --set tag=1 strict
assert_not_contains "$OUT" "render-error" "a suppression comment above the call silences the render-error"

# A chart that cannot be rendered is an input error; the other charts and files are still checked.
mkdir -p broken/templates
printf 'apiVersion: v2\nname: broken\nversion: 1.0.0\n' >broken/Chart.yaml
cat >broken/templates/cm.yaml <<'EOF'
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: {{ .Values.name | nosuchfunction }}
EOF
write_ingress plain/ingress.yaml
ks check --no-config broken app plain
assert_exit 3 "an unrenderable chart is an input error (exit 3)"
assert_contains "$OUT" "broken/templates/cm.yaml:4:1: error: chart broken not rendered: parse error at (broken/templates/cm.yaml:4): " \
  "at the line helm points at"
assert_line "$OUT" "broken/templates/cm.yaml:1:13: error: $CRON_MSG [removed-api]" "its literals are still reported as errors"
assert_contains "$OUT" "app/templates/jobs.yaml:3:13: error:" "the other chart is still rendered"
assert_line "$OUT" "plain/ingress.yaml:$INGRESS_LINE" "plain files are still checked"

finish
