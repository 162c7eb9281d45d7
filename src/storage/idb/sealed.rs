//! The sealed store (端末のロック on): the same rows, with every body, draft and 変更履歴 entry
//! in a `sealed` part (`storage::seal`) and only what `domain::lock::PLAIN_FIELDS` lists left
//! plain.
//!
//! Reading: rows are read as always, then opened together (outside the read transaction).
//! Writing ([`apply`]): Web Crypto cannot be awaited inside an IndexedDB transaction (it
//! commits when the event loop idles), so the records a stamped batch replaces are read and
//! opened first, its 変更履歴 is planned against them, every row is sealed, and only then is
//! one read-write transaction opened; it checks, as a plain save does, every `expect` and
//! `listed`, and also that each replaced record is still the revision the history was made
//! against — otherwise nothing is written ([`StorageError::Changed`]).

use super::write::{history_row, keyed_row, place, run, store_of, Place, Planned, Rows};
use super::{parse_json, request_future, set, storage_error, to_json, IdbStore};
use crate::domain::lock::{refused_message, STATE_META};
use crate::domain::record::{RecordMeta, StoredRecord};
use crate::storage::history::{entries_of, needs_before, to_trim};
use crate::storage::schema::{STORE_DIAGNOSES, STORE_DRAFTS, STORE_HISTORY, STORE_RECORDS};
use crate::storage::seal::{sealed_part, Seal, ToSeal};
use crate::storage::{StorageError, WriteBatch};
use js_sys::{Object, Reflect};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The key (`id`, or `key` for a draft) and kind of a stored row of `store`: its place in
/// the additional data.
fn row_place(store: &str, row: &JsValue) -> (String, Option<String>) {
    let get = |k: &str| Reflect::get(row, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
    let key = if store == STORE_DRAFTS { get("key") } else { get("id") };
    let kind = if store == STORE_RECORDS { get("kind") } else { None };
    (key.unwrap_or_default(), kind)
}

/// The rows of `store` as values: plain rows parsed, sealed ones opened with the store's key
/// ([`StorageError::Locked`] without it). A sealed row that does not open (altered, moved onto
/// another record, another key) is refused with a message naming it.
pub(super) async fn decode<T: DeserializeOwned>(
    this: &IdbStore,
    store: &str,
    rows: &[JsValue],
    what: &str,
) -> Result<Vec<T>, StorageError> {
    this.check_unlocked()?;
    let sealed: Vec<Option<JsValue>> = rows.iter().map(sealed_part).collect();
    if sealed.iter().all(Option::is_none) {
        return rows.iter().map(|r| parse_json(r, what)).collect();
    }
    let seal = this.unlocked().ok_or(StorageError::Locked)?;
    let places: Vec<(String, Option<String>)> = rows.iter().map(|r| row_place(store, r)).collect();
    let to_open: Vec<(&JsValue, Vec<u8>)> = sealed
        .iter()
        .zip(&places)
        .filter_map(|(s, (key, kind))| {
            s.as_ref().map(|s| (s, crate::domain::lock::additional_data(seal.key_id(), store, key, kind.as_deref())))
        })
        .collect();
    let mut opened = seal.open_all(&to_open).await.map_err(StorageError::Failed)?.into_iter();
    let mut out = Vec::with_capacity(rows.len());
    for ((row, s), (key, _)) in rows.iter().zip(&sealed).zip(&places) {
        if s.is_none() {
            out.push(parse_json(row, what)?);
            continue;
        }
        let text = opened.next().flatten().ok_or_else(|| StorageError::Corrupt(refused_message(what, key)))?;
        out.push(serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(format!("{what} {key}: {e}")))?);
    }
    Ok(out)
}

/// The records (or 地域診断) at `places` as stored now, opened, read in one transaction.
async fn read_current(this: &IdbStore, places: &[Place]) -> Result<HashMap<Place, StoredRecord>, StorageError> {
    if places.is_empty() {
        return Ok(HashMap::new());
    }
    let tx = this.read(&[STORE_DIAGNOSES, STORE_RECORDS])?;
    let mut requests = Vec::with_capacity(places.len());
    for p in places {
        let store = IdbStore::store(&tx, store_of(p))?;
        requests.push((p, store.get(&JsValue::from_str(p.1.as_str())).map_err(|e| storage_error(&e))?));
    }
    let mut rows: HashMap<&'static str, Vec<(Place, JsValue)>> = HashMap::new();
    for (p, request) in requests {
        let row = request_future(&request).await.map_err(|e| storage_error(&e))?;
        if !row.is_undefined() && !row.is_null() {
            rows.entry(store_of(p)).or_default().push((p.clone(), row));
        }
    }
    let mut found = HashMap::new();
    for (store, list) in rows {
        let values: Vec<JsValue> = list.iter().map(|(_, r)| r.clone()).collect();
        let records: Vec<StoredRecord> = decode(this, store, &values, "記録").await?;
        found.extend(list.into_iter().map(|(p, _)| p).zip(records));
    }
    Ok(found)
}

fn meta_json(r: &StoredRecord) -> Result<String, StorageError> {
    to_json(&r.meta)
}

/// Applies `batch` sealed with `seal` (see the module doc).
pub(super) async fn apply(this: &IdbStore, seal: &Rc<Seal>, batch: WriteBatch) -> Result<(), StorageError> {
    let written: Vec<Place> = if needs_before(&batch) {
        let mut p: Vec<Place> =
            batch.put_diagnoses.iter().chain(&batch.put_records).map(|r| place(r.meta.kind, &r.meta.id)).collect();
        p.sort();
        p.dedup();
        p
    } else {
        Vec::new()
    };
    let current = read_current(this, &written).await?;
    let seen: Vec<(Place, Option<RecordMeta>)> =
        written.iter().map(|p| (p.clone(), current.get(p).map(|r| r.meta.clone()))).collect();
    let entries = entries_of(&batch, |r| current.get(&place(r.meta.kind, &r.meta.id)));

    // What to seal, in order: 地域診断, records, drafts, history entries.
    let mut items = Vec::new();
    for d in &batch.put_diagnoses {
        items.push(ToSeal { store: STORE_DIAGNOSES, key: d.meta.id.as_str(), kind: None, text: to_json(d)? });
    }
    for r in &batch.put_records {
        items.push(ToSeal {
            store: STORE_RECORDS,
            key: r.meta.id.as_str(),
            kind: Some(r.meta.kind.key()),
            text: to_json(r)?,
        });
    }
    for d in &batch.put_drafts {
        items.push(ToSeal { store: STORE_DRAFTS, key: &d.key, kind: None, text: to_json(d)? });
    }
    for e in &entries {
        items.push(ToSeal { store: STORE_HISTORY, key: &e.id, kind: None, text: to_json(e)? });
    }
    let mut sealed = seal.seal_all(&items).await.map_err(StorageError::Failed)?.into_iter();
    let mut next = || sealed.next().ok_or_else(|| StorageError::Failed("暗号化の結果が足りません".to_string()));

    let mut rows = Rows::of(&WriteBatch { put_meta: batch.put_meta.clone(), ..WriteBatch::default() })?;
    for d in &batch.put_diagnoses {
        let row = keyed_row("id", d.meta.id.as_str(), meta_json(d)?);
        set(&row, "sealed", &next()?);
        rows.diagnoses.push(row);
    }
    for r in &batch.put_records {
        let row = IdbStore::record_row(r)?;
        set(&row, "json", &JsValue::from_str(&meta_json(r)?));
        set(&row, "sealed", &next()?);
        rows.records.push(row);
    }
    for d in &batch.put_drafts {
        let row = Object::new();
        set(&row, "key", &JsValue::from_str(&d.key));
        set(&row, "diagnosis_id", &JsValue::from_str(d.diagnosis_id.as_str()));
        set(&row, "sealed", &next()?);
        rows.drafts.push(row);
    }
    let mut history = Vec::with_capacity(entries.len());
    for e in &entries {
        let row = history_row(e)?;
        let _ = Reflect::delete_property(&row, &JsValue::from_str("json"));
        set(&row, "sealed", &next()?);
        history.push(row);
    }
    let planned = Planned::Ready { rows: history, trim: to_trim(&entries), seen };
    run(this, &batch, &rows, &planned).await
}

/// The lock as this connection knows it.
pub(crate) enum Mode {
    /// No lock on this database: rows are read and written plain.
    Off,
    /// The lock is on and the key not given: no row but `meta` is read or written.
    Locked,
    /// Unlocked: sealed rows are opened with the key; new writes are sealed when the flag is
    /// set (on, or being turned on) and plain when it is not (being turned off).
    Unlocked(Rc<Seal>, bool),
}

impl IdbStore {
    /// Starts locked when the database has the lock on (its [`STATE_META`] is set).
    pub(super) async fn read_lock_state(&self) -> Result<(), StorageError> {
        use crate::storage::Store;
        let state = self.get_meta(STATE_META).await?;
        if state.is_some_and(|v| !v.is_null()) {
            *self.seal.borrow_mut() = Mode::Locked;
        }
        Ok(())
    }

    /// Whether the lock is on and the key not given.
    pub fn is_locked(&self) -> bool {
        matches!(*self.seal.borrow(), Mode::Locked)
    }

    /// [`StorageError::Locked`] while locked.
    pub(super) fn check_unlocked(&self) -> Result<(), StorageError> {
        if self.is_locked() {
            Err(StorageError::Locked)
        } else {
            Ok(())
        }
    }

    /// One row of `store`, parsed or opened.
    pub(super) async fn get_decoded<T: DeserializeOwned>(
        &self,
        store: &str,
        key: &str,
        what: &str,
    ) -> Result<Option<T>, StorageError> {
        let Some(row) = self.get_one(store, key).await? else { return Ok(None) };
        Ok(decode(self, store, &[row], what).await?.pop())
    }

    /// The unlocked key, if any.
    pub fn unlocked(&self) -> Option<Rc<Seal>> {
        match &*self.seal.borrow() {
            Mode::Unlocked(s, _) => Some(s.clone()),
            _ => None,
        }
    }

    /// The key new writes are sealed with, if they are.
    pub(super) fn sealing(&self) -> Option<Rc<Seal>> {
        match &*self.seal.borrow() {
            Mode::Unlocked(s, true) => Some(s.clone()),
            _ => None,
        }
    }

    /// 端末のロック: reads open sealed rows with `seal`, and new writes are sealed when
    /// `write_sealed` (the lock is on or being turned on) or plain (being turned off).
    pub fn set_seal(&self, seal: Rc<Seal>, write_sealed: bool) {
        *self.seal.borrow_mut() = Mode::Unlocked(seal, write_sealed);
    }

    /// ロック: forgets the key; no row but `meta` is read or written until it is given again.
    pub fn lock(&self) {
        *self.seal.borrow_mut() = Mode::Locked;
    }

    /// The lock was turned off (every row is plain again).
    pub fn set_lock_off(&self) {
        *self.seal.borrow_mut() = Mode::Off;
    }
}
