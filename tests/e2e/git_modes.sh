#!/usr/bin/env bash
# Pull requests and history: --changed-since REV checks only what changed since REV (charts as
# a whole), --rev REV checks the tree of a revision without a checkout (bare repositories too),
# and a long run on a terminal shows a progress line that pipes and CI never see.
source "$(dirname "$0")/lib.sh" "$@"

if ! command -v git >/dev/null; then
  skip "git is not installed: no git mode tests"
  finish
fi
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE CI
export GIT_CEILING_DIRECTORIES=$WORK  # "outside a repository" stays outside
g() { git -c user.name=e2e -c user.email=e2e@kubeshift.invalid -c commit.gpgsign=false -c init.defaultBranch=main "$@" >/dev/null 2>&1; }
findings() { grep -v '^kubeshift:' <<<"$OUT"; }

mkdir repo
g -C repo init
cd repo
write_ingress legacy.yaml legacy
write_ok ok.yaml
write_ingress apps/a.yaml apps
mkdir -p shop/templates
printf 'apiVersion: v2\nname: shop\nversion: 0.1.0\n' >shop/Chart.yaml
printf 'replicas: 1\n' >shop/values.yaml
write_ingress shop/templates/ingress.yaml shop
write_ok shop/templates/deploy.yaml
printf 'ignored.yaml\n' >.gitignore
g add -A
g commit -m v1
g tag v1

# Since v1: ok.yaml gains a removed API, new.yaml is untracked, the chart's values changed,
# legacy.yaml and apps/a.yaml are untouched, ignored.yaml is ignored.
write_ingress ok.yaml now-legacy
write_ingress new.yaml new
write_ingress ignored.yaml ignored
printf 'replicas: 2\n' >shop/values.yaml

ks check --no-config --changed-since v1
assert_exit 1 "--changed-since: findings in the changed files"
assert_eq "new.yaml:$INGRESS_LINE
ok.yaml:$INGRESS_LINE
shop/templates/ingress.yaml:$INGRESS_LINE" "$(findings)" \
  "--changed-since: changed and untracked files, and the whole chart whose values changed"
assert_contains "$OUT" "in 4 files" "--changed-since: the chart's other template is checked too"

ks check --no-config --changed-since v1 -v
assert_line "$ERR" "kubeshift: skipped shop/values.yaml: Helm values file, not a manifest" "-v names the skipped change"

g mv ok.yaml renamed.yaml
ks check --no-config --changed-since v1 .
assert_contains "$OUT" "renamed.yaml:$INGRESS_LINE" "--changed-since: a renamed file under its new name"
assert_not_contains "$OUT" "ok.yaml" "... and not under its old one"
g mv renamed.yaml ok.yaml

cd apps
ks check --no-config --changed-since v1
assert_eq "../new.yaml:$INGRESS_LINE
../ok.yaml:$INGRESS_LINE
../shop/templates/ingress.yaml:$INGRESS_LINE" "$(findings)" \
  "--changed-since from a subdirectory: the whole work tree, named from here"
ks check --no-config --changed-since v1 .
assert_exit 0 "--changed-since .: nothing changed here"
assert_contains "$OUT" "in 0 files" "--changed-since .: no file checked"
ks check --no-config --changed-since v1 ../shop
assert_eq "../shop/templates/ingress.yaml:$INGRESS_LINE" "$(findings)" "--changed-since with a path argument"
cd ..

ks check --no-config --rev v1
assert_exit 1 "--rev: findings in the revision"
assert_eq "apps/a.yaml:$INGRESS_LINE
legacy.yaml:$INGRESS_LINE
shop/templates/ingress.yaml:$INGRESS_LINE" "$(findings)" "--rev: the files of the tree, not of the work tree"

ks check --no-config -o json --rev v1 shop
json_eval '[f["file"] for f in d["findings"]]'
assert_eq "['shop/templates/ingress.yaml']" "$OUT" "--rev: JSON names the path in the tree"

cd apps
ks check --no-config --rev v1
assert_contains "$OUT" "apps/a.yaml:$INGRESS_LINE" "--rev from a subdirectory: paths from the repository root"
ks check --no-config --rev v1 .
assert_eq "a.yaml:$INGRESS_LINE" "$(findings)" "--rev .: the subdirectory, named from here"
cd ..

g checkout -b feature
write_ingress feature.yaml feature
g add feature.yaml
g commit -m feature
g checkout main
ks check --no-config --rev feature feature.yaml
assert_eq "feature.yaml:$INGRESS_LINE" "$(findings)" "--rev: a branch, with a file that is not checked out"

cd "$WORK"
g clone --bare repo bare.git
cd bare.git
ks check --no-config --rev v1
assert_exit 1 "--rev in a bare repository"
assert_eq "apps/a.yaml:$INGRESS_LINE
legacy.yaml:$INGRESS_LINE
shop/templates/ingress.yaml:$INGRESS_LINE" "$(findings)" "--rev in a bare repository: the same findings"
ks check --no-config --rev feature apps
assert_eq "apps/a.yaml:$INGRESS_LINE" "$(findings)" "--rev in a bare repository: path arguments are tree paths"
ks check --no-config --changed-since v1
assert_exit 2 "--changed-since needs a work tree"
assert_contains "$ERR" "is a bare repository" "--changed-since in a bare repository: the reason"
cd "$WORK"

mkdir plain
cd plain
ks check --no-config --rev HEAD
assert_exit 2 "--rev outside a repository"
assert_line "$ERR" "kubeshift: error: not inside a git repository: $(pwd -P)" "--rev outside a repository: the message"
ks check --no-config --changed-since HEAD
assert_exit 2 "--changed-since outside a repository"
assert_line "$ERR" "kubeshift: error: not inside a git repository: $(pwd -P)" "--changed-since outside: the message"
cd "$WORK/repo"

ks check --no-config --rev nope
assert_exit 2 "--rev: an unknown revision"
assert_line "$ERR" "kubeshift: error: unknown revision 'nope'" "--rev: the unknown revision is named"
ks check --no-config --changed-since nope
assert_exit 2 "--changed-since: an unknown revision"
assert_line "$ERR" "kubeshift: error: unknown revision 'nope'" "--changed-since: the unknown revision is named"
ks check --no-config --rev v1 --changed-since v1
assert_exit 2 "--rev and --changed-since exclude each other"
assert_contains "$ERR" "excludes" "... and CLI11 says so"
ks check --no-config --rev v1 -
assert_exit 2 "--rev with standard input"
assert_line "$ERR" "kubeshift: error: standard input ('-') cannot be combined with --rev" "--rev with -: the message"
ks check --no-config --rev v1 no-such-dir
assert_exit 2 "--rev: a path that is not in the revision"
assert_line "$ERR" "kubeshift: error: no-such-dir: no such file or directory in 'v1'" "--rev: the missing path"

# --rev renders charts from the revision too: a helper that exists only in the revision writes
# the apiVersion, and a subchart's template is rendered with its parent read from the tree.
mkdir chartrepo
g -C chartrepo init
cd chartrepo
mkdir -p app/templates app/charts/db/templates
printf 'apiVersion: v2\nname: app\nversion: 1.0.0\n' >app/Chart.yaml
printf 'db:\n  enabled: true\n' >app/values.yaml
printf '{{- define "app.pdb.apiVersion" -}}\n{{- if semverCompare ">=1.99-0" .Capabilities.KubeVersion.Version }}policy/v1{{ else }}policy/v1beta1{{ end -}}\n{{- end -}}\n' >app/templates/_helpers.tpl
printf 'apiVersion: {{ include "app.pdb.apiVersion" . }}\nkind: PodDisruptionBudget\nmetadata:\n  name: {{ .Release.Name }}\n' >app/templates/pdb.yaml
printf 'apiVersion: v2\nname: db\nversion: 1.0.0\n' >app/charts/db/Chart.yaml
printf '{{- if .Values.enabled }}\napiVersion: batch/v1beta1\n{{- else }}\napiVersion: batch/v1\n{{- end }}\nkind: CronJob\nmetadata:\n  name: db\n' >app/charts/db/templates/cron.yaml
g add -A
g commit -m charts
sed -i 's/>=1.99-0/>=1.0-0/' app/templates/_helpers.tpl  # the work tree's helper picks policy/v1
printf 'db:\n  enabled: false\n' >app/values.yaml
ks check --no-config --target-version 1.29 --rev HEAD
assert_exit 1 "--rev: charts rendered from the revision"
assert_contains "$OUT" "app/templates/pdb.yaml:1:13: error: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25" \
  "--rev: an apiVersion written by the revision's helper, not the work tree's"
assert_contains "$OUT" "(app/templates/_helpers.tpl:2)" "--rev: the helper is named at its line in the revision"
assert_contains "$OUT" "app/charts/db/templates/cron.yaml:2:13: error: batch/v1beta1 CronJob" \
  "--rev: the subchart rendered with the revision's values (db.enabled: true)"
ks check --no-config --target-version 1.29 --rev HEAD app/charts/db
assert_contains "$OUT" "app/charts/db/templates/cron.yaml:2:13: error: batch/v1beta1 CronJob" \
  "--rev on a subchart: rendered with its parent from the revision"
ks check --no-config --target-version 1.29 .
assert_not_contains "$OUT" "pdb.yaml" "the work tree's helper writes policy/v1"
assert_contains "$OUT" "app/charts/db/templates/cron.yaml:2:13: info: batch/v1beta1 CronJob" \
  "the work tree's values disable the branch: info"
cd "$WORK"

# Progress: more than 200 inputs. A fifo holds one worker back until it is fed, so the run
# lasts long enough for the progress line to be drawn.
cd "$WORK"
mkdir many
for i in $(seq 1 250); do printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%d\n' "$i" >many/c$i.yaml; done
ks check --no-config many
assert_exit 0 "250 files"
assert_eq "" "$ERR" "no progress line when stderr is not a terminal"

cat >on_tty.py <<'EOF'
import os, pty, subprocess, sys, threading, time
def feed():
    time.sleep(0.6)
    with open("slow.fifo", "w") as fifo:
        fifo.write("apiVersion: v1\nkind: ConfigMap\n")
threading.Thread(target=feed, daemon=True).start()
master, slave = pty.openpty()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL, timeout=60)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode().replace("\r", "<CR>"))
sys.exit(proc.returncode)
EOF
mkfifo slow.fifo
run python3 on_tty.py "$KUBESHIFT" check --no-config -j 2 many slow.fifo
assert_exit 0 "on a terminal"
assert_contains "$OUT" "<CR>kubeshift: " "a progress line on a terminal"
assert_contains "$OUT" "/251 files" "the progress line counts the inputs"
assert_contains "$OUT" "files<CR>$(printf '%24s' '')<CR>" "the progress line is cleared at the end"
CI=true run python3 on_tty.py "$KUBESHIFT" check --no-config -j 2 many slow.fifo
assert_eq "" "$OUT" "no progress line in CI"

finish
