//! 様式1－2 as printed (A4 landscape, like seed 001): the form's title, then one table of
//! every 課題 of the 年度 with 課題 and 取組 spanning their 事業. Only shows on paper.

use super::super::results::Stored;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::progress::print::{headings, print_rows};
use crate::ui::print::print_date;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ProgressPrint(stored: Memo<Arc<Stored>>, year: Memo<Option<FiscalYear>>) -> impl IntoView {
    let printed_on = print_date();
    let table = Memo::new(move |_| {
        let y = year.get()?;
        Some(stored.with(|s| {
            let rows: Vec<_> =
                s.plans.iter().filter(|(_, p)| p.year == y).flat_map(|(_, p)| print_rows(p, &s.live)).collect();
            (headings(y), rows)
        }))
    });
    view! {
        <section class="print-only progress-print" data-testid="progress-print">
            {move || table.get().map(|(heads, rows)| view! {
                <header class="print-header">
                    <h1>"様式１－２　保健医療計画　進捗状況評価"</h1>
                    <p class="print-meta"><span>"○ 事業実績"</span><span class="print-date">"印刷日: "{move || printed_on.get()}</span></p>
                </header>
                <table class="print-table progress-print-table">
                    <thead><tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let issue = r.issue.map(|(t, n)| view! { <th scope="rowgroup" rowspan=n.to_string()>{t}</th> });
                            let initiative = r.initiative.map(|(t, n)| view! { <td rowspan=n.to_string()>{t}</td> });
                            let cells = r.cells.into_iter().enumerate().map(|(i, c)| {
                                view! { <td class=if i == 5 { "center" } else { "pre" }>{c}</td> }
                            }).collect_view();
                            view! { <tr data-testid="progress-print-row">{issue}{initiative}{cells}</tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}
