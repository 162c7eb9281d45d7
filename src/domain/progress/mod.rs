//! 進捗状況評価 (様式1－2 of seed 001, 「保健医療計画　進捗状況評価」): 課題 → 取組 → 事業, each
//! 事業 with 事業の概要, 前年度実績, 今年度計画（予算規模等）, 今年度実績, 国庫負担 and an
//! evaluation text.
//!
//! One record per 課題 and 年度 ([`ProgressIssue`], kind [`RecordKind::ProgressPlan`]) in the
//! 事業実績 container. A 事業 may be linked to 事業実績 indicators ([`IndicatorLink`]): its
//! 前年度実績 and 今年度実績 then show the indicators' figures of 前年度 and 今年度, **derived**
//! when shown or printed (never copied into the record), beside the nurse's own text — so a
//! figure corrected in 事業実績 is corrected here too.

use super::fiscal_year::FiscalYear;
use super::ids::RecordId;
use super::record::{RecordBody, RecordKind};
use super::results::{show_value, ProgrammeResult};
use serde::{Deserialize, Serialize};

pub mod form;
pub mod print;
#[cfg(test)]
mod tests;

/// A 事業実績 indicator a 事業 takes its figures from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IndicatorLink {
    /// The 事業実績 record.
    pub programme: RecordId,
    /// The indicator's key in it.
    pub indicator: String,
}

/// 事業: one line of 様式1－2.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// 事業名
    pub name: String,
    /// 事業概要
    pub summary: String,
    /// 前年度実績 (her text)
    pub previous_result: String,
    /// 今年度計画（予算規模等）
    pub plan: String,
    /// 今年度実績 (her text)
    pub result: String,
    /// 国庫負担 (〇)
    pub national_subsidy: bool,
    /// 評価
    pub evaluation: String,
    /// 事業実績 indicators whose figures fill 前年度実績 / 今年度実績.
    pub links: Vec<IndicatorLink>,
}

/// 取組 with its 事業.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    /// e.g. （取組１）地域包括ケアシステムにおける在宅療養体制の構築
    pub title: String,
    pub projects: Vec<Project>,
}

/// 課題 of one 年度 with its 取組.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressIssue {
    /// 今年度 (the 年度 evaluated; 前年度 is the one before).
    pub year: FiscalYear,
    /// e.g. ＜課題１＞区市町村を実施主体とした在宅療養体制の構築
    pub title: String,
    /// 並び順
    pub order: u32,
    pub initiatives: Vec<Initiative>,
}

impl RecordBody for ProgressIssue {
    const KIND: RecordKind = RecordKind::ProgressPlan;
}

/// A linked figure as shown: `支援計画作成：451件` (`不明` when the 年度 has none; the link
/// says so when its 事業実績 or indicator is gone).
pub fn linked_figure(link: &IndicatorLink, year: FiscalYear, results: &[(RecordId, ProgrammeResult)]) -> String {
    let programme = results.iter().find(|(id, _)| id == &link.programme).map(|(_, p)| p);
    match programme.and_then(|p| p.indicator(&link.indicator).map(|i| (p, i))) {
        Some((_, i)) => format!("{}：{}", i.name, show_value(&i.value(year), i.unit)),
        None => "（事業実績が見つかりません）".to_string(),
    }
}

/// The 前年度実績 and 今年度実績 of a 事業 as shown and printed: her text, then one line per
/// linked indicator with its figure of 前年度 / 今年度.
pub fn shown_results(project: &Project, year: FiscalYear, results: &[(RecordId, ProgrammeResult)]) -> (String, String) {
    let join = |text: &str, year: Option<FiscalYear>| {
        let mut lines: Vec<String> = Vec::new();
        if !text.trim().is_empty() {
            lines.push(text.trim().to_string());
        }
        if let Some(y) = year {
            lines.extend(project.links.iter().map(|l| linked_figure(l, y, results)));
        }
        lines.join("\n")
    };
    (join(&project.previous_result, year.previous().ok()), join(&project.result, Some(year)))
}

/// Every indicator that can be linked: (link, `事業名 — 指標名（単位）`), in the table's order.
pub fn link_choices(results: &[(RecordId, ProgrammeResult)]) -> Vec<(IndicatorLink, String)> {
    results
        .iter()
        .flat_map(|(id, p)| {
            p.indicators.iter().map(move |i| {
                (
                    IndicatorLink { programme: id.clone(), indicator: i.key.clone() },
                    format!("{} — {}（{}）", p.name, i.name, i.unit.label()),
                )
            })
        })
        .collect()
}
