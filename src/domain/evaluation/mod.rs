//! 様式4「管轄地域におけるALS療養者に関わる医療資源の概況と医療サービスの確保状況の評価」.
//!
//! For each of eight items the 管内の状況 is computed from 様式1 ([`coverage`]: % of N with
//! the seed's 算出方法), and the nurse enters a レベル A–D and a 課題; finally the
//! 総合評価および優先すべき課題. [`Evaluation`] is the record body (one per 地域診断),
//! [`EvaluationForm`] the form as typed.

mod csv;
mod form;
mod item;

pub use crate::domain::summary::coverage::{coverage, EvaluationItem, ItemCoverage};
pub use csv::{evaluation_csv, evaluation_rows, EVALUATION_HEADERS};
pub use form::{
    issue_field, level_field, EvaluationForm, MAX_ISSUE_TEXT, MAX_OVERALL_TEXT, OVERALL_FIELD, OVERALL_LABEL,
};
pub use item::{ItemEvaluation, Level, LEVEL_CHOICES};

use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::{RecordBody, RecordKind, StoredRecord};
use crate::domain::records::{RecordSet, EVALUATION_SUFFIX};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// 様式4 評価 (one per 地域診断).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    /// 専門診療の確保
    pub specialist: ItemEvaluation,
    /// 日常診療の確保
    pub daily: ItemEvaluation,
    /// 急変時の入院確保
    pub emergency_admission: ItemEvaluation,
    /// レスパイトケアの確保 入院・入所
    pub respite_admission: ItemEvaluation,
    /// レスパイトケアの確保 在宅
    pub respite_home: ItemEvaluation,
    /// 訪問看護の確保 定期
    pub nursing_regular: ItemEvaluation,
    /// 訪問看護の確保 緊急時
    pub nursing_emergency: ItemEvaluation,
    /// 災害対策
    pub disaster: ItemEvaluation,
    /// 総合評価および優先すべき課題
    pub overall: String,
}

impl RecordBody for Evaluation {
    const KIND: RecordKind = RecordKind::Evaluation;
}

impl Evaluation {
    /// The row of `item`.
    pub fn item(&self, item: EvaluationItem) -> &ItemEvaluation {
        match item {
            EvaluationItem::Specialist => &self.specialist,
            EvaluationItem::Daily => &self.daily,
            EvaluationItem::EmergencyAdmission => &self.emergency_admission,
            EvaluationItem::RespiteAdmission => &self.respite_admission,
            EvaluationItem::RespiteHome => &self.respite_home,
            EvaluationItem::NursingRegular => &self.nursing_regular,
            EvaluationItem::NursingEmergency => &self.nursing_emergency,
            EvaluationItem::Disaster => &self.disaster,
        }
    }

    /// The row of `item`, to change.
    pub fn item_mut(&mut self, item: EvaluationItem) -> &mut ItemEvaluation {
        match item {
            EvaluationItem::Specialist => &mut self.specialist,
            EvaluationItem::Daily => &mut self.daily,
            EvaluationItem::EmergencyAdmission => &mut self.emergency_admission,
            EvaluationItem::RespiteAdmission => &mut self.respite_admission,
            EvaluationItem::RespiteHome => &mut self.respite_home,
            EvaluationItem::NursingRegular => &mut self.nursing_regular,
            EvaluationItem::NursingEmergency => &mut self.nursing_emergency,
            EvaluationItem::Disaster => &mut self.disaster,
        }
    }

    /// How many rows have a レベル (for the progress shown in the 地域診断 list).
    pub fn levels_entered(&self) -> usize {
        EvaluationItem::ALL.iter().filter(|&&i| self.item(i).level.is_some()).count()
    }
}

/// The saved 様式4 評価 of a 地域診断 and its record (`None` when nothing was saved or it is in
/// the ゴミ箱; an unreadable body reads as blank). Which record: [`RecordSet::singleton`].
pub fn saved_evaluation<'a>(
    records: &'a [StoredRecord],
    diagnosis: &'a RecordId,
) -> Option<(&'a StoredRecord, Evaluation)> {
    let (r, body) = RecordSet::new(records, diagnosis).live_singleton::<Evaluation>()?;
    Some((r, body.unwrap_or_default()))
}

/// The record to write when saving `evaluation` for `diagnosis` ([`RecordSet::singleton`]'s
/// choice of the existing one): the existing record edited (restored from the ゴミ箱 when it
/// was there), or a new one with the ID `<地域診断>:evaluation`. `None` when the saved record
/// already holds exactly this evaluation.
pub fn evaluation_to_save(
    records: &[StoredRecord],
    diagnosis: &RecordId,
    evaluation: &Evaluation,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Option<StoredRecord>, String> {
    match RecordSet::new(records, diagnosis).singleton(RecordKind::Evaluation) {
        Some(existing) => {
            let edited = existing.edited(evaluation, now, device).map_err(|e| e.to_string())?;
            Ok(match (edited, existing.is_deleted()) {
                (Some(mut r), _) => {
                    r.meta.deleted_at = None;
                    Some(r)
                }
                (None, true) => {
                    let mut r = existing.clone();
                    r.meta.deleted_at = None;
                    r.touch(now, device);
                    Some(r)
                }
                (None, false) => None,
            })
        }
        None => {
            let id = RecordId::singleton(diagnosis, EVALUATION_SUFFIX)
                .map_err(|e| format!("様式4の記録のIDを作れません: {e}"))?;
            StoredRecord::create(id, diagnosis.clone(), evaluation, now, device).map(Some).map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests;
