#!/usr/bin/env bash
# .kubeshift.yaml (searched upward, overridden by flags, validated), --config, --no-config,
# --rules (extra table rows) and --target COMPONENT=VERSION.
source "$(dirname "$0")/lib.sh" "$@"

mkdir -p repo/apps/web
write_ingress repo/apps/web/ingress.yaml
cat >repo/apps/web/widget.yaml <<'EOF'
apiVersion: widgets.example.com/v1alpha1
kind: Widget
metadata:
  name: w1
EOF
cat >repo/widgets-rules.yaml <<'EOF'
component: widget-operator
releases:
  - {version: "2.0"}
  - {version: "3.0"}
apis:
  - apiVersion: widgets.example.com/v1alpha1
    kind: "*"
    deprecatedIn: "2.0"
    removedIn: "3.0"
    replacement: widgets.example.com/v1
    replacementSince: "2.0"
    note: run widgetctl migrate first
EOF
DEPRECATED_AT_121="ingress.yaml:1:13: warning: extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and is removed in 1.22; use networking.k8s.io/v1 (served since 1.19) [deprecated-api]"
WIDGET_REMOVED="widget.yaml:1:13: error: widgets.example.com/v1alpha1 Widget was removed in widget-operator 3.0; use widgets.example.com/v1 (served since 2.0) [removed-api]"
WIDGET_DEPRECATED="widget.yaml:1:13: warning: widgets.example.com/v1alpha1 Widget is deprecated since widget-operator 2.0 and is removed in 3.0; use widgets.example.com/v1 (served since 2.0) [deprecated-api]"

# The configuration is found from a subdirectory, two levels up
printf 'target-version: "1.21"\nfail-on: warning\n' >repo/.kubeshift.yaml
cd repo/apps/web
ks check ingress.yaml
assert_exit 1 "config fail-on: warning fails on the deprecation"
assert_line "$OUT" "$DEPRECATED_AT_121" "config target-version 1.21 is used"
ks check -t 1.29 ingress.yaml
assert_contains "$OUT" "target kubernetes 1.29," "--target-version overrides the config"
assert_contains "$OUT" "[removed-api]" "... and the finding follows it"
ks check --fail-on error ingress.yaml
assert_exit 0 "--fail-on overrides the config"
ks check --no-config ingress.yaml
assert_contains "$OUT" "target kubernetes 1.32," "--no-config ignores the config (default target)"
assert_exit 1 "--no-config: the removal fails at the default target"
printf 'target-version: "1.29"\n' >other.yaml
ks check --config other.yaml ingress.yaml
assert_contains "$OUT" "target kubernetes 1.29," "--config FILE is used instead of the one found"
assert_exit 1 "--config FILE: fail-on is back to error"
ks check --config missing.yaml ingress.yaml
assert_exit 2 "--config with a missing file"
assert_contains "$ERR" "missing.yaml" "the missing configuration is named"
cd "$WORK"

# exclude from the config
printf 'exclude: ["**/ingress.yaml"]\n' >repo/.kubeshift.yaml
cd repo
ks check -v .
assert_exit 0 "config exclude skips the file"
assert_contains "$ERR" "skipped apps/web/ingress.yaml: excluded by --exclude **/ingress.yaml" "-v says why"

# A bad configuration is a usage error that names file and line
printf 'target-version: "1.21"\nfail-on: warning\ntarget: "1.29"\n' >.kubeshift.yaml
ks check apps
assert_exit 2 "an unknown config key"
assert_contains "$ERR" "$WORK/repo/.kubeshift.yaml:3: unknown key 'target'" "the unknown key is named with file:line"
assert_eq "" "$OUT" "no report after a config error"
printf 'exclude: [a\n' >.kubeshift.yaml
ks check .
assert_exit 2 "a config with a YAML syntax error"
assert_contains "$ERR" ".kubeshift.yaml:" "the syntax error names the file"
printf 'target-version: "1.99"\n' >.kubeshift.yaml
ks check .
assert_exit 2 "an unknown target version in the config"
assert_contains "$ERR" ".kubeshift.yaml:1" "a bad value in the config names file:line"
printf 'fail-on: sometimes\n' >.kubeshift.yaml
ks check .
assert_exit 2 "a bad fail-on in the config"
assert_contains "$ERR" ".kubeshift.yaml:1" "a bad fail-on in the config names file:line"
printf 'targets: ["1.2"]\n' >.kubeshift.yaml
ks check .
assert_exit 2 "targets must be a map"
rm .kubeshift.yaml
cd "$WORK"

# --rules adds rows: a CRD finding appears
cd repo/apps/web
ks check --no-config widget.yaml
assert_exit 0 "without rules the CRD is unknown"
ks check --no-config --rules ../../widgets-rules.yaml widget.yaml
assert_exit 1 "--rules: the CRD is removed at the component's newest release"
assert_line "$OUT" "$WIDGET_REMOVED" "--rules: the exact finding"
assert_contains "$OUT" "widget-operator 3.0" "the summary names the new component's target"
ks check --no-config --rules ../../widgets-rules.yaml --target widget-operator=2.0 widget.yaml
assert_exit 0 "--target widget-operator=2.0: only deprecated"
assert_line "$OUT" "$WIDGET_DEPRECATED" "--target COMPONENT=VERSION changes the finding"
ks check --no-config --rules ../../widgets-rules.yaml --target widget-operator=4.0 widget.yaml
assert_exit 2 "--target beyond the component's releases"
ks check --no-config --rules ../../widgets-rules.yaml --rules ../../widgets-rules.yaml widget.yaml
assert_exit 2 "the same rules twice: duplicate rows"
assert_contains "$ERR" "duplicate row" "duplicate rows are named"
ks check --no-config --rules missing-rules.yaml widget.yaml
assert_exit 2 "a missing rules file"
printf 'component: x\napis:\n  - apiVersion: a.example.com/v1\n    kind: Foo\n    removedIn: 1.20\n' >bad-rules.yaml
ks check --no-config --rules bad-rules.yaml widget.yaml
assert_exit 2 "an invalid rules file"
assert_line "$ERR" 'kubeshift: error: bad-rules.yaml:5: version in '"'removedIn'"' must be quoted: "1.20"' \
  "the invalid rules file is named with file:line"
ks check --no-config --rules ../../widgets-rules.yaml widget.yaml ingress.yaml
assert_contains "$OUT" "ingress.yaml:$INGRESS_LINE" "--rules FILE keeps the next argument a path"

# rules and targets from the config; rules relative to the config file
printf 'rules: [widgets-rules.yaml]\ntargets:\n  widget-operator: "2.0"\n' >../../.kubeshift.yaml
ks check widget.yaml
assert_line "$OUT" "$WIDGET_DEPRECATED" "config rules (relative to the config) and targets"
ks check --target widget-operator=3.0 widget.yaml
assert_line "$OUT" "$WIDGET_REMOVED" "--target overrides the config's targets"
ks check -o json widget.yaml
json_eval '(d["targets"]["widget-operator"], d["findings"][0]["component"])'
assert_eq "('2.0', 'widget-operator')" "$OUT" "json: the component target and the finding's component"
cd "$WORK"

# --target for a built-in component
cat >cert.yaml <<'EOF'
apiVersion: cert-manager.io/v1alpha2
kind: Certificate
metadata:
  name: c
EOF
ks check --no-config cert.yaml
assert_exit 1 "cert-manager v1alpha2 is removed at cert-manager's newest release"
ks check --no-config --target cert-manager=0.11 cert.yaml
assert_exit 0 "--target cert-manager=0.11: still served"
assert_contains "$OUT" "target kubernetes 1.32, cert-manager 0.11," "the summary shows the component target"
ks check --no-config --target k8s=1.21 repo/apps/web/ingress.yaml
assert_contains "$OUT" "target kubernetes 1.21," "--target k8s=VERSION sets the Kubernetes target"

finish
