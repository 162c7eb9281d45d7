//! Benchmark hooks for 広域の比較 (only in a build with the cargo feature `bench`): `areas`
//! 地域診断 of 令和13年度 (2031, newer than any real one, so the page shows it first), each with
//! `patients` synthetic 療養者, 20 ステーション and a 地域の概況, in the bench build's own
//! database ([`APP_DATABASE`]).

use super::bench::APP_DATABASE;
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::overview::Overview;
use crate::domain::record::StoredRecord;
use crate::domain::sample::{synthetic_patients, synthetic_stations, SAMPLE_TIME};
use crate::domain::summary::OVERVIEW_SUFFIX;
use crate::storage::idb::{IdbStore, OpenHooks};
use crate::storage::{Store, WriteBatch};
use wasm_bindgen::prelude::*;

const YEAR: i32 = 2031;

fn js(e: impl ToString) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn area_id(i: usize) -> RecordId {
    RecordId::sanitized(&format!("bench-area-{i:02}"))
}

/// Saves the areas (one transaction each). Returns the number of records written.
#[wasm_bindgen(js_name = benchRegionalSetup)]
pub async fn bench_regional_setup(areas: usize, patients: usize) -> Result<f64, JsValue> {
    let device = DeviceId::sanitized("bench-device");
    let store = IdbStore::open(APP_DATABASE, OpenHooks::default()).await.map_err(js)?;
    let mut written = 0usize;
    for a in 0..areas {
        let id = area_id(a);
        let body = CommunityDiagnosis {
            jurisdiction: format!("ベンチ{a:02}保健所管内"),
            fiscal_year: FiscalYear::new(YEAR).map_err(js)?,
        };
        let diagnosis = StoredRecord::create(id.clone(), id.clone(), &body, SAMPLE_TIME, &device).map_err(js)?;
        let mut records = Vec::with_capacity(patients + 21);
        for (i, p) in synthetic_patients(patients, 100 + a as u64).iter().enumerate() {
            let rid = RecordId::sanitized(&format!("bench-area-{a:02}-p-{i:04}"));
            records.push(StoredRecord::create(rid, id.clone(), p, SAMPLE_TIME, &device).map_err(js)?);
        }
        for (i, s) in synthetic_stations(20, 100 + a as u64).iter().enumerate() {
            let rid = RecordId::sanitized(&format!("bench-area-{a:02}-s-{i:02}"));
            records.push(StoredRecord::create(rid, id.clone(), s, SAMPLE_TIME, &device).map_err(js)?);
        }
        let overview = Overview {
            population: Some(200_000 + 1_000 * a as u64),
            area_km2: Some(crate::domain::number::Decimal2::whole(100 + a as u64)),
            certified_als: Some(patients as u64 / 2),
            ..Overview::default()
        };
        let oid = RecordId::singleton(&id, OVERVIEW_SUFFIX).map_err(js)?;
        records.push(StoredRecord::create(oid, id.clone(), &overview, SAMPLE_TIME, &device).map_err(js)?);
        written += records.len() + 1;
        super::bench::replace_diagnosis(&store, diagnosis, records).await?;
    }
    store.close();
    Ok(written as f64)
}

/// Removes what [`bench_regional_setup`] saved.
#[wasm_bindgen(js_name = benchRegionalRemove)]
pub async fn bench_regional_remove(areas: usize) -> Result<(), JsValue> {
    let store = IdbStore::open(APP_DATABASE, OpenHooks::default()).await.map_err(js)?;
    let purge: Vec<RecordId> = (0..areas).map(area_id).collect();
    store.apply(WriteBatch { purge_diagnoses: purge, ..WriteBatch::default() }).await.map_err(js)?;
    store.close();
    Ok(())
}
