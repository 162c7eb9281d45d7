//! What the flow decides: the insurance, the branch of the chart and why, the limits, the
//! 長時間訪問看護, and what must be found out first.

use serde::{Deserialize, Serialize};

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
