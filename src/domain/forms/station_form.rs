//! 様式3 訪問看護ステーション as typed, and its parsing into a [`Station`].
//!
//! (3) 看護師の常勤換算 is either typed directly (mode [`FTE_DIRECT`]) or computed from a
//! staff list (mode [`FTE_STAFF`]: the contracted full-time week and each member, 常勤 or
//! 非常勤 with weekly hours) by [`fte_from_staff`], the 介護サービス施設・事業所調査 method.
//! A part-timer's hours may be typed as `5×4` (5 hours × 4 days), as in the seed's example.

use super::input::{fold_width, parse_code, parse_decimal, parse_short_text, parse_whole, parse_yes_no, yes_no_text};
use crate::domain::issues::{Issue, Issues, Severity};
use crate::domain::number::{Decimal2, NumberError};
use crate::domain::station::{
    fte_display, fte_from_staff, FteEntry, Intake, StaffMember, Station, MIN_CONTRACTED_WEEK_HOURS,
};
use serde::{Deserialize, Serialize};

/// 常勤換算 mode: 直接入力.
pub const FTE_DIRECT: &str = "direct";
/// 常勤換算 mode: 職員一覧から計算.
pub const FTE_STAFF: &str = "staff";
/// 常勤換算 mode: 不明 (`""` is read the same way).
pub const FTE_UNKNOWN: &str = "unknown";
/// 常勤換算 modes (form text, label).
pub const FTE_MODE_OPTIONS: [(&str, &str); 3] =
    [(FTE_DIRECT, "直接入力"), (FTE_STAFF, "職員の勤務時間から計算"), (FTE_UNKNOWN, "不明（空白）")];

/// 勤務形態: 常勤.
pub const FULL_TIME: &str = "full_time";
/// 勤務形態: 非常勤.
pub const PART_TIME: &str = "part_time";
/// 勤務形態 choices.
pub const EMPLOYMENT_OPTIONS: [(&str, &str); 2] = [(FULL_TIME, "常勤"), (PART_TIME, "非常勤")];

/// (10)(11) 今後の受け入れ choices.
pub const INTAKE_OPTIONS: [(&str, &str); 4] =
    [("2", "2 可能"), ("1", "1 検討可"), ("0", "0 不可能"), ("", "不明（空白）")];

/// Hours in a week: the most a contracted week or a member's hours can be.
pub const WEEK_HOURS: Decimal2 = Decimal2(16_800);
/// Most FTE typed directly.
pub const MAX_DIRECT_FTE: Decimal2 = Decimal2(100_000);
/// Most staff members in the list.
pub const MAX_STAFF: usize = 200;
/// Most users per month accepted.
pub const MAX_USERS: u64 = 100_000;

/// Field keys used in [`Issues`] and as input names.
pub mod fields {
    pub const NAME: &str = "name";
    pub const ADDRESS: &str = "address";
    /// 常勤換算 mode
    pub const FTE_MODE: &str = "fte_mode";
    /// 常勤換算 typed directly
    pub const FTE_DIRECT: &str = "fte_direct";
    /// 常勤の所定労働時間（1週間）
    pub const CONTRACTED_WEEK_HOURS: &str = "contracted_week_hours";
    /// The staff list as a whole
    pub const STAFF: &str = "staff";
    pub const MONTHLY_USERS: &str = "monthly_users";
    pub const MEDICAL_INSURANCE_USERS: &str = "medical_insurance_users";
    pub const ROOM_FOR_MORE_VISITS: &str = "room_for_more_visits";
    pub const ADDITION_24H: &str = "addition_24h";
    pub const ADDITION_SPECIAL: &str = "addition_special";
    pub const ALS_EXPERIENCE: &str = "als_experience";
    pub const VENTILATOR_EXPERIENCE: &str = "ventilator_experience";
    pub const ALS_INTAKE: &str = "als_intake";
    pub const CHILD_INTAKE: &str = "child_intake";

    /// Key of staff row `i`'s label: `staff.0.label`.
    pub fn staff_label(i: usize) -> String {
        format!("staff.{i}.label")
    }
    /// Key of staff row `i`'s 勤務形態: `staff.0.employment`.
    pub fn staff_employment(i: usize) -> String {
        format!("staff.{i}.employment")
    }
    /// Key of staff row `i`'s weekly hours: `staff.0.weekly_hours`.
    pub fn staff_hours(i: usize) -> String {
        format!("staff.{i}.weekly_hours")
    }
}

/// Labels as on the paper form.
pub mod labels {
    pub const NAME: &str = "（1）名称";
    pub const ADDRESS: &str = "（2）所在地";
    pub const FTE_MODE: &str = "（3）看護師の常勤換算 入力方法";
    pub const FTE_DIRECT: &str = "（3）看護師の常勤換算";
    pub const CONTRACTED_WEEK_HOURS: &str = "（3）常勤の従事者が勤務すべき1週間の時間数";
    pub const STAFF: &str = "（3）職員";
    pub const MONTHLY_USERS: &str = "（4）平均的な1ヶ月の実利用者数";
    pub const MEDICAL_INSURANCE_USERS: &str = "（5）（4）のうち医療保険利用者数";
    pub const ROOM_FOR_MORE_VISITS: &str = "（6）訪問数を増加する余裕";
    pub const ADDITION_24H: &str = "（7）医療保険加算届出 24時間対応体制加算";
    pub const ADDITION_SPECIAL: &str = "（7）医療保険加算届出 特別管理加算";
    pub const ALS_EXPERIENCE: &str = "（8）ALS患者の訪問看護実績";
    pub const VENTILATOR_EXPERIENCE: &str = "（9）人工呼吸器使用患者（NPPV、TPPV）の訪問看護実績";
    pub const ALS_INTAKE: &str = "（10）ALS患者の今後の受け入れ";
    pub const CHILD_INTAKE: &str = "（11）重心児（重症心身障害児）の今後の受け入れ";
}

/// One member of staff as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffMemberForm {
    /// 職種・氏名など (free label)
    pub label: String,
    /// 勤務形態 [`FULL_TIME`] or [`PART_TIME`]
    pub employment: String,
    /// 1週間の勤務時間 (非常勤; `20` or `5×4`); ignored for 常勤 when blank
    pub weekly_hours: String,
}

impl Default for StaffMemberForm {
    /// A new row: 非常勤 (full-timers need no hours, part-timers are the usual addition).
    fn default() -> StaffMemberForm {
        StaffMemberForm { label: String::new(), employment: PART_TIME.to_string(), weekly_hours: String::new() }
    }
}

/// 様式3 one station as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StationForm {
    /// (1) 名称 (required)
    pub name: String,
    /// (2) 所在地
    pub address: String,
    /// (3) 常勤換算 mode: [`FTE_DIRECT`], [`FTE_STAFF`] or [`FTE_UNKNOWN`]
    pub fte_mode: String,
    /// (3) 常勤換算 typed directly
    pub fte_direct: String,
    /// (3) 常勤の従事者が勤務すべき1週間の時間数（所定労働時間）
    pub contracted_week_hours: String,
    /// (3) 職員一覧
    pub staff: Vec<StaffMemberForm>,
    /// (4) 平均的な1ヶ月の実利用者数
    pub monthly_users: String,
    /// (5) (4)のうち医療保険利用者数
    pub medical_insurance_users: String,
    /// (6) 訪問数を増加する余裕 `"1"` あり / `"0"` なし / `""` 不明
    pub room_for_more_visits: String,
    /// (7) 24時間対応体制加算 `"1"` / `"0"` / `""`
    pub addition_24h: String,
    /// (7) 特別管理加算 `"1"` / `"0"` / `""`
    pub addition_special: String,
    /// (8) ALS患者の訪問看護実績 `"1"` / `"0"` / `""`
    pub als_experience: String,
    /// (9) 人工呼吸器使用患者の訪問看護実績 `"1"` / `"0"` / `""`
    pub ventilator_experience: String,
    /// (10) ALS患者の今後の受け入れ `"2"` 可能 / `"1"` 検討可 / `"0"` 不可能 / `""`
    pub als_intake: String,
    /// (11) 重心児の今後の受け入れ, same codes
    pub child_intake: String,
}

impl Default for StationForm {
    fn default() -> StationForm {
        StationForm::from_station(&Station::default())
    }
}

/// How the 常勤換算 was computed from a staff list (for display beside the result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FteBreakdown {
    /// 常勤の人数 (1 each)
    pub full_time: u64,
    /// 非常勤の勤務時間の合計（1週間）
    pub part_time_hours: Decimal2,
    /// 除数: the contracted week, or 32 when that is shorter
    pub divisor: Decimal2,
    /// 常勤換算
    pub fte: Decimal2,
}

impl FteBreakdown {
    /// `常勤 2人 + 非常勤 32時間 ÷ 32時間 = 3.0`.
    pub fn explanation(&self) -> String {
        format!(
            "常勤 {}人 + 非常勤 {}時間 ÷ {}時間 = {}",
            self.full_time,
            self.part_time_hours,
            self.divisor,
            fte_display(self.fte)
        )
    }

    /// Why the divisor is what it is (when the contracted week is under 32 hours, 32 is
    /// used); empty otherwise.
    pub fn divisor_note(&self, contracted: Option<Decimal2>) -> String {
        match contracted {
            Some(c) if c < MIN_CONTRACTED_WEEK_HOURS && self.part_time_hours > Decimal2::ZERO => {
                format!("常勤の所定労働時間（{c}時間）が32時間未満のため、32時間で割っています")
            }
            _ => String::new(),
        }
    }
}

fn count_text(value: Option<u32>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn intake_text(value: Option<Intake>) -> String {
    value.map(|i| i.code().to_string()).unwrap_or_default()
}

const HOUR_UNITS: &[&str] = &["時間/週", "時間／週", "時間", "h", "H"];

/// Reads a weekly-hours text: `20`, `20時間`, `5×4`, `5時間×4日`, `2.5*4`. The product must
/// have at most two decimals.
pub fn parse_hours(text: &str) -> Result<Decimal2, NumberError> {
    let parts: Vec<&str> = text.split(['×', '*', '＊', 'x', 'X', 'ｘ', '✕']).collect();
    let factor = |part: &str| {
        let mut t = part.trim();
        for unit in HOUR_UNITS.iter().chain(&["日/週", "日", "回"]) {
            if let Some(rest) = t.strip_suffix(unit) {
                t = rest.trim_end();
                break;
            }
        }
        Decimal2::parse(t)
    };
    match parts.as_slice() {
        [one] => factor(one),
        [a, b] => {
            let (a, b) = (factor(a)?, factor(b)?);
            let product = u128::from(a.0) * u128::from(b.0);
            if product % 100 != 0 {
                return Err(NumberError::TooManyDecimals);
            }
            let value = u64::try_from(product / 100).map_err(|_| NumberError::TooLarge)?;
            if Decimal2(value) > Decimal2::MAX {
                return Err(NumberError::TooLarge);
            }
            Ok(Decimal2(value))
        }
        _ => Err(NumberError::NotANumber),
    }
}

/// 注意 when another station of the 地域診断 has the same 名称 (compared width-insensitively).
pub fn duplicate_station_name(name: &str, others: &[&str]) -> Option<Issue> {
    let key = fold_width(name.trim());
    if key.is_empty() {
        return None;
    }
    others.iter().any(|o| fold_width(o.trim()) == key).then(|| Issue {
        field: fields::NAME.to_string(),
        label: labels::NAME.to_string(),
        message: format!("「{}」は様式3にすでにあります", name.trim()),
        severity: Severity::Warning,
    })
}

impl StationForm {
    /// The form for a saved station.
    pub fn from_station(s: &Station) -> StationForm {
        let (fte_mode, fte_direct, contracted_week_hours, staff) = match &s.fte {
            FteEntry::Unknown => (FTE_UNKNOWN, String::new(), String::new(), Vec::new()),
            FteEntry::Direct { value } => (FTE_DIRECT, value.to_string(), String::new(), Vec::new()),
            FteEntry::Staff { contracted_week_hours, members } => (
                FTE_STAFF,
                String::new(),
                contracted_week_hours.to_string(),
                members
                    .iter()
                    .map(|m| StaffMemberForm {
                        label: m.label.clone(),
                        employment: if m.full_time { FULL_TIME } else { PART_TIME }.to_string(),
                        weekly_hours: if m.full_time && m.weekly_hours == Decimal2::ZERO {
                            String::new()
                        } else {
                            m.weekly_hours.to_string()
                        },
                    })
                    .collect(),
            ),
        };
        StationForm {
            name: s.name.clone(),
            address: s.address.clone(),
            fte_mode: fte_mode.to_string(),
            fte_direct,
            contracted_week_hours,
            staff,
            monthly_users: count_text(s.monthly_users),
            medical_insurance_users: count_text(s.medical_insurance_users),
            room_for_more_visits: yes_no_text(s.room_for_more_visits),
            addition_24h: yes_no_text(s.addition_24h),
            addition_special: yes_no_text(s.addition_special),
            als_experience: yes_no_text(s.als_experience),
            ventilator_experience: yes_no_text(s.ventilator_experience),
            als_intake: intake_text(s.als_intake),
            child_intake: intake_text(s.child_intake),
        }
    }

    /// Adds an empty staff row (非常勤).
    pub fn add_staff_member(&mut self) {
        self.staff.push(StaffMemberForm::default());
    }

    /// Removes staff row `i` (nothing when there is no such row).
    pub fn remove_staff_member(&mut self, i: usize) {
        if i < self.staff.len() {
            self.staff.remove(i);
        }
    }

    /// The staff list's 常勤換算 as typed now (for display while typing): `None` unless the
    /// mode is [`FTE_STAFF`] and every needed number reads.
    pub fn fte_breakdown(&self) -> Option<FteBreakdown> {
        if self.fte_mode != FTE_STAFF || self.staff.is_empty() {
            return None;
        }
        let contracted = if self.contracted_week_hours.trim().is_empty() {
            Decimal2::ZERO
        } else {
            parse_hours(&self.contracted_week_hours).ok()?
        };
        let mut members = Vec::with_capacity(self.staff.len());
        for m in &self.staff {
            let full_time = m.employment == FULL_TIME;
            let weekly_hours = match (full_time, m.weekly_hours.trim()) {
                (true, "") => Decimal2::ZERO,
                (_, text) => parse_hours(text).ok()?,
            };
            members.push(StaffMember { label: String::new(), full_time, weekly_hours });
        }
        let has_part_timers = members.iter().any(|m| !m.full_time);
        if has_part_timers && contracted == Decimal2::ZERO {
            return None;
        }
        Some(FteBreakdown {
            full_time: members.iter().filter(|m| m.full_time).count() as u64,
            part_time_hours: members.iter().filter(|m| !m.full_time).map(|m| m.weekly_hours).sum(),
            divisor: contracted.max(MIN_CONTRACTED_WEEK_HOURS),
            fte: fte_from_staff(contracted, &members),
        })
    }

    /// The 常勤換算 to show (typed directly or computed), `None` when unknown or unreadable.
    pub fn fte_preview(&self) -> Option<Decimal2> {
        match self.fte_mode.as_str() {
            FTE_DIRECT => Decimal2::parse(&self.fte_direct).ok(),
            FTE_STAFF => self.fte_breakdown().map(|b| b.fte),
            _ => None,
        }
    }

    /// [`StationForm::fte_preview`] as shown (`3.0`; blank when unknown).
    pub fn fte_text(&self) -> String {
        self.fte_preview().map(fte_display).unwrap_or_default()
    }

    /// The contracted week as typed, when it reads (for [`FteBreakdown::divisor_note`]).
    pub fn contracted_week_preview(&self) -> Option<Decimal2> {
        parse_hours(&self.contracted_week_hours).ok()
    }

    /// The findings only (for showing them while the nurse types).
    pub fn issues(&self) -> Issues {
        match self.parse() {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }

    /// Parses and checks the form: `Ok((station, warnings))` when it can be saved;
    /// `Err(issues)` when at least one error blocks saving.
    pub fn parse(&self) -> Result<(Station, Issues), Issues> {
        let mut issues = Issues::new();
        let i = &mut issues;
        let name = parse_short_text(&self.name, fields::NAME, labels::NAME, i);
        if name.is_empty() {
            i.error(fields::NAME, labels::NAME, "名称を入力してください");
        }
        let address = parse_short_text(&self.address, fields::ADDRESS, labels::ADDRESS, i);
        let fte = self.parse_fte(i);
        let users = |text: &str, field: &str, label: &str, i: &mut Issues| {
            parse_whole(text, MAX_USERS, &["人"], field, label, i).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        };
        let monthly_users = users(&self.monthly_users, fields::MONTHLY_USERS, labels::MONTHLY_USERS, i);
        let medical_insurance_users =
            users(&self.medical_insurance_users, fields::MEDICAL_INSURANCE_USERS, labels::MEDICAL_INSURANCE_USERS, i);
        if let (Some(all), Some(medical)) = (monthly_users, medical_insurance_users) {
            if medical > all {
                i.error(
                    fields::MEDICAL_INSURANCE_USERS,
                    labels::MEDICAL_INSURANCE_USERS,
                    format!("医療保険利用者数（{medical}人）が実利用者数（{all}人）を超えています"),
                );
            }
        }
        let yes_no = |text: &str, field: &str, label: &str, i: &mut Issues| parse_yes_no(text, field, label, i);
        let room_for_more_visits =
            yes_no(&self.room_for_more_visits, fields::ROOM_FOR_MORE_VISITS, labels::ROOM_FOR_MORE_VISITS, i);
        let addition_24h = yes_no(&self.addition_24h, fields::ADDITION_24H, labels::ADDITION_24H, i);
        let addition_special = yes_no(&self.addition_special, fields::ADDITION_SPECIAL, labels::ADDITION_SPECIAL, i);
        let als_experience = yes_no(&self.als_experience, fields::ALS_EXPERIENCE, labels::ALS_EXPERIENCE, i);
        let ventilator_experience =
            yes_no(&self.ventilator_experience, fields::VENTILATOR_EXPERIENCE, labels::VENTILATOR_EXPERIENCE, i);
        let intake = |text: &str, field: &str, label: &str, i: &mut Issues| {
            parse_code(text, &[0, 1, 2], "2（可能）、1（検討可）、0（不可能）で入力してください", field, label, i)
                .and_then(Intake::from_code)
        };
        let als_intake = intake(&self.als_intake, fields::ALS_INTAKE, labels::ALS_INTAKE, i);
        let child_intake = intake(&self.child_intake, fields::CHILD_INTAKE, labels::CHILD_INTAKE, i);

        let station = Station {
            name,
            address,
            fte,
            monthly_users,
            medical_insurance_users,
            room_for_more_visits,
            addition_24h,
            addition_special,
            als_experience,
            ventilator_experience,
            als_intake,
            child_intake,
        };
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((station, issues))
        }
    }

    fn parse_fte(&self, i: &mut Issues) -> FteEntry {
        let staff_typed = self.staff.iter().any(|m| !m.label.trim().is_empty() || !m.weekly_hours.trim().is_empty());
        match self.fte_mode.as_str() {
            FTE_UNKNOWN | "" => {
                if !self.fte_direct.trim().is_empty() || staff_typed {
                    i.warning(
                        fields::FTE_MODE,
                        labels::FTE_MODE,
                        "「不明」が選ばれているため、入力した常勤換算・職員は保存されません",
                    );
                }
                FteEntry::Unknown
            }
            FTE_DIRECT => {
                if staff_typed {
                    i.warning(
                        fields::FTE_MODE,
                        labels::FTE_MODE,
                        "「直接入力」が選ばれているため、職員一覧は保存されません",
                    );
                }
                if self.fte_direct.trim().is_empty() {
                    i.error(
                        fields::FTE_DIRECT,
                        labels::FTE_DIRECT,
                        "常勤換算を入力してください（分からなければ「不明」を選んでください）",
                    );
                    return FteEntry::Unknown;
                }
                match parse_decimal(
                    &self.fte_direct,
                    MAX_DIRECT_FTE,
                    &["人"],
                    fields::FTE_DIRECT,
                    labels::FTE_DIRECT,
                    i,
                ) {
                    Some(value) => FteEntry::Direct { value },
                    None => FteEntry::Unknown,
                }
            }
            FTE_STAFF => self.parse_staff(i),
            _ => {
                i.error(fields::FTE_MODE, labels::FTE_MODE, "入力方法を選んでください");
                FteEntry::Unknown
            }
        }
    }

    fn parse_staff(&self, i: &mut Issues) -> FteEntry {
        if self.staff.is_empty() {
            i.error(fields::STAFF, labels::STAFF, "職員を1人以上入力するか、入力方法を変えてください");
            return FteEntry::Unknown;
        }
        if self.staff.len() > MAX_STAFF {
            i.error(fields::STAFF, labels::STAFF, format!("職員は{MAX_STAFF}人までです"));
        }
        let mut members = Vec::with_capacity(self.staff.len());
        for (n, m) in self.staff.iter().enumerate() {
            let row = format!("{} {}人目", labels::STAFF, n + 1);
            let label = parse_short_text(&m.label, &fields::staff_label(n), &format!("{row} 職種・氏名"), i);
            let employment = match m.employment.as_str() {
                FULL_TIME => Some(true),
                PART_TIME => Some(false),
                _ => {
                    i.error(&fields::staff_employment(n), &format!("{row} 勤務形態"), "常勤か非常勤を選んでください");
                    None
                }
            };
            let full_time = employment.unwrap_or(false);
            let hours_key = fields::staff_hours(n);
            let hours_label = format!("{row} 1週間の勤務時間");
            let weekly_hours = match (employment, m.weekly_hours.trim()) {
                (Some(true) | None, "") => Decimal2::ZERO,
                (Some(false), "") => {
                    i.error(&hours_key, &hours_label, "非常勤の方の1週間の勤務時間を入力してください（例: 20、5×4）");
                    Decimal2::ZERO
                }
                (_, text) => match parse_hours(text) {
                    Ok(h) if h > WEEK_HOURS => {
                        i.error(&hours_key, &hours_label, "1週間の勤務時間は168時間までです");
                        Decimal2::ZERO
                    }
                    Ok(h) => h,
                    Err(e) => {
                        i.error(&hours_key, &hours_label, super::input::number_message(&e, false));
                        Decimal2::ZERO
                    }
                },
            };
            members.push(StaffMember { label, full_time, weekly_hours });
        }
        let has_part_timers = members.iter().any(|m| !m.full_time);
        let contracted = if self.contracted_week_hours.trim().is_empty() {
            if has_part_timers {
                i.error(
                    fields::CONTRACTED_WEEK_HOURS,
                    labels::CONTRACTED_WEEK_HOURS,
                    "非常勤の方がいるときは、常勤の方が勤務すべき1週間の時間数を入力してください（例: 40）",
                );
            }
            Decimal2::ZERO
        } else {
            match parse_hours(&self.contracted_week_hours) {
                Ok(h) if h == Decimal2::ZERO || h > WEEK_HOURS => {
                    i.error(
                        fields::CONTRACTED_WEEK_HOURS,
                        labels::CONTRACTED_WEEK_HOURS,
                        "1週間の時間数は0より大きく168以下で入力してください",
                    );
                    Decimal2::ZERO
                }
                Ok(h) => h,
                Err(e) => {
                    i.error(
                        fields::CONTRACTED_WEEK_HOURS,
                        labels::CONTRACTED_WEEK_HOURS,
                        super::input::number_message(&e, false),
                    );
                    Decimal2::ZERO
                }
            }
        };
        FteEntry::Staff { contracted_week_hours: contracted, members }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::synthetic_stations;

    fn staff(label: &str, employment: &str, hours: &str) -> StaffMemberForm {
        StaffMemberForm { label: label.into(), employment: employment.into(), weekly_hours: hours.into() }
    }

    /// The seed's worked example: 常勤保健師(管理者) 1, 常勤看護師 1, 非常勤A 5h×4日,
    /// 非常勤B 4h×3日.
    fn seed_staff(contracted: &str) -> StationForm {
        StationForm {
            name: "Ａｽﾃｰｼｮﾝ".into(),
            fte_mode: FTE_STAFF.into(),
            contracted_week_hours: contracted.into(),
            staff: vec![
                staff("常勤保健師（管理者）", FULL_TIME, ""),
                staff("常勤看護師", FULL_TIME, ""),
                staff("非常勤A", PART_TIME, "5時間×4日"),
                staff("非常勤B", PART_TIME, "4×3"),
            ],
            ..StationForm::default()
        }
    }

    fn full() -> StationForm {
        StationForm {
            name: "Ａｽﾃｰｼｮﾝ".into(),
            address: "A市B町1-2".into(),
            fte_mode: FTE_DIRECT.into(),
            fte_direct: "4.5".into(),
            monthly_users: "80".into(),
            medical_insurance_users: "30".into(),
            room_for_more_visits: "1".into(),
            addition_24h: "1".into(),
            addition_special: "0".into(),
            als_experience: "1".into(),
            ventilator_experience: "0".into(),
            als_intake: "2".into(),
            child_intake: "1".into(),
            ..StationForm::default()
        }
    }

    fn errors_on(f: &StationForm) -> Vec<String> {
        f.issues().errors().map(|i| i.field.clone()).collect()
    }

    fn warnings_on(f: &StationForm) -> Vec<String> {
        f.issues().warnings().map(|i| i.field.clone()).collect()
    }

    #[test]
    fn seed_worked_example_gives_three_through_the_form() {
        let f = seed_staff("32");
        let b = f.fte_breakdown().expect("computable");
        assert_eq!(
            b,
            FteBreakdown { full_time: 2, part_time_hours: Decimal2(3200), divisor: Decimal2(3200), fte: Decimal2(300) }
        );
        assert_eq!(b.explanation(), "常勤 2人 + 非常勤 32時間 ÷ 32時間 = 3.0");
        assert_eq!(b.divisor_note(f.contracted_week_preview()), "");
        assert_eq!(f.fte_text(), "3.0");
        let (s, w) = f.parse().expect("valid");
        assert!(w.is_empty());
        assert_eq!(s.fte.value(), Some(Decimal2(300)));
        let FteEntry::Staff { contracted_week_hours, members } = &s.fte else { panic!("staff entry") };
        assert_eq!(*contracted_week_hours, Decimal2(3200));
        assert_eq!(members[2].weekly_hours, Decimal2(2000));
        assert_eq!(members[3].weekly_hours, Decimal2(1200));
        assert_eq!(members[0].label, "常勤保健師（管理者）");
        // A contracted week under 32 hours still divides by 32.
        let f = seed_staff("30");
        assert_eq!(f.fte_breakdown().map(|b| (b.divisor, b.fte)), Some((Decimal2(3200), Decimal2(300))));
        assert_eq!(
            f.fte_breakdown().map(|b| b.divisor_note(f.contracted_week_preview())),
            Some("常勤の所定労働時間（30時間）が32時間未満のため、32時間で割っています".to_string())
        );
        assert_eq!(f.parse().map(|(s, _)| s.fte.value()), Ok(Some(Decimal2(300))));
        // A 40-hour week: 2 + 32/40 = 2.8.
        assert_eq!(seed_staff("40").fte_text(), "2.8");
        // The form of the saved station shows the list again (hours as numbers).
        let back = StationForm::from_station(&seed_staff("32").parse().expect("valid").0);
        assert_eq!(back.staff[2].weekly_hours, "20");
        assert_eq!(back.staff[0].weekly_hours, "");
        assert_eq!(back.parse().map(|(s, _)| s.fte.value()), Ok(Some(Decimal2(300))));
    }

    #[test]
    fn hours_may_be_typed_as_a_product() {
        assert_eq!(parse_hours("20"), Ok(Decimal2(2000)));
        assert_eq!(parse_hours("５×４"), Ok(Decimal2(2000)));
        assert_eq!(parse_hours("2.5*4"), Ok(Decimal2(1000)));
        assert_eq!(parse_hours("7.5時間 x 3日"), Ok(Decimal2(2250)));
        assert_eq!(parse_hours("20時間"), Ok(Decimal2(2000)));
        assert_eq!(parse_hours("0.25×0.5"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_hours("1×2×3"), Err(NumberError::NotANumber));
        assert_eq!(parse_hours("five"), Err(NumberError::NotANumber));
        assert_eq!(parse_hours("-4"), Err(NumberError::Negative));
        assert_eq!(parse_hours(""), Err(NumberError::NotANumber));
    }

    #[test]
    fn a_full_station_parses_and_round_trips() {
        let (s, w) = full().parse().expect("valid");
        assert!(w.is_empty());
        assert_eq!(s.name, "Ａｽﾃｰｼｮﾝ");
        assert_eq!(s.fte, FteEntry::Direct { value: Decimal2(450) });
        assert_eq!(s.monthly_users, Some(80));
        assert_eq!(s.medical_insurance_users, Some(30));
        assert_eq!(s.room_for_more_visits, Some(true));
        assert_eq!(s.addition_24h, Some(true));
        assert_eq!(s.addition_special, Some(false));
        assert_eq!(s.als_experience, Some(true));
        assert_eq!(s.ventilator_experience, Some(false));
        assert_eq!(s.als_intake, Some(Intake::Possible));
        assert_eq!(s.child_intake, Some(Intake::Consider));
        assert_eq!(StationForm::from_station(&s), full());
    }

    #[test]
    fn name_is_required() {
        assert_eq!(errors_on(&StationForm { name: " ".into(), ..full() }), vec!["name"]);
        let (s, _) =
            StationForm { name: "Ｂｽﾃｰｼｮﾝ".into(), ..StationForm::default() }.parse().expect("a name suffices");
        assert_eq!(s, Station { name: "Ｂｽﾃｰｼｮﾝ".into(), ..Station::default() });
    }

    #[test]
    fn medical_insurance_users_within_all_users() {
        let f = StationForm { medical_insurance_users: "81".into(), ..full() };
        let issues = f.parse().expect_err("too many");
        assert_eq!(issues.0.len(), 1);
        assert_eq!(issues.0[0].field, "medical_insurance_users");
        assert_eq!(issues.0[0].label, "（5）（4）のうち医療保険利用者数");
        assert_eq!(issues.0[0].message, "医療保険利用者数（81人）が実利用者数（80人）を超えています");
        assert!(StationForm { medical_insurance_users: "80".into(), ..full() }.parse().is_ok());
        assert!(StationForm { monthly_users: String::new(), ..full() }.parse().is_ok());
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        for bad in ["-1", "2.5", "0.25", "八十", "80人以上"] {
            assert_eq!(errors_on(&StationForm { monthly_users: bad.into(), ..full() }), vec!["monthly_users"], "{bad}");
        }
        let (s, _) = StationForm { monthly_users: "８０人".into(), medical_insurance_users: "0".into(), ..full() }
            .parse()
            .expect("valid");
        assert_eq!((s.monthly_users, s.medical_insurance_users), (Some(80), Some(0)));
        let (s, _) = StationForm { medical_insurance_users: String::new(), ..full() }.parse().expect("valid");
        assert_eq!(s.medical_insurance_users, None);
    }

    #[test]
    fn additions_are_two_yes_no_values_and_intake_codes() {
        let f = StationForm { addition_24h: "1".into(), addition_special: "1".into(), ..full() };
        let (s, _) = f.parse().expect("valid");
        assert_eq!((s.addition_24h, s.addition_special), (Some(true), Some(true)));
        let f =
            StationForm { addition_24h: "2".into(), als_intake: "3".into(), child_intake: "可能".into(), ..full() };
        assert_eq!(errors_on(&f), vec!["addition_24h", "als_intake", "child_intake"]);
        let (s, _) =
            StationForm { als_intake: "0".into(), child_intake: String::new(), ..full() }.parse().expect("valid");
        assert_eq!((s.als_intake, s.child_intake), (Some(Intake::Impossible), None));
        for (code, _) in INTAKE_OPTIONS {
            assert!(StationForm { als_intake: code.into(), ..full() }.parse().is_ok());
        }
    }

    #[test]
    fn direct_fte() {
        let d = |t: &str| StationForm { fte_direct: t.into(), ..full() };
        assert_eq!(d("3.25").parse().map(|(s, _)| s.fte), Ok(FteEntry::Direct { value: Decimal2(325) }));
        assert_eq!(d("0").parse().map(|(s, _)| s.fte), Ok(FteEntry::Direct { value: Decimal2::ZERO }));
        for bad in ["3.125", "-1", "abc", "1001"] {
            assert_eq!(errors_on(&d(bad)), vec!["fte_direct"], "{bad}");
        }
        assert_eq!(errors_on(&d("")), vec!["fte_direct"]);
        assert_eq!(d("3.5").fte_text(), "3.5");
        assert_eq!(d("3").fte_text(), "3.0");
        let unknown = StationForm { fte_mode: FTE_UNKNOWN.into(), fte_direct: String::new(), ..full() };
        assert_eq!(unknown.parse().map(|(s, _)| s.fte), Ok(FteEntry::Unknown));
        assert_eq!(unknown.fte_text(), "");
        assert_eq!(errors_on(&StationForm { fte_mode: "guess".into(), ..full() }), vec!["fte_mode"]);
    }

    #[test]
    fn data_not_saved_by_the_chosen_mode_is_warned_about() {
        let mut f = seed_staff("32");
        f.fte_mode = FTE_DIRECT.into();
        f.fte_direct = "3".into();
        assert_eq!(warnings_on(&f), vec!["fte_mode"]);
        f.fte_mode = FTE_UNKNOWN.into();
        assert_eq!(warnings_on(&f), vec!["fte_mode"]);
    }

    #[test]
    fn staff_list_rules() {
        let mut f = seed_staff("");
        assert_eq!(errors_on(&f), vec!["contracted_week_hours"]);
        assert_eq!(f.fte_breakdown(), None);
        f.contracted_week_hours = "0".into();
        assert_eq!(errors_on(&f), vec!["contracted_week_hours"]);
        f.contracted_week_hours = "169".into();
        assert_eq!(errors_on(&f), vec!["contracted_week_hours"]);
        f.contracted_week_hours = "40".into();
        f.staff[3].weekly_hours = String::new();
        assert_eq!(errors_on(&f), vec!["staff.3.weekly_hours"]);
        f.staff[3].weekly_hours = "24×7.5".into();
        assert_eq!(errors_on(&f), vec!["staff.3.weekly_hours"]);
        f.staff[3].weekly_hours = "-3".into();
        assert_eq!(errors_on(&f), vec!["staff.3.weekly_hours"]);
        f.staff[3].weekly_hours = "168".into();
        assert!(errors_on(&f).is_empty());
        f.staff[1].employment = "boss".into();
        assert_eq!(errors_on(&f), vec!["staff.1.employment"]);
        // Only full-timers: no contracted week needed.
        let only_full = StationForm {
            contracted_week_hours: String::new(),
            staff: vec![staff("A", FULL_TIME, ""), staff("B", FULL_TIME, "")],
            ..seed_staff("")
        };
        assert_eq!(only_full.parse().map(|(s, _)| s.fte.value()), Ok(Some(Decimal2(200))));
        assert_eq!(only_full.fte_text(), "2.0");
        let empty = StationForm { staff: vec![], ..seed_staff("32") };
        assert_eq!(errors_on(&empty), vec!["staff"]);
        let too_many = StationForm { staff: vec![staff("", FULL_TIME, ""); 201], ..seed_staff("32") };
        assert_eq!(errors_on(&too_many), vec!["staff"]);
    }

    #[test]
    fn staff_rows_can_be_added_and_removed() {
        let mut f = seed_staff("32");
        f.add_staff_member();
        assert_eq!(f.staff.len(), 5);
        assert_eq!(f.staff[4].employment, PART_TIME);
        f.remove_staff_member(4);
        f.remove_staff_member(99);
        assert_eq!(f.staff.len(), 4);
    }

    #[test]
    fn duplicate_names_warn() {
        assert!(duplicate_station_name("Ａｽﾃｰｼｮﾝ", &["Aステーション"]).is_some());
        assert_eq!(duplicate_station_name("Ａｽﾃｰｼｮﾝ", &["Ｂｽﾃｰｼｮﾝ"]), None);
        assert_eq!(duplicate_station_name("", &[""]), None);
    }

    #[test]
    fn synthetic_stations_round_trip() {
        for (n, s) in synthetic_stations(200, 5).into_iter().enumerate() {
            let f = StationForm::from_station(&s);
            let (back, _) = f.parse().unwrap_or_else(|e| panic!("station {n}: {e:?}"));
            assert_eq!(back, s, "station {n}");
            assert_eq!(f.fte_preview(), s.fte.value(), "station {n}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![any::<String>(), "[0-9０-９.×x*人時間日 \\-]{0,10}", Just(String::new())]
        }

        proptest! {
            #[test]
            fn parse_never_panics(
                a in proptest::collection::vec(text(), 14),
                mode in prop_oneof![Just(FTE_DIRECT.to_string()), Just(FTE_STAFF.to_string()), any::<String>()],
                rows in proptest::collection::vec((text(), prop_oneof![Just(FULL_TIME.to_string()), Just(PART_TIME.to_string()), any::<String>()], text()), 0..6),
            ) {
                let g = |k: usize| a.get(k).cloned().unwrap_or_default();
                let f = StationForm {
                    name: g(0), address: g(1), fte_mode: mode, fte_direct: g(2), contracted_week_hours: g(3),
                    staff: rows.into_iter().map(|(label, employment, weekly_hours)| StaffMemberForm { label, employment, weekly_hours }).collect(),
                    monthly_users: g(4), medical_insurance_users: g(5), room_for_more_visits: g(6), addition_24h: g(7),
                    addition_special: g(8), als_experience: g(9), ventilator_experience: g(10), als_intake: g(11),
                    child_intake: g(12),
                };
                let _ = f.fte_text();
                if let Ok((s, _)) = f.parse() {
                    let again = StationForm::from_station(&s).parse();
                    prop_assert_eq!(again.map(|(t, _)| t), Ok(s));
                }
            }
        }
    }
}
