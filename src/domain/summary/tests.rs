//! Hand-computed expectations for the 集計 (the arithmetic is written beside each one).

use super::*;
use crate::domain::number::{Decimal2, Tenths};
use crate::domain::overview::Overview;
use crate::domain::patient::*;
use crate::domain::station::{FteEntry, Intake, StaffMember, Station};
use crate::domain::tri::Tri;

fn pct(tenths: u64) -> Option<Tenths> {
    Some(Tenths(tenths))
}

/// (count, percent, unknown) of a figure.
fn cpu(f: &Figure) -> (u64, Option<Tenths>, u64) {
    (f.count, f.percent, f.unknown)
}

/// The seed's 様式1 入力例 例1, as the nurse types it (the one copy: `forms::seed_examples`).
pub(crate) fn seed_example_1() -> Patient {
    crate::domain::forms::seed_examples::seed_patient(crate::domain::forms::seed_examples::seed_example_1())
}

/// The seed's 様式1 入力例 例2, as the nurse types it (the one copy: `forms::seed_examples`).
pub(crate) fn seed_example_2() -> Patient {
    crate::domain::forms::seed_examples::seed_patient(crate::domain::forms::seed_examples::seed_example_2())
}

/// 人口 250,000, 面積 123.45 km², ALS 認定者 12, 協力病院（管内） 3, 在宅療養支援診療所 20.
pub(crate) fn overview() -> Overview {
    Overview {
        population: Some(250_000),
        area_km2: Some(Decimal2(12_345)),
        certified_als: Some(12),
        certified_scd: Some(30),
        cooperating_hospitals_local: Some(3),
        home_care_clinics_local: Some(20),
        ..Overview::default()
    }
}

pub(crate) fn three_stations() -> Vec<Station> {
    let staff =
        |full_time, hours| StaffMember { label: String::new(), full_time, weekly_hours: Decimal2::whole(hours) };
    vec![
        Station {
            name: "Ａｽﾃｰｼｮﾝ".into(),
            fte: FteEntry::Direct { value: Decimal2::whole(3) },
            monthly_users: Some(40),
            medical_insurance_users: Some(10),
            room_for_more_visits: Some(true),
            addition_24h: Some(true),
            addition_special: Some(true),
            als_experience: Some(true),
            ventilator_experience: Some(true),
            als_intake: Some(Intake::Possible),
            child_intake: Some(Intake::Impossible),
            ..Station::default()
        },
        Station {
            name: "Ｂｽﾃｰｼｮﾝ".into(),
            // The seed's worked example: 1 + 1 + (20 + 12) / 32 = 3.0
            fte: FteEntry::Staff {
                contracted_week_hours: Decimal2::whole(32),
                members: vec![staff(true, 0), staff(true, 0), staff(false, 20), staff(false, 12)],
            },
            monthly_users: Some(25),
            medical_insurance_users: Some(5),
            room_for_more_visits: Some(false),
            addition_24h: Some(true),
            addition_special: Some(false),
            als_experience: Some(false),
            ventilator_experience: Some(false),
            als_intake: Some(Intake::Consider),
            child_intake: Some(Intake::Consider),
            ..Station::default()
        },
        // Everything 不明.
        Station { name: "Ｃｽﾃｰｼｮﾝ".into(), ..Station::default() },
    ]
}

#[test]
fn empty_roster_shows_dashes() {
    let s = summarize(&Overview::default(), &[], &[], &DiseaseFilter::Als);
    assert_eq!(s.patients, 0);
    for f in s.status.figures() {
        assert_eq!((f.count, f.percent, f.unknown), (0, None, 0), "{}", f.label);
        assert_eq!(f.percent_text(), "-");
    }
    assert_eq!(s.status.average_weekly_visits.text(), "-");
    assert_eq!(cpu(&s.area.ventilated), (0, None, 0));
    // No header entered: every value of A is `-`, except 在宅療養者数 = 0.
    assert_eq!(s.area.population.value, None);
    assert_eq!(s.area.population.unknown, 1);
    assert_eq!(s.area.density.text(), "-");
    assert_eq!(s.area.density.unknown, 2);
    assert_eq!(s.area.certified_per_100k.text(), "-");
    assert_eq!(s.area.home_patients.text(), "0");
    // No stations: totals 0, rates and shares `-`.
    assert_eq!(s.stations.stations.text(), "0");
    assert_eq!(s.stations.fte.text(), "0");
    assert_eq!(s.stations.stations_per_100km2.text(), "-");
    assert_eq!(s.stations.fte_per_100k.text(), "-");
    for f in s.stations.figures() {
        assert_eq!((f.count, f.percent, f.unknown), (0, None, 0), "{}", f.label);
    }
}

#[test]
fn every_field_unknown_counts_as_unknown_never_as_none() {
    // Three patients with nothing entered: N = 3, every figure 0 with 3 unknown.
    let roster = vec![Patient::default(); 3];
    let s = summarize(&Overview::default(), &roster, &[Station::default(), Station::default()], &DiseaseFilter::Als);
    assert_eq!(s.patients, 3);
    for f in s.status.figures() {
        assert_eq!(f.count, 0, "{}", f.label);
        assert_eq!(f.unknown, 3, "{}", f.label);
        match f.denominator {
            // 0 / 3 = 0.0 %
            Denominator::Patients => assert_eq!(f.percent, pct(0), "{}", f.label),
            // 手帳あり, 介護保険あり, 人工呼吸器使用者 are all 0: `-`
            _ => assert_eq!(f.percent, None, "{}", f.label),
        }
    }
    assert_eq!(s.status.average_weekly_visits.value, None);
    assert_eq!(s.status.average_weekly_visits.unknown, 3);
    assert_eq!(cpu(&s.area.ventilated), (0, pct(0), 3));
    // Two stations with nothing entered: sums 0 with 2 unknown; shares 0 / 2 = 0.0 %.
    assert_eq!((s.stations.fte.text(), s.stations.fte.unknown), ("0".to_string(), 2));
    assert_eq!(s.stations.monthly_users.unknown, 2);
    assert_eq!(s.stations.medical_users.unknown, 2);
    for f in s.stations.figures() {
        assert_eq!((f.count, f.percent, f.unknown), (0, pct(0), 2), "{}", f.label);
    }
}

#[test]
fn seed_examples_one_and_two() {
    let roster = vec![seed_example_1(), seed_example_2()];
    let s = summarize(&overview(), &roster, &[], &DiseaseFilter::Als);
    let c = &s.status;
    // N = 2; one patient is 50.0 %, both 100.0 %.
    assert_eq!(s.patients, 2);
    // 年齢: 例1 band 3 (40〜65歳未満), 例2 band 4 (65歳以上).
    assert_eq!(c.age_bands.each_ref().map(cpu), [(0, pct(0), 0), (0, pct(0), 0), (1, pct(500), 0), (1, pct(500), 0)]);
    // ADL: 例1 2 一部介助, 例2 3 全面介助.
    assert_eq!(c.adl.each_ref().map(cpu), [(0, pct(0), 0), (1, pct(500), 0), (1, pct(500), 0)]);
    // 手帳あり 2/2; 1級 2 of 手帳あり 2 = 100.0; 4〜6級, 3級, 2級 0/2 = 0.0.
    assert_eq!(cpu(&c.certificate), (2, pct(1000), 0));
    assert_eq!(
        c.certificate_grades.each_ref().map(cpu),
        [(0, pct(0), 0), (0, pct(0), 0), (0, pct(0), 0), (2, pct(1000), 0)]
    );
    assert_eq!(c.certificate_grades[3].denominator_label, "手帳あり");
    assert_eq!(c.certificate_grades[3].denominator_count, 2);
    // 障害支援区分 6, 5, 4, 3, 2, 1: 例2 6, 例1 5.
    assert_eq!(c.support_classes.each_ref().map(|f| f.count), [1, 1, 0, 0, 0, 0], "区分6 = 例2, 区分5 = 例1");
    assert_eq!(c.support_classes[0].percent, pct(500));
    assert_eq!(cpu(&c.home_care_service), (2, pct(1000), 0));
    // 介護: both 要介護5; 2 of 介護保険あり 2 = 100.0.
    assert_eq!(cpu(&c.care_levels[6]), (2, pct(1000), 0));
    assert_eq!(c.care_levels[6].label, "要介護5");
    assert_eq!(c.care_levels[6].denominator_label, "介護保険あり");
    assert_eq!(cpu(&c.care_levels[0]), (0, pct(0), 0));
    assert_eq!(cpu(&c.care_insured), (2, pct(1000), 0));
    // 災害時個別支援計画: 例1 has a plan (year unknown), 例2 none: 1/2.
    assert_eq!(cpu(&c.disaster_plan), (1, pct(500), 0));
    // 医療処置: 例1 all 0, 例2 all 1 → 1/2 each.
    assert_eq!(c.procedures.each_ref().map(cpu), [(1, pct(500), 0); 5]);
    // 特定症状: both all 1 → 2/2 each.
    assert_eq!(c.symptoms.each_ref().map(cpu), [(2, pct(1000), 0); 5]);
    // 神経内科: both named and 外来 → あり 2, 外来 2, 往診 0, なし 0.
    assert_eq!(c.neurology.figures().map(cpu), [(2, pct(1000), 0), (2, pct(1000), 0), (0, pct(0), 0), (0, pct(0), 0)]);
    // かかりつけ: 例2 Ａクリニック 往診; 例1 なし (name 0, mode 0) → あり 1, 外来 0, 往診 1, なし 1.
    assert_eq!(
        c.family_doctor.figures().map(cpu),
        [(1, pct(500), 0), (0, pct(0), 0), (1, pct(500), 0), (1, pct(500), 0)]
    );
    // 緊急時の入院機関: 例2 only. レスパイト入院: none. 在宅でのレスパイト: both.
    assert_eq!(cpu(&c.emergency_admission), (1, pct(500), 0));
    assert_eq!(cpu(&c.respite_admission), (0, pct(0), 0));
    assert_eq!(cpu(&c.home_respite), (2, pct(1000), 0));
    // 訪問看護ステーション: 例2 named, 2 stations → あり 1, 複数 1.
    assert_eq!(cpu(&c.station_nursing), (1, pct(500), 0));
    assert_eq!(cpu(&c.multiple_stations), (1, pct(500), 0));
    assert_eq!(cpu(&c.institution_nursing), (1, pct(500), 0));
    assert_eq!(cpu(&c.emergency_nursing), (1, pct(500), 0));
    // 事業: 例2 uses it and is the only ventilated patient: 1 / 1 = 100.0.
    assert_eq!(cpu(&c.ventilator_programme), (1, pct(1000), 0));
    assert_eq!(
        (c.ventilator_programme.denominator_label, c.ventilator_programme.denominator_count),
        ("人工呼吸器使用者", 1)
    );
    // Weekly totals: 例1 0 + 0 = 0 (not a user), 例2 2 + 3 = 5 → 1 user (50.0), average 5 / 1 = 5.0.
    assert_eq!(cpu(&c.nursing_users), (1, pct(500), 0));
    assert_eq!(c.average_weekly_visits.text(), "5.0");
    // A: 在宅療養者 2, 在宅人工呼吸療養者 1 (50.0).
    assert_eq!(s.area.home_patients.text(), "2");
    assert_eq!(cpu(&s.area.ventilated), (1, pct(500), 0));
    // Every figure of the examples is known.
    assert!(c.figures().iter().all(|f| f.unknown == 0));
    assert_eq!(c.neurology.present.denominator_label, "在宅ALS療養者");
}

#[test]
fn area_overview_rates() {
    let s = summarize(&overview(), &[], &[], &DiseaseFilter::Als);
    let a = &s.area;
    assert_eq!(a.population.text(), "250000");
    assert_eq!(a.area.text(), "123.45");
    // 250,000 / 123.45 = 2025.11… → 2025.1
    assert_eq!(a.density.text(), "2025.1");
    assert_eq!(a.certified.text(), "12");
    assert_eq!(a.certified.label, "ALS療養者数（認定者）");
    // 12 / 250,000 × 100,000 = 4.8; 12 / 123.45 × 100 = 9.72… → 9.7
    assert_eq!(a.certified_per_100k.text(), "4.8");
    assert_eq!(a.certified_per_100km2.text(), "9.7");
    // 協力病院 3: 3 / 250,000 × 100,000 = 1.2; 3 / 123.45 × 100 = 2.43… → 2.4
    assert_eq!(a.cooperating_hospitals.text(), "3");
    assert_eq!(a.cooperating_hospitals_per_100k.text(), "1.2");
    assert_eq!(a.cooperating_hospitals_per_100km2.text(), "2.4");
    // 在宅療養支援診療所 20: 8.0 per 100,000; 20 / 123.45 × 100 = 16.20… → 16.2
    assert_eq!(a.home_care_clinics_per_100k.text(), "8.0");
    assert_eq!(a.home_care_clinics_per_100km2.text(), "16.2");
    assert!(a.quantities().iter().all(|q| q.unknown == 0));
}

#[test]
fn certified_count_follows_the_filter() {
    let o = overview();
    assert_eq!(certified_count(&o, &DiseaseFilter::Als), (Some(12), 0));
    assert_eq!(certified_count(&o, &DiseaseFilter::Disease(Disease::Scd)), (Some(30), 0));
    assert_eq!(certified_count(&o, &DiseaseFilter::Disease(Disease::Pd)), (None, 1));
    // 全疾患: ALS 12 + SCD 30 = 42, MSA and PD blank.
    assert_eq!(certified_count(&o, &DiseaseFilter::All), (Some(42), 2));
    let s = summarize(&o, &[], &[], &DiseaseFilter::Disease(Disease::Scd));
    assert_eq!(s.area.certified.label, "SCD療養者数（認定者）");
    // 30 / 250,000 × 100,000 = 12.0
    assert_eq!(s.area.certified_per_100k.text(), "12.0");
}

#[test]
fn station_totals_by_hand() {
    let t = station_totals(&overview(), &three_stations());
    assert_eq!(t.stations.text(), "3");
    // FTE 3.0 + 3.0 (seed example) = 6, Ｃ unknown.
    assert_eq!((t.fte.text(), t.fte.unknown), ("6".to_string(), 1));
    // 実利用者 40 + 25 = 65; 医療保険 10 + 5 = 15.
    assert_eq!((t.monthly_users.text(), t.monthly_users.unknown), ("65".to_string(), 1));
    assert_eq!((t.medical_users.text(), t.medical_users.unknown), ("15".to_string(), 1));
    // per 10 km² (123.45): 3 → 0.243 → 0.2; 6 → 0.486 → 0.5; 65 → 5.265 → 5.3; 15 → 1.215 → 1.2
    assert_eq!(t.stations_per_10km2.text(), "0.2");
    assert_eq!(t.fte_per_10km2.text(), "0.5");
    assert_eq!(t.monthly_users_per_10km2.text(), "5.3");
    assert_eq!(t.medical_users_per_10km2.text(), "1.2");
    // per 100 km²: 3 / 123.45 × 100 = 2.43 → 2.4
    assert_eq!(t.stations_per_100km2.text(), "2.4");
    // per 100,000 (250,000 people, × 0.4): 1.2, 2.4, 26.0, 6.0
    assert_eq!(t.stations_per_100k.text(), "1.2");
    assert_eq!(t.fte_per_100k.text(), "2.4");
    assert_eq!(t.monthly_users_per_100k.text(), "26.0");
    assert_eq!(t.medical_users_per_100k.text(), "6.0");
    // Shares of all 3 stations: 1/3 = 33.3, 2/3 = 66.7; Ｃ unknown in each.
    assert_eq!(cpu(&t.room), (1, pct(333), 1));
    assert_eq!(cpu(&t.addition_24h), (2, pct(667), 1));
    assert_eq!(cpu(&t.addition_special), (1, pct(333), 1));
    assert_eq!(cpu(&t.als_experience), (1, pct(333), 1));
    assert_eq!(cpu(&t.ventilator_experience), (1, pct(333), 1));
    assert_eq!(cpu(&t.als_intake_possible), (1, pct(333), 1));
    assert_eq!(cpu(&t.als_intake_consider), (1, pct(333), 1));
    assert_eq!(cpu(&t.child_intake_possible), (0, pct(0), 1));
    assert_eq!(cpu(&t.child_intake_consider), (1, pct(333), 1));
    assert_eq!(t.room.denominator_label, "全ステーション");
    // The drill-down lists the same stations.
    let stations = three_stations();
    assert_eq!(station_members(t.addition_24h.key, &stations), vec![0, 1]);
    assert_eq!(station_unknown_members(t.addition_24h.key, &stations), vec![2]);
}

/// Fractional visits, several stations per patient, ventilated patients with and without
/// the programme, and ages given as a band code.
pub(crate) fn mixed_roster() -> Vec<Patient> {
    let visits = |station: Option<u64>, institution: Option<u64>| {
        (
            StationNursing { weekly_visits: station.map(Decimal2), ..StationNursing::default() },
            InstitutionNursing { weekly_visits: institution.map(Decimal2), ..InstitutionNursing::default() },
        )
    };
    let mut p1 = Patient { age: Some(Age::Years(19)), ..Patient::default() };
    (p1.station_nursing, p1.institution_nursing) = visits(Some(25), None);
    p1.station_nursing.names = Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".into()]);
    p1.station_nursing.count = Some(1);
    p1.procedures.ventilator = Some(true);
    p1.ventilator_programme.used = Some(true);

    let mut p2 = Patient { age: Some(Age::Years(20)), ..Patient::default() };
    (p2.station_nursing, p2.institution_nursing) = visits(Some(50), Some(50));
    p2.station_nursing.names = Tri::None;
    p2.station_nursing.count = Some(0);
    p2.procedures.ventilator = Some(true);
    p2.ventilator_programme.used = Some(false);

    let mut p3 = Patient { age: Some(Age::Band(AgeBand::Over65)), ..Patient::default() };
    (p3.station_nursing, p3.institution_nursing) = visits(Some(150), Some(25));
    p3.station_nursing.names = Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".into()]);
    p3.station_nursing.count = Some(1);
    p3.procedures.ventilator = Some(true);

    let mut p4 = Patient { age: Some(Age::Years(64)), ..Patient::default() };
    p4.procedures.ventilator = Some(false);
    // Inconsistent: 利用 without a ventilator (the form warns); not counted.
    p4.ventilator_programme.used = Some(true);

    let mut p5 = Patient::default();
    (p5.station_nursing, p5.institution_nursing) = visits(Some(200), Some(0));
    p5.station_nursing.names = Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".into(), "Ｂｽﾃｰｼｮﾝ".into(), "Ｃｽﾃｰｼｮﾝ".into()]);
    p5.station_nursing.count = Some(3);
    p5.ventilator_programme.used = Some(false);

    // An SCD patient outside the ALS filter.
    let p6 = Patient {
        disease: Disease::Scd,
        age: Some(Age::Years(70)),
        station_nursing: StationNursing { weekly_visits: Some(Decimal2::whole(7)), ..StationNursing::default() },
        ..Patient::default()
    };
    vec![p1, p2, p3, p4, p5, p6]
}

#[test]
fn fractional_visits_several_stations_and_the_programme() {
    let roster = mixed_roster();
    let s = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::Als);
    let c = &s.status;
    // N = 5 (p6 is SCD).
    assert_eq!(s.patients, 5);
    // Weekly totals: p1 0.25, p2 0.5 + 0.5 = 1.0, p3 1.5 + 0.25 = 1.75, p4 unknown, p5 2 + 0 = 2.
    // Users (≥ 1): p2, p3, p5 = 3 → 3/5 = 60.0; p1 (0.25) is not a user; p4 unknown.
    assert_eq!(cpu(&c.nursing_users), (3, pct(600), 1));
    // Average: (1.0 + 1.75 + 2.0) / 3 = 4.75 / 3 = 1.583… → 1.6
    assert_eq!(c.average_weekly_visits.text(), "1.6");
    assert_eq!(c.average_weekly_visits.unknown, 1);
    // Stations named: p1, p3, p5 = 3 (60.0); p4 unknown. 複数 (≥ 2): p5 only (20.0).
    assert_eq!(cpu(&c.station_nursing), (3, pct(600), 1));
    assert_eq!(cpu(&c.multiple_stations), (1, pct(200), 1));
    // Ventilated: p1, p2, p3 = 3 (60.0); p5 unknown.
    assert_eq!(cpu(&c.procedures[0]), (3, pct(600), 1));
    // 事業: p1 only (p4 has no ventilator) → 1 / 3 = 33.3; p3 利用 unknown.
    assert_eq!(cpu(&c.ventilator_programme), (1, pct(333), 1));
    // 年齢: 19 → 20歳未満, 20 → 20〜40, band 4 → 65歳以上, 64 → 40〜65; p5 unknown. 1/5 = 20.0 each.
    assert_eq!(c.age_bands.each_ref().map(cpu), [(1, pct(200), 1); 4]);
    // The drill-down uses the same rule and the same filter.
    assert_eq!(members(c.nursing_users.key, &roster, &s.filter), vec![1, 2, 4]);
    assert_eq!(unknown_members(c.nursing_users.key, &roster, &s.filter), vec![3]);
    assert_eq!(members(c.ventilator_programme.key, &roster, &s.filter), vec![0]);
    assert_eq!(members(Denominator::Ventilated.key(), &roster, &s.filter), vec![0, 1, 2]);

    // 全疾患: N = 6; p6 (7 visits) is a user: 4 users, (4.75 + 7) / 4 = 2.9375 → 2.9.
    let all = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::All);
    assert_eq!(all.patients, 6);
    assert_eq!(cpu(&all.status.nursing_users), (4, pct(667), 1));
    assert_eq!(all.status.average_weekly_visits.text(), "2.9");
    assert_eq!(all.status.nursing_users.denominator_label, "在宅療養者（全疾患）");
    // SCD only: N = 1, 1 user.
    let scd = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::Disease(Disease::Scd));
    assert_eq!(cpu(&scd.status.nursing_users), (1, pct(1000), 0));
    assert_eq!(scd.status.age_bands[3].count, 1);
}

#[test]
fn summary_carries_the_same_coverage_as_evaluation() {
    let roster = mixed_roster();
    for filter in [DiseaseFilter::Als, DiseaseFilter::All, DiseaseFilter::Disease(Disease::Scd)] {
        let s = summarize(&Overview::default(), &roster, &[], &filter);
        assert_eq!(s.coverage, crate::domain::evaluation::coverage(&roster, &filter));
    }
}

#[test]
fn lines_never_depend_on_the_data() {
    let empty = summarize(&Overview::default(), &[], &[], &DiseaseFilter::Als);
    let full = summarize(&overview(), &mixed_roster(), &three_stations(), &DiseaseFilter::All);
    let labels = |s: &Summary| s.lines().iter().map(|l| (l.section, l.line.label())).collect::<Vec<_>>();
    assert_eq!(empty.lines().len(), full.lines().len());
    // Only the certified count's label follows the filter (ALS療養者数 vs 療養者数 計).
    let differing = labels(&empty).iter().zip(labels(&full)).filter(|(a, b)| **a != *b).count();
    assert_eq!(differing, 3);
    let sections: Vec<Section> = full.lines().iter().map(|l| l.section).collect();
    assert_eq!(sections.first(), Some(&Section::Area));
    assert_eq!(sections.last(), Some(&Section::Coverage));
    assert_eq!(sections.iter().filter(|s| **s == Section::Coverage).count(), 8);
}

#[test]
fn year_on_year_by_hand() {
    // 前年度: 例1 only, no header. 今年度: 例1 and 例2 with the header.
    let previous = summarize(&Overview::default(), &[seed_example_1()], &[], &DiseaseFilter::Als);
    let current = summarize(&overview(), &[seed_example_1(), seed_example_2()], &[], &DiseaseFilter::Als);
    let rows = compare(&previous, &current);
    assert_eq!(rows.len(), current.lines().len());
    let row = |section: Section, label: &str| {
        rows.iter().find(|r| r.section == section && r.label == label).unwrap_or_else(|| panic!("no row {label}"))
    };
    // 神経内科 あり: 1 (100.0) → 2 (100.0): +1, ±0.0 points.
    let r = row(Section::Patients, "神経内科専門医療機関 あり");
    assert_eq!((r.change, r.point_change), (Some(Change::Count(1)), Some(Points(0))));
    assert_eq!(r.previous_text(), "1（100.0％）");
    assert_eq!(r.change_text(), "+1（±0.0ポイント）");
    // かかりつけ あり: 0 (0.0) → 1 (50.0): +1, +50.0 points.
    let r = row(Section::Patients, "かかりつけ主治医 あり");
    assert_eq!(r.change_text(), "+1（+50.0ポイント）");
    // 訪問看護利用者: 0 of 1 → 1 of 2; average `-` → 5.0: no change can be computed.
    let r = row(Section::Patients, "一週間の訪問看護の平均回数");
    assert_eq!((r.previous_text(), r.current_text(), r.change_text()), ("-".into(), "5.0".into(), "-".into()));
    // 様式4 日常診療: 0/1 = 0.0 → 1/2 = 50.0.
    let r = row(Section::Coverage, "日常診療の確保");
    assert_eq!(r.point_change, Some(Points(500)));
    // 災害対策: 1/1 = 100.0 → 1/2 = 50.0: ±0, -50.0 points.
    let r = row(Section::Coverage, "災害対策");
    assert_eq!(r.change_text(), "±0（-50.0ポイント）");
    // 人口: blank → 250,000: `-`.
    let r = row(Section::Area, "人口");
    assert_eq!((r.change, r.current_text()), (None, "250000".to_string()));
    // 在宅療養者数 1 → 2.
    assert_eq!(row(Section::Area, "在宅療養者数").change, Some(Change::Count(1)));
}

#[test]
fn changes_show_their_sign_and_precision() {
    assert_eq!(Change::Count(-2).to_string(), "-2");
    assert_eq!(Change::Count(0).to_string(), "±0");
    // 123.45 → 120.50 km²: -2.95
    assert_eq!(Change::Exact(-295).to_string(), "-2.95");
    assert_eq!(Change::Exact(150).to_string(), "+1.5");
    assert_eq!(Change::Exact(300).to_string(), "+3");
    assert_eq!(Change::Rounded(3).to_string(), "+0.3");
    assert_eq!(Points(-125).to_string(), "-12.5");
    // Same header both years: density 2025.1 → 2025.1 = ±0.0; 面積 ±0.
    let s = summarize(&overview(), &[], &[], &DiseaseFilter::Als);
    let rows = compare(&s, &s);
    let density = rows.iter().find(|r| r.label == "人口密度").map(|r| r.change_text());
    assert_eq!(density.as_deref(), Some("±0.0"));
    let area = rows.iter().find(|r| r.label == "面積").map(|r| r.change_text());
    assert_eq!(area.as_deref(), Some("±0"));
}

#[test]
fn chart_data_by_hand() {
    let roster = mixed_roster();
    let s = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::Als);
    let [coverage, age, adl, procedures] = s.charts();
    // 年齢区分: one in each band of N = 5 (20.0 % each), p5 不明 (1/5 = 20.0).
    assert_eq!(
        age.bars.iter().map(|b| (b.label, b.count, b.percent)).collect::<Vec<_>>(),
        vec![
            ("20歳未満", 1, pct(200)),
            ("20〜40歳未満", 1, pct(200)),
            ("40〜65歳未満", 1, pct(200)),
            ("65歳以上", 1, pct(200)),
        ]
    );
    assert_eq!(age.unknown, Some(charts::UnknownBar { count: 1, percent: pct(200) }));
    assert_eq!((age.denominator_label, age.denominator_count), ("在宅ALS療養者", 5));
    // ADL: nobody entered → 0 each, 5 不明 (100.0).
    assert_eq!(adl.bars.iter().map(|b| b.count).collect::<Vec<_>>(), vec![0, 0, 0]);
    assert_eq!(adl.bars[0].label, "自立");
    assert_eq!(adl.unknown.map(|u| (u.count, u.percent)), Some((5, pct(1000))));
    // 医療処置: 人工呼吸器 3/5 = 60.0 with 1 unknown; the others unknown for all 5.
    assert_eq!(
        (procedures.bars[0].label, procedures.bars[0].count, procedures.bars[0].percent),
        ("人工呼吸器", 3, pct(600))
    );
    assert_eq!(procedures.bars[0].unknown, 1);
    assert_eq!(procedures.bars[1].unknown, 5);
    assert_eq!(procedures.unknown, None);
    // 様式4: 8 bars named by item; 訪問看護 定期 3/5 = 60.0.
    assert_eq!(coverage.bars.len(), 8);
    assert_eq!((coverage.bars[5].label, coverage.bars[5].percent), ("訪問看護の確保（定期）", pct(600)));
    // Empty roster: bars with `-`.
    let empty = summarize(&Overview::default(), &[], &[], &DiseaseFilter::Als);
    assert!(empty.charts().iter().all(|c| c.bars.iter().all(|b| b.percent.is_none())));
    assert_eq!(empty.age_chart().unknown, Some(charts::UnknownBar { count: 0, percent: None }));
}

#[test]
fn csv_table_of_the_seed_examples() {
    let s = summarize(&overview(), &[seed_example_1(), seed_example_2()], &[], &DiseaseFilter::Als);
    let rows = summary_rows(&s);
    assert_eq!(rows.len(), s.lines().len() + SUMMARY_FOOTNOTES.len());
    let find = |label: &str| rows.iter().find(|r| r[1] == label).cloned().unwrap_or_else(|| panic!("{label}"));
    // かかりつけ主治医 なし: 例1 → 1 of 2 = 50.0, none unknown.
    assert_eq!(
        find("かかりつけ主治医 なし"),
        ["C．在宅療養者の現況", "かかりつけ主治医 なし", "1", "在宅ALS療養者 2", "50.0", "0"].map(String::from)
    );
    // 手帳 1級: 2 of 手帳あり 2.
    assert_eq!(find("手帳 1級")[3..5], ["手帳あり 2".to_string(), "100.0".to_string()]);
    // 事業: of 人工呼吸器使用者 1.
    assert_eq!(find("在宅人工呼吸器使用患者支援事業（訪問看護）利用")[3], "人工呼吸器使用者 1");
    // Values carry their unit; no stations: 100 km² density 0 / 123.45 = 0.0, FTE per 100,000 0.0.
    assert_eq!(find("人口密度（人/km²）")[2], "2025.1");
    assert_eq!(find("一週間の訪問看護の平均回数（回/週）")[2], "5.0");
    assert_eq!(find("訪問看護ステーション数 100km²あたり（ヵ所/100km²）")[2], "0.0");
    // No stations: shares are `－`.
    assert_eq!(find("24時間対応体制加算の届出あり")[4], CSV_DASH);
    assert_eq!(rows.last().map(|r| r[0].as_str()), Some("注"));
    let csv = summary_csv(&s);
    assert!(csv.starts_with("\u{FEFF}区分,項目,人数・値,分母,割合（％）,不明\r\n"));
    assert!(csv.contains("\r\nC．在宅療養者の現況,かかりつけ主治医 なし,1,在宅ALS療養者 2,50.0,0\r\n"));
    assert!(!csv.contains("'-"), "no formula guard on dashes");
}

#[test]
fn comparison_csv_has_plain_numbers() {
    let previous = summarize(&Overview::default(), &[seed_example_1()], &[], &DiseaseFilter::Als);
    let current = summarize(&overview(), &[seed_example_1(), seed_example_2()], &[], &DiseaseFilter::Als);
    let rows = compare(&previous, &current);
    let cells = |label: &str| {
        rows.iter().find(|r| r.label == label).map(comparison_row_cells).unwrap_or_else(|| panic!("{label}"))
    };
    // 災害対策 (様式4): 1 (100.0) → 1 (50.0): 0, -50.0.
    let c = cells("災害対策");
    assert_eq!(c[3..].to_vec(), ["1", "100.0", "1", "50.0", "0", "-50.0"].map(String::from).to_vec());
    // 人口: blank → 250000: change `－`, no percent columns.
    let c = cells("人口");
    assert_eq!(c[2..].to_vec(), ["人", "－", "", "250000", "", "－", ""].map(String::from).to_vec());
    // かかりつけ あり: 0 → 1, +50.0 points written as plain 50.0.
    assert_eq!(cells("かかりつけ主治医 あり")[7..].to_vec(), vec!["1".to_string(), "50.0".to_string()]);
    let csv = comparison_csv(&rows);
    assert!(!csv.contains("'"), "no cell needs the formula guard");
    assert_eq!(Change::Exact(-295).plain(), "-2.95");
    assert_eq!(Points(0).plain(), "0.0");
}

#[test]
fn every_sheet_figure_is_counted_in_the_single_pass() {
    use super::figure::{fact_index, facts, FACT_KEYS};
    assert!(FACT_KEYS.len() <= 64, "Facts holds 64 bits");
    let s = summarize(&overview(), &mixed_roster(), &three_stations(), &DiseaseFilter::Als);
    for line in s.lines() {
        if let Line::Figure(Figure { key: FigureKey::Patient(k), .. }) = line.line {
            assert!(*k == PatientFigure::Patients || fact_index(*k).is_some(), "{k:?}");
        }
    }
    for c in &s.coverage {
        assert!(c
            .parts
            .iter()
            .chain([&c.figure])
            .all(|f| matches!(f.key, FigureKey::Patient(k) if fact_index(k).is_some())));
    }
    // Each bit is the key's verdict.
    let roster = crate::domain::sample::synthetic_patients(300, 5);
    for p in roster.iter().chain(mixed_roster().iter()).chain([seed_example_1(), seed_example_2()].iter()) {
        let f = facts(p);
        for (i, k) in FACT_KEYS.iter().enumerate() {
            assert_eq!(f.get(i), k.verdict(p), "{k:?}");
        }
    }
}
