//! The one modal dialog frame: every dialog of the app (確認, 名前の変更, 次年度, 保存の競合)
//! is a [`Modal`], so every dialog keeps the keyboard inside it (Tab and Shift+Tab wrap
//! around), closes on Esc, and gives the focus back to where it was when it closes.

use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// What can take the focus inside a dialog (in document order).
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// A modal dialog over a dimmed page. `labelled_by` is the ID of the heading inside that names
/// it. The focus goes to `initial_focus` (a CSS selector inside the dialog) or else to the
/// first control, stays inside while it is open, and returns to the element that had it
/// before. Esc calls `on_close`.
#[component]
pub fn Modal(
    labelled_by: &'static str,
    #[prop(optional)] described_by: Option<&'static str>,
    /// `alertdialog` (a question that must be answered) instead of `dialog`.
    #[prop(optional)]
    alert: bool,
    /// Extra classes (`wide`, …).
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] initial_focus: Option<&'static str>,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    // The element to return to is marked in the DOM (the cleanup may not hold a DOM node).
    let mark = NEXT_MARK.fetch_add(1, Ordering::Relaxed).to_string();
    if let Some(el) = active_element() {
        let _ = el.set_attribute(RETURN_FOCUS, &mark);
    }
    on_cleanup(move || return_focus(&mark));
    let dialog = NodeRef::<leptos::html::Div>::new();
    dialog.on_load(move |el| {
        let target = initial_focus
            .and_then(|selector| el.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .or_else(|| focusable(&el).into_iter().next());
        match target {
            Some(t) => {
                let _ = t.focus();
            }
            None => {
                let _ = el.focus();
            }
        }
    });
    let keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            if let Some(el) = dialog.get_untracked() {
                keep_focus_inside(&el, &ev);
            }
        }
        _ => {}
    };
    view! {
        <div class="modal-backdrop">
            <div
                class=format!("modal {class}")
                node_ref=dialog
                role=if alert { "alertdialog" } else { "dialog" }
                aria-modal="true"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                tabindex="-1"
                data-testid=testid
                on:keydown=keydown
            >
                {children()}
            </div>
        </div>
    }
}

/// The attribute that marks where the focus returns when a dialog closes.
const RETURN_FOCUS: &str = "data-return-focus";
static NEXT_MARK: AtomicU32 = AtomicU32::new(1);

/// Gives the focus back to the element marked `mark` (if it is still on the page).
fn return_focus(mark: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("[{RETURN_FOCUS}='{mark}']");
    if let Ok(Some(el)) = document.query_selector(&selector) {
        let _ = el.remove_attribute(RETURN_FOCUS);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The element that has the focus now.
fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.active_element()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// The controls of `root` that can take the focus, in order.
fn focusable(root: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        // Not hidden (a closed <details>, display: none).
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .collect()
}

/// Tab on the last control goes to the first, Shift+Tab on the first to the last; focus that
/// somehow left the dialog comes back to its first control.
fn keep_focus_inside(root: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let controls = focusable(root);
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        ev.prevent_default();
        return;
    };
    let active = active_element();
    let is = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(e)));
    let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
    if ev.shift_key() && (is(first) || !inside || active.as_ref().is_some_and(|a| a.is_same_node(Some(root)))) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (is(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
