//! 使い方・参考: the index and the help pages. Only renders the tables of `domain::help`.

mod forms;
mod glossary;
mod insurance;
mod reference;
mod summary;
mod trees;

use crate::domain::help::HelpTopic;
use crate::route::{Route, HELP_LABEL};
use crate::ui::ctx::use_app;
use leptos::prelude::*;

#[component]
pub fn HelpPage() -> impl IntoView {
    let ctx = use_app();
    let topic = Memo::new(move |_| match ctx.route.get() {
        Route::Help(topic) => topic,
        _ => None,
    });
    move || match topic.get() {
        None => HelpIndex().into_any(),
        Some(topic) => view! {
            <article class="help-page" data-testid=format!("help-{}", topic.slug())>
                <p class="breadcrumb no-print"><a href="#/help">{HELP_LABEL}</a></p>
                <h1>{topic.title()}</h1>
                <p class="help-origin" data-testid="help-source">{format!("出典: {}", topic.source())}</p>
                {body(topic)}
            </article>
        }
        .into_any(),
    }
}

fn body(topic: HelpTopic) -> AnyView {
    match topic {
        HelpTopic::Summary => summary::SummaryHelp().into_any(),
        HelpTopic::Trees => trees::TreesHelp().into_any(),
        HelpTopic::Insurance => insurance::InsuranceHelp().into_any(),
        HelpTopic::ProgrammeList => reference::ProgrammeList().into_any(),
        HelpTopic::Ventilator => reference::VentilatorFees().into_any(),
        HelpTopic::Glossary => glossary::Glossary().into_any(),
        HelpTopic::Overview
        | HelpTopic::Patients
        | HelpTopic::Programmes
        | HelpTopic::Stations
        | HelpTopic::Evaluation => forms::FormHelp(forms::FormHelpProps { topic }).into_any(),
    }
}

/// 使い方・参考 の目次.
#[component]
fn HelpIndex() -> impl IntoView {
    let links = |reference: bool| {
        HelpTopic::ALL
            .into_iter()
            .filter(move |t| t.is_reference() == reference)
            .map(|t| view! { <li><a href=Route::Help(Some(t)).to_hash()>{t.title()}</a></li> })
            .collect_view()
    };
    view! {
        <article class="help-page help-index" data-testid="help-index">
            <h1>{HELP_LABEL}</h1>
            <p>"このアプリ（Excel 版「難病の地域診断ツール」をもとにしています）の使い方と、資料の参考情報です。各ページに出典の節を示しています。入力の画面では、各項目の横の「？」で同じ入力の留意点を見られます。"</p>
            <section aria-labelledby="help-howto">
                <h2 id="help-howto">"使い方（様式・集計・判断樹）"</h2>
                <ul>{links(false)}</ul>
            </section>
            <section aria-labelledby="help-reference">
                <h2 id="help-reference">"参考"</h2>
                <ul>{links(true)}</ul>
            </section>
        </article>
    }
}
