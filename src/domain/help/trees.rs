//! 判断樹の使い方: what the two trees are for and how to read their outcome. The trees'
//! titles, questions and outcome boxes are the app's tables (`domain::trees`); only when each
//! outcome applies is written here, from the seed's charts.

use crate::domain::forms::form_help;
use crate::domain::trees::data::{OutcomeId, Tree};

/// What the 判断樹 are for (the seed's 「特定症状の有無」 and the charts' own words).
pub const PURPOSE: &[&str] = &[
    "訪問時に、ALS 療養者の呼吸障害と球麻痺（嚥下・構音など）に関連する症状を順にたずね、観察し、医師への連絡・相談や支援が必要かを判断するための資料です。",
    "呼吸障害の判断樹で所見がなければ、球麻痺の判断樹の設問へ進みます。球麻痺の判断樹は「経口摂取、吸引器や経管栄養を導入する前の時期」のためのものです。",
    "結果は様式1 の特定症状（呼吸障害、嚥下障害・構音障害）の入力に使えます。いつ、誰が判断したかも記録されます。",
];

/// How to answer.
pub const HOW_TO_ANSWER: &[&str] = &[
    "設問の多くは「下記の症状（状況）はない」という形です。一つも当てはまらなければ「はい」、一つでも当てはまれば「いいえ」と答えます。",
    "呼吸障害 Q4「その他の症状」だけは、当てはまる症状があれば「はい」です。",
    "※の付いた項目は測定が必要です。測定値を入れると、基準値から当てはまるかをアプリが示します（姿勢と状況も記録します）。",
];

/// When an outcome applies (the arrows of the seed's charts).
pub fn when(outcome: OutcomeId) -> &'static str {
    match outcome {
        OutcomeId::RespiratoryFailure => "呼吸障害 Q1〜Q3 のどれかが「いいえ」、または Q4 が「はい」のとき",
        OutcomeId::ToBulbar => "呼吸障害 Q1〜Q3 がすべて「はい」で、Q4 が「いいえ」のとき",
        OutcomeId::Swallowing => "球麻痺 Q1〜Q4 のどれかが「いいえ」のとき",
        OutcomeId::Speech => "球麻痺 Q5 が「いいえ」のとき",
        OutcomeId::GeneralCondition => "球麻痺 Q6 が「いいえ」のとき",
        OutcomeId::Observe => "球麻痺 Q1〜Q6 がすべて「はい」のとき",
    }
}

/// Every outcome, in the charts' order.
pub const OUTCOMES: [OutcomeId; 6] = [
    OutcomeId::RespiratoryFailure,
    OutcomeId::ToBulbar,
    OutcomeId::Swallowing,
    OutcomeId::Speech,
    OutcomeId::GeneralCondition,
    OutcomeId::Observe,
];

/// The trees, in order.
pub const TREES: [Tree; 2] = Tree::ALL;

/// The seed's note on 様式1 特定症状 (which tree sets which symptom).
pub fn symptoms_note() -> &'static str {
    form_help::SYMPTOMS[0].why
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_says_when_it_applies() {
        for o in OUTCOMES {
            assert!(when(o).contains('Q'), "{o:?}");
            assert!(!o.def().title.is_empty());
        }
        assert!(symptoms_note().contains("判断樹"));
        assert_eq!(TREES.iter().map(|t| t.questions().len()).sum::<usize>(), 10);
    }
}
