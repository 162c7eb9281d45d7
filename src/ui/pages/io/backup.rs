//! バックアップの声かけ: 「最終書き出し: …」 in the status area and a reminder banner.
//!
//! The rule is the domain's (`dataio::backup_status`): a record is not backed up when it
//! changed after its 地域診断 was last exported in whole, or its 地域診断 was never exported;
//! the banner shows when more than 50 records are not backed up, or the oldest has waited
//! 7 days. The status is re-read from the database after every save (`ctx.revision`).

use super::load_all;
use crate::domain::bundle::dataio::{backup_status, BackupStatus, ExportLog, EXPORT_LOG_KEY};
use crate::domain::record::StoredRecord;
use crate::route::Route;
use crate::storage::Store;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// Every record on the device and the backup status computed from them, read once after
/// every save and shared by the status area, the banner and the データの入出力 page (its
/// export choices). `None` while the database is opening or could not be read.
#[derive(Clone, Copy)]
pub struct BackupResource(LocalResource<Option<(BackupStatus, Arc<Vec<StoredRecord>>)>>);

impl BackupResource {
    /// The current status (reactive).
    pub fn get(&self) -> Option<Option<BackupStatus>> {
        self.0.get().map(|v| v.map(|(s, _)| s))
    }

    /// Every record on the device as last read (reactive; empty while loading).
    pub fn records(&self) -> Arc<Vec<StoredRecord>> {
        self.0.get().flatten().map(|(_, r)| r).unwrap_or_default()
    }
}

async fn read_status(ctx: AppCtx) -> Option<(BackupStatus, Arc<Vec<StoredRecord>>)> {
    let store = ctx.store().ok()?;
    let log = ExportLog::from_meta(store.get_meta(EXPORT_LOG_KEY).await.ok()?.as_ref());
    let all = load_all(ctx, |_, _| {}).await.ok()?;
    Some((backup_status(&log, &all, platform::now()), Arc::new(all)))
}

/// Creates the status and provides it to the whole app (call once in the app root).
pub fn provide_backup_status() {
    let ctx = use_app();
    let resource = LocalResource::new(move || {
        ctx.revision.track();
        read_status(ctx)
    });
    provide_context(BackupResource(resource));
}

/// The provided status (or a fresh one when the root did not provide it).
pub(super) fn use_backup_status() -> BackupResource {
    use_context::<BackupResource>().unwrap_or_else(|| {
        provide_backup_status();
        expect_context::<BackupResource>()
    })
}

/// 「最終書き出し: …」 for the status area.
#[component]
pub fn LastExportStatus() -> impl IntoView {
    let status = use_backup_status();
    move || {
        status.get().flatten().map(|s| {
            view! {
                <a class="status-item status-link" class:warn=s.remind href="#/io" data-testid="last-export">
                    {s.status_text()}
                </a>
            }
        })
    }
}

/// The reminder banner (not on the データの入出力 page itself, which shows the status).
#[component]
pub fn BackupBanner() -> impl IntoView {
    let ctx = use_app();
    let status = use_backup_status();
    move || {
        if ctx.route.with(|r| *r == Route::DataIo) {
            return None;
        }
        let text = status.get().flatten().and_then(|s| s.reminder_text())?;
        Some(view! {
            <div class="banner warn no-print" role="status" data-testid="backup-banner">
                <span>{text}</span>
                <a class="button" href="#/io">"データの入出力へ"</a>
            </div>
        })
    }
}
