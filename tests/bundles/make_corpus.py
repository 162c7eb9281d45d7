#!/usr/bin/env python3
"""Writes the bundle test corpus: tests/bundles/good/*.json and tests/bundles/bad/*.

Each bad file comes with the substring of the Japanese message the importer must give
(tests/bundles/bad/expected.json). The expectations are written here by hand from the
format rules in src/domain/bundle/FORMAT.md, not copied from the program's output.

Run from the repository root:  python3 tests/bundles/make_corpus.py
(The 50 MB junk file is not part of the corpus: the Rust test makes it in memory.)
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "good")
BAD = os.path.join(HERE, "bad")

T0 = 1_743_465_600_000  # 2025-04-01 09:00 JST
T1 = 1_747_000_000_000  # 2025-05-12 JST



def assessment_body(patient_id, assessor, started_at):
    """A 判断樹 アセスメント (draft) as the app writes it (src/domain/trees/assessment.rs)."""
    return {
        "patient_id": patient_id,
        "start_tree": "respiratory",
        "continue_to_bulbar": False,
        "status": "draft",
        "started_at": started_at,
        "assessor": assessor,
        "sex": None,
        "age": "",
        "answers": {},
        "signs": {},
        "measurements": [],
        "notes": "",
        "outcome": {},
    }

def support_plan_body(patient_id, battery_hours=8):
    """A 災害時個別支援計画 (format v4, issue 20) as the app writes it
    (src/domain/ventilator/plan.rs): dates as {year, month, day}, hours in hundredths."""
    day = {"year": 2025, "month": 6, "day": 1}
    return {
        "patient_id": patient_id,
        "made_on": day,
        "reviewed_on": None,
        "devices": "人工呼吸器",
        "internal_battery": False,
        "internal_battery_hours": None,
        "external_battery_hours": battery_hours * 100,
        "suction": True,
        "oxygen": None,
        "power_need": "人工呼吸器 60W",
        "backup": [{"kind": "generator", "purchased_on": {"year": 2022, "month": 3, "day": 1}, "paid_by": "this_subsidy"}],
        "needs": {"generator": True, "suction": False, "ups": False},
        "other_scheme": "",
        "resuscitation_bag": True,
        "evacuation": {"place": "○○小学校", "how": "福祉車両", "helpers": "長男"},
        "contacts": {"doctor": "Aクリニック", "stations": "Bステーション", "power_company": "優先登録済み", "fire_service": "119", "others": ""},
        "visits": {
            "providers": [{"name": "Bステーション", "kind": "station"}, {"name": "C病院", "kind": "institution"}],
            "days": [[{"provider": "Bステーション", "qualification": "nurse"}, {"provider": "C病院", "qualification": "assistant_nurse"}], [], [], [], [], [], []],
            "doctor_instruction": True,
            "start": {"year": 2025, "month": 4, "day": 1},
        },
        "notes": "",
    }


def v4_with_plan(version=4, **body_over):
    """Issue 20: version 4 adds the record kind `support_plan`."""
    v4 = v3_with_history()
    v4["version"] = version
    sp = meta("sp-1", "d-2025", "support_plan")
    sp["body"] = dict(support_plan_body("p-1"), **body_over)
    v4["records"].append(sp)
    return v4


def tiny_png_base64():
    """A 1×1 PNG (the app checks the bytes: src/domain/map/image.rs), in base64."""
    import base64
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))
    return base64.b64encode(png).decode("ascii")


def facility_body(**over):
    """A 施設 (format v5, issue 14; src/domain/map/records.rs: Facility), linked to the station
    s-1 and placed on the ground. Positions and distances are JSON floats, as the app writes them."""
    body = {
        "name": "Ａステーション",
        "kind": "station",
        "other_names": ["株式会社Ａステーション"],
        "address": "A市1-1",
        "station_id": "s-1",
        "position": {"type": "ground", "lat": 35.67, "lon": 139.48},
    }
    body.update(over)
    return body


def map_sheet_body(**over):
    """管内マップ (MapSheet): one 基準点 and p-1's ◎."""
    body = {
        "reference_points": [{"x": 10.0, "y": 20.0, "position": {"lat": 35.67, "lon": 139.48}}],
        "patients": [{"patient_id": "p-1", "position": {"type": "sheet", "x": 120.5, "y": 80.0}}],
        "far_km": 10.0,
    }
    body.update(over)
    return body


def base_map_outlines(**over):
    """下図 (BaseMap) of outlines: one 市区町村, one ring of [lat, lon]."""
    body = {
        "type": "outlines",
        "file_name": "A市.geojson",
        "areas": [{"name": "A市", "rings": [[[35.6, 139.4], [35.7, 139.4], [35.7, 139.5], [35.6, 139.4]]]}],
    }
    body.update(over)
    return body


def base_map_image(**over):
    """下図 (BaseMap) of an image: a 1×1 PNG."""
    body = {"type": "image", "file_name": "管内図.png", "mime": "image/png", "width": 1, "height": 1,
            "data": tiny_png_base64()}
    body.update(over)
    return body


def v5_with_map(version=5, facility=None, sheet=None, base_map=None):
    """Issue 14: version 5 adds the 管内マップ kinds `facility`, `map_sheet` (ID <地域診断>:map)
    and `base_map` (ID <地域診断>:base_map) to the v4 file with a 災害時個別支援計画."""
    v5 = v4_with_plan(version=version)
    f = meta("f-1", "d-2025", "facility")
    f["body"] = facility if facility is not None else facility_body()
    m = meta("d-2025:map", "d-2025", "map_sheet")
    m["body"] = sheet if sheet is not None else map_sheet_body()
    b = meta("d-2025:base_map", "d-2025", "base_map")
    b["body"] = base_map if base_map is not None else base_map_outlines()
    v5["records"] += [f, m, b]
    return v5


def item_rule(limit_yen, useful_life_years):
    return {"limit_yen": limit_yen, "useful_life_years": useful_life_years}


def subsidy_table(**over):
    """One 補助の上限表 (SubsidyTable, src/domain/ventilator/subsidy.rs): the seed's 限度額 and
    the usual 耐用年数 of ① ② ③, and the 他の公的制度 that exclude a person."""
    table = {
        "generator": item_rule(212000, 6),
        "suction": item_rule(100000, 5),
        "ups": item_rule(41000, 6),
        "other_schemes": ["日常生活用具給付等事業", "人工呼吸器使用難病患者非常用電源設備整備事業"],
    }
    table.update(over)
    return table


def subsidy_table_body(common=None, municipalities=None):
    """補助の上限表 of a 地域診断 (format v6, issue 20; src/domain/ventilator/tables.rs:
    SubsidyTables): the 管内共通 table and Ｂ町, whose ① is 150,000円 over 5 years."""
    return {
        "common": common if common is not None else subsidy_table(),
        "municipalities": municipalities if municipalities is not None
        else [{"municipality": "Ｂ町", "table": subsidy_table(generator=item_rule(150000, 5))}],
    }


V6_AREAS = [{"municipality": "A市", "position": {"type": "sheet", "x": 300.0, "y": 200.0}}]


def v6_with_tables(version=6, tables=None, areas=None):
    """Issue 20: version 6 adds the kind `subsidy_table` (ID <地域診断>:subsidy_table) to the
    v5 file with the 管内マップ, and (issue 14) where the nurse put each 市町村's area on the
    管内マップ (`map_sheet.areas`)."""
    v6 = v5_with_map(version=version, sheet=map_sheet_body(areas=areas if areas is not None else V6_AREAS))
    t = meta("d-2025:subsidy_table", "d-2025", "subsidy_table")
    t["body"] = tables if tables is not None else subsidy_table_body()
    v6["records"].append(t)
    return v6


def stamp(at, device="pc-hokenjo-1", history=None):
    s = {"at": at, "device": device}
    if history:
        s["history"] = history
    return s


def meta(id_, diagnosis_id, kind, created=T0, updated=T1, rev=3, device="pc-hokenjo-1"):
    return {
        "id": id_,
        "diagnosis_id": diagnosis_id,
        "kind": kind,
        "created_at": created,
        "updated_at": updated,
        "updated_by": device,
        "rev": rev,
    }


def patient_body(**over):
    body = {
        "id_number": "A-001",
        "disease": {"type": "als"},
        "name": "山田 太郎",
        "municipality": "A市",
        "address_detail": "B町1-2",
        "onset": {"year": 2019, "month": 5},
        "first_symptom": "話しにくくなった",
        "onset_type": "bulbar",
        "age": {"type": "years", "value": 67},
        "adl": "partial_assist",
        "procedures": {
            "ventilator": False,
            "tracheostomy": False,
            "suction": True,
            "tube_feeding": None,
            "other": False,
            "other_detail": "",
        },
        "devices": "",
        "symptoms": {
            "respiratory": True,
            "swallowing": True,
            "speech": True,
            "urinary": False,
            "autonomic": None,
        },
        "neurology": {"name": {"state": "value", "value": "県立Ａ病院"}, "mode": "outpatient", "per_month": 100},
        "family_doctor": {"name": {"state": "none"}, "mode": "no_visits", "per_month": None},
        "emergency_admission": {"state": "value", "value": "県立Ａ病院"},
        "respite_admission": {"state": "unknown"},
        "home_respite": {"state": "value", "value": "療養通所介護に通所"},
        "emergency_nursing": {"state": "none"},
        "station_nursing": {"names": {"state": "value", "value": ["Ａステーション"]}, "count": 1, "weekly_visits": 200},
        "institution_nursing": {"name": {"state": "none"}, "weekly_visits": None},
        "ventilator_programme": {"used": False, "weekly_visits": None},
        "care_insurance": {"state": "value", "value": "care2"},
        "disability_certificate": {"state": "value", "value": 2},
        "disability_support_class": {"state": "unknown"},
        "home_care_service": True,
        "disaster_plan": {"state": "value", "value": 2024},
        "last_contact": "2025年4月 訪問",
        "support_class": "A",
        "gaps": [{"service": "home_respite", "note": "家族の負担大"}],
    }
    body.update(over)
    return body


def station_body():
    return {
        "name": "Ａステーション",
        "address": "A市1-1",
        "fte": {"type": "direct", "value": 280},
        "monthly_users": 40,
        "medical_insurance_users": 12,
        "room_for_more_visits": True,
        "addition_24h": True,
        "addition_special": False,
        "als_experience": True,
        "ventilator_experience": False,
        "als_intake": "possible",
        "child_intake": "consider",
    }


def overview_body():
    return {
        "population": 250000,
        "area_km2": 12345,
        "certified_total": 2100,
        "certified_als": 18,
        "certified_scd": 30,
        "certified_msa": 9,
        "certified_pd": 240,
        "certified_other": [],
        "base_hospitals_pref": 1,
        "field_base_hospitals_pref": 2,
        "cooperating_hospitals_local": 3,
        "cooperating_hospitals_pref": 20,
        "designated_doctors_local": 150,
        "home_care_clinics_local": 12,
        "nurse_stations_local": 15,
    }


def base():
    d = meta("d-2025", "d-2025", "diagnosis", rev=1)
    d["body"] = {"jurisdiction": "A保健所管内", "fiscal_year": 2025}
    d["stamps"] = {"jurisdiction": stamp(T0), "fiscal_year": stamp(T0)}
    p1 = meta("p-1", "d-2025", "patient")
    p1["body"] = patient_body()
    p1["stamps"] = {"name": stamp(T0), "adl": stamp(T1, "pc-hokenjo-2", [1234567890123456789])}
    p2 = meta("p-2", "d-2025", "patient")
    p2["body"] = patient_body(
        id_number="A-002",
        name="鈴木 花子",
        municipality="C町",
        onset=None,
        age={"type": "band", "value": "from40_to64"},
        disaster_plan={"state": "value", "value": None},
        gaps=[],
    )
    s1 = meta("s-1", "d-2025", "station")
    s1["body"] = station_body()
    o1 = meta("d-2025:overview", "d-2025", "overview")
    o1["body"] = overview_body()
    return {
        "format": "nanbyo-chiiki-shindan-bundle",
        "version": 1,
        "exported_at": T1,
        "app_version": "0.1.0",
        "device": "pc-hokenjo-1",
        "scope": {"type": "all"},
        "anonymised": False,
        "diagnoses": [d],
        "records": [p1, p2, s1, o1],
    }


def write(path, data, pretty=True):
    if isinstance(data, bytes):
        raw = data
    elif isinstance(data, str):
        raw = data.encode("utf-8")
    else:
        raw = json.dumps(data, ensure_ascii=False, indent=2 if pretty else None).encode("utf-8")
    with open(path, "wb") as f:
        f.write(raw)


def mutate(f):
    b = base()
    f(b)
    return b


def programme_body():
    """様式2 難病対策地域協議会 row (src/domain/programmes: Programme)."""
    return {
        "programme": {"type": "standard", "key": "regional_council"},
        "operator": "都道府県、保健所設置市・特別区",
        "implemented": True,
        "count_local": 2,
        "count_prefecture": None,
        "summary": "地域の関係者による協議の場",
        "outcome": "災害時の連絡体制を確認できた",
        "challenge": "",
        "council": {
            "related_meeting": None,
            "first_year": 2016,
            "meetings_this_year": 2,
            "unit": "health_center",
            "unit_other": "",
            "agenda": "災害時個別支援計画",
        },
    }


def full_base():
    """base() with a 様式2 事業 and a 判断樹 アセスメント: every kind of record."""
    full = base()
    prog = meta("g-1", "d-2025", "programme")
    prog["body"] = programme_body()
    asmt = meta("as-1", "d-2025", "assessment")
    asmt["body"] = assessment_body("p-1", "保健師 山本", T1)
    full["records"] += [prog, asmt]
    return full


def programme_result_body():
    """事業実績 (version 4; src/domain/results: ProgrammeResult), seed 000's first row:
    支援計画作成 812 / 547 / 451件 and 評価委員会 48 / 44 / 36回 for 令和元・2・3年度, and 令和4年度 不明."""
    def values(r1, r2, r3):
        return [{"year": 2019, "value": {"state": "value", "value": r1}},
                {"year": 2020, "value": {"state": "value", "value": r2}},
                {"year": 2021, "value": {"state": "value", "value": r3}},
                {"year": 2022, "value": {"state": "unknown"}}]
    return {
        "group": "難病患者療養支援事業（東京都保健所事業）",
        "name": "在宅療養支援計画策定・評価",
        "description": "保健所を中心として地域の関係機関が連携し、患者のニーズに応じた支援計画の作成・評価を行う。",
        "implementer": "東京都保健所",
        "note": "",
        "order": 1,
        "indicators": [
            {"key": "i1", "name": "支援計画作成", "unit": "cases", "values": values(812, 547, 451)},
            {"key": "i2", "name": "評価委員会", "unit": "times", "values": values(48, 44, 36)},
        ],
    }


def progress_plan_body():
    """進捗状況評価 (version 4; src/domain/progress: ProgressIssue), seed 001's first 課題 with one
    事業 linked to the 事業実績 above (支援計画作成)."""
    return {
        "year": 2021,
        "title": "＜課題１＞区市町村を実施主体とした在宅療養体制の構築",
        "order": 1,
        "initiatives": [{
            "title": "（取組１）地域包括ケアシステムにおける在宅療養体制の構築",
            "projects": [{
                "name": "在宅療養普及事業",
                "summary": "東京都在宅療養推進会議の開催",
                "previous_result": "東京都在宅療養推進会議 １回（３月）",
                "plan": "東京都在宅療養推進会議 ２回",
                "result": "",
                "national_subsidy": True,
                "evaluation": "計画どおり",
                "links": [{"programme": "r-1", "indicator": "i1"}],
            }],
        }],
    }


def v4_with_results():
    """Version 4 (issue 19): 事業実績 in the fixed container 地域診断 `prefecture-results`."""
    v4 = full_base()
    v4["version"] = 4
    container = meta("prefecture-results", "prefecture-results", "diagnosis", rev=1)
    container["body"] = {"jurisdiction": "事業実績・進捗状況評価", "fiscal_year": 2025}
    v4["diagnoses"].append(container)
    result = meta("r-1", "prefecture-results", "programme_result", rev=1)
    result["body"] = programme_result_body()
    plan = meta("pp-1", "prefecture-results", "progress_plan", rev=1)
    plan["body"] = progress_plan_body()
    # Sorted by diagnosis_id, then kind (programme_result before progress_plan), then id.
    v4["records"] += [result, plan]
    return v4


def good():
    full = full_base()
    write(os.path.join(GOOD, "full_v1.json"), full)
    write(os.path.join(GOOD, "compact_v1.json"), base(), pretty=False)
    write(os.path.join(GOOD, "bom_v1.json"), b"\xef\xbb\xbf" + json.dumps(base(), ensure_ascii=False).encode("utf-8"))

    script = base()
    p = script["records"][0]["body"]
    p["name"] = "<script>alert('x')</script>"
    p["devices"] = "=HYPERLINK(\"http://example.invalid\",\"click\")"
    p["first_symptom"] = "'; DROP TABLE patients; -- 🙂 \u202e"
    p["last_contact"] = "<img src=x onerror=alert(1)>\n2行目"
    write(os.path.join(GOOD, "script_in_text.json"), script)

    trash = base()
    d24 = meta("d-2024", "d-2024", "diagnosis", rev=1)
    d24["body"] = {"jurisdiction": "A保健所管内", "fiscal_year": 2024}
    trash["diagnoses"].append(d24)
    old = meta("p-1-2024", "d-2024", "patient")
    old["body"] = patient_body()
    trash["records"].append(old)
    trash["records"][0]["predecessor"] = "p-1-2024"
    trash["records"][1]["deleted_at"] = T1
    trash["diagnoses"][0]["predecessor"] = "d-2024"
    write(os.path.join(GOOD, "trash_and_predecessor.json"), trash)

    patients_only = base()
    patients_only["scope"] = {"type": "patients", "diagnosis_id": "d-2025", "patient_ids": ["p-1", "p-2"]}
    patients_only["records"] = patients_only["records"][:2]
    write(os.path.join(GOOD, "patients_scope.json"), patients_only)

    # Issue 12: a PC clock that was fast and then corrected leaves records created after they
    # were last updated. A backup must restore: accepted, with a note.
    skew = base()
    skew["diagnoses"][0]["created_at"] = T1 + 3_600_000
    skew["diagnoses"][0]["updated_at"] = T1
    skew["records"][0]["created_at"] = T1 + 1
    write(os.path.join(GOOD, "clock_skew.json"), skew)

    v0 = {
        "format": "nanbyo-chiiki-shindan-bundle",
        "version": 0,
        "exported_at": T1,
        "diagnoses": [{"id": "d-2023", "kind": "diagnosis", "updated_at": T0, "body": {"jurisdiction": "A保健所管内", "fiscal_year": 2023}}],
        "records": [
            {"id": "p-9", "diagnosis_id": "d-2023", "kind": "patient", "updated_at": T1, "deleted": False, "body": patient_body()},
            {"id": "s-9", "diagnosis_id": "d-2023", "kind": "station", "updated_at": T1, "deleted": True, "body": station_body()},
        ],
    }
    write(os.path.join(GOOD, "v0_flat.json"), v0)

    # Issue 16: version 2 adds the 療養者's ふりがな (optional; hiragana or katakana).
    v2 = copy.deepcopy(full)
    v2["version"] = 2
    v2["records"][0]["body"]["furigana"] = "やまだ たろう"
    v2["records"][1]["body"]["furigana"] = "ｽｽﾞｷ ﾊﾅｺ"
    write(os.path.join(GOOD, "full_v2.json"), v2)

    # Issue 17: version 3 adds the optional top-level `history` (変更履歴 of the file's records).
    write(os.path.join(GOOD, "full_v3.json"), v3_with_history())

    # Issue 19: version 4 adds 事業実績 (kind programme_result) in their container.
    write(os.path.join(GOOD, "results_v4.json"), v4_with_results())
    # Issue 20: version 4 adds the 災害時個別支援計画 (`support_plan`, one per patient).
    write(os.path.join(GOOD, "full_v4.json"), v4_with_plan())
    # Issue 14: version 5 adds the 管内マップ (`facility`, `map_sheet`, `base_map`); the 下図 as
    # outlines, and as an image (a file exported with 「下図の画像も含める」 ticked).
    write(os.path.join(GOOD, "full_v5.json"), v5_with_map())
    write(os.path.join(GOOD, "base_map_image_v5.json"), v5_with_map(base_map=base_map_image()))
    # Issue 20: version 6 adds the 補助の上限表 (`subsidy_table`, one per 地域診断).
    write(os.path.join(GOOD, "full_v6.json"), v6_with_tables())

    # Issue 17: a 地域診断 deleted from the 地域診断の一覧 is in the ゴミ箱 (its own `deleted_at`);
    # its records keep their own flags (here: not trashed, but one patient that was trashed
    # before). A backup with the ゴミ箱 ticked holds it, and it imports into the ゴミ箱. The
    # current version, without history: the trash needs nothing new in the format.
    in_trash = copy.deepcopy(v2)
    in_trash["version"] = 3
    in_trash["diagnoses"][0]["deleted_at"] = T1 + 60_000
    in_trash["diagnoses"][0]["updated_at"] = T1 + 60_000
    in_trash["records"][1]["deleted_at"] = T1
    write(os.path.join(GOOD, "trashed_diagnosis.json"), in_trash)

    # Version 1 files are read through the v1 → v2 step (`migrated_from` 1), silently.
    expected = {
        "full_v1.json": {"diagnoses": 1, "records": 6, "migrated_from": 1},
        "full_v2.json": {"diagnoses": 1, "records": 6, "migrated_from": 2},
        "full_v3.json": {"diagnoses": 1, "records": 6, "history": 3, "migrated_from": 3},
        "trashed_diagnosis.json": {"diagnoses": 1, "records": 6, "migrated_from": 3},
        "results_v4.json": {"diagnoses": 2, "records": 8, "migrated_from": 4},
        "full_v4.json": {"diagnoses": 1, "records": 7, "history": 3, "migrated_from": 4},
        "full_v5.json": {"diagnoses": 1, "records": 10, "history": 3, "migrated_from": 5},
        "base_map_image_v5.json": {"diagnoses": 1, "records": 10, "history": 3, "migrated_from": 5},
        "full_v6.json": {"diagnoses": 1, "records": 11, "history": 3},
        "compact_v1.json": {"diagnoses": 1, "records": 4, "migrated_from": 1},
        "bom_v1.json": {"diagnoses": 1, "records": 4, "migrated_from": 1},
        "script_in_text.json": {"diagnoses": 1, "records": 4, "migrated_from": 1},
        "trash_and_predecessor.json": {"diagnoses": 2, "records": 5, "migrated_from": 1},
        "patients_scope.json": {"diagnoses": 1, "records": 2, "migrated_from": 1},
        "v0_flat.json": {"diagnoses": 1, "records": 2, "migrated_from": 0},
        # Written by the app itself (cargo test --lib write_exported_before_issue12 -- --ignored)
        # before issue 12 changed the checks: a file exported then must still import unchanged.
        "exported_before_issue12.json": {"diagnoses": 2, "records": 8, "migrated_from": 1},
        "clock_skew.json": {"diagnoses": 1, "records": 4, "migrated_from": 1, "warning": "作成日時が更新日時より後になっている記録が2件あります"},
    }
    write(os.path.join(GOOD, "expected.json"), expected)


def history_entry(record_id, rev, **over):
    """A 変更履歴 entry as the app writes it (src/domain/history.rs): its id names the record,
    the revision (10 digits) and the device."""
    e = {
        "id": f"{record_id}#{rev:010d}@pc-hokenjo-1",
        "record_id": record_id,
        "diagnosis_id": "d-2025",
        "kind": "patient",
        "rev": rev,
        "at": T0 + rev * 60_000,
        "device": "pc-hokenjo-1",
        "by": "保健師 山本",
        "action": "edited",
        "changes": [{"path": "name", "old": "山田 太朗", "new": "山田 太郎"}],
    }
    e.update(over)
    return e


def v3_with_history():
    v3 = full_base()
    v3["version"] = 3
    v3["history"] = [
        history_entry("p-1", 1, action="created", changes=[]),
        history_entry("p-1", 2),
        history_entry("p-2", 3, by="", cause={"type": "import"}, action="edited",
                      changes=[{"path": "adl", "old": "independent", "new": "full_assist"}, {"path": "notes", "new": "追記"}]),
    ]
    return v3


def rec(b, i=0):
    return b["records"][i]


def body(b, i=0):
    return b["records"][i]["body"]


def bad():
    cases = {}

    def case(name, data, expected, pretty=True):
        write(os.path.join(BAD, name), data, pretty)
        cases[name] = expected

    text = json.dumps(base(), ensure_ascii=False, indent=2)
    case("truncated.json", text[: len(text) // 2], "ファイルが途中で切れています")
    case("empty.json", "", "ファイルが空です")
    case("whitespace_only.json", "  \n\t\n", "ファイルが空です")
    case("plain_text.json", "これはバンドルではありません", "JSON の書き方に誤りがあります（1行1文字目）")
    case("array_root.json", "[]", "ファイル全体が { } のオブジェクトではありません")
    case("string_root.json", "\"nanbyo-chiiki-shindan-bundle\"", "ファイル全体が { } のオブジェクトではありません")
    case("no_format.json", mutate(lambda b: b.pop("format")), "format がありません")
    case("wrong_format.json", mutate(lambda b: b.update(format="something-else")), "format が「something-else」")
    case("format_number.json", mutate(lambda b: b.update(format=1)), "format が文字列ではありません")
    case("encrypted_marker.json", {"format": "nanbyo-chiiki-shindan-encrypted", "version": 1}, "暗号化されたファイルです。パスワードを入力して開いてください")
    case("no_version.json", mutate(lambda b: b.pop("version")), "形式の版（version）がありません")
    case("version_string.json", mutate(lambda b: b.update(version="1")), "形式の版（version）は0以上の整数です")
    case("version_negative.json", mutate(lambda b: b.update(version=-1)), "形式の版（version）は0以上の整数です")
    case("version_float.json", mutate(lambda b: b.update(version=1.5)), "形式の版（version）は0以上の整数です")
    case("version_future.json", mutate(lambda b: b.update(version=7)), "新しい版のアプリで書き出されたファイルです（形式 v7")

    # Issue 20: the 補助の上限表 is new in version 6 (a v5 or older file holding it is refused
    # by the v5 → v6 step, naming it), and its body is checked: 限度額 0円 or more, 耐用年数
    # 1〜30年, every 市町村 named once.
    case("v5_subsidy_table.json", v6_with_tables(version=5),
         "形式 v5 以前のファイルに補助の上限表（subsidy_table）の記録があります。補助の上限表は形式 v6 からです")
    # A v4 file (no 管内マップ) passes v4 → v5, which knows nothing of the table, and is
    # refused by v5 → v6: 「v5 以前」 covers v4.
    v4_table = v4_with_plan()
    v4_table["records"].append(dict(meta("d-2025:subsidy_table", "d-2025", "subsidy_table"), body=subsidy_table_body()))
    case("v4_subsidy_table.json", v4_table, "形式 v5 以前のファイルに補助の上限表（subsidy_table）の記録があります")
    table_place = "（補助の上限表 ID d-2025:subsidy_table）"
    case("v6_subsidy_table_negative_limit.json",
         v6_with_tables(tables=subsidy_table_body(common=subsidy_table(ups=item_rule(-41000, 6)))),
         [table_place, "body.common", "補助の上限表（管内共通・③無停電電源装置の限度額）: 0円以上で入力してください（-41000円になっています）"])
    case("v6_subsidy_table_town_negative_limit.json",
         v6_with_tables(tables=subsidy_table_body(municipalities=[{"municipality": "Ｂ町", "table": subsidy_table(generator=item_rule(-1, 5))}])),
         [table_place, "body.municipalities.0", "補助の上限表（Ｂ町・①自家発電装置の限度額）: 0円以上で入力してください"])
    case("v6_subsidy_table_limit_huge.json",
         v6_with_tables(tables=subsidy_table_body(common=subsidy_table(generator=item_rule(212000000, 6)))),
         [table_place, "body.common", "補助の上限表（管内共通・①自家発電装置の限度額）: 10000000円以下で入力してください（212000000円になっています）"])
    case("v5_map_sheet_areas.json", v5_with_map(sheet=map_sheet_body(areas=V6_AREAS)),
         "形式 v5 以前のファイルの管内マップに市町村の位置（areas）があります。市町村の位置は形式 v6 からです")
    case("v6_map_area_latitude_95.json",
         v6_with_tables(areas=[{"municipality": "A市", "position": {"type": "ground", "lat": 95.0, "lon": 139.0}}]),
         ["（管内マップ ID d-2025:map）", "市町村「A市」の位置: 緯度は −90〜90"])
    case("v6_subsidy_table_life_31.json",
         v6_with_tables(tables=subsidy_table_body(common=subsidy_table(suction=item_rule(100000, 31)))),
         [table_place, "body.common", "補助の上限表（管内共通・②吸引器（充電式）の耐用年数）: 1〜30年で入力してください（31年になっています）"])
    case("v6_subsidy_table_town_twice.json",
         v6_with_tables(tables=subsidy_table_body(municipalities=[{"municipality": "Ｂ町", "table": subsidy_table()},
                                                                   {"municipality": "Ｂ町 ", "table": subsidy_table()}])),
         [table_place, "body.municipalities.1", "補助の上限表（Ｂ町）: 同じ市町村の表が2つあります"])
    case("v6_subsidy_table_limit_text.json",
         v6_with_tables(tables=subsidy_table_body(common=subsidy_table(generator=item_rule("212千円", 6)))),
         [table_place, "body.common.generator.limit_yen", "値の種類が違います"])

    # Issue 14: the 管内マップ is new in version 5 (a v4 or v3 file holding it is refused by
    # the v4 → v5 step, naming the kind), and its bodies are checked.
    case("v4_facility.json", v5_with_map(version=4), "形式 v4 以前のファイルに管内マップ（facility など）の記録があります。管内マップは形式 v5 からです")
    v3_sheet = v3_with_history()
    v3_sheet["records"].append(dict(meta("d-2025:map", "d-2025", "map_sheet"), body=map_sheet_body()))
    case("v3_map_sheet.json", v3_sheet, "形式 v4 以前のファイルに管内マップ（map_sheet など）の記録があります")
    case("v5_facility_position_lat_95.json", v5_with_map(facility=facility_body(position={"type": "ground", "lat": 95.0, "lon": 139.48})),
         ["（施設 ID f-1）", "body.position", "緯度は −90〜90、経度は −180〜180 の数で書いてください"])
    case("v5_facility_no_name.json", v5_with_map(facility=facility_body(name="")), ["（施設 ID f-1）", "body.name", "名称: 施設の名前を入れてください"])
    case("v5_facility_unknown_kind.json", v5_with_map(facility=facility_body(kind="pharmacy")), ["（施設 ID f-1）", "body.kind", "「pharmacy」は使えない値です"])
    case("v5_map_sheet_far_km_0.json", v5_with_map(sheet=map_sheet_body(far_km=0.0)),
         ["（管内マップ ID d-2025:map）", "body.far_km", "遠いとみなす距離: 0 より大きく 500 km までの数にしてください"])
    case("v5_map_sheet_mark_off_the_sheet.json",
         v5_with_map(sheet=map_sheet_body(patients=[{"patient_id": "p-1", "position": {"type": "sheet", "x": 1e8, "y": 0.0}}])),
         ["（管内マップ ID d-2025:map）", "body.patients", "療養者の位置 1: 地図上の位置が数ではありません"])
    case("v5_base_map_svg.json",
         v5_with_map(base_map=base_map_image(mime="image/svg+xml", data="PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=")),
         ["（管内マップの下図 ID d-2025:base_map）", "body.mime", "下図: PNG か JPEG の画像だけを使えます"])
    case("v5_base_map_not_an_image.json", v5_with_map(base_map=base_map_image(data="44GT44KM44Gv55S75YOP44Gn44Gv44GC44KK44G+44Gb44KT")),
         ["（管内マップの下図 ID d-2025:base_map）", "body.data", "下図: 画像のデータが PNG・JPEG として読めません"])
    case("v5_base_map_outline_lat_95.json",
         v5_with_map(base_map=base_map_outlines(areas=[{"name": "A市", "rings": [[[95.0, 139.4], [35.7, 139.4], [35.6, 139.4]]]}])),
         ["（管内マップの下図 ID d-2025:base_map）", "下図の市区町村「A市」: 緯度・経度が範囲外です"])

    # Issue 19 (version 4): 事業実績. In a v3 file it is refused by the v3 → v4 step; in a v4
    # file every figure is a count of 0 or more and every indicator has a 単位.
    def results_case(name, change, expected, version=4):
        b = v4_with_results()
        b["version"] = version
        change(next(r for r in b["records"] if r["kind"] == "programme_result")["body"])
        case(name, b, expected)

    results_case("v3_with_programme_result.json", lambda bd: None, "事業実績・進捗状況評価は形式 v4 からです", version=3)

    def plan_case(name, change, expected):
        b = v4_with_results()
        change(next(r for r in b["records"] if r["kind"] == "progress_plan")["body"])
        case(name, b, expected)

    plan_case("v4_progress_plan_no_title.json", lambda bd: bd.update(title=""), ["body.title", "課題: 名前を入力してください"])
    plan_case("v4_progress_plan_unknown_field.json", lambda bd: bd["initiatives"][0]["projects"][0].update(budget=1),
              ["body.initiatives", "値の形が正しくありません"])
    results_case("v4_programme_result_no_unit.json", lambda bd: bd["indicators"][0].pop("unit"),
                 ["body.indicators", "必要な項目「unit」がありません"])
    results_case("v4_programme_result_unknown_unit.json", lambda bd: bd["indicators"][0].update(unit="bags"),
                 ["body.indicators", "「bags」は使えない値です"])
    results_case("v4_programme_result_negative.json",
                 lambda bd: bd["indicators"][0]["values"][0].update(value={"state": "value", "value": -3}), ["body.indicators", "負の数は使えません"])
    results_case("v4_programme_result_letters.json",
                 lambda bd: bd["indicators"][0]["values"][0].update(value={"state": "value", "value": "12a"}), ["body.indicators", "値の種類が違います"])
    results_case("v4_programme_result_no_name.json", lambda bd: bd.update(name=""), ["body.name", "事業名を入力してください"])
    # Issue 20: the 災害時個別支援計画 is new in version 4, names its patient, and its
    # battery times are checked.
    case("v3_support_plan.json", v4_with_plan(version=3), "災害時個別支援計画は形式 v4 から")
    case("v4_support_plan_battery_1000.json", v4_with_plan(external_battery_hours=100_000), "外部バッテリーの持続時間: 0時間より長く100時間以下で入力してください")
    case("v4_support_plan_battery_0.json", v4_with_plan(internal_battery_hours=0), "内蔵バッテリーの持続時間: 0時間より長く100時間以下で入力してください")
    case("v4_support_plan_dangling_patient.json", v4_with_plan(patient_id="p-404"), "療養者「p-404」がこのファイルにも端末にもありません")
    case("v4_support_plan_30_visits.json", v4_with_plan(visits=dict(support_plan_body("p-1")["visits"], days=[[{"provider": "Bステーション", "qualification": "nurse"}] * 30, [], [], [], [], [], []])), "訪問計画の月曜日: 1日の訪問は12回までです（30回になっています）")

    # Issue 17: the 変更履歴 is new in version 3, and each entry belongs to a record of the file.
    def with_history(version, *entries, anonymised=None):
        def f(b):
            b.clear()
            b.update(v3_with_history())
            b["version"] = version
            if entries:
                b["history"] = list(entries)
            if anonymised is not None:
                b["anonymised"] = anonymised
        return f
    case("v2_with_history.json", mutate(with_history(2)), "変更履歴は形式 v3 から")
    case("v3_history_unknown_record.json", mutate(with_history(3, history_entry("p-404", 2))), ["history[0]", "変更履歴の記録（p-404）がこのファイルにありません"])
    case("v3_history_id_mismatch.json", mutate(with_history(3, {**history_entry("p-1", 2), "rev": 5})), ["history[0]", "変更履歴のIDが、記録・版・端末と合いません"])
    case("v3_history_wrong_kind.json", mutate(with_history(3, history_entry("p-1", 2, kind="station"))), ["history[0]", "変更履歴の種類または地域診断が、その記録と合いません"])
    case("v3_history_unknown_key.json", mutate(with_history(3, history_entry("p-1", 2, note="x"))), ["history[0]", "変更履歴の形が正しくありません"])
    case("v3_history_twice.json", mutate(with_history(3, history_entry("p-1", 2), history_entry("p-1", 2))), ["history[1]", "同じ変更履歴が2回あります"])
    case("v3_history_not_list.json", mutate(lambda b: (with_history(3)(b), b.update(history={"p-1": []}))), "変更履歴が配列 [ ] ではありません")
    case("v3_history_long_by.json", mutate(with_history(3, history_entry("p-1", 2, by="あ" * 51))), ["history[0]", "担当者名が長すぎます（50文字まで）"])

    # Issue 16: ふりがな is new in version 2; a v1 file holding it was not written by the app.
    def furigana(version, value):
        def f(b):
            b["version"] = version
            b["records"][0]["body"]["furigana"] = value
        return f
    case("v1_with_furigana.json", mutate(furigana(1, "やまだ")), "records[0]の body/furigana（ふりがな）: 形式 v1 のファイルにはない項目です")
    case("v2_furigana_kanji.json", mutate(furigana(2, "山田")), ["furigana", "ふりがなはひらがなかカタカナで入力してください（「山」は使えません）"])
    case("v2_furigana_number.json", mutate(furigana(2, 7)), ["furigana", "値の種類が違います"])
    case("version_huge.json", text.replace('"version": 1', '"version": 99999999999999999999999', 1), "形式の版（version）は0以上の整数です")
    case("unknown_top_key.json", mutate(lambda b: b.update(comment="hi")), "comment: このアプリの版にはない項目です")
    case("missing_records.json", mutate(lambda b: b.pop("records")), "records: 必要な項目がありません")
    case("records_not_array.json", mutate(lambda b: b.update(records={})), "records: 記録の一覧が配列 [ ] ではありません")
    case("exported_at_string.json", mutate(lambda b: b.update(exported_at="2025-05-12")), "exported_at（書き出し日時）: 値の種類が違います（文字列は使えません）")
    case("exported_at_negative.json", mutate(lambda b: b.update(exported_at=-5)), "exported_at（書き出し日時）: 日時が範囲外です")
    case("device_bad_chars.json", mutate(lambda b: b.update(device="pc 1")), "device（書き出した端末）: IDに使えない文字「 」があります")
    case("scope_unknown.json", mutate(lambda b: b.update(scope={"type": "everything"})), "scope（書き出しの範囲）: 「everything」は使えない値です")
    case("anonymised_string.json", mutate(lambda b: b.update(anonymised="no")), "anonymised（匿名化）: 値の種類が違います（文字列は使えません）")
    case("app_version_long.json", mutate(lambda b: b.update(app_version="9" * 65)), "app_version（アプリの版）: 長すぎます（64文字まで）")
    case("record_not_object.json", mutate(lambda b: b["records"].insert(0, 1)), "records[0]: 記録が { } のオブジェクトではありません")
    case("record_missing_id.json", mutate(lambda b: rec(b).pop("id")), "records[0]（療養者）の id（ID）: 必要な項目がありません")
    case("record_id_script.json", mutate(lambda b: rec(b).update(id="<script>")), "records[0]（療養者）の id（ID）: IDに使えない文字「<」があります")
    case("record_id_too_long.json", mutate(lambda b: rec(b).update(id="p" * 65)), "IDが長すぎます（64文字まで）")
    case("record_kind_unknown.json", mutate(lambda b: rec(b).update(kind="visit")), "records[0]（ID p-1）の kind（記録の種類）: 「visit」は記録の種類として使えません")
    case("record_kind_number.json", mutate(lambda b: rec(b).update(kind=3)), "kind（記録の種類）: 記録の種類が文字列ではありません")
    case("record_unknown_field.json", mutate(lambda b: rec(b).update(colour="blue")), "records[0]（療養者 ID p-1）の colour: このアプリの版にはない項目です")
    case("rev_zero.json", mutate(lambda b: rec(b).update(rev=0)), "rev（版番号）: 版番号は1以上の整数です")
    case("rev_float.json", mutate(lambda b: rec(b).update(rev=1.5)), "rev（版番号）: 値の種類が違います（小数は使えません）")
    case("updated_year_3000.json", mutate(lambda b: rec(b).update(updated_at=32_503_680_000_000)), "updated_at（更新日時）: 日時が範囲外です（1970年〜2200年）")
    case("deleted_at_string.json", mutate(lambda b: rec(b).update(deleted_at="yesterday")), "deleted_at（ゴミ箱に入れた日時）: 値の種類が違います")
    case("age_130.json", mutate(lambda b: body(b).update(age={"type": "years", "value": 130})), "records[0]（療養者 ID p-1）の body.age（年齢）: 年齢は0〜120で入力してください")
    case("age_300.json", mutate(lambda b: body(b).update(age={"type": "years", "value": 300})), "records[0]（療養者 ID p-1）の body.age（年齢）: 年齢は0〜120で入力してください")
    case("adl_code_4.json", mutate(lambda b: body(b).update(adl=4)), "body.adl（ADL）: ADLは 1 自立・2 一部介助・3 全面介助 のいずれかです")
    case("care_level_6.json", mutate(lambda b: body(b).update(care_insurance={"state": "value", "value": "care6"})), "body.care_insurance（介護保険（介護度））: 介護保険（介護度）は要支援1・2、要介護1〜5、なし、不明のいずれかです")
    case("certificate_grade_7.json", mutate(lambda b: body(b).update(disability_certificate={"state": "value", "value": 7})), "body.disability_certificate（身体障害者手帳（級））: 身体障害者手帳の級は1〜6で入力してください")
    case("support_class_0_value.json", mutate(lambda b: body(b).update(disability_support_class={"state": "value", "value": 0})), "障害支援区分は1〜6で入力してください")
    case("visit_mode_bad.json", mutate(lambda b: body(b)["neurology"].update(mode="telephone")), "body.neurology.mode（神経内科専門医療機関 受診形態）: 受診形態は 1 外来・2 往診・0 なし のいずれかです")
    case("weekly_visits_negative.json", mutate(lambda b: body(b)["station_nursing"].update(weekly_visits=-100)), "body.station_nursing.weekly_visits（訪問看護ステーション 1週間の合計訪問回数）: 負の数は使えません")
    case("weekly_visits_too_many.json", mutate(lambda b: body(b)["station_nursing"].update(weekly_visits=10000)), "body.station_nursing.weekly_visits（訪問看護ステーション 1週間の合計訪問回数）: 0〜50で入力してください")
    case("per_month_fraction.json", mutate(lambda b: body(b)["neurology"].update(per_month=0.5)), "body.neurology.per_month（神経内科専門医療機関 頻度（回/月））: 値の種類が違います（小数は使えません）")
    case("huge_integer.json", text.replace('"count": 1,', '"count": 123456789012345678901234567890,', 1), "body.station_nursing.count（訪問看護ステーション 利用機関数）: 数値が大きすぎます")
    case("number_out_of_range.json", text.replace('"count": 1,', '"count": 1e400,', 1), "数値が大きすぎます（")
    case("nan.json", text.replace('"count": 1,', '"count": NaN,', 1), "JSON の書き方に誤りがあります")
    case("infinity.json", text.replace('"count": 1,', '"count": Infinity,', 1), "JSON の書き方に誤りがあります")
    case("name_number.json", mutate(lambda b: body(b).update(name=12)), "body.name（氏名）: 値の種類が違います（数値は使えません）")
    case("body_missing_field.json", mutate(lambda b: body(b).pop("municipality")), "body.municipality（住所（市町村））: 必要な項目がありません")
    case("body_unknown_field.json", mutate(lambda b: body(b).update(favourite="青")), "body.favourite: このアプリの版にはない項目です")
    case("body_not_object.json", mutate(lambda b: rec(b).update(body=[1, 2])), "body（内容）: 内容が { } のオブジェクトではありません")
    case("body_missing.json", mutate(lambda b: rec(b).pop("body")), "body（内容）: 必要な項目がありません")
    case("onset_month_13.json", mutate(lambda b: body(b).update(onset={"year": 2019, "month": 13})), "body.onset（発症時期）: 発症時期は1900〜2200年、月は1〜12で入力してください")
    case("jurisdiction_empty.json", mutate(lambda b: b["diagnoses"][0]["body"].update(jurisdiction="")), "diagnoses[0]（地域診断 ID d-2025）の body.jurisdiction（地区名）: 地区名を入力してください")
    case("fiscal_year_3000.json", mutate(lambda b: b["diagnoses"][0]["body"].update(fiscal_year=3000)), "年度 3000 は範囲外です（1989〜2200年度）")
    case("station_intake_bad.json", mutate(lambda b: body(b, 2).update(als_intake="maybe")), "records[2]（訪問看護ステーション ID s-1）の body.als_intake（ALS患者の今後の受け入れ）: 今後の受け入れは")
    def add_programme(b, **changes):
        prog = meta("g-1", "d-2025", "programme")
        prog["body"] = programme_body() | changes
        b["records"].append(prog)

    case("programme_count_negative.json", mutate(lambda b: add_programme(b, count_local=-1)), "records[4]（事業 ID g-1）の body.count_local（実施件数 (1) 管轄地域（件））: 件数・回数は0以上の整数で入力してください")
    case("programme_unknown_field.json", mutate(lambda b: add_programme(b, budget=100)), "records[4]（事業 ID g-1）の body.budget: このアプリの版にはない項目です")
    case("string_too_long.json", mutate(lambda b: body(b).update(devices="あ" * 20001)), "文字列が長すぎます（20000文字まで）")
    case("duplicate_ids.json", mutate(lambda b: rec(b, 1).update(id="p-1")), "ID「p-1」が重複しています（records[0]（療養者 ID p-1） と同じ）")
    case("dangling_diagnosis.json", mutate(lambda b: rec(b).update(diagnosis_id="d-missing")), "records[0]（療養者 ID p-1）の diagnosis_id（地域診断のID）: 地域診断「d-missing」がこのファイルにも端末にもありません")
    case("diagnosis_in_records.json", mutate(lambda b: b["records"].append(copy.deepcopy(b["diagnoses"][0]) | {"id": "d-other", "diagnosis_id": "d-other"})), "地域診断の記録は diagnoses に入れます")
    case("patient_in_diagnoses.json", mutate(lambda b: b["diagnoses"].append(copy.deepcopy(rec(b)) | {"id": "p-x"})), "diagnoses には地域診断の記録だけを入れます")
    case("diagnosis_id_mismatch.json", mutate(lambda b: b["diagnoses"][0].update(diagnosis_id="d-other")), "地域診断の diagnosis_id は自分の ID と同じです")
    case("predecessor_self.json", mutate(lambda b: rec(b).update(predecessor="p-1")), "前年度の記録が自分自身になっています")
    case("predecessor_wrong_kind.json", mutate(lambda b: rec(b).update(predecessor="s-1")), "前年度の記録「s-1」は種類が違います（訪問看護ステーション）")
    case("predecessor_same_diagnosis.json", mutate(lambda b: rec(b).update(predecessor="p-2")), "前年度の記録「p-2」が同じ地域診断の中にあります")

    def cycle(b):
        d24 = copy.deepcopy(b["diagnoses"][0]) | {"id": "d-2024", "diagnosis_id": "d-2024"}
        d24["body"] = {"jurisdiction": "A保健所管内", "fiscal_year": 2024}
        d24["stamps"] = {}
        b["diagnoses"].append(d24)
        b["diagnoses"][0]["predecessor"] = "d-2024"
        d24["predecessor"] = "d-2025"

    case("predecessor_cycle.json", mutate(cycle), "前年度の記録のつながりが循環しています")

    def dangling_assessment(b):
        a = meta("as-9", "d-2025", "assessment")
        a["body"] = assessment_body("p-none", "", T1)
        b["records"].append(a)

    case("assessment_dangling_patient.json", mutate(dangling_assessment), "療養者「p-none」がこのファイルにも端末にもありません")

    def finished_without_assessor(b):
        a = meta("as-8", "d-2025", "assessment")
        a["body"] = dict(assessment_body("p-1", "", T1), status="finished", finished_at=T1)
        b["records"].append(a)

    case("assessment_finished_without_assessor.json", mutate(finished_without_assessor), "完了したアセスメントに判断者がありません")
    case("deep_nesting.json", "[" * 100_000, "入れ子が深すぎます（64段まで、1行目）")
    deep = "[" * 70 + "]" * 70
    case("deep_nesting_in_body.json", text.replace('"devices": ""', '"devices": ' + deep, 1), "入れ子が深すぎます（64段まで")
    case("duplicate_keys.json", text.replace('"version": 1,', '"version": 1, "version": 1,', 1), "項目名「version」が重複しています")
    case("trailing_garbage.json", text + "\n{}", "JSON の書き方に誤りがあります")
    case("utf16.json", b"\xff\xfe" + json.dumps(base(), ensure_ascii=False).encode("utf-16-le"), "UTF-16")
    # "Müller" in Latin-1: the byte 0xFC is not UTF-8.
    case("latin1.json", text.encode("utf-8").replace("山田".encode("utf-8"), b"M\xfcller"), "文字コードが UTF-8 ではありません")
    case("lone_surrogate.json", text.replace('"devices": ""', '"devices": "\\ud800"', 1), "JSON の書き方に誤りがあります")
    case("raw_control_char.json", text.replace('"devices": ""', '"devices": "a\tb"', 1), "JSON の書き方に誤りがあります")
    case("stamp_unknown_path.json", mutate(lambda b: rec(b)["stamps"].update({"nickname": stamp(T0)})), "stamps[\"nickname\"]（項目ごとの更新記録）: body にない項目の更新記録です")
    case("stamp_history_too_long.json", mutate(lambda b: rec(b)["stamps"].update({"name": stamp(T0, history=list(range(17)))})), "履歴が長すぎます（16件まで）")
    case("stamp_bad_device.json", mutate(lambda b: rec(b)["stamps"].update({"name": stamp(T0, device="pc/1")})), "IDに使えない文字「/」があります")
    case("stamp_extra_key.json", mutate(lambda b: rec(b)["stamps"]["name"].update(by="山本")), "stamps[\"name\"].by: このアプリの版にはない項目です")
    case("stamp_history_negative.json", mutate(lambda b: rec(b)["stamps"].update({"name": stamp(T0, history=[-1])})), "stamps[\"name\"]（項目ごとの更新記録）: 負の数は使えません")

    # Issue 12: a PC clock that was fast and then corrected leaves records created after they
    # were last updated. A backup must restore: accepted, with a note.
    skew = base()
    skew["diagnoses"][0]["created_at"] = T1 + 3_600_000
    skew["diagnoses"][0]["updated_at"] = T1
    skew["records"][0]["created_at"] = T1 + 1
    write(os.path.join(GOOD, "clock_skew.json"), skew)

    v0 = {
        "format": "nanbyo-chiiki-shindan-bundle",
        "version": 0,
        "exported_at": T1,
        "diagnoses": [{"id": "d-2023", "kind": "diagnosis", "updated_at": T0, "body": {"jurisdiction": "A", "fiscal_year": 2023}}],
        "records": [{"id": "p-9", "diagnosis_id": "d-2023", "kind": "patient", "updated_at": T1, "deleted": "no", "body": patient_body()}],
    }
    case("v0_deleted_string.json", v0, "records[0]の deleted（ゴミ箱）: true か false で書きます")
    v0b = copy.deepcopy(v0)
    v0b["records"][0]["deleted"] = False
    v0b["records"][0]["stamps"] = {}
    case("v0_unknown_key.json", v0b, "records[0]の stamps: v0 の形式にはない項目です")
    v0c = copy.deepcopy(v0b)
    v0c["records"][0].pop("stamps")
    v0c["records"][0]["body"]["age"] = {"type": "years", "value": 150}
    case("v0_bad_body.json", v0c, "records[0]（療養者 ID p-9）の body.age（年齢）: 年齢は0〜120で入力してください")
    issue12(case)
    systematic(case)
    write(os.path.join(BAD, "expected.json"), cases)
    return cases


# ---------------------------------------------------------------------------------------------
# Issue 12 「Never lose an edit」: each finding of the independent test, as a file.
# ---------------------------------------------------------------------------------------------

P1 = "records[0]（療養者 ID p-1）の "


def issue12(case):
    def pb(**over):
        return mutate(lambda b: body(b).update(over))

    # Item 6: the importer uses the forms' limits (src/domain/forms), one rule per value.
    case("issue12_per_month_999.json", mutate(lambda b: body(b)["neurology"].update(per_month=99900)),
         [P1 + "body.neurology.per_month（神経内科専門医療機関 頻度（回/月））", "0〜31で入力してください"])
    case("issue12_per_month_32.json", mutate(lambda b: body(b)["neurology"].update(per_month=3200)),
         [P1 + "body.neurology.per_month", "0〜31で入力してください"])
    case("issue12_first_symptom_20000.json", pb(first_symptom="あ" * 20000),
         [P1 + "body.first_symptom（初発症状）", "1000文字までで入力してください（現在20000文字）"])
    case("issue12_name_101.json", pb(name="山" * 101),
         [P1 + "body.name（氏名）", "100文字までで入力してください（現在101文字）"])
    case("issue12_name_nul.json", pb(name="山田\u0000太郎"), [P1 + "body.name（氏名）", "改行や制御文字は使えません"])
    case("issue12_devices_nul.json", pb(devices="機器\u0000"), [P1 + "body.devices", "使えない制御文字が含まれています"])
    case("issue12_id_number_21.json", pb(id_number="A" * 21),
         [P1 + "body.id_number（ID番号）", "20文字までで入力してください（現在21文字）"])
    case("issue12_id_number_nbsp.json", pb(id_number="\u00a0"),
         [P1 + "body.id_number（ID番号）", "ID番号を入力してください"])
    case("issue12_id_number_empty.json", pb(id_number=""), [P1 + "body.id_number（ID番号）", "ID番号を入力してください"])
    case("issue12_station_count_21.json", mutate(lambda b: body(b)["station_nursing"].update(count=21)),
         [P1 + "body.station_nursing.count", "0〜20で入力してください"])
    case("issue12_station_names_with_count_0.json", mutate(lambda b: body(b)["station_nursing"].update(count=0)),
         [P1 + "body.station_nursing.count", "機関名が1件あるのに利用機関数が0です"])
    case("issue12_programme_visits_without_use.json",
         mutate(lambda b: body(b)["ventilator_programme"].update(used=False, weekly_visits=100)),
         [P1 + "body.ventilator_programme.weekly_visits", "利用が「0 無」なので"])
    case("issue12_station_without_name.json", mutate(lambda b: body(b, 2).update(name="")),
         ["records[2]（訪問看護ステーション ID s-1）の body.name"])
    case("issue12_station_fte_1001.json", mutate(lambda b: body(b, 2).update(fte={"type": "direct", "value": 100100})),
         ["records[2]（訪問看護ステーション ID s-1）の body.fte"])
    case("issue12_disaster_plan_1989.json", pb(disaster_plan={"state": "value", "value": 1989}),
         [P1 + "body.disaster_plan", "1990"])
    # Item 4: unknown fields beside a unit variant.
    case("issue12_scope_all_unknown_key.json", mutate(lambda b: b.update(scope={"type": "all", "ids": ["d-2025"]})),
         "scope.ids（書き出しの範囲）: このアプリの版にはない項目です")
    case("issue12_scope_all_colour.json", mutate(lambda b: b.update(scope={"type": "all", "colour": "blue"})),
         "scope.colour（書き出しの範囲）: このアプリの版にはない項目です")
    case("issue12_scope_diagnoses_unknown_key.json",
         mutate(lambda b: b.update(scope={"type": "diagnoses", "ids": ["d-2025"], "x": 1})), "scope（書き出しの範囲）")
    case("issue12_disease_unit_unknown_key.json", pb(disease={"type": "als", "note": "x"}),
         [P1 + "body.disease.note", "このアプリの版にはない項目です"])
    case("issue12_tri_unit_unknown_key.json", pb(emergency_nursing={"state": "none", "value": "x"}),
         [P1 + "body.emergency_nursing"])
    case("issue12_fte_unit_unknown_key.json", mutate(lambda b: body(b, 2).update(fte={"type": "unknown", "x": 1})),
         ["records[2]（訪問看護ステーション ID s-1）の body.fte.x", "このアプリの版にはない項目です"])
    # Item 5: revisions.
    case("issue12_rev_max_safe.json", mutate(lambda b: rec(b).update(rev=9007199254740991)),
         P1 + "rev（版番号）: 版番号が大きすぎます（9007199254740991、1000000000000まで）")
    case("issue12_rev_max_plus_one.json", mutate(lambda b: rec(b).update(rev=1000000000001)),
         P1 + "rev（版番号）: 版番号が大きすぎます（1000000000001、1000000000000まで）")
    text = json.dumps(base(), ensure_ascii=False, indent=2)
    # Item 7: -0 and 2^64 are not 小数.
    case("issue12_rev_minus_zero.json", text.replace('"rev": 3', '"rev": -0', 1), "rev（版番号）: 「-0」は使えません")
    case("issue12_rev_2_64.json", text.replace('"rev": 3', '"rev": 18446744073709551616', 1),
         "rev（版番号）: 数値が大きすぎます（9007199254740991まで）")
    case("issue12_rev_exponent.json", text.replace('"rev": 3', '"rev": 3e0', 1), "rev（版番号）: 整数は 3 のように書いてください")
    case("issue12_exported_at_2_64.json", text.replace('"exported_at": %d' % T1, '"exported_at": 18446744073709551616', 1),
         "exported_at（書き出し日時）: 数値が大きすぎます")
    case("issue12_utf32_le.json", b"\xff\xfe\x00\x00" + json.dumps(base(), ensure_ascii=False).encode("utf-32-le"),
         "文字コードが UTF-32 です")
    case("issue12_utf32_be.json", b"\x00\x00\xfe\xff" + json.dumps(base(), ensure_ascii=False).encode("utf-32-be"),
         "文字コードが UTF-32 です")
    case("issue12_utf16_no_bom.json", json.dumps(base(), ensure_ascii=False).encode("utf-16-le"), "文字コードが UTF-16 です")


# ---------------------------------------------------------------------------------------------
# Systematic variants: per record kind × per field × per kind of fault. The expectation is the
# record and field the message must name, and what it must say, from the rules of FORMAT.md.
# ---------------------------------------------------------------------------------------------

KIND_LABEL = {"diagnosis": "地域診断", "overview": "地域の概況", "patient": "療養者", "station": "訪問看護ステーション",
              "programme": "事業", "evaluation": "様式4 評価", "assessment": "アセスメント"}

# Fields whose type limits the value, with the rule the message gives (body.rs `range_rule`).
TYPE_RULES = {
    ("patient", "age"): "年齢は0〜120で入力してください",
    ("patient", "adl"): "ADLは 1 自立・2 一部介助・3 全面介助 のいずれかです",
    ("patient", "disability_certificate"): "身体障害者手帳の級は1〜6で入力してください",
    ("patient", "disability_support_class"): "障害支援区分は1〜6で入力してください",
    ("patient", "care_insurance"): "介護保険（介護度）は要支援1・2、要介護1〜5、なし、不明のいずれかです",
    ("patient", "neurology.mode"): "受診形態は 1 外来・2 往診・0 なし のいずれかです",
    ("patient", "family_doctor.mode"): "受診形態は 1 外来・2 往診・0 なし のいずれかです",
    ("patient", "disaster_plan"): "災害時個別支援計画の年は",
    ("patient", "onset"): "発症時期は1900〜2200年、月は1〜12で入力してください",
    ("station", "als_intake"): "今後の受け入れは 2 可能・1 検討可・0 不可能 のいずれかです",
    ("station", "child_intake"): "今後の受け入れは 2 可能・1 検討可・0 不可能 のいずれかです",
    ("diagnosis", "fiscal_year"): "年度は1989〜2200年度で入力してください",
    ("programme", "implemented"): "実施は 1 有・0 無・未入力 のいずれかです",
    ("programme", "count_local"): "件数・回数は0以上の整数で入力してください",
    ("programme", "count_prefecture"): "件数・回数は0以上の整数で入力してください",
    ("programme", "council.meetings_this_year"): "件数・回数は0以上の整数で入力してください",
    ("programme", "council.first_year"): "初回開催年度は1989〜2200年度で入力してください",
    ("programme", "council.unit"): "設置単位は",
}

# Texts and their form limits (src/domain/forms/*: one-line 100, descriptions 1,000, ID番号 and
# 支援管理区分 20, 地区名 60, 事業 texts 2,000, 評価 課題 2,000 and 総合評価 4,000); multiline
# texts allow line breaks and tabs but no other control character.
SHORT, LONG = 100, 1000
TEXTS = {
    ("patient", "id_number"): (20, False), ("patient", "name"): (SHORT, False),
    ("patient", "municipality"): (SHORT, False), ("patient", "address_detail"): (SHORT, False),
    ("patient", "first_symptom"): (LONG, True), ("patient", "devices"): (LONG, True),
    ("patient", "procedures.other_detail"): (SHORT, False), ("patient", "last_contact"): (LONG, True),
    ("patient", "support_class"): (20, False),
    ("station", "name"): (SHORT, False), ("station", "address"): (SHORT, False),
    ("diagnosis", "jurisdiction"): (60, False),
    ("programme", "operator"): (SHORT, False), ("programme", "summary"): (2000, True),
    ("programme", "outcome"): (2000, True), ("programme", "challenge"): (2000, True),
    ("evaluation", "overall"): (4000, True), ("evaluation", "specialist.issue"): (2000, True),
    ("evaluation", "daily.issue"): (2000, True),
}
# Three-state texts: (path, limit, multiline).
TRI_TEXTS = {
    ("patient", "emergency_admission"): (SHORT, False), ("patient", "home_respite"): (LONG, True),
    ("patient", "neurology.name"): (SHORT, False),
}
# Numbers with an upper limit in the form: (path) → (first refused value as stored, message).
# Decimals are stored in hundredths.
TOO_LARGE = {
    ("patient", "neurology.per_month"): (3101, "0〜31で入力してください"),
    ("patient", "family_doctor.per_month"): (3101, "0〜31で入力してください"),
    ("patient", "station_nursing.weekly_visits"): (5001, "0〜50で入力してください"),
    ("patient", "institution_nursing.weekly_visits"): (5001, "0〜50で入力してください"),
    ("patient", "ventilator_programme.weekly_visits"): (5001, "0〜50で入力してください"),
    ("patient", "station_nursing.count"): (21, "0〜20で入力してください"),
    ("station", "monthly_users"): (100001, "0〜100000で入力してください"),
    ("station", "medical_insurance_users"): (100001, "0〜100000で入力してください"),
    ("overview", "population"): (100000001, "0〜100000000で入力してください"),
    ("overview", "certified_total"): (100000001, "0〜100000000で入力してください"),
    ("overview", "certified_als"): (100000001, "0〜100000000で入力してください"),
    ("overview", "nurse_stations_local"): (100001, "0〜100000で入力してください"),
    ("overview", "designated_doctors_local"): (100001, "0〜100000で入力してください"),
    ("overview", "area_km2"): (10000001, "0〜100000で入力してください"),
    ("programme", "count_local"): (100000001, "大きすぎる数です（100000000まで）"),
    ("programme", "council.meetings_this_year"): (366, "当年度開催回数は0〜365回で入力してください"),
    ("diagnosis", "fiscal_year"): (2201, "年度 2201 は範囲外です（1989〜2200年度）"),
}


def leaves(value, prefix=""):
    """The leaf fields of a body: scalars, arrays, three-state values ({"state"}) and tagged
    values ({"type"}) are leaves; other objects are groups."""
    out = []
    for k, v in value.items():
        path = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict) and "state" not in v and "type" not in v and v:
            out.extend(leaves(v, path))
        else:
            out.append((path, v))
    return out


def groups(value, prefix=""):
    out = [prefix]
    for k, v in value.items():
        path = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict) and "state" not in v and "type" not in v and v:
            out.extend(groups(v, path))
    return out


def get_at(d, path):
    for part in path.split("."):
        d = d[part]
    return d


def set_at(d, path, value, delete=False):
    parts = path.split(".")
    for part in parts[:-1]:
        d = d[part]
    if delete:
        d.pop(parts[-1])
    else:
        d[parts[-1]] = value


def wrong_type(v):
    if isinstance(v, bool):
        return "はい"
    if isinstance(v, (int, float)):
        return "12"
    if isinstance(v, str):
        return 12
    if isinstance(v, list):
        return "一覧"
    if isinstance(v, dict):
        return "値"
    return ["配列"]


def exported_bodies():
    """The bodies of every kind as the app writes them (from the app's own export)."""
    with open(os.path.join(GOOD, "exported_before_issue12.json"), encoding="utf-8") as f:
        data = json.load(f)
    return {r["kind"]: r["body"] for r in data["records"]}


def with_kind(kind):
    """A good bundle holding a record of `kind`, and where it is (list, index, place)."""
    b = base()
    if kind == "diagnosis":
        return b, ("diagnoses", 0, "diagnoses[0]（地域診断 ID d-2025）")
    if kind == "patient":
        return b, ("records", 0, "records[0]（療養者 ID p-1）")
    if kind == "station":
        return b, ("records", 2, "records[2]（訪問看護ステーション ID s-1）")
    if kind == "overview":
        b["records"][3]["body"] = overview_body() | {"area_km2": 12345, "certified_other": [{"disease": "HD", "count": 3}]}
        return b, ("records", 3, "records[3]（地域の概況 ID d-2025:overview）")
    bodies = exported_bodies()
    r = meta({"programme": "g-1", "evaluation": "d-2025:evaluation", "assessment": "as-1"}[kind], "d-2025", kind)
    r["body"] = copy.deepcopy(bodies[kind])
    if kind == "programme":
        r["body"]["council"].update(first_year=2016, meetings_this_year=2, unit="health_center", agenda="災害時の体制")
        r["body"]["count_prefecture"] = 5
    b["records"].append(r)
    return b, ("records", 4, f"records[4]（{KIND_LABEL[kind]} ID {r['id']}）")


SCHEMA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "src", "domain", "bundle", "bundle.schema.json")


def required_paths(kind):
    """The body fields the format requires (bundle.schema.json's `required`, through groups):
    only their absence is a fault (an absent optional field reads as 未入力)."""
    with open(SCHEMA, encoding="utf-8") as f:
        defs = json.load(f)["$defs"]

    def resolve(node):
        while "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        return node

    out = set()

    def walk(node, prefix):
        node = resolve(node)
        for key in node.get("required", []):
            path = f"{prefix}.{key}" if prefix else key
            out.add(path)
            child = resolve(node.get("properties", {}).get(key, {}))
            if child.get("type") == "object" and "properties" in child:
                walk(child, path)

    walk(defs[f"{kind}Body"], "")
    return out


def systematic(case):
    for kind in ["patient", "station", "overview", "diagnosis", "programme", "evaluation", "assessment"]:
        b0, (lst, i, place) = with_kind(kind)
        body0 = b0[lst][i]["body"]
        required = required_paths(kind)

        def variant(name, change, expected):
            b = copy.deepcopy(b0)
            change(b[lst][i]["body"])
            case(f"sys_{kind}_{name}.json", b, expected, pretty=False)

        for path, v in leaves(body0):
            key = path.replace(".", "_")
            at = f"{place}の body.{path}"
            rule = TYPE_RULES.get((kind, path))
            if kind == "patient" and path.startswith("onset."):
                # 発症時期 set is read as one value (FORMAT.md, stamps and leaf paths).
                at, rule = f"{place}の body.onset", TYPE_RULES[("patient", "onset")]
            year_field = path in ("fiscal_year", "council.first_year")
            # Wrong type.
            variant(f"{key}_wrong_type", lambda bd, p=path, v=v: set_at(bd, p, wrong_type(v)),
                    [at, rule or "値の種類が違います"])
            # Missing, where the format requires the field (absent is not 不明).
            if path in required:
                variant(f"{key}_missing", lambda bd, p=path: set_at(bd, p, None, delete=True),
                        [at, "必要な項目がありません"])
            # Texts: too long and control characters, at the form's limits.
            if (kind, path) in TEXTS:
                limit, multiline = TEXTS[(kind, path)]
                if kind == "diagnosis":
                    # 地区名: diagnosis::parse_jurisdiction, the 地域診断 form's own check.
                    too_long, control, line = "地区名は60文字までです", "地区名に使えない文字（改行・制御文字）があります", "地区名に使えない文字"
                else:
                    too_long = f"{limit}文字までで入力してください"
                    control = "使えない制御文字が含まれています" if multiline else "改行や制御文字は使えません"
                    line = "改行や制御文字は使えません"
                variant(f"{key}_too_long", lambda bd, p=path, l=limit: set_at(bd, p, "字" * (l + 1)), [at, too_long])
                variant(f"{key}_nul", lambda bd, p=path: set_at(bd, p, "字\u0000字"), [at, control])
                if not multiline:
                    variant(f"{key}_line_break", lambda bd, p=path: set_at(bd, p, "一行目\n二行目"), [at, line])
            if (kind, path) in TRI_TEXTS:
                limit, multiline = TRI_TEXTS[(kind, path)]
                variant(f"{key}_too_long", lambda bd, p=path, l=limit: set_at(bd, p, {"state": "value", "value": "字" * (l + 1)}),
                        [at, f"{limit}文字までで入力してください（現在{limit + 1}文字）"])
                variant(f"{key}_blank_value", lambda bd, p=path: set_at(bd, p, {"state": "value", "value": "  "}),
                        [at, "内容を入力するか"])
                variant(f"{key}_unknown_state", lambda bd, p=path: set_at(bd, p, {"state": "maybe"}), [at])
            # Numbers: negative, fraction, too large for the form.
            if isinstance(v, int) and not isinstance(v, bool) or (kind, path) in TOO_LARGE:
                if year_field:
                    negative = "年度 -1 は範囲外です（1989〜2200年度）"
                elif path.endswith("_at"):
                    negative = "日時が範囲外です（1970年〜2200年）"
                else:
                    negative = rule or "負の数は使えません"
                variant(f"{key}_negative", lambda bd, p=path: set_at(bd, p, -1), [at, negative])
                variant(f"{key}_fraction", lambda bd, p=path: set_at(bd, p, 1.5), [at, rule or "小数は使えません"])
                variant(f"{key}_huge", lambda bd, p=path: set_at(bd, p, 2 ** 60), [at, "数値が大きすぎます"])
            if (kind, path) in TOO_LARGE:
                first, message = TOO_LARGE[(kind, path)]
                variant(f"{key}_too_large", lambda bd, p=path, x=first: set_at(bd, p, x), [at, message])
            # Unknown fields inside a three-state or tagged value.
            if isinstance(v, dict):
                variant(f"{key}_unknown_inside", lambda bd, p=path, v=v: set_at(bd, p, dict(v, zz_extra=1)), [at])
        # Unknown fields in every group of the body (and the body itself).
        for g in groups(body0):
            key = g.replace(".", "_") or "body"
            target = f"body.{g}.zz_extra" if g else "body.zz_extra"
            variant(f"{key}_unknown_field", lambda bd, g=g: (get_at(bd, g) if g else bd).update(zz_extra=True),
                    [f"{place}の {target}", "このアプリの版にはない項目です"])
        # The record around the body.
        def envelope(name, change, expected):
            b = copy.deepcopy(b0)
            change(b[lst][i])
            case(f"sys_{kind}_record_{name}.json", b, expected, pretty=False)

        for key in ["id", "diagnosis_id", "created_at", "updated_at", "updated_by", "rev"]:
            envelope(f"{key}_missing", lambda r, k=key: r.pop(k), [f"の {key}", "必要な項目がありません"])
            envelope(f"{key}_wrong_type", lambda r, k=key: r.update({k: wrong_type(r[k])}), [f"の {key}"])
        for key in ["created_at", "updated_at", "deleted_at"]:
            envelope(f"{key}_year_2300", lambda r, k=key: r.update({k: 10_413_792_000_000}), [f"{place}の {key}", "日時が範囲外です（1970年〜2200年）"])
            envelope(f"{key}_negative", lambda r, k=key: r.update({k: -1}), [f"{place}の {key}", "日時が範囲外です"])
        envelope("unknown_field", lambda r: r.update(zz_extra=1), [f"{place}の zz_extra", "このアプリの版にはない項目です"])
        envelope("body_not_object", lambda r: r.update(body="本文"), [f"{place}の body", "内容が { } のオブジェクトではありません"])
        envelope("stamps_not_object", lambda r: r.update(stamps=[]), [f"{place}の stamps", "{ } のオブジェクトではありません"])
        envelope("stamp_unknown_path", lambda r: r.update(stamps={"zz_none": stamp(T0)}), [f"{place}の stamps[\"zz_none\"]", "body にない項目の更新記録です"])
        envelope("rev_zero", lambda r: r.update(rev=0), [f"{place}の rev", "版番号は1以上の整数です"])
        envelope("rev_too_large", lambda r: r.update(rev=10 ** 12 + 1), [f"{place}の rev", "版番号が大きすぎます"])
        envelope("id_bad_chars", lambda r: r.update(id="id with space"), [f"の id", "IDに使えない文字「 」があります"])
        envelope("updated_by_bad_chars", lambda r: r.update(updated_by="pc/1"), [f"{place}の updated_by", "IDに使えない文字「/」があります"])
        envelope("predecessor_bad_chars", lambda r: r.update(predecessor="前年度"), [f"{place}の predecessor", "IDに使えない文字"])



if __name__ == "__main__":
    os.makedirs(GOOD, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    good()
    n = len(bad())
    print(f"wrote {n} bad files")
