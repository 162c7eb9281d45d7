//! 「？」: the seed's 入力の留意点 for a part of a form, opened and closed by a button (click,
//! tap, Enter or Space; Esc closes and gives the focus back to the button). The text is shown
//! in the page below the button, not over it, so nothing is hidden and a screen reader reads
//! it in place.
//!
//! A form with many parts provides [`ShowAllHelp`] and one [`HelpToggle`]: the keyboard then
//! opens every note with that one button, and the 「？」 buttons stay off the Tab path (one stop
//! instead of one per part; pointer and touch use the 「？」 beside each part).

use crate::domain::forms::form_help::FieldHelp;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// 入力の留意点をすべて表示: shared by the notes of one form.
#[derive(Clone, Copy)]
pub struct ShowAllHelp(pub RwSignal<bool>);

/// The one button that opens or closes every note of the form (needs [`ShowAllHelp`]).
#[component]
pub fn HelpToggle() -> impl IntoView {
    let all = use_context::<ShowAllHelp>().map(|s| s.0);
    let pressed = move || all.is_some_and(|a| a.get());
    view! {
        <button
            type="button"
            class="help-toggle no-print"
            aria-pressed=move || pressed().to_string()
            data-testid="help-toggle"
            on:click=move |_| {
                if let Some(a) = all {
                    a.update(|v| *v = !*v);
                }
            }
        >
            {move || if pressed() { "入力の留意点を隠す" } else { "入力の留意点をすべて表示" }}
        </button>
    }
}

#[component]
pub fn HelpTip(
    /// The part's name, for the button's accessible name (「基本情報の入力の留意点」).
    part: &'static str,
    entries: &'static [FieldHelp],
) -> impl IntoView {
    let open = RwSignal::new(false);
    let all = use_context::<ShowAllHelp>().map(|s| s.0);
    let shown = move || open.get() || all.is_some_and(|a| a.get());
    let id = format!("help-tip-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(a) = all {
            a.set(false);
        }
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    view! {
        <div class="help-row">
            <button
                type="button"
                class="help-button"
                node_ref=button
                aria-expanded=move || shown().to_string()
                tabindex=all.map(|_| "-1")
                aria-controls=id.clone()
                aria-label=format!("{part}の入力の留意点")
                data-testid="help-button"
                on:click=move |_| {
                    let now = shown();
                    open.set(!now);
                    if now {
                        if let Some(a) = all {
                            a.set(false);
                        }
                    }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    // Esc closes the note (and does not cancel the form around it).
                    if ev.key() == "Escape" && open.get_untracked() && !all.is_some_and(|a| a.get_untracked()) {
                        ev.stop_propagation();
                        ev.prevent_default();
                        open.set(false);
                    }
                }
            >
                "？"
            </button>
        </div>
        <div
            class="help-tip"
            id=id
            role="note"
            aria-label=format!("{part}の入力の留意点")
            hidden=move || !shown()
            data-testid="help-tip"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.stop_propagation();
                    close();
                }
            }
        >
            <p class="help-source">"入力の留意点（難病の地域診断ツール「各項目の入力について」より）"</p>
            <FieldHelpList entries/>
            <button type="button" on:click=move |_| close()>"閉じる"</button>
        </div>
    }
}

/// The seed's notes as a list: 項目, 入力方法 and 目的・活用 (in the 「？」 and on the help pages).
#[component]
pub fn FieldHelpList(entries: &'static [FieldHelp]) -> impl IntoView {
    let items = entries
        .iter()
        .map(|e| {
            let why =
                (!e.why.is_empty()).then(|| view! { <dd><span class="help-key">"目的・活用: "</span>{e.why}</dd> });
            view! {
                <dt>{e.item}</dt>
                <dd><span class="help-key">"入力方法: "</span>{e.how}</dd>
                {why}
            }
        })
        .collect_view();
    view! { <dl class="field-help">{items}</dl> }
}
