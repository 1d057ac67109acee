#!/usr/bin/env bash
# Hostile inputs: each must be reported (or skipped) without a crash or a hang, and must not
# stop the other files from being checked.
source "$(dirname "$0")/lib.sh" "$@"

write_ingress good.yaml
check() { ks check --no-config "$@"; }
# Exit 3 and an input error for FILE, and the finding of good.yaml still reported.
expect_input_error() {
  check "$1" good.yaml
  assert_exit 3 "$2: exit 3"
  assert_contains "$OUT" "$1:" "$2: reported against the file"
  assert_contains "$OUT" "[parse-error]" "$2: as a parse error"
  assert_contains "$OUT" "good.yaml:$INGRESS_LINE" "$2: the other file is still checked"
}

# Binary file with NUL bytes
printf 'apiVersion: v1\0\1\2kind: Pod\n' >binary.yaml
expect_input_error binary.yaml "a file with NUL bytes"
assert_contains "$OUT" "binary file" "a file with NUL bytes is called binary"
printf 'apiVersion: v1\0\n' >binary-stdin
ks_in binary-stdin check --no-config -
assert_exit 3 "NUL bytes on stdin: exit 3"

# Invalid UTF-8: still checked, and every format stays valid
printf 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: caf\xe9\xff\n' >latin1.yaml
check latin1.yaml
assert_exit 1 "invalid UTF-8 in a value: the file is still checked"
assert_contains "$OUT" "latin1.yaml:$INGRESS_LINE" "invalid UTF-8: the finding"
check -o json latin1.yaml
printf '%s' "$OUT" >latin1.json
run python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' latin1.json
assert_exit 0 "invalid UTF-8: the JSON output is valid UTF-8 JSON"
check -o junit latin1.yaml
printf '%s' "$OUT" >latin1.xml
run python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' latin1.xml
assert_exit 0 "invalid UTF-8: the JUnit output is well-formed XML"

# Empty files, a file of only separators, /dev/null
: >empty.yaml
printf -- '---\n---\n...\n' >separators.yaml
check empty.yaml separators.yaml /dev/null
assert_exit 0 "empty inputs are clean"
assert_contains "$OUT" "kubeshift: no findings in 3 files, 0 documents" "empty inputs: counted as files with no documents"

# A huge single line (8 MB)
python3 -c "print('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ' + 'x' * 8000000)" >huge.yaml
check huge.yaml
assert_exit 1 "a huge line: checked"
assert_contains "$OUT" "huge.yaml:$INGRESS_LINE" "a huge line: the finding"

# Deep nesting must not overflow the stack
python3 -c "print('apiVersion: v1\nkind: ConfigMap\ndata: ' + '[' * 10000)" >deep-flow.yaml
python3 -c "print('apiVersion: v1\nkind: ConfigMap\ndata: ' + '[' * 10000 + ']' * 10000)" >deep-balanced.yaml
python3 -c "print('{\"a\": ' * 10000 + '1' + '}' * 10000)" >deep.json
python3 -c "print('apiVersion: v1\nkind: ConfigMap\ndata:\n' + ''.join(' ' * (i + 1) + 'k:\n' for i in range(3000)))" >deep-block.yaml
for f in deep-flow.yaml deep-balanced.yaml deep.json deep-block.yaml; do
  expect_input_error "$f" "deep nesting ($f)"
done
check deep-balanced.yaml
assert_not_contains "$OUT" "bad file" "too deep: the message says what is wrong (not yaml-cpp's 'bad file')"

# Directory symlink loops: skipped, no hang
mkdir -p tree/sub
write_ingress tree/sub/in-tree.yaml
ln -s .. tree/sub/up
ln -s loop tree/loop
run timeout 20 "$KUBESHIFT" check --no-config -v tree
assert_exit 1 "symlink loops in a tree: the tree is still checked"
assert_contains "$OUT" "tree/sub/in-tree.yaml:$INGRESS_LINE" "symlink loops: the real file is checked"
assert_line "$ERR" "kubeshift: skipped tree/loop: symlink loop" "-v: a self-referencing symlink"
assert_line "$ERR" "kubeshift: skipped tree/sub/up: symlink loop" "-v: a link to a parent directory"
ln -s self-loop self-loop
check self-loop good.yaml
assert_exit 3 "a symlink loop named on the command line exists but cannot be read: exit 3, not 2"

# Special files: a fifo in a tree is skipped; one named explicitly (<(...)) is read
mkfifo tree/fifo.yaml
run timeout 20 "$KUBESHIFT" check --no-config -v tree
assert_line "$ERR" "kubeshift: skipped tree/fifo.yaml: not a regular file" "a fifo in a tree is skipped"
run bash -c '"$1" check --no-config <(cat good.yaml)' _ "$KUBESHIFT"
assert_exit 1 "a process substitution is read"

# Unreadable file and directory. Root reads everything, so as root the check runs as nobody.
mkdir locked
write_ingress locked/inside.yaml
write_ingress secret.yaml
chmod 000 secret.yaml locked
chmod 755 "$WORK"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$KUBESHIFT"; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else
    as_user=(skip)
  fi
fi
if [[ "${as_user[0]:-}" == skip ]]; then
  skip "unreadable files: running as root and cannot run the check as nobody (setpriv)"
else
  run "${as_user[@]}" "$KUBESHIFT" check --no-config secret.yaml locked good.yaml
  assert_exit 3 "an unreadable file and directory: exit 3"
  assert_contains "$OUT" "secret.yaml: error: " "the unreadable file is reported"
  assert_contains "$OUT" "locked: error: " "the unreadable directory is reported"
  assert_contains "$OUT" "good.yaml:$INGRESS_LINE" "the readable file is still checked"
fi
chmod 755 locked
chmod 644 secret.yaml

# Many files: the output does not depend on the number of threads
mkdir many
for i in $(seq 1 300); do write_ingress "many/f$i.yaml" "n$i"; write_ok "many/ok$i.yaml"; done
check -j 1 many
serial=$OUT
check -j 16 many
assert_eq "$serial" "$OUT" "-j 16 prints exactly what -j 1 prints"
assert_contains "$OUT" "300 findings (300 errors) in 600 files" "many files: all counted"

finish
