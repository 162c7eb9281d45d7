//! 在宅人工呼吸器使用患者支援事業の費用 (seed 004, 要綱 第４ (4) ② and 別添２): which visits of
//! a weekly plan the programme pays, and how much per week, month and year.
//!
//! 医療保険 (訪問看護療養費) pays the first visits of the day; the programme pays what it does
//! not. This app does **not** compute 医療保険 fees: a visit marked [`Payer::Insurance`] is
//! simply one the programme does not pay.
//!
//! The rules as the seed states them:
//! - 原則: the 4th and later visit of the day (②–⑤ by provider kind and qualification);
//! - 特例措置: the 3rd visit of the day by the same 訪問看護ステーション as the first two,
//!   2,500円 / 2,000円 (准看護師). Read literally, it applies to the 3rd visit whether or not a
//!   4th follows;
//! - ① 3,000円 once a month for the doctor's instruction;
//! - 年間260回 per patient, the special measure included.
//!
//! **Reading taken for a day shared by several providers** ([`READING`]). The seed says only
//! that the 4th-visit restriction then does not apply and that items ②–⑤ are paid for the
//! visits medical fees cannot cover. This app reads it as: 医療保険 bills the visits of the
//! provider who visits **first that day** (up to its 3rd visit of the day); every visit by
//! another provider that day is one medical fees cannot cover and is paid at ②–⑤; the first
//! provider's own 4th and later visits are paid as on any day. The special measure needs the
//! day's first three visits all by the same station.

use super::visits::{ProviderKind, Qualification, VisitPlan};
use crate::domain::help::ventilator::{
    FIRST_PAID_VISIT_OF_DAY, PRINCIPLE, SPECIAL, SPECIAL_VISIT_OF_DAY, VISITS_PER_YEAR,
};
use crate::domain::number::Decimal2;
use crate::domain::time::Date;
use std::collections::BTreeMap;

/// The reading this app takes for a day shared by several providers (shown to the nurse).
pub const READING: &str = "同じ日に複数の訪問看護ステーション等医療機関が訪問する日は、その日最初に訪問した事業者の訪問（その日の3回目まで）を医療保険の訪問とし、\
ほかの事業者の訪問はすべて「診療報酬で算定されない訪問」として②〜⑤の該当区分で支払われるものとして計算します（最初の事業者の4回目以降も支払われます）。\
特例措置（3回目）は、その日の1〜3回目がすべて同じステーションのときに限ります。資料はこの場合の対象を示していないため、実際の扱いは都道府県に確認してください。";

/// 医療保険と事業の分担 (the app does not compute 医療保険 fees).
pub const INSURANCE_NOTE: &str =
    "1日の最初の訪問は医療保険（訪問看護療養費）で支払われます。この画面は医療保険の費用は計算しません。事業で支払われる訪問と金額だけを示します。";

/// Who pays one visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payer {
    /// 医療保険 (not computed here).
    Insurance,
    /// 特例措置: the 3rd visit by the same station, on top of 医療保険.
    Special { yen: u32 },
    /// 原則 ②–⑤.
    Programme { mark: &'static str, yen: u32 },
}

impl Payer {
    /// Paid by the programme (counts toward the 260 a year).
    pub fn counts(self) -> bool {
        !matches!(self, Payer::Insurance)
    }

    pub fn yen(self) -> u32 {
        match self {
            Payer::Insurance => 0,
            Payer::Special { yen } | Payer::Programme { yen, .. } => yen,
        }
    }

    pub fn label(self) -> String {
        match self {
            Payer::Insurance => "医療保険".into(),
            Payer::Special { yen } => format!("特例措置 {}", crate::domain::help::ventilator::yen(yen)),
            Payer::Programme { mark, yen } => format!("事業{mark} {}", crate::domain::help::ventilator::yen(yen)),
        }
    }
}

/// 別添２ ②–⑤ for a provider kind and qualification.
pub fn principle_fee(kind: ProviderKind, q: Qualification) -> Payer {
    let fee = match (kind, q) {
        (ProviderKind::Station, Qualification::Nurse) => PRINCIPLE[1],
        (ProviderKind::Station, Qualification::AssistantNurse) => PRINCIPLE[2],
        (ProviderKind::Institution, Qualification::Nurse) => PRINCIPLE[3],
        (ProviderKind::Institution, Qualification::AssistantNurse) => PRINCIPLE[4],
    };
    Payer::Programme { mark: fee.mark, yen: fee.yen }
}

/// 別添２ ２．特例措置 for a qualification.
pub fn special_fee(q: Qualification) -> Payer {
    let fee = match q {
        Qualification::Nurse => SPECIAL[0],
        Qualification::AssistantNurse => SPECIAL[1],
    };
    Payer::Special { yen: fee.yen }
}

/// ① 医師による訪問看護指示料 (円, once a month).
pub fn instruction_fee() -> u32 {
    PRINCIPLE[0].yen
}

/// Who pays each visit of one day of `plan` (visits of unknown providers are left to 医療保険;
/// [`VisitPlan::problems`] refuses such a plan before any figure is shown).
pub fn day_payers(plan: &VisitPlan, weekday: usize) -> Vec<Payer> {
    let Some(visits) = plan.days.get(weekday) else { return Vec::new() };
    let Some(first) = visits.first().map(|v| v.provider.as_str()) else { return Vec::new() };
    let mut own = 0u32;
    visits
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let Some(provider) = plan.provider(&v.provider) else { return Payer::Insurance };
            let position = i as u32 + 1;
            if v.provider != first {
                return principle_fee(provider.kind, v.qualification);
            }
            own += 1;
            if own >= FIRST_PAID_VISIT_OF_DAY {
                principle_fee(provider.kind, v.qualification)
            } else if own == SPECIAL_VISIT_OF_DAY
                && position == SPECIAL_VISIT_OF_DAY
                && provider.kind == ProviderKind::Station
            {
                special_fee(v.qualification)
            } else {
                Payer::Insurance
            }
        })
        .collect()
}

/// Whether several providers visit on this day (the 4th-visit rule is lifted).
pub fn is_shared_day(plan: &VisitPlan, weekday: usize) -> bool {
    plan.days.get(weekday).is_some_and(|v| v.iter().any(|x| v.first().is_some_and(|f| f.provider != x.provider)))
}

/// 1週間の事業分.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekFigures {
    /// Programme visits per weekday (月…日).
    pub visits_by_day: [u32; 7],
    pub visits: u32,
    /// 円 (visits only, without ①).
    pub yen: u64,
}

impl WeekFigures {
    /// 様式1 「事業による訪問回数」 (per week).
    pub fn form1_weekly_visits(&self) -> Decimal2 {
        Decimal2::whole(u64::from(self.visits))
    }
}

pub fn week(plan: &VisitPlan) -> WeekFigures {
    let mut visits_by_day = [0u32; 7];
    let mut yen = 0u64;
    for (day, count) in visits_by_day.iter_mut().enumerate() {
        for p in day_payers(plan, day) {
            if p.counts() {
                *count += 1;
                yen += u64::from(p.yen());
            }
        }
    }
    WeekFigures { visits_by_day, visits: visits_by_day.iter().sum(), yen }
}

/// One calendar month of the programme's year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthFigures {
    pub year: i32,
    pub month: u8,
    /// Programme visits paid (after the yearly cap).
    pub visits: u32,
    /// Visits the plan has beyond the cap (not paid).
    pub over_cap: u32,
    /// 円: visits plus ① when the doctor's instruction is given and a visit is paid.
    pub yen: u64,
}

/// The programme's year from its start date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearFigures {
    pub start: Date,
    pub months: Vec<MonthFigures>,
    /// Programme visits the plan makes in the year (before the cap).
    pub planned: u32,
    /// Paid (at most 260).
    pub paid: u32,
    /// 円 for the year.
    pub yen: u64,
    /// The day the 260th visit falls on, if the plan reaches it.
    pub cap_reached: Option<Date>,
}

impl YearFigures {
    /// The visits left of the 260 a year (0 when the plan reaches the cap).
    pub fn left(&self) -> u32 {
        VISITS_PER_YEAR.saturating_sub(self.planned)
    }

    /// The message shown (never refused) when the plan goes beyond 260.
    pub fn over_cap_message(&self) -> Option<String> {
        (self.planned > VISITS_PER_YEAR).then(|| {
            let when = self.cap_reached.map(|d| format!("{d}に")).unwrap_or_default();
            format!(
                "この計画では事業の訪問が年{}回になり、年間{VISITS_PER_YEAR}回の限度を超えます。{when}260回に達し、その後の{}回は事業では支払われません。",
                self.planned,
                self.planned - VISITS_PER_YEAR
            )
        })
    }
}

/// The start of the programme's year when the plan gives none: 4月1日 of the 年度 of `today`.
pub fn default_start(today: Date) -> Date {
    let year = if today.month >= 4 { today.year } else { today.year - 1 };
    Date { year, month: 4, day: 1 }
}

/// The year from `start` (事業期間は１カ年) with the cap applied day by day.
pub fn year(plan: &VisitPlan, start: Date) -> YearFigures {
    let first = start.days_since_epoch();
    let last = start.plus_years(1).days_since_epoch();
    let mut months: BTreeMap<(i32, u8), MonthFigures> = BTreeMap::new();
    let (mut planned, mut paid, mut yen) = (0u32, 0u32, 0u64);
    let mut cap_reached = None;
    for day in first..last {
        let date = Date::from_days_since_epoch(day);
        let m = months.entry((date.year, date.month)).or_insert(MonthFigures {
            year: date.year,
            month: date.month,
            visits: 0,
            over_cap: 0,
            yen: 0,
        });
        for p in day_payers(plan, date.weekday_from_monday()).into_iter().filter(|p| p.counts()) {
            planned += 1;
            if paid < VISITS_PER_YEAR {
                paid += 1;
                m.visits += 1;
                m.yen += u64::from(p.yen());
                if paid == VISITS_PER_YEAR {
                    cap_reached = Some(date);
                }
            } else {
                m.over_cap += 1;
            }
        }
    }
    let mut months: Vec<MonthFigures> = months.into_values().collect();
    for m in &mut months {
        if plan.doctor_instruction && m.visits > 0 {
            m.yen += u64::from(instruction_fee());
        }
        yen += m.yen;
    }
    YearFigures { start, months, planned, paid, yen, cap_reached }
}

#[cfg(test)]
#[path = "payment_tests.rs"]
mod tests;
