//! データの入出力: export (whole 地域診断, several, or chosen 療養者; plain, encrypted or
//! anonymised), import (checked completely, a plan to review, conflicts chosen field by
//! field, written in one transaction), CSV for Excel, and the backup reminder.
//!
//! Nurses have no server: the bundle file is how they share their work and their only
//! backup. Every decision is made in `domain::bundle` (see its FORMAT.md and `dataio`); this
//! module reads files, calls WebCrypto, shows progress and writes through `ctx.save`.

mod backup;
mod csv;
mod erase;
mod export;
mod export_choices;
mod import;
mod import_review;
mod import_sheet;
mod import_state;
mod lock;
mod lock_dialogs;

pub use backup::{provide_backup_status, BackupBanner, LastExportStatus};
pub use csv::download_csv;
pub use import_state::provide_import;
pub use lock_dialogs::SetDialog;

use crate::domain::bundle::dataio::{REMIND_AFTER_CHANGES, REMIND_AFTER_DAYS};
use crate::domain::record::StoredRecord;
use crate::storage::StorageError;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::section_links::SectionLinks;
use leptos::prelude::*;

/// The page.
#[component]
pub fn IoPage() -> impl IntoView {
    let backup = backup::use_backup_status();
    view! {
        <section class="io-page with-section-links">
            <h1>"データの入出力"</h1>
            <p class="lead">
                "データはこの端末（このブラウザ）の中にだけ保存されています。同僚や都道府県との共有と、故障・誤操作に備えたバックアップには、ここでファイルに書き出してください。"
            </p>
            <p class="io-backup-line" data-testid="io-last-export">
                {move || backup.get().flatten().map(|s| s.status_text()).unwrap_or_default()}
            </p>
            <p class="hint">
                {format!(
                    "地域診断を丸ごと書き出すとバックアップとして記録します。書き出していない記録が{REMIND_AFTER_CHANGES}件を超えるか、書き出していない変更が{REMIND_AFTER_DAYS}日以上たつと、画面の上でお知らせします（匿名化したファイル・療養者を選んだファイルはバックアップになりません）。"
                )}
            </p>
            <SectionLinks
                label="このページの内容"
                links=&[
                    ("io-export", "書き出し"),
                    ("io-import", "読み込み"),
                    ("io-csv", "CSV出力（Excel用）"),
                    ("io-lock", "端末のロック"),
                    ("io-erase", "この端末のデータを消去"),
                ]
            />
            <export::ExportPanel/>
            <import::ImportPanel/>
            <csv::CsvPanel/>
            <lock::LockPanel/>
            <erase::ErasePanel/>
        </section>
    }
}

/// What a long task is doing: shown as a `<progress>` bar with a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// 何をしているか (日本語).
    pub label: String,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn new(label: &str, done: usize, total: usize) -> Progress {
        Progress { label: label.to_string(), done, total: total.max(1) }
    }

    /// Shows the I/O worker's progress reports in `signal`.
    pub fn reporter(signal: RwSignal<Option<Progress>>) -> impl Fn(String, usize, usize) + 'static {
        move |label, done, total| signal.set(Some(Progress::new(&label, done, total)))
    }
}

/// A progress bar (no inline style: the native `<progress>` element), and the button that
/// stops the I/O worker's work (`stop`: its label and test id).
#[component]
pub fn ProgressBar(
    #[prop(into)] progress: Signal<Option<Progress>>,
    stop: (&'static str, &'static str),
) -> impl IntoView {
    let (stop_label, stop_id) = stop;
    move || {
        progress.get().map(|p| {
            view! {
                <div class="io-progress" role="status" aria-live="polite" data-testid="io-progress">
                    <span class="io-progress-label">{p.label.clone()}</span>
                    <progress max=p.total.to_string() value=p.done.to_string()>
                        {format!("{} / {}", p.done, p.total)}
                    </progress>
                </div>
                <div class="buttons">
                    <button type="button" data-testid=stop_id on:click=move |_| crate::ui::io_client::cancel()>
                        {stop_label}
                    </button>
                </div>
            }
        })
    }
}

/// Every record on the device (see [`crate::storage::load_all`]).
pub async fn load_all(ctx: AppCtx, progress: impl Fn(usize, usize)) -> Result<Vec<StoredRecord>, StorageError> {
    crate::storage::load_all(&*ctx.store()?, progress).await
}

/// The app context (re-exported for the panels).
fn app() -> AppCtx {
    use_app()
}
