//! Tests for the 様式1 roster: filters, sorting, display rows, trash.

use super::*;
use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2};
use crate::domain::ids::RecordId;
use crate::domain::number::Decimal2;
use crate::domain::patient::Age;
use crate::domain::patient::{Adl, AgeBand, Disease, Gap, Procedures};
use crate::domain::time::Date;
use std::cmp::Ordering;

fn p(id: &str, name: &str, municipality: &str) -> Patient {
    Patient { id_number: id.into(), name: name.into(), municipality: municipality.into(), ..Patient::default() }
}

/// Four patients, one per line of the expectations below.
fn roster() -> Vec<Patient> {
    let mut p0 = p("R10", "山田 花子", "B市");
    p0.support_class = "A".into();
    p0.procedures = Procedures { ventilator: Some(true), ..Procedures::default() };
    p0.gaps = vec![Gap { service: Service::StationNursing, note: "回数が不足".into() }];
    p0.age = Some(Age::Years(70));
    p0.adl = Some(Adl::FullAssist);
    p0.station_nursing.weekly_visits = Some(Decimal2(200));
    p0.institution_nursing.weekly_visits = Some(Decimal2(300));
    p0.last_contact = "2025年3月5日訪問".into();

    let mut p1 = p("R2", "ﾔﾏﾀﾞ ﾀﾛｳ", "A市");
    p1.disease = Disease::Scd;
    p1.procedures = Procedures { ventilator: Some(false), ..Procedures::default() };
    p1.age = Some(Age::Band(AgeBand::From40To64));
    p1.adl = Some(Adl::Independent);
    p1.station_nursing.weekly_visits = Some(Decimal2(50));
    p1.last_contact = "令和7年4月 電話".into();

    let mut p2 = p("Ｒ３", "", "");
    p2.support_class = "B".into();
    p2.gaps = vec![Gap { service: Service::DisasterPlan, note: String::new() }];
    p2.age = Some(Age::Years(45));
    p2.last_contact = "○年△月□日訪問".into();

    let mut p3 = p("R1", "佐藤", "A市");
    p3.disease = Disease::Other("PSP".into());
    p3.support_class = "A".into();
    p3.procedures = Procedures { ventilator: Some(true), ..Procedures::default() };
    p3.age = Some(Age::Years(82));
    p3.adl = Some(Adl::PartialAssist);
    p3.institution_nursing.weekly_visits = Some(Decimal2(100));
    p3.last_contact = "2024/12 ステーションに電話".into();
    vec![p0, p1, p2, p3]
}

fn only(f: impl FnOnce(&mut RosterFilter)) -> Vec<usize> {
    let mut filter = RosterFilter::default();
    f(&mut filter);
    filter_indices(&roster(), &filter, false)
}

#[test]
fn no_filter_keeps_everyone_in_order() {
    assert_eq!(only(|_| {}), vec![0, 1, 2, 3]);
    assert!(!RosterFilter::default().is_active());
    assert!(!RosterFilter { search: "  ".into(), ..RosterFilter::default() }.is_active());
    assert!(RosterFilter { ventilator: VENTILATOR_YES.into(), ..RosterFilter::default() }.is_active());
}

#[test]
fn filters_by_municipality_disease_and_support_class() {
    assert_eq!(only(|f| f.municipality = "A市".into()), vec![1, 3]);
    assert_eq!(only(|f| f.municipality = BLANK_KEY.into()), vec![2]);
    assert_eq!(only(|f| f.municipality = "C市".into()), Vec::<usize>::new());
    assert_eq!(only(|f| f.disease = "ALS".into()), vec![0, 2]);
    assert_eq!(only(|f| f.disease = "SCD".into()), vec![1]);
    assert_eq!(only(|f| f.disease = "PSP".into()), vec![3]);
    assert_eq!(only(|f| f.support_class = "A".into()), vec![0, 3]);
    assert_eq!(only(|f| f.support_class = BLANK_KEY.into()), vec![1]);
}

#[test]
fn filters_by_ventilator_keeping_unknown_apart() {
    assert_eq!(only(|f| f.ventilator = VENTILATOR_YES.into()), vec![0, 3]);
    assert_eq!(only(|f| f.ventilator = VENTILATOR_NO.into()), vec![1]);
    assert_eq!(only(|f| f.ventilator = VENTILATOR_UNKNOWN.into()), vec![2]);
    assert_eq!(only(|f| f.ventilator = "maybe".into()), Vec::<usize>::new());
}

#[test]
fn filters_by_gaps() {
    assert_eq!(only(|f| f.gap = GAP_ANY.into()), vec![0, 2]);
    assert_eq!(only(|f| f.gap = "station_nursing".into()), vec![0]);
    assert_eq!(only(|f| f.gap = "disaster_plan".into()), vec![2]);
    assert_eq!(only(|f| f.gap = "neurology".into()), Vec::<usize>::new());
    assert_eq!(only(|f| f.gap = "nonsense".into()), Vec::<usize>::new());
    for s in Service::ALL {
        assert_eq!(service_from_key(service_key(s)), Some(s));
    }
    assert_eq!(gap_options().len(), 2 + Service::ALL.len());
}

#[test]
fn search_is_width_insensitive_over_name_and_id() {
    assert_eq!(only(|f| f.search = "r3".into()), vec![2], "Ｒ３ matches r3");
    assert_eq!(only(|f| f.search = "Ｒ1".into()), vec![0, 3], "R10 and R1");
    assert_eq!(only(|f| f.search = "タロウ".into()), vec![1], "half-width katakana folds to full-width");
    assert_eq!(only(|f| f.search = "ﾀﾛｳ".into()), vec![1]);
    assert_eq!(only(|f| f.search = " 山田 ".into()), vec![0]);
    assert_eq!(only(|f| f.search = "鈴木".into()), Vec::<usize>::new());
    // Combined with a filter.
    assert_eq!(
        only(|f| {
            f.search = "r".into();
            f.municipality = "A市".into();
        }),
        vec![1, 3]
    );
    // Names hidden: a name finds nobody, the ID番号 still works.
    let filter = RosterFilter { search: "山田".into(), ..RosterFilter::default() };
    assert_eq!(filter_indices(&roster(), &filter, true), Vec::<usize>::new());
    let filter = RosterFilter { search: "R10".into(), ..RosterFilter::default() };
    assert_eq!(filter_indices(&roster(), &filter, true), vec![0]);
}

fn sorted(key: SortKey, descending: bool) -> Vec<usize> {
    roster_indices(&roster(), &RosterFilter::default(), RosterSort { key, descending }, false)
}

#[test]
fn sorts_by_id_number_naturally() {
    assert_eq!(sorted(SortKey::IdNumber, false), vec![3, 1, 2, 0]);
    assert_eq!(sorted(SortKey::IdNumber, true), vec![0, 2, 1, 3]);
    assert_eq!(natural_cmp("R2", "R10"), Ordering::Less);
    assert_eq!(natural_cmp("Ｒ３", "R3"), Ordering::Equal);
    assert_eq!(natural_cmp("A-9", "A-09"), Ordering::Less);
    assert_eq!(natural_cmp("B", "A10"), Ordering::Greater);
    assert_eq!(natural_cmp("", "A"), Ordering::Less);
}

#[test]
fn sorts_with_blanks_last_and_ties_stable() {
    assert_eq!(sorted(SortKey::Municipality, false), vec![1, 3, 0, 2]);
    assert_eq!(sorted(SortKey::Municipality, true), vec![0, 1, 3, 2]);
    assert_eq!(sorted(SortKey::Adl, false), vec![1, 3, 0, 2]);
    assert_eq!(sorted(SortKey::Adl, true), vec![0, 3, 1, 2]);
    assert_eq!(sorted(SortKey::WeeklyTotal, false), vec![1, 3, 0, 2]);
    assert_eq!(sorted(SortKey::WeeklyTotal, true), vec![0, 3, 1, 2]);
    assert_eq!(sorted(SortKey::SupportClass, false), vec![0, 3, 2, 1]);
    assert_eq!(sorted(SortKey::SupportClass, true), vec![2, 0, 3, 1]);
}

#[test]
fn sorts_by_name_as_shown() {
    // Shown names: 山田 花子, ヤマダ タロウ (folded), Ｒ３ (no name: the ID), 佐藤.
    assert_eq!(sorted(SortKey::Name, false), vec![2, 1, 3, 0]);
    // Hidden: every name is the ID番号.
    let hidden =
        roster_indices(&roster(), &RosterFilter::default(), RosterSort { key: SortKey::Name, descending: false }, true);
    assert_eq!(hidden, vec![3, 1, 2, 0]);
}

/// Issue 16: names sorted by character code put 佐藤 before 山田 by chance and every kana
/// name before every kanji one; with ふりがな they sort in 五十音順.
#[test]
fn sorts_by_furigana_in_gojuon_order() {
    let mut patients = roster();
    patients[0].furigana = "やまだ はなこ".into();
    patients[3].furigana = "サトウ".into();
    let by_name = RosterSort { key: SortKey::Name, descending: false };
    // Ｒ３ (no name: its ID), さとう, やまだたろう (a kana name reads as itself), やまだはなこ.
    assert_eq!(roster_indices(&patients, &RosterFilter::default(), by_name, false), vec![2, 3, 1, 0]);
    let down = RosterSort { key: SortKey::Name, descending: true };
    assert_eq!(roster_indices(&patients, &RosterFilter::default(), down, false), vec![0, 1, 3, 2]);
    // Hidden names: the ID番号 decides, the ふりがな is not used.
    assert_eq!(roster_indices(&patients, &RosterFilter::default(), by_name, true), vec![3, 1, 2, 0]);
    // Search finds the ふりがな in hiragana or katakana, never with names hidden.
    let search =
        |q: &str, hide| filter_indices(&patients, &RosterFilter { search: q.into(), ..RosterFilter::default() }, hide);
    assert_eq!(search("さとう", false), vec![3]);
    assert_eq!(search("ハナコ", false), vec![0]);
    assert_eq!(search("やまだ", false), vec![0, 1]);
    assert_eq!(search("さとう", true), Vec::<usize>::new());
}

#[test]
fn sorts_by_age_band_then_years() {
    // 区分3 alone, 45歳 (区分3), 70歳, 82歳.
    assert_eq!(sorted(SortKey::Age, false), vec![1, 2, 0, 3]);
    assert_eq!(sorted(SortKey::Age, true), vec![3, 0, 2, 1]);
}

#[test]
fn sorts_by_the_date_in_last_contact() {
    assert_eq!(sorted(SortKey::LastContact, false), vec![3, 0, 1, 2]);
    assert_eq!(sorted(SortKey::LastContact, true), vec![1, 0, 3, 2]);
    assert_eq!(last_contact_date("2025年3月5日訪問"), Some((2025, 3, 5)));
    assert_eq!(last_contact_date("２０２５/３ 電話"), Some((2025, 3, 0)));
    assert_eq!(last_contact_date("令和7年4月 電話"), Some((2025, 4, 0)));
    assert_eq!(last_contact_date("R7.3.5 訪問"), Some((2025, 3, 5)));
    assert_eq!(last_contact_date("H30年"), Some((2018, 0, 0)));
    assert_eq!(last_contact_date("平成31年4月"), Some((2019, 4, 0)));
    assert_eq!(last_contact_date("令和元年5月"), Some((2019, 5, 0)));
    assert_eq!(last_contact_date("○年△月□日訪問"), None);
    assert_eq!(last_contact_date("3月5日訪問"), None);
    assert_eq!(last_contact_date(""), None);
    assert_eq!(last_contact_date("2025年13月"), Some((2025, 0, 0)));
}

#[test]
fn sorting_an_index_list_sorts_only_those() {
    let mut indices = vec![0, 3];
    sort_indices(&roster(), &mut indices, RosterSort { key: SortKey::IdNumber, descending: false }, false);
    assert_eq!(indices, vec![3, 0]);
    let mut out_of_range = vec![7, 0];
    sort_indices(&roster(), &mut out_of_range, RosterSort::default(), false);
    assert_eq!(out_of_range, vec![0, 7], "an index with no patient sorts like a blank");
    assert_eq!(SortKey::from_key("last_contact"), Some(SortKey::LastContact));
    assert_eq!(sort_options().len(), 8);
}

#[test]
fn dropdown_values_with_counts() {
    let o = filter_options(&roster());
    let pairs = |v: &[(String, String)]| v.iter().map(|(a, b)| (a.clone(), b.clone())).collect::<Vec<_>>();
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        pairs(&o.municipalities),
        vec![s("", "すべて"), s("A市", "A市（2人）"), s("B市", "B市（1人）"), s(BLANK_KEY, "（未入力）（1人）")]
    );
    assert_eq!(
        pairs(&o.diseases),
        vec![s("", "すべて"), s("ALS", "ALS（2人）"), s("SCD", "SCD（1人）"), s("PSP", "PSP（1人）")]
    );
    assert_eq!(
        pairs(&o.support_classes),
        vec![s("", "すべて"), s("A", "A（2人）"), s("B", "B（1人）"), s(BLANK_KEY, "（未入力）（1人）")]
    );
    // Every offered value filters to exactly that many patients.
    for (key, _) in o.municipalities.iter().skip(1) {
        let n = only(|f| f.municipality = key.clone()).len();
        assert!(o.municipalities.iter().any(|(k, l)| k == key && l.ends_with(&format!("（{n}人）"))));
    }
    assert_eq!(filter_options(&[]).municipalities, vec![s("", "すべて")]);
}

#[test]
fn privacy_display() {
    let mut x = p("A-001", "○○○○", "○市");
    x.address_detail = "△町☐丁目".into();
    assert_eq!(shown_name(&x, false), "○○○○");
    assert_eq!(shown_name(&x, true), "A-001");
    assert_eq!(shown_address(&x, false), "○市△町☐丁目");
    assert_eq!(shown_address(&x, true), "○市");
}

fn today() -> Date {
    Date::new(2025, 11, 20).expect("valid")
}

#[test]
fn rows_show_the_seed_examples_in_the_form_coding() {
    let patients: Vec<Patient> =
        [seed_example_1(), seed_example_2()].iter().map(|f| f.parse(today()).map(|(p, _)| p).expect("valid")).collect();
    let rows = roster_rows(&patients, &[1, 0], false);
    let r2 = &rows[0];
    assert_eq!((r2.index, r2.number.as_str()), (1, "1"));
    assert_eq!(r2.id_number, "例2");
    assert_eq!(r2.address, "A市B町C丁目");
    assert_eq!(r2.name, "△△　△");
    assert_eq!(r2.onset, "2005年");
    assert_eq!(r2.age, "区分4");
    assert_eq!(r2.adl, "3");
    assert_eq!(
        [&r2.ventilator, &r2.tracheostomy, &r2.suction, &r2.tube_feeding, &r2.other_procedure],
        [&"1".to_string(); 5]
    );
    assert_eq!(r2.devices, "ABC900（O呼吸器会社）、A吸引ﾕﾆｯﾄ");
    assert_eq!(
        (r2.neurology_name.as_str(), r2.neurology_mode.as_str(), r2.neurology_per_month.as_str()),
        ("Ｂ大学病院", "1", "0.5")
    );
    assert_eq!(
        (r2.family_doctor_name.as_str(), r2.family_doctor_mode.as_str(), r2.family_doctor_per_month.as_str()),
        ("Ａクリニック", "2", "4")
    );
    assert_eq!(r2.emergency_admission, "Ｂ大学病院");
    assert_eq!(r2.respite_admission, "0");
    assert_eq!(r2.emergency_nursing, "Ａｽﾃｰｼｮﾝ");
    assert_eq!(r2.station_names, "Ａｽﾃｰｼｮﾝ、Ｂｽﾃｰｼｮﾝ");
    assert_eq!((r2.station_count.as_str(), r2.station_weekly.as_str()), ("2", "2"));
    assert_eq!((r2.institution_name.as_str(), r2.institution_weekly.as_str()), ("Ａ病院", "3"));
    assert_eq!((r2.programme_used.as_str(), r2.programme_weekly.as_str()), ("1", "1"));
    assert_eq!(r2.weekly_total, "5");
    assert_eq!(r2.care_insurance, "5");
    assert_eq!(r2.disability_certificate, "1");
    assert_eq!(r2.disability_support_class, "6");
    assert_eq!(r2.home_care_service, "1");
    assert_eq!(r2.disaster_plan, "0");
    assert_eq!(r2.last_contact, "ｽﾃｰｼｮﾝと○年△月連絡をとる");
    assert_eq!(r2.support_class, "");

    let r1 = &rows[1];
    assert_eq!((r1.index, r1.number.as_str()), (0, "2"));
    assert_eq!(r1.age, "区分3");
    assert_eq!(
        (r1.family_doctor_name.as_str(), r1.family_doctor_mode.as_str(), r1.family_doctor_per_month.as_str()),
        ("0", "0", "")
    );
    assert_eq!(r1.station_names, "0");
    assert_eq!(r1.weekly_total, "0");
    assert_eq!(r1.disaster_plan, "1", "あり without a year, as the seed writes it");
    assert_eq!(r1.home_respite, "療養通所介護に通所");

    // Hidden: the ID番号 instead of the name, the 市町村 only.
    let hidden = roster_rows(&patients, &[1], true);
    assert_eq!((hidden[0].name.as_str(), hidden[0].address.as_str()), ("例2", "A市"));
}

#[test]
fn cells_follow_the_columns_and_mark_gaps() {
    let mut x = roster().remove(0);
    x.gaps.push(Gap { service: Service::MedicalProcedures, note: String::new() });
    let row = roster_row(0, 1, &x, false);
    let cells = row.cells();
    assert_eq!(cells.len(), ROSTER_COLUMNS.len());
    for (cell, column) in cells.iter().zip(ROSTER_COLUMNS.iter()) {
        assert_eq!(cell.column, column);
    }
    let by_key = |k: &str| cells.iter().find(|c| c.column.key == k).copied().expect("column");
    assert_eq!(by_key("id_number").text, "R10");
    assert_eq!(by_key("weekly_total").text, "5");
    assert!(by_key("station_names").gap && by_key("station_weekly").gap);
    assert!(by_key("ventilator").gap, "医療処置管理 flagged");
    assert!(!by_key("neurology_name").gap);
    assert!(!by_key("weekly_total").gap);
    assert_eq!(row.gap_summary, "訪問看護ステーション（回数が不足）、医療処置管理");
    let keys: Vec<&str> = ROSTER_COLUMNS.iter().map(|c| c.key).collect();
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "column keys are unique");
}

#[test]
fn trash_and_restore() {
    let dev = DeviceId::parse("dev-a").expect("id");
    let other = DeviceId::parse("dev-b").expect("id");
    let r = StoredRecord::create(
        RecordId::parse("p1").expect("id"),
        RecordId::parse("d1").expect("id"),
        &p("A-1", "", ""),
        Timestamp(1_000),
        &dev,
    )
    .expect("creates");
    let trashed = move_to_trash(&r, Timestamp(2_000), &other).expect("moved");
    assert_eq!(trashed.meta.deleted_at, Some(Timestamp(2_000)));
    assert_eq!(trashed.meta.rev, 2);
    assert_eq!(trashed.meta.updated_at, Timestamp(2_000));
    assert_eq!(trashed.meta.updated_by, other);
    assert_eq!(trashed.body, r.body);
    assert!(trashed.is_deleted());
    assert_eq!(move_to_trash(&trashed, Timestamp(3_000), &dev), None);
    assert_eq!(restore_from_trash(&r, Timestamp(3_000), &dev), None);
    let restored = restore_from_trash(&trashed, Timestamp(3_000), &dev).expect("restored");
    assert_eq!(restored.meta.deleted_at, None);
    assert_eq!(restored.meta.rev, 3);
    assert_eq!(restored.meta.updated_at, Timestamp(3_000));
    assert!(!restored.is_deleted());
}

#[test]
fn a_thousand_patients_filter_and_sort_quickly() {
    let patients = crate::domain::sample::synthetic_patients(1_000, 3);
    let filter = RosterFilter { search: "1".into(), ventilator: VENTILATOR_YES.into(), ..RosterFilter::default() };
    let sort = RosterSort { key: SortKey::LastContact, descending: true };
    let start = std::time::Instant::now();
    let mut shown = 0;
    for _ in 0..10 {
        shown = roster_indices(&patients, &filter, sort, false).len();
    }
    let per_run = start.elapsed() / 10;
    eprintln!("filter + sort of 1,000 patients: {per_run:?} per run");
    assert!(shown > 0);
    // Natively (release) this is far below 1 ms; the bound allows for unoptimised test builds
    // on a busy machine.
    assert!(per_run.as_millis() < 50, "filter + sort of 1,000 took {per_run:?}");
    let start = std::time::Instant::now();
    let all: Vec<usize> = (0..patients.len()).collect();
    let rows = roster_rows(&patients, &all, true);
    assert_eq!(rows.len(), 1_000);
    assert!(start.elapsed().as_millis() < 200, "1,000 rows took {:?}", start.elapsed());
}

#[test]
fn pages_number_rows_across_pages() {
    let patients = crate::domain::sample::synthetic_patients(250, 5);
    let all: Vec<usize> = (0..patients.len()).rev().collect();
    let first = roster_page(&patients, &all, 0, 100, false);
    assert_eq!((first.page, first.pages, first.first, first.last, first.total), (0, 3, 1, 100, 250));
    assert_eq!(first.rows.len(), 100);
    assert_eq!(first.rows[0].index, 249);
    assert_eq!(first.rows[0].number, "1");
    assert_eq!(first.note(), "全250人中 1〜100人目を表示（1/3ページ）");
    let third = roster_page(&patients, &all, 2, 100, false);
    assert_eq!((third.first, third.last, third.rows.len()), (201, 250, 50));
    assert_eq!(third.rows[0].number, "201");
    assert_eq!(third.rows[49].index, 0);
    // Past the end: the last page.
    assert_eq!(roster_page(&patients, &all, 9, 100, false), third);
    // The same rows as roster_rows, numbered on.
    let rows = roster_rows(&patients, &all, false);
    assert_eq!(third.rows[..], rows[200..]);
    assert_eq!(page_of(&all, 0, 100), Some(2));
    assert_eq!(page_of(&all, 249, 100), Some(0));
    assert_eq!(page_of(&all[..10], 0, 100), None);
}

#[test]
fn one_page_and_empty_roster() {
    let patients = roster();
    let page = roster_page(&patients, &[3, 1], 0, 100, true);
    assert!(!page.is_paged());
    assert_eq!(page.note(), "2人");
    assert_eq!(page.rows.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(page.rows[0].name, "R1", "names hidden");
    let empty = roster_page(&patients, &[], 3, 0, false);
    assert_eq!((empty.page, empty.pages, empty.first, empty.last, empty.total), (0, 1, 0, 0, 0));
    assert_eq!(empty.note(), "0人");
    // An index past the patients is skipped, never a panic.
    assert_eq!(roster_page(&patients, &[0, 99], 0, 10, false).rows.len(), 1);
}
