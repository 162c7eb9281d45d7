//! [`Store::apply`](super::Store::apply) on IndexedDB: one batch, one read-write transaction.
//! Its preconditions ([`Expect`](crate::storage::Expect)) and the 変更履歴 are read and
//! decided inside that transaction, so a save that is refused writes nothing (its history
//! included) and a history entry always describes the revision it sits beside.

use super::{parse_json, set, storage_error, to_json, transaction_future, IdbStore};
use crate::domain::history::{beyond_keep, HistoryEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordKind, RecordMeta, StoredRecord};
use crate::storage::history::{entries_of, needs_before, to_trim};
use crate::storage::schema::{
    INDEX_DIAGNOSIS, INDEX_RECORD, STORE_DIAGNOSES, STORE_DRAFTS, STORE_HISTORY, STORE_META, STORE_RECORDS,
};
use crate::storage::{StorageError, WriteBatch};
use js_sys::{Array, Object};
use std::collections::HashMap;
use wasm_bindgen::JsValue;
use web_sys::{IdbObjectStore, IdbRequest, IdbTransaction};

/// A record's place: its store (地域診断 are kept apart) and its ID.
pub(super) type Place = (bool, RecordId);

pub(super) fn place(kind: RecordKind, id: &RecordId) -> Place {
    (kind == RecordKind::Diagnosis, id.clone())
}

pub(super) fn store_of(place: &Place) -> &'static str {
    if place.0 {
        STORE_DIAGNOSES
    } else {
        STORE_RECORDS
    }
}

/// The rows of a batch, serialised before the transaction starts: nothing but IndexedDB
/// requests (and the history's comparison of the rows read) happens while it is open.
pub(super) struct Rows {
    pub(super) diagnoses: Vec<Object>,
    pub(super) records: Vec<Object>,
    pub(super) drafts: Vec<Object>,
    pub(super) meta: Vec<Object>,
}

/// The 変更履歴 of a batch: made in the write transaction against the rows it reads (plain
/// store), or planned before it (sealed store: Web Crypto cannot run inside a transaction)
/// against the records as they were read then, which the transaction checks are unchanged.
pub(super) enum Planned {
    InTx,
    Ready {
        /// The entries' rows, sealed.
        rows: Vec<Object>,
        /// The records whose old entries to drop ([`to_trim`]).
        trim: Vec<RecordId>,
        /// Each written record as it was when the entries were made (`None`: absent).
        seen: Vec<(Place, Option<RecordMeta>)>,
    },
}

pub(super) fn keyed_row(key_name: &str, key: &str, json: String) -> Object {
    let row = Object::new();
    set(&row, key_name, &JsValue::from_str(key));
    set(&row, "json", &JsValue::from_str(&json));
    row
}

impl Rows {
    pub(super) fn of(batch: &WriteBatch) -> Result<Rows, StorageError> {
        let diagnoses = batch
            .put_diagnoses
            .iter()
            .map(|d| Ok(keyed_row("id", d.meta.id.as_str(), to_json(d)?)))
            .collect::<Result<_, StorageError>>()?;
        let records = batch.put_records.iter().map(IdbStore::record_row).collect::<Result<_, _>>()?;
        let drafts = batch
            .put_drafts
            .iter()
            .map(|d| {
                let row = keyed_row("key", &d.key, to_json(d)?);
                set(&row, "diagnosis_id", &JsValue::from_str(d.diagnosis_id.as_str()));
                Ok(row)
            })
            .collect::<Result<_, StorageError>>()?;
        let meta = batch
            .put_meta
            .iter()
            .map(|(k, v)| Ok(keyed_row("key", k, to_json(v)?)))
            .collect::<Result<_, StorageError>>()?;
        Ok(Rows { diagnoses, records, drafts, meta })
    }
}

/// A history entry's row: `{id, record_id, diagnosis_id, json}`.
pub(super) fn history_row(e: &HistoryEntry) -> Result<Object, StorageError> {
    let row = keyed_row("id", &e.id, to_json(e)?);
    set(&row, "record_id", &JsValue::from_str(e.record_id.as_str()));
    set(&row, "diagnosis_id", &JsValue::from_str(e.diagnosis_id.as_str()));
    Ok(row)
}

/// The stores a batch touches (only those are locked).
fn scope(batch: &WriteBatch, rows: &Rows, planned: &Planned) -> Vec<&'static str> {
    let purging = !batch.purge_diagnoses.is_empty();
    let expects_diagnosis = batch.expect.iter().any(|e| e.kind == RecordKind::Diagnosis) || !batch.listed.is_empty();
    let expects_record = batch.expect.iter().any(|e| e.kind != RecordKind::Diagnosis);
    let history = needs_before(batch)
        || !batch.put_history.is_empty()
        || !batch.purge_records.is_empty()
        || purging
        || matches!(planned, Planned::Ready { rows, .. } if !rows.is_empty());
    [
        (STORE_DIAGNOSES, !rows.diagnoses.is_empty() || purging || expects_diagnosis),
        (STORE_RECORDS, !rows.records.is_empty() || !batch.purge_records.is_empty() || purging || expects_record),
        (STORE_DRAFTS, !rows.drafts.is_empty() || !batch.delete_drafts.is_empty() || purging),
        (STORE_META, !rows.meta.is_empty()),
        (STORE_HISTORY, history),
    ]
    .into_iter()
    .filter_map(|(name, used)| used.then_some(name))
    .collect()
}

/// Applies `batch` (see the module doc).
pub(super) async fn apply(this: &IdbStore, batch: WriteBatch) -> Result<(), StorageError> {
    if batch.is_empty() {
        return Ok(());
    }
    if this.preloaded.replace(0) != 0 {
        crate::storage::early::drop_rows();
    }
    // While locked only app facts (`meta`: the lock's own bookkeeping) are written.
    if this.is_locked() && !batch.only_meta() {
        return Err(StorageError::Locked);
    }
    if let Some(seal) = this.sealing() {
        return super::sealed::apply(this, &seal, batch).await;
    }
    let rows = Rows::of(&batch)?;
    run(this, &batch, &rows, &Planned::InTx).await
}

/// Writes `rows` of `batch` in one read-write transaction, checking its preconditions there.
pub(super) async fn run(
    this: &IdbStore,
    batch: &WriteBatch,
    rows: &Rows,
    planned: &Planned,
) -> Result<(), StorageError> {
    let tx = this.write_transaction(&scope(batch, rows, planned))?;
    let done = transaction_future(&tx);
    if let Err(e) = write(&tx, batch, rows, planned).await {
        let _ = tx.abort();
        let _ = done.await;
        return Err(e);
    }
    done.await.map(|_| ()).map_err(|e| storage_error(&e))
}

fn err(e: JsValue) -> StorageError {
    storage_error(&e)
}

/// The rows as they are of every record the batch expects, and (for its history) of every
/// record it writes: queued before any write, read in this transaction.
async fn read_before(tx: &IdbTransaction, batch: &WriteBatch) -> Result<HashMap<Place, JsValue>, StorageError> {
    let mut places: Vec<Place> = batch.expect.iter().map(|e| place(e.kind, &e.id)).collect();
    places.extend(batch.listed.iter().map(|id| place(RecordKind::Diagnosis, id)));
    if needs_before(batch) {
        places.extend(batch.put_diagnoses.iter().chain(&batch.put_records).map(|r| place(r.meta.kind, &r.meta.id)));
    }
    places.sort();
    places.dedup();
    let mut requests: Vec<(Place, IdbRequest)> = Vec::with_capacity(places.len());
    for p in places {
        let request = IdbStore::store(tx, store_of(&p))?.get(&JsValue::from_str(p.1.as_str())).map_err(err)?;
        requests.push((p, request));
    }
    let mut found = HashMap::with_capacity(requests.len());
    for (p, request) in requests {
        let row = super::request_future(&request).await.map_err(err)?;
        if !row.is_undefined() && !row.is_null() {
            found.insert(p, row);
        }
    }
    Ok(found)
}

/// The keys of the rows of `store`'s `index` with key `key`.
async fn keys_by_index(store: &IdbObjectStore, index: &str, key: &str) -> Result<Vec<JsValue>, StorageError> {
    let request = store.index(index).and_then(|i| i.get_all_keys_with_key(&JsValue::from_str(key))).map_err(err)?;
    let keys = super::request_future(&request).await.map_err(err)?;
    Ok(Array::from(&keys).iter().collect())
}

async fn write(tx: &IdbTransaction, batch: &WriteBatch, rows: &Rows, planned: &Planned) -> Result<(), StorageError> {
    let store = |name: &str| IdbStore::store(tx, name);
    // Preconditions first: nothing is written when a record changed since it was read.
    let before = read_before(tx, batch).await?;
    let mut changed = Vec::new();
    for e in &batch.expect {
        let found = match before.get(&place(e.kind, &e.id)) {
            Some(row) => Some(parse_json::<RecordMeta>(row, e.id.as_str())?),
            None => None,
        };
        if !e.holds(found.as_ref()) {
            changed.push(e.id.clone());
        }
    }
    if !changed.is_empty() {
        return Err(StorageError::Changed(changed));
    }
    batch.check_listed(|id| {
        before.get(&place(RecordKind::Diagnosis, id)).map(|row| parse_json::<RecordMeta>(row, id.as_str())).transpose()
    })?;
    let (history_rows, trim) = match planned {
        Planned::InTx => {
            let entries = history_entries(batch, &before)?;
            (entries.iter().map(history_row).collect::<Result<Vec<_>, _>>()?, to_trim(&entries))
        }
        Planned::Ready { rows, trim, seen } => {
            check_seen(seen, &before)?;
            (rows.clone(), trim.clone())
        }
    };
    // Bulk puts are issued without awaiting each one; the transaction's completion is
    // awaited once at the end.
    for row in &rows.diagnoses {
        store(STORE_DIAGNOSES)?.put(row).map_err(err)?;
    }
    if !rows.records.is_empty() || !batch.purge_records.is_empty() {
        let records = store(STORE_RECORDS)?;
        for row in &rows.records {
            records.put(row).map_err(err)?;
        }
        for id in &batch.purge_records {
            records.delete(&JsValue::from_str(id.as_str())).map_err(err)?;
        }
    }
    write_history(tx, batch, &history_rows, trim).await?;
    for id in &batch.purge_diagnoses {
        let key = JsValue::from_str(id.as_str());
        store(STORE_DIAGNOSES)?.delete(&key).map_err(err)?;
        for what in [STORE_RECORDS, STORE_DRAFTS, STORE_HISTORY] {
            let s = store(what)?;
            let keys = keys_by_index(&s, INDEX_DIAGNOSIS, id.as_str())
                .await
                .map_err(|e| StorageError::Failed(format!("{what}: {e:?}")))?;
            for k in keys {
                s.delete(&k).map_err(err)?;
            }
        }
    }
    if !rows.drafts.is_empty() || !batch.delete_drafts.is_empty() {
        let drafts = store(STORE_DRAFTS)?;
        for row in &rows.drafts {
            drafts.put(row).map_err(err)?;
        }
        for key in &batch.delete_drafts {
            drafts.delete(&JsValue::from_str(key)).map_err(err)?;
        }
    }
    for row in &rows.meta {
        store(STORE_META)?.put(row).map_err(err)?;
    }
    Ok(())
}

/// Fails with [`StorageError::Changed`] when a record the planned history was made against is
/// no longer as it was then.
fn check_seen(seen: &[(Place, Option<RecordMeta>)], before: &HashMap<Place, JsValue>) -> Result<(), StorageError> {
    let mut changed = Vec::new();
    for (p, meta) in seen {
        let now = before.get(p).map(|row| parse_json::<RecordMeta>(row, p.1.as_str())).transpose()?;
        if &now != meta {
            changed.push(p.1.clone());
        }
    }
    if changed.is_empty() {
        Ok(())
    } else {
        Err(StorageError::Changed(changed))
    }
}

/// The entries of this batch, against the records as they were read.
fn history_entries(batch: &WriteBatch, before: &HashMap<Place, JsValue>) -> Result<Vec<HistoryEntry>, StorageError> {
    if !needs_before(batch) {
        return Ok(batch.put_history.clone());
    }
    let mut records: HashMap<Place, StoredRecord> = HashMap::new();
    for r in batch.put_diagnoses.iter().chain(&batch.put_records) {
        let p = place(r.meta.kind, &r.meta.id);
        if let Some(row) = before.get(&p) {
            records.insert(p, parse_json::<StoredRecord>(row, r.meta.id.as_str())?);
        }
    }
    Ok(entries_of(batch, |r| records.get(&place(r.meta.kind, &r.meta.id))))
}

/// Writes the entries, drops each written record's entries beyond the ones it keeps, and
/// removes the history of purged records.
async fn write_history(
    tx: &IdbTransaction,
    batch: &WriteBatch,
    rows: &[Object],
    trim: Vec<RecordId>,
) -> Result<(), StorageError> {
    if rows.is_empty() && batch.purge_records.is_empty() {
        return Ok(());
    }
    let history = IdbStore::store(tx, STORE_HISTORY)?;
    for row in rows {
        history.put(row).map_err(err)?;
    }
    for record in trim {
        let keys = keys_by_index(&history, INDEX_RECORD, record.as_str()).await?;
        let ids: Vec<String> = keys.iter().filter_map(JsValue::as_string).collect();
        for id in beyond_keep(&ids, 0) {
            history.delete(&JsValue::from_str(&id)).map_err(err)?;
        }
    }
    for id in &batch.purge_records {
        for k in keys_by_index(&history, INDEX_RECORD, id.as_str()).await? {
            history.delete(&k).map_err(err)?;
        }
    }
    Ok(())
}
