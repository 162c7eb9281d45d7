//! 難病の地域診断 Web — the 難病の地域診断ツール as a browser-only app.
//!
//! * [`domain`] is plain Rust (records, parsing, validation, 集計, 様式4, 判断樹, bundles).
//! * [`storage`] is the async store trait with an in-memory twin and, in the browser, IndexedDB.
//! * `ui` (wasm32 only) renders and binds with Leptos.
//! * `worker` (wasm32 only) is the I/O worker's code: files read, checked, planned and written
//!   in a Web Worker (its own wasm, `src/io_worker.rs`).

pub mod domain;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod web_crypto;

#[cfg(target_arch = "wasm32")]
pub mod worker;
