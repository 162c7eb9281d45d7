//! v4 → v5 (issue 14, 管内マップ).
//!
//! Version 5 adds record kinds and nothing else (see `domain::map::records`):
//! * `facility` (施設: name, kind, other names, address, its 様式3 station, its place);
//! * `map_sheet` (管内マップ, one per 地域診断, ID `<地域診断>:map`: reference points, each
//!   patient's ◎, the distance counted as far);
//! * `base_map` (下図, one per 地域診断, ID `<地域診断>:base_map`: an image or outlines).
//!
//! So a v4 file becomes v5 by its version number alone. The step refuses a v4 (or older)
//! file that already holds one of these kinds (no app before version 5 wrote them: the file
//! was changed by hand or written by something else), naming the kind it found. The value
//! is then checked completely as v5.

use crate::domain::bundle::error::ImportError;
use serde_json::{json, Value};

/// The record kinds version 5 brings (all of the 管内マップ).
pub const V5_KINDS: [&str; 3] = ["facility", "map_sheet", "base_map"];

/// Converts a v4 (or older, already brought to v4) bundle value to v5.
pub fn migrate_v4_to_v5(mut value: Value) -> Result<Value, ImportError> {
    if let Some(root) = value.as_object_mut() {
        let records = root.get("records").and_then(Value::as_array);
        let newer = records.and_then(|rs| {
            rs.iter().filter_map(|r| r.get("kind").and_then(Value::as_str)).find(|k| V5_KINDS.contains(k))
        });
        if let Some(kind) = newer {
            return Err(ImportError::file(format!(
                "形式 v4 以前のファイルに管内マップ（{kind} など）の記録があります。管内マップは形式 v5 からです"
            )));
        }
        root.insert("version".to_string(), json!(5));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v4_file_becomes_v5_unchanged_otherwise() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 4,
            "records": [{"id": "p1", "kind": "patient"}, {"id": "sp1", "kind": "support_plan"}], "history": []});
        let after = migrate_v4_to_v5(before.clone()).expect("migrates");
        assert_eq!(after["version"], json!(5));
        assert_eq!(after["records"], before["records"]);
        assert_eq!(after["history"], before["history"]);
    }

    #[test]
    fn every_map_kind_in_a_v4_file_is_refused_by_name() {
        for kind in V5_KINDS {
            let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 4,
                "records": [{"id": "p1", "kind": "patient"}, {"id": "m1", "kind": kind}]});
            let err = migrate_v4_to_v5(before).expect_err("refused").to_string();
            assert!(err.contains(&format!("管内マップ（{kind} など）")), "{err}");
            assert!(err.contains("管内マップは形式 v5 から"), "{err}");
        }
    }

    /// A v3 file goes through v3 → v4 first (which knows nothing of the map and lets it by),
    /// then this step refuses it: 「v4 以前」 covers v3.
    #[test]
    fn a_facility_in_a_v3_file_is_refused_through_the_chain() {
        let before = json!({"format": "nanbyo-chiiki-shindan-bundle", "version": 3,
            "records": [{"id": "f1", "kind": "facility"}]});
        let err = crate::domain::bundle::migrations::migrate(before, 3).expect_err("refused").to_string();
        assert!(err.contains("形式 v4 以前のファイルに管内マップ（facility など）の記録があります"), "{err}");
    }
}
