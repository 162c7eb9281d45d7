//! The 集計's charts: 様式4 管内の状況 by item, 年齢区分, ADL and 医療処置管理, each a % of N
//! with its text table; with last 年度 beside this one when there is one. The bars come from
//! `domain::summary::charts`; this module only puts them in the chart widget's shape.

use super::SummaryData;
use crate::domain::summary::Chart;
use crate::ui::charts::{BarChart, BarData, Series};
use leptos::prelude::*;

/// Which chart of [`Summary::charts`](crate::domain::summary::Summary::charts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Coverage,
    Age,
    Adl,
    Procedures,
}

impl Which {
    pub const ALL: [Which; 4] = [Which::Coverage, Which::Age, Which::Adl, Which::Procedures];

    fn pick(self, charts: [Chart; 4]) -> Chart {
        let [coverage, age, adl, procedures] = charts;
        match self {
            Which::Coverage => coverage,
            Which::Age => age,
            Which::Adl => adl,
            Which::Procedures => procedures,
        }
    }

    fn testid(self) -> &'static str {
        match self {
            Which::Coverage => "chart-coverage",
            Which::Age => "chart-age",
            Which::Adl => "chart-adl",
            Which::Procedures => "chart-procedures",
        }
    }
}

/// One series of a chart: each bar's % (and 不明 as its own bar for a one-field chart).
fn series(name: String, chart: &Chart) -> Series {
    let mut values = Vec::with_capacity(chart.bars.len() + 1);
    let mut shown = Vec::with_capacity(chart.bars.len() + 1);
    for b in &chart.bars {
        values.push(b.percent.map(|p| p.as_f64()));
        shown.push(match b.percent {
            Some(p) => format!("{p}％（{}人）", b.count),
            None => format!("-（{}人）", b.count),
        });
    }
    if let Some(u) = chart.unknown {
        values.push(u.percent.map(|p| p.as_f64()));
        shown.push(match u.percent {
            Some(p) => format!("{p}％（{}人）", u.count),
            None => format!("-（{}人）", u.count),
        });
    }
    Series { name, values, shown }
}

/// The widget's data: this year's bars, and last year's first when given.
pub fn bar_data(current: &Chart, current_name: String, previous: Option<(String, &Chart)>) -> BarData {
    let mut categories: Vec<String> = current.bars.iter().map(|b| b.label.to_string()).collect();
    if current.unknown.is_some() {
        categories.push("不明".to_string());
    }
    let mut all = Vec::new();
    if let Some((name, p)) = previous {
        all.push(series(name, p));
    }
    all.push(series(current_name, current));
    BarData { categories, series: all, max: Some(100.0), unit: "%".to_string() }
}

/// The chart's title with what its % is of.
pub fn chart_title(chart: &Chart) -> String {
    format!("{}（{} {}人中の％）", chart.title, chart.denominator_label, chart.denominator_count)
}

/// One chart of the 集計, this year (and last year when there is one).
#[component]
pub fn SummaryChart(data: SummaryData, which: Which) -> impl IntoView {
    let chart = Memo::new(move |_| data.summary.with(|s| s.as_ref().map(|s| which.pick(s.charts()))));
    // Memos: the canvas is drawn again only when its bars changed.
    let bars = Memo::new(move |_| {
        let year = data.diagnosis.with(|d| d.as_ref().map(|d| d.diagnosis.fiscal_year.wareki()));
        chart.with(|c| {
            let Some(c) = c.as_ref() else { return BarData::default() };
            data.previous.with(|p| match p {
                Some(p) => {
                    let prev = which.pick(p.summary.charts());
                    bar_data(
                        c,
                        format!("今年度（{}）", year.clone().unwrap_or_default()),
                        Some((format!("前年度（{}）", p.fiscal_year.wareki()), &prev)),
                    )
                }
                None => bar_data(c, "割合".to_string(), None),
            })
        })
    });
    let title = Memo::new(move |_| chart.with(|c| c.as_ref().map(chart_title).unwrap_or_default()));
    view! { <BarChart title data=bars testid=which.testid()/> }
}

#[component]
pub fn SummaryCharts(data: SummaryData) -> impl IntoView {
    view! {
        <section
            class="summary-charts"
            class:no-print=move || !data.print_charts.get()
            id="summary-charts"
            data-testid="summary-charts"
        >
            <h2>"グラフ"</h2>
            <p class="hint no-print">
                {move || if data.previous.with(Option::is_some) {
                    "前年度と今年度を並べています。各グラフの右の表は同じ数字です（人数はかっこ内）。"
                } else {
                    "各グラフの右の表は同じ数字です（人数はかっこ内）。"
                }}
            </p>
            {Which::ALL.into_iter().map(|which| view! { <SummaryChart data which/> }).collect_view()}
        </section>
    }
}
