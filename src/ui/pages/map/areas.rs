//! 市町村 on the map: on a plain sheet or an image each 市町村 of 様式1 is a labelled area the
//! nurse arranges (drag it, or Tab to it and use the arrow keys); with 「氏名・住所を隠す」 (a
//! projector) each area, and each outline's name, shows its patient count instead of the ◎.
//! Rules in `domain::map::areas`.

use super::marks::{arrow_step, nudge_spot};
use super::{use_map, MapUi};
use crate::domain::map::areas::{area_box, area_text, AreaLabel};
use leptos::prelude::*;

/// Saves where the nurse put a 市町村's area (its spot shown meanwhile is dropped once written).
pub fn commit_area(ui: MapUi, name: String, at: (f64, f64)) {
    let position = ui.projection.with_untracked(|(p, _)| p.place(at.0, at.1));
    let done = {
        let name = name.clone();
        move |_| {
            ui.moved_areas.update(|m| {
                m.remove(&name);
            })
        }
    };
    ui.edits.sheet(move |s| s.set_area(&name, Some(position)), done);
}

/// What the area or outline named `name` says now (its count on a projector).
pub fn shown_text(ui: MapUi, name: &str) -> String {
    let hide = ui.ctx.hide_names.get();
    ui.areas
        .with(|all| all.iter().find(|a| a.name == name).map(|a| area_text(a, hide)))
        .unwrap_or_else(|| name.to_string())
}

#[component]
pub fn AreaLayer() -> impl IntoView {
    let ui = use_map();
    let movable = Memo::new(move |_| ui.areas.with(|a| a.iter().filter(|x| x.movable).cloned().collect::<Vec<_>>()));
    view! {
        <g class="map-areas">
            <For each=move || movable.get() key=|a| a.name.clone() let:a>
                <Area a/>
            </For>
        </g>
    }
}

#[component]
fn Area(a: AreaLabel) -> impl IntoView {
    let ui = use_map();
    let name = StoredValue::new(a.name.clone());
    let seq = StoredValue::new(0u64);
    let at = Memo::new(move |_| {
        let own = name.with_value(|n| ui.moved_areas.with(|m| m.get(n).copied()));
        own.or_else(|| name.with_value(|n| ui.areas.with(|all| all.iter().find(|x| &x.name == n).map(|x| x.at))))
    });
    let size = Memo::new(move |_| ui.projection.with(|(p, _)| area_box(p.size())));
    let transform = move || {
        let (x, y) = at.get().unwrap_or_default();
        format!("translate({x:.2} {y:.2})")
    };
    let text = move || name.with_value(|n| shown_text(ui, n));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(by) = arrow_step(ui, &ev) else { return };
        ev.prevent_default();
        name.with_value(|n| nudge_spot(ui, ui.moved_areas, n, at.get_untracked(), by, seq, commit_area));
    };
    view! {
        <g
            class="map-area-box"
            transform=transform
            tabindex="0"
            role="button"
            aria-label=move || format!("市町村 {}（ドラッグか矢印キーで動かせます）", text())
            data-area=a.name.clone()
            data-testid="map-area"
            on:keydown=on_key
        >
            <rect
                x=move || -size.get().0 / 2.0
                y=move || -size.get().1 / 2.0
                width=move || size.get().0
                height=move || size.get().1
                rx="8"
            />
            <text class="map-area-box-name" text-anchor="middle" y="6">{text}</text>
        </g>
    }
}
