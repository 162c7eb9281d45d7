//! A 様式's help page: the seed's question and 目的, then its 入力の留意点 part by part (the
//! same notes as the 「？」 on the form).

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
    }
    .into_any()
}
