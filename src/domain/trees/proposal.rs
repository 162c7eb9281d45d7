//! 様式1 への反映: the 特定症状 a finished assessment proposes for the patient's 様式1, what
//! 様式1 holds now and where it came from, and taking the proposal over (with its source).

use super::assessment::{Assessment, AssessmentStatus};
use super::engine::RespiratoryResult;
use crate::domain::ids::RecordId;
use crate::domain::patient::{JudgementSource, Patient};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// 特定症状 set from the trees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    /// 呼吸障害 (呼吸障害の判断樹)
    Respiratory,
    /// 嚥下障害 (球麻痺 Q1–Q4)
    Swallowing,
    /// 構音障害 (球麻痺 Q5)
    Speech,
}

impl Symptom {
    pub const ALL: [Symptom; 3] = [Symptom::Respiratory, Symptom::Swallowing, Symptom::Speech];
    pub fn label(self) -> &'static str {
        match self {
            Symptom::Respiratory => "呼吸障害",
            Symptom::Swallowing => "嚥下障害",
            Symptom::Speech => "構音障害",
        }
    }
}

/// 様式1への反映案: the 特定症状 the completed trees indicate (1 有 / 0 無), with who judged
/// and when. A symptom whose tree was not completed is `None` (not proposed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymptomProposal {
    /// 呼吸障害: 有 when 呼吸障害の可能性あり, 無 when the tree found no sign.
    pub respiratory: Option<bool>,
    /// 嚥下障害: 有 when any of 球麻痺 Q1–Q4 is いいえ.
    pub swallowing: Option<bool>,
    /// 構音障害: 有 when 球麻痺 Q5 is いいえ.
    pub speech: Option<bool>,
    /// 判断者
    pub assessor: String,
    /// 判断日時
    pub assessed_at: Timestamp,
    /// The assessment is 完了 (only a finished one can be applied).
    pub finished: bool,
    /// The reason for each proposed value, in Japanese.
    pub basis: BTreeMap<Symptom, String>,
}

impl SymptomProposal {
    pub fn value(&self, symptom: Symptom) -> Option<bool> {
        match symptom {
            Symptom::Respiratory => self.respiratory,
            Symptom::Swallowing => self.swallowing,
            Symptom::Speech => self.speech,
        }
    }

    /// Nothing to propose.
    pub fn is_empty(&self) -> bool {
        Symptom::ALL.iter().all(|s| self.value(*s).is_none())
    }

    /// One row per proposed symptom, beside the patient's current value, for the confirm
    /// dialog.
    pub fn items(&self, patient: &Patient) -> Vec<ProposalItem> {
        Symptom::ALL
            .into_iter()
            .filter_map(|s| {
                let proposed = self.value(s)?;
                let current = current_value(patient, s);
                Some(ProposalItem {
                    symptom: s,
                    proposed,
                    current,
                    changes: current != Some(proposed),
                    basis: self.basis.get(&s).cloned().unwrap_or_default(),
                })
            })
            .collect()
    }
}

/// One row of the confirm dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposalItem {
    /// 特定症状
    pub symptom: Symptom,
    /// 反映案 (true = 1 有)
    pub proposed: bool,
    /// 現在の様式1の値 (`None` = 不明)
    pub current: Option<bool>,
    /// The value would change.
    pub changes: bool,
    /// 根拠
    pub basis: String,
}

/// `有` / `無` / `不明`.
pub fn yes_no_label(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "有",
        Some(false) => "無",
        None => "不明",
    }
}

fn current_value(patient: &Patient, symptom: Symptom) -> Option<bool> {
    match symptom {
        Symptom::Respiratory => patient.symptoms.respiratory,
        Symptom::Swallowing => patient.symptoms.swallowing,
        Symptom::Speech => patient.symptoms.speech,
    }
}

/// The 様式1 value of a 特定症状 and where it came from (`None`: typed on 様式1, or never set
/// from a 判断樹).
pub fn current_with_source(patient: &Patient, symptom: Symptom) -> (Option<bool>, Option<&JudgementSource>) {
    let s = &patient.symptoms;
    match symptom {
        Symptom::Respiratory => (s.respiratory, s.respiratory_source.as_ref()),
        Symptom::Swallowing => (s.swallowing, s.swallowing_source.as_ref()),
        Symptom::Speech => (s.speech, s.speech_source.as_ref()),
    }
}

/// Has every symptom this proposal sets already been taken over into 様式1 from this
/// assessment (same value, source = this assessment)? Then there is nothing to confirm.
pub fn is_applied(patient: &Patient, proposal: &SymptomProposal, assessment_id: &RecordId) -> bool {
    !proposal.is_empty()
        && Symptom::ALL.into_iter().all(|s| match proposal.value(s) {
            None => true,
            Some(v) => {
                let (current, source) = current_with_source(patient, s);
                current == Some(v) && source.is_some_and(|src| &src.assessment_id == assessment_id)
            }
        })
}

/// The 様式1 特定症状 this assessment indicates (only for trees completed in it).
pub fn proposal(assessment: &Assessment) -> SymptomProposal {
    let outcome = assessment.compute_outcome();
    let mut basis = BTreeMap::new();
    let respiratory = outcome.respiratory.map(|r| {
        let text = match r {
            RespiratoryResult::PossibleFailure { question } => {
                let d = question.def();
                format!("呼吸障害の判断樹で{} 「{}」が{}", d.label, d.text, d.problem_answer.label())
            }
            RespiratoryResult::NoSigns => "呼吸障害の判断樹でQ1〜Q3がはい、Q4がいいえ".to_string(),
        };
        basis.insert(Symptom::Respiratory, text);
        matches!(r, RespiratoryResult::PossibleFailure { .. })
    });
    let (swallowing, speech) = match &outcome.bulbar {
        Some(b) => {
            let sw = if b.swallowing.is_empty() {
                "球麻痺の判断樹でQ1〜Q4がすべてはい".to_string()
            } else {
                let qs: Vec<&str> = b.swallowing.iter().map(|q| q.def().label).collect();
                format!("球麻痺の判断樹で{}がいいえ", qs.join("・"))
            };
            basis.insert(Symptom::Swallowing, sw);
            basis.insert(
                Symptom::Speech,
                format!("球麻痺の判断樹でQ5（構音障害の症状はない）が{}", if b.speech { "いいえ" } else { "はい" }),
            );
            (Some(!b.swallowing.is_empty()), Some(b.speech))
        }
        None => (None, None),
    };
    SymptomProposal {
        respiratory,
        swallowing,
        speech,
        assessor: assessment.assessor.trim().to_string(),
        assessed_at: assessment.assessed_at(),
        finished: assessment.status == AssessmentStatus::Finished,
        basis,
    }
}

/// Why a proposal could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// 完了していないアセスメント
    NotFinished,
    /// 判断者がない
    NoAssessor,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ApplyError::NotFinished => "完了していないアセスメントは様式1に反映できません",
            ApplyError::NoAssessor => "判断者のないアセスメントは様式1に反映できません",
        })
    }
}

/// 様式1に反映: sets the `accepted` symptoms the proposal has a value for on `patient`, each
/// with its [`JudgementSource`] (this assessment's record ID, when, who). Returns the
/// symptoms set. Symptoms not accepted or not proposed are left as they are.
pub fn apply_proposal(
    patient: &mut Patient,
    proposal: &SymptomProposal,
    assessment_id: &RecordId,
    accepted: &[Symptom],
) -> Result<Vec<Symptom>, ApplyError> {
    if !proposal.finished {
        return Err(ApplyError::NotFinished);
    }
    if proposal.assessor.is_empty() {
        return Err(ApplyError::NoAssessor);
    }
    let source = JudgementSource {
        assessment_id: assessment_id.clone(),
        assessed_at: proposal.assessed_at,
        assessor: proposal.assessor.clone(),
    };
    let mut applied = Vec::new();
    for symptom in Symptom::ALL {
        if !accepted.contains(&symptom) {
            continue;
        }
        let Some(value) = proposal.value(symptom) else { continue };
        let s = &mut patient.symptoms;
        match symptom {
            Symptom::Respiratory => {
                s.respiratory = Some(value);
                s.respiratory_source = Some(source.clone());
            }
            Symptom::Swallowing => {
                s.swallowing = Some(value);
                s.swallowing_source = Some(source.clone());
            }
            Symptom::Speech => {
                s.speech = Some(value);
                s.speech_source = Some(source.clone());
            }
        }
        applied.push(symptom);
    }
    Ok(applied)
}
