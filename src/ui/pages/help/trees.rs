//! 判断樹の使い方: purpose, how to answer, each tree's questions, and when each outcome applies.

use crate::domain::help::trees::{self as help, OUTCOMES, TREES};
use leptos::prelude::*;

#[component]
pub fn TreesHelp() -> impl IntoView {
    let para = |lines: &'static [&'static str]| lines.iter().map(|l| view! { <p>{*l}</p> }).collect_view();
    let trees = TREES
        .iter()
        .map(|tree| {
            let def = tree.def();
            let questions =
                def.questions.iter().map(|q| view! { <li><strong>{q.label}</strong>" "{q.text}</li> }).collect_view();
            view! {
                <section>
                    <h3>{def.title}</h3>
                    {def.subtitle.map(|s| view! { <p>{s}</p> })}
                    <ol class="plain-numbers">{questions}</ol>
                </section>
            }
        })
        .collect_view();
    let outcomes = OUTCOMES
        .iter()
        .map(|&o| view! { <tr><th scope="row">{o.def().title}</th><td>{help::when(o)}</td></tr> })
        .collect_view();
    view! {
        <section>
            <h2>"何のための判断樹か"</h2>
            {para(help::PURPOSE)}
            <blockquote>{help::symptoms_note()}</blockquote>
        </section>
        <section>
            <h2>"答え方"</h2>
            {para(help::HOW_TO_ANSWER)}
        </section>
        <section>
            <h2>"設問"</h2>
            {trees}
        </section>
        <section>
            <h2>"結果の読み方"</h2>
            <table data-testid="outcome-table">
                <thead><tr><th scope="col">"結果"</th><th scope="col">"どのようなときか"</th></tr></thead>
                <tbody>{outcomes}</tbody>
            </table>
            <p>"結果の画面には、資料の「対応」（医師への連絡・相談、本人・家族への支援、支援体制・環境整備、緊急時の対応と役割の確認）が表示されます。球麻痺の結果は複数が同時に当てはまることがあります。"</p>
        </section>
    }
}
