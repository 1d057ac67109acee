#!/usr/bin/env bash
# Inline suppressions: "# kubeshift:ignore" (every rule) or "# kubeshift:ignore=RULE[,RULE]"
# on the apiVersion line or on a comment line right above it.
source "$(dirname "$0")/lib.sh" "$@"

cat >s.yaml <<'EOF'
apiVersion: extensions/v1beta1 # kubeshift:ignore
kind: Ingress
metadata:
  name: same-line
---
# kubeshift:ignore
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: line-above
---
  # kubeshift:ignore=removed-api
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: only-removed
---
# kubeshift:ignore=deprecated-api
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: only-deprecated
---
apiVersion: extensions/v1beta1   # kubeshift:ignore=served-api,deprecated-api,removed-api
kind: Ingress
metadata:
  name: list
---
# kubeshift:ignore

apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: blank-line-between
---
# kubeshift:ignore
kind: Ingress
apiVersion: extensions/v1beta1
metadata:
  name: above-another-key
---
kind: Ingress
metadata:
  name: value-not-comment
  annotations: {note: "# kubeshift:ignore"}
apiVersion: extensions/v1beta1
---
apiVersion: extensions/v1beta1 # kubeshift:ignored
kind: Ingress
metadata:
  name: not-the-directive
---
apiVersion: extensions/v1beta1 # kubeshift:ignore=removed
kind: Ingress
metadata:
  name: unknown-rule
EOF

# At 1.29 the Ingress is removed (removed-api)
ks check --no-config -t 1.29 -o json s.yaml
json_eval '[f["name"] for f in d["findings"]]'
assert_eq "['only-deprecated', 'blank-line-between', 'above-another-key', 'value-not-comment', 'not-the-directive', 'unknown-rule']" \
  "$OUT" "removed-api: suppressed on the line, above, by list; not across a blank line or by a value"
ks check --no-config -t 1.29 s.yaml
assert_exit 1 "unsuppressed findings still fail the run"
assert_line "$OUT" "s.yaml:19:13: error: $INGRESS_MSG [removed-api]" "the text line of an unsuppressed finding"
assert_contains "$OUT" "6 findings (6 errors)" "suppressed findings are not counted"

# At 1.21 it is only deprecated (deprecated-api)
ks check --no-config -t 1.21 -o json s.yaml
json_eval '[f["name"] for f in d["findings"]]'
assert_eq "['only-removed', 'blank-line-between', 'above-another-key', 'value-not-comment', 'not-the-directive', 'unknown-rule']" \
  "$OUT" "deprecated-api: =removed-api does not suppress it, =deprecated-api does"

# A list may have blanks after its commas (the parser trims items), and a note after it
printf 'apiVersion: extensions/v1beta1 # kubeshift:ignore=deprecated-api, removed-api  (why: ...)\nkind: Ingress\n' >spaces.yaml
ks check --no-config -t 1.29 spaces.yaml
assert_exit 0 "ignore=deprecated-api, removed-api (blank after the comma) suppresses removed-api"

# Suppressing everything makes the run clean
cat >all.yaml <<'EOF'
# kubeshift:ignore
apiVersion: extensions/v1beta1
kind: Ingress
---
# A comment that explains why.
# kubeshift:ignore=removed-api
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
EOF
ks check --no-config -t 1.29 all.yaml
assert_exit 0 "every finding suppressed: exit 0"
assert_contains "$OUT" "kubeshift: no findings in 1 file, 2 documents" "every finding suppressed: no findings"

# Suppressions work on stdin too
ks_in all.yaml check --no-config -t 1.29 -
assert_exit 0 "suppressions on stdin"

finish
