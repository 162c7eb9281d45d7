//! 前回との比較: what changed between two assessments of the same patient, for the history
//! view. Only what counts is compared: answers on the path of an included tree, the
//! effective judgement of each checklist line, the measurements by item, and the outcome.

use super::assessment::{Assessment, AssessmentStatus};
use super::data::{all_signs, QuestionId};
use super::measure::MeasureKind;
use crate::domain::ids::RecordId;
use serde::{Deserialize, Serialize};

/// 変更の種類.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeArea {
    /// 判断結果
    Outcome,
    /// 回答
    Answer,
    /// チェック項目
    Check,
    /// 測定値
    Measurement,
}

impl ChangeArea {
    pub fn label(self) -> &'static str {
        match self {
            ChangeArea::Outcome => "判断結果",
            ChangeArea::Answer => "回答",
            ChangeArea::Check => "チェック項目",
            ChangeArea::Measurement => "測定値",
        }
    }
}

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// 変更の種類
    pub area: ChangeArea,
    /// 項目 (e.g. `呼吸障害 Q2「会話に関連する下記の症状はない」`)
    pub subject: String,
    /// 前回
    pub before: String,
    /// 今回
    pub after: String,
    /// `項目: 前回 → 今回`
    pub description: String,
}

fn change(area: ChangeArea, subject: String, before: String, after: String) -> Change {
    let description = format!("{subject}: {before} → {after}");
    Change { area, subject, before, after, description }
}

const NOT_ANSWERED: &str = "—";
const NOT_CHECKED: &str = "未確認";
const NOT_MEASURED: &str = "未測定";
const NO_RESULT: &str = "判断なし";

/// The changes from `previous` to `current`: outcome first, then answers, checklist lines
/// and measurements, each in the trees' order. Empty when nothing that counts changed.
pub fn diff(previous: &Assessment, current: &Assessment) -> Vec<Change> {
    let mut out = Vec::new();
    let (po, co) = (previous.compute_outcome(), current.compute_outcome());
    let resp = |o: &super::assessment::Outcome| o.respiratory.map_or(NO_RESULT.to_string(), |r| r.label().to_string());
    let (b, a) = (resp(&po), resp(&co));
    if b != a {
        out.push(change(ChangeArea::Outcome, "呼吸障害の判断".to_string(), b, a));
    }
    let bulb = |o: &super::assessment::Outcome| o.bulbar.as_ref().map_or(NO_RESULT.to_string(), |r| r.summary());
    let (b, a) = (bulb(&po), bulb(&co));
    if b != a {
        out.push(change(ChangeArea::Outcome, "球麻痺の判断".to_string(), b, a));
    }

    let (pa, ca) = (previous.effective_answers(), current.effective_answers());
    for q in QuestionId::ALL {
        let show = |x: Option<&super::data::Answer>| x.map_or(NOT_ANSWERED, |a| a.label()).to_string();
        let (b, a) = (show(pa.get(&q)), show(ca.get(&q)));
        if b != a {
            out.push(change(ChangeArea::Answer, format!("{}「{}」", q.full_label(), q.def().text), b, a));
        }
    }

    for (q, s) in all_signs() {
        let show = |x: &Assessment| x.check(s.id).map_or(NOT_CHECKED, |c| c.label()).to_string();
        let (b, a) = (show(previous), show(current));
        if b != a {
            out.push(change(ChangeArea::Check, format!("{}「{}」", q.id.full_label(), s.text), b, a));
        }
    }

    for kind in MeasureKind::ALL {
        let show = |x: &Assessment| {
            let values: Vec<String> = x
                .measurements
                .iter()
                .filter(|m| m.kind == kind && !m.text.trim().is_empty())
                .map(|m| m.display())
                .collect();
            if values.is_empty() {
                NOT_MEASURED.to_string()
            } else {
                values.join("、")
            }
        };
        let (b, a) = (show(previous), show(current));
        if b != a {
            out.push(change(ChangeArea::Measurement, kind.label().to_string(), b, a));
        }
    }
    out
}

/// For a patient's history (oldest first, as [`super::assessment::patient_history`] gives
/// it): each finished assessment with its changes since the previous finished one (the
/// first has none). Drafts are left out.
pub fn history_changes(history: &[(RecordId, Assessment)]) -> Vec<(RecordId, Vec<Change>)> {
    let mut out = Vec::new();
    let mut previous: Option<&Assessment> = None;
    for (id, a) in history.iter().filter(|(_, a)| a.status == AssessmentStatus::Finished) {
        out.push((id.clone(), previous.map(|p| diff(p, a)).unwrap_or_default()));
        previous = Some(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::RecordId;
    use crate::domain::time::Timestamp;
    use crate::domain::trees::data::{sign_ids, Answer, Check, Tree};
    use crate::domain::trees::measure::Posture;
    use Answer::{No, Yes};
    use QuestionId::*;

    fn base() -> Assessment {
        let mut a = Assessment::new(RecordId::parse("p1").expect("id"), Tree::Respiratory, "保健師A", Timestamp(0));
        for (q, ans) in [
            (R1, Yes),
            (R2, Yes),
            (R3, Yes),
            (R4, No),
            (B1, Yes),
            (B2, Yes),
            (B3, Yes),
            (B4, Yes),
            (B5, Yes),
            (B6, Yes),
        ] {
            a.set_answer(q, Some(ans));
        }
        let i = a.add_measurement(MeasureKind::Spo2);
        a.set_measurement_text(i, "96");
        a.set_measurement_posture(i, Some(Posture::Sitting));
        a
    }

    #[test]
    fn identical_assessments_have_no_changes() {
        assert_eq!(diff(&base(), &base()), vec![]);
    }

    #[test]
    fn worsening_is_described_in_japanese() {
        let prev = base();
        let mut cur = base();
        cur.set_measurement_text(0, "88");
        cur.set_measurement_posture(0, Some(Posture::Lying));
        cur.set_answer(R1, Some(No));
        let changes = diff(&prev, &cur);
        let descriptions: Vec<&str> = changes.iter().map(|c| c.description.as_str()).collect();
        assert_eq!(
            descriptions,
            vec![
                "呼吸障害の判断: 呼吸障害の所見なし（球麻痺の設問へ） → 呼吸障害の可能性あり",
                "球麻痺の判断: 経過観察 → 判断なし",
                "呼吸障害 Q1「下記に示す状況はない」: はい → いいえ",
                // Q2–Q4 and the bulbar answers are off the path now: they no longer count.
                "呼吸障害 Q2「会話に関連する下記の症状はない」: はい → —",
                "呼吸障害 Q3「睡眠に関連する下記の症状はない」: はい → —",
                "呼吸障害 Q4「その他の症状」: いいえ → —",
                "球麻痺 Q1「経口摂取に関する下記の状況はない」: はい → —",
                "球麻痺 Q2「唾液などの口腔内の分泌物の処理に関する下記の症状はない」: はい → —",
                "球麻痺 Q3「痰などの気道分泌物の処理に関する下記の症状はない」: はい → —",
                "球麻痺 Q4「気道閉塞に関連する下記の症状はない」: はい → —",
                "球麻痺 Q5「ろれつが回らない・しゃべりにくい・発音が不明瞭になる、などの構音障害の症状はない」: はい → —",
                "球麻痺 Q6「全身状態は良好である」: はい → —",
                "呼吸障害 Q1「酸素飽和度(SpO2)の低下」: 非該当 → 該当",
                "SpO2: 96%（座位） → 88%（臥位）",
            ]
        );
        assert_eq!(changes[0].area, ChangeArea::Outcome);
        assert_eq!(changes[12].area, ChangeArea::Check);
        assert_eq!(changes[13].area, ChangeArea::Measurement);
    }

    #[test]
    fn ticks_and_new_measurements() {
        let prev = base();
        let mut cur = base();
        cur.set_check("b2_drool", Some(Check::Yes)).expect("known");
        let i = cur.add_measurement(MeasureKind::PeakCoughFlow);
        cur.set_measurement_text(i, "250");
        let d: Vec<String> = diff(&prev, &cur).into_iter().map(|c| c.description).collect();
        assert_eq!(
            d,
            vec![
                "呼吸障害 Q1「咳嗽力の低下」: 未確認 → 該当".to_string(),
                "球麻痺 Q2「流涎がある」: 未確認 → 該当".to_string(),
                "ピークフロー（咳）: 未測定 → 250L/min".to_string(),
            ]
        );
        // An override shows as the judgement that counts.
        let mut over = base();
        over.set_check(sign_ids::SPO2, Some(Check::Yes)).expect("known");
        let d: Vec<String> = diff(&prev, &over).into_iter().map(|c| c.description).collect();
        assert_eq!(d, vec!["呼吸障害 Q1「酸素飽和度(SpO2)の低下」: 非該当 → 該当".to_string()]);
    }

    #[test]
    fn history_compares_each_finished_assessment_with_the_previous_one() {
        let id = |s: &str| RecordId::parse(s).expect("id");
        let first = base().finish(Timestamp(1)).expect("finishes");
        let mut draft = base();
        draft.set_answer(R1, Some(No));
        let mut second = base();
        second.set_measurement_text(0, "92");
        let second = second.finish(Timestamp(2)).expect("finishes");
        let h = vec![(id("a1"), first), (id("a2"), draft), (id("a3"), second)];
        let changes = history_changes(&h);
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0], (id("a1"), vec![]));
        assert_eq!(changes[1].0, id("a3"));
        let d: Vec<&str> = changes[1].1.iter().map(|c| c.description.as_str()).collect();
        assert_eq!(d, vec!["SpO2: 96%（座位） → 92%（座位）"]);
    }
}
