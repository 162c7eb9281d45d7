//! 変更履歴: each save of a record keeps who saved it, when, and each field it changed (old →
//! new). Storage writes the entries in the transaction of the save itself (see
//! `storage::WriteBatch::history`), comparing the record as stored before with the record
//! written, so every way of saving — a form, a table, the ゴミ箱, an import — is recorded
//! the same way and nothing is recorded for a save that did not happen.
//!
//! A record keeps its latest [`KEEP_PER_RECORD`] entries; older ones are dropped when the
//! next entry of that record is written. 「この版に戻す」 never rewrites history: it is a new
//! save whose entry says what it restored ([`Cause::Revert`]).

mod restore;
mod rows;
#[cfg(test)]
mod tests;

pub use restore::{body_after, revert_field, RevertPlan};
pub use rows::{entry_rows, field_rows, record_title, EntryRow, FieldRow, HIDDEN};

use super::ids::{DeviceId, RecordId};
use super::record::{leaf_paths, RecordKind, StoredRecord};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// How many entries a record keeps (the oldest beyond it are dropped at its next save). A
/// patient edited every week for two years stays within it; 10 edits of 1,000 patients add
/// about 10,000 small entries.
pub const KEEP_PER_RECORD: usize = 100;

/// What a save did to the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 作成
    Created,
    /// 変更
    Edited,
    /// ゴミ箱へ
    Trashed,
    /// ゴミ箱から戻す
    Restored,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Created => "作成",
            Action::Edited => "変更",
            Action::Trashed => "ゴミ箱へ移動",
            Action::Restored => "ゴミ箱から戻す",
        }
    }
}

/// Why the record was saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum Cause {
    /// 入力 (a form, a table, a button of the app).
    #[default]
    Input,
    /// 取り込み (a bundle or spreadsheet import).
    Import,
    /// 履歴から戻す: the entry (its [`HistoryEntry::id`]) whose version was restored, or, with
    /// `field`, the change of that entry whose field was put back to its value before.
    Revert {
        entry: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    },
}

impl Cause {
    fn is_input(&self) -> bool {
        *self == Cause::Input
    }

    pub fn label(&self) -> &'static str {
        match self {
            Cause::Input => "入力",
            Cause::Import => "取り込み",
            Cause::Revert { .. } => "履歴から戻す",
        }
    }
}

/// Who saved and why: given with a batch (`WriteBatch::history`); storage adds when and what.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// 担当者: the staff name set on this device (blank when none is set).
    pub by: String,
    pub cause: Cause,
}

/// One field changed by a save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    /// Field path in the body (`neurology/name`).
    pub path: String,
    /// The value before (`None`: the field was not there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The value after (`None`: the field was removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// One save of one record (a bundle's entries are read strictly: an unknown key is refused).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// `<record>#<rev, 10 digits>@<device>`: the revision it made, so the same save never
    /// counts twice (e.g. when it comes back in a bundle) and a record's entries sort by
    /// revision.
    pub id: String,
    pub record_id: RecordId,
    pub diagnosis_id: RecordId,
    pub kind: RecordKind,
    /// The revision written.
    pub rev: u64,
    pub at: Timestamp,
    pub device: DeviceId,
    /// 担当者 (blank when none was set on the device).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "Cause::is_input")]
    pub cause: Cause,
    pub action: Action,
    /// The fields changed, in path order (none for [`Action::Created`]: the first version is
    /// the record as it was written, reached by undoing every later entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
}

/// The entry ID of `record`'s revision `rev` saved on `device`.
pub fn entry_id(record: &RecordId, rev: u64, device: &DeviceId) -> String {
    format!("{}#{rev:010}@{}", record.as_str(), device.as_str())
}

/// What the 変更履歴 keeps instead of a 下図's image.
pub const IMAGE_NOT_KEPT: &str = "（画像そのものは変更履歴に残しません）";

/// The fields that differ between two bodies, in path order.
pub fn diff(before: &Value, after: &Value) -> Vec<FieldChange> {
    let old = leaf_paths(before);
    let new = leaf_paths(after);
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    paths
        .into_iter()
        .filter(|p| old.get(*p) != new.get(*p))
        .map(|p| FieldChange { path: p.clone(), old: old.get(p).cloned(), new: new.get(p).cloned() })
        .collect()
}

/// The entry for writing `after` over `before` (`None`: the record was not there), or `None`
/// when the save changed nothing a nurse would see (same body, same ゴミ箱 state).
pub fn entry_for(before: Option<&StoredRecord>, after: &StoredRecord, stamp: &Stamp) -> Option<HistoryEntry> {
    let (action, changes) = match before {
        None => (Action::Created, Vec::new()),
        Some(b) => {
            let mut changes =
                if b.body == after.body { Vec::new() } else { diff(&b.body.to_value(), &after.body.to_value()) };
            // A 下図's image (up to 20 MB of base64) is not copied into the 変更履歴: its
            // file name and size say which image it was, and the history stays small enough
            // to travel in a bundle.
            if after.meta.kind == RecordKind::BaseMap {
                for c in &mut changes {
                    for side in [&mut c.old, &mut c.new].into_iter().flatten() {
                        if let Some(data) = side.get_mut("data") {
                            *data = Value::String(IMAGE_NOT_KEPT.to_string());
                        }
                    }
                }
            }
            let action = match (b.is_deleted(), after.is_deleted()) {
                (false, true) => Action::Trashed,
                (true, false) => Action::Restored,
                _ if changes.is_empty() => return None,
                _ => Action::Edited,
            };
            (action, changes)
        }
    };
    let meta = &after.meta;
    Some(HistoryEntry {
        id: entry_id(&meta.id, meta.rev, &meta.updated_by),
        record_id: meta.id.clone(),
        diagnosis_id: meta.diagnosis_id.clone(),
        kind: meta.kind,
        rev: meta.rev,
        at: meta.updated_at,
        device: meta.updated_by.clone(),
        by: stamp.by.trim().to_string(),
        cause: stamp.cause.clone(),
        action,
        changes,
    })
}

/// One record's entries newest first: by revision (which the clock of a device cannot
/// disorder), then time, then ID.
pub fn newest_first(entries: &mut [HistoryEntry]) {
    entries.sort_by(|a, b| b.rev.cmp(&a.rev).then(b.at.cmp(&a.at)).then(b.id.cmp(&a.id)));
}

/// The IDs among one record's entries to drop so that, with `adding` new ones, it keeps
/// [`KEEP_PER_RECORD`]: the oldest by revision (IDs sort by revision within a record).
pub fn beyond_keep(existing: &[String], adding: usize) -> Vec<String> {
    let total = existing.len() + adding;
    if total <= KEEP_PER_RECORD {
        return Vec::new();
    }
    let mut ids: Vec<&String> = existing.iter().collect();
    ids.sort();
    ids.into_iter().take(total - KEEP_PER_RECORD).cloned().collect()
}
