//! Properties of the 集計 over synthetic rosters of random size and seed.

use super::*;
use crate::domain::overview::Overview;
use crate::domain::patient::{Disease, Patient};
use crate::domain::sample::{synthetic_patients, synthetic_stations, Lcg};
use crate::domain::station::Station;
use proptest::prelude::*;

fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    // Fisher–Yates with the sample module's deterministic source.
    let mut v = items.to_vec();
    let mut r = Lcg::new(seed);
    for i in (1..v.len()).rev() {
        let j = r.below(i as u64 + 1) as usize;
        v.swap(i, j);
    }
    v
}

fn overview(population: Option<u64>, area: Option<u64>) -> Overview {
    Overview {
        population,
        area_km2: area.map(crate::domain::number::Decimal2),
        certified_als: Some(40),
        cooperating_hospitals_local: Some(4),
        home_care_clinics_local: Some(12),
        ..Overview::default()
    }
}

fn filters() -> [DiseaseFilter; 3] {
    [DiseaseFilter::Als, DiseaseFilter::All, DiseaseFilter::Disease(Disease::Scd)]
}

/// Some patients with every field blank, so unknowns are common too.
fn with_blanks(mut patients: Vec<Patient>, every: usize) -> Vec<Patient> {
    for (i, p) in patients.iter_mut().enumerate() {
        if every > 0 && i % every == 0 {
            *p = Patient { disease: p.disease.clone(), ..Patient::default() };
        }
    }
    patients
}

fn check(summary: &Summary, patients: &[Patient], stations: &[Station]) -> Result<(), TestCaseError> {
    let n = summary.patients;
    for line in summary.lines() {
        if let Line::Figure(f) = line.line {
            let label = f.label;
            // Percentages are in [0, 100] or `-`, and `-` exactly when the denominator is 0.
            prop_assert_eq!(f.percent.is_none(), f.denominator_count == 0, "{}", label);
            if let Some(p) = f.percent {
                prop_assert!(p.0 <= 1000, "{} {}", label, p);
            }
            prop_assert!(f.count <= f.denominator_count, "{} {} > {}", label, f.count, f.denominator_count);
            // The drill-down lists exactly the counted and the unknown records.
            match f.key {
                FigureKey::Patient(_) => {
                    prop_assert!(f.count + f.unknown <= n, "{}", label);
                    prop_assert_eq!(members(f.key, patients, &summary.filter).len() as u64, f.count, "{}", label);
                    prop_assert_eq!(
                        unknown_members(f.key, patients, &summary.filter).len() as u64,
                        f.unknown,
                        "{}",
                        label
                    );
                }
                FigureKey::Station(_) => {
                    prop_assert_eq!(station_members(f.key, stations).len() as u64, f.count, "{}", label);
                    prop_assert_eq!(station_unknown_members(f.key, stations).len() as u64, f.unknown, "{}", label);
                }
            }
            // The denominator is the count of its own figure.
            let d = f.denominator.key();
            let expected = match d {
                FigureKey::Patient(_) => members(d, patients, &summary.filter).len(),
                FigureKey::Station(_) => stations.len(),
            };
            prop_assert_eq!(f.denominator_count, expected as u64, "{}", label);
        }
    }
    for c in &summary.coverage {
        prop_assert_eq!(
            c.parts.iter().map(|p| p.count).sum::<u64>(),
            if c.parts.is_empty() { 0 } else { c.figure.count }
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn figures_are_bounded_and_match_their_members(
        seed in any::<u64>(),
        n in 0usize..160,
        m in 0usize..40,
        blanks in 0usize..6,
        population in proptest::option::of(0u64..2_000_000),
        area in proptest::option::of(0u64..100_000_000),
    ) {
        let patients = with_blanks(synthetic_patients(n, seed), blanks);
        let stations = synthetic_stations(m, seed);
        let o = overview(population, area);
        for filter in filters() {
            let s = summarize(&o, &patients, &stations, &filter);
            check(&s, &patients, &stations)?;
            // The CSV has one row per line plus the footnotes.
            prop_assert_eq!(summary_rows(&s).len(), s.lines().len() + SUMMARY_FOOTNOTES.len());
        }
    }

    #[test]
    fn totals_do_not_depend_on_the_order_of_records(
        seed in any::<u64>(),
        order in any::<u64>(),
        n in 0usize..160,
        m in 0usize..40,
    ) {
        let patients = with_blanks(synthetic_patients(n, seed), 5);
        let stations = synthetic_stations(m, seed);
        let o = overview(Some(250_000), Some(12_345));
        for filter in filters() {
            let a = summarize(&o, &patients, &stations, &filter);
            let b = summarize(&o, &shuffled(&patients, order), &shuffled(&stations, order ^ 1), &filter);
            prop_assert_eq!(&a, &b);
        }
    }

    #[test]
    fn other_diseases_do_not_change_the_als_summary(seed in any::<u64>(), n in 0usize..120) {
        let patients = synthetic_patients(n, seed);
        let als: Vec<Patient> = patients.iter().filter(|p| p.disease == Disease::Als).cloned().collect();
        let o = overview(Some(100_000), Some(5_000));
        prop_assert_eq!(
            summarize(&o, &patients, &[], &DiseaseFilter::Als),
            summarize(&o, &als, &[], &DiseaseFilter::Als)
        );
        // 全疾患 N is the whole roster.
        prop_assert_eq!(summarize(&o, &patients, &[], &DiseaseFilter::All).patients, n as u64);
    }

    #[test]
    fn reading_again_with_the_cache_equals_reading_afresh(seed in any::<u64>(), n in 0usize..60, edits in any::<u64>()) {
        use crate::domain::ids::{DeviceId, RecordId};
        use crate::domain::record::StoredRecord;
        use crate::domain::time::Timestamp;
        let dev = DeviceId::sanitized("dev");
        let d = RecordId::sanitized("d1");
        let patients = synthetic_patients(n, seed);
        let mut records: Vec<StoredRecord> = patients
            .iter()
            .enumerate()
            .filter_map(|(i, p)| StoredRecord::create(RecordId::sanitized(&format!("p{i}")), d.clone(), p, Timestamp(1), &dev).ok())
            .collect();
        records.extend(synthetic_stations(n / 3, seed).iter().enumerate().filter_map(|(i, s)| {
            StoredRecord::create(RecordId::sanitized(&format!("s{i}")), d.clone(), s, Timestamp(1), &dev).ok()
        }));
        let mut cache = InputsCache::default();
        prop_assert_eq!(summary_inputs_cached(&records, &d, &mut cache), summary_inputs(&records, &d));
        // Edit, trash and remove some records, then read again with the same cache.
        let mut r = Lcg::new(edits);
        let others = synthetic_patients(records.len(), edits ^ 7);
        for (i, rec) in records.iter_mut().enumerate() {
            match r.below(6) {
                0 => {
                    if let Some(p) = others.get(i) {
                        if rec.meta.kind == crate::domain::record::RecordKind::Patient {
                            if let Ok(Some(e)) = rec.edited(p, Timestamp(2), &dev) {
                                *rec = e;
                            }
                        }
                    }
                }
                1 => rec.meta.deleted_at = Some(Timestamp(3)),
                _ => {}
            }
        }
        let keep = r.below(records.len() as u64 + 1) as usize;
        records.truncate(keep);
        prop_assert_eq!(summary_inputs_cached(&records, &d, &mut cache), summary_inputs(&records, &d));
    }

    #[test]
    fn comparison_lines_up_any_two_years(a in any::<u64>(), b in any::<u64>(), n in 0usize..80, m in 0usize..80) {
        let o = overview(Some(100_000), Some(5_000));
        let previous = summarize(&o, &synthetic_patients(n, a), &synthetic_stations(n / 3, a), &DiseaseFilter::Als);
        let current = summarize(&Overview::default(), &synthetic_patients(m, b), &[], &DiseaseFilter::All);
        let rows = compare(&previous, &current);
        prop_assert_eq!(rows.len(), current.lines().len());
        for r in &rows {
            // A change exists exactly when both years have a value.
            prop_assert_eq!(r.change.is_some(), r.previous.is_some() && r.current.is_some());
            prop_assert_eq!(r.point_change.is_some(), r.previous_percent.is_some() && r.current_percent.is_some());
        }
        let csv = comparison_csv(&rows);
        prop_assert!(!csv.contains('\''));
    }
}
