# kubeshift end-to-end test helpers. A script starts with
#
#   source "$(dirname "$0")/lib.sh" "$@"     # $1: the kubeshift binary
#
# and ends with `finish`. It then runs in a fresh temporary directory ($WORK, removed on exit)
# with a fixed "today" (so the default Kubernetes target does not move), no NO_COLOR, and a
# private HOME (no user git configuration).
#
#   ks ARGS...              run kubeshift; sets OUT, ERR and RC
#   ks_in FILE ARGS...      the same with FILE on standard input
#   run CMD ARGS...         any command, the same way
#   json_eval EXPR          Python EXPR over the JSON in OUT (bound to d); OUT becomes its value
#   assert_exit N DESC      RC is N
#   assert_eq WANT GOT DESC
#   assert_contains TEXT NEEDLE DESC / assert_not_contains TEXT NEEDLE DESC
#   assert_line TEXT LINE DESC   TEXT has LINE as one whole line
#   skip DESC               say that an assertion was not made, and why
set -u

if [[ $# -lt 1 || ! -x "$1" ]]; then
  echo "usage: $0 PATH-TO-kubeshift" >&2
  exit 2
fi
KUBESHIFT=$(realpath "$1")
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kubeshift-e2e.XXXXXX")
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2

export KUBESHIFT_TODAY=2025-01-01   # newest released Kubernetes then: 1.32
export HOME="$WORK/.home" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8
unset NO_COLOR
mkdir -p "$HOME"

PASSED=0
FAILED=0
OUT=""
ERR=""
RC=0
LAST_CMD=""

run() {
  LAST_CMD="$*"
  "$@" >"$WORK/.out" 2>"$WORK/.err" </dev/null
  RC=$?
  OUT=$(cat "$WORK/.out")
  ERR=$(cat "$WORK/.err")
}

run_in() {
  local input=$1
  shift
  LAST_CMD="$* < $input"
  "$@" >"$WORK/.out" 2>"$WORK/.err" <"$input"
  RC=$?
  OUT=$(cat "$WORK/.out")
  ERR=$(cat "$WORK/.err")
}

ks() { run "$KUBESHIFT" "$@"; LAST_CMD="kubeshift $*"; }
ks_in() { local input=$1; shift; run_in "$input" "$KUBESHIFT" "$@"; LAST_CMD="kubeshift $* < $input"; }

json_eval() {
  printf '%s' "$OUT" >"$WORK/.json"
  run python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$WORK/.json" "$1"
}

# Indents multi-line text so that it reads as a block under its label, and keeps it short.
_show() { printf '%s\n' "$1" | head -n 40 | sed 's/^/      | /'; }

_pass() { PASSED=$((PASSED + 1)); }

_fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL: $1 (${BASH_SOURCE[2]##*/}:${BASH_LINENO[1]})"
  echo "    command: $LAST_CMD"
}

assert_exit() {
  if [[ "$RC" == "$1" ]]; then _pass; return; fi
  _fail "$2"
  echo "    expected exit code $1, got $RC"
  echo "    stdout:"; _show "$OUT"
  echo "    stderr:"; _show "$ERR"
}

assert_eq() {
  if [[ "$1" == "$2" ]]; then _pass; return; fi
  _fail "$3"
  echo "    expected:"; _show "$1"
  echo "    got:"; _show "$2"
}

assert_contains() {
  if [[ "$1" == *"$2"* ]]; then _pass; return; fi
  _fail "$3"
  echo "    expected to contain: $2"
  echo "    got:"; _show "$1"
}

assert_not_contains() {
  if [[ "$1" != *"$2"* ]]; then _pass; return; fi
  _fail "$3"
  echo "    expected not to contain: $2"
  echo "    got:"; _show "$1"
}

assert_line() {
  if grep -qxF -- "$2" <<<"$1"; then _pass; return; fi
  _fail "$3"
  echo "    expected the line: $2"
  echo "    got:"; _show "$1"
}

skip() { echo "SKIP: $1"; }

finish() {
  echo "${0##*/}: $PASSED passed, $FAILED failed"
  [[ "$FAILED" -eq 0 ]]
  exit
}

# A removed Ingress: the smallest input with a finding. Its text finding at target 1.32 is
# $INGRESS_LINE (with the file name in front).
write_ingress() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<EOF
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: ${2:-web}
  namespace: prod
EOF
}
INGRESS_MSG="extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 (served since 1.19)"
INGRESS_LINE="1:13: error: $INGRESS_MSG [removed-api]"

# An object whose API is fine at every target.
write_ok() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${2:-api}
EOF
}

# A YAML syntax error on line 2.
write_broken() {
  mkdir -p "$(dirname "$1")"
  printf 'apiVersion: v1\nkind: [\n' >"$1"
}
