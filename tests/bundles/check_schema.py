#!/usr/bin/env python3
"""Checks src/domain/bundle/bundle.schema.json against the corpus: every good v1 bundle must validate,
and every bad bundle that is well-formed JSON with a schema-visible fault must not. The
validator's side is `cargo test --lib corpus` (every bad file refused, every good one read);
the systematic "missing field" files are made from the schema's `required` lists, so a field
the schema requires but the app does not shows up there as an accepted bad file.
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
    # Issue 12: the forms' rules that the schema does not repeat — between fields, a blank
    # ID番号 made of a no-break space, the plan year's lower bound (1990), `3e0` (a JSON
    # Schema integer, not for the app), three-state texts of one line (the schema bounds them
    # at 1,000 characters, the form at 100), and the inside of an アセスメント's answers.
    "issue12_disaster_plan_1989.json", "issue12_id_number_nbsp.json", "issue12_programme_visits_without_use.json",
    "issue12_rev_exponent.json", "issue12_station_names_with_count_0.json",
    "sys_assessment_answers_unknown_inside.json", "sys_assessment_outcome_unknown_inside.json",
    "sys_assessment_signs_unknown_inside.json", "sys_patient_emergency_admission_too_long.json",
    "sys_patient_home_respite_too_long.json", "sys_patient_neurology_name_too_long.json",
    # Issue 16: the schema describes version 2 and reads version 1 as the same shape; that a
    # v1 file may not hold ふりがな is the migration's rule.
    "v1_with_furigana.json",
    # Issue 17: that a v2 file may not hold 変更履歴 is the migration's rule; that an entry
    # belongs to a record of the file, with its kind and 地域診断, that its id names its
    # record, revision and device, and that it comes once are checks between values.
    "v2_with_history.json", "v3_history_unknown_record.json", "v3_history_id_mismatch.json",
    "v3_history_wrong_kind.json", "v3_history_twice.json",
    # Issue 19: that a v3 file may not hold 事業実績 is the v3 → v4 step's rule.
    "v3_with_programme_result.json",
    # Issue 20: that a v3 file may not hold a 災害時個別支援計画 is the migration's rule; that
    # the plan's patient exists is a check between records.
    "v3_support_plan.json", "v4_support_plan_dangling_patient.json",
    # Issue 14: that a v4 (or v3) file may not hold the 管内マップ is the v4 → v5 step's rule;
    # that an image's bytes are a PNG or JPEG is read from the data.
    "v4_facility.json", "v3_map_sheet.json", "v5_base_map_not_an_image.json",
    # Issue 20: that a v5 (or v4) file may not hold the 補助の上限表 is the v5 → v6 step's
    # rule; that each 市町村 has one table (widths and spaces ignored) compares items.
    "v5_subsidy_table.json", "v4_subsidy_table.json", "v6_subsidy_table_town_twice.json",
    # Issue 14: that a v5 file's 管内マップ may not hold 市町村 areas is the v5 → v6 step's rule.
    "v5_map_sheet_areas.json",
}
# Systematic faults the schema does not express (control characters, texts of only spaces,
# stamps naming fields the body lacks): the app checks them.
APP_ONLY_SUFFIXES = ("_nul.json", "_line_break.json", "_blank_value.json", "_record_stamp_unknown_path.json")
failures = []
good = os.path.join(ROOT, "tests", "bundles", "good")
for name in sorted(os.listdir(good)):
    if name == "expected.json":
        continue
    data = json.loads(open(os.path.join(good, name), encoding="utf-8-sig").read())
    if data.get("version") not in (1, 2, 3, 4, 5, 6):
        continue
    errors = list(validator.iter_errors(data))
    if errors:
        failures.append(f"good/{name}: {errors[0].message} at {list(errors[0].absolute_path)}")
bad = os.path.join(ROOT, "tests", "bundles", "bad")
names = set(os.listdir(bad))
for name in sorted(APP_ONLY - names):
    failures.append(f"bad/{name}: listed as app-only but not in the corpus (stale list)")
for name in sorted(names):
    if name == "expected.json" or name in APP_ONLY or name.endswith(APP_ONLY_SUFFIXES):
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
