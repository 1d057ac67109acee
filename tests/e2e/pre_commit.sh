#!/usr/bin/env bash
# The pre-commit hooks, run by pre-commit itself in a throwaway repository: the hooks of
# .pre-commit-hooks.yaml as a user's `repo: local` configuration would mirror them, then the
# manifest itself, taken from a hook repository holding a copy of it (as pre-commit clones ours).
# pre-commit must be installed (Debian: pre-commit; .ci/run installs it): without it this fails.
source "$(dirname "$0")/lib.sh" "$@"
SOURCE_DIR=$(cd "$E2E_DIR/../.." && pwd)

if ! command -v pre-commit >/dev/null || ! command -v git >/dev/null; then
  echo "FAIL: pre-commit and git are needed (apt-get install pre-commit git; .ci/run installs them)"
  exit 1
fi

# kubeshift on PATH, as the `language: system` hooks expect it.
mkdir bin
ln -s "$KUBESHIFT" bin/kubeshift
export PATH="$WORK/bin:$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
# pre-commit's cache (clones of hook repositories) stays in $WORK.
export PRE_COMMIT_HOME="$WORK/.pre-commit-cache"

new_repo() {
  rm -rf "$WORK/repo"
  mkdir "$WORK/repo"
  cd "$WORK/repo" || exit 2
  git init -q
  printf '%s\n' "$1" >.pre-commit-config.yaml
  git add .pre-commit-config.yaml
  git commit -q -m config
}

# ---- repo: local, mirroring the kubeshift hook ---------------------------------------------
new_repo "repos:
  - repo: local
    hooks:
      - id: kubeshift
        name: kubeshift check
        entry: kubeshift check
        language: system
        files: \\.(ya?ml|json)\$
        pass_filenames: true
        require_serial: false"
run pre-commit validate-config .pre-commit-config.yaml
assert_exit 0 "the local configuration is valid"

write_ingress deploy/ingress.yaml
printf 'not: a manifest\n' >notes.txt
git add deploy/ingress.yaml notes.txt
run pre-commit run
assert_exit 1 "a staged removed apiVersion fails the hook"
assert_contains "$OUT" "deploy/ingress.yaml:$INGRESS_LINE" "pre-commit shows the finding"
assert_contains "$OUT" "kubeshift check" "under the hook's name"
assert_contains "$OUT" "Failed" "pre-commit reports the hook as failed"

write_ok deploy/ingress.yaml
git add deploy/ingress.yaml
run pre-commit run
assert_exit 0 "the fixed file passes"
assert_contains "$OUT" "Passed" "pre-commit reports the hook as passed"
assert_not_contains "$OUT" "removed-api" "no finding any more"
git commit -q -m fixed

printf 'apiVersion: v1\nkind: [\n' >broken.yaml
git add broken.yaml
run pre-commit run
assert_exit 1 "a staged file kubeshift cannot parse fails the hook too (kubeshift exits 3)"
assert_contains "$OUT" "broken.yaml:2" "the parse error is shown with its line"
git rm -q --cached broken.yaml
rm broken.yaml

printf 'just: text\n' >README.md
git add README.md
run pre-commit run
assert_exit 0 "files the hook does not match are not passed to kubeshift"
assert_contains "$OUT" "(no files to check)" "pre-commit skips the hook"

# ---- the real manifest, from a hook repository ---------------------------------------------
# A copy of what pre-commit would clone from this repository, committed so that it has a revision.
hooks_repo="$WORK/hooks-repo"
mkdir -p "$hooks_repo/.ci"
cp "$SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks_repo/"
cp -p "$SOURCE_DIR/.ci/pre-commit-hook.sh" "$hooks_repo/.ci/"
git -C "$hooks_repo" init -q
git -C "$hooks_repo" add -A
git -C "$hooks_repo" commit -q -m hooks
rev=$(git -C "$hooks_repo" rev-parse HEAD)

run pre-commit validate-manifest "$hooks_repo/.pre-commit-hooks.yaml"
assert_exit 0 "our .pre-commit-hooks.yaml is a valid manifest"
ids=$(sed -n 's/^- id: //p' "$hooks_repo/.pre-commit-hooks.yaml" | tr '\n' ' ')
assert_eq "kubeshift kubeshift-convert kubeshift-build kubeshift-convert-build kubeshift-docker " "$ids" \
  "the manifest has the hooks README.md documents"
run test -x "$SOURCE_DIR/.ci/pre-commit-hook.sh"
assert_exit 0 "the script hook is executable (language: script needs it)"

# The build-from-source hook finds an existing build through KUBESHIFT_HOOK_BUILD_DIR; the build
# itself (a few minutes) is not made here.
mkdir "$WORK/prebuilt"
ln -s "$KUBESHIFT" "$WORK/prebuilt/kubeshift"
export KUBESHIFT_HOOK_BUILD_DIR="$WORK/prebuilt"

new_repo "repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: kubeshift
      - id: kubeshift-build"
write_ingress deploy/ingress.yaml
git add deploy/ingress.yaml
run pre-commit run
assert_exit 1 "the manifest's hooks fail on a removed apiVersion"
assert_contains "$OUT" "kubeshift check (built from source)" "the script hook ran"
assert_eq 2 "$(grep -cF "deploy/ingress.yaml:$INGRESS_LINE" <<<"$OUT")" "both hooks show the finding"
write_ok deploy/ingress.yaml
git add deploy/ingress.yaml
run pre-commit run
assert_exit 0 "the manifest's hooks pass on the fixed file"

# kubeshift-convert: the file is rewritten, pre-commit fails and shows the change; the rewritten
# file then passes.
ks --help
if grep -qE '^  convert( |$)' <<<"$OUT"; then
  new_repo "repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: kubeshift-convert"
  cat >cronjob.yaml <<'EOF'
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: job
              image: busybox
EOF
  git add cronjob.yaml
  run pre-commit run --show-diff-on-failure
  assert_exit 1 "kubeshift-convert fails when it rewrites a file"
  assert_contains "$OUT" "files were modified by this hook" "pre-commit says the hook changed files"
  assert_contains "$OUT" "+apiVersion: batch/v1" "pre-commit shows the diff"
  assert_eq "apiVersion: batch/v1" "$(head -n 1 cronjob.yaml)" "the file now uses the replacement API"
  git add cronjob.yaml
  run pre-commit run
  assert_exit 0 "the converted file passes"
else
  skip "kubeshift has no convert command yet: kubeshift-convert not run"
fi

skip "kubeshift-docker (language: docker_image) needs a Docker daemon and the released image"
finish
