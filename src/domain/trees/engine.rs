//! 判断樹の進め方: which question comes next, which answers are on the path, the outcome,
//! and the answer the ticked checklist suggests.
//!
//! **Changing an earlier answer.** Answers are never deleted by the engine. When a changed
//! answer ends the tree earlier (e.g. 呼吸障害 Q1 changed to いいえ), the answers to the later
//! questions are kept in the record but are *off the path*: they are ignored by the outcome,
//! the proposal for 様式1 and the history diff, and the UI shows them greyed out. Changing the
//! answer back brings them into use again, so nothing the nurse entered is lost.

use super::data::{Answer, Check, OutcomeId, Question, QuestionId, Tree};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// 回答: one answer per question; a question without an entry is unanswered.
pub type Answers = BTreeMap<QuestionId, Answer>;

/// The questions on the path through `tree` given `answers`, in order: every answered
/// question the tree reaches, then the next unanswered one (if the tree has not ended).
///
/// 呼吸障害: Q1 → Q2 → Q3 → Q4, ending at the first problem answer (Q1–Q3 いいえ, Q4 はい).
/// 球麻痺: all six questions are asked, whatever the answers.
pub fn path(tree: Tree, answers: &Answers) -> Vec<QuestionId> {
    let mut out = Vec::new();
    match tree {
        Tree::Respiratory => {
            for q in tree.questions() {
                out.push(q.id);
                match answers.get(&q.id) {
                    None => break,
                    Some(a) if *a == q.problem_answer => break,
                    Some(_) => {}
                }
            }
        }
        Tree::Bulbar => out.extend(tree.questions().iter().map(|q| q.id)),
    }
    out
}

/// The next question to ask, or `None` when the tree has ended (呼吸障害) or every question is
/// answered (球麻痺).
pub fn next_question(tree: Tree, answers: &Answers) -> Option<QuestionId> {
    path(tree, answers).into_iter().find(|q| !answers.contains_key(q))
}

/// Is `question` on the current path (its answer counts)?
pub fn is_on_path(tree: Tree, answers: &Answers, question: QuestionId) -> bool {
    path(tree, answers).contains(&question)
}

/// The answers that count: those on the path.
pub fn effective_answers(tree: Tree, answers: &Answers) -> Answers {
    path(tree, answers).into_iter().filter_map(|q| answers.get(&q).map(|a| (q, *a))).collect()
}

/// 呼吸障害の判断結果.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RespiratoryResult {
    /// 呼吸障害の可能性あり: the question whose answer ended the tree.
    PossibleFailure { question: QuestionId },
    /// 呼吸障害の所見なし (Q1–Q3 はい, Q4 いいえ) → 球麻痺の設問へ.
    NoSigns,
}

impl RespiratoryResult {
    pub fn label(self) -> &'static str {
        match self {
            RespiratoryResult::PossibleFailure { .. } => "呼吸障害の可能性あり",
            RespiratoryResult::NoSigns => "呼吸障害の所見なし（球麻痺の設問へ）",
        }
    }

    pub fn outcome_id(self) -> OutcomeId {
        match self {
            RespiratoryResult::PossibleFailure { .. } => OutcomeId::RespiratoryFailure,
            RespiratoryResult::NoSigns => OutcomeId::ToBulbar,
        }
    }
}

/// 球麻痺の判断結果 (several outcomes can apply at once).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BulbarResult {
    /// Q1–Q4 answered いいえ (嚥下・気道の症状あり when not empty).
    pub swallowing: Vec<QuestionId>,
    /// Q5 いいえ: 構音障害の症状あり.
    pub speech: bool,
    /// Q6 いいえ: 全身状態の変化あり.
    pub general: bool,
}

impl BulbarResult {
    /// All はい → 経過観察.
    pub fn observe_only(&self) -> bool {
        self.swallowing.is_empty() && !self.speech && !self.general
    }

    /// The outcome boxes that apply, in the seed's order.
    pub fn outcome_ids(&self) -> Vec<OutcomeId> {
        let mut out = Vec::new();
        if !self.swallowing.is_empty() {
            out.push(OutcomeId::Swallowing);
        }
        if self.speech {
            out.push(OutcomeId::Speech);
        }
        if self.general {
            out.push(OutcomeId::GeneralCondition);
        }
        if out.is_empty() {
            out.push(OutcomeId::Observe);
        }
        out
    }

    /// A one-line Japanese summary (`嚥下障害あり（Q1・Q3）、構音障害あり` / `経過観察`).
    pub fn summary(&self) -> String {
        if self.observe_only() {
            return "経過観察".to_string();
        }
        let mut parts = Vec::new();
        if !self.swallowing.is_empty() {
            let qs: Vec<&str> = self.swallowing.iter().map(|q| q.def().label).collect();
            parts.push(format!("嚥下・気道の症状あり（{}）", qs.join("・")));
        }
        if self.speech {
            parts.push("構音障害の症状あり".to_string());
        }
        if self.general {
            parts.push("全身状態の精査が必要".to_string());
        }
        parts.join("、")
    }
}

/// The state of one tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeStatus {
    /// 回答中: the next question to ask.
    InProgress(QuestionId),
    /// 呼吸障害: 判断済み.
    Respiratory(RespiratoryResult),
    /// 球麻痺: 判断済み.
    Bulbar(BulbarResult),
}

/// Where `tree` stands given `answers` (only the answers on the path count).
pub fn status(tree: Tree, answers: &Answers) -> TreeStatus {
    if let Some(next) = next_question(tree, answers) {
        return TreeStatus::InProgress(next);
    }
    match tree {
        Tree::Respiratory => {
            let ended_by =
                tree.questions().iter().find(|q| answers.get(&q.id) == Some(&q.problem_answer)).map(|q| q.id);
            TreeStatus::Respiratory(match ended_by {
                Some(question) => RespiratoryResult::PossibleFailure { question },
                None => RespiratoryResult::NoSigns,
            })
        }
        Tree::Bulbar => {
            let no = |q: QuestionId| answers.get(&q) == Some(&Answer::No);
            TreeStatus::Bulbar(BulbarResult {
                swallowing: [QuestionId::B1, QuestionId::B2, QuestionId::B3, QuestionId::B4]
                    .into_iter()
                    .filter(|q| no(*q))
                    .collect(),
                speech: no(QuestionId::B5),
                general: no(QuestionId::B6),
            })
        }
    }
}

/// The answer the checklist suggests for `question`, from the effective check of each line
/// (`check_of(sign id)`):
/// - any concern (a sign present; for 球麻痺 Q6 a condition not holding) → the problem answer
///   (いいえ for the "none of these" questions, はい for 呼吸障害 Q4);
/// - every line judged and none a concern → the other answer;
/// - otherwise no suggestion (an unticked line is not evidence of absence).
///
/// The suggestion is only shown: the nurse's own answer always decides the path.
pub fn suggestion(question: &Question, check_of: impl Fn(&str) -> Option<Check>) -> Option<Answer> {
    let checks: Vec<Option<Check>> = question.signs.iter().map(|s| check_of(s.id)).collect();
    if checks.iter().flatten().any(|c| question.is_concern(*c)) {
        return Some(question.problem_answer);
    }
    if !checks.is_empty() && checks.iter().all(Option::is_some) {
        return Some(question.problem_answer.opposite());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(QuestionId, Answer)]) -> Answers {
        pairs.iter().copied().collect()
    }

    /// Every assignment of {unanswered, はい, いいえ} to the given questions.
    fn all_assignments(questions: &[QuestionId]) -> Vec<Answers> {
        let mut out = vec![Answers::new()];
        for q in questions {
            let mut next = Vec::new();
            for a in &out {
                next.push(a.clone());
                for ans in Answer::ALL {
                    let mut b = a.clone();
                    b.insert(*q, ans);
                    next.push(b);
                }
            }
            out = next;
        }
        out
    }

    use Answer::{No, Yes};
    use QuestionId::*;

    #[test]
    fn respiratory_every_combination_follows_the_seed() {
        let all = all_assignments(&[R1, R2, R3, R4]);
        assert_eq!(all.len(), 81);
        for a in &all {
            // Expected, written from the seed's chart: walk Q1..Q3, the first いいえ ends the
            // tree with the action box; an unanswered question is asked next; after Q1–Q3
            // はい, Q4 はい → action box, Q4 いいえ → on to 球麻痺.
            let expected = 'walk: {
                for q in [R1, R2, R3] {
                    match a.get(&q) {
                        None => break 'walk TreeStatus::InProgress(q),
                        Some(No) => {
                            break 'walk TreeStatus::Respiratory(RespiratoryResult::PossibleFailure { question: q })
                        }
                        Some(Yes) => {}
                    }
                }
                match a.get(&R4) {
                    None => TreeStatus::InProgress(R4),
                    Some(Yes) => TreeStatus::Respiratory(RespiratoryResult::PossibleFailure { question: R4 }),
                    Some(No) => TreeStatus::Respiratory(RespiratoryResult::NoSigns),
                }
            };
            assert_eq!(status(Tree::Respiratory, a), expected, "answers {a:?}");
            let next = match &expected {
                TreeStatus::InProgress(q) => Some(*q),
                _ => None,
            };
            assert_eq!(next_question(Tree::Respiratory, a), next);
        }
    }

    #[test]
    fn bulbar_every_combination_follows_the_seed() {
        let all = all_assignments(&[B1, B2, B3, B4, B5, B6]);
        assert_eq!(all.len(), 729);
        let mut completed = 0;
        for a in &all {
            let first_unanswered = [B1, B2, B3, B4, B5, B6].into_iter().find(|q| !a.contains_key(q));
            match first_unanswered {
                Some(q) => assert_eq!(status(Tree::Bulbar, a), TreeStatus::InProgress(q)),
                None => {
                    completed += 1;
                    let swallowing: Vec<QuestionId> =
                        [B1, B2, B3, B4].into_iter().filter(|q| a.get(q) == Some(&No)).collect();
                    let speech = a.get(&B5) == Some(&No);
                    let general = a.get(&B6) == Some(&No);
                    let TreeStatus::Bulbar(result) = status(Tree::Bulbar, a) else {
                        panic!("bulbar tree should be complete for {a:?}");
                    };
                    assert_eq!(result.swallowing, swallowing);
                    assert_eq!(result.speech, speech);
                    assert_eq!(result.general, general);
                    let all_yes = a.values().all(|v| *v == Yes);
                    assert_eq!(result.observe_only(), all_yes);
                    let ids = result.outcome_ids();
                    assert_eq!(ids.contains(&OutcomeId::Swallowing), !swallowing.is_empty());
                    assert_eq!(ids.contains(&OutcomeId::Speech), speech);
                    assert_eq!(ids.contains(&OutcomeId::GeneralCondition), general);
                    assert_eq!(ids == vec![OutcomeId::Observe], all_yes);
                }
            }
        }
        assert_eq!(completed, 64);
    }

    #[test]
    fn going_back_keeps_later_answers_but_ignores_them() {
        let mut a = answers(&[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
        assert_eq!(status(Tree::Respiratory, &a), TreeStatus::Respiratory(RespiratoryResult::NoSigns));
        a.insert(R2, No);
        assert_eq!(path(Tree::Respiratory, &a), vec![R1, R2]);
        assert!(!is_on_path(Tree::Respiratory, &a, R3));
        assert_eq!(effective_answers(Tree::Respiratory, &a), answers(&[(R1, Yes), (R2, No)]));
        assert_eq!(a.len(), 4, "Q3 and Q4 stay stored");
        assert_eq!(
            status(Tree::Respiratory, &a),
            TreeStatus::Respiratory(RespiratoryResult::PossibleFailure { question: R2 })
        );
        // Changing it back brings Q3 and Q4 into use again.
        a.insert(R2, Yes);
        assert_eq!(status(Tree::Respiratory, &a), TreeStatus::Respiratory(RespiratoryResult::NoSigns));
        // Clearing Q1 makes it the next question; nothing after it counts.
        a.remove(&R1);
        assert_eq!(next_question(Tree::Respiratory, &a), Some(R1));
        assert!(effective_answers(Tree::Respiratory, &a).is_empty());
    }

    #[test]
    fn answers_of_the_other_tree_are_ignored() {
        let a = answers(&[(B1, No), (R1, Yes)]);
        assert_eq!(next_question(Tree::Respiratory, &a), Some(R2));
        assert_eq!(next_question(Tree::Bulbar, &a), Some(B2));
    }

    #[test]
    fn suggestion_from_ticks() {
        let q1 = R1.def();
        // Nothing judged: no suggestion.
        assert_eq!(suggestion(q1, |_| None), None);
        // One sign present: いいえ.
        assert_eq!(suggestion(q1, |id| (id == "r1_sounds").then_some(Check::Yes)), Some(No));
        // Some judged absent, others not judged: still no suggestion.
        assert_eq!(suggestion(q1, |id| (id == "r1_sounds").then_some(Check::No)), None);
        // All judged absent: はい.
        assert_eq!(suggestion(q1, |_| Some(Check::No)), Some(Yes));
        // Q4 is the other way round.
        let q4 = R4.def();
        assert_eq!(suggestion(q4, |id| (id == "r4_fatigue").then_some(Check::Yes)), Some(Yes));
        assert_eq!(suggestion(q4, |_| Some(Check::No)), Some(No));
        // 球麻痺 Q6 lists good conditions: one not holding → いいえ; all holding → はい.
        let q6 = B6.def();
        assert_eq!(suggestion(q6, |id| Some(if id == "b6_weight" { Check::No } else { Check::Yes })), Some(No));
        assert_eq!(suggestion(q6, |_| Some(Check::Yes)), Some(Yes));
        assert_eq!(suggestion(q6, |id| (id == "b6_vitals").then_some(Check::Yes)), None);
    }

    #[test]
    fn bulbar_summary_reads_well() {
        let r = BulbarResult { swallowing: vec![B1, B3], speech: true, general: false };
        assert_eq!(r.summary(), "嚥下・気道の症状あり（Q1・Q3）、構音障害の症状あり");
        assert_eq!(BulbarResult::default().summary(), "経過観察");
    }
}
