//! 読み込み: choose a file (or drop it), have it checked completely, review the plan, choose
//! per conflicting field, and write everything in one transaction — or nothing.
//!
//! The file never enters the page's thread: the I/O worker (`ui::io_client`, `src/worker/`)
//! reads it, checks it, plans it against every record on the device and keeps it while the
//! nurse reviews the [`ImportReview`] it sends; confirming sends her choices, and the worker
//! writes in one transaction. The page stays responsive throughout, shows the worker's
//! progress, and can cancel (the worker is stopped; nothing is written).

use super::import_state::{use_import, Import, State};
use super::ProgressBar;
use crate::domain::io_protocol::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let import = use_import();
    let state = import.state;
    let dragging = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|f| f.get(0));
        // So that choosing the same file again reads it again.
        input.set_value("");
        if let Some(file) = file {
            import.open(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            import.open(file);
        }
    };

    view! {
        <section class="card io-section" id="io-import" data-testid="import-panel">
            <h2>"読み込み（取り込み）"</h2>
            <p class="hint">
                "書き出したファイル（.nanbyo.json）と、Excel のブック（.xlsx）や CSV の様式1・様式3 を読み込みます。ファイルはすべて確かめてから、取り込む内容を表示します。確定するまでこの端末のデータは変わりません。取り込みで記録が削除されることはありません。"
            </p>
            <div
                class="io-drop"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="io-file">
                    <span class="label">"ファイルを選ぶ"</span>
                    <input
                        type="file"
                        name="import-file"
                        accept=".json,application/json,.xlsx,.xlsm,.xls,.csv,text/csv"
                        prop:disabled=move || matches!(state.get(), State::Busy)
                        on:change=on_file
                    />
                </label>
                <span class="hint">"またはここにファイルをドラッグ＆ドロップ"</span>
            </div>
            <ProgressBar progress=import.progress stop=("取り消し（読み込みを止める）", "import-stop")/>
            {move || match state.get() {
                State::Idle | State::Busy => ().into_any(),
                State::Password { file_name, error } => view! { <PasswordForm file_name error import/> }.into_any(),
                State::Refused { heading, lines } => view! {
                    <div class="io-refused" role="alert" data-testid="import-refused">
                        <p class="io-refused-heading">{heading}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <button type="button" on:click=move |_| import.close()>"閉じる"</button>
                    </div>
                }
                .into_any(),
                State::Sheet => view! { <super::import_sheet::SheetPreviewView import/> }.into_any(),
                State::Review => view! { <super::import_review::ReviewView import/> }.into_any(),
                State::Done(message) => view! {
                    <div class="io-done" role="status" data-testid="import-done">
                        <p>{message}</p>
                        {import.done_links.get_untracked().into_iter().map(|(href, label)| view! {
                            <div class="io-done-link"><a href=href data-testid="import-open-target">{label}</a></div>
                        }).collect_view()}
                        <button type="button" on:click=move |_| import.close()>"閉じる"</button>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn PasswordForm(file_name: String, error: Option<String>, import: Import) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let name = file_name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let secret = password.get_untracked();
        if secret.is_empty() {
            return;
        }
        import.ask(Request::ImportDecrypt { password: secret, view: import.view() }, None, name.clone());
    };
    view! {
        <form class="io-password" on:submit=submit data-testid="import-password-form"
            on:keydown=move |ev| if ev.key() == "Escape" { import.close() }>
            <p>{format!("「{file_name}」はパスワードで暗号化されています。書き出したときのパスワードを入力してください。")}</p>
            <label class="field">
                <span class="label">"パスワード"</span>
                <input
                    type="password"
                    name="import-password"
                    autocomplete="off"
                    autofocus
                    prop:value=move || password.get()
                    on:input:target=move |ev| password.set(ev.target().value())
                />
                {error.map(|e| view! { <span class="field-error" role="alert" data-testid="password-error">{e}</span> })}
            </label>
            <div class="buttons">
                <button type="submit" class="primary" data-testid="decrypt-button">"開く"</button>
                <button type="button" on:click=move |_| import.close()>"取り消し"</button>
            </div>
        </form>
    }
}
