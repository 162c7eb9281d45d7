//! 様式4 管内の状況: the eight items of 様式4 are figures of the 集計 (each a % of the N
//! patients, by the seed's 算出方法), computed in the same pass as the 集計 sheet. The
//! nurse's レベル and 課題 for each item are the 様式4 record (`domain::evaluation`).

use super::figure::{Denominator, DiseaseFilter, DoctorFigure, DoctorKind, Figure, PatientFigure};
use super::tally::Tallies;
use crate::domain::patient::Patient;
use serde::{Deserialize, Serialize};

/// 様式4 の評価項目 (the eight rows of the form, in its order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationItem {
    /// 専門診療の確保
    Specialist,
    /// 日常診療の確保
    Daily,
    /// 急変時の入院確保
    EmergencyAdmission,
    /// レスパイトケアの確保 入院・入所
    RespiteAdmission,
    /// レスパイトケアの確保 在宅
    RespiteHome,
    /// 訪問看護の確保 定期
    NursingRegular,
    /// 訪問看護の確保 緊急時
    NursingEmergency,
    /// 災害対策
    Disaster,
}

impl EvaluationItem {
    pub const ALL: [EvaluationItem; 8] = [
        EvaluationItem::Specialist,
        EvaluationItem::Daily,
        EvaluationItem::EmergencyAdmission,
        EvaluationItem::RespiteAdmission,
        EvaluationItem::RespiteHome,
        EvaluationItem::NursingRegular,
        EvaluationItem::NursingEmergency,
        EvaluationItem::Disaster,
    ];

    /// Stable key (field keys of the form: `specialist.level`, `specialist.issue`).
    pub fn key(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => "specialist",
            EvaluationItem::Daily => "daily",
            EvaluationItem::EmergencyAdmission => "emergency_admission",
            EvaluationItem::RespiteAdmission => "respite_admission",
            EvaluationItem::RespiteHome => "respite_home",
            EvaluationItem::NursingRegular => "nursing_regular",
            EvaluationItem::NursingEmergency => "nursing_emergency",
            EvaluationItem::Disaster => "disaster",
        }
    }

    /// Full name: 専門診療の確保, レスパイトケアの確保（入院・入所）, ….
    pub fn label(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => "専門診療の確保",
            EvaluationItem::Daily => "日常診療の確保",
            EvaluationItem::EmergencyAdmission => "急変時の入院確保",
            EvaluationItem::RespiteAdmission => "レスパイトケアの確保（入院・入所）",
            EvaluationItem::RespiteHome => "レスパイトケアの確保（在宅）",
            EvaluationItem::NursingRegular => "訪問看護の確保（定期）",
            EvaluationItem::NursingEmergency => "訪問看護の確保（緊急時）",
            EvaluationItem::Disaster => "災害対策",
        }
    }

    /// The form's row heading and sub-heading: (`レスパイトケアの確保`, `入院・入所`).
    pub fn heading(self) -> (&'static str, Option<&'static str>) {
        match self {
            EvaluationItem::Specialist => ("専門診療の確保", None),
            EvaluationItem::Daily => ("日常診療の確保", None),
            EvaluationItem::EmergencyAdmission => ("急変時の入院確保", None),
            EvaluationItem::RespiteAdmission => ("レスパイトケアの確保", Some("入院・入所")),
            EvaluationItem::RespiteHome => ("レスパイトケアの確保", Some("在宅")),
            EvaluationItem::NursingRegular => ("訪問看護の確保", Some("定期")),
            EvaluationItem::NursingEmergency => ("訪問看護の確保", Some("緊急時")),
            EvaluationItem::Disaster => ("災害対策", None),
        }
    }

    /// The rule of the 管内の状況 (the seed's 算出方法).
    pub fn figure(self) -> PatientFigure {
        match self {
            EvaluationItem::Specialist => PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Visits),
            EvaluationItem::Daily => PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::Visits),
            EvaluationItem::EmergencyAdmission => PatientFigure::EmergencyAdmission,
            EvaluationItem::RespiteAdmission => PatientFigure::RespiteAdmission,
            EvaluationItem::RespiteHome => PatientFigure::HomeRespite,
            EvaluationItem::NursingRegular => PatientFigure::RegularNursing,
            EvaluationItem::NursingEmergency => PatientFigure::EmergencyNursing,
            EvaluationItem::Disaster => PatientFigure::DisasterPlan,
        }
    }

    /// 算出方法, as the page shows it.
    pub fn formula(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => {
                "神経内科専門医療機関を外来または往診で受診している人の割合（（外来＋往診）÷在宅療養者数×100）"
            }
            EvaluationItem::Daily => {
                "かかりつけ主治医を外来または往診で受診している人の割合（（外来＋往診）÷在宅療養者数×100）"
            }
            EvaluationItem::EmergencyAdmission => "緊急時の入院機関に0以外の入力がある人の割合",
            EvaluationItem::RespiteAdmission => "レスパイトの入院・入所機関に0以外の入力がある人の割合",
            EvaluationItem::RespiteHome => "在宅でのレスパイトに0以外の入力がある人の割合",
            EvaluationItem::NursingRegular => "訪問看護ステーションの利用機関数が1以上の人の割合",
            EvaluationItem::NursingEmergency => "緊急時の訪問看護に0以外の入力がある人の割合",
            EvaluationItem::Disaster => "災害時個別支援計画がある人の割合",
        }
    }
}

/// 管内の状況 of one item: the % of N computed by the seed's rule, and the numbers behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemCoverage {
    pub item: EvaluationItem,
    /// 管内の状況 (在宅療養者中ありの％), with its count, N and unknown count; its key lists the
    /// patients behind it.
    pub figure: Figure,
    /// 算出方法
    pub formula: &'static str,
    /// The parts the count adds up: 外来 and 往診 for 専門診療・日常診療 (empty otherwise).
    pub parts: Vec<Figure>,
}

/// 管内の状況 from the tallies of one pass.
pub(crate) fn coverage_from(tallies: &Tallies<'_>) -> [ItemCoverage; 8] {
    EvaluationItem::ALL.map(|item| {
        let parts = match item.figure() {
            PatientFigure::Doctor(kind, _) => vec![
                tallies.figure(PatientFigure::Doctor(kind, DoctorFigure::Outpatient), Denominator::Patients),
                tallies.figure(PatientFigure::Doctor(kind, DoctorFigure::HomeVisit), Denominator::Patients),
            ],
            _ => Vec::new(),
        };
        ItemCoverage {
            item,
            figure: tallies.figure_as(item.figure(), item.label(), Denominator::Patients),
            formula: item.formula(),
            parts,
        }
    })
}

/// 様式4 管内の状況 for the eight items, each a % of the N patients of `filter`.
pub fn coverage(patients: &[Patient], filter: &DiseaseFilter) -> [ItemCoverage; 8] {
    coverage_from(&Tallies::new(patients, filter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Tenths;
    use crate::domain::patient::Patient;
    use crate::domain::summary::figure::members;
    use crate::domain::summary::tests::{mixed_roster, seed_example_1, seed_example_2};

    fn pct(t: u64) -> Option<Tenths> {
        Some(Tenths(t))
    }

    #[test]
    fn seed_examples_coverage() {
        let roster = vec![seed_example_1(), seed_example_2()];
        let c = coverage(&roster, &DiseaseFilter::Als);
        let got: Vec<(u64, Option<Tenths>, u64)> =
            c.iter().map(|i| (i.figure.count, i.figure.percent, i.figure.unknown)).collect();
        assert_eq!(
            got,
            vec![
                // 専門診療: both 外来 → 2/2
                (2, pct(1000), 0),
                // 日常診療: 例2 往診, 例1 mode 0 → 1/2
                (1, pct(500), 0),
                // 急変時の入院: 例2 Ｂ大学病院 → 1/2
                (1, pct(500), 0),
                // レスパイト 入院・入所: both 0 → 0/2
                (0, pct(0), 0),
                // レスパイト 在宅: both described → 2/2
                (2, pct(1000), 0),
                // 訪問看護 定期: 例2 利用機関数 2 ≥ 1, 例1 0 → 1/2
                (1, pct(500), 0),
                // 訪問看護 緊急時: 例2 Ａｽﾃｰｼｮﾝ → 1/2
                (1, pct(500), 0),
                // 災害対策: 例1 plan (year unknown), 例2 none → 1/2
                (1, pct(500), 0),
            ]
        );
        // 専門診療 = 外来 2 + 往診 0; 日常診療 = 外来 0 + 往診 1.
        assert_eq!(c[0].parts.iter().map(|f| f.count).collect::<Vec<_>>(), vec![2, 0]);
        assert_eq!(c[1].parts.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(c[1].figure.label, "日常診療の確保");
        assert_eq!(members(c[1].figure.key, &roster, &DiseaseFilter::Als), vec![1]);
        assert_eq!(members(c[7].figure.key, &roster, &DiseaseFilter::Als), vec![0]);
    }

    #[test]
    fn empty_and_unknown_rosters() {
        for c in coverage(&[], &DiseaseFilter::Als) {
            assert_eq!((c.figure.count, c.figure.percent, c.figure.unknown), (0, None, 0));
        }
        // Three blank patients: 0 / 3 = 0.0 %, all three unknown.
        for c in coverage(&vec![Patient::default(); 3], &DiseaseFilter::Als) {
            assert_eq!((c.figure.count, c.figure.percent, c.figure.unknown), (0, pct(0), 3), "{}", c.item.label());
        }
    }

    #[test]
    fn regular_nursing_counts_stations_used_not_names() {
        // mixed roster (ALS): 利用機関数 p1 1, p2 0, p3 1, p4 blank, p5 3 → 3 / 5 = 60.0, 1 unknown.
        let c = coverage(&mixed_roster(), &DiseaseFilter::Als);
        let f = &c[5].figure;
        assert_eq!((f.count, f.percent, f.unknown), (3, pct(600), 1));
    }
}
