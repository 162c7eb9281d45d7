//! 履歴: a patient's assessments, oldest first; the latest finished one, the drafts, the
//! ゴミ箱.

use super::assessment::{Assessment, AssessmentStatus};
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use std::collections::BTreeMap;

/// The assessments of one patient, oldest first (by 開始日時, then ID); deleted records and
/// bodies that cannot be read are left out.
pub fn patient_history(records: RecordSet<'_>, patient_id: &RecordId) -> Vec<(RecordId, Assessment)> {
    let mut out: Vec<(RecordId, Assessment)> = records
        .live::<Assessment>()
        .filter(|(_, a)| &a.patient_id == patient_id)
        .map(|(r, a)| (r.meta.id.clone(), a))
        .collect();
    out.sort_by(|(ia, a), (ib, b)| a.started_at.cmp(&b.started_at).then_with(|| ia.cmp(ib)));
    out
}

/// The patient's assessments in the ゴミ箱 (to take back), newest first.
pub fn patient_trash(records: RecordSet<'_>, patient_id: &RecordId) -> Vec<(StoredRecord, Assessment)> {
    let mut out: Vec<(StoredRecord, Assessment)> = records
        .trashed(RecordKind::Assessment)
        .filter_map(|r| r.body_as::<Assessment>().ok().map(|a| (r.clone(), a)))
        .filter(|(_, a)| &a.patient_id == patient_id)
        .collect();
    out.sort_by(|(ra, a), (rb, b)| b.started_at.cmp(&a.started_at).then_with(|| rb.meta.id.cmp(&ra.meta.id)));
    out
}

/// The newest finished assessment in a history (as returned by [`patient_history`]).
pub fn latest_finished(history: &[(RecordId, Assessment)]) -> Option<&(RecordId, Assessment)> {
    history.iter().rev().find(|(_, a)| a.status == AssessmentStatus::Finished)
}

/// 療養者ごとのアセスメント: every patient's assessments in one pass over the records, each
/// list oldest first as [`patient_history`] orders it (deleted and unreadable records left
/// out). For the list of patients with their latest outcome and drafts.
pub fn histories_by_patient(records: RecordSet<'_>) -> BTreeMap<RecordId, Vec<(RecordId, Assessment)>> {
    let mut out: BTreeMap<RecordId, Vec<(RecordId, Assessment)>> = BTreeMap::new();
    for (r, a) in records.live::<Assessment>() {
        out.entry(a.patient_id.clone()).or_default().push((r.meta.id.clone(), a));
    }
    for list in out.values_mut() {
        list.sort_by(|(ia, a), (ib, b)| a.started_at.cmp(&b.started_at).then_with(|| ia.cmp(ib)));
    }
    out
}

/// The unfinished assessments (下書き) in a history, newest first.
pub fn drafts(history: &[(RecordId, Assessment)]) -> Vec<&(RecordId, Assessment)> {
    history.iter().rev().filter(|(_, a)| a.status == AssessmentStatus::Draft).collect()
}

/// Is `assessment_id` the newest finished assessment of its history (the one whose outcome
/// may be carried over to 様式1)?
pub fn is_latest_finished(history: &[(RecordId, Assessment)], assessment_id: &RecordId) -> bool {
    latest_finished(history).is_some_and(|(id, _)| id == assessment_id)
}
