//! この端末のデータを消去 (issue 17): the last part of データの入出力. The confirmation names
//! every record that will be lost (by kind, ゴミ箱 included), the 変更履歴 and whether a backup
//! covers it, offers the export first, and needs the word 「消去」 typed (see
//! `domain::erase`). The dialog and the erasing itself are `ui::erase`.

use super::backup::use_backup_status;
use crate::domain::erase::erase_summary;
use crate::storage::Store;
use crate::ui::ctx::use_app;
use leptos::prelude::*;

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

/// The confirmation, with every record counted and the export offered first.
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
    let lines = Signal::derive(move || {
        let status = backup.get().flatten().unwrap_or_default();
        erase_summary(&backup.records(), history.get().unwrap_or(0), &status)
    });
    let export_first = Callback::new(move |()| {
        close.run(());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("io-export")) {
            el.scroll_into_view();
        }
    });
    view! { <crate::ui::erase::EraseDialog close lines export_first/> }
}
