#!/usr/bin/env bash
# The GitHub Action (.github/actions/kubeshift): its run.sh under bash with the variables a runner
# sets, against fixtures: the SARIF file, the annotations on stdout, the job summary, the step
# outputs and the exit code. install: path uses the kubeshift under test.
source "$(dirname "$0")/lib.sh" "$@"
SOURCE_DIR=$(cd "$E2E_DIR/../.." && pwd)
ACTION_DIR="$SOURCE_DIR/.github/actions/kubeshift"

mkdir bin
ln -s "$KUBESHIFT" bin/kubeshift
export PATH="$WORK/bin:$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com

# A workspace like a checkout: a removed Ingress, a clean Deployment, a deprecated FlowSchema.
workspace="$WORK/workspace"
mkdir -p "$workspace" "$WORK/runner-temp"
write_ingress "$workspace/deploy/ingress.yaml"
write_ok "$workspace/deploy/app.yaml"
cat >"$workspace/deploy/flowschema.yaml" <<'EOF'
apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: fs
EOF
write_ok "$workspace/other/ok.yaml"

# Runs the action's script as the runner would: inputs as INPUT_*, fresh output files.
action() {
  : >"$WORK/summary.md"
  : >"$WORK/output"
  run env GITHUB_ACTIONS=true GITHUB_WORKSPACE="$workspace" GITHUB_STEP_SUMMARY="$WORK/summary.md" \
    GITHUB_OUTPUT="$WORK/output" GITHUB_PATH="$WORK/path" RUNNER_TEMP="$WORK/runner-temp" \
    GITHUB_ACTION_PATH="$ACTION_DIR" INPUT_INSTALL=path INPUT_TARGET_VERSION=1.29 "$@" \
    bash "$ACTION_DIR/run.sh"
  OUT=$(sed $'s/\x1b\\[[0-9;]*m//g' <<<"$OUT")  # the text report is coloured for the log
  SUMMARY=$(cat "$WORK/summary.md")
  OUTPUTS=$(cat "$WORK/output")
}

# ---- findings ------------------------------------------------------------------------------
action INPUT_PATHS=deploy
assert_exit 1 "a removed API fails the step"
assert_line "$OUT" "::error file=deploy/ingress.yaml,line=1,col=13,title=removed-api::$INGRESS_MSG" \
  "an annotation for the removed API"
assert_contains "$OUT" "::warning file=deploy/flowschema.yaml,line=1,col=13,title=deprecated-api::" \
  "an annotation for the deprecation"
assert_contains "$OUT" "deploy/ingress.yaml:$INGRESS_LINE" "the text report in the log"
assert_contains "$SUMMARY" "## kubeshift" "the summary has kubeshift's markdown report"
assert_contains "$SUMMARY" "| error | deploy/ingress.yaml | 1 | Ingress prod/web | extensions/v1beta1 | networking.k8s.io/v1 | 1.22 |" \
  "the summary has the finding's row"
assert_line "$OUTPUTS" "exit-code=1" "the exit-code output"
assert_line "$OUTPUTS" "sarif-file=kubeshift.sarif" "the sarif-file output"
run test -s "$workspace/kubeshift.sarif"
assert_exit 0 "the SARIF file is written in the workspace"
OUT=$(cat "$workspace/kubeshift.sarif")
json_eval 'd["version"]'
assert_eq "2.1.0" "$OUT" "SARIF 2.1.0"
OUT=$(cat "$workspace/kubeshift.sarif")
json_eval '" ".join(sorted(r["ruleId"] + "@" + r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] + ":" + str(r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in d["runs"][0]["results"]))'
assert_eq "deprecated-api@deploy/flowschema.yaml:1 removed-api@deploy/ingress.yaml:1" "$OUT" \
  "the SARIF results, with workspace-relative paths for code scanning"

# ---- inputs --------------------------------------------------------------------------------
action INPUT_PATHS=deploy INPUT_FAIL_ON=never INPUT_FORMAT=none
assert_exit 0 "fail-on: never"
assert_line "$OUTPUTS" "exit-code=0" "exit-code 0"
assert_contains "$OUT" "::error file=deploy/ingress.yaml" "the annotations are still there"
assert_not_contains "$OUT" "deploy/ingress.yaml:1:13" "format: none prints no report"

action INPUT_PATHS=deploy/flowschema.yaml INPUT_FAIL_ON=warning
assert_exit 1 "fail-on: warning fails on a deprecation"

action "INPUT_PATHS=deploy/app.yaml
other" INPUT_TARGET_VERSION=1.21
assert_exit 0 "clean files, paths on several lines"
assert_not_contains "$OUT" "::" "no annotation"
assert_contains "$SUMMARY" "## kubeshift" "a summary all the same"
assert_contains "$SUMMARY" "kubernetes 1.21" "target-version is passed on"

action INPUT_PATHS=deploy INPUT_FORMAT=json
assert_exit 1 "format: json"
assert_contains "$OUT" '"removedIn": "1.22"' "the JSON report in the log"
assert_not_contains "$OUT" "deploy/ingress.yaml:1:13" "instead of the text report"

rm -f "$workspace/kubeshift.sarif"
action INPUT_PATHS=deploy INPUT_SARIF_FILE=
assert_exit 1 "sarif-file empty: the exit code is the same"
assert_line "$OUTPUTS" "sarif-file=" "sarif-file empty: the output is empty"
run test -e "$workspace/kubeshift.sarif"
assert_exit 1 "sarif-file empty: no SARIF"

action INPUT_PATHS=deploy INPUT_SARIF_FILE=reports/ks.sarif
assert_exit 1 "sarif-file in a directory that does not exist yet"
run test -s "$workspace/reports/ks.sarif"
assert_exit 0 "the SARIF file goes where sarif-file says"
run test -e "$workspace/kubeshift.sarif"
assert_exit 1 "and not to the default place"

# ---- errors --------------------------------------------------------------------------------
action INPUT_PATHS=deploy INPUT_TARGET_VERSION=1.99
assert_exit 2 "an unknown target version is a usage error"
assert_contains "$ERR" "unknown kubernetes version 1.99" "kubeshift's message"
assert_eq 1 "$(grep -c "unknown kubernetes version" <<<"$ERR")" "shown once, not once per format"
assert_line "$OUTPUTS" "exit-code=2" "exit-code 2"

write_broken "$workspace/broken/broken.yaml"
action INPUT_PATHS="broken deploy"
assert_exit 3 "an unparsable file: exit 3"
assert_contains "$OUT" "::error file=broken/broken.yaml,line=2" "the parse error is annotated"

action INPUT_PATHS=deploy INPUT_INSTALL=bogus
assert_exit 2 "an unknown install method"
assert_contains "$OUT" "::error title=kubeshift action::install must be" "the message is an annotation"
action INPUT_PATHS=deploy INPUT_FORMAT=yaml
assert_exit 2 "an unknown format"
mkdir nokubeshift  # a PATH with what run.sh needs, but no kubeshift
for tool in bash dirname mkdir; do ln -s "$(command -v "$tool")" nokubeshift/; done
run env PATH="$WORK/nokubeshift" INPUT_INSTALL=path INPUT_PATHS=deploy GITHUB_WORKSPACE="$workspace" bash "$ACTION_DIR/run.sh"
assert_exit 2 "install: path without kubeshift on PATH"
assert_contains "$OUT" "there is no kubeshift on PATH" "says so"

# ---- changed-since -------------------------------------------------------------------------
rm -rf "$workspace/broken" "$workspace/reports"
git -C "$workspace" init -q
git -C "$workspace" add -A
git -C "$workspace" commit -q -m base
write_ingress "$workspace/other/new-ingress.yaml" new
action INPUT_CHANGED_SINCE=HEAD INPUT_SARIF_FILE=
assert_exit 1 "changed-since: the new file has a finding"
assert_contains "$OUT" "::error file=other/new-ingress.yaml" "the changed file is checked"
assert_not_contains "$OUT" "deploy/ingress.yaml" "the unchanged files are not"

# ---- action.yml ----------------------------------------------------------------------------
# Every input is handed to run.sh, under the name run.sh reads.
if python3 -c 'import yaml' 2>/dev/null; then
  cat >check_action.py <<'EOF'
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
script = open(sys.argv[2]).read()
steps = action["runs"]["steps"]
assert action["runs"]["using"] == "composite"
env = steps[0]["env"]
for name in action["inputs"]:
    var = "INPUT_" + name.upper().replace("-", "_")
    assert env.get(var) == "${{ inputs.%s }}" % name, var
    assert "${" + var in script, var + " is not read by run.sh"
for name, output in action["outputs"].items():
    assert output["value"] == "${{ steps.%s.outputs.%s }}" % (steps[0]["id"], name), name
    assert "echo \"%s=" % name in script, name + " is not written by run.sh"
print("ok")
EOF
  run python3 check_action.py "$ACTION_DIR/action.yml" "$ACTION_DIR/run.sh"
  assert_eq "ok" "$OUT" "action.yml and run.sh agree on inputs and outputs"
else
  skip "python3-yaml is not installed: action.yml not read"
fi

finish
