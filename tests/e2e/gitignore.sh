#!/usr/bin/env bash
# In a git work tree, files that .gitignore excludes are not scanned unless named explicitly
# or --no-gitignore is given; outside a repository .gitignore files mean nothing.
source "$(dirname "$0")/lib.sh" "$@"

if ! command -v git >/dev/null; then
  skip "git is not installed: no .gitignore tests"
  finish
fi

mkdir repo
git -C repo init -q
write_ingress repo/kept.yaml
write_ingress repo/ignored.yaml
write_ingress repo/build/out.yaml
write_ingress repo/sub/local.yaml
write_ingress repo/sub/other.yaml
write_ingress repo/excluded-by-info.yaml
printf 'ignored.yaml\nbuild/\n' >repo/.gitignore
printf 'local.yaml\n' >repo/sub/.gitignore
printf 'excluded-by-info.yaml\n' >repo/.git/info/exclude

cd repo
ks check --no-config -v
assert_exit 1 "the repository has a finding"
assert_eq "kept.yaml:$INGRESS_LINE
sub/other.yaml:$INGRESS_LINE" "$(grep -v '^kubeshift:' <<<"$OUT")" "only the files git does not ignore are scanned"
assert_line "$ERR" "kubeshift: skipped ignored.yaml: ignored by .gitignore" "-v: an ignored file"
assert_line "$ERR" "kubeshift: skipped build: ignored by .gitignore" "-v: an ignored directory"
assert_line "$ERR" "kubeshift: skipped sub/local.yaml: ignored by .gitignore" "-v: a nested .gitignore"
assert_line "$ERR" "kubeshift: skipped excluded-by-info.yaml: ignored by .gitignore" "-v: .git/info/exclude"
assert_line "$ERR" "kubeshift: skipped .git: git metadata" "-v: .git is never walked"

ks check --no-config --no-gitignore
assert_contains "$OUT" "ignored.yaml:$INGRESS_LINE" "--no-gitignore scans the ignored file"
assert_contains "$OUT" "build/out.yaml:$INGRESS_LINE" "--no-gitignore scans the ignored directory"
assert_contains "$OUT" "sub/local.yaml:$INGRESS_LINE" "--no-gitignore scans the nested ignored file"
assert_contains "$OUT" "6 findings" "--no-gitignore: every file"

ks check --no-config ignored.yaml
assert_line "$OUT" "ignored.yaml:$INGRESS_LINE" "an ignored file named explicitly is scanned"
ks check --no-config build
assert_line "$OUT" "build/out.yaml:$INGRESS_LINE" "an ignored directory named explicitly is walked"

cd sub
ks check --no-config .
assert_eq "other.yaml:$INGRESS_LINE" "$(grep -v '^kubeshift:' <<<"$OUT")" "the rules apply from a subdirectory too"
cd "$WORK"

ks check --no-config repo
assert_contains "$OUT" "in 2 files" "a repository walked from outside still honours .gitignore"
assert_not_contains "$OUT" "repo/ignored.yaml" "... so its ignored file is not scanned"

# Outside a git repository a .gitignore is just a file
mkdir plain
write_ingress plain/ignored.yaml
printf 'ignored.yaml\n' >plain/.gitignore
if git -C plain rev-parse --git-dir >/dev/null 2>&1; then
  skip "$WORK is inside a git repository: cannot test a .gitignore outside one"
else
  ks check --no-config plain
  assert_line "$OUT" "plain/ignored.yaml:$INGRESS_LINE" "no repository: .gitignore is not read"
fi

finish
