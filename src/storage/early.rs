//! The connection `public/boot.js` opened while the wasm was still downloading and compiling.
//!
//! boot.js reads `<body data-db-name data-db-version>` (equal to [`super::schema`]'s constants,
//! a native test checks), calls `indexedDB.open(name, version)` before it fetches the wasm, and
//! aborts that open if `onupgradeneeded` fires: creating and migrating stay with
//! [`super::idb::IdbStore::open`]. It then offers the connection once through
//! `self.nanbyoTakeDatabase(name, version)`, a promise of the `IDBDatabase` or `null` (none
//! opened, blocked, failed, closed by another tab's upgrade, or another name or version).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::IdbDatabase;

/// The global boot.js defines.
pub const TAKE_HOOK: &str = "nanbyoTakeDatabase";

/// The early connection, if boot.js has one for exactly this database and schema version.
/// Anything else (no boot.js, as in the tests; an older boot.js; an error) gives `None` and
/// the caller opens the database itself.
pub async fn take(name: &str, version: u32) -> Option<IdbDatabase> {
    let hook = Reflect::get(&js_sys::global(), &JsValue::from_str(TAKE_HOOK)).ok()?.dyn_into::<Function>().ok()?;
    let offered = hook.call2(&JsValue::UNDEFINED, &JsValue::from_str(name), &JsValue::from(version)).ok()?;
    let db = JsFuture::from(offered.dyn_into::<Promise>().ok()?).await.ok()?.dyn_into::<IdbDatabase>().ok()?;
    if db.name() == name && db.version() == f64::from(version) {
        Some(db)
    } else {
        db.close();
        None
    }
}

/// The global boot.js defines for the rows it read early.
pub const PRELOADED_HOOK: &str = "nanbyoTakePreloaded";

/// The rows of `store` (`diagnoses`, or `records` of `diagnosis_id`) boot.js read on the early
/// connection, once, if nothing may have changed them since. Asking with another word drops
/// whatever is left (the app is writing).
pub async fn take_rows(store: &str, diagnosis_id: Option<&str>) -> Option<Vec<JsValue>> {
    let hook = Reflect::get(&js_sys::global(), &JsValue::from_str(PRELOADED_HOOK)).ok()?.dyn_into::<Function>().ok()?;
    let id = diagnosis_id.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let offered = hook.call2(&JsValue::UNDEFINED, &JsValue::from_str(store), &id).ok()?;
    let rows = JsFuture::from(offered.dyn_into::<Promise>().ok()?).await.ok()?;
    rows.is_array().then(|| js_sys::Array::from(&rows).iter().collect())
}

/// Drops the rows boot.js read early (before the app's first write).
pub fn drop_rows() {
    if let Ok(hook) = Reflect::get(&js_sys::global(), &JsValue::from_str(PRELOADED_HOOK)) {
        if let Ok(hook) = hook.dyn_into::<Function>() {
            let _ = hook.call1(&JsValue::UNDEFINED, &JsValue::from_str("drop"));
        }
    }
}
