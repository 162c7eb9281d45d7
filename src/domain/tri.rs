//! 三状態: the seed's 「なしは0・不明は空白」 coding as a type.
//!
//! The workbook writes *none* as `0` and *unknown* as a blank cell, and its 集計 depends on
//! the difference. Here every such field is a [`Tri`], so *unknown* can never silently become
//! `0` (or the other way round).

use serde::{Deserialize, Serialize};

/// 不明（空白） / なし（0） / 値.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
pub enum Tri<T> {
    /// 不明: left blank on the paper form.
    #[default]
    Unknown,
    /// なし: written as 0 on the paper form.
    None,
    /// A value (a facility name, a description, a code).
    Value(T),
}

impl<T> Tri<T> {
    /// あり: a value other than なし and 不明 (the seed's rule for facility-name fields).
    pub fn is_present(&self) -> bool {
        matches!(self, Tri::Value(_))
    }

    /// 不明 (blank).
    pub fn is_unknown(&self) -> bool {
        matches!(self, Tri::Unknown)
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Tri::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Maps the value, keeping なし and 不明.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Tri<U> {
        match self {
            Tri::Unknown => Tri::Unknown,
            Tri::None => Tri::None,
            Tri::Value(v) => Tri::Value(f(v)),
        }
    }

    /// Label of the state for lists and CSV: the value through `show`, `0` or blank.
    pub fn as_cell(&self, show: impl FnOnce(&T) -> String) -> String {
        match self {
            Tri::Unknown => String::new(),
            Tri::None => "0".to_string(),
            Tri::Value(v) => show(v),
        }
    }
}

impl Tri<String> {
    /// Reads a text cell as the workbook does: blank → 不明, `0` (or `０`, `なし`) → なし,
    /// anything else → the trimmed text.
    pub fn from_cell(text: &str) -> Tri<String> {
        let t = text.trim();
        match t {
            "" => Tri::Unknown,
            "0" | "０" | "なし" | "無" => Tri::None,
            _ => Tri::Value(t.to_string()),
        }
    }

    /// The text as typed in a form: value → text, なし/不明 → empty (the state is shown by
    /// the three-state control beside it).
    pub fn text(&self) -> &str {
        match self {
            Tri::Value(v) => v,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_workbook_coding() {
        assert_eq!(Tri::from_cell(""), Tri::Unknown);
        assert_eq!(Tri::from_cell("  "), Tri::Unknown);
        assert_eq!(Tri::from_cell("0"), Tri::None);
        assert_eq!(Tri::from_cell("０"), Tri::None);
        assert_eq!(Tri::from_cell(" 県立Ａ病院 "), Tri::Value("県立Ａ病院".to_string()));
        assert!(Tri::from_cell("Ｂ大学病院").is_present());
        assert!(!Tri::from_cell("0").is_present());
        assert!(!Tri::from_cell("").is_present());
    }

    #[test]
    fn serde_shape_is_explicit() {
        let json = serde_json::to_string(&Tri::Value(3u8)).unwrap_or_default();
        assert_eq!(json, r#"{"state":"value","value":3}"#);
        let json = serde_json::to_string(&Tri::<u8>::Unknown).unwrap_or_default();
        assert_eq!(json, r#"{"state":"unknown"}"#);
        let back: Tri<u8> = serde_json::from_str(r#"{"state":"none"}"#).unwrap_or(Tri::Unknown);
        assert_eq!(back, Tri::None);
    }

    #[test]
    fn cell_rendering() {
        assert_eq!(Tri::<u8>::Unknown.as_cell(|v| v.to_string()), "");
        assert_eq!(Tri::<u8>::None.as_cell(|v| v.to_string()), "0");
        assert_eq!(Tri::Value(5u8).as_cell(|v| v.to_string()), "5");
    }
}
