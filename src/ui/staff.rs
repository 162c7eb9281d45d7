//! 担当者名: the staff name of this device, kept with each save in the 変更履歴 (like the
//! 判断者 of the 判断樹, whose last value it starts from).

use super::ctx::use_app;
use super::platform::{self, keys};
use leptos::prelude::*;

/// The field that sets it (saved on this device when it changes).
#[component]
pub fn StaffName() -> impl IntoView {
    let ctx = use_app();
    let save = move |value: String| {
        let value = value.trim().chars().take(50).collect::<String>();
        platform::set_setting(keys::STAFF_NAME, &value);
        ctx.staff.set(value);
    };
    view! {
        <div class="field staff-name">
            <label for="staff-name">"担当者名（この端末）"</label>
            <input id="staff-name" name="staff_name" type="text" maxlength="50" autocomplete="name"
                aria-describedby="staff-name-hint" data-testid="staff-name"
                prop:value=move || ctx.staff.get()
                on:change:target=move |ev| save(ev.target().value())/>
            <p id="staff-name-hint" class="hint">"保存のたびに変更履歴に残る名前です。共用の端末では、使う人が替わったら書き換えてください。"</p>
        </div>
    }
}
