//! The marks: each a focusable button in the SVG, named for screen readers, moved with the
//! arrow keys (Shift: farther), opened with Enter. Marks keep their size on screen when the
//! map is zoomed.

use super::canvas::commit;
use super::{use_map, MapUi, PATIENT_LAYER, PLAN_LAYER};
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::model::{MapMark, MarkOf};
use crate::domain::map::shapes::{path, patient_core, stroke_width, MARK_RADIUS};
use leptos::prelude::*;

/// The mark's key in the page (`data-mark-key`).
pub fn key_of(of: &MarkOf) -> String {
    match of {
        MarkOf::Facility(id) => format!("f:{id}"),
        MarkOf::Patient(id) => format!("p:{id}"),
    }
}

/// What a screen reader says for a mark.
pub fn spoken(m: &MapMark) -> String {
    match m.kind {
        Some(k) => format!(
            "{} {}（{}、{}）",
            k.symbol(),
            m.label,
            k.label(),
            if m.used { "療養者の利用あり" } else { "利用なし" }
        ),
        None => format!("◎ {}（療養者）", m.label),
    }
}

fn layer_of(kind: Option<FacilityKind>) -> usize {
    kind.and_then(|k| FacilityKind::ALL.iter().position(|x| *x == k)).unwrap_or(PATIENT_LAYER)
}

/// Time after the last arrow key before the new place is saved (ms).
const NUDGE_SAVE_MS: u64 = 700;

fn nudge(ui: MapUi, of: &MarkOf, dx: f64, dy: f64, seq: StoredValue<u64>) {
    let start = ui.model.with_untracked(|m| m.find(of).and_then(|i| m.marks[i].at));
    nudge_spot(ui, ui.moved, of, start, (dx, dy), seq, commit);
}

/// Moves what stands at `start` (or where it was moved to, in `moved`) by `by` within the
/// sheet, and saves it with `save` [`NUDGE_SAVE_MS`] after the last key: the marks' and the
/// 市町村 areas' arrow keys.
pub fn nudge_spot<K: Ord + Clone + Send + Sync + 'static>(
    ui: MapUi,
    moved: RwSignal<std::collections::BTreeMap<K, (f64, f64)>>,
    key: &K,
    start: Option<(f64, f64)>,
    by: (f64, f64),
    seq: StoredValue<u64>,
    save: fn(MapUi, K, (f64, f64)),
) {
    let Some(start) = moved.with_untracked(|m| m.get(key).copied()).or(start) else { return };
    let (w, h) = ui.projection.with_untracked(|(p, _)| p.size());
    let at = ((start.0 + by.0).clamp(0.0, w), (start.1 + by.1).clamp(0.0, h));
    moved.update(|m| {
        m.insert(key.clone(), at);
    });
    seq.update_value(|s| *s += 1);
    let mine = seq.get_value();
    let key = key.clone();
    set_timeout(
        move || {
            if seq.get_value() == mine {
                if let Some(at) = moved.with_untracked(|m| m.get(&key).copied()) {
                    save(ui, key, at);
                }
            }
        },
        std::time::Duration::from_millis(NUDGE_SAVE_MS),
    );
}

/// How far one arrow key moves (Shift: farther), in sheet units of the view shown.
pub fn arrow_step(ui: MapUi, ev: &leptos::ev::KeyboardEvent) -> Option<(f64, f64)> {
    let step = ui.view.with_untracked(|v| v.w) / if ev.shift_key() { 20.0 } else { 100.0 };
    match ev.key().as_str() {
        "ArrowLeft" => Some((-step, 0.0)),
        "ArrowRight" => Some((step, 0.0)),
        "ArrowUp" => Some((0.0, -step)),
        "ArrowDown" => Some((0.0, step)),
        _ => None,
    }
}

#[component]
pub fn MarkLayer() -> impl IntoView {
    let ui = use_map();
    let hide_patients = move || ui.ctx.hide_names.get() || ui.hidden.with(|h| h.contains(&PATIENT_LAYER));
    let lines = move || {
        if hide_patients() {
            return Vec::new();
        }
        let Some(MarkOf::Patient(id)) = ui.selected.get() else { return Vec::new() };
        let k = ui.unit();
        ui.model.with(|m| {
            let Some(i) = m.find(&MarkOf::Patient(id)) else { return Vec::new() };
            m.lines_of(i)
                .into_iter()
                .map(|(a, b, colour)| {
                    view! { <line class="map-line" x1=a.0 y1=a.1 x2=b.0 y2=b.1 stroke=colour stroke-width=2.0 * k/> }
                })
                .collect::<Vec<_>>()
        })
    };
    let shown = Memo::new(move |_| {
        let hidden = ui.hidden.get();
        let no_patients = hide_patients();
        ui.model.with(|m| {
            m.marks
                .iter()
                .filter(|x| x.at.is_some() || ui.moved.with(|mv| mv.contains_key(&x.of)))
                .filter(|x| !hidden.contains(&layer_of(x.kind)))
                .filter(|x| !(no_patients && x.kind.is_none()))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <g class="map-lines">{lines}</g>
        <For each=move || shown.get() key=|m| (key_of(&m.of), m.used, m.label.clone(), m.colour) let:m>
            <Mark m/>
        </For>
        <PlanBadges shown/>
    }
}

/// The layer 「災害時個別支援計画」: a badge at the upper right of each shown ◎ the plans are
/// about (済 最新・期 見直し期限切れ・無 なし). Drawn apart from the marks, hidden from screen
/// readers: each mark says its plan's state itself.
#[component]
fn PlanBadges(shown: Memo<Vec<MapMark>>) -> impl IntoView {
    let ui = use_map();
    let badges = move || {
        if ui.hidden.with(|h| h.contains(&PLAN_LAYER)) {
            return Vec::new();
        }
        shown.with(|marks| {
            ui.plans.with(|plans| {
                marks
                    .iter()
                    .filter_map(|m| {
                        let MarkOf::Patient(id) = &m.of else { return None };
                        let (c, colour) = plans.get(id)?.badge();
                        let (x, y) = ui.moved.with(|mv| mv.get(&m.of).copied()).or(m.at)?;
                        Some(view! {
                            <g class="plan-badge" transform=format!("translate({x:.2} {y:.2})")>
                                <g class="map-mark-body">
                                    <g transform=format!("translate({r:.1} {n:.1})", r = MARK_RADIUS * 0.9, n = -MARK_RADIUS * 0.9)>
                                        <rect x="-8" y="-8" width="16" height="16" rx="3" fill=colour stroke="#1f2328" stroke-width="1"/>
                                        <text y="5" text-anchor="middle" class="plan-badge-text">{c}</text>
                                    </g>
                                </g>
                            </g>
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! { <g class="plan-badges" aria-hidden="true">{badges}</g> }
}

#[component]
fn Mark(m: MapMark) -> impl IntoView {
    let ui = use_map();
    let seq = StoredValue::new(0u64);
    let of = m.of.clone();
    let at = {
        let of = of.clone();
        Memo::new(move |_| ui.moved.with(|mv| mv.get(&of).copied()).or_else(|| ui.spots.with(|s| s.get(&of).copied())))
    };
    // Only where it stands: its size follows `--k` on the map (one CSS variable for every
    // mark, so a zoom step changes one value, not 800 attributes).
    let transform = move || {
        let (x, y) = at.get().unwrap_or((0.0, 0.0));
        format!("translate({x:.2} {y:.2})")
    };
    let selected = {
        let of = of.clone();
        move || ui.selected.with(|s| s.as_ref() == Some(&of))
    };
    let on_key = {
        let of = of.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if matches!(ev.key().as_str(), "Enter" | " ") {
                ev.prevent_default();
                ui.selected.set(Some(of.clone()));
                return;
            }
            let Some((dx, dy)) = arrow_step(ui, &ev) else { return };
            ev.prevent_default();
            ui.selected.set(Some(of.clone()));
            nudge(ui, &of, dx, dy, seq);
        }
    };
    let fill = if m.kind.is_none() {
        m.colour
    } else if m.used {
        "#1f2328"
    } else {
        "#ffffff"
    };
    let shape = path(m.kind, MARK_RADIUS);
    // 災害時個別支援計画 (layer off at first): said with the mark, drawn by [`PlanBadges`].
    let plan = match &m.of {
        MarkOf::Patient(id) => {
            let id = id.clone();
            Some(Memo::new(move |_| {
                (!ui.hidden.with(|h| h.contains(&PLAN_LAYER))).then(|| ui.plans.with(|p| p.get(&id).copied())).flatten()
            }))
        }
        MarkOf::Facility(_) => None,
    };
    let label = {
        let base = spoken(&m);
        move || match plan.and_then(|p| p.get()) {
            Some(status) => format!("{base} 災害時個別支援計画: {}", status.label()),
            None => base.clone(),
        }
    };
    let core = m.kind.is_none().then(|| view! { <path d=patient_core(MARK_RADIUS) fill=m.colour/> });
    view! {
        <g
            class="map-mark"
            class:selected=selected
            class:used=m.used
            transform=transform
            tabindex="0"
            role="button"
            aria-label=label
            data-mark-key=key_of(&m.of)
            data-testid="map-mark"
            data-label=m.label.clone()
            on:keydown=on_key
        >
            <g class="map-mark-body">
                <circle class="map-hit" r="22"/>
                <path
                    d=shape
                    fill=if m.kind.is_none() { "#ffffff" } else { fill }
                    stroke=if m.kind.is_none() { m.colour } else { "#1f2328" }
                    stroke-width=stroke_width(m.kind)
                />
                {core}
                <text class="map-label" y=MARK_RADIUS + 14.0 text-anchor="middle">{m.label.clone()}</text>
            </g>
        </g>
    }
}
