//! 様式3 訪問看護ステーション: one row per visiting-nurse station in the jurisdiction.

use super::number::Decimal2;
use super::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};

/// 今後の受け入れ: 2 可能, 1 検討可, 0 不可能.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intake {
    /// 0 不可能
    Impossible,
    /// 1 検討可
    Consider,
    /// 2 可能
    Possible,
}

impl Intake {
    pub const ALL: [Intake; 3] = [Intake::Possible, Intake::Consider, Intake::Impossible];
    pub fn code(self) -> u8 {
        match self {
            Intake::Impossible => 0,
            Intake::Consider => 1,
            Intake::Possible => 2,
        }
    }
    pub fn from_code(code: u8) -> Option<Intake> {
        Intake::ALL.into_iter().find(|i| i.code() == code)
    }
    pub fn label(self) -> &'static str {
        match self {
            Intake::Impossible => "不可能",
            Intake::Consider => "検討可",
            Intake::Possible => "可能",
        }
    }
}

/// One member of staff for the 常勤換算 helper.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// 職種・氏名など (free label, e.g. 常勤保健師（管理者）)
    pub label: String,
    /// 常勤 (counts 1) or 非常勤 (counts by hours)
    pub full_time: bool,
    /// 非常勤: 1週間の勤務延時間数 (overtime excluded)
    pub weekly_hours: Decimal2,
}

/// 看護師の常勤換算: typed directly, or computed from a staff list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FteEntry {
    /// 不明
    #[default]
    Unknown,
    /// 直接入力 (e.g. from the station's own report)
    Direct { value: Decimal2 },
    /// 職員一覧から計算
    Staff {
        /// 常勤の従事者が勤務すべき1週間の時間数（所定労働時間）
        contracted_week_hours: Decimal2,
        members: Vec<StaffMember>,
    },
}

/// The minimum divisor: a contracted full-time week under 32 hours counts as 32.
pub const MIN_CONTRACTED_WEEK_HOURS: Decimal2 = Decimal2(3200);

/// 常勤換算 per the 介護サービス施設・事業所調査 method, in hundredths rounded half up:
/// full-timers count 1 each; part-timers' total weekly hours are divided by the contracted
/// full-time week, or by 32 when that is under 32 hours.
pub fn fte_from_staff(contracted_week_hours: Decimal2, members: &[StaffMember]) -> Decimal2 {
    let full_time = members.iter().filter(|m| m.full_time).count() as u64;
    let part_hours: u64 = members.iter().filter(|m| !m.full_time).map(|m| m.weekly_hours.0).sum();
    let divisor = contracted_week_hours.max(MIN_CONTRACTED_WEEK_HOURS).0;
    // part_hours and divisor are both in hundredths of hours; the result in hundredths.
    let part = (u128::from(part_hours) * 100 * 2 + u128::from(divisor)) / (u128::from(divisor) * 2);
    Decimal2(full_time * 100 + u64::try_from(part).unwrap_or(u64::MAX / 2))
}

/// 常勤換算 as shown: at least one decimal, as the seed writes it (`3.0`, `2.8`, `0.31`).
pub fn fte_display(value: Decimal2) -> String {
    if value.0.is_multiple_of(10) {
        format!("{}.{}", value.0 / 100, (value.0 % 100) / 10)
    } else {
        value.to_string()
    }
}

impl FteEntry {
    /// The FTE, or `None` when unknown.
    pub fn value(&self) -> Option<Decimal2> {
        match self {
            FteEntry::Unknown => None,
            FteEntry::Direct { value } => Some(*value),
            FteEntry::Staff { contracted_week_hours, members } => Some(fte_from_staff(*contracted_week_hours, members)),
        }
    }
}

/// 様式3 訪問看護ステーション, fields (1)–(11).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    /// (1) 名称
    pub name: String,
    /// (2) 所在地
    pub address: String,
    /// (3) 看護師の常勤換算
    pub fte: FteEntry,
    /// (4) 平均的な1ヶ月の実利用者数
    pub monthly_users: Option<u32>,
    /// (5) (4)のうち医療保険利用者数
    pub medical_insurance_users: Option<u32>,
    /// (6) 訪問数を増加する余裕 1 あり / 0 なし
    pub room_for_more_visits: Option<bool>,
    /// (7) 医療保険加算届出: 24時間対応体制加算
    pub addition_24h: Option<bool>,
    /// (7) 医療保険加算届出: 特別管理加算
    pub addition_special: Option<bool>,
    /// (8) ALS患者の訪問看護実績
    pub als_experience: Option<bool>,
    /// (9) 人工呼吸器使用患者（NPPV、TPPV）の訪問看護実績
    pub ventilator_experience: Option<bool>,
    /// (10) ALS患者の今後の受け入れ
    pub als_intake: Option<Intake>,
    /// (11) 重心児（重症心身障害児）の今後の受け入れ
    pub child_intake: Option<Intake>,
}

impl RecordBody for Station {
    const KIND: RecordKind = RecordKind::Station;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(full_time: bool, hours: u64) -> StaffMember {
        StaffMember { label: String::new(), full_time, weekly_hours: Decimal2::whole(hours) }
    }

    #[test]
    fn seed_worked_example_gives_three() {
        // 常勤保健師(管理者) 1, 常勤看護師 1, 非常勤A 5h×4日 = 20h, 非常勤B 4h×3日 = 12h;
        // (20 + 12) / 32 = 1.0; 配置職員数 3.0.
        let members = [staff(true, 0), staff(true, 0), staff(false, 20), staff(false, 12)];
        assert_eq!(fte_from_staff(Decimal2::whole(32), &members), Decimal2(300));
        // A contracted week under 32 hours still divides by 32.
        assert_eq!(fte_from_staff(Decimal2::whole(30), &members), Decimal2(300));
        // A 40-hour week divides by 40: 2 + 32/40 = 2.8.
        assert_eq!(fte_from_staff(Decimal2::whole(40), &members), Decimal2(280));
    }

    #[test]
    fn fte_is_shown_with_at_least_one_decimal() {
        assert_eq!(fte_display(Decimal2(300)), "3.0");
        assert_eq!(fte_display(Decimal2(280)), "2.8");
        assert_eq!(fte_display(Decimal2(31)), "0.31");
        assert_eq!(fte_display(Decimal2::ZERO), "0.0");
        assert_eq!(fte_display(Decimal2(1205)), "12.05");
    }

    #[test]
    fn fte_entry_values() {
        assert_eq!(FteEntry::Unknown.value(), None);
        assert_eq!(FteEntry::Direct { value: Decimal2(250) }.value(), Some(Decimal2(250)));
        // 10h / 32 = 0.3125 → 0.31
        let e = FteEntry::Staff { contracted_week_hours: Decimal2::whole(32), members: vec![staff(false, 10)] };
        assert_eq!(e.value(), Some(Decimal2(31)));
    }
}
