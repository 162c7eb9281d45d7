//! 週間訪問計画: the weekly visit plan a 在宅人工呼吸器使用患者支援事業 payment is computed from
//! (per day, in order: each visit's provider — a 訪問看護ステーション or another medical
//! institution — and the visitor's qualification).

use crate::domain::time::Date;
use serde::{Deserialize, Serialize};

/// 訪問看護ステーション等医療機関の種別.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// 訪問看護ステーション.
    Station,
    /// その他の医療機関 (訪問看護を行う病院・診療所).
    Institution,
}

impl ProviderKind {
    pub fn label(self) -> &'static str {
        match self {
            ProviderKind::Station => "訪問看護ステーション",
            ProviderKind::Institution => "その他の医療機関",
        }
    }
}

/// 訪問する職種 as 別添２ groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualification {
    /// 保健師、助産師、看護師、理学療法士、作業療法士又は言語聴覚士.
    Nurse,
    /// 准看護師.
    AssistantNurse,
}

impl Qualification {
    pub fn label(self) -> &'static str {
        match self {
            Qualification::Nurse => "保健師・助産師・看護師・PT・OT・ST",
            Qualification::AssistantNurse => "准看護師",
        }
    }
}

/// 訪問する事業者.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    /// 事業者名.
    pub name: String,
    pub kind: ProviderKind,
}

/// 1回の訪問.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// 事業者名 (one of the plan's providers).
    pub provider: String,
    pub qualification: Qualification,
}

/// 曜日 (月曜日 first).
pub const WEEKDAYS: [&str; 7] = ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"];

/// Most visits in one day the plan accepts: 24-hour care by rota rarely needs more than a
/// visit every two hours; anything beyond is a typing error (30 for 3).
pub const MAX_VISITS_PER_DAY: usize = 12;

/// 週間訪問計画.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPlan {
    /// 訪問する事業者.
    #[serde(default)]
    pub providers: Vec<Provider>,
    /// 月曜日…日曜日: the visits of the day in order.
    #[serde(default)]
    pub days: [Vec<Visit>; 7],
    /// 医師による訪問看護指示 (①, once a month) is given.
    #[serde(default)]
    pub doctor_instruction: bool,
    /// 事業の開始日 (the programme's year runs from it; 事業期間は１カ年).
    #[serde(default)]
    pub start: Option<Date>,
}

impl VisitPlan {
    pub fn provider(&self, name: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.name == name)
    }

    /// Every problem, each naming the field (empty when the plan can be computed).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, p) in self.providers.iter().enumerate() {
            if p.name.trim().is_empty() {
                out.push(format!("訪問する事業者（{}件目）: 事業者名を入力してください", i + 1));
            } else if self.providers[..i].iter().any(|q| q.name == p.name) {
                out.push(format!("訪問する事業者（{}件目）: 「{}」が2回あります", i + 1, p.name));
            }
        }
        for (day, visits) in WEEKDAYS.iter().zip(self.days.iter()) {
            if visits.len() > MAX_VISITS_PER_DAY {
                out.push(format!(
                    "訪問計画の{day}: 1日の訪問は{MAX_VISITS_PER_DAY}回までです（{}回になっています）",
                    visits.len()
                ));
                continue;
            }
            for (n, v) in visits.iter().enumerate() {
                if self.provider(&v.provider).is_none() {
                    let name = if v.provider.trim().is_empty() { "（空欄）" } else { v.provider.as_str() };
                    out.push(format!(
                        "訪問計画の{day}{}回目（{}）: 事業者「{name}」が訪問する事業者の一覧にありません。ステーションか医療機関かが分からないため、費用を計算できません",
                        n + 1,
                        v.qualification.label()
                    ));
                }
            }
        }
        out
    }
}
