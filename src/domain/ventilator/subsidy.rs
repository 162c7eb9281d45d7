//! 在宅人工呼吸器使用者療養支援事業 (seed 003, 区市町村包括補助): which of the items for power
//! cuts a person may apply for now, and why not.
//!
//! The seed's rules (補助条件等 and 補助対象品目):
//! - 「災害時個別計画に、使用者が対象品目を準備する必要があると記載があること」;
//! - 「他の公的制度（日常生活用具給付等事業や人工呼吸器使用難病患者非常用電源設備整備事業等）の対象と
//!   なる使用者は、当該補助の対象外」;
//! - ① 自家発電装置 限度額 212千円, ② 吸引器（充電式） 100千円, ③ 無停電電源装置 41千円 — ③ only for
//!   「バッテリーが内蔵されていない人工呼吸器であって使用時に外付バッテリーを装着する機器」.
//!
//! The useful life (耐用年数) after which a new grant is possible is municipal practice, not in
//! the seed: the defaults (6 years for a generator or a UPS, 5 for a battery-powered suction
//! device) are a table the 保健所 adjusts ([`SubsidyTable`]).

use crate::domain::help::ventilator::yen;
use crate::domain::time::Date;
use serde::{Deserialize, Serialize};

/// 補助対象品目 ①②③.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubsidyItem {
    /// ① 自家発電装置 (in principle to charge the external battery).
    Generator,
    /// ② 吸引器（充電式）.
    Suction,
    /// ③ 無停電電源装置.
    Ups,
}

impl SubsidyItem {
    pub const ALL: [SubsidyItem; 3] = [SubsidyItem::Generator, SubsidyItem::Suction, SubsidyItem::Ups];

    /// The item as the seed names it.
    pub fn label(self) -> &'static str {
        match self {
            SubsidyItem::Generator => "①自家発電装置",
            SubsidyItem::Suction => "②吸引器（充電式）",
            SubsidyItem::Ups => "③無停電電源装置",
        }
    }

    /// The seed's note under the item.
    pub fn note(self) -> &'static str {
        match self {
            SubsidyItem::Generator => "自家発電装置は原則として外付けバッテリーの充電を目的とするものであること",
            SubsidyItem::Suction => "停電等により一般の家庭用電源が使用できない状態においても、吸引が実施できるようにするための機器",
            SubsidyItem::Ups => "バッテリーが内蔵されていない人工呼吸器であって使用時に外付バッテリーを装着する機器を利用している場合に、予備電源による駆動開始までの間の人工呼吸器の駆動の確保が必要な方が対象",
        }
    }
}

/// One item's line of the table: 限度額 (円, 1人当たり) and 耐用年数 (年).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRule {
    /// 限度額 (円). Signed so that a negative entry can be refused with a message.
    pub limit_yen: i64,
    /// 耐用年数 (年): a new grant is possible once this many years have passed.
    pub useful_life_years: i32,
}

/// 補助の上限表: what the 保健所 can adjust (municipalities differ).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyTable {
    pub generator: ItemRule,
    pub suction: ItemRule,
    pub ups: ItemRule,
    /// 他の公的制度: a person covered by one of these is not eligible.
    pub other_schemes: Vec<String>,
}

impl Default for SubsidyTable {
    /// The seed's amounts; the useful lives are common municipal practice.
    fn default() -> Self {
        SubsidyTable {
            generator: ItemRule { limit_yen: 212_000, useful_life_years: 6 },
            suction: ItemRule { limit_yen: 100_000, useful_life_years: 5 },
            ups: ItemRule { limit_yen: 41_000, useful_life_years: 6 },
            other_schemes: vec!["日常生活用具給付等事業".into(), "人工呼吸器使用難病患者非常用電源設備整備事業".into()],
        }
    }
}

/// Largest 限度額 accepted (円): a typo guard far above any municipality's amount (the form
/// and an imported file alike).
pub const MAX_LIMIT_YEN: i64 = 10_000_000;

/// Longest useful life accepted (年).
pub const MAX_USEFUL_LIFE_YEARS: i32 = 30;

impl SubsidyTable {
    pub fn rule(&self, item: SubsidyItem) -> ItemRule {
        match item {
            SubsidyItem::Generator => self.generator,
            SubsidyItem::Suction => self.suction,
            SubsidyItem::Ups => self.ups,
        }
    }

    /// Every problem of the table, each naming the field (empty when it can be used).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for item in SubsidyItem::ALL {
            let rule = self.rule(item);
            if rule.limit_yen < 0 {
                out.push(format!(
                    "補助の上限表（{}の限度額）: 0円以上で入力してください（{}円になっています）",
                    item.label(),
                    rule.limit_yen
                ));
            }
            if rule.limit_yen > MAX_LIMIT_YEN {
                out.push(format!(
                    "補助の上限表（{}の限度額）: {MAX_LIMIT_YEN}円以下で入力してください（{}円になっています）",
                    item.label(),
                    rule.limit_yen
                ));
            }
            if !(1..=MAX_USEFUL_LIFE_YEARS).contains(&rule.useful_life_years) {
                out.push(format!(
                    "補助の上限表（{}の耐用年数）: 1〜{MAX_USEFUL_LIFE_YEARS}年で入力してください（{}年になっています）",
                    item.label(),
                    rule.useful_life_years
                ));
            }
        }
        if self.other_schemes.iter().any(|s| s.trim().is_empty()) {
            out.push("補助の上限表（他の公的制度）: 空の制度名があります".into());
        }
        out
    }
}

/// What the app knows about the person for the check (from the 災害時個別支援計画).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubsidyFacts {
    /// A 災害時個別支援計画 exists.
    pub has_plan: bool,
    /// The plan says the person needs to prepare the item (one flag per item, ①②③).
    pub needed: [bool; 3],
    /// 他の公的制度 the person is covered by (its name), if any.
    pub other_scheme: Option<String>,
    /// The ventilator has an internal battery (`None`: not entered).
    pub internal_battery: Option<bool>,
    /// When the item was last received through this subsidy, per item ①②③.
    pub received: [Option<Date>; 3],
}

/// 判定.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// 申請できます (up to the limit).
    Eligible { limit_yen: i64 },
    /// 災害時個別支援計画がない.
    NoPlan,
    /// 計画に必要と書かれていない.
    NotNeeded,
    /// 他の公的制度の対象.
    OtherScheme(String),
    /// ③: the ventilator has an internal battery.
    InternalBattery,
    /// ③: whether it has one is not entered.
    BatteryUnknown,
    /// Received within the useful life: a new grant from `renewal`.
    WithinUsefulLife { received: Date, renewal: Date },
}

/// One item's check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemCheck {
    pub item: SubsidyItem,
    pub verdict: Verdict,
}

impl ItemCheck {
    pub fn eligible(&self) -> bool {
        matches!(self.verdict, Verdict::Eligible { .. })
    }

    /// The reason in the rule's words.
    pub fn reason(&self, table: &SubsidyTable) -> String {
        let life = table.rule(self.item).useful_life_years;
        match &self.verdict {
            Verdict::Eligible { limit_yen } => format!(
                "申請できます（限度額 1人当たり{}）。災害時個別計画に、使用者が対象品目を準備する必要があると記載があります。",
                yen(u32::try_from(*limit_yen).unwrap_or(u32::MAX))
            ),
            Verdict::NoPlan => "対象外: 災害時個別支援計画がありません（補助条件「災害時個別計画に、使用者が対象品目を準備する必要があると記載があること」）。".into(),
            Verdict::NotNeeded => "対象外: 災害時個別計画に、使用者がこの品目を準備する必要があるとの記載がありません。".into(),
            Verdict::OtherScheme(name) => format!("対象外: 他の公的制度（{name}）の対象となる使用者は、当該補助の対象外です。"),
            Verdict::InternalBattery => "対象外: 無停電電源装置は、バッテリーが内蔵されていない人工呼吸器であって使用時に外付バッテリーを装着する機器を利用している場合に限ります（この人工呼吸器はバッテリー内蔵です）。".into(),
            Verdict::BatteryUnknown => "判定できません: 人工呼吸器の内蔵バッテリーの有無を入力してください（無停電電源装置はバッテリーが内蔵されていない人工呼吸器に限ります）。".into(),
            Verdict::WithinUsefulLife { received, renewal } => format!(
                "対象外: {received}に補助を受けており、耐用年数（{life}年）の間は再度の補助はできません。{renewal}から再び申請できます。"
            ),
        }
    }
}

/// Why the facts cannot be checked (a purchase date in the future).
pub fn fact_problems(facts: &SubsidyFacts, today: Date) -> Vec<String> {
    SubsidyItem::ALL
        .iter()
        .zip(facts.received.iter())
        .filter_map(|(item, date)| match date {
            Some(d) if *d > today => Some(format!(
                "{}の補助を受けた日: 未来の日付です（{d}）。今日（{today}）までの日付を入力してください",
                item.label()
            )),
            _ => None,
        })
        .collect()
}

/// The check for one item, in the seed's order of conditions.
pub fn check_item(table: &SubsidyTable, facts: &SubsidyFacts, item: SubsidyItem, today: Date) -> ItemCheck {
    let index = item as usize;
    let rule = table.rule(item);
    let verdict = if !facts.has_plan {
        Verdict::NoPlan
    } else if let Some(name) = facts.other_scheme.as_ref().filter(|n| !n.trim().is_empty()) {
        Verdict::OtherScheme(name.clone())
    } else if item == SubsidyItem::Ups && facts.internal_battery == Some(true) {
        Verdict::InternalBattery
    } else if item == SubsidyItem::Ups && facts.internal_battery.is_none() {
        Verdict::BatteryUnknown
    } else if !facts.needed[index] {
        Verdict::NotNeeded
    } else {
        match facts.received[index] {
            Some(received) if received.plus_years(rule.useful_life_years) > today => {
                Verdict::WithinUsefulLife { received, renewal: received.plus_years(rule.useful_life_years) }
            }
            _ => Verdict::Eligible { limit_yen: rule.limit_yen },
        }
    };
    ItemCheck { item, verdict }
}

/// The check for ①②③, or the problems of the table and the facts (nothing is judged on bad
/// input).
pub fn check_all(table: &SubsidyTable, facts: &SubsidyFacts, today: Date) -> Result<Vec<ItemCheck>, Vec<String>> {
    let mut problems = table.problems();
    problems.extend(fact_problems(facts, today));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SubsidyItem::ALL.iter().map(|item| check_item(table, facts, *item, today)).collect())
}

#[cfg(test)]
#[path = "subsidy_tests.rs"]
pub(crate) mod tests;
