#!/usr/bin/env bash
# Every -o format on the same small input: one removed API, one deprecated API (warning at
# 1.29), one clean file and one syntax error.
source "$(dirname "$0")/lib.sh" "$@"

write_ingress in/ingress.yaml
write_ok in/ok.yaml
write_broken in/broken.yaml
cat >in/flow.yaml <<'EOF'
# a comment line
apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: fs
EOF
FLOW_MSG="flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since Kubernetes 1.29 and is removed in 1.32; use flowcontrol.apiserver.k8s.io/v1 (served since 1.29)"
ESC=$'\e'
check() { ks check --no-config -t 1.29 "$@" in; }

# text: "path:line:col: severity: message [rule]", sorted, then one summary line
check
assert_exit 3 "text: the syntax error sets exit 3"
assert_eq "in/broken.yaml:2:7: error: end of sequence flow not found [parse-error]
in/flow.yaml:2:13: warning: $FLOW_MSG [deprecated-api]
in/ingress.yaml:$INGRESS_LINE
kubeshift: 2 findings (1 error, 1 warning) and 1 input error in 4 files, 4 documents; target kubernetes 1.29, cert-manager 1.6, istio 1.6" \
  "$OUT" "text: the exact report"
assert_not_contains "$OUT" "$ESC" "text: no colour when stdout is not a terminal"
check -o text --show-all
assert_line "$OUT" "in/ok.yaml:1:13: info: apps/v1 Deployment has no deprecation on record [served-api]" \
  "text: --show-all lists a served resource as info"
assert_contains "$OUT" "3 findings (1 error, 1 warning, 1 info)" "text: the summary counts info"

# colour
check --color
assert_contains "$OUT" "${ESC}[" "--color colours even into a pipe"
assert_contains "$OUT" "${ESC}[31merror:" "--color: errors in red"
check --color --no-color
assert_not_contains "$OUT" "$ESC" "--no-color wins over --color"
if command -v script >/dev/null; then
  run script -qec "'$KUBESHIFT' check --no-config -t 1.29 in/ingress.yaml" /dev/null
  assert_contains "$OUT" "${ESC}[" "a terminal gets colour"
  run env NO_COLOR=1 script -qec "'$KUBESHIFT' check --no-config -t 1.29 in/ingress.yaml" /dev/null
  assert_not_contains "$OUT" "$ESC" "NO_COLOR=1 turns colour off on a terminal"
  run script -qec "'$KUBESHIFT' check --no-config --no-color -t 1.29 in/ingress.yaml" /dev/null
  assert_not_contains "$OUT" "$ESC" "--no-color turns colour off on a terminal"
else
  skip "colour on a terminal: script(1) is not installed"
fi
check -o json --color
assert_not_contains "$OUT" "$ESC" "--color does not colour JSON"

# json
check -o json
assert_exit 3 "json: exit code as text"
printf '%s' "$OUT" >report.json
run python3 -m json.tool report.json
assert_exit 0 "json: python3 -m json.tool parses it"
check -o json
json_eval 'list(d)'
assert_eq "['tool', 'targets', 'summary', 'findings', 'errors']" "$OUT" "json: top-level keys"
check -o json
json_eval '(d["tool"]["name"], sorted(d["tool"]), d["targets"]["kubernetes"])'
assert_eq "('kubeshift', ['name', 'version'], '1.29')" "$OUT" "json: tool and targets"
check -o json
json_eval 'd["summary"]'
assert_eq "{'files': 4, 'documents': 4, 'resources': 3, 'findings': 2, 'errors': 1}" "$OUT" "json: summary"
check -o json
json_eval 'list(d["findings"][1])'
assert_eq "['rule', 'severity', 'file', 'line', 'column', 'apiVersion', 'kind', 'name', 'namespace', 'replacement', 'deprecatedIn', 'removedIn', 'component', 'message']" \
  "$OUT" "json: the keys of a finding (no source outside charts)"
check -o json
json_eval '[(f["rule"], f["severity"], f["file"], f["line"], f["column"], f["name"], f["namespace"], f["removedIn"]) for f in d["findings"]]'
assert_eq "[('deprecated-api', 'warning', 'in/flow.yaml', 2, 13, 'fs', None, '1.32'), ('removed-api', 'error', 'in/ingress.yaml', 1, 13, 'web', 'prod', '1.22')]" \
  "$OUT" "json: the findings"
check -o json
json_eval 'd["findings"][1]["message"] == "'"$INGRESS_MSG"'" and d["findings"][1]["replacement"]'
assert_eq "networking.k8s.io/v1" "$OUT" "json: message and replacement"
check -o json
json_eval 'd["errors"]'
assert_eq "[{'file': 'in/broken.yaml', 'line': 2, 'column': 7, 'message': 'end of sequence flow not found'}]" \
  "$OUT" "json: errors"
check -o json --show-all
json_eval '[(f["file"], f["rule"], f["severity"]) for f in d["findings"] if f["rule"] == "served-api"]'
assert_eq "[('in/ok.yaml', 'served-api', 'info')]" "$OUT" "json: --show-all adds the served resource as info"

# sarif
check -o sarif
assert_exit 3 "sarif: exit code as text"
json_eval '(d["version"], len(d["runs"]), d["runs"][0]["tool"]["driver"]["name"])'
assert_eq "('2.1.0', 1, 'kubeshift')" "$OUT" "sarif: version 2.1.0, one run, the driver"
check -o sarif
json_eval 'sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]) for r in d["runs"][0]["results"])'
assert_eq "[('in/broken.yaml', 'parse-error', 'error', {'startLine': 2, 'startColumn': 7}), ('in/flow.yaml', 'deprecated-api', 'warning', {'startLine': 2, 'startColumn': 13}), ('in/ingress.yaml', 'removed-api', 'error', {'startLine': 1, 'startColumn': 13})]" \
  "$OUT" "sarif: results with ruleId, level and location"
check -o sarif
json_eval 'sorted(r["id"] for r in d["runs"][0]["tool"]["driver"]["rules"])'
assert_contains "$OUT" "'removed-api'" "sarif: the rules are described"

# github
check -o github
assert_exit 3 "github: exit code as text"
assert_line "$OUT" "::error file=in/ingress.yaml,line=1,col=13,title=removed-api::$INGRESS_MSG" "github: error annotation"
assert_line "$OUT" "::warning file=in/flow.yaml,line=2,col=13,title=deprecated-api::$FLOW_MSG" "github: warning annotation"
assert_line "$OUT" "::error file=in/broken.yaml,line=2,col=7,title=parse-error::end of sequence flow not found" \
  "github: parse error annotation"

# junit
check -o junit
assert_exit 3 "junit: exit code as text"
printf '%s' "$OUT" >junit.xml
run python3 -c 'import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1]).documentElement
print(d.tagName, d.getAttribute("tests"), d.getAttribute("failures"), d.getAttribute("errors"),
      sorted(s.getAttribute("name") for s in d.getElementsByTagName("testsuite")))' junit.xml
assert_eq "testsuites 4 2 1 ['in/broken.yaml', 'in/flow.yaml', 'in/ingress.yaml', 'in/ok.yaml']" "$OUT" \
  "junit: well-formed, one suite per file, counts"
assert_contains "$(cat junit.xml)" "<failure message=\"$INGRESS_MSG\" type=\"removed-api\">" "junit: a failure per finding"

# markdown
check -o markdown
assert_exit 3 "markdown: exit code as text"
assert_line "$OUT" "| Severity | File | Line | Resource | API | Replacement | Removed in |" "markdown: table header"
assert_line "$OUT" "| error | in/ingress.yaml | 1 | Ingress prod/web | extensions/v1beta1 | networking.k8s.io/v1 | 1.22 |" \
  "markdown: a finding row"
assert_line "$OUT" "| 4 | 4 | 2 | 1 |" "markdown: summary row"
assert_line "$OUT" "- in/broken.yaml:2:7: end of sequence flow not found" "markdown: input errors listed"
ks check --no-config -o markdown in/ok.yaml
assert_line "$OUT" "No deprecated or removed APIs found." "markdown: a clean run says so"

# Positions: 1-based line and column (in characters) of the apiVersion value
mkdir pos
printf '\xef\xbb\xbfapiVersion: extensions/v1beta1\r\nkind: Ingress\r\n' >pos/bom-crlf.yaml
printf 'kind: Ingress\napiVersion:   "extensions/v1beta1"\n' >pos/quoted.yaml
printf '{metadata: {name: \xc3\xa9}, apiVersion: extensions/v1beta1, kind: Ingress}\n' >pos/flow.yaml
printf 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: extensions/v1beta1\n  kind: Ingress\n' >pos/list.yaml
printf '{\n  "kind": "Ingress",\n  "apiVersion": "extensions/v1beta1"\n}\n' >pos/multi-line.json
ks check --no-config pos
assert_eq "pos/bom-crlf.yaml:1:13
pos/flow.yaml:1:35
pos/list.yaml:4:15
pos/multi-line.json:3:17
pos/quoted.yaml:2:15" "$(grep '^pos/' <<<"$OUT" | cut -d: -f1-3)" \
  "positions: BOM and CRLF, code points after a non-ASCII character, List items, JSON, quotes"

finish
