//! 変更履歴: one record's saves, newest first — 日時, 担当者, what the save did and each field
//! old → new — with 「この版に戻す」 for a whole version and 「変更前に戻す」 for one field.
//! Restoring is a new save (it never rewrites the history): see [`restore`].

mod restore;

use crate::domain::history::{entry_rows, record_title, EntryRow, HistoryEntry};
use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use crate::route::{Route, Section};
use crate::storage::Store;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::staff::StaffName;
use leptos::prelude::*;
use restore::{Asked, RestoreDialog};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let ctx = use_app();
    let place = Memo::new(move |_| match ctx.route.get() {
        Route::History { id, section, record } => Some((id, section, record)),
        _ => None,
    });
    move || place.get().map(|(diagnosis, section, record)| view! { <RecordHistory diagnosis section record/> })
}

/// The record as loaded (a 地域診断 itself from the list).
fn current(ctx: AppCtx, diagnosis: &RecordId, record: &RecordId) -> Option<StoredRecord> {
    if record == diagnosis {
        return ctx.diagnoses.with(|d| d.iter().find(|e| &e.record.meta.id == record).map(|e| e.record.clone()));
    }
    ctx.loaded.with(|l| l.get(record).cloned())
}

/// Where 「戻る」 leads: the record's page in its section (the section itself for 概況 and 様式4).
fn back_route(diagnosis: &RecordId, section: Section, record: &RecordId) -> Route {
    let item = match section {
        // 様式2's rows are addressed by their row key: its list.
        Section::Overview | Section::Evaluation | Section::Summary | Section::Programmes => None,
        _ if record == diagnosis => None,
        _ => Some(record.as_str().to_string()),
    };
    Route::Diagnosis { id: diagnosis.clone(), section, item }
}

#[component]
fn RecordHistory(diagnosis: RecordId, section: Section, record: RecordId) -> impl IntoView {
    let ctx = use_app();
    let back = back_route(&diagnosis, section, &record).to_hash();
    let shown = {
        let (diagnosis, record) = (diagnosis.clone(), record.clone());
        Memo::new(move |_| current(ctx, &diagnosis, &record))
    };
    let entries = {
        let record = record.clone();
        LocalResource::new(move || {
            ctx.revision.track();
            let record = record.clone();
            async move {
                match ctx.store() {
                    Ok(store) => store.list_history(&record).await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
        })
    };
    let asked: RwSignal<Option<Asked>> = RwSignal::new(None);
    let title = move || shown.with(|r| r.as_ref().map(|r| record_title(r, ctx.hide_names.get())));
    view! {
        <section class="history-page" data-testid="history-page">
            <p class="breadcrumb no-print"><a href=back>"← 記録の画面に戻る"</a></p>
            <h1>"変更履歴"</h1>
            <p class="lead" data-testid="history-record">{move || title().unwrap_or_else(|| "（この記録は見つかりません）".to_string())}</p>
            <p class="hint">
                "保存のたびに、日時・担当者・変えた項目（変更前 → 変更後）を記録しています。"
                "「この版に戻す」「変更前に戻す」は新しい保存として記録され、履歴は書き換えません。"
                "記録ごとに新しい順に"{crate::domain::history::KEEP_PER_RECORD}"件まで残します。"
            </p>
            <StaffName/>
            {move || match entries.get() {
                None => view! { <p role="status">"読み込んでいます…"</p> }.into_any(),
                Some(Err(message)) => view! { <p class="notice error" role="alert">{message}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! {
                    <p data-testid="history-empty">"この記録の変更履歴はまだありません（この機能を入れる前の保存は記録されていません）。"</p>
                }.into_any(),
                Some(Ok(list)) => view! { <EntryList list asked/> }.into_any(),
            }}
            {move || asked.get().map(|a| view! { <RestoreDialog asked=a record=shown close=Callback::new(move |()| asked.set(None))/> })}
        </section>
    }
}

/// The saves, newest first.
#[component]
fn EntryList(list: Vec<HistoryEntry>, asked: RwSignal<Option<Asked>>) -> impl IntoView {
    let ctx = use_app();
    let list = StoredValue::new(list);
    let rows = Memo::new(move |_| list.with_value(|l| entry_rows(l, ctx.hide_names.get())));
    view! {
        <ol class="history-list" data-testid="history-list">
            {move || rows.get().into_iter().map(|row| view! { <EntryItem row list asked/> }).collect_view()}
        </ol>
    }
}

#[component]
fn EntryItem(row: EntryRow, list: StoredValue<Vec<HistoryEntry>>, asked: RwSignal<Option<Asked>>) -> impl IntoView {
    let entry_id = StoredValue::new(row.id.clone());
    let version_button = if row.current {
        view! { <span class="badge" data-testid="history-current">"現在の版"</span> }.into_any()
    } else {
        let when = format!("（{}）", row.when);
        view! {
            <button type="button" class="secondary" data-testid="history-restore-version"
                on:click=move |_| asked.set(Some(Asked::version(entry_id.get_value(), list.get_value())))>
                "この版に戻す"<span class="visually-hidden">{when}</span>
            </button>
        }
        .into_any()
    };
    let has_fields = !row.fields.is_empty();
    let fields = row.fields.clone();
    view! {
        <li class="history-entry" data-testid="history-entry">
            <div class="history-head">
                <span class="history-when">{row.when.clone()}</span>
                <span class="history-what" data-testid="history-what">{row.what.clone()}</span>
                <span class="history-by">{format!("担当者: {}", row.by)}</span>
                {version_button}
            </div>
            {has_fields.then(|| view! {
                <table class="history-fields">
                    <thead><tr><th scope="col">"項目"</th><th scope="col">"変更前"</th><th scope="col">"変更後"</th><th scope="col"><span class="visually-hidden">"操作"</span></th></tr></thead>
                    <tbody>
                        {fields.into_iter().map(|f| {
                            let path = f.path.clone();
                            let which = format!("（{}）", f.label);
                            view! {
                                <tr data-testid="history-field">
                                    <th scope="row">{f.label}</th>
                                    <td>{f.old}</td>
                                    <td>{f.new}</td>
                                    <td>
                                        <button type="button" class="secondary" data-testid="history-restore-field"
                                            on:click=move |_| asked.set(Asked::field(entry_id.get_value(), &path, list.get_value()))>
                                            "変更前に戻す"<span class="visually-hidden">{which}</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </li>
    }
}
