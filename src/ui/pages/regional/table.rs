//! 一覧表: every line of the 集計 and 様式4 管内の状況, one column per area and the
//! 都道府県全体 last (the domain's rows; a small area's heading says so).

use crate::domain::summary::regional::{area_heading, Regional};
use crate::domain::summary::Section;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn RegionalTable(comparison: Memo<Option<Arc<Regional>>>) -> impl IntoView {
    let table = move || {
        let r = comparison.get()?;
        let headings = r
            .areas
            .iter()
            .map(|a| {
                let small = a.is_small();
                view! { <th scope="col" class="num" class:small-area=small>{area_heading(a)}</th> }
            })
            .collect_view();
        let columns = r.areas.len() + 2;
        let mut section = None::<Section>;
        let body = r
            .rows()
            .into_iter()
            .map(|row| {
                let group = (section != Some(row.section)).then(|| {
                    section = Some(row.section);
                    view! { <tr class="group-row"><th scope="colgroup" colspan=columns>{row.section.label()}</th></tr> }
                });
                let cells = row.cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view();
                let unit = if row.unit.is_empty() { String::new() } else { format!("（{}）", row.unit) };
                view! {
                    {group}
                    <tr>
                        <th scope="row">{row.label}<span class="unit">{unit}</span></th>
                        {cells}
                        <td class="num total">{row.total}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="広域の比較の一覧表">
                <table class="list regional-table" data-testid="regional-table">
                    <caption class="visually-hidden">"地域ごとの集計と様式4 管内の状況、都道府県全体"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"項目"</th>
                            {headings}
                            <th scope="col" class="num total">"都道府県全体"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <h2 id="regional-table">"一覧表"</h2>
        <p class="hint no-print">"割合（人数/分母）。分母が0のときは「-」。不明は数えていません。"</p>
        {table}
    }
}
