//! 入出力ワーカー: the code of the second wasm (`src/io_worker.rs`), which runs in a Web Worker
//! so the page never freezes while a large file is read, checked, planned and written.
//!
//! It has no UI and no Leptos: it answers the page's [`Request`]s with [`Reply`]s (see
//! `domain::io_protocol`), opens the same IndexedDB database as the page, and writes an
//! import in one transaction itself. If it is stopped mid-way (the nurse cancels, the
//! browser kills it), the transaction never commits and nothing changes. Every rule it
//! applies is in `domain::bundle`; this module only reads files, calls WebCrypto and
//! IndexedDB, and posts progress.
//!
//! `public/io-worker.js` loads this wasm in the worker, calls [`start`] once, and passes
//! every message to [`handle`].

pub mod crypto;
mod export;
mod import;
mod map;
mod session;
mod sheet;

use crate::domain::io_protocol::{decode, encode, Reply, Request};
use crate::storage::idb::{IdbStore, OpenHooks};
use crate::storage::StorageError;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Open databases by name (the app's, or a benchmark's).
    static STORES: RefCell<BTreeMap<String, Rc<IdbStore>>> = const { RefCell::new(BTreeMap::new()) };
    /// 端末のロック: the key the page sent with its last message (`None`: the page is locked,
    /// or the lock is off).
    static KEY: RefCell<Option<(web_sys::CryptoKey, String)>> = const { RefCell::new(None) };
}

/// Keeps the key the page sent with a message (a `CryptoKey` is cloned into the worker by
/// `postMessage`, still not extractable).
pub fn take_key(key: JsValue, key_id: JsValue) {
    let given = key.dyn_into::<web_sys::CryptoKey>().ok().zip(key_id.as_string());
    KEY.with(|k| *k.borrow_mut() = given);
}

/// Tells the page the worker is ready.
pub fn start() {
    post(0, &Reply::Ready);
}

/// One message from the page: its text and the `File` sent with it (or `undefined`).
pub fn handle(text: &str, file: JsValue) {
    match decode::<Request>(text) {
        Ok((id, request)) => wasm_bindgen_futures::spawn_local(async move {
            let reply = match request {
                // Answered with its file, or a failure.
                Request::Export { database, job } => export::export(id, &database, &job).await,
                Request::Csv { database, diagnosis, which, hide_names, now } => {
                    export::csv(id, &database, &diagnosis, which, hide_names, now).await
                }
                Request::AnonPreview { database, scope, include_sample, options } => {
                    Some(export::preview(id, &database, &scope, include_sample, &options).await)
                }
                // 管内マップ's boundary file, kept apart from an open import.
                Request::MapAreasOpen { file_name } => Some(map::open(id, file_name, file).await),
                Request::MapOutlines { chosen } => Some(map::outlines(id, &chosen)),
                Request::MapClose => Some(map::close()),
                other => Some(import::answer(id, other, file).await),
            };
            if let Some(reply) = reply {
                post(id, &reply);
            }
        }),
        // Without a readable id the page cannot match it: id 0 fails everything pending.
        Err(e) => post(0, &Reply::Failed { message: e.to_string() }),
    }
}

/// Posts a reply to the page.
pub(crate) fn post(id: u64, reply: &Reply) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(&encode(id, reply)));
}

/// Posts a reply with a written file (`bytes` as a `Blob`, handed over without a copy of
/// the text into the message).
pub(crate) fn post_file(id: u64, reply: &Reply, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("ファイルを作れませんでした（{}）", js_text(&e)))?;
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&encode(id, reply)));
    let _ = js_sys::Reflect::set(&message, &"file".into(), &blob);
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope.post_message(&message).map_err(|e| format!("ファイルを渡せませんでした（{}）", js_text(&e)))
}

/// Posts progress of request `id`.
pub(crate) fn progress(id: u64, label: &str, done: usize, total: usize) {
    post(id, &Reply::Progress { label: label.to_string(), done, total: total.max(1) });
}

/// The database `name`, opened once per worker, locked or unlocked as the page is: with the
/// lock on, the worker reads and writes sealed rows with the key the page sent, and nothing
/// without it.
pub(crate) async fn store(name: &str) -> Result<Rc<IdbStore>, StorageError> {
    let store = match STORES.with(|s| s.borrow().get(name).cloned()) {
        Some(s) => s,
        None => {
            let store = Rc::new(IdbStore::open(name, OpenHooks::default()).await?);
            STORES.with(|s| s.borrow_mut().insert(name.to_string(), store.clone()));
            store
        }
    };
    match crate::storage::lock::state(&store).await? {
        None => store.set_lock_off(),
        Some(state) => match KEY.with(|k| k.borrow().clone()) {
            Some((key, id)) if id == state.key_id() => {
                let seal = crate::storage::seal::Seal::from_key(key, &id);
                store.set_seal(Rc::new(seal), state.writes_sealed());
            }
            _ => store.lock(),
        },
    }
    Ok(store)
}

/// The bytes of a `File` (or `Blob`) sent by the page.
pub(crate) async fn read_blob(file: &JsValue) -> Result<Vec<u8>, String> {
    let blob = file.dyn_ref::<web_sys::Blob>().ok_or("ファイルが渡されませんでした")?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| format!("ファイルを読めませんでした（{}）", js_text(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A JS error as text.
pub(crate) fn js_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
}
