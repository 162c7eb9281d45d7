//! The printed 様式4 (A4 landscape), laid out like the paper form: 評価項目 (レスパイトケア and
//! 訪問看護 with their two rows), 管内の状況（在宅療養者中ありの％）, レベル, 課題, then
//! 総合評価および優先すべき課題, with 地区名, 年度 and the print date in the header. Prints
//! the saved 様式4. Only shows on paper.

use super::Saved;
use crate::domain::evaluation::{EvaluationItem, ItemCoverage, Level, OVERALL_LABEL};
use crate::ui::pages::summary::SummaryData;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

/// How many rows the item's heading spans on the form: 2 for the first of a pair
/// (入院・入所 / 在宅, 定期 / 緊急時), 0 for the second (no heading cell), 1 otherwise.
fn heading_rows(item: EvaluationItem) -> usize {
    match item {
        EvaluationItem::RespiteAdmission | EvaluationItem::NursingRegular => 2,
        EvaluationItem::RespiteHome | EvaluationItem::NursingEmergency => 0,
        _ => 1,
    }
}

fn row(c: &ItemCoverage, level: Option<Level>, issue: String) -> impl IntoView {
    let (heading, sub) = c.item.heading();
    let span = heading_rows(c.item);
    let head = match (span, sub) {
        (0, _) => None,
        (1, _) => Some(view! { <th scope="row" colspan="2">{heading}</th> }.into_any()),
        (_, _) => Some(view! { <th scope="rowgroup" rowspan=span.to_string()>{heading}</th> }.into_any()),
    };
    let sub_cell = (span != 1).then(|| view! { <th scope="row" class="sub">{sub.unwrap_or("")}</th> });
    view! {
        <tr data-item=c.item.key()>
            {head}
            {sub_cell}
            <td class="num coverage">
                <span class="pct">{c.figure.percent.map_or_else(|| "-".to_string(), |p| format!("{p}％"))}</span>
                <span class="of">{format!("{}人/{}人", c.figure.count, c.figure.denominator_count)}</span>
            </td>
            <td class="center level">
                <b>{level.map_or("", Level::letter)}</b>
                <span class="desc">{level.map_or("", Level::description)}</span>
            </td>
            <td class="text">{issue}</td>
        </tr>
    }
}

#[component]
pub fn EvaluationPrint(data: SummaryData, saved: Memo<Option<Saved>>) -> impl IntoView {
    let printed_on = print_date();
    let body = move || {
        let s = data.summary.get()?;
        let evaluation = saved.get().flatten().map(|(_, e)| e).unwrap_or_default();
        let rows = s
            .coverage
            .iter()
            .map(|c| {
                let e = evaluation.item(c.item);
                row(c, e.level, e.issue.clone())
            })
            .collect_view();
        Some(view! {
            <table class="print-table evaluation-print-table">
                <colgroup>
                    <col class="e-head"/>
                    <col class="e-sub"/>
                    <col class="e-coverage"/>
                    <col class="e-level"/>
                    <col class="e-issue"/>
                </colgroup>
                <thead>
                    <tr>
                        <th colspan="2">"評価項目"</th>
                        <th>"管内の状況"<br/>"（在宅療養者中ありの％）"</th>
                        <th>"レベル"</th>
                        <th>"課題"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="print-levels">
                "レベル: "{Level::ALL.map(|l| view! { <span>{l.label()}</span> }).collect_view()}
            </p>
            <table class="print-table evaluation-print-overall">
                <thead><tr><th>{OVERALL_LABEL}</th></tr></thead>
                <tbody><tr><td class="text" data-testid="print-overall">{evaluation.overall}</td></tr></tbody>
            </table>
            <p class="print-basis">
                {format!("管内の状況は{} {}人中の割合（四捨五入で小数第1位まで、分母が0のときは「-」）。", s.filter.patients_label(), s.patients)}
            </p>
        })
    };
    view! {
        <section class="print-only evaluation-print" data-testid="evaluation-print">
            {move || data.header().map(|(jurisdiction, year)| view! {
                <PrintHeader
                    title="様式4　管轄地域におけるALS療養者に関わる医療資源の概況と医療サービスの確保状況の評価".to_string()
                    jurisdiction
                    year
                    printed_on
                />
            })}
            {body}
        </section>
    }
}
