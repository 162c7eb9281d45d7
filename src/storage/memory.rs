//! The in-memory twin of the IndexedDB store, for native tests.

use super::history::{entries_of, needs_before, to_trim};
use super::{Draft, StorageError, Store, WriteBatch};
use crate::domain::history::{beyond_keep, HistoryEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordKind, StoredRecord};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
struct State {
    diagnoses: BTreeMap<RecordId, StoredRecord>,
    records: BTreeMap<RecordId, StoredRecord>,
    drafts: BTreeMap<String, Draft>,
    meta: BTreeMap<String, serde_json::Value>,
    history: BTreeMap<String, HistoryEntry>,
}

/// A [`Store`] in memory. `fail_next_write` makes the next [`Store::apply`] fail as a full
/// disk would, to test that a failed save changes nothing.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: RefCell<State>,
    fail_next: RefCell<Option<StorageError>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// The next write fails with `error` and changes nothing.
    pub fn fail_next_write(&self, error: StorageError) {
        *self.fail_next.borrow_mut() = Some(error);
    }
}

impl Store for MemoryStore {
    async fn list_diagnoses(&self) -> Result<Vec<StoredRecord>, StorageError> {
        Ok(self.state.borrow().diagnoses.values().cloned().collect())
    }

    async fn get_diagnosis(&self, id: &RecordId) -> Result<Option<StoredRecord>, StorageError> {
        Ok(self.state.borrow().diagnoses.get(id).cloned())
    }

    async fn list_records(&self, diagnosis_id: &RecordId) -> Result<Vec<StoredRecord>, StorageError> {
        Ok(self.state.borrow().records.values().filter(|r| &r.meta.diagnosis_id == diagnosis_id).cloned().collect())
    }

    async fn get_record(&self, id: &RecordId) -> Result<Option<StoredRecord>, StorageError> {
        Ok(self.state.borrow().records.get(id).cloned())
    }

    async fn get_draft(&self, key: &str) -> Result<Option<Draft>, StorageError> {
        Ok(self.state.borrow().drafts.get(key).cloned())
    }

    async fn list_drafts(&self, diagnosis_id: &RecordId) -> Result<Vec<Draft>, StorageError> {
        Ok(self.state.borrow().drafts.values().filter(|d| &d.diagnosis_id == diagnosis_id).cloned().collect())
    }

    async fn get_meta(&self, key: &str) -> Result<Option<serde_json::Value>, StorageError> {
        Ok(self.state.borrow().meta.get(key).cloned())
    }

    async fn list_history(&self, record: &RecordId) -> Result<Vec<HistoryEntry>, StorageError> {
        Ok(self.state.borrow().history.values().filter(|e| &e.record_id == record).cloned().collect())
    }

    async fn list_diagnosis_history(&self, diagnosis: &RecordId) -> Result<Vec<HistoryEntry>, StorageError> {
        Ok(self.state.borrow().history.values().filter(|e| &e.diagnosis_id == diagnosis).cloned().collect())
    }

    async fn count_history(&self) -> Result<u64, StorageError> {
        Ok(self.state.borrow().history.len() as u64)
    }

    async fn apply(&self, batch: WriteBatch) -> Result<(), StorageError> {
        if let Some(error) = self.fail_next.borrow_mut().take() {
            return Err(error);
        }
        // Work on a copy and swap it in: all or nothing, like a transaction.
        let mut next = self.state.borrow().clone();
        let changed: Vec<RecordId> = batch
            .expect
            .iter()
            .filter(|e| {
                let table = if e.kind == RecordKind::Diagnosis { &next.diagnoses } else { &next.records };
                !e.holds(table.get(&e.id).map(|r| &r.meta))
            })
            .map(|e| e.id.clone())
            .collect();
        if !changed.is_empty() {
            return Err(StorageError::Changed(changed));
        }
        batch.check_listed(|id| Ok(next.diagnoses.get(id).map(|d| d.meta.clone())))?;
        let entries = if needs_before(&batch) || !batch.put_history.is_empty() {
            entries_of(&batch, |r| {
                let table = if r.meta.kind == RecordKind::Diagnosis { &next.diagnoses } else { &next.records };
                table.get(&r.meta.id)
            })
        } else {
            Vec::new()
        };
        let trim = to_trim(&entries);
        for e in entries {
            next.history.insert(e.id.clone(), e);
        }
        for record in trim {
            let ids: Vec<String> =
                next.history.values().filter(|e| e.record_id == record).map(|e| e.id.clone()).collect();
            for id in beyond_keep(&ids, 0) {
                next.history.remove(&id);
            }
        }
        for d in batch.put_diagnoses {
            next.diagnoses.insert(d.meta.id.clone(), d);
        }
        for r in batch.put_records {
            next.records.insert(r.meta.id.clone(), r);
        }
        for id in &batch.purge_records {
            next.records.remove(id);
            next.history.retain(|_, e| &e.record_id != id);
        }
        for id in &batch.purge_diagnoses {
            next.diagnoses.remove(id);
            next.history.retain(|_, e| &e.diagnosis_id != id);
            next.records.retain(|_, r| &r.meta.diagnosis_id != id);
            next.drafts.retain(|_, d| &d.diagnosis_id != id);
        }
        for d in batch.put_drafts {
            next.drafts.insert(d.key.clone(), d);
        }
        for key in &batch.delete_drafts {
            next.drafts.remove(key);
        }
        for (key, value) in batch.put_meta {
            next.meta.insert(key, value);
        }
        *self.state.borrow_mut() = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    #[test]
    fn contract_suite_passes_on_the_memory_store() {
        block_on(async {
            super::super::contract::run_all(|| async { MemoryStore::new() }).await;
        });
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        block_on(async {
            let store = MemoryStore::new();
            let d = super::super::contract::sample_diagnosis("d1", "A地区", 2025);
            store.fail_next_write(StorageError::QuotaExceeded);
            let batch = WriteBatch { put_diagnoses: vec![d.clone()], ..WriteBatch::default() };
            assert_eq!(store.apply(batch.clone()).await, Err(StorageError::QuotaExceeded));
            assert_eq!(store.list_diagnoses().await, Ok(vec![]));
            assert_eq!(store.apply(batch).await, Ok(()));
            assert_eq!(store.list_diagnoses().await, Ok(vec![d]));
        });
    }
}
