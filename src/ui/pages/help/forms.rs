//! A 様式's help page: the seed's question and 目的, then its 入力の留意点 part by part (the
//! same notes as the 「？」 on the form).

use crate::domain::help::examples::seed_example_lines;
use crate::domain::help::forms::form_page;
use crate::domain::help::HelpTopic;
use crate::ui::help_tip::FieldHelpList;
use leptos::prelude::*;

#[component]
pub fn FormHelp(topic: HelpTopic) -> impl IntoView {
    let Some(page) = form_page(topic) else {
        return ().into_any();
    };
    let question = page.question.map(|(q, a)| {
        view! {
            <section>
                <h2>{q}</h2>
                <p>{a}</p>
            </section>
        }
    });
    let list = |lines: &'static [&'static str]| lines.iter().map(|l| view! { <li>{*l}</li> }).collect_view();
    let method = (!page.method.is_empty()).then(|| {
        view! {
            <section>
                <h2>"入力方法"</h2>
                <ul>{list(page.method)}</ul>
            </section>
        }
    });
    let parts = page
        .parts
        .iter()
        .map(|&(name, entries)| {
            view! {
                <section>
                    <h3>{name}</h3>
                    <FieldHelpList entries/>
                </section>
            }
        })
        .collect_view();
    view! {
        {question}
        <section>
            <h2>"目的"</h2>
            <ul>{list(page.purpose)}</ul>
        </section>
        {method}
        <section data-testid="form-notes">
            <h2>"入力の留意点"</h2>
            {parts}
        </section>
        {(topic == HelpTopic::Patients).then(SeedExamples)}
    }
    .into_any()
}

/// 記入例: the seed's 例1 and 例2, one line per column of 様式1 (a tall table that fits a
/// tablet held upright, unlike the paper form's one wide row).
#[component]
fn SeedExamples() -> impl IntoView {
    let lines = seed_example_lines()
        .into_iter()
        .map(|l| {
            let label = if l.group.is_empty() { l.label.to_string() } else { format!("{} {}", l.group, l.label) };
            view! { <tr><th scope="row">{label}</th><td>{l.example_1}</td><td>{l.example_2}</td></tr> }
        })
        .collect_view();
    view! {
        <section data-testid="form-examples">
            <h2>"記入例（例1・例2）"</h2>
            <p>"資料の入力例です。様式1 の一覧と同じ表し方（有は 1、無は 0、不明は空欄）で、列ごとに示します。サンプルの地域診断にも、この2人が入っています。"</p>
            <table class="help-examples">
                <thead><tr><th scope="col">"項目"</th><th scope="col">"例1"</th><th scope="col">"例2"</th></tr></thead>
                <tbody>{lines}</tbody>
            </table>
        </section>
    }
}
