//! 集計の算出方法: one table per part of the 集計, built from `domain::help::summary`.

use crate::domain::help::summary::{summary_help, FormulaRow};
use leptos::prelude::*;

#[component]
pub fn SummaryHelp() -> impl IntoView {
    let sections = summary_help()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = format!("formula-{i}");
            let labelled = id.clone();
            let intro = s.intro.iter().map(|l| view! { <blockquote>{*l}</blockquote> }).collect_view();
            let rows = s.rows.into_iter().map(row).collect_view();
            view! {
                <section aria-labelledby=labelled>
                    <h2 id=id>{s.title}</h2>
                    {intro}
                    <table class="formulas" data-testid="formula-table">
                        <thead>
                            <tr>
                                <th scope="col">"集計内容"</th>
                                <th scope="col">"算出方法（資料の記載）"</th>
                                <th scope="col">"このアプリでの数え方"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view();
    view! {
        <p>"集計と様式4 の「管内の状況」は、様式1・様式3・地域の概況の入力から自動で計算されます。直接入力はしません。"</p>
        {sections}
    }
}

fn row(r: FormulaRow) -> impl IntoView {
    let base = (!r.base.is_empty()).then(|| view! { <p>{format!("割合の分母: {}", r.base)}</p> });
    let notes = r.notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view();
    view! {
        <tr>
            <th scope="row">
                {r.item}
                <p class="hint">{r.figures.join("、")}</p>
            </th>
            <td>{r.seed.unwrap_or("（資料に個別の記載はありません）")}</td>
            <td>{base}{notes}</td>
        </tr>
    }
}
