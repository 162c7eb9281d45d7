//! The import's state, kept at the app root (an import goes on, and its review waits,
//! while the nurse looks at other pages): what the panel shows, and the requests to the I/O
//! worker that move it on (open a file, its password, the review again, apply, close).

use super::Progress;
use crate::domain::bundle::dataio::refusal_heading;
use crate::domain::bundle::review::{ImportReview, ReviewView};
use crate::domain::bundle::Resolutions;
use crate::domain::io_protocol::{Reply, Request, CANCELLED};
use crate::domain::sheet::fields::TableKind;
use crate::domain::sheet::preview::{SheetChoices, SheetPreview};
use crate::route::{Route, Section};
use crate::ui::ctx::AppCtx;
use crate::ui::{io_client, platform};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum State {
    /// Waiting for a file.
    Idle,
    /// The worker is working (the progress bar shows what).
    Busy,
    /// An encrypted file: asking for its password.
    Password { file_name: String, error: Option<String> },
    /// Refused: nothing was written.
    Refused { heading: String, lines: Vec<String> },
    /// A spreadsheet's preview (in the panel's sheet signal): mapping and findings.
    Sheet,
    /// The plan to review (in the panel's review signal).
    Review,
    /// Written.
    Done(String),
}

/// The panel's signals, shared with the review.
#[derive(Clone, Copy)]
pub(super) struct Import {
    pub ctx: AppCtx,
    pub state: RwSignal<State>,
    pub progress: RwSignal<Option<Progress>>,
    pub review: RwSignal<Option<Arc<ImportReview>>>,
    /// The spreadsheet under preview.
    pub sheet: RwSignal<Option<Arc<SheetPreview>>>,
    /// The nurse's earlier column mapping was offered for this file (offered once per file).
    pub remembered: RwSignal<bool>,
    /// Counts the previews shown (a test waits for the next one).
    pub sheet_rev: RwSignal<u32>,
    /// Links to what was imported, shown once written (href, label): the 様式1/様式3 a
    /// spreadsheet's rows went to, or the 地域診断 of a bundle.
    pub done_links: RwSignal<Vec<(String, String)>>,
    /// 列の割り当て is unfolded (it stays so while the preview is made again).
    pub mapping_open: RwSignal<bool>,
    /// The control to focus once the next preview is drawn (a CSS selector): the one the nurse
    /// changed, so the keyboard stays where it was.
    pub refocus: StoredValue<Option<String>>,
    pub resolutions: RwSignal<Resolutions>,
    /// The list filter of the review (a `PlanFilter::CHOICES` value).
    pub filter: RwSignal<String>,
}

impl Import {
    pub fn view(self) -> ReviewView {
        ReviewView { filter: self.filter.get_untracked(), hide_names: self.ctx.hide_names.get_untracked() }
    }

    /// Sends `request` (with `file`) to the worker and shows its answer.
    pub fn ask(self, request: Request, file: Option<web_sys::File>, file_name: String) {
        // A spreadsheet's preview stays on screen while it is made again.
        if !matches!(request, Request::SheetView { .. }) {
            self.state.set(State::Busy);
        }
        spawn_local(async move {
            let progress = self.progress;
            progress.set(Some(Progress::new("ファイルの処理を準備しています", 0, 1)));
            let reply = io_client::request(&request, file.as_ref(), Progress::reporter(progress)).await;
            let applying = matches!(request, Request::ImportApply { .. });
            self.show(reply, &file_name, applying).await;
            progress.set(None);
        });
    }

    async fn show(self, reply: Result<Reply, String>, file_name: &str, applying: bool) {
        let next = match reply {
            Ok(Reply::Password { file_name, error }) => State::Password { file_name, error },
            Ok(Reply::Refused { heading, lines }) => State::Refused { heading, lines },
            Ok(Reply::Sheet { preview }) => {
                let offered = self.offer_remembered(&preview);
                self.sheet.set(Some(Arc::new(*preview)));
                self.sheet_rev.update(|n| *n += 1);
                if let Some(selector) = self.refocus.get_value() {
                    self.refocus.set_value(None);
                    platform::focus_after_render(selector);
                }
                if offered {
                    return;
                }
                State::Sheet
            }
            Ok(Reply::Review { review }) => {
                self.sheet.set(None);
                if applying && review.replanned.is_some() {
                    self.ctx.error(
                        "別の画面（タブ）で記録が保存されたため、取り込みを止めました。何も書き込んでいません。取り込む内容を調べ直したので、もう一度確認してください。",
                    );
                }
                self.review.set(Some(Arc::new(*review)));
                State::Review
            }
            Ok(Reply::Applied { notice, text, wrote }) => {
                if wrote && self.done_links.with_untracked(Vec::is_empty) {
                    // A bundle: its 地域診断, to open what came in.
                    let links = self.review.with_untracked(|r| {
                        r.as_ref().map(|r| {
                            r.diagnoses
                                .iter()
                                .take(5)
                                .map(|(id, title)| {
                                    let route =
                                        Route::Diagnosis { id: id.clone(), section: Section::Overview, item: None };
                                    (route.to_hash(), format!("「{title}」を開く"))
                                })
                                .collect::<Vec<_>>()
                        })
                    });
                    self.done_links.set(links.unwrap_or_default());
                }
                self.review.set(None);
                if wrote {
                    self.ctx.written(&notice).await;
                } else {
                    self.ctx.done(notice);
                }
                State::Done(text)
            }
            Ok(Reply::Failed { message }) => {
                self.ctx.error(message.clone());
                if self.review.with_untracked(Option::is_some) {
                    State::Review
                } else if self.sheet.with_untracked(Option::is_some) {
                    State::Sheet
                } else {
                    State::Refused { heading: refusal_heading(file_name), lines: vec![message] }
                }
            }
            Ok(
                Reply::Closed
                | Reply::Ready
                | Reply::Progress { .. }
                | Reply::Exported { .. }
                | Reply::AnonPreview { .. }
                | Reply::MapAreas { .. }
                | Reply::MapOutlines { .. },
            ) => State::Idle,
            Err(message) if message == CANCELLED => {
                self.review.set(None);
                self.sheet.set(None);
                self.ctx.done(message);
                State::Idle
            }
            Err(message) => {
                // The worker stopped: it held the file and the plan, so start again.
                self.review.set(None);
                self.sheet.set(None);
                self.ctx.error(message.clone());
                State::Refused { heading: refusal_heading(file_name), lines: vec![message] }
            }
        };
        self.state.set(next);
    }

    pub fn open(self, file: web_sys::File) {
        if matches!(self.state.get_untracked(), State::Busy) {
            return;
        }
        self.resolutions.set(Resolutions::new());
        self.review.set(None);
        self.sheet.set(None);
        self.remembered.set(false);
        self.mapping_open.set(false);
        self.done_links.set(Vec::new());
        let file_name = file.name();
        let request = Request::ImportOpen {
            database: platform::DATABASE_NAME.to_string(),
            file_name: file_name.clone(),
            me: self.ctx.device_id(),
            view: self.view(),
            diagnosis: self.ctx.loaded.with_untracked(|l| l.diagnosis_id.clone()),
        };
        self.ask(request, Some(file), file_name);
    }

    /// The review again for the list filter and 氏名・住所を隠す now shown.
    pub fn refresh_review(self) {
        let view = self.view();
        spawn_local(async move {
            if let Ok(Reply::Review { review }) =
                io_client::request(&Request::ImportReview { view }, None, |_, _, _| {}).await
            {
                self.review.set(Some(Arc::new(*review)));
            }
        });
    }

    /// The name of the file under review.
    fn file_name(self) -> String {
        self.review
            .with_untracked(|r| r.as_ref().map(|r| r.file_name.clone()))
            .or_else(|| self.sheet.with_untracked(|s| s.as_ref().map(|s| s.file_name.clone())))
            .unwrap_or_default()
    }

    /// The spreadsheet's preview again with these choices (and one cell fixed).
    pub fn sheet_view(self, choices: SheetChoices, edit: Option<(usize, usize, String)>) {
        self.ask(Request::SheetView { choices, edit, view: self.view() }, None, self.file_name());
    }

    /// Plans the spreadsheet's rows; its column mapping is remembered for the next file of
    /// the same headings.
    pub fn sheet_plan(self) {
        let Some(preview) = self.sheet.get_untracked() else { return };
        if !preview.shape_key.is_empty() {
            let _ = LocalStorage::set(mapping_key(&preview.shape_key), &preview.choices.columns);
        }
        let section = match preview.layout.as_ref().map(|l| l.kind) {
            Some(TableKind::Stations) => Section::Stations,
            Some(TableKind::Patients) => Section::Patients,
            None => Section::Overview,
        };
        let target = preview.choices.diagnosis.clone().map(|id| Route::Diagnosis { id, section, item: None });
        self.done_links
            .set(target.map(|route| (route.to_hash(), format!("{}を開く", section.label()))).into_iter().collect());
        self.ask(Request::SheetPlan { choices: preview.choices.clone(), view: self.view() }, None, self.file_name());
    }

    /// For a new file whose headings the nurse mapped before: asks for the preview with her
    /// mapping (once per file). True when asked.
    fn offer_remembered(self, preview: &SheetPreview) -> bool {
        if self.remembered.get_untracked() || preview.shape_key.is_empty() {
            return false;
        }
        self.remembered.set(true);
        let Ok(columns) = LocalStorage::get::<Vec<Option<String>>>(mapping_key(&preview.shape_key)) else {
            return false;
        };
        if columns == preview.choices.columns || columns.len() != preview.choices.columns.len() {
            return false;
        }
        self.ctx.done("前回と同じ見出しのファイルなので、前回選んだ列の割り当てを使います");
        self.sheet_view(SheetChoices { columns, ..preview.choices.clone() }, None);
        true
    }

    pub fn apply(self) {
        let chosen = self.resolutions.get_untracked().entries();
        let by = self.ctx.staff.get_untracked();
        self.ask(Request::ImportApply { chosen, view: self.view(), by }, None, self.file_name());
    }

    /// Back to waiting for a file; the worker forgets the open one.
    pub fn close(self) {
        self.state.set(State::Idle);
        if self.review.with_untracked(Option::is_some) || self.sheet.with_untracked(Option::is_some) {
            self.review.set(None);
            self.sheet.set(None);
            spawn_local(async move {
                let _ = io_client::request(&Request::ImportClose, None, |_, _, _| {}).await;
            });
        }
    }
}

/// Where a column mapping is remembered (per heading shape).
fn mapping_key(shape: &str) -> String {
    format!("nanbyo.sheet-mapping.{shape}")
}

/// Creates the import's state for the whole app (call once in the app root): an import
/// goes on, and its review waits, while the nurse looks at other pages.
pub fn provide_import() {
    let ctx = super::app();
    let import = Import {
        ctx,
        state: RwSignal::new(State::Idle),
        progress: RwSignal::new(None),
        review: RwSignal::new(None),
        sheet: RwSignal::new(None),
        remembered: RwSignal::new(false),
        sheet_rev: RwSignal::new(0),
        mapping_open: RwSignal::new(false),
        done_links: RwSignal::new(Vec::new()),
        refocus: StoredValue::new(None),
        resolutions: RwSignal::new(Resolutions::new()),
        filter: RwSignal::new("changes".to_string()),
    };
    // 氏名・住所を隠す switched while a review is shown: the worker makes the rows again.
    Effect::watch(
        move || ctx.hide_names.get(),
        move |_, _, _| match import.state.get_untracked() {
            State::Review => import.refresh_review(),
            State::Sheet => {
                if let Some(p) = import.sheet.get_untracked() {
                    import.sheet_view(p.choices.clone(), None);
                }
            }
            _ => {}
        },
        false,
    );
    // The worker that held the file stopped by itself while the review waited: the review
    // cannot be applied any more, so say so (a request in flight gets the same message).
    io_client::on_stop(move |message| {
        if matches!(import.state.try_get_untracked(), Some(State::Review | State::Sheet)) {
            import.review.set(None);
            import.sheet.set(None);
            import.state.set(State::Refused {
                heading: refusal_heading(&import.file_name()),
                lines: vec![message.to_string()],
            });
            ctx.error(message.to_string());
        }
    });
    provide_context(import);
}

pub(super) fn use_import() -> Import {
    use_context::<Import>().unwrap_or_else(|| {
        provide_import();
        expect_context::<Import>()
    })
}
