//! v5 → v6 (issue 20, 補助の上限表).
//!
//! Version 6 adds one record kind and one optional field (see `domain::ventilator::tables`):
//! * `subsidy_table` (補助の上限表, one per 地域診断, ID `<地域診断>:subsidy_table`: the
//!   管内共通 table of 限度額・耐用年数・他の公的制度 and the 市町村 whose own table differs).
//!
//! * `map_sheet.areas` (issue 14): where the nurse put each 市町村's labelled area on a plain
//!   sheet or an image (absent when she moved none).
//!
//! So a v5 file becomes v6 by its version number alone. The step refuses a v5 (or older)
//! file that already holds a `subsidy_table` record (no app before version 6 wrote one: the
//! file was changed by hand or written by something else), naming it. The value is then
//! checked completely as v6.

use crate::domain::bundle::error::ImportError;
use serde_json::{json, Value};

/// The record kind version 6 brings.
pub const V6_KIND: &str = "subsidy_table";

/// Converts a v5 (or older, already brought to v5) bundle value to v6.
pub fn migrate_v5_to_v6(mut value: Value) -> Result<Value, ImportError> {
    if let Some(root) = value.as_object_mut() {
        let records = root.get("records").and_then(Value::as_array);
        let newer = records.is_some_and(|rs| rs.iter().any(|r| r.get("kind").and_then(Value::as_str) == Some(V6_KIND)));
        if newer {
            return Err(ImportError::file(format!(
                "形式 v5 以前のファイルに補助の上限表（{V6_KIND}）の記録があります。補助の上限表は形式 v6 からです"
            )));
        }
        let areas = records.is_some_and(|rs| {
            rs.iter().any(|r| {
                r.get("kind").and_then(Value::as_str) == Some("map_sheet")
                    && r.get("body").and_then(|b| b.get("areas")).is_some()
            })
        });
        if areas {
            return Err(ImportError::file(
                "形式 v5 以前のファイルの管内マップに市町村の位置（areas）があります。市町村の位置は形式 v6 からです",
            ));
        }
        root.insert("version".to_string(), json!(6));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::migrations::migrate;

    /// A file written by version 5 (the corpus's `full_v5.json`: every kind up to the 管内マップ,
    /// with 変更履歴).
    fn written_by_v5() -> Value {
        serde_json::from_str(include_str!("../../../../tests/bundles/good/full_v5.json")).expect("v5 file")
    }

    #[test]
    fn a_v5_file_becomes_v6_unchanged_otherwise() {
        let before = written_by_v5();
        assert_eq!(before["version"], json!(5));
        let after = migrate_v5_to_v6(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(6));
        let mut again = after.clone();
        again["version"] = json!(5);
        assert_eq!(again, before, "only the version changes");
        assert_eq!(migrate(before, 5).expect("through the chain"), after);
    }

    #[test]
    fn a_subsidy_table_in_a_v5_file_is_refused_by_name() {
        let mut before = written_by_v5();
        let records = before["records"].as_array_mut().expect("records");
        records.push(json!({"id": "d-2025:subsidy_table", "kind": "subsidy_table"}));
        let err = migrate_v5_to_v6(before).expect_err("refused").to_string();
        assert!(
            err.contains(
                "形式 v5 以前のファイルに補助の上限表（subsidy_table）の記録があります。補助の上限表は形式 v6 からです"
            ),
            "{err}"
        );
    }

    /// Issue 14: 市町村 areas on the 管内マップ are new in v6; a v5 file's map without them
    /// passes (the corpus's v5 file has a map), one with them is refused by name.
    #[test]
    fn map_areas_in_a_v5_file_are_refused_by_name() {
        let mut before = written_by_v5();
        let records = before["records"].as_array_mut().expect("records");
        let sheet = records.iter_mut().find(|r| r["kind"] == json!("map_sheet")).expect("the v5 file has a map");
        sheet["body"]["areas"] = json!([{"municipality": "A市", "position": {"type": "sheet", "x": 1.0, "y": 2.0}}]);
        let err = migrate_v5_to_v6(before).expect_err("refused").to_string();
        assert!(err.contains("形式 v5 以前のファイルの管内マップに市町村の位置（areas）があります"), "{err}");
    }

    /// A v4 file goes through v4 → v5 (which knows nothing of the 補助の上限表 and lets it by)
    /// and then this step: a clean one arrives as v6, one holding the table is refused here
    /// (「v5 以前」 covers v4).
    #[test]
    fn a_v4_file_goes_through_the_chain() {
        let v4 = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 4,
            "records": [{"id": "p1", "kind": "patient"}, {"id": "sp1", "kind": "support_plan"}], "history": []});
        let after = migrate(v4.clone(), 4).expect("migrates");
        assert_eq!(after["version"], json!(6));
        assert_eq!(after["records"], v4["records"]);
        let with_table = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 4,
            "records": [{"id": "d1:subsidy_table", "kind": "subsidy_table"}]});
        let err = migrate(with_table, 4).expect_err("refused").to_string();
        assert!(err.contains("形式 v5 以前のファイルに補助の上限表（subsidy_table）の記録があります"), "{err}");
    }
}
