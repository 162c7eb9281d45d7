//! 取り込みエラー: every problem found in a bundle, each saying where and what, in Japanese.

use std::fmt;

/// The most problems one import reports (a broken file could otherwise produce thousands).
pub const MAX_PROBLEMS: usize = 50;

/// One problem in a bundle file (問題点).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// Which record, e.g. `records[12]（療養者 ID p-3）`; empty for the file as a whole.
    pub record: String,
    /// Which field, e.g. `body.age`; empty for the record (or file) as a whole.
    pub field: String,
    /// The field's Japanese name (e.g. 年齢), when known.
    pub label: String,
    /// What is wrong (日本語).
    pub message: String,
}

impl ImportProblem {
    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> ImportProblem {
        ImportProblem { record: String::new(), field: String::new(), label: String::new(), message: message.into() }
    }
}

impl fmt::Display for ImportProblem {
    /// `records[12]（療養者 ID p-3）の body.age（年齢）: 年齢は0〜120で入力してください`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = String::new();
        if !self.record.is_empty() {
            place.push_str(&self.record);
        }
        if !self.field.is_empty() {
            if !place.is_empty() {
                place.push_str("の ");
            }
            place.push_str(&self.field);
            if !self.label.is_empty() {
                place.push('（');
                place.push_str(&self.label);
                place.push('）');
            }
        }
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

/// Why a bundle was refused (取り込めない理由). Nothing has been written when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The problems, in file order, at most [`MAX_PROBLEMS`].
    pub problems: Vec<ImportProblem>,
    /// How many more problems there were beyond [`MAX_PROBLEMS`].
    pub omitted: usize,
}

impl ImportError {
    /// A refusal with one problem about the whole file.
    pub fn file(message: impl Into<String>) -> ImportError {
        ImportError { problems: vec![ImportProblem::file(message)], omitted: 0 }
    }

    /// The lines to show the nurse, with 「ほか N 件」 when some were left out.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        if self.omitted > 0 {
            lines.push(format!("ほか{}件の問題があります", self.omitted));
        }
        lines
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

/// Collects problems up to [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<ImportProblem>,
    omitted: usize,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: ImportProblem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(problem);
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    /// A problem at `record` (may be empty) and `field` (may be empty).
    pub(crate) fn at(&mut self, record: &str, field: &str, label: &str, message: impl Into<String>) {
        self.push(ImportProblem {
            record: record.to_string(),
            field: field.to_string(),
            label: label.to_string(),
            message: message.into(),
        });
    }

    /// Enough found to stop looking (saves time on a hostile file).
    pub(crate) fn is_full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn into_result<T>(self, value: T) -> Result<T, ImportError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(ImportError { problems: self.list, omitted: self.omitted })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_say_where_and_what() {
        let p = ImportProblem {
            record: "records[12]（療養者 ID p-3）".into(),
            field: "body.age".into(),
            label: "年齢".into(),
            message: "年齢は0〜120で入力してください".into(),
        };
        assert_eq!(p.to_string(), "records[12]（療養者 ID p-3）の body.age（年齢）: 年齢は0〜120で入力してください");
        assert_eq!(ImportProblem::file("ファイルが空です").to_string(), "ファイルが空です");
    }

    #[test]
    fn problems_are_capped() {
        let mut ps = Problems::default();
        for i in 0..(MAX_PROBLEMS + 3) {
            ps.at("", "", "", format!("問題{i}"));
        }
        assert!(ps.is_full());
        let err = ps.into_result(()).expect_err("has problems");
        assert_eq!(err.problems.len(), MAX_PROBLEMS);
        assert_eq!(err.lines().last().map(String::as_str), Some("ほか3件の問題があります"));
    }
}
