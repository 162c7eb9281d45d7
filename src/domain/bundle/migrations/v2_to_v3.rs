//! v2 → v3.
//!
//! Version 3 adds one optional top-level list: `history`, the 変更履歴 of the records in the
//! file (issue 17), absent when empty — and it is empty unless the nurse chose to include
//! it. Everything else is as in version 2, so a v2 file becomes v3 by its version number
//! alone; the step refuses a v2 file that already carries `history` (version 2 had no such
//! list: the file was changed by hand or written by something else). The value is then
//! checked completely as v3.

use crate::domain::bundle::error::ImportError;
use serde_json::{json, Value};

/// Converts a v2 (or v1, already brought to v2) bundle value to v3.
pub fn migrate_v2_to_v3(mut value: Value) -> Result<Value, ImportError> {
    if let Some(root) = value.as_object_mut() {
        if root.contains_key("history") {
            return Err(ImportError::file(
                "形式 v2 以前のファイルに変更履歴（history）があります。変更履歴は形式 v3 からです",
            ));
        }
        root.insert("version".to_string(), json!(3));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v2_file_becomes_v3_unchanged_otherwise() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 2, "records": [{"id": "p1"}]});
        let after = migrate_v2_to_v3(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(3));
        assert_eq!(after["records"], before["records"]);
    }

    #[test]
    fn history_in_a_v2_file_is_refused() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 2, "records": [], "history": []});
        let err = migrate_v2_to_v3(before).expect_err("refused");
        assert!(err.to_string().contains("変更履歴は形式 v3 から"), "{err}");
    }
}
