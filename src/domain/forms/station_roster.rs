//! 様式3 一覧: searching and sorting the 訪問看護ステーション, their cells in the paper form's
//! column order (blank shown as 未入力, never as 0 or 無), and the 合計 row.
//!
//! The UI keeps the search text and a [`StationSort`], calls [`station_indices`] for the
//! stations to show, in order, [`station_cells`] for each row and [`totals_cells`] for the
//! 合計 row of [`station_totals`](crate::domain::summary::stations::station_totals).

use super::input::fold_width;
use crate::domain::number::show_tenths;
use crate::domain::station::{fte_display, Intake, Station};
use crate::domain::summary::figure::{Amount, Figure, Quantity};
use crate::domain::summary::stations::StationTotals;
use std::cmp::Ordering;

/// Shown for a blank cell.
pub const UNENTERED: &str = "未入力";

/// A column of the 様式3 table, (1)–(11) with (7) as its two 加算.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StationColumn {
    /// (1) 名称
    Name,
    /// (2) 所在地
    Address,
    /// (3) 看護師の常勤換算
    Fte,
    /// (4) 平均的な1ヶ月の実利用者数
    MonthlyUsers,
    /// (5) (4)のうち医療保険利用者数
    MedicalUsers,
    /// (6) 訪問数を増加する余裕
    Room,
    /// (7) 24時間対応体制加算
    Addition24h,
    /// (7) 特別管理加算
    AdditionSpecial,
    /// (8) ALS患者の訪問看護実績
    AlsExperience,
    /// (9) 人工呼吸器使用患者の訪問看護実績
    VentilatorExperience,
    /// (10) ALS患者の今後の受け入れ
    AlsIntake,
    /// (11) 重心児の今後の受け入れ
    ChildIntake,
}

/// Number of columns.
pub const COLUMN_COUNT: usize = 12;

impl StationColumn {
    pub const ALL: [StationColumn; COLUMN_COUNT] = [
        StationColumn::Name,
        StationColumn::Address,
        StationColumn::Fte,
        StationColumn::MonthlyUsers,
        StationColumn::MedicalUsers,
        StationColumn::Room,
        StationColumn::Addition24h,
        StationColumn::AdditionSpecial,
        StationColumn::AlsExperience,
        StationColumn::VentilatorExperience,
        StationColumn::AlsIntake,
        StationColumn::ChildIntake,
    ];

    /// A stable key (for `data-col` and tests).
    pub fn key(self) -> &'static str {
        match self {
            StationColumn::Name => "name",
            StationColumn::Address => "address",
            StationColumn::Fte => "fte",
            StationColumn::MonthlyUsers => "monthly_users",
            StationColumn::MedicalUsers => "medical_insurance_users",
            StationColumn::Room => "room_for_more_visits",
            StationColumn::Addition24h => "addition_24h",
            StationColumn::AdditionSpecial => "addition_special",
            StationColumn::AlsExperience => "als_experience",
            StationColumn::VentilatorExperience => "ventilator_experience",
            StationColumn::AlsIntake => "als_intake",
            StationColumn::ChildIntake => "child_intake",
        }
    }

    /// The short heading of the table (the paper form's numbers kept).
    pub fn heading(self) -> &'static str {
        match self {
            StationColumn::Name => "(1) 名称",
            StationColumn::Address => "(2) 所在地",
            StationColumn::Fte => "(3) 常勤換算",
            StationColumn::MonthlyUsers => "(4) 実利用者数/月",
            StationColumn::MedicalUsers => "(5) うち医療保険",
            StationColumn::Room => "(6) 訪問増加の余裕",
            StationColumn::Addition24h => "(7) 24時間対応体制加算",
            StationColumn::AdditionSpecial => "(7) 特別管理加算",
            StationColumn::AlsExperience => "(8) ALS 実績",
            StationColumn::VentilatorExperience => "(9) 人工呼吸器 実績",
            StationColumn::AlsIntake => "(10) ALS 受入れ",
            StationColumn::ChildIntake => "(11) 重心児 受入れ",
        }
    }

    /// The field's full name on the paper form (for the heading's tooltip).
    pub fn label(self) -> &'static str {
        use super::station_form::labels;
        match self {
            StationColumn::Name => labels::NAME,
            StationColumn::Address => labels::ADDRESS,
            StationColumn::Fte => labels::FTE_DIRECT,
            StationColumn::MonthlyUsers => labels::MONTHLY_USERS,
            StationColumn::MedicalUsers => labels::MEDICAL_INSURANCE_USERS,
            StationColumn::Room => labels::ROOM_FOR_MORE_VISITS,
            StationColumn::Addition24h => labels::ADDITION_24H,
            StationColumn::AdditionSpecial => labels::ADDITION_SPECIAL,
            StationColumn::AlsExperience => labels::ALS_EXPERIENCE,
            StationColumn::VentilatorExperience => labels::VENTILATOR_EXPERIENCE,
            StationColumn::AlsIntake => labels::ALS_INTAKE,
            StationColumn::ChildIntake => labels::CHILD_INTAKE,
        }
    }

    /// Right-aligned numbers.
    pub fn numeric(self) -> bool {
        matches!(self, StationColumn::Fte | StationColumn::MonthlyUsers | StationColumn::MedicalUsers)
    }

    pub fn from_key(key: &str) -> Option<StationColumn> {
        StationColumn::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// 並べ替え: a column and its direction. Blank (未入力) values always come last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StationSort {
    pub column: StationColumn,
    pub descending: bool,
}

impl Default for StationSort {
    /// 名称の昇順.
    fn default() -> StationSort {
        StationSort { column: StationColumn::Name, descending: false }
    }
}

impl StationSort {
    /// After a click on `column`'s heading: the same column flips, another starts ascending.
    pub fn clicked(self, column: StationColumn) -> StationSort {
        if self.column == column {
            StationSort { column, descending: !self.descending }
        } else {
            StationSort { column, descending: false }
        }
    }

    /// `aria-sort` of a heading: `ascending`, `descending` or `none`.
    pub fn aria(self, column: StationColumn) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// A sortable value of one cell: `None` = 未入力.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Text(String),
    Number(u64),
}

fn yes_no_rank(value: Option<bool>) -> Option<SortValue> {
    value.map(|v| SortValue::Number(u64::from(v)))
}

fn intake_rank(value: Option<Intake>) -> Option<SortValue> {
    value.map(|i| SortValue::Number(u64::from(i.code())))
}

fn sort_value(s: &Station, column: StationColumn) -> Option<SortValue> {
    let text = |t: &str| {
        let t = fold_width(t.trim());
        (!t.is_empty()).then_some(SortValue::Text(t))
    };
    match column {
        StationColumn::Name => text(&s.name),
        StationColumn::Address => text(&s.address),
        StationColumn::Fte => s.fte.value().map(|d| SortValue::Number(d.0)),
        StationColumn::MonthlyUsers => s.monthly_users.map(|n| SortValue::Number(u64::from(n))),
        StationColumn::MedicalUsers => s.medical_insurance_users.map(|n| SortValue::Number(u64::from(n))),
        StationColumn::Room => yes_no_rank(s.room_for_more_visits),
        StationColumn::Addition24h => yes_no_rank(s.addition_24h),
        StationColumn::AdditionSpecial => yes_no_rank(s.addition_special),
        StationColumn::AlsExperience => yes_no_rank(s.als_experience),
        StationColumn::VentilatorExperience => yes_no_rank(s.ventilator_experience),
        StationColumn::AlsIntake => intake_rank(s.als_intake),
        StationColumn::ChildIntake => intake_rank(s.child_intake),
    }
}

/// Does the station match the search text (名称 or 所在地, width- and case-insensitive; every
/// word separated by spaces must appear)?
pub fn matches_search(s: &Station, query: &str) -> bool {
    let haystack = fold_width(&format!("{} {}", s.name, s.address));
    fold_width(query).split_whitespace().all(|word| haystack.contains(word))
}

/// The positions in `stations` to show, in order: those matching `query` (all when blank),
/// sorted by `sort` with 未入力 last, ties by 名称 then by position.
pub fn station_indices(stations: &[Station], query: &str, sort: StationSort) -> Vec<usize> {
    let mut keyed: Vec<(usize, Option<SortValue>, String)> = stations
        .iter()
        .enumerate()
        .filter(|(_, s)| matches_search(s, query))
        .map(|(i, s)| (i, sort_value(s, sort.column), fold_width(s.name.trim())))
        .collect();
    keyed.sort_by(|(ia, a, na), (ib, b, nb)| {
        let by_value = match (a, b) {
            (Some(a), Some(b)) if sort.descending => b.cmp(a),
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| na.cmp(nb)).then(ia.cmp(ib))
    });
    keyed.into_iter().map(|(i, _, _)| i).collect()
}

/// One cell as shown: its text, and whether it is 未入力 (shown muted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub unentered: bool,
}

impl Cell {
    fn value(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), unentered: false }
    }

    fn blank() -> Cell {
        Cell { text: UNENTERED.to_string(), unentered: true }
    }

    fn of<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> Cell {
        value.map_or_else(Cell::blank, |v| Cell::value(show(v)))
    }
}

fn yes_no(value: Option<bool>, yes: &str, no: &str) -> Cell {
    Cell::of(value, |v| if v { yes } else { no }.to_string())
}

/// The cells of one station in [`StationColumn::ALL`] order.
pub fn station_cells(s: &Station) -> [Cell; COLUMN_COUNT] {
    let text = |t: &str| if t.trim().is_empty() { Cell::blank() } else { Cell::value(t.trim()) };
    [
        text(&s.name),
        text(&s.address),
        Cell::of(s.fte.value(), fte_display),
        Cell::of(s.monthly_users, |n| n.to_string()),
        Cell::of(s.medical_insurance_users, |n| n.to_string()),
        yes_no(s.room_for_more_visits, "あり", "なし"),
        yes_no(s.addition_24h, "届出あり", "なし"),
        yes_no(s.addition_special, "届出あり", "なし"),
        yes_no(s.als_experience, "あり", "なし"),
        yes_no(s.ventilator_experience, "あり", "なし"),
        Cell::of(s.als_intake, |i| i.label().to_string()),
        Cell::of(s.child_intake, |i| i.label().to_string()),
    ]
}

fn coded(value: Option<bool>, yes: &str, no: &str) -> String {
    value.map(|v| if v { format!("1 {yes}") } else { format!("0 {no}") }).unwrap_or_default()
}

fn coded_intake(value: Option<Intake>) -> String {
    value.map(|i| format!("{} {}", i.code(), i.label())).unwrap_or_default()
}

/// The cells of one station on the printed 様式3, in [`StationColumn::ALL`] order: as on
/// the paper form, the answers with their codes (`1 あり`, `2 可能`) and a blank cell left
/// blank (未入力 is not printed, as on the paper form).
pub fn station_print_cells(s: &Station) -> [String; COLUMN_COUNT] {
    let text = |t: &str| t.trim().to_string();
    [
        text(&s.name),
        text(&s.address),
        s.fte.value().map(fte_display).unwrap_or_default(),
        s.monthly_users.map(|n| n.to_string()).unwrap_or_default(),
        s.medical_insurance_users.map(|n| n.to_string()).unwrap_or_default(),
        coded(s.room_for_more_visits, "あり", "なし"),
        coded(s.addition_24h, "届出あり", "なし"),
        s.addition_special.map(|v| if v { "2 届出あり" } else { "0 なし" }.to_string()).unwrap_or_default(),
        coded(s.als_experience, "あり", "なし"),
        coded(s.ventilator_experience, "あり", "なし"),
        coded_intake(s.als_intake),
        coded_intake(s.child_intake),
    ]
}

fn unknown_note(unknown: u64) -> String {
    if unknown == 0 {
        String::new()
    } else {
        format!("（未入力 {unknown}）")
    }
}

fn quantity_text(q: &Quantity) -> String {
    let value = match q.value {
        Some(Amount::Exact(d)) => fte_display(d),
        _ => q.text(),
    };
    format!("{value}{}", unknown_note(q.unknown))
}

fn figure_text(f: &Figure) -> String {
    let share = match f.percent {
        Some(p) => format!("{p}%"),
        None => show_tenths(None),
    };
    format!("{}ヵ所（{share}）{}", f.count, unknown_note(f.unknown))
}

fn intake_text(possible: &Figure, consider: &Figure) -> String {
    format!("可能 {}・検討可 {}{}", possible.count, consider.count, unknown_note(possible.unknown))
}

/// The 合計 row in [`StationColumn::ALL`] order: sums of (3)–(5) (blank entries left out and
/// counted as 未入力), the number and share of stations with あり for (6)–(9), and the
/// counts of 可能 and 検討可 for (10)(11).
pub fn totals_cells(t: &StationTotals) -> [String; COLUMN_COUNT] {
    [
        format!("合計（{}ヵ所）", t.stations.text()),
        String::new(),
        quantity_text(&t.fte),
        quantity_text(&t.monthly_users),
        quantity_text(&t.medical_users),
        figure_text(&t.room),
        figure_text(&t.addition_24h),
        figure_text(&t.addition_special),
        figure_text(&t.als_experience),
        figure_text(&t.ventilator_experience),
        intake_text(&t.als_intake_possible, &t.als_intake_consider),
        intake_text(&t.child_intake_possible, &t.child_intake_consider),
    ]
}

/// The per-area and per-population lines of 様式3 (※1 面積, ※2 人口), as (label, value
/// with unit) pairs; `-` when the area or population is blank or 0.
pub fn density_lines(t: &StationTotals) -> Vec<(&'static str, String)> {
    [
        &t.stations_per_10km2,
        &t.stations_per_100km2,
        &t.stations_per_100k,
        &t.fte_per_10km2,
        &t.fte_per_100k,
        &t.monthly_users_per_10km2,
        &t.monthly_users_per_100k,
        &t.medical_users_per_10km2,
        &t.medical_users_per_100k,
    ]
    .into_iter()
    .map(|q| {
        let value = q.text();
        let shown = if value == "-" { value } else { format!("{value} {}", q.unit) };
        (q.label, format!("{shown}{}", unknown_note(q.unknown)))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Decimal2;
    use crate::domain::overview::Overview;
    use crate::domain::station::FteEntry;
    use crate::domain::summary::stations::station_totals;

    fn st(name: &str, address: &str, fte: Option<u64>, users: Option<u32>) -> Station {
        Station {
            name: name.into(),
            address: address.into(),
            fte: fte.map_or(FteEntry::Unknown, |v| FteEntry::Direct { value: Decimal2(v) }),
            monthly_users: users,
            ..Station::default()
        }
    }

    fn roster() -> Vec<Station> {
        vec![
            st("Ｃステーション", "府中市1丁目", Some(300), Some(40)),
            st("Aステーション", "調布市2丁目", None, Some(80)),
            st("Bステーション", "府中市3丁目", Some(450), None),
        ]
    }

    #[test]
    fn sorts_by_name_by_default_and_blank_last_both_ways() {
        let r = roster();
        assert_eq!(station_indices(&r, "", StationSort::default()), vec![1, 2, 0]);
        let by_fte = StationSort::default().clicked(StationColumn::Fte);
        assert_eq!(by_fte, StationSort { column: StationColumn::Fte, descending: false });
        assert_eq!(station_indices(&r, "", by_fte), vec![0, 2, 1]);
        let by_fte_desc = by_fte.clicked(StationColumn::Fte);
        assert!(by_fte_desc.descending);
        assert_eq!(station_indices(&r, "", by_fte_desc), vec![2, 0, 1], "未入力 stays last");
        let by_users = StationSort { column: StationColumn::MonthlyUsers, descending: true };
        assert_eq!(station_indices(&r, "", by_users), vec![1, 0, 2]);
        assert_eq!(by_users.aria(StationColumn::MonthlyUsers), "descending");
        assert_eq!(by_users.aria(StationColumn::Name), "none");
    }

    #[test]
    fn searches_name_and_address_across_widths() {
        let r = roster();
        assert_eq!(station_indices(&r, "府中", StationSort::default()), vec![2, 0]);
        assert_eq!(station_indices(&r, "ｃ", StationSort::default()), vec![0]);
        assert_eq!(station_indices(&r, "府中　3丁目", StationSort::default()), vec![2]);
        assert!(station_indices(&r, "八王子", StationSort::default()).is_empty());
    }

    #[test]
    fn cells_show_unentered_never_zero() {
        let s = Station {
            name: "A".into(),
            fte: FteEntry::Direct { value: Decimal2(300) },
            monthly_users: Some(0),
            addition_24h: Some(true),
            addition_special: Some(false),
            als_intake: Some(Intake::Consider),
            ..Station::default()
        };
        let cells = station_cells(&s);
        let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "A",
                "未入力",
                "3.0",
                "0",
                "未入力",
                "未入力",
                "届出あり",
                "なし",
                "未入力",
                "未入力",
                "検討可",
                "未入力"
            ]
        );
        assert!(cells[1].unentered && !cells[3].unentered);
    }

    #[test]
    fn print_cells_carry_the_paper_codes_and_leave_blanks_blank() {
        let s = Station {
            name: " A ".into(),
            fte: FteEntry::Direct { value: Decimal2(300) },
            monthly_users: Some(0),
            room_for_more_visits: Some(false),
            addition_24h: Some(true),
            addition_special: Some(true),
            ventilator_experience: Some(true),
            als_intake: Some(Intake::Possible),
            child_intake: Some(Intake::Impossible),
            ..Station::default()
        };
        assert_eq!(
            station_print_cells(&s),
            ["A", "", "3.0", "0", "", "0 なし", "1 届出あり", "2 届出あり", "", "1 あり", "2 可能", "0 不可能"]
                .map(String::from)
        );
        let blank = station_print_cells(&Station::default());
        assert!(blank.iter().all(String::is_empty), "未入力 prints blank: {blank:?}");
        let no = Station { addition_24h: Some(false), addition_special: Some(false), ..Station::default() };
        assert_eq!(station_print_cells(&no)[6..8], ["0 なし".to_string(), "0 なし".to_string()]);
    }

    #[test]
    fn totals_row() {
        let mut r = roster();
        r[0].addition_24h = Some(true);
        r[1].addition_24h = Some(false);
        r[0].als_intake = Some(Intake::Possible);
        r[1].als_intake = Some(Intake::Consider);
        let o = Overview { area_km2: Some(Decimal2(10_000)), population: Some(200_000), ..Overview::default() };
        let t = station_totals(&o, &r);
        let cells = totals_cells(&t);
        assert_eq!(cells[0], "合計（3ヵ所）");
        assert_eq!(cells[2], "7.5（未入力 1）");
        assert_eq!(cells[3], "120（未入力 1）");
        assert_eq!(cells[6], "1ヵ所（33.3%）（未入力 1）");
        assert_eq!(cells[10], "可能 1・検討可 1（未入力 1）");
        let lines = density_lines(&t);
        assert_eq!(lines[0], ("訪問看護ステーション数 10km²あたり", "0.3 ヵ所/10km²".to_string()));
        let none = density_lines(&station_totals(&Overview::default(), &r));
        assert_eq!(none[0].1, "-");
        let empty = totals_cells(&station_totals(&o, &[]));
        assert_eq!(empty[0], "合計（0ヵ所）");
        assert_eq!(empty[5], "0ヵ所（-）");
    }

    #[test]
    fn columns_round_trip_by_key() {
        for c in StationColumn::ALL {
            assert_eq!(StationColumn::from_key(c.key()), Some(c));
            assert!(c.label().starts_with(&c.heading()[..c.heading().find(')').unwrap_or(0)].replace('(', "（")));
        }
        assert_eq!(StationColumn::from_key("x"), None);
    }
}
