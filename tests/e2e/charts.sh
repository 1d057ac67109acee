#!/usr/bin/env bash
# Raw Helm charts: templates/ is scanned with positions in the template file, helpers and chart
# metadata are skipped, and template actions never leak into the report.
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

finish
