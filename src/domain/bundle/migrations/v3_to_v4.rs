//! v3 → v4 (issue 20, 人工呼吸器の備え).
//!
//! Version 4 adds one record kind: `support_plan`, the 災害時個別支援計画 of a patient (see
//! FORMAT.md). Everything else is as in version 3, so a v3 file becomes v4 by its version
//! number alone; the step refuses a v3 file that already holds a `support_plan` record
//! (version 3 had no such kind: the file was changed by hand or written by something else).
//! The value is then checked completely as v4.
//!
//! Merge note: another branch (事業実績/進捗状況評価) also makes a v4 with its own kinds; this
//! step only concerns `support_plan`.

use crate::domain::bundle::error::ImportError;
use serde_json::{json, Value};

/// The record kind version 4 brings.
pub const V4_KINDS: [&str; 1] = ["support_plan"];

/// Converts a v3 (or older, already brought to v3) bundle value to v4.
pub fn migrate_v3_to_v4(mut value: Value) -> Result<Value, ImportError> {
    if let Some(root) = value.as_object_mut() {
        let has_v4_kind = root.get("records").and_then(Value::as_array).is_some_and(|records| {
            records.iter().any(|r| r.get("kind").and_then(Value::as_str).is_some_and(|k| V4_KINDS.contains(&k)))
        });
        if has_v4_kind {
            return Err(ImportError::file(
                "形式 v3 以前のファイルに災害時個別支援計画（support_plan）の記録があります。災害時個別支援計画は形式 v4 からです",
            ));
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
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3, "records": [{"id": "p1", "kind": "patient"}], "history": []});
        let after = migrate_v3_to_v4(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(4));
        assert_eq!(after["records"], before["records"]);
        assert_eq!(after["history"], before["history"]);
    }

    #[test]
    fn a_support_plan_in_a_v3_file_is_refused() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3, "records": [{"id": "sp1", "kind": "support_plan"}]});
        let err = migrate_v3_to_v4(before).expect_err("refused");
        assert!(err.to_string().contains("災害時個別支援計画は形式 v4 から"), "{err}");
    }
}
