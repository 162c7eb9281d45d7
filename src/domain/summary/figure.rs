//! 集計の項目: one counted figure (人数・件数, 分母, 割合, 不明) and the predicate behind it.
//!
//! Every figure of the 集計 sheet and of 様式4's 管内の状況 is named by a [`FigureKey`]. The
//! key's [`PatientFigure::verdict`] / [`StationFigure::verdict`] is the *only* rule that says
//! whether a record counts: [`summarize`](super::summarize) counts with it and
//! [`members`] lists the records behind a figure with it, so the count and the drill-down
//! can never disagree.

use crate::domain::number::{percent, show_tenths, Decimal2, Tenths};
use crate::domain::patient::{Adl, Age, AgeBand, CareLevel, DoctorCare, Patient, VisitMode};
use crate::domain::patient::{Disease, Procedures};
use crate::domain::station::{Intake, Station};
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};
use std::fmt;

/// 疾患の絞り込み: which patients of 様式1 the 集計 counts. N is the number of patients that
/// match. The tool is built for ALS, so ALS is the default.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(tag = "type", content = "disease", rename_all = "snake_case")]
pub enum DiseaseFilter {
    /// ALS のみ (the tool's own 集計).
    #[default]
    Als,
    /// 一つの疾患.
    Disease(Disease),
    /// 全疾患.
    All,
}

impl DiseaseFilter {
    /// Does the patient count in this 集計?
    pub fn matches(&self, p: &Patient) -> bool {
        match self {
            DiseaseFilter::Als => p.disease == Disease::Als,
            DiseaseFilter::Disease(d) => &p.disease == d,
            DiseaseFilter::All => true,
        }
    }

    /// The disease this filter selects, if one (ALS for the default).
    pub fn disease(&self) -> Option<&Disease> {
        match self {
            DiseaseFilter::Als => Some(&Disease::Als),
            DiseaseFilter::Disease(d) => Some(d),
            DiseaseFilter::All => None,
        }
    }

    /// Label for the choice: `ALS`, `SCD`, … or `全疾患`.
    pub fn label(&self) -> &str {
        match self.disease() {
            Some(d) => d.label(),
            None => "全疾患",
        }
    }

    /// 分母の名前 for N: 在宅ALS療養者, 在宅SCD療養者, …, 在宅療養者（全疾患）.
    pub fn patients_label(&self) -> &'static str {
        match self.disease() {
            Some(Disease::Als) => "在宅ALS療養者",
            Some(Disease::Scd) => "在宅SCD療養者",
            Some(Disease::Msa) => "在宅MSA療養者",
            Some(Disease::Pd) => "在宅PD療養者",
            Some(Disease::Other(_)) => "在宅療養者（選択した疾患）",
            None => "在宅療養者（全疾患）",
        }
    }
}

/// One choice of the disease filter with how many patients it selects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FilterChoice {
    pub filter: DiseaseFilter,
    /// 表示名 (`ALS（12人）` is for the UI to build; this is `ALS`).
    pub label: String,
    /// 該当する療養者数
    pub count: usize,
}

/// The filter choices for a roster: ALS, SCD, MSA, PD (always), then each other disease
/// named in the roster (sorted), then 全疾患, each with its patient count.
pub fn filter_choices(patients: &[Patient]) -> Vec<FilterChoice> {
    let mut others: Vec<&str> = patients
        .iter()
        .filter_map(|p| match &p.disease {
            Disease::Other(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    others.sort_unstable();
    others.dedup();
    let mut filters = vec![
        DiseaseFilter::Als,
        DiseaseFilter::Disease(Disease::Scd),
        DiseaseFilter::Disease(Disease::Msa),
        DiseaseFilter::Disease(Disease::Pd),
    ];
    filters.extend(others.into_iter().map(|n| DiseaseFilter::Disease(Disease::Other(n.to_string()))));
    filters.push(DiseaseFilter::All);
    filters
        .into_iter()
        .map(|filter| {
            let count = patients.iter().filter(|p| filter.matches(p)).count();
            FilterChoice { label: filter.label().to_string(), filter, count }
        })
        .collect()
}

/// The choices worth offering: ALS and 全疾患 always, another disease when the roster has
/// someone with it (or it is the one chosen, so the choice never disappears under the nurse).
pub fn present_filter_choices(patients: &[Patient], chosen: &DiseaseFilter) -> Vec<FilterChoice> {
    present_choices(&filter_choices(patients), chosen)
}

/// [`present_filter_choices`] from choices already counted ([`filter_choices`]): another
/// filter chosen needs no counting again.
pub fn present_choices(all: &[FilterChoice], chosen: &DiseaseFilter) -> Vec<FilterChoice> {
    all.iter()
        .filter(|c| matches!(c.filter, DiseaseFilter::Als | DiseaseFilter::All) || c.count > 0 || &c.filter == chosen)
        .cloned()
        .collect()
}

/// Whether one record counts for a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// 該当
    Yes,
    /// 非該当
    No,
    /// 不明 (the field the figure needs was left blank)
    Unknown,
}

impl Verdict {
    #[inline(always)]
    fn of_bool(value: Option<bool>) -> Verdict {
        match value {
            Some(true) => Verdict::Yes,
            Some(false) => Verdict::No,
            None => Verdict::Unknown,
        }
    }

    #[inline(always)]
    fn of_tri<T>(value: &Tri<T>, is: impl FnOnce(&T) -> bool) -> Verdict {
        match value {
            Tri::Value(v) if is(v) => Verdict::Yes,
            Tri::Value(_) | Tri::None => Verdict::No,
            Tri::Unknown => Verdict::Unknown,
        }
    }

    #[inline(always)]
    fn of_option<T>(value: Option<T>, is: impl FnOnce(T) -> bool) -> Verdict {
        match value {
            Some(v) => {
                if is(v) {
                    Verdict::Yes
                } else {
                    Verdict::No
                }
            }
            None => Verdict::Unknown,
        }
    }
}

/// 医療処置管理 の項目.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// 人工呼吸器
    Ventilator,
    /// 気管切開
    Tracheostomy,
    /// 吸引
    Suction,
    /// 経管栄養
    TubeFeeding,
    /// その他
    Other,
}

impl ProcedureKind {
    pub const ALL: [ProcedureKind; 5] = [
        ProcedureKind::Ventilator,
        ProcedureKind::Tracheostomy,
        ProcedureKind::Suction,
        ProcedureKind::TubeFeeding,
        ProcedureKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ProcedureKind::Ventilator => "人工呼吸器",
            ProcedureKind::Tracheostomy => "気管切開",
            ProcedureKind::Suction => "吸引",
            ProcedureKind::TubeFeeding => "経管栄養",
            ProcedureKind::Other => "その他",
        }
    }
    /// The patient's 1/0/不明 for this procedure.
    #[inline(always)]
    pub fn of(self, p: &Procedures) -> Option<bool> {
        match self {
            ProcedureKind::Ventilator => p.ventilator,
            ProcedureKind::Tracheostomy => p.tracheostomy,
            ProcedureKind::Suction => p.suction,
            ProcedureKind::TubeFeeding => p.tube_feeding,
            ProcedureKind::Other => p.other,
        }
    }
}

/// 特定症状 の項目.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymptomKind {
    /// 呼吸障害
    Respiratory,
    /// 嚥下障害
    Swallowing,
    /// 構音障害
    Speech,
    /// 排尿障害
    Urinary,
    /// 自律神経障害
    Autonomic,
}

impl SymptomKind {
    pub const ALL: [SymptomKind; 5] = [
        SymptomKind::Respiratory,
        SymptomKind::Swallowing,
        SymptomKind::Speech,
        SymptomKind::Urinary,
        SymptomKind::Autonomic,
    ];
    pub fn label(self) -> &'static str {
        match self {
            SymptomKind::Respiratory => "呼吸障害",
            SymptomKind::Swallowing => "嚥下障害",
            SymptomKind::Speech => "構音障害",
            SymptomKind::Urinary => "排尿障害",
            SymptomKind::Autonomic => "自律神経障害",
        }
    }
    /// The patient's 1/0/不明 for this symptom.
    #[inline(always)]
    pub fn of(self, p: &Patient) -> Option<bool> {
        let s = &p.symptoms;
        match self {
            SymptomKind::Respiratory => s.respiratory,
            SymptomKind::Swallowing => s.swallowing,
            SymptomKind::Speech => s.speech,
            SymptomKind::Urinary => s.urinary,
            SymptomKind::Autonomic => s.autonomic,
        }
    }
}

/// 神経内科専門医療機関 or かかりつけ主治医.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoctorKind {
    /// 神経内科専門医療機関
    Neurology,
    /// かかりつけ主治医
    FamilyDoctor,
}

impl DoctorKind {
    pub const ALL: [DoctorKind; 2] = [DoctorKind::Neurology, DoctorKind::FamilyDoctor];
    pub fn label(self) -> &'static str {
        match self {
            DoctorKind::Neurology => "神経内科専門医療機関",
            DoctorKind::FamilyDoctor => "かかりつけ主治医",
        }
    }
    #[inline(always)]
    pub fn of(self, p: &Patient) -> &DoctorCare {
        match self {
            DoctorKind::Neurology => &p.neurology,
            DoctorKind::FamilyDoctor => &p.family_doctor,
        }
    }
}

/// The columns of 神経内科専門医療機関 / かかりつけ主治医 on the 集計 sheet, and 様式4's
/// 「外来もしくは往診」.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoctorFigure {
    /// あり: 機関名に入力がある (not 0, not blank).
    Present,
    /// 外来: 受診形態 = 1.
    Outpatient,
    /// 往診: 受診形態 = 2.
    HomeVisit,
    /// 外来または往診 (様式4 専門診療・日常診療の確保 = 外来あり数 + 往診あり数).
    Visits,
    /// なし: 機関名が 0 (なし) or 受診形態 = 0.
    NoCare,
}

impl DoctorFigure {
    /// The four columns of the 集計 sheet, in its order.
    pub const SHEET: [DoctorFigure; 4] =
        [DoctorFigure::Present, DoctorFigure::Outpatient, DoctorFigure::HomeVisit, DoctorFigure::NoCare];
    pub fn label(self) -> &'static str {
        match self {
            DoctorFigure::Present => "あり",
            DoctorFigure::Outpatient => "外来",
            DoctorFigure::HomeVisit => "往診",
            DoctorFigure::Visits => "外来または往診",
            DoctorFigure::NoCare => "なし",
        }
    }

    #[inline(always)]
    fn verdict(self, care: &DoctorCare) -> Verdict {
        match self {
            DoctorFigure::Present => Verdict::of_tri(&care.name, |_| true),
            DoctorFigure::Outpatient => Verdict::of_option(care.mode, |m| m == VisitMode::Outpatient),
            DoctorFigure::HomeVisit => Verdict::of_option(care.mode, |m| m == VisitMode::HomeVisit),
            DoctorFigure::Visits => {
                Verdict::of_option(care.mode, |m| matches!(m, VisitMode::Outpatient | VisitMode::HomeVisit))
            }
            DoctorFigure::NoCare => {
                if care.name == Tri::None || care.mode == Some(VisitMode::NoVisits) {
                    Verdict::Yes
                } else if care.name.is_unknown() || care.mode.is_none() {
                    Verdict::Unknown
                } else {
                    Verdict::No
                }
            }
        }
    }
}

/// 身体障害者手帳の級 shown on the 集計 sheet (3級, 2級, 1級); 4〜6級 is this app's addition
/// so that every holder is somewhere.
pub const SHEET_CERTIFICATE_GRADES: [u8; 3] = [3, 2, 1];

/// A figure counted over 様式1 療養者.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum PatientFigure {
    /// 在宅療養者 (every patient in the filter): N.
    Patients,
    /// 年齢区分 (an actual age counts in its band)
    AgeBand(AgeBand),
    /// ADL
    Adl(Adl),
    /// 身体障害者手帳あり
    Certificate,
    /// 手帳の級 (1–6)
    CertificateGrade(u8),
    /// 手帳の級 4〜6級
    CertificateGradeLow,
    /// 障害支援区分 (1–6)
    SupportClass(u8),
    /// 障害者総合支援法による居宅介護 あり
    HomeCareService,
    /// 介護度
    CareLevel(CareLevel),
    /// 介護保険あり
    CareInsured,
    /// 災害時個別支援計画 あり
    DisasterPlan,
    /// 医療処置管理
    Procedure(ProcedureKind),
    /// 特定症状
    Symptom(SymptomKind),
    /// 神経内科専門医療機関 / かかりつけ主治医
    Doctor(DoctorKind, DoctorFigure),
    /// 緊急時の入院機関 あり
    EmergencyAdmission,
    /// レスパイトの入院・入所機関 あり
    RespiteAdmission,
    /// 在宅でのレスパイト あり
    HomeRespite,
    /// 訪問看護ステーションからの訪問看護 あり (機関名に入力がある)
    StationNursing,
    /// 訪問看護ステーション 複数利用あり (利用機関数 ≥ 2)
    MultipleStations,
    /// 訪問看護 定期 (様式4: 利用機関数 ≥ 1)
    RegularNursing,
    /// 医療機関からの訪問看護 あり
    InstitutionNursing,
    /// 緊急時の訪問看護 あり
    EmergencyNursing,
    /// 在宅人工呼吸器使用患者支援事業 利用 (人工呼吸器 = 1 の人のうち)
    VentilatorProgramme,
    /// 訪問看護利用者 (1週間の合計訪問看護利用回数 ≥ 1)
    NursingUsers,
}

impl PatientFigure {
    /// The figure's name as the 集計 sheet shows it (with its group where the sheet's
    /// column heading alone would be ambiguous).
    pub fn label(self) -> &'static str {
        match self {
            PatientFigure::Patients => "在宅療養者数",
            PatientFigure::AgeBand(b) => b.label(),
            PatientFigure::Adl(a) => match a {
                Adl::Independent => "ADL 自立",
                Adl::PartialAssist => "ADL 一部介助",
                Adl::FullAssist => "ADL 全面介助",
            },
            PatientFigure::Certificate => "身体障害者手帳あり",
            PatientFigure::CertificateGrade(g) => match g {
                1 => "手帳 1級",
                2 => "手帳 2級",
                3 => "手帳 3級",
                4 => "手帳 4級",
                5 => "手帳 5級",
                6 => "手帳 6級",
                _ => "手帳 その他の級",
            },
            PatientFigure::CertificateGradeLow => "手帳 4〜6級",
            PatientFigure::SupportClass(c) => match c {
                1 => "障害支援区分 1",
                2 => "障害支援区分 2",
                3 => "障害支援区分 3",
                4 => "障害支援区分 4",
                5 => "障害支援区分 5",
                6 => "障害支援区分 6",
                _ => "障害支援区分 その他",
            },
            PatientFigure::HomeCareService => "障害者総合支援法による居宅介護",
            PatientFigure::CareLevel(l) => l.label(),
            PatientFigure::CareInsured => "介護保険あり",
            PatientFigure::DisasterPlan => "災害時個別支援計画あり",
            PatientFigure::Procedure(k) => match k {
                ProcedureKind::Ventilator => "医療処置 人工呼吸器",
                ProcedureKind::Tracheostomy => "医療処置 気管切開",
                ProcedureKind::Suction => "医療処置 吸引",
                ProcedureKind::TubeFeeding => "医療処置 経管栄養",
                ProcedureKind::Other => "医療処置 その他",
            },
            PatientFigure::Symptom(k) => match k {
                SymptomKind::Respiratory => "特定症状 呼吸障害",
                SymptomKind::Swallowing => "特定症状 嚥下障害",
                SymptomKind::Speech => "特定症状 構音障害",
                SymptomKind::Urinary => "特定症状 排尿障害",
                SymptomKind::Autonomic => "特定症状 自律神経障害",
            },
            PatientFigure::Doctor(kind, figure) => match (kind, figure) {
                (DoctorKind::Neurology, DoctorFigure::Present) => "神経内科専門医療機関 あり",
                (DoctorKind::Neurology, DoctorFigure::Outpatient) => "神経内科専門医療機関 外来",
                (DoctorKind::Neurology, DoctorFigure::HomeVisit) => "神経内科専門医療機関 往診",
                (DoctorKind::Neurology, DoctorFigure::Visits) => "神経内科専門医療機関 外来または往診",
                (DoctorKind::Neurology, DoctorFigure::NoCare) => "神経内科専門医療機関 なし",
                (DoctorKind::FamilyDoctor, DoctorFigure::Present) => "かかりつけ主治医 あり",
                (DoctorKind::FamilyDoctor, DoctorFigure::Outpatient) => "かかりつけ主治医 外来",
                (DoctorKind::FamilyDoctor, DoctorFigure::HomeVisit) => "かかりつけ主治医 往診",
                (DoctorKind::FamilyDoctor, DoctorFigure::Visits) => "かかりつけ主治医 外来または往診",
                (DoctorKind::FamilyDoctor, DoctorFigure::NoCare) => "かかりつけ主治医 なし",
            },
            PatientFigure::EmergencyAdmission => "緊急時の入院機関あり",
            PatientFigure::RespiteAdmission => "レスパイトの入院・入所機関あり",
            PatientFigure::HomeRespite => "在宅でのレスパイトあり",
            PatientFigure::StationNursing => "訪問看護ステーションからの訪問看護あり",
            PatientFigure::MultipleStations => "訪問看護ステーション複数利用あり",
            PatientFigure::RegularNursing => "訪問看護ステーション利用機関数1以上",
            PatientFigure::InstitutionNursing => "医療機関からの訪問看護あり",
            PatientFigure::EmergencyNursing => "緊急時の訪問看護あり",
            PatientFigure::VentilatorProgramme => "在宅人工呼吸器使用患者支援事業（訪問看護）利用",
            PatientFigure::NursingUsers => "訪問看護利用者数",
        }
    }

    /// The column heading under its group on the 集計 sheet: `自立`, `1級`, `あり`, `外来`, ….
    pub fn short_label(self) -> &'static str {
        match self {
            PatientFigure::Adl(a) => a.label(),
            PatientFigure::Certificate => "手帳あり",
            PatientFigure::CertificateGrade(g) => match g {
                1 => "1級",
                2 => "2級",
                3 => "3級",
                4 => "4級",
                5 => "5級",
                6 => "6級",
                _ => "その他の級",
            },
            PatientFigure::CertificateGradeLow => "4〜6級",
            PatientFigure::SupportClass(c) => match c {
                1 => "1",
                2 => "2",
                3 => "3",
                4 => "4",
                5 => "5",
                6 => "6",
                _ => "その他",
            },
            PatientFigure::HomeCareService => "居宅介護",
            PatientFigure::CareInsured => "ありの人数",
            PatientFigure::Procedure(k) => k.label(),
            PatientFigure::Symptom(k) => k.label(),
            PatientFigure::Doctor(_, f) => f.label(),
            PatientFigure::DisasterPlan
            | PatientFigure::EmergencyAdmission
            | PatientFigure::RespiteAdmission
            | PatientFigure::HomeRespite
            | PatientFigure::InstitutionNursing
            | PatientFigure::EmergencyNursing => "あり",
            PatientFigure::StationNursing => "ありの人数",
            PatientFigure::MultipleStations => "複数利用ありの人数",
            PatientFigure::RegularNursing => "利用機関数1以上",
            PatientFigure::VentilatorProgramme => "利用",
            PatientFigure::Patients
            | PatientFigure::AgeBand(_)
            | PatientFigure::CareLevel(_)
            | PatientFigure::NursingUsers => self.label(),
        }
    }

    /// Does this patient count for the figure? The single rule used both for the count and
    /// for the list of records behind it.
    #[inline(always)]
    pub fn verdict(self, p: &Patient) -> Verdict {
        match self {
            PatientFigure::Patients => Verdict::Yes,
            PatientFigure::AgeBand(b) => Verdict::of_option(p.age.map(Age::band), |x| x == b),
            PatientFigure::Adl(a) => Verdict::of_option(p.adl, |x| x == a),
            PatientFigure::Certificate => Verdict::of_tri(&p.disability_certificate, |_| true),
            PatientFigure::CertificateGrade(g) => Verdict::of_tri(&p.disability_certificate, |&x| x == g),
            PatientFigure::CertificateGradeLow => Verdict::of_tri(&p.disability_certificate, |x| (4..=6).contains(x)),
            PatientFigure::SupportClass(c) => Verdict::of_tri(&p.disability_support_class, |&x| x == c),
            PatientFigure::HomeCareService => Verdict::of_bool(p.home_care_service),
            PatientFigure::CareLevel(l) => Verdict::of_tri(&p.care_insurance, |&x| x == l),
            PatientFigure::CareInsured => Verdict::of_tri(&p.care_insurance, |_| true),
            PatientFigure::DisasterPlan => Verdict::of_tri(&p.disaster_plan, |_| true),
            PatientFigure::Procedure(k) => Verdict::of_bool(k.of(&p.procedures)),
            PatientFigure::Symptom(k) => Verdict::of_bool(k.of(p)),
            PatientFigure::Doctor(kind, figure) => figure.verdict(kind.of(p)),
            PatientFigure::EmergencyAdmission => Verdict::of_tri(&p.emergency_admission, |_| true),
            PatientFigure::RespiteAdmission => Verdict::of_tri(&p.respite_admission, |_| true),
            PatientFigure::HomeRespite => Verdict::of_tri(&p.home_respite, |_| true),
            PatientFigure::StationNursing => match &p.station_nursing.names {
                Tri::Value(names) if names.iter().any(|n| !n.trim().is_empty()) => Verdict::Yes,
                // A list with no name in it says nothing.
                Tri::Value(_) | Tri::Unknown => Verdict::Unknown,
                Tri::None => Verdict::No,
            },
            PatientFigure::MultipleStations => Verdict::of_option(p.station_nursing.count, |c| c >= 2),
            PatientFigure::RegularNursing => Verdict::of_option(p.station_nursing.count, |c| c >= 1),
            PatientFigure::InstitutionNursing => Verdict::of_tri(&p.institution_nursing.name, |_| true),
            PatientFigure::EmergencyNursing => Verdict::of_tri(&p.emergency_nursing, |_| true),
            PatientFigure::VentilatorProgramme => match (p.ventilator_programme.used, p.procedures.ventilator) {
                (Some(true), Some(true)) => Verdict::Yes,
                (None, _) | (Some(true), None) => Verdict::Unknown,
                (Some(false), _) | (Some(true), Some(false)) => Verdict::No,
            },
            PatientFigure::NursingUsers => Verdict::of_option(p.weekly_total(), Decimal2::at_least_one),
        }
    }
}

/// A figure counted over 様式3 訪問看護ステーション.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum StationFigure {
    /// 全ステーション
    Stations,
    /// 訪問数を増加する余裕あり
    Room,
    /// 24時間対応体制加算 届出あり
    Addition24h,
    /// 特別管理加算 届出あり
    AdditionSpecial,
    /// ALS患者の訪問看護実績あり
    AlsExperience,
    /// 人工呼吸器使用患者の訪問看護実績あり
    VentilatorExperience,
    /// ALS患者の今後の受け入れ
    AlsIntake(Intake),
    /// 重心児の今後の受け入れ
    ChildIntake(Intake),
}

impl StationFigure {
    pub fn label(self) -> &'static str {
        match self {
            StationFigure::Stations => "訪問看護ステーション数",
            StationFigure::Room => "訪問数を増加する余裕のあるステーション",
            StationFigure::Addition24h => "24時間対応体制加算の届出あり",
            StationFigure::AdditionSpecial => "特別管理加算の届出あり",
            StationFigure::AlsExperience => "ALS患者の訪問看護実績あり",
            StationFigure::VentilatorExperience => "人工呼吸器使用患者の訪問看護実績あり",
            StationFigure::AlsIntake(i) => match i {
                Intake::Possible => "ALS患者の今後の受け入れ 可能",
                Intake::Consider => "ALS患者の今後の受け入れ 検討可",
                Intake::Impossible => "ALS患者の今後の受け入れ 不可能",
            },
            StationFigure::ChildIntake(i) => match i {
                Intake::Possible => "重心児の今後の受け入れ 可能",
                Intake::Consider => "重心児の今後の受け入れ 検討可",
                Intake::Impossible => "重心児の今後の受け入れ 不可能",
            },
        }
    }

    /// Does this station count for the figure?
    pub fn verdict(self, s: &Station) -> Verdict {
        match self {
            StationFigure::Stations => Verdict::Yes,
            StationFigure::Room => Verdict::of_bool(s.room_for_more_visits),
            StationFigure::Addition24h => Verdict::of_bool(s.addition_24h),
            StationFigure::AdditionSpecial => Verdict::of_bool(s.addition_special),
            StationFigure::AlsExperience => Verdict::of_bool(s.als_experience),
            StationFigure::VentilatorExperience => Verdict::of_bool(s.ventilator_experience),
            StationFigure::AlsIntake(i) => Verdict::of_option(s.als_intake, |x| x == i),
            StationFigure::ChildIntake(i) => Verdict::of_option(s.child_intake, |x| x == i),
        }
    }
}

/// Names the records behind a figure (for the drill-down list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "over", content = "figure", rename_all = "snake_case")]
pub enum FigureKey {
    /// 様式1 療養者 の項目
    Patient(PatientFigure),
    /// 様式3 訪問看護ステーション の項目
    Station(StationFigure),
}

impl FigureKey {
    pub fn label(self) -> &'static str {
        match self {
            FigureKey::Patient(f) => f.label(),
            FigureKey::Station(f) => f.label(),
        }
    }

    /// The column heading under its group (see [`PatientFigure::short_label`]).
    pub fn short_label(self) -> &'static str {
        match self {
            FigureKey::Patient(f) => f.short_label(),
            FigureKey::Station(f) => f.label(),
        }
    }
}

/// 分母: what a percentage is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// N: 在宅療養者 (in the filter)
    Patients,
    /// 人工呼吸器使用者 (人工呼吸器 = 1)
    Ventilated,
    /// 身体障害者手帳あり
    CertificateHolders,
    /// 介護保険あり
    CareInsured,
    /// 全ステーション
    Stations,
}

impl Denominator {
    /// The name of the denominator; N's name depends on the disease filter.
    pub fn label(self, filter: &DiseaseFilter) -> &'static str {
        match self {
            Denominator::Patients => filter.patients_label(),
            Denominator::Ventilated => "人工呼吸器使用者",
            Denominator::CertificateHolders => "手帳あり",
            Denominator::CareInsured => "介護保険あり",
            Denominator::Stations => "全ステーション",
        }
    }

    /// The figure whose members make up the denominator (for its own drill-down).
    pub fn key(self) -> FigureKey {
        match self {
            Denominator::Patients => FigureKey::Patient(PatientFigure::Patients),
            Denominator::Ventilated => FigureKey::Patient(PatientFigure::Procedure(ProcedureKind::Ventilator)),
            Denominator::CertificateHolders => FigureKey::Patient(PatientFigure::Certificate),
            Denominator::CareInsured => FigureKey::Patient(PatientFigure::CareInsured),
            Denominator::Stations => FigureKey::Station(StationFigure::Stations),
        }
    }
}

/// How many records count for a figure and how many were unknown for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    /// 該当
    pub yes: u64,
    /// 不明
    pub unknown: u64,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Yes => self.yes += 1,
            Verdict::Unknown => self.unknown += 1,
            Verdict::No => {}
        }
    }
}

/// Counts every key over the patients in the filter, in one pass; returns N and one tally
/// per key (in the keys' order). For the 集計 itself see [`tally_facts`], which is faster.
pub fn tally_patients(keys: &[PatientFigure], patients: &[Patient], filter: &DiseaseFilter) -> (u64, Vec<Tally>) {
    let mut tallies = vec![Tally::default(); keys.len()];
    let mut n = 0;
    for p in patients.iter().filter(|p| filter.matches(p)) {
        n += 1;
        for (key, tally) in keys.iter().zip(tallies.iter_mut()) {
            tally.add(key.verdict(p));
        }
    }
    (n, tallies)
}

/// The verdicts of one patient for every key of [`FACT_KEYS`]: bit `i` of `yes` / `unknown`
/// is the verdict for `FACT_KEYS[i]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Facts {
    pub yes: u64,
    pub unknown: u64,
}

impl Facts {
    #[inline(always)]
    fn set(&mut self, i: usize, v: Verdict) {
        let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
        match v {
            Verdict::Yes => self.yes |= bit,
            Verdict::Unknown => self.unknown |= bit,
            Verdict::No => {}
        }
    }

    /// The verdict for `FACT_KEYS[i]`.
    pub fn get(self, i: usize) -> Verdict {
        if i >= 64 {
            Verdict::No
        } else if self.yes & (1 << i) != 0 {
            Verdict::Yes
        } else if self.unknown & (1 << i) != 0 {
            Verdict::Unknown
        } else {
            Verdict::No
        }
    }
}

macro_rules! fact_keys {
    ($($key:expr),* $(,)?) => {
        /// Every patient figure the 集計 and 様式4 count, in one fixed order (the bits of
        /// [`Facts`]).
        pub const FACT_KEYS: &[PatientFigure] = &[$($key),*];

        /// Every verdict of one patient at once. Each bit is [`PatientFigure::verdict`] of
        /// its key (the same rule [`members`] uses); with the keys written out as constants
        /// the compiler turns the calls into straight-line code.
        pub fn facts(p: &Patient) -> Facts {
            let mut facts = Facts::default();
            let mut i = 0;
            $(
                facts.set(i, PatientFigure::verdict($key, p));
                i += 1;
            )*
            let _ = i;
            facts
        }
    };
}

fact_keys![
    PatientFigure::AgeBand(AgeBand::Under20),
    PatientFigure::AgeBand(AgeBand::From20To39),
    PatientFigure::AgeBand(AgeBand::From40To64),
    PatientFigure::AgeBand(AgeBand::Over65),
    PatientFigure::Adl(Adl::Independent),
    PatientFigure::Adl(Adl::PartialAssist),
    PatientFigure::Adl(Adl::FullAssist),
    PatientFigure::Certificate,
    PatientFigure::CertificateGradeLow,
    PatientFigure::CertificateGrade(3),
    PatientFigure::CertificateGrade(2),
    PatientFigure::CertificateGrade(1),
    PatientFigure::SupportClass(6),
    PatientFigure::SupportClass(5),
    PatientFigure::SupportClass(4),
    PatientFigure::SupportClass(3),
    PatientFigure::SupportClass(2),
    PatientFigure::SupportClass(1),
    PatientFigure::HomeCareService,
    PatientFigure::CareLevel(CareLevel::Support1),
    PatientFigure::CareLevel(CareLevel::Support2),
    PatientFigure::CareLevel(CareLevel::Care1),
    PatientFigure::CareLevel(CareLevel::Care2),
    PatientFigure::CareLevel(CareLevel::Care3),
    PatientFigure::CareLevel(CareLevel::Care4),
    PatientFigure::CareLevel(CareLevel::Care5),
    PatientFigure::CareInsured,
    PatientFigure::DisasterPlan,
    PatientFigure::Procedure(ProcedureKind::Ventilator),
    PatientFigure::Procedure(ProcedureKind::Tracheostomy),
    PatientFigure::Procedure(ProcedureKind::Suction),
    PatientFigure::Procedure(ProcedureKind::TubeFeeding),
    PatientFigure::Procedure(ProcedureKind::Other),
    PatientFigure::Symptom(SymptomKind::Respiratory),
    PatientFigure::Symptom(SymptomKind::Swallowing),
    PatientFigure::Symptom(SymptomKind::Speech),
    PatientFigure::Symptom(SymptomKind::Urinary),
    PatientFigure::Symptom(SymptomKind::Autonomic),
    PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Present),
    PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Outpatient),
    PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::HomeVisit),
    PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Visits),
    PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::NoCare),
    PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::Present),
    PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::Outpatient),
    PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::HomeVisit),
    PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::Visits),
    PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::NoCare),
    PatientFigure::EmergencyAdmission,
    PatientFigure::RespiteAdmission,
    PatientFigure::HomeRespite,
    PatientFigure::StationNursing,
    PatientFigure::MultipleStations,
    PatientFigure::RegularNursing,
    PatientFigure::InstitutionNursing,
    PatientFigure::EmergencyNursing,
    PatientFigure::VentilatorProgramme,
    PatientFigure::NursingUsers,
];

/// Position of `key` in [`FACT_KEYS`].
pub fn fact_index(key: PatientFigure) -> Option<usize> {
    FACT_KEYS.iter().position(|k| *k == key)
}

/// What one pass over the roster gives the 集計: N, one tally per [`FACT_KEYS`] entry, and
/// the sum of the weekly totals of the 訪問看護利用者 (for the average).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactTallies {
    /// N
    pub n: u64,
    /// In [`FACT_KEYS`] order.
    pub tallies: Vec<Tally>,
    /// Sum of 1週間の合計訪問看護利用回数 over the patients counted as 訪問看護利用者.
    pub users_weekly_sum: Decimal2,
}

/// The single pass of the 集計: every [`FACT_KEYS`] verdict of every patient in the filter.
pub fn tally_facts(patients: &[Patient], filter: &DiseaseFilter) -> FactTallies {
    let mut yes = [0u64; 64];
    let mut unknown = [0u64; 64];
    let users_bit = fact_index(PatientFigure::NursingUsers).map_or(0, |i| 1u64 << i);
    let mut n = 0;
    let mut users_weekly_sum = Decimal2::ZERO;
    for p in patients.iter().filter(|p| filter.matches(p)) {
        n += 1;
        let f = facts(p);
        let mut bits = f.yes;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            if let Some(c) = yes.get_mut(i) {
                *c += 1;
            }
            bits &= bits - 1;
        }
        let mut bits = f.unknown;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            if let Some(c) = unknown.get_mut(i) {
                *c += 1;
            }
            bits &= bits - 1;
        }
        if f.yes & users_bit != 0 {
            users_weekly_sum = users_weekly_sum.saturating_add(p.weekly_total().unwrap_or_default());
        }
    }
    let tallies =
        yes.iter().zip(unknown.iter()).take(FACT_KEYS.len()).map(|(&y, &u)| Tally { yes: y, unknown: u }).collect();
    FactTallies { n, tallies, users_weekly_sum }
}

/// Counts every key over the stations, in one pass.
pub fn tally_stations(keys: &[StationFigure], stations: &[Station]) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); keys.len()];
    for s in stations {
        for (key, tally) in keys.iter().zip(tallies.iter_mut()) {
            tally.add(key.verdict(s));
        }
    }
    tallies
}

/// 集計の一項目: 人数・件数, 分母 and 割合, and how many records were unknown for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Names the records behind the figure ([`members`]).
    pub key: FigureKey,
    /// 項目名
    pub label: &'static str,
    /// 人数・件数
    pub count: u64,
    /// 分母の種類
    pub denominator: Denominator,
    /// 分母の名前 (在宅ALS療養者, 人工呼吸器使用者, 介護保険あり, 手帳あり, 全ステーション)
    pub denominator_label: &'static str,
    /// 分母の数
    pub denominator_count: u64,
    /// 割合（％）, rounded half up to one decimal; `None` = `-` (分母が0).
    pub percent: Option<Tenths>,
    /// 不明: records in the roster (the filter's N, or all stations) whose field for this
    /// figure was left blank. Never counted as なし.
    pub unknown: u64,
}

impl Figure {
    /// A figure from its tally and its denominator.
    pub fn new(
        key: FigureKey,
        label: &'static str,
        tally: Tally,
        denominator: Denominator,
        denominator_count: u64,
        filter: &DiseaseFilter,
    ) -> Figure {
        Figure {
            key,
            label,
            count: tally.yes,
            denominator,
            denominator_label: denominator.label(filter),
            denominator_count,
            percent: percent(tally.yes, denominator_count),
            unknown: tally.unknown,
        }
    }

    /// The column heading under its group on the sheet (`あり`, `外来`, `1級` …).
    pub fn short_label(&self) -> &'static str {
        self.key.short_label()
    }

    /// 割合 as shown: `33.3` or `-`.
    pub fn percent_text(&self) -> String {
        show_tenths(self.percent)
    }
}

/// A value that is not a count of records: 人口, 面積, 密度, 合計, 率, 平均.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Amount {
    /// 整数 (人, ヵ所, 件)
    Count(u64),
    /// 小数2桁まで (面積, 常勤換算)
    Exact(Decimal2),
    /// 四捨五入で小数第1位 (率, 密度, 平均)
    Rounded(Tenths),
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Count(n) => write!(f, "{n}"),
            Amount::Exact(d) => write!(f, "{d}"),
            Amount::Rounded(t) => write!(f, "{t}"),
        }
    }
}

impl Amount {
    /// The value in hundredths (for differences).
    pub fn hundredths(self) -> i128 {
        match self {
            Amount::Count(n) => i128::from(n) * 100,
            Amount::Exact(d) => i128::from(d.0),
            Amount::Rounded(t) => i128::from(t.0) * 10,
        }
    }
}

/// 集計の値: a total, a rate or an entry of 管轄地域の概況, with its unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// 項目名
    pub label: &'static str,
    /// 単位 (人, km², 人/km², 人/10万人, ヵ所/100km², 回/週 …)
    pub unit: &'static str,
    /// The value; `None` = `-` (a denominator is 0 or the value was not entered).
    pub value: Option<Amount>,
    /// 不明: how many entries this value needed were left blank (a sum adds only the
    /// entered ones).
    pub unknown: u64,
}

impl Quantity {
    pub fn new(label: &'static str, unit: &'static str, value: Option<Amount>, unknown: u64) -> Quantity {
        Quantity { label, unit, value, unknown }
    }

    /// The value as shown: the number, or `-`.
    pub fn text(&self) -> String {
        self.value.map_or_else(|| "-".to_string(), |v| v.to_string())
    }
}

/// The patients behind a figure: their positions in `patients`, in roster order. Uses the
/// same rule as the count ([`PatientFigure::verdict`]) and the same disease filter, so
/// `members(…).len()` equals the figure's count. Empty for a station figure.
pub fn members(key: FigureKey, patients: &[Patient], filter: &DiseaseFilter) -> Vec<usize> {
    patients_where(key, patients, filter, Verdict::Yes)
}

/// The patients whose field for the figure was left blank (to go and fill them in).
/// `unknown_members(…).len()` equals the figure's `unknown`. Empty for a station figure.
pub fn unknown_members(key: FigureKey, patients: &[Patient], filter: &DiseaseFilter) -> Vec<usize> {
    patients_where(key, patients, filter, Verdict::Unknown)
}

fn patients_where(key: FigureKey, patients: &[Patient], filter: &DiseaseFilter, wanted: Verdict) -> Vec<usize> {
    match key {
        FigureKey::Patient(f) => patients
            .iter()
            .enumerate()
            .filter(|(_, p)| filter.matches(p) && f.verdict(p) == wanted)
            .map(|(i, _)| i)
            .collect(),
        FigureKey::Station(_) => Vec::new(),
    }
}

/// The stations behind a figure: their positions in `stations`. Empty for a patient figure.
pub fn station_members(key: FigureKey, stations: &[Station]) -> Vec<usize> {
    stations_where(key, stations, Verdict::Yes)
}

/// The stations whose field for the figure was left blank. Empty for a patient figure.
pub fn station_unknown_members(key: FigureKey, stations: &[Station]) -> Vec<usize> {
    stations_where(key, stations, Verdict::Unknown)
}

fn stations_where(key: FigureKey, stations: &[Station], wanted: Verdict) -> Vec<usize> {
    match key {
        FigureKey::Station(f) => {
            stations.iter().enumerate().filter(|(_, s)| f.verdict(s) == wanted).map(|(i, _)| i).collect()
        }
        FigureKey::Patient(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::patient::StationNursing;

    #[test]
    fn facility_names_count_only_when_filled() {
        let mut p = Patient::default();
        assert_eq!(PatientFigure::EmergencyAdmission.verdict(&p), Verdict::Unknown);
        p.emergency_admission = Tri::None;
        assert_eq!(PatientFigure::EmergencyAdmission.verdict(&p), Verdict::No);
        p.emergency_admission = Tri::Value("Ｂ大学病院".into());
        assert_eq!(PatientFigure::EmergencyAdmission.verdict(&p), Verdict::Yes);
    }

    #[test]
    fn station_names_and_counts() {
        let mut p = Patient {
            station_nursing: StationNursing {
                names: Tri::Value(vec![" ".into()]),
                count: Some(1),
                weekly_visits: None,
            },
            ..Patient::default()
        };
        assert_eq!(PatientFigure::StationNursing.verdict(&p), Verdict::Unknown);
        assert_eq!(PatientFigure::RegularNursing.verdict(&p), Verdict::Yes);
        assert_eq!(PatientFigure::MultipleStations.verdict(&p), Verdict::No);
        p.station_nursing.names = Tri::None;
        p.station_nursing.count = Some(0);
        assert_eq!(PatientFigure::StationNursing.verdict(&p), Verdict::No);
        assert_eq!(PatientFigure::RegularNursing.verdict(&p), Verdict::No);
    }

    #[test]
    fn doctor_columns() {
        let mut care = DoctorCare {
            name: Tri::Value("県立Ａ病院".into()),
            mode: Some(VisitMode::Outpatient),
            ..Default::default()
        };
        assert_eq!(DoctorFigure::Present.verdict(&care), Verdict::Yes);
        assert_eq!(DoctorFigure::Outpatient.verdict(&care), Verdict::Yes);
        assert_eq!(DoctorFigure::HomeVisit.verdict(&care), Verdict::No);
        assert_eq!(DoctorFigure::Visits.verdict(&care), Verdict::Yes);
        assert_eq!(DoctorFigure::NoCare.verdict(&care), Verdict::No);
        care.mode = None;
        assert_eq!(DoctorFigure::NoCare.verdict(&care), Verdict::Unknown);
        care.name = Tri::None;
        assert_eq!(DoctorFigure::NoCare.verdict(&care), Verdict::Yes);
        care = DoctorCare { name: Tri::Value("Ａ".into()), mode: Some(VisitMode::NoVisits), ..Default::default() };
        assert_eq!(DoctorFigure::NoCare.verdict(&care), Verdict::Yes);
        assert_eq!(DoctorFigure::Visits.verdict(&care), Verdict::No);
    }

    #[test]
    fn programme_counts_only_with_a_ventilator() {
        let mut p = Patient::default();
        assert_eq!(PatientFigure::VentilatorProgramme.verdict(&p), Verdict::Unknown);
        p.ventilator_programme.used = Some(true);
        assert_eq!(PatientFigure::VentilatorProgramme.verdict(&p), Verdict::Unknown);
        p.procedures.ventilator = Some(false);
        assert_eq!(PatientFigure::VentilatorProgramme.verdict(&p), Verdict::No);
        p.procedures.ventilator = Some(true);
        assert_eq!(PatientFigure::VentilatorProgramme.verdict(&p), Verdict::Yes);
        p.ventilator_programme.used = Some(false);
        assert_eq!(PatientFigure::VentilatorProgramme.verdict(&p), Verdict::No);
    }

    #[test]
    fn certificate_grades() {
        let mut p = Patient { disability_certificate: Tri::Value(4), ..Patient::default() };
        assert_eq!(PatientFigure::CertificateGradeLow.verdict(&p), Verdict::Yes);
        assert_eq!(PatientFigure::CertificateGrade(3).verdict(&p), Verdict::No);
        assert_eq!(PatientFigure::Certificate.verdict(&p), Verdict::Yes);
        p.disability_certificate = Tri::Value(1);
        assert_eq!(PatientFigure::CertificateGradeLow.verdict(&p), Verdict::No);
        p.disability_certificate = Tri::None;
        assert_eq!(PatientFigure::CertificateGrade(1).verdict(&p), Verdict::No);
        p.disability_certificate = Tri::Unknown;
        assert_eq!(PatientFigure::CertificateGrade(1).verdict(&p), Verdict::Unknown);
    }

    #[test]
    fn half_weekly_visit_is_not_a_user() {
        let mut p = Patient::default();
        assert_eq!(PatientFigure::NursingUsers.verdict(&p), Verdict::Unknown);
        p.station_nursing.weekly_visits = Some(Decimal2(50));
        assert_eq!(PatientFigure::NursingUsers.verdict(&p), Verdict::No);
        p.institution_nursing.weekly_visits = Some(Decimal2(50));
        // 0.5 + 0.5 = 1.0 ≥ 1
        assert_eq!(PatientFigure::NursingUsers.verdict(&p), Verdict::Yes);
    }

    #[test]
    fn members_follow_the_filter_and_the_rule() {
        let als = Patient { adl: Some(Adl::FullAssist), ..Patient::default() };
        let scd = Patient { disease: Disease::Scd, adl: Some(Adl::FullAssist), ..Patient::default() };
        let unknown = Patient::default();
        let roster = vec![als, scd, unknown];
        let key = FigureKey::Patient(PatientFigure::Adl(Adl::FullAssist));
        assert_eq!(members(key, &roster, &DiseaseFilter::Als), vec![0]);
        assert_eq!(members(key, &roster, &DiseaseFilter::All), vec![0, 1]);
        assert_eq!(members(key, &roster, &DiseaseFilter::Disease(Disease::Scd)), vec![1]);
        assert_eq!(unknown_members(key, &roster, &DiseaseFilter::Als), vec![2]);
        assert!(station_members(key, &[]).is_empty());
        let (n, t) = tally_patients(&[PatientFigure::Adl(Adl::FullAssist)], &roster, &DiseaseFilter::Als);
        assert_eq!((n, t[0]), (2, Tally { yes: 1, unknown: 1 }));
    }

    #[test]
    fn filter_choices_list_other_diseases_once() {
        let roster = vec![
            Patient::default(),
            Patient { disease: Disease::Other("進行性核上性麻痺".into()), ..Patient::default() },
            Patient { disease: Disease::Other("進行性核上性麻痺".into()), ..Patient::default() },
        ];
        let choices = filter_choices(&roster);
        let labels: Vec<(&str, usize)> = choices.iter().map(|c| (c.label.as_str(), c.count)).collect();
        assert_eq!(labels, vec![("ALS", 1), ("SCD", 0), ("MSA", 0), ("PD", 0), ("進行性核上性麻痺", 2), ("全疾患", 3)]);
        let shown = |chosen: &DiseaseFilter| {
            present_filter_choices(&roster, chosen).into_iter().map(|c| c.label).collect::<Vec<_>>()
        };
        assert_eq!(shown(&DiseaseFilter::Als), vec!["ALS", "進行性核上性麻痺", "全疾患"]);
        // The chosen one stays even with nobody (e.g. after the last PD patient was deleted).
        assert_eq!(shown(&DiseaseFilter::Disease(Disease::Pd)), vec!["ALS", "PD", "進行性核上性麻痺", "全疾患"]);
        // From the choices counted once, the same for every filter chosen.
        for chosen in [DiseaseFilter::Als, DiseaseFilter::Disease(Disease::Pd), DiseaseFilter::All] {
            assert_eq!(present_choices(&choices, &chosen), present_filter_choices(&roster, &chosen));
        }
    }
}
