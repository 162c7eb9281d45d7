//! The printed plan (A4 portrait) to leave with the family: the patient, devices and battery
//! times, backup power, evacuation and contacts, and the week's visits. Only shows on paper.

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::time::Date;
use crate::domain::ventilator::form::PlanForm;
use crate::domain::ventilator::plan::{BackupKind, PaidBy, SupportPlan};
use crate::domain::ventilator::visits::WEEKDAYS;
use crate::ui::form::FormState;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

fn yes_no(text: &str) -> &'static str {
    match text {
        "1" => "あり",
        "0" => "なし",
        _ => "未記入",
    }
}

#[component]
pub fn PlanPrint(
    form: FormState<PlanForm>,
    name: String,
    entry: DiagnosisEntry,
    plan: Memo<Option<SupportPlan>>,
    today: Date,
) -> impl IntoView {
    let printed_on = print_date();
    let f = move || form.value.get();
    let due =
        move || plan.with(|p| p.as_ref().and_then(SupportPlan::review_due).map(|d| d.to_string())).unwrap_or_default();
    let _ = today;
    let row = |label: &'static str, value: String| view! { <tr><th scope="row">{label}</th><td>{value}</td></tr> };
    view! {
        <section class="print-only plan-print" data-testid="plan-print">
            <PrintHeader title="災害時個別支援計画".to_string() jurisdiction=entry.diagnosis.jurisdiction.clone() year=entry.diagnosis.fiscal_year.to_string() printed_on>
                <span>"療養者: "<b data-testid="print-plan-name">{name}</b></span>
            </PrintHeader>
            {move || {
                let f = f();
                let backup = f.backup.iter().map(|b| format!("{}（購入日 {}・{}）",
                    BackupKind::from_key(&b.kind).map_or("", BackupKind::label),
                    if b.purchased_on.is_empty() { "未記入" } else { b.purchased_on.as_str() },
                    PaidBy::from_key(&b.paid_by).unwrap_or_default().label())).collect::<Vec<_>>().join("／");
                let visits = WEEKDAYS.iter().zip(f.days.iter()).filter(|(_, v)| !v.is_empty())
                    .map(|(d, v)| format!("{d}: {}", v.iter().map(|x| x.provider.clone()).collect::<Vec<_>>().join("→"))).collect::<Vec<_>>().join("／");
                view! {
                    <table class="print-table plan-print-table">
                        <tbody>
                            {row("作成日・見直し日", format!("{} ／ {}（次の見直し {}）", f.made_on, f.reviewed_on, due()))}
                            {row("使用医療機器", f.devices.clone())}
                            {row("内蔵バッテリー", format!("{}（{}時間）", yes_no(&f.internal_battery), f.internal_battery_hours))}
                            {row("外部バッテリー", format!("{}時間", f.external_battery_hours))}
                            {row("吸引器・酸素", format!("吸引器 {}・酸素 {}", yes_no(&f.suction), yes_no(&f.oxygen)))}
                            {row("必要な電力", f.power_need.clone())}
                            {row("備えている予備電源", backup)}
                            {row("蘇生バッグ", yes_no(&f.resuscitation_bag).to_string())}
                            {row("避難先", f.evacuation.place.clone())}
                            {row("避難の方法", f.evacuation.how.clone())}
                            {row("避難を手伝う人", f.evacuation.helpers.clone())}
                            {row("主治医", f.contacts.doctor.clone())}
                            {row("訪問看護ステーション等", f.contacts.stations.clone())}
                            {row("電力会社（優先登録）", f.contacts.power_company.clone())}
                            {row("消防署", f.contacts.fire_service.clone())}
                            {row("そのほかの連絡先", f.contacts.others.clone())}
                            {row("週間の訪問", visits)}
                            {row("メモ", f.notes.clone())}
                        </tbody>
                    </table>
                }
            }}
        </section>
    }
}
