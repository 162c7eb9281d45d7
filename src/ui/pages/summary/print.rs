//! The printed 集計 (A4 landscape), laid out like the workbook's sheet: A and B as compact
//! tables, C as one small table per group (the items as column headings, then 人数, ％ and
//! 不明 rows), the footnotes, and 地区名, 年度 and the print date in the header. Only shows on
//! paper; the charts print on the next page.

use super::SummaryData;
use crate::domain::summary::{Figure, Quantity, Summary, SUMMARY_FOOTNOTES};
use crate::ui::platform;
use leptos::prelude::*;

fn quantity_row(q: &Quantity) -> impl IntoView {
    let unit = if q.value.is_some() { q.unit } else { "" };
    view! {
        <tr>
            <th scope="row">{q.label}</th>
            <td class="num">{format!("{}{unit}", q.text())}</td>
            <td class="num"></td>
            <td class="num">{q.unknown}</td>
        </tr>
    }
}

fn figure_row(f: &Figure) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{f.label}</th>
            <td class="num">{f.count}</td>
            <td class="num">{f.percent_text()}</td>
            <td class="num">{f.unknown}</td>
        </tr>
    }
}

fn head(first: &'static str) -> impl IntoView {
    view! {
        <colgroup>
            <col class="s-label"/>
            <col class="s-value"/>
            <col class="s-pct"/>
            <col class="s-unknown"/>
        </colgroup>
        <thead>
            <tr>
                <th scope="col">{first}</th>
                <th scope="col">"人数・値"</th>
                <th scope="col">"％"</th>
                <th scope="col">"不明"</th>
            </tr>
        </thead>
    }
}

fn sheet(s: &Summary) -> impl IntoView {
    let a = &s.area;
    let t = &s.stations;
    let groups = s.status.groups();
    let average = s.status.average_weekly_visits.clone();
    view! {
        <div class="summary-print-ab">
            <table class="print-table summary-print-table">
                <caption>"A．管轄地域の概況"</caption>
                {head("項目")}
                <tbody>
                    {[&a.population, &a.area, &a.density, &a.certified, &a.certified_per_100k, &a.certified_per_100km2, &a.home_patients]
                        .into_iter()
                        .map(quantity_row)
                        .collect_view()}
                    {figure_row(&a.ventilated)}
                    {[
                        &a.cooperating_hospitals,
                        &a.cooperating_hospitals_per_100k,
                        &a.cooperating_hospitals_per_100km2,
                        &a.home_care_clinics,
                        &a.home_care_clinics_per_100k,
                        &a.home_care_clinics_per_100km2,
                    ]
                        .into_iter()
                        .map(quantity_row)
                        .collect_view()}
                </tbody>
            </table>
            <table class="print-table summary-print-table">
                <caption>"B．訪問看護ステーションの概況（％は全ステーション中）"</caption>
                {head("項目")}
                <tbody>
                    {t.quantities().into_iter().map(quantity_row).collect_view()}
                    {t.figures().into_iter().map(figure_row).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="print-section">{format!("C．{}の現況（特記のない％は{} {}人中）", s.filter.patients_label(), s.filter.patients_label(), s.patients)}</h2>
        <div class="summary-print-c">
            {groups
                .into_iter()
                .map(|g| {
                    let heads = g.figures.iter().map(|f| view! { <th scope="col">{f.short_label()}</th> }).collect_view();
                    let counts = g.figures.iter().map(|f| view! { <td class="num">{f.count}</td> }).collect_view();
                    let percents = g.figures.iter().map(|f| view! { <td class="num">{f.percent_text()}</td> }).collect_view();
                    let unknowns = g.figures.iter().map(|f| view! { <td class="num">{f.unknown}</td> }).collect_view();
                    let cols = g.figures.len() + 1;
                    view! {
                        <table class="print-table summary-print-group">
                            <thead>
                                <tr>
                                    <th colspan=cols.to_string() class="group-title">
                                        {g.title}
                                        {g.base_note.map(|n| format!("（{n}）"))}
                                    </th>
                                </tr>
                                <tr><th></th>{heads}</tr>
                            </thead>
                            <tbody>
                                <tr><th scope="row">"人数"</th>{counts}</tr>
                                <tr><th scope="row">"％"</th>{percents}</tr>
                                <tr class="unknown-row"><th scope="row">"不明"</th>{unknowns}</tr>
                            </tbody>
                        </table>
                    }
                })
                .collect_view()}
            <table class="print-table summary-print-group">
                <thead>
                    <tr><th colspan="2" class="group-title">"訪問看護"</th></tr>
                    <tr><th></th><th scope="col">{average.label}</th></tr>
                </thead>
                <tbody>
                    <tr><th scope="row">"回/週"</th><td class="num">{average.text()}</td></tr>
                    <tr class="unknown-row"><th scope="row">"不明"</th><td class="num">{average.unknown}</td></tr>
                </tbody>
            </table>
        </div>
        <ul class="print-notes">
            {SUMMARY_FOOTNOTES.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn SummaryPrint(data: SummaryData) -> impl IntoView {
    let printed_on = print_date();
    view! {
        <section class="print-only summary-print" data-testid="summary-print">
            {move || data.header().map(|(jurisdiction, year)| view! {
                <header class="print-header">
                    <h1>
                        {move || data.summary.with(|s| format!(
                            "集計　管轄地域における{}の身体状況と医療サービスの確保状況",
                            s.as_ref().map_or("在宅ALS療養者", |s| s.filter.patients_label())
                        ))}
                    </h1>
                    <p class="print-meta">
                        <span>"地区名: "<b data-testid="print-jurisdiction">{jurisdiction}</b></span>
                        <span>"年度: "<b data-testid="print-year">{year}</b></span>
                        <span>"印刷日: "<span data-testid="print-date">{move || printed_on.get()}</span></span>
                    </p>
                </header>
            })}
            {move || data.summary.get().map(|s| sheet(&s))}
        </section>
    }
}

/// Today's date, taken again just before printing (the page may stay open for days).
pub fn print_date() -> RwSignal<String> {
    let printed_on = RwSignal::new(platform::now().date_jst().to_string());
    let listener = window_event_listener_untyped("beforeprint", move |_| {
        printed_on.set(platform::now().date_jst().to_string());
    });
    on_cleanup(move || listener.remove());
    printed_on
}
