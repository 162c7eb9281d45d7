//! 備えている予備電源: one line per item (種類, 購入日, 入手の方法), added and removed freely.

use crate::domain::issues::Issues;
use crate::domain::ventilator::form::{fields, BackupForm, PlanForm};
use crate::domain::ventilator::plan::{BackupKind, PaidBy};
use crate::ui::components::FieldIssues;
use crate::ui::form::FormState;
use leptos::prelude::*;

#[component]
pub fn BackupSection(form: FormState<PlanForm>, issues: Signal<Issues>) -> impl IntoView {
    let count = Memo::new(move |_| form.value.with(|f| f.backup.len()));
    let add = move |_| {
        form.update(|f| {
            f.backup.push(BackupForm {
                kind: BackupKind::Generator.key().into(),
                paid_by: PaidBy::Unknown.key().into(),
                ..BackupForm::default()
            })
        })
    };
    view! {
        <fieldset class="form-group" data-testid="plan-backup">
            <legend>"備えている予備電源"</legend>
            <p class="hint">"自家発電装置・蓄電池・無停電電源装置・充電式吸引器・カーインバーター。購入日と入手の方法（区市町村の補助なら耐用年数の判定に使います）。"</p>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <BackupLine form i/>
            </For>
            <FieldIssues issues field=fields::BACKUP/>
            <button type="button" data-testid="add-backup" on:click=add>"予備電源を追加"</button>
        </fieldset>
    }
}

#[component]
fn BackupLine(form: FormState<PlanForm>, i: usize) -> impl IntoView {
    let get = move |pick: fn(&BackupForm) -> String| {
        Memo::new(move |_| form.value.with(|f| f.backup.get(i).map(pick).unwrap_or_default()))
    };
    let (kind, date, paid) = (get(|b| b.kind.clone()), get(|b| b.purchased_on.clone()), get(|b| b.paid_by.clone()));
    let set = move |apply: fn(&mut BackupForm, String), v: String| {
        form.update(|f| {
            if let Some(b) = f.backup.get_mut(i) {
                apply(b, v);
            }
        })
    };
    let n = i + 1;
    view! {
        <div class="field-row backup-line" data-testid="backup-line">
            <label class="field">
                <span class="label">{format!("予備電源{n} 種類")}</span>
                <select name=format!("backup_kind_{i}") prop:value=move || kind.get()
                    on:change:target=move |ev| set(|b, v| b.kind = v, ev.target().value())>
                    {BackupKind::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="label">{format!("予備電源{n} 購入日")}</span>
                <input type="text" class="w-m" name=format!("backup_date_{i}") autocomplete="off" placeholder="例: 2024-05-01"
                    prop:value=move || date.get() on:input:target=move |ev| set(|b, v| b.purchased_on = v, ev.target().value())/>
            </label>
            <label class="field">
                <span class="label">{format!("予備電源{n} 入手の方法")}</span>
                <select name=format!("backup_paid_{i}") prop:value=move || paid.get()
                    on:change:target=move |ev| set(|b, v| b.paid_by = v, ev.target().value())>
                    {PaidBy::ALL.iter().map(|p| view! { <option value=p.key()>{p.label()}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" class="remove" aria-label=format!("予備電源{n}を削除")
                on:click=move |_| form.update(|f| { if i < f.backup.len() { f.backup.remove(i); } })>"削除"</button>
        </div>
    }
}
