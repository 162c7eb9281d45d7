//! One record of the 事業実績 container being edited (a 事業実績 or a 進捗状況評価): its ID
//! (new until saved), the shared save step, the errors of the last 保存, and ゴミ箱へ. The one
//! save and trash of both editors.

use super::ensure_container;
use crate::domain::ids::RecordId;
use crate::domain::record::RecordBody;
use crate::domain::results::container_id;
use crate::domain::save::{Target, Trashed};
use crate::ui::ctx::AppCtx;
use crate::ui::editor::{trash_latest, RecordSaver};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct ContainerRecord {
    ctx: AppCtx,
    pub saver: RecordSaver,
    id: StoredValue<RecordId>,
    /// Not saved yet (turns false on the first save).
    pub is_new: StoredValue<bool>,
    /// What the last 保存 refused, each naming its field.
    pub errors: RwSignal<Vec<String>>,
}

impl ContainerRecord {
    /// Record `id` (a new one when `None`), as stored (`base`, `Null` when new).
    pub fn open(ctx: AppCtx, id: &Option<RecordId>, base: serde_json::Value) -> ContainerRecord {
        ContainerRecord {
            ctx,
            saver: RecordSaver::detached(ctx, base),
            id: StoredValue::new(id.clone().unwrap_or_else(platform::new_record_id)),
            is_new: StoredValue::new(id.is_none()),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// 保存: the form as read — its errors shown, or the body saved in the container (made
    /// first when needed) through the shared save step.
    pub fn save<T: RecordBody + 'static>(self, parsed: Result<T, Vec<String>>) {
        let body = match parsed {
            Ok(b) => b,
            Err(e) => return self.errors.set(e),
        };
        self.errors.set(Vec::new());
        let id = self.id.get_value();
        let target =
            if self.is_new.get_value() { Target::New { id, diagnosis: container_id() } } else { Target::Existing(id) };
        let ContainerRecord { ctx, saver, is_new, .. } = self;
        spawn_local(async move {
            if ensure_container(ctx).await {
                saver.save(target, body, Trashed::Refuse, move |_| is_new.set_value(false));
            }
        });
    }

    /// ゴミ箱へ (its draft key `<kind>:<id>`); `editing` closes once it is done.
    pub fn trash(self, kind: &'static str, editing: RwSignal<Option<Option<RecordId>>>) {
        let ctx = self.ctx;
        let id = self.id.get_value();
        spawn_local(async move {
            if trash_latest(ctx, &id, format!("{kind}:{id}"), "ゴミ箱に移しました").await {
                editing.set(None);
            }
        });
    }
}
