//! The recoverable error screen shown after a panic.

use super::platform::reload;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Shows a recoverable error screen after a panic. Built with plain DOM calls (the Leptos
/// runtime may be unusable) and only text nodes.
pub fn show_panic_screen(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("panic-screen").is_some() {
        return;
    }
    let make = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(overlay) = make("div", "panic-screen", "") else {
        return;
    };
    let _ = overlay.set_attribute("id", "panic-screen");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-labelledby", "panic-title");
    if let Some(title) = make("h2", "", "予期しないエラーが発生しました") {
        let _ = title.set_attribute("id", "panic-title");
        let _ = overlay.append_child(&title);
    }
    if let Some(p) = make(
        "p",
        "",
        "保存済みのデータは端末に残っています。入力途中の内容は下書きとして保存されています。「再読み込み」を押して続けてください。",
    ) {
        let _ = overlay.append_child(&p);
    }
    if let Some(button) = make("button", "primary", "再読み込み") {
        let reload = Closure::once_into_js(reload);
        let _ = button.add_event_listener_with_callback("click", reload.unchecked_ref());
        let _ = overlay.append_child(&button);
    }
    if let Some(details) = make("details", "", "") {
        if let Some(summary) = make("summary", "", "技術的な詳細（システム担当者向け）") {
            let _ = details.append_child(&summary);
        }
        if let Some(pre) = make("pre", "", detail) {
            let _ = details.append_child(&pre);
        }
        let _ = overlay.append_child(&details);
    }
    let _ = body.append_child(&overlay);
}
