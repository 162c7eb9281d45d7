//! The app's shared state and actions, provided as one `Copy` context.
//!
//! State changes only in event handlers and in the completion of async actions (never in
//! effects). Every save goes through [`AppCtx::save`]: one transaction, then the open
//! 地域診断 is re-read, other tabs are told, and 保存しました is shown only after the
//! transaction completed.

use super::platform::{self, keys, StorageInfo};
use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::history::{Cause, Stamp};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::{RecordBody, RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use crate::route::Route;
use crate::storage::idb::IdbStore;
use crate::storage::{Expect, StorageError, Store, WriteBatch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

mod lists;
mod lock;
mod tabs;
mod update;

/// The database connection's state.
#[derive(Clone, Debug, PartialEq)]
pub enum DbState {
    /// データを開いています
    Opening,
    /// 使用可能
    Ready,
    /// Another tab keeps an old version open.
    Blocked,
    /// Another tab upgraded the schema; this tab must reload.
    VersionChanged,
    /// IndexedDB cannot be used (message for the nurse).
    Failed(String),
    /// この端末のデータを消去 was done (here or in another tab): nothing of the data is shown.
    Erased,
    /// 端末のロック: the passphrase is asked; nothing of the data is shown.
    Locked,
}

/// A message in the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// 保存しました etc.
    Done(String),
    /// A failure, in Japanese.
    Error(String),
}

/// The records of the open 地域診断, as loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub diagnosis_id: Option<RecordId>,
    /// Every record of the 地域診断 (all kinds, including trashed ones).
    pub records: Arc<Vec<StoredRecord>>,
    /// Records that could not be read (shown as a warning; never dropped from storage).
    pub unreadable: Vec<String>,
}

impl Loaded {
    /// The records as a [`RecordSet`]: every query of the loaded records goes through it, so
    /// the pages, the 集計 and the export ask the same questions the same way.
    pub fn set(&self) -> RecordSet<'_> {
        match &self.diagnosis_id {
            Some(id) => RecordSet::new(&self.records, id),
            None => RecordSet::empty(),
        }
    }

    /// The live (not trashed) records of one kind, parsed ([`RecordSet::live`]). Unreadable
    /// bodies are skipped (and reported by [`Loaded::unreadable`]).
    pub fn live<T: RecordBody>(&self) -> Vec<(StoredRecord, T)> {
        self.set().live::<T>().map(|(r, b)| (r.clone(), b)).collect()
    }

    /// Trashed records of one kind.
    pub fn trashed(&self, kind: RecordKind) -> Vec<StoredRecord> {
        self.set().trashed(kind).cloned().collect()
    }

    /// One record by ID.
    pub fn get(&self, id: &RecordId) -> Option<&StoredRecord> {
        self.set().get(id)
    }
}

/// Service-worker update state.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum UpdateState {
    #[default]
    None,
    /// 更新があります
    Available,
    /// 更新しています
    Activating,
}

/// The shared context.
#[derive(Clone, Copy)]
pub struct AppCtx {
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    waiting_worker: StoredValue<Option<web_sys::ServiceWorker>, LocalStorage>,
    pub device: StoredValue<DeviceId>,
    pub db_state: RwSignal<DbState>,
    pub route: RwSignal<Route>,
    /// Every 地域診断 on this device (not trashed), sorted.
    pub diagnoses: RwSignal<Vec<DiagnosisEntry>>,
    /// The 地域診断 in the ゴミ箱, the most recently deleted first.
    pub trashed_diagnoses: RwSignal<Vec<DiagnosisEntry>>,
    /// The lists above have been read from storage (until then an address is not judged).
    pub lists_read: RwSignal<bool>,
    /// The open 地域診断's records.
    pub loaded: RwSignal<Loaded>,
    pub notice: RwSignal<Option<Notice>>,
    /// The page the last [`AppCtx::go`] leads to: the notice goes along there.
    notice_follows: StoredValue<Option<String>>,
    /// Keys of forms with unsaved changes (未保存).
    pub dirty: RwSignal<BTreeSet<String>>,
    /// 氏名・住所を隠す (training / projector display).
    pub hide_names: RwSignal<bool>,
    pub storage_info: RwSignal<StorageInfo>,
    pub update: RwSignal<UpdateState>,
    /// Counts saves (local and from other tabs), for views that re-read drafts etc.
    pub revision: RwSignal<u64>,
    /// 担当者: the staff name of this device, kept with each save in the 変更履歴.
    pub staff: RwSignal<String>,
    /// 端末のロック is set on this device.
    pub lock_on: RwSignal<bool>,
    /// Rows sealed or opened so far, of how many, while the lock is turned on or off.
    pub lock_progress: RwSignal<Option<(usize, usize)>>,
}

impl AppCtx {
    pub fn new() -> AppCtx {
        AppCtx {
            store: StoredValue::new_local(None),
            channel: StoredValue::new_local(platform::broadcast_channel()),
            waiting_worker: StoredValue::new_local(None),
            device: StoredValue::new(platform::device_id()),
            db_state: RwSignal::new(DbState::Opening),
            route: RwSignal::new(Route::parse(&platform::location_hash())),
            diagnoses: RwSignal::new(Vec::new()),
            trashed_diagnoses: RwSignal::new(Vec::new()),
            lists_read: RwSignal::new(false),
            loaded: RwSignal::new(Loaded::default()),
            notice: RwSignal::new(None),
            notice_follows: StoredValue::new(None),
            dirty: RwSignal::new(BTreeSet::new()),
            hide_names: RwSignal::new(platform::setting::<bool>(keys::HIDE_NAMES).unwrap_or(false)),
            storage_info: RwSignal::new(StorageInfo::default()),
            update: RwSignal::new(UpdateState::None),
            revision: RwSignal::new(0),
            staff: RwSignal::new(platform::staff_name()),
            lock_on: RwSignal::new(false),
            lock_progress: RwSignal::new(None),
        }
    }

    /// Who saves and why, for the 変更履歴 of a save.
    pub fn stamp(&self, cause: Cause) -> Stamp {
        Stamp { by: self.staff.get_untracked(), cause }
    }

    /// The store, when open.
    pub fn store(&self) -> Result<Rc<IdbStore>, StorageError> {
        match self.db_state.get_untracked() {
            DbState::VersionChanged => return Err(StorageError::VersionChanged),
            DbState::Failed(msg) => return Err(StorageError::Unavailable(msg)),
            DbState::Erased => return Err(StorageError::Unavailable("この端末のデータは消去されました".to_string())),
            _ => {}
        }
        self.store
            .with_value(|s| s.clone())
            .ok_or_else(|| StorageError::Unavailable("データベースを開いています".to_string()))
    }

    pub fn device_id(&self) -> DeviceId {
        self.device.get_value()
    }

    /// Opens IndexedDB and loads the list and the last open 地域診断.
    pub fn open_database(self) {
        spawn_local(async move {
            let hooks = crate::storage::idb::OpenHooks {
                on_blocked: Some(Rc::new(move || self.db_state.set(DbState::Blocked))),
                // Deleting the database (この端末のデータを消去) also closes the connection:
                // that is not an update.
                on_version_change: Some(Rc::new(move || {
                    if self.db_state.get_untracked() != DbState::Erased {
                        self.db_state.set(DbState::VersionChanged);
                    }
                })),
            };
            match IdbStore::open(platform::DATABASE_NAME, hooks).await {
                Ok(store) if store.is_locked() => {
                    // 端末のロック: nothing is read before the passphrase is given.
                    platform::mark("db-open");
                    self.store.set_value(Some(Rc::new(store)));
                    self.lock_on.set(true);
                    self.db_state.set(DbState::Locked);
                    self.ask_for_key();
                    platform::mark("app-interactive");
                }
                Ok(store) => {
                    platform::mark("db-open");
                    self.store.set_value(Some(Rc::new(store)));
                    self.db_state.set(DbState::Ready);
                    self.refresh().await;
                    self.resume_last_diagnosis();
                    platform::mark("app-interactive");
                }
                Err(e) => {
                    self.db_state.set(DbState::Failed(e.to_string()));
                    platform::mark("app-interactive");
                }
            }
            // After the data is on screen: the storage estimate and the update check.
            let asked = platform::setting::<bool>(keys::PERSIST_ASKED).unwrap_or(false);
            self.storage_info.set(platform::storage_info(!asked).await);
            self.check_for_update();
        });
    }

    /// Opening the bare address (no `#…`) resumes the 地域診断 that was open last, if it
    /// is still on the list (not in the ゴミ箱).
    pub(super) fn resume_last_diagnosis(self) {
        if !platform::location_hash().is_empty() {
            return;
        }
        let Some(last) = platform::setting::<String>(keys::LAST_DIAGNOSIS) else { return };
        if let Some(id) = RecordId::parse(&last).ok().filter(|id| self.is_listed(id)) {
            self.go(Route::Diagnosis { id, section: crate::route::Section::Overview, item: None });
        }
    }

    /// Re-reads the 地域診断 list and the open one's records.
    pub async fn refresh(self) {
        let Ok(store) = self.store() else { return };
        match store.list_diagnoses().await {
            Ok(records) => {
                let unreadable = self.set_lists(&records);
                if !unreadable.is_empty() {
                    self.notice.set(Some(Notice::Error(format!(
                        "読み取れない地域診断が{}件あります（データは消していません）",
                        unreadable.len()
                    ))));
                }
            }
            Err(e) => self.notice.set(Some(Notice::Error(e.to_string()))),
        }
        let wanted = self.route.get_untracked().diagnosis().cloned();
        self.load(wanted).await;
        self.revision.update(|r| *r += 1);
    }

    /// Loads the records of a 地域診断 (or clears them).
    pub async fn load(self, id: Option<RecordId>) {
        // A 地域診断 in the ゴミ箱 (or not here) is not opened: the page says where it is.
        let Some(id) = id.filter(|id| self.is_listed(id)) else {
            self.loaded.set(Loaded::default());
            return;
        };
        let Ok(store) = self.store() else { return };
        match store.list_records(&id).await {
            Ok(mut records) => {
                records.sort_by(|a, b| a.meta.created_at.cmp(&b.meta.created_at).then(a.meta.id.cmp(&b.meta.id)));
                platform::set_setting(keys::LAST_DIAGNOSIS, &id.as_str());
                self.loaded.set(Loaded { diagnosis_id: Some(id), records: Arc::new(records), unreadable: Vec::new() });
            }
            Err(e) => self.notice.set(Some(Notice::Error(e.to_string()))),
        }
    }

    /// Shows a failure in the status line (in Japanese, naming the field or file).
    pub fn error(&self, message: impl Into<String>) {
        self.notice.set(Some(Notice::Error(message.into())));
    }

    /// Shows that something was done (保存しました …).
    pub fn done(&self, message: impl Into<String>) {
        self.notice.set(Some(Notice::Done(message.into())));
    }

    /// Navigates (sets the hash; the hashchange listener updates the route).
    pub fn go(&self, route: Route) {
        let hash = route.to_hash();
        // What an action just said (作成しました…) belongs to the page it leads to.
        self.notice_follows.set_value(Some(hash.clone()));
        platform::set_location_hash(&hash);
    }

    /// Called on `hashchange`.
    pub fn route_changed(self) {
        let route = Route::parse(&platform::location_hash());
        let previous = self.route.get_untracked();
        if route != previous && self.has_unsaved() {
            let leave = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(
                        "未保存の入力があります。このページを離れますか？（入力中の内容は下書きとして残ります）",
                    )
                    .ok()
                })
                .unwrap_or(true);
            if !leave {
                platform::set_location_hash(&previous.to_hash());
                return;
            }
            self.dirty.set(BTreeSet::new());
        }
        let new_diag = route.diagnosis().cloned();
        let old_diag = self.loaded.with_untracked(|l| l.diagnosis_id.clone());
        // A notice belongs to the page that raised it: gone when the nurse moves on, kept
        // when the app itself moved her there after an action.
        let followed = self.notice_follows.with_value(|h| h.as_deref() == Some(route.to_hash().as_str()));
        self.notice_follows.set_value(None);
        if route != previous && !followed && self.notice.with_untracked(Option::is_some) {
            self.notice.set(None);
        }
        // A new page starts at its top (it opened where the last one had been scrolled to).
        if route != previous {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        self.route.set(route);
        if new_diag.is_some() && new_diag != old_diag {
            spawn_local(async move { self.load(new_diag).await });
        }
    }

    /// Saves a batch in one transaction. On success the data is re-read, other tabs are
    /// told, and `done` (e.g. 保存しました) is shown; on failure the Japanese message is
    /// shown and returned — the caller keeps what the nurse typed.
    pub async fn save(self, batch: WriteBatch, done: &str) -> Result<(), StorageError> {
        self.save_planned(batch, done, false).await
    }

    /// Like [`AppCtx::save`] for a batch with preconditions (`expect`): when another tab
    /// changed a record meanwhile, `Err(StorageError::Changed)` comes back without a notice,
    /// for the caller to plan again on the new revision.
    pub async fn save_checked(self, batch: WriteBatch, done: &str) -> Result<(), StorageError> {
        self.save_planned(batch, done, true).await
    }

    /// Like [`AppCtx::save`] for a batch planned on the records this tab has loaded (a row's
    /// trash or restore, the 一括入力 table) or on the 地域診断 it lists (their ゴミ箱):
    /// written only if the store still holds the revisions loaded or listed here, so a change
    /// saved meanwhile in another tab is never reverted. Otherwise nothing is written, the
    /// latest data is read and the nurse is told.
    pub async fn save_as_loaded(self, mut batch: WriteBatch, done: &str) -> Result<(), StorageError> {
        let listed = self.listed_expects(&batch);
        batch.expect = self.loaded.with_untracked(|l| {
            let Some(diagnosis) = &l.diagnosis_id else { return Vec::new() };
            let loaded: std::collections::HashMap<&RecordId, &StoredRecord> =
                l.records.iter().map(|r| (&r.meta.id, r)).collect();
            batch
                .put_records
                .iter()
                .filter(|r| &r.meta.diagnosis_id == diagnosis)
                .map(|r| Expect {
                    id: r.meta.id.clone(),
                    kind: r.meta.kind,
                    meta: loaded.get(&r.meta.id).map(|l| l.meta.clone()),
                })
                .collect()
        });
        batch.expect.extend(listed);
        let result = self.save_planned(batch, done, true).await;
        if let Err(StorageError::Changed(_)) = &result {
            self.refresh().await;
            self.notice.set(Some(Notice::Error(
                "別の画面（タブ）で記録が変わったため、保存していません。最新の内容を表示しました。もう一度操作してください。"
                    .to_string(),
            )));
        }
        result
    }

    async fn save_planned(self, mut batch: WriteBatch, done: &str, retry_on_change: bool) -> Result<(), StorageError> {
        // Nothing is saved in a 地域診断 that another tab moved to the ゴミ箱 meanwhile.
        batch.require_listed();
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => {
                self.notice.set(Some(Notice::Error(e.to_string())));
                return Err(e);
            }
        };
        // Every save of the page keeps its 変更履歴 (a restore says which version it restored).
        if batch.history.is_none() {
            batch.history = Some(self.stamp(Cause::Input));
        }
        match store.apply(batch).await {
            Ok(()) => {
                self.written(done).await;
                Ok(())
            }
            Err(StorageError::Changed(ids)) if retry_on_change => Err(StorageError::Changed(ids)),
            Err(e) => {
                if e == StorageError::VersionChanged {
                    self.db_state.set(DbState::VersionChanged);
                }
                self.notice.set(Some(Notice::Error(e.to_string())));
                Err(e)
            }
        }
    }

    /// After a write has completed (here, or in the I/O worker's import): the records are
    /// on disk, so `done` is shown now, and the other tabs are told, before this tab re-reads
    /// its records.
    pub async fn written(self, done: &str) {
        if !done.is_empty() {
            self.notice.set(Some(Notice::Done(done.to_string())));
        }
        self.broadcast();
        self.refresh().await;
    }

    /// Saves a draft quietly (no notice, no broadcast, no reload).
    pub async fn save_quietly(self, batch: WriteBatch) -> Result<(), StorageError> {
        self.store()?.apply(batch).await
    }

    /// Marks a form as having unsaved changes (or not).
    pub fn set_dirty(&self, key: &str, dirty: bool) {
        let present = self.dirty.with_untracked(|d| d.contains(key));
        if dirty != present {
            self.dirty.update(|d| {
                if dirty {
                    d.insert(key.to_string());
                } else {
                    d.remove(key);
                }
            });
            // 「保存しました」 and 「未保存の変更があります」 never show together.
            if dirty && self.notice.with_untracked(|n| matches!(n, Some(Notice::Done(_)))) {
                self.notice.set(None);
            }
        }
    }

    pub fn has_unsaved(&self) -> bool {
        self.dirty.with_untracked(|d| !d.is_empty())
    }
}

impl Default for AppCtx {
    fn default() -> Self {
        AppCtx::new()
    }
}

/// The context (provided by the app root).
pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}
