//! Benchmark entry points of 端末のロック (`node e2e/bench.mjs lock`, see e2e/bench-lock.mjs);
//! only in a build with the cargo feature `bench`. They use the storage benchmark's own
//! database ([`super::bench::BENCH_DB`]), never the nurse's.

use super::bench::{bench_records, BENCH_DB};
use crate::domain::ids::RecordId;
use crate::domain::time::Timestamp;
use crate::storage::idb::{IdbStore, OpenHooks};
use crate::storage::seal::Seal;
use crate::storage::{Store, WriteBatch};
use js_sys::{Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

fn js(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn set(obj: &Object, key: &str, value: f64) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_f64(value));
}

/// Writes `n` records in one transaction and reads them back, on the plain store and on the
/// sealed one (a random key, as after an unlock), one after the other in this run.
/// Returns `{ plainWriteMs, plainReadMs, sealedWriteMs, sealedReadMs, count }`.
#[wasm_bindgen(js_name = benchLockStorage)]
pub async fn bench_lock_storage(n: usize) -> Result<JsValue, JsValue> {
    let out = Object::new();
    let diagnosis = RecordId::sanitized("bench-diagnosis");
    for sealed in [false, true] {
        let records = bench_records(n);
        IdbStore::delete_database(BENCH_DB).await.map_err(js)?;
        let store = IdbStore::open(BENCH_DB, OpenHooks::default()).await.map_err(js)?;
        if sealed {
            store.set_seal(Rc::new(Seal::ephemeral().await.map_err(js)?), true);
        }
        let t0 = now_ms();
        store.apply(WriteBatch { put_records: records, ..WriteBatch::default() }).await.map_err(js)?;
        let t1 = now_ms();
        let back = store.list_records(&diagnosis).await.map_err(js)?;
        let t2 = now_ms();
        store.close();
        let which = if sealed { "sealed" } else { "plain" };
        set(&out, &format!("{which}WriteMs"), t1 - t0);
        set(&out, &format!("{which}ReadMs"), t2 - t1);
        set(&out, "count", back.len() as f64);
    }
    IdbStore::delete_database(BENCH_DB).await.map_err(js)?;
    Ok(out.into())
}

/// The key derivation alone: PBKDF2-SHA256 (600,000 iterations) and the unwrap of the data
/// key, as an unlock does. Returns `{ deriveMs }`.
#[wasm_bindgen(js_name = benchLockDerive)]
pub async fn bench_lock_derive() -> Result<JsValue, JsValue> {
    let (_, file) = Seal::create("ベンチのパスワード", Timestamp(0)).await.map_err(js)?;
    let t0 = now_ms();
    Seal::unlock(&file, "ベンチのパスワード").await.map_err(js)?;
    let out = Object::new();
    set(&out, "deriveMs", now_ms() - t0);
    Ok(out.into())
}
