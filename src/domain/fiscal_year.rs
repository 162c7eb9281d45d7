//! 年度: the Japanese fiscal year (April to March), shown in 和暦 and 西暦.

use super::time::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// 年度, identified by the 西暦 year in which it starts (令和7年度 = 2025-04-01 … 2026-03-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct FiscalYear(i32);

/// The range of 年度 the app accepts.
pub const FIRST_FISCAL_YEAR: i32 = 1989;
pub const LAST_FISCAL_YEAR: i32 = 2200;

/// Why a 年度 could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FiscalYearError {
    /// 数字が読み取れません
    NotANumber,
    /// 範囲外 (1989〜2200)
    OutOfRange(i32),
}

impl fmt::Display for FiscalYearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FiscalYearError::NotANumber => {
                write!(f, "年度は西暦（例: 2025）か和暦（例: 令和7）で入力してください")
            }
            FiscalYearError::OutOfRange(y) => {
                write!(f, "年度 {y} は範囲外です（{FIRST_FISCAL_YEAR}〜{LAST_FISCAL_YEAR}年度）")
            }
        }
    }
}

impl TryFrom<i32> for FiscalYear {
    type Error = FiscalYearError;
    fn try_from(year: i32) -> Result<Self, Self::Error> {
        if (FIRST_FISCAL_YEAR..=LAST_FISCAL_YEAR).contains(&year) {
            Ok(FiscalYear(year))
        } else {
            Err(FiscalYearError::OutOfRange(year))
        }
    }
}

impl From<FiscalYear> for i32 {
    fn from(fy: FiscalYear) -> i32 {
        fy.0
    }
}

/// 元号: the era of a 年度's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// 平成 (1989–2018年度)
    Heisei,
    /// 令和 (2019年度–)
    Reiwa,
}

impl Era {
    pub fn name(self) -> &'static str {
        match self {
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }
    fn first_year(self) -> i32 {
        match self {
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }
}

impl FiscalYear {
    /// The 年度 starting in `year` (西暦).
    pub fn new(year: i32) -> Result<FiscalYear, FiscalYearError> {
        FiscalYear::try_from(year)
    }

    /// The 西暦 year in which this 年度 starts.
    pub fn start_year(self) -> i32 {
        self.0
    }

    /// The 年度 a date falls in (January–March belong to the previous year's 年度).
    pub fn containing(date: Date) -> Result<FiscalYear, FiscalYearError> {
        FiscalYear::new(if date.month >= 4 { date.year } else { date.year - 1 })
    }

    /// The following 年度.
    pub fn next(self) -> Result<FiscalYear, FiscalYearError> {
        FiscalYear::new(self.0 + 1)
    }

    /// The preceding 年度.
    pub fn previous(self) -> Result<FiscalYear, FiscalYearError> {
        FiscalYear::new(self.0 - 1)
    }

    /// The era and year within it (令和元年度 = (Reiwa, 1)). A 年度 is named by the era in
    /// force on 1 April, so 2019年度 is 令和元年度 although 平成31年 lasted until April 30.
    pub fn era(self) -> (Era, i32) {
        let era = if self.0 >= Era::Reiwa.first_year() { Era::Reiwa } else { Era::Heisei };
        (era, self.0 - era.first_year() + 1)
    }

    /// `令和7年度` (`元` for the first year).
    pub fn wareki(self) -> String {
        let (era, n) = self.era();
        if n == 1 {
            format!("{}元年度", era.name())
        } else {
            format!("{}{}年度", era.name(), n)
        }
    }

    /// `2025年度`.
    pub fn seireki(self) -> String {
        format!("{}年度", self.0)
    }

    /// Parses `2025`, `2025年度`, `令和7`, `令和7年度`, `R7`, `令和元年度`, `平成30年度`, `H30`
    /// (full-width digits allowed).
    pub fn parse(text: &str) -> Result<FiscalYear, FiscalYearError> {
        let t = text.trim();
        let (era, rest) = if let Some(r) = t.strip_prefix("令和") {
            (Some(Era::Reiwa), r)
        } else if let Some(r) = t.strip_prefix("平成") {
            (Some(Era::Heisei), r)
        } else if let Some(r) = t.strip_prefix(['R', 'r', 'Ｒ']) {
            (Some(Era::Reiwa), r)
        } else if let Some(r) = t.strip_prefix(['H', 'h', 'Ｈ']) {
            (Some(Era::Heisei), r)
        } else {
            (None, t)
        };
        let rest = rest.trim();
        let rest = rest.strip_suffix("年度").or_else(|| rest.strip_suffix('年')).unwrap_or(rest);
        let n: i32 = if rest == "元" {
            1
        } else {
            let nums = super::time::split_numbers(rest);
            let only_digits = rest.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
            match (nums.as_slice(), only_digits) {
                ([n], true) => i32::try_from(*n).map_err(|_| FiscalYearError::NotANumber)?,
                _ => return Err(FiscalYearError::NotANumber),
            }
        };
        match era {
            Some(era) if n >= 1 => FiscalYear::new(era.first_year() + n - 1),
            Some(_) => Err(FiscalYearError::NotANumber),
            None => FiscalYear::new(n),
        }
    }
}

impl fmt::Display for FiscalYear {
    /// `令和7年度（2025年度）`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.wareki(), self.seireki())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fy(y: i32) -> FiscalYear {
        FiscalYear::new(y).expect("valid year")
    }

    #[test]
    fn wareki_names() {
        assert_eq!(fy(2019).wareki(), "令和元年度");
        assert_eq!(fy(2025).wareki(), "令和7年度");
        assert_eq!(fy(2018).wareki(), "平成30年度");
        assert_eq!(fy(1989).wareki(), "平成元年度");
        assert_eq!(fy(2026).to_string(), "令和8年度（2026年度）");
    }

    #[test]
    fn parse_forms() {
        assert_eq!(FiscalYear::parse("2025"), Ok(fy(2025)));
        assert_eq!(FiscalYear::parse("２０２５年度"), Ok(fy(2025)));
        assert_eq!(FiscalYear::parse("令和7年度"), Ok(fy(2025)));
        assert_eq!(FiscalYear::parse("R7"), Ok(fy(2025)));
        assert_eq!(FiscalYear::parse("令和元年度"), Ok(fy(2019)));
        assert_eq!(FiscalYear::parse("H30"), Ok(fy(2018)));
        assert_eq!(FiscalYear::parse("平成30年度"), Ok(fy(2018)));
        assert_eq!(FiscalYear::parse("abc"), Err(FiscalYearError::NotANumber));
        assert_eq!(FiscalYear::parse("令和0年度"), Err(FiscalYearError::NotANumber));
        assert_eq!(FiscalYear::parse("20.5"), Err(FiscalYearError::NotANumber));
        assert_eq!(FiscalYear::parse("1900"), Err(FiscalYearError::OutOfRange(1900)));
    }

    #[test]
    fn containing_date_uses_april_start() {
        let d = |y, m, day| Date::new(y, m, day).expect("valid date");
        assert_eq!(FiscalYear::containing(d(2026, 3, 31)), Ok(fy(2025)));
        assert_eq!(FiscalYear::containing(d(2026, 4, 1)), Ok(fy(2026)));
    }

    #[test]
    fn serde_rejects_out_of_range() {
        assert!(serde_json::from_str::<FiscalYear>("3000").is_err());
        assert_eq!(serde_json::from_str::<FiscalYear>("2025").ok(), Some(fy(2025)));
    }
}
