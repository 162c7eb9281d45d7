//! ゴミ箱 of the 地域診断の一覧: 削除 moves a 地域診断 here (its records stay as they are);
//! each can be restored (元に戻す) or removed for good (完全に削除), and ゴミ箱を空にする
//! removes them all — both after a confirmation naming what is lost. The rules:
//! [`crate::domain::diagnosis::trash`]. Every change is planned on the list as this tab read it
//! ([`AppCtx::save_as_loaded`]), so a change another tab made meanwhile is never reverted.

use crate::domain::bundle::dataio::KindCounts;
use crate::domain::diagnosis::trash::{move_to_trash, purge_warning, restore_from_trash, restore_problem};
use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::record::StoredRecord;
use crate::route::Route;
use crate::storage::{Store, WriteBatch};
use crate::ui::components::ConfirmDialog;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Writes `changed` (地域診断 moved into or out of the ゴミ箱) onto the revisions listed here.
async fn write_listed(ctx: AppCtx, changed: Vec<StoredRecord>, done: &str) -> bool {
    let batch = WriteBatch { put_diagnoses: changed, ..WriteBatch::default() };
    ctx.save_as_loaded(batch, done).await.is_ok()
}

/// Forgets the 地域診断 that was open last when it is `id` (it is no longer on the list).
fn forget_last(ids: &[&crate::domain::ids::RecordId]) {
    let last = platform::setting::<String>(platform::keys::LAST_DIAGNOSIS);
    if ids.iter().any(|id| last.as_deref() == Some(id.as_str())) {
        platform::remove_setting(platform::keys::LAST_DIAGNOSIS);
    }
}

/// 削除 confirmed: moves the 地域診断 to the ゴミ箱 (its records stay as they are).
fn trash(ctx: AppCtx, entry: DiagnosisEntry, deleting: RwSignal<Option<DiagnosisEntry>>) {
    let id = entry.record.meta.id.clone();
    let latest = ctx.listed_entry(&id).map_or(entry.record, |e| e.record);
    let Some(trashed) = move_to_trash(&latest, platform::now(), &ctx.device_id()) else {
        deleting.set(None);
        return;
    };
    let message =
        format!("「{}」をゴミ箱に移しました（一覧の下の「ゴミ箱」から元に戻せます）", entry.diagnosis.title());
    spawn_local(async move {
        if write_listed(ctx, vec![trashed], &message).await {
            deleting.set(None);
            forget_last(&[&id]);
            if ctx.route.get_untracked().diagnosis() == Some(&id) {
                ctx.go(Route::Home);
            }
        }
    });
}

/// The confirmation of 削除 (that it goes to the ゴミ箱, with its records).
#[component]
pub(super) fn TrashConfirm(deleting: RwSignal<Option<DiagnosisEntry>>) -> impl IntoView {
    let ctx = use_app();
    move || {
        deleting.get().map(|entry| {
            let message = format!(
                "「{}」を削除して、ゴミ箱に移します。療養者・ステーション・事業・評価・アセスメントの記録もそのまま一緒に移り、一覧の下の「ゴミ箱」から元に戻せます。",
                entry.diagnosis.title()
            );
            view! {
                <ConfirmDialog
                    title="地域診断の削除".to_string()
                    message
                    confirm_label="ゴミ箱に移す"
                    danger=true
                    on_confirm=Callback::new(move |_| trash(ctx, entry.clone(), deleting))
                    on_cancel=Callback::new(move |_| deleting.set(None))
                />
            }
        })
    }
}

/// 元に戻す: takes `entries` out of the ゴミ箱, unless one's 地区名 and 年度 is on the list
/// again; `then` runs once they are back.
pub fn restore(ctx: AppCtx, entries: Vec<DiagnosisEntry>, then: impl FnOnce() + 'static) {
    let problem = ctx.diagnoses.with_untracked(|listed| entries.iter().find_map(|e| restore_problem(listed, e)));
    if let Some(problem) = problem {
        ctx.error(problem);
        return;
    }
    let (now, device) = (platform::now(), ctx.device_id());
    let back: Vec<StoredRecord> = entries
        .iter()
        .filter_map(|e| ctx.listed_entry(&e.record.meta.id))
        .filter_map(|e| restore_from_trash(&e.record, now, &device))
        .collect();
    let message = match entries.as_slice() {
        [one] => format!("「{}」を元に戻しました", one.diagnosis.title()),
        _ => format!("地域診断 {}件を元に戻しました", entries.len()),
    };
    spawn_local(async move {
        if back.is_empty() || write_listed(ctx, back, &message).await {
            then();
        }
    });
}

/// 完全に削除 (or ゴミ箱を空にする) waiting for the confirmation.
#[derive(Clone, Debug, PartialEq)]
struct Purge {
    entries: Vec<DiagnosisEntry>,
    /// What is lost, by name and count.
    message: String,
}

/// Reads what the 地域診断 hold, to name it in the confirmation.
fn ask_purge(ctx: AppCtx, entries: Vec<DiagnosisEntry>, purging: RwSignal<Option<Purge>>) {
    spawn_local(async move {
        let store = match ctx.store() {
            Ok(s) => s,
            Err(e) => return ctx.error(e.to_string()),
        };
        let mut items = Vec::with_capacity(entries.len());
        for e in &entries {
            match store.list_records(&e.record.meta.id).await {
                Ok(records) => items.push((e.diagnosis.title(), KindCounts::of(&records))),
                Err(e) => return ctx.error(format!("ゴミ箱の地域診断を読めませんでした: {e}")),
            }
        }
        purging.set(Some(Purge { message: purge_warning(&items), entries }));
    });
}

/// Removes the 地域診断 for good, with all their records (only as they were listed: one
/// restored meanwhile in another tab is not removed).
fn purge(ctx: AppCtx, pending: Purge, purging: RwSignal<Option<Purge>>) {
    let ids: Vec<_> = pending.entries.iter().map(|e| e.record.meta.id.clone()).collect();
    let message = match pending.entries.as_slice() {
        [one] => format!("「{}」を完全に削除しました", one.diagnosis.title()),
        _ => format!("ゴミ箱の地域診断 {}件を完全に削除しました", ids.len()),
    };
    spawn_local(async move {
        let batch = WriteBatch { purge_diagnoses: ids.clone(), ..WriteBatch::default() };
        let _ = ctx.save_as_loaded(batch, &message).await;
        purging.set(None);
        forget_last(&ids.iter().collect::<Vec<_>>());
    });
}

/// The ゴミ箱 below the list (folded; shown while it holds something).
#[component]
pub(super) fn DiagnosisTrash() -> impl IntoView {
    let ctx = use_app();
    let purging = RwSignal::new(None::<Purge>);
    let count = Memo::new(move |_| ctx.trashed_diagnoses.with(Vec::len));
    view! {
        <Show when=move || count.get() != 0>
            <details class="card diagnosis-trash" data-testid="diagnosis-trash">
                <summary>{move || format!("ゴミ箱（{}件）", count.get())}</summary>
                <p class="hint">
                    "削除した地域診断です。一覧・広域の比較・書き出しには出ません（書き出しは「ゴミ箱の記録も含める」にチェックしたときだけ含めます）。元に戻すと、療養者などの記録もそのまま戻ります。"
                </p>
                <table class="list trashed-diagnoses">
                    <super::DiagnosisHead when="削除した日時"/>
                    <tbody>
                        <For
                            each=move || ctx.trashed_diagnoses.get()
                            key=|e| (e.record.meta.id.clone(), e.record.meta.rev)
                            let:entry
                        >
                            <TrashRow entry purging/>
                        </For>
                    </tbody>
                </table>
                <div class="buttons">
                    <button type="button" class="danger" data-testid="empty-trash"
                        on:click=move |_| ask_purge(ctx, ctx.trashed_diagnoses.get_untracked(), purging)>
                        "ゴミ箱を空にする"
                    </button>
                </div>
            </details>
        </Show>
        {move || purging.get().map(|pending| {
            let message = pending.message.clone();
            let title = if pending.entries.len() == 1 { "地域診断の完全な削除" } else { "ゴミ箱を空にする" };
            view! {
                <ConfirmDialog
                    title=title.to_string()
                    message
                    confirm_label="完全に削除する"
                    danger=true
                    on_confirm=Callback::new(move |_| purge(ctx, pending.clone(), purging))
                    on_cancel=Callback::new(move |_| purging.set(None))
                />
            }
        })}
    }
}

/// One 地域診断 in the ゴミ箱: its name, 年度, when it was deleted, 元に戻す and 完全に削除.
#[component]
fn TrashRow(entry: DiagnosisEntry, purging: RwSignal<Option<Purge>>) -> impl IntoView {
    let ctx = use_app();
    let when = entry.record.meta.deleted_at.map(|t| t.display_jst()).unwrap_or_default();
    let (jurisdiction, year) = (entry.diagnosis.jurisdiction.clone(), entry.diagnosis.fiscal_year.to_string());
    let entry = StoredValue::new(entry);
    view! {
        <tr>
            <th scope="row">{jurisdiction}</th>
            <td>{year}</td>
            <td>{when}</td>
            <td class="actions">
                <button type="button" on:click=move |_| restore(ctx, vec![entry.get_value()], || ())>"元に戻す"</button>
                <button type="button" class="danger" on:click=move |_| ask_purge(ctx, vec![entry.get_value()], purging)>
                    "完全に削除"
                </button>
            </td>
        </tr>
    }
}
