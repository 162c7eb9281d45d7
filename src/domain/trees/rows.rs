//! アセスメントの表示行: what the questionnaire's stepper, the finished assessment and its
//! printed record show, as rows — which questions are shown, each with its answer and the
//! checklist lines judged, and the measurements with their findings. The screen and the paper
//! read the same rows, so they never disagree.

use super::assessment::Assessment;
use super::data::{Answer, Question, QuestionId, Tree};

/// 実施した判断樹の表題, joined with ` ／ ` (the page's and the paper's heading).
pub fn tree_titles(a: &Assessment) -> String {
    Tree::ALL.into_iter().filter(|t| a.includes(*t)).map(|t| t.def().title).collect::<Vec<_>>().join(" ／ ")
}

/// The questions shown for an assessment, in order: those of every tree it includes, and of a
/// tree it no longer includes but holds answers for (kept and shown 経路外, never dropped).
pub fn shown_questions(a: &Assessment) -> impl Iterator<Item = &'static Question> + '_ {
    Tree::ALL
        .into_iter()
        .filter(move |t| a.includes(*t) || t.questions().iter().any(|q| a.answers.contains_key(&q.id)))
        .flat_map(|t| t.questions().iter())
}

/// One question in the stepper: its answer and whether it is on the path the answers take.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StepRow {
    pub q: QuestionId,
    pub answer: Option<Answer>,
    /// On the path (answers off it are kept but not used for the outcome).
    pub on_path: bool,
}

/// The stepper's rows ([`shown_questions`]).
pub fn step_rows(a: &Assessment) -> Vec<StepRow> {
    shown_questions(a)
        .map(|q| StepRow { q: q.id, answer: a.answers.get(&q.id).copied(), on_path: a.is_on_path(q.id) })
        .collect()
}

/// How a checklist line came to its judgement.
pub const HOW_AUTOMATIC: &str = "自動判定";
/// 〃 when the nurse changed the automatic judgement.
pub const HOW_OVERRIDDEN: &str = "手動で変更";

/// One judged checklist line of a finished assessment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CheckLine {
    /// 項目
    pub text: String,
    /// 該当 / 非該当
    pub label: &'static str,
    /// A concern (a sign present, a condition not holding).
    pub concern: bool,
    /// [`HOW_AUTOMATIC`] (from a measurement, untouched), [`HOW_OVERRIDDEN`] (the nurse changed
    /// the automatic judgement), or empty (the nurse's own tick).
    pub how: &'static str,
}

/// One question of a finished assessment: its answer, whether it is on the path, and the
/// checklist lines judged (lines still 未確認 are left out).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AnswerRow {
    pub q: QuestionId,
    pub answer: Option<Answer>,
    pub on_path: bool,
    pub checks: Vec<CheckLine>,
}

/// 回答とチェック項目 ([`shown_questions`]).
pub fn answer_rows(a: &Assessment) -> Vec<AnswerRow> {
    shown_questions(a)
        .map(|def| AnswerRow {
            q: def.id,
            answer: a.answers.get(&def.id).copied(),
            on_path: a.is_on_path(def.id),
            checks: def
                .signs
                .iter()
                .filter_map(|s| {
                    let state = a.signs.get(s.id).copied().unwrap_or_default();
                    let c = state.effective()?;
                    let how = if state.is_override() {
                        HOW_OVERRIDDEN
                    } else if state.manual.is_none() {
                        HOW_AUTOMATIC
                    } else {
                        ""
                    };
                    Some(CheckLine { text: s.text.to_string(), label: c.label(), concern: def.is_concern(c), how })
                })
                .collect(),
        })
        .collect()
}

/// A measurement's finding as shown: the message, and whether the value is outside the
/// reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShownFinding {
    pub message: String,
    pub abnormal: bool,
}

/// One measurement as shown: kind, value (with 体位・状況), note, and its finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MeasurementRow {
    pub label: &'static str,
    pub value: String,
    pub note: String,
    pub finding: Option<ShownFinding>,
}

/// 測定値, in the order entered.
pub fn measurement_rows(a: &Assessment) -> Vec<MeasurementRow> {
    let findings = a.findings();
    a.measurements
        .iter()
        .enumerate()
        .map(|(i, m)| MeasurementRow {
            label: m.kind.label(),
            value: m.display(),
            note: m.note.clone(),
            finding: findings
                .iter()
                .find(|(j, _)| *j == i)
                .map(|(_, f)| ShownFinding { message: f.message.clone(), abnormal: f.abnormal == Some(true) }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::RecordId;
    use crate::domain::time::Timestamp;
    use crate::domain::trees::data::{sign_ids, Check};
    use crate::domain::trees::measure::{MeasureKind, Posture, Situation};

    fn new(start: Tree) -> Assessment {
        Assessment::new(RecordId::parse("p1").expect("id"), start, "保健師A", Timestamp(1_000))
    }

    #[test]
    fn a_respiratory_assessment_shows_its_four_questions_and_title() {
        let a = new(Tree::Respiratory);
        let ids: Vec<QuestionId> = step_rows(&a).into_iter().map(|r| r.q).collect();
        assert_eq!(ids, [QuestionId::R1, QuestionId::R2, QuestionId::R3, QuestionId::R4]);
        assert_eq!(tree_titles(&a), "ALS呼吸障害に関連する症状のアセスメントと対応");
        // Nothing answered: R1 is on the path and unanswered.
        assert_eq!(step_rows(&a)[0], StepRow { q: QuestionId::R1, answer: None, on_path: true });
    }

    #[test]
    fn a_tree_left_with_answers_is_still_shown() {
        // 球麻痺 first, B1 answered; then the nurse switches to 呼吸障害 only.
        let mut a = new(Tree::Bulbar);
        a.set_answer(QuestionId::B1, Some(Answer::Yes));
        a.start_tree = Tree::Respiratory;
        assert!(!a.includes(Tree::Bulbar));
        // 4 呼吸障害 questions + the 6 球麻痺 ones (B1 answered, 経路外).
        let rows = answer_rows(&a);
        assert_eq!(rows.len(), 10);
        let b1 = rows.iter().find(|r| r.q == QuestionId::B1).expect("shown");
        assert_eq!((b1.answer, b1.on_path), (Some(Answer::Yes), false));
        // The title lists only the trees the assessment includes.
        assert_eq!(tree_titles(&a), "ALS呼吸障害に関連する症状のアセスメントと対応");
    }

    #[test]
    fn check_lines_say_how_they_were_judged() {
        let mut a = new(Tree::Respiratory);
        let i = a.add_measurement(MeasureKind::Spo2);
        a.set_measurement_text(i, "89");
        a.set_measurement_posture(i, Some(Posture::Lying));
        a.set_measurement_situation(i, Some(Situation::Rest));
        a.set_check("r1_sounds", Some(Check::Yes)).expect("known sign");
        let r1 = answer_rows(&a).into_iter().find(|r| r.q == QuestionId::R1).expect("R1");
        let how: Vec<(&str, bool, &str)> = r1.checks.iter().map(|c| (c.label, c.concern, c.how)).collect();
        // Only the two judged lines, in the checklist's order; R1 lists conditions that must
        // NOT be present, so 該当 is a concern.
        assert_eq!(r1.checks.len(), 2);
        assert!(how.contains(&("該当", true, HOW_AUTOMATIC)), "{how:?}");
        assert!(how.contains(&("該当", true, "")), "{how:?}");
        // The nurse unticks the automatic SpO2 line: 手動で変更, no longer a concern.
        a.set_check(sign_ids::SPO2, Some(Check::No)).expect("known sign");
        let r1 = answer_rows(&a).into_iter().find(|r| r.q == QuestionId::R1).expect("R1");
        let spo2 = r1.checks.iter().find(|c| c.text.contains("SpO2")).expect("SpO2 line");
        assert_eq!((spo2.label, spo2.concern, spo2.how), ("非該当", false, HOW_OVERRIDDEN));
    }

    #[test]
    fn measurement_rows_carry_value_context_note_and_finding() {
        let mut a = new(Tree::Respiratory);
        let i = a.add_measurement(MeasureKind::Spo2);
        a.set_measurement_text(i, "89");
        a.set_measurement_posture(i, Some(Posture::Lying));
        a.set_measurement_situation(i, Some(Situation::Rest));
        let j = a.add_measurement(MeasureKind::Pulse);
        let mut m = a.measurements[j].clone();
        m.note = "訪問直後".into();
        a.update_measurement(j, m);
        let rows = measurement_rows(&a);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].label, "SpO2");
        assert!(rows[0].value.ends_with("（臥位・安静時）"), "{}", rows[0].value);
        let f = rows[0].finding.as_ref().expect("89 % is judged");
        assert!(f.abnormal, "89 % is under 90 %");
        assert_eq!(f.message, a.findings()[0].1.message);
        // Not entered: shown as 未入力 with its note, no finding.
        assert_eq!((rows[1].label, rows[1].value.as_str(), rows[1].note.as_str()), ("脈拍", "未入力", "訪問直後"));
        assert_eq!(rows[1].finding, None);
    }
}
