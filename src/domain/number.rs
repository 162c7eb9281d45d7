//! 数値: parsing numbers typed by nurses, exact decimals, percentages and rates.
//!
//! Visit counts may be fractions (every two weeks = 0.5, once a month = 0.25) and areas have
//! two decimals, so decimals are kept exactly as hundredths ([`Decimal2`]); percentages and
//! rates are computed in integers and rounded half up (四捨五入) to one decimal place, as the
//! workbook's `0.0` cell format shows them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a typed number was refused. The UI puts the field's name in front of the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// 数字以外の文字
    NotANumber,
    /// 負の数
    Negative,
    /// 小数は入力できない項目
    NotWhole,
    /// 小数点以下の桁が多すぎる
    TooManyDecimals,
    /// 上限を超える
    TooLarge,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::NotANumber => "数字で入力してください",
            NumberError::Negative => "0以上の数を入力してください",
            NumberError::NotWhole => "整数で入力してください",
            NumberError::TooManyDecimals => "小数点以下は2桁までで入力してください",
            NumberError::TooLarge => "大きすぎる数です",
        })
    }
}

/// Full-width digits, point, minus and comma → ASCII; trims spaces.
pub fn normalize_number_text(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' | 'ー' | '−' => Some('-'),
            ',' | '，' | ' ' | '　' => None,
            _ => Some(c),
        })
        .collect()
}

/// Largest whole number accepted in a count field (人, ヵ所, 件).
pub const MAX_COUNT: u64 = 100_000_000;

/// Parses a whole, non-negative count (人, ヵ所, 件). Blank is handled by the caller (不明).
pub fn parse_count(text: &str) -> Result<u64, NumberError> {
    let d = Decimal2::parse(text)?;
    if d.0 % 100 != 0 {
        return Err(NumberError::NotWhole);
    }
    let n = d.0 / 100;
    if n > MAX_COUNT {
        return Err(NumberError::TooLarge);
    }
    Ok(n)
}

/// A non-negative decimal with two places, stored exactly as hundredths
/// (`Decimal2(50)` = 0.5). Used for weekly visits, monthly frequencies, areas and FTE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Decimal2(pub u64);

impl Decimal2 {
    pub const ZERO: Decimal2 = Decimal2(0);
    /// Largest value accepted (10^10), far above any real count or area.
    pub const MAX: Decimal2 = Decimal2(1_000_000_000_000);

    /// A whole number.
    pub fn whole(n: u64) -> Decimal2 {
        Decimal2(n.saturating_mul(100))
    }

    /// Parses `3`, `0.5`, `0.25`, `１．５`, `1,234.5`. Rejects letters, negatives and more
    /// than two decimals.
    pub fn parse(text: &str) -> Result<Decimal2, NumberError> {
        let t = normalize_number_text(text);
        if let Some(rest) = t.strip_prefix('-') {
            return if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
                Err(NumberError::Negative)
            } else {
                Err(NumberError::NotANumber)
            };
        }
        let t = t.strip_prefix('+').unwrap_or(&t);
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        if (int.is_empty() && frac.is_empty())
            || !int.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(NumberError::NotANumber);
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > 2 {
            return Err(NumberError::TooManyDecimals);
        }
        let int_value: u64 = if int.is_empty() {
            0
        } else if int.len() > 12 {
            return Err(NumberError::TooLarge);
        } else {
            int.parse().map_err(|_| NumberError::NotANumber)?
        };
        let mut frac_value: u64 = 0;
        for (i, c) in frac_trimmed.chars().enumerate() {
            let digit = u64::from(c as u8 - b'0');
            frac_value += digit * if i == 0 { 10 } else { 1 };
        }
        let value = Decimal2(int_value.saturating_mul(100).saturating_add(frac_value));
        if value > Decimal2::MAX {
            return Err(NumberError::TooLarge);
        }
        Ok(value)
    }

    /// The value as f64 (for charts only; arithmetic stays exact).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Exact sum (saturating).
    pub fn saturating_add(self, other: Decimal2) -> Decimal2 {
        Decimal2(self.0.saturating_add(other.0))
    }

    /// `self ≥ 1`.
    pub fn at_least_one(self) -> bool {
        self.0 >= 100
    }
}

impl std::iter::Sum for Decimal2 {
    fn sum<I: Iterator<Item = Decimal2>>(iter: I) -> Decimal2 {
        iter.fold(Decimal2::ZERO, Decimal2::saturating_add)
    }
}

impl fmt::Display for Decimal2 {
    /// `3`, `0.5`, `0.25`, `12.75`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let int = self.0 / 100;
        let frac = self.0 % 100;
        if frac == 0 {
            write!(f, "{int}")
        } else if frac.is_multiple_of(10) {
            write!(f, "{int}.{}", frac / 10)
        } else {
            write!(f, "{int}.{frac:02}")
        }
    }
}

/// A value rounded half up to one decimal place, kept as tenths (`Tenths(125)` = 12.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Tenths(pub u64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

impl Tenths {
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 10.0
    }
}

/// `numerator / denominator × scale`, rounded half up to tenths; `None` when the denominator
/// is 0 (shown as `-`). Both operands are in hundredths so that areas and FTE work too.
pub fn rate_tenths(numerator: Decimal2, denominator: Decimal2, scale: u64) -> Option<Tenths> {
    if denominator.0 == 0 {
        return None;
    }
    let num = u128::from(numerator.0) * u128::from(scale) * 10;
    let den = u128::from(denominator.0);
    let rounded = (num * 2 + den) / (den * 2);
    Some(Tenths(u64::try_from(rounded).unwrap_or(u64::MAX)))
}

/// `count / denominator × 100` as a percentage rounded half up to one decimal;
/// `None` (shown as `-`) when the denominator is 0.
pub fn percent(count: u64, denominator: u64) -> Option<Tenths> {
    rate_tenths(Decimal2::whole(count), Decimal2::whole(denominator), 100)
}

/// Shows an optional rounded value: the value, or `-` for a zero denominator.
pub fn show_tenths(value: Option<Tenths>) -> String {
    value.map_or_else(|| "-".to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(Decimal2::parse("0.25"), Ok(Decimal2(25)));
        assert_eq!(Decimal2::parse("0.5"), Ok(Decimal2(50)));
        assert_eq!(Decimal2::parse("３"), Ok(Decimal2(300)));
        assert_eq!(Decimal2::parse("１．５"), Ok(Decimal2(150)));
        assert_eq!(Decimal2::parse(".5"), Ok(Decimal2(50)));
        assert_eq!(Decimal2::parse("2.50"), Ok(Decimal2(250)));
        assert_eq!(Decimal2::parse("1,234"), Ok(Decimal2(123_400)));
        assert_eq!(Decimal2::parse("abc"), Err(NumberError::NotANumber));
        assert_eq!(Decimal2::parse("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(Decimal2::parse("3回"), Err(NumberError::NotANumber));
        assert_eq!(Decimal2::parse("-1"), Err(NumberError::Negative));
        assert_eq!(Decimal2::parse("-"), Err(NumberError::NotANumber));
        assert_eq!(Decimal2::parse("0.333"), Err(NumberError::TooManyDecimals));
        assert_eq!(Decimal2::parse("."), Err(NumberError::NotANumber));
        assert_eq!(Decimal2::parse("99999999999999"), Err(NumberError::TooLarge));
    }

    #[test]
    fn displays_without_trailing_zeros() {
        assert_eq!(Decimal2(25).to_string(), "0.25");
        assert_eq!(Decimal2(50).to_string(), "0.5");
        assert_eq!(Decimal2(300).to_string(), "3");
        assert_eq!(Decimal2(1275).to_string(), "12.75");
    }

    #[test]
    fn counts_are_whole() {
        assert_eq!(parse_count("12"), Ok(12));
        assert_eq!(parse_count("１２"), Ok(12));
        assert_eq!(parse_count("0.25"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("-3"), Err(NumberError::Negative));
        assert_eq!(parse_count("x"), Err(NumberError::NotANumber));
    }

    #[test]
    fn percentages_round_half_up_and_show_dash_for_zero() {
        assert_eq!(percent(1, 3).map(|t| t.to_string()), Some("33.3".to_string()));
        assert_eq!(percent(2, 3).map(|t| t.to_string()), Some("66.7".to_string()));
        assert_eq!(percent(1, 8).map(|t| t.to_string()), Some("12.5".to_string()));
        // 1/16 = 6.25 % → 6.3 (half up)
        assert_eq!(percent(1, 16).map(|t| t.to_string()), Some("6.3".to_string()));
        assert_eq!(percent(0, 5).map(|t| t.to_string()), Some("0.0".to_string()));
        assert_eq!(percent(5, 5).map(|t| t.to_string()), Some("100.0".to_string()));
        assert_eq!(percent(0, 0), None);
        assert_eq!(show_tenths(percent(3, 0)), "-");
    }

    #[test]
    fn rates_per_population_and_area() {
        // 12 patients in 250,000 people → 4.8 per 100,000
        let r = rate_tenths(Decimal2::whole(12), Decimal2::whole(250_000), 100_000);
        assert_eq!(r, Some(Tenths(48)));
        // 3 stations on 123.45 km² → 2.43… per 100 km² → 2.4
        let r = rate_tenths(Decimal2::whole(3), Decimal2(12_345), 100);
        assert_eq!(r, Some(Tenths(24)));
        // density 250,000 / 123.45 = 2025.1 人/km²
        let r = rate_tenths(Decimal2::whole(250_000), Decimal2(12_345), 1);
        assert_eq!(r, Some(Tenths(20_251)));
        assert_eq!(rate_tenths(Decimal2::whole(1), Decimal2::ZERO, 100), None);
    }
}
