//! 保存: the store behind a small async trait.
//!
//! [`Store`] is implemented twice: [`memory::MemoryStore`] (native tests, and a fallback
//! that the UI never uses silently) and, in the browser, `idb::IdbStore` on IndexedDB. One
//! contract suite ([`contract`]) runs against both.
//!
//! Every write goes through [`Store::apply`] with a [`WriteBatch`], which is **one**
//! transaction: either all of it is saved or none of it.

pub mod contract;
mod contract_history;
pub mod history;
pub mod memory;

#[cfg(target_arch = "wasm32")]
pub mod early;
#[cfg(target_arch = "wasm32")]
pub mod idb;
#[cfg(target_arch = "wasm32")]
pub mod lock;
#[cfg(target_arch = "wasm32")]
pub mod migrations;
pub mod schema;
#[cfg(target_arch = "wasm32")]
pub mod seal;

use crate::domain::diagnosis::trash::is_listed;
use crate::domain::history::{HistoryEntry, Stamp};
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordKind, RecordMeta, StoredRecord};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::future::Future;

/// 下書き: a half-filled form, kept until it is saved or discarded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Which form: e.g. `patient:<record id>` or `patient:new:<diagnosis id>`.
    pub key: String,
    pub diagnosis_id: RecordId,
    pub saved_at: Timestamp,
    /// The form's text fields as typed.
    pub data: serde_json::Value,
    /// The record body the draft was made on (for an existing record), so that restoring it
    /// writes only the fields typed in it over values saved or imported since. Drafts
    /// written before this field existed have none; they are restored onto the record as it
    /// is now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<serde_json::Value>,
}

/// Everything one save writes, applied in one transaction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteBatch {
    /// 地域診断 records to add or replace.
    pub put_diagnoses: Vec<StoredRecord>,
    /// Other records to add or replace.
    pub put_records: Vec<StoredRecord>,
    /// Records to remove for good (emptying the trash). Use `deleted_at` to trash.
    pub purge_records: Vec<RecordId>,
    /// 地域診断 to remove for good, with all their records and drafts.
    pub purge_diagnoses: Vec<RecordId>,
    pub put_drafts: Vec<Draft>,
    pub delete_drafts: Vec<String>,
    /// Small app facts (e.g. 最終エクスポート日時).
    pub put_meta: Vec<(String, serde_json::Value)>,
    /// What the batch was planned against: checked inside the write transaction, and when
    /// any of these records is no longer as it was read, nothing is written and
    /// [`StorageError::Changed`] names them (another tab saved or imported meanwhile).
    pub expect: Vec<Expect>,
    /// 変更履歴: who saves and why. When set, storage keeps an entry for every 地域診断 and
    /// record the batch writes that changed (each field old → new), made in the write
    /// transaction against the record as stored. `None` (a benchmark's bulk write) keeps none.
    pub history: Option<Stamp>,
    /// History entries to keep as they are (read from a bundle).
    pub put_history: Vec<HistoryEntry>,
    /// 地域診断 that must be on the list (stored and not in the ゴミ箱) when the batch is
    /// written: checked inside the write transaction, and when one was moved to the ゴミ箱 or
    /// removed meanwhile (in another tab), nothing is written ([`StorageError::NotListed`]).
    /// Set by [`WriteBatch::require_listed`] for a save; an import may write into the ゴミ箱.
    pub listed: Vec<RecordId>,
}

/// One record as a batch was planned against it (optimistic concurrency: a save or an import
/// never overwrites a revision it has not seen).
#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    pub id: RecordId,
    /// Which store: [`RecordKind::Diagnosis`] is kept apart from the other kinds.
    pub kind: RecordKind,
    /// The metadata read (`None`: the record must not exist yet).
    pub meta: Option<RecordMeta>,
}

impl Expect {
    /// The record must still be as `record` is.
    pub fn unchanged(record: &StoredRecord) -> Expect {
        Expect { id: record.meta.id.clone(), kind: record.meta.kind, meta: Some(record.meta.clone()) }
    }

    /// The record must not exist yet (a new record under a fixed or fresh ID).
    pub fn absent(id: RecordId, kind: RecordKind) -> Expect {
        Expect { id, kind, meta: None }
    }

    /// Whether `found` (what the store holds now) is what was expected.
    pub fn holds(&self, found: Option<&RecordMeta>) -> bool {
        self.meta.as_ref() == found
    }
}

impl WriteBatch {
    /// Nothing is saved in a 地域診断 in the ゴミ箱: every 地域診断 this batch writes records
    /// into must be on the list when it is written (one the batch writes itself is not asked
    /// about).
    pub fn require_listed(&mut self) {
        let own: BTreeSet<&RecordId> = self.put_diagnoses.iter().map(|d| &d.meta.id).collect();
        let into: BTreeSet<&RecordId> = self.put_records.iter().map(|r| &r.meta.diagnosis_id).collect();
        for id in into.difference(&own) {
            if !self.listed.contains(id) {
                self.listed.push((*id).clone());
            }
        }
    }

    /// Fails with [`StorageError::NotListed`] when a 地域診断 of [`WriteBatch::listed`] is not
    /// on the list as `stored` (what the transaction read) finds it.
    pub fn check_listed(
        &self,
        mut stored: impl FnMut(&RecordId) -> Result<Option<RecordMeta>, StorageError>,
    ) -> Result<(), StorageError> {
        let mut gone = Vec::new();
        for id in &self.listed {
            if !is_listed(stored(id)?.as_ref()) {
                gone.push(id.clone());
            }
        }
        if gone.is_empty() {
            Ok(())
        } else {
            Err(StorageError::NotListed(gone))
        }
    }

    /// Whether the batch writes or removes any record, draft or 変更履歴 (anything but meta).
    fn touches_data(&self) -> bool {
        !(self.put_diagnoses.is_empty()
            && self.put_records.is_empty()
            && self.purge_records.is_empty()
            && self.purge_diagnoses.is_empty()
            && self.put_drafts.is_empty()
            && self.delete_drafts.is_empty()
            && self.put_history.is_empty())
    }

    /// Whether the batch writes app facts ([`WriteBatch::put_meta`]) and nothing else.
    pub fn only_meta(&self) -> bool {
        !self.touches_data() && self.expect.is_empty() && self.listed.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        !self.touches_data() && self.put_meta.is_empty()
    }
}

/// Why storage failed. Every variant has a Japanese message for the nurse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is not available (private browsing, disabled by policy).
    Unavailable(String),
    /// The device's storage quota is exhausted.
    QuotaExceeded,
    /// A schema upgrade waits for another tab that still has the old version open.
    Blocked,
    /// This tab's connection was closed because another tab upgraded the database.
    VersionChanged,
    /// The database on this device was written by a newer version of the app.
    TooNew { found: u32, supported: u32 },
    /// A stored record could not be read.
    Corrupt(String),
    /// The transaction was aborted or another error occurred.
    Failed(String),
    /// Records the batch was planned against changed meanwhile (in another tab): nothing was
    /// written. The caller reads them again and plans anew.
    Changed(Vec<RecordId>),
    /// A save into 地域診断 that were moved to the ゴミ箱 or removed meanwhile: nothing was
    /// written.
    NotListed(Vec<RecordId>),
    /// 端末のロック: the data on this device is sealed and the passphrase has not been given
    /// (or the device was locked meanwhile). Nothing was read or written.
    Locked,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(detail) => write!(
                f,
                "この端末ではデータを保存できません（IndexedDB が使えません）。プライベートブラウズ（InPrivate・シークレット）をやめるか、システム担当者にご相談ください。詳細: {detail}"
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "端末の保存容量が足りないため保存できませんでした。入力中の内容は画面に残っています。不要なファイルを削除するか、データを書き出してから古い地域診断を削除してください。"
            ),
            StorageError::Blocked => write!(
                f,
                "別のタブで古い版のこのアプリが開いているため、データベースを更新できません。ほかのタブを閉じてください。"
            ),
            StorageError::VersionChanged => write!(
                f,
                "別のタブでアプリが新しい版に更新されました。保存済みのデータは安全です。このページを再読み込みしてください。"
            ),
            StorageError::TooNew { found, supported } => write!(
                f,
                "この端末のデータは新しい版のアプリで保存されています（データ版 {found}、このアプリは {supported} まで）。ページを再読み込みして最新版を使ってください。"
            ),
            StorageError::Corrupt(detail) => write!(f, "保存されたデータの一部を読み取れません: {detail}"),
            StorageError::Failed(detail) => write!(f, "保存に失敗しました: {detail}"),
            StorageError::Changed(ids) => write!(
                f,
                "保存する間に別の画面（タブ）で記録が変わったため、保存していません（{}件）。最新の内容を読み込み直してからもう一度保存してください。",
                ids.len()
            ),
            StorageError::NotListed(_) => write!(
                f,
                "この地域診断は別の画面（タブ）でゴミ箱に移されたか削除されたため、保存していません。続けるには「地域診断の一覧」の「ゴミ箱」から元に戻してください。"
            ),
            StorageError::Locked => write!(
                f,
                "この端末はロックされています。パスワードを入力してロックを解除してください。入力中の内容は下書きとして暗号化して残っています。"
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// The store. Futures are not `Send`: the browser is single-threaded.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// All 地域診断 on this device (including trashed ones).
    fn list_diagnoses(&self) -> impl Future<Output = Result<Vec<StoredRecord>, StorageError>>;

    /// One 地域診断.
    fn get_diagnosis(&self, id: &RecordId) -> impl Future<Output = Result<Option<StoredRecord>, StorageError>>;

    /// All records of one 地域診断 (every kind, including trashed ones).
    fn list_records(&self, diagnosis_id: &RecordId) -> impl Future<Output = Result<Vec<StoredRecord>, StorageError>>;

    /// One record.
    fn get_record(&self, id: &RecordId) -> impl Future<Output = Result<Option<StoredRecord>, StorageError>>;

    /// One draft.
    fn get_draft(&self, key: &str) -> impl Future<Output = Result<Option<Draft>, StorageError>>;

    /// The drafts of one 地域診断.
    fn list_drafts(&self, diagnosis_id: &RecordId) -> impl Future<Output = Result<Vec<Draft>, StorageError>>;

    /// A small app fact.
    fn get_meta(&self, key: &str) -> impl Future<Output = Result<Option<serde_json::Value>, StorageError>>;

    /// The 変更履歴 of one record (its entries in any order).
    fn list_history(&self, record: &RecordId) -> impl Future<Output = Result<Vec<HistoryEntry>, StorageError>>;

    /// The 変更履歴 of every record of one 地域診断 (for an export).
    fn list_diagnosis_history(
        &self,
        diagnosis: &RecordId,
    ) -> impl Future<Output = Result<Vec<HistoryEntry>, StorageError>>;

    /// How many history entries the device keeps (for the storage status).
    fn count_history(&self) -> impl Future<Output = Result<u64, StorageError>>;

    /// Applies a batch in one transaction; resolves only when the transaction has completed.
    fn apply(&self, batch: WriteBatch) -> impl Future<Output = Result<(), StorageError>>;
}

/// Every record on the device (every 地域診断 and all their records, ゴミ箱 included), read
/// 地域診断 by 地域診断 so `progress(done, total)` can say how far it got. (Export and import
/// read the whole device this way.)
pub async fn load_all(store: &impl Store, progress: impl Fn(usize, usize)) -> Result<Vec<StoredRecord>, StorageError> {
    let diagnoses = store.list_diagnoses().await?;
    let total = diagnoses.len();
    let mut all = Vec::new();
    for (i, d) in diagnoses.iter().enumerate() {
        progress(i, total);
        all.extend(store.list_records(&d.meta.id).await?);
    }
    all.extend(diagnoses);
    progress(total, total);
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::Draft;

    /// A draft as the previous version wrote it (no `base`) still reads.
    #[test]
    fn a_draft_written_before_the_base_field_reads() {
        let old = r#"{"key":"patient:p1","diagnosis_id":"d1","saved_at":5,"data":{"name":"途中"}}"#;
        let draft: Draft = serde_json::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.base, None);
        assert_eq!(draft.data["name"], "途中");
        let text = serde_json::to_string(&draft).unwrap_or_else(|e| panic!("{e}"));
        assert!(!text.contains("base"), "no base written when there is none: {text}");
    }
}
