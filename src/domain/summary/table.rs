//! 集計 as a table for CSV (Excel): one row per line of the sheet, then the footnotes; and
//! the year-on-year comparison as CSV.
//!
//! A value that cannot be computed (the sheet's `-`) is written as the full-width `－`: a
//! lone ASCII `-` would get the CSV writer's formula guard (`'-`) and show as such in Excel.
//! Changes are plain numbers (`3`, `-0.5`, `0`) so that Excel reads them as numbers.

use super::compare::{ComparisonRow, Line, SummaryLine};
use super::figure::Amount;
use super::sheet::Summary;
use super::SUMMARY_FOOTNOTES;
use crate::domain::csv::csv_table;
use crate::domain::number::Tenths;

/// How the CSV writes a value that cannot be computed.
pub const CSV_DASH: &str = "－";

/// Columns of the 集計 CSV.
pub const SUMMARY_HEADERS: [&str; 6] = ["区分", "項目", "人数・値", "分母", "割合（％）", "不明"];

/// Columns of the year-on-year CSV.
pub const COMPARISON_HEADERS: [&str; 9] =
    ["区分", "項目", "単位", "前年度", "前年度 割合（％）", "今年度", "今年度 割合（％）", "増減", "増減（ポイント）"];

fn tenths_cell(value: Option<Tenths>) -> String {
    value.map_or_else(|| CSV_DASH.to_string(), |t| t.to_string())
}

fn amount_cell(value: Option<Amount>) -> String {
    value.map_or_else(|| CSV_DASH.to_string(), |v| v.to_string())
}

/// One row: 区分, 項目 (a value's unit in brackets), 人数・値, 分母 (`在宅ALS療養者 12`),
/// 割合 (`33.3`), 不明.
pub fn summary_row(line: &SummaryLine<'_>) -> [String; 6] {
    let section = line.section.label().to_string();
    match line.line {
        Line::Figure(f) => [
            section,
            f.label.to_string(),
            f.count.to_string(),
            format!("{} {}", f.denominator_label, f.denominator_count),
            tenths_cell(f.percent),
            f.unknown.to_string(),
        ],
        Line::Quantity(q) => [
            section,
            format!("{}（{}）", q.label, q.unit),
            amount_cell(q.value),
            String::new(),
            String::new(),
            q.unknown.to_string(),
        ],
    }
}

/// Every row of the 集計, then one row per footnote (区分 `注`).
pub fn summary_rows(summary: &Summary) -> Vec<[String; 6]> {
    let mut rows: Vec<[String; 6]> = summary.lines().iter().map(summary_row).collect();
    rows.extend(
        SUMMARY_FOOTNOTES
            .iter()
            .map(|n| ["注".to_string(), (*n).to_string(), String::new(), String::new(), String::new(), String::new()]),
    );
    rows
}

/// 集計 as a CSV file (BOM, CRLF, quoted cells; see [`csv_table`]).
pub fn summary_csv(summary: &Summary) -> String {
    let rows: Vec<Vec<String>> = summary_rows(summary).into_iter().map(Vec::from).collect();
    csv_table(&SUMMARY_HEADERS, &rows)
}

/// One row of the year-on-year CSV.
pub fn comparison_row_cells(r: &ComparisonRow) -> [String; 9] {
    let is_figure = r.previous_percent.is_some() || r.current_percent.is_some();
    let percent_cell = |p: Option<Tenths>| if is_figure { tenths_cell(p) } else { String::new() };
    [
        r.section.label().to_string(),
        r.label.to_string(),
        r.unit.to_string(),
        amount_cell(r.previous),
        percent_cell(r.previous_percent),
        amount_cell(r.current),
        percent_cell(r.current_percent),
        r.change.map_or_else(|| CSV_DASH.to_string(), |c| c.plain()),
        if is_figure { r.point_change.map_or_else(|| CSV_DASH.to_string(), |p| p.plain()) } else { String::new() },
    ]
}

/// 前年度比較 as a CSV file.
pub fn comparison_csv(rows: &[ComparisonRow]) -> String {
    let rows: Vec<Vec<String>> = rows.iter().map(|r| Vec::from(comparison_row_cells(r))).collect();
    csv_table(&COMPARISON_HEADERS, &rows)
}
