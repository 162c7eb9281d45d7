use super::*;
use crate::domain::bundle::{anonymise, check_body, AnonymiseOptions};
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::test_ids::{dev, rid as id};
use crate::domain::record::StoredRecord;
use crate::domain::time::Timestamp;
use crate::domain::ventilator::subsidy::{check_all, SubsidyTable, Verdict};
use crate::domain::ventilator::visits::{Provider, ProviderKind, Qualification, Visit};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid date")
}

fn ventilated() -> Patient {
    let mut p = Patient {
        id_number: "V-1".into(),
        devices: "人工呼吸器 ABC（内部バッテリー付き）".into(),
        ..Patient::default()
    };
    p.procedures.ventilator = Some(true);
    p.procedures.suction = Some(true);
    p
}

fn plan() -> SupportPlan {
    let mut p = SupportPlan::new(id("p-1"), &ventilated());
    p.made_on = Some(d(2025, 6, 1));
    p.internal_battery = Some(false);
    p.external_battery_hours = Some(Decimal2::whole(8));
    p.evacuation = Evacuation {
        place: "○○小学校".into(), how: "福祉車両".into(), helpers: "長男・近所の方".into()
    };
    p.contacts.doctor = "Aクリニック 03-0000-0000".into();
    p.contacts.power_company = "優先登録済み".into();
    p
}

/// The seed's 例2 (seed 004): かかりつけ Ａクリニック, 神経内科 Ｂ大学病院, 緊急時の訪問看護
/// Ａｽﾃｰｼｮﾝ, stations Ａｽﾃｰｼｮﾝ and Ｂｽﾃｰｼｮﾝ, 医療機関からの訪問看護 Ａ病院 — by hand, the
/// new plan's contacts name each once.
#[test]
fn a_new_plan_takes_the_doctors_and_stations_from_form1() {
    use crate::domain::forms::seed_examples::{seed_example_2, seed_patient};
    let p = SupportPlan::new(id("p-2"), &seed_patient(seed_example_2()));
    assert_eq!(p.contacts.doctor, "Ａクリニック（かかりつけ主治医）、Ｂ大学病院（神経内科専門医療機関）");
    assert_eq!(p.contacts.stations, "Ａｽﾃｰｼｮﾝ、Ｂｽﾃｰｼｮﾝ、Ａ病院");
    assert_eq!((p.contacts.power_company.as_str(), p.contacts.fire_service.as_str()), ("", ""));
    // Nothing named: nothing filled.
    assert_eq!(SupportPlan::new(id("p-1"), &ventilated()).contacts, Contacts::default());
}

#[test]
fn a_new_plan_takes_the_devices_from_form1() {
    let p = SupportPlan::new(id("p-1"), &ventilated());
    assert_eq!(p.devices, "人工呼吸器 ABC（内部バッテリー付き）");
    assert_eq!(p.suction, Some(true));
}

#[test]
fn saving_sets_form1_year_and_the_programme_visits() {
    let mut p = plan();
    let patient = ventilated();
    let next = patient_with_plan(&patient, &p).expect("changes");
    assert_eq!(next.disaster_plan, Tri::Value(Some(2025)));
    assert_eq!(next.ventilator_programme.weekly_visits, None, "no visit plan: left as it was");
    // Reviewed in 2026: the year follows the review. A week with A, A, B on Monday.
    p.reviewed_on = Some(d(2026, 5, 20));
    p.visits.providers = vec![
        Provider { name: "A".into(), kind: ProviderKind::Station },
        Provider { name: "B".into(), kind: ProviderKind::Station },
    ];
    let nurse = |n: &str| Visit { provider: n.into(), qualification: Qualification::Nurse };
    p.visits.days[0] = vec![nurse("A"), nurse("A"), nurse("B")];
    let next = patient_with_plan(&patient, &p).expect("changes");
    assert_eq!(next.disaster_plan, Tri::Value(Some(2026)));
    assert_eq!(next.ventilator_programme.weekly_visits, Some(Decimal2::whole(1)));
    assert_eq!(next.ventilator_programme.used, Some(true));
    assert_eq!(patient_with_plan(&next, &p), None, "saving again changes nothing");
}

#[test]
fn plan_status_none_overdue_current() {
    let today = d(2026, 12, 3);
    assert_eq!(PlanStatus::of(None, today), PlanStatus::None);
    let mut p = plan();
    // Made 2025-06-01: due 2026-06-01, overdue on 2026-12-03.
    assert_eq!(PlanStatus::of(Some(&p), today), PlanStatus::Overdue { due: Some(d(2026, 6, 1)) });
    p.reviewed_on = Some(d(2026, 5, 20));
    assert_eq!(PlanStatus::of(Some(&p), today), PlanStatus::Current { due: d(2027, 5, 20) });
    p.made_on = None;
    p.reviewed_on = None;
    assert_eq!(PlanStatus::of(Some(&p), today), PlanStatus::Overdue { due: None });
}

#[test]
fn the_subsidy_check_changes_when_the_plan_says_a_generator_is_needed() {
    let today = d(2026, 12, 3);
    let table = SubsidyTable::default();
    let mut p = plan();
    let before = check_all(&table, &p.subsidy_facts(), today).expect("valid");
    assert_eq!(before[0].verdict, Verdict::NotNeeded);
    p.needs.generator = true;
    let after = check_all(&table, &p.subsidy_facts(), today).expect("valid");
    assert_eq!(after[0].verdict, Verdict::Eligible { limit_yen: 212_000 });
    // A generator received through this subsidy in 2022 is within its 6 years.
    p.backup.push(BackupPower {
        kind: BackupKind::Generator,
        purchased_on: Some(d(2022, 3, 1)),
        paid_by: PaidBy::ThisSubsidy,
    });
    p.backup.push(BackupPower { kind: BackupKind::Generator, purchased_on: Some(d(2024, 1, 1)), paid_by: PaidBy::Own });
    let within = check_all(&table, &p.subsidy_facts(), today).expect("valid");
    assert_eq!(within[0].verdict, Verdict::WithinUsefulLife { received: d(2022, 3, 1), renewal: d(2028, 3, 1) });
    p.other_scheme = "日常生活用具給付等事業".into();
    assert!(matches!(check_all(&table, &p.subsidy_facts(), today).expect("valid")[1].verdict, Verdict::OtherScheme(_)));
}

#[test]
fn bad_input_battery_of_zero_or_a_thousand_hours_and_future_dates() {
    let mut p = plan();
    p.internal_battery_hours = Some(Decimal2::ZERO);
    p.external_battery_hours = Some(Decimal2::whole(1_000));
    let problems = p.problems();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].0, "internal_battery_hours");
    assert!(problems[0].1.starts_with("内蔵バッテリーの持続時間: 0時間より長く100時間以下"), "{}", problems[0].1);
    assert!(
        problems[1].1.contains("外部バッテリーの持続時間") && problems[1].1.contains("1000時間"),
        "{}",
        problems[1].1
    );
    p.backup.push(BackupPower { kind: BackupKind::Ups, purchased_on: Some(d(2027, 1, 1)), paid_by: PaidBy::Own });
    let future = p.future_dates(d(2026, 12, 3));
    assert_eq!(future.len(), 1);
    assert_eq!(future[0].0, "backup/0/purchased_on");
    assert!(future[0].1.starts_with("無停電電源装置の購入日: 未来の日付です（2027年1月1日）"));
}

fn stored(p: &SupportPlan) -> (Vec<StoredRecord>, Vec<StoredRecord>) {
    let t = Timestamp(1_747_000_000_000);
    let diag =
        CommunityDiagnosis { jurisdiction: "A保健所管内".into(), fiscal_year: FiscalYear::new(2025).expect("fy") };
    let dr = StoredRecord::create(id("d1"), id("d1"), &diag, t, &dev("pc")).expect("creates");
    let patient = StoredRecord::create(id("p-1"), id("d1"), &ventilated(), t, &dev("pc")).expect("creates");
    let plan = StoredRecord::create(id("sp-1"), id("d1"), p, t, &dev("pc")).expect("creates");
    (vec![dr], vec![patient, plan])
}

#[test]
fn a_bundle_checks_the_plan_and_names_the_field() {
    let body = serde_json::to_value(plan()).expect("json");
    assert_eq!(check_body(RecordKind::SupportPlan, &body), Ok(body.clone()));
    let mut bad = plan();
    bad.internal_battery_hours = Some(Decimal2::whole(1_000));
    let err = check_body(RecordKind::SupportPlan, &serde_json::to_value(bad).expect("json")).expect_err("refused");
    assert_eq!(err[0].path, "internal_battery_hours");
    let mut unknown = body.clone();
    unknown["evacuation"]["boat"] = serde_json::json!("x");
    assert!(check_body(RecordKind::SupportPlan, &unknown).is_err(), "unknown fields are refused");
}

#[test]
fn the_anonymised_export_drops_addresses_contacts_and_evacuation() {
    let (ds, rs) = stored(&plan());
    let (_, ar, report) = anonymise(&ds, &rs, &AnonymiseOptions::default());
    let text = serde_json::to_string(&ar).expect("json");
    for secret in ["○○小学校", "福祉車両", "長男", "Aクリニック", "03-0000-0000", "優先登録済み", "ABC"]
    {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    let plan = ar.iter().find(|r| r.meta.kind == RecordKind::SupportPlan).expect("plan kept");
    let body: SupportPlan = plan.body_as().expect("reads");
    let patient = ar.iter().find(|r| r.meta.kind == RecordKind::Patient).expect("patient");
    assert_eq!(body.patient_id, patient.meta.id, "the link follows the renamed patient");
    assert_eq!(body.external_battery_hours, Some(Decimal2::whole(8)), "battery times are kept");
    assert!(report.removed.iter().any(|l| l.starts_with("災害時個別支援計画の避難先")), "{:?}", report.removed);
}
