//! 前年度との比較: when the same 地区名 has a 地域診断 of last 年度, every line of the 集計 and
//! 様式4's 管内の状況 side by side (前年度, 今年度, 増減 in counts and in points), from
//! `domain::summary::compare`. The charts above show both years too.

use super::{offer_csv, SummaryData};
use crate::domain::summary::{comparison_csv, ComparisonRow, Section};
use leptos::prelude::*;

fn section_rows(rows: &[ComparisonRow], section: Section) -> Vec<ComparisonRow> {
    rows.iter().filter(|r| r.section == section).cloned().collect()
}

#[component]
pub fn YearOnYear(data: SummaryData) -> impl IntoView {
    let previous_year = move || {
        data.diagnosis.with(|d| d.as_ref().and_then(|d| d.diagnosis.fiscal_year.previous().ok()).map(|y| y.wareki()))
    };
    let csv = move |_| {
        if let Some(rows) = data.comparison.get_untracked() {
            offer_csv("集計_前年度比較", &data.file_label(), &comparison_csv(&rows));
        }
    };
    let table = move || {
        let rows = data.comparison.get()?;
        let (prev_year, this_year) = data
            .previous
            .with(|p| p.as_ref().map(|p| p.fiscal_year.wareki()))
            .zip(data.diagnosis.with(|d| d.as_ref().map(|d| d.diagnosis.fiscal_year.wareki())))?;
        Some(view! {
            <div class="head-actions">
                <button type="button" data-testid="compare-csv" on:click=csv>"前年度比較のCSV"</button>
            </div>
            <table class="list compare-table" data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col">"項目"</th>
                        <th scope="col" class="num">{format!("前年度（{prev_year}）")}</th>
                        <th scope="col" class="num">{format!("今年度（{this_year}）")}</th>
                        <th scope="col" class="num">"増減"</th>
                    </tr>
                </thead>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let rows = section_rows(&rows, section);
                        view! {
                            <tbody>
                                <tr class="section-row"><th colspan="4" scope="colgroup">{section.label()}</th></tr>
                                {rows
                                    .into_iter()
                                    .map(|r| view! {
                                        <tr data-label=r.label>
                                            <th scope="row">{r.label}</th>
                                            <td class="num" data-testid="previous">{r.previous_text()}</td>
                                            <td class="num" data-testid="current">{r.current_text()}</td>
                                            <td class="num change" data-testid="change">{r.change_text()}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        }
                    })
                    .collect_view()}
            </table>
        })
    };
    view! {
        <section class="summary-compare no-print" id="summary-compare" data-testid="summary-compare">
            <h2>"前年度との比較"</h2>
            <Show
                when=move || data.previous.with(Option::is_some)
                fallback=move || view! {
                    <p class="hint" data-testid="no-previous">
                        {move || format!(
                            "同じ地区名の前年度（{}）の地域診断がこの端末にないため、比較はありません。前年度を作成するか、前年度のファイルを読み込むと表示します。",
                            previous_year().unwrap_or_default()
                        )}
                    </p>
                }
            >
                <p class="hint">"増減の（　）内は割合の差（ポイント）です。「-」は前年度か今年度の値がないため計算できないことを示します。"</p>
                {table}
            </Show>
        </section>
    }
}
