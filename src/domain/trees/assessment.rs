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
use super::measure::{self, Finding, MeasureKind, Measurement, Posture, Sex, Situation, Subject};
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::number::parse_count;
use crate::domain::patient::{Age, JudgementSource, Patient};
use crate::domain::record::{RecordBody, RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
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

    // --- changes --------------------------------------------------------------------------

    /// Sets or clears (`None`) the answer to `question`.
    pub fn set_answer(&mut self, question: QuestionId, answer: Option<Answer>) {
        match answer {
            Some(a) => self.answers.insert(question, a),
            None => self.answers.remove(&question),
        };
        self.refresh();
    }

    /// After 呼吸障害の可能性あり: also do (or stop doing) the bulbar questions.
    pub fn set_continue_to_bulbar(&mut self, on: bool) {
        self.continue_to_bulbar = on;
        self.refresh();
    }

    /// The nurse ticks a line 該当/非該当, or `None` to go back to the automatic judgement (or
    /// to 未確認). A tick equal to the automatic judgement is stored as "follow the automatic
    /// judgement", so a later change of the measurement is followed. Unknown IDs are refused.
    pub fn set_check(&mut self, sign: &str, check: Option<Check>) -> Result<(), UnknownSign> {
        let (_, def) = find_sign(sign).ok_or_else(|| UnknownSign(sign.to_string()))?;
        let entry = self.signs.entry(def.id.to_string()).or_default();
        entry.manual = match check {
            Some(c) if entry.auto == Some(c) => None,
            other => other,
        };
        self.refresh();
        Ok(())
    }

    /// Adds an empty measurement row; returns its index.
    pub fn add_measurement(&mut self, kind: MeasureKind) -> usize {
        self.measurements.push(Measurement::new(kind));
        self.measurements.len() - 1
    }

    /// Replaces measurement `index` (value, posture, situation, note as edited). `false` if no
    /// such row.
    pub fn update_measurement(&mut self, index: usize, measurement: Measurement) -> bool {
        let Some(slot) = self.measurements.get_mut(index) else { return false };
        *slot = measurement;
        self.refresh();
        true
    }

    /// Sets the typed value of measurement `index`.
    pub fn set_measurement_text(&mut self, index: usize, text: &str) -> bool {
        let Some(m) = self.measurements.get(index).cloned() else { return false };
        self.update_measurement(index, Measurement { text: text.to_string(), ..m })
    }

    /// Sets the posture of measurement `index`.
    pub fn set_measurement_posture(&mut self, index: usize, posture: Option<Posture>) -> bool {
        let Some(m) = self.measurements.get(index).cloned() else { return false };
        self.update_measurement(index, Measurement { posture, ..m })
    }

    /// Sets the situation of measurement `index`.
    pub fn set_measurement_situation(&mut self, index: usize, situation: Option<Situation>) -> bool {
        let Some(m) = self.measurements.get(index).cloned() else { return false };
        self.update_measurement(index, Measurement { situation, ..m })
    }

    /// Removes measurement `index`.
    pub fn remove_measurement(&mut self, index: usize) -> bool {
        if index >= self.measurements.len() {
            return false;
        }
        self.measurements.remove(index);
        self.refresh();
        true
    }

    /// Sets 性別.
    pub fn set_sex(&mut self, sex: Option<Sex>) {
        self.sex = sex;
        self.refresh();
    }

    /// Sets 年齢 as typed.
    pub fn set_age(&mut self, age: &str) {
        self.age = age.to_string();
        self.refresh();
    }

    /// Recomputes the automatic judgements from the measurements and the outcome from the
    /// answers. Every method above calls it; call it after changing fields directly.
    pub fn refresh(&mut self) {
        let auto = measure::auto_checks(&self.measurements, self.subject());
        for (id, state) in self.signs.iter_mut() {
            state.auto = auto.get(id.as_str()).copied();
        }
        for (id, check) in &auto {
            self.signs.entry((*id).to_string()).or_default().auto = Some(*check);
        }
        for state in self.signs.values_mut() {
            if state.manual.is_some() && state.manual == state.auto {
                state.manual = None;
            }
        }
        self.signs.retain(|_, s| s.auto.is_some() || s.manual.is_some());
        self.outcome = self.compute_outcome();
    }

    // --- checking and finishing -----------------------------------------------------------

    /// 入力チェック. Errors must be corrected before 完了 (a draft is saved regardless);
    /// warnings are shown only.
    pub fn issues(&self) -> Issues {
        let mut issues = Issues::new();
        if self.assessor.trim().is_empty() {
            issues.error("assessor", "判断者", "完了するには判断者を入力してください");
        }
        if let Err(msg) = parse_age(&self.age) {
            issues.error("age", "年齢", msg);
        }
        for (i, m) in self.measurements.iter().enumerate() {
            let field = format!("measurements.{i}");
            match m.reading() {
                Err(msg) => issues.error(&field, m.kind.label(), msg),
                Ok(None) => issues.warning(&field, m.kind.label(), "値が未入力です（この行は判定に使われません）"),
                Ok(Some(_)) => {
                    if m.kind == MeasureKind::Spo2 && (m.posture.is_none() || m.situation.is_none()) {
                        issues.warning(
                            &field,
                            m.kind.label(),
                            "体位（座位・臥位）と状況（安静時・労作後）を記録してください（評価において重要です）",
                        );
                    }
                }
            }
        }
        for (id, _) in self.signs.iter() {
            if find_sign(id).is_none() {
                issues.warning(
                    &format!("signs.{id}"),
                    "チェック項目",
                    format!("不明な項目「{id}」のチェックは使われません"),
                );
            }
        }
        for tree in Tree::ALL {
            if !self.includes(tree) {
                continue;
            }
            if let TreeStatus::InProgress(q) = self.tree_status(tree) {
                let reached_by_flow_only = tree == Tree::Bulbar
                    && self.start_tree != Tree::Bulbar
                    && !self.continue_to_bulbar
                    && !tree.questions().iter().any(|d| self.answers.contains_key(&d.id));
                let field = format!("answers.{}", q.key());
                if reached_by_flow_only {
                    issues.warning(
                        &field,
                        &q.full_label(),
                        "球麻痺のアセスメントが未実施です（呼吸障害の判断のみ記録されます）",
                    );
                } else {
                    issues.error(&field, &q.full_label(), "未回答です");
                }
            }
        }
        for q in self.path() {
            let view = self.question_view(q);
            if let (true, Some(s)) = (view.disagrees(), view.suggested) {
                issues.warning(
                    &format!("answers.{}", q.key()),
                    &q.full_label(),
                    format!("チェックした項目からは「{}」と考えられます。回答を確認してください", s.label()),
                );
            }
        }
        issues
    }

    /// 完了: the finished record (status, time, outcome), or the errors that prevent it.
    pub fn finish(&self, now: Timestamp) -> Result<Assessment, Issues> {
        let mut done = self.clone();
        done.assessor = done.assessor.trim().to_string();
        done.refresh();
        let issues = done.issues();
        if issues.has_errors() {
            return Err(issues);
        }
        done.status = AssessmentStatus::Finished;
        done.finished_at = Some(now);
        Ok(done)
    }

    /// 修正のため下書きに戻す.
    pub fn reopen(&self) -> Assessment {
        Assessment { status: AssessmentStatus::Draft, finished_at: None, ..self.clone() }
    }

    /// When the judgement was made: the 日時 the nurse records for the assessment (the
    /// visit; `started_at`, which she may correct), not the moment 完了 was pressed — an
    /// assessment entered after the visit keeps the visit's date and time.
    pub fn assessed_at(&self) -> Timestamp {
        self.started_at
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

// --- 様式1 への反映 ------------------------------------------------------------------------

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

// --- 履歴 -----------------------------------------------------------------------------------

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::DeviceId;
    use crate::domain::trees::data::sign_ids;
    use Answer::{No, Yes};
    use QuestionId::*;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).expect("valid id")
    }

    fn new(start: Tree) -> Assessment {
        Assessment::new(id("p1"), start, "保健師A", Timestamp(1_000))
    }

    fn answer_all(a: &mut Assessment, pairs: &[(QuestionId, Answer)]) {
        for (q, ans) in pairs {
            a.set_answer(*q, Some(*ans));
        }
    }

    #[test]
    fn respiratory_without_signs_continues_into_bulbar() {
        let mut a = new(Tree::Respiratory);
        assert_eq!(a.step(), Step::Ask(R1));
        assert!(!a.includes(Tree::Bulbar));
        answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
        assert!(a.includes(Tree::Bulbar));
        assert_eq!(a.step(), Step::Ask(B1));
        answer_all(&mut a, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, Yes)]);
        assert_eq!(a.step(), Step::Done);
        assert_eq!(a.trees_done(), vec![Tree::Respiratory, Tree::Bulbar]);
        assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::NoSigns));
        assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::ToBulbar, OutcomeId::Speech]);
        assert_eq!(a.outcome.summary(), "呼吸障害: 呼吸障害の所見なし（球麻痺の設問へ）／球麻痺: 構音障害の症状あり");
    }

    #[test]
    fn respiratory_positive_ends_unless_the_nurse_continues() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, Yes), (R2, No)]);
        assert_eq!(a.step(), Step::RespiratoryEnded);
        assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::PossibleFailure { question: R2 }));
        assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::RespiratoryFailure]);
        a.set_continue_to_bulbar(true);
        assert_eq!(a.step(), Step::Ask(B1));
        a.set_continue_to_bulbar(false);
        assert_eq!(a.step(), Step::RespiratoryEnded);
    }

    #[test]
    fn going_back_in_respiratory_drops_the_bulbar_answers_from_the_outcome() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
        answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
        assert!(a.outcome.bulbar.is_some());
        a.set_answer(R3, Some(No));
        assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::PossibleFailure { question: R3 }));
        assert_eq!(a.outcome.bulbar, None, "bulbar answers are kept but no longer count");
        assert!(!a.is_on_path(R4));
        assert!(!a.is_on_path(B1));
        assert_eq!(a.answers.len(), 10);
        // Choosing to continue brings them back.
        a.set_continue_to_bulbar(true);
        assert_eq!(a.outcome.bulbar.as_ref().map(|b| b.swallowing.clone()), Some(vec![B1]));
    }

    #[test]
    fn bulbar_only_assessment() {
        let mut a = new(Tree::Bulbar);
        assert!(!a.includes(Tree::Respiratory));
        assert_eq!(a.step(), Step::Ask(B1));
        answer_all(&mut a, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
        assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::Observe]);
        assert_eq!(a.trees_done(), vec![Tree::Bulbar]);
    }

    #[test]
    fn measurements_tick_and_overrides_are_recorded() {
        let mut a = new(Tree::Respiratory);
        let i = a.add_measurement(MeasureKind::Spo2);
        assert!(a.set_measurement_text(i, "89"));
        assert!(a.set_measurement_posture(i, Some(Posture::Lying)));
        assert!(a.set_measurement_situation(i, Some(Situation::Rest)));
        assert_eq!(a.check(sign_ids::SPO2), Some(Check::Yes));
        assert_eq!(a.question_view(R1).suggested, Some(No));
        assert!(a.overrides().is_empty());

        // The nurse unticks the automatic tick: an override is recorded and saved.
        a.set_check(sign_ids::SPO2, Some(Check::No)).expect("known sign");
        assert_eq!(a.check(sign_ids::SPO2), Some(Check::No));
        let o = a.overrides();
        assert_eq!(o, vec![Override { sign: sign_ids::SPO2, auto: Check::Yes, chosen: Check::No }]);
        assert_eq!(o[0].describe(), "「酸素飽和度(SpO2)の低下」自動判定 該当 → 手動で非該当");
        let json = serde_json::to_value(&a).expect("serialises");
        assert_eq!(json["signs"]["r1_spo2"], serde_json::json!({"auto": "yes", "manual": "no"}));
        let back: Assessment = serde_json::from_value(json).expect("reads back");
        assert_eq!(back.overrides(), o);

        // A new value the override agrees with makes the override disappear.
        a.set_measurement_text(i, "95");
        assert_eq!(a.signs.get(sign_ids::SPO2), Some(&SignState { auto: Some(Check::No), manual: None }));
        assert!(a.overrides().is_empty());

        // Ticking by hand a line without a measurement is not an override.
        a.set_check("r1_sounds", Some(Check::Yes)).expect("known sign");
        assert!(a.overrides().is_empty());
        assert_eq!(a.question_view(R1).suggested, Some(No));
        // A tick equal to the automatic judgement follows the measurement.
        a.set_check(sign_ids::SPO2, Some(Check::No)).expect("known sign");
        assert_eq!(a.signs.get(sign_ids::SPO2).and_then(|s| s.manual), None);
        // Clearing goes back to automatic / 未確認.
        a.set_check("r1_sounds", None).expect("known sign");
        assert_eq!(a.check("r1_sounds"), None);
        assert!(!a.signs.contains_key("r1_sounds"));
        assert_eq!(a.set_check("nope", Some(Check::Yes)), Err(UnknownSign("nope".into())));
        // Removing the measurement removes its automatic judgement.
        assert!(a.remove_measurement(i));
        assert!(!a.remove_measurement(5));
        assert_eq!(a.check(sign_ids::SPO2), None);
    }

    /// The seed's boundaries drive the suggestion for 呼吸障害 Q1 through the automatic ticks:
    /// with every other line judged 非該当 by hand, SpO2 90 / 呼吸数 20 / ピークフロー 270 suggest
    /// 「はい」, and 89 / 21 / 269 each suggest 「いいえ」.
    #[test]
    fn boundary_values_decide_the_q1_suggestion() {
        let base = || {
            let mut a = new(Tree::Respiratory);
            for s in
                R1.def().signs.iter().filter(|s| !matches!(s.id, sign_ids::SPO2 | sign_ids::RATE | sign_ids::COUGH))
            {
                a.set_check(s.id, Some(Check::No)).expect("known sign");
            }
            for (kind, text) in
                [(MeasureKind::Spo2, "90"), (MeasureKind::RespiratoryRate, "20"), (MeasureKind::PeakCoughFlow, "270")]
            {
                let i = a.add_measurement(kind);
                a.set_measurement_text(i, text);
            }
            a
        };
        let a = base();
        assert_eq!(a.question_view(R1).suggested, Some(Yes));
        assert!(a.overrides().is_empty());
        for (index, text, sign) in [(0, "89", sign_ids::SPO2), (1, "21", sign_ids::RATE), (2, "269", sign_ids::COUGH)] {
            let mut b = base();
            b.set_measurement_text(index, text);
            assert_eq!(b.check(sign), Some(Check::Yes), "{text}");
            assert_eq!(b.question_view(R1).suggested, Some(No), "{text}");
            // Answering as suggested ends the respiratory tree with the action box.
            b.set_answer(R1, Some(No));
            assert_eq!(b.step(), Step::RespiratoryEnded);
            assert_eq!(b.outcome.outcome_ids(), vec![OutcomeId::RespiratoryFailure]);
        }
        // 呼吸数 31 adds 「かなり注意が必要」 to the finding; 30 does not.
        let mut c = base();
        c.set_measurement_text(1, "31");
        assert!(c.sign_view(sign_ids::RATE).findings[0].message.ends_with("かなり注意が必要"));
        c.set_measurement_text(1, "30");
        assert!(!c.sign_view(sign_ids::RATE).findings[0].message.contains("かなり注意"));
        assert_eq!(c.check(sign_ids::RATE), Some(Check::Yes));
    }

    #[test]
    fn vital_capacity_uses_the_age_and_sex() {
        let patient = Patient { age: Some(Age::Years(55)), ..Patient::default() };
        let mut a = Assessment::for_patient(id("p1"), &patient, Tree::Respiratory, "A", Timestamp(0));
        assert_eq!(a.age, "55");
        let i = a.add_measurement(MeasureKind::VitalCapacity);
        a.set_measurement_text(i, "2.4");
        assert_eq!(a.check(sign_ids::CAPACITY), None, "no sex yet");
        a.set_sex(Some(Sex::Male));
        assert_eq!(a.check(sign_ids::CAPACITY), Some(Check::Yes));
        let view = a.sign_view(sign_ids::CAPACITY);
        assert_eq!(view.findings.len(), 1);
        assert_eq!(view.findings[0].message, "肺活量 2.4L：標準肺活量（男 50-59歳 3.56L）の67.4%、70%以下");
        a.set_age("61");
        assert_eq!(a.check(sign_ids::CAPACITY), None);
    }

    #[test]
    fn finishing_needs_an_assessor_complete_trees_and_readable_values() {
        let mut a = Assessment::new(id("p1"), Tree::Respiratory, "  ", Timestamp(0));
        answer_all(&mut a, &[(R1, Yes)]);
        let i = a.add_measurement(MeasureKind::Pulse);
        a.set_measurement_text(i, "百");
        a.set_age("abc");
        let err = a.finish(Timestamp(5)).expect_err("cannot finish");
        let fields: Vec<&str> = err.errors().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["assessor", "age", "measurements.0", "answers.r2"]);
        assert_eq!(err.for_field("answers.r2").next().map(|e| e.label.as_str()), Some("呼吸障害 Q2"));

        a.assessor = " 保健師B ".into();
        a.set_age("");
        a.set_measurement_text(i, "88");
        answer_all(&mut a, &[(R2, No)]);
        let done = a.finish(Timestamp(5)).expect("finishes");
        assert_eq!(done.status, AssessmentStatus::Finished);
        assert_eq!(done.finished_at, Some(Timestamp(5)));
        assert_eq!(done.assessor, "保健師B");
        assert_eq!(done.reopen().status, AssessmentStatus::Draft);
        assert_eq!(done.reopen().finished_at, None);
    }

    #[test]
    fn bulbar_reached_by_flow_but_untouched_only_warns() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
        let issues = a.issues();
        assert!(!issues.has_errors());
        assert_eq!(issues.warnings().next().map(|w| w.field.as_str()), Some("answers.b1"));
        let done = a.finish(Timestamp(9)).expect("finishes with the respiratory result only");
        assert_eq!(done.trees_done(), vec![Tree::Respiratory]);
        // Half-done bulbar questions must be completed.
        a.set_answer(B1, Some(Yes));
        assert!(a.issues().has_errors());
    }

    #[test]
    fn warnings_for_disagreement_and_missing_posture() {
        let mut a = new(Tree::Respiratory);
        a.set_check("r1_effort", Some(Check::Yes)).expect("known");
        a.set_answer(R1, Some(Yes));
        let i = a.add_measurement(MeasureKind::Spo2);
        a.set_measurement_text(i, "97");
        let issues = a.issues();
        let w: Vec<(&str, &str)> = issues.warnings().map(|w| (w.field.as_str(), w.message.as_str())).collect();
        assert!(w.contains(&("answers.r1", "チェックした項目からは「いいえ」と考えられます。回答を確認してください")));
        assert!(w.iter().any(|(f, _)| *f == "measurements.0"));
        assert!(a.question_view(R1).disagrees());
    }

    #[test]
    fn proposal_only_for_completed_trees() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, Yes), (R2, Yes)]);
        assert!(proposal(&a).is_empty());
        answer_all(&mut a, &[(R3, Yes), (R4, Yes)]);
        let p = proposal(&a);
        assert_eq!((p.respiratory, p.swallowing, p.speech), (Some(true), None, None));
        assert_eq!(
            p.basis.get(&Symptom::Respiratory).map(String::as_str),
            Some("呼吸障害の判断樹でQ4 「その他の症状」がはい")
        );

        let mut b = new(Tree::Respiratory);
        answer_all(&mut b, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
        answer_all(&mut b, &[(B1, Yes), (B2, Yes), (B3, No), (B4, Yes), (B5, Yes), (B6, No)]);
        let p = proposal(&b);
        assert_eq!((p.respiratory, p.swallowing, p.speech), (Some(false), Some(true), Some(false)));
        assert_eq!(p.basis.get(&Symptom::Swallowing).map(String::as_str), Some("球麻痺の判断樹でQ3がいいえ"));
        // Q6 いいえ does not set any 特定症状.
        let mut c = new(Tree::Bulbar);
        answer_all(&mut c, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, No)]);
        let p = proposal(&c);
        assert_eq!((p.respiratory, p.swallowing, p.speech), (None, Some(false), Some(true)));
    }

    #[test]
    fn applying_a_confirmed_proposal_sets_symptoms_and_sources() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, No)]);
        a.set_continue_to_bulbar(true);
        answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, Yes)]);

        let mut patient = Patient::default();
        patient.symptoms.speech = Some(false);
        let draft = proposal(&a);
        assert_eq!(apply_proposal(&mut patient, &draft, &id("as1"), &Symptom::ALL), Err(ApplyError::NotFinished));

        let done = a.finish(Timestamp(86_400_000)).expect("finishes");
        let p = proposal(&done);
        let items = p.items(&patient);
        assert_eq!(items.len(), 3);
        assert_eq!(
            (items[2].symptom, items[2].proposed, items[2].current, items[2].changes),
            (Symptom::Speech, true, Some(false), true)
        );

        // The nurse accepts 呼吸障害 and 構音障害 only.
        let applied =
            apply_proposal(&mut patient, &p, &id("as1"), &[Symptom::Respiratory, Symptom::Speech]).expect("applies");
        assert_eq!(applied, vec![Symptom::Respiratory, Symptom::Speech]);
        assert_eq!(patient.symptoms.respiratory, Some(true));
        assert_eq!(patient.symptoms.speech, Some(true));
        assert_eq!(patient.symptoms.swallowing, None);
        assert_eq!(patient.symptoms.swallowing_source, None);
        let src = patient.symptoms.respiratory_source.clone().expect("source set");
        assert_eq!(src.assessment_id, id("as1"));
        // When: the assessment's 日時 (the visit), not the moment it was finished.
        assert_eq!(src.assessed_at, Timestamp(1_000));
        assert_eq!(done.finished_at, Some(Timestamp(86_400_000)));
        assert_eq!(src.assessor, "保健師A");
        assert_eq!(patient.symptoms.speech_source, Some(src));
    }

    #[test]
    fn applied_only_when_every_proposed_symptom_comes_from_this_assessment() {
        let mut a = new(Tree::Bulbar);
        answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
        let done = a.finish(Timestamp(50)).expect("finishes");
        let p = proposal(&done);
        let mut patient = Patient::default();
        assert!(!is_applied(&patient, &p, &id("as1")));
        assert_eq!(current_with_source(&patient, Symptom::Swallowing), (None, None));
        apply_proposal(&mut patient, &p, &id("as1"), &[Symptom::Swallowing]).expect("applies");
        assert!(!is_applied(&patient, &p, &id("as1")), "構音障害 not taken over yet");
        apply_proposal(&mut patient, &p, &id("as1"), &Symptom::ALL).expect("applies");
        assert!(is_applied(&patient, &p, &id("as1")));
        assert!(!is_applied(&patient, &p, &id("as2")));
        let (value, source) = current_with_source(&patient, Symptom::Speech);
        assert_eq!(value, Some(false));
        assert_eq!(source.map(|s| s.assessor.as_str()), Some("保健師A"));
        // 呼吸障害 was not assessed: not proposed, left as it is.
        assert_eq!(current_with_source(&patient, Symptom::Respiratory), (None, None));
        // An empty proposal is never "applied".
        assert!(!is_applied(&patient, &proposal(&new(Tree::Bulbar)), &id("as1")));
    }

    #[test]
    fn trash_lists_only_the_patients_deleted_assessments() {
        let dev = DeviceId::parse("dev").expect("id");
        let mut older = new(Tree::Respiratory);
        older.started_at = Timestamp(10);
        let mut newer = new(Tree::Bulbar);
        newer.started_at = Timestamp(20);
        let mut recs = Vec::new();
        for (rid, a, deleted) in [("a1", &older, true), ("a2", &newer, true), ("a3", &newer, false)] {
            let mut r = StoredRecord::create(id(rid), id("d"), a, Timestamp(0), &dev).expect("ok");
            if deleted {
                r.meta.deleted_at = Some(Timestamp(1));
            }
            recs.push(r);
        }
        let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
        let mut r = StoredRecord::create(id("a4"), id("d"), &other, Timestamp(0), &dev).expect("ok");
        r.meta.deleted_at = Some(Timestamp(1));
        recs.push(r);
        let d = id("d");
        let t = patient_trash(RecordSet::new(&recs, &d), &id("p1"));
        assert_eq!(t.iter().map(|(r, _)| r.meta.id.as_str()).collect::<Vec<_>>(), vec!["a2", "a1"]);
    }

    #[test]
    fn history_filters_and_orders() {
        let dev = DeviceId::parse("dev").expect("id");
        let mut older = new(Tree::Respiratory);
        older.started_at = Timestamp(10);
        let mut newer = new(Tree::Respiratory);
        newer.started_at = Timestamp(20);
        newer.status = AssessmentStatus::Finished;
        let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
        let mut recs = vec![
            StoredRecord::create(id("a2"), id("d"), &newer, Timestamp(0), &dev).expect("ok"),
            StoredRecord::create(id("a1"), id("d"), &older, Timestamp(0), &dev).expect("ok"),
            StoredRecord::create(id("a3"), id("d"), &other, Timestamp(0), &dev).expect("ok"),
        ];
        let mut deleted = StoredRecord::create(id("a4"), id("d"), &older, Timestamp(0), &dev).expect("ok");
        deleted.meta.deleted_at = Some(Timestamp(1));
        recs.push(deleted);
        let d = id("d");
        let h = patient_history(RecordSet::new(&recs, &d), &id("p1"));
        let ids: Vec<&str> = h.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, vec!["a1", "a2"]);
        assert_eq!(latest_finished(&h).map(|(i, _)| i.as_str()), Some("a2"));
    }

    #[test]
    fn histories_group_by_patient_in_one_pass() {
        let dev = DeviceId::parse("dev").expect("id");
        let mut first = new(Tree::Respiratory);
        first.started_at = Timestamp(10);
        first.status = AssessmentStatus::Finished;
        let mut second = new(Tree::Bulbar);
        second.started_at = Timestamp(30);
        let mut third = new(Tree::Respiratory);
        third.started_at = Timestamp(20);
        third.status = AssessmentStatus::Finished;
        let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
        let mut trashed = StoredRecord::create(id("a9"), id("d"), &first, Timestamp(0), &dev).expect("ok");
        trashed.meta.deleted_at = Some(Timestamp(1));
        let patient = StoredRecord::create(id("p1"), id("d"), &Patient::default(), Timestamp(0), &dev).expect("ok");
        let recs = vec![
            StoredRecord::create(id("a2"), id("d"), &second, Timestamp(0), &dev).expect("ok"),
            StoredRecord::create(id("a1"), id("d"), &first, Timestamp(0), &dev).expect("ok"),
            StoredRecord::create(id("a4"), id("d"), &other, Timestamp(0), &dev).expect("ok"),
            StoredRecord::create(id("a3"), id("d"), &third, Timestamp(0), &dev).expect("ok"),
            trashed,
            patient,
        ];
        let d = id("d");
        let by = histories_by_patient(RecordSet::new(&recs, &d));
        assert_eq!(by.len(), 2);
        let h = by.get(&id("p1")).expect("p1 has assessments");
        let ids: Vec<&str> = h.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, vec!["a1", "a3", "a2"]);
        assert_eq!(h, &patient_history(RecordSet::new(&recs, &d), &id("p1")));
        assert_eq!(drafts(h).iter().map(|(i, _)| i.as_str()).collect::<Vec<_>>(), vec!["a2"]);
        assert!(is_latest_finished(h, &id("a3")));
        assert!(!is_latest_finished(h, &id("a1")));
        assert!(!is_latest_finished(h, &id("a2")));
        assert_eq!(by.get(&id("p2")).map(Vec::len), Some(1));
    }

    #[test]
    fn record_round_trip_and_leaf_paths_per_answer() {
        let mut a = new(Tree::Respiratory);
        answer_all(&mut a, &[(R1, Yes), (R2, No)]);
        let dev = DeviceId::parse("dev").expect("id");
        let r = StoredRecord::create(id("a1"), id("d"), &a, Timestamp(0), &dev).expect("ok");
        assert_eq!(r.meta.kind, RecordKind::Assessment);
        // Each answer is its own field for merging (a new record carries no stamps yet).
        let leaves = crate::domain::record::leaf_paths(&r.body.to_value());
        assert!(leaves.contains_key("answers/r1"));
        assert!(leaves.contains_key("answers/r2"));
        assert_eq!(r.body_as::<Assessment>(), Ok(a));
    }
}
