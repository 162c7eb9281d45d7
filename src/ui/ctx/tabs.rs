//! The other tabs of the app on this device: what a save or この端末のデータを消去 tells them
//! on the changes channel, and what this tab does when told.

use super::{AppCtx, DbState, Loaded};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;

/// What a tab says on the changes channel: it saved.
const CHANGED: &str = "changed";
/// What a tab says on the changes channel: it erased the device's data.
const ERASED: &str = "erased";

impl AppCtx {
    pub(super) fn broadcast(&self) {
        self.post(CHANGED);
    }

    pub(super) fn post(&self, message: &str) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&wasm_bindgen::JsValue::from_str(message));
            }
        });
    }

    /// This tab erased the device's data: the other tabs are told, and this one shows nothing
    /// of it any more.
    pub fn announce_erased(self) {
        self.post(ERASED);
        self.forget_everything();
    }

    /// この端末のデータを消去 (here or in another tab): the connection is closed and every
    /// record, list, draft mark and message this tab holds is dropped.
    pub fn forget_everything(self) {
        self.db_state.set(DbState::Erased);
        if let Some(store) = self.store.try_update_value(Option::take).flatten() {
            store.close();
        }
        self.loaded.set(Loaded::default());
        self.diagnoses.set(Vec::new());
        self.dirty.set(BTreeSet::new());
        self.notice.set(None);
        self.staff.set(String::new());
    }

    /// Listens for other tabs' saves.
    pub fn listen_to_other_tabs(self) {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let said = e.data().as_string();
                    if said.as_deref() == Some(ERASED) {
                        self.forget_everything();
                    } else if said.as_deref() == Some(super::lock::LOCKED) {
                        self.lock_now_quietly();
                    } else if said.as_deref() == Some(super::lock::LOCK_CHANGING) {
                        self.lock_changing();
                    } else if said.as_deref() == Some(super::lock::KEY_PLEASE) {
                        self.give_key();
                    } else if said.as_deref() == Some(super::lock::LOCK_OFF) {
                        self.lock_turned_off();
                    } else if self.take_posted_key(&e.data()) {
                        // Unlocked with the key another tab posted.
                    } else if self.db_state.get_untracked() == DbState::Locked {
                        // Nothing is read while locked.
                    } else {
                        spawn_local(async move { self.refresh().await });
                    }
                });
                c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
                handler.forget();
            }
        });
    }
}
