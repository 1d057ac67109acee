#!/usr/bin/env python3
"""Writes small seed corpora for the fuzz targets from testdata/ (see README.md).

Usage: tests/fuzz/seed_corpora.py OUTDIR   (makes OUTDIR/{scan,template,values,schema,convert})
"""
import glob
import hashlib
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
MAX = 4096


def write(outdir, name, data):
    if isinstance(data, str):
        data = data.encode()
    if not data or len(data) > MAX:
        return
    os.makedirs(os.path.join(outdir, name), exist_ok=True)
    with open(os.path.join(outdir, name, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def sections(path):
    """The sections of the data-driven case files (=== NAME, --- SECTION)."""
    case, section = {}, None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("=== "):
            if case:
                yield case
            case, section = {}, None
        elif line.startswith("--- "):
            section = line[4:].split()[0]
            case.setdefault(section, [])
        elif section is not None:
            case[section].append(line)
    if case:
        yield case


def main():
    out = sys.argv[1]
    for path in glob.glob(os.path.join(ROOT, "testdata/yaml-test-suite/*/in.yaml"))[:150]:
        write(out, "scan", read(path))
        write(out, "values", read(path))
    for path in glob.glob(os.path.join(ROOT, "testdata/template-engine/*.txt")):
        for case in sections(path):
            if "template" in case:
                write(out, "template", "\n".join(case["template"]))
    for path in glob.glob(os.path.join(ROOT, "testdata/**/templates/*"), recursive=True):
        if os.path.isfile(path):
            write(out, "template", read(path))
    for path in glob.glob(os.path.join(ROOT, "testdata/**/Chart.yaml"), recursive=True):
        values = os.path.join(os.path.dirname(path), "values.yaml")
        write(out, "values", read(path) + b"\0" + (read(values) if os.path.exists(values) else b""))
    for path in glob.glob(os.path.join(ROOT, "testdata/json-schema/*.txt")):
        for case in sections(path):
            if "schema" in case:
                write(out, "schema", "\n".join(case["schema"]) + "\0" + "\n".join(case.get("instance", [])))
    for path in glob.glob(os.path.join(ROOT, "testdata/convert/*/*")):
        if not re.search(r"\.converted\.", path):
            write(out, "convert", read(path))
    for name in ["scan", "template", "values", "schema", "convert"]:
        print(name, len(os.listdir(os.path.join(out, name))))


main()
