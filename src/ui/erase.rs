//! この端末のデータを消去: the app's database, its offline copy (caches and service worker)
//! and its settings, removed from this browser. The other tabs are told first and close
//! their connections, so the database is not kept open; every tab then shows nothing of the
//! data. (What is lost is said, and an export offered, by the page that asks:
//! `pages::io::erase`.)

use super::ctx::AppCtx;
use super::platform;
use crate::storage::idb::IdbStore;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `target.name(args…)` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    let promise: Promise = f.apply(target, &args.iter().collect::<Array>())?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Removes every Cache Storage entry of this origin (the offline copy of the app).
async fn delete_caches() -> Result<(), JsValue> {
    let caches = Reflect::get(&js_sys::global(), &JsValue::from_str("caches"))?;
    if caches.is_undefined() {
        return Ok(());
    }
    let names = Array::from(&call(&caches, "keys", &[]).await?);
    for name in names.iter() {
        call(&caches, "delete", &[name]).await?;
    }
    Ok(())
}

/// Unregisters the service worker (the next visit installs it again).
async fn unregister_service_workers() -> Result<(), JsValue> {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else { return Ok(()) };
    let registrations = Array::from(&JsFuture::from(container.get_registrations()).await?);
    for r in registrations.iter() {
        if let Ok(r) = r.dyn_into::<web_sys::ServiceWorkerRegistration>() {
            JsFuture::from(r.unregister()?).await?;
        }
    }
    Ok(())
}

/// Erases the device's data of the app. Every step is tried; the ones that failed are named.
pub async fn erase_device(ctx: AppCtx) -> Result<(), String> {
    ctx.announce_erased();
    let mut failed = Vec::new();
    if let Err(e) = IdbStore::delete_database(platform::DATABASE_NAME).await {
        failed.push(format!("データベース（{e}）"));
    }
    if delete_caches().await.is_err() {
        failed.push("オフライン用のアプリ本体".to_string());
    }
    if unregister_service_workers().await.is_err() {
        failed.push("サービスワーカー".to_string());
    }
    LocalStorage::clear();
    SessionStorage::clear();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "次のものを消去できませんでした: {}。ブラウザの設定の「閲覧履歴データの削除」（Cookie とサイトデータ）で消去してください。",
            failed.join("、")
        ))
    }
}
