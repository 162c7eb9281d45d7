//! この端末のデータを消去 (issue 17): the last part of データの入出力. The confirmation names
//! every record that will be lost (by kind, ゴミ箱 included), the 変更履歴 and whether a backup
//! covers it, offers the export first, and needs the word 「消去」 typed (see
//! `domain::erase`). The erasing itself is `ui::erase`.

use super::backup::use_backup_status;
use crate::domain::erase::{confirmed, erase_summary, CONFIRM_WORD};
use crate::storage::Store;
use crate::ui::ctx::{use_app, Notice};
use crate::ui::erase::erase_device;
use crate::ui::modal::Modal;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ErasePanel() -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <section class="card io-section" id="io-erase" data-testid="erase-panel">
            <h2>"この端末のデータを消去"</h2>
            <p class="hint">
                "この端末（このブラウザ）から、このアプリの記録・変更履歴・下書き・設定・オフライン用のアプリ本体をすべて消します。"
                "異動や端末の返却・廃棄の前に使います。書き出したファイルは消えません。"
            </p>
            <button type="button" class="danger" data-testid="erase-open" on:click=move |_| asking.set(true)>
                "この端末のデータを消去…"
            </button>
            <Show when=move || asking.get()>
                <EraseDialog close=Callback::new(move |()| asking.set(false))/>
            </Show>
        </section>
    }
}

/// The confirmation.
#[component]
fn EraseDialog(close: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let backup = use_backup_status();
    let history = LocalResource::new(move || async move {
        match ctx.store() {
            Ok(store) => store.count_history().await.unwrap_or(0),
            Err(_) => 0,
        }
    });
    let lines = move || {
        let status = backup.get().flatten().unwrap_or_default();
        erase_summary(&backup.records(), history.get().unwrap_or(0), &status)
    };
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let export_first = move |_| {
        close.run(());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("io-export")) {
            el.scroll_into_view();
        }
    };
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
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <p><button type="button" data-testid="erase-export-first" on:click=export_first>"先に書き出す"</button></p>
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
