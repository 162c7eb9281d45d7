//! Fine-grained cells of the 集計's tables: the tables are built once (their lines never
//! depend on the data) and each line follows its own [`LineCells`] memo, so a new 集計
//! (another disease filter, a saved record) patches only the texts that changed; a number
//! becomes a link (or stops being one) only when it turns from 0 or to 0.

use super::SummaryData;
use crate::domain::summary::{DrillDown, FigureKey, LineCells, Section, Summary};
use leptos::prelude::*;
use std::sync::Arc;

/// The lines of the sheet: (position in [`Summary::lines`], the figure behind it), for one
/// section.
pub fn section_lines(shape: &Summary, section: Section) -> Vec<(usize, Option<FigureKey>)> {
    shape
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.section == section)
        .map(|(i, l)| {
            (
                i,
                match l.line {
                    crate::domain::summary::Line::Figure(f) => Some(f.key),
                    crate::domain::summary::Line::Quantity(_) => None,
                },
            )
        })
        .collect()
}

/// Line `i`'s cells, changed only when that line's texts changed.
pub fn line_memo(data: SummaryData, i: usize) -> Memo<Arc<LineCells>> {
    data.lines.with_value(|lines| lines.get(i).copied()).unwrap_or_else(|| Memo::new(|_| Arc::default()))
}

/// A text node that follows one field of a line.
pub fn text(line: Memo<Arc<LineCells>>, field: fn(&LineCells) -> &str) -> impl Fn() -> String + Clone + 'static {
    move || line.with(|l| field(l).to_string())
}

/// 人数: a link to the 内訳 when there is anyone, else plain text.
pub fn count_cell(data: SummaryData, line: Memo<Arc<LineCells>>, key: FigureKey) -> impl IntoView {
    let linked = Memo::new(move |_| line.with(|l| l.counted));
    let value = text(line, |l| &l.value);
    move || {
        if linked.get() {
            view! {
                <a href=data.drill_href(DrillDown::members(key)) data-testid="count" title="該当する記録の一覧を開く">
                    {value.clone()}
                </a>
            }
            .into_any()
        } else {
            view! { <span data-testid="count">{value.clone()}</span> }.into_any()
        }
    }
}

/// 分母: a link to its own 内訳 when there is anyone.
pub fn denominator_cell(data: SummaryData, line: Memo<Arc<LineCells>>, key: FigureKey) -> impl IntoView {
    let linked = Memo::new(move |_| line.with(|l| l.denominator_counted));
    let denominator = text(line, |l| &l.denominator);
    move || {
        if linked.get() {
            view! { <a href=data.drill_href(DrillDown::members(key))>{denominator.clone()}</a> }.into_any()
        } else {
            view! { <span>{denominator.clone()}</span> }.into_any()
        }
    }
}

/// 不明: a figure's is a link to those left blank; a value's is a number; 0 is greyed.
pub fn unknown_cell(data: SummaryData, line: Memo<Arc<LineCells>>, key: Option<FigureKey>) -> impl IntoView {
    let linked = Memo::new(move |_| line.with(|l| l.unknown_counted));
    let unknown = text(line, |l| &l.unknown);
    move || match (linked.get(), key) {
        (true, Some(key)) => view! {
            <a href=data.drill_href(DrillDown::unknowns(key)) class="unknown-link" title="未入力の記録の一覧を開く">
                {unknown.clone()}
            </a>
        }
        .into_any(),
        (true, None) => view! { <span>{unknown.clone()}</span> }.into_any(),
        (false, _) => view! { <span class="zero">"0"</span> }.into_any(),
    }
}

/// 人数, 割合, 分母 and 不明 of a figure.
pub fn figure_cells(data: SummaryData, line: Memo<Arc<LineCells>>, key: FigureKey) -> impl IntoView {
    let denominator_key = line.with_untracked(|l| l.denominator_key);
    view! {
        <td class="num count">{count_cell(data, line, key)}</td>
        <td class="num percent" data-testid="percent">{text(line, |l| &l.percent)}</td>
        <td class="denominator">{denominator_key.map(|k| denominator_cell(data, line, k))}</td>
        <td class="num unknown" data-testid="unknown">{unknown_cell(data, line, Some(key))}</td>
    }
}
