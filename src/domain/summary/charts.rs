//! グラフ用データ: plain data for the charts (the UI only draws): 様式4 管内の状況 by item,
//! and the 年齢区分, ADL and 医療処置管理 distributions.

use super::figure::{Figure, FigureKey};
use super::sheet::Summary;
use crate::domain::number::{percent, Tenths};
use serde::Serialize;

/// One bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bar {
    /// The records behind the bar ([`members`](super::members)).
    pub key: FigureKey,
    /// 項目名 (short, for the axis)
    pub label: &'static str,
    /// 人数
    pub count: u64,
    /// 割合（％）; `None` = `-`
    pub percent: Option<Tenths>,
    /// 不明 for this bar's field
    pub unknown: u64,
}

impl Bar {
    fn of(f: &Figure, label: &'static str) -> Bar {
        Bar { key: f.key, label, count: f.count, percent: f.percent, unknown: f.unknown }
    }
}

/// 不明 shown as its own bar of a one-field distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct UnknownBar {
    /// 不明の人数
    pub count: u64,
    /// 割合（％） of the denominator
    pub percent: Option<Tenths>,
}

/// One chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// 表題
    pub title: &'static str,
    /// 分母の名前 (every bar is a % of it)
    pub denominator_label: &'static str,
    /// 分母の数
    pub denominator_count: u64,
    pub bars: Vec<Bar>,
    /// 不明 as a bar, for a distribution of one field (年齢区分, ADL); `None` for charts whose
    /// bars are different fields (each bar then has its own `unknown`).
    pub unknown: Option<UnknownBar>,
}

impl Chart {
    fn new(title: &'static str, figures: &[&Figure], labels: &[&'static str], one_field: bool) -> Chart {
        let first = figures.first();
        let denominator_count = first.map_or(0, |f| f.denominator_count);
        let unknown = if one_field {
            let count = first.map_or(0, |f| f.unknown);
            Some(UnknownBar { count, percent: percent(count, denominator_count) })
        } else {
            None
        };
        Chart {
            title,
            denominator_label: first.map_or("", |f| f.denominator_label),
            denominator_count,
            bars: figures
                .iter()
                .zip(labels.iter().copied().chain(std::iter::repeat("")))
                .map(|(f, l)| Bar::of(f, if l.is_empty() { f.short_label() } else { l }))
                .collect(),
            unknown,
        }
    }
}

impl Summary {
    /// 様式4 管内の状況 (在宅療養者中ありの％) by item.
    pub fn coverage_chart(&self) -> Chart {
        let figures: Vec<&Figure> = self.coverage.iter().map(|c| &c.figure).collect();
        let labels: Vec<&'static str> = self.coverage.iter().map(|c| c.item.label()).collect();
        Chart::new("医療サービスの確保状況（管内の状況）", &figures, &labels, false)
    }

    /// 年齢区分 distribution (with 不明).
    pub fn age_chart(&self) -> Chart {
        let figures: Vec<&Figure> = self.status.age_bands.iter().collect();
        Chart::new("年齢区分", &figures, &[], true)
    }

    /// ADL distribution (with 不明).
    pub fn adl_chart(&self) -> Chart {
        let figures: Vec<&Figure> = self.status.adl.iter().collect();
        Chart::new("ADL", &figures, &[], true)
    }

    /// 医療処置管理: each procedure's % of N.
    pub fn procedure_chart(&self) -> Chart {
        let figures: Vec<&Figure> = self.status.procedures.iter().collect();
        Chart::new("医療処置管理", &figures, &[], false)
    }

    /// Every chart of the 集計 page, in display order.
    pub fn charts(&self) -> [Chart; 4] {
        [self.coverage_chart(), self.age_chart(), self.adl_chart(), self.procedure_chart()]
    }
}
