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
}
