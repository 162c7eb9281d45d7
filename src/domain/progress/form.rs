//! 進捗状況評価の入力: the 年度 as typed and the 課題 → 取組 → 事業 texts, read into a
//! [`ProgressIssue`] or refused with messages naming the field.

use super::{Initiative, ProgressIssue};
use crate::domain::fiscal_year::FiscalYear;
use serde::{Deserialize, Serialize};

/// Longest 課題・取組・事業名.
pub const MAX_TITLE_LEN: usize = 200;
/// Longest text of a cell (概要, 実績, 計画, 評価).
pub const MAX_TEXT_LEN: usize = 2000;

/// The form: the 年度 as typed, the rest as the record holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressForm {
    pub year: String,
    pub title: String,
    pub order: u32,
    pub initiatives: Vec<Initiative>,
}

impl ProgressForm {
    pub fn from_issue(issue: &ProgressIssue) -> ProgressForm {
        ProgressForm {
            year: issue.year.wareki(),
            title: issue.title.clone(),
            order: issue.order,
            initiatives: issue.initiatives.clone(),
        }
    }

    /// Reads the form; every problem is listed (each naming its field).
    pub fn parse(&self) -> Result<ProgressIssue, Vec<String>> {
        let mut errors = Vec::new();
        let year = FiscalYear::parse(&self.year).map_err(|e| errors.push(format!("年度: {e}"))).ok();
        let title = self.title.trim();
        check_title(title, "課題", &mut errors);
        let mut initiatives = self.initiatives.clone();
        for (n, i) in initiatives.iter_mut().enumerate() {
            i.title = i.title.trim().to_string();
            let at = format!("{}番目の取組", n + 1);
            check_title(&i.title, &at, &mut errors);
            for (k, p) in i.projects.iter_mut().enumerate() {
                p.name = p.name.trim().to_string();
                let at = if p.name.is_empty() {
                    format!("{at}の{}番目の事業", k + 1)
                } else {
                    format!("事業「{}」", p.name)
                };
                check_title(&p.name, &at, &mut errors);
                for (label, text) in [
                    ("事業概要", &p.summary),
                    ("前年度実績", &p.previous_result),
                    ("今年度計画", &p.plan),
                    ("今年度実績", &p.result),
                    ("評価", &p.evaluation),
                ] {
                    if text.chars().count() > MAX_TEXT_LEN {
                        errors.push(format!("{at}の{label}: {MAX_TEXT_LEN}文字までで入力してください"));
                    }
                }
                p.links.sort();
                p.links.dedup();
            }
        }
        match (errors.is_empty(), year) {
            (true, Some(year)) => Ok(ProgressIssue { year, title: title.to_string(), order: self.order, initiatives }),
            _ => Err(errors),
        }
    }
}

fn check_title(text: &str, field: &str, errors: &mut Vec<String>) {
    if text.is_empty() {
        errors.push(format!("{field}: 名前を入力してください"));
    } else if text.chars().count() > MAX_TITLE_LEN {
        errors.push(format!("{field}: {MAX_TITLE_LEN}文字までで入力してください"));
    }
}
