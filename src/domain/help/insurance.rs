//! 訪問看護の保険（介護保険と医療保険）: the help page for the 判断樹 page's 保険 tool. The
//! chart's branches, limits and lists are the tool's own tables (`domain::insurance`); only
//! the order in which the chart asks and the page's short introductions are written here.

use crate::domain::insurance::{
    InsuranceRule, SpecifiedDisease, Table7Disease, Table8State, VisitLimits, LONG_VISIT_NOTE,
};

/// What the tool is for (the seed's chart title and its ※2).
pub const PURPOSE: &[&str] = &[
    "訪問看護を介護保険と医療保険のどちらで利用するかを、利用者の年齢、疾病、要介護・要支援の認定から判断します（「難病にかかる訪問看護の制度 まとめ」の図「訪問看護 介護保険と医療保険どちらをつかうの？」）。",
    "厚生労働大臣が定める疾病等（別表第７）に当たる人は、要介護者・要支援者であっても、医療保険で訪問看護が行われます（図の※2）。",
    "判断樹のページの「訪問看護の保険」で、療養者を選ぶと様式1 の入力（年齢、疾患、医療処置、介護保険）から分かる項目が入ります。分からない項目は「不明」のままにでき、判断に足りない項目をアプリが示します。",
];

/// One branch of the chart: where it applies, and what it allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowStep {
    pub rule: InsuranceRule,
    /// 利用できる訪問看護 in the seed's words.
    pub limits: Vec<String>,
}

/// The chart's branches in the order it asks: 別表第７ first, then the 介護保険 routes, then
/// the 医療保険 ones (whose limits widen when the person is in 別表第８).
pub fn flow() -> Vec<FlowStep> {
    let medical = || {
        let mut lines = VisitLimits::UpToThreeDays.lines(None);
        lines.push(format!("別表第８に掲げる状態にある人は、{}", VisitLimits::Extended.lines(None).join("、")));
        lines
    };
    [
        (InsuranceRule::Table7, VisitLimits::Extended.lines(None)),
        (InsuranceRule::CareOver65, VisitLimits::CarePlan.lines(None)),
        (InsuranceRule::CareSpecifiedDisease, VisitLimits::CarePlan.lines(None)),
        (InsuranceRule::MedicalUnder40, medical()),
        (InsuranceRule::MedicalNoSpecifiedDisease, medical()),
        (InsuranceRule::MedicalNotCertified, medical()),
    ]
    .into_iter()
    .map(|(rule, limits)| FlowStep { rule, limits })
    .collect()
}

/// 別表第７ (厚生労働大臣が定める疾病等), each with its group when it has one.
pub fn table7() -> Vec<String> {
    Table7Disease::ALL
        .into_iter()
        .map(|d| match (d.group(), d.detail()) {
            (Some(g), Some(detail)) => format!("{g}（{}：{detail}）", d.label()),
            (Some(g), None) => format!("{g}（{}）", d.label()),
            (None, Some(detail)) => format!("{}（{detail}）", d.label()),
            (None, None) => d.label().to_string(),
        })
        .collect()
}

/// 別表第８, by the seed's item numbers 1–5: (heading, its states).
pub fn table8() -> Vec<(&'static str, Vec<&'static str>)> {
    (1..=5)
        .map(|g| {
            let states = Table8State::ALL.into_iter().filter(|s| s.group() == g).map(Table8State::label).collect();
            (Table8State::group_label(g), states)
        })
        .collect()
}

/// 介護保険の２号被保険者の特定疾病 (16), numbered as in the seed.
pub fn specified_diseases() -> Vec<String> {
    SpecifiedDisease::ALL.into_iter().map(|d| format!("{} {}", d.numeral(), d.label())).collect()
}

/// The seed's note on 長時間訪問看護.
pub fn long_visit_note() -> &'static str {
    LONG_VISIT_NOTE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insurance::Insurance;

    #[test]
    fn the_chart_asks_table7_first_and_ends_in_medical_insurance() {
        let steps = flow();
        assert_eq!(steps.len(), 6);
        assert_eq!(steps[0].rule, InsuranceRule::Table7);
        assert_eq!(steps[0].rule.insurance(), Insurance::Medical);
        assert_eq!(
            steps[0].limits,
            vec!["週４日以上、1日複数回の利用可能", "２ヶ所（週7日間の訪問計画ありの場合は3か所）のST利用可能"]
        );
        let care: Vec<_> = steps.iter().filter(|s| s.rule.insurance() == Insurance::Care).collect();
        assert_eq!(care.len(), 2);
        assert!(care.iter().all(|s| s.limits == vec!["ケアプランに基づき提供"]));
        for s in &steps[3..] {
            assert_eq!(s.rule.insurance(), Insurance::Medical);
            assert_eq!(s.limits[0], "週３日まで利用可能");
            assert!(s.limits[1].starts_with("別表第８に掲げる状態にある人は、週４日以上"));
        }
    }

    #[test]
    fn the_lists_are_the_tools_own_tables() {
        // 別表第７: 21 items, ALS among them; 別表第８: 17 states in 5 items; 特定疾病: 16.
        let t7 = table7();
        assert_eq!(t7.len(), 21);
        assert!(t7.iter().any(|d| d.contains("筋萎縮性側索硬化症")));
        let t8 = table8();
        assert_eq!(t8.len(), 5);
        assert_eq!(t8.iter().map(|(_, s)| s.len()).sum::<usize>(), 17);
        assert_eq!(t8[1].1.len(), 10, "item 2: the ten 在宅…指導管理");
        let sd = specified_diseases();
        assert_eq!(sd.len(), 16);
        assert!(sd.iter().any(|d| d.contains("筋萎縮性側索硬化症")));
        assert!(long_visit_note().contains("90分"));
    }
}
