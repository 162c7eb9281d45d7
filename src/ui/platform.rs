//! Browser services: clock, IDs, small settings, storage persistence, cross-tab messages,
//! the service worker, files. Everything here is thin glue around web APIs; decisions are
//! made in the domain.

use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::time::Timestamp;
use gloo_storage::{LocalStorage, Storage};
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Keys of the small UI settings kept in `localStorage` (through gloo-storage).
pub mod keys {
    pub const DEVICE_ID: &str = "nanbyo.device_id";
    pub const LAST_DIAGNOSIS: &str = "nanbyo.last_diagnosis";
    pub const HIDE_NAMES: &str = "nanbyo.hide_names";
    pub const PERSIST_ASKED: &str = "nanbyo.persist_asked";
    /// 担当者名 of this device (変更履歴).
    pub const STAFF_NAME: &str = "nanbyo.staff_name";
    /// The last 判断者 typed (判断樹): the 担当者名 until one is set.
    pub const ASSESSOR: &str = "nanbyo.trees.assessor";
    /// 端末のロック: minutes of idle time before the app locks itself.
    pub const LOCK_IDLE_MINUTES: &str = "nanbyo.lock.idle_minutes";
    /// 端末のロック: lock when the tab is hidden.
    pub const LOCK_WHEN_HIDDEN: &str = "nanbyo.lock.when_hidden";
    /// 端末のロック: when she last worked in any tab of the app (ms since 1970).
    pub const LOCK_ACTIVE_AT: &str = "nanbyo.lock.active_at";
    /// 端末のロック: the offer on first use was answered (「今はしない」).
    pub const LOCK_OFFER_DISMISSED: &str = "nanbyo.lock.offer_dismissed";
}

/// The IndexedDB database name.
#[cfg(not(feature = "bench"))]
pub const DATABASE_NAME: &str = crate::storage::schema::DATABASE_NAME;
/// A benchmark build's app keeps its data apart from the nurse's ([`super::bench::APP_DATABASE`]).
#[cfg(feature = "bench")]
pub const DATABASE_NAME: &str = super::bench::APP_DATABASE;

/// Now.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A fresh random ID (`crypto.randomUUID()`, or a time-and-random fallback).
pub fn random_uuid() -> String {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if let Some(c) = crypto {
        let f = Reflect::get(&c, &JsValue::from_str("randomUUID")).ok();
        if let Some(f) = f.and_then(|f| f.dyn_into::<Function>().ok()) {
            if let Some(s) = f.call0(&c).ok().and_then(|v| v.as_string()) {
                return s;
            }
        }
    }
    format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64)
}

/// A new record ID.
pub fn new_record_id() -> RecordId {
    RecordId::sanitized(&random_uuid())
}

/// This browser profile's device ID (made once, kept in localStorage).
pub fn device_id() -> DeviceId {
    if let Ok(text) = LocalStorage::get::<String>(keys::DEVICE_ID) {
        if let Ok(id) = DeviceId::parse(&text) {
            return id;
        }
    }
    let id = DeviceId::sanitized(&random_uuid());
    let _ = LocalStorage::set(keys::DEVICE_ID, id.as_str());
    id
}

/// Reads a small setting.
pub fn setting<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Writes a small setting (failures are ignored: settings are conveniences).
pub fn set_setting<T: serde::Serialize>(key: &str, value: &T) {
    let _ = LocalStorage::set(key, value);
}

/// 担当者名 of this device: the one set, else the last 判断者 typed, else blank.
pub fn staff_name() -> String {
    setting::<String>(keys::STAFF_NAME)
        .or_else(|| setting::<String>(keys::ASSESSOR))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// Removes a small setting.
pub fn remove_setting(key: &str) {
    LocalStorage::delete(key);
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Persistent storage and usage (`navigator.storage`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageInfo {
    /// `None` while unknown or when the browser cannot tell.
    pub persisted: Option<bool>,
    pub usage_bytes: Option<f64>,
    pub quota_bytes: Option<f64>,
}

async fn promise_value(p: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

/// Asks for persistent storage once per device (the browser may grant it silently), then
/// reads the state and the estimate.
pub async fn storage_info(ask_persist: bool) -> StorageInfo {
    let Some(storage) = navigator().map(|n| n.storage()) else {
        return StorageInfo::default();
    };
    let mut persisted = promise_value(storage.persisted()).await.and_then(|v| v.as_bool());
    if ask_persist && persisted == Some(false) {
        persisted = promise_value(storage.persist()).await.and_then(|v| v.as_bool()).or(persisted);
        set_setting(keys::PERSIST_ASKED, &true);
    }
    let estimate = promise_value(storage.estimate()).await;
    let number = |key: &str| {
        estimate.as_ref().and_then(|e| Reflect::get(e, &JsValue::from_str(key)).ok()).and_then(|v| v.as_f64())
    };
    StorageInfo { persisted, usage_bytes: number("usage"), quota_bytes: number("quota") }
}

/// `1.2 MB`.
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// The cross-tab channel: a tab that saved tells the others.
pub fn broadcast_channel() -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(crate::storage::schema::CHANGES_CHANNEL).ok()
}

/// Marks a point for the benchmark (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// `location.hash`.
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets `location.hash` (adds a history entry).
pub fn set_location_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Is the browser online?
pub fn online() -> bool {
    navigator().map(|n| n.on_line()).unwrap_or(true)
}

/// The build's version: a hash of the asset names Trunk wrote into index.html (they carry
/// content hashes; the I/O worker's are in its `<meta>`). Changes with every build that changes a file.
pub fn build_version() -> String {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return "dev".to_string();
    };
    let mut names = Vec::new();
    if let Ok(list) =
        doc.query_selector_all("script[data-wasm], meta[data-wasm], link[rel=stylesheet], link[rel=manifest]")
    {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                for attr in ["data-js", "data-wasm", "href"] {
                    if let Some(v) = el.get_attribute(attr) {
                        names.push(v);
                    }
                }
            }
        }
    }
    asset_list_version(&names)
}

/// FNV-1a of the sorted asset names, as 16 hex digits.
pub fn asset_list_version(names: &[String]) -> String {
    let mut sorted = names.to_vec();
    sorted.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in sorted.join("\n").bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Extracts the asset names from an index.html text the same way [`build_version`] reads
/// them from the DOM (used by the update check).
pub fn asset_names_in_html(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        // The page's wasm (script) and the I/O worker's (meta).
        let is_script = (tag.starts_with("script") || tag.starts_with("meta")) && tag.contains("data-wasm=");
        let is_link =
            tag.starts_with("link") && (tag.contains("rel=\"stylesheet\"") || tag.contains("rel=\"manifest\""));
        if !(is_script || is_link) {
            continue;
        }
        let attrs: &[&str] = if is_script { &["data-js", "data-wasm"] } else { &["href"] };
        for attr in attrs {
            let needle = format!("{attr}=\"");
            if let Some(start) = tag.find(&needle) {
                let rest = &tag[start + needle.len()..];
                if let Some(end) = rest.find('"') {
                    names.push(rest[..end].to_string());
                }
            }
        }
    }
    names
}

fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = navigator()?;
    let has = Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| nav.service_worker())
}

/// Registers `sw.js?v=<version>` and returns the registration.
pub async fn register_service_worker(version: &str) -> Option<web_sys::ServiceWorkerRegistration> {
    let container = service_worker_container()?;
    let url = format!("sw.js?v={version}");
    let reg = JsFuture::from(container.register(&url)).await.ok()?;
    reg.dyn_into().ok()
}

/// Fetches index.html from the network (bypassing the service worker's cache) and returns
/// the version it would install, if the server answers.
pub async fn remote_version() -> Option<String> {
    let window = web_sys::window()?;
    let url = format!("./?sw-bypass={}", js_sys::Date::now() as u64);
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let names = asset_names_in_html(&text);
    (!names.is_empty()).then(|| asset_list_version(&names))
}

/// The waiting (installed, not yet active) worker of a registration, if any.
pub fn waiting_worker(reg: &web_sys::ServiceWorkerRegistration) -> Option<web_sys::ServiceWorker> {
    reg.waiting()
}

/// Tells a waiting worker to take over. The page reloads on `controllerchange`.
pub fn activate_waiting(worker: &web_sys::ServiceWorker) {
    let msg = js_sys::Object::new();
    let _ = Reflect::set(&msg, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
    let _ = worker.post_message(&msg);
}

/// Calls `f` when a new controller takes over (after the nurse chose to update).
pub fn on_controller_change(f: impl Fn() + 'static) {
    if let Some(container) = service_worker_container() {
        let closure = Closure::<dyn Fn()>::new(f);
        container.set_oncontrollerchange(Some(closure.as_ref().unchecked_ref()));
        closure.forget();
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Opens the 地域診断の一覧 afresh (a full load: after the device's data was erased).
pub fn go_home_and_reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash("#/");
        let _ = w.location().reload();
    }
}

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(contents);
    let parts = js_sys::Array::of1(&array);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &props).map_err(|e| format!("{e:?}"))?;
    download_blob(file_name, &blob)
}

/// Offers a `Blob` (e.g. a file the I/O worker wrote) for download as `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("window がありません")?;
    let document = window.document().ok_or("document がありません")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "a 要素を作れません")?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_class_name("hidden");
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A record form just opened: back to the top, and the cursor in its first field (`selector`)
/// — except on a touch screen, where it would raise the soft keyboard over the form.
pub fn start_form(form: &web_sys::Element, selector: &str) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if touch_screen() {
        return;
    }
    if let Some(first) =
        form.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = first.focus();
    }
}

/// A touch screen (a tablet): no keyboard hints, and no text field takes the focus by itself
/// (that would raise the soft keyboard over the form).
pub fn touch_screen() -> bool {
    web_sys::window().and_then(|w| w.match_media("(pointer: coarse)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Asks the browser to warn before leaving while `has_unsaved` is true.
pub fn guard_unload(has_unsaved: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(move |e: web_sys::BeforeUnloadEvent| {
        if has_unsaved() {
            e.prevent_default();
            e.set_return_value("未保存の入力があります。");
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Runs `f` once the next frame has been painted (requestAnimationFrame, then a task): work
/// that can wait a frame (rows below the screen, a chart's picture) after what must show.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let task = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Focuses the first element matching `selector` once the next frame is drawn (a control
/// drawn anew keeps the keyboard where the nurse was).
pub fn focus_after_render(selector: String) {
    after_next_paint(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}
