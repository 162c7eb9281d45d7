//! The 集計 sheet on screen: A, B and C as tables, each figure with 人数, 割合, 分母 and 不明,
//! each number a link to the records behind it; the rounding rule once at the top and the
//! tool's rules as footnotes. The tables are built once; their cells follow the 集計
//! (see [`super::cells`]), so switching the disease filter patches only the texts that change.

use super::cells::{figure_cells, line_memo, section_lines, text, unknown_cell};
use super::{offer_csv, FilterPicker, SummaryData};
use crate::domain::summary::{
    summary_csv, DrillDown, FigureKey, PatientFigure, Section as Part, Summary, ROUNDING_RULE, SUMMARY_FOOTNOTES,
};
use crate::route::{Route, Section};
use crate::ui::platform;
use crate::ui::section_links::{SectionLink, SectionLinks};
use leptos::prelude::*;

/// A row for a value (人口, 密度, 合計 …); line `i` of the 集計.
fn quantity_row(data: SummaryData, i: usize) -> impl IntoView {
    let line = line_memo(data, i);
    view! {
        <tr data-label=move || line.with(|l| l.label)>
            <th scope="row">{move || line.with(|l| l.label)}</th>
            <td class="num count" data-testid="value">{text(line, |l| &l.value)}</td>
            <td class="num percent"></td>
            <td class="denominator"></td>
            <td class="num unknown">{unknown_cell(data, line, None)}</td>
        </tr>
    }
}

/// A row for a counted figure; line `i` of the 集計.
fn figure_row(data: SummaryData, i: usize, key: FigureKey) -> impl IntoView {
    let line = line_memo(data, i);
    view! {
        <tr data-figure=key.slug() data-label=move || line.with(|l| l.label)>
            <th scope="row">{move || line.with(|l| l.label)}</th>
            {figure_cells(data, line, key)}
        </tr>
    }
}

/// The rows of A or B, each a figure or a value, in the sheet's order.
fn section_rows(data: SummaryData, shape: &Summary, part: Part) -> impl IntoView {
    section_lines(shape, part)
        .into_iter()
        .map(|(i, key)| match key {
            Some(key) => figure_row(data, i, key).into_any(),
            None => quantity_row(data, i).into_any(),
        })
        .collect_view()
}

fn table_head(first: &'static str) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{first}</th>
                <th scope="col" class="num">"人数・値"</th>
                <th scope="col" class="num">"割合（％）"</th>
                <th scope="col">"分母"</th>
                <th scope="col" class="num">"不明（未入力）"</th>
            </tr>
        </thead>
    }
}

fn area_table(data: SummaryData, shape: &Summary) -> impl IntoView {
    view! {
        <table class="list summary-table" data-testid="summary-a">
            {table_head("項目")}
            <tbody>{section_rows(data, shape, Part::Area)}</tbody>
        </table>
    }
}

fn stations_table(data: SummaryData, shape: &Summary) -> impl IntoView {
    view! {
        <table class="list summary-table" data-testid="summary-b">
            {table_head("項目")}
            <tbody>{section_rows(data, shape, Part::Stations)}</tbody>
        </table>
    }
}

/// C in its groups (年齢区分, ADL, …), the group's heading spanning its rows, then the
/// average of 訪問看護.
fn status_table(data: SummaryData, shape: &Summary) -> impl IntoView {
    let lines = section_lines(shape, Part::Patients);
    let first = lines.first().map_or(0, |(i, _)| *i);
    let average = lines.iter().find(|(_, key)| key.is_none()).map_or(0, |(i, _)| *i);
    let mut next = first;
    let groups = shape
        .status
        .groups()
        .into_iter()
        .map(|g| {
            let rows = g.figures.len();
            let (title, note) = (g.title, g.base_note);
            let rows_view = g
                .figures
                .iter()
                .enumerate()
                .map(|(k, f)| {
                    let line = line_memo(data, next + k);
                    let head = (k == 0).then(|| {
                        view! {
                            <th scope="rowgroup" rowspan=rows.to_string() class="group">
                                {title}
                                {note.map(|n| view! { <span class="hint base-note">{format!("（{n}）")}</span> })}
                            </th>
                        }
                    });
                    view! {
                        <tr data-figure=f.key.slug() data-label=f.label>
                            {head}
                            <th scope="row">{f.short_label()}</th>
                            {figure_cells(data, line, f.key)}
                        </tr>
                    }
                })
                .collect_view();
            next += rows;
            view! { <tbody class="figure-group">{rows_view}</tbody> }
        })
        .collect_view();
    let average = line_memo(data, average);
    view! {
        <table class="list summary-table grouped" data-testid="summary-c">
            <thead>
                <tr>
                    <th scope="col">"区分"</th>
                    <th scope="col">"項目"</th>
                    <th scope="col" class="num">"人数"</th>
                    <th scope="col" class="num">"割合（％）"</th>
                    <th scope="col">"分母"</th>
                    <th scope="col" class="num">"不明（未入力）"</th>
                </tr>
            </thead>
            {groups}
            <tbody>
                <tr data-label=move || average.with(|l| l.label)>
                    <th scope="row" class="group">"訪問看護"</th>
                    <th scope="row">{move || average.with(|l| l.label)}</th>
                    <td class="num count" data-testid="value">{text(average, |l| &l.value)}</td>
                    <td class="num percent"></td>
                    <td class="denominator">"訪問看護利用者"</td>
                    <td class="num unknown">{text(average, |l| &l.unknown)}</td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn SummarySheet(data: SummaryData) -> impl IntoView {
    let summary = data.summary;
    let n_href = data.drill_href(DrillDown::members(FigureKey::Patient(PatientFigure::Patients)));
    let n_line = view! {
        <p class="summary-n" data-testid="summary-n">
            {move || summary.with(|s| s.as_ref().map(|s| format!("{}: ", s.filter.patients_label())))}
            <a href=n_href><b>{move || summary.with(|s| s.as_ref().map(|s| s.patients))}</b>"人"</a>
            <span class="hint">"（特記のない％はこの人数に対する割合です）"</span>
        </p>
    };
    let notes = move || {
        data.inputs.with(|i| {
            let i = i.as_ref()?;
            let overview_href = data.diagnosis_id.with(|id| {
                id.as_ref().map(|id| Route::Diagnosis { id: id.clone(), section: Section::Overview, item: None }.to_hash())
            });
            Some(view! {
                {(!i.overview_entered).then(|| view! {
                    <p class="hint" data-testid="overview-missing">
                        "地域の概況（人口・面積など）が未入力のため、Aの値の多くは「-」です。"
                        <a href=overview_href.unwrap_or_default()>"地域の概況を入力する"</a>
                    </p>
                })}
                {(i.unreadable > 0).then(|| view! {
                    <p class="notice error">{format!("読み取れない記録が{}件あり、集計に含めていません（データは消していません）。", i.unreadable)}</p>
                })}
            })
        })
    };
    let csv = move |_| {
        if let Some(s) = summary.get_untracked() {
            offer_csv("集計", &data.file_label(), &summary_csv(&s));
        }
    };
    // The tables' lines never depend on the data: built once, from the 集計 at hand.
    let tables = summary.get_untracked().map(|shape| {
        view! {
            <h2 id="summary-a">"A．管轄地域の概況"</h2>
            {area_table(data, &shape)}
            <h2 id="summary-b">"B．訪問看護ステーションの概況（様式3の合計）"</h2>
            {stations_table(data, &shape)}
            <h2 id="summary-c">"C．在宅療養者の現況"</h2>
            {status_table(data, &shape)}
        }
    });
    view! {
        <section class="summary-screen with-section-links no-print" data-testid="summary-sheet">
            <div class="page-head">
                <div>
                    <h1>"集計"</h1>
                    <p class="lead">
                        "様式1（地域の概況・療養者）と様式3から自動で計算しています。人数を押すと、その人数に入る療養者（ステーション）の一覧を開きます。"
                    </p>
                </div>
                <div class="head-actions">
                    <button type="button" data-testid="print-summary" on:click=move |_| platform::print()>"印刷"</button>
                    <label class="print-charts-choice">
                        <input
                            type="checkbox"
                            data-testid="print-charts"
                            prop:checked=move || data.print_charts.get()
                            on:change:target=move |ev| data.choose_print_charts(ev.target().checked())
                        />
                        "グラフも印刷する"
                    </label>
                    <button type="button" data-testid="summary-csv" on:click=csv>"集計のCSV"</button>
                    <a class="button" href="#/io">"様式1・様式3のCSV（データの入出力）"</a>
                </div>
            </div>
            <FilterPicker data/>
            {n_line}
            <p class="rounding-rule" data-testid="rounding-rule">{ROUNDING_RULE}</p>
            {notes}
            <SectionLinks label="集計の目次" links=&SUMMARY_SECTIONS/>
            {tables}
            <h2 id="summary-notes">"注"</h2>
            <ul class="footnotes" data-testid="footnotes">
                // The rounding rule is stated once, at the top.
                {SUMMARY_FOOTNOTES.iter().skip(1).map(|n| view! { <li>{*n}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The 集計's parts (グラフ and 前年度との比較 only when shown: a link to a missing part does nothing).
const SUMMARY_SECTIONS: [SectionLink; 6] = [
    ("summary-a", "A 管轄地域"),
    ("summary-b", "B ステーション"),
    ("summary-c", "C 療養者の現況"),
    ("summary-charts", "グラフ"),
    ("summary-compare", "前年度との比較"),
    ("summary-notes", "注"),
];
