//! 表示の区分: C．在宅療養者の現況 in the sheet's groups (年齢区分, ADL, 手帳の級, …), each
//! with its heading and, where the % is not of N, what it is of — for the page and the print.

use super::figure::Figure;
use super::sheet::PatientStatus;

/// One group of C: its heading and its figures in the sheet's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureGroup<'a> {
    /// 区分 (年齢区分, 医療処置管理, …)
    pub title: &'static str,
    /// What the % is of when it is not N (`手帳あり中の％`).
    pub base_note: Option<&'static str>,
    pub figures: Vec<&'a Figure>,
}

impl PatientStatus {
    /// C in its groups; the figures in the same order as [`PatientStatus::figures`].
    pub fn groups(&self) -> Vec<FigureGroup<'_>> {
        fn g<'a>(title: &'static str, base_note: Option<&'static str>, figures: Vec<&'a Figure>) -> FigureGroup<'a> {
            FigureGroup { title, base_note, figures }
        }
        vec![
            g("年齢区分", None, self.age_bands.iter().collect()),
            g("ADL", None, self.adl.iter().collect()),
            g("身体障害者手帳", None, vec![&self.certificate]),
            g("手帳の級", Some("手帳あり中の％"), self.certificate_grades.iter().collect()),
            g("障害支援区分", None, self.support_classes.iter().collect()),
            g("障害者総合支援法による居宅介護", None, vec![&self.home_care_service]),
            g("介護保険（介護度）", Some("介護保険あり中の％"), self.care_levels.iter().collect()),
            g("介護保険", None, vec![&self.care_insured]),
            g("災害時個別支援計画", None, vec![&self.disaster_plan]),
            g("医療処置管理", None, self.procedures.iter().collect()),
            g("特定症状", None, self.symptoms.iter().collect()),
            g("神経内科専門医療機関", None, self.neurology.figures().to_vec()),
            g("かかりつけ主治医", None, self.family_doctor.figures().to_vec()),
            g("緊急時の入院機関", None, vec![&self.emergency_admission]),
            g("レスパイトの入院・入所機関", None, vec![&self.respite_admission]),
            g("在宅でのレスパイト", None, vec![&self.home_respite]),
            g("訪問看護ステーションからの訪問看護", None, vec![&self.station_nursing, &self.multiple_stations]),
            g("医療機関からの訪問看護", None, vec![&self.institution_nursing]),
            g("緊急時の訪問看護", None, vec![&self.emergency_nursing]),
            g(
                "在宅人工呼吸器使用患者支援事業（訪問看護）",
                Some("人工呼吸器使用者中の％"),
                vec![&self.ventilator_programme],
            ),
            g("訪問看護利用者", None, vec![&self.nursing_users]),
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::overview::Overview;
    use crate::domain::summary::figure::{Denominator, DiseaseFilter};
    use crate::domain::summary::summarize;
    use crate::domain::summary::tests::mixed_roster;

    #[test]
    fn groups_hold_every_figure_once_in_order() {
        let s = summarize(&Overview::default(), &mixed_roster(), &[], &DiseaseFilter::Als);
        let grouped: Vec<&str> = s.status.groups().iter().flat_map(|g| g.figures.iter().map(|f| f.label)).collect();
        let flat: Vec<&str> = s.status.figures().iter().map(|f| f.label).collect();
        assert_eq!(grouped, flat);
        // A group's note says what its % is of exactly when it is not N.
        for g in s.status.groups() {
            let of_n = g.figures.iter().all(|f| f.denominator == Denominator::Patients);
            assert_eq!(g.base_note.is_none(), of_n, "{}", g.title);
        }
    }
}
