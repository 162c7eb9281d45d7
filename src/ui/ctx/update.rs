//! 更新があります: the service worker's new version, checked in the background and applied when
//! the nurse chooses 「更新する」 with nothing unsaved.

use super::{AppCtx, Notice, UpdateState};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl AppCtx {
    /// Checks for a new version of the app (when online) and installs it in the background.
    pub fn check_for_update(self) {
        spawn_local(async move {
            let current = platform::build_version();
            let Some(reg) = platform::register_service_worker(&current).await else { return };
            if let Some(w) = platform::waiting_worker(&reg) {
                self.waiting_worker.set_value(Some(w));
                self.update.set(UpdateState::Available);
                return;
            }
            if !platform::online() {
                return;
            }
            let Some(remote) = platform::remote_version().await else { return };
            if remote == current {
                return;
            }
            // Installing the new version happens in the background; it then waits.
            let Some(reg) = platform::register_service_worker(&remote).await else { return };
            for _ in 0..120 {
                if let Some(w) = platform::waiting_worker(&reg) {
                    self.waiting_worker.set_value(Some(w));
                    self.update.set(UpdateState::Available);
                    return;
                }
                gloo_sleep(1000).await;
            }
        });
    }

    /// The nurse chose 「更新する」: allowed only when nothing is unsaved.
    pub fn apply_update(self) {
        if self.has_unsaved() {
            self.notice.set(Some(Notice::Error(
                "未保存の入力があります。保存するか取り消してから更新してください。".to_string(),
            )));
            return;
        }
        self.waiting_worker.with_value(|w| {
            if let Some(w) = w {
                self.update.set(UpdateState::Activating);
                platform::on_controller_change(platform::reload);
                platform::activate_waiting(w);
            }
        });
    }
}

/// Waits `ms` milliseconds.
pub(super) async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
