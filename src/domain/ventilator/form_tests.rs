use super::*;
use crate::domain::ventilator::visits::{ProviderKind, Qualification};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid date")
}

const TODAY: Date = Date { year: 2026, month: 12, day: 3 };

fn form() -> PlanForm {
    PlanForm {
        patient_id: "p-1".into(),
        made_on: "2026-06-01".into(),
        internal_battery: "0".into(),
        external_battery_hours: "8".into(),
        providers: vec![Provider { name: "Aステーション".into(), kind: ProviderKind::Station }],
        ..PlanForm::default()
    }
}

fn nurse(p: &str) -> Visit {
    Visit { provider: p.into(), qualification: Qualification::Nurse }
}

#[test]
fn a_typed_plan_reads_and_round_trips() {
    let mut f = form();
    f.backup.push(BackupForm {
        kind: "generator".into(),
        purchased_on: "2022/3/1".into(),
        paid_by: "this_subsidy".into(),
    });
    let (plan, warnings) = f.parse(TODAY).expect("valid");
    assert!(warnings.is_empty());
    assert_eq!(plan.made_on, Some(d(2026, 6, 1)));
    assert_eq!(plan.external_battery_hours, Some(Decimal2::whole(8)));
    assert_eq!(plan.backup[0].purchased_on, Some(d(2022, 3, 1)));
    assert_eq!(plan.backup[0].paid_by, PaidBy::ThisSubsidy);
    let again = PlanForm::from_plan(&plan);
    assert_eq!(again.parse(TODAY).expect("valid").0, plan);
}

#[test]
fn bad_input_is_named_and_blocks_the_save() {
    let mut f = form();
    f.internal_battery_hours = "0".into();
    f.external_battery_hours = "1000".into();
    f.backup.push(BackupForm { kind: "ups".into(), purchased_on: "2027-01-01".into(), paid_by: "own".into() });
    let issues = f.parse(TODAY).expect_err("refused");
    let errors: Vec<(String, String)> = issues.errors().map(|e| (e.field.clone(), e.message.clone())).collect();
    assert!(errors.contains(&(
        "internal_battery_hours".into(),
        "0時間より長く100時間以下で入力してください（0時間になっています）".into()
    )));
    assert!(errors.iter().any(|(f, m)| f == "external_battery_hours" && m.contains("1000時間")));
    let labels: Vec<String> = issues.errors().map(|e| e.label.clone()).collect();
    assert!(labels.contains(&"予備電源1（無停電電源装置）の購入日".to_string()), "{labels:?}");
    assert!(issues.refusal().starts_with("入力に誤りがあるため保存していません。"));
}

#[test]
fn thirty_visits_or_an_unknown_provider_are_errors_more_than_260_a_warning() {
    let mut f = form();
    f.days[0] = vec![nurse("Aステーション"); 30];
    assert!(f.parse(TODAY).expect_err("refused").errors().any(|e| e.message.contains("1日の訪問は12回まで")));
    let mut f = form();
    f.days[2] = vec![Visit { provider: "Zケア".into(), qualification: Qualification::AssistantNurse }];
    assert!(f
        .parse(TODAY)
        .expect_err("refused")
        .errors()
        .any(|e| e.message.contains("事業者「Zケア」が訪問する事業者の一覧にありません")));
    // 5 visits by one station every day: 2 programme visits a day, 730 a year → shown, saved.
    let mut f = form();
    f.visits_start = "2026-04-01".into();
    for day in f.days.iter_mut() {
        *day = vec![nurse("Aステーション"); 4];
    }
    let (_, warnings) = f.parse(TODAY).expect("saved all the same");
    assert!(warnings.0.iter().any(|w| w.message.contains("年730回") && w.message.contains("限度を超えます")));
}

#[test]
fn a_plan_needs_its_date() {
    let mut f = form();
    f.made_on.clear();
    assert!(f.parse(TODAY).expect_err("refused").errors().any(|e| e.field == "made_on"));
    f.made_on = "2026-13-01".into();
    assert!(f.parse(TODAY).is_err());
}
