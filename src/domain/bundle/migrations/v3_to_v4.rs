//! v3 → v4 (issue 19, 事業実績・進捗状況評価; issue 20, 人工呼吸器の備え).
//!
//! Version 4 adds record kinds and nothing else:
//! * `programme_result` (事業実績, one per programme with its indicators and a figure per 年度)
//!   and `progress_plan` (進捗状況評価, one per 課題 and 年度), kept under the fixed container
//!   地域診断 `prefecture-results` (see FORMAT.md and `domain::results`);
//! * `support_plan`, the 災害時個別支援計画 of a patient (one per patient, in its 地域診断).
//!
//! So a v3 file becomes v4 by its version number alone. The step refuses a v3 file that
//! already holds a v4 kind (version 3 had none: the file was changed by hand or written by
//! something else), naming what it found. The value is then checked completely as v4.

use crate::domain::bundle::error::ImportError;
use serde_json::{json, Value};

/// The record kinds version 4 brings, with the name the refusal uses.
pub const V4_KINDS: [(&str, &str); 3] = [
    ("programme_result", "事業実績・進捗状況評価"),
    ("progress_plan", "事業実績・進捗状況評価"),
    ("support_plan", "災害時個別支援計画"),
];

/// Converts a v3 (or older, already brought to v3) bundle value to v4.
pub fn migrate_v3_to_v4(mut value: Value) -> Result<Value, ImportError> {
    if let Some(root) = value.as_object_mut() {
        let records = root.get("records").and_then(Value::as_array);
        let newer = records.and_then(|rs| {
            rs.iter()
                .filter_map(|r| r.get("kind").and_then(Value::as_str))
                .find_map(|k| V4_KINDS.iter().find(|(key, _)| *key == k))
        });
        if let Some((kind, name)) = newer {
            return Err(ImportError::file(format!(
                "形式 v3 以前のファイルに{name}（kind {kind}）があります。{name}は形式 v4 からです"
            )));
        }
        root.insert("version".to_string(), json!(4));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v3_file_becomes_v4_unchanged_otherwise() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3,
            "records": [{"id": "p1", "kind": "patient"}], "history": []});
        let after = migrate_v3_to_v4(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(4));
        assert_eq!(after["records"], before["records"]);
        assert_eq!(after["history"], before["history"]);
    }

    #[test]
    fn a_programme_result_in_a_v3_file_is_refused() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3,
            "records": [{"id": "r1", "kind": "programme_result"}]});
        let err = migrate_v3_to_v4(before).expect_err("refused");
        assert!(err.to_string().contains("事業実績・進捗状況評価は形式 v4 から"), "{err}");
    }

    #[test]
    fn a_support_plan_in_a_v3_file_is_refused() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3,
            "records": [{"id": "sp1", "kind": "support_plan"}]});
        let err = migrate_v3_to_v4(before).expect_err("refused");
        assert!(err.to_string().contains("災害時個別支援計画は形式 v4 から"), "{err}");
    }
}
