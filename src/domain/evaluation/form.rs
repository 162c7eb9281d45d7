//! 様式4 as typed ([`EvaluationForm`]): checked and tidied into the record.

use super::item::{ItemEvaluation, Level};
use super::{Evaluation, EvaluationItem};
use crate::domain::issues::Issues;
use serde::{Deserialize, Serialize};

/// Longest 課題 of one item (characters).
pub const MAX_ISSUE_TEXT: usize = 2_000;
/// Longest 総合評価および優先すべき課題 (characters).
pub const MAX_OVERALL_TEXT: usize = 4_000;

/// Field key of 総合評価および優先すべき課題.
pub const OVERALL_FIELD: &str = "overall";
/// Label of 総合評価および優先すべき課題.
pub const OVERALL_LABEL: &str = "総合評価および優先すべき課題";

/// Field key of an item's レベル: `specialist.level`.
pub fn level_field(item: EvaluationItem) -> String {
    format!("{}.level", item.key())
}

/// Field key of an item's 課題: `specialist.issue`.
pub fn issue_field(item: EvaluationItem) -> String {
    format!("{}.issue", item.key())
}

/// 様式4 as typed: the レベル chosen from a list, and the texts exactly as typed (a draft
/// keeps them as they are; [`EvaluationForm::parse`] tidies and checks them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationForm {
    /// The eight rows, in [`EvaluationItem::ALL`] order.
    pub items: [ItemEvaluation; 8],
    /// 総合評価および優先すべき課題, as typed.
    pub overall: String,
}

fn item_index(item: EvaluationItem) -> usize {
    EvaluationItem::ALL.iter().position(|&i| i == item).unwrap_or(0)
}

/// A long text: line breaks normalised to `\n`, trimmed, at most `max` characters; tabs and
/// line breaks allowed, other control characters refused.
fn parse_long_text(text: &str, max: usize, field: &str, label: &str, issues: &mut Issues) -> String {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    let len = t.chars().count();
    if len > max {
        issues.error(field, label, format!("{max}文字までで入力してください（現在{len}文字）"));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        issues.error(field, label, "使えない制御文字が含まれています");
    }
    t.to_string()
}

impl EvaluationForm {
    /// The form for a saved record.
    pub fn from_record(e: &Evaluation) -> EvaluationForm {
        EvaluationForm { items: EvaluationItem::ALL.map(|i| e.item(i).clone()), overall: e.overall.clone() }
    }

    /// The row of `item`.
    pub fn item(&self, item: EvaluationItem) -> &ItemEvaluation {
        // `item_index` is always < 8.
        &self.items[item_index(item) % 8]
    }

    /// The row of `item`, to bind to its inputs.
    pub fn item_mut(&mut self, item: EvaluationItem) -> &mut ItemEvaluation {
        &mut self.items[item_index(item) % 8]
    }

    /// The record, with warnings; or the errors that block saving. 課題 and 総合評価 are
    /// trimmed and their line breaks normalised. A レベル of C or D without a 課題 is a
    /// warning (the seed asks for the 課題 of what is not secured).
    pub fn parse(&self) -> Result<(Evaluation, Issues), Issues> {
        let mut issues = Issues::new();
        let mut evaluation = Evaluation::default();
        for item in EvaluationItem::ALL {
            let typed = self.item(item);
            let field = issue_field(item);
            let label = format!("{} 課題", item.label());
            let issue = parse_long_text(&typed.issue, MAX_ISSUE_TEXT, &field, &label, &mut issues);
            if matches!(typed.level, Some(Level::C | Level::D)) && issue.is_empty() {
                issues.warning(&field, &label, "レベルがC・Dの項目は課題を記入してください");
            }
            *evaluation.item_mut(item) = ItemEvaluation { level: typed.level, issue };
        }
        evaluation.overall =
            parse_long_text(&self.overall, MAX_OVERALL_TEXT, OVERALL_FIELD, OVERALL_LABEL, &mut issues);
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((evaluation, issues))
        }
    }

    /// The findings without building the record (to show beside the inputs while typing).
    pub fn issues(&self) -> Issues {
        match self.parse() {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }
}
