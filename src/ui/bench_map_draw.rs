//! Benchmark hooks for drawing the 管内マップ (only in a build with the cargo feature `bench`):
//! one 地域診断 with 300 synthetic 療養者 and 500 施設, all placed by 緯度・経度 on a 下図 of
//! five 市町村 outlines (squares of 0.1°, 400 points each), in the bench build's own database.

use super::bench::APP_DATABASE;
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::records::{AreaOutline, BaseMap, Facility, MapSheet, Position};
use crate::domain::record::StoredRecord;
use crate::domain::records::{BASE_MAP_SUFFIX, MAP_SHEET_SUFFIX};
use crate::domain::sample::{synthetic_patients, SAMPLE_TIME};
use crate::storage::idb::{IdbStore, OpenHooks};
use wasm_bindgen::prelude::*;

/// The 地域診断 the hooks write.
pub const MAP_BENCH_ID: &str = "bench-map";

fn js(e: impl ToString) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// A square town of 0.1° at (35.0, 139.0 + 0.1·i) with `n` points a side.
fn town(i: usize, n: usize) -> AreaOutline {
    let (lat, lon) = (35.0, 139.0 + 0.1 * i as f64);
    let mut ring = Vec::with_capacity(4 * n + 1);
    for k in 0..n {
        let t = 0.1 * k as f64 / n as f64;
        ring.push([lat, lon + t]);
    }
    for k in 0..n {
        let t = 0.1 * k as f64 / n as f64;
        ring.push([lat + t, lon + 0.1]);
    }
    for k in 0..n {
        let t = 0.1 * k as f64 / n as f64;
        ring.push([lat + 0.1, lon + 0.1 - t]);
    }
    for k in 0..n {
        let t = 0.1 * k as f64 / n as f64;
        ring.push([lat + 0.1 - t, lon]);
    }
    ring.push(ring[0]);
    AreaOutline { name: format!("ベンチ{}町", i + 1), rings: vec![ring] }
}

/// A place inside the five towns, spread evenly by `k` of `of`.
fn spot(k: usize, of: usize) -> Position {
    let golden = 0.618_033_988_75;
    let x = (k as f64 * golden).fract();
    let y = (k as f64 + 0.5) / of as f64;
    Position::Ground { lat: 35.005 + 0.09 * y, lon: 139.005 + 0.49 * x }
}

/// Saves the 地域診断 (one transaction). Returns the number of records written.
#[wasm_bindgen(js_name = benchMapDrawSetup)]
pub async fn bench_map_draw_setup(patients: usize, facilities: usize) -> Result<f64, JsValue> {
    let device = DeviceId::sanitized("bench-device");
    let store = IdbStore::open(APP_DATABASE, OpenHooks::default()).await.map_err(js)?;
    let id = RecordId::sanitized(MAP_BENCH_ID);
    let body = CommunityDiagnosis {
        jurisdiction: "ベンチ地図保健所管内".into(),
        fiscal_year: FiscalYear::new(2031).map_err(js)?,
    };
    let diagnosis = StoredRecord::create(id.clone(), id.clone(), &body, SAMPLE_TIME, &device).map_err(js)?;
    let mut records = Vec::with_capacity(patients + facilities + 2);
    let mut sheet = MapSheet::default();
    for (i, p) in synthetic_patients(patients, 77).iter().enumerate() {
        let rid = RecordId::sanitized(&format!("bench-map-p-{i:04}"));
        sheet.set_patient(&rid, Some(spot(i, patients)));
        records.push(StoredRecord::create(rid, id.clone(), p, SAMPLE_TIME, &device).map_err(js)?);
    }
    for i in 0..facilities {
        let f = Facility {
            name: format!("ベンチ施設{i:03}"),
            kind: FacilityKind::ALL[i % FacilityKind::ALL.len()],
            other_names: Vec::new(),
            address: String::new(),
            station_id: None,
            position: Some(spot(i * 7 + 3, facilities * 7)),
        };
        let rid = RecordId::sanitized(&format!("bench-map-f-{i:04}"));
        records.push(StoredRecord::create(rid, id.clone(), &f, SAMPLE_TIME, &device).map_err(js)?);
    }
    let base = BaseMap::Outlines { file_name: "bench.geojson".into(), areas: (0..5).map(|i| town(i, 100)).collect() };
    let bid = RecordId::singleton(&id, BASE_MAP_SUFFIX).map_err(js)?;
    records.push(StoredRecord::create(bid, id.clone(), &base, SAMPLE_TIME, &device).map_err(js)?);
    let sid = RecordId::singleton(&id, MAP_SHEET_SUFFIX).map_err(js)?;
    records.push(StoredRecord::create(sid, id.clone(), &sheet, SAMPLE_TIME, &device).map_err(js)?);
    let written = records.len() + 1;
    super::bench::replace_diagnosis(&store, diagnosis, records).await?;
    store.close();
    Ok(written as f64)
}
