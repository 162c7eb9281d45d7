use super::*;
use crate::domain::ids::test_ids::{dev, rid as id};
use crate::domain::number::Decimal2;
use crate::domain::tri::Tri;
use crate::domain::ventilator::tables::SubsidyTables;

const TODAY: Date = Date { year: 2026, month: 12, day: 3 };

fn patient(no: &str, ventilator: bool) -> Patient {
    let mut p = Patient { id_number: no.into(), name: format!("療養者{no}"), ..Patient::default() };
    p.procedures.ventilator = Some(ventilator);
    p
}

fn rec<T: crate::domain::record::RecordBody>(rid: &str, body: &T) -> StoredRecord {
    StoredRecord::create(id(rid), id("d1"), body, Timestamp(0), &dev("pc")).expect("creates")
}

#[test]
fn ventilated_patients_and_those_with_a_plan_are_listed_with_their_status() {
    let patients: Vec<(StoredRecord, Patient)> =
        [("A-2", true, "p-2"), ("A-1", true, "p-1"), ("B-1", false, "p-3"), ("B-2", false, "p-4")]
            .iter()
            .map(|(no, v, rid)| (rec(rid, &patient(no, *v)), patient(no, *v)))
            .collect();
    let mut plan = SupportPlan::new(id("p-1"), &patients[1].1);
    plan.made_on = Some(Date { year: 2026, month: 4, day: 10 });
    plan.needs.generator = true;
    plan.backup.push(super::super::plan::BackupPower {
        kind: super::super::plan::BackupKind::Battery,
        purchased_on: None,
        paid_by: super::super::plan::PaidBy::Own,
    });
    let mut other = SupportPlan::new(id("p-3"), &patients[2].1);
    other.made_on = Some(Date { year: 2025, month: 1, day: 10 });
    let plans = vec![(rec("sp-1", &plan), plan), (rec("sp-3", &other), other)];
    let rows = area_rows(&patients, &plans, &SubsidyTables::default(), TODAY, false);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["A-1 療養者A-1", "A-2 療養者A-2", "B-1 療養者B-1"], "B-2: no ventilator, no plan");
    assert_eq!(rows[0].status, PlanStatus::Current { due: Date { year: 2027, month: 4, day: 10 } });
    assert_eq!(rows[0].backup, ["蓄電池"]);
    assert_eq!(rows[0].open_subsidies, ["①自家発電装置"]);
    assert_eq!(rows[1].status, PlanStatus::None);
    assert!(rows[1].open_subsidies.is_empty(), "no plan, no subsidy");
    assert_eq!(rows[2].status, PlanStatus::Overdue { due: Some(Date { year: 2026, month: 1, day: 10 }) });
    assert_eq!(evidence_line(&rows), "人工呼吸器を使う療養者2人のうち、計画が最新1人・見直し期限切れ0人・計画なし1人");
    let hidden = area_rows(&patients, &plans, &SubsidyTables::default(), TODAY, true);
    assert_eq!(hidden[0].name, "A-1");
}

#[test]
fn one_save_updates_the_patients_form1_on_its_latest_revision() {
    let p = patient("A-1", true);
    let latest = rec("p-1", &p);
    let mut plan = SupportPlan::new(id("p-1"), &p);
    plan.made_on = Some(Date { year: 2026, month: 6, day: 1 });
    let updated = patient_update(&latest, &plan, Timestamp(10), &dev("pc")).expect("ok").expect("changed");
    assert_eq!(updated.meta.rev, 2);
    let body: Patient = updated.body_as().expect("patient");
    assert_eq!(body.disaster_plan, Tri::Value(Some(2026)));
    assert_eq!(body.ventilator_programme.weekly_visits, None::<Decimal2>);
    assert_eq!(patient_update(&updated, &plan, Timestamp(20), &dev("pc")), Ok(None));
    assert!(patient_update(&rec("x", &plan), &plan, Timestamp(20), &dev("pc")).is_err(), "not a patient");
}

/// Issue 20: each 市町村's own 補助の上限表. Two patients who both received a generator
/// through the subsidy on 2021-06-01: in Ｂ町 (耐用年数 5年) it is open again on 2026-12-03,
/// in Ａ市 (the common 6年) not before 2027-06-01.
#[test]
fn each_patient_is_checked_against_their_towns_table() {
    use crate::domain::ventilator::plan::{BackupKind, BackupPower, PaidBy};
    use crate::domain::ventilator::tables::TablesForm;
    let mut form = TablesForm::from_tables(&SubsidyTables::default());
    form.add_municipality("Ｂ町");
    form.municipalities[0].lives[0] = "5".into();
    let tables = form.parse().expect("valid");
    let mut patients = Vec::new();
    let mut plans = Vec::new();
    for (no, town) in [("A-1", "Ａ市"), ("B-1", "Ｂ町")] {
        let mut p = patient(no, true);
        p.municipality = town.into();
        let pid = format!("p-{no}");
        let mut plan = SupportPlan::new(id(&pid), &p);
        plan.made_on = Some(Date { year: 2026, month: 4, day: 1 });
        plan.needs.generator = true;
        plan.backup.push(BackupPower {
            kind: BackupKind::Generator,
            purchased_on: Some(Date { year: 2021, month: 6, day: 1 }),
            paid_by: PaidBy::ThisSubsidy,
        });
        plans.push((rec(&format!("sp-{no}"), &plan), plan));
        patients.push((rec(&pid, &p), p));
    }
    let rows = area_rows(&patients, &plans, &tables, TODAY, false);
    assert!(rows[0].open_subsidies.is_empty(), "Ａ市: within 6 years");
    assert_eq!(rows[1].open_subsidies, ["①自家発電装置"], "Ｂ町: 5 years have passed");
    let common = area_rows(&patients, &plans, &SubsidyTables::default(), TODAY, false);
    assert!(common.iter().all(|r| r.open_subsidies.is_empty()), "the common table for both");
}

/// The map's plan layer covers the area view's patients: A-1 (ventilator, current plan),
/// A-2 (ventilator, none), B-1 (no ventilator, overdue plan); B-2 (neither) is not on it.
#[test]
fn the_maps_plan_layer_has_the_area_views_patients() {
    let patients: Vec<(RecordId, Patient)> = [("A-1", true), ("A-2", true), ("B-1", false), ("B-2", false)]
        .iter()
        .map(|(no, v)| (id(no), patient(no, *v)))
        .collect();
    let mut current = SupportPlan::new(id("A-1"), &patients[0].1);
    current.made_on = Some(Date { year: 2026, month: 4, day: 10 });
    let mut old = SupportPlan::new(id("B-1"), &patients[2].1);
    old.made_on = Some(Date { year: 2025, month: 1, day: 10 });
    let statuses = plan_statuses(&patients, &[current, old], TODAY);
    let got: Vec<(&str, PlanStatus)> = statuses.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        got,
        [
            ("A-1", PlanStatus::Current { due: Date { year: 2027, month: 4, day: 10 } }),
            ("A-2", PlanStatus::None),
            ("B-1", PlanStatus::Overdue { due: Some(Date { year: 2026, month: 1, day: 10 }) }),
        ]
    );
}
