//! The storage contract for the 変更履歴 (part of [`super::contract::run_all`]): both stores
//! keep the same entries for the same batches.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use super::contract::{sample_diagnosis, sample_patient};
use super::{Expect, StorageError, Store, WriteBatch};
use crate::domain::history::{Action, Cause, HistoryEntry, Stamp, KEEP_PER_RECORD};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::time::Timestamp;
use serde_json::json;

fn rid(s: &str) -> RecordId {
    RecordId::parse(s).unwrap()
}

fn stamp(by: &str) -> Option<Stamp> {
    Some(Stamp { by: by.to_string(), cause: Cause::Input })
}

/// `record` with its 氏名 changed (a new revision at `at`).
fn renamed(record: &StoredRecord, name: &str, at: i64) -> StoredRecord {
    let mut p: Patient = record.body_as().unwrap();
    p.name = name.to_string();
    record.edited(&p, Timestamp(at), &DeviceId::parse("tab-b").unwrap()).unwrap().unwrap()
}

async fn apply<S: Store>(store: &S, batch: WriteBatch) {
    store.apply(batch).await.unwrap_or_else(|e| panic!("apply failed: {e}"));
}

async fn history<S: Store>(store: &S, id: &str) -> Vec<HistoryEntry> {
    let mut h = store.list_history(&rid(id)).await.unwrap();
    crate::domain::history::newest_first(&mut h);
    h
}

/// Every stamped save keeps who, when and each changed field; an unchanged save and an
/// unstamped batch keep nothing; a refused batch keeps nothing.
async fn stamped_saves_keep_each_changed_field<S: Store>(store: S) {
    let d = sample_diagnosis("d-a", "A", 2025);
    let p1 = sample_patient("p1", "d-a", 1);
    apply(
        &store,
        WriteBatch {
            put_diagnoses: vec![d],
            put_records: vec![p1.clone()],
            history: stamp("佐藤"),
            ..Default::default()
        },
    )
    .await;
    let created = history(&store, "p1").await;
    assert_eq!(created.len(), 1);
    assert_eq!((created[0].action, created[0].by.as_str(), created[0].rev), (Action::Created, "佐藤", 1));
    assert!(created[0].changes.is_empty());
    assert_eq!(history(&store, "d-a").await.len(), 1, "the 地域診断 too");

    let p2 = renamed(&p1, "山田 花子", 1_800_000_000_000);
    let batch = WriteBatch {
        put_records: vec![p2.clone()],
        expect: vec![Expect::unchanged(&p1)],
        history: stamp("鈴木"),
        ..Default::default()
    };
    apply(&store, batch).await;
    let h = history(&store, "p1").await;
    assert_eq!(h.len(), 2);
    assert_eq!(
        (h[0].action, h[0].by.as_str(), h[0].at, h[0].rev),
        (Action::Edited, "鈴木", Timestamp(1_800_000_000_000), 2)
    );
    assert_eq!(h[0].id, "p1#0000000002@tab-b");
    assert_eq!(h[0].changes.len(), 1);
    assert_eq!(h[0].changes[0].path, "name");
    assert_eq!(h[0].changes[0].old, Some(json!("<script>alert(1)</script> 山田 太郎 1")));
    assert_eq!(h[0].changes[0].new, Some(json!("山田 花子")));

    // The same body again: no entry. Unstamped: no entry.
    let mut same = p2.clone();
    same.touch(Timestamp(1_800_000_000_100), &DeviceId::parse("tab-b").unwrap());
    apply(&store, WriteBatch { put_records: vec![same.clone()], history: stamp("鈴木"), ..Default::default() }).await;
    let p3 = renamed(&same, "無記録", 1_800_000_000_200);
    apply(&store, WriteBatch { put_records: vec![p3.clone()], ..Default::default() }).await;
    assert_eq!(history(&store, "p1").await.len(), 2);

    // Refused (planned on an old revision): nothing, history included.
    let refused = store
        .apply(WriteBatch {
            put_records: vec![renamed(&p1, "古い", 1_800_000_000_300)],
            expect: vec![Expect::unchanged(&p1)],
            history: stamp("鈴木"),
            ..Default::default()
        })
        .await;
    assert_eq!(refused, Err(StorageError::Changed(vec![rid("p1")])));
    assert_eq!(history(&store, "p1").await.len(), 2);

    // To the ゴミ箱 and back.
    let mut trashed = p3.clone();
    trashed.meta.deleted_at = Some(Timestamp(1_800_000_000_400));
    trashed.touch(Timestamp(1_800_000_000_400), &DeviceId::parse("tab-b").unwrap());
    apply(&store, WriteBatch { put_records: vec![trashed.clone()], history: stamp(""), ..Default::default() }).await;
    let mut back = trashed.clone();
    back.meta.deleted_at = None;
    back.touch(Timestamp(1_800_000_000_500), &DeviceId::parse("tab-b").unwrap());
    apply(&store, WriteBatch { put_records: vec![back], history: stamp(""), ..Default::default() }).await;
    assert_eq!(
        store.list_diagnosis_history(&rid("d-a")).await.map(|h| h.len()),
        Ok(5),
        "the 地域診断's and its records'"
    );
    assert_eq!(store.list_diagnosis_history(&rid("d-b")).await, Ok(vec![]));
    let actions: Vec<Action> = history(&store, "p1").await.iter().map(|e| e.action).collect();
    assert_eq!(actions, vec![Action::Restored, Action::Trashed, Action::Edited, Action::Created]);
    assert_eq!(store.count_history().await, Ok(5));
}

/// A record keeps its latest entries only; purging a record or a 地域診断 removes its
/// history; entries from a bundle are kept once.
async fn history_is_bounded_purged_and_kept_once<S: Store>(store: S) {
    let d = sample_diagnosis("d-a", "A", 2025);
    let mut p = sample_patient("p1", "d-a", 1);
    apply(
        &store,
        WriteBatch { put_diagnoses: vec![d], put_records: vec![p.clone()], history: stamp(""), ..Default::default() },
    )
    .await;
    for i in 0..KEEP_PER_RECORD + 4 {
        p = renamed(&p, &format!("名前{i}"), 1_800_000_000_000 + i as i64);
        apply(&store, WriteBatch { put_records: vec![p.clone()], history: stamp(""), ..Default::default() }).await;
    }
    let h = history(&store, "p1").await;
    assert_eq!(h.len(), KEEP_PER_RECORD);
    assert_eq!(h.last().map(|e| e.rev), Some(6), "revisions 1–5 dropped, the newest kept");
    assert_eq!(h.first().map(|e| e.rev), Some(KEEP_PER_RECORD as u64 + 5));

    let from_bundle =
        HistoryEntry { id: "p2#0000000003@other".to_string(), record_id: rid("p2"), rev: 3, ..h[0].clone() };
    for _ in 0..2 {
        apply(&store, WriteBatch { put_history: vec![from_bundle.clone()], ..Default::default() }).await;
    }
    assert_eq!(history(&store, "p2").await, vec![from_bundle.clone()]);
    // An import writing the revision a carried entry describes keeps the file's entry only.
    let mut p2 = sample_patient("p2", "d-a", 2);
    p2.meta.rev = 3;
    p2.meta.updated_by = DeviceId::parse("other").unwrap();
    let import = Some(Stamp { by: "鈴木".into(), cause: Cause::Import });
    apply(
        &store,
        WriteBatch {
            put_records: vec![p2],
            put_history: vec![from_bundle.clone()],
            history: import,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(history(&store, "p2").await, vec![from_bundle]);

    apply(&store, WriteBatch { purge_records: vec![rid("p1")], ..Default::default() }).await;
    assert_eq!(history(&store, "p1").await, vec![]);
    apply(&store, WriteBatch { purge_diagnoses: vec![rid("d-a")], ..Default::default() }).await;
    assert_eq!(store.count_history().await, Ok(0));
}

/// Runs the history checks, each on a fresh store.
pub async fn run_all<S, F, Fut>(make: F)
where
    S: Store,
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = S>,
{
    stamped_saves_keep_each_changed_field(make().await).await;
    history_is_bounded_purged_and_kept_once(make().await).await;
}
