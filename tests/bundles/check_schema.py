#!/usr/bin/env python3
"""Checks src/domain/bundle/bundle.schema.json against the corpus: every good v1 bundle must validate,
and every bad bundle that is well-formed JSON with a schema-visible fault must not.
(Some faults — dangling references, stamp paths, 前年度 cycles, duplicate IDs, v0 files —
only the app can see; they are listed below.)  Needs `pip install jsonschema`.

Run from the repository root:  python3 tests/bundles/check_schema.py
"""
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema = json.load(open(os.path.join(ROOT, "src", "domain", "bundle", "bundle.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

# Faults the schema cannot express (the app checks them).
APP_ONLY = {
    "dangling_diagnosis.json", "diagnosis_id_mismatch.json", "duplicate_ids.json",
    "predecessor_cycle.json", "predecessor_same_diagnosis.json", "predecessor_self.json", "predecessor_wrong_kind.json",
    "assessment_dangling_patient.json", "assessment_finished_without_assessor.json", "stamp_unknown_path.json", "jurisdiction_empty.json", "huge_integer.json",
    "string_too_long.json", "duplicate_keys.json", "version_huge.json", "deep_nesting_in_body.json",
    # Python's JSON reader accepts a lone surrogate escape; the app's reader does not.
    "lone_surrogate.json",
}
failures = []
good = os.path.join(ROOT, "tests", "bundles", "good")
for name in sorted(os.listdir(good)):
    if name == "expected.json":
        continue
    data = json.loads(open(os.path.join(good, name), encoding="utf-8-sig").read())
    if data.get("version") != 1:
        continue
    errors = list(validator.iter_errors(data))
    if errors:
        failures.append(f"good/{name}: {errors[0].message} at {list(errors[0].absolute_path)}")
bad = os.path.join(ROOT, "tests", "bundles", "bad")
for name in sorted(os.listdir(bad)):
    if name == "expected.json" or name in APP_ONLY:
        continue
    try:
        data = json.loads(open(os.path.join(bad, name), "rb").read().decode("utf-8"))
    except Exception:
        continue  # not JSON at all: nothing for the schema to say
    if isinstance(data, dict) and data.get("version") == 0:
        continue
    if validator.is_valid(data):
        failures.append(f"bad/{name}: the schema accepts it")
print("\n".join(failures) or "schema agrees with the corpus")
sys.exit(1 if failures else 0)
