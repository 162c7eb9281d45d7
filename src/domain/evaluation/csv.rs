//! 様式4 as a table: rows for CSV and print.

use super::item::Level;
use super::{Evaluation, ItemCoverage, OVERALL_LABEL};

/// Columns of the 様式4 CSV.
pub const EVALUATION_HEADERS: [&str; 6] =
    ["評価項目", "区分", "管内の状況（在宅療養者中ありの％）", "人数", "レベル", "課題"];

/// 様式4 as rows (the eight items, then 総合評価および優先すべき課題), for CSV or print.
/// 管内の状況 that cannot be computed (N = 0) is `－` (see the 集計 CSV); 人数 is written
/// `1人/2人` (a bare `1/2` would become a date in Excel).
pub fn evaluation_rows(evaluation: &Evaluation, coverage: &[ItemCoverage; 8]) -> Vec<[String; 6]> {
    let mut rows: Vec<[String; 6]> = coverage
        .iter()
        .map(|c| {
            let (heading, sub) = c.item.heading();
            let row = evaluation.item(c.item);
            [
                heading.to_string(),
                sub.unwrap_or("").to_string(),
                c.figure.percent.map_or_else(|| "－".to_string(), |p| p.to_string()),
                format!("{}人/{}人", c.figure.count, c.figure.denominator_count),
                row.level.map(Level::letter).unwrap_or("").to_string(),
                row.issue.clone(),
            ]
        })
        .collect();
    rows.push([
        OVERALL_LABEL.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        evaluation.overall.clone(),
    ]);
    rows
}

/// 様式4 as a CSV file.
pub fn evaluation_csv(evaluation: &Evaluation, coverage: &[ItemCoverage; 8]) -> String {
    let rows: Vec<Vec<String>> = evaluation_rows(evaluation, coverage).into_iter().map(Vec::from).collect();
    crate::domain::csv::csv_table(&EVALUATION_HEADERS, &rows)
}
