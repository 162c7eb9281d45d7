//! The storage contract: one suite, run natively against [`super::memory::MemoryStore`] and
//! in headless Chromium against IndexedDB (`tests/idb.rs`). Each check gets a fresh, empty
//! store from the factory.
//!
//! This is test code shipped in the library so that both test targets can call it; nothing
//! in the app calls it.

// Test support shipped in the library (both test targets call it, nothing in the app does):
// a failed check panics with what differed, as a test does.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use super::{Draft, Expect, StorageError, Store, WriteBatch};
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::time::Timestamp;
use crate::domain::tri::Tri;
use std::future::Future;

fn rid(s: &str) -> RecordId {
    RecordId::parse(s).unwrap_or_else(|e| panic!("test id {s}: {e}"))
}

fn device() -> DeviceId {
    DeviceId::parse("contract-device").unwrap_or_else(|e| panic!("{e}"))
}

/// A 地域診断 record for tests.
pub fn sample_diagnosis(id: &str, jurisdiction: &str, year: i32) -> StoredRecord {
    let body = CommunityDiagnosis {
        jurisdiction: jurisdiction.to_string(),
        fiscal_year: FiscalYear::new(year).unwrap_or_else(|e| panic!("{e}")),
    };
    StoredRecord::create(rid(id), rid(id), &body, Timestamp(1_700_000_000_000), &device())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A patient record for tests, with text that must survive storage unchanged.
pub fn sample_patient(id: &str, diagnosis: &str, n: usize) -> StoredRecord {
    let mut p = Patient {
        id_number: format!("P-{n:05}"),
        name: format!("<script>alert({n})</script> 山田 太郎 {n}"),
        municipality: "○市".to_string(),
        address_detail: "△町☐丁目".to_string(),
        first_symptom: "話しにくくなった".to_string(),
        devices: "ABC900（O呼吸器会社）、A吸引ユニット".to_string(),
        ..Patient::default()
    };
    p.neurology.name = Tri::Value("Ｂ大学病院".to_string());
    p.emergency_admission = Tri::None;
    StoredRecord::create(rid(id), rid(diagnosis), &p, Timestamp(1_700_000_000_000 + n as i64), &device())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn draft(key: &str, diagnosis: &str) -> Draft {
    Draft {
        key: key.to_string(),
        diagnosis_id: rid(diagnosis),
        saved_at: Timestamp(5),
        data: serde_json::json!({"name": "途中まで", "age": "7a"}),
        base: Some(serde_json::json!({"name": "保存済み"})),
    }
}

async fn apply<S: Store>(store: &S, batch: WriteBatch) {
    store.apply(batch).await.unwrap_or_else(|e| panic!("apply failed: {e}"));
}

async fn empty_store_lists_nothing<S: Store>(store: S) {
    assert_eq!(store.list_diagnoses().await, Ok(vec![]));
    assert_eq!(store.list_records(&rid("none")).await, Ok(vec![]));
    assert_eq!(store.get_record(&rid("none")).await, Ok(None));
    assert_eq!(store.get_diagnosis(&rid("none")).await, Ok(None));
    assert_eq!(store.get_draft("none").await, Ok(None));
    assert_eq!(store.get_meta("none").await, Ok(None));
}

async fn diagnoses_round_trip<S: Store>(store: S) {
    let a = sample_diagnosis("d-a", "A保健所管内", 2025);
    let b = sample_diagnosis("d-b", "B保健所管内", 2024);
    apply(&store, WriteBatch { put_diagnoses: vec![a.clone(), b.clone()], ..WriteBatch::default() }).await;
    let mut listed = store.list_diagnoses().await.unwrap_or_default();
    listed.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
    assert_eq!(listed, vec![a.clone(), b]);
    assert_eq!(store.get_diagnosis(&rid("d-a")).await, Ok(Some(a.clone())));

    // Renaming replaces the record.
    let renamed_body = CommunityDiagnosis {
        jurisdiction: "A保健所管内（改称）".to_string(),
        fiscal_year: FiscalYear::new(2025).unwrap_or_else(|e| panic!("{e}")),
    };
    let renamed = a
        .edited(&renamed_body, Timestamp(1_800_000_000_000), &device())
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("changed"));
    apply(&store, WriteBatch { put_diagnoses: vec![renamed.clone()], ..WriteBatch::default() }).await;
    assert_eq!(store.get_diagnosis(&rid("d-a")).await, Ok(Some(renamed)));
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(2));
}

async fn records_belong_to_their_diagnosis<S: Store>(store: S) {
    let p1 = sample_patient("p1", "d-a", 1);
    let p2 = sample_patient("p2", "d-a", 2);
    let q1 = sample_patient("q1", "d-b", 3);
    apply(
        &store,
        WriteBatch {
            put_diagnoses: vec![sample_diagnosis("d-a", "A", 2025), sample_diagnosis("d-b", "B", 2025)],
            put_records: vec![p1.clone(), p2.clone(), q1.clone()],
            ..WriteBatch::default()
        },
    )
    .await;
    let mut a = store.list_records(&rid("d-a")).await.unwrap_or_default();
    a.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
    assert_eq!(a, vec![p1.clone(), p2]);
    assert_eq!(store.list_records(&rid("d-b")).await, Ok(vec![q1]));
    assert_eq!(store.get_record(&rid("p1")).await, Ok(Some(p1.clone())));

    // Every record on the device, 地域診断 by 地域診断 with progress (export and import read so).
    let steps = std::cell::RefCell::new(Vec::new());
    let all = super::load_all(&store, |i, n| steps.borrow_mut().push((i, n))).await.unwrap_or_default();
    let mut ids: Vec<&str> = all.iter().map(|r| r.meta.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, vec!["d-a", "d-b", "p1", "p2", "q1"]);
    assert_eq!(steps.into_inner(), vec![(0, 2), (1, 2), (2, 2)]);

    // Text survives exactly, including markup and Japanese.
    let back = store.get_record(&rid("p1")).await.ok().flatten().unwrap_or_else(|| panic!("p1 stored"));
    let patient: Patient = back.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(patient.name, "<script>alert(1)</script> 山田 太郎 1");
    assert_eq!(patient.emergency_admission, Tri::None);
    assert_eq!(patient.family_doctor.name, Tri::Unknown);

    // Trash is a flag; purge removes.
    let mut trashed = p1.clone();
    trashed.meta.deleted_at = Some(Timestamp(9));
    apply(&store, WriteBatch { put_records: vec![trashed.clone()], ..WriteBatch::default() }).await;
    assert_eq!(store.get_record(&rid("p1")).await, Ok(Some(trashed)));
    apply(&store, WriteBatch { purge_records: vec![rid("p1")], ..WriteBatch::default() }).await;
    assert_eq!(store.get_record(&rid("p1")).await, Ok(None));
    assert_eq!(store.list_records(&rid("d-a")).await.map(|l| l.len()), Ok(1));
}

async fn purging_a_diagnosis_removes_its_records_and_drafts_only<S: Store>(store: S) {
    apply(
        &store,
        WriteBatch {
            put_diagnoses: vec![sample_diagnosis("d-a", "A", 2025), sample_diagnosis("d-b", "B", 2025)],
            put_records: vec![sample_patient("p1", "d-a", 1), sample_patient("q1", "d-b", 2)],
            put_drafts: vec![draft("patient:new:d-a", "d-a"), draft("patient:new:d-b", "d-b")],
            ..WriteBatch::default()
        },
    )
    .await;
    apply(&store, WriteBatch { purge_diagnoses: vec![rid("d-a")], ..WriteBatch::default() }).await;
    assert_eq!(store.get_diagnosis(&rid("d-a")).await, Ok(None));
    assert_eq!(store.list_records(&rid("d-a")).await, Ok(vec![]));
    assert_eq!(store.list_drafts(&rid("d-a")).await, Ok(vec![]));
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(1));
    assert_eq!(store.list_records(&rid("d-b")).await.map(|l| l.len()), Ok(1));
    assert_eq!(store.list_drafts(&rid("d-b")).await.map(|l| l.len()), Ok(1));
}

async fn drafts_and_meta<S: Store>(store: S) {
    let d = draft("patient:p1", "d-a");
    apply(
        &store,
        WriteBatch {
            put_drafts: vec![d.clone()],
            put_meta: vec![("last_export".to_string(), serde_json::json!(1234))],
            ..WriteBatch::default()
        },
    )
    .await;
    assert_eq!(store.get_draft("patient:p1").await, Ok(Some(d.clone())));
    assert_eq!(store.list_drafts(&rid("d-a")).await, Ok(vec![d]));
    assert_eq!(store.get_meta("last_export").await, Ok(Some(serde_json::json!(1234))));
    apply(&store, WriteBatch { delete_drafts: vec!["patient:p1".to_string()], ..WriteBatch::default() }).await;
    assert_eq!(store.get_draft("patient:p1").await, Ok(None));
}

async fn one_batch_writes_many<S: Store>(store: S) {
    let records: Vec<StoredRecord> = (0..500).map(|i| sample_patient(&format!("p{i}"), "d-a", i)).collect();
    apply(
        &store,
        WriteBatch {
            put_diagnoses: vec![sample_diagnosis("d-a", "A", 2025)],
            put_records: records.clone(),
            ..WriteBatch::default()
        },
    )
    .await;
    let mut back = store.list_records(&rid("d-a")).await.unwrap_or_default();
    back.sort_by_key(|r| r.meta.created_at);
    assert_eq!(back, records);
}

/// Regression (issue 12, lost updates): a save planned against a revision that another tab
/// has replaced meanwhile must write nothing — the check runs inside the write transaction.
async fn a_batch_planned_against_a_changed_record_writes_nothing<S: Store>(store: S) {
    let d = sample_diagnosis("d-a", "A", 2025);
    let p1 = sample_patient("p1", "d-a", 1);
    apply(
        &store,
        WriteBatch { put_diagnoses: vec![d.clone()], put_records: vec![p1.clone()], ..WriteBatch::default() },
    )
    .await;
    // Tab A saves on top of what it read: accepted.
    let mut a_body: Patient = p1.body_as().unwrap_or_else(|e| panic!("{e}"));
    a_body.first_symptom = "むせ".to_string();
    let a_saved = p1
        .edited(&a_body, Timestamp(1_800_000_000_000), &device())
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("changed"));
    apply(
        &store,
        WriteBatch {
            put_records: vec![a_saved.clone()],
            expect: vec![Expect::unchanged(&p1)],
            ..WriteBatch::default()
        },
    )
    .await;
    // Tab B still holds rev 1: refused, and nothing of its batch is written (not even the draft).
    let mut b_body: Patient = p1.body_as().unwrap_or_else(|e| panic!("{e}"));
    b_body.name = "B".to_string();
    let b_saved = p1
        .edited(&b_body, Timestamp(1_800_000_000_001), &device())
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("changed"));
    let refused = store
        .apply(WriteBatch {
            put_records: vec![b_saved],
            put_drafts: vec![draft("patient:p1", "d-a")],
            expect: vec![Expect::unchanged(&p1), Expect::unchanged(&d)],
            ..WriteBatch::default()
        })
        .await;
    assert_eq!(refused, Err(StorageError::Changed(vec![rid("p1")])));
    assert_eq!(store.get_record(&rid("p1")).await, Ok(Some(a_saved.clone())));
    assert_eq!(store.get_draft("patient:p1").await, Ok(None));
    // A record expected absent that exists; a diagnosis expected as read that is unchanged.
    let refused = store
        .apply(WriteBatch {
            put_records: vec![sample_patient("p2", "d-a", 2)],
            expect: vec![Expect::absent(rid("p1"), RecordKind::Patient), Expect::unchanged(&d)],
            ..WriteBatch::default()
        })
        .await;
    assert_eq!(refused, Err(StorageError::Changed(vec![rid("p1")])));
    assert_eq!(store.get_record(&rid("p2")).await, Ok(None));
    apply(
        &store,
        WriteBatch {
            put_records: vec![sample_patient("p2", "d-a", 2)],
            expect: vec![
                Expect::absent(rid("p2"), RecordKind::Patient),
                Expect::unchanged(&a_saved),
                Expect::unchanged(&d),
            ],
            ..WriteBatch::default()
        },
    )
    .await;
    assert_eq!(store.list_records(&rid("d-a")).await.map(|l| l.len()), Ok(2));
}

/// Issue 17: a 地域診断 in the ゴミ箱 takes no save (a form left open in another tab), but
/// an import may bring records into it; its 完全に削除 is refused when another tab restored
/// it meanwhile.
async fn a_save_into_a_diagnosis_in_the_trash_writes_nothing<S: Store>(store: S) {
    let a = sample_diagnosis("d-a", "A", 2025);
    let b = sample_diagnosis("d-b", "B", 2025);
    apply(&store, WriteBatch { put_diagnoses: vec![a, b.clone()], ..WriteBatch::default() }).await;
    let mut b_trashed = b.clone();
    b_trashed.meta.deleted_at = Some(Timestamp(1_800_000_000_000));
    b_trashed.meta.rev += 1;
    apply(&store, WriteBatch { put_diagnoses: vec![b_trashed.clone()], ..WriteBatch::default() }).await;
    let save = |records: Vec<StoredRecord>| {
        let mut batch = WriteBatch {
            put_records: records,
            put_drafts: vec![draft("patient:new:d-b", "d-b")],
            ..WriteBatch::default()
        };
        batch.require_listed();
        batch
    };
    let refused = store.apply(save(vec![sample_patient("p1", "d-a", 1), sample_patient("q1", "d-b", 2)])).await;
    assert_eq!(refused, Err(StorageError::NotListed(vec![rid("d-b")])));
    assert_eq!(store.get_record(&rid("p1")).await, Ok(None), "nothing of the batch");
    assert_eq!(store.get_draft("patient:new:d-b").await, Ok(None));
    let refused = store.apply(save(vec![sample_patient("z1", "d-gone", 3)])).await;
    assert_eq!(refused, Err(StorageError::NotListed(vec![rid("d-gone")])), "removed for good");
    apply(&store, save(vec![sample_patient("p1", "d-a", 1)])).await;
    // A new 地域診断 with its records in one batch (次年度): its own, not asked about.
    let mut new = save(vec![sample_patient("n1", "d-n", 4)]);
    new.put_diagnoses.push(sample_diagnosis("d-n", "N", 2026));
    new.listed.clear();
    new.require_listed();
    assert!(new.listed.is_empty());
    apply(&store, new).await;
    // An import (no requirement) brings a record into the ゴミ箱's 地域診断.
    apply(&store, WriteBatch { put_records: vec![sample_patient("q1", "d-b", 2)], ..WriteBatch::default() }).await;
    assert_eq!(store.list_records(&rid("d-b")).await.map(|l| l.len()), Ok(1));
    // 完全に削除 planned on the trashed revision, after another tab restored it: refused.
    let mut restored = b_trashed.clone();
    restored.meta.deleted_at = None;
    restored.meta.rev += 1;
    apply(&store, WriteBatch { put_diagnoses: vec![restored.clone()], ..WriteBatch::default() }).await;
    let purge = WriteBatch {
        purge_diagnoses: vec![rid("d-b")],
        expect: vec![Expect::unchanged(&b_trashed)],
        ..WriteBatch::default()
    };
    assert_eq!(store.apply(purge).await, Err(StorageError::Changed(vec![rid("d-b")])));
    assert_eq!(store.get_diagnosis(&rid("d-b")).await, Ok(Some(restored)));
    assert_eq!(store.list_records(&rid("d-b")).await.map(|l| l.len()), Ok(1));
}

/// Runs every check, each on a fresh store from `make`.
pub async fn run_all<S, F, Fut>(make: F)
where
    S: Store,
    F: Fn() -> Fut,
    Fut: Future<Output = S>,
{
    empty_store_lists_nothing(make().await).await;
    diagnoses_round_trip(make().await).await;
    records_belong_to_their_diagnosis(make().await).await;
    purging_a_diagnosis_removes_its_records_and_drafts_only(make().await).await;
    drafts_and_meta(make().await).await;
    one_batch_writes_many(make().await).await;
    a_batch_planned_against_a_changed_record_writes_nothing(make().await).await;
    a_save_into_a_diagnosis_in_the_trash_writes_nothing(make().await).await;
    super::contract_history::run_all(&make).await;
}
