//! Every line of the 集計 in order ([`Summary::lines`], for the CSV and lists), and the
//! year-on-year comparison ([`compare`]: 前年度 and 今年度 side by side with the change in
//! counts and in percentage points).

use super::figure::{Amount, Figure, Quantity};
use super::sheet::Summary;
use crate::domain::number::Tenths;
use serde::Serialize;
use std::fmt;

/// 区分 of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// A．管轄地域の概況
    Area,
    /// B．訪問看護ステーションの概況 (様式3 の合計)
    Stations,
    /// C．在宅療養者の現況
    Patients,
    /// 様式4 管内の状況
    Coverage,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Area, Section::Stations, Section::Patients, Section::Coverage];
    pub fn label(self) -> &'static str {
        match self {
            Section::Area => "A．管轄地域の概況",
            Section::Stations => "B．訪問看護ステーションの概況（様式3の合計）",
            Section::Patients => "C．在宅療養者の現況",
            Section::Coverage => "様式4 管内の状況",
        }
    }
}

/// One line: a counted figure or a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "line", rename_all = "snake_case")]
pub enum Line<'a> {
    Figure(&'a Figure),
    Quantity(&'a Quantity),
}

impl Line<'_> {
    pub fn label(&self) -> &'static str {
        match self {
            Line::Figure(f) => f.label,
            Line::Quantity(q) => q.label,
        }
    }
    /// The count or value (`None` = `-`).
    pub fn value(&self) -> Option<Amount> {
        match self {
            Line::Figure(f) => Some(Amount::Count(f.count)),
            Line::Quantity(q) => q.value,
        }
    }
    /// 割合 (figures only).
    pub fn percent(&self) -> Option<Tenths> {
        match self {
            Line::Figure(f) => f.percent,
            Line::Quantity(_) => None,
        }
    }
    /// 不明
    pub fn unknown(&self) -> u64 {
        match self {
            Line::Figure(f) => f.unknown,
            Line::Quantity(q) => q.unknown,
        }
    }
    /// 単位: `人`/`ヵ所` for figures, the value's unit otherwise.
    pub fn unit(&self) -> &'static str {
        match self {
            Line::Figure(f) => match f.key {
                super::figure::FigureKey::Patient(_) => "人",
                super::figure::FigureKey::Station(_) => "ヵ所",
            },
            Line::Quantity(q) => q.unit,
        }
    }
}

/// A line with its section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryLine<'a> {
    pub section: Section,
    pub line: Line<'a>,
}

impl Summary {
    /// Every line of the 集計 in display order: A, B (様式3 の合計), C, 様式4 管内の状況. The
    /// number and order of lines never depend on the data, so two years line up.
    pub fn lines(&self) -> Vec<SummaryLine<'_>> {
        let mut out = Vec::with_capacity(128);
        let mut push = |section, line| out.push(SummaryLine { section, line });
        let a = &self.area;
        for q in [&a.population, &a.area, &a.density, &a.certified, &a.certified_per_100k, &a.certified_per_100km2] {
            push(Section::Area, Line::Quantity(q));
        }
        push(Section::Area, Line::Quantity(&a.home_patients));
        push(Section::Area, Line::Figure(&a.ventilated));
        for q in [
            &a.cooperating_hospitals,
            &a.cooperating_hospitals_per_100k,
            &a.cooperating_hospitals_per_100km2,
            &a.home_care_clinics,
            &a.home_care_clinics_per_100k,
            &a.home_care_clinics_per_100km2,
        ] {
            push(Section::Area, Line::Quantity(q));
        }
        for q in self.stations.quantities() {
            push(Section::Stations, Line::Quantity(q));
        }
        for f in self.stations.figures() {
            push(Section::Stations, Line::Figure(f));
        }
        for f in self.status.figures() {
            push(Section::Patients, Line::Figure(f));
        }
        push(Section::Patients, Line::Quantity(&self.status.average_weekly_visits));
        for c in &self.coverage {
            push(Section::Coverage, Line::Figure(&c.figure));
        }
        out
    }
}

/// A signed change of a value, in the value's own precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Change {
    /// 人, ヵ所, 件
    Count(i128),
    /// hundredths (面積, 常勤換算)
    Exact(i128),
    /// tenths (率, 密度, 平均)
    Rounded(i128),
}

/// Writes `value / scale` with `places` decimals; `marked` puts `+`/`±` before a positive or
/// zero value (for display), otherwise only `-` is written (a plain number for CSV).
fn signed(f: &mut dyn fmt::Write, value: i128, scale: i128, places: usize, marked: bool) -> fmt::Result {
    let sign = match (value.signum(), marked) {
        (-1, _) => "-",
        (1, true) => "+",
        (0, true) => "±",
        _ => "",
    };
    let abs = value.unsigned_abs();
    let scale = scale.unsigned_abs().max(1);
    if places == 0 {
        write!(f, "{sign}{abs}")
    } else {
        write!(f, "{sign}{}.{:0places$}", abs / scale, abs % scale)
    }
}

impl Change {
    fn write(self, f: &mut dyn fmt::Write, marked: bool) -> fmt::Result {
        match self {
            Change::Count(n) => signed(f, n, 1, 0, marked),
            Change::Exact(h) => {
                if h % 100 == 0 {
                    signed(f, h / 100, 1, 0, marked)
                } else if h % 10 == 0 {
                    signed(f, h / 10, 10, 1, marked)
                } else {
                    signed(f, h, 100, 2, marked)
                }
            }
            Change::Rounded(t) => signed(f, t, 10, 1, marked),
        }
    }

    /// The change as a plain number (`3`, `-0.25`, `0`) for CSV.
    pub fn plain(self) -> String {
        let mut s = String::new();
        let _ = self.write(&mut s, false);
        s
    }
}

impl fmt::Display for Change {
    /// `+3`, `-0.25`, `+1.5`, `±0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// A change of a percentage in points (tenths of a point).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Points(pub i128);

impl fmt::Display for Points {
    /// `+3.3`, `-12.5`, `±0.0` (the UI writes ポイント after it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        signed(f, self.0, 10, 1, true)
    }
}

impl Points {
    /// The change as a plain number (`3.3`, `-12.5`, `0.0`) for CSV.
    pub fn plain(self) -> String {
        let mut s = String::new();
        let _ = signed(&mut s, self.0, 10, 1, false);
        s
    }
}

/// The unit after a [`Points`] change.
pub const POINTS_UNIT: &str = "ポイント";

/// One row of the year-on-year comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonRow {
    /// 区分
    pub section: Section,
    /// 項目名 (this year's)
    pub label: &'static str,
    /// 単位 of the value
    pub unit: &'static str,
    /// 前年度 value (count for a figure); `None` = `-`
    pub previous: Option<Amount>,
    /// 今年度 value
    pub current: Option<Amount>,
    /// 前年度 割合 (figures only)
    pub previous_percent: Option<Tenths>,
    /// 今年度 割合
    pub current_percent: Option<Tenths>,
    /// 増減 of the value (人, ヵ所, 率 …); `None` when either year is `-`
    pub change: Option<Change>,
    /// 増減 of the 割合 in points; `None` when either year is `-` or for values
    pub point_change: Option<Points>,
}

impl ComparisonRow {
    /// 前年度 as shown: `3（33.3％）`, `2025.1` or `-`.
    pub fn previous_text(&self) -> String {
        cell_text(self.previous, self.previous_percent)
    }
    /// 今年度 as shown.
    pub fn current_text(&self) -> String {
        cell_text(self.current, self.current_percent)
    }
    /// 増減 as shown: `+1（+16.7ポイント）`, `-0.3`, or `-` when it cannot be computed.
    pub fn change_text(&self) -> String {
        match (self.change, self.point_change) {
            (Some(c), Some(p)) => format!("{c}（{p}{POINTS_UNIT}）"),
            (Some(c), None) => c.to_string(),
            (None, Some(p)) => format!("{p}{POINTS_UNIT}"),
            (None, None) => "-".to_string(),
        }
    }
}

fn cell_text(value: Option<Amount>, percent: Option<Tenths>) -> String {
    match (value, percent) {
        (Some(v), Some(p)) => format!("{v}（{p}％）"),
        (Some(v), None) => v.to_string(),
        (None, _) => "-".to_string(),
    }
}

fn change(previous: Option<Amount>, current: Option<Amount>) -> Option<Change> {
    match (previous?, current?) {
        (Amount::Count(a), Amount::Count(b)) => Some(Change::Count(i128::from(b) - i128::from(a))),
        (Amount::Rounded(a), Amount::Rounded(b)) => Some(Change::Rounded(i128::from(b.0) - i128::from(a.0))),
        (a, b) => Some(Change::Exact(b.hundredths() - a.hundredths())),
    }
}

/// 前年度 and 今年度 side by side for every line of the 集計 and 様式4's 管内の状況, with the
/// change in counts (or values) and in percentage points.
pub fn compare(previous: &Summary, current: &Summary) -> Vec<ComparisonRow> {
    previous
        .lines()
        .into_iter()
        .zip(current.lines())
        .map(|(p, c)| {
            let (pv, cv) = (p.line.value(), c.line.value());
            let (pp, cp) = (p.line.percent(), c.line.percent());
            ComparisonRow {
                section: c.section,
                label: c.line.label(),
                unit: c.line.unit(),
                previous: pv,
                current: cv,
                previous_percent: pp,
                current_percent: cp,
                change: change(pv, cv),
                point_change: match (pp, cp) {
                    (Some(a), Some(b)) => Some(Points(i128::from(b.0) - i128::from(a.0))),
                    _ => None,
                },
            }
        })
        .collect()
}
