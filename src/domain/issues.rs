//! 入力チェック: errors (block saving) and warnings (shown, do not block), each naming the
//! field in Japanese.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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

    /// The message when a save is refused, in plain sentences (a field's own message may hold
    /// brackets, so the first error is not put inside more of them):
    /// 「入力に誤りがあるため保存していません。年齢: 数字で入力してください。ほかに2件の誤りがあります。」
    pub fn refusal(&self) -> String {
        let mut errors = self.errors();
        let Some(first) = errors.next() else {
            return "入力に誤りがあるため保存していません。".to_string();
        };
        let first = first.to_string();
        let stop = if first.ends_with('。') { "" } else { "。" };
        match errors.count() {
            0 => format!("入力に誤りがあるため保存していません。{first}{stop}"),
            more => format!("入力に誤りがあるため保存していません。{first}{stop}ほかに{more}件の誤りがあります。"),
        }
    }

    /// The findings a new form shows before its first 保存: only those of the fields the nurse
    /// has changed (`touched` holds the changed inputs' names). A field's three-state buttons
    /// (`id__state`) and a row's inputs (`fte.0.hours` for the row `fte.0`) count as the field.
    pub fn touched_only(&self, touched: &BTreeSet<String>) -> Issues {
        let is_touched = |field: &str| {
            touched.iter().any(|name| {
                let name = name.strip_suffix("__state").unwrap_or(name);
                name == field
                    || name.strip_prefix(field).is_some_and(|rest| rest.starts_with('.'))
                    || field.strip_prefix(name).is_some_and(|rest| rest.starts_with('.'))
            })
        };
        Issues(self.0.iter().filter(|i| is_touched(&i.field)).cloned().collect())
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
        assert_eq!(issues.refusal(), "入力に誤りがあるため保存していません。年齢: 数字で入力してください。");
    }

    #[test]
    fn a_refusal_never_nests_brackets_and_counts_the_other_errors() {
        // Regression (issue 16 item 8): 「…（ID番号: ID番号を入力してください（氏名の代わりに使います））」.
        let mut issues = Issues::new();
        issues.error("id_number", "ID番号", "ID番号を入力してください（氏名の代わりに使います）");
        issues.warning("age", "年齢", "100歳を超えています");
        issues.error("onset", "発症時期", "年月で入力してください");
        issues.error("adl", "ADL", "1〜4で選んでください");
        assert_eq!(
            issues.refusal(),
            "入力に誤りがあるため保存していません。ID番号: ID番号を入力してください（氏名の代わりに使います）。ほかに2件の誤りがあります。"
        );
        assert!(!issues.refusal().contains("））"));
    }

    #[test]
    fn a_new_form_shows_only_the_findings_of_the_fields_she_changed() {
        // Regression (issue 16 item 8): a new patient form opened with a red error on ID番号.
        let mut issues = Issues::new();
        issues.error("id_number", "ID番号", "ID番号を入力してください（氏名の代わりに使います）");
        issues.error("age", "年齢", "数字で入力してください");
        issues.warning("visits.station_weekly", "訪問回数", "多すぎます");
        issues.error("fte.0.hours", "勤務時間", "数字で入力してください");
        let touched = |names: &[&str]| names.iter().map(|n| (*n).to_string()).collect::<BTreeSet<_>>();
        assert!(issues.touched_only(&touched(&[])).is_empty());
        let fields = |shown: Issues| shown.0.into_iter().map(|i| i.field).collect::<Vec<_>>();
        assert_eq!(fields(issues.touched_only(&touched(&["age"]))), ["age"]);
        assert_eq!(fields(issues.touched_only(&touched(&["visits.station_weekly__state"]))), ["visits.station_weekly"]);
        assert_eq!(fields(issues.touched_only(&touched(&["fte.0"]))), ["fte.0.hours"]);
        // `age` is not a prefix of `age_band`, nor `fte.1` of `fte.0.hours`.
        assert!(issues.touched_only(&touched(&["age_band", "fte.1"])).is_empty());
    }
}
