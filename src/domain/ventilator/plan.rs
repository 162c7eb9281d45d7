//! 災害時個別支援計画: one record per patient (linked by the patient record's ID), made and
//! reviewed yearly by the 保健所 nurse with the family and the services. It holds the devices
//! in use and how long their batteries last, the backup power held, what the plan says the
//! person needs to prepare (the subsidy check reads it), 蘇生バッグ, evacuation, contacts,
//! and the week's visit plan of the 在宅人工呼吸器使用患者支援事業.
//!
//! Saving it sets 様式1's 災害時個別支援計画 year of the patient ([`patient_with_plan`]).

use super::subsidy::SubsidyFacts;
use super::visits::VisitPlan;
use crate::domain::ids::RecordId;
use crate::domain::number::Decimal2;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordBody, RecordKind};
use crate::domain::time::Date;
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};

/// 予備電源の種類.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// 自家発電装置.
    Generator,
    /// 蓄電池.
    Battery,
    /// 無停電電源装置.
    Ups,
    /// 充電式吸引器.
    Suction,
    /// カーインバーター（車のシガーソケット）.
    CarInverter,
}

impl BackupKind {
    pub const ALL: [BackupKind; 5] =
        [BackupKind::Generator, BackupKind::Battery, BackupKind::Ups, BackupKind::Suction, BackupKind::CarInverter];

    pub fn key(self) -> &'static str {
        match self {
            BackupKind::Generator => "generator",
            BackupKind::Battery => "battery",
            BackupKind::Ups => "ups",
            BackupKind::Suction => "suction",
            BackupKind::CarInverter => "car_inverter",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BackupKind::Generator => "自家発電装置",
            BackupKind::Battery => "蓄電池",
            BackupKind::Ups => "無停電電源装置",
            BackupKind::Suction => "充電式吸引器",
            BackupKind::CarInverter => "カーインバーター",
        }
    }

    pub fn from_key(key: &str) -> Option<BackupKind> {
        BackupKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// 購入・入手の方法.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaidBy {
    /// 不明.
    #[default]
    Unknown,
    /// 自費.
    Own,
    /// 区市町村の補助（在宅人工呼吸器使用者療養支援事業）: counts for the useful life.
    ThisSubsidy,
    /// 他の公的制度（日常生活用具給付等）.
    OtherScheme,
    /// 医療機関・業者からの貸与.
    Lent,
}

impl PaidBy {
    pub const ALL: [PaidBy; 5] = [PaidBy::Unknown, PaidBy::Own, PaidBy::ThisSubsidy, PaidBy::OtherScheme, PaidBy::Lent];

    pub fn key(self) -> &'static str {
        match self {
            PaidBy::Unknown => "unknown",
            PaidBy::Own => "own",
            PaidBy::ThisSubsidy => "this_subsidy",
            PaidBy::OtherScheme => "other_scheme",
            PaidBy::Lent => "lent",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PaidBy::Unknown => "不明",
            PaidBy::Own => "自費",
            PaidBy::ThisSubsidy => "区市町村の補助（在宅人工呼吸器使用者療養支援事業）",
            PaidBy::OtherScheme => "他の公的制度（日常生活用具給付等）",
            PaidBy::Lent => "貸与",
        }
    }

    pub fn from_key(key: &str) -> Option<PaidBy> {
        PaidBy::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// 備えている予備電源 (one item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupPower {
    pub kind: BackupKind,
    /// 購入日（入手日）.
    #[serde(default)]
    pub purchased_on: Option<Date>,
    #[serde(default)]
    pub paid_by: PaidBy,
}

/// 計画で準備が必要とした品目 (seed 003 ①②③).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    /// ① 自家発電装置.
    #[serde(default)]
    pub generator: bool,
    /// ② 吸引器（充電式）.
    #[serde(default)]
    pub suction: bool,
    /// ③ 無停電電源装置.
    #[serde(default)]
    pub ups: bool,
}

/// 避難.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evacuation {
    /// 避難先.
    #[serde(default)]
    pub place: String,
    /// 避難の方法.
    #[serde(default)]
    pub how: String,
    /// 避難を手伝う人.
    #[serde(default)]
    pub helpers: String,
}

/// 連絡先.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    /// 主治医.
    #[serde(default)]
    pub doctor: String,
    /// 訪問看護ステーション等.
    #[serde(default)]
    pub stations: String,
    /// 電力会社（優先登録）.
    #[serde(default)]
    pub power_company: String,
    /// 消防署.
    #[serde(default)]
    pub fire_service: String,
    /// そのほか（機器の業者、家族など）.
    #[serde(default)]
    pub others: String,
}

impl Contacts {
    /// A new plan's contacts as 様式1 names them: 主治医 the かかりつけ主治医 then the
    /// 神経内科専門医療機関 (each with its column), 訪問看護ステーション等 every station and
    /// institution that visits (緊急時の訪問看護, 訪問看護ステーション, 医療機関からの訪問看護),
    /// each once by its normalised name. Phone numbers and the rest are the nurse's to add.
    pub fn from_form1(patient: &Patient) -> Contacts {
        use crate::domain::map::facilities::{named_by, normalise_name, Use};
        let named = named_by(patient);
        let doctor = [Use::FamilyDoctor, Use::Neurology]
            .into_iter()
            .flat_map(|how| {
                named.iter().filter(move |(_, u)| *u == how).map(move |(n, _)| format!("{n}（{}）", how.label()))
            })
            .collect::<Vec<_>>()
            .join("、");
        let mut seen: Vec<String> = Vec::new();
        let mut stations: Vec<&str> = Vec::new();
        for (name, how) in &named {
            let visits = matches!(how, Use::EmergencyNursing | Use::StationNursing | Use::InstitutionNursing);
            if visits && !seen.contains(&normalise_name(name)) {
                seen.push(normalise_name(name));
                stations.push(name);
            }
        }
        Contacts { doctor, stations: stations.join("、"), ..Contacts::default() }
    }
}

/// 災害時個別支援計画 (the record body).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlan {
    /// 療養者 (the 様式1 record).
    pub patient_id: RecordId,
    /// 作成日.
    #[serde(default)]
    pub made_on: Option<Date>,
    /// 見直し日 (last review).
    #[serde(default)]
    pub reviewed_on: Option<Date>,
    /// 使用医療機器 (taken from 様式1, then edited).
    #[serde(default)]
    pub devices: String,
    /// 人工呼吸器の内蔵バッテリー (あり/なし/未入力).
    #[serde(default)]
    pub internal_battery: Option<bool>,
    /// 内蔵バッテリーの持続時間 (時間).
    #[serde(default)]
    pub internal_battery_hours: Option<Decimal2>,
    /// 外部バッテリーの持続時間 (時間).
    #[serde(default)]
    pub external_battery_hours: Option<Decimal2>,
    /// 吸引器を使う.
    #[serde(default)]
    pub suction: Option<bool>,
    /// 酸素を使う.
    #[serde(default)]
    pub oxygen: Option<bool>,
    /// 必要な電力（機器ごとの消費電力と使用時間）.
    #[serde(default)]
    pub power_need: String,
    /// 備えている予備電源.
    #[serde(default)]
    pub backup: Vec<BackupPower>,
    /// 準備が必要な品目（計画に記載）.
    #[serde(default)]
    pub needs: Needs,
    /// 対象となる他の公的制度 (empty: none).
    #[serde(default)]
    pub other_scheme: String,
    /// 蘇生バッグ（アンビューバッグ）が手元にある.
    #[serde(default)]
    pub resuscitation_bag: Option<bool>,
    #[serde(default)]
    pub evacuation: Evacuation,
    #[serde(default)]
    pub contacts: Contacts,
    /// 在宅人工呼吸器使用患者支援事業の週間訪問計画.
    #[serde(default)]
    pub visits: VisitPlan,
    /// メモ.
    #[serde(default)]
    pub notes: String,
}

impl RecordBody for SupportPlan {
    const KIND: RecordKind = RecordKind::SupportPlan;
}

impl SupportPlan {
    /// A blank plan for a patient, its devices taken from 様式1.
    pub fn new(patient_id: RecordId, patient: &Patient) -> SupportPlan {
        SupportPlan {
            patient_id,
            made_on: None,
            reviewed_on: None,
            devices: patient.devices.clone(),
            internal_battery: None,
            internal_battery_hours: None,
            external_battery_hours: None,
            suction: patient.procedures.suction,
            oxygen: None,
            power_need: String::new(),
            backup: Vec::new(),
            needs: Needs::default(),
            other_scheme: String::new(),
            resuscitation_bag: None,
            evacuation: Evacuation::default(),
            contacts: Contacts::from_form1(patient),
            visits: VisitPlan::default(),
            notes: String::new(),
        }
    }

    /// The date the plan was last made or reviewed.
    pub fn last_done(&self) -> Option<Date> {
        match (self.made_on, self.reviewed_on) {
            (Some(m), Some(r)) => Some(m.max(r)),
            (m, r) => m.or(r),
        }
    }

    /// 見直しの期限: a year after it was last made or reviewed.
    pub fn review_due(&self) -> Option<Date> {
        self.last_done().map(|d| d.plus_years(1))
    }

    /// What the subsidy check needs from the plan.
    pub fn subsidy_facts(&self) -> SubsidyFacts {
        let received = |kind: BackupKind| {
            self.backup
                .iter()
                .filter(|b| b.kind == kind && b.paid_by == PaidBy::ThisSubsidy)
                .filter_map(|b| b.purchased_on)
                .max()
        };
        let other = self.other_scheme.trim();
        SubsidyFacts {
            has_plan: true,
            needed: [self.needs.generator, self.needs.suction, self.needs.ups],
            other_scheme: (!other.is_empty()).then(|| other.to_string()),
            internal_battery: self.internal_battery,
            received: [received(BackupKind::Generator), received(BackupKind::Suction), received(BackupKind::Ups)],
        }
    }
}

/// 計画の状況.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanStatus {
    /// なし.
    None,
    /// 見直し期限切れ (or no date entered).
    Overdue { due: Option<Date> },
    /// 最新.
    Current { due: Date },
}

/// The 管内マップ's badges and the legend: (character, colour, meaning) of 最新, 見直し期限切れ
/// and なし.
pub const PLAN_BADGES: [(&str, &str, &str); 3] =
    [("済", "#009E73", "最新"), ("期", "#E69F00", "見直し期限切れ"), ("無", "#D55E00", "なし")];

impl PlanStatus {
    pub fn of(plan: Option<&SupportPlan>, today: Date) -> PlanStatus {
        match plan.map(SupportPlan::review_due) {
            None => PlanStatus::None,
            Some(Some(due)) if due > today => PlanStatus::Current { due },
            Some(due) => PlanStatus::Overdue { due },
        }
    }

    /// The 管内マップ's badge on a patient's ◎: one character and its colour (Okabe–Ito:
    /// 最新 bluish green, 期限切れ orange, なし vermillion; black text reads on all three).
    pub fn badge(self) -> (&'static str, &'static str) {
        let (c, colour, _) = PLAN_BADGES[match self {
            PlanStatus::Current { .. } => 0,
            PlanStatus::Overdue { .. } => 1,
            PlanStatus::None => 2,
        }];
        (c, colour)
    }

    pub fn label(self) -> String {
        match self {
            PlanStatus::None => "計画なし".into(),
            PlanStatus::Overdue { due: Some(d) } => format!("見直し期限切れ（{d}まで）"),
            PlanStatus::Overdue { due: None } => "作成日が未入力".into(),
            PlanStatus::Current { due } => format!("最新（次の見直し {d}まで）", d = due),
        }
    }
}

/// The patient with 様式1's 災害時個別支援計画 set to the year the plan was last made or
/// reviewed and, when the plan has a visit plan, 事業による訪問回数 (per week) filled from
/// it. `None` when nothing changes.
pub fn patient_with_plan(patient: &Patient, plan: &SupportPlan) -> Option<Patient> {
    let mut next = patient.clone();
    let year = plan.last_done().and_then(|d| u16::try_from(d.year).ok());
    next.disaster_plan = Tri::Value(year);
    if plan.visits.days.iter().any(|d| !d.is_empty()) {
        let week = super::payment::week(&plan.visits);
        next.ventilator_programme.weekly_visits = Some(week.form1_weekly_visits());
        next.ventilator_programme.used = Some(week.visits > 0);
    }
    (next != *patient).then_some(next)
}

/// Longest battery time accepted (時間): beyond it the figure is a typing error (1,000 for 10).
pub const MAX_BATTERY_HOURS: u64 = 100;

/// A battery time's problem (0 or more than [`MAX_BATTERY_HOURS`]), naming the field.
pub fn battery_problem(label: &str, hours: Decimal2) -> Option<String> {
    (hours == Decimal2::ZERO || hours > Decimal2::whole(MAX_BATTERY_HOURS)).then(|| {
        format!("{label}: 0時間より長く{MAX_BATTERY_HOURS}時間以下で入力してください（{}時間になっています）", hours)
    })
}

impl SupportPlan {
    /// The plan's own problems as (field path, message): battery times, the visit plan, a
    /// review before the plan was made. Checked on import and before every save.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (path, label, hours) in [
            ("internal_battery_hours", "内蔵バッテリーの持続時間", self.internal_battery_hours),
            ("external_battery_hours", "外部バッテリーの持続時間", self.external_battery_hours),
        ] {
            if let Some(msg) = hours.and_then(|h| battery_problem(label, h)) {
                out.push((path.to_string(), msg));
            }
        }
        if let (Some(made), Some(reviewed)) = (self.made_on, self.reviewed_on) {
            if reviewed < made {
                out.push((
                    "reviewed_on".to_string(),
                    format!("見直し日: 作成日（{made}）より前の日付です（{reviewed}）"),
                ));
            }
        }
        out.extend(self.visits.problems().into_iter().map(|m| ("visits".to_string(), m)));
        out
    }

    /// Dates after `today` (購入日, 作成日, 見直し日), naming the field.
    pub fn future_dates(&self, today: Date) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut check = |path: String, label: String, date: Option<Date>| {
            if let Some(d) = date.filter(|d| *d > today) {
                out.push((
                    path,
                    format!("{label}: 未来の日付です（{d}）。今日（{today}）までの日付を入力してください"),
                ));
            }
        };
        check("made_on".into(), "作成日".into(), self.made_on);
        check("reviewed_on".into(), "見直し日".into(), self.reviewed_on);
        for (i, b) in self.backup.iter().enumerate() {
            check(format!("backup/{i}/purchased_on"), format!("{}の購入日", b.kind.label()), b.purchased_on);
        }
        out
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
