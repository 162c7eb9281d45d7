//! 「この版に戻す」 and 「変更前に戻す」: what would change, her confirmation, and the save —
//! planned on the record as shown and written only if storage still holds that revision.

use crate::domain::history::{body_after, field_rows, revert_field, Cause, FieldChange, HistoryEntry, RevertPlan};
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::save::read_kind;
use crate::storage::{Expect, StorageError, WriteBatch};
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::modal::Modal;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What she asked to restore.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    /// The entry whose version (or whose change of `field`) to go back to.
    entry: String,
    field: Option<FieldChange>,
    /// The record's entries.
    entries: Vec<HistoryEntry>,
}

impl Asked {
    /// The whole record as it was after `entry`.
    pub fn version(entry: String, entries: Vec<HistoryEntry>) -> Asked {
        Asked { entry, field: None, entries }
    }

    /// One field of `entry` back to its value before that save.
    pub fn field(entry: String, path: &str, entries: Vec<HistoryEntry>) -> Option<Asked> {
        let change = entries.iter().find(|e| e.id == entry)?.changes.iter().find(|c| c.path == path)?.clone();
        Some(Asked { entry, field: Some(change), entries })
    }

    fn plan(&self, current: &serde_json::Value) -> Option<RevertPlan> {
        match &self.field {
            Some(change) => Some(revert_field(current, change)),
            None => body_after(current, &self.entries, &self.entry),
        }
    }

    fn cause(&self) -> Cause {
        Cause::Revert { entry: self.entry.clone(), field: self.field.as_ref().map(|c| c.path.clone()) }
    }

    fn title(&self) -> &'static str {
        if self.field.is_some() {
            "変更前の値に戻す"
        } else {
            "この版に戻す"
        }
    }
}

/// Why nothing can be restored, or `None`.
fn refusal(record: Option<&StoredRecord>, plan: Option<&RevertPlan>) -> Option<&'static str> {
    match (record, plan) {
        (None, _) => Some("この記録は見つかりません（削除されたか、別の地域診断の記録です）。"),
        (Some(r), _) if r.is_deleted() => Some("ゴミ箱にある記録は戻せません。先にゴミ箱から元に戻してください。"),
        (_, None) => Some("この版は履歴にありません。"),
        (_, Some(p)) if p.changes.is_empty() => Some("記録はすでにこの内容です。戻すものはありません。"),
        _ => None,
    }
}

#[component]
pub fn RestoreDialog(asked: Asked, record: Memo<Option<StoredRecord>>, close: Callback<()>) -> impl IntoView {
    let title = asked.title();
    let body = dialog_body(&asked, record, close);
    view! {
        <Modal labelled_by="restore-title" described_by="restore-message" alert=true class="wide"
            testid="restore-dialog" initial_focus="button.cancel" on_close=close>
            <h2 id="restore-title">{title}</h2>
            {body}
        </Modal>
    }
}

/// The changes to confirm, or why there is nothing to restore.
fn dialog_body(asked: &Asked, record: Memo<Option<StoredRecord>>, close: Callback<()>) -> AnyView {
    let ctx = use_app();
    let base = record.get_untracked();
    let plan = base.as_ref().and_then(|b| asked.plan(&b.body.to_value()));
    match refusal(base.as_ref(), plan.as_ref()) {
        Some(message) => view! {
            <p id="restore-message">{message}</p>
            <div class="buttons"><button class="cancel" on:click=move |_| close.run(())>"閉じる"</button></div>
        }
        .into_any(),
        None => {
            let (Some(base), Some(plan)) = (base, plan) else { return view! { <p>"…"</p> }.into_any() };
            let rows = field_rows(base.meta.kind, &plan.changes, ctx.hide_names.get_untracked());
            let cause = asked.cause();
            let confirm = move |_| {
                let (base, body, cause) = (base.clone(), plan.body.clone(), cause.clone());
                close.run(());
                spawn_local(save(ctx, base, body, cause));
            };
            view! {
                <p id="restore-message">"次の項目を書き換えて保存します（新しい保存として履歴に残ります）:"</p>
                <table class="history-fields" data-testid="restore-changes">
                    <thead><tr><th scope="col">"項目"</th><th scope="col">"今の値"</th><th scope="col">"戻したあと"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|f| view! { <tr><th scope="row">{f.label}</th><td>{f.old}</td><td>{f.new}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <div class="buttons">
                    <button class="primary" data-testid="restore-confirm" on:click=confirm>"戻して保存する"</button>
                    <button class="cancel" on:click=move |_| close.run(())>"取り消し"</button>
                </div>
            }
            .into_any()
        }
    }
}

/// Writes `body` as the next revision of `base`, if storage still holds `base`.
async fn save(ctx: AppCtx, base: StoredRecord, body: serde_json::Value, cause: Cause) {
    let body = match read_kind(base.meta.kind)(body) {
        Ok(b) => b,
        Err(e) => {
            return ctx
                .error(format!("この版には今の様式で読めない値があるため、戻せません（何も保存していません）: {e}"))
        }
    };
    let Some(next) = base.with_body(body, platform::now(), &ctx.device_id()) else {
        return ctx.done("記録はすでにこの内容です");
    };
    let mut batch =
        WriteBatch { expect: vec![Expect::unchanged(&base)], history: Some(ctx.stamp(cause)), ..WriteBatch::default() };
    if base.meta.kind == RecordKind::Diagnosis {
        batch.put_diagnoses.push(next);
    } else {
        batch.put_records.push(next);
    }
    if let Err(StorageError::Changed(_)) = ctx.save_checked(batch, "変更履歴から戻して保存しました").await
    {
        ctx.refresh().await;
        ctx.error("戻す間に別の画面（タブ）でこの記録が保存されたため、戻していません。最新の履歴を表示しました。もう一度操作してください。");
    }
}
