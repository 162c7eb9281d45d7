//! 境界ファイル (GeoJSON): read in the I/O worker (tens of MB never block the page), with
//! progress and 取り消し; the nurse ticks her 市町村 (those of her patients are ticked for
//! her) and the worker thins their outlines into the 下図.

use super::use_map;
use crate::domain::io_protocol::{Reply, Request};
use crate::domain::map::boundary::AreaChoice;
use crate::ui::io_client;
use crate::ui::pages::io::{Progress, ProgressBar};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

/// The 市区町村 of the open file, waiting for her choice.
#[derive(Clone, Debug, PartialEq)]
struct Open {
    file_name: String,
    areas: Vec<AreaChoice>,
}

/// What went wrong, as the worker says it (heading and lines).
fn refusal(reply: Result<Reply, String>) -> String {
    match reply {
        Ok(Reply::Refused { heading, lines }) => std::iter::once(heading).chain(lines).collect::<Vec<_>>().join(" "),
        Ok(Reply::Failed { message }) => message,
        Ok(_) => "境界ファイルを読めませんでした".to_string(),
        Err(message) => message,
    }
}

#[component]
pub fn BoundaryFile(message: RwSignal<Option<String>>) -> impl IntoView {
    let ui = use_map();
    let progress = RwSignal::new(None::<Progress>);
    let open = RwSignal::new(None::<Open>);
    let chosen = RwSignal::new(BTreeSet::<usize>::new());
    let report = move |label: String, done: usize, total: usize| progress.set(Some(Progress { label, done, total }));
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(file) = file else { return };
        message.set(None);
        open.set(None);
        report(format!("{} を読んでいます", file.name()), 0, 1);
        spawn_local(async move {
            let request = Request::MapAreasOpen { file_name: file.name() };
            let reply = io_client::request(&request, Some(&file), report).await;
            progress.set(None);
            match reply {
                Ok(Reply::MapAreas { file_name, areas }) => {
                    let towns: BTreeSet<String> = ui.data.with_untracked(|d| {
                        d.patients
                            .iter()
                            .map(|(_, p)| p.municipality.trim().to_string())
                            .filter(|m| !m.is_empty())
                            .collect()
                    });
                    let mine: BTreeSet<usize> = areas
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| towns.iter().any(|t| a.name.ends_with(t.as_str())))
                        .map(|(i, _)| i)
                        .collect();
                    chosen.set(mine);
                    open.set(Some(Open { file_name, areas }));
                }
                other => message.set(Some(refusal(other))),
            }
        });
    };
    let make = move |_| {
        let picked: Vec<usize> = chosen.get_untracked().into_iter().collect();
        if picked.is_empty() {
            message.set(Some("市町村を一つ以上選んでください".to_string()));
            return;
        }
        message.set(None);
        report("輪郭を簡略化しています".to_string(), 0, picked.len());
        spawn_local(async move {
            let reply = io_client::request(&Request::MapOutlines { chosen: picked }, None, report).await;
            progress.set(None);
            match reply {
                Ok(Reply::MapOutlines { base }) => {
                    open.set(None);
                    let _ = io_client::request(&Request::MapClose, None, |_, _, _| {}).await;
                    ui.edits.base(base, move || {
                        ui.fit();
                        ui.ctx.done("境界ファイルの市町村を下図にしました。緯度・経度と現在地で置けます");
                    });
                }
                other => message.set(Some(refusal(other))),
            }
        });
    };
    // The worker stopped (取り消し, or the browser closed it): what it held is gone.
    io_client::on_stop(move |_| {
        progress.set(None);
        open.set(None);
    });
    view! {
        <label class="io-file">
            <span class="label">"境界ファイル（GeoJSON）を下図にする"</span>
            <input type="file" name="map-geojson" accept=".geojson,.json,application/geo+json,application/json" data-testid="map-geojson-file" on:change=on_file/>
        </label>
        <ProgressBar progress=progress stop=("読み込みを取り消す", "map-geojson-cancel")/>
        {move || open.get().map(|o| view! { <AreaPicker open=o chosen make/> })}
    }
}

#[component]
fn AreaPicker(
    open: Open,
    chosen: RwSignal<BTreeSet<usize>>,
    make: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let areas = StoredValue::new(open.areas);
    let shown = move || {
        let f = filter.get();
        areas.with_value(|a| {
            a.iter()
                .enumerate()
                .filter(|(_, x)| f.trim().is_empty() || x.name.contains(f.trim()))
                .map(|(i, x)| (i, x.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="map-areas" data-testid="map-areas">
            <legend>{format!("{} の市区町村（{} 件）から、管内のものを選んでください", open.file_name, areas.with_value(Vec::len))}</legend>
            <label class="field">"名前でしぼる"<input name="map-area-filter" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/></label>
            <div class="check-list map-area-list">
                <For each=shown key=|(i, _)| *i let:row>
                    <label class="check">
                        <input type="checkbox" name="map-area" prop:checked=move || chosen.with(|c| c.contains(&row.0))
                            on:change=move |_| chosen.update(|c| if !c.remove(&row.0) { c.insert(row.0); })/>
                        {row.1.clone()}
                    </label>
                </For>
            </div>
            <p>{move || format!("{} 件を選んでいます", chosen.with(BTreeSet::len))}</p>
            <button type="button" data-testid="map-areas-make" on:click=make>"選んだ市町村で下図を作る"</button>
        </fieldset>
    }
}
