//! The corpus of good and hostile bundle files under `tests/bundles/` (made by
//! `tests/bundles/make_corpus.py`): every bad file is refused with its own message, every
//! good one is read.

use super::scan::MAX_BUNDLE_BYTES;
use super::validate::{parse_bundle, KnownIds};
use crate::domain::patient::Patient;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("bundles").join(sub)
}

fn manifest<T: serde::de::DeserializeOwned>(sub: &str) -> BTreeMap<String, T> {
    let text = std::fs::read_to_string(dir(sub).join("expected.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn files(sub: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir(sub))
        .expect("corpus dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "expected.json")
        .collect();
    names.sort();
    names
}

/// What a bad file's message must say: a piece of the whole message, or pieces that must all
/// be in one line of it (the record and field named, and what is wrong).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Expected {
    Text(String),
    Line(Vec<String>),
}

impl Expected {
    fn found_in(&self, e: &super::ImportError) -> bool {
        match self {
            Expected::Text(t) => e.to_string().contains(t.as_str()),
            Expected::Line(parts) => e.lines().iter().any(|l| parts.iter().all(|p| l.contains(p.as_str()))),
        }
    }

    fn describe(&self) -> String {
        match self {
            Expected::Text(t) => t.clone(),
            Expected::Line(parts) => parts.join("」…「"),
        }
    }
}

/// Every hostile file (issue 12: at least 500) is refused, with its own message; the
/// database-unchanged part is in the e2e hostile-file test (nothing is written unless
/// `parse_bundle` returns `Ok`).
#[test]
fn every_bad_bundle_is_refused_with_its_own_message() {
    let expected: BTreeMap<String, Expected> = manifest("bad");
    assert!(expected.len() >= 500, "corpus too small: {}", expected.len());
    assert_eq!(files("bad"), expected.keys().cloned().collect::<Vec<_>>(), "every bad file has an expectation");
    let mut failures = Vec::new();
    for (name, message) in &expected {
        let bytes = std::fs::read(dir("bad").join(name)).expect("read");
        match parse_bundle(&bytes, &KnownIds::default()) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                if !message.found_in(&e) {
                    let text = e.to_string();
                    failures.push(format!(
                        "{name}: expected 「{}」, got:\n    {}",
                        message.describe(),
                        text.replace('\n', "\n    ")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_file_over_50_mb_is_refused_before_reading() {
    let junk = vec![b'x'; MAX_BUNDLE_BYTES + 1];
    let e = parse_bundle(&junk, &KnownIds::default()).expect_err("too large").to_string();
    assert!(e.contains("ファイルが大きすぎます（50.0 MB、上限 50.0 MB）"), "{e}");
}

#[derive(serde::Deserialize)]
struct GoodExpectation {
    diagnoses: usize,
    records: usize,
    #[serde(default)]
    migrated_from: Option<u32>,
    /// A note the reader must give (e.g. clocks that disagree).
    #[serde(default)]
    warning: Option<String>,
    /// 変更履歴 entries (format v3).
    #[serde(default)]
    history: usize,
}

#[test]
fn every_good_bundle_is_read() {
    let expected: BTreeMap<String, GoodExpectation> = manifest("good");
    assert_eq!(files("good"), expected.keys().cloned().collect::<Vec<_>>());
    for (name, exp) in &expected {
        let bytes = std::fs::read(dir("good").join(name)).expect("read");
        let parsed = parse_bundle(&bytes, &KnownIds::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(parsed.bundle.diagnoses.len(), exp.diagnoses, "{name}");
        assert_eq!(parsed.bundle.records.len(), exp.records, "{name}");
        assert_eq!(parsed.migrated_from, exp.migrated_from, "{name}");
        assert_eq!(parsed.bundle.history.len(), exp.history, "{name}");
        if let Some(w) = &exp.warning {
            assert!(parsed.warnings.iter().any(|x| x.contains(w.as_str())), "{name}: {:?}", parsed.warnings);
        }
    }
}

#[test]
fn script_tags_and_formulas_are_kept_as_text() {
    let bytes = std::fs::read(dir("good").join("script_in_text.json")).expect("read");
    let parsed = parse_bundle(&bytes, &KnownIds::default()).expect("valid");
    let p: Patient = parsed.bundle.records[0].body_as().expect("patient");
    assert_eq!(p.name, "<script>alert('x')</script>");
    assert_eq!(p.devices, "=HYPERLINK(\"http://example.invalid\",\"click\")");
    assert_eq!(p.first_symptom, "'; DROP TABLE patients; -- 🙂 \u{202e}");
    assert_eq!(p.last_contact, "<img src=x onerror=alert(1)>\n2行目");
}

#[test]
fn the_v0_file_is_migrated() {
    let bytes = std::fs::read(dir("good").join("v0_flat.json")).expect("read");
    let parsed = parse_bundle(&bytes, &KnownIds::default()).expect("valid");
    assert!(parsed.warnings[0].contains("古い形式（v0）"));
    let b = &parsed.bundle;
    assert_eq!(b.version, super::BUNDLE_VERSION, "v0 → v1 → v2");
    assert_eq!(b.device.as_str(), super::migrations::v0_to_v1::V0_DEVICE);
    let station = &b.records[1];
    assert_eq!(station.meta.deleted_at, Some(station.meta.updated_at));
    assert_eq!(station.meta.rev, 1);
    assert!(!station.stamps.is_empty());
    assert!(station.stamps.values().all(|s| s.at == station.meta.updated_at && s.history.is_empty()));
}

#[test]
fn references_to_the_device_are_accepted() {
    // dangling_diagnosis.json names d-missing: accepted when the device has it.
    let bytes = std::fs::read(dir("bad").join("dangling_diagnosis.json")).expect("read");
    let mut known = KnownIds::default();
    known.diagnoses.insert(crate::domain::ids::RecordId::parse("d-missing").expect("id"));
    assert!(parse_bundle(&bytes, &known).is_ok());
}

#[test]
#[ignore = "prints every message for review: cargo test --lib print_corpus_messages -- --ignored --nocapture"]
fn print_corpus_messages() {
    for name in files("bad") {
        let bytes = std::fs::read(dir("bad").join(&name)).expect("read");
        if let Err(e) = parse_bundle(&bytes, &KnownIds::default()) {
            println!("{name}:\n  {}", e.to_string().replace('\n', "\n  "));
        }
    }
}

#[test]
#[ignore = "writes target/sample_export.json for checking against src/domain/bundle/bundle.schema.json"]
fn write_sample_export() {
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::patient::{Age, AgeBand, JudgementSource, KeySymptoms};
    use crate::domain::record::StoredRecord;
    use crate::domain::station::{FteEntry, StaffMember, Station};
    use crate::domain::time::Timestamp;
    let dev = DeviceId::parse("pc-1").expect("id");
    let id = |s: &str| RecordId::parse(s).expect("id");
    let d = crate::domain::diagnosis::CommunityDiagnosis {
        jurisdiction: "A保健所管内".into(),
        fiscal_year: crate::domain::fiscal_year::FiscalYear::new(2025).expect("fy"),
    };
    let p = Patient {
        age: Some(Age::Band(AgeBand::Under20)),
        symptoms: KeySymptoms {
            respiratory_source: Some(JudgementSource {
                assessment_id: id("a1"),
                assessed_at: Timestamp(5),
                assessor: "X".into(),
            }),
            ..KeySymptoms::default()
        },
        ..Patient::default()
    };
    let s = Station {
        fte: FteEntry::Staff {
            contracted_week_hours: crate::domain::number::Decimal2(3200),
            members: vec![StaffMember {
                label: "常勤".into(),
                full_time: true,
                weekly_hours: crate::domain::number::Decimal2(0),
            }],
        },
        ..Station::default()
    };
    let records = vec![
        StoredRecord::create(id("p1"), id("d1"), &p, Timestamp(1), &dev).expect("creates"),
        StoredRecord::create(id("s1"), id("d1"), &s, Timestamp(1), &dev).expect("creates"),
        StoredRecord::create(id("o1"), id("d1"), &crate::domain::overview::Overview::default(), Timestamp(1), &dev)
            .expect("creates"),
    ];
    let diag = StoredRecord::create(id("d1"), id("d1"), &d, Timestamp(1), &dev).expect("creates");
    let options = super::ExportOptions {
        exported_at: Timestamp(2),
        app_version: "0.1.0".into(),
        device: dev.clone(),
        scope: super::ExportScope::All,
        anonymised: false,
        pretty: true,
    };
    let text = super::export(&[diag], &records, &options).expect("exports");
    std::fs::write(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("sample_export.json"), text)
        .expect("write");
}

#[test]
fn checking_in_pieces_gives_exactly_what_checking_at_once_gives() {
    use super::validate::BundleReader;
    for sub in ["good", "bad"] {
        for name in files(sub) {
            let bytes = std::fs::read(dir(sub).join(&name)).expect("read");
            let whole = parse_bundle(&bytes, &KnownIds::default());
            for piece in [1, 2, 5] {
                let pieces = BundleReader::start(&bytes, &KnownIds::default()).and_then(|mut r| {
                    let total = r.total();
                    let mut last = r.done();
                    while !r.read(piece) {
                        assert!(r.done() > last && r.done() <= total, "{sub}/{name}: progress moves");
                        last = r.done();
                    }
                    assert_eq!(r.done(), total, "{sub}/{name}: all checked");
                    r.finish()
                });
                assert_eq!(pieces, whole, "{sub}/{name} in pieces of {piece}");
            }
        }
    }
}

/// The records of `tests/bundles/good/exported_before_issue12.json`: one record of every kind
/// as the app makes them (the seed's examples typed into the forms, a station, a 事業 row, a
/// 評価, an アセスメント), with edits (stamps, revisions), a trashed patient and a 前年度 link.
pub(super) fn every_kind_records(
) -> (Vec<crate::domain::record::StoredRecord>, Vec<crate::domain::record::StoredRecord>) {
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::evaluation::{Evaluation, EvaluationItem, Level};
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2};
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::overview::Overview;
    use crate::domain::programmes::{Programme, StandardProgramme};
    use crate::domain::record::StoredRecord;
    use crate::domain::time::{Date, Timestamp};
    use crate::domain::trees::assessment::Assessment;
    use crate::domain::trees::data::Tree;
    let dev = DeviceId::parse("pc-hokenjo-1").expect("id");
    let other = DeviceId::parse("pc-hokenjo-2").expect("id");
    let id = |s: &str| RecordId::parse(s).expect("id");
    let t0 = Date::new(2025, 4, 1).expect("date").start_jst();
    let at = |minutes: i64| Timestamp(t0.0 + minutes * 60_000);
    let today = Date::new(2025, 6, 1).expect("date");
    let diagnosis = |i: &str, year: i32| {
        let body = CommunityDiagnosis {
            jurisdiction: "多摩府中保健所管内".into(),
            fiscal_year: FiscalYear::new(year).expect("fy"),
        };
        StoredRecord::create(id(i), id(i), &body, at(0), &dev).expect("creates")
    };
    let d24 = diagnosis("d-2024", 2024);
    let mut d25 = diagnosis("d-2025", 2025);
    d25.meta.predecessor = Some(id("d-2024"));
    let (p1, _) = seed_example_1().parse(today).expect("例1 parses");
    let (p2, _) = seed_example_2().parse(today).expect("例2 parses");
    let patient1 = StoredRecord::create(id("p-1"), id("d-2025"), &p1, at(1), &dev).expect("creates");
    let mut edited = p1.clone();
    edited.last_contact = "2025年5月 電話".into();
    let patient1 = patient1.edited(&edited, at(90), &other).expect("edits").expect("changed");
    let mut patient2 = StoredRecord::create(id("p-2"), id("d-2025"), &p2, at(2), &dev).expect("creates");
    patient2.meta.deleted_at = Some(at(120));
    patient2.touch(at(120), &dev);
    let station = crate::domain::sample::synthetic_stations(1, 7).remove(0);
    let station = StoredRecord::create(id("s-1"), id("d-2025"), &station, at(3), &dev).expect("creates");
    let overview = Overview { population: Some(250_000), certified_total: Some(2_100), ..Overview::default() };
    let overview = StoredRecord::create(id("d-2025:overview"), id("d-2025"), &overview, at(4), &dev).expect("creates");
    let programme = Programme {
        implemented: Some(true),
        count_local: Some(2),
        ..Programme::standard(StandardProgramme::RegionalCouncil)
    };
    let programme = StoredRecord::create(id("g-1"), id("d-2025"), &programme, at(5), &dev).expect("creates");
    let mut evaluation = Evaluation::default();
    evaluation.item_mut(EvaluationItem::ALL[0]).level = Some(Level::C);
    evaluation.item_mut(EvaluationItem::ALL[0]).issue = "往診医が少ない".into();
    evaluation.overall = "レスパイト先の確保が課題".into();
    let evaluation =
        StoredRecord::create(id("d-2025:evaluation"), id("d-2025"), &evaluation, at(6), &dev).expect("creates");
    let assessment = Assessment::new(id("p-1"), Tree::Respiratory, "保健師 山本", at(7));
    let assessment = StoredRecord::create(id("as-1"), id("d-2025"), &assessment, at(7), &dev).expect("creates");
    let mut plan = crate::domain::ventilator::plan::SupportPlan::new(id("p-1"), &p1);
    plan.made_on = Some(today);
    plan.needs.generator = true;
    plan.evacuation.place = "○○小学校".into();
    let plan = StoredRecord::create(id("sp-1"), id("d-2025"), &plan, at(8), &dev).expect("creates");
    let old_patient = StoredRecord::create(id("p-1-2024"), id("d-2024"), &p1, at(0), &dev).expect("creates");
    let mut patient1 = patient1;
    patient1.meta.predecessor = Some(id("p-1-2024"));
    // 事業実績 (format 4): in its container, the fixed 地域診断 record of domain::results.
    let container = crate::domain::results::container_record(at(8), &dev).expect("container");
    let (result_id, result) = crate::domain::results::tokyo::example().remove(0);
    let result = StoredRecord::create(result_id, container.meta.id.clone(), &result, at(8), &dev).expect("creates");
    let progress = crate::domain::progress::ProgressIssue {
        year: FiscalYear::new(2021).expect("fy"),
        title: "＜課題１＞在宅療養体制の構築".into(),
        order: 1,
        initiatives: Vec::new(),
    };
    let progress =
        StoredRecord::create(id("pp-1"), container.meta.id.clone(), &progress, at(9), &dev).expect("creates");
    let (facility, map_sheet, base_map) = map_records(&id, at(10), &dev);
    let subsidy_table = subsidy_table_record(&id, at(11), &dev);
    (
        vec![d24, d25, container],
        vec![
            patient1,
            patient2,
            station,
            overview,
            programme,
            evaluation,
            assessment,
            plan,
            old_patient,
            result,
            progress,
            facility,
            map_sheet,
            base_map,
            subsidy_table,
        ],
    )
}

/// 管内マップ (format 5): a 施設 placed on the ground and linked to the station `s-1`, the
/// sheet of `d-2025` with one reference point and `p-1`'s ◎, and a small outline 下図.
fn map_records(
    id: &dyn Fn(&str) -> crate::domain::ids::RecordId,
    at: crate::domain::time::Timestamp,
    dev: &crate::domain::ids::DeviceId,
) -> (crate::domain::record::StoredRecord, crate::domain::record::StoredRecord, crate::domain::record::StoredRecord) {
    use crate::domain::map::calibration::ReferencePoint;
    use crate::domain::map::facilities::FacilityKind;
    use crate::domain::map::geo::LatLon;
    use crate::domain::map::records::{AreaOutline, BaseMap, Facility, MapSheet, Position};
    use crate::domain::record::StoredRecord;
    let facility = Facility {
        name: "Ａステーション".into(),
        kind: FacilityKind::Station,
        other_names: vec!["株式会社Ａステーション".into()],
        address: "府中市1-1".into(),
        station_id: Some(id("s-1")),
        position: Some(Position::Ground { lat: 35.67, lon: 139.48 }),
    };
    let facility = StoredRecord::create(id("f-1"), id("d-2025"), &facility, at, dev).expect("creates");
    let mut sheet = MapSheet::default();
    sheet.reference_points.push(ReferencePoint { x: 10.0, y: 20.0, position: LatLon { lat: 35.67, lon: 139.48 } });
    sheet.set_patient(&id("p-1"), Some(Position::Ground { lat: 35.66, lon: 139.47 }));
    let sheet = StoredRecord::create(id("d-2025:map"), id("d-2025"), &sheet, at, dev).expect("creates");
    let ring = vec![[35.6, 139.4], [35.7, 139.4], [35.7, 139.5], [35.6, 139.4]];
    let base = BaseMap::Outlines {
        file_name: "府中市.geojson".into(),
        areas: vec![AreaOutline { name: "府中市".into(), rings: vec![ring] }],
    };
    let base = StoredRecord::create(id("d-2025:base_map"), id("d-2025"), &base, at, dev).expect("creates");
    (facility, sheet, base)
}

/// 補助の上限表 (format 6) of `d-2025`: the seed's amounts, and Ｂ町 paying up to 150,000円
/// for a generator with a useful life of 5 years.
fn subsidy_table_record(
    id: &dyn Fn(&str) -> crate::domain::ids::RecordId,
    at: crate::domain::time::Timestamp,
    dev: &crate::domain::ids::DeviceId,
) -> crate::domain::record::StoredRecord {
    use crate::domain::ventilator::tables::{MunicipalTable, SubsidyTables};
    let mut tables = SubsidyTables::default();
    let mut b_town = tables.common.clone();
    b_town.generator.limit_yen = 150_000;
    b_town.generator.useful_life_years = 5;
    tables.municipalities.push(MunicipalTable { municipality: "Ｂ町".into(), table: b_town });
    crate::domain::record::StoredRecord::create(id("d-2025:subsidy_table"), id("d-2025"), &tables, at, dev)
        .expect("creates")
}

#[test]
#[ignore = "writes tests/bundles/good/exported_before_issue12.json with the export of the day (run once, before the format changes)"]
fn write_exported_before_issue12() {
    use crate::domain::ids::DeviceId;
    use crate::domain::time::Timestamp;
    let (diagnoses, records) = every_kind_records();
    let options = super::ExportOptions {
        exported_at: Timestamp(1_748_736_000_000),
        app_version: "0.1.0".into(),
        device: DeviceId::parse("pc-hokenjo-1").expect("id"),
        scope: super::ExportScope::All,
        anonymised: false,
        pretty: false,
    };
    let text = super::export(&diagnoses, &records, &options).expect("exports");
    std::fs::write(dir("good").join("exported_before_issue12.json"), text).expect("write");
}

/// Issue 12 (item 9): a bundle exported by the app before the import checks were tightened
/// still imports, unchanged: every record is read exactly as written (exporting what was read
/// gives the same bytes, but for the format version: the file is v1, this app writes v2 —
/// issue 16) and lands on an empty device as 新規.
#[test]
fn a_bundle_exported_before_issue12_still_imports_unchanged() {
    let bytes = std::fs::read(dir("good").join("exported_before_issue12.json")).expect("read");
    let parsed = parse_bundle(&bytes, &KnownIds::default()).unwrap_or_else(|e| panic!("{e}"));
    let b = &parsed.bundle;
    let options = super::ExportOptions {
        exported_at: b.exported_at,
        app_version: b.app_version.clone(),
        device: b.device.clone(),
        scope: b.scope.clone(),
        anonymised: b.anonymised,
        pretty: false,
    };
    let again = super::export(&b.diagnoses, &b.records, &options).expect("exports");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert_eq!(text.matches("\"version\":1,").count(), 1, "the file is version 1");
    let as_now = text.replacen("\"version\":1,", &format!("\"version\":{},", super::BUNDLE_VERSION), 1);
    assert_eq!(b.version, super::BUNDLE_VERSION);
    assert_eq!(again, as_now, "read and written back unchanged (but for the version)");
    let plan = super::plan_import(&[], b);
    assert!(plan.items.iter().all(|i| i.outcome == super::Outcome::New));
    let applied = super::apply_plan(&plan, &super::Resolutions::new());
    let written: Vec<_> = applied.records;
    let expected: Vec<_> = b.diagnoses.iter().chain(&b.records).cloned().collect();
    assert_eq!(written, expected);
}
