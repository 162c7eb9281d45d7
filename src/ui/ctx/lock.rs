//! 端末のロック in the app: locking (the 「ロック」 button, idle time, a hidden tab, another
//! tab), unlocking (the passphrase, or the key another tab of this device posts), and what
//! the app shows meanwhile: nothing of the data (the page, the lists and the open records are
//! dropped; a form's unsaved input is written as a sealed draft as the form closes).

use super::update::gloo_sleep;
use super::{AppCtx, DbState, Loaded, Notice};
use crate::domain::lock::idle_minutes;
use crate::storage::lock::{self as store_lock, Unlock};
use crate::storage::seal::Seal;
use crate::storage::StorageError;
use crate::ui::platform::{self, keys};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a tab says on the changes channel: it locked.
pub(super) const LOCKED: &str = "locked";
/// What a tab says before it turns the lock on or off: the others lock (their forms write
/// their drafts) and wait for the key, or for [`LOCK_OFF`].
pub(super) const LOCK_CHANGING: &str = "lock-changing";
/// What a tab says when it turned the lock off: every row is plain again.
pub(super) const LOCK_OFF: &str = "lock-off";
/// What a tab that opened locked asks: an unlocked tab of this device answers with the key.
pub(super) const KEY_PLEASE: &str = "key-please";
/// The `type` of the message a tab posts with the key when it unlocked.
const UNLOCKED: &str = "unlocked";
/// How long the page's forms get to write their drafts before the key is forgotten.
const DRAFT_GRACE_MS: i32 = 400;
/// How often the idle time is checked.
const IDLE_CHECK_MS: i32 = 5_000;
/// How often a tab tells the others (through a setting) that she is working in it.
const ACTIVE_SHARE_MS: i32 = 5_000;

impl AppCtx {
    /// Whether the lock is on and this tab is unlocked (the 「ロック」 button shows).
    pub fn can_lock(&self) -> bool {
        self.lock_on.get() && self.db_state.get() == DbState::Ready
    }

    /// ロック: nothing of the data stays on screen; the key is forgotten once the forms have
    /// written their drafts; the other tabs lock too.
    pub fn lock_now(self) {
        if self.lock_now_quietly() {
            self.post(LOCKED);
        }
    }

    /// Locks this tab (told by another one, or by [`AppCtx::lock_now`]): whether it locked.
    pub(super) fn lock_now_quietly(self) -> bool {
        if !self.lock_on.get_untracked() || self.db_state.get_untracked() != DbState::Ready {
            return false;
        }
        self.db_state.set(DbState::Locked);
        spawn_local(async move {
            gloo_sleep(DRAFT_GRACE_MS).await;
            // Unlocked again meanwhile (another tab posted the key): keep it.
            if self.db_state.get_untracked() != DbState::Locked {
                return;
            }
            self.loaded.set(Loaded::default());
            self.diagnoses.set(Vec::new());
            self.trashed_diagnoses.set(Vec::new());
            self.dirty.set(BTreeSet::new());
            self.notice.set(None);
            if let Some(store) = self.store.with_value(|s| s.clone()) {
                store.lock();
            }
            crate::ui::io_client::use_seal(None);
        });
        true
    }

    /// Unlocks with `passphrase`; on success finishes a sweep cut short, shows the data and
    /// gives the key to the other tabs.
    pub async fn unlock(self, passphrase: &str) -> Result<Unlock, StorageError> {
        let store = self.store.with_value(|s| s.clone()).ok_or(StorageError::Locked)?;
        let outcome = store_lock::unlock(&store, passphrase, platform::now()).await?;
        if outcome == Unlock::Unlocked {
            // The key is derived and unwrapped (a benchmark times from here to the data).
            platform::mark("unlock-key");
            if let Some(seal) = store.unlocked() {
                self.post_key(&seal);
            }
            self.after_unlock().await;
        }
        Ok(outcome)
    }

    /// After the key is in the store: any sweep cut short is finished, then the data shows.
    pub(super) async fn after_unlock(self) {
        let Ok(store) = self.store() else { return };
        let progress = self.lock_progress;
        let report = move |done: usize, total: usize| progress.set(Some((done, total)));
        if let Err(e) = store_lock::resume(&store, &report).await {
            self.notice.set(Some(Notice::Error(e.to_string())));
        }
        progress.set(None);
        crate::ui::io_client::use_seal(store.unlocked());
        self.lock_on.set(!matches!(store_lock::state(&store).await, Ok(None)));
        let first = self.db_state.get_untracked() == DbState::Locked && !self.lists_read.get_untracked();
        self.db_state.set(DbState::Ready);
        self.refresh().await;
        if first {
            self.resume_last_diagnosis();
        }
    }

    /// Sets the passphrase and seals what is stored, showing progress; the other tabs lock
    /// meanwhile and get the key afterwards.
    pub async fn set_lock(self, passphrase: &str) -> Result<(), StorageError> {
        let store = self.store()?;
        self.post(LOCK_CHANGING);
        gloo_sleep(DRAFT_GRACE_MS * 2).await;
        let progress = self.lock_progress;
        let report = move |done: usize, total: usize| progress.set(Some((done, total)));
        let result = store_lock::turn_on(&store, passphrase, platform::now(), &report).await;
        progress.set(None);
        if let Some(seal) = store.unlocked() {
            self.lock_on.set(true);
            self.post_key(&seal);
        }
        crate::ui::io_client::use_seal(store.unlocked());
        result.map(|_| ())
    }

    /// Turns the lock off after checking `passphrase`: every row opened; the other tabs lock
    /// meanwhile and open again without it. `Ok(false)`: wrong passphrase, nothing changed.
    pub async fn remove_lock(self, passphrase: &str) -> Result<bool, StorageError> {
        let store = self.store()?;
        if !store_lock::check_passphrase(&store, passphrase).await? {
            return Ok(false);
        }
        self.post(LOCK_CHANGING);
        gloo_sleep(DRAFT_GRACE_MS * 2).await;
        let progress = self.lock_progress;
        let report = move |done: usize, total: usize| progress.set(Some((done, total)));
        let result = store_lock::turn_off(&store, passphrase, &report).await;
        progress.set(None);
        match result {
            Ok(Ok(_)) => {
                crate::ui::io_client::use_seal(None);
                self.lock_on.set(false);
                self.post(LOCK_OFF);
                Ok(true)
            }
            Ok(Err(_)) => Ok(false),
            Err(e) => {
                if let Some(seal) = store.unlocked() {
                    self.post_key(&seal);
                }
                Err(e)
            }
        }
    }

    /// Another tab turned the lock off: this one opens again without a key.
    pub(super) fn lock_turned_off(self) {
        let Some(store) = self.store.with_value(|s| s.clone()) else { return };
        spawn_local(async move {
            if matches!(store_lock::state(&store).await, Ok(None)) {
                store.set_lock_off();
                self.lock_on.set(false);
                self.after_unlock().await;
            }
        });
    }

    /// Another tab is turning the lock on or off: this one locks until it is done.
    pub(super) fn lock_changing(self) {
        self.lock_on.set(true);
        self.lock_now_quietly();
    }

    /// Gives the unlocked key (a non-extractable `CryptoKey`) to the other tabs of this device.
    fn post_key(&self, seal: &Seal) {
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &JsValue::from_str(UNLOCKED));
        let _ = Reflect::set(&message, &"key".into(), seal.crypto_key());
        let _ = Reflect::set(&message, &"key_id".into(), &JsValue::from_str(seal.key_id()));
        self.channel.with_value(|c| {
            if let Some(c) = c {
                // A browser that cannot pass a CryptoKey leaves the other tabs locked: each
                // is then unlocked with the passphrase.
                let _ = c.post_message(&message);
            }
        });
    }

    /// This tab opened locked: an unlocked tab, if any, gives it the key.
    pub(super) fn ask_for_key(&self) {
        self.post(KEY_PLEASE);
    }

    /// A tab that opened locked asks for the key: given if this tab is unlocked.
    pub(super) fn give_key(&self) {
        if self.db_state.get_untracked() != DbState::Ready {
            return;
        }
        if let Some(seal) = self.store.with_value(|s| s.as_ref().and_then(|s| s.unlocked())) {
            self.post_key(&seal);
        }
    }

    /// Another tab unlocked and posted its key: whether this was that message.
    pub(super) fn take_posted_key(self, data: &JsValue) -> bool {
        let field = |k: &str| Reflect::get(data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        if field("type").as_string().as_deref() != Some(UNLOCKED) {
            return false;
        }
        let (Ok(key), Some(key_id)) = (field("key").dyn_into::<web_sys::CryptoKey>(), field("key_id").as_string())
        else {
            return true;
        };
        let Some(store) = self.store.with_value(|s| s.clone()) else { return true };
        if self.db_state.get_untracked() != DbState::Locked {
            return true;
        }
        spawn_local(async move {
            let writes_sealed = matches!(store_lock::state(&store).await, Ok(Some(s)) if s.writes_sealed());
            store.set_seal(Rc::new(Seal::from_key(key, &key_id)), writes_sealed);
            self.after_unlock().await;
        });
        true
    }

    /// Locks after the chosen idle time (no key, pointer or scroll in any tab of the app on
    /// this device), and this tab when it is hidden if she chose so.
    pub fn watch_idle(self) {
        let last = Rc::new(std::cell::Cell::new(js_sys::Date::now()));
        let Some(window) = web_sys::window() else { return };
        let touch = {
            let last = last.clone();
            Closure::<dyn Fn()>::new(move || {
                let now = js_sys::Date::now();
                // Shared with the other tabs (at most every few seconds): working in one tab
                // keeps the others from locking them all.
                if now - last.get() > f64::from(ACTIVE_SHARE_MS) {
                    platform::set_setting(keys::LOCK_ACTIVE_AT, &now);
                }
                last.set(now);
            })
        };
        for event in ["pointerdown", "keydown", "wheel", "touchstart", "input"] {
            let _ = window.add_event_listener_with_callback(event, touch.as_ref().unchecked_ref());
        }
        touch.forget();
        let check = Closure::<dyn Fn()>::new(move || {
            let minutes = idle_minutes(platform::setting::<u32>(keys::LOCK_IDLE_MINUTES));
            let elsewhere = platform::setting::<f64>(keys::LOCK_ACTIVE_AT).unwrap_or(0.0);
            let active = last.get().max(elsewhere);
            if self.db_state.get_untracked() != DbState::Ready {
                last.set(js_sys::Date::now());
            } else if js_sys::Date::now() - active >= f64::from(minutes) * 60_000.0 {
                self.lock_now();
            }
        });
        let _ = window
            .set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), IDLE_CHECK_MS);
        check.forget();
        if let Some(document) = window.document() {
            let hidden = Closure::<dyn Fn()>::new(move || {
                let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
                // Only this tab: the nurse may have switched to another tab of the app.
                if hidden && platform::setting::<bool>(keys::LOCK_WHEN_HIDDEN).unwrap_or(false) {
                    self.lock_now_quietly();
                }
            });
            let _ = document.add_event_listener_with_callback("visibilitychange", hidden.as_ref().unchecked_ref());
            hidden.forget();
        }
    }
}
