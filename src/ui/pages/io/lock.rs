//! 端末のロック in データの入出力: set the passphrase (after the warning that a forgotten one
//! means the data on this device is gone), the idle time, locking when the tab is hidden,
//! changing the passphrase and turning the lock off. The dialogs are in `lock_dialogs`.

use super::lock_dialogs::{ChangeDialog, OffDialog, SetDialog};
use crate::domain::lock::{idle_minutes, FORGOTTEN_WARNING, IDLE_CHOICES};
use crate::ui::ctx::use_app;
use crate::ui::platform::{self, keys};
use leptos::prelude::*;

/// Which dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asking {
    None,
    Set,
    Change,
    Off,
}

#[component]
pub fn LockPanel() -> impl IntoView {
    let ctx = use_app();
    let asking = RwSignal::new(Asking::None);
    let close = Callback::new(move |()| asking.set(Asking::None));
    view! {
        <section class="card io-section" id="io-lock" data-testid="lock-panel">
            <h2>"端末のロック（パスワード）"</h2>
            <p class="hint">
                "共用の端末や持ち出すタブレットでは、この端末（このブラウザ）にパスワードを設定すると、保存した記録・下書き・変更履歴を暗号化し、しばらく操作しないと自動でロックします。"
            </p>
            {move || if ctx.lock_on.get() {
                view! { <LockSettings asking=asking/> }.into_any()
            } else {
                view! {
                    <p class="lock-warning" data-testid="lock-warning">{FORGOTTEN_WARNING}</p>
                    <button type="button" class="primary" data-testid="lock-set-open" on:click=move |_| asking.set(Asking::Set)>
                        "パスワードを設定する…"
                    </button>
                }
                .into_any()
            }}
            {move || match asking.get() {
                Asking::None => ().into_any(),
                Asking::Set => view! { <SetDialog close=close/> }.into_any(),
                Asking::Change => view! { <ChangeDialog close=close/> }.into_any(),
                Asking::Off => view! { <OffDialog close=close/> }.into_any(),
            }}
        </section>
    }
}

/// The settings while the lock is on.
#[component]
fn LockSettings(asking: RwSignal<Asking>) -> impl IntoView {
    let minutes = RwSignal::new(idle_minutes(platform::setting::<u32>(keys::LOCK_IDLE_MINUTES)));
    let hidden = RwSignal::new(platform::setting::<bool>(keys::LOCK_WHEN_HIDDEN).unwrap_or(false));
    view! {
        <p data-testid="lock-status">"この端末にはパスワードが設定されています。データは暗号化して保存しています。"</p>
        <div class="field">
            <label for="lock-idle">"操作しないときに自動でロックするまで"</label>
            <select id="lock-idle" data-testid="lock-idle"
                on:change:target=move |ev| {
                    let m = idle_minutes(ev.target().value().parse().ok());
                    platform::set_setting(keys::LOCK_IDLE_MINUTES, &m);
                    minutes.set(m);
                }>
                {IDLE_CHOICES.iter().copied().collect::<std::collections::BTreeSet<u32>>().into_iter().map(|m| view! {
                    <option value=m.to_string() prop:selected=move || minutes.get() == m>{format!("{m}分")}</option>
                }).collect_view()}
            </select>
        </div>
        <label class="io-check">
            <input type="checkbox" name="lock-when-hidden" data-testid="lock-when-hidden"
                prop:checked=move || hidden.get()
                on:change:target=move |ev| {
                    platform::set_setting(keys::LOCK_WHEN_HIDDEN, &ev.target().checked());
                    hidden.set(ev.target().checked());
                }/>
            "ほかのタブやアプリに切り替えたら（この画面が隠れたら）すぐにロックする"
        </label>
        <p class="lock-warning">{FORGOTTEN_WARNING}</p>
        <div class="buttons">
            <button type="button" data-testid="lock-change-open" on:click=move |_| asking.set(Asking::Change)>
                "パスワードを変更…"
            </button>
            <button type="button" class="danger" data-testid="lock-off-open" on:click=move |_| asking.set(Asking::Off)>
                "パスワードをやめる（暗号化を解く）…"
            </button>
        </div>
    }
}
