#!/usr/bin/env python3
"""Re-counts a tree written by kubeshift_bench_gen with PyYAML and compares with MANIFEST.txt.

    python3 tests/bench/verify_tree.py TREE

Checks that every *.yaml/*.yml/*.json file parses, and that files, bytes, documents, objects
and the per-apiVersion+kind finding counts agree with MANIFEST.txt. Needs PyYAML
(apt-get install -y python3-yaml). Not part of run.sh: it is a check on the generator.
"""
import collections
import json
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_manifest(path):
    scalars, findings = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or ":" not in line:
                continue
            key, rest = line.split(":", 1)
            if key == "finding":
                count, api, kind = rest.split()[:3]
                findings[(api, kind)] = int(count)
            elif key not in ("category", "decoy"):
                scalars[key] = rest.strip()
    return scalars, findings


def objects_of(doc):
    if isinstance(doc, dict) and doc.get("kind") == "List" and "items" in doc:
        for item in doc["items"]:
            yield from objects_of(item)
    elif isinstance(doc, dict):
        yield doc
    else:
        raise ValueError("top-level document is not a map: %r" % type(doc))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    scalars, expected = read_manifest(os.path.join(root, "MANIFEST.txt"))
    deprecated = set(expected)
    files = size = documents = empty = objects = 0
    found = collections.Counter()
    problems = 0
    for dirpath, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith((".yaml", ".yml", ".json")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                data = f.read()
            files += 1
            size += len(data)
            text = data.decode("utf-8-sig")
            try:
                docs = [json.loads(text)] if name.endswith(".json") else list(
                    yaml.load_all(text, Loader=Loader))
                for doc in docs:
                    documents += 1
                    if doc is None:
                        empty += 1
                        continue
                    for obj in objects_of(doc):
                        objects += 1
                        if not isinstance(obj.get("apiVersion"), str) or not isinstance(
                                obj.get("kind"), str):
                            raise ValueError("object without string apiVersion/kind")
                        key = (obj["apiVersion"], obj["kind"])
                        if key in deprecated:
                            found[key] += 1
            except Exception as e:  # report every bad file, then fail
                problems += 1
                print("%s: %s" % (path, str(e).splitlines()[0]))
    actual = {"files": files, "bytes": size, "documents": documents,
              "empty_documents": empty, "objects": objects,
              "expected_findings": sum(found.values())}
    for key, value in actual.items():
        if str(value) != scalars.get(key):
            problems += 1
            print("%s: MANIFEST.txt says %s, the files hold %s" % (key, scalars.get(key), value))
    for key in sorted(set(expected) | set(found)):
        if expected.get(key, 0) != found.get(key, 0):
            problems += 1
            print("%s %s: MANIFEST.txt says %d, the files hold %d" % (
                key[0], key[1], expected.get(key, 0), found.get(key, 0)))
    print("%s: %d files, %d documents (%d empty), %d objects, %d findings expected: %s" % (
        root, files, documents, empty, objects, sum(found.values()),
        "OK" if problems == 0 else "%d problems" % problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
