//! 表示の切り替え: a layer per kind of 施設 and one for the patients, and the legend.

use super::{use_map, PATIENT_LAYER, PLAN_LAYER};
use crate::domain::map::facilities::FacilityKind;
use crate::domain::ventilator::plan::PLAN_BADGES;
use leptos::prelude::*;

#[component]
pub fn Layers() -> impl IntoView {
    let ui = use_map();
    let mut layers: Vec<(usize, String)> =
        FacilityKind::ALL.iter().enumerate().map(|(i, k)| (i, format!("{} {}", k.symbol(), k.label()))).collect();
    layers.push((PATIENT_LAYER, "◎ 療養者".to_string()));
    layers.push((PLAN_LAYER, "災害時個別支援計画（人工呼吸器を使う療養者）".to_string()));
    view! {
        <details class="map-layers">
            <summary>"表示する記号"</summary>
            <div class="check-list">
                {layers.into_iter().map(|(i, label)| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            name=format!("map-layer-{i}")
                            prop:checked=move || !ui.hidden.with(|h| h.contains(&i))
                            on:change=move |_| ui.hidden.update(|h| if !h.remove(&i) { h.insert(i); })
                        />
                        {label}
                    </label>
                }).collect_view()}
            </div>
        </details>
    }
}

/// 凡例 (on screen and on paper): each mark's shape, filled for 利用あり.
#[component]
pub fn Legend() -> impl IntoView {
    use crate::domain::map::shapes::{path, patient_core, stroke_width, MARK_RADIUS};
    let ui = use_map();
    let row = |kind: Option<FacilityKind>, fill: &'static str, label: String| {
        view! {
            <li>
                <svg class="map-legend-mark" viewBox="-14 -14 28 28" aria-hidden="true">
                    <path d=path(kind, MARK_RADIUS) fill=fill stroke="#1f2328" stroke-width=stroke_width(kind)/>
                    {kind.is_none().then(|| view! { <path d=patient_core(MARK_RADIUS) fill="#1f2328"/> })}
                </svg>
                {label}
            </li>
        }
    };
    view! {
        <div class="map-legend" data-testid="map-legend">
            <h2 class="map-legend-title">"凡例"</h2>
            <ul>
                {FacilityKind::ALL.iter().map(|k| row(Some(*k), "#ffffff", k.label().to_string())).collect_view()}
                {move || (!ui.ctx.hide_names.get()).then(|| row(None, "#ffffff", "療養者（色は一人ずつ）".to_string()))}
                {row(Some(FacilityKind::Station), "#1f2328", "塗りつぶし：療養者が利用している施設（白抜き：利用なし）".to_string())}
                {move || (!ui.ctx.hide_names.get() && !ui.hidden.with(|h| h.contains(&PLAN_LAYER))).then(|| view! {
                    <li data-testid="plan-legend">
                        "災害時個別支援計画："
                        {PLAN_BADGES.iter().map(|(c, colour, meaning)| view! {
                            <span class="plan-badge-legend" style:background=*colour>{*c}</span>{*meaning}" "
                        }).collect_view()}
                    </li>
                })}
            </ul>
        </div>
    }
}
