//! The 災害時個別支援計画 form: the text as typed (dates, hours, 有/無) and its parsing into a
//! [`SupportPlan`]. Every problem names its field; nothing is saved while one is an error.

use super::plan::{battery_problem, BackupKind, BackupPower, Contacts, Evacuation, Needs, PaidBy, SupportPlan};
use super::visits::{Provider, Visit};
use crate::domain::forms::input::parse_yes_no;
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::number::Decimal2;
use crate::domain::time::Date;
use serde::{Deserialize, Serialize};

/// Field keys (for messages and tests).
pub mod fields {
    pub const MADE_ON: &str = "made_on";
    pub const REVIEWED_ON: &str = "reviewed_on";
    pub const INTERNAL_BATTERY: &str = "internal_battery";
    pub const INTERNAL_HOURS: &str = "internal_battery_hours";
    pub const EXTERNAL_HOURS: &str = "external_battery_hours";
    pub const SUCTION: &str = "suction";
    pub const OXYGEN: &str = "oxygen";
    pub const BAG: &str = "resuscitation_bag";
    pub const BACKUP: &str = "backup";
    pub const VISITS: &str = "visits";
    pub const VISITS_START: &str = "visits_start";
}

/// One backup power line as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupForm {
    /// [`BackupKind::key`].
    pub kind: String,
    /// `2024-05-01` (from a date input) or `2024/5/1`.
    pub purchased_on: String,
    /// [`PaidBy::key`].
    pub paid_by: String,
}

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanForm {
    pub patient_id: String,
    pub made_on: String,
    pub reviewed_on: String,
    pub devices: String,
    pub internal_battery: String,
    pub internal_battery_hours: String,
    pub external_battery_hours: String,
    pub suction: String,
    pub oxygen: String,
    pub power_need: String,
    pub backup: Vec<BackupForm>,
    pub needs: Needs,
    pub other_scheme: String,
    pub resuscitation_bag: String,
    pub evacuation: Evacuation,
    pub contacts: Contacts,
    pub providers: Vec<Provider>,
    pub days: [Vec<Visit>; 7],
    pub doctor_instruction: bool,
    pub visits_start: String,
    pub notes: String,
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".into(),
        Some(false) => "0".into(),
        None => String::new(),
    }
}

fn date_text(d: Option<Date>) -> String {
    d.map(Date::iso).unwrap_or_default()
}

fn hours_text(h: Option<Decimal2>) -> String {
    h.map(|h| h.to_string()).unwrap_or_default()
}

/// A date typed or picked: blank → `None`; a date after `today` or not a date → an error.
fn parse_date(text: &str, today: Date, field: &str, label: &str, i: &mut Issues) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match Date::parse(t) {
        Some(d) if d > today => {
            i.error(field, label, format!("未来の日付です（{d}）。今日（{today}）までの日付を入力してください"));
            None
        }
        Some(d) => Some(d),
        None => {
            i.error(field, label, "日付を 2025-06-01 のように入力してください");
            None
        }
    }
}

/// A battery time in hours: blank → `None`; 0, more than 100 or not a number → an error.
fn parse_hours(text: &str, field: &str, label: &str, i: &mut Issues) -> Option<Decimal2> {
    let t = text.trim().trim_end_matches("時間");
    if t.is_empty() {
        return None;
    }
    match Decimal2::parse(t) {
        Ok(h) => match battery_problem(label, h) {
            Some(msg) => {
                let msg = msg.split_once(": ").map_or(msg.clone(), |(_, m)| m.to_string());
                i.error(field, label, msg);
                None
            }
            None => Some(h),
        },
        Err(_) => {
            i.error(field, label, "時間を数字で入力してください（例: 8 や 1.5）");
            None
        }
    }
}

impl PlanForm {
    pub fn from_plan(p: &SupportPlan) -> PlanForm {
        PlanForm {
            patient_id: p.patient_id.to_string(),
            made_on: date_text(p.made_on),
            reviewed_on: date_text(p.reviewed_on),
            devices: p.devices.clone(),
            internal_battery: yes_no(p.internal_battery),
            internal_battery_hours: hours_text(p.internal_battery_hours),
            external_battery_hours: hours_text(p.external_battery_hours),
            suction: yes_no(p.suction),
            oxygen: yes_no(p.oxygen),
            power_need: p.power_need.clone(),
            backup: p
                .backup
                .iter()
                .map(|b| BackupForm {
                    kind: b.kind.key().into(),
                    purchased_on: date_text(b.purchased_on),
                    paid_by: b.paid_by.key().into(),
                })
                .collect(),
            needs: p.needs,
            other_scheme: p.other_scheme.clone(),
            resuscitation_bag: yes_no(p.resuscitation_bag),
            evacuation: p.evacuation.clone(),
            contacts: p.contacts.clone(),
            providers: p.visits.providers.clone(),
            days: p.visits.days.clone(),
            doctor_instruction: p.visits.doctor_instruction,
            visits_start: date_text(p.visits.start),
            notes: p.notes.clone(),
        }
    }

    /// Findings for the form on screen.
    pub fn issues(&self, today: Date) -> Issues {
        match self.parse(today) {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }

    /// Parses and checks: `Ok((plan, warnings))` when it can be saved.
    pub fn parse(&self, today: Date) -> Result<(SupportPlan, Issues), Issues> {
        let mut issues = Issues::new();
        let i = &mut issues;
        let date = |text: &str, field: &str, label: &str, i: &mut Issues| parse_date(text, today, field, label, i);
        let hours = parse_hours;
        let patient_id = RecordId::parse(&self.patient_id).ok();
        if patient_id.is_none() {
            i.error("patient_id", "療養者", "療養者が分かりません");
        }
        let made_on = date(&self.made_on, fields::MADE_ON, "作成日", i);
        if self.made_on.trim().is_empty() {
            i.error(fields::MADE_ON, "作成日", "作成日を入力してください（様式1の災害時個別支援計画の年になります）");
        }
        let reviewed_on = date(&self.reviewed_on, fields::REVIEWED_ON, "見直し日", i);
        let internal_battery = parse_yes_no(&self.internal_battery, fields::INTERNAL_BATTERY, "内蔵バッテリー", i);
        let internal_battery_hours =
            hours(&self.internal_battery_hours, fields::INTERNAL_HOURS, "内蔵バッテリーの持続時間", i);
        let external_battery_hours =
            hours(&self.external_battery_hours, fields::EXTERNAL_HOURS, "外部バッテリーの持続時間", i);
        let suction = parse_yes_no(&self.suction, fields::SUCTION, "吸引器", i);
        let oxygen = parse_yes_no(&self.oxygen, fields::OXYGEN, "酸素", i);
        let resuscitation_bag = parse_yes_no(&self.resuscitation_bag, fields::BAG, "蘇生バッグ", i);
        let mut backup = Vec::new();
        for (n, b) in self.backup.iter().enumerate() {
            let kind = BackupKind::from_key(&b.kind).unwrap_or(BackupKind::Generator);
            let label = format!("予備電源{}（{}）の購入日", n + 1, kind.label());
            let purchased_on = date(&b.purchased_on, fields::BACKUP, &label, i);
            backup.push(BackupPower { kind, purchased_on, paid_by: PaidBy::from_key(&b.paid_by).unwrap_or_default() });
        }
        let visits = super::visits::VisitPlan {
            providers: self
                .providers
                .iter()
                .map(|p| Provider { name: p.name.trim().to_string(), kind: p.kind })
                .collect(),
            days: self.days.clone(),
            doctor_instruction: self.doctor_instruction,
            start: date(&self.visits_start, fields::VISITS_START, "事業の開始日", i),
        };
        let plan = SupportPlan {
            patient_id: patient_id.unwrap_or_else(|| RecordId::sanitized("patient")),
            made_on,
            reviewed_on,
            devices: self.devices.trim().to_string(),
            internal_battery,
            internal_battery_hours,
            external_battery_hours,
            suction,
            oxygen,
            power_need: self.power_need.trim().to_string(),
            backup,
            needs: self.needs,
            other_scheme: self.other_scheme.trim().to_string(),
            resuscitation_bag,
            evacuation: self.evacuation.clone(),
            contacts: self.contacts.clone(),
            visits,
            notes: self.notes.trim().to_string(),
        };
        for (path, msg) in plan.problems() {
            if path == "visits" {
                i.error(fields::VISITS, "週間訪問計画", msg);
            } else if path == "reviewed_on" {
                i.error(
                    fields::REVIEWED_ON,
                    "見直し日",
                    msg.split_once(": ").map_or(msg.clone(), |(_, m)| m.to_string()),
                );
            }
        }
        let start = plan.visits.start.unwrap_or_else(|| super::payment::default_start(today));
        if let Some(msg) = super::payment::year(&plan.visits, start).over_cap_message() {
            i.warning(fields::VISITS, "週間訪問計画", msg);
        }
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((plan, issues))
        }
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
