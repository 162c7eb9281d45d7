//! Benchmark entry point of 管内マップ's boundary file (`node e2e/bench.mjs map`, see
//! e2e/bench-map.mjs); only in a build with the cargo feature `bench`. It asks the I/O worker
//! exactly as the 管内マップ page does — `MapAreasOpen` with the chosen file, then
//! `MapOutlines` — and saves nothing. [`bench_map_direct`] runs the same steps on the page's
//! own thread: CDP throttles a page's thread but not a worker's ("Operation is only supported
//! for pages, not workers"), so that is how the work is timed at 4x.

use super::io_client;
use crate::domain::io_protocol::{Reply, Request};
use crate::domain::map::boundary::{self, TOLERANCE_KM};
use crate::domain::map::records::BaseMap;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

fn js(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// What the page heard of one request's progress: how many messages, their labels in order
/// (each once), and the longest time without one (ms, from the request to its answer).
#[derive(Default)]
struct Heard {
    count: usize,
    labels: Vec<String>,
    last: f64,
    longest_silence: f64,
}

/// `choose` indices spread over `n` 市区町村.
fn spread(choose: usize, n: usize) -> Vec<usize> {
    let choose = choose.clamp(1, n.max(1));
    (0..choose).map(|k| k * n / choose).collect()
}

/// One request, timed, with what its progress said.
async fn timed(request: &Request, file: Option<&web_sys::File>) -> Result<(Reply, f64, Heard), JsValue> {
    let t0 = now_ms();
    let heard = Rc::new(RefCell::new(Heard { last: t0, ..Heard::default() }));
    let on_progress = {
        let heard = heard.clone();
        move |label: String, _done: usize, _total: usize| {
            let mut h = heard.borrow_mut();
            let now = now_ms();
            h.longest_silence = h.longest_silence.max(now - h.last);
            h.last = now;
            h.count += 1;
            if h.labels.last() != Some(&label) {
                h.labels.push(label);
            }
        }
    };
    let reply = io_client::request(request, file, on_progress).await.map_err(js)?;
    let t1 = now_ms();
    let mut heard = heard.take();
    heard.longest_silence = heard.longest_silence.max(t1 - heard.last);
    Ok((reply, t1 - t0, heard))
}

/// Opens `file` in the worker, then asks for `choose` of its 市区町村 (spread over the file) as
/// the 下図, and closes it. Returns `{ openMs, outlinesMs, areas, filePoints, chosenPoints,
/// keptPoints, recordBytes, openProgress, openSilenceMs, openLabels, outlinesProgress,
/// outlinesSilenceMs }`.
#[wasm_bindgen(js_name = benchMapRun)]
pub async fn bench_map_run(file: web_sys::File, choose: usize) -> Result<JsValue, JsValue> {
    let open = Request::MapAreasOpen { file_name: file.name() };
    let (reply, open_ms, open_heard) = timed(&open, Some(&file)).await?;
    let Reply::MapAreas { areas, .. } = reply else {
        return Err(js(format!("MapAreasOpen: {reply:?}")));
    };
    let n = areas.len();
    let chosen = spread(choose, n);
    let chosen_points: usize = chosen.iter().filter_map(|&i| areas.get(i)).map(|a| a.points).sum();
    let (reply, outlines_ms, outlines_heard) = timed(&Request::MapOutlines { chosen }, None).await?;
    let Reply::MapOutlines { base } = reply else {
        return Err(js(format!("MapOutlines: {reply:?}")));
    };
    let kept = match &base {
        BaseMap::Outlines { areas, .. } => areas.iter().flat_map(|a| &a.rings).map(Vec::len).sum(),
        BaseMap::Image { .. } => 0,
    };
    let record_bytes = serde_json::to_string(&base).map(|t| t.len()).unwrap_or(0);
    let _ = io_client::request(&Request::MapClose, None, |_, _, _| {}).await;
    let out = Object::new();
    let num = |x: usize| JsValue::from_f64(x as f64);
    set(&out, "openMs", JsValue::from_f64(open_ms));
    set(&out, "outlinesMs", JsValue::from_f64(outlines_ms));
    set(&out, "areas", num(n));
    set(&out, "filePoints", num(areas.iter().map(|a| a.points).sum()));
    set(&out, "chosenPoints", num(chosen_points));
    set(&out, "keptPoints", num(kept));
    set(&out, "recordBytes", num(record_bytes));
    set(&out, "openProgress", num(open_heard.count));
    set(&out, "openSilenceMs", JsValue::from_f64(open_heard.longest_silence));
    set(&out, "openLabels", JsValue::from_str(&open_heard.labels.join(" → ")));
    set(&out, "outlinesProgress", num(outlines_heard.count));
    set(&out, "outlinesSilenceMs", JsValue::from_f64(outlines_heard.longest_silence));
    Ok(out.into())
}

/// The worker's steps on the page's thread, timed (the page stalls meanwhile: this is only to
/// time them under CPU throttling). Returns `{ readMs, parseMs, outlinesMs, keptPoints }`.
#[wasm_bindgen(js_name = benchMapDirect)]
pub async fn bench_map_direct(file: web_sys::File, choose: usize) -> Result<JsValue, JsValue> {
    let name = file.name();
    let t0 = now_ms();
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let t1 = now_ms();
    let text = boundary::decode_text(&name, bytes, |_| None).map_err(js)?;
    let areas = boundary::read(&name, &text).map_err(js)?;
    drop(text);
    let t2 = now_ms();
    let base = boundary::keep_outlines(&name, &areas, &spread(choose, areas.len()), TOLERANCE_KM).map_err(js)?;
    let t3 = now_ms();
    let kept = match &base {
        BaseMap::Outlines { areas, .. } => areas.iter().flat_map(|a| &a.rings).map(Vec::len).sum(),
        BaseMap::Image { .. } => 0,
    };
    let out = Object::new();
    set(&out, "readMs", JsValue::from_f64(t1 - t0));
    set(&out, "parseMs", JsValue::from_f64(t2 - t1));
    set(&out, "outlinesMs", JsValue::from_f64(t3 - t2));
    set(&out, "keptPoints", JsValue::from_f64(kept as f64));
    Ok(out.into())
}
