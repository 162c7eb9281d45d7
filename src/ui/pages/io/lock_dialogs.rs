//! The dialogs of 端末のロック: set the passphrase (the warning first), change it, turn the
//! lock off. Each shows the progress of sealing or opening the stored rows.

use crate::domain::lock::{check_new_passphrase, FORGOTTEN_WARNING, MIN_PASSPHRASE_CHARS};
use crate::storage::lock::change_passphrase;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::modal::Modal;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A password field.
#[component]
fn Secret(id: &'static str, label: &'static str, value: RwSignal<String>, autocomplete: &'static str) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete data-testid=id
                prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())/>
        </div>
    }
}

/// Sealing or opening: how far.
#[component]
fn LockProgress() -> impl IntoView {
    let ctx = use_app();
    move || {
        ctx.lock_progress.get().map(|(done, total)| {
            view! {
                <p role="status" data-testid="lock-progress">
                    {format!("暗号化を切り替えています（{done} / {total}件）")}
                    <progress max=total.max(1).to_string() value=done.to_string()>{format!("{done} / {total}")}</progress>
                </p>
            }
        })
    }
}

/// The buttons of a dialog: the action (disabled while busy) and 取り消し.
#[component]
fn DialogButtons(
    label: &'static str,
    testid: &'static str,
    busy: RwSignal<bool>,
    close: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="buttons">
            <button type="submit" class="primary" data-testid=testid disabled=move || busy.get()>{label}</button>
            <button type="button" class="cancel" disabled=move || busy.get() on:click=move |_| close.run(())>"取り消し"</button>
        </div>
    }
}

/// Runs `job` once (not while busy), showing its message in the dialog and closing on success.
fn run(
    ctx: AppCtx,
    busy: RwSignal<bool>,
    message: RwSignal<String>,
    close: Callback<()>,
    done: &'static str,
    job: impl std::future::Future<Output = Result<(), String>> + 'static,
) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    spawn_local(async move {
        match job.await {
            Ok(()) => {
                close.run(());
                ctx.done(done);
            }
            Err(e) => {
                let _ = message.try_set(e);
                let _ = busy.try_set(false);
            }
        }
    });
}

#[component]
pub fn SetDialog(close: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let (first, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (busy, message) = (RwSignal::new(false), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (first.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &a) {
            message.set(e.to_string());
            return;
        }
        run(
            ctx,
            busy,
            message,
            close,
            "パスワードを設定し、この端末のデータを暗号化しました。",
            async move { ctx.set_lock(&p).await.map_err(|e| e.to_string()) },
        );
    };
    view! {
        <Modal labelled_by="lock-set-title" described_by="lock-set-warning" class="wide" testid="lock-set-dialog" on_close=close>
            <h2 id="lock-set-title">"この端末にパスワードを設定"</h2>
            <p id="lock-set-warning" class="lock-warning">{FORGOTTEN_WARNING}</p>
            <form on:submit=submit>
                <Secret id="lock-new" label="新しいパスワード" value=first autocomplete="new-password"/>
                <p class="hint">{format!("{MIN_PASSPHRASE_CHARS}文字以上。ほかで使っていない、覚えられる文にしてください。")}</p>
                <Secret id="lock-again" label="もう一度（確認）" value=again autocomplete="new-password"/>
                <p class="lock-message" role="alert" data-testid="lock-set-message">{move || message.get()}</p>
                <LockProgress/>
                <DialogButtons label="設定して暗号化する" testid="lock-set-confirm" busy=busy close=close/>
            </form>
        </Modal>
    }
}

#[component]
pub fn ChangeDialog(close: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let (old, first, again) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (busy, message) = (RwSignal::new(false), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, p, a) = (old.get_untracked(), first.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &a) {
            message.set(e.to_string());
            return;
        }
        run(ctx, busy, message, close, "パスワードを変更しました。", async move {
            let store = ctx.store().map_err(|e| e.to_string())?;
            match change_passphrase(&store, &o, &p, platform::now()).await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(format!("いまのパスワード: {e}")),
                Err(e) => Err(e.to_string()),
            }
        });
    };
    view! {
        <Modal labelled_by="lock-change-title" class="wide" testid="lock-change-dialog" on_close=close>
            <h2 id="lock-change-title">"パスワードを変更"</h2>
            <form on:submit=submit>
                <Secret id="lock-old" label="いまのパスワード" value=old autocomplete="current-password"/>
                <Secret id="lock-new" label="新しいパスワード" value=first autocomplete="new-password"/>
                <Secret id="lock-again" label="もう一度（確認）" value=again autocomplete="new-password"/>
                <p class="lock-message" role="alert" data-testid="lock-change-message">{move || message.get()}</p>
                <DialogButtons label="変更する" testid="lock-change-confirm" busy=busy close=close/>
            </form>
        </Modal>
    }
}

#[component]
pub fn OffDialog(close: Callback<()>) -> impl IntoView {
    let ctx = use_app();
    let passphrase = RwSignal::new(String::new());
    let (busy, message) = (RwSignal::new(false), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = passphrase.get_untracked();
        run(
            ctx,
            busy,
            message,
            close,
            "パスワードをやめ、この端末のデータの暗号化を解きました。",
            async move {
                match ctx.remove_lock(&p).await {
                    Ok(true) => Ok(()),
                    Ok(false) => Err("パスワードが違います。".to_string()),
                    Err(e) => Err(e.to_string()),
                }
            },
        );
    };
    view! {
        <Modal labelled_by="lock-off-title" described_by="lock-off-message" class="wide" testid="lock-off-dialog" on_close=close>
            <h2 id="lock-off-title">"パスワードをやめる"</h2>
            <p id="lock-off-message">"この端末のデータの暗号化を解き、自動のロックもしなくなります。共用の端末ではおすすめしません。"</p>
            <form on:submit=submit>
                <Secret id="lock-current" label="いまのパスワード" value=passphrase autocomplete="current-password"/>
                <p class="lock-message" role="alert" data-testid="lock-off-message">{move || message.get()}</p>
                <LockProgress/>
                <DialogButtons label="暗号化を解く" testid="lock-off-confirm" busy=busy close=close/>
            </form>
        </Modal>
    }
}
