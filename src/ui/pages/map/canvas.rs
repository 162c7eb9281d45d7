//! The map itself: the 下図, the marks and a selected patient's lines as SVG in the page.
//! A mark is moved by dragging it (mouse or finger) or, once focused, with the arrow keys;
//! the background is dragged to pan; ＋/− and the wheel zoom.

use super::marks::MarkLayer;
use super::{use_map, MapUi, Placing, ViewBox};
use crate::domain::map::model::MarkOf;
use crate::domain::map::projection::Projection;
use crate::domain::map::records::{BaseMap, Facility, Position};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A drag under way.
#[derive(Clone, Debug)]
enum Drag {
    Mark {
        of: MarkOf,
        from: (f64, f64),
        moved: bool,
    },
    /// A 市町村's area (plain sheet, image).
    Area {
        name: String,
        from: (f64, f64),
        moved: bool,
    },
    Pan {
        from: (f64, f64),
        view: ViewBox,
        moved: bool,
    },
}

/// A point of the window (CSS px) as a spot of the sheet, through the shown part.
pub fn to_sheet(svg: &web_sys::Element, view: ViewBox, client: (f64, f64)) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    let scale = (rect.width() / view.w).min(rect.height() / view.h).max(1e-9);
    let off_x = (rect.width() - view.w * scale) / 2.0;
    let off_y = (rect.height() - view.h * scale) / 2.0;
    (view.x + (client.0 - rect.left() - off_x) / scale, view.y + (client.1 - rect.top() - off_y) / scale)
}

/// Saves where a mark now stands (its spot shown meanwhile is dropped once written).
pub fn commit(ui: MapUi, of: MarkOf, at: (f64, f64)) {
    let position = ui.projection.with_untracked(|(p, _)| p.place(at.0, at.1));
    place(ui, of, Some(position));
}

/// Keeps a mark's position (`None`: takes it off the map).
pub fn place(ui: MapUi, of: MarkOf, position: Option<Position>) {
    // Placed another way (typed, GPS, off the map): no longer waiting for a click.
    if ui.placing.with_untracked(|p| p == &Placing::Mark(of.clone())) {
        ui.placing.set(Placing::Nothing);
    }
    let done = {
        let of = of.clone();
        move |_| {
            ui.moved.update(|m| {
                m.remove(&of);
            })
        }
    };
    match of {
        MarkOf::Facility(id) => {
            let Some(current) =
                ui.data.with_untracked(|d| d.facilities.iter().find(|(f, _)| f == &id).map(|(_, f)| f.clone()))
            else {
                return;
            };
            ui.edits.edit::<Facility>(id, move || current.clone(), move |f| f.position = position, done);
        }
        MarkOf::Patient(id) => ui.edits.sheet(move |s| s.set_patient(&id, position), done),
    }
}

fn zoom(ui: MapUi, factor: f64, around: Option<(f64, f64)>) {
    let sw = ui.projection.with_untracked(|(p, _)| p.size().0);
    ui.view.update(|v| {
        let (cx, cy) = around.unwrap_or((v.x + v.w / 2.0, v.y + v.h / 2.0));
        let w = (v.w * factor).clamp(sw / 40.0, sw * 2.0);
        let f = w / v.w;
        *v = ViewBox { x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, w, h: v.h * f };
    });
}

fn pan(ui: MapUi, dx: f64, dy: f64) {
    ui.view.update(|v| {
        v.x += v.w * dx;
        v.y += v.h * dy;
    });
}

type SvgRef = NodeRef<leptos::svg::Svg>;

fn client(ev: &web_sys::MouseEvent) -> (f64, f64) {
    (f64::from(ev.client_x()), f64::from(ev.client_y()))
}

fn sheet_at(ui: MapUi, svg_ref: SvgRef, c: (f64, f64)) -> Option<(f64, f64)> {
    let svg: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
    Some(to_sheet(&svg, ui.view.get_untracked(), c))
}

/// Farther than this (CSS px) and a press becomes a drag.
const DRAG_PX: f64 = 4.0;

fn went_far(moved: bool, from: (f64, f64), now: (f64, f64)) -> bool {
    moved || (now.0 - from.0).hypot(now.1 - from.1) > DRAG_PX
}

fn on_down(ui: MapUi, svg_ref: SvgRef, drag: StoredValue<Option<Drag>>, ev: web_sys::PointerEvent) {
    if ev.button() != 0 {
        return;
    }
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let area = target
        .as_ref()
        .and_then(|t| t.closest("[data-area]").ok().flatten())
        .and_then(|a| a.get_attribute("data-area"));
    let key =
        target.and_then(|t| t.closest("[data-mark-key]").ok().flatten()).and_then(|m| m.get_attribute("data-mark-key"));
    let of = key.and_then(|k| {
        ui.model.with_untracked(|m| m.marks.iter().find(|x| super::marks::key_of(&x.of) == k).map(|x| x.of.clone()))
    });
    if let Some(svg) = svg_ref.get_untracked() {
        let _ = svg.unchecked_ref::<web_sys::Element>().set_pointer_capture(ev.pointer_id());
    }
    drag.set_value(Some(match (of, area) {
        (None, Some(name)) => Drag::Area { name, from: client(&ev), moved: false },
        (Some(of), _) => {
            ui.selected.set(Some(of.clone()));
            Drag::Mark { of, from: client(&ev), moved: false }
        }
        (None, None) => Drag::Pan { from: client(&ev), view: ui.view.get_untracked(), moved: false },
    }));
}

fn on_move(ui: MapUi, svg_ref: SvgRef, drag: StoredValue<Option<Drag>>, ev: web_sys::PointerEvent) {
    let now = client(&ev);
    drag.update_value(|d| match d {
        Some(Drag::Mark { of, from, moved }) if went_far(*moved, *from, now) => {
            *moved = true;
            if let Some(at) = sheet_at(ui, svg_ref, now) {
                let of = of.clone();
                ui.moved.update(|m| {
                    m.insert(of, at);
                });
            }
        }
        Some(Drag::Area { name, from, moved }) if went_far(*moved, *from, now) => {
            *moved = true;
            if let Some(at) = sheet_at(ui, svg_ref, now) {
                let name = name.clone();
                ui.moved_areas.update(|m| {
                    m.insert(name, at);
                });
            }
        }
        Some(Drag::Pan { from, view, moved }) if went_far(*moved, *from, now) => {
            *moved = true;
            let (Some(a), Some(b)) = (sheet_at(ui, svg_ref, *from), sheet_at(ui, svg_ref, now)) else { return };
            // The sheet follows the finger: shift by how far it went, measured in the view
            // the drag started from.
            let start = *view;
            let shown = ui.view.get_untracked();
            let (dx, dy) = ((b.0 - a.0) + (shown.x - start.x), (b.1 - a.1) + (shown.y - start.y));
            ui.view.set(ViewBox { x: start.x - dx, y: start.y - dy, ..start });
        }
        _ => {}
    });
}

fn on_up(ui: MapUi, svg_ref: SvgRef, drag: StoredValue<Option<Drag>>, ev: web_sys::PointerEvent) {
    let Some(d) = drag.try_update_value(|d| d.take()).flatten() else { return };
    match d {
        Drag::Mark { of, moved: true, .. } => {
            if let Some(at) = ui.moved.with_untracked(|m| m.get(&of).copied()) {
                commit(ui, of, at);
            }
        }
        Drag::Pan { moved: false, .. } => {
            let Some(at) = sheet_at(ui, svg_ref, client(&ev)) else { return };
            match ui.placing.get_untracked() {
                Placing::Mark(of) => {
                    ui.placing.set(Placing::Nothing);
                    ui.selected.set(Some(of.clone()));
                    commit(ui, of, at);
                }
                Placing::ReferencePoint => ui.new_point.set(Some(at)),
                Placing::Nothing => ui.selected.set(None),
            }
        }
        Drag::Area { name, moved: true, .. } => {
            if let Some(at) = ui.moved_areas.with_untracked(|m| m.get(&name).copied()) {
                super::areas::commit_area(ui, name, at);
            }
        }
        Drag::Mark { .. } | Drag::Pan { .. } | Drag::Area { .. } => {}
    }
}

#[component]
pub fn MapCanvas() -> impl IntoView {
    let ui = use_map();
    let svg_ref: SvgRef = NodeRef::new();
    let drag: StoredValue<Option<Drag>> = StoredValue::new(None);
    // The drawing's size on screen, now and whenever the window changes.
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let r = svg.unchecked_ref::<web_sys::Element>().get_bounding_client_rect();
            ui.frame.set((r.width(), r.height()));
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let around = sheet_at(ui, svg_ref, (f64::from(ev.client_x()), f64::from(ev.client_y())));
        zoom(ui, if ev.delta_y() > 0.0 { 1.2 } else { 1.0 / 1.2 }, around);
    };
    let view_box = move || {
        let v = ui.view.get();
        format!("{:.2} {:.2} {:.2} {:.2}", v.x, v.y, v.w, v.h)
    };
    let placing_hint = move || match ui.placing.get() {
        Placing::Mark(_) => Some("地図の置きたい場所をクリック（タップ）してください"),
        Placing::ReferencePoint => {
            Some("基準点にする場所（交差点・駅など緯度・経度のわかる所）をクリック（タップ）してください")
        }
        Placing::Nothing => None,
    };
    view! {
        <div class="map-frame" style:--k=move || format!("{:.4}", ui.unit())>
            <div class="map-tools no-print" role="toolbar" aria-label="地図の表示">
                <button type="button" aria-label="拡大" data-testid="map-zoom-in" on:click=move |_| zoom(ui, 1.0 / 1.25, None)>"＋"</button>
                <button type="button" aria-label="縮小" data-testid="map-zoom-out" on:click=move |_| zoom(ui, 1.25, None)>"−"</button>
                <button type="button" data-testid="map-fit" on:click=move |_| ui.fit()>"全体"</button>
                <button type="button" aria-label="左へ" on:click=move |_| pan(ui, -0.2, 0.0)>"←"</button>
                <button type="button" aria-label="上へ" on:click=move |_| pan(ui, 0.0, -0.2)>"↑"</button>
                <button type="button" aria-label="下へ" on:click=move |_| pan(ui, 0.0, 0.2)>"↓"</button>
                <button type="button" aria-label="右へ" data-testid="map-pan-right" on:click=move |_| pan(ui, 0.2, 0.0)>"→"</button>
                <label class="check">
                    <input type="checkbox" name="map-labels" prop:checked=move || ui.labels.get() on:change=move |_| ui.labels.update(|v| *v = !*v)/>
                    "名前を表示"
                </label>
                <super::layers::Layers/>
            </div>
            <p class="map-placing no-print" role="status" data-testid="map-placing">{placing_hint}</p>
            <svg
                node_ref=svg_ref
                class="map-svg"
                class:placing=move || ui.placing.get() != Placing::Nothing
                class:no-labels=move || !ui.labels.get()
                data-testid="map-svg"
                role="group"
                aria-label="管内マップ（記号は Tab で選び、矢印キーで動かせます）"
                viewBox=view_box
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=move |ev| on_down(ui, svg_ref, drag, ev)
                on:pointermove=move |ev| on_move(ui, svg_ref, drag, ev)
                on:pointerup=move |ev| on_up(ui, svg_ref, drag, ev)
                on:pointercancel=move |_| drag.set_value(None)
                on:wheel=on_wheel
            >
                <BaseLayer/>
                <super::areas::AreaLayer/>
                <ReferenceMarks/>
                <MarkLayer/>
            </svg>
        </div>
    }
}

/// The 下図: the image, the outlines with their names, or a plain sheet.
#[component]
fn BaseLayer() -> impl IntoView {
    let ui = use_map();
    let image = Memo::new(move |_| {
        ui.data.with(|d| match &d.base {
            Some(BaseMap::Image { mime, data, width, height, .. }) => {
                Some((format!("data:{mime};base64,{data}"), *width, *height))
            }
            _ => None,
        })
    });
    let areas = Memo::new(move |_| ui.projection.with(|(p, _)| p.areas()));
    let size = Memo::new(move |_| ui.projection.with(|(p, _)| p.size()));
    let plain = move || ui.projection.with(|(p, _)| matches!(p, Projection::Plain));
    view! {
        <rect class="map-sheet" x="0" y="0" width=move || size.get().0 height=move || size.get().1/>
        {move || image.get().map(|(href, w, h)| view! {
            <image href=href x="0" y="0" width=w height=h preserveAspectRatio="none"/>
        })}
        {move || plain().then(|| {
            let (w, h) = size.get();
            let lines = (1..10).map(|i| {
                let x = w * f64::from(i) / 10.0;
                view! { <line class="map-grid" x1=x y1="0" x2=x y2=h/> }
            }).collect_view();
            let rows = (1..7).map(|i| {
                let y = h * f64::from(i) / 7.0;
                view! { <line class="map-grid" x1="0" y1=y x2=w y2=y/> }
            }).collect_view();
            view! { <g>{lines}{rows}</g> }
        })}
        <For each=move || areas.get() key=|a| (a.name.clone(), a.path.len()) let:a>
            <path class="map-area" d=a.path.clone()/>
            <text class="map-area-name" x=a.label_at.0 y=a.label_at.1 text-anchor="middle" data-testid="map-outline-name">
                {let name = a.name.clone(); move || super::areas::shown_text(ui, &name)}
            </text>
        </For>
    }
}

/// 基準点 of an image, numbered, and the spot of one being added.
#[component]
fn ReferenceMarks() -> impl IntoView {
    let ui = use_map();
    let image = move || ui.data.with(|d| matches!(d.base, Some(BaseMap::Image { .. })));
    let scale = move || ui.unit();
    let cross = move |(x, y): (f64, f64), label: String, class: &'static str| {
        let k = scale();
        view! {
            <g class=class transform=format!("translate({x:.2} {y:.2}) scale({k:.4})")>
                <path d="M-12 0 L12 0 M0 -12 L0 12"/>
                <circle r="6"/>
                <text x="9" y="-9">{label}</text>
            </g>
        }
    };
    move || {
        image().then(|| {
            let points = ui.data.with(|d| d.sheet.reference_points.clone());
            let mut out: Vec<AnyView> = points
                .iter()
                .enumerate()
                .map(|(i, p)| cross((p.x, p.y), format!("{}", i + 1), "map-ref").into_any())
                .collect();
            if let Some(at) = ui.new_point.get() {
                out.push(cross(at, "新".to_string(), "map-ref new").into_any());
            }
            out
        })
    }
}
