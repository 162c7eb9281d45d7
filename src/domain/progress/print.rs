//! 様式1－2 as printed (A4 landscape, like seed 001): 課題 | 取組 | 事業名 | 事業概要 |
//! 前年度実績 | 今年度計画（予算規模等） | 今年度実績 | 国庫負担 | 評価, the 課題 and 取組 cells
//! spanning their lines.

use super::{shown_results, ProgressIssue};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::results::ProgrammeResult;

/// The column headings for 今年度 `year` (平成30年度実績, 令和元年度計画（予算規模等）, 令和元年度実績).
pub fn headings(year: FiscalYear) -> [String; 9] {
    let previous = year.previous().map_or_else(|_| "前年度".to_string(), |y| y.wareki());
    [
        "課題".to_string(),
        "取組".to_string(),
        "事業名".to_string(),
        "事業概要".to_string(),
        format!("{previous}実績"),
        format!("{}計画（予算規模等）", year.wareki()),
        format!("{}実績", year.wareki()),
        "国庫負担".to_string(),
        "評価".to_string(),
    ]
}

/// One printed line (one 事業; a 取組 or 課題 without 事業 has one empty line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintRow {
    /// The 課題 cell on its first line, with its span.
    pub issue: Option<(String, usize)>,
    /// The 取組 cell on its first line, with its span.
    pub initiative: Option<(String, usize)>,
    /// 事業名, 事業概要, 前年度実績, 今年度計画, 今年度実績, 国庫負担 (〇 or empty), 評価.
    pub cells: [String; 7],
}

/// The lines of one 課題.
pub fn print_rows(issue: &ProgressIssue, results: &[(RecordId, ProgrammeResult)]) -> Vec<PrintRow> {
    let issue_span: usize = issue.initiatives.iter().map(|i| i.projects.len().max(1)).sum::<usize>().max(1);
    let mut rows = Vec::new();
    if issue.initiatives.is_empty() {
        rows.push(PrintRow { issue: Some((issue.title.clone(), 1)), initiative: None, cells: Default::default() });
    }
    for initiative in &issue.initiatives {
        let span = initiative.projects.len().max(1);
        let mut first_of_initiative = true;
        let mut lines: Vec<[String; 7]> = initiative
            .projects
            .iter()
            .map(|p| {
                let (previous, result) = shown_results(p, issue.year, results);
                [
                    p.name.clone(),
                    p.summary.clone(),
                    previous,
                    p.plan.clone(),
                    result,
                    if p.national_subsidy { "〇".to_string() } else { String::new() },
                    p.evaluation.clone(),
                ]
            })
            .collect();
        if lines.is_empty() {
            lines.push(Default::default());
        }
        for cells in lines {
            let issue_cell = rows.is_empty().then(|| (issue.title.clone(), issue_span));
            let initiative_cell = first_of_initiative.then(|| (initiative.title.clone(), span));
            first_of_initiative = false;
            rows.push(PrintRow { issue: issue_cell, initiative: initiative_cell, cells });
        }
    }
    rows
}
