//! Turning the lock on or off: every row sealed (or opened) in place, in batches of
//! [`SWEEP_BATCH`] rows, each batch one transaction. A row is replaced only if it is still the
//! row that was read (a save meanwhile wrote it the right way already), so each row is at every
//! moment wholly plain or wholly sealed; the [`LockState`] in `meta` says which way the sweep
//! runs, and a sweep cut short runs again, from where it stopped, at the next unlock.

use super::{request_future, set, storage_error, transaction_future, IdbStore};
use crate::domain::lock::{additional_data, row_step, LockState, RowStep, SWEEP_BATCH};
use crate::domain::record::RecordMeta;
use crate::storage::schema::{STORE_DIAGNOSES, STORE_DRAFTS, STORE_HISTORY, STORE_RECORDS};
use crate::storage::seal::{sealed_part, sealed_with, ToSeal};
use crate::storage::StorageError;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The stores whose rows are sealed (`meta` stays plain).
const SEALED_STORES: [&str; 4] = [STORE_DIAGNOSES, STORE_RECORDS, STORE_DRAFTS, STORE_HISTORY];

/// What a finished sweep found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Rows sealed or opened.
    pub changed: usize,
    /// Rows sealed with a key this device no longer has (left as they are).
    pub foreign: usize,
}

fn text(row: &JsValue, key: &str) -> Option<String> {
    Reflect::get(row, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

/// The row's key in its store.
fn key_of(store: &str, row: &JsValue) -> String {
    text(row, if store == STORE_DRAFTS { "key" } else { "id" }).unwrap_or_default()
}

/// What makes a row the row that was read: its plain text, or its sealed IV.
fn fingerprint(row: &JsValue) -> String {
    let iv = sealed_part(row)
        .and_then(|s| Reflect::get(&s, &JsValue::from_str("iv")).ok())
        .and_then(|iv| iv.dyn_into::<Uint8Array>().ok())
        .map(|iv| iv.to_vec())
        .unwrap_or_default();
    format!("{}|{iv:?}", text(row, "json").unwrap_or_default())
}

struct Job {
    store: &'static str,
    row: JsValue,
    step: RowStep,
}

impl IdbStore {
    async fn all_rows(&self, store: &str) -> Result<Vec<JsValue>, StorageError> {
        let tx = self.read(&[store])?;
        let request = IdbStore::store(&tx, store)?.get_all().map_err(|e| storage_error(&e))?;
        Ok(Array::from(&request_future(&request).await.map_err(|e| storage_error(&e))?).iter().collect())
    }

    /// Runs the sweep of `state` (see the module doc), telling `progress(done, total)`.
    pub async fn sweep(&self, state: &LockState, progress: &dyn Fn(usize, usize)) -> Result<Swept, StorageError> {
        let mut jobs = Vec::new();
        let mut swept = Swept::default();
        for store in SEALED_STORES {
            for row in self.all_rows(store).await? {
                let with = sealed_part(&row).and_then(|s| sealed_with(&s));
                match row_step(state, with.as_deref()) {
                    RowStep::Keep => {}
                    RowStep::Foreign => swept.foreign += 1,
                    step => jobs.push(Job { store, row, step }),
                }
            }
        }
        let total = jobs.len();
        progress(0, total);
        for (i, part) in jobs.chunks(SWEEP_BATCH).enumerate() {
            let rows = self.turned(part).await?;
            swept.changed += self.replace(part, &rows).await?;
            progress((i * SWEEP_BATCH + part.len()).min(total), total);
        }
        Ok(swept)
    }

    /// The new rows of `part`: sealed or opened.
    async fn turned(&self, part: &[Job]) -> Result<Vec<Object>, StorageError> {
        let seal = self.unlocked().ok_or(StorageError::Locked)?;
        let keys: Vec<String> = part.iter().map(|j| key_of(j.store, &j.row)).collect();
        let kinds: Vec<Option<String>> =
            part.iter().map(|j| if j.store == STORE_RECORDS { text(&j.row, "kind") } else { None }).collect();
        let mut to_seal = Vec::new();
        let mut to_open = Vec::new();
        for (i, j) in part.iter().enumerate() {
            match j.step {
                RowStep::Seal => to_seal.push(ToSeal {
                    store: j.store,
                    key: &keys[i],
                    kind: kinds[i].as_deref(),
                    text: text(&j.row, "json").unwrap_or_default(),
                }),
                _ => to_open.push((
                    sealed_part(&j.row).unwrap_or(JsValue::UNDEFINED),
                    additional_data(seal.key_id(), j.store, &keys[i], kinds[i].as_deref()),
                )),
            }
        }
        let mut sealed = seal.seal_all(&to_seal).await.map_err(StorageError::Failed)?.into_iter();
        let refs: Vec<(&JsValue, Vec<u8>)> = to_open.iter().map(|(s, ad)| (s, ad.clone())).collect();
        let mut opened = seal.open_all(&refs).await.map_err(StorageError::Failed)?.into_iter();
        let mut out = Vec::with_capacity(part.len());
        for (i, j) in part.iter().enumerate() {
            let row = Object::assign(&Object::new(), j.row.unchecked_ref());
            if j.step == RowStep::Seal {
                let plain = text(&j.row, "json").unwrap_or_default();
                let _ = Reflect::delete_property(&row, &JsValue::from_str("json"));
                if j.store == STORE_DIAGNOSES || j.store == STORE_RECORDS {
                    let meta: RecordMeta = serde_json::from_str(&plain)
                        .map_err(|e| StorageError::Corrupt(format!("記録 {}: {e}", keys[i])))?;
                    let meta = serde_json::to_string(&meta).map_err(|e| StorageError::Failed(e.to_string()))?;
                    set(&row, "json", &JsValue::from_str(&meta));
                }
                set(&row, "sealed", &sealed.next().unwrap_or(JsValue::UNDEFINED));
            } else {
                let plain = opened
                    .next()
                    .flatten()
                    .ok_or_else(|| StorageError::Corrupt(crate::domain::lock::refused_message("記録", &keys[i])))?;
                let _ = Reflect::delete_property(&row, &JsValue::from_str("sealed"));
                set(&row, "json", &JsValue::from_str(&plain));
            }
            out.push(row);
        }
        Ok(out)
    }

    /// Puts each new row where the old one still is as read, in one transaction: how many.
    async fn replace(&self, part: &[Job], rows: &[Object]) -> Result<usize, StorageError> {
        let mut stores: Vec<&str> = part.iter().map(|j| j.store).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.write_transaction(&stores)?;
        let done = transaction_future(&tx);
        let mut requests = Vec::with_capacity(part.len());
        for j in part {
            let key = JsValue::from_str(&key_of(j.store, &j.row));
            requests.push(IdbStore::store(&tx, j.store)?.get(&key).map_err(|e| storage_error(&e))?);
        }
        let mut replaced = 0;
        for ((j, row), request) in part.iter().zip(rows).zip(requests) {
            let now = request_future(&request).await.map_err(|e| storage_error(&e))?;
            if !now.is_undefined() && fingerprint(&now) == fingerprint(&j.row) {
                IdbStore::store(&tx, j.store)?.put(row).map_err(|e| storage_error(&e))?;
                replaced += 1;
            }
        }
        done.await.map_err(|e| storage_error(&e))?;
        Ok(replaced)
    }
}
