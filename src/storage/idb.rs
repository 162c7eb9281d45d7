//! The IndexedDB store (browser only), written directly on `web-sys`.
//!
//! Why not `rexie`: rexie 0.6 hides the `IDBDatabase`, so it cannot close the connection on
//! `versionchange` or report `blocked`; it cannot ask for `durability: "strict"`; its builder
//! only declares stores (no per-version data migrations) and calls `expect()` inside
//! `onupgradeneeded`. Each of those is a requirement here, so this module talks to
//! IndexedDB itself, in about the size rexie's wrapper would have needed.
//!
//! Layout (schema version [`migrations::LATEST`]):
//!
//! | store | key | value |
//! |---|---|---|
//! | `diagnoses` | `id` | `{id, json}` (a [`StoredRecord`] as JSON text) |
//! | `records` | `id`, index `diagnosis` on `diagnosis_id` | `{id, diagnosis_id, kind, json}` |
//! | `drafts` | `key`, index `diagnosis` on `diagnosis_id` | `{key, diagnosis_id, json}` |
//! | `meta` | `key` | `{key, json}` |
//! | `history` | `id`, indexes `record` on `record_id`, `diagnosis` on `diagnosis_id` | `{id, record_id, diagnosis_id, json}` (a [`HistoryEntry`]) |
//!
//! Records are kept as JSON text: one string per record is cheaper to clone into IndexedDB
//! than a deep object, and the text is exactly what a bundle holds.

mod open;
mod sealed;
mod sweep;
mod write;

use super::migrations;
use super::{Draft, StorageError, Store, WriteBatch};
use crate::domain::history::HistoryEntry;
use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, Event, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction};

pub use super::schema::{
    INDEX_DIAGNOSIS, INDEX_RECORD, STORE_DIAGNOSES, STORE_DRAFTS, STORE_HISTORY, STORE_META, STORE_RECORDS,
};
pub use sweep::Swept;

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase`, seen through a binding that passes transaction options (web-sys
    /// only offers the options argument behind `web_sys_unstable_apis`).
    #[wasm_bindgen(extends = IdbDatabase)]
    type DurableDatabase;

    /// `db.transaction(stores, mode, { durability })`.
    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DurableDatabase,
        stores: &Array,
        mode: &str,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;
}

/// Callbacks the UI gives when opening the database.
#[derive(Clone, Default)]
pub struct OpenHooks {
    /// Another tab keeps an old version open; the upgrade waits for it.
    pub on_blocked: Option<Rc<dyn Fn()>>,
    /// Another tab upgraded the schema: this connection has been closed.
    pub on_version_change: Option<Rc<dyn Fn()>>,
}

/// The IndexedDB [`Store`].
pub struct IdbStore {
    db: IdbDatabase,
    closed: Rc<Cell<bool>>,
    /// Rows boot.js may have read early on this connection ([`super::early`]), not yet asked
    /// for: [`PRELOAD_DIAGNOSES`] and/or [`PRELOAD_RECORDS`].
    preloaded: Cell<u8>,
    /// 端末のロック on this database (see [`sealed`]).
    seal: RefCell<sealed::Mode>,
    // Kept alive for as long as the connection.
    _on_version_change: Closure<dyn FnMut(Event)>,
}

const PRELOAD_DIAGNOSES: u8 = 1;
const PRELOAD_RECORDS: u8 = 2;

/// Maps a DOM error to a [`StorageError`].
pub fn storage_error(value: &JsValue) -> StorageError {
    if let Some(ex) = value.dyn_ref::<DomException>() {
        return match ex.name().as_str() {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "InvalidStateError" if ex.message().contains("closing") => StorageError::VersionChanged,
            "SecurityError" | "InvalidAccessError" => StorageError::Unavailable(ex.message()),
            name => StorageError::Failed(format!("{name}: {}", ex.message())),
        };
    }
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return StorageError::Failed(String::from(e.message()));
    }
    StorageError::Failed(value.as_string().unwrap_or_else(|| "不明なエラー".to_string()))
}

/// A future for one request: resolves with `request.result`, rejects with `request.error`.
/// One closure serves both events, so it runs exactly once and is freed.
pub fn request_future(req: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let handler = Closure::once_into_js(move |event: Event| {
            if event.type_() == "success" {
                let _ = resolve.call1(&JsValue::UNDEFINED, &r.result().unwrap_or(JsValue::UNDEFINED));
            } else {
                let err = r.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::UNDEFINED, &err);
            }
        });
        req.set_onsuccess(Some(handler.unchecked_ref()));
        req.set_onerror(Some(handler.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A future that resolves when the transaction has **completed** (committed to disk as its
/// durability asks), or rejects when it aborted. `complete` and `abort` are exclusive, so one
/// closure serves both.
pub fn transaction_future(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let t = tx.clone();
        let handler = Closure::once_into_js(move |event: Event| {
            if event.type_() == "complete" {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            } else {
                let err = t.error().map(JsValue::from).unwrap_or_else(|| {
                    DomException::new_with_message_and_name("中断されました", "AbortError")
                        .map(JsValue::from)
                        .unwrap_or(JsValue::UNDEFINED)
                });
                let _ = reject.call1(&JsValue::UNDEFINED, &err);
            }
        });
        tx.set_oncomplete(Some(handler.unchecked_ref()));
        tx.set_onabort(Some(handler.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Records read per task by [`IdbStore::list_records`].
const PARSE_PART: usize = 500;

/// Lets the event loop run (input, paint) before going on: `setTimeout(0)` of the page or
/// of the worker, whichever runs this.
async fn yield_to_event_loop() {
    let promise = Promise::new(&mut |resolve, _| {
        let global = js_sys::global();
        let set_timeout = Reflect::get(&global, &JsValue::from_str("setTimeout"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match set_timeout {
            Some(f) => {
                if f.call2(&global, &resolve, &JsValue::from_f64(0.0)).is_err() {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            }
            None => {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

fn parse_json<T: serde::de::DeserializeOwned>(row: &JsValue, what: &str) -> Result<T, StorageError> {
    let text = get_str(row, "json").ok_or_else(|| StorageError::Corrupt(format!("{what}: 内容がありません")))?;
    serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StorageError> {
    serde_json::to_string(value).map_err(|e| StorageError::Failed(e.to_string()))
}

impl IdbStore {
    /// The schema version of this connection.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// Closes the connection.
    pub fn close(&self) {
        self.db.close();
        self.closed.set(true);
    }

    /// Was the connection closed (by [`IdbStore::close`] or another tab's upgrade)?
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }

    fn check_open(&self) -> Result<(), StorageError> {
        if self.closed.get() {
            Err(StorageError::VersionChanged)
        } else {
            Ok(())
        }
    }

    /// A read-only transaction.
    fn read(&self, stores: &[&str]) -> Result<IdbTransaction, StorageError> {
        self.check_open()?;
        let names = stores.iter().map(|s| JsValue::from_str(s)).collect::<Array>();
        self.db.transaction_with_str_sequence(&names).map_err(|e| storage_error(&e))
    }

    /// A read-write transaction with `durability: "strict"`: `complete` fires only once the
    /// data is on disk, so 保存しました is never shown for a save a power cut could lose.
    pub fn write_transaction(&self, stores: &[&str]) -> Result<IdbTransaction, StorageError> {
        self.check_open()?;
        let names = stores.iter().map(|s| JsValue::from_str(s)).collect::<Array>();
        let options = Object::new();
        set(&options, "durability", &JsValue::from_str("strict"));
        self.db
            .unchecked_ref::<DurableDatabase>()
            .transaction_with_options(&names, "readwrite", &options)
            .map_err(|e| storage_error(&e))
    }

    fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StorageError> {
        tx.object_store(name).map_err(|e| storage_error(&e))
    }

    /// The rows boot.js read early for the first list of 地域診断 and the first records read,
    /// once each (see [`super::early::take_rows`]).
    async fn take_preloaded(&self, store: &str, index_key: Option<&RecordId>) -> Option<Vec<JsValue>> {
        let bit = match (store, index_key) {
            (STORE_DIAGNOSES, None) => PRELOAD_DIAGNOSES,
            (STORE_RECORDS, Some(_)) => PRELOAD_RECORDS,
            _ => return None,
        };
        if self.preloaded.get() & bit == 0 {
            return None;
        }
        self.preloaded.set(self.preloaded.get() & !bit);
        super::early::take_rows(store, index_key.map(RecordId::as_str)).await
    }

    async fn get_all(&self, store: &str, index_key: Option<&RecordId>) -> Result<Vec<JsValue>, StorageError> {
        if let Some(rows) = self.take_preloaded(store, index_key).await {
            self.check_open()?;
            return Ok(rows);
        }
        let tx = self.read(&[store])?;
        let os = IdbStore::store(&tx, store)?;
        let request = match index_key {
            Some(key) => os
                .index(INDEX_DIAGNOSIS)
                .and_then(|idx| idx.get_all_with_key(&JsValue::from_str(key.as_str())))
                .map_err(|e| storage_error(&e))?,
            None => os.get_all().map_err(|e| storage_error(&e))?,
        };
        let rows = request_future(&request).await.map_err(|e| storage_error(&e))?;
        Ok(Array::from(&rows).iter().collect())
    }

    async fn get_one(&self, store: &str, key: &str) -> Result<Option<JsValue>, StorageError> {
        let tx = self.read(&[store])?;
        let request = IdbStore::store(&tx, store)?.get(&JsValue::from_str(key)).map_err(|e| storage_error(&e))?;
        let row = request_future(&request).await.map_err(|e| storage_error(&e))?;
        Ok((!row.is_undefined() && !row.is_null()).then_some(row))
    }

    /// The history entries whose `index` (record or 地域診断) is `key`.
    async fn history_by(&self, index: &str, key: &RecordId) -> Result<Vec<HistoryEntry>, StorageError> {
        let tx = self.read(&[STORE_HISTORY])?;
        let request = IdbStore::store(&tx, STORE_HISTORY)?
            .index(index)
            .and_then(|idx| idx.get_all_with_key(&JsValue::from_str(key.as_str())))
            .map_err(|e| storage_error(&e))?;
        let rows: Vec<JsValue> =
            Array::from(&request_future(&request).await.map_err(|e| storage_error(&e))?).iter().collect();
        sealed::decode(self, STORE_HISTORY, &rows, "変更履歴").await
    }

    fn record_row(r: &StoredRecord) -> Result<Object, StorageError> {
        let row = Object::new();
        set(&row, "id", &JsValue::from_str(r.meta.id.as_str()));
        set(&row, "diagnosis_id", &JsValue::from_str(r.meta.diagnosis_id.as_str()));
        set(&row, "kind", &JsValue::from_str(r.meta.kind.key()));
        set(&row, "json", &JsValue::from_str(&to_json(r)?));
        Ok(row)
    }
}

impl Store for IdbStore {
    async fn list_diagnoses(&self) -> Result<Vec<StoredRecord>, StorageError> {
        let rows = self.get_all(STORE_DIAGNOSES, None).await?;
        sealed::decode(self, STORE_DIAGNOSES, &rows, "地域診断").await
    }

    async fn get_diagnosis(&self, id: &RecordId) -> Result<Option<StoredRecord>, StorageError> {
        self.get_decoded(STORE_DIAGNOSES, id.as_str(), "地域診断").await
    }

    async fn list_records(&self, diagnosis_id: &RecordId) -> Result<Vec<StoredRecord>, StorageError> {
        let rows = self.get_all(STORE_RECORDS, Some(diagnosis_id)).await?;
        // Read in parts, letting the page handle input between them: a 地域診断 of thousands
        // of records would otherwise be one long task after every save.
        let mut records = Vec::with_capacity(rows.len());
        for (i, part) in rows.chunks(PARSE_PART).enumerate() {
            if i > 0 {
                yield_to_event_loop().await;
            }
            records.extend(sealed::decode::<StoredRecord>(self, STORE_RECORDS, part, "記録").await?);
        }
        Ok(records)
    }

    async fn get_record(&self, id: &RecordId) -> Result<Option<StoredRecord>, StorageError> {
        self.get_decoded(STORE_RECORDS, id.as_str(), "記録").await
    }

    async fn get_draft(&self, key: &str) -> Result<Option<Draft>, StorageError> {
        self.get_decoded(STORE_DRAFTS, key, "下書き").await
    }

    async fn list_drafts(&self, diagnosis_id: &RecordId) -> Result<Vec<Draft>, StorageError> {
        let rows = self.get_all(STORE_DRAFTS, Some(diagnosis_id)).await?;
        sealed::decode(self, STORE_DRAFTS, &rows, "下書き").await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<serde_json::Value>, StorageError> {
        self.get_one(STORE_META, key).await?.map(|row| parse_json(&row, "設定")).transpose()
    }

    async fn list_history(&self, record: &RecordId) -> Result<Vec<HistoryEntry>, StorageError> {
        self.history_by(INDEX_RECORD, record).await
    }

    async fn list_diagnosis_history(&self, diagnosis: &RecordId) -> Result<Vec<HistoryEntry>, StorageError> {
        self.history_by(INDEX_DIAGNOSIS, diagnosis).await
    }

    async fn count_history(&self) -> Result<u64, StorageError> {
        let tx = self.read(&[STORE_HISTORY])?;
        let request = IdbStore::store(&tx, STORE_HISTORY)?.count().map_err(|e| storage_error(&e))?;
        let n = request_future(&request).await.map_err(|e| storage_error(&e))?;
        Ok(n.as_f64().unwrap_or(0.0) as u64)
    }

    async fn apply(&self, batch: WriteBatch) -> Result<(), StorageError> {
        write::apply(self, batch).await
    }
}
