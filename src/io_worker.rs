//! Entry point of the I/O worker's wasm (`nanbyo-io`): loaded by `public/io-worker.js` in a
//! Web Worker, only when a page reads or writes a file. Its exports exist only in this
//! binary, so the page's wasm carries none of the file code (see `worker`).

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Called once when the wasm is ready: tells the page.
    #[wasm_bindgen]
    pub fn start() {
        nanbyo_chiiki_shindan::worker::start();
    }

    /// One message from the page (its JSON text, the File sent with it, if any, and the
    /// unlocked key of 端末のロック with its ID, if the lock is on).
    #[wasm_bindgen]
    pub fn handle(text: &str, file: JsValue, key: JsValue, key_id: JsValue) {
        nanbyo_chiiki_shindan::worker::take_key(key, key_id);
        nanbyo_chiiki_shindan::worker::handle(text, file);
    }
}

fn main() {}
