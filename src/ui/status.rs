//! The header's status: small badges (保存領域, last export, オフライン) and the 氏名を隠す
//! switch, and the 保存領域 panel that says what a 「一時的」 storage means and what she can do
//! about it. The panel opens by itself once per browser session while storage is not
//! persistent (on the 地域診断の一覧), can be closed until the browser is closed, and opens again
//! from its badge.

use super::ctx::use_app;
use super::platform::{self, format_bytes, keys};
use crate::route::Route;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Whether the 保存領域 panel is open (shared by the badge and the panel).
#[derive(Clone, Copy)]
pub struct StoragePanelOpen(RwSignal<bool>);

/// The session-storage key that remembers the panel was closed (until the browser closes).
const DISMISSED: &str = "nanbyo.storage_panel_closed";

fn dismissed() -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(DISMISSED).ok().flatten())
        .is_some()
}

fn dismiss() {
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(DISMISSED, "1");
    }
}

/// Provides the panel's state (call once, in the app root).
pub fn provide_storage_panel() {
    provide_context(StoragePanelOpen(RwSignal::new(false)));
}

/// 保存領域, last export, network, 氏名・住所を隠す.
#[component]
pub fn StatusArea() -> impl IntoView {
    let ctx = use_app();
    let open = expect_context::<StoragePanelOpen>().0;
    let online = RwSignal::new(platform::online());
    let _on = window_event_listener(ev::online, move |_| online.set(true));
    let _off = window_event_listener(ev::offline, move |_| online.set(false));
    let persisted = move || ctx.storage_info.with(|s| s.persisted);
    view! {
        <div class="status-area" role="status" aria-live="polite">
            <button
                type="button"
                class="status-item badge"
                class:warn=move || persisted() == Some(false)
                aria-expanded=move || open.get().to_string()
                aria-controls="storage-panel"
                data-testid="storage-status"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || match persisted() {
                    Some(true) => "保存領域: 永続",
                    Some(false) => "保存領域: 一時的",
                    None => "保存領域: 確認中",
                }}
            </button>
            <crate::ui::pages::io::LastExportStatus/>
            <Show when=move || !online.get()>
                <span class="status-item badge warn" data-testid="network-status">"オフライン（入力・保存はできます）"</span>
            </Show>
            <label class="status-item toggle">
                <input
                    type="checkbox"
                    prop:checked=move || ctx.hide_names.get()
                    on:change:target=move |ev| {
                        let hide = ev.target().checked();
                        platform::set_setting(keys::HIDE_NAMES, &hide);
                        ctx.hide_names.set(hide);
                    }
                />
                "氏名・住所を隠す"
            </label>
        </div>
    }
}

/// What 保存領域 means, the usage, and what she can do when it is 一時的.
#[component]
pub fn StoragePanel() -> impl IntoView {
    let ctx = use_app();
    let open = expect_context::<StoragePanelOpen>().0;
    let persisted = move || ctx.storage_info.with(|s| s.persisted);
    // Not persistent and not closed in this browser session: it opens by itself once.
    let closed = RwSignal::new(dismissed());
    // It opens by itself on the 地域診断の一覧 only (elsewhere the badge says it, in amber).
    let home = move || ctx.route.with(|r| *r == Route::Home);
    let shown = move || open.get() || (persisted() == Some(false) && !closed.get() && home());
    let asked = RwSignal::new(None::<bool>);
    let ask_again = move |_| {
        spawn_local(async move {
            let info = platform::storage_info(true).await;
            asked.set(Some(info.persisted == Some(true)));
            ctx.storage_info.set(info);
        });
    };
    let close = move |_| {
        dismiss();
        closed.set(true);
        open.set(false);
    };
    // 変更履歴 (issue 17): how many entries the device keeps, and its bound.
    let history = LocalResource::new(move || {
        ctx.revision.track();
        async move {
            match ctx.store() {
                Ok(store) => crate::storage::Store::count_history(&*store).await.ok(),
                Err(_) => None,
            }
        }
    });
    let usage = move || {
        let bytes = ctx.storage_info.with(|s| match (s.usage_bytes, s.quota_bytes) {
            (Some(u), Some(q)) => format!("使用量 {} / 上限 {}", format_bytes(u), format_bytes(q)),
            (Some(u), None) => format!("使用量 {}", format_bytes(u)),
            _ => "使用量はブラウザが示していません".to_string(),
        });
        match history.get().flatten() {
            Some(n) => format!(
                "{bytes}・変更履歴 {n}件（記録ごとに新しい{}件まで残します）",
                crate::domain::history::KEEP_PER_RECORD
            ),
            None => bytes,
        }
    };
    view! {
        <Show when=shown>
            <section id="storage-panel" class="banner storage-panel no-print" class:warn=move || persisted() == Some(false)
                aria-labelledby="storage-panel-title" data-testid="storage-panel">
                <div class="storage-text">
                    <p>
                        <strong id="storage-panel-title">{move || match persisted() {
                            Some(false) => "保存領域が「一時的」です。",
                            Some(true) => "保存領域は「永続」です。",
                            None => "保存領域を確認しています。",
                        }}</strong>
                        {move || if persisted() == Some(false) {
                            "記録はこの端末のブラウザの中にだけあり、端末の空き容量が足りなくなるとブラウザが消すことがあります（ふだんは消えません）。"
                        } else {
                            "記録はこの端末のブラウザの中にだけあり、ブラウザが自動で消すことはありません（閲覧履歴の削除では消えます）。"
                        }}
                        <span class="hint">{usage}</span>
                    </p>
                    <Show when=move || persisted() == Some(false)>
                        <div class="storage-actions">
                            <button type="button" on:click=ask_again>"ブラウザにもう一度「永続」を求める"</button>
                            <a class="button" href=Route::DataIo.to_hash()>"バックアップを書き出す"</a>
                            {move || asked.get().map(|ok| view! {
                                <span role="status">{if ok { "許可されました。" } else { "ブラウザは今回も許可しませんでした。" }}</span>
                            })}
                        </div>
                        <p class="hint">"アプリとしてインストールすると、Chrome・Edge は「永続」を許可します（アドレスバー右端の「インストール」、またはブラウザのメニューの「アプリをインストール」）。書き出したファイルがあれば、記録が消えても元に戻せます。"</p>
                    </Show>
                </div>
                <button type="button" data-testid="storage-panel-close" on:click=close>"閉じる"</button>
            </section>
        </Show>
    }
}
