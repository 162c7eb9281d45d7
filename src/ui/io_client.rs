//! The page's side of the I/O worker: started when a page first needs it (its wasm is not
//! part of the first load), asked with typed [`Request`]s, answered with [`Reply`]s, with
//! progress on the way (see `domain::io_protocol` and `src/worker/`).
//!
//! The worker can stop without saying so (the browser kills it, it crashes, the nurse
//! cancels): it holds a Web Lock for its whole life, the page asks for the same lock, and
//! is given it the moment the worker is gone. Every request still waiting then gets the
//! Japanese message [`WORKER_STOPPED`]; the worker writes in one transaction, so nothing was
//! written. The next request starts a new worker.

use crate::domain::io_protocol::{decode, encode, Reply, Request, CANCELLED, WORKER_STOPPED};
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the worker's files are: `<meta name="nanbyo-io">` in index.html (the build names
/// them with a content hash, see `tools/hash-worker.mjs`).
const META: &str = "meta[name=nanbyo-io]";

/// A reply and the file (`Blob`) that came with it.
pub type Answer = (Reply, Option<web_sys::Blob>);

type Outcome = Rc<RefCell<Option<Result<Answer, String>>>>;

/// A hook of [`on_stop`].
type StopHook = Rc<dyn Fn(&str)>;

struct Pending {
    outcome: Outcome,
    resolve: Function,
    progress: Box<dyn Fn(String, usize, usize)>,
}

struct Client {
    worker: web_sys::Worker,
    next_id: Cell<u64>,
    pending: RefCell<BTreeMap<u64, Pending>>,
    /// Resolves when the worker said `Ready` (rejects when it failed to start).
    ready: Promise,
    ready_settle: RefCell<Option<(Function, Function)>>,
    stopped: Cell<bool>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    /// Told when a worker stops: what it held is gone.
    static ON_STOP: RefCell<Vec<StopHook>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with the Japanese message whenever a worker stops (crashed, closed, killed by
/// the browser, or cancelled), also when no request was waiting: a page that shows something
/// the worker held (an import's review) drops it.
pub fn on_stop(f: impl Fn(&str) + 'static) {
    ON_STOP.with(|hooks| hooks.borrow_mut().push(Rc::new(f)));
}

/// Asks the worker (started if needed) and waits for its answer; `progress(label, done,
/// total)` is called as it reports. `Err` is a Japanese message: the worker stopped or
/// could not start, and nothing was written.
pub async fn request(
    request: &Request,
    file: Option<&web_sys::File>,
    progress: impl Fn(String, usize, usize) + 'static,
) -> Result<Reply, String> {
    ask(request, file, progress).await.map(|(reply, _)| reply)
}

/// [`request`] for a reply that carries a file (an export).
pub async fn ask(
    request: &Request,
    file: Option<&web_sys::File>,
    progress: impl Fn(String, usize, usize) + 'static,
) -> Result<Answer, String> {
    let client = client()?;
    JsFuture::from(client.ready.clone())
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| WORKER_STOPPED.to_string()))?;
    if client.stopped.get() {
        return Err(WORKER_STOPPED.to_string());
    }
    let id = client.next_id.get();
    client.next_id.set(id + 1);
    let outcome: Outcome = Rc::new(RefCell::new(None));
    let mut resolve_fn = None;
    let promise = Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
    let resolve = resolve_fn.ok_or_else(|| WORKER_STOPPED.to_string())?;
    client.pending.borrow_mut().insert(id, Pending { outcome: outcome.clone(), resolve, progress: Box::new(progress) });
    let message = Object::new();
    let _ = Reflect::set(&message, &"text".into(), &JsValue::from_str(&encode(id, request)));
    if let Some(f) = file {
        let _ = Reflect::set(&message, &"file".into(), f);
    }
    // 端末のロック: the worker reads and writes sealed rows with the page's key.
    if let Some(seal) = SEAL.with(|s| s.borrow().clone()) {
        let _ = Reflect::set(&message, &"key".into(), seal.crypto_key());
        let _ = Reflect::set(&message, &"key_id".into(), &JsValue::from_str(seal.key_id()));
    }
    if let Err(e) = client.worker.post_message(&message) {
        client.pending.borrow_mut().remove(&id);
        return Err(format!("ファイル処理に渡せませんでした（{e:?}）"));
    }
    let _ = JsFuture::from(promise).await;
    let result = outcome.borrow_mut().take();
    result.unwrap_or_else(|| Err(WORKER_STOPPED.to_string()))
}

thread_local! {
    /// The page's unlocked key of 端末のロック (see [`use_seal`]).
    static SEAL: RefCell<Option<Rc<crate::storage::seal::Seal>>> = const { RefCell::new(None) };
}

/// The key sent with every request from now on (`None`: locked, or the lock is off).
pub fn use_seal(seal: Option<Rc<crate::storage::seal::Seal>>) {
    SEAL.with(|s| *s.borrow_mut() = seal);
}

/// Stops the worker now (取り消し): every waiting request gets [`CANCELLED`]. Whatever else
/// the worker held (an import waiting for review) is gone too: the [`on_stop`] hooks hear it.
pub fn cancel() {
    if let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) {
        client.worker.terminate();
        client.stop(CANCELLED, false);
        tell_stopped(WORKER_STOPPED);
    }
}

fn tell_stopped(message: &str) {
    let hooks: Vec<StopHook> = ON_STOP.with(|h| h.borrow().clone());
    for hook in hooks {
        hook(message);
    }
}

fn client() -> Result<Rc<Client>, String> {
    if let Some(c) = CLIENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let c = Client::spawn()?;
    CLIENT.with(|slot| *slot.borrow_mut() = Some(c.clone()));
    Ok(c)
}

/// The worker's file names from index.html: (bootstrap, glue, wasm), as absolute URLs.
fn worker_files() -> Result<(String, String, String), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("文書がありません")?;
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    let meta = doc.query_selector(META).ok().flatten();
    let attr = |name: &str, default: &str| {
        let value = meta.as_ref().and_then(|m| m.get_attribute(name)).unwrap_or_else(|| default.to_string());
        web_sys::Url::new_with_base(&value, &base).map(|u| u.href()).unwrap_or(value)
    };
    Ok((attr("data-boot", "io-worker.js"), attr("data-js", "nanbyo-io.js"), attr("data-wasm", "nanbyo-io_bg.wasm")))
}

impl Client {
    fn spawn() -> Result<Rc<Client>, String> {
        let (boot, js, wasm) = worker_files()?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&boot, &options)
            .map_err(|e| format!("ファイル処理を始められませんでした（{e:?}）"))?;
        let mut settle = None;
        let ready = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        let lock = format!("nanbyo-io-{}", super::platform::random_uuid());
        let client = Rc::new_cyclic(|weak: &std::rc::Weak<Client>| {
            let on_message = {
                let weak = weak.clone();
                // A reply is its text, or { text, file } when it carries a file.
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let (text, file) = match data.as_string() {
                        Some(t) => (Some(t), None),
                        None => (
                            Reflect::get(&data, &"text".into()).ok().and_then(|t| t.as_string()),
                            Reflect::get(&data, &"file".into()).ok().and_then(|f| f.dyn_into::<web_sys::Blob>().ok()),
                        ),
                    };
                    if let (Some(c), Some(text)) = (weak.upgrade(), text) {
                        c.receive(&text, file);
                    }
                })
            };
            let on_error = {
                let weak = weak.clone();
                // A script error in the worker, or its files could not be loaded.
                Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                    e.prevent_default();
                    let detail = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                    if let Some(c) = weak.upgrade() {
                        c.worker.terminate();
                        c.forget();
                        c.stop(
                            &match detail {
                                Some(d) if !d.is_empty() => format!("{WORKER_STOPPED}（{d}）"),
                                _ => WORKER_STOPPED.to_string(),
                            },
                            true,
                        );
                    }
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Client {
                worker: worker.clone(),
                next_id: Cell::new(1),
                pending: RefCell::new(BTreeMap::new()),
                ready,
                ready_settle: RefCell::new(settle),
                stopped: Cell::new(false),
                _on_message: on_message,
                _on_error: on_error,
            }
        });
        let boot_message = Object::new();
        let version = JsValue::from(crate::domain::io_protocol::PROTOCOL_VERSION);
        for (k, v) in [
            ("boot", JsValue::TRUE),
            ("js", js.into()),
            ("wasm", wasm.into()),
            ("lock", lock.clone().into()),
            ("v", version),
        ] {
            let _ = Reflect::set(&boot_message, &k.into(), &v);
        }
        worker.post_message(&boot_message).map_err(|e| format!("ファイル処理を始められませんでした（{e:?}）"))?;
        client.watch(lock);
        Ok(client)
    }

    /// Waits, without blocking, for the worker's lock: granted when the worker is gone.
    fn watch(self: &Rc<Self>, lock: String) {
        let weak = Rc::downgrade(self);
        let ready = self.ready.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if JsFuture::from(ready).await.is_err() {
                return;
            }
            let Some(locks) = web_sys::window()
                .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
                .filter(|l| !l.is_undefined())
            else {
                return;
            };
            let Ok(request) = Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>()) else {
                return;
            };
            let gone = Closure::once_into_js(move || {
                if let Some(c) = weak.upgrade() {
                    c.forget();
                    c.stop(WORKER_STOPPED, true);
                }
            });
            if let Ok(p) = request.call2(&locks, &lock.into(), &gone).and_then(|p| p.dyn_into::<Promise>()) {
                let _ = JsFuture::from(p).await;
            }
        });
    }

    fn receive(&self, text: &str, file: Option<web_sys::Blob>) {
        match decode::<Reply>(text) {
            Ok((0, Reply::Ready)) => {
                if let Some((resolve, _)) = self.ready_settle.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            }
            Ok((id, Reply::Progress { label, done, total })) => {
                if let Some(p) = self.pending.borrow().get(&id) {
                    (p.progress)(label, done, total);
                }
            }
            Ok((0, Reply::Failed { message })) => {
                self.worker.terminate();
                self.forget();
                self.stop(&message, true);
            }
            Ok((id, reply)) => self.settle(id, Ok((reply, file))),
            Err(e) => {
                // Another build's worker, or junk: stop it rather than guess.
                self.worker.terminate();
                self.forget();
                self.stop(&e.to_string(), true);
            }
        }
    }

    fn settle(&self, id: u64, outcome: Result<Answer, String>) {
        let pending = self.pending.borrow_mut().remove(&id);
        if let Some(p) = pending {
            *p.outcome.borrow_mut() = Some(outcome);
            let _ = p.resolve.call0(&JsValue::UNDEFINED);
        }
    }

    /// This worker is no longer the one to ask.
    fn forget(&self) {
        CLIENT.with(|slot| {
            let mine = slot.borrow().as_ref().is_some_and(|c| std::ptr::eq(Rc::as_ptr(c), self));
            if mine {
                *slot.borrow_mut() = None;
            }
        });
    }

    /// Fails everything waiting with `message` (and tells the [`on_stop`] hooks when the
    /// worker stopped by itself). Only the first call counts.
    fn stop(&self, message: &str, by_itself: bool) {
        if self.stopped.replace(true) {
            return;
        }
        if let Some((_, reject)) = self.ready_settle.borrow_mut().take() {
            let _ = reject.call1(&JsValue::UNDEFINED, &JsValue::from_str(message));
        }
        let ids: Vec<u64> = self.pending.borrow().keys().copied().collect();
        for id in ids {
            self.settle(id, Err(message.to_string()));
        }
        if by_itself {
            tell_stopped(message);
        }
    }
}
