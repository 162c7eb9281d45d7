//! The printed 様式1 (A4 landscape), laid out like the paper form: every column with its
//! group headings, in column bands that start with 番号 and ID番号, 20 patients a page, each
//! page headed with 地区名, 年度, what is printed and 印刷日 and footed with 「n／N」. The
//! pages are those of `domain::forms::roster::print_layout`; one `<section class="print-page">`
//! each, so the printed page count is the domain's.
//!
//! It prints the roster as shown (the filter and sort at the time of printing). The pages
//! are built only for printing — when 「印刷」 is pressed, or just before the browser prints —
//! and dropped after, so a long roster stays quick on screen.

use super::{PageData, Shared};
use crate::domain::forms::roster::{
    column_width_mm, print_layout, print_row, print_scope, Band, PrintPage, RosterPrint, RosterRow, ROSTER_COLUMNS,
    ROWS_PER_PAGE,
};
use crate::ui::ctx::use_app;
use crate::ui::platform;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;
use std::sync::Arc;

/// What to print, taken when printing starts: the shown patients in the shown order and
/// what the filter and sort were.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintRequest {
    indices: Arc<Vec<usize>>,
    scope: String,
}

impl PrintRequest {
    fn now(data: PageData, indices: Memo<Vec<usize>>) -> PrintRequest {
        let scope = data.filter.with_untracked(|f| print_scope(f, data.sort.get_untracked()));
        PrintRequest { indices: Arc::new(indices.get_untracked()), scope }
    }
}

/// 「印刷」: builds the pages, then opens the browser's print dialog once they are drawn.
#[component]
pub fn RosterPrintButton(
    data: PageData,
    indices: Memo<Vec<usize>>,
    request: RwSignal<Option<PrintRequest>>,
) -> impl IntoView {
    let print = move |_| {
        request.set(Some(PrintRequest::now(data, indices)));
        platform::after_next_paint(platform::print);
    };
    view! {
        <button type="button" data-testid="print-roster" on:click=print
            title="様式1の用紙の形（A4横）で、いま表示している療養者を印刷します">
            "印刷"
        </button>
    }
}

/// Everything the pages need, made once per print.
#[derive(PartialEq)]
struct Printed {
    layout: RosterPrint,
    rows: Vec<RosterRow>,
    scope: String,
    hide: bool,
    jurisdiction: String,
    year: String,
}

#[component]
pub fn RosterPrint(
    data: PageData,
    list: Memo<Shared>,
    indices: Memo<Vec<usize>>,
    request: RwSignal<Option<PrintRequest>>,
) -> impl IntoView {
    let hide = use_app().hide_names;
    let printed_on = print_date();
    // Printing without the button (Ctrl+P): the pages are built before the browser lays the
    // page out for paper (the update runs as soon as this listener returns). Dropped after.
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if request.with_untracked(Option::is_none) {
            request.set(Some(PrintRequest::now(data, indices)));
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| request.set(None));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let printed = Memo::new(move |_| {
        let r = request.get()?;
        let hide = hide.get();
        let (jurisdiction, year) = data
            .diagnosis
            .with(|d| d.as_ref().map(|d| (d.diagnosis.jurisdiction.clone(), d.diagnosis.fiscal_year.to_string())))?;
        let rows = list.with(|l| {
            r.indices
                .iter()
                .enumerate()
                .filter_map(|(pos, &i)| l.0.patients.get(i).map(|p| print_row(i, pos + 1, p, hide)))
                .collect::<Vec<_>>()
        });
        let layout = print_layout(rows.len());
        Some(Arc::new(Printed { layout, rows, scope: r.scope, hide, jurisdiction, year }))
    });
    view! {
        <section class="print-only roster-print" data-testid="roster-print">
            {move || match printed.get() {
                Some(p) => p.layout.pages.iter().map(|page| print_page(&p, page, printed_on)).collect_view().into_any(),
                None => view! {
                    <p class="print-use-button">"様式1は、画面の「印刷」ボタンから印刷してください（様式1の用紙の形で印刷します）。"</p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// One sheet: the header, a band of columns for a run of patients (blank rows fill the
/// sheet like the paper form), and 「n／N」.
fn print_page(p: &Printed, page: &PrintPage, printed_on: RwSignal<String>) -> impl IntoView {
    let Some(band) = p.layout.bands.get(page.band) else { return ().into_any() };
    let rows = p.rows.get(page.rows.clone()).unwrap_or_default();
    let blanks = ROWS_PER_PAGE.saturating_sub(rows.len());
    let (scope, hide) = (p.scope.clone(), p.hide);
    view! {
        <section class="print-page" data-page=page.number data-band=page.band + 1>
            <PrintHeader title="様式1　在宅療養者の一覧".to_string() jurisdiction=p.jurisdiction.clone() year=p.year.clone() printed_on>
                <span data-testid="print-scope">"対象: "{scope}</span>
                {hide.then(|| view! { <span class="hidden-names">"氏名・住所を隠して印刷"</span> })}
            </PrintHeader>
            <table class="roster-print-table">
                <BandHead band=band.clone()/>
                <tbody>
                    {rows.iter().map(|row| band_row(band, row)).collect_view()}
                    {(0..blanks).map(|_| view! {
                        <tr class="blank">{band.columns.iter().map(|_| view! { <td></td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            <footer class="print-foot">
                <span>{p.layout.page_note(page)}</span>
                <span class="page-no" data-testid="page-no">{p.layout.page_label(page.number)}</span>
            </footer>
        </section>
    }
    .into_any()
}

/// A patient's cells in the band's columns (gap cells pink, as on screen).
fn band_row(band: &Band, row: &RosterRow) -> impl IntoView {
    let cells = row.cells();
    let tds = band
        .columns
        .iter()
        .filter_map(|&c| cells.get(c))
        .map(|cell| {
            let key = cell.column.key;
            let class = if column_width_mm(key) <= 13 { format!("k-{key} short") } else { format!("k-{key}") };
            view! { <td class=class class:gap-cell=cell.gap><div class="c">{cell.text.to_string()}</div></td> }
        })
        .collect_view();
    view! { <tr>{tds}</tr> }
}

/// The paper form's widths and two heading rows for a band (a column without a group spans
/// both rows).
#[component]
fn BandHead(band: Band) -> impl IntoView {
    let label_of = |i: usize| ROSTER_COLUMNS.get(i).map_or(("", ""), |c| (c.key, c.label));
    view! {
        <colgroup>
            {band.columns.iter().map(|&i| {
                let (key, _) = label_of(i);
                view! { <col class=format!("mm-{}", column_width_mm(key))/> }
            }).collect_view()}
        </colgroup>
        <thead>
            <tr class="groups">
                {band.groups().into_iter().map(|(group, span, first)| {
                    let (key, label) = label_of(first);
                    if group.is_empty() {
                        view! { <th scope="col" rowspan="2" class=format!("k-{key}") data-col=key>{label}</th> }.into_any()
                    } else {
                        view! { <th scope="colgroup" colspan=span.to_string()>{group}</th> }.into_any()
                    }
                }).collect_view()}
            </tr>
            <tr class="labels">
                {band.columns.iter().filter_map(|&i| ROSTER_COLUMNS.get(i)).filter(|c| !c.group.is_empty()).map(|c| view! {
                    <th scope="col" class=format!("k-{}", c.key) data-col=c.key>{c.label}</th>
                }).collect_view()}
            </tr>
        </thead>
    }
}
