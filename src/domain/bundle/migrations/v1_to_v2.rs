//! v1 → v2.
//!
//! Version 2 adds one optional field: a 療養者's `furigana` (ふりがな, issue 16), absent when
//! blank. Everything else is as in version 1, so a v1 file becomes v2 by its version number
//! alone; the step refuses a v1 file whose 療養者 already carry `furigana` (version 1 had no
//! such field: the file was changed by hand or written by something else), naming the record.
//! The value is then checked completely as v2.
//!
//! Structural faults (a root that is not an object, `records` that is not an array, a record
//! that is not an object) are left for the full check, which names them as it always has.

use crate::domain::bundle::error::{ImportError, Problems};
use serde_json::{json, Value};

/// Converts a v1 bundle value to v2.
pub fn migrate_v1_to_v2(mut value: Value) -> Result<Value, ImportError> {
    let mut ps = Problems::default();
    if let Some(records) = value.get("records").and_then(Value::as_array) {
        for (i, r) in records.iter().enumerate() {
            let is_patient = r.get("kind").and_then(Value::as_str) == Some("patient");
            let has_furigana = r.get("body").and_then(Value::as_object).is_some_and(|b| b.contains_key("furigana"));
            if is_patient && has_furigana {
                ps.at(
                    &format!("records[{i}]"),
                    "body/furigana",
                    "ふりがな",
                    "形式 v1 のファイルにはない項目です（ふりがなは形式 v2 から）",
                );
            }
            if ps.is_full() {
                break;
            }
        }
    }
    ps.into_result(())?;
    if let Some(root) = value.as_object_mut() {
        root.insert("version".to_string(), json!(2));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v1(body: Value) -> Value {
        json!({
            "format": "nanbyo-chiiki-shindan-bundle", "version": 1, "exported_at": 5,
            "records": [{"id": "p1", "kind": "patient", "body": body}]
        })
    }

    #[test]
    fn a_v1_file_becomes_v2_unchanged_otherwise() {
        let before = v1(json!({"id_number": "A-1", "name": "山田"}));
        let after = migrate_v1_to_v2(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(2));
        assert_eq!(after["records"], before["records"]);
        assert_eq!(after["exported_at"], before["exported_at"]);
    }

    #[test]
    fn furigana_in_a_v1_file_is_refused_by_place() {
        let e = migrate_v1_to_v2(v1(json!({"id_number": "A-1", "furigana": "やまだ"}))).expect_err("refused");
        let text = e.to_string();
        assert!(text.contains("records[0]の body/furigana（ふりがな）: 形式 v1 のファイルにはない項目です"), "{text}");
    }

    #[test]
    fn structural_faults_are_left_for_the_full_check() {
        assert_eq!(migrate_v1_to_v2(json!([1])).expect("passes"), json!([1]));
        let odd = json!({"version": 1, "records": "none"});
        assert_eq!(migrate_v1_to_v2(odd).expect("passes")["records"], json!("none"));
        // A station may not have furigana either, but that is the body check's to say.
        let station = json!({"version": 1, "records": [{"kind": "station", "body": {"furigana": "x"}}]});
        assert!(migrate_v1_to_v2(station).is_ok());
    }
}
