//! Benchmark entry points, exported to JavaScript for `e2e/bench.mjs` (`npm run bench`).
//! Only in a build with the cargo feature `bench` (dist-bench/), never in the app nurses use.
//! They never touch the nurse's data: the storage benchmark uses a database of its own
//! ([`BENCH_DB`]), and a bench build's app — which the io and roster benchmarks fill and
//! then drive as a nurse would — uses [`APP_DATABASE`] instead of the app's database.

use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use crate::storage::idb::{IdbStore, OpenHooks};
use crate::storage::{Store, WriteBatch};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

/// The storage benchmark's database (made and deleted by each run).
pub const BENCH_DB: &str = "nanbyo-bench";
/// The database of a bench build's app (the one the io and roster benchmarks seed).
pub const APP_DATABASE: &str = "nanbyo-chiiki-shindan-bench";

/// `a == b` for `&str` in a constant.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The app nurses use keeps its data in this database; no benchmark may open it.
const NURSES_DATABASE: &str = crate::storage::schema::DATABASE_NAME;
const _: () = assert!(!same(APP_DATABASE, NURSES_DATABASE) && !same(BENCH_DB, NURSES_DATABASE));

/// Writes a test 地域診断 and its records in place of any earlier copy (the earlier one is
/// purged first, then everything is written in one transaction).
pub(crate) async fn replace_diagnosis(
    store: &IdbStore,
    diagnosis: StoredRecord,
    records: Vec<StoredRecord>,
) -> Result<(), JsValue> {
    let id = diagnosis.meta.id.clone();
    let js = |e: crate::storage::StorageError| JsValue::from_str(&e.to_string());
    store.apply(WriteBatch { purge_diagnoses: vec![id], ..WriteBatch::default() }).await.map_err(js)?;
    store
        .apply(WriteBatch { put_diagnoses: vec![diagnosis], put_records: records, ..WriteBatch::default() })
        .await
        .map_err(js)
}

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

// ---------------------------------------------------------------------------------------
// データの入出力 (section "io" of e2e/bench-more.mjs): a synthetic 地域診断 saved into the
// bench build's app database (APP_DATABASE) under a test name, then each phase of export and
// import timed alone; the roster benchmark then times the page itself on that data.
// ---------------------------------------------------------------------------------------

mod io_bench {
    use super::APP_DATABASE;
    use super::{now_ms, set};
    use crate::domain::bundle::{
        apply_plan, export, parse_bundle, plan_import, select_for_export, split_diagnoses, ExportOptions, ExportScope,
        ImportPlan, KnownIds, ParsedBundle, Resolutions,
    };
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::record::StoredRecord;
    use crate::domain::sample::{synthetic_patients, synthetic_stations, SAMPLE_TIME};
    use crate::domain::time::Timestamp;
    use crate::storage::idb::{IdbStore, OpenHooks};
    use crate::storage::{Store, WriteBatch};
    use js_sys::Object;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    /// The test 地域診断's ID and name.
    const DIAGNOSIS: &str = "bench-io-diagnosis";
    const NAME: &str = "ベンチマーク用地区（削除してかまいません）";

    #[derive(Default)]
    struct State {
        text: Option<String>,
        local: Vec<StoredRecord>,
        parsed: Option<ParsedBundle>,
        plan: Option<ImportPlan>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    fn js(e: impl ToString) -> JsValue {
        JsValue::from_str(&e.to_string())
    }

    async fn open() -> Result<IdbStore, JsValue> {
        IdbStore::open(APP_DATABASE, OpenHooks::default()).await.map_err(js)
    }

    async fn all_records(store: &IdbStore) -> Result<Vec<StoredRecord>, JsValue> {
        let diagnoses = store.list_diagnoses().await.map_err(js)?;
        let mut all = Vec::new();
        for d in &diagnoses {
            all.extend(store.list_records(&d.meta.id).await.map_err(js)?);
        }
        all.extend(diagnoses);
        Ok(all)
    }

    /// Saves a 地域診断 with `patients` 療養者 and `stations` ステーション (every patient
    /// edited once, so records carry field stamps as real ones do) in one transaction.
    /// Returns `{ records, setupMs }`.
    #[wasm_bindgen(js_name = benchIoSetup)]
    pub async fn bench_io_setup(patients: usize, stations: usize) -> Result<JsValue, JsValue> {
        let t0 = now_ms();
        let device = DeviceId::sanitized("bench-device");
        let id = RecordId::sanitized(DIAGNOSIS);
        let body =
            CommunityDiagnosis { jurisdiction: NAME.to_string(), fiscal_year: FiscalYear::new(2025).map_err(js)? };
        let diagnosis = StoredRecord::create(id.clone(), id.clone(), &body, SAMPLE_TIME, &device).map_err(js)?;
        let later = Timestamp(SAMPLE_TIME.0 + 86_400_000);
        let mut records = Vec::with_capacity(patients + stations);
        for (i, p) in synthetic_patients(patients, 11).iter().enumerate() {
            let r = StoredRecord::create(
                RecordId::sanitized(&format!("bench-p-{i:05}")),
                id.clone(),
                p,
                SAMPLE_TIME,
                &device,
            )
            .map_err(js)?;
            let mut edited = p.clone();
            edited.last_contact = format!("2025年{}月 電話", 1 + i % 12);
            records.push(r.edited(&edited, later, &device).map_err(js)?.unwrap_or(r));
        }
        for (i, s) in synthetic_stations(stations, 11).iter().enumerate() {
            records.push(
                StoredRecord::create(
                    RecordId::sanitized(&format!("bench-s-{i:05}")),
                    id.clone(),
                    s,
                    SAMPLE_TIME,
                    &device,
                )
                .map_err(js)?,
            );
        }
        let n = records.len() + 1;
        let store = open().await?;
        super::replace_diagnosis(&store, diagnosis, records).await?;
        store.close();
        let out = Object::new();
        set(&out, "records", n as f64);
        set(&out, "setupMs", now_ms() - t0);
        Ok(out.into())
    }

    /// Export: read every record of the device and write the test 地域診断's bundle.
    /// Returns `{ readMs, exportMs, bytes }`.
    #[wasm_bindgen(js_name = benchIoExport)]
    pub async fn bench_io_export() -> Result<JsValue, JsValue> {
        let store = open().await?;
        let t0 = now_ms();
        let all = all_records(&store).await?;
        let t1 = now_ms();
        let scope = ExportScope::Diagnoses { ids: vec![RecordId::sanitized(DIAGNOSIS)] };
        let (d, r) = select_for_export(&all, &scope, true);
        let options = ExportOptions {
            exported_at: Timestamp(js_sys::Date::now() as i64),
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            device: DeviceId::sanitized("bench-device"),
            scope,
            anonymised: false,
            pretty: false,
        };
        let text = export(&d, &r, &options).map_err(js)?;
        let t2 = now_ms();
        store.close();
        let out = Object::new();
        set(&out, "readMs", t1 - t0);
        set(&out, "exportMs", t2 - t1);
        set(&out, "bytes", text.len() as f64);
        STATE.with(|s| s.borrow_mut().text = Some(text));
        Ok(out.into())
    }

    /// The exported text (for the UI import timing).
    #[wasm_bindgen(js_name = benchIoExportedText)]
    pub fn bench_io_exported_text() -> String {
        STATE.with(|s| s.borrow().text.clone().unwrap_or_default())
    }

    /// Removes the test 地域診断 (so the import adds everything back).
    #[wasm_bindgen(js_name = benchIoRemove)]
    pub async fn bench_io_remove() -> Result<(), JsValue> {
        let store = open().await?;
        store
            .apply(WriteBatch { purge_diagnoses: vec![RecordId::sanitized(DIAGNOSIS)], ..WriteBatch::default() })
            .await
            .map_err(js)?;
        store.close();
        Ok(())
    }

    /// Validate: read the device's records (for the reference check) and check the file
    /// completely. Returns `{ loadMs, parseMs, records }`.
    #[wasm_bindgen(js_name = benchIoParse)]
    pub async fn bench_io_parse() -> Result<JsValue, JsValue> {
        let text = STATE.with(|s| s.borrow().text.clone()).ok_or_else(|| js("export first"))?;
        let store = open().await?;
        let t0 = now_ms();
        let local = all_records(&store).await?;
        store.close();
        let t1 = now_ms();
        let parsed = parse_bundle(text.as_bytes(), &KnownIds::from_records(&local)).map_err(js)?;
        let t2 = now_ms();
        let out = Object::new();
        set(&out, "loadMs", t1 - t0);
        set(&out, "parseMs", t2 - t1);
        set(&out, "records", (parsed.bundle.diagnoses.len() + parsed.bundle.records.len()) as f64);
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.local = local;
            s.parsed = Some(parsed);
        });
        Ok(out.into())
    }

    /// Dry run: the import plan. Returns `{ planMs, new, identical, changed }`.
    #[wasm_bindgen(js_name = benchIoPlan)]
    pub fn bench_io_plan() -> Result<JsValue, JsValue> {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let parsed = s.parsed.as_ref().ok_or_else(|| js("parse first"))?;
            let t0 = now_ms();
            let plan = plan_import(&s.local, &parsed.bundle);
            let t1 = now_ms();
            let summary = plan.summary();
            let out = Object::new();
            set(&out, "planMs", t1 - t0);
            set(&out, "new", summary.new as f64);
            set(&out, "identical", summary.identical as f64);
            set(&out, "changed", (summary.updated + summary.merged + summary.conflicts) as f64);
            s.plan = Some(plan);
            Ok(out.into())
        })
    }

    /// Apply: the records to write, written in one transaction. Returns
    /// `{ applyMs, writeMs, written }`.
    #[wasm_bindgen(js_name = benchIoApply)]
    pub async fn bench_io_apply() -> Result<JsValue, JsValue> {
        let plan = STATE.with(|s| s.borrow_mut().plan.take()).ok_or_else(|| js("plan first"))?;
        let t0 = now_ms();
        let applied = apply_plan(&plan, &Resolutions::new());
        let written = applied.records.len();
        let (put_diagnoses, put_records) = split_diagnoses(applied.records);
        let t1 = now_ms();
        let store = open().await?;
        store.apply(WriteBatch { put_diagnoses, put_records, ..WriteBatch::default() }).await.map_err(js)?;
        store.close();
        let t2 = now_ms();
        let out = Object::new();
        set(&out, "applyMs", t1 - t0);
        set(&out, "writeMs", t2 - t1);
        set(&out, "written", written as f64);
        Ok(out.into())
    }
}

// ---------------------------------------------------------------------------------------
// 集計 (section "summary" of e2e/bench-summary.mjs): the full recompute of the 集計 (A, B, C,
// 様式3 の合計) and 様式4 管内の状況 — what the pages' `Memo` does when a record changes —
// on synthetic data, inside the wasm. Nothing is stored.
// ---------------------------------------------------------------------------------------

mod summary_bench {
    use super::{now_ms, set};
    use crate::domain::evaluation::{evaluation_rows, Evaluation};
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::number::Decimal2;
    use crate::domain::overview::Overview;
    use crate::domain::patient::Patient;
    use crate::domain::record::StoredRecord;
    use crate::domain::sample::{synthetic_patients, synthetic_stations, SAMPLE_TIME};
    use crate::domain::station::Station;
    use crate::domain::summary::{summarize, summary_inputs, summary_inputs_cached, DiseaseFilter, InputsCache};
    use js_sys::Object;
    use std::cell::RefCell;
    use std::hint::black_box;
    use wasm_bindgen::prelude::*;

    #[derive(Default)]
    struct Data {
        overview: Overview,
        patients: Vec<Patient>,
        stations: Vec<Station>,
        records: Vec<StoredRecord>,
        /// The same records read again (as after a save: new texts, same content).
        reloaded: Vec<StoredRecord>,
        cache: InputsCache,
    }

    thread_local! {
        static DATA: RefCell<Data> = RefCell::new(Data::default());
    }

    const DIAGNOSIS: &str = "bench-summary";

    /// Makes `patients` 療養者 and `stations` ステーション from `domain::sample` (and their
    /// stored records) for [`bench_summary_run`]. Returns `{ patients, stations, n }`.
    #[wasm_bindgen(js_name = benchSummarySetup)]
    pub fn bench_summary_setup(patients: usize, stations: usize) -> JsValue {
        let overview = Overview {
            population: Some(850_000),
            area_km2: Some(Decimal2(123_456)),
            certified_als: Some(5_000),
            cooperating_hospitals_local: Some(12),
            home_care_clinics_local: Some(80),
            ..Overview::default()
        };
        let p = synthetic_patients(patients, 2024);
        let s = synthetic_stations(stations, 2024);
        let diagnosis = RecordId::sanitized(DIAGNOSIS);
        let device = DeviceId::sanitized("bench-device");
        let mut records: Vec<StoredRecord> = Vec::with_capacity(patients + stations);
        for (i, x) in p.iter().enumerate() {
            let id = RecordId::sanitized(&format!("p-{i:05}"));
            if let Ok(r) = StoredRecord::create(id, diagnosis.clone(), x, SAMPLE_TIME, &device) {
                records.push(r);
            }
        }
        for (i, x) in s.iter().enumerate() {
            let id = RecordId::sanitized(&format!("s-{i:05}"));
            if let Ok(r) = StoredRecord::create(id, diagnosis.clone(), x, SAMPLE_TIME, &device) {
                records.push(r);
            }
        }
        let out = Object::new();
        set(&out, "patients", p.len() as f64);
        set(&out, "stations", s.len() as f64);
        set(&out, "n", summarize(&overview, &p, &s, &DiseaseFilter::Als).patients as f64);
        let reloaded: Vec<StoredRecord> =
            serde_json::to_string(&records).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let mut cache = InputsCache::default();
        let _ = summary_inputs_cached(&records, &RecordId::sanitized(DIAGNOSIS), &mut cache);
        DATA.with(|d| *d.borrow_mut() = Data { overview, patients: p, stations: s, records, reloaded, cache });
        out.into()
    }

    /// One timed run, in ms (performance.now()): `als` / `all` = the full recompute of the
    /// 集計 (A, B, C, 様式3 の合計) and 様式4 管内の状況 for ALS / 全疾患, what the pages'
    /// `Memo` does when a record changes; `views` = that plus what the views derive from it
    /// (lines, groups, charts, 様式4 rows); `read` = reading every stored record into the
    /// 集計's inputs; `reread` = the same after a save, with the bodies already read kept
    /// (what the pages do: only changed bodies are parsed).
    #[wasm_bindgen(js_name = benchSummaryRun)]
    pub fn bench_summary_run(kind: &str) -> f64 {
        run_once(kind)
    }

    /// `reps` runs back to back in one task; the mean in ms (a longer task, so that CPU
    /// throttling, which suspends the page in slices, is measured evenly).
    #[wasm_bindgen(js_name = benchSummaryBatch)]
    pub fn bench_summary_batch(kind: &str, reps: usize) -> f64 {
        let reps = reps.max(1);
        (0..reps).map(|_| run_once(kind)).sum::<f64>() / reps as f64
    }

    fn run_once(kind: &str) -> f64 {
        DATA.with(|d| {
            let mut d = d.borrow_mut();
            if kind == "reread" {
                let Data { reloaded, cache, .. } = &mut *d;
                let t0 = now_ms();
                black_box(summary_inputs_cached(black_box(reloaded), &RecordId::sanitized(DIAGNOSIS), cache));
                return now_ms() - t0;
            }
            let (o, p, s) = (black_box(&d.overview), black_box(&d.patients), black_box(&d.stations));
            let t0 = now_ms();
            match kind {
                "all" => {
                    black_box(summarize(o, p, s, &DiseaseFilter::All));
                }
                "views" => {
                    let summary = summarize(o, p, s, &DiseaseFilter::Als);
                    black_box(summary.lines().len());
                    black_box(summary.status.groups().len());
                    black_box(summary.charts());
                    black_box(evaluation_rows(&Evaluation::default(), &summary.coverage));
                }
                "read" => {
                    black_box(summary_inputs(black_box(&d.records), &RecordId::sanitized(DIAGNOSIS)));
                }
                _ => {
                    black_box(summarize(o, p, s, &DiseaseFilter::Als));
                }
            }
            now_ms() - t0
        })
    }
}
