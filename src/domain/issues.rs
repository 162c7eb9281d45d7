//! 入力チェック: errors (block saving) and warnings (shown, do not block), each naming the
//! field in Japanese.

use serde::{Deserialize, Serialize};
use std::fmt;

/// エラー or 注意.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// エラー: the record cannot be saved until it is corrected.
    Error,
    /// 注意: shown, saving is allowed.
    Warning,
}

impl Severity {
    /// The word shown before a message: エラー / 注意.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "エラー",
            Severity::Warning => "注意",
        }
    }
}

/// One finding about one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Stable key of the field (the form places the message beside that input), e.g.
    /// `"visits.station_weekly"`.
    pub field: String,
    /// The field's name on the paper form, e.g. `訪問看護ステーション 1週間の合計訪問回数`.
    pub label: String,
    /// What is wrong, in Japanese.
    pub message: String,
    pub severity: Severity,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.message)
    }
}

/// All findings for one record or form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    pub fn new() -> Issues {
        Issues(Vec::new())
    }

    /// Adds an error for `field`.
    pub fn error(&mut self, field: &str, label: &str, message: impl Into<String>) {
        self.push(field, label, message.into(), Severity::Error);
    }

    /// Adds a warning for `field`.
    pub fn warning(&mut self, field: &str, label: &str, message: impl Into<String>) {
        self.push(field, label, message.into(), Severity::Warning);
    }

    fn push(&mut self, field: &str, label: &str, message: String, severity: Severity) {
        self.0.push(Issue { field: field.to_string(), label: label.to_string(), message, severity });
    }

    /// Any error (saving is blocked)?
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.0.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.0.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// Findings for one field (to show beside its input).
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.0.iter().filter(move |i| i.field == field)
    }

    /// Does `field` have an error (its input is marked `aria-invalid`)? A warning does not count.
    pub fn field_has_error(&self, field: &str) -> bool {
        self.for_field(field).any(|i| i.severity == Severity::Error)
    }

    /// The message when a save is refused: 「入力に誤りがあるため保存していません（最初の誤り）」.
    pub fn refusal(&self) -> String {
        let first = self.errors().next().map(ToString::to_string).unwrap_or_default();
        format!("入力に誤りがあるため保存していません（{first}）")
    }

    pub fn extend(&mut self, other: Issues) {
        self.0.extend(other.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_block_warnings_do_not() {
        let mut issues = Issues::new();
        issues.warning("programme.used", "在宅人工呼吸器使用患者支援事業 利用", "人工呼吸器が「無」です");
        assert!(!issues.has_errors());
        issues.error("age", "年齢", "数字で入力してください");
        assert!(issues.has_errors());
        assert_eq!(issues.for_field("age").count(), 1);
        assert_eq!(issues.errors().next().map(ToString::to_string), Some("年齢: 数字で入力してください".to_string()));
        assert!(issues.field_has_error("age"));
        assert!(!issues.field_has_error("programme.used"), "a warning is not an error");
        assert!(!issues.field_has_error("name"));
        assert_eq!((Severity::Error.label(), Severity::Warning.label()), ("エラー", "注意"));
        assert_eq!(issues.refusal(), "入力に誤りがあるため保存していません（年齢: 数字で入力してください）");
    }
}
