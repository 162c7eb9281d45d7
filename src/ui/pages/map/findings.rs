//! 地図からわかること: the distances of each placed patient to the stations they use and to
//! the nearest with 24時間対応体制加算, the patients farther than the distance she sets, the
//! counts per 市町村, and the sentences offered for 様式4.

use super::use_map;
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::model::MarkOf;
use crate::domain::number::normalize_number_text;
use leptos::prelude::*;

fn km(d: Option<f64>) -> String {
    d.map(|d| format!("{d:.1} km")).unwrap_or_else(|| "—".to_string())
}

#[component]
pub fn Findings() -> impl IntoView {
    let ui = use_map();
    let far_text = RwSignal::new(ui.data.with_untracked(|d| format!("{}", d.sheet.far_km)));
    let error = RwSignal::new(None::<String>);
    let set_far = move |_| match normalize_number_text(&far_text.get_untracked())
        .parse::<f64>()
        .ok()
        .filter(|v| *v > 0.0 && *v <= 500.0)
    {
        Some(v) => {
            error.set(None);
            ui.edits.sheet(move |s| s.far_km = v, |_| {});
        }
        None => error.set(Some("遠いとみなす距離: 0 より大きく 500 までの数（km）を入れてください".to_string())),
    };
    let geo = move || ui.projection.with(|(p, _)| p.is_geo());
    let label_of =
        move |of: MarkOf| ui.model.with(|m| m.find(&of).map(|i| m.marks[i].label.clone()).unwrap_or_default());
    // The findings number 施設 in the order of the data's list.
    let facility_label =
        move |i: usize| ui.data.with(|d| d.facilities.get(i).map(|(_, f)| f.name.clone()).unwrap_or_default());
    let rows = move || {
        let hide = ui.ctx.hide_names.get();
        ui.findings.with(|f| {
            f.distances.iter().enumerate().map(|(n, r)| {
                let name = if hide { format!("療養者 {}", n + 1) } else { label_of(MarkOf::Patient(r.patient.clone())) };
                let used = r.used_stations.iter().map(|(i, d)| format!("{} {}", facility_label(*i), km(*d))).collect::<Vec<_>>().join("、");
                let nearest = r.nearest_24h.map(|(i, d)| format!("{} {}", facility_label(i), km(Some(d)))).unwrap_or_else(|| "置いていない".to_string());
                let far = f.far.contains(&r.patient);
                view! { <tr class:far=far><td>{name}</td><td>{if used.is_empty() { "—".to_string() } else { used }}</td><td>{nearest}</td><td>{if far { "遠い" } else { "" }}</td></tr> }
            }).collect_view()
        })
    };
    view! {
        <section class="card map-findings" data-testid="map-findings" aria-labelledby="map-findings-h">
            <h2 id="map-findings-h">"地図からわかること"</h2>
            <h3>"様式4の根拠に"</h3>
            <ul class="evidence" data-testid="map-evidence">
                {move || ui.findings.with(|f| f.evidence.clone()).into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
            <div class="field-row no-print">
                <label class="field">"遠いとみなす距離（km）"<input class="w-s" name="map-far-km" inputmode="decimal" prop:value=move || far_text.get() on:input=move |ev| far_text.set(event_target_value(&ev))/></label>
                <button type="button" class="push-down" on:click=set_far>"距離を保存"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || if geo() {
                view! {
                    <div class="table-scroll">
                        <table class="list" data-testid="map-distances">
                            <caption>"療養者ごとの距離（直線）"</caption>
                            <thead><tr><th scope="col">"療養者"</th><th scope="col">"利用しているステーション"</th><th scope="col">"最寄りの24時間対応ステーション"</th><th scope="col">"判定"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            } else {
                view! { <p class="hint">"距離は、位置合わせした画像か境界ファイルの下図に置いたときに出ます。"</p> }.into_any()
            }}
            <div class="table-scroll">
                <table class="list" data-testid="map-counts">
                    <caption>"市町村ごとの数"</caption>
                    <thead><tr><th scope="col">"市町村"</th><th scope="col">"療養者"</th>
                        {FacilityKind::ALL.iter().map(|k| view! { <th scope="col">{format!("{} {}", k.symbol(), k.label())}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || ui.findings.with(|f| f.counts.clone()).into_iter().map(|c| view! {
                            <tr><th scope="row">{c.municipality}</th><td class="num">{c.patients}</td>
                                {c.facilities.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
