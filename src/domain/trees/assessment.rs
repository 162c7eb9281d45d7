//! アセスメント記録: one assessment of one patient with the 判断樹 — who, when, every answer,
//! tick, measurement and override, and the outcome — and how its outcome is carried over to
//! 様式1 特定症状.
//!
//! A respiratory assessment continues into the bulbar questions in the same record when the
//! respiratory tree finds no signs (as the seed's chart says). When it finds 呼吸障害の可能性あり
//! the tree ends; the nurse may still choose to go on with the bulbar questions (the seed's
//! POINT: 呼吸障害とあわせて「嚥下障害」や「咳の力」の評価も実施).
//!
//! The record keeps what was typed (measurement text, age) so a draft can always be saved;
//! [`Assessment::issues`] lists what must be corrected before [`Assessment::finish`] accepts
//! it (errors) and what the nurse should look at (warnings).

use super::data::{find_sign, Answer, Check, OutcomeId, Question, QuestionId, Tree};
use super::engine::{self, Answers, BulbarResult, RespiratoryResult, TreeStatus};
use super::measure::{self, Finding, Measurement, Sex, Subject};
use crate::domain::ids::RecordId;
use crate::domain::number::parse_count;
use crate::domain::patient::{Age, Patient};
use crate::domain::record::{RecordBody, RecordKind};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// 状態: 下書き or 完了.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    /// 下書き
    #[default]
    Draft,
    /// 完了
    Finished,
}

impl AssessmentStatus {
    pub fn label(self) -> &'static str {
        match self {
            AssessmentStatus::Draft => "下書き",
            AssessmentStatus::Finished => "完了",
        }
    }
}

/// The judgement of one checklist line: the automatic one from measurements and the
/// nurse's own. The nurse's wins; when both exist and differ, it is an override (手動で変更).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignState {
    /// 自動判定 (from the measurements, as last computed)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto: Option<Check>,
    /// 手動 (the nurse's tick)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual: Option<Check>,
}

impl SignState {
    /// The judgement that counts.
    pub fn effective(&self) -> Option<Check> {
        self.manual.or(self.auto)
    }

    /// Did the nurse change the automatic judgement?
    pub fn is_override(&self) -> bool {
        matches!((self.auto, self.manual), (Some(a), Some(m)) if a != m)
    }
}

/// 自動判定の変更: a line whose automatic judgement the nurse changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// チェック項目のID
    pub sign: &'static str,
    /// 自動判定
    pub auto: Check,
    /// 最終判定
    pub chosen: Check,
}

impl Override {
    /// `「酸素飽和度(SpO2)の低下」自動判定 該当 → 手動で非該当`
    pub fn describe(&self) -> String {
        let text = find_sign(self.sign).map_or(self.sign, |(_, s)| s.text);
        format!("「{text}」自動判定 {} → 手動で{}", self.auto.label(), self.chosen.label())
    }
}

/// 判断結果 (only trees that were completed have a result).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// 呼吸障害の判断樹の結果
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respiratory: Option<RespiratoryResult>,
    /// 球麻痺の判断樹の結果
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulbar: Option<BulbarResult>,
}

impl Outcome {
    /// The outcome boxes to show, respiratory first.
    pub fn outcome_ids(&self) -> Vec<OutcomeId> {
        let mut out = Vec::new();
        if let Some(r) = self.respiratory {
            out.push(r.outcome_id());
        }
        if let Some(b) = &self.bulbar {
            out.extend(b.outcome_ids());
        }
        out
    }

    /// One line for lists (`呼吸障害の可能性あり／球麻痺: 経過観察`), `判断なし` when empty.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = self.respiratory {
            parts.push(format!("呼吸障害: {}", r.label()));
        }
        if let Some(b) = &self.bulbar {
            parts.push(format!("球麻痺: {}", b.summary()));
        }
        if parts.is_empty() {
            "判断なし".to_string()
        } else {
            parts.join("／")
        }
    }
}

/// The next thing the guided questionnaire shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Ask this question.
    Ask(QuestionId),
    /// 呼吸障害の可能性あり: the respiratory tree has ended. Show its action box and offer
    /// 「続けて球麻痺のアセスメントを行う」 ([`Assessment::set_continue_to_bulbar`]) or 完了.
    RespiratoryEnded,
    /// Every question asked: show the outcome and 完了.
    Done,
}

/// 判断樹によるアセスメント (record kind `assessment`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// 療養者 (the 様式1 record's ID)
    pub patient_id: RecordId,
    /// 最初に行う判断樹
    pub start_tree: Tree,
    /// 呼吸障害の可能性ありの後も球麻痺の設問を続ける
    #[serde(default)]
    pub continue_to_bulbar: bool,
    /// 状態
    #[serde(default)]
    pub status: AssessmentStatus,
    /// 開始日時
    pub started_at: Timestamp,
    /// 完了日時
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// 判断者
    #[serde(default)]
    pub assessor: String,
    /// 性別 (for the 標準肺活量)
    #[serde(default)]
    pub sex: Option<Sex>,
    /// 年齢 as typed (for the 標準肺活量)
    #[serde(default)]
    pub age: String,
    /// 回答
    #[serde(default)]
    pub answers: Answers,
    /// チェック (by sign ID): automatic and manual judgements
    #[serde(default)]
    pub signs: BTreeMap<String, SignState>,
    /// 測定値
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    /// メモ
    #[serde(default)]
    pub notes: String,
    /// 判断結果 (kept up to date by every change made through the methods)
    #[serde(default)]
    pub outcome: Outcome,
}

impl RecordBody for Assessment {
    const KIND: RecordKind = RecordKind::Assessment;
}

/// What the UI shows for one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionView {
    /// 設問
    pub question: &'static Question,
    /// The nurse's answer.
    pub answer: Option<Answer>,
    /// The answer the checklist suggests.
    pub suggested: Option<Answer>,
    /// Counts for the outcome (on the path of an included tree).
    pub on_path: bool,
}

impl QuestionView {
    /// The answer differs from what the ticks suggest.
    pub fn disagrees(&self) -> bool {
        matches!((self.answer, self.suggested), (Some(a), Some(s)) if a != s)
    }
}

/// What the UI shows for one checklist line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignView {
    /// 自動判定と手動のチェック
    pub state: SignState,
    /// The findings of the measurements that judge this line.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// A new draft starting with `start_tree`, begun `now` by `assessor`, with sex and age
    /// taken from the patient where known.
    pub fn new(patient_id: RecordId, start_tree: Tree, assessor: &str, now: Timestamp) -> Assessment {
        Assessment {
            patient_id,
            start_tree,
            continue_to_bulbar: false,
            status: AssessmentStatus::Draft,
            started_at: now,
            finished_at: None,
            assessor: assessor.trim().to_string(),
            sex: None,
            age: String::new(),
            answers: Answers::new(),
            signs: BTreeMap::new(),
            measurements: Vec::new(),
            notes: String::new(),
            outcome: Outcome::default(),
        }
    }

    /// A new draft for `patient`, with the age prefilled from 様式1 when it is known in years.
    pub fn for_patient(
        patient_id: RecordId,
        patient: &Patient,
        start_tree: Tree,
        assessor: &str,
        now: Timestamp,
    ) -> Assessment {
        let mut a = Assessment::new(patient_id, start_tree, assessor, now);
        if let Some(Age::Years(y)) = patient.age {
            a.age = y.to_string();
        }
        a
    }

    // --- flow -----------------------------------------------------------------------------

    /// Is `tree` part of this assessment's flow?
    pub fn includes(&self, tree: Tree) -> bool {
        match tree {
            Tree::Respiratory => self.start_tree == Tree::Respiratory,
            Tree::Bulbar => {
                self.start_tree == Tree::Bulbar
                    || self.continue_to_bulbar
                    || engine::status(Tree::Respiratory, &self.answers)
                        == TreeStatus::Respiratory(RespiratoryResult::NoSigns)
            }
        }
    }

    /// The state of `tree` from the answers (whether or not it is included).
    pub fn tree_status(&self, tree: Tree) -> TreeStatus {
        engine::status(tree, &self.answers)
    }

    /// What to show next.
    pub fn step(&self) -> Step {
        if self.includes(Tree::Respiratory) {
            match self.tree_status(Tree::Respiratory) {
                TreeStatus::InProgress(q) => return Step::Ask(q),
                TreeStatus::Respiratory(RespiratoryResult::PossibleFailure { .. }) if !self.includes(Tree::Bulbar) => {
                    return Step::RespiratoryEnded
                }
                _ => {}
            }
        }
        if self.includes(Tree::Bulbar) {
            if let TreeStatus::InProgress(q) = self.tree_status(Tree::Bulbar) {
                return Step::Ask(q);
            }
        }
        Step::Done
    }

    /// The questions on the path of the included trees, in order (for the progress list).
    pub fn path(&self) -> Vec<QuestionId> {
        Tree::ALL.into_iter().filter(|t| self.includes(*t)).flat_map(|t| engine::path(t, &self.answers)).collect()
    }

    /// Does `question`'s answer count?
    pub fn is_on_path(&self, question: QuestionId) -> bool {
        self.includes(question.tree()) && engine::is_on_path(question.tree(), &self.answers, question)
    }

    /// The answers that count (on the path of an included tree).
    pub fn effective_answers(&self) -> Answers {
        Tree::ALL
            .into_iter()
            .filter(|t| self.includes(*t))
            .flat_map(|t| engine::effective_answers(t, &self.answers))
            .collect()
    }

    /// The trees completed in this record (実施した判断樹).
    pub fn trees_done(&self) -> Vec<Tree> {
        Tree::ALL
            .into_iter()
            .filter(|t| self.includes(*t) && !matches!(self.tree_status(*t), TreeStatus::InProgress(_)))
            .collect()
    }

    /// The outcome from the current answers.
    pub fn compute_outcome(&self) -> Outcome {
        let mut out = Outcome::default();
        for tree in self.trees_done() {
            match self.tree_status(tree) {
                TreeStatus::Respiratory(r) => out.respiratory = Some(r),
                TreeStatus::Bulbar(b) => out.bulbar = Some(b),
                TreeStatus::InProgress(_) => {}
            }
        }
        out
    }

    // --- views ----------------------------------------------------------------------------

    /// Everything the UI shows for `question`.
    pub fn question_view(&self, question: QuestionId) -> QuestionView {
        let def = question.def();
        QuestionView {
            question: def,
            answer: self.answers.get(&question).copied(),
            suggested: engine::suggestion(def, |id| self.check(id)),
            on_path: self.is_on_path(question),
        }
    }

    /// The judgement that counts for a line.
    pub fn check(&self, sign: &str) -> Option<Check> {
        self.signs.get(sign).and_then(SignState::effective)
    }

    /// The line's state and the measurement findings behind it.
    pub fn sign_view(&self, sign: &str) -> SignView {
        SignView {
            state: self.signs.get(sign).copied().unwrap_or_default(),
            findings: self.findings().into_iter().map(|(_, f)| f).filter(|f| f.sign == sign).collect(),
        }
    }

    /// The person's sex and age as far as they can be read.
    pub fn subject(&self) -> Subject {
        Subject { sex: self.sex, age: parse_age(&self.age).ok().flatten() }
    }

    /// The finding of every readable measurement, with its index.
    pub fn findings(&self) -> Vec<(usize, Finding)> {
        measure::findings(&self.measurements, self.subject())
    }

    /// 自動判定を手動で変更した項目.
    pub fn overrides(&self) -> Vec<Override> {
        self.signs
            .iter()
            .filter_map(|(id, s)| {
                let (_, sign) = find_sign(id)?;
                match (s.auto, s.manual) {
                    (Some(auto), Some(chosen)) if auto != chosen => Some(Override { sign: sign.id, auto, chosen }),
                    _ => None,
                }
            })
            .collect()
    }
}

/// A sign ID that is not in the trees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSign(pub String);

impl fmt::Display for UnknownSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "不明なチェック項目です（{}）", self.0)
    }
}

/// 年齢: blank → `Ok(None)`; a whole number 0–130.
pub fn parse_age(text: &str) -> Result<Option<u8>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_count(text) {
        Ok(n) if n <= 130 => Ok(u8::try_from(n).ok()),
        Ok(_) => Err("0〜130の範囲で入力してください".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests;
