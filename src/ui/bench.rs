//! Benchmark entry points, exported to JavaScript for `e2e/bench.mjs` (`npm run bench`).
//! They use their own database (`nanbyo-bench`) and never touch the nurse's data.

use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use crate::storage::idb::{IdbStore, OpenHooks};
use crate::storage::{Store, WriteBatch};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

const BENCH_DB: &str = "nanbyo-bench";

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn set(obj: &Object, key: &str, value: f64) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_f64(value));
}

/// `n` patient records of realistic size and variety for one 地域診断.
pub fn bench_records(n: usize) -> Vec<StoredRecord> {
    let diagnosis = RecordId::sanitized("bench-diagnosis");
    let device = crate::domain::ids::DeviceId::sanitized("bench-device");
    crate::domain::sample::synthetic_patients(n, 7)
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            StoredRecord::create(
                RecordId::sanitized(&format!("bench-{i:05}")),
                diagnosis.clone(),
                p,
                crate::domain::sample::SAMPLE_TIME,
                &device,
            )
            .ok()
        })
        .collect()
}

/// The same records as JSON (for the plain-JavaScript baseline).
#[wasm_bindgen(js_name = benchRecordsJson)]
pub fn bench_records_json(n: usize) -> String {
    serde_json::to_string(&bench_records(n)).unwrap_or_else(|_| "[]".to_string())
}

/// Writes `n` records through our store in one transaction and reads them back.
/// Returns `{ writeMs, readMs, count }`.
#[wasm_bindgen(js_name = benchStorage)]
pub async fn bench_storage(n: usize) -> Result<JsValue, JsValue> {
    let records = bench_records(n);
    let diagnosis = RecordId::sanitized("bench-diagnosis");
    IdbStore::delete_database(BENCH_DB).await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let store = IdbStore::open(BENCH_DB, OpenHooks::default()).await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let t0 = now_ms();
    store
        .apply(WriteBatch { put_records: records, ..WriteBatch::default() })
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let t1 = now_ms();
    let back = store.list_records(&diagnosis).await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let t2 = now_ms();
    store.close();
    IdbStore::delete_database(BENCH_DB).await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let out = Object::new();
    set(&out, "writeMs", t1 - t0);
    set(&out, "readMs", t2 - t1);
    set(&out, "count", back.len() as f64);
    Ok(out.into())
}

/// Phase timings of our write and read paths (to see where time goes).
#[wasm_bindgen(js_name = benchStoragePhases)]
pub async fn bench_storage_phases(n: usize) -> Result<JsValue, JsValue> {
    let records = bench_records(n);
    let out = Object::new();
    let t0 = now_ms();
    let texts: Vec<String> = records.iter().filter_map(|r| serde_json::to_string(r).ok()).collect();
    let t1 = now_ms();
    set(&out, "serializeMs", t1 - t0);
    set(&out, "bytes", texts.iter().map(String::len).sum::<usize>() as f64);
    let rows: Vec<Object> = records
        .iter()
        .zip(&texts)
        .map(|(r, t)| {
            let row = Object::new();
            let _ = Reflect::set(&row, &JsValue::from_str("id"), &JsValue::from_str(r.meta.id.as_str()));
            let _ = Reflect::set(
                &row,
                &JsValue::from_str("diagnosis_id"),
                &JsValue::from_str(r.meta.diagnosis_id.as_str()),
            );
            let _ = Reflect::set(&row, &JsValue::from_str("kind"), &JsValue::from_str(r.meta.kind.key()));
            let _ = Reflect::set(&row, &JsValue::from_str("json"), &JsValue::from_str(t));
            row
        })
        .collect();
    let t2 = now_ms();
    set(&out, "rowsMs", t2 - t1);
    let strings: Vec<String> = rows
        .iter()
        .filter_map(|row| Reflect::get(row, &JsValue::from_str("json")).ok().and_then(|v| v.as_string()))
        .collect();
    let t3 = now_ms();
    set(&out, "toRustMs", t3 - t2);
    let parsed: Vec<StoredRecord> = strings.iter().filter_map(|t| serde_json::from_str(t).ok()).collect();
    let t4 = now_ms();
    set(&out, "parseMs", t4 - t3);
    set(&out, "parsed", parsed.len() as f64);
    Ok(out.into())
}
