//! ゴミ箱 of 様式1: the deleted patients, each with 「元に戻す」.

use super::Shared;
use crate::domain::forms::roster::{restore_from_trash, shown_name};
use crate::domain::record::StoredRecord;
use crate::storage::WriteBatch;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn restore(ctx: AppCtx, record: &StoredRecord, id_number: &str) {
    // The latest revision, so nothing saved meanwhile is undone.
    let latest = ctx.loaded.with_untracked(|l| l.get(&record.meta.id).cloned()).unwrap_or_else(|| record.clone());
    let Some(restored) = restore_from_trash(&latest, platform::now(), &ctx.device_id()) else { return };
    let message = format!("ID番号「{id_number}」の療養者を元に戻しました");
    spawn_local(async move {
        let batch = WriteBatch { put_records: vec![restored], ..WriteBatch::default() };
        let _ = ctx.save_as_loaded(batch, &message).await;
    });
}

/// ゴミ箱: deleted patients, each with 「元に戻す」.
#[component]
pub fn Trash(list: Memo<Shared>) -> impl IntoView {
    let ctx = use_app();
    let hide = ctx.hide_names;
    move || {
        let l = list.get();
        let hide = hide.get();
        (!l.0.trashed.is_empty()).then(|| {
            view! {
                <section class="card trash" data-testid="trash">
                    <h2>{format!("ゴミ箱（削除した療養者 {}人）", l.0.trashed.len())}</h2>
                    <ul class="plain">
                        {l.0.trashed.iter().map(|(record, patient)| {
                            let when = record.meta.deleted_at.map(|t| t.display_jst()).unwrap_or_default();
                            let id_number = patient.as_ref().map(|p| p.id_number.clone()).unwrap_or_default();
                            let who = match patient {
                                Some(p) => {
                                    let name = shown_name(p, hide);
                                    if name == p.id_number { format!("ID番号 {}", p.id_number) } else { format!("ID番号 {}　{name}", p.id_number) }
                                }
                                None => "読み取れない記録".to_string(),
                            };
                            let record = StoredValue::new(record.clone());
                            let idn = id_number.clone();
                            view! {
                                <li data-id=id_number>
                                    <span>{who}</span>
                                    <span class="hint">{format!("削除: {when}")}</span>
                                    <button type="button" on:click=move |_| record.with_value(|r| restore(ctx, r, &idn))>
                                        "元に戻す"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
