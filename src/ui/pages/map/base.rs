//! 下図: an image the nurse has (PNG or JPEG, checked by its bytes), the outlines of her
//! 市町村 from a boundary file (read in the I/O worker, see [`super::boundary`]), or none; and
//! the 基準点 that tie an image to the ground.

use super::{use_map, MapUi, Placing};
use crate::domain::map::calibration::ReferencePoint;
use crate::domain::map::geo::LatLon;
use crate::domain::map::image::read_image;
use crate::domain::map::projection::Projection;
use crate::domain::map::records::BaseMap;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of a chosen file.
async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: ファイルを読めませんでした", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

fn open_image(ui: MapUi, file: web_sys::File, message: RwSignal<Option<String>>) {
    // Refused before reading: a file far over the limit is not loaded into the page.
    if file.size() > (crate::domain::map::records::MAX_IMAGE_BYTES as f64) * 1.01 {
        message.set(Some(format!(
            "{}: {:.1} MB あります。下図の画像は 15 MB までです",
            file.name(),
            file.size() / 1_048_576.0
        )));
        return;
    }
    message.set(Some(format!("{} を読んでいます…", file.name())));
    spawn_local(async move {
        let result = match bytes_of(&file).await {
            Ok(bytes) => read_image(&file.name(), &bytes),
            Err(e) => Err(e),
        };
        match result {
            Ok(base) => {
                message.set(None);
                ui.edits.base(base, move || {
                    ui.fit();
                    ui.ctx
                        .done("下図の画像を保存しました。基準点を 2 か所以上置くと、緯度・経度で置けるようになります");
                });
            }
            Err(e) => message.set(Some(e)),
        }
    });
}

#[component]
pub fn BaseMapPanel() -> impl IntoView {
    let ui = use_map();
    let message = RwSignal::new(None::<String>);
    let kind = move || {
        ui.data.with(|d| match &d.base {
            None => "下図なし（白紙に市町村名を書いて使えます）".to_string(),
            Some(BaseMap::Image { file_name, width, height, .. }) => format!("画像 {file_name}（{width}×{height}）"),
            Some(BaseMap::Outlines { file_name, areas }) => {
                format!("境界ファイル {file_name}（{} 市区町村）", areas.len())
            }
        })
    };
    let has_base = move || ui.data.with(|d| d.base.is_some());
    let is_image = move || ui.data.with(|d| matches!(d.base, Some(BaseMap::Image { .. })));
    // Open while there is something to do: no 下図 yet, or an image not tied to the ground.
    let open = move || !has_base() || (is_image() && !ui.projection.with(|(p, _)| p.is_geo()));
    view! {
        <details class="card map-base no-print" data-testid="map-base" open=open>
            <summary><span class="map-base-title">"下図"</span>"：" {kind}</summary>
            <p class="hint">"地図のサイトから保存した画像や、スキャンした管内図（PNG・JPEG、15 MB まで）、または国土数値情報「行政区域」などの境界ファイル（GeoJSON）を下図にできます。インターネットにはつなぎません。"</p>
            <div class="buttons">
                <label class="io-file">
                    <span class="label">"画像を下図にする"</span>
                    <input type="file" name="map-image" accept="image/png,image/jpeg,.png,.jpg,.jpeg" data-testid="map-image-file"
                        on:change=move |ev| if let Some(f) = chosen_file(&ev) { open_image(ui, f, message) }/>
                </label>
                <super::boundary::BoundaryFile message/>
                {move || has_base().then(|| view! {
                    <button type="button" data-testid="map-base-remove" on:click=move |_| ui.edits.remove_base()>"下図を外す"</button>
                })}
            </div>
            {move || message.get().map(|m| view! { <p class="field-error" role="alert" data-testid="map-base-message">{m}</p> })}
            {move || is_image().then(|| view! { <ReferencePoints/> })}
        </details>
    }
}

#[component]
fn ReferencePoints() -> impl IntoView {
    let ui = use_map();
    let lat = RwSignal::new(String::new());
    let lon = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let points = move || ui.data.with(|d| d.sheet.reference_points.clone());
    let state = move || {
        ui.projection.with(|(p, e)| match (p, e) {
            (Projection::Image { calibration: Some(c), .. }, _) => {
                format!(
                    "位置合わせ済み（基準点のずれ 最大 {:.0} m）。緯度・経度と現在地で置けます。",
                    c.misfit_km * 1000.0
                )
            }
            (_, Some(e)) => e.to_string(),
            _ => "基準点を 2 か所以上置くと、画像を緯度・経度に合わせます（位置合わせ）。".to_string(),
        })
    };
    let add = move |_| {
        let Some((x, y)) = ui.new_point.get_untracked() else { return };
        match LatLon::parse(&lat.get_untracked(), &lon.get_untracked()) {
            Ok(position) => {
                error.set(None);
                ui.edits.sheet(move |s| s.reference_points.push(ReferencePoint { x, y, position }), |_| {});
                ui.new_point.set(None);
                ui.placing.set(Placing::Nothing);
                lat.set(String::new());
                lon.set(String::new());
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let remove = move |i: usize| {
        ui.edits.sheet(
            move |s| {
                if i < s.reference_points.len() {
                    s.reference_points.remove(i);
                }
            },
            |_| {},
        )
    };
    view! {
        <div class="map-refs" data-testid="map-refs">
            <h3>"基準点（位置合わせ）"</h3>
            <p data-testid="map-calibration">{state}</p>
            <ol>
                {move || points().into_iter().enumerate().map(|(i, p)| view! {
                    <li>{format!("画像の ({:.0}, {:.0}) ＝ 緯度 {:.6}・経度 {:.6} ", p.x, p.y, p.position.lat, p.position.lon)}
                        <button type="button" aria-label=format!("基準点 {} を削除", i + 1) on:click=move |_| remove(i)>"削除"</button>
                    </li>
                }).collect_view()}
            </ol>
            <button type="button" data-testid="map-ref-add" on:click=move |_| { ui.new_point.set(None); ui.placing.set(Placing::ReferencePoint) }>"基準点を追加（地図をクリック）"</button>
            {move || ui.new_point.get().map(|(x, y)| view! {
                <div class="map-ref-new">
                    <p>{format!("画像の ({x:.0}, {y:.0}) の緯度・経度を入れてください（地図のサイトで同じ場所を調べられます）")}</p>
                    <div class="field-row">
                        <label class="field">"緯度"<input class="w-s" name="map-ref-lat" inputmode="decimal" prop:value=move || lat.get() on:input=move |ev| lat.set(event_target_value(&ev))/></label>
                        <label class="field">"経度"<input class="w-s" name="map-ref-lon" inputmode="decimal" prop:value=move || lon.get() on:input=move |ev| lon.set(event_target_value(&ev))/></label>
                    </div>
                    <div class="buttons">
                        <button type="button" data-testid="map-ref-save" on:click=add>"この基準点を追加"</button>
                        <button type="button" on:click=move |_| { ui.new_point.set(None); ui.placing.set(Placing::Nothing) }>"やめる"</button>
                    </div>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
            })}
        </div>
    }
}
