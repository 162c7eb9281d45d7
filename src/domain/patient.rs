//! 様式1 療養者: one row per home-care patient (長期入院・入所を除く).
//!
//! The field groups follow the paper form (seed 004, 様式1). Every field the seed codes as
//! 「なしは0・不明は空白」 is a [`Tri`]; yes/no fields are `Option<bool>` (`None` = 不明);
//! codes are `Option<Code>`; fractions of visits are exact [`Decimal2`].

use super::ids::RecordId;
use super::number::Decimal2;
use super::record::{RecordBody, RecordKind};
use super::time::{Timestamp, YearMonth};
use super::tri::Tri;
use serde::{Deserialize, Serialize};

/// 疾患. The roster is built for ALS; the seed allows other diseases too.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(tag = "type", content = "name", rename_all = "snake_case")]
pub enum Disease {
    /// ALS（筋萎縮性側索硬化症）
    #[default]
    Als,
    /// SCD（脊髄小脳変性症）
    Scd,
    /// MSA（多系統萎縮症）
    Msa,
    /// PD（パーキンソン病）
    Pd,
    /// その他 (name as the nurse writes it)
    Other(String),
}

impl Disease {
    /// Short label: `ALS`, `SCD`, `MSA`, `PD` or the other disease's name.
    pub fn label(&self) -> &str {
        match self {
            Disease::Als => "ALS",
            Disease::Scd => "SCD",
            Disease::Msa => "MSA",
            Disease::Pd => "PD",
            Disease::Other(name) => name,
        }
    }

    /// Full Japanese name.
    pub fn full_name(&self) -> &str {
        match self {
            Disease::Als => "筋萎縮性側索硬化症（ALS）",
            Disease::Scd => "脊髄小脳変性症（SCD）",
            Disease::Msa => "多系統萎縮症（MSA）",
            Disease::Pd => "パーキンソン病（PD）",
            Disease::Other(name) => name,
        }
    }
}

/// ALS の病型 (初発症状から): 球麻痺型, 上肢型, 下肢型, 呼吸筋麻痺型.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnsetType {
    /// 球麻痺型
    Bulbar,
    /// 上肢型
    UpperLimb,
    /// 下肢型
    LowerLimb,
    /// 呼吸筋麻痺型
    Respiratory,
}

impl OnsetType {
    pub const ALL: [OnsetType; 4] =
        [OnsetType::Bulbar, OnsetType::UpperLimb, OnsetType::LowerLimb, OnsetType::Respiratory];
    pub fn label(self) -> &'static str {
        match self {
            OnsetType::Bulbar => "球麻痺型",
            OnsetType::UpperLimb => "上肢型",
            OnsetType::LowerLimb => "下肢型",
            OnsetType::Respiratory => "呼吸筋麻痺型",
        }
    }
}

/// 年齢区分 (制度利用に関わる4区分): 1 20歳未満, 2 20〜40歳未満, 3 40〜65歳未満, 4 65歳以上.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    Under20,
    From20To39,
    From40To64,
    Over65,
}

impl AgeBand {
    pub const ALL: [AgeBand; 4] = [AgeBand::Under20, AgeBand::From20To39, AgeBand::From40To64, AgeBand::Over65];
    /// The form's code 1–4.
    pub fn code(self) -> u8 {
        match self {
            AgeBand::Under20 => 1,
            AgeBand::From20To39 => 2,
            AgeBand::From40To64 => 3,
            AgeBand::Over65 => 4,
        }
    }
    pub fn from_code(code: u8) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|b| b.code() == code)
    }
    /// The band an actual age falls in.
    pub fn of_age(years: u8) -> AgeBand {
        match years {
            0..=19 => AgeBand::Under20,
            20..=39 => AgeBand::From20To39,
            40..=64 => AgeBand::From40To64,
            _ => AgeBand::Over65,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Under20 => "20歳未満",
            AgeBand::From20To39 => "20〜40歳未満",
            AgeBand::From40To64 => "40〜65歳未満",
            AgeBand::Over65 => "65歳以上",
        }
    }
}

/// 年齢: the actual age, or only its band code (the form allows either).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Age {
    /// 実年齢
    Years(u8),
    /// 区分コードのみ
    Band(AgeBand),
}

impl Age {
    pub fn band(self) -> AgeBand {
        match self {
            Age::Years(y) => AgeBand::of_age(y),
            Age::Band(b) => b,
        }
    }
}

/// ADL: 1 自立, 2 一部介助, 3 全面介助.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adl {
    Independent,
    PartialAssist,
    FullAssist,
}

impl Adl {
    pub const ALL: [Adl; 3] = [Adl::Independent, Adl::PartialAssist, Adl::FullAssist];
    pub fn code(self) -> u8 {
        match self {
            Adl::Independent => 1,
            Adl::PartialAssist => 2,
            Adl::FullAssist => 3,
        }
    }
    pub fn from_code(code: u8) -> Option<Adl> {
        Adl::ALL.into_iter().find(|a| a.code() == code)
    }
    pub fn label(self) -> &'static str {
        match self {
            Adl::Independent => "自立",
            Adl::PartialAssist => "一部介助",
            Adl::FullAssist => "全面介助",
        }
    }
}

/// 医療処置管理 (1 有 / 0 無 / 不明 each).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedures {
    /// 人工呼吸器 (NPPV and TPPV; 気管切開 tells them apart)
    pub ventilator: Option<bool>,
    /// 気管切開
    pub tracheostomy: Option<bool>,
    /// 吸引
    pub suction: Option<bool>,
    /// 経管栄養 (経鼻, 胃ろう, 腸ろう)
    pub tube_feeding: Option<bool>,
    /// その他 (吸入, 導尿, 中心静脈栄養 等)
    pub other: Option<bool>,
    /// その他の内容
    pub other_detail: String,
}

/// Where a 特定症状 value came from when it was confirmed from a 判断樹 assessment
/// (the seed asks that when and by whom each judgement was made be kept).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgementSource {
    pub assessment_id: RecordId,
    /// When the assessment was made.
    pub assessed_at: Timestamp,
    /// 判断者
    pub assessor: String,
}

/// 特定症状の有無 (1 有 / 0 無 / 不明 each).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySymptoms {
    /// 呼吸障害 (判断樹: 呼吸障害)
    pub respiratory: Option<bool>,
    /// 嚥下障害 (判断樹: 球麻痺)
    pub swallowing: Option<bool>,
    /// 構音障害 (判断樹: 球麻痺 Q5)
    pub speech: Option<bool>,
    /// 排尿障害
    pub urinary: Option<bool>,
    /// 自律神経障害
    pub autonomic: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respiratory_source: Option<JudgementSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swallowing_source: Option<JudgementSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech_source: Option<JudgementSource>,
}

/// 受診形態: 1 外来, 2 往診, 0 なし.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitMode {
    /// 0 なし
    NoVisits,
    /// 1 外来
    Outpatient,
    /// 2 往診
    HomeVisit,
}

impl VisitMode {
    pub const ALL: [VisitMode; 3] = [VisitMode::Outpatient, VisitMode::HomeVisit, VisitMode::NoVisits];
    pub fn code(self) -> u8 {
        match self {
            VisitMode::NoVisits => 0,
            VisitMode::Outpatient => 1,
            VisitMode::HomeVisit => 2,
        }
    }
    pub fn from_code(code: u8) -> Option<VisitMode> {
        VisitMode::ALL.into_iter().find(|m| m.code() == code)
    }
    pub fn label(self) -> &'static str {
        match self {
            VisitMode::NoVisits => "なし",
            VisitMode::Outpatient => "外来",
            VisitMode::HomeVisit => "往診",
        }
    }
}

/// 神経内科専門医療機関 / かかりつけ主治医: 機関名, 受診形態, 頻度（回/月）.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorCare {
    /// 機関名 (なし → 0, 不明 → 空白)
    pub name: Tri<String>,
    /// 受診形態
    pub mode: Option<VisitMode>,
    /// 頻度（回/月）, may be a fraction (0.5 = every two months)
    pub per_month: Option<Decimal2>,
}

/// 訪問看護ステーションからの訪問看護.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationNursing {
    /// 機関名 (several stations may serve one patient). なし → 0, 不明 → 空白.
    pub names: Tri<Vec<String>>,
    /// 利用機関数
    pub count: Option<u32>,
    /// 1週間の合計訪問回数（回）across all stations (0.5 = every two weeks, 0.25 = monthly)
    pub weekly_visits: Option<Decimal2>,
}

/// 医療機関からの訪問看護.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionNursing {
    /// 機関名 (なし → 0, 不明 → 空白)
    pub name: Tri<String>,
    /// 1週間の合計訪問回数（回）
    pub weekly_visits: Option<Decimal2>,
}

/// 在宅人工呼吸器使用患者支援事業（訪問看護）.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VentilatorProgramme {
    /// 利用 1 有 / 0 無
    pub used: Option<bool>,
    /// 1週間の訪問回数のうち、事業による訪問回数（回）
    pub weekly_visits: Option<Decimal2>,
}

/// 介護保険（介護度）: 要支援1 = 11, 要支援2 = 12, 要介護1–5 = 1–5 (なし = 0, 不明 = 空白
/// via [`Tri`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareLevel {
    Support1,
    Support2,
    Care1,
    Care2,
    Care3,
    Care4,
    Care5,
}

impl CareLevel {
    pub const ALL: [CareLevel; 7] = [
        CareLevel::Support1,
        CareLevel::Support2,
        CareLevel::Care1,
        CareLevel::Care2,
        CareLevel::Care3,
        CareLevel::Care4,
        CareLevel::Care5,
    ];
    /// The form's code (11, 12, 1–5).
    pub fn code(self) -> u8 {
        match self {
            CareLevel::Support1 => 11,
            CareLevel::Support2 => 12,
            CareLevel::Care1 => 1,
            CareLevel::Care2 => 2,
            CareLevel::Care3 => 3,
            CareLevel::Care4 => 4,
            CareLevel::Care5 => 5,
        }
    }
    pub fn from_code(code: u8) -> Option<CareLevel> {
        CareLevel::ALL.into_iter().find(|c| c.code() == code)
    }
    pub fn label(self) -> &'static str {
        match self {
            CareLevel::Support1 => "要支援1",
            CareLevel::Support2 => "要支援2",
            CareLevel::Care1 => "要介護1",
            CareLevel::Care2 => "要介護2",
            CareLevel::Care3 => "要介護3",
            CareLevel::Care4 => "要介護4",
            CareLevel::Care5 => "要介護5",
        }
    }
}

/// 災害時個別支援計画: the 年 the plan was made or last revised. The seed codes "no plan"
/// as a blank cell; here なし and 不明 are kept apart, and only [`Tri::Value`] counts as あり.
/// A plan whose year is not known is `Value(None)` (the seed's examples write `1`).
pub type DisasterPlan = Tri<Option<u16>>;

/// The services of a patient a nurse can flag as a gap between need and provision
/// (the seed's pink cells, 様式1 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// 神経内科専門医療機関
    Neurology,
    /// かかりつけ主治医
    FamilyDoctor,
    /// 緊急時の入院機関
    EmergencyAdmission,
    /// レスパイトの入院・入所機関
    RespiteAdmission,
    /// 在宅でのレスパイト
    HomeRespite,
    /// 緊急時の訪問看護
    EmergencyNursing,
    /// 訪問看護ステーション
    StationNursing,
    /// 医療機関からの訪問看護
    InstitutionNursing,
    /// 在宅人工呼吸器使用患者支援事業
    VentilatorProgramme,
    /// 介護保険
    CareInsurance,
    /// 障害者総合支援法による居宅介護
    HomeCareService,
    /// 災害時個別支援計画
    DisasterPlan,
    /// 医療処置管理
    MedicalProcedures,
}

impl Service {
    pub const ALL: [Service; 13] = [
        Service::Neurology,
        Service::FamilyDoctor,
        Service::EmergencyAdmission,
        Service::RespiteAdmission,
        Service::HomeRespite,
        Service::EmergencyNursing,
        Service::StationNursing,
        Service::InstitutionNursing,
        Service::VentilatorProgramme,
        Service::CareInsurance,
        Service::HomeCareService,
        Service::DisasterPlan,
        Service::MedicalProcedures,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Service::Neurology => "神経内科専門医療機関",
            Service::FamilyDoctor => "かかりつけ主治医",
            Service::EmergencyAdmission => "緊急時の入院機関",
            Service::RespiteAdmission => "レスパイトの入院・入所機関",
            Service::HomeRespite => "在宅でのレスパイト",
            Service::EmergencyNursing => "緊急時の訪問看護",
            Service::StationNursing => "訪問看護ステーション",
            Service::InstitutionNursing => "医療機関からの訪問看護",
            Service::VentilatorProgramme => "在宅人工呼吸器使用患者支援事業",
            Service::CareInsurance => "介護保険",
            Service::HomeCareService => "障害者総合支援法による居宅介護",
            Service::DisasterPlan => "災害時個別支援計画",
            Service::MedicalProcedures => "医療処置管理",
        }
    }
}

/// ギャップ: a service where what the patient needs and what they get differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub service: Service,
    /// メモ
    pub note: String,
}

/// 様式1 療養者.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patient {
    /// ID番号 (always present; used instead of the name when anonymised).
    pub id_number: String,
    /// 疾患 (default ALS).
    pub disease: Disease,
    /// 氏名 (optional).
    pub name: String,
    /// ふりがな of the 氏名 (optional; not on the paper form): the roster sorts by it in
    /// 五十音順. Bundle format 2 and later; absent when blank.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub furigana: String,
    /// 住所: 市町村 (used to sort and group).
    pub municipality: String,
    /// 住所: 市町村より下 (hidden in the privacy display).
    pub address_detail: String,
    /// 発症時期
    pub onset: Option<YearMonth>,
    /// 初発症状 (free text)
    pub first_symptom: String,
    /// 病型
    pub onset_type: Option<OnsetType>,
    /// 年齢
    pub age: Option<Age>,
    /// ADL
    pub adl: Option<Adl>,
    /// 医療処置管理
    pub procedures: Procedures,
    /// 使用医療機器 (製品名・会社名)
    pub devices: String,
    /// 特定症状
    pub symptoms: KeySymptoms,
    /// 神経内科専門医療機関
    pub neurology: DoctorCare,
    /// かかりつけ主治医
    pub family_doctor: DoctorCare,
    /// 緊急時の入院機関
    pub emergency_admission: Tri<String>,
    /// レスパイトの入院・入所機関
    pub respite_admission: Tri<String>,
    /// 在宅でのレスパイト (滞在型、通所など; description)
    pub home_respite: Tri<String>,
    /// 緊急時の訪問看護
    pub emergency_nursing: Tri<String>,
    /// 訪問看護ステーション
    pub station_nursing: StationNursing,
    /// 医療機関からの訪問看護
    pub institution_nursing: InstitutionNursing,
    /// 在宅人工呼吸器使用患者支援事業（訪問看護）
    pub ventilator_programme: VentilatorProgramme,
    /// 介護保険（介護度）
    pub care_insurance: Tri<CareLevel>,
    /// 身体障害者手帳（級） 1–6
    pub disability_certificate: Tri<u8>,
    /// 障害支援区分 1–6
    pub disability_support_class: Tri<u8>,
    /// 障害者総合支援法による居宅介護 (1 有 / 0 無)
    pub home_care_service: Option<bool>,
    /// 災害時個別支援計画
    pub disaster_plan: DisasterPlan,
    /// 最終把握時期 (when and how the 保健所 last had contact)
    pub last_contact: String,
    /// 支援管理区分 (the 保健所's own code)
    pub support_class: String,
    /// ギャップ (pink cells)
    pub gaps: Vec<Gap>,
}

impl RecordBody for Patient {
    const KIND: RecordKind = RecordKind::Patient;
}

impl Patient {
    /// 1週間の合計訪問看護利用回数: station visits + medical-institution visits. Computed,
    /// never typed. `None` when both are unknown; an unknown part counts as unknown only if
    /// the other is unknown too (the workbook sums blanks as 0).
    pub fn weekly_total(&self) -> Option<Decimal2> {
        match (self.station_nursing.weekly_visits, self.institution_nursing.weekly_visits) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or_default().saturating_add(b.unwrap_or_default())),
        }
    }

    /// The name to show: the name, or the ID number when there is none or names are hidden.
    pub fn display_name(&self, hide_names: bool) -> &str {
        if hide_names || self.name.trim().is_empty() {
            &self.id_number
        } else {
            &self.name
        }
    }

    /// Is `service` flagged as a gap?
    pub fn has_gap(&self, service: Service) -> bool {
        self.gaps.iter().any(|g| g.service == service)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_total_adds_station_and_institution_visits() {
        let mut p = Patient::default();
        assert_eq!(p.weekly_total(), None);
        p.station_nursing.weekly_visits = Some(Decimal2(200));
        p.institution_nursing.weekly_visits = Some(Decimal2(300));
        assert_eq!(p.weekly_total(), Some(Decimal2(500)));
        p.institution_nursing.weekly_visits = None;
        p.station_nursing.weekly_visits = Some(Decimal2(50));
        assert_eq!(p.weekly_total(), Some(Decimal2(50)));
    }

    #[test]
    fn age_bands_follow_the_form() {
        assert_eq!(AgeBand::of_age(19), AgeBand::Under20);
        assert_eq!(AgeBand::of_age(20), AgeBand::From20To39);
        assert_eq!(AgeBand::of_age(39), AgeBand::From20To39);
        assert_eq!(AgeBand::of_age(40), AgeBand::From40To64);
        assert_eq!(AgeBand::of_age(64), AgeBand::From40To64);
        assert_eq!(AgeBand::of_age(65), AgeBand::Over65);
        assert_eq!(Age::Band(AgeBand::From40To64).band().code(), 3);
    }

    #[test]
    fn codes_round_trip() {
        for c in CareLevel::ALL {
            assert_eq!(CareLevel::from_code(c.code()), Some(c));
        }
        assert_eq!(CareLevel::from_code(11), Some(CareLevel::Support1));
        assert_eq!(CareLevel::from_code(6), None);
        for m in VisitMode::ALL {
            assert_eq!(VisitMode::from_code(m.code()), Some(m));
        }
        for a in Adl::ALL {
            assert_eq!(Adl::from_code(a.code()), Some(a));
        }
    }

    #[test]
    fn display_name_falls_back_to_the_id_number() {
        let mut p = Patient { id_number: "A-001".into(), ..Patient::default() };
        assert_eq!(p.display_name(false), "A-001");
        p.name = "○○○○".into();
        assert_eq!(p.display_name(false), "○○○○");
        assert_eq!(p.display_name(true), "A-001");
    }
}
