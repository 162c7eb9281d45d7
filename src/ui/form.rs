//! Form state shared by every editing page: the value as typed, whether it differs from
//! what is saved (未保存), and a draft saved automatically a moment after each change so
//! that a reload or a closed tab never loses what was typed.

use super::ctx::{use_app, AppCtx};
use super::platform;
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::storage::{Draft, Store, WriteBatch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds after the last keystroke before the draft is written.
const DRAFT_DELAY_MS: i32 = 700;

/// A form's state. `T` is the domain's input struct (text as typed).
pub struct FormState<T: Send + Sync + 'static> {
    ctx: AppCtx,
    key: StoredValue<String>,
    diagnosis: StoredValue<RecordId>,
    /// What is saved (or the blank form for a new record).
    pub initial: RwSignal<T>,
    /// What is on screen.
    pub value: RwSignal<T>,
    /// The stored body the edits on screen were made on (the record as opened, or the body a
    /// restored draft was made on): a save writes only what changed since (`domain::save`).
    base: StoredValue<Option<serde_json::Value>>,
    timer: StoredValue<Option<i32>, LocalStorage>,
    /// The inputs (by `name`) the nurse has changed, and whether every finding shows (a saved
    /// record, a restored draft, or after she pressed 保存): a new form shows no error before
    /// she has typed ([`FormState::shown_issues`]).
    touched: RwSignal<BTreeSet<String>>,
    show_all: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for FormState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for FormState<T> {}

impl<T> FormState<T>
where
    T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// A form whose drafts are kept under `key` (e.g. `patient:<id>`).
    pub fn new(key: String, diagnosis: RecordId, initial: T) -> FormState<T> {
        let ctx = use_app();
        {
            // The 未保存 mark belongs to the form on screen; its draft outlives it.
            let key = key.clone();
            on_cleanup(move || ctx.set_dirty(&key, false));
        }
        let this = FormState {
            ctx,
            key: StoredValue::new(key),
            diagnosis: StoredValue::new(diagnosis),
            initial: RwSignal::new(initial.clone()),
            value: RwSignal::new(initial),
            base: StoredValue::new(None),
            timer: StoredValue::new_local(None),
            touched: RwSignal::new(BTreeSet::new()),
            show_all: RwSignal::new(false),
        };
        // Leaving the form (another page, another record) within a moment of a keystroke:
        // write the pending draft now rather than from a timer that would outlive the form.
        on_cleanup(move || this.flush_pending_draft());
        this
    }

    /// Writes the draft at once when one is scheduled, and stops the timer.
    fn flush_pending_draft(&self) {
        let Some(Some(id)) = self.timer.try_get_value() else { return };
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(id);
        }
        let _ = self.timer.try_set_value(None);
        let dirty = self.value.try_with_untracked(|v| self.initial.try_with_untracked(|i| v != i));
        if let Some(Some(dirty)) = dirty {
            self.write_draft(dirty);
        }
    }

    pub fn key(&self) -> String {
        self.key.get_value()
    }

    /// Sets the body the form's values were read from (an existing record's).
    pub fn set_base(&self, body: Option<serde_json::Value>) {
        if body.is_some() {
            self.show_all.set(true);
        }
        self.base.set_value(body);
    }

    /// The findings to show now: all of them for a saved record, a restored draft or once she
    /// pressed 保存; on a new form only those of the fields she has changed.
    pub fn shown_issues(&self, all: impl Into<Signal<Issues>>) -> Signal<Issues> {
        let (all, touched, show_all) = (all.into(), self.touched, self.show_all);
        Signal::derive(
            move || {
                if show_all.get() {
                    all.get()
                } else {
                    touched.with(|t| all.with(|a| a.touched_only(t)))
                }
            },
        )
    }

    /// The body the edits on screen were made on.
    pub fn base(&self) -> Option<serde_json::Value> {
        self.base.get_value()
    }

    /// What the editor frame needs of the form, without its type: the 未保存 state, 取り消し
    /// and the 下書き offer (so the frame is compiled once, not per form type).
    pub fn handle(&self) -> FormHandle {
        let this = *self;
        FormHandle {
            dirty: Signal::derive(move || this.is_dirty()),
            discard: Callback::new(move |()| this.discard()),
            draft_offer: ViewFn::from(move || this.offer_draft()),
            touch: Callback::new(move |name: String| {
                if !this.touched.with_untracked(|t| t.contains(&name)) {
                    this.touched.update(|t| {
                        t.insert(name);
                    });
                }
            }),
            attempt: Callback::new(move |()| this.show_all.set(true)),
        }
    }

    /// Where the base is kept (the save step reads and updates it).
    pub fn base_cell(&self) -> StoredValue<Option<serde_json::Value>> {
        self.base
    }

    /// Changes the form (from an input handler), marks it 未保存 and schedules the draft.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.value.update(f);
        self.after_change();
    }

    /// A field reader for `prop:value`.
    pub fn field(&self, get: impl Fn(&T) -> String + Send + Sync + 'static) -> Signal<String> {
        let value = self.value;
        Signal::derive(move || value.with(|v| get(v)))
    }

    /// A field writer for `on:input`.
    pub fn setter(&self, set: impl Fn(&mut T, String) + Send + Sync + 'static) -> Callback<String> {
        let this = *self;
        Callback::new(move |text: String| this.update(|v| set(v, text)))
    }

    fn after_change(&self) {
        let dirty = self.value.with_untracked(|v| self.initial.with_untracked(|i| v != i));
        self.ctx.set_dirty(&self.key.get_value(), dirty);
        self.schedule_draft(dirty);
    }

    /// Differs from what is saved (tracked).
    pub fn is_dirty(&self) -> bool {
        self.value.with(|v| self.initial.with(|i| v != i))
    }

    fn schedule_draft(&self, dirty: bool) {
        let Some(window) = web_sys::window() else { return };
        if let Some(id) = self.timer.get_value() {
            window.clear_timeout_with_handle(id);
        }
        let this = *self;
        let callback = Closure::once_into_js(move || {
            // The form may be gone (its cleanup has then written the draft already).
            if this.timer.try_set_value(None).is_none() {
                this.write_draft(dirty);
            }
        });
        let id =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), DRAFT_DELAY_MS).ok();
        self.timer.set_value(id);
    }

    fn write_draft(&self, dirty: bool) {
        let (Some(key), Some(diagnosis_id)) = (self.key.try_get_value(), self.diagnosis.try_get_value()) else {
            return;
        };
        let batch = if dirty {
            let Some(Ok(data)) = self.value.try_with_untracked(|v| serde_json::to_value(v)) else { return };
            WriteBatch {
                put_drafts: vec![Draft {
                    key,
                    diagnosis_id,
                    saved_at: platform::now(),
                    data,
                    base: self.base.try_get_value().flatten(),
                }],
                ..WriteBatch::default()
            }
        } else {
            WriteBatch { delete_drafts: vec![key], ..WriteBatch::default() }
        };
        let ctx = self.ctx;
        spawn_local(async move {
            // A failed draft is not worth interrupting the nurse; saving will report errors.
            let _ = ctx.save_quietly(batch).await;
        });
    }

    fn cancel_timer(&self) {
        if let (Some(window), Some(id)) = (web_sys::window(), self.timer.get_value()) {
            window.clear_timeout_with_handle(id);
        }
        self.timer.set_value(None);
    }

    /// After a successful save: `saved` becomes the new baseline; the draft is removed
    /// (the caller puts `delete_drafts: [key]` in the same batch).
    pub fn saved(&self, saved: T) {
        self.cancel_timer();
        self.initial.set(saved.clone());
        self.value.set(saved);
        self.ctx.set_dirty(&self.key.get_value(), false);
    }

    /// 取り消し: back to what is saved; the draft is removed.
    pub fn discard(&self) {
        self.cancel_timer();
        self.touched.set(BTreeSet::new());
        self.show_all.set(self.base.with_value(Option::is_some));
        self.value.set(self.initial.get_untracked());
        self.ctx.set_dirty(&self.key.get_value(), false);
        self.write_draft(false);
    }

    /// Replaces the baseline and the value (another record opened in the same form).
    pub fn reset(&self, value: T) {
        self.cancel_timer();
        self.touched.set(BTreeSet::new());
        self.show_all.set(false);
        self.initial.set(value.clone());
        self.value.set(value);
        self.ctx.set_dirty(&self.key.get_value(), false);
    }

    /// Looks for a draft of this form that differs from what is saved.
    pub async fn find_draft(&self) -> Option<(Draft, T)> {
        let store = self.ctx.store().ok()?;
        let draft = store.get_draft(&self.key.get_value()).await.ok().flatten()?;
        let value: T = serde_json::from_value(draft.data.clone()).ok()?;
        let differs = self.initial.with_untracked(|i| &value != i);
        differs.then_some((draft, value))
    }

    /// Looks for a draft of this form and offers it (復元 / 破棄).
    pub fn offer_draft(&self) -> impl IntoView {
        let this = *self;
        let found = RwSignal::new(None::<FoundDraft>);
        spawn_local(async move {
            if let Some((draft, value)) = this.find_draft().await {
                let stored = StoredValue::new((value, draft.base));
                let restore = Callback::new(move |()| {
                    let (value, base) = stored.get_value();
                    this.restore(value, base);
                });
                found.set(Some((draft.saved_at.display_jst(), restore)));
            }
        });
        view! { <DraftOffer found discard=Callback::new(move |()| this.discard())/> }
    }

    /// 下書きを復元: its values, and the body it was made on (when it says).
    pub fn restore(&self, value: T, base: Option<serde_json::Value>) {
        self.show_all.set(true);
        if base.is_some() {
            self.base.set_value(base);
        }
        self.value.set(value);
        self.after_change();
    }
}

/// A form seen by the editor frame (see [`FormState::handle`]).
#[derive(Clone)]
pub struct FormHandle {
    /// 未保存 (tracked).
    pub dirty: Signal<bool>,
    /// 取り消し: back to what is saved.
    pub discard: Callback<()>,
    /// The 下書き offer.
    pub draft_offer: ViewFn,
    /// She changed the input of this `name`.
    pub touch: Callback<String>,
    /// She pressed 保存: every finding shows from now on.
    pub attempt: Callback<()>,
}

/// A draft found for a form, without the form's type: when it was saved, and how to restore
/// it (so the offer's view is compiled once, not per form type).
pub type FoundDraft = (String, Callback<()>);

/// Offers a found draft: 復元 or 破棄. Shows nothing when there is none (see
/// [`FormState::offer_draft`]).
#[component]
pub fn DraftOffer(found: RwSignal<Option<FoundDraft>>, discard: Callback<()>) -> impl IntoView {
    view! {
        {move || found.get().map(|(when, restore)| {
            view! {
                <div class="draft-offer" role="status" data-testid="draft-offer">
                    <span>{format!("保存していない下書きがあります（{when}）。")}</span>
                    <button
                        class="primary"
                        on:click=move |_| {
                            restore.run(());
                            found.set(None);
                        }
                    >
                        "下書きを復元"
                    </button>
                    <button
                        on:click=move |_| {
                            discard.run(());
                            found.set(None);
                        }
                    >
                        "下書きを破棄"
                    </button>
                </div>
            }
        })}
    }
}

/// 未保存 marker.
#[component]
pub fn DirtyMark(#[prop(into)] dirty: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || dirty.get()>
            <span class="dirty-mark" data-testid="dirty-mark">"● 未保存の変更があります"</span>
        </Show>
    }
}
