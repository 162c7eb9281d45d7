//! A chart of each indicator over the years (the shared bar chart, one bar per 年度, with
//! its table), from `domain::results::table::series`.

use crate::domain::results::table::series;
use crate::domain::results::ProgrammeResult;
use crate::ui::charts::{BarChart, BarData, Series};
use leptos::prelude::*;

#[component]
pub fn IndicatorCharts(programme: Memo<Option<ProgrammeResult>>) -> impl IntoView {
    let charts = Memo::new(move |_| {
        programme.with(|p| {
            p.as_ref()
                .map(|p| {
                    series(p, &p.years())
                        .into_iter()
                        .map(|s| {
                            let data = BarData {
                                categories: s.years.clone(),
                                series: vec![Series {
                                    name: "実績".to_string(),
                                    values: s.values.iter().map(|v| v.map(|n| n as f64)).collect(),
                                    shown: s.shown.clone(),
                                }],
                                max: None,
                                unit: s.unit.label().to_string(),
                            };
                            (s.title, data)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="results-charts" data-testid="results-charts">
            {move || charts.get().into_iter().map(|(title, data)| {
                view! { <BarChart title=title data=Signal::stored(data) testid="results-chart"/> }
            }).collect_view()}
        </div>
    }
}
