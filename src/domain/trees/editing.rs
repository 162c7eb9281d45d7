//! アセスメントの変更: every change the questionnaire makes to an assessment (answers, ticks,
//! measurements, 性別・年齢), each followed by recomputing the automatic ticks and the outcome;
//! finishing and reopening.

use super::assessment::{parse_age, Assessment, AssessmentStatus, UnknownSign};
use super::data::{find_sign, Answer, Check, QuestionId, Tree};
use super::engine::TreeStatus;
use super::measure::{self, MeasureKind, Measurement, Posture, Sex, Situation};
use crate::domain::issues::Issues;
use crate::domain::time::Timestamp;

impl Assessment {
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
