#!/usr/bin/env bash
# Which inputs are read: files, directories (recursively), several paths, "-" (stdin), the
# default ".", display paths as given, files that are skipped, and what -v says about them.
source "$(dirname "$0")/lib.sh" "$@"

write_ingress tree/a.yaml a
write_ingress tree/sub/deep/b.yml b
write_ok tree/sub/ok.yaml
printf '{"apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "j"}}\n' >tree/j.json
printf 'apiVersion: extensions/v1beta1\nkind: Ingress\n' >tree/values.yaml
printf 'apiVersion: v2\nname: chart\nversion: 1.0.0\n' >tree/sub/Chart.yaml
echo "apiVersion: extensions/v1beta1" >tree/notes.txt
write_ingress single.yaml single

# One file
ks check --no-config single.yaml
assert_exit 1 "one file"
assert_eq "single.yaml:$INGRESS_LINE
kubeshift: 1 finding (1 error) in 1 file, 1 document; target kubernetes 1.32, cert-manager 1.6, istio 1.6" \
  "$OUT" "the exact report of one file"

# A directory, recursively, in a stable order, with display paths as given
ks check --no-config tree
assert_exit 1 "a directory"
assert_eq "tree/a.yaml:$INGRESS_LINE
tree/j.json:1:16: error: $INGRESS_MSG [removed-api]
tree/sub/deep/b.yml:$INGRESS_LINE
kubeshift: 3 findings (3 errors) in 4 files, 4 documents; target kubernetes 1.32, cert-manager 1.6, istio 1.6" \
  "$OUT" "a directory is walked recursively; .yaml, .yml and .json are read"
ks check --no-config ./tree/
assert_contains "$OUT" "./tree/sub/deep/b.yml:$INGRESS_LINE" "a path written ./tree/ is displayed that way"
ks check --no-config "$WORK/tree/a.yaml"
assert_contains "$OUT" "$WORK/tree/a.yaml:$INGRESS_LINE" "an absolute path stays absolute"
cd tree/sub
ks check --no-config ../a.yaml
assert_contains "$OUT" "../a.yaml:$INGRESS_LINE" "a ../ path is kept"
cd "$WORK"

# Several paths, in the order findings are sorted (by file)
ks check --no-config single.yaml tree/sub
assert_exit 1 "several paths"
assert_contains "$OUT" "single.yaml:$INGRESS_LINE" "the first path is read"
assert_contains "$OUT" "tree/sub/deep/b.yml:$INGRESS_LINE" "the second path is read"
assert_contains "$OUT" "in 3 files, 3 documents" "every file of every path is counted"
ks check --no-config tree tree/sub
assert_contains "$OUT" "in 4 files" "a directory inside one already walked is not walked again"
ks check --no-config tree tree/a.yaml
assert_contains "$OUT" "3 findings (3 errors) in 4 files" "a file named and also inside a named directory is checked once"

# No path: "."
cd tree
ks check --no-config
assert_contains "$OUT" "sub/deep/b.yml:$INGRESS_LINE" "no path means ."
assert_not_contains "$OUT" "./sub" "files under the default . are displayed without ./"
cd "$WORK"

# Skipped files and -v
ks check --no-config -v tree
assert_line "$ERR" "kubeshift: skipped tree/values.yaml: Helm values file, not a manifest" "-v: values.yaml skipped"
assert_line "$ERR" "kubeshift: skipped tree/sub/Chart.yaml: Helm chart metadata, not a manifest" "-v: Chart.yaml skipped"
assert_line "$ERR" "kubeshift: skipped tree/notes.txt: not a .yaml, .yml or .json file" "-v: other extensions skipped"
assert_contains "$ERR" "kubeshift: read tree/a.yaml (YAML): 1 document" "-v: each file read is named"
assert_contains "$ERR" "kubeshift: read tree/j.json (JSON)" "-v: a JSON file is read as JSON"
assert_not_contains "$OUT" "values.yaml" "values.yaml is not checked"
ks check --no-config tree
assert_eq "" "$ERR" "without -v, nothing on stderr"
ks check --no-config tree/values.yaml
assert_exit 1 "a values file named explicitly is checked"

# --exclude GLOB, repeatable; matched against the path below the argument
ks check --no-config -v --exclude 'sub' --exclude '*.json' tree
assert_eq "tree/a.yaml:$INGRESS_LINE" "$(grep -v '^kubeshift:' <<<"$OUT")" "--exclude skips a directory and a pattern"
assert_line "$ERR" "kubeshift: skipped tree/sub: excluded by --exclude sub" "-v: an excluded directory"
assert_line "$ERR" "kubeshift: skipped tree/j.json: excluded by --exclude *.json" "-v: an excluded file"

# Standard input
ks_in single.yaml check --no-config -
assert_exit 1 "- reads standard input"
assert_line "$OUT" "<stdin>:$INGRESS_LINE" "stdin is displayed as <stdin>"
ks_in single.yaml check --no-config -o json -
assert_contains "$OUT" '"file": "<stdin>"' "stdin is <stdin> in JSON too"
ks_in single.yaml check --no-config -v - tree/sub
assert_contains "$OUT" "<stdin>:$INGRESS_LINE" "stdin and a directory together: stdin"
assert_contains "$OUT" "tree/sub/deep/b.yml:$INGRESS_LINE" "stdin and a directory together: the directory"
assert_contains "$ERR" "kubeshift: read <stdin> (YAML)" "-v names stdin"
: >empty
ks_in empty check --no-config -
assert_exit 0 "empty standard input is clean"

# A rendered chart (helm template) on stdin keeps its "# Source:" comments
cat >rendered.yaml <<'EOF'
---
# Source: shop/templates/ingress.yaml
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: shop
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
EOF
ks_in rendered.yaml check --no-config -
assert_exit 1 "a rendered chart on stdin"
assert_line "$OUT" "<stdin>:3:13: error: $INGRESS_MSG (source: shop/templates/ingress.yaml) [removed-api]" \
  "the text finding names the template"
ks_in rendered.yaml check --no-config -o json -
assert_contains "$OUT" '"source": "shop/templates/ingress.yaml"' "JSON keeps source"
json_eval '[(f["line"], f["source"]) for f in d["findings"]]'
assert_eq "[(3, 'shop/templates/ingress.yaml')]" "$OUT" "one finding, on line 3, from the template"

finish
