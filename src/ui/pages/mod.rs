//! One module per page; [`Page`] shows the one the route names.

mod disaster;
mod evaluation;
mod facilities;
mod help;
mod history;
mod home;
pub mod io;
mod map;
mod overview;
mod patients;
mod programmes;
mod progress;
mod regional;
pub(crate) mod results;
pub mod sample;
mod stations;
mod summary;
mod trees;

use super::ctx::use_app;
use crate::route::{Route, Section};
use leptos::prelude::*;

#[component]
pub fn Page() -> impl IntoView {
    let ctx = use_app();
    // Re-render the page only when the page (not the item) changes.
    let page = Memo::new(move |_| match ctx.route.get() {
        Route::Home => PageKey::Home,
        Route::DataIo => PageKey::DataIo,
        Route::Regional => PageKey::Regional,
        Route::Results => PageKey::Results,
        Route::Progress => PageKey::Progress,
        Route::Diagnosis { section, .. } => PageKey::Section(section),
        Route::History { .. } => PageKey::History,
        Route::NotFound(_) => PageKey::NotFound,
        Route::PanicCheck => PageKey::PanicCheck,
        Route::Help(_) => PageKey::Help,
    });
    move || match page.get() {
        PageKey::Home => home::HomePage().into_any(),
        PageKey::DataIo => io::IoPage().into_any(),
        PageKey::Regional => regional::RegionalPage().into_any(),
        PageKey::Results => results::ResultsPage().into_any(),
        PageKey::Progress => progress::ProgressPage().into_any(),
        PageKey::Section(section) => open_diagnosis(move || section_page(section)).into_any(),
        PageKey::History => open_diagnosis(|| history::HistoryPage().into_any()).into_any(),
        PageKey::PanicCheck => panic_check().into_any(),
        PageKey::Help => help::HelpPage().into_any(),
        PageKey::NotFound => view! {
            <section>
                <h1>"ページが見つかりません"</h1>
                <p>"アドレスが正しくありません。"<a href="#/">"地域診断の一覧"</a>"に戻ってください。"</p>
            </section>
        }
        .into_any(),
    }
}

/// A page of the 地域診断 the address names (a section, a record's 変更履歴), when it is on the
/// list; in the ゴミ箱 or not on this device, a message saying so instead (nothing of it
/// opens, so nothing is saved in it).
fn open_diagnosis(page: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let ctx = use_app();
    let closed = Memo::new(move |_| {
        let id = ctx.route.with(|r| r.diagnosis().cloned())?;
        ctx.whereabouts(&id)?.message()
    });
    move || match closed.get() {
        Some((heading, text)) => view! {
            <section data-testid="diagnosis-closed">
                <h1>{heading}</h1>
                <p>{text}" "<a href="#/">"地域診断の一覧"</a>"へ戻る"</p>
            </section>
        }
        .into_any(),
        None => page(),
    }
}

fn section_page(section: Section) -> AnyView {
    match section {
        Section::Patients => patients::PatientsPage().into_any(),
        Section::Programmes => programmes::ProgrammesPage().into_any(),
        Section::Overview => overview::OverviewPage().into_any(),
        Section::Stations => stations::StationsPage().into_any(),
        Section::Trees => trees::TreesPage().into_any(),
        Section::Disaster => disaster::DisasterPage().into_any(),
        Section::Facilities => facilities::FacilitiesPage().into_any(),
        Section::Map => map::MapPage().into_any(),
        Section::Summary => summary::SummaryPage().into_any(),
        Section::Evaluation => evaluation::EvaluationPage().into_any(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PageKey {
    Home,
    DataIo,
    Regional,
    Results,
    Progress,
    Section(Section),
    History,
    NotFound,
    PanicCheck,
    Help,
}

/// Panics on purpose so the error screen can be checked.
fn panic_check() -> impl IntoView {
    #[allow(clippy::panic)]
    {
        panic!("動作確認のための意図的なエラーです（#/__panic）");
    }
    #[allow(unreachable_code)]
    ()
}

/// The 地域診断 the route names, or a message that none is open.
pub fn require_diagnosis() -> impl IntoView {
    let ctx = use_app();
    move || {
        ctx.route.with(|r| r.diagnosis().is_none()).then(|| {
            view! { <p class="notice">"地域診断が選ばれていません。"<a href="#/">"地域診断の一覧"</a>"から選んでください。"</p> }
        })
    }
}
