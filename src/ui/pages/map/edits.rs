//! The map's edits, one after another: a mark moved, a 施設 confirmed, a 基準点 added, a 下図
//! chosen. Each is planned when its turn comes on the record as stored then (the previous
//! edit's result included) and written through the shared save step, so a drag followed at
//! once by another never writes a stale field over a newer one, and an edit made in another
//! tab meanwhile is kept field by field.

use crate::domain::ids::RecordId;
use crate::domain::map::records::{BaseMap, MapSheet};
use crate::domain::record::{RecordBody, StoredRecord};
use crate::domain::records::singleton_suffix;
use crate::domain::save::{Target, Trashed};
use crate::ui::ctx::AppCtx;
use crate::ui::editor::RecordSaver;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

type Job = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = ()>>>>;

#[derive(Clone, Copy)]
pub struct MapEdits {
    ctx: AppCtx,
    diagnosis: StoredValue<RecordId>,
    saver: RecordSaver,
    queue: StoredValue<VecDeque<Job>, LocalStorage>,
    running: StoredValue<bool>,
    /// Edits waiting or being written (the page says 保存中).
    pub pending: RwSignal<usize>,
}

impl MapEdits {
    pub fn new(ctx: AppCtx, diagnosis: RecordId) -> MapEdits {
        MapEdits {
            ctx,
            diagnosis: StoredValue::new(diagnosis),
            saver: RecordSaver::detached(ctx, serde_json::Value::Null),
            queue: StoredValue::new_local(VecDeque::new()),
            running: StoredValue::new(false),
            pending: RwSignal::new(0),
        }
    }

    /// The save step (its conflicts are shown on the page).
    pub fn saver(&self) -> RecordSaver {
        self.saver
    }

    fn push(self, job: Job) {
        self.queue.update_value(|q| q.push_back(job));
        self.pending.update(|n| *n += 1);
        if self.running.get_value() {
            return;
        }
        self.running.set_value(true);
        spawn_local(async move {
            while let Some(job) = self.queue.try_update_value(|q| q.pop_front()).flatten() {
                job().await;
                self.pending.update(|n| *n = n.saturating_sub(1));
            }
            self.running.set_value(false);
        });
    }

    /// The record `id` as loaded now (live or in the ゴミ箱).
    fn loaded(self, id: &RecordId) -> Option<StoredRecord> {
        self.ctx.loaded.with_untracked(|l| l.set().get(id).cloned())
    }

    /// Changes record `id` of `T`'s kind with `change` when its turn comes (made from
    /// `blank` when there is none yet or it is in the ゴミ箱: a singleton is then restored).
    pub fn edit<T: RecordBody + 'static>(
        self,
        id: RecordId,
        blank: impl Fn() -> T + 'static,
        change: impl Fn(&mut T) + 'static,
        after: impl Fn(Option<StoredRecord>) + 'static,
    ) {
        self.push(Box::new(move || {
            Box::pin(async move {
                let stored = self.loaded(&id);
                let live = stored.as_ref().filter(|r| !r.is_deleted());
                let (base, mut body) = match live.map(|r| (r.body.to_value(), r.body_as::<T>())) {
                    Some((value, Ok(body))) => (value, body),
                    Some((_, Err(e))) => {
                        self.ctx.error(format!("{}が読み取れないため保存できません（{e}）", T::KIND.label()));
                        return after(None);
                    }
                    None => (serde_json::Value::Null, blank()),
                };
                change(&mut body);
                let target = match &stored {
                    Some(_) => Target::Existing(id.clone()),
                    None => Target::New { id: id.clone(), diagnosis: self.diagnosis.get_value() },
                };
                // A singleton (管内マップ, 下図) in the ゴミ箱 is restored by saving it; a 施設
                // trashed meanwhile in another tab is not brought back by a move.
                let trashed = if singleton_suffix(T::KIND).is_some() { Trashed::Restore } else { Trashed::Refuse };
                self.saver.set_base(if live.is_some() { base } else { serde_json::Value::Null });
                after(self.saver.save_now(target, body, trashed).await);
            })
        }));
    }

    /// The ID of this 地域診断's one record of a singleton kind.
    fn singleton_id(self, kind: crate::domain::record::RecordKind) -> Option<RecordId> {
        let suffix = singleton_suffix(kind)?;
        RecordId::singleton(&self.diagnosis.get_value(), suffix).ok()
    }

    /// Changes the 管内マップ record (made when there is none).
    pub fn sheet(self, change: impl Fn(&mut MapSheet) + 'static, after: impl Fn(Option<StoredRecord>) + 'static) {
        let existing = self.ctx.loaded.with_untracked(|l| l.set().singleton(MapSheet::KIND).map(|r| r.meta.id.clone()));
        if let Some(id) = existing.or_else(|| self.singleton_id(MapSheet::KIND)) {
            self.edit(id, MapSheet::default, change, after);
        }
    }

    /// Keeps `base` as the 下図 (replacing the one there).
    pub fn base(self, base: BaseMap, after: impl Fn() + 'static) {
        let existing = self.ctx.loaded.with_untracked(|l| l.set().singleton(BaseMap::KIND).map(|r| r.meta.id.clone()));
        if let Some(id) = existing.or_else(|| self.singleton_id(BaseMap::KIND)) {
            let blank = base.clone();
            self.edit(
                id,
                move || blank.clone(),
                move |b| *b = base.clone(),
                move |r| {
                    if r.is_some() {
                        after()
                    }
                },
            );
        }
    }

    /// Moves the 下図 to the ゴミ箱 (the map becomes a plain sheet; it can be restored).
    pub fn remove_base(self) {
        let Some(id) = self.ctx.loaded.with_untracked(|l| l.set().singleton(BaseMap::KIND).map(|r| r.meta.id.clone()))
        else {
            return;
        };
        self.trash(id, "下図を外しました（ゴミ箱から戻せます）");
    }

    /// Moves record `id` to the ゴミ箱 when its turn comes.
    pub fn trash(self, id: RecordId, done: &'static str) {
        let ctx = self.ctx;
        self.push(Box::new(move || {
            Box::pin(async move {
                let kind = ctx.loaded.with_untracked(|l| l.set().get(&id).map(|r| r.meta.kind.key()));
                let draft = format!("{}:{id}", kind.unwrap_or("record"));
                crate::ui::editor::trash_latest(ctx, &id, draft, done).await;
            })
        }));
    }
}
