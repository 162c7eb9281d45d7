//! The 地域診断 on the list and in the ゴミ箱, as this tab last read them: what an address
//! opens, and the revisions a change of the list is planned on.

use super::AppCtx;
use crate::domain::diagnosis::trash::{trashed_diagnoses, whereabouts, Whereabouts};
use crate::domain::diagnosis::{list_diagnoses, DiagnosisEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::storage::{Expect, WriteBatch};
use leptos::prelude::*;

impl AppCtx {
    /// The 地域診断 the address opens: its entry on the list, and its ID once this tab has
    /// loaded its records (a page shows its records only then).
    pub fn open_diagnosis(&self) -> (Memo<Option<DiagnosisEntry>>, Memo<Option<RecordId>>) {
        let ctx = *self;
        let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
        let diagnosis = Memo::new(move |_| {
            let id = diagnosis_id.get()?;
            ctx.diagnoses.with(|ds| ds.iter().find(|e| e.record.meta.id == id).cloned())
        });
        let loaded = Memo::new(move |_| {
            let id = diagnosis_id.get()?;
            let ok = ctx.loaded.with(|l| l.diagnosis_id.as_ref() == Some(&id));
            (ok && diagnosis.with(Option::is_some)).then_some(id)
        });
        (diagnosis, loaded)
    }

    /// Sets both lists from every stored 地域診断; returns those that cannot be read.
    pub(super) fn set_lists(&self, records: &[StoredRecord]) -> Vec<String> {
        let (entries, unreadable) = list_diagnoses(records);
        self.diagnoses.set(entries);
        self.trashed_diagnoses.set(trashed_diagnoses(records));
        self.lists_read.set(true);
        unreadable
    }

    /// Is `id` on the list (not in the ゴミ箱)?
    pub(super) fn is_listed(&self, id: &RecordId) -> bool {
        self.diagnoses.with_untracked(|l| l.iter().any(|e| &e.record.meta.id == id))
    }

    /// Where the 地域診断 `id` is (tracked); `None` until the lists have been read.
    pub fn whereabouts(&self, id: &RecordId) -> Option<Whereabouts> {
        if !self.lists_read.get() {
            return None;
        }
        Some(self.diagnoses.with(|listed| self.trashed_diagnoses.with(|trashed| whereabouts(listed, trashed, id))))
    }

    /// The listed entry of `id`, on the list or in the ゴミ箱.
    pub fn listed_entry(&self, id: &RecordId) -> Option<DiagnosisEntry> {
        let find = |l: &Vec<DiagnosisEntry>| l.iter().find(|e| &e.record.meta.id == id).cloned();
        self.diagnoses.with_untracked(find).or_else(|| self.trashed_diagnoses.with_untracked(find))
    }

    /// The 地域診断 `batch` writes or removes, each as listed here: a change planned on the
    /// list is written only onto the revision it was planned on.
    pub(super) fn listed_expects(&self, batch: &WriteBatch) -> Vec<Expect> {
        let ids = batch.put_diagnoses.iter().map(|d| &d.meta.id).chain(&batch.purge_diagnoses);
        ids.map(|id| Expect {
            id: id.clone(),
            kind: RecordKind::Diagnosis,
            meta: self.listed_entry(id).map(|e| e.record.meta),
        })
        .collect()
    }
}
