//! 日時: timestamps, calendar dates and 年月, all shown in Japan time (JST, UTC+9, no DST).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Milliseconds since 1970-01-01T00:00:00Z (時刻). The UI reads the clock; the domain only
/// computes with the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

const JST_OFFSET_MS: i64 = 9 * 3600 * 1000;
const MS_PER_DAY: i64 = 86_400_000;

/// A calendar date (日付).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = if m <= 2 { y + 1 } else { y };
    (y as i32, m, d)
}

/// Civil date → days since 1970-01-01.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Date {
    /// A valid date, or `None` (e.g. 2月30日).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let days_in_month = match month {
            2 if is_leap(year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` days after 1970-01-01 (the inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        Date { year, month, day }
    }

    /// 曜日: 0 = 月曜日 … 6 = 日曜日 (1970-01-01 was a Thursday).
    pub fn weekday_from_monday(self) -> usize {
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }

    /// The same day `years` years later (29 February → 28 February in a common year).
    pub fn plus_years(self, years: i32) -> Date {
        let year = self.year.saturating_add(years);
        Date::new(year, self.month, self.day).unwrap_or(Date { year, month: self.month, day: 28 })
    }

    /// Midnight JST at the start of this date.
    pub fn start_jst(self) -> Timestamp {
        Timestamp(self.days_since_epoch() * MS_PER_DAY - JST_OFFSET_MS)
    }

    /// Parses `2024-05-01`, `2024/5/1` or `2024年5月1日` (full-width digits allowed).
    pub fn parse(text: &str) -> Option<Date> {
        let nums = split_numbers(text);
        match nums.as_slice() {
            [y, m, d] => Date::new(i32::try_from(*y).ok()?, u8::try_from(*m).ok()?, u8::try_from(*d).ok()?),
            _ => None,
        }
    }

    /// ISO form `2024-05-01` (used by `<input type=date>`).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// Whether a Gregorian year is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Extracts the runs of ASCII or full-width digits in `text` as numbers.
pub fn split_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    for ch in text.chars() {
        let digit = match ch {
            '0'..='9' => Some(ch as u32 - '0' as u32),
            '０'..='９' => Some(ch as u32 - '０' as u32),
            _ => None,
        };
        match (digit, cur) {
            (Some(d), Some(c)) => cur = Some(c.saturating_mul(10).saturating_add(d)),
            (Some(d), None) => cur = Some(d),
            (None, Some(c)) => {
                out.push(c);
                cur = None;
            }
            (None, None) => {}
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

impl Timestamp {
    /// The JST calendar date and the hour and minute of this instant.
    pub fn jst(self) -> (Date, u8, u8) {
        let local = self.0 + JST_OFFSET_MS;
        let days = local.div_euclid(MS_PER_DAY);
        let ms_of_day = local.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let minutes = ms_of_day / 60_000;
        (Date { year, month, day }, (minutes / 60) as u8, (minutes % 60) as u8)
    }

    /// The JST date of this instant.
    pub fn date_jst(self) -> Date {
        self.jst().0
    }

    /// `2026年11月22日 10:05` in JST.
    pub fn display_jst(self) -> String {
        let (date, h, m) = self.jst();
        format!("{date} {h:02}:{m:02}")
    }

    /// Whole days elapsed from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(MS_PER_DAY)
    }
}

/// 日時の入力 (`<input type=datetime-local>`): the form's value in Japan time.
impl Timestamp {
    /// `2025-05-01T10:30` in JST, the value a `datetime-local` input shows.
    pub fn datetime_local_jst(self) -> String {
        let (date, h, m) = self.jst();
        format!("{}T{h:02}:{m:02}", date.iso())
    }

    /// Reads a date and time in JST: `2025-05-01T10:30` (the input's value), `2025/5/1 10:30`
    /// or `2025年5月1日 10時30分` (full-width digits allowed). `None` when it is not a valid
    /// date with an hour 0–23 and a minute 0–59.
    pub fn parse_datetime_jst(text: &str) -> Option<Timestamp> {
        let nums = split_numbers(text);
        let [y, mo, d, h, mi] = nums.as_slice() else { return None };
        let date = Date::new(i32::try_from(*y).ok()?, u8::try_from(*mo).ok()?, u8::try_from(*d).ok()?)?;
        if *h > 23 || *mi > 59 {
            return None;
        }
        Some(Timestamp(date.start_jst().0 + i64::from(*h) * 3_600_000 + i64::from(*mi) * 60_000))
    }
}

/// 年月: a year and month, e.g. 発症時期 or an anonymised date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12, or `None` when only the year is known (the seed's examples give "2002年").
    pub month: Option<u8>,
}

impl YearMonth {
    /// Parses `2002`, `2002年`, `2002年5月`, `2002/5`, `2002-05` (full-width digits allowed).
    /// Years 1900–2200 only.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let nums = split_numbers(text);
        let (year, month) = match nums.as_slice() {
            [y] => (*y, None),
            [y, m] => (*y, Some(*m)),
            _ => return None,
        };
        if !(1900..=2200).contains(&year) {
            return None;
        }
        let month = match month {
            Some(m) if (1..=12).contains(&m) => Some(m as u8),
            Some(_) => return None,
            None => None,
        };
        Some(YearMonth { year: year as i32, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{}年{}月", self.year, m),
            None => write!(f, "{}年", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_1970_01_01_09_00_jst() {
        let (d, h, m) = Timestamp(0).jst();
        assert_eq!(d, Date { year: 1970, month: 1, day: 1 });
        assert_eq!((h, m), (9, 0));
    }

    #[test]
    fn jst_crosses_midnight_nine_hours_before_utc() {
        // 2026-11-21T15:00:00Z is 2026-11-22 00:00 JST.
        let d = Date::new(2026, 11, 22).unwrap_or_else(|| panic!("valid date"));
        let ts = d.start_jst();
        assert_eq!(ts.jst(), (d, 0, 0));
        assert_eq!(Timestamp(ts.0 - 1).date_jst(), Date { year: 2026, month: 11, day: 21 });
    }

    #[test]
    fn date_validation_and_parsing() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
        assert_eq!(Date::parse("２０２４年５月１日"), Date::new(2024, 5, 1));
        assert_eq!(Date::parse("2024-05-01").map(Date::iso), Some("2024-05-01".to_string()));
        assert_eq!(Date::parse("2024-05"), None);
    }

    #[test]
    fn days_round_trip() {
        for days in [-1000_i64, -1, 0, 1, 365, 19_000, 20_000, 60_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn datetime_input_round_trip_in_jst() {
        // 2025-05-01 10:30 JST is 01:30 UTC.
        let ts = Timestamp::parse_datetime_jst("2025-05-01T10:30").unwrap_or_else(|| panic!("valid"));
        assert_eq!(ts.0, 1_746_063_000_000);
        assert_eq!(ts.datetime_local_jst(), "2025-05-01T10:30");
        assert_eq!(ts.display_jst(), "2025年5月1日 10:30");
        assert_eq!(Timestamp::parse_datetime_jst("２０２５年５月１日 １０時３０分"), Some(ts));
        assert_eq!(Timestamp::parse_datetime_jst("2025/5/1 0:00").map(Timestamp::date_jst), Date::new(2025, 5, 1));
        // Midnight JST belongs to the new day.
        assert_eq!(Timestamp(1_746_025_200_000).datetime_local_jst(), "2025-05-01T00:00");
        for bad in ["", "2025-05-01", "2025-02-30T10:00", "2025-05-01T24:00", "2025-05-01T10:60", "x"] {
            assert_eq!(Timestamp::parse_datetime_jst(bad), None, "{bad}");
        }
    }

    #[test]
    fn year_month_parsing() {
        assert_eq!(YearMonth::parse("2002年"), Some(YearMonth { year: 2002, month: None }));
        assert_eq!(YearMonth::parse("2005/7"), Some(YearMonth { year: 2005, month: Some(7) }));
        assert_eq!(YearMonth::parse("2005年13月"), None);
        assert_eq!(YearMonth::parse("abc"), None);
        assert_eq!(YearMonth::parse("1800"), None);
        assert_eq!(YearMonth { year: 2005, month: Some(7) }.to_string(), "2005年7月");
    }
}
