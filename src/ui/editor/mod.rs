//! The save step of every record editor: reads the latest revision from storage, lets the
//! domain decide what to write (`domain::save::plan_save`: her changed fields onto the
//! latest revision, conflicts for her choice), writes it in one transaction that checks the
//! revision it was planned on, and plans again when another tab saved in between.
//!
//! An editor makes a [`RecordSaver`] for its form, calls [`RecordSaver::save`] with what
//! was typed (parsed) and shows `<SaveConflicts saver/>`; the rest is here.

use super::ctx::AppCtx;
use super::form::FormState;
use super::platform;
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordBody, RecordError, RecordKind, StoredRecord};
use crate::domain::save::{
    conflict_heading, plan_body, read_as, BodyInput, Resolution, SaveConflict, SavePlan, Target, Trashed,
};
use crate::storage::{Expect, StorageError, Store, WriteBatch};
use leptos::prelude::*;

mod conflicts;
mod frame;
pub use conflicts::SaveConflicts;
pub use frame::{history_href, DeleteAction, EditorForm, EditorHead, EditorMissing, HistoryLink, SingletonHistoryLink};
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Attempts when other tabs keep saving the same record in between.
const ATTEMPTS: usize = 4;

/// One save: which record, her input as a body with its type's reading, and what to do once
/// it is written (with the record as stored now).
struct Pending {
    target: Target,
    kind: RecordKind,
    mine: serde_json::Value,
    read: fn(serde_json::Value) -> Result<serde_json::Value, RecordError>,
    trashed: Trashed,
    also: Option<Companion>,
    after: Rc<dyn Fn(StoredRecord)>,
}

/// A second record one save also writes, in the same transaction (a 災害時個別支援計画 sets
/// its patient's 様式1): `edit` makes it from its latest revision (`Ok(None)`: unchanged);
/// the write checks that revision, like the record's own.
#[derive(Clone)]
pub struct Companion {
    pub id: RecordId,
    pub edit: CompanionEdit,
}

/// How a [`Companion`] is made from its latest revision.
pub type CompanionEdit = Rc<dyn Fn(&StoredRecord) -> Result<Option<StoredRecord>, RecordError>>;

/// The save step for one form (see the module doc). `Copy`, like the form. One type for
/// every record kind: the kind comes with each save.
#[derive(Clone, Copy)]
pub struct RecordSaver {
    ctx: AppCtx,
    /// The body the edits were made on: the form's (set when it opens and when a 下書き is
    /// restored), or a dialog's own.
    base: StoredValue<Option<serde_json::Value>>,
    /// The draft a save removes (none for a dialog without drafts).
    draft_key: StoredValue<Option<String>>,
    /// Fields changed here and elsewhere, waiting for her choice.
    pub conflicts: RwSignal<Option<Vec<SaveConflict>>>,
    pending: StoredValue<Option<Pending>, LocalStorage>,
    busy: RwSignal<bool>,
}

/// The record's latest revision in storage (`None` when there is none).
async fn latest(ctx: AppCtx, kind: RecordKind, id: &RecordId) -> Result<Option<StoredRecord>, StorageError> {
    let store = ctx.store()?;
    if kind == RecordKind::Diagnosis {
        store.get_diagnosis(id).await
    } else {
        store.get_record(id).await
    }
}

impl RecordSaver {
    /// The save step of a form: its base and its draft.
    pub fn new<F>(ctx: AppCtx, form: FormState<F>) -> RecordSaver
    where
        F: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
    {
        RecordSaver::make(ctx, form.base_cell(), Some(form.key()))
    }

    /// For a dialog without drafts: `base` is the body its fields were read from.
    pub fn detached(ctx: AppCtx, base: serde_json::Value) -> RecordSaver {
        RecordSaver::make(ctx, StoredValue::new(Some(base)), None)
    }

    fn make(ctx: AppCtx, base: StoredValue<Option<serde_json::Value>>, draft_key: Option<String>) -> RecordSaver {
        RecordSaver {
            ctx,
            base,
            draft_key: StoredValue::new(draft_key),
            conflicts: RwSignal::new(None),
            pending: StoredValue::new_local(None),
            busy: RwSignal::new(false),
        }
    }

    /// Saves `mine` to `target`; `after` runs with the stored record once it is written (or
    /// already held her input).
    pub fn save<T: RecordBody>(
        &self,
        target: Target,
        mine: T,
        trashed: Trashed,
        after: impl Fn(StoredRecord) + 'static,
    ) {
        self.save_with(target, mine, trashed, None, after);
    }

    /// [`RecordSaver::save`] that also writes `also` in the same transaction.
    pub fn save_with<T: RecordBody>(
        &self,
        target: Target,
        mine: T,
        trashed: Trashed,
        also: Option<Companion>,
        after: impl Fn(StoredRecord) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        let mine = match serde_json::to_value(&mine) {
            Ok(v) => v,
            Err(e) => return self.ctx.error(e.to_string()),
        };
        let pending = Pending { target, kind: T::KIND, mine, read: read_as::<T>, trashed, also, after: Rc::new(after) };
        self.pending.set_value(Some(pending));
        self.run(BTreeMap::new());
    }

    /// [`RecordSaver::save`] awaited: the record as stored once it is written (or already held
    /// her input), `None` when it was not — the message or the conflicts are shown as for a
    /// form. For edits that follow one another (marks moved on the 管内マップ): the next is
    /// planned once this one is settled, on what it wrote.
    pub async fn save_now<T: RecordBody>(&self, target: Target, mine: T, trashed: Trashed) -> Option<StoredRecord> {
        if self.busy.get_untracked() {
            return None;
        }
        let mine = match serde_json::to_value(&mine) {
            Ok(v) => v,
            Err(e) => {
                self.ctx.error(e.to_string());
                return None;
            }
        };
        let written: Rc<std::cell::RefCell<Option<StoredRecord>>> = Rc::default();
        let slot = written.clone();
        let after = Rc::new(move |r: StoredRecord| *slot.borrow_mut() = Some(r));
        let pending = Pending { target, kind: T::KIND, mine, read: read_as::<T>, trashed, also: None, after };
        self.pending.set_value(Some(pending));
        self.busy.set(true);
        self.attempt(&BTreeMap::new()).await;
        self.busy.set(false);
        let out = written.borrow_mut().take();
        out
    }

    /// Her choices for the conflicts shown: save again with them.
    pub fn choose(&self, resolutions: BTreeMap<String, Resolution>) {
        self.conflicts.set(None);
        self.run(resolutions);
    }

    /// She closed the conflict list without choosing: nothing is saved, her input stays.
    pub fn cancel(&self) {
        self.conflicts.set(None);
        self.pending.set_value(None);
    }

    fn run(&self, resolutions: BTreeMap<String, Resolution>) {
        let this = *self;
        this.busy.set(true);
        spawn_local(async move {
            this.attempt(&resolutions).await;
            this.busy.set(false);
        });
    }

    fn base(&self) -> Option<serde_json::Value> {
        self.base.get_value()
    }

    /// Sets the body the values to save were read from.
    pub fn set_base(&self, body: serde_json::Value) {
        self.base.set_value(Some(body));
    }

    fn draft_keys(&self) -> Vec<String> {
        self.draft_key.get_value().into_iter().collect()
    }

    async fn attempt(self, resolutions: &BTreeMap<String, Resolution>) {
        let Some((target, kind, trashed, after, also)) = self
            .pending
            .with_value(|p| p.as_ref().map(|p| (p.target.clone(), p.kind, p.trashed, p.after.clone(), p.also.clone())))
        else {
            return;
        };
        let id = match &target {
            Target::Existing(id) | Target::New { id, .. } => id.clone(),
        };
        let error = |message: String| self.ctx.error(message);
        for _ in 0..ATTEMPTS {
            let latest = match latest(self.ctx, kind, &id).await {
                Ok(l) => l,
                Err(e) => return error(e.to_string()),
            };
            // The body her edits were made on: as opened (or as drafted); a new record
            // starts from the blank body of its type.
            let base = self.base().or_else(|| match &target {
                Target::New { .. } => None,
                Target::Existing(_) => latest.as_ref().map(|l| l.body.to_value()),
            });
            let base = base.unwrap_or(serde_json::Value::Null);
            let plan = self.pending.with_value(|p| {
                let p = p.as_ref()?;
                Some(plan_body(BodyInput {
                    kind,
                    target: target.clone(),
                    base: &base,
                    mine: &p.mine,
                    read: p.read,
                    latest: latest.as_ref(),
                    resolutions,
                    trashed,
                    now: platform::now(),
                    device: &self.ctx.device_id(),
                }))
            });
            let plan = match plan {
                None => return,
                Some(Ok(plan)) => plan,
                Some(Err(e)) => return error(e.to_string()),
            };
            let (record, expected, kept) = match plan {
                SavePlan::Write { record, expected, kept_from_elsewhere } => (*record, expected, kept_from_elsewhere),
                SavePlan::Unchanged => {
                    let batch = WriteBatch { delete_drafts: self.draft_keys(), ..WriteBatch::default() };
                    if self.ctx.save(batch, "保存しました（変更はありませんでした）").await.is_ok() {
                        self.pending.set_value(None);
                        if let Some(l) = latest {
                            self.set_base(l.body.to_value());
                            after(l);
                        }
                    }
                    return;
                }
                SavePlan::DeletedElsewhere => {
                    return error(format!(
                        "この{}は別の画面で削除されたため保存できません。一覧の下の「ゴミ箱」から元に戻してください。",
                        kind.label()
                    ))
                }
                SavePlan::Conflict(found) => {
                    self.ctx.error(conflict_heading(kind, found.len()));
                    self.conflicts.set(Some(found));
                    return;
                }
            };
            let mut batch = WriteBatch {
                delete_drafts: self.draft_keys(),
                expect: vec![Expect { id: id.clone(), kind, meta: expected }],
                ..WriteBatch::default()
            };
            if kind == RecordKind::Diagnosis {
                batch.put_diagnoses.push(record.clone());
            } else {
                batch.put_records.push(record.clone());
            }
            if let Err(message) = add_companion(self.ctx, also.as_ref(), &mut batch).await {
                return error(message);
            }
            let done = if kept == 0 {
                "保存しました".to_string()
            } else {
                format!("保存しました（別の画面で変更された{kept}項目はそのまま残しました）")
            };
            match self.ctx.save_checked(batch, &done).await {
                Ok(()) => {
                    self.pending.set_value(None);
                    self.set_base(record.body.to_value());
                    after(record);
                    return;
                }
                // Another tab saved this record in between: plan again on its revision.
                Err(StorageError::Changed(_)) => continue,
                Err(_) => return,
            }
        }
        error(StorageError::Changed(vec![id]).to_string());
    }
}

/// Adds the companion's edit, made on its latest revision, to the save's batch (nothing when
/// it is absent, in the ゴミ箱 or unchanged); the write checks that revision.
async fn add_companion(ctx: AppCtx, also: Option<&Companion>, batch: &mut WriteBatch) -> Result<(), String> {
    let Some(also) = also else { return Ok(()) };
    let store = ctx.store().map_err(|e| e.to_string())?;
    let latest = match store.get_record(&also.id).await.map_err(|e| e.to_string())? {
        Some(l) if !l.is_deleted() => l,
        _ => return Ok(()),
    };
    if let Some(edited) = (also.edit)(&latest).map_err(|e| e.to_string())? {
        batch.expect.push(Expect::unchanged(&latest));
        batch.put_records.push(edited);
    }
    Ok(())
}

/// 削除（ゴミ箱へ）of a record of a 地域診断 (not a 地域診断 itself): its latest revision in storage moved to the ゴミ箱 (so an edit
/// saved meanwhile in another tab is kept, not reverted), its form's draft removed, in one
/// transaction that checks the revision it read. `true` once written.
pub async fn trash_latest(ctx: AppCtx, id: &RecordId, draft_key: String, done: &str) -> bool {
    for _ in 0..ATTEMPTS {
        let read = match ctx.store() {
            Ok(store) => store.get_record(id).await,
            Err(e) => Err(e),
        };
        let latest = match read {
            Ok(Some(l)) => l,
            Ok(None) => return false,
            Err(e) => {
                ctx.error(e.to_string());
                return false;
            }
        };
        let Some(trashed) = crate::domain::forms::roster::move_to_trash(&latest, platform::now(), &ctx.device_id())
        else {
            // Already in the ゴミ箱 (deleted in another tab).
            return true;
        };
        let batch = WriteBatch {
            put_records: vec![trashed],
            delete_drafts: vec![draft_key.clone()],
            expect: vec![Expect::unchanged(&latest)],
            ..WriteBatch::default()
        };
        match ctx.save_checked(batch, done).await {
            Ok(()) => return true,
            Err(StorageError::Changed(_)) => continue,
            Err(_) => return false,
        }
    }
    ctx.error(StorageError::Changed(vec![id.clone()]).to_string());
    false
}
