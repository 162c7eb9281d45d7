//! 端末のロック on IndexedDB: the sealed store passes the same contract suite, nothing of a
//! record is plain at rest, the key is wrapped and re-wrapped, a tampered record is refused by
//! name while the rest reads, and turning the lock on and off (and resuming it) keeps every row.

use super::{fresh_name, fresh_store};
use js_sys::{Array, Object, Reflect};
use nanbyo_chiiki_shindan::domain::lock::{Failures, LockState, STATE_META};
use nanbyo_chiiki_shindan::domain::time::Timestamp;
use nanbyo_chiiki_shindan::storage::contract::{run_all, sample_diagnosis, sample_patient};
use nanbyo_chiiki_shindan::storage::idb::{
    request_future, transaction_future, IdbStore, OpenHooks, STORE_DIAGNOSES, STORE_RECORDS,
};
use nanbyo_chiiki_shindan::storage::lock::{self, Unlock};
use nanbyo_chiiki_shindan::storage::seal::{Seal, UnlockError};
use nanbyo_chiiki_shindan::storage::{StorageError, Store, WriteBatch};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const PASS: &str = "ほけんしのパスワード";

async fn fresh_sealed_store() -> IdbStore {
    let store = fresh_store().await;
    let seal = Seal::ephemeral().await.unwrap_or_else(|e| panic!("{e}"));
    store.set_seal(Rc::new(seal), true);
    store
}

#[wasm_bindgen_test]
async fn contract_suite_passes_on_the_sealed_store() {
    run_all(fresh_sealed_store).await;
}

/// Every row of `store` as IndexedDB holds it.
async fn raw_rows(db: &IdbStore, store: &str) -> Vec<JsValue> {
    let tx = db.write_transaction(&[store]).unwrap_or_else(|e| panic!("{e}"));
    let request = tx.object_store(store).and_then(|s| s.get_all()).unwrap_or_else(|_| panic!("getAll"));
    let rows = request_future(&request).await.unwrap_or_else(|_| panic!("read"));
    Array::from(&rows).iter().collect()
}

/// A row's text as the browser would show it (JSON of the structured value, byte arrays as
/// numbers).
fn row_text(row: &JsValue) -> String {
    js_sys::JSON::stringify(row).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

async fn put_raw(db: &IdbStore, store: &str, row: &JsValue) {
    let tx = db.write_transaction(&[store]).unwrap_or_else(|e| panic!("{e}"));
    let done = transaction_future(&tx);
    tx.object_store(store).and_then(|s| s.put(row)).unwrap_or_else(|_| panic!("put"));
    done.await.unwrap_or_else(|_| panic!("write"));
}

fn with_data() -> WriteBatch {
    WriteBatch {
        put_diagnoses: vec![sample_diagnosis("d-a", "A保健所管内", 2025)],
        put_records: vec![sample_patient("p1", "d-a", 1), sample_patient("p2", "d-a", 2)],
        ..WriteBatch::default()
    }
}

#[wasm_bindgen_test]
async fn a_sealed_store_keeps_no_name_nor_body_in_plain() {
    let store = fresh_sealed_store().await;
    store.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    for s in [STORE_DIAGNOSES, STORE_RECORDS] {
        for row in raw_rows(&store, s).await {
            let text = row_text(&row);
            for plain in ["山田", "A保健所", "body", "○市"] {
                assert!(!text.contains(plain), "{plain} in plain in {s}: {text}");
            }
            assert!(text.contains("rev") && text.contains("updated_at"), "the revision stays plain: {text}");
        }
    }
    assert_eq!(store.list_records(&sample_diagnosis("d-a", "", 2025).meta.id).await.map(|l| l.len()), Ok(2));
}

#[wasm_bindgen_test]
async fn a_tampered_record_is_refused_by_its_id_and_the_rest_reads() {
    let store = fresh_sealed_store().await;
    store.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    let rows = raw_rows(&store, STORE_RECORDS).await;
    let id = |r: &JsValue| Reflect::get(r, &"id".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let p1 = rows.iter().find(|r| id(r) == "p1").cloned().unwrap_or_else(|| panic!("p1"));
    let p2 = rows.iter().find(|r| id(r) == "p2").cloned().unwrap_or_else(|| panic!("p2"));
    // p1's sealed body copied onto p2 (a swapped record).
    let swapped = Object::assign(&Object::new(), p2.unchecked_ref());
    Reflect::set(&swapped, &"sealed".into(), &Reflect::get(&p1, &"sealed".into()).unwrap_or(JsValue::NULL)).ok();
    put_raw(&store, STORE_RECORDS, &swapped).await;
    let p1_id = sample_patient("p1", "d-a", 1).meta.id;
    let p2_id = sample_patient("p2", "d-a", 2).meta.id;
    match store.get_record(&p2_id).await {
        Err(StorageError::Corrupt(m)) => assert!(m.contains("p2") && m.contains("改ざん"), "{m}"),
        other => panic!("expected the swapped record refused, got {other:?}"),
    }
    assert_eq!(store.get_record(&p1_id).await.map(|r| r.map(|r| r.meta.id)), Ok(Some(p1_id.clone())));
    // A flipped byte of the ciphertext is refused too.
    let sealed = Reflect::get(&p1, &"sealed".into()).unwrap_or(JsValue::NULL);
    let ct = js_sys::Uint8Array::new(&Reflect::get(&sealed, &"ct".into()).unwrap_or(JsValue::NULL)).to_vec();
    let mut flipped = ct.clone();
    flipped[0] ^= 1;
    let new_sealed = Object::assign(&Object::new(), sealed.unchecked_ref());
    Reflect::set(&new_sealed, &"ct".into(), &js_sys::Uint8Array::from(flipped.as_slice()).buffer()).ok();
    let altered = Object::assign(&Object::new(), p1.unchecked_ref());
    Reflect::set(&altered, &"sealed".into(), &new_sealed).ok();
    put_raw(&store, STORE_RECORDS, &altered).await;
    assert!(matches!(store.get_record(&p1_id).await, Err(StorageError::Corrupt(m)) if m.contains("p1")));
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(1), "the rest stays readable");
}

#[wasm_bindgen_test]
async fn the_passphrase_wraps_the_key_a_change_rewraps_it_and_wrong_ones_slow_down() {
    let name = fresh_name("lock-wrap");
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    store.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    let swept = lock::turn_on(&store, PASS, Timestamp(1), &|_, _| {}).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(swept.changed, 3, "the 地域診断 and both patients sealed in place");
    store.close();

    // Reopened: locked, nothing readable nor writable.
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(store.is_locked());
    assert_eq!(store.list_diagnoses().await, Err(StorageError::Locked));
    assert_eq!(store.apply(with_data()).await, Err(StorageError::Locked));

    let t = Timestamp(1_000_000);
    assert_eq!(lock::unlock(&store, "ちがうパスワード", t).await, Ok(Unlock::Wrong(Failures { count: 1, last_at: t })));
    assert!(store.is_locked());
    assert_eq!(lock::unlock(&store, PASS, t).await, Ok(Unlock::Unlocked));
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(1));
    assert_eq!(lock::failures(&store).await, Ok(Failures::default()), "a right passphrase resets the count");

    // Change: the same key, re-wrapped; the old passphrase no longer opens it.
    assert_eq!(lock::change_passphrase(&store, "ちがう", "あたらしいパスワード", t).await, Ok(Err(UnlockError::Wrong)));
    assert_eq!(lock::change_passphrase(&store, PASS, "あたらしいパスワード", t).await, Ok(Ok(())));
    store.lock();
    assert!(matches!(lock::unlock(&store, PASS, t).await, Ok(Unlock::Wrong(_))));
    assert_eq!(lock::unlock(&store, "あたらしいパスワード", t).await, Ok(Unlock::Unlocked));
    assert_eq!(store.list_records(&with_data().put_diagnoses[0].meta.id).await.map(|l| l.len()), Ok(2));
}

#[wasm_bindgen_test]
async fn the_slowdown_is_kept_in_storage_across_a_reload() {
    let name = fresh_name("lock-slow");
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    lock::turn_on(&store, PASS, Timestamp(1), &|_, _| {}).await.unwrap_or_else(|e| panic!("{e}"));
    store.lock();
    let t = Timestamp(5_000_000);
    for _ in 0..3 {
        assert!(matches!(lock::unlock(&store, "x", t).await, Ok(Unlock::Wrong(_))));
    }
    store.close();
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    // The fourth try is 2 s after the third: even the right passphrase waits.
    let waiting = lock::unlock(&store, PASS, Timestamp(5_001_000)).await;
    assert_eq!(waiting, Ok(Unlock::Wait(Failures { count: 3, last_at: t })));
    assert!(store.is_locked());
    assert_eq!(lock::unlock(&store, PASS, Timestamp(5_002_000)).await, Ok(Unlock::Unlocked));
}

#[wasm_bindgen_test]
async fn a_sweep_cut_short_resumes_at_the_next_unlock_and_turning_off_opens_every_row() {
    let name = fresh_name("lock-resume");
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    lock::turn_on(&store, PASS, Timestamp(1), &|_, _| {}).await.unwrap_or_else(|e| panic!("{e}"));
    let key_id = lock::state(&store).await.ok().flatten().map(|s| s.key_id().to_string()).unwrap_or_default();
    // As if the tab was closed mid-way: still sealing, and a plain record not yet sealed.
    store.set_lock_off();
    store.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    let sealing = serde_json::to_value(LockState::Sealing { key_id }).unwrap_or_else(|e| panic!("{e}"));
    store
        .apply(WriteBatch { put_meta: vec![(STATE_META.to_string(), sealing)], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store.close();

    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.list_diagnoses().await, Err(StorageError::Locked), "even plain rows stay shut while locked");
    assert_eq!(lock::unlock(&store, PASS, Timestamp(2)).await, Ok(Unlock::Unlocked));
    let done = std::cell::Cell::new((0, 0));
    let swept = lock::resume(&store, &|d, t| done.set((d, t))).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(swept.map(|s| s.changed), Some(3));
    assert_eq!(done.get(), (3, 3), "progress reached the end");
    for row in raw_rows(&store, STORE_RECORDS).await {
        assert!(!row_text(&row).contains("山田"), "sealed after the resume");
    }
    assert!(matches!(lock::state(&store).await, Ok(Some(LockState::On { .. }))));

    // Off: every row plain again, the key file gone, the store reads without a passphrase.
    let off = lock::turn_off(&store, PASS, &|_, _| {}).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(off.map(|s| s.changed), Ok(3));
    assert_eq!(lock::state(&store).await, Ok(None));
    for row in raw_rows(&store, STORE_RECORDS).await {
        assert!(row_text(&row).contains("山田") && !row_text(&row).contains("sealed"));
    }
    store.close();
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(!store.is_locked());
    assert_eq!(store.list_records(&with_data().put_diagnoses[0].meta.id).await.map(|l| l.len()), Ok(2));
}

#[wasm_bindgen_test]
async fn a_stamped_save_on_the_sealed_store_keeps_its_history_sealed() {
    use nanbyo_chiiki_shindan::domain::history::{Cause, Stamp};
    let store = fresh_sealed_store().await;
    store.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    let stamp = Stamp { by: "佐藤".to_string(), cause: Cause::Input };
    let mut edited = sample_patient("p1", "d-a", 1);
    edited.meta.deleted_at = Some(Timestamp(1_800_000_000_000));
    edited.touch(Timestamp(1_800_000_000_000), &edited.meta.updated_by.clone());
    let saved = store
        .apply(WriteBatch { put_records: vec![edited.clone()], history: Some(stamp), ..WriteBatch::default() })
        .await;
    assert_eq!(saved, Ok(()));
    let history = store.list_history(&edited.meta.id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(history.len(), 1, "history kept, sealed");
    for row in raw_rows(&store, "history").await {
        assert!(!row_text(&row).contains("佐藤"), "the entry is sealed: {}", row_text(&row));
    }
}

/// The sealed store plans a stamped save's 変更履歴 before its write transaction (Web Crypto
/// cannot run inside one): a save by another tab in between is caught by the revision check
/// in the transaction, and nothing is written.
#[wasm_bindgen_test]
async fn a_sealed_stamped_save_planned_before_another_tabs_save_writes_nothing() {
    use nanbyo_chiiki_shindan::domain::history::{Cause, Stamp};
    let name = fresh_name("lock-race");
    let tab_a = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    tab_a.set_seal(Rc::new(Seal::ephemeral().await.unwrap_or_else(|e| panic!("{e}"))), true);
    tab_a.apply(with_data()).await.unwrap_or_else(|e| panic!("{e}"));
    let tab_b = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));

    let stamp = Stamp { by: "佐藤".to_string(), cause: Cause::Input };
    let mut mine = sample_patient("p1", "d-a", 1);
    mine.meta.deleted_at = Some(Timestamp(1_800_000_000_000));
    mine.touch(Timestamp(1_800_000_000_000), &mine.meta.updated_by.clone());
    let mut theirs = sample_patient("p1", "d-a", 1);
    theirs.touch(Timestamp(1_800_000_000_001), &theirs.meta.updated_by.clone());
    let a = tab_a.apply(WriteBatch { put_records: vec![mine], history: Some(stamp), ..WriteBatch::default() });
    // Tab B's write starts while tab A is reading, opening and sealing.
    let b = tab_b.apply(WriteBatch { put_records: vec![theirs.clone()], ..WriteBatch::default() });
    let (a, b) = futures::future::join(a, b).await;
    assert_eq!(b, Ok(()));
    assert_eq!(a, Err(StorageError::Changed(vec![theirs.meta.id.clone()])));
    assert_eq!(tab_a.list_history(&theirs.meta.id).await.map(|h| h.len()), Ok(0), "no entry for a refused save");
    assert_eq!(tab_a.get_record(&theirs.meta.id).await, Ok(Some(theirs)));
}
