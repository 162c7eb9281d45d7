//! 集計 benchmark: 5,000 療養者 and 1,500 訪問看護ステーション from `domain::sample`; the
//! median of 20 full recomputes of the 集計 (A, B, C), the 様式3 totals and 様式4 管内の状況
//! (`summarize` computes all three), printed in ms. The browser goal is ≤ 5 ms.
//!
//! Run: `cargo bench --bench summary` (native, release profile; wasm is typically 1.5–3×
//! slower). Under `cargo test` it only checks that it runs, on a small roster.
//! Measured on the shared 2-core dev machine (no LTO, codegen-units 16): opt-level 3 about
//! 0.9 ms, opt-level "z" (the wasm release setting) about 1.1 ms for the ALS filter.

use nanbyo_chiiki_shindan::domain::evaluation::coverage;
use nanbyo_chiiki_shindan::domain::number::Decimal2;
use nanbyo_chiiki_shindan::domain::overview::Overview;
use nanbyo_chiiki_shindan::domain::sample::{synthetic_patients, synthetic_stations};
use nanbyo_chiiki_shindan::domain::summary::{station_totals, summarize, DiseaseFilter};
use std::hint::black_box;
use std::time::{Duration, Instant};

const RUNS: usize = 20;

fn median_ms(mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let mid = (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
    mid.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes --bench; under `cargo test` this is a quick smoke run.
    let full = std::env::args().any(|a| a == "--bench");
    let (n_patients, n_stations) = if full { (5_000, 1_500) } else { (50, 15) };
    let patients = synthetic_patients(n_patients, 2024);
    let stations = synthetic_stations(n_stations, 2024);
    let overview = Overview {
        population: Some(850_000),
        area_km2: Some(Decimal2(123_456)),
        certified_als: Some(5_000),
        cooperating_hospitals_local: Some(12),
        home_care_clinics_local: Some(80),
        ..Overview::default()
    };
    println!("療養者 {} 人, ステーション {} ヵ所, 中央値 of {RUNS} runs", patients.len(), stations.len());
    for filter in [DiseaseFilter::Als, DiseaseFilter::All] {
        let ms = median_ms(|| {
            black_box(summarize(black_box(&overview), black_box(&patients), black_box(&stations), &filter));
        });
        let n = summarize(&overview, &patients, &stations, &filter).patients;
        println!("集計 + 様式3 合計 + 様式4 管内の状況 ({}, N = {n}): {ms:.3} ms", filter.label());
    }
    let ms = median_ms(|| {
        black_box(station_totals(black_box(&overview), black_box(&stations)));
    });
    println!("  様式3 合計 alone: {ms:.3} ms");
    let ms = median_ms(|| {
        black_box(coverage(black_box(&patients), &DiseaseFilter::Als));
    });
    println!("  様式4 管内の状況 alone: {ms:.3} ms");
    history_growth(if full { 1_000 } else { 20 });
    boundary_file(if full { 110 } else { 2 });
}

/// 管内マップ (issue 14): a prefecture's boundary file of `towns` 市区町村, each a wavy ring of
/// 12,500 points written as 国土数値情報 writes them (about 30 MB for 110): read, then every
/// town projected and thinned to 20 m. Native; wasm in the worker is about 2× slower.
#[allow(clippy::panic)]
fn boundary_file(towns: usize) {
    use nanbyo_chiiki_shindan::domain::map::geojson::read_areas;
    use nanbyo_chiiki_shindan::domain::map::outline::outlines;
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    for t in 0..towns {
        let (lat0, lon0) = (35.0 + (t / 8) as f64 * 0.1, 139.0 + (t % 8) as f64 * 0.1);
        let ring: Vec<String> = (0..=12_500)
            .map(|i| {
                let a = (i % 12_500) as f64 / 12_500.0 * std::f64::consts::TAU;
                let r = 0.04 + 0.004 * (a * 37.0).sin();
                format!("[{:.6},{:.6}]", lon0 + r * a.cos(), lat0 + r * a.sin())
            })
            .collect();
        if t > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"type":"Feature","properties":{{"N03_004":"町{t}","N03_007":"{:05}"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}"#,
            13_000 + t,
            ring.join(",")
        ));
    }
    text.push_str("]}");
    let start = Instant::now();
    let areas = read_areas(&text).unwrap_or_else(|e| panic!("{e}"));
    let read = start.elapsed();
    let chosen: Vec<usize> = (0..areas.len()).collect();
    let map = outlines(&areas, &chosen, 0.02).unwrap_or_else(|| panic!("no outline"));
    let total = start.elapsed();
    let kept: usize = map.outlines.iter().flat_map(|o| &o.rings).map(Vec::len).sum();
    let points: usize = areas.iter().map(|a| a.points()).sum();
    println!(
        "管内マップ: 境界ファイル {:.1} MB ({towns} 市区町村, {points} 点) 読み込み {:.0} ms, 投影と簡略化まで {:.0} ms ({kept} 点に)",
        text.len() as f64 / 1_048_576.0,
        read.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0
    );
}

/// 変更履歴 (issue 17): the storage 10 edits of each of `n` patients add — each edit changes
/// two fields (最終把握時期 and the 訪問看護 visits a week), as a nurse's routine update does.
/// Counted as the JSON text of the rows IndexedDB keeps (`{id, record_id, diagnosis_id,
/// json}`), the store's own overhead aside.
// Fixed inputs of a benchmark: it stops with the reason when one does not parse.
#[allow(clippy::panic)]
fn history_growth(n: usize) {
    use nanbyo_chiiki_shindan::domain::history::{entry_for, Cause, Stamp};
    use nanbyo_chiiki_shindan::domain::ids::{DeviceId, RecordId};
    use nanbyo_chiiki_shindan::domain::record::StoredRecord;
    use nanbyo_chiiki_shindan::domain::time::Timestamp;
    let device = DeviceId::parse("pc-hokenjo-1").unwrap_or_else(|e| panic!("{e}"));
    let diagnosis = RecordId::parse("d-2025").unwrap_or_else(|e| panic!("{e}"));
    let stamp = Stamp { by: "保健師 佐藤".to_string(), cause: Cause::Input };
    let (mut entries, mut bytes) = (0usize, 0usize);
    for (i, p) in synthetic_patients(n, 7).into_iter().enumerate() {
        let id = RecordId::parse(&format!("p-{i:05}-3f9a2c7e-1b4d")).unwrap_or_else(|e| panic!("{e}"));
        let mut record = StoredRecord::create(id, diagnosis.clone(), &p, Timestamp(1_743_465_600_000), &device)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut body = p;
        for edit in 0..10 {
            body.last_contact = format!("2025年{}月{}日 訪問", 4 + edit, 1 + i % 28);
            body.station_nursing.weekly_visits = Some(Decimal2(100 + 50 * (edit as u64 % 3)));
            let Ok(Some(next)) = record.edited(&body, Timestamp(1_743_465_600_000 + edit as i64 * 86_400_000), &device)
            else {
                continue;
            };
            if let Some(e) = entry_for(Some(&record), &next, &stamp) {
                let json = serde_json::to_string(&e).unwrap_or_default();
                bytes += json.len() + e.id.len() + e.record_id.as_str().len() + e.diagnosis_id.as_str().len();
                entries += 1;
            }
            record = next;
        }
    }
    println!(
        "変更履歴: {n} 人 × 10 回の編集 = {entries} 件, {:.2} MB ({} bytes / 件)",
        bytes as f64 / 1_000_000.0,
        bytes / entries.max(1)
    );
}
