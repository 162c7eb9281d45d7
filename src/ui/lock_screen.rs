//! 端末のロック: the screen shown while this device is locked (nothing of the data: no 地区名,
//! no names, not even the browser tab's title), and the 「ロック」 button of the header.

use super::ctx::use_app;
use super::platform;
use crate::storage::lock::Unlock;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The browser tab's title while locked.
pub const LOCKED_TITLE: &str = "ロック中｜難病の地域診断";

/// The passphrase asked; wrong ones wait longer and longer (`domain::lock::Failures`).
#[component]
pub fn LockScreen() -> impl IntoView {
    let ctx = use_app();
    let passphrase = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(String::new());
        spawn_local(async move {
            let typed = passphrase.get_untracked();
            let now = platform::now();
            let said = match ctx.unlock(&typed).await {
                Ok(Unlock::Unlocked) => String::new(),
                Ok(Unlock::Wrong(f)) => {
                    let wait = f.waiting_message(now).map(|w| format!(" {w}")).unwrap_or_default();
                    format!("パスワードが違います。{wait}")
                }
                Ok(Unlock::Wait(f)) => f.waiting_message(now).unwrap_or_default(),
                Err(e) => e.to_string(),
            };
            // The screen may be gone (unlocked): its signals with it.
            let _ = passphrase.try_set(String::new());
            let _ = message.try_set(said);
            let _ = busy.try_set(false);
        });
    };
    view! {
        <main id="main" class="page lock-screen" data-testid="lock-screen">
            <h1>"この端末はロックされています"</h1>
            <p>"続けるには、この端末（このブラウザ）に設定したパスワードを入力してください。入力中だった内容は、解除すると下書きから戻せます。"</p>
            <form class="lock-form" on:submit=submit>
                <div class="field">
                    <label for="lock-passphrase">"パスワード"</label>
                    <input id="lock-passphrase" name="passphrase" type="password" autocomplete="current-password"
                        data-testid="lock-passphrase" autofocus=true
                        prop:value=move || passphrase.get()
                        on:input:target=move |ev| passphrase.set(ev.target().value())/>
                </div>
                <p class="lock-message" role="alert" data-testid="lock-message">{move || message.get()}</p>
                <div class="buttons">
                    <button type="submit" class="primary" data-testid="lock-unlock" disabled=move || busy.get()>
                        "ロックを解除"
                    </button>
                </div>
            </form>
            {move || ctx.lock_progress.get().map(|(done, total)| view! {
                <p role="status">"暗号化の途中から続けています…"
                    <progress max=total.max(1).to_string() value=done.to_string()>{format!("{done} / {total}")}</progress>
                </p>
            })}
            <ForgottenPassphrase/>
        </main>
    }
}

/// パスワードを忘れたとき: the data cannot be opened by anyone, so the one way on is to erase
/// this device's data and start again (reading back a file exported earlier). The same
/// confirmation as データの入出力's, saying nothing of the sealed data.
#[component]
fn ForgottenPassphrase() -> impl IntoView {
    let asking = RwSignal::new(false);
    let lines = Signal::derive(crate::domain::erase::locked_erase_summary);
    view! {
        <section class="lock-forgotten" aria-labelledby="lock-forgotten-title">
            <h2 id="lock-forgotten-title">"パスワードを忘れたとき"</h2>
            <p class="hint">"この端末のデータは誰にも開けません。この端末のデータを消去すると最初から使え、暗号化して書き出したファイルがあれば「データの入出力」で読み込み直せます。"</p>
            <button type="button" class="danger" data-testid="lock-erase-open" on:click=move |_| asking.set(true)>
                "この端末のデータを消去…"
            </button>
            <Show when=move || asking.get()>
                <super::erase::EraseDialog close=Callback::new(move |()| asking.set(false)) lines/>
            </Show>
        </section>
    }
}

/// 「ロック」: shown while the lock is set and this tab is unlocked.
#[component]
pub fn LockButton() -> impl IntoView {
    let ctx = use_app();
    view! {
        <Show when=move || ctx.can_lock()>
            <button type="button" class="lock-button" data-testid="lock-now" title="この端末をロックします"
                on:click=move |_| ctx.lock_now()>"ロック"</button>
        </Show>
    }
}

/// The offer of 端末のロック on first use (地域診断の一覧): set a passphrase now, or 「今はしない」
/// (not asked again; the setting stays in データの入出力).
#[component]
pub fn LockOffer() -> impl IntoView {
    use super::platform::keys;
    let ctx = use_app();
    let dismissed = RwSignal::new(platform::setting::<bool>(keys::LOCK_OFFER_DISMISSED).unwrap_or(false));
    let asking = RwSignal::new(false);
    let shown = move || ctx.lists_read.get() && !ctx.lock_on.get() && !dismissed.get();
    let close = Callback::new(move |()| asking.set(false));
    view! {
        <Show when=shown>
            <section class="card lock-offer" aria-labelledby="lock-offer-title" data-testid="lock-offer">
                <h2 id="lock-offer-title">"この端末にパスワードを設定しますか"</h2>
                <p>"共用のパソコンや持ち出すタブレットでは、パスワードを設定すると記録をこの端末の中で暗号化し、しばらく操作しないと自動でロックします（あとから「データの入出力」でも設定できます）。"</p>
                <p class="lock-warning">{crate::domain::lock::FORGOTTEN_WARNING}</p>
                <div class="buttons">
                    <button type="button" class="primary" data-testid="lock-offer-set" on:click=move |_| asking.set(true)>
                        "パスワードを設定する…"
                    </button>
                    <button type="button" data-testid="lock-offer-dismiss" on:click=move |_| {
                        platform::set_setting(keys::LOCK_OFFER_DISMISSED, &true);
                        dismissed.set(true);
                    }>"今はしない"</button>
                </div>
                <Show when=move || asking.get()>
                    <super::pages::io::SetDialog close=close/>
                </Show>
            </section>
        </Show>
    }
}
