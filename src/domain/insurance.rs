//! 訪問看護 介護保険と医療保険どちらをつかうの？ (seed 004, 「難病にかかる訪問看護の制度 まとめ」,
//! after 日本訪問看護財団 2010).
//!
//! The flow, as the app reads the seed's chart and its note ※2:
//! 1. 厚生労働大臣が定める疾病等 (別表第7, incl. 人工呼吸器を使用している状態) → **医療保険**
//!    「要介護者・要支援者であっても、医療保険で訪問看護が行われる」 (※2); 週4日以上・1日複数回・
//!    2ヶ所（週7日間の訪問計画ありは3か所）のST.
//! 2. Otherwise 65歳以上 with 要介護・要支援の認定, or 40歳以上65歳未満 with a 2号被保険者の
//!    特定疾病 and the 認定 → **介護保険**: ケアプランに基づき提供.
//! 3. Otherwise (40歳未満; 40–64 without a 特定疾病; no 認定) → **医療保険**: 週3日まで, or
//!    週4日以上… when the person is in 別表第8.
//!
//! 別表第8 alone does not move a 介護保険 user to 医療保険: the seed's ※2 (「要介護者・要支援者
//! であっても、医療保険で」) lists only the 別表第7 疾病等; 別表第8 appears beside it in the
//! chart for the 医療保険 limits and for 長時間訪問看護.
//!
//! Nothing is guessed: when an input the rule needs is 不明, the decision says which inputs
//! are missing; where every possible answer leads to the same insurance, the insurance is
//! given and only the limits stay open.

use crate::domain::issues::Issues;
use crate::domain::number::parse_count;
use crate::domain::patient::{Age, AgeBand, Disease, Patient};
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};

/// ※1 ２号被保険者の特定疾病 (16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecifiedDisease {
    /// 一 がん（末期）
    TerminalCancer,
    /// 二 関節リウマチ
    RheumatoidArthritis,
    /// 三 筋萎縮性側索硬化症
    Als,
    /// 四 後縦靭帯骨化症
    Opll,
    /// 五 骨折を伴う骨粗鬆症
    Osteoporosis,
    /// 六 初老期における認知症
    PresenileDementia,
    /// 七 進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病
    ParkinsonRelated,
    /// 八 脊髄小脳変性症
    Scd,
    /// 九 脊柱管狭窄症
    SpinalStenosis,
    /// 十 早老症
    Progeria,
    /// 十一 多系統萎縮症
    Msa,
    /// 十二 糖尿病性神経障害、糖尿病性腎症及び糖尿病性網膜症
    DiabeticComplications,
    /// 十三 脳血管疾患
    Cerebrovascular,
    /// 十四 閉塞性動脈硬化症
    Aso,
    /// 十五 慢性閉塞性肺疾患
    Copd,
    /// 十六 両側の膝関節又は股関節に著しい変形を伴う変形性関節症
    Osteoarthritis,
}

impl SpecifiedDisease {
    pub const ALL: [SpecifiedDisease; 16] = [
        SpecifiedDisease::TerminalCancer,
        SpecifiedDisease::RheumatoidArthritis,
        SpecifiedDisease::Als,
        SpecifiedDisease::Opll,
        SpecifiedDisease::Osteoporosis,
        SpecifiedDisease::PresenileDementia,
        SpecifiedDisease::ParkinsonRelated,
        SpecifiedDisease::Scd,
        SpecifiedDisease::SpinalStenosis,
        SpecifiedDisease::Progeria,
        SpecifiedDisease::Msa,
        SpecifiedDisease::DiabeticComplications,
        SpecifiedDisease::Cerebrovascular,
        SpecifiedDisease::Aso,
        SpecifiedDisease::Copd,
        SpecifiedDisease::Osteoarthritis,
    ];

    /// The seed's number (一 … 十六).
    pub fn numeral(self) -> &'static str {
        const N: [&str; 16] = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
        ];
        let i = SpecifiedDisease::ALL.iter().position(|d| *d == self).unwrap_or(0);
        N.get(i).copied().unwrap_or("")
    }

    /// The seed's wording.
    pub fn label(self) -> &'static str {
        match self {
            SpecifiedDisease::TerminalCancer => {
                "がん（医師が一般に認められている医学的知見に基づき回復の見込みがない状態に至ったと判断したものに限る。）"
            }
            SpecifiedDisease::RheumatoidArthritis => "関節リウマチ",
            SpecifiedDisease::Als => "筋萎縮性側索硬化症",
            SpecifiedDisease::Opll => "後縦靭帯骨化症",
            SpecifiedDisease::Osteoporosis => "骨折を伴う骨粗鬆症",
            SpecifiedDisease::PresenileDementia => "初老期における認知症",
            SpecifiedDisease::ParkinsonRelated => "進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病",
            SpecifiedDisease::Scd => "脊髄小脳変性症",
            SpecifiedDisease::SpinalStenosis => "脊柱管狭窄症",
            SpecifiedDisease::Progeria => "早老症",
            SpecifiedDisease::Msa => "多系統萎縮症",
            SpecifiedDisease::DiabeticComplications => "糖尿病性神経障害、糖尿病性腎症及び糖尿病性網膜症",
            SpecifiedDisease::Cerebrovascular => "脳血管疾患",
            SpecifiedDisease::Aso => "閉塞性動脈硬化症",
            SpecifiedDisease::Copd => "慢性閉塞性肺疾患",
            SpecifiedDisease::Osteoarthritis => "両側の膝関節又は股関節に著しい変形を伴う変形性関節症",
        }
    }

    /// A short name for reasons (`がん（末期）` for 一).
    pub fn short_label(self) -> &'static str {
        match self {
            SpecifiedDisease::TerminalCancer => "がん（末期）",
            other => other.label(),
        }
    }
}

/// ※2 厚生労働大臣が定める疾病等 (別表第7), the diseases. The last entry of the seed's list,
/// 人工呼吸器を使用している状態, is the separate input [`InsuranceForm::ventilator`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table7Disease {
    /// 末期の悪性腫瘍
    TerminalCancer,
    /// 多発性硬化症
    MultipleSclerosis,
    /// 重症筋無力症
    MyastheniaGravis,
    /// スモン
    Smon,
    /// 筋萎縮性側索硬化症
    Als,
    /// 脊髄小脳変性症
    Scd,
    /// ハンチントン病
    Huntington,
    /// 進行性筋ジストロフィー症
    MuscularDystrophy,
    /// パーキンソン病関連疾患: 進行性核上性麻痺
    Psp,
    /// パーキンソン病関連疾患: 大脳皮質基底核変性症
    Cbd,
    /// パーキンソン病関連疾患: パーキンソン病 (ホーエン・ヤール3以上かつ生活機能障害度Ⅱ・Ⅲ度に限る)
    Parkinson,
    /// 多系統萎縮症（線条体黒質変性症、オリーブ橋小脳萎縮症、シャイ・ドレーガー症候群）
    Msa,
    /// プリオン病
    Prion,
    /// 亜急性硬化性全脳炎
    Sspe,
    /// ライソゾーム病
    Lysosomal,
    /// 副腎白質ジストロフィー
    Ald,
    /// 脊髄性筋萎縮症
    Sma,
    /// 球脊髄性筋萎縮症
    Sbma,
    /// 慢性炎症性脱髄性多発神経炎
    Cidp,
    /// 後天性免疫不全症候群
    Aids,
    /// 頸髄損傷
    CervicalCordInjury,
}

impl Table7Disease {
    pub const ALL: [Table7Disease; 21] = [
        Table7Disease::TerminalCancer,
        Table7Disease::MultipleSclerosis,
        Table7Disease::MyastheniaGravis,
        Table7Disease::Smon,
        Table7Disease::Als,
        Table7Disease::Scd,
        Table7Disease::Huntington,
        Table7Disease::MuscularDystrophy,
        Table7Disease::Psp,
        Table7Disease::Cbd,
        Table7Disease::Parkinson,
        Table7Disease::Msa,
        Table7Disease::Prion,
        Table7Disease::Sspe,
        Table7Disease::Lysosomal,
        Table7Disease::Ald,
        Table7Disease::Sma,
        Table7Disease::Sbma,
        Table7Disease::Cidp,
        Table7Disease::Aids,
        Table7Disease::CervicalCordInjury,
    ];

    /// The seed's wording.
    pub fn label(self) -> &'static str {
        match self {
            Table7Disease::TerminalCancer => "末期の悪性腫瘍",
            Table7Disease::MultipleSclerosis => "多発性硬化症",
            Table7Disease::MyastheniaGravis => "重症筋無力症",
            Table7Disease::Smon => "スモン",
            Table7Disease::Als => "筋萎縮性側索硬化症",
            Table7Disease::Scd => "脊髄小脳変性症",
            Table7Disease::Huntington => "ハンチントン病",
            Table7Disease::MuscularDystrophy => "進行性筋ジストロフィー症",
            Table7Disease::Psp => "進行性核上性麻痺",
            Table7Disease::Cbd => "大脳皮質基底核変性症",
            Table7Disease::Parkinson => "パーキンソン病",
            Table7Disease::Msa => "多系統萎縮症",
            Table7Disease::Prion => "プリオン病",
            Table7Disease::Sspe => "亜急性硬化性全脳炎",
            Table7Disease::Lysosomal => "ライソゾーム病",
            Table7Disease::Ald => "副腎白質ジストロフィー",
            Table7Disease::Sma => "脊髄性筋萎縮症",
            Table7Disease::Sbma => "球脊髄性筋萎縮症",
            Table7Disease::Cidp => "慢性炎症性脱髄性多発神経炎",
            Table7Disease::Aids => "後天性免疫不全症候群",
            Table7Disease::CervicalCordInjury => "頸髄損傷",
        }
    }

    /// The seed's group heading (パーキンソン病関連疾患) for its three members.
    pub fn group(self) -> Option<&'static str> {
        matches!(self, Table7Disease::Psp | Table7Disease::Cbd | Table7Disease::Parkinson)
            .then_some("パーキンソン病関連疾患")
    }

    /// The seed's qualification in brackets.
    pub fn detail(self) -> Option<&'static str> {
        match self {
            Table7Disease::Parkinson => {
                Some("ホーエン・ヤールの重症度分類がステージ三以上であって生活機能障害度がⅡ度又はⅢ度のものに限る。")
            }
            Table7Disease::Msa => Some("線条体黒質変性症、オリーブ橋小脳萎縮症、シャイ・ドレーガー症候群"),
            _ => None,
        }
    }

    /// The same disease in the 特定疾病 list, if it is there.
    pub fn specified_counterpart(self) -> Option<SpecifiedDisease> {
        match self {
            Table7Disease::TerminalCancer => Some(SpecifiedDisease::TerminalCancer),
            Table7Disease::Als => Some(SpecifiedDisease::Als),
            Table7Disease::Scd => Some(SpecifiedDisease::Scd),
            Table7Disease::Psp | Table7Disease::Cbd | Table7Disease::Parkinson => {
                Some(SpecifiedDisease::ParkinsonRelated)
            }
            Table7Disease::Msa => Some(SpecifiedDisease::Msa),
            _ => None,
        }
    }
}

/// 別表第八に掲げる者 (特掲診療料の施設基準等), the states as checkboxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table8State {
    /// 1. 在宅悪性腫瘍患者指導管理を受けている状態
    MalignantTumorCare,
    /// 1. 在宅気管切開患者指導管理を受けている状態
    TracheostomyCare,
    /// 1. 気管カニューレを使用している状態
    TrachealCannula,
    /// 1. 留置カテーテルを使用している状態
    IndwellingCatheter,
    /// 2. 在宅自己腹膜灌流指導管理
    PeritonealDialysis,
    /// 2. 在宅血液透析指導管理
    Hemodialysis,
    /// 2. 在宅酸素療法指導管理
    OxygenTherapy,
    /// 2. 在宅中心静脈栄養法指導管理
    ParenteralNutrition,
    /// 2. 在宅成分栄養経管栄養法指導管理
    ElementalTubeFeeding,
    /// 2. 在宅自己導尿指導管理
    SelfCatheterization,
    /// 2. 在宅人工呼吸指導管理
    Ventilation,
    /// 2. 在宅持続陽圧呼吸療法指導管理
    Cpap,
    /// 2. 在宅自己疼痛管理指導管理
    PainManagement,
    /// 2. 在宅肺高血圧症患者指導管理
    PulmonaryHypertension,
    /// 3. 人工肛門又は人工膀胱を設置している状態
    Stoma,
    /// 4. 真皮を越える褥瘡の状態
    PressureUlcer,
    /// 5. 在宅患者訪問点滴注射管理指導料を算定している
    DripInjection,
}

impl Table8State {
    pub const ALL: [Table8State; 17] = [
        Table8State::MalignantTumorCare,
        Table8State::TracheostomyCare,
        Table8State::TrachealCannula,
        Table8State::IndwellingCatheter,
        Table8State::PeritonealDialysis,
        Table8State::Hemodialysis,
        Table8State::OxygenTherapy,
        Table8State::ParenteralNutrition,
        Table8State::ElementalTubeFeeding,
        Table8State::SelfCatheterization,
        Table8State::Ventilation,
        Table8State::Cpap,
        Table8State::PainManagement,
        Table8State::PulmonaryHypertension,
        Table8State::Stoma,
        Table8State::PressureUlcer,
        Table8State::DripInjection,
    ];

    /// Checkbox label (the seed's wording, split per item).
    pub fn label(self) -> &'static str {
        match self {
            Table8State::MalignantTumorCare => "在宅悪性腫瘍患者指導管理を受けている状態",
            Table8State::TracheostomyCare => "在宅気管切開患者指導管理を受けている状態",
            Table8State::TrachealCannula => "気管カニューレを使用している状態",
            Table8State::IndwellingCatheter => "留置カテーテルを使用している状態",
            Table8State::PeritonealDialysis => "在宅自己腹膜灌流指導管理",
            Table8State::Hemodialysis => "在宅血液透析指導管理",
            Table8State::OxygenTherapy => "在宅酸素療法指導管理",
            Table8State::ParenteralNutrition => "在宅中心静脈栄養法指導管理",
            Table8State::ElementalTubeFeeding => "在宅成分栄養経管栄養法指導管理",
            Table8State::SelfCatheterization => "在宅自己導尿指導管理",
            Table8State::Ventilation => "在宅人工呼吸指導管理",
            Table8State::Cpap => "在宅持続陽圧呼吸療法指導管理",
            Table8State::PainManagement => "在宅自己疼痛管理指導管理",
            Table8State::PulmonaryHypertension => "在宅肺高血圧症患者指導管理",
            Table8State::Stoma => "人工肛門又は人工膀胱を設置している状態",
            Table8State::PressureUlcer => "真皮を越える褥瘡の状態",
            Table8State::DripInjection => "在宅患者訪問点滴注射管理指導料を算定している",
        }
    }

    /// The seed's item number 1–5.
    pub fn group(self) -> u8 {
        match self {
            Table8State::MalignantTumorCare
            | Table8State::TracheostomyCare
            | Table8State::TrachealCannula
            | Table8State::IndwellingCatheter => 1,
            Table8State::Stoma => 3,
            Table8State::PressureUlcer => 4,
            Table8State::DripInjection => 5,
            _ => 2,
        }
    }

    /// The seed's heading of group 1–5.
    pub fn group_label(group: u8) -> &'static str {
        match group {
            1 => "在宅悪性腫瘍患者指導管理若しくは在宅気管切開患者指導管理を受けている状態にある者又は気管カニューレ若しくは留置カテーテルを使用している状態にある者",
            2 => "以下のいずれかを受けている状態にあるもの",
            3 => "人工肛門又は人工膀胱を設置している状態にあるもの",
            4 => "真皮を越える褥瘡の状態にある者",
            5 => "在宅患者訪問点滴注射管理指導料を算定している者",
            _ => "",
        }
    }
}

/// The input of the flow, as entered (年齢 as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsuranceForm {
    /// 年齢（歳） as typed
    pub age: String,
    /// 年齢区分, when only the band is known (様式1 may hold only the band)
    pub age_band: Option<AgeBand>,
    /// 介護保険の認定（要支援・要介護）: あり / なし / 不明
    pub care_certified: Option<bool>,
    /// ２号被保険者の特定疾病
    pub specified_disease: Tri<SpecifiedDisease>,
    /// 厚生労働大臣が定める疾病等（別表第7）の疾病
    pub table7_disease: Tri<Table7Disease>,
    /// ホーエン・ヤールの重症度分類（ステージ1–5）, for パーキンソン病
    pub hoehn_yahr: Option<u8>,
    /// 生活機能障害度（1–3 = Ⅰ–Ⅲ度）, for パーキンソン病
    pub function_grade: Option<u8>,
    /// 人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）
    pub ventilator: Option<bool>,
    /// 別表第8に掲げる状態: 該当なし / 不明 / the states ticked
    pub table8: Tri<Vec<Table8State>>,
    /// 超重症児又は準超重症児 (15歳未満)
    pub severe_child: Option<bool>,
    /// 特別訪問看護指示書に係る指定訪問看護を受けている
    pub special_instruction: Option<bool>,
    /// 週7日間の訪問計画あり
    pub seven_day_plan: Option<bool>,
    /// Field keys filled from 様式1 (the UI marks them 「療養者の記録から」).
    #[serde(default)]
    pub prefilled: Vec<String>,
}

/// Field keys and labels of the form.
pub mod fields {
    pub const AGE: (&str, &str) = ("age", "年齢");
    pub const CARE_CERTIFIED: (&str, &str) = ("care_certified", "介護保険の認定（要支援・要介護）");
    pub const SPECIFIED_DISEASE: (&str, &str) = ("specified_disease", "２号被保険者の特定疾病");
    pub const TABLE7_DISEASE: (&str, &str) = ("table7_disease", "厚生労働大臣が定める疾病等（別表第7）");
    pub const HOEHN_YAHR: (&str, &str) = ("hoehn_yahr", "ホーエン・ヤールの重症度分類");
    pub const FUNCTION_GRADE: (&str, &str) = ("function_grade", "生活機能障害度");
    pub const VENTILATOR: (&str, &str) = ("ventilator", "人工呼吸器を使用している状態");
    pub const TABLE8: (&str, &str) = ("table8", "別表第8に掲げる状態");
    pub const SEVERE_CHILD: (&str, &str) = ("severe_child", "超重症児又は準超重症児");
    pub const SPECIAL_INSTRUCTION: (&str, &str) = ("special_instruction", "特別訪問看護指示書");
    pub const SEVEN_DAY_PLAN: (&str, &str) = ("seven_day_plan", "週7日間の訪問計画");
}

impl InsuranceForm {
    /// The form prefilled from 様式1: age, disease (ALS ⇒ 別表第7 and 特定疾病 三), 人工呼吸器
    /// (1 ⇒ 人工呼吸器を使用している状態, and 在宅人工呼吸指導管理 in 別表第8), 気管切開 (1 ⇒
    /// 気管カニューレを使用している状態), 介護保険 (介護度あり ⇒ 認定あり, 0 ⇒ なし). Anything
    /// 様式1 does not say stays 不明.
    pub fn from_patient(patient: &Patient) -> InsuranceForm {
        let mut f = InsuranceForm::default();
        let mut prefilled: Vec<String> = Vec::new();
        let mark = |key: &str, prefilled: &mut Vec<String>| prefilled.push(key.to_string());
        match patient.age {
            Some(Age::Years(y)) => {
                f.age = y.to_string();
                mark(fields::AGE.0, &mut prefilled);
            }
            Some(Age::Band(b)) => {
                f.age_band = Some(b);
                mark(fields::AGE.0, &mut prefilled);
            }
            None => {}
        }
        let table7 = match &patient.disease {
            Disease::Als => Some(Table7Disease::Als),
            Disease::Scd => Some(Table7Disease::Scd),
            Disease::Msa => Some(Table7Disease::Msa),
            Disease::Pd => Some(Table7Disease::Parkinson),
            Disease::Other(name) => Table7Disease::ALL.into_iter().find(|d| d.label() == name.trim()),
        };
        let specified = table7.and_then(Table7Disease::specified_counterpart).or_else(|| match &patient.disease {
            Disease::Other(name) => SpecifiedDisease::ALL.into_iter().find(|d| d.short_label() == name.trim()),
            _ => None,
        });
        if let Some(d) = table7 {
            f.table7_disease = Tri::Value(d);
            mark(fields::TABLE7_DISEASE.0, &mut prefilled);
        }
        if let Some(d) = specified {
            f.specified_disease = Tri::Value(d);
            mark(fields::SPECIFIED_DISEASE.0, &mut prefilled);
        }
        if patient.procedures.ventilator.is_some() {
            f.ventilator = patient.procedures.ventilator;
            mark(fields::VENTILATOR.0, &mut prefilled);
        }
        f.care_certified = match patient.care_insurance {
            Tri::Value(_) => Some(true),
            Tri::None => Some(false),
            Tri::Unknown => None,
        };
        if f.care_certified.is_some() {
            mark(fields::CARE_CERTIFIED.0, &mut prefilled);
        }
        let mut states = Vec::new();
        if patient.procedures.tracheostomy == Some(true) {
            states.push(Table8State::TrachealCannula);
        }
        if patient.procedures.ventilator == Some(true) {
            states.push(Table8State::Ventilation);
        }
        if !states.is_empty() {
            f.table8 = Tri::Value(states);
            mark(fields::TABLE8.0, &mut prefilled);
        }
        f.prefilled = prefilled;
        f
    }

    /// Picks a 別表第7 disease (or なし/不明) and fills the 特定疾病 when the same disease is
    /// on that list and the 特定疾病 is still 不明.
    pub fn set_table7_disease(&mut self, disease: Tri<Table7Disease>) {
        if let (Tri::Value(d), Tri::Unknown) = (&disease, &self.specified_disease) {
            if let Some(s) = d.specified_counterpart() {
                self.specified_disease = Tri::Value(s);
            }
        }
        self.table7_disease = disease;
    }

    /// Ticks or unticks one 別表第8 state (ticking makes the 別表第8 answer 「該当あり」).
    pub fn set_table8_state(&mut self, state: Table8State, on: bool) {
        let mut list = match &self.table8 {
            Tri::Value(v) => v.clone(),
            _ => Vec::new(),
        };
        list.retain(|s| *s != state);
        if on {
            list.push(state);
            list.sort();
        }
        self.table8 = Tri::Value(list);
    }

    /// Checks the typed values.
    pub fn parse(&self) -> Result<InsuranceInput, Issues> {
        let mut issues = Issues::new();
        let years = if self.age.trim().is_empty() {
            None
        } else {
            match parse_count(&self.age) {
                Ok(n) if n <= 130 => u8::try_from(n).ok(),
                Ok(_) => {
                    issues.error(fields::AGE.0, fields::AGE.1, "0〜130の範囲で入力してください");
                    None
                }
                Err(e) => {
                    issues.error(fields::AGE.0, fields::AGE.1, e.to_string());
                    None
                }
            }
        };
        if let Some(h) = self.hoehn_yahr {
            if !(1..=5).contains(&h) {
                issues.error(fields::HOEHN_YAHR.0, fields::HOEHN_YAHR.1, "ステージ1〜5で選んでください");
            }
        }
        if let Some(g) = self.function_grade {
            if !(1..=3).contains(&g) {
                issues.error(fields::FUNCTION_GRADE.0, fields::FUNCTION_GRADE.1, "Ⅰ〜Ⅲ度で選んでください");
            }
        }
        if issues.has_errors() {
            return Err(issues);
        }
        let band = years.map(AgeBand::of_age).or(self.age_band);
        let group = match (years, band) {
            (Some(y), _) => Some(AgeGroup::of_age(y)),
            (None, Some(AgeBand::Under20 | AgeBand::From20To39)) => Some(AgeGroup::Under40),
            (None, Some(AgeBand::From40To64)) => Some(AgeGroup::From40To64),
            (None, Some(AgeBand::Over65)) => Some(AgeGroup::Over65),
            (None, None) => None,
        };
        Ok(InsuranceInput { years, group, form: self.clone() })
    }

    /// Parses and decides in one step.
    pub fn evaluate(&self) -> Result<InsuranceDecision, Issues> {
        self.parse().map(|input| decide(&input))
    }
}

/// 年齢の区分 of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// ４０歳未満
    Under40,
    /// ４０歳以上６５歳未満
    From40To64,
    /// ６５歳以上
    Over65,
}

impl AgeGroup {
    pub fn of_age(years: u8) -> AgeGroup {
        match years {
            0..=39 => AgeGroup::Under40,
            40..=64 => AgeGroup::From40To64,
            _ => AgeGroup::Over65,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AgeGroup::Under40 => "４０歳未満",
            AgeGroup::From40To64 => "４０歳以上６５歳未満",
            AgeGroup::Over65 => "６５歳以上",
        }
    }
}

/// The checked input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsuranceInput {
    /// 年齢（歳）, when known exactly
    pub years: Option<u8>,
    /// 年齢の区分, from the age or the band
    pub group: Option<AgeGroup>,
    /// 入力内容 (the other inputs as entered)
    pub form: InsuranceForm,
}

/// 保険の種類.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Insurance {
    /// 医療保険
    Medical,
    /// 介護保険
    Care,
}

impl Insurance {
    pub fn label(self) -> &'static str {
        match self {
            Insurance::Medical => "医療保険",
            Insurance::Care => "介護保険",
        }
    }
}

/// Which rule of the flow decided the insurance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InsuranceRule {
    /// 別表第7の疾病等 → 医療保険 (要介護・要支援でも)
    Table7,
    /// 65歳以上・認定あり → 介護保険
    CareOver65,
    /// 40歳以上65歳未満・特定疾病・認定あり → 介護保険
    CareSpecifiedDisease,
    /// 40歳未満 → 医療保険
    MedicalUnder40,
    /// 40歳以上65歳未満・特定疾病なし → 医療保険
    MedicalNoSpecifiedDisease,
    /// 認定なし → 医療保険
    MedicalNotCertified,
}

impl InsuranceRule {
    /// The branch of the seed's chart that applied, in its words (利用者は（ ）歳 → …).
    pub fn label(self) -> &'static str {
        match self {
            InsuranceRule::Table7 => "厚生労働大臣が定める疾病等（別表第７）→ 医療保険",
            InsuranceRule::CareOver65 => "６５歳以上・要介護・要支援の認定あり → 介護保険",
            InsuranceRule::CareSpecifiedDisease => {
                "４０歳以上６５歳未満・２号被保険者の特定疾病あり・要介護・要支援の認定あり → 介護保険"
            }
            InsuranceRule::MedicalUnder40 => "４０歳未満 → 医療保険",
            InsuranceRule::MedicalNoSpecifiedDisease => "４０歳以上６５歳未満・２号被保険者の特定疾病なし → 医療保険",
            InsuranceRule::MedicalNotCertified => "要介護・要支援の認定なし → 医療保険",
        }
    }

    /// The insurance the rule leads to.
    pub fn insurance(self) -> Insurance {
        match self {
            InsuranceRule::CareOver65 | InsuranceRule::CareSpecifiedDisease => Insurance::Care,
            _ => Insurance::Medical,
        }
    }
}

/// 利用できる訪問看護.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitLimits {
    /// 介護保険: ケアプランに基づき提供
    CarePlan,
    /// 医療保険: 週３日まで利用可能
    UpToThreeDays,
    /// 医療保険（別表第7・第8）: 週４日以上、1日複数回、２ヶ所（週7日の訪問計画ありは3か所）のST
    Extended,
}

impl VisitLimits {
    /// Days a week at most (`None`: no limit of the seed's — ケアプラン, or 週4日以上可).
    pub fn max_days_per_week(self) -> Option<u8> {
        (self == VisitLimits::UpToThreeDays).then_some(3)
    }

    /// Several visits a day allowed.
    pub fn several_visits_a_day(self) -> bool {
        self == VisitLimits::Extended
    }

    /// ステーション数 for [`VisitLimits::Extended`]: 3 with a seven-day plan, else 2; `None`
    /// when the plan is 不明 or the seed says nothing (the other limits).
    pub fn max_stations(self, seven_day_plan: Option<bool>) -> Option<u8> {
        match (self, seven_day_plan) {
            (VisitLimits::Extended, Some(true)) => Some(3),
            (VisitLimits::Extended, Some(false)) => Some(2),
            _ => None,
        }
    }

    /// The lines to show, in the seed's words.
    pub fn lines(self, seven_day_plan: Option<bool>) -> Vec<String> {
        match self {
            VisitLimits::CarePlan => vec!["ケアプランに基づき提供".to_string()],
            VisitLimits::UpToThreeDays => vec!["週３日まで利用可能".to_string()],
            VisitLimits::Extended => vec![
                "週４日以上、1日複数回の利用可能".to_string(),
                match seven_day_plan {
                    Some(true) => "３か所のST利用可能（週7日間の訪問計画あり）".to_string(),
                    Some(false) => "２ヶ所のST利用可能".to_string(),
                    None => "２ヶ所（週7日間の訪問計画ありの場合は3か所）のST利用可能".to_string(),
                },
            ],
        }
    }
}

/// An input the decision needs but which is 不明.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// Field key (see [`fields`]).
    pub field: &'static str,
    /// 項目名
    pub label: &'static str,
    /// What it would decide.
    pub why: String,
}

/// 長時間訪問看護 (90分を越える訪問の加算).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongVisit {
    /// 対象 / 対象外 / 判断できない
    pub eligible: Option<bool>,
    /// 週何回まで (1; 3 for 15歳未満の超重症児・準超重症児) when eligible
    pub per_week: Option<u8>,
    /// Which of the seed's (1)–(3) apply.
    pub grounds: Vec<String>,
    /// 不足している項目
    pub missing: Vec<Missing>,
}

/// The seed's note on 長時間訪問看護 (shown under the result).
pub const LONG_VISIT_NOTE: &str = "参考：長時間の訪問を要する利用者に対して、１回の指定訪問看護の時間が90分を越えた場合は、１人の利用者に対して週１回(15歳未満の超重症児、準超重症児については週３回)に限り、加算ができる。";

/// 判定結果.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsuranceDecision {
    /// 医療保険 / 介護保険, `None` when it cannot be decided without the missing inputs.
    pub insurance: Option<Insurance>,
    /// 適用した規則
    pub rule: Option<InsuranceRule>,
    /// Why, in Japanese (one line per step that fired).
    pub reasons: Vec<String>,
    /// 利用できる訪問看護, `None` while an input that changes it is missing.
    pub limits: Option<VisitLimits>,
    /// The limits as lines (empty while unknown).
    pub limit_lines: Vec<String>,
    /// Inputs to find out first.
    pub missing: Vec<Missing>,
    /// 長時間訪問看護
    pub long_visit: LongVisit,
    /// Further remarks.
    pub notes: Vec<String>,
}

enum Found<T> {
    Yes(T),
    No,
    Unknown(Vec<Missing>),
}

fn missing(field: (&'static str, &'static str), why: &str) -> Missing {
    Missing { field: field.0, label: field.1, why: why.to_string() }
}

/// 別表第7: yes (with the reason), no, or unknown (with what is missing).
fn table7(f: &InsuranceForm) -> Found<String> {
    const WHY: &str = "別表第7に該当すれば、要介護・要支援でも医療保険になります";
    let mut unknown = Vec::new();
    let disease = match &f.table7_disease {
        Tri::Value(Table7Disease::Parkinson) => {
            let stage_ok = f.hoehn_yahr.map(|h| h >= 3);
            let grade_ok = f.function_grade.map(|g| (2..=3).contains(&g));
            match (stage_ok, grade_ok) {
                (Some(false), _) | (_, Some(false)) => Found::No,
                (Some(true), Some(true)) => Found::Yes(
                    "パーキンソン病（ホーエン・ヤールの重症度分類ステージ三以上かつ生活機能障害度Ⅱ度又はⅢ度）は厚生労働大臣が定める疾病等（別表第7）に該当します".to_string(),
                ),
                (s, g) => {
                    if s.is_none() {
                        unknown.push(missing(fields::HOEHN_YAHR, "パーキンソン病はステージ三以上で別表第7になります"));
                    }
                    if g.is_none() {
                        unknown.push(missing(fields::FUNCTION_GRADE, "パーキンソン病は生活機能障害度Ⅱ度又はⅢ度で別表第7になります"));
                    }
                    Found::Unknown(Vec::new())
                }
            }
        }
        Tri::Value(d) => {
            let name = match d.group() {
                Some(g) => format!("{}（{g}）", d.label()),
                None => d.label().to_string(),
            };
            Found::Yes(format!("{name}は厚生労働大臣が定める疾病等（別表第7）に該当します"))
        }
        Tri::None => Found::No,
        Tri::Unknown => {
            unknown.push(missing(fields::TABLE7_DISEASE, WHY));
            Found::Unknown(Vec::new())
        }
    };
    if let Found::Yes(reason) = disease {
        return Found::Yes(reason);
    }
    match f.ventilator {
        Some(true) => {
            return Found::Yes(
                "人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）は厚生労働大臣が定める疾病等（別表第7）に該当します".to_string(),
            )
        }
        Some(false) => {}
        None => unknown.push(missing(fields::VENTILATOR, WHY)),
    }
    if unknown.is_empty() {
        Found::No
    } else {
        Found::Unknown(unknown)
    }
}

/// 介護保険の対象 (true) or not (false) with the rule and reason, or what is missing.
fn care_route(input: &InsuranceInput) -> Result<(bool, InsuranceRule, String), Vec<Missing>> {
    let f = &input.form;
    let Some(group) = input.group else {
        return Err(vec![missing(fields::AGE, "40歳未満・40歳以上65歳未満・65歳以上で流れが分かれます")]);
    };
    let certified = |rule_yes: InsuranceRule, who: String| match f.care_certified {
        Some(true) => {
            Ok((true, rule_yes, format!("{who}要介護・要支援の認定を受けているため、介護保険で訪問看護が行われます")))
        }
        Some(false) => Ok((
            false,
            InsuranceRule::MedicalNotCertified,
            format!("{who}要介護・要支援の認定を受けていないため、医療保険になります"),
        )),
        None => Err(vec![missing(fields::CARE_CERTIFIED, "認定があれば介護保険、なければ医療保険になります")]),
    };
    match group {
        AgeGroup::Under40 => Ok((
            false,
            InsuranceRule::MedicalUnder40,
            "40歳未満は介護保険の対象ではないため、医療保険になります".to_string(),
        )),
        AgeGroup::Over65 => certified(InsuranceRule::CareOver65, "65歳以上で".to_string()),
        AgeGroup::From40To64 => {
            let specified = match (&f.specified_disease, &f.table7_disease) {
                (Tri::Value(d), _) => Some(*d),
                (Tri::Unknown, Tri::Value(d)) => d.specified_counterpart(),
                _ => None,
            };
            match (specified, &f.specified_disease) {
                (Some(d), _) => certified(
                    InsuranceRule::CareSpecifiedDisease,
                    format!("40歳以上65歳未満で２号被保険者の特定疾病（{}）があり、", d.short_label()),
                ),
                (None, Tri::Unknown) => Err(vec![missing(
                    fields::SPECIFIED_DISEASE,
                    "40歳以上65歳未満は２号被保険者の特定疾病があるときだけ介護保険の対象になります",
                )]),
                (None, _) => Ok((
                    false,
                    InsuranceRule::MedicalNoSpecifiedDisease,
                    "40歳以上65歳未満で２号被保険者の特定疾病がないため、医療保険になります".to_string(),
                )),
            }
        }
    }
}

/// 別表第8: yes (with the states), no, or unknown.
fn table8(f: &InsuranceForm) -> Found<String> {
    match &f.table8 {
        Tri::Value(states) if !states.is_empty() => {
            let names: Vec<&str> = states.iter().map(|s| s.label()).collect();
            Found::Yes(names.join("、"))
        }
        Tri::Value(_) => Found::Unknown(vec![missing(fields::TABLE8, "「該当あり」の場合は状態を選んでください")]),
        Tri::None => Found::No,
        Tri::Unknown => {
            Found::Unknown(vec![missing(fields::TABLE8, "別表第8に該当すれば医療保険で週4日以上の利用ができます")])
        }
    }
}

fn long_visit(input: &InsuranceInput) -> LongVisit {
    let f = &input.form;
    let mut grounds = Vec::new();
    let mut missing_inputs = Vec::new();
    let mut child = false;
    let possibly_child = match (input.years, f.age_band) {
        (Some(y), _) => Some(y < 15),
        (None, Some(AgeBand::Under20)) => None,
        (None, Some(_)) => Some(false),
        (None, None) => None,
    };
    match (possibly_child, f.severe_child) {
        (Some(true), Some(true)) => {
            child = true;
            grounds.push("(1) 15歳未満の超重症児又は準超重症児".to_string());
        }
        (Some(false), _) | (_, Some(false)) => {}
        (None, Some(true)) => missing_inputs
            .push(missing(fields::AGE, "15歳未満の超重症児・準超重症児は長時間訪問看護の対象（週3回）です")),
        (Some(true), None) => missing_inputs
            .push(missing(fields::SEVERE_CHILD, "15歳未満の超重症児・準超重症児は長時間訪問看護の対象（週3回）です")),
        (None, None) => {}
    }
    match table8(f) {
        Found::Yes(names) => grounds.push(format!("(2) 別表第8に掲げる者（{names}）")),
        Found::No => {}
        Found::Unknown(m) => missing_inputs.extend(m),
    }
    match f.special_instruction {
        Some(true) => grounds.push("(3) 特別訪問看護指示書に係る指定訪問看護を受けている者".to_string()),
        Some(false) => {}
        None => missing_inputs
            .push(missing(fields::SPECIAL_INSTRUCTION, "特別訪問看護指示書があれば長時間訪問看護の対象です")),
    }
    let eligible = if !grounds.is_empty() {
        Some(true)
    } else if missing_inputs.is_empty() {
        Some(false)
    } else {
        None
    };
    // Once eligible, only what could raise the limit to three times a week still matters.
    let missing_inputs = if child {
        Vec::new()
    } else if eligible == Some(true) {
        missing_inputs.into_iter().filter(|m| m.field == fields::AGE.0 || m.field == fields::SEVERE_CHILD.0).collect()
    } else {
        missing_inputs
    };
    LongVisit {
        eligible,
        per_week: (eligible == Some(true)).then_some(if child { 3 } else { 1 }),
        grounds,
        missing: missing_inputs,
    }
}

/// 判定: which insurance pays for the visiting nursing, why, and what it allows.
pub fn decide(input: &InsuranceInput) -> InsuranceDecision {
    let f = &input.form;
    let mut reasons = Vec::new();
    let mut missing_inputs = Vec::new();
    let mut notes = Vec::new();
    let (insurance, rule, limits) = match table7(f) {
        Found::Yes(reason) => {
            reasons.push(reason);
            reasons.push("要介護者・要支援者であっても、医療保険で訪問看護が行われます".to_string());
            (Some(Insurance::Medical), Some(InsuranceRule::Table7), Some(VisitLimits::Extended))
        }
        t7 => {
            let t7_unknown = match t7 {
                Found::Unknown(m) => Some(m),
                _ => None,
            };
            match care_route(input) {
                Ok((true, rule, reason)) => match t7_unknown {
                    None => {
                        reasons.push(reason);
                        (Some(Insurance::Care), Some(rule), Some(VisitLimits::CarePlan))
                    }
                    Some(m) => {
                        missing_inputs.extend(m);
                        (None, None, None)
                    }
                },
                Ok((false, rule, reason)) => {
                    reasons.push(reason);
                    let limits = match table8(f) {
                        Found::Yes(names) => {
                            reasons.push(format!(
                                "別表第8に掲げる状態（{names}）のため、週４日以上・1日複数回の利用ができます"
                            ));
                            Some(VisitLimits::Extended)
                        }
                        Found::No => match &t7_unknown {
                            None => Some(VisitLimits::UpToThreeDays),
                            Some(_) => None,
                        },
                        Found::Unknown(m) => {
                            missing_inputs.extend(m);
                            None
                        }
                    };
                    if limits.is_none() {
                        if let Some(m) = t7_unknown {
                            missing_inputs.extend(m);
                        }
                    }
                    (Some(Insurance::Medical), Some(rule), limits)
                }
                Err(m) => {
                    if let Some(t) = t7_unknown {
                        missing_inputs.extend(t);
                    }
                    missing_inputs.extend(m);
                    (None, None, None)
                }
            }
        }
    };
    if f.special_instruction == Some(true) && insurance == Some(Insurance::Care) {
        notes.push(
            "特別訪問看護指示書の期間の保険の扱いは資料に記載がありません。主治医・訪問看護ステーションに確認してください"
                .to_string(),
        );
    }
    if insurance.is_none() {
        notes.push("不足している項目を確認すると判定できます".to_string());
    }
    dedupe(&mut missing_inputs);
    InsuranceDecision {
        insurance,
        rule,
        reasons,
        limits,
        limit_lines: limits.map(|l| l.lines(f.seven_day_plan)).unwrap_or_default(),
        missing: missing_inputs,
        long_visit: long_visit(input),
        notes,
    }
}

fn dedupe(list: &mut Vec<Missing>) {
    let mut seen = Vec::new();
    list.retain(|m| {
        if seen.contains(&m.field) {
            false
        } else {
            seen.push(m.field);
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::patient::{CareLevel, Procedures};

    /// A form with everything known and nothing special: 別表第7 なし, 人工呼吸器 なし,
    /// 別表第8 なし, 特別訪問看護指示書 なし, 超重症児 でない.
    fn plain(age: &str, certified: Option<bool>) -> InsuranceForm {
        InsuranceForm {
            age: age.to_string(),
            care_certified: certified,
            specified_disease: Tri::None,
            table7_disease: Tri::None,
            ventilator: Some(false),
            table8: Tri::None,
            severe_child: Some(false),
            special_instruction: Some(false),
            ..InsuranceForm::default()
        }
    }

    fn decide_form(f: &InsuranceForm) -> InsuranceDecision {
        f.evaluate().expect("valid form")
    }

    fn fields_missing(d: &InsuranceDecision) -> Vec<&str> {
        d.missing.iter().map(|m| m.field).collect()
    }

    #[test]
    fn lists_hold_the_seeds_entries() {
        assert_eq!(SpecifiedDisease::ALL.len(), 16);
        assert_eq!(SpecifiedDisease::Als.numeral(), "三");
        assert_eq!(SpecifiedDisease::Osteoarthritis.numeral(), "十六");
        assert_eq!(
            SpecifiedDisease::ParkinsonRelated.label(),
            "進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病"
        );
        // 21 diseases + 人工呼吸器を使用している状態 (a separate input) = the seed's 22 entries.
        assert_eq!(Table7Disease::ALL.len(), 21);
        assert_eq!(Table7Disease::Psp.group(), Some("パーキンソン病関連疾患"));
        assert_eq!(Table7Disease::Als.specified_counterpart(), Some(SpecifiedDisease::Als));
        assert_eq!(Table7Disease::MultipleSclerosis.specified_counterpart(), None);
        assert_eq!(Table8State::ALL.len(), 17);
        let groups: Vec<u8> = Table8State::ALL.iter().map(|s| s.group()).collect();
        assert_eq!(groups, vec![1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5]);
    }

    #[test]
    fn table7_disease_means_medical_insurance_even_when_certified() {
        for age in ["30", "50", "70"] {
            let f = InsuranceForm { table7_disease: Tri::Value(Table7Disease::Als), ..plain(age, Some(true)) };
            let d = decide_form(&f);
            assert_eq!(d.insurance, Some(Insurance::Medical), "age {age}");
            assert_eq!(d.rule, Some(InsuranceRule::Table7));
            assert_eq!(d.limits, Some(VisitLimits::Extended));
            assert_eq!(d.reasons[0], "筋萎縮性側索硬化症は厚生労働大臣が定める疾病等（別表第7）に該当します");
            assert_eq!(d.reasons[1], "要介護者・要支援者であっても、医療保険で訪問看護が行われます");
            assert!(d.missing.is_empty());
        }
        // Age and certification are not needed for 別表第7.
        let f = InsuranceForm { table7_disease: Tri::Value(Table7Disease::Als), ..InsuranceForm::default() };
        let d = decide_form(&f);
        assert_eq!(d.insurance, Some(Insurance::Medical));
        assert!(d.missing.is_empty());
    }

    #[test]
    fn ventilator_is_table7() {
        let f = InsuranceForm { ventilator: Some(true), ..plain("70", Some(true)) };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::Table7)));
        assert!(d.reasons[0].starts_with("人工呼吸器を使用している状態"));
    }

    #[test]
    fn parkinson_needs_stage_three_and_grade_two_or_three() {
        let pd = |hy: Option<u8>, grade: Option<u8>| InsuranceForm {
            table7_disease: Tri::Value(Table7Disease::Parkinson),
            hoehn_yahr: hy,
            function_grade: grade,
            ..plain("70", Some(true))
        };
        assert_eq!(decide_form(&pd(Some(3), Some(2))).rule, Some(InsuranceRule::Table7));
        assert_eq!(decide_form(&pd(Some(5), Some(3))).rule, Some(InsuranceRule::Table7));
        // Stage 2 or grade Ⅰ: not 別表第7 → 65歳以上・認定あり → 介護保険.
        assert_eq!(decide_form(&pd(Some(2), Some(3))).insurance, Some(Insurance::Care));
        assert_eq!(decide_form(&pd(Some(4), Some(1))).insurance, Some(Insurance::Care));
        // Stage known to be too low decides even if the grade is unknown.
        assert_eq!(decide_form(&pd(Some(2), None)).insurance, Some(Insurance::Care));
        // Unknown stage: cannot decide; says what is missing.
        let d = decide_form(&pd(None, Some(2)));
        assert_eq!(d.insurance, None);
        assert_eq!(fields_missing(&d), vec!["hoehn_yahr"]);
        let d = decide_form(&pd(None, None));
        assert_eq!(fields_missing(&d), vec!["hoehn_yahr", "function_grade"]);
    }

    #[test]
    fn care_insurance_routes() {
        // 65歳以上・認定あり → 介護保険.
        let d = decide_form(&plain("65", Some(true)));
        assert_eq!(
            (d.insurance, d.rule, d.limits),
            (Some(Insurance::Care), Some(InsuranceRule::CareOver65), Some(VisitLimits::CarePlan))
        );
        assert_eq!(d.limit_lines, vec!["ケアプランに基づき提供"]);
        // 40–64 with a 特定疾病 and 認定 → 介護保険.
        let f = InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Copd), ..plain("40", Some(true)) };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.rule), (Some(Insurance::Care), Some(InsuranceRule::CareSpecifiedDisease)));
        assert_eq!(
            d.reasons,
            vec!["40歳以上65歳未満で２号被保険者の特定疾病（慢性閉塞性肺疾患）があり、要介護・要支援の認定を受けているため、介護保険で訪問看護が行われます"]
        );
        // 別表第8 alone does not move a 介護保険 user to 医療保険.
        let f = InsuranceForm { table8: Tri::Value(vec![Table8State::OxygenTherapy]), ..plain("80", Some(true)) };
        let d = decide_form(&f);
        assert_eq!(d.insurance, Some(Insurance::Care));
        assert_eq!(d.long_visit.eligible, Some(true));
    }

    #[test]
    fn medical_insurance_routes_with_three_days() {
        for (form, rule) in [
            (plain("39", Some(true)), InsuranceRule::MedicalUnder40),
            (plain("0", None), InsuranceRule::MedicalUnder40),
            (plain("64", Some(true)), InsuranceRule::MedicalNoSpecifiedDisease),
            (plain("65", Some(false)), InsuranceRule::MedicalNotCertified),
            (
                InsuranceForm {
                    specified_disease: Tri::Value(SpecifiedDisease::Cerebrovascular),
                    ..plain("55", Some(false))
                },
                InsuranceRule::MedicalNotCertified,
            ),
        ] {
            let d = decide_form(&form);
            assert_eq!(d.insurance, Some(Insurance::Medical), "{form:?}");
            assert_eq!(d.rule, Some(rule));
            assert_eq!(d.limits, Some(VisitLimits::UpToThreeDays));
            assert_eq!(d.limit_lines, vec!["週３日まで利用可能"]);
            if rule == InsuranceRule::MedicalNotCertified && form.age == "65" {
                assert_eq!(d.reasons, vec!["65歳以上で要介護・要支援の認定を受けていないため、医療保険になります"]);
            }
            assert_eq!(VisitLimits::UpToThreeDays.max_days_per_week(), Some(3));
        }
    }

    #[test]
    fn table8_lifts_the_three_day_limit_under_medical_insurance() {
        let f = InsuranceForm { table8: Tri::Value(vec![Table8State::TrachealCannula]), ..plain("30", None) };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), Some(VisitLimits::Extended)));
        assert_eq!(
            d.reasons[1],
            "別表第8に掲げる状態（気管カニューレを使用している状態）のため、週４日以上・1日複数回の利用ができます"
        );
        assert_eq!(d.limit_lines[1], "２ヶ所（週7日間の訪問計画ありの場合は3か所）のST利用可能");
    }

    #[test]
    fn stations_two_or_three_with_a_seven_day_plan() {
        let l = VisitLimits::Extended;
        assert_eq!(l.max_stations(Some(true)), Some(3));
        assert_eq!(l.max_stations(Some(false)), Some(2));
        assert_eq!(l.max_stations(None), None);
        assert!(l.several_visits_a_day());
        assert_eq!(l.max_days_per_week(), None);
        assert_eq!(VisitLimits::CarePlan.max_stations(Some(true)), None);
        let f = InsuranceForm {
            table7_disease: Tri::Value(Table7Disease::Als),
            seven_day_plan: Some(true),
            ..plain("70", Some(true))
        };
        assert_eq!(
            decide_form(&f).limit_lines,
            vec!["週４日以上、1日複数回の利用可能", "３か所のST利用可能（週7日間の訪問計画あり）"]
        );
    }

    #[test]
    fn unknown_inputs_are_named_not_guessed() {
        // Age unknown and not 別表第7: the age decides.
        let d = decide_form(&plain("", Some(true)));
        assert_eq!(d.insurance, None);
        assert_eq!(fields_missing(&d), vec!["age"]);
        // 65+, certification unknown.
        let d = decide_form(&plain("70", None));
        assert_eq!(fields_missing(&d), vec!["care_certified"]);
        // 40–64, 特定疾病 unknown.
        let f = InsuranceForm { specified_disease: Tri::Unknown, ..plain("50", Some(true)) };
        assert_eq!(fields_missing(&decide_form(&f)), vec!["specified_disease"]);
        // 65+ certified, 別表第7 unknown: 別表第7 decides between the two.
        let f = InsuranceForm { table7_disease: Tri::Unknown, ventilator: None, ..plain("70", Some(true)) };
        let d = decide_form(&f);
        assert_eq!(d.insurance, None);
        assert_eq!(fields_missing(&d), vec!["table7_disease", "ventilator"]);
        // Under 40, 別表第7 unknown: 医療保険 either way, only the limits are open.
        let f = InsuranceForm { table7_disease: Tri::Unknown, ..plain("30", None) };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), None));
        assert_eq!(fields_missing(&d), vec!["table7_disease"]);
        assert!(d.limit_lines.is_empty());
        // …and 別表第8 settles the limits without 別表第7.
        let f = InsuranceForm {
            table7_disease: Tri::Unknown,
            table8: Tri::Value(vec![Table8State::Stoma]),
            ..plain("30", None)
        };
        assert_eq!(decide_form(&f).limits, Some(VisitLimits::Extended));
        // 別表第8 unknown under 医療保険: limits open.
        let f = InsuranceForm { table8: Tri::Unknown, ..plain("30", None) };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), None));
        assert_eq!(fields_missing(&d), vec!["table8"]);
        // 「該当あり」 without a state ticked.
        let f = InsuranceForm { table8: Tri::Value(vec![]), ..plain("30", None) };
        assert_eq!(decide_form(&f).missing[0].why, "「該当あり」の場合は状態を選んでください");
        // Everything unknown: age, 別表第7, 人工呼吸器 are asked.
        let d = decide_form(&InsuranceForm::default());
        assert_eq!(d.insurance, None);
        assert_eq!(fields_missing(&d), vec!["table7_disease", "ventilator", "age"]);
        assert_eq!(d.notes, vec!["不足している項目を確認すると判定できます"]);
    }

    #[test]
    fn a_table7_counterpart_counts_as_the_specified_disease() {
        // 50歳, パーキンソン病 stage 2 (not 別表第7), 特定疾病 left 不明: 七 applies.
        let f = InsuranceForm {
            table7_disease: Tri::Value(Table7Disease::Parkinson),
            specified_disease: Tri::Unknown,
            hoehn_yahr: Some(2),
            function_grade: Some(1),
            ..plain("50", Some(true))
        };
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.rule), (Some(Insurance::Care), Some(InsuranceRule::CareSpecifiedDisease)));
        let mut g = InsuranceForm::default();
        g.set_table7_disease(Tri::Value(Table7Disease::Msa));
        assert_eq!(g.specified_disease, Tri::Value(SpecifiedDisease::Msa));
        // An explicit choice is not overwritten.
        g.specified_disease = Tri::None;
        g.set_table7_disease(Tri::Value(Table7Disease::Als));
        assert_eq!(g.specified_disease, Tri::None);
    }

    #[test]
    fn long_visits() {
        // (1) 15歳未満の超重症児・準超重症児: 週3回.
        let f = InsuranceForm { severe_child: Some(true), ..plain("14", None) };
        let lv = decide_form(&f).long_visit;
        assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(3)));
        assert_eq!(lv.grounds, vec!["(1) 15歳未満の超重症児又は準超重症児"]);
        // 15歳 is not under 15.
        let f = InsuranceForm { severe_child: Some(true), ..plain("15", None) };
        assert_eq!(decide_form(&f).long_visit.eligible, Some(false));
        // (2) 別表第8: 週1回.
        let f = InsuranceForm { table8: Tri::Value(vec![Table8State::PressureUlcer]), ..plain("70", Some(true)) };
        let lv = decide_form(&f).long_visit;
        assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(1)));
        assert_eq!(lv.grounds, vec!["(2) 別表第8に掲げる者（真皮を越える褥瘡の状態）"]);
        // (3) 特別訪問看護指示書: 週1回, with a note when the insurance is 介護保険.
        let f = InsuranceForm { special_instruction: Some(true), ..plain("70", Some(true)) };
        let d = decide_form(&f);
        assert_eq!((d.long_visit.eligible, d.long_visit.per_week), (Some(true), Some(1)));
        assert_eq!(d.notes.len(), 1);
        // None of them, all known: not eligible.
        let lv = decide_form(&plain("70", Some(true))).long_visit;
        assert_eq!((lv.eligible, lv.per_week), (Some(false), None));
        // Unknown 別表第8 and 指示書: cannot say.
        let f = InsuranceForm { table8: Tri::Unknown, special_instruction: None, ..plain("70", Some(true)) };
        let lv = decide_form(&f).long_visit;
        assert_eq!(lv.eligible, None);
        assert_eq!(lv.missing.iter().map(|m| m.field).collect::<Vec<_>>(), vec!["table8", "special_instruction"]);
        // A child whose status is unknown.
        let f = InsuranceForm { severe_child: None, ..plain("8", None) };
        let lv = decide_form(&f).long_visit;
        assert_eq!(lv.eligible, None);
        assert_eq!(lv.missing[0].field, "severe_child");
        // Only the band 20歳未満 known and a 超重症児: the exact age is needed for 週3回.
        let f = InsuranceForm { age_band: Some(AgeBand::Under20), severe_child: Some(true), ..plain("", None) };
        let lv = decide_form(&f).long_visit;
        assert_eq!(lv.eligible, None);
        assert_eq!(lv.missing[0].field, "age");
        // Eligible through 別表第8 while possibly a child: still says what could make it 週3回.
        let f = InsuranceForm {
            age_band: Some(AgeBand::Under20),
            severe_child: Some(true),
            table8: Tri::Value(vec![Table8State::TrachealCannula]),
            ..plain("", None)
        };
        let lv = decide_form(&f).long_visit;
        assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(1)));
        assert_eq!(lv.missing[0].field, "age");
    }

    #[test]
    fn prefill_from_patient() {
        let mut p = Patient {
            age: Some(Age::Years(68)),
            procedures: Procedures { ventilator: Some(true), tracheostomy: Some(true), ..Procedures::default() },
            care_insurance: Tri::Value(CareLevel::Care5),
            ..Patient::default()
        };
        let f = InsuranceForm::from_patient(&p);
        assert_eq!(f.age, "68");
        assert_eq!(f.table7_disease, Tri::Value(Table7Disease::Als));
        assert_eq!(f.specified_disease, Tri::Value(SpecifiedDisease::Als));
        assert_eq!(f.ventilator, Some(true));
        assert_eq!(f.care_certified, Some(true));
        assert_eq!(f.table8, Tri::Value(vec![Table8State::TrachealCannula, Table8State::Ventilation]));
        assert_eq!(
            f.prefilled,
            vec!["age", "table7_disease", "specified_disease", "ventilator", "care_certified", "table8"]
        );
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::Table7)));

        // A band only, PD, no care insurance, procedures unknown.
        p = Patient {
            age: Some(Age::Band(AgeBand::From40To64)),
            disease: Disease::Pd,
            care_insurance: Tri::None,
            ..Patient::default()
        };
        let f = InsuranceForm::from_patient(&p);
        assert_eq!(f.age_band, Some(AgeBand::From40To64));
        assert_eq!(f.table7_disease, Tri::Value(Table7Disease::Parkinson));
        assert_eq!(f.specified_disease, Tri::Value(SpecifiedDisease::ParkinsonRelated));
        assert_eq!(f.care_certified, Some(false));
        assert_eq!(f.ventilator, None);
        assert_eq!(f.table8, Tri::Unknown);
        // Not certified ⇒ 医療保険 whatever the stage; the limits wait for 別表第7/第8.
        let d = decide_form(&f);
        assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::MedicalNotCertified)));
        assert_eq!(d.limits, None);
        assert_eq!(fields_missing(&d), vec!["table8", "hoehn_yahr", "function_grade", "ventilator"]);

        // Another disease named as on the lists.
        p = Patient { disease: Disease::Other("重症筋無力症".into()), ..Patient::default() };
        assert_eq!(InsuranceForm::from_patient(&p).table7_disease, Tri::Value(Table7Disease::MyastheniaGravis));
        p = Patient { disease: Disease::Other("慢性閉塞性肺疾患".into()), ..Patient::default() };
        let f = InsuranceForm::from_patient(&p);
        assert_eq!((f.table7_disease, f.specified_disease), (Tri::Unknown, Tri::Value(SpecifiedDisease::Copd)));
    }

    #[test]
    fn rule_labels_match_the_decided_insurance() {
        for (form, rule) in [
            (InsuranceForm { ventilator: Some(true), ..plain("70", Some(true)) }, InsuranceRule::Table7),
            (plain("65", Some(true)), InsuranceRule::CareOver65),
            (
                InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Als), ..plain("40", Some(true)) },
                InsuranceRule::CareSpecifiedDisease,
            ),
            (plain("39", Some(true)), InsuranceRule::MedicalUnder40),
            (plain("40", Some(true)), InsuranceRule::MedicalNoSpecifiedDisease),
            (plain("90", Some(false)), InsuranceRule::MedicalNotCertified),
        ] {
            let d = decide_form(&form);
            assert_eq!(d.rule, Some(rule), "{form:?}");
            assert_eq!(d.insurance, Some(rule.insurance()));
            assert!(rule.label().ends_with(rule.insurance().label()));
        }
    }

    #[test]
    fn age_band_alone_decides_the_age_branch() {
        let band = |b: AgeBand, certified: Option<bool>| InsuranceForm { age_band: Some(b), ..plain("", certified) };
        // 20歳未満 and 20〜39歳 are under 40: 医療保険 whatever the certification.
        for b in [AgeBand::Under20, AgeBand::From20To39] {
            let d = decide_form(&band(b, Some(true)));
            assert_eq!(d.rule, Some(InsuranceRule::MedicalUnder40), "{b:?}");
            assert_eq!(d.limits, Some(VisitLimits::UpToThreeDays));
        }
        // 40〜64歳: the 特定疾病 decides.
        let f = InsuranceForm {
            specified_disease: Tri::Value(SpecifiedDisease::Scd),
            ..band(AgeBand::From40To64, Some(true))
        };
        assert_eq!(decide_form(&f).rule, Some(InsuranceRule::CareSpecifiedDisease));
        assert_eq!(
            decide_form(&band(AgeBand::From40To64, Some(true))).rule,
            Some(InsuranceRule::MedicalNoSpecifiedDisease)
        );
        // 65歳以上: the certification decides.
        assert_eq!(decide_form(&band(AgeBand::Over65, Some(true))).rule, Some(InsuranceRule::CareOver65));
        assert_eq!(decide_form(&band(AgeBand::Over65, Some(false))).rule, Some(InsuranceRule::MedicalNotCertified));
        // A typed age wins over the band.
        let f = InsuranceForm { age_band: Some(AgeBand::Over65), ..plain("30", Some(true)) };
        assert_eq!(decide_form(&f).rule, Some(InsuranceRule::MedicalUnder40));
    }

    #[test]
    fn age_boundaries_39_40_64_65() {
        let with_disease = |age: &str| InsuranceForm {
            specified_disease: Tri::Value(SpecifiedDisease::Als),
            ..plain(age, Some(true))
        };
        assert_eq!(decide_form(&with_disease("39")).insurance, Some(Insurance::Medical));
        assert_eq!(decide_form(&with_disease("40")).insurance, Some(Insurance::Care));
        assert_eq!(decide_form(&with_disease("64")).rule, Some(InsuranceRule::CareSpecifiedDisease));
        assert_eq!(decide_form(&with_disease("65")).rule, Some(InsuranceRule::CareOver65));
        assert_eq!(decide_form(&plain("64", Some(true))).insurance, Some(Insurance::Medical));
        assert_eq!(decide_form(&plain("65", Some(true))).insurance, Some(Insurance::Care));
    }

    #[test]
    fn bad_input_is_refused() {
        let f = InsuranceForm {
            age: "abc".into(),
            hoehn_yahr: Some(6),
            function_grade: Some(0),
            ..InsuranceForm::default()
        };
        let err = f.evaluate().expect_err("invalid");
        let keys: Vec<&str> = err.errors().map(|e| e.field.as_str()).collect();
        assert_eq!(keys, vec!["age", "hoehn_yahr", "function_grade"]);
        assert_eq!(err.errors().next().map(|e| e.message.as_str()), Some("数字で入力してください"));
        let f = InsuranceForm { age: "200".into(), ..InsuranceForm::default() };
        assert!(f.evaluate().is_err());
        let f = InsuranceForm { age: "６５".into(), ..plain("", Some(true)) };
        assert_eq!(decide_form(&f).insurance, Some(Insurance::Care));
    }

    #[test]
    fn table8_checkboxes() {
        let mut f = InsuranceForm::default();
        f.set_table8_state(Table8State::Stoma, true);
        f.set_table8_state(Table8State::TrachealCannula, true);
        f.set_table8_state(Table8State::Stoma, true);
        assert_eq!(f.table8, Tri::Value(vec![Table8State::TrachealCannula, Table8State::Stoma]));
        f.set_table8_state(Table8State::TrachealCannula, false);
        assert_eq!(f.table8, Tri::Value(vec![Table8State::Stoma]));
    }

    fn tri<T: Clone>(i: u8, v: T) -> Tri<T> {
        match i % 3 {
            0 => Tri::Unknown,
            1 => Tri::None,
            _ => Tri::Value(v),
        }
    }

    fn opt(i: u8) -> Option<bool> {
        match i % 3 {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        }
    }

    proptest::proptest! {
        #[test]
        fn decisions_are_consistent(
            age in proptest::option::of(0u8..=110),
            cert in 0u8..3, spec in 0u8..3, t7 in 0u8..3, t7d in 0usize..21, vent in 0u8..3, t8 in 0u8..3,
            hy in proptest::option::of(1u8..=5), grade in proptest::option::of(1u8..=3), child in 0u8..3, special in 0u8..3,
        ) {
            let f = InsuranceForm {
                age: age.map(|a| a.to_string()).unwrap_or_default(),
                care_certified: opt(cert),
                specified_disease: tri(spec, SpecifiedDisease::Copd),
                table7_disease: tri(t7, Table7Disease::ALL[t7d]),
                hoehn_yahr: hy,
                function_grade: grade,
                ventilator: opt(vent),
                table8: tri(t8, vec![Table8State::OxygenTherapy]),
                severe_child: opt(child),
                special_instruction: opt(special),
                ..InsuranceForm::default()
            };
            let d = decide_form(&f);
            // 介護保険 needs a certification and never applies to 別表第7.
            if d.insurance == Some(Insurance::Care) {
                proptest::prop_assert_eq!(f.care_certified, Some(true));
                proptest::prop_assert_ne!(f.ventilator, Some(true));
                proptest::prop_assert!(age.is_some_and(|a| a >= 40));
            }
            // A non-Parkinson 別表第7 disease or a ventilator always means 医療保険 with the extended limits.
            let t7_disease = matches!(f.table7_disease, Tri::Value(d) if d != Table7Disease::Parkinson);
            if t7_disease || f.ventilator == Some(true) {
                proptest::prop_assert_eq!(d.rule, Some(InsuranceRule::Table7));
                proptest::prop_assert_eq!(d.limits, Some(VisitLimits::Extended));
            }
            // Undecided ⇔ something is named as missing.
            if d.insurance.is_none() || d.limits.is_none() {
                proptest::prop_assert!(!d.missing.is_empty());
            }
            if d.insurance.is_some() {
                proptest::prop_assert!(!d.reasons.is_empty());
            }
            // Under 40 is never 介護保険.
            if age.is_some_and(|a| a < 40) {
                proptest::prop_assert_ne!(d.insurance, Some(Insurance::Care));
            }
        }
    }
}
