//! 変更履歴 in storage: the entries a batch writes and the old ones it drops, decided once
//! for both stores (each store only reads the records as they were and writes the result,
//! in the batch's own transaction).

use super::WriteBatch;
use crate::domain::history::{entry_for, HistoryEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use std::collections::BTreeSet;

/// A batch that writes entries for more records than this (an import) leaves dropping old
/// entries to each record's next save, so that it does not read every record's history.
pub const TRIM_AT_MOST: usize = 50;

/// Whether storage must read the records `batch` writes as they are before writing it.
pub fn needs_before(batch: &WriteBatch) -> bool {
    batch.history.is_some() && !(batch.put_diagnoses.is_empty() && batch.put_records.is_empty())
}

/// The entries `batch` writes: the ones it carries (from a bundle) and, when it is stamped
/// ([`WriteBatch::history`]), one for each 地域診断 and record it writes that changed, made
/// against the stored record `before` returns — unless the batch carries the entry of that
/// very revision (an import writing a record as the file has it: the file's entry says who
/// made that revision and how, and is kept once).
pub fn entries_of<'m>(
    batch: &WriteBatch,
    before: impl Fn(&StoredRecord) -> Option<&'m StoredRecord>,
) -> Vec<HistoryEntry> {
    let mut entries = batch.put_history.clone();
    if let Some(stamp) = &batch.history {
        let carried: BTreeSet<&str> = batch.put_history.iter().map(|e| e.id.as_str()).collect();
        let written = batch.put_diagnoses.iter().chain(&batch.put_records);
        let made = written.filter_map(|r| entry_for(before(r), r, stamp));
        entries.extend(made.filter(|e| !carried.contains(e.id.as_str())).collect::<Vec<_>>());
    }
    entries
}

/// The records whose old entries to drop after writing `entries` (none for a large batch).
pub fn to_trim(entries: &[HistoryEntry]) -> Vec<RecordId> {
    let records: BTreeSet<&RecordId> = entries.iter().map(|e| &e.record_id).collect();
    if records.len() > TRIM_AT_MOST {
        return Vec::new();
    }
    records.into_iter().cloned().collect()
}
