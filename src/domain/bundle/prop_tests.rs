//! Properties of the bundle format and the merge:
//!
//! * export then import gives back the same records;
//! * the reader never panics on arbitrary bytes or damaged bundles;
//! * importing is idempotent (after applying a plan, planning the same file again finds
//!   nothing to write; when only the file had edits, every record is 同じ);
//! * two disjoint sets of edits merge to the same record in either order.

use super::merge::{apply_plan, plan_import, Choice, Outcome, Resolutions};
use super::validate::{parse_bundle, KnownIds};
use super::{check_body, export, Bundle, ExportOptions, ExportScope, BUNDLE_FORMAT};
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::number::Decimal2;
use crate::domain::patient::{Adl, Age, CareLevel, Gap, Patient, Service};
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::station::{FteEntry, Station};
use crate::domain::time::{Timestamp, YearMonth};
use crate::domain::tri::Tri;
use proptest::prelude::*;
use std::collections::BTreeMap;

use crate::domain::ids::test_ids::dev;
use crate::domain::ids::test_ids::rid as id;

/// How many kinds of patient edit [`edit_patient`] knows.
const EDITS: usize = 13;

/// One edit of one field group of a patient, its value drawn from `seed`.
fn edit_patient(p: &mut Patient, field: usize, seed: u16) {
    match field {
        0 => p.name = format!("名前{}<b>", seed % 3),
        1 => p.municipality = format!("市{}", seed % 7),
        2 => p.adl = Adl::from_code((seed % 4) as u8),
        3 => p.age = Some(Age::Years((seed % 121) as u8)),
        4 => {
            p.neurology.name = match seed % 3 {
                0 => Tri::Unknown,
                1 => Tri::None,
                _ => Tri::Value(format!("病院{seed}")),
            }
        }
        // Within the form's limit (頻度 0–31 回/月): an import accepts only what the form saves.
        5 => p.neurology.per_month = Some(Decimal2(u64::from(seed % 125) * 25)),
        6 => p.care_insurance = CareLevel::from_code((seed % 13) as u8).map_or(Tri::None, Tri::Value),
        7 => {
            p.onset = (!seed.is_multiple_of(3)).then_some(YearMonth {
                year: 2000 + i32::from(seed % 20),
                month: (seed.is_multiple_of(2)).then_some((seed % 12 + 1) as u8),
            })
        }
        8 => p.devices = format!("機器{seed}, \"型\"\n2行目"),
        9 => {
            p.gaps = (0..seed % 3)
                .map(|i| Gap { service: Service::ALL[usize::from(i)], note: format!("メモ{seed}") })
                .collect()
        }
        10 => p.symptoms.respiratory = (!seed.is_multiple_of(3)).then_some(seed.is_multiple_of(2)),
        11 => p.station_nursing.names = Tri::Value((0..1 + seed % 3).map(|i| format!("ST{i}-{seed}")).collect()),
        _ => p.disaster_plan = Tri::Value(Some(2000 + seed % 30)),
    }
}

fn base_patient(n: usize) -> StoredRecord {
    let p = Patient { id_number: format!("A-{n}"), name: format!("実名{n}さん"), ..Patient::default() };
    StoredRecord::create(id(&format!("p{n}")), id("d1"), &p, Timestamp(1_000), &dev("base")).expect("creates")
}

fn diagnosis() -> StoredRecord {
    let d =
        CommunityDiagnosis { jurisdiction: "A保健所管内".into(), fiscal_year: FiscalYear::new(2025).expect("fy") };
    StoredRecord::create(id("d1"), id("d1"), &d, Timestamp(1_000), &dev("base")).expect("creates")
}

/// Applies `edits` (field, seed) in order, as `device`, from time `start`.
fn edited(r: &StoredRecord, edits: &[(usize, u16)], device: &str, start: i64) -> StoredRecord {
    let mut cur = r.clone();
    for (i, (field, seed)) in edits.iter().enumerate() {
        let mut p: Patient = cur.body_as().expect("patient");
        edit_patient(&mut p, *field, *seed);
        if let Ok(Some(next)) = cur.edited(&p, Timestamp(start + 10 * i as i64), &dev(device)) {
            cur = next;
        }
    }
    cur
}

fn bundle_of(records: Vec<StoredRecord>) -> Bundle {
    Bundle {
        format: BUNDLE_FORMAT.into(),
        version: 1,
        exported_at: Timestamp(0),
        app_version: "test".into(),
        device: dev("other"),
        scope: ExportScope::All,
        anonymised: false,
        diagnoses: vec![diagnosis()],
        records,
        history: Vec::new(),
    }
}

/// The device's records after writing `written` over `local`.
fn write_over(local: &[StoredRecord], written: &[StoredRecord]) -> Vec<StoredRecord> {
    let mut by_id: BTreeMap<RecordId, StoredRecord> = local.iter().map(|r| (r.meta.id.clone(), r.clone())).collect();
    for w in written {
        by_id.insert(w.meta.id.clone(), w.clone());
    }
    by_id.into_values().collect()
}

fn edits() -> impl Strategy<Value = Vec<(usize, u16)>> {
    proptest::collection::vec((0..EDITS, any::<u16>()), 0..6)
}

fn station(seed: u16) -> Station {
    Station {
        name: format!("ステーション{seed}"),
        fte: if seed.is_multiple_of(2) {
            FteEntry::Direct { value: Decimal2(u64::from(seed)) }
        } else {
            FteEntry::Unknown
        },
        monthly_users: Some(u32::from(seed)),
        als_experience: Some(seed.is_multiple_of(3)),
        ..Station::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
            "tests/proptest-regressions/domain/bundle/prop_tests.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn export_then_import_gives_the_same_records(
        patients in proptest::collection::vec(edits(), 0..5),
        stations in proptest::collection::vec(any::<u16>(), 0..3),
        pretty in any::<bool>(),
        trashed in any::<bool>(),
    ) {
        let mut records: Vec<StoredRecord> =
            patients.iter().enumerate().map(|(n, e)| edited(&base_patient(n), e, "dev-a", 2_000)).collect();
        for (n, seed) in stations.iter().enumerate() {
            let mut s = StoredRecord::create(id(&format!("s{n}")), id("d1"), &station(*seed), Timestamp(5), &dev("dev-a"))
                .expect("creates");
            if trashed {
                s.meta.deleted_at = Some(Timestamp(6));
            }
            records.push(s);
        }
        let options = ExportOptions {
            exported_at: Timestamp(9_000),
            app_version: "0.1.0".into(),
            device: dev("dev-a"),
            scope: ExportScope::All,
            anonymised: false,
            pretty,
        };
        let text = export(&[diagnosis()], &records, &options).expect("exports");
        let parsed = parse_bundle(text.as_bytes(), &KnownIds::default()).expect("reads back");
        let mut sorted = records.clone();
        let mut ds = vec![diagnosis()];
        super::sort_for_bundle(&mut ds, &mut sorted);
        prop_assert_eq!(&parsed.bundle.records, &sorted);
        prop_assert_eq!(&parsed.bundle.diagnoses, &ds);
        prop_assert_eq!(parsed.bundle.exported_at, Timestamp(9_000));
        // Deterministic: exporting again (in another order) gives the same text.
        records.reverse();
        prop_assert_eq!(export(&[diagnosis()], &records, &options).expect("exports"), text);
    }

    #[test]
    fn anonymised_copies_are_always_importable(
        patients in proptest::collection::vec(edits(), 0..5),
        prefix in "[A-Za-z0-9_-]{0,20}",
    ) {
        let records: Vec<StoredRecord> =
            patients.iter().enumerate().map(|(n, e)| edited(&base_patient(n), e, "dev-a", 2_000)).collect();
        let options = super::AnonymiseOptions { id_prefix: prefix, ..super::AnonymiseOptions::default() };
        let (ds, rs, _) = super::anonymise(&[diagnosis()], &records, &options);
        prop_assert_eq!(rs.len(), records.len());
        let export_options = ExportOptions {
            exported_at: Timestamp(9_000),
            app_version: "0.1.0".into(),
            device: dev("dev-a"),
            scope: ExportScope::All,
            anonymised: true,
            pretty: false,
        };
        let text = export(&ds, &rs, &export_options).expect("exports");
        prop_assert!(parse_bundle(text.as_bytes(), &KnownIds::default()).is_ok());
        for r in &records {
            let p: Patient = r.body_as().expect("patient");
            prop_assert!(!text.contains(&p.name), "name {} leaked", p.name);
            prop_assert!(!text.contains(&format!("\"{}\"", r.meta.id)), "id leaked");
        }
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let _ = parse_bundle(&bytes, &KnownIds::default());
        let _ = super::parse_envelope(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn the_reader_never_panics_on_damaged_bundles(
        e in edits(),
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let options = ExportOptions {
            exported_at: Timestamp(9_000),
            app_version: "0.1.0".into(),
            device: dev("dev-a"),
            scope: ExportScope::All,
            anonymised: false,
            pretty: true,
        };
        let text = export(&[diagnosis()], &[edited(&base_patient(0), &e, "a", 2_000)], &options).expect("exports");
        let mut bytes = text.into_bytes();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = parse_bundle(&bytes, &KnownIds::default());
        let n = cut.index(bytes.len());
        bytes.truncate(n);
        prop_assert!(parse_bundle(&bytes, &KnownIds::default()).is_err());
    }

    #[test]
    fn importing_twice_changes_nothing(
        ours in proptest::collection::vec(edits(), 1..4),
        theirs in proptest::collection::vec(edits(), 1..4),
        extra in 0usize..3,
        choose_theirs in any::<bool>(),
    ) {
        let n = ours.len().max(theirs.len());
        let local: Vec<StoredRecord> = std::iter::once(diagnosis())
            .chain((0..n).map(|i| edited(&base_patient(i), ours.get(i).map_or(&[][..], |e| e), "dev-a", 2_000)))
            .collect();
        let incoming: Vec<StoredRecord> = (0..n + extra)
            .map(|i| edited(&base_patient(i), theirs.get(i).map_or(&[][..], |e| e), "dev-b", 2_005))
            .collect();
        let bundle = bundle_of(incoming);
        let plan = plan_import(&local, &bundle);
        let choice = if choose_theirs { Choice::Theirs } else { Choice::Ours };
        let applied = apply_plan(&plan, &Resolutions::all(&plan, choice));
        prop_assert_eq!(applied.open_conflicts, 0);
        for r in &applied.records {
            prop_assert!(check_body(r.meta.kind, &r.body.to_value()).is_ok(), "written record is valid: {:?}", r.body);
        }
        let after = write_over(&local, &applied.records);
        let again = plan_import(&after, &bundle);
        prop_assert!(!again.has_changes(), "{:?}", again.items.iter().map(|i| &i.outcome).collect::<Vec<_>>());
        let twice = apply_plan(&again, &Resolutions::new());
        prop_assert!(twice.records.is_empty());
    }

    #[test]
    fn after_taking_a_later_file_every_record_is_identical(theirs in proptest::collection::vec(edits(), 1..4)) {
        let local: Vec<StoredRecord> =
            std::iter::once(diagnosis()).chain((0..theirs.len()).map(base_patient)).collect();
        let bundle = bundle_of(theirs.iter().enumerate().map(|(i, e)| edited(&base_patient(i), e, "dev-b", 2_000)).collect());
        let plan = plan_import(&local, &bundle);
        for item in &plan.items {
            prop_assert!(matches!(item.outcome, Outcome::Identical | Outcome::Updated { .. }), "{:?}", item.outcome);
        }
        let after = write_over(&local, &apply_plan(&plan, &Resolutions::new()).records);
        for item in plan_import(&after, &bundle).items {
            prop_assert_eq!(item.outcome, Outcome::Identical);
        }
    }

    #[test]
    fn disjoint_edits_merge_the_same_in_either_order(
        split in proptest::collection::vec(any::<bool>(), EDITS),
        a_edits in proptest::collection::vec((0..EDITS, any::<u16>()), 0..6),
        b_edits in proptest::collection::vec((0..EDITS, any::<u16>()), 0..6),
    ) {
        // Device A edits only the fields marked true, device B only the others.
        let a_edits: Vec<(usize, u16)> = a_edits.into_iter().filter(|(f, _)| split[*f]).collect();
        let b_edits: Vec<(usize, u16)> = b_edits.into_iter().filter(|(f, _)| !split[*f]).collect();
        let base = base_patient(0);
        let a = edited(&base, &a_edits, "dev-a", 2_000);
        let b = edited(&base, &b_edits, "dev-b", 2_005);
        let merge_into = |local: &StoredRecord, incoming: &StoredRecord| {
            let plan = plan_import(std::slice::from_ref(local), &bundle_of(vec![incoming.clone()]));
            assert!(plan.conflicts().is_empty(), "disjoint edits never conflict: {:?}", plan.items);
            apply_plan(&plan, &Resolutions::new())
                .records
                .into_iter()
                .find(|r| r.meta.id == local.meta.id)
                .unwrap_or_else(|| local.clone())
        };
        let ab = merge_into(&a, &b);
        let ba = merge_into(&b, &a);
        prop_assert_eq!(&ab.body, &ba.body);
        if a.body != b.body {
            // (When the bodies are already equal nothing is written, and each device keeps
            // its own stamps.)
            prop_assert_eq!(&ab.stamps, &ba.stamps);
        }
        prop_assert_eq!(ab.meta.kind, RecordKind::Patient);
        // Both sides' edits are in the result.
        let got: Patient = ab.body_as().expect("patient");
        let from_a: Patient = a.body_as().expect("patient");
        let from_b: Patient = b.body_as().expect("patient");
        for (f, _) in &a_edits {
            let mut probe = got.clone();
            edit_patient_copy(&mut probe, &from_a, *f);
            prop_assert_eq!(&probe, &got, "A's edit of field {} kept", f);
        }
        for (f, _) in &b_edits {
            let mut probe = got.clone();
            edit_patient_copy(&mut probe, &from_b, *f);
            prop_assert_eq!(&probe, &got, "B's edit of field {} kept", f);
        }
    }
}

/// Copies field group `field` from `from` into `p` (to check a side's edit survived).
fn edit_patient_copy(p: &mut Patient, from: &Patient, field: usize) {
    match field {
        0 => p.name = from.name.clone(),
        1 => p.municipality = from.municipality.clone(),
        2 => p.adl = from.adl,
        3 => p.age = from.age,
        4 => p.neurology.name = from.neurology.name.clone(),
        5 => p.neurology.per_month = from.neurology.per_month,
        6 => p.care_insurance = from.care_insurance.clone(),
        7 => p.onset = from.onset,
        8 => p.devices = from.devices.clone(),
        9 => p.gaps = from.gaps.clone(),
        10 => p.symptoms.respiratory = from.symptoms.respiratory,
        11 => p.station_nursing.names = from.station_nursing.names.clone(),
        _ => p.disaster_plan = from.disaster_plan.clone(),
    }
}
