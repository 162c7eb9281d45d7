//! 目次: the links to the parts of a long page (集計, データの入出力, 様式1 の入力). They stay in
//! view under the header (CSS `.page-links`), a jump lands below both, and the focus
//! moves to the part so that Tab goes on from there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One link: the element ID of the part and its text.
pub type SectionLink = (&'static str, &'static str);

/// The links. The page puts `with-section-links` on the element that holds them and the
/// parts (it sets the bar's height for the sticky table headings and the jump's margin).
#[component]
pub fn SectionLinks(
    /// The name a screen reader gives the list (e.g. 「集計の目次」).
    label: &'static str,
    links: &'static [SectionLink],
    #[prop(optional)] testid: &'static str,
    /// Anything else the bar keeps in view (e.g. 入力の留意点をすべて表示), after the links.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <nav class="page-links no-print" aria-label=label data-testid=(!testid.is_empty()).then_some(testid)>
            {links
                .iter()
                .map(|&(id, text)| {
                    view! {
                        <a href=format!("#{id}") on:click=move |ev: leptos::ev::MouseEvent| jump(ev, id)>
                            {text}
                        </a>
                    }
                })
                .collect_view()}
            {children.map(|c| view! { <span class="page-links-extra">{c()}</span> })}
        </nav>
    }
}

/// Scrolls to the part and moves the focus there, without changing the (hash) route.
fn jump(ev: leptos::ev::MouseEvent, id: &str) {
    ev.prevent_default();
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    // A folded part (the ギャップ list) opens.
    if el.tag_name().eq_ignore_ascii_case("details") {
        let _ = el.set_attribute("open", "");
    }
    el.scroll_into_view();
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        if html.get_attribute("tabindex").is_none() {
            let _ = html.set_attribute("tabindex", "-1");
        }
        // Already in view, so the focus does not scroll again.
        let _ = html.focus();
    }
}
