//! 地域の備え: the area view of the 災害時個別支援計画 — every ventilated patient (and every
//! patient who has a plan) with the plan's status, the backup power held, the subsidies open
//! to them and their use of the 在宅人工呼吸器使用患者支援事業. The evidence for 様式4's
//! 災害対策 item. Also the one save of a plan with its patient's 様式1.

use super::payment;
use super::plan::{patient_with_plan, PlanStatus, SupportPlan};
use super::subsidy::check_all;
use super::tables::SubsidyTables;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::patient::Patient;
use crate::domain::record::{RecordError, StoredRecord};
use crate::domain::time::{Date, Timestamp};

/// One patient's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub patient_id: RecordId,
    /// ID番号 and 氏名 as the roster shows them.
    pub name: String,
    pub ventilator: bool,
    pub status: PlanStatus,
    /// 備えている予備電源 (labels), or empty.
    pub backup: Vec<&'static str>,
    /// 申請できる補助 (①②③ labels).
    pub open_subsidies: Vec<&'static str>,
    /// 事業による訪問 per week (from the plan's visit plan, else 様式1).
    pub programme_weekly: Option<String>,
}

/// The rows: ventilated patients first, then by ID番号.
pub fn area_rows(
    patients: &[(StoredRecord, Patient)],
    plans: &[(StoredRecord, SupportPlan)],
    tables: &SubsidyTables,
    today: Date,
    hide_names: bool,
) -> Vec<AreaRow> {
    let mut rows: Vec<AreaRow> = patients
        .iter()
        .filter_map(|(r, p)| {
            let plan = plans.iter().find(|(_, s)| s.patient_id == r.meta.id).map(|(_, s)| s);
            let ventilator = p.procedures.ventilator == Some(true);
            if !covered(p, plan) {
                return None;
            }
            let mut backup: Vec<&'static str> =
                plan.map(|s| s.backup.iter().map(|b| b.kind.label()).collect()).unwrap_or_default();
            backup.dedup();
            let facts = plan.map(SupportPlan::subsidy_facts).unwrap_or_default();
            // Each 市町村's own table where it has one (区市町村包括補助).
            let (table, _) = tables.for_municipality(&p.municipality);
            let open_subsidies = check_all(table, &facts, today)
                .map(|checks| checks.into_iter().filter(|c| c.eligible()).map(|c| c.item.label()).collect())
                .unwrap_or_default();
            let from_plan = plan
                .filter(|s| s.visits.days.iter().any(|d| !d.is_empty()))
                .map(|s| format!("週{}回", payment::week(&s.visits).visits));
            let from_form1 = match (p.ventilator_programme.used, p.ventilator_programme.weekly_visits) {
                (Some(true), Some(w)) => Some(format!("週{w}回（様式1）")),
                (Some(true), None) => Some("利用あり（様式1）".to_string()),
                _ => None,
            };
            Some(AreaRow {
                patient_id: r.meta.id.clone(),
                name: match p.display_name(hide_names) {
                    shown if shown == p.id_number => shown.to_string(),
                    shown => format!("{} {shown}", p.id_number).trim().to_string(),
                },
                ventilator,
                status: PlanStatus::of(plan, today),
                backup,
                open_subsidies,
                programme_weekly: from_plan.or(from_form1),
            })
        })
        .collect();
    rows.sort_by(|a, b| b.ventilator.cmp(&a.ventilator).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// A patient the plans are about: on a ventilator (様式1 人工呼吸器), or with a plan.
fn covered(patient: &Patient, plan: Option<&SupportPlan>) -> bool {
    patient.procedures.ventilator == Some(true) || plan.is_some()
}

/// The 管内マップ's layer 「災害時個別支援計画」: the plan's state for every patient the plans
/// are about (the same patients as the area view), by patient.
pub fn plan_statuses(
    patients: &[(RecordId, Patient)],
    plans: &[SupportPlan],
    today: Date,
) -> std::collections::BTreeMap<RecordId, PlanStatus> {
    patients
        .iter()
        .filter_map(|(id, p)| {
            let plan = plans.iter().find(|s| &s.patient_id == id);
            covered(p, plan).then(|| (id.clone(), PlanStatus::of(plan, today)))
        })
        .collect()
}

/// 様式4 災害対策: how many ventilated patients have a current plan (「人工呼吸器使用者N人の
/// うち、計画が最新N人・見直し期限切れN人・なしN人」).
pub fn evidence_line(rows: &[AreaRow]) -> String {
    let vent: Vec<&AreaRow> = rows.iter().filter(|r| r.ventilator).collect();
    let count = |f: fn(&PlanStatus) -> bool| vent.iter().filter(|r| f(&r.status)).count();
    format!(
        "人工呼吸器を使う療養者{}人のうち、計画が最新{}人・見直し期限切れ{}人・計画なし{}人",
        vent.len(),
        count(|s| matches!(s, PlanStatus::Current { .. })),
        count(|s| matches!(s, PlanStatus::Overdue { .. })),
        count(|s| matches!(s, PlanStatus::None)),
    )
}

/// The patient's record with 様式1 updated from the plan, on its latest revision (one save
/// writes both), or `None` when 様式1 already says so.
pub fn patient_update(
    latest_patient: &StoredRecord,
    plan: &SupportPlan,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Option<StoredRecord>, RecordError> {
    let patient: Patient = latest_patient.body_as()?;
    match patient_with_plan(&patient, plan) {
        Some(next) => latest_patient.edited(&next, now, device),
        None => Ok(None),
    }
}

#[cfg(test)]
#[path = "area_tests.rs"]
mod tests;
