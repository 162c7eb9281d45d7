//! The assessment being edited, written to its own record as it changes.
//!
//! An unfinished assessment is a record with the status 下書き (the domain's
//! `AssessmentStatus::Draft`). Clicks (answers, ticks, posture) are written at once; typing is
//! written a moment after the last key and when the field is left. Drafts are written
//! quietly (one transaction, no reload of the 地域診断); 完了, 下書きに戻す and 削除 go
//! through `ctx.save` with their message. Leaving the page writes what is still pending and
//! re-reads the 地域診断 so lists show the draft as it is.

use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::record::StoredRecord;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::measure::Finding;
use crate::storage::WriteBatch;
use crate::ui::ctx::{AppCtx, Notice};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds after the last keystroke before a draft is written.
const WRITE_DELAY_MS: i32 = 600;

#[derive(Clone, Copy)]
pub struct Editor {
    pub ctx: AppCtx,
    pub id: StoredValue<RecordId>,
    /// The assessment as on screen.
    pub value: RwSignal<Assessment>,
    /// The record as last written.
    saved: StoredValue<StoredRecord>,
    busy: StoredValue<bool>,
    /// A write asked for while one was running (its message; `""` for a quiet one).
    again: StoredValue<Option<&'static str>>,
    timer: StoredValue<Option<i32>, LocalStorage>,
    wrote_quietly: StoredValue<bool>,
    /// 入力チェック
    pub issues: Memo<Issues>,
    /// 測定値の判定
    pub findings: Memo<Vec<(usize, Finding)>>,
}

impl Editor {
    pub fn new(ctx: AppCtx, record: StoredRecord, body: Assessment) -> Editor {
        let value = RwSignal::new(body);
        let editor = Editor {
            ctx,
            id: StoredValue::new(record.meta.id.clone()),
            value,
            saved: StoredValue::new(record),
            busy: StoredValue::new(false),
            again: StoredValue::new(None),
            timer: StoredValue::new_local(None),
            wrote_quietly: StoredValue::new(false),
            issues: Memo::new(move |_| value.with(Assessment::issues)),
            findings: Memo::new(move |_| value.with(Assessment::findings)),
        };
        // Typing not yet written goes out when the tab is hidden or closed.
        let hidden = leptos::prelude::window_event_listener(leptos::ev::pagehide, move |_| editor.flush());
        let visibility = leptos::prelude::window_event_listener(leptos::ev::visibilitychange, move |_| editor.flush());
        on_cleanup(move || {
            hidden.remove();
            visibility.remove();
            editor.leave();
        });
        editor
    }

    /// A change from typing: written a moment later.
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        self.value.update(f);
        self.schedule();
    }

    /// A change from a click: written at once.
    pub fn edit_now(&self, f: impl FnOnce(&mut Assessment)) {
        self.value.update(f);
        self.write("");
    }

    /// Replaces the assessment (完了, 下書きに戻す) and writes it with `message`.
    pub fn replace(&self, a: Assessment, message: &'static str) {
        self.value.set(a);
        self.write(message);
    }

    /// Writes what is pending now (a field was left).
    pub fn flush(&self) {
        if self.timer.try_get_value().flatten().is_some() {
            self.write("");
        }
    }

    /// After the record was replaced by another action (削除): the new baseline.
    pub fn set_saved(&self, record: StoredRecord) {
        self.saved.set_value(record);
    }

    pub fn saved_record(&self) -> StoredRecord {
        self.saved.get_value()
    }

    fn schedule(&self) {
        let Some(window) = web_sys::window() else { return };
        self.cancel_timer();
        let this = *self;
        let callback = Closure::once_into_js(move || {
            let _ = this.timer.try_set_value(None);
            this.write("");
        });
        let id =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), WRITE_DELAY_MS).ok();
        let _ = self.timer.try_set_value(id);
    }

    fn cancel_timer(&self) {
        if let (Some(window), Some(Some(id))) = (web_sys::window(), self.timer.try_get_value()) {
            window.clear_timeout_with_handle(id);
        }
        let _ = self.timer.try_set_value(None);
    }

    fn write(&self, message: &'static str) {
        self.cancel_timer();
        match self.busy.try_get_value() {
            None => return,
            Some(true) => {
                let _ = self.again.try_update_value(|pending| {
                    if pending.is_none_or(str::is_empty) {
                        *pending = Some(message);
                    }
                });
                return;
            }
            Some(false) => {}
        }
        self.busy.set_value(true);
        let this = *self;
        spawn_local(async move {
            this.run(message).await;
            let _ = this.busy.try_set_value(false);
        });
    }

    async fn run(self, mut message: &'static str) {
        let ctx = self.ctx;
        loop {
            let (Some(value), Some(base), Some(id)) =
                (self.value.try_get_untracked(), self.saved.try_get_value(), self.id.try_get_value())
            else {
                return;
            };
            let key = format!("assessment:{id}");
            match base.edited(&value, platform::now(), &ctx.device_id()) {
                Err(e) => {
                    ctx.notice.set(Some(Notice::Error(e.to_string())));
                    return;
                }
                Ok(None) => {
                    if !message.is_empty() {
                        ctx.notice.set(Some(Notice::Done(message.to_string())));
                    }
                }
                Ok(Some(record)) => {
                    let batch = WriteBatch { put_records: vec![record.clone()], ..WriteBatch::default() };
                    let result = if message.is_empty() {
                        ctx.save_quietly(batch).await.inspect_err(|e| {
                            ctx.notice.set(Some(Notice::Error(format!(
                                "アセスメントの下書きを保存できませんでした（{e}）。画面を閉じないでください"
                            ))));
                        })
                    } else {
                        ctx.save(batch, message).await
                    };
                    match result {
                        Ok(()) => {
                            let _ = self.saved.try_set_value(record);
                            let _ = self.wrote_quietly.try_set_value(message.is_empty());
                            ctx.set_dirty(&key, false);
                        }
                        Err(_) => {
                            // Kept on screen; the page warns before it is closed.
                            ctx.set_dirty(&key, true);
                            return;
                        }
                    }
                }
            }
            match self.again.try_update_value(Option::take).flatten() {
                Some(next) => message = next,
                None => return,
            }
        }
    }

    /// The page is left: write what is pending and re-read the 地域診断 when drafts were
    /// written quietly, so the lists show them as they are.
    fn leave(&self) {
        self.cancel_timer();
        let (Some(value), Some(base)) = (self.value.try_get_untracked(), self.saved.try_get_value()) else {
            return;
        };
        let ctx = self.ctx;
        let wrote = self.wrote_quietly.try_get_value().unwrap_or(false);
        let pending = base.edited(&value, platform::now(), &ctx.device_id()).ok().flatten();
        if pending.is_none() && !wrote {
            return;
        }
        spawn_local(async move {
            if let Some(record) = pending {
                let _ = ctx.save_quietly(WriteBatch { put_records: vec![record], ..WriteBatch::default() }).await;
            }
            ctx.refresh().await;
        });
    }
}
