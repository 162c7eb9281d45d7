//! The 集計 sheet on screen: A, B and C as tables, each figure with 人数, 割合, 分母 and 不明,
//! each number a link to the records behind it; the rounding rule once at the top and the
//! tool's rules as footnotes.

use super::{offer_csv, FilterPicker, SummaryData};
use crate::domain::summary::{
    summary_csv, DrillDown, Figure, FigureKey, Line, Quantity, Summary, ROUNDING_RULE, SUMMARY_FOOTNOTES,
};
use crate::route::{Route, Section};
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// `人` for patients, `ヵ所` for stations.
fn unit_of(f: &Figure) -> &'static str {
    Line::Figure(f).unit()
}

/// 人数 (a link to the 内訳 when there is anyone), 割合, 分母 (a link to its own 内訳), 不明
/// (a link to those left blank).
pub fn figure_cells(data: SummaryData, f: &Figure) -> impl IntoView {
    let unit = unit_of(f);
    let count = if f.count > 0 {
        view! {
            <a href=data.drill_href(DrillDown::members(f.key)) data-testid="count" title="該当する記録の一覧を開く">
                {format!("{}{unit}", f.count)}
            </a>
        }
        .into_any()
    } else {
        view! { <span data-testid="count">{format!("0{unit}")}</span> }.into_any()
    };
    let denominator = if f.denominator_count > 0 {
        view! {
            <a href=data.drill_href(DrillDown::members(f.denominator.key()))>
                {format!("{} {}{unit}", f.denominator_label, f.denominator_count)}
            </a>
        }
        .into_any()
    } else {
        view! { <span>{format!("{} 0{unit}", f.denominator_label)}</span> }.into_any()
    };
    let unknown = if f.unknown > 0 {
        view! {
            <a href=data.drill_href(DrillDown::unknowns(f.key)) class="unknown-link" title="未入力の記録の一覧を開く">
                {format!("{}{unit}", f.unknown)}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="zero">"0"</span> }.into_any()
    };
    view! {
        <td class="num count">{count}</td>
        <td class="num percent" data-testid="percent">{f.percent_text()}</td>
        <td class="denominator">{denominator}</td>
        <td class="num unknown" data-testid="unknown">{unknown}</td>
    }
}

/// A row for a value (人口, 密度, 合計 …).
fn quantity_row(q: &Quantity) -> impl IntoView {
    let value = q.text();
    let unit = if q.value.is_some() { q.unit } else { "" };
    view! {
        <tr data-label=q.label>
            <th scope="row">{q.label}</th>
            <td class="num count" data-testid="value">{format!("{value}{unit}")}</td>
            <td class="num percent"></td>
            <td class="denominator"></td>
            <td class="num unknown">
                {if q.unknown > 0 { view! { <span>{q.unknown}</span> }.into_any() } else { view! { <span class="zero">"0"</span> }.into_any() }}
            </td>
        </tr>
    }
}

/// A row for a counted figure.
fn figure_row(data: SummaryData, f: &Figure) -> impl IntoView {
    view! {
        <tr data-figure=f.key.slug() data-label=f.label>
            <th scope="row">{f.label}</th>
            {figure_cells(data, f)}
        </tr>
    }
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

fn area_table(data: SummaryData, s: &Summary) -> impl IntoView {
    let a = &s.area;
    view! {
        <table class="list summary-table" data-testid="summary-a">
            {table_head("項目")}
            <tbody>
                {[&a.population, &a.area, &a.density, &a.certified, &a.certified_per_100k, &a.certified_per_100km2, &a.home_patients]
                    .into_iter()
                    .map(quantity_row)
                    .collect_view()}
                {figure_row(data, &a.ventilated)}
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
    }
}

fn stations_table(data: SummaryData, s: &Summary) -> impl IntoView {
    let t = &s.stations;
    view! {
        <table class="list summary-table" data-testid="summary-b">
            {table_head("項目")}
            <tbody>
                {t.quantities().into_iter().map(quantity_row).collect_view()}
                {t.figures().into_iter().map(|f| figure_row(data, f)).collect_view()}
            </tbody>
        </table>
    }
}

fn status_table(data: SummaryData, s: &Summary) -> impl IntoView {
    let groups = s.status.groups();
    let average = s.status.average_weekly_visits.clone();
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
            {groups
                .into_iter()
                .map(|g| {
                    let rows = g.figures.len();
                    let title = g.title;
                    let note = g.base_note;
                    let rows_view = g.figures
                        .into_iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let head = (i == 0).then(|| view! {
                                <th scope="rowgroup" rowspan=rows.to_string() class="group">
                                    {title}
                                    {note.map(|n| view! { <span class="hint base-note">{format!("（{n}）")}</span> })}
                                </th>
                            });
                            view! {
                                <tr data-figure=f.key.slug() data-label=f.label>
                                    {head}
                                    <th scope="row">{f.short_label()}</th>
                                    {figure_cells(data, f)}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! { <tbody class="figure-group">{rows_view}</tbody> }
                })
                .collect_view()}
            <tbody>
                <tr data-label=average.label>
                    <th scope="row" class="group">"訪問看護"</th>
                    <th scope="row">{average.label}</th>
                    <td class="num count" data-testid="value">
                        {format!("{}{}", average.text(), if average.value.is_some() { average.unit } else { "" })}
                    </td>
                    <td class="num percent"></td>
                    <td class="denominator">"訪問看護利用者"</td>
                    <td class="num unknown">{average.unknown}</td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn SummarySheet(data: SummaryData) -> impl IntoView {
    let summary = data.summary;
    let n_line = move || {
        summary.with(|s| {
            s.as_ref().map(|s| {
                let href = data.drill_href(DrillDown::members(FigureKey::Patient(
                    crate::domain::summary::PatientFigure::Patients,
                )));
                view! {
                    <p class="summary-n" data-testid="summary-n">
                        {format!("{}: ", s.filter.patients_label())}
                        <a href=href><b>{s.patients}</b>"人"</a>
                        <span class="hint">"（特記のない％はこの人数に対する割合です）"</span>
                    </p>
                }
            })
        })
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
    let tables = move || {
        summary.get().map(|s: Arc<Summary>| {
            view! {
                <h2 id="summary-a">"A．管轄地域の概況"</h2>
                {area_table(data, &s)}
                <h2 id="summary-b">"B．訪問看護ステーションの概況（様式3の合計）"</h2>
                {stations_table(data, &s)}
                <h2 id="summary-c">"C．在宅療養者の現況"</h2>
                {status_table(data, &s)}
            }
        })
    };
    view! {
        <section class="summary-screen no-print" data-testid="summary-sheet">
            <div class="page-head">
                <div>
                    <h1>"集計"</h1>
                    <p class="lead">
                        "様式1（地域の概況・療養者）と様式3から自動で計算しています。人数を押すと、その人数に入る療養者（ステーション）の一覧を開きます。"
                    </p>
                </div>
                <div class="head-actions">
                    <button type="button" on:click=move |_| platform::print()>"印刷"</button>
                    <button type="button" data-testid="summary-csv" on:click=csv>"集計のCSV"</button>
                    <a class="button" href="#/io">"様式1・様式3のCSV（データの入出力）"</a>
                </div>
            </div>
            <FilterPicker data/>
            {n_line}
            <p class="rounding-rule" data-testid="rounding-rule">{ROUNDING_RULE}</p>
            {notes}
            <nav class="summary-toc" aria-label="集計の目次">
                <a href="#summary-a" on:click=jump("summary-a")>"A 管轄地域"</a>
                <a href="#summary-b" on:click=jump("summary-b")>"B ステーション"</a>
                <a href="#summary-c" on:click=jump("summary-c")>"C 療養者の現況"</a>
                <a href="#summary-charts" on:click=jump("summary-charts")>"グラフ"</a>
                <a href="#summary-compare" on:click=jump("summary-compare")>"前年度との比較"</a>
                <a href="#summary-notes" on:click=jump("summary-notes")>"注"</a>
            </nav>
            {tables}
            <h2 id="summary-notes">"注"</h2>
            <ul class="footnotes" data-testid="footnotes">
                // The rounding rule is stated once, at the top.
                {SUMMARY_FOOTNOTES.iter().skip(1).map(|n| view! { <li>{*n}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// In-page links: the address is a hash route, so scroll instead of changing it.
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
            el.scroll_into_view();
        }
    }
}
