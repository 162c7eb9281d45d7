//! 並べ替え: the roster's sort keys, the column headings that sort, and the order itself
//! (natural order of ID番号, blanks last, stable).

use super::super::input::fold_width;
use crate::domain::kana::gojuon_key;
use crate::domain::patient::{Age, Patient};
use crate::domain::time::split_numbers;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// 並べ替え keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// ID番号 (numbers inside compare as numbers: R2 before R10)
    #[default]
    IdNumber,
    /// 市町村
    Municipality,
    /// 氏名 in 五十音順: by the ふりがな, else by the 氏名 (a name in kana reads as itself,
    /// one in kanji comes after the kana), else by the ID番号. With names hidden, by the
    /// ID番号 (as shown).
    Name,
    /// 年齢 (by band, then years; a band code alone comes first in its band)
    Age,
    /// ADL
    Adl,
    /// 1週間の合計訪問看護利用回数
    WeeklyTotal,
    /// 支援管理区分
    SupportClass,
    /// 最終把握時期 (by the date written in it; texts without a date last)
    LastContact,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::IdNumber,
        SortKey::Municipality,
        SortKey::Name,
        SortKey::Age,
        SortKey::Adl,
        SortKey::WeeklyTotal,
        SortKey::SupportClass,
        SortKey::LastContact,
    ];

    /// The select value.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::IdNumber => "id_number",
            SortKey::Municipality => "municipality",
            SortKey::Name => "name",
            SortKey::Age => "age",
            SortKey::Adl => "adl",
            SortKey::WeeklyTotal => "weekly_total",
            SortKey::SupportClass => "support_class",
            SortKey::LastContact => "last_contact",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::IdNumber => "ID番号",
            SortKey::Municipality => "市町村",
            SortKey::Name => "氏名（五十音順）",
            SortKey::Age => "年齢",
            SortKey::Adl => "ADL",
            SortKey::WeeklyTotal => "1週間の合計訪問看護利用回数",
            SortKey::SupportClass => "支援管理区分",
            SortKey::LastContact => "最終把握時期",
        }
    }
}

impl SortKey {
    /// The key a roster column sorts by ([`ROSTER_COLUMNS`](super::ROSTER_COLUMNS)' `key`);
    /// `None` for the columns that do not sort. 住所 sorts by 市町村.
    pub fn of_column(column: &str) -> Option<SortKey> {
        match column {
            "id_number" => Some(SortKey::IdNumber),
            "address" => Some(SortKey::Municipality),
            "name" => Some(SortKey::Name),
            "age" => Some(SortKey::Age),
            "adl" => Some(SortKey::Adl),
            "weekly_total" => Some(SortKey::WeeklyTotal),
            "support_class" => Some(SortKey::SupportClass),
            "last_contact" => Some(SortKey::LastContact),
            _ => None,
        }
    }
}

/// Sort key choices (value, label).
pub fn sort_options() -> Vec<(&'static str, &'static str)> {
    SortKey::ALL.into_iter().map(|k| (k.key(), k.label())).collect()
}

/// 並べ替え: a key and a direction. Blank values always come last; ties keep their order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterSort {
    pub key: SortKey,
    /// 降順
    pub descending: bool,
}

impl RosterSort {
    /// The sort after a click on the heading of `key`: the same key turns the direction
    /// round, another key sorts by it ascending.
    pub fn clicked(self, key: SortKey) -> RosterSort {
        if self.key == key {
            RosterSort { key, descending: !self.descending }
        } else {
            RosterSort { key, descending: false }
        }
    }
}

/// Compares texts with digit runs as numbers (`R2` < `R10`), width-insensitively.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (fold_width(a), fold_width(b));
    let mut ia = a.chars().peekable();
    let mut ib = b.chars().peekable();
    loop {
        match (ia.peek().copied(), ib.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let mut na = String::new();
                while let Some(c) = ia.peek().copied().filter(char::is_ascii_digit) {
                    na.push(c);
                    ia.next();
                }
                let mut nb = String::new();
                while let Some(c) = ib.peek().copied().filter(char::is_ascii_digit) {
                    nb.push(c);
                    ib.next();
                }
                let ta = na.trim_start_matches('0');
                let tb = nb.trim_start_matches('0');
                let ord = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb)).then_with(|| na.len().cmp(&nb.len()));
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                ia.next();
                ib.next();
            }
        }
    }
}

/// The date written in a 最終把握時期 text, as (year, month, day) with 0 for a missing month
/// or day: `2025年3月5日訪問`, `2025/3 電話`, `令和7年3月`, `R7.3.5`, `H30年`. `None` when no
/// year can be read (e.g. `○年△月□日訪問`).
pub fn last_contact_date(text: &str) -> Option<(i32, u8, u8)> {
    let t = fold_width(text);
    let era_start = |prefix_end: usize| -> Option<i32> {
        let before = t.get(..prefix_end)?.trim_end();
        if before.ends_with("令和") || before.ends_with('r') {
            Some(2019)
        } else if before.ends_with("平成") || before.ends_with('h') {
            Some(1989)
        } else {
            None
        }
    };
    let first_digit = t.find(|c: char| c.is_ascii_digit());
    let nums = split_numbers(&t);
    let (&first, rest) = nums.split_first()?;
    let year = match first_digit.and_then(era_start) {
        Some(start) => start + i32::try_from(first).ok()? - 1,
        None if (1900..=2200).contains(&first) => i32::try_from(first).ok()?,
        None => {
            // 令和元年 has no digit for the year.
            if t.contains("令和元") {
                return Some((2019, month_of(Some(&first)), day_of(rest.first())));
            }
            return None;
        }
    };
    Some((year, month_of(rest.first()), day_of(rest.get(1))))
}

fn month_of(n: Option<&u32>) -> u8 {
    n.filter(|m| (1..=12).contains(*m)).map_or(0, |m| *m as u8)
}

fn day_of(n: Option<&u32>) -> u8 {
    n.filter(|d| (1..=31).contains(*d)).map_or(0, |d| *d as u8)
}

/// One patient's value for a sort key (`None` = blank, sorted last).
#[derive(Clone, Debug, PartialEq, Eq)]
enum SortValue {
    Natural(String),
    Text(String),
    Number(u64, u64),
    Date((i32, u8, u8)),
    /// 五十音順 ([`gojuon_key`])
    Reading((String, String)),
}

impl SortValue {
    fn cmp(&self, other: &SortValue) -> Ordering {
        match (self, other) {
            (SortValue::Natural(a), SortValue::Natural(b)) => natural_cmp(a, b),
            (SortValue::Text(a), SortValue::Text(b)) => a.cmp(b),
            (SortValue::Number(a1, a2), SortValue::Number(b1, b2)) => (a1, a2).cmp(&(b1, b2)),
            (SortValue::Date(a), SortValue::Date(b)) => a.cmp(b),
            (SortValue::Reading(a), SortValue::Reading(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

fn non_blank(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn sort_value(p: &Patient, key: SortKey, hide_names: bool) -> Option<SortValue> {
    match key {
        SortKey::IdNumber => non_blank(&p.id_number).map(SortValue::Natural),
        SortKey::Municipality => non_blank(&p.municipality).map(SortValue::Text),
        SortKey::Name if hide_names => non_blank(p.display_name(true)).map(SortValue::Natural),
        SortKey::Name => {
            let reading = [p.furigana.as_str(), p.name.as_str(), p.id_number.as_str()]
                .into_iter()
                .find(|t| !t.trim().is_empty())?;
            Some(SortValue::Reading(gojuon_key(reading)))
        }
        SortKey::Age => p.age.map(|a| match a {
            Age::Years(y) => SortValue::Number(u64::from(a.band().code()), 1 + u64::from(y)),
            Age::Band(b) => SortValue::Number(u64::from(b.code()), 0),
        }),
        SortKey::Adl => p.adl.map(|a| SortValue::Number(u64::from(a.code()), 0)),
        SortKey::WeeklyTotal => p.weekly_total().map(|d| SortValue::Number(d.0, 0)),
        SortKey::SupportClass => non_blank(&p.support_class).map(SortValue::Natural),
        SortKey::LastContact => last_contact_date(&p.last_contact).map(SortValue::Date),
    }
}

/// Sorts `indices` (into `patients`) in place: stable, blanks last in both directions.
pub fn sort_indices(patients: &[Patient], indices: &mut [usize], sort: RosterSort, hide_names: bool) {
    let mut keyed: Vec<(Option<SortValue>, usize)> =
        indices.iter().map(|&i| (patients.get(i).and_then(|p| sort_value(p, sort.key, hide_names)), i)).collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) if sort.descending => y.cmp(x),
        (Some(x), Some(y)) => x.cmp(y),
    });
    for (slot, (_, i)) in indices.iter_mut().zip(keyed) {
        *slot = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::roster::ROSTER_COLUMNS;

    #[test]
    fn columns_that_sort_and_their_keys() {
        let sorting: Vec<(&str, SortKey)> =
            ROSTER_COLUMNS.iter().filter_map(|c| SortKey::of_column(c.key).map(|k| (c.key, k))).collect();
        assert_eq!(
            sorting,
            [
                ("id_number", SortKey::IdNumber),
                ("address", SortKey::Municipality),
                ("name", SortKey::Name),
                ("age", SortKey::Age),
                ("adl", SortKey::Adl),
                ("weekly_total", SortKey::WeeklyTotal),
                ("last_contact", SortKey::LastContact),
                ("support_class", SortKey::SupportClass),
            ]
        );
        assert_eq!(SortKey::of_column("number"), None);
        assert_eq!(SortKey::of_column("municipality"), None, "the column is 住所");
    }

    #[test]
    fn a_heading_click_turns_the_direction_or_sorts_anew() {
        let by_age = RosterSort { key: SortKey::Age, descending: false };
        assert_eq!(by_age.clicked(SortKey::Age), RosterSort { key: SortKey::Age, descending: true });
        assert_eq!(by_age.clicked(SortKey::Age).clicked(SortKey::Age), by_age);
        let down = RosterSort { key: SortKey::Age, descending: true };
        assert_eq!(down.clicked(SortKey::Name), RosterSort { key: SortKey::Name, descending: false });
    }
}
