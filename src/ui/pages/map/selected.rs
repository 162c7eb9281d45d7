//! The selected mark: what it is, who uses it (or what a patient uses), its place typed as
//! 緯度・経度 or taken from the tablet's GPS, taken off the map; a 施設's name, kind and
//! address, merged with another or split.

use super::canvas::place;
use super::geolocate::current_position;
use super::{use_map, MapUi, Placing};
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::geo::LatLon;
use crate::domain::map::model::MarkOf;
use crate::domain::map::records::Position;
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SelectedMark() -> impl IntoView {
    let ui = use_map();
    let index = Memo::new(move |_| ui.selected.with(|s| s.as_ref().and_then(|of| ui.model.with(|m| m.find(of)))));
    move || {
        match index.get() {
        None => view! {
            <section class="card map-selected" aria-label="選んだ記号">
                <p class="hint">"地図の記号をクリック（タップ）するか、Tab で選ぶと、ここに内容が出ます。矢印キーで動かせます。"</p>
            </section>
        }
        .into_any(),
        Some(i) => view! { <Selected i/> }.into_any(),
    }
    }
}

#[component]
fn Selected(i: usize) -> impl IntoView {
    let ui = use_map();
    let Some(mark) = ui.model.with_untracked(|m| m.marks.get(i).cloned()) else { return ().into_any() };
    let linked: Vec<String> = ui.model.with_untracked(|m| {
        m.marks[i].linked.iter().filter_map(|&j| m.marks.get(j)).map(|x| format!("{} {}", x.symbol, x.label)).collect()
    });
    let diagnosis = ui.diagnosis.get_value();
    let (open_href, open_label) = match &mark.of {
        MarkOf::Patient(id) => (
            Route::Diagnosis { id: diagnosis.clone(), section: Section::Patients, item: Some(id.to_string()) }
                .to_hash(),
            "様式1を開く",
        ),
        MarkOf::Facility(_) => (
            Route::Diagnosis { id: diagnosis.clone(), section: Section::Facilities, item: None }.to_hash(),
            "管内の施設を開く",
        ),
    };
    let station_href = match &mark.of {
        MarkOf::Facility(id) => ui
            .data
            .with_untracked(|d| d.facilities.iter().find(|(f, _)| f == id).and_then(|(_, f)| f.station_id.clone())),
        MarkOf::Patient(_) => None,
    }
    .map(|s| Route::Diagnosis { id: diagnosis, section: Section::Stations, item: Some(s.to_string()) }.to_hash());
    let heading = format!("{} {}", mark.symbol, mark.label);
    let what = match mark.kind {
        Some(k) => format!("{}・{}", k.label(), if mark.used { "療養者の利用あり" } else { "利用なし" }),
        None => "療養者".to_string(),
    };
    let linked_heading = if mark.kind.is_some() { "利用している療養者" } else { "利用している施設" };
    let of = mark.of.clone();
    view! {
        <section class="card map-selected" aria-label="選んだ記号" data-testid="map-selected">
            <h2>{heading}</h2>
            <p>{what}</p>
            <p>
                <a href=open_href>{open_label}</a>
                {station_href.map(|h| view! { " ・ "<a href=h>"様式3を開く"</a> })}
            </p>
            <h3>{linked_heading}</h3>
            {if linked.is_empty() {
                view! { <p class="hint">"なし"</p> }.into_any()
            } else {
                view! { <ul>{linked.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
            }}
            <PlaceBy of=of.clone() position=mark.position placed=mark.at.is_some()/>
            {match &of {
                MarkOf::Facility(id) => Some(view! { <super::facility_edit::FacilityEdit id=id.clone()/> }),
                MarkOf::Patient(_) => None,
            }}
        </section>
    }
    .into_any()
}

/// Placing by 緯度・経度, GPS or click, and taking off the map.
#[component]
fn PlaceBy(of: MarkOf, position: Option<Position>, placed: bool) -> impl IntoView {
    let ui = use_map();
    let (lat0, lon0) = match position.and_then(|p| p.lat_lon()) {
        Some(p) => (format!("{:.6}", p.lat), format!("{:.6}", p.lon)),
        None => (String::new(), String::new()),
    };
    let lat = RwSignal::new(lat0);
    let lon = RwSignal::new(lon0);
    let error = RwSignal::new(None::<String>);
    let geo = move || ui.projection.with(|(p, _)| p.is_geo());
    let by_typed = {
        let of = of.clone();
        move |_| match LatLon::parse(&lat.get_untracked(), &lon.get_untracked()) {
            Ok(p) => {
                error.set(None);
                put_on_ground(ui, of.clone(), p, error);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let by_gps = {
        let of = of.clone();
        move |_| {
            let of = of.clone();
            error.set(Some("現在地を調べています…".to_string()));
            spawn_local(async move {
                match current_position().await {
                    Ok(p) => {
                        lat.set(format!("{:.6}", p.lat));
                        lon.set(format!("{:.6}", p.lon));
                        error.set(None);
                        put_on_ground(ui, of, p, error);
                    }
                    Err(message) => error.set(Some(message)),
                }
            });
        }
    };
    let by_click = {
        let of = of.clone();
        move |_| ui.placing.set(Placing::Mark(of.clone()))
    };
    let take_off = move |_| place(ui, of.clone(), None);
    view! {
        <div class="map-place">
            <h3>"位置"</h3>
            <button type="button" data-testid="map-place-click" on:click=by_click>"地図をクリックして置く"</button>
            <div class="field-row">
                <label class="field">"緯度"<input class="w-s" name="map-lat" inputmode="decimal" prop:value=move || lat.get() on:input=move |ev| lat.set(event_target_value(&ev))/></label>
                <label class="field">"経度"<input class="w-s" name="map-lon" inputmode="decimal" prop:value=move || lon.get() on:input=move |ev| lon.set(event_target_value(&ev))/></label>
            </div>
            <div class="buttons">
                <button type="button" data-testid="map-place-typed" disabled=move || !geo() on:click=by_typed>"この緯度・経度に置く"</button>
                <button type="button" data-testid="map-place-gps" disabled=move || !geo() on:click=by_gps>"現在地に置く"</button>
                {placed.then(|| view! { <button type="button" data-testid="map-take-off" on:click=take_off>"地図から外す"</button> })}
            </div>
            {move || (!geo()).then(|| view! { <p class="hint">"緯度・経度と現在地は、位置合わせした画像か境界ファイルの下図で使えます。"</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

fn put_on_ground(ui: MapUi, of: MarkOf, p: LatLon, error: RwSignal<Option<String>>) {
    let (w, h) = ui.projection.with_untracked(|(pr, _)| pr.size());
    let inside = ui
        .projection
        .with_untracked(|(pr, _)| pr.to_sheet(&Position::ground(p)))
        .is_some_and(|(x, y)| (0.0..=w).contains(&x) && (0.0..=h).contains(&y));
    if !inside {
        error.set(Some(format!(
            "緯度 {:.6}・経度 {:.6} はこの下図の外です。数字を確かめてください（置いていません）",
            p.lat, p.lon
        )));
        return;
    }
    place(ui, of, Some(Position::ground(p)));
}

/// The kinds to choose from, in the seed's order.
pub fn kind_options() -> Vec<(FacilityKind, String)> {
    FacilityKind::ALL.iter().map(|k| (*k, format!("{} {}", k.symbol(), k.label()))).collect()
}
