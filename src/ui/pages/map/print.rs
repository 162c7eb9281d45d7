//! 印刷 and 保存: the map on A4 landscape with its header (地区名, 年度, 印刷日) and legend,
//! the 施設 list on a second page; the map saved as an SVG file for reports, without the
//! patients' marks unless she asks for them.

use super::use_map;
use crate::domain::diagnosis::DiagnosisEntry;
use crate::ui::platform;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn MapPrintHeader(entry: DiagnosisEntry) -> impl IntoView {
    let printed_on = print_date();
    view! {
        <div class="print-only">
            <PrintHeader title="管内マップ（手順4 様式1のデータを用いた地図）".to_string() jurisdiction=entry.diagnosis.jurisdiction.clone() year=entry.diagnosis.fiscal_year.to_string() printed_on/>
        </div>
    }
}

/// The drawn map as a stand-alone SVG file: the page's own drawing, every patient mark and
/// line left out unless `with_patients`; nothing in it runs.
fn svg_file(with_patients: bool) -> Result<String, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("画面が見つかりません")?;
    let svg = document.query_selector("[data-testid=map-svg]").ok().flatten().ok_or("地図が見つかりません")?;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).map_err(|_| "地図を写せませんでした")?.unchecked_into();
    if !with_patients {
        if let Ok(nodes) = copy.query_selector_all("[data-mark-key^='p:'], .map-lines, .map-ref") {
            for i in 0..nodes.length() {
                if let Some(n) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    n.remove();
                }
            }
        }
    }
    for attr in ["tabindex", "role", "aria-label", "data-testid", "class"] {
        let _ = copy.remove_attribute(attr);
    }
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("font-family", "sans-serif");
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&copy))
        .map_err(|_| "地図を文字にできませんでした")?;
    Ok(text)
}

#[component]
pub fn MapActions() -> impl IntoView {
    let ui = use_map();
    let with_patients = RwSignal::new(false);
    let save_svg = move |_| {
        let result = svg_file(with_patients.get_untracked() && !ui.ctx.hide_names.get_untracked())
            .and_then(|text| platform::download("管内マップ.svg", "image/svg+xml", text.as_bytes()));
        match result {
            Ok(()) => ui.ctx.done("管内マップを SVG ファイルに保存しました"),
            Err(e) => ui.ctx.error(e),
        }
    };
    view! {
        <div class="head-actions">
            {move || (ui.edits.pending.get() > 0).then(|| view! { <span class="dirty-mark" role="status">"保存中…"</span> })}
            <button type="button" data-testid="print-map" on:click=move |_| platform::print()>"印刷"</button>
            <label class="check">
                <input type="checkbox" name="map-svg-patients" prop:checked=move || with_patients.get() on:change=move |_| with_patients.update(|v| *v = !*v)/>
                "療養者の記号も含める"
            </label>
            <button type="button" data-testid="map-save-svg" on:click=save_svg>"SVG で保存"</button>
        </div>
    }
}

/// The confirmed 施設 on the second printed page.
#[component]
pub fn FacilityPrintList() -> impl IntoView {
    let ui = use_map();
    let rows = move || {
        ui.model.with(|m| {
            m.marks
                .iter()
                .filter(|x| x.kind.is_some())
                .map(|x| {
                    (
                        x.symbol,
                        x.label.clone(),
                        x.kind.map(|k| k.label()).unwrap_or(""),
                        x.used,
                        x.linked.len(),
                        x.at.is_some(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="map-print-list" data-testid="map-print-list">
            <h2>"施設の一覧"</h2>
            <table class="list">
                <thead><tr><th scope="col">"記号"</th><th scope="col">"名称"</th><th scope="col">"種類"</th><th scope="col">"利用"</th><th scope="col">"地図"</th></tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(s, name, kind, used, n, placed)| view! {
                        <tr><td>{s}</td><td>{name}</td><td>{kind}</td><td>{if used { format!("あり（{n}人）") } else { "なし".to_string() }}</td><td>{if placed { "" } else { "未配置" }}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
