//! The printed 地域の概況 (one A4 landscape page), laid out like the header of the paper
//! 様式1: the saved values in the form's boxes (`domain::forms::overview_print`), with 地区名,
//! 年度 and 印刷日 in the header. Only shows on paper.

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::forms::overview_print::{overview_print, PrintedGroup};
use crate::ui::ctx::use_app;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

/// One table of boxes: group headings over their labels (a box alone spans both rows), then
/// the values.
fn boxes(groups: Vec<PrintedGroup>, testid: &'static str) -> impl IntoView {
    let heads = groups
        .iter()
        .map(|g| {
            if g.title.is_empty() {
                let label = g.fields.first().map(|f| f.label.clone()).unwrap_or_default();
                view! { <th scope="col" rowspan="2">{label}</th> }.into_any()
            } else {
                view! { <th scope="colgroup" colspan=g.fields.len().to_string()>{g.title}</th> }.into_any()
            }
        })
        .collect_view();
    let labels = groups
        .iter()
        .filter(|g| !g.title.is_empty())
        .flat_map(|g| g.fields.iter().map(|f| view! { <th scope="col">{f.label.clone()}</th> }))
        .collect_view();
    let values =
        groups.iter().flat_map(|g| g.fields.iter().map(|f| view! { <td>{f.value.clone()}</td> })).collect_view();
    view! {
        <table class="print-table overview-print-table" data-testid=testid>
            <thead>
                <tr>{heads}</tr>
                <tr>{labels}</tr>
            </thead>
            <tbody>
                <tr>{values}</tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn OverviewPrint(entry: DiagnosisEntry) -> impl IntoView {
    let ctx = use_app();
    let printed_on = print_date();
    let overview = Memo::new(move |_| ctx.loaded.with(|l| l.set().overview()));
    let jurisdiction = entry.diagnosis.jurisdiction.clone();
    let year = entry.diagnosis.fiscal_year.to_string();
    view! {
        <section class="print-only overview-print" data-testid="overview-print">
            <PrintHeader title="様式1　管轄地域の概況".to_string() jurisdiction year printed_on/>
            {move || {
                let [area, resources] = overview.with(overview_print);
                view! {
                    <h2 class="print-section">"管轄地域と療養者数"</h2>
                    {boxes(area, "overview-print-area")}
                    <h2 class="print-section">"医療資源"</h2>
                    {boxes(resources, "overview-print-resources")}
                }
            }}
            <p class="print-note">"保存されている値を印刷しています。空欄は未入力（不明）、0 は 0 です。"</p>
        </section>
    }
}
