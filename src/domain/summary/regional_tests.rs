//! Hand-computed expectations for 広域の比較 (the arithmetic is beside each one).

use super::*;
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::ids::DeviceId;
use crate::domain::patient::{Disease, Patient, VisitMode};
use crate::domain::record::StoredRecord;
use crate::domain::summary::compare::Section;
use crate::domain::time::Timestamp;

fn entry(id: &str, name: &str, year: i32) -> DiagnosisEntry {
    let diagnosis = CommunityDiagnosis { jurisdiction: name.into(), fiscal_year: FiscalYear::new(year).expect("year") };
    let rid = RecordId::parse(id).expect("id");
    let dev = DeviceId::parse("pref-pc").expect("device");
    let record = StoredRecord::create(rid.clone(), rid, &diagnosis, Timestamp(1), &dev).expect("record");
    DiagnosisEntry { record, diagnosis }
}

/// An ALS patient who sees a neurologist (外来) or not (なし).
fn als(specialist: bool) -> Patient {
    let mut p = Patient { id_number: "x".into(), ..Patient::default() };
    p.neurology.mode = Some(if specialist { VisitMode::Outpatient } else { VisitMode::NoVisits });
    p
}

fn inputs(specialists: usize, others: usize, population: Option<u64>) -> SummaryInputs {
    let mut patients: Vec<Patient> = (0..specialists).map(|_| als(true)).collect();
    patients.extend((0..others).map(|_| als(false)));
    let overview = Overview { population, area_km2: Some(Decimal2(5_000)), ..Overview::default() };
    SummaryInputs { overview, overview_entered: population.is_some(), patients, ..SummaryInputs::default() }
}

fn pct(t: u64) -> Option<Tenths> {
    Some(Tenths(t))
}

/// A: 4 of 6 see a neurologist (66.7%); B: 1 of 1 (100.0%, a small area); C: 2 of 8 (25.0%).
fn three() -> (Vec<DiagnosisEntry>, Vec<SummaryInputs>) {
    let entries =
        vec![entry("d-a", "A保健所管内", 2025), entry("d-b", "B保健所管内", 2025), entry("d-c", "C保健所管内", 2025)];
    let inputs = vec![inputs(4, 2, Some(100_000)), inputs(1, 0, Some(50_000)), inputs(2, 6, Some(150_000))];
    (entries, inputs)
}

fn compared(entries: &[DiagnosisEntry], inputs: &[SummaryInputs]) -> Regional {
    let areas: Vec<(&DiagnosisEntry, &SummaryInputs)> = entries.iter().zip(inputs).collect();
    regional(&areas, &DiseaseFilter::Als).expect("comparable")
}

#[test]
fn the_prefecture_sums_counts_and_computes_the_percentage_again() {
    let (e, i) = three();
    let r = compared(&e, &i);
    let specialist = |s: &Summary| {
        let f = &s.coverage[0].figure;
        (f.count, f.denominator_count, f.percent)
    };
    assert_eq!(specialist(&r.areas[0].summary), (4, 6, pct(667)));
    assert_eq!(specialist(&r.areas[1].summary), (1, 1, pct(1000)));
    assert_eq!(specialist(&r.areas[2].summary), (2, 8, pct(250)));
    // 4 + 1 + 2 = 7 of 6 + 1 + 8 = 15 → 46.666… → 46.7% (the mean of the three percentages
    // would be 63.9%).
    assert_eq!(specialist(&r.total), (7, 15, pct(467)));
    assert_eq!(r.total.patients, 15);
    // 人口 100,000 + 50,000 + 150,000; 面積 50 km² × 3 = 150 km² → 2,000.0 人/km².
    assert_eq!(r.total.area.population.value.map(|v| v.to_string()), Some("300000".to_string()));
    assert_eq!(r.total.area.density.value.map(|v| v.to_string()), Some("2000.0".to_string()));
    assert_eq!(r.fiscal_year, FiscalYear::new(2025).expect("year"));
    assert_eq!(r.small_areas(), vec!["B保健所管内"], "1 療養者 < 5");
}

#[test]
fn rows_line_up_every_area_with_the_total() {
    let (e, i) = three();
    let r = compared(&e, &i);
    let rows = r.rows();
    assert_eq!(rows.len(), r.total.lines().len());
    let specialist =
        rows.iter().find(|row| row.section == Section::Coverage && row.label == "専門診療の確保").expect("row");
    assert_eq!(specialist.cells, vec!["66.7％（4/6）", "100.0％（1/1）", "25.0％（2/8）"]);
    assert_eq!(specialist.total, "46.7％（7/15）");
}

#[test]
fn ranking_by_item_with_the_gap_to_the_prefecture() {
    let (e, i) = three();
    let r = compared(&e, &i);
    let got: Vec<(Option<usize>, &str, String, bool)> = r
        .ranking(EvaluationItem::Specialist)
        .iter()
        .map(|row| (row.rank, &r.areas[row.area].name[..1], row.gap_text(), row.small))
        .collect();
    // B 100.0 − 46.7 = +53.3; A 66.7 − 46.7 = +20.0; C 25.0 − 46.7 = −21.7.
    assert_eq!(
        got,
        vec![
            (Some(1), "B", "+53.3ポイント".to_string(), true),
            (Some(2), "A", "+20.0ポイント".to_string(), false),
            (Some(3), "C", "-21.7ポイント".to_string(), false),
        ]
    );
}

#[test]
fn equal_percentages_share_a_place_and_no_patients_come_last() {
    let entries =
        vec![entry("d-a", "A", 2025), entry("d-b", "B", 2025), entry("d-c", "C", 2025), entry("d-e", "E", 2025)];
    // A 1/2 = 50.0, B 2/4 = 50.0, C 0/1 = 0.0, E: no ALS patient (an SCD one) → `-`.
    let mut scd = inputs(0, 0, None);
    scd.patients.push(Patient { disease: Disease::Scd, ..als(true) });
    let inputs = vec![inputs(1, 1, None), inputs(2, 2, None), inputs(0, 1, None), scd];
    let r = compared(&entries, &inputs);
    let got: Vec<(Option<usize>, String, Option<Tenths>)> =
        r.ranking(EvaluationItem::Specialist).into_iter().map(|row| (row.rank, row.name, row.percent)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "A".to_string(), pct(500)),
            (Some(1), "B".to_string(), pct(500)),
            (Some(3), "C".to_string(), pct(0)),
            (None, "E".to_string(), None),
        ]
    );
    // No 概況 anywhere: the prefecture's 人口 is unknown, and every area is named.
    assert_eq!(r.total.area.population.value, None);
    assert_eq!(r.without_overview, vec!["A", "B", "C", "E"]);
    // The total's specialist: 3 of 7 ALS patients (E's SCD patient is not in the filter).
    assert_eq!((r.total.coverage[0].figure.count, r.total.coverage[0].figure.denominator_count), (3, 7));
    assert_eq!(r.total.coverage[0].figure.percent, pct(429), "3 ÷ 7 = 42.857… → 42.9");
}

#[test]
fn choices_that_cannot_be_compared_are_refused_with_a_reason() {
    let a = entry("d-a", "A保健所管内", 2025);
    let b = entry("d-b", "B保健所管内", 2025);
    let old = entry("d-o", "B保健所管内", 2024);
    let twin = entry("d-t", "Ａ保健所管内 ", 2025);
    assert!(check_choice(&[]).is_err());
    assert_eq!(check_choice(&[&a]), Err("比べる地域診断を2つ以上選んでください（1つでは比べられません）".to_string()));
    let e = check_choice(&[&a, &old]).expect_err("years differ");
    assert!(e.starts_with("年度が違う地域診断は比べられません（A保健所管内 令和7年度"), "{e}");
    assert!(e.contains("B保健所管内 令和6年度"), "{e}");
    let e = check_choice(&[&a, &b, &twin]).expect_err("the same area twice");
    assert!(e.starts_with("同じ地区名・年度の地域診断が2つ選ばれています"), "{e}");
    assert_eq!(check_choice(&[&a, &b]), Ok(FiscalYear::new(2025).expect("year")));
    // The comparison refuses the same way.
    let i = SummaryInputs::default();
    assert!(regional(&[(&a, &i), (&old, &i)], &DiseaseFilter::Als).is_err());
}

#[test]
fn overviews_add_up_only_what_every_area_has() {
    let a = Overview {
        population: Some(100),
        area_km2: Some(Decimal2(1_050)),
        certified_als: Some(3),
        base_hospitals_pref: Some(2),
        cooperating_hospitals_pref: Some(30),
        cooperating_hospitals_local: Some(4),
        certified_other: vec![OtherDiseaseCount { disease: "PSP".into(), count: Some(2) }],
        ..Overview::default()
    };
    let b = Overview {
        population: Some(50),
        area_km2: Some(Decimal2(25)),
        certified_als: None,
        base_hospitals_pref: Some(2),
        cooperating_hospitals_pref: Some(31),
        cooperating_hospitals_local: Some(1),
        certified_other: vec![OtherDiseaseCount { disease: " PSP".into(), count: Some(5) }],
        ..Overview::default()
    };
    let s = sum_overviews(&[Some(&a), Some(&b)]);
    assert_eq!(s.population, Some(150));
    assert_eq!(s.area_km2, Some(Decimal2(1_075)), "10.50 + 0.25 km²");
    assert_eq!(s.certified_als, None, "B does not know its ALS count");
    assert_eq!(s.cooperating_hospitals_local, Some(5));
    assert_eq!(s.base_hospitals_pref, Some(2), "a prefecture count both give alike");
    assert_eq!(s.cooperating_hospitals_pref, None, "30 and 31 disagree");
    assert_eq!(s.certified_other, vec![OtherDiseaseCount { disease: "PSP".into(), count: Some(7) }]);
    // An area without a 概況: every local count is unknown, a prefecture count still shows.
    let s = sum_overviews(&[Some(&a), None]);
    assert_eq!((s.population, s.area_km2, s.base_hospitals_pref), (None, None, Some(2)));
    assert_eq!(s.certified_other[0].count, None);
}

#[test]
fn csv_flags_small_areas_and_ends_with_the_prefecture() {
    let (e, i) = three();
    let r = compared(&e, &i);
    let csv = regional_csv(&r);
    let mut lines = csv.trim_start_matches('\u{FEFF}').split("\r\n");
    assert_eq!(lines.next(), Some("区分,項目,単位,A保健所管内,B保健所管内（5人未満）,C保健所管内,都道府県全体"));
    assert!(
        csv.contains("様式4 管内の状況,専門診療の確保,人,66.7％（4/6）,100.0％（1/1）,25.0％（2/8）,46.7％（7/15）"),
        "{csv}"
    );
    assert_eq!(
        small_area_note(&r).as_deref(),
        Some("療養者が5人未満の地域があります（B保健所管内）。人数から個人が分かることがあるので、印刷物やファイルを外に出すときは注意してください")
    );
}

#[test]
fn the_year_shown_first_has_two_areas() {
    let entries = vec![entry("d-a", "A", 2025), entry("d-b", "B", 2024), entry("d-c", "C", 2024)];
    let (years, first) = years_to_compare(&entries);
    let y = |n| FiscalYear::new(n).expect("year");
    assert_eq!(years, vec![(y(2025), 1), (y(2024), 2)]);
    assert_eq!(first, Some(y(2024)));
    assert_eq!(years_to_compare(&entries[..1]).1, Some(y(2025)));
    assert_eq!(years_to_compare(&[]).1, None);
}
