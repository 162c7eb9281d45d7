//! The seed's lists: ※1 ２号被保険者の特定疾病, 別表第7 (厚生労働大臣が定める疾病等) and
//! 別表第8 (特別な管理を要する状態).

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
