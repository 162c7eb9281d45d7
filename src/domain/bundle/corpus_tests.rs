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

#[test]
fn every_bad_bundle_is_refused_with_its_own_message() {
    let expected: BTreeMap<String, String> = manifest("bad");
    assert!(expected.len() >= 50, "corpus too small: {}", expected.len());
    assert_eq!(files("bad"), expected.keys().cloned().collect::<Vec<_>>(), "every bad file has an expectation");
    let mut failures = Vec::new();
    for (name, message) in &expected {
        let bytes = std::fs::read(dir("bad").join(name)).expect("read");
        match parse_bundle(&bytes, &KnownIds::default()) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                let text = e.to_string();
                if !text.contains(message.as_str()) {
                    failures
                        .push(format!("{name}: expected 「{message}」, got:\n    {}", text.replace('\n', "\n    ")));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
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
    assert_eq!(b.version, 1);
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
