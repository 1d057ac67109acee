#!/usr/bin/env bash
# values.schema.json: `render` fails like `helm template` when values violate a chart's schema,
# --skip-schema-validation renders anyway, and `check` reports such a chart as not rendered.
source "$(dirname "$0")/lib.sh" "$@"

cp -R "$E2E_DIR/../../testdata/json-schema/charts/shop" shop

ks render shop
assert_exit 0 "the chart's own values pass its schemas"
assert_contains "$OUT" "kind: StatefulSet" "the subchart is rendered too"

ks render shop --set replicaCount=many --set db.storage=big
assert_exit 3 "values that violate a schema fail the render"
assert_eq "" "$OUT" "nothing is printed on stdout"
assert_line "$ERR" "kubeshift: error: shop/values.schema.json: values don't meet the specifications of the schema(s) in the following chart(s):" \
  "Helm's first line, after the schema file"
assert_line "$ERR" "shop:" "the root chart's name"
assert_line "$ERR" "- at '/replicaCount': got string, want integer" "one line per violation"
assert_line "$ERR" "db:" "the subchart's name"
assert_line "$ERR" "- at '/storage': 'big' does not match pattern '^[0-9]+(Mi|Gi|Ti)\$'" "the subchart's violation"

ks render shop --set replicaCount=many --skip-schema-validation
assert_exit 0 "--skip-schema-validation renders anyway"
assert_contains "$OUT" "replicas: many" "with the value as given"

printf '{"properties": {"a": {"type": "string"},}}\n' >shop/charts/db/values.schema.json
ks render shop
assert_exit 3 "a schema that is not JSON fails"
assert_line "$ERR" "kubeshift: error: shop/charts/db/values.schema.json:1:41: cannot load values.schema.json: invalid JSON: Missing a name for object member." \
  "with the file, line and column"

printf '{"properties": {"storage": {"$ref": "https://example.com/defs.json#/quantity"}}}\n' >shop/charts/db/values.schema.json
ks render shop
assert_exit 0 "a remote \$ref does not stop the render"
assert_contains "$ERR" "kubeshift: warning: shop/charts/db/values.schema.json: \$ref 'https://example.com/defs.json#/quantity' was not followed" \
  "but is reported as not validated"

printf '{"required": ["nope"]}\n' >shop/values.schema.json
ks check --no-config -v shop
assert_contains "$OUT$ERR" "values don't meet the specifications of the schema(s)" "check reports the chart as not rendered, with the reason"

finish
