//! The printed 集計 (A4 landscape), laid out like the workbook's sheet: A and B as compact
//! tables, C as one small table per group (the items as column headings, then 人数, ％ and
//! 不明 rows), the footnotes, and 地区名, 年度 and the print date in the header. Only shows on
//! paper; the charts print on the next pages when 「グラフも印刷する」 is ticked. Built once,
//! its cells follow the 集計 like the sheet's (see [`super::cells`]).

use super::cells::{line_memo, section_lines, text};
use super::SummaryData;
use crate::domain::summary::{Section, Summary, SUMMARY_FOOTNOTES};
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

/// A row of A or B: 項目, 人数・値, ％ (figures), 不明.
fn print_row(data: SummaryData, i: usize) -> impl IntoView {
    let line = line_memo(data, i);
    view! {
        <tr>
            <th scope="row">{move || line.with(|l| l.label)}</th>
            <td class="num">{text(line, |l| &l.value_plain)}</td>
            <td class="num">{text(line, |l| &l.percent)}</td>
            <td class="num">{text(line, |l| &l.unknown_plain)}</td>
        </tr>
    }
}

fn rows(data: SummaryData, shape: &Summary, section: Section) -> impl IntoView {
    section_lines(shape, section).into_iter().map(|(i, _)| print_row(data, i)).collect_view()
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

/// C: one small table per group, its items as columns.
fn groups(data: SummaryData, shape: &Summary) -> impl IntoView {
    let lines = section_lines(shape, Section::Patients);
    let mut next = lines.first().map_or(0, |(i, _)| *i);
    shape
        .status
        .groups()
        .into_iter()
        .map(|g| {
            let memos: Vec<_> = (next..next + g.figures.len()).map(|i| line_memo(data, i)).collect();
            next += g.figures.len();
            let heads = g.figures.iter().map(|f| view! { <th scope="col">{f.short_label()}</th> }).collect_view();
            let cells = |field: fn(&crate::domain::summary::LineCells) -> &str| {
                memos.iter().map(|m| view! { <td class="num">{text(*m, field)}</td> }).collect_view()
            };
            let (counts, percents, unknowns) =
                (cells(|l| &l.value_plain), cells(|l| &l.percent), cells(|l| &l.unknown_plain));
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
        .collect_view()
}

fn sheet(data: SummaryData, shape: &Summary) -> impl IntoView {
    let average = section_lines(shape, Section::Patients).into_iter().find(|(_, key)| key.is_none());
    let average = line_memo(data, average.map_or(0, |(i, _)| i));
    let summary = data.summary;
    view! {
        <div class="summary-print-ab">
            <table class="print-table summary-print-table">
                <caption>"A．管轄地域の概況"</caption>
                {head("項目")}
                <tbody>{rows(data, shape, Section::Area)}</tbody>
            </table>
            <table class="print-table summary-print-table">
                <caption>"B．訪問看護ステーションの概況（％は全ステーション中）"</caption>
                {head("項目")}
                <tbody>{rows(data, shape, Section::Stations)}</tbody>
            </table>
        </div>
        <h2 class="print-section">
            {move || summary.with(|s| s.as_ref().map(|s| {
                let label = s.filter.patients_label();
                format!("C．{label}の現況（特記のない％は{label} {}人中）", s.patients)
            }))}
        </h2>
        <div class="summary-print-c">
            {groups(data, shape)}
            <table class="print-table summary-print-group">
                <thead>
                    <tr><th colspan="2" class="group-title">"訪問看護"</th></tr>
                    <tr><th></th><th scope="col">{move || average.with(|l| l.label)}</th></tr>
                </thead>
                <tbody>
                    // The average as a bare number (回/週 is the row's heading).
                    <tr><th scope="row">"回/週"</th><td class="num">{move || summary.with(|s| s.as_ref().map(|s| s.status.average_weekly_visits.text()))}</td></tr>
                    <tr class="unknown-row"><th scope="row">"不明"</th><td class="num">{text(average, |l| &l.unknown_plain)}</td></tr>
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
    let title = move || {
        data.summary.with(|s| {
            format!(
                "集計　管轄地域における{}の身体状況と医療サービスの確保状況",
                s.as_ref().map_or("在宅ALS療養者", |s| s.filter.patients_label())
            )
        })
    };
    view! {
        <section class="print-only summary-print" data-testid="summary-print">
            {move || data.header().map(|(jurisdiction, year)| view! {
                <PrintHeader title=Signal::derive(title) jurisdiction year printed_on/>
            })}
            {data.summary.get_untracked().map(|shape| sheet(data, &shape))}
        </section>
    }
}
