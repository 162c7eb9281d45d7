//! 用語集: every term with its reading and a one-line meaning, in 五十音順.

use crate::domain::help::glossary::terms;
use leptos::prelude::*;

#[component]
pub fn Glossary() -> impl IntoView {
    let items = terms()
        .into_iter()
        .map(|t| {
            view! {
                <div data-testid="glossary-term">
                    <dt><span class="term">{t.term}</span><span class="reading">{format!("（{}）", t.reading)}</span></dt>
                    <dd>{t.meaning}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="glossary">{items}</dl> }
}
