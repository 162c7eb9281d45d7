//! この端末のデータを消去: the app's database, its offline copy (caches and service worker)
//! and its settings, removed from this browser. The other tabs are told first and close
//! their connections, so the database is not kept open; every tab then shows nothing of the
//! data. The confirmation ([`EraseDialog`]) is one for both places that ask: データの入出力
//! (`pages::io::erase`, with the records counted and an export offered) and the lock screen
//! (a forgotten passphrase: nothing of the sealed data is said).

use super::ctx::{AppCtx, Notice};
use super::modal::Modal;
use super::platform;
use crate::domain::erase::{confirmed, CONFIRM_WORD};
use crate::storage::idb::IdbStore;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
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

/// The confirmation: what will be lost (`lines`), 「先に書き出す」 when `export_first` is given,
/// and the word 「消去」 typed before 消去する is enabled.
#[component]
pub fn EraseDialog(
    close: Callback<()>,
    #[prop(into)] lines: Signal<Vec<String>>,
    #[prop(optional)] export_first: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = super::ctx::use_app();
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let erase = move |_| {
        if !confirmed(&typed.get_untracked()) {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = erase_device(ctx).await;
            ctx.notice.set(Some(match result {
                Ok(()) => Notice::Done("この端末のデータを消去しました".to_string()),
                Err(e) => Notice::Error(e),
            }));
        });
    };
    view! {
        <Modal labelled_by="erase-title" described_by="erase-message" alert=true class="wide"
            testid="erase-dialog" initial_focus="button.cancel" on_close=close>
            <h2 id="erase-title">"この端末のデータを消去"</h2>
            <p id="erase-message">"次のものがこの端末から消え、元に戻せません:"</p>
            <ul class="erase-list" data-testid="erase-summary">
                {move || lines.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {export_first.map(|go| view! {
                <p><button type="button" data-testid="erase-export-first" on:click=move |_| go.run(())>"先に書き出す"</button></p>
            })}
            <div class="field">
                <label for="erase-confirm">{format!("消去するには「{CONFIRM_WORD}」と入力してください")}</label>
                <input id="erase-confirm" type="text" autocomplete="off" data-testid="erase-confirm"
                    prop:value=move || typed.get() on:input:target=move |ev| typed.set(ev.target().value())/>
            </div>
            <div class="buttons">
                <button class="danger" data-testid="erase-confirm-button"
                    disabled=move || busy.get() || !confirmed(&typed.get()) on:click=erase>
                    "消去する"
                </button>
                <button class="cancel" on:click=move |_| close.run(())>"取り消し"</button>
            </div>
        </Modal>
    }
}
