//! ゴミ箱 of a list page: the deleted records of one kind, each with 「元に戻す」 — one widget
//! for every list (様式1, 様式3, 事業, 災害時個別支援計画).

use crate::domain::forms::roster::restore_from_trash;
use crate::domain::record::StoredRecord;
use crate::storage::WriteBatch;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One deleted record as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashItem {
    pub record: StoredRecord,
    /// What the line shows (「ID番号 A-1　山田」, 「Ａステーション」).
    pub shown: String,
    /// The line's `data-id` / `data-name` (ID番号 or name), where tests find it.
    pub key: String,
}

/// 元に戻す: the latest revision this tab holds is taken out of the ゴミ箱, written only if the
/// store still holds it (nothing saved meanwhile elsewhere is undone).
pub fn restore_latest(ctx: AppCtx, record: &StoredRecord, done: String) {
    let latest = ctx.loaded.with_untracked(|l| l.get(&record.meta.id).cloned()).unwrap_or_else(|| record.clone());
    let Some(restored) = restore_from_trash(&latest, platform::now(), &ctx.device_id()) else { return };
    spawn_local(async move {
        let batch = WriteBatch { put_records: vec![restored], ..WriteBatch::default() };
        let _ = ctx.save_as_loaded(batch, &done).await;
    });
}

/// The ゴミ箱 section (absent while empty): 「ゴミ箱（削除した{what} {n}{unit}）」.
#[component]
pub fn TrashList(
    /// 療養者, ステーション, 事業, 計画.
    what: &'static str,
    /// 人, ヵ所, 件.
    unit: &'static str,
    #[prop(into)] items: Signal<Vec<TrashItem>>,
) -> impl IntoView {
    let ctx = use_app();
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            view! {
                <section class="card trash" data-testid="trash">
                    <h2>{format!("ゴミ箱（削除した{what} {}{unit}）", items.len())}</h2>
                    <ul class="plain">
                        {items.into_iter().map(|item| {
                            let when = item.record.meta.deleted_at.map(|t| t.display_jst()).unwrap_or_default();
                            let done = format!("「{}」を元に戻しました", item.shown);
                            let record = StoredValue::new(item.record);
                            view! {
                                <li data-id=item.key.clone() data-name=item.key>
                                    <span>{item.shown}</span>
                                    <span class="hint">{format!("削除: {when}")}</span>
                                    <button type="button" on:click=move |_| record.with_value(|r| restore_latest(ctx, r, done.clone()))>
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
