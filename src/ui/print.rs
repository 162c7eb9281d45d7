//! What every printed form shares: the header (the form's title, 地区名, 年度, anything the
//! form adds, 印刷日) and today's date, taken again just before printing.

use crate::ui::platform;
use leptos::prelude::*;

/// Today's date, taken again just before printing (the page may stay open for days).
pub fn print_date() -> RwSignal<String> {
    let printed_on = RwSignal::new(platform::now().date_jst().to_string());
    let listener = window_event_listener_untyped("beforeprint", move |_| {
        printed_on.set(platform::now().date_jst().to_string());
    });
    on_cleanup(move || listener.remove());
    printed_on
}

/// The header of a printed form: its title, then 地区名, 年度, the form's own items
/// (`children`) and 印刷日 on one line.
#[component]
pub fn PrintHeader(
    #[prop(into)] title: Signal<String>,
    jurisdiction: String,
    year: String,
    /// From [`print_date`] (one per print, however many pages repeat the header).
    printed_on: RwSignal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    // The サンプル says so on every printed page.
    let ctx = crate::ui::ctx::use_app();
    let sample = ctx.route.with_untracked(|r| r.diagnosis().is_some_and(crate::domain::sample::is_sample_diagnosis));
    view! {
        <header class="print-header">
            <h1>
                {move || title.get()}
                {sample.then(|| view! { <span class="print-sample" data-testid="print-sample">"【サンプル（架空のデータ）】"</span> })}
            </h1>
            <p class="print-meta">
                <span>"地区名: "<b data-testid="print-jurisdiction">{jurisdiction}</b></span>
                <span>"年度: "<b data-testid="print-year">{year}</b></span>
                {children.map(|c| c())}
                <span class="print-date">"印刷日: "<span data-testid="print-date">{move || printed_on.get()}</span></span>
            </p>
        </header>
    }
}
