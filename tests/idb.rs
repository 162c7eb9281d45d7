//! The IndexedDB store in headless Chromium: the shared storage contract, the schema
//! migrations from versions 1 and 2 with data in them, and the two-tab upgrade cases.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]
// A test target: its #[wasm_bindgen_test] functions and helpers panic on purpose when a check
// fails (clippy's allow-*-in-tests only sees #[test] and #[cfg(test)]).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Object, Reflect};
use nanbyo_chiiki_shindan::storage::contract::{run_all, sample_diagnosis};
use nanbyo_chiiki_shindan::storage::early::{PRELOADED_HOOK, TAKE_HOOK};
use nanbyo_chiiki_shindan::storage::idb::{request_future, transaction_future, IdbStore, OpenHooks, STORE_DIAGNOSES};
use nanbyo_chiiki_shindan::storage::migrations::LATEST;
use nanbyo_chiiki_shindan::storage::{StorageError, Store, WriteBatch};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "idb/lock.rs"]
mod lock;

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// A database name no other test uses.
pub(crate) fn fresh_name(prefix: &str) -> String {
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{prefix}-{}-{n}", js_sys::Date::now())
}

pub(crate) async fn fresh_store() -> IdbStore {
    let name = fresh_name("contract");
    IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("open {name}: {e}"))
}

#[wasm_bindgen_test]
async fn contract_suite_passes_on_indexeddb() {
    run_all(fresh_store).await;
}

#[wasm_bindgen_test]
async fn writes_use_strict_durability() {
    let store = fresh_store().await;
    let tx = store.write_transaction(&[STORE_DIAGNOSES]).unwrap_or_else(|e| panic!("{e}"));
    let durability = Reflect::get(&tx, &JsValue::from_str("durability")).ok().and_then(|v| v.as_string());
    assert_eq!(durability.as_deref(), Some("strict"));
    tx.abort().ok();
}

#[wasm_bindgen_test]
async fn upgrading_from_version_1_keeps_every_diagnosis() {
    let name = fresh_name("migrate");
    // Write as the version-1 app did.
    let old = IdbStore::open_at_version(&name, 1, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(old.version(), 1);
    let a = sample_diagnosis("d-a", "A保健所管内", 2024);
    let b = sample_diagnosis("d-b", "B保健所管内", 2025);
    old.apply(WriteBatch { put_diagnoses: vec![a.clone(), b.clone()], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    old.close();

    // Open as this app.
    let new = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(new.version(), LATEST);
    let mut listed = new.list_diagnoses().await.unwrap_or_else(|e| panic!("{e}"));
    listed.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
    assert_eq!(listed, vec![a, b]);
    // The stores added by version 2 work.
    let p = nanbyo_chiiki_shindan::storage::contract::sample_patient("p1", "d-a", 1);
    new.apply(WriteBatch { put_records: vec![p.clone()], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let records = new.list_records(&p.meta.diagnosis_id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(records, vec![p]);
}

/// Schema 3 (issue 17) adds the 変更履歴: records a version-2 app wrote read unchanged, and
/// their history starts with their next save.
#[wasm_bindgen_test]
async fn upgrading_from_version_2_keeps_every_record_and_starts_its_history() {
    use nanbyo_chiiki_shindan::domain::history::{Action, Cause, Stamp};
    use nanbyo_chiiki_shindan::storage::contract::sample_patient;
    let name = fresh_name("migrate-v2");
    let old = IdbStore::open_at_version(&name, 2, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    let d = sample_diagnosis("d-a", "A保健所管内", 2025);
    let p = sample_patient("p1", "d-a", 1);
    old.apply(WriteBatch { put_diagnoses: vec![d.clone()], put_records: vec![p.clone()], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    old.close();

    let new = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(new.version(), LATEST);
    assert_eq!(new.list_records(&d.meta.id).await, Ok(vec![p.clone()]));
    assert_eq!(new.list_history(&p.meta.id).await, Ok(vec![]));
    let mut edited = p.clone();
    edited.meta.deleted_at = Some(nanbyo_chiiki_shindan::domain::time::Timestamp(1_800_000_000_000));
    edited.touch(nanbyo_chiiki_shindan::domain::time::Timestamp(1_800_000_000_000), &p.meta.updated_by);
    let stamp = Stamp { by: "佐藤".to_string(), cause: Cause::Input };
    new.apply(WriteBatch { put_records: vec![edited], history: Some(stamp), ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let history = new.list_history(&p.meta.id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(history.iter().map(|e| (e.action, e.by.as_str())).collect::<Vec<_>>(), vec![(Action::Trashed, "佐藤")]);
}

#[wasm_bindgen_test]
async fn an_old_tab_closes_on_upgrade_and_is_told_to_reload() {
    let name = fresh_name("twotabs");
    let told = Rc::new(Cell::new(false));
    let hooks = OpenHooks {
        on_version_change: Some({
            let told = told.clone();
            Rc::new(move || told.set(true))
        }),
        on_blocked: None,
    };
    let old_tab = IdbStore::open_at_version(&name, 1, hooks).await.unwrap_or_else(|e| panic!("{e}"));
    old_tab
        .apply(WriteBatch { put_diagnoses: vec![sample_diagnosis("d-a", "A", 2025)], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // The new version opens without hanging: the old tab closed its connection.
    let new_tab = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(told.get(), "old tab was told to reload");
    assert!(old_tab.is_closed());
    assert_eq!(old_tab.list_diagnoses().await, Err(StorageError::VersionChanged));
    assert_eq!(new_tab.list_diagnoses().await.map(|l| l.len()), Ok(1));
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_a_tab_that_does_not_close_reports_it_and_then_proceeds() {
    let name = fresh_name("blocked");
    IdbStore::open_at_version(&name, 1, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}")).close();
    // A raw connection without a versionchange handler, like a tab of an app that ignores it.
    let factory: web_sys::IdbFactory = Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .unwrap_or_else(|_| panic!("indexedDB"))
        .unchecked_into();
    let req = factory.open_with_u32(&name, 1).unwrap_or_else(|_| panic!("open"));
    let stubborn: web_sys::IdbDatabase =
        request_future(&req).await.unwrap_or_else(|_| panic!("raw open")).unchecked_into();

    let blocked = Rc::new(Cell::new(false));
    let hooks = OpenHooks {
        on_blocked: Some({
            let blocked = blocked.clone();
            let stubborn = stubborn.clone();
            // When told, the nurse closes the other tab.
            Rc::new(move || {
                blocked.set(true);
                stubborn.close();
            })
        }),
        on_version_change: None,
    };
    let store = IdbStore::open(&name, hooks).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(blocked.get(), "the blocked upgrade was reported");
    assert_eq!(store.version(), LATEST);
}

#[wasm_bindgen_test]
async fn opening_a_database_from_a_newer_app_is_refused_with_a_message() {
    let name = fresh_name("toonew");
    let factory: web_sys::IdbFactory = Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .unwrap_or_else(|_| panic!("indexedDB"))
        .unchecked_into();
    let req = factory.open_with_u32(&name, LATEST + 5).unwrap_or_else(|_| panic!("open"));
    let db: web_sys::IdbDatabase = request_future(&req).await.unwrap_or_else(|_| panic!("raw open")).unchecked_into();
    db.close();
    match IdbStore::open(&name, OpenHooks::default()).await {
        Err(StorageError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (LATEST + 5, LATEST));
        }
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("expected TooNew, opened"),
    }
}

#[wasm_bindgen_test]
async fn an_aborted_batch_writes_nothing() {
    let store = fresh_store().await;
    store
        .apply(WriteBatch { put_diagnoses: vec![sample_diagnosis("d-a", "A", 2025)], ..WriteBatch::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // A transaction aborted after its puts were issued leaves nothing behind.
    let tx = store.write_transaction(&[STORE_DIAGNOSES]).unwrap_or_else(|e| panic!("{e}"));
    let done = transaction_future(&tx);
    let os = tx.object_store(STORE_DIAGNOSES).unwrap_or_else(|_| panic!("store"));
    let row = Object::new();
    Reflect::set(&row, &JsValue::from_str("id"), &JsValue::from_str("d-b")).ok();
    Reflect::set(&row, &JsValue::from_str("json"), &JsValue::from_str("{}")).ok();
    os.put(&row).ok();
    tx.abort().ok();
    assert!(done.await.is_err());
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(1));
}

thread_local! {
    /// Connections offered as boot.js would, by database name, and how often each was asked
    /// for (tests run concurrently, so one hook serves them all).
    static EARLY: std::cell::RefCell<std::collections::HashMap<String, (Option<web_sys::IdbDatabase>, u32)>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Offers `db` through the `self.nanbyoTakeDatabase` public/boot.js defines, once, to the
/// first open of its database.
fn offer_early(db: web_sys::IdbDatabase) {
    use wasm_bindgen::closure::Closure;
    EARLY.with(|m| m.borrow_mut().insert(db.name(), (Some(db), 0)));
    let hook = Closure::<dyn FnMut(JsValue, JsValue) -> js_sys::Promise>::new(|name: JsValue, _version: JsValue| {
        let name = name.as_string().unwrap_or_default();
        let offered = EARLY.with(|m| {
            m.borrow_mut().get_mut(&name).and_then(|(db, asked)| {
                *asked += 1;
                db.take()
            })
        });
        js_sys::Promise::resolve(&offered.map_or(JsValue::NULL, JsValue::from))
    });
    Reflect::set(&js_sys::global(), &JsValue::from_str(TAKE_HOOK), hook.as_ref()).ok();
    hook.forget();
}

/// Offers `rows` as boot.js's early read of `diagnoses` (once; nothing for other stores).
/// Only the test that adopts an early connection at the latest version asks for them.
fn offer_rows(rows: js_sys::Array) {
    use wasm_bindgen::closure::Closure;
    let rows = std::cell::RefCell::new(Some(rows));
    let hook = Closure::<dyn FnMut(JsValue, JsValue) -> js_sys::Promise>::new(move |store: JsValue, _id: JsValue| {
        let offered = if store.as_string().as_deref() == Some("diagnoses") { rows.borrow_mut().take() } else { None };
        js_sys::Promise::resolve(&offered.map_or(JsValue::NULL, JsValue::from))
    });
    Reflect::set(&js_sys::global(), &JsValue::from_str(PRELOADED_HOOK), hook.as_ref()).ok();
    hook.forget();
}

/// How many times the open of `name` asked for an early connection.
fn asked_early(name: &str) -> u32 {
    EARLY.with(|m| m.borrow().get(name).map_or(0, |(_, asked)| *asked))
}

async fn raw_open(name: &str, version: u32) -> web_sys::IdbDatabase {
    let factory: web_sys::IdbFactory = Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .unwrap_or_else(|_| panic!("indexedDB"))
        .unchecked_into();
    let req = factory.open_with_u32(name, version).unwrap_or_else(|_| panic!("open"));
    request_future(&req).await.unwrap_or_else(|_| panic!("raw open")).unchecked_into()
}

#[wasm_bindgen_test]
async fn open_takes_the_connection_boot_js_opened_at_the_latest_version() {
    let name = fresh_name("early");
    IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}")).close();
    let early = raw_open(&name, LATEST).await;
    offer_early(early.clone());
    // boot.js read one 地域診断 early (here: one the database does not even have).
    let read_early = sample_diagnosis("d-early", "早く読んだ", 2025);
    let row = Object::new();
    Reflect::set(&row, &JsValue::from_str("id"), &JsValue::from_str("d-early")).ok();
    let json = serde_json::to_string(&read_early).unwrap_or_else(|e| panic!("{e}"));
    Reflect::set(&row, &JsValue::from_str("json"), &JsValue::from_str(&json)).ok();
    offer_rows(js_sys::Array::of1(&row));
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(asked_early(&name), 1);
    assert_eq!(store.list_diagnoses().await, Ok(vec![read_early]), "the rows read early, once");
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(0), "then the database");
    // The store uses that very connection: closing it closes the store's.
    early.close();
    assert!(store.list_diagnoses().await.is_err());
}

#[wasm_bindgen_test]
async fn an_early_connection_at_an_older_version_is_closed_and_the_database_migrated() {
    let name = fresh_name("early-old");
    let old = IdbStore::open_at_version(&name, 1, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    old.close();
    let early = raw_open(&name, 1).await;
    offer_early(early);
    // Were the old connection kept open, this upgrade would wait for it for ever.
    let store = IdbStore::open(&name, OpenHooks::default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(asked_early(&name), 1);
    assert_eq!(store.version(), LATEST);
    assert_eq!(store.list_diagnoses().await.map(|l| l.len()), Ok(0));
}
