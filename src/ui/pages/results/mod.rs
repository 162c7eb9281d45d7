//! 事業実績 (`#/results`): the prefecture's (or a 保健所's) programme results by 年度, like
//! seed 000 — a table programme × 年度, an editor per programme with a chart of each
//! indicator, CSV, A4 print and the built-in example 東京都の実績（令和元〜3年度）. The records
//! live in the 事業実績 container (`domain::results::container_id`); every rule is in
//! `domain::results`.

mod charts;
mod editor;
mod record;
mod table;

pub use record::ContainerRecord;

use crate::domain::bundle::dataio::csv_file_name;
use crate::domain::ids::RecordId;
use crate::domain::progress::ProgressIssue;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::results::table::{results_csv, sorted, table_years};
use crate::domain::results::tokyo::EXAMPLE_LABEL;
use crate::domain::results::{container_id, container_record, example_records, ProgrammeResult};
use crate::storage::{Expect, StorageError, Store, WriteBatch};
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::pages::io::download_csv;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The 事業実績 on this device: live ones (in the catalogue's order) and those in the ゴミ箱;
/// and the 進捗状況評価 (not in the ゴミ箱) by 年度 and order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub live: Vec<(RecordId, ProgrammeResult)>,
    pub records: Vec<StoredRecord>,
    pub trashed: Vec<(StoredRecord, ProgrammeResult)>,
    pub plans: Vec<(StoredRecord, ProgressIssue)>,
}

/// Reads every record of the container.
pub async fn read(ctx: AppCtx) -> Result<Stored, String> {
    let store = ctx.store().map_err(|e| e.to_string())?;
    let records = store.list_records(&container_id()).await.map_err(|e| e.to_string())?;
    let mut out = Stored::default();
    for r in records.iter().filter(|r| r.meta.kind == RecordKind::ProgressPlan && !r.is_deleted()) {
        if let Ok(p) = r.body_as::<ProgressIssue>() {
            out.plans.push((r.clone(), p));
        }
    }
    out.plans.sort_by(|(ra, a), (rb, b)| {
        b.year
            .cmp(&a.year)
            .then(a.order.cmp(&b.order))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| ra.meta.id.cmp(&rb.meta.id))
    });
    for r in records.into_iter().filter(|r| r.meta.kind == RecordKind::ProgrammeResult) {
        let Ok(p) = r.body_as::<ProgrammeResult>() else { continue };
        if r.is_deleted() {
            out.trashed.push((r, p));
        } else {
            out.live.push((r.meta.id.clone(), p));
            out.records.push(r);
        }
    }
    out.live = sorted(out.live);
    Ok(out)
}

/// Makes the container on this device if it is not there yet (once, before the first save).
pub async fn ensure_container(ctx: AppCtx) -> bool {
    let store = match ctx.store() {
        Ok(s) => s,
        Err(e) => {
            ctx.error(e.to_string());
            return false;
        }
    };
    match store.get_diagnosis(&container_id()).await {
        Ok(Some(_)) => return true,
        Ok(None) => {}
        Err(e) => {
            ctx.error(e.to_string());
            return false;
        }
    }
    let container = match container_record(platform::now(), &ctx.device_id()) {
        Ok(c) => c,
        Err(e) => {
            ctx.error(e.to_string());
            return false;
        }
    };
    let batch = WriteBatch {
        expect: vec![Expect::absent(container_id(), RecordKind::Diagnosis)],
        put_diagnoses: vec![container],
        ..WriteBatch::default()
    };
    // Made meanwhile in another tab: it is there, which is all that is needed.
    matches!(ctx.save_checked(batch, "").await, Ok(()) | Err(StorageError::Changed(_)))
}

/// Loads the built-in example (the programmes not loaded yet).
fn load_example(ctx: AppCtx, stored: Stored) {
    spawn_local(async move {
        if !ensure_container(ctx).await {
            return;
        }
        let existing: Vec<RecordId> =
            stored.records.iter().chain(stored.trashed.iter().map(|(r, _)| r)).map(|r| r.meta.id.clone()).collect();
        let records = match example_records(&existing, platform::now(), &ctx.device_id()) {
            Ok(r) => r,
            Err(e) => return ctx.error(e.to_string()),
        };
        if records.is_empty() {
            return ctx.done(format!("{EXAMPLE_LABEL}は読み込み済みです（変更していません）"));
        }
        let count = records.len();
        let expect = records.iter().map(|r| Expect::absent(r.meta.id.clone(), RecordKind::ProgrammeResult)).collect();
        let batch = WriteBatch { put_records: records, expect, ..WriteBatch::default() };
        let _ = ctx.save_checked(batch, &format!("{EXAMPLE_LABEL}を読み込みました（{count}事業）")).await;
    });
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let ctx = use_app();
    let stored = LocalResource::new(move || {
        ctx.revision.track();
        async move { read(ctx).await }
    });
    let data = Memo::new(move |_| {
        stored.with(|s| match s {
            Some(Ok(s)) => Some(Ok(Arc::new(s.clone()))),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        })
    });
    let current =
        Memo::new(move |_| data.with(|d| d.as_ref().and_then(|d| d.as_ref().ok()).cloned()).unwrap_or_default());
    // The programme open in the editor: `Some(None)` a new one.
    let editing = RwSignal::new(None::<Option<RecordId>>);
    let csv = move |_| {
        let s = current.get_untracked();
        let years = table_years(s.live.iter().map(|(_, p)| p));
        let name = csv_file_name("事業実績", "年度別", platform::now());
        if let Err(e) = download_csv(&name, &results_csv(&s.live, &years)) {
            ctx.error(format!("CSVを保存できませんでした: {e}"));
        }
    };
    view! {
        <section class="results-page" data-testid="results">
            <h1 class="no-print">"事業実績"</h1>
            <p class="lead no-print">
                "在宅難病患者支援事業の実績を年度ごとに記録します（都道府県・保健所の複数年度のデータで、地域診断には含まれません）。数値は、空白が不明、0がなしです。"
            </p>
            <div class="buttons no-print">
                <button type="button" data-testid="results-example"
                    on:click=move |_| load_example(ctx, (*current.get_untracked()).clone())>
                    {format!("{EXAMPLE_LABEL}を例として読み込む")}
                </button>
                <button type="button" class="primary" data-testid="results-add" on:click=move |_| editing.set(Some(None))>"事業を追加"</button>
                <button type="button" data-testid="results-csv" on:click=csv>"CSVで保存"</button>
                <button type="button" data-testid="results-print" on:click=move |_| platform::print()>"印刷"</button>
            </div>
            {move || match data.get() {
                None => view! { <p class="hint" role="status">"読み込んでいます…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            {move || editing.get().map(|id| view! { <editor::ProgrammeEditor id stored=current editing/> })}
            <table::ResultsTable stored=current editing/>
            <table::TrashedResults stored=current/>
        </section>
    }
}
