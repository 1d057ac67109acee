#!/usr/bin/env bash
# `kubeshift versions`: the deprecation table as text, JSON and Markdown, filtered by target
# version and component; and `kubeshift --version`.
source "$(dirname "$0")/lib.sh" "$@"

INGRESS_ROW_FIELDS="extensions/v1beta1 Ingress 1.14 1.22 networking.k8s.io/v1 (since 1.19) removed"
# A text row with its runs of blanks squeezed, for comparisons that do not depend on widths.
squeeze() { tr -s ' ' <<<"$1"; }

# text
ks versions --no-config
assert_exit 0 "versions"
assert_eq "COMPONENT API VERSION KIND DEPRECATED REMOVED REPLACEMENT STATUS" "$(squeeze "$(head -n 1 <<<"$OUT")")" \
  "text: the header"
assert_line "$(squeeze "$OUT")" "kubernetes $INGRESS_ROW_FIELDS" "text: the extensions/v1beta1 Ingress row"
all_rows=$(($(wc -l <<<"$OUT") - 1))

# json
ks versions --no-config -o json
assert_exit 0 "versions -o json"
json_eval '(sorted(d), len(d["apis"]) == '"$all_rows"', d["targets"]["kubernetes"])'
assert_eq "(['apis', 'targets'], True, '1.32')" "$OUT" "json: keys, one entry per text row, the default target"
ks versions --no-config -o json
json_eval '[a for a in d["apis"] if a["apiVersion"] == "extensions/v1beta1" and a["kind"] == "Ingress"][0]'
assert_contains "$OUT" "'component': 'kubernetes', 'apiVersion': 'extensions/v1beta1', 'kind': 'Ingress', 'deprecatedIn': '1.14', 'removedIn': '1.22', 'replacement': 'networking.k8s.io/v1', 'replacementSince': '1.19'" \
  "json: the Ingress entry"
ks versions --no-config -o json
json_eval 'sorted({a["status"] for a in d["apis"]})'
assert_eq "['deprecated', 'removed', 'served']" "$OUT" "json: the three statuses at the default target"

# markdown
ks versions --no-config -o markdown
assert_exit 0 "versions -o markdown"
assert_line "$OUT" "| Component | API version | Kind | Deprecated in | Removed in | Replacement | Status | Note |" \
  "markdown: the header"
assert_contains "$OUT" "| kubernetes | \`extensions/v1beta1\` | Ingress | 1.14 | 1.22 | \`networking.k8s.io/v1\` | removed |" \
  "markdown: the Ingress row"
assert_eq "$all_rows" "$(($(grep -c '^| ' <<<"$OUT") - 1))" "markdown: as many rows as text"

# --target-version shows what matters at that version: deprecated or removed rows only
ks versions --no-config -t 1.21 -o json
json_eval 'sorted({a["status"] for a in d["apis"]}), d["targets"]["kubernetes"]'
assert_eq "(['deprecated', 'removed'], '1.21')" "$OUT" "--target-version: no served rows"
ks versions --no-config -t 1.21 -o json
json_eval '[a["status"] for a in d["apis"] if a["apiVersion"] == "extensions/v1beta1" and a["kind"] == "Ingress"]'
assert_eq "['deprecated']" "$OUT" "--target-version 1.21: Ingress is deprecated, not removed"
ks versions --no-config -t 1.21 -o json
json_eval '[a["kind"] for a in d["apis"] if a["apiVersion"] == "flowcontrol.apiserver.k8s.io/v1beta3"]'
assert_eq "[]" "$OUT" "--target-version 1.21: rows deprecated later are left out"
ks versions --no-config -t 1.16
assert_line "$(squeeze "$OUT")" "kubernetes $(sed 's/removed$/deprecated/' <<<"$INGRESS_ROW_FIELDS")" "text at 1.16: the Ingress row is deprecated"
ks versions --no-config -t 1.99
assert_exit 2 "versions: an unknown target version"
ks versions --no-config -t nope
assert_exit 2 "versions: a malformed target version"

# --component
ks versions --no-config --component istio -o json
json_eval 'sorted({a["component"] for a in d["apis"]})'
assert_eq "['istio']" "$OUT" "--component istio: only Istio rows"
ks versions --no-config --component cert-manager --target cert-manager=0.11 -o json
json_eval '(d["targets"]["cert-manager"], sorted({a["component"] for a in d["apis"]}))'
assert_eq "('0.11', ['cert-manager'])" "$OUT" "--component with --target"
ks versions --no-config --component nope
assert_exit 2 "--component: an unknown component"
assert_contains "$ERR" "nope" "--component: the unknown component is named"

# --rules rows are listed too
cat >rules.yaml <<'EOF'
component: widget-operator
apis:
  - apiVersion: widgets.example.com/v1alpha1
    kind: Widget
    removedIn: "2.0"
EOF
ks versions --no-config --rules rules.yaml --component widget-operator
assert_line "$(squeeze "$OUT")" "widget-operator widgets.example.com/v1alpha1 Widget - 2.0 - removed" \
  "--rules: the new row is listed"

# a bad output format is a usage error
ks versions -o sarif
assert_exit 2 "versions -o sarif is not a versions format"

# --version: the version JSON reports, and the newest Kubernetes release at "today"
ks check --no-config -o json /dev/null
json_eval 'd["tool"]["version"]'
version=$OUT
ks --version
assert_exit 0 "--version"
assert_eq "kubeshift $version (deprecation table: Kubernetes up to 1.32)" "$OUT" "--version at KUBESHIFT_TODAY=2025-01-01"

finish
