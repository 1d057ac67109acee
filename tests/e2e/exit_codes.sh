#!/usr/bin/env bash
# The exit-code contract: 0 clean, 1 findings at or above --fail-on, 2 usage/config error,
# 3 unreadable or unparsable input (wins over 1).
source "$(dirname "$0")/lib.sh" "$@"

write_ingress removed.yaml
write_ok ok.yaml
write_broken broken.yaml
cat >deprecated.yaml <<'EOF'
apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: fs
EOF

# 0 and 1
ks check --no-config ok.yaml
assert_exit 0 "a served API is clean"
ks check --no-config removed.yaml
assert_exit 1 "a removed API fails the run"
ks check --no-config -t 1.29 deprecated.yaml
assert_exit 0 "a deprecation is only a warning: exit 0 by default"
assert_contains "$OUT" "warning:" "the deprecation is still reported"
ks check --no-config -t 1.29 --fail-on warning deprecated.yaml
assert_exit 1 "--fail-on warning fails on a deprecation"
ks check --no-config --fail-on never removed.yaml
assert_exit 0 "--fail-on never: findings do not fail the run"
assert_contains "$OUT" "removed.yaml:$INGRESS_LINE" "--fail-on never still reports"
ks check --no-config --fail-on error -t 1.29 deprecated.yaml removed.yaml
assert_exit 1 "--fail-on error with an error and a warning"

# 3, and 3 wins over 1
ks check --no-config broken.yaml
assert_exit 3 "a YAML syntax error is an input error"
ks check --no-config broken.yaml removed.yaml
assert_exit 3 "an input error wins over findings"
assert_contains "$OUT" "removed.yaml:$INGRESS_LINE" "the other file is still checked"
ks check --no-config removed.yaml broken.yaml
assert_exit 3 "an input error wins over findings, whatever the order of the paths"
printf 'apiVersion: v1\nkind: [\n---\napiVersion: extensions/v1beta1\nkind: Ingress\n' >mixed.yaml
ks check --no-config mixed.yaml
assert_exit 3 "a syntax error in one document of a file"
assert_eq "mixed.yaml:2:7: error: end of sequence flow not found [parse-error]
mixed.yaml:4:13: error: $INGRESS_MSG [removed-api]" "$(grep -v '^kubeshift:' <<<"$OUT")" \
  "the broken document is reported and the next one is still checked"
ks check --no-config --fail-on never broken.yaml
assert_exit 3 "--fail-on never does not hide an input error"

# 2: usage and configuration errors
ks check --no-config --bogus ok.yaml
assert_exit 2 "an unknown flag"
assert_contains "$ERR" "--bogus" "the unknown flag is named"
ks check --no-config -t 1.99 ok.yaml
assert_exit 2 "an unknown Kubernetes version"
assert_contains "$ERR" "unknown kubernetes version 1.99" "the unknown version is named"
assert_eq "" "$OUT" "nothing on stdout after a usage error"
for bad in 1.x abc 1 v1 1.29.x ""; do
  ks check --no-config -t "$bad" ok.yaml
  assert_exit 2 "a malformed version '$bad'"
done
ks check --no-config -t 2.0 ok.yaml
assert_exit 2 "Kubernetes 2.0 does not exist"
ks check --no-config -t v1.29.3 removed.yaml
assert_exit 1 "v1.29.3 is accepted as 1.29"
assert_contains "$OUT" "target kubernetes 1.29," "v1.29.3 means 1.29"
ks check --no-config missing.yaml
assert_exit 2 "a missing path"
assert_line "$ERR" "kubeshift: error: missing.yaml: no such file or directory" "the missing path is named"
ks check --no-config missing.yaml removed.yaml broken.yaml
assert_exit 2 "a missing path wins over findings and input errors"
assert_contains "$OUT" "removed.yaml:$INGRESS_LINE" "the existing paths are still checked"
ks check --no-config --fail-on sometimes ok.yaml
assert_exit 2 "a bad --fail-on"
ks check --no-config -o xml ok.yaml
assert_exit 2 "a bad output format"
ks check --no-config -j -1 ok.yaml
assert_exit 2 "a negative job count"
ks check --no-config --target nope=1.0 ok.yaml
assert_exit 2 "an unknown component"
ks check --no-config --target cert-manager ok.yaml
assert_exit 2 "--target without =VERSION"
ks bogus-command
assert_exit 2 "an unknown subcommand"
ks
assert_exit 2 "no subcommand"

# help and version are not errors
ks --help
assert_exit 0 "--help"
assert_contains "$OUT" "check" "--help lists the commands"
ks check --help
assert_exit 0 "check --help"
assert_contains "$OUT" "--fail-on" "check --help lists the options"
ks --version
assert_exit 0 "--version"
assert_contains "$OUT" "kubeshift 0." "--version names the tool and its version"

finish
