//! v0 → v1.
//!
//! Version 0 was the first, flat export (the prototype): no device, no scope, no per-field
//! stamps, no revision counter, and the trash was a boolean.
//!
//! ```json
//! { "format": "nanbyo-chiiki-shindan-bundle", "version": 0, "exported_at": 1700000000000,
//!   "diagnoses": [ { "id": "d1", "kind": "diagnosis", "updated_at": 1700000000000,
//!                    "body": { "jurisdiction": "…", "fiscal_year": 2023 } } ],
//!   "records":   [ { "id": "p1", "diagnosis_id": "d1", "kind": "patient",
//!                    "updated_at": 1700000000000, "deleted": false, "body": { … } } ] }
//! ```
//!
//! The step: `app_version` = `"v0"`, `device` = [`V0_DEVICE`], `scope` = all,
//! `anonymised` = false; per record `created_at` = `updated_at`, `updated_by` = [`V0_DEVICE`],
//! `rev` = 1, `deleted: true` → `deleted_at` = `updated_at`, a 地域診断's `diagnosis_id` =
//! its own `id`, and every leaf of the body stamped (`updated_at`, [`V0_DEVICE`], no
//! history). Bodies are unchanged. Anything else in a v0 record is refused.

use crate::domain::bundle::error::{ImportError, Problems};
use crate::domain::bundle::scan::clip;
use crate::domain::record::leaf_paths;
use serde_json::{json, Map, Value};

/// The device name given to records that came from a v0 file.
pub const V0_DEVICE: &str = "v0-import";

const V0_TOP_KEYS: [&str; 5] = ["format", "version", "exported_at", "diagnoses", "records"];
const V0_RECORD_KEYS: [&str; 6] = ["id", "diagnosis_id", "kind", "updated_at", "deleted", "body"];

/// Converts a v0 bundle value to v1.
pub fn migrate_v0_to_v1(value: Value) -> Result<Value, ImportError> {
    let Value::Object(mut root) = value else {
        return Err(ImportError::file("ファイル全体が { } のオブジェクトではありません"));
    };
    let mut ps = Problems::default();
    for key in root.keys().filter(|k| !V0_TOP_KEYS.contains(&k.as_str())) {
        ps.at("", &clip(key, 40), "", "v0 の形式にはない項目です");
    }
    let exported_at = root.get("exported_at").cloned().unwrap_or(Value::Null);
    if exported_at.is_null() {
        ps.at("", "exported_at", "書き出し日時", "必要な項目がありません");
    }
    let mut lists = Map::new();
    for list in ["diagnoses", "records"] {
        let items = match root.remove(list) {
            Some(Value::Array(items)) => items,
            Some(_) => {
                ps.at("", list, "", "記録の一覧が配列 [ ] ではありません");
                Vec::new()
            }
            None => {
                ps.at("", list, "", "必要な項目がありません");
                Vec::new()
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            if ps.is_full() {
                break;
            }
            let place = format!("{list}[{i}]");
            match item {
                Value::Object(r) => out.push(migrate_record(r, list == "diagnoses", &place, &mut ps)),
                _ => ps.at(&place, "", "", "記録が { } のオブジェクトではありません"),
            }
        }
        lists.insert(list.to_string(), Value::Array(out));
    }
    ps.into_result(())?;
    Ok(json!({
        "format": root.get("format").cloned().unwrap_or(Value::Null),
        "version": 1,
        "exported_at": exported_at,
        "app_version": "v0",
        "device": V0_DEVICE,
        "scope": {"type": "all"},
        "anonymised": false,
        "diagnoses": lists.remove("diagnoses").unwrap_or(Value::Array(Vec::new())),
        "records": lists.remove("records").unwrap_or(Value::Array(Vec::new())),
    }))
}

fn migrate_record(mut r: Map<String, Value>, is_diagnosis: bool, place: &str, ps: &mut Problems) -> Value {
    for key in r.keys().filter(|k| !V0_RECORD_KEYS.contains(&k.as_str())) {
        ps.at(place, &clip(key, 40), "", "v0 の形式にはない項目です");
    }
    let updated_at = r.get("updated_at").cloned().unwrap_or(Value::Null);
    let deleted = match r.remove("deleted") {
        None | Some(Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(_) => {
            ps.at(place, "deleted", "ゴミ箱", "true か false で書きます");
            false
        }
    };
    if is_diagnosis && !r.contains_key("diagnosis_id") {
        if let Some(id) = r.get("id").cloned() {
            r.insert("diagnosis_id".to_string(), id);
        }
    }
    let body = r.get("body").cloned().unwrap_or(Value::Null);
    let stamps: Map<String, Value> = if body.is_object() {
        leaf_paths(&body)
            .into_keys()
            .map(|path| (path, json!({"at": updated_at.clone(), "device": V0_DEVICE})))
            .collect()
    } else {
        Map::new()
    };
    r.insert("created_at".to_string(), updated_at.clone());
    r.insert("updated_by".to_string(), json!(V0_DEVICE));
    r.insert("rev".to_string(), json!(1));
    if deleted {
        r.insert("deleted_at".to_string(), updated_at);
    }
    r.insert("stamps".to_string(), Value::Object(stamps));
    Value::Object(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v0_records_get_envelopes_and_stamps() {
        let v0 = json!({
            "format": "nanbyo-chiiki-shindan-bundle", "version": 0, "exported_at": 5,
            "diagnoses": [{"id": "d1", "kind": "diagnosis", "updated_at": 5, "body": {"jurisdiction": "A", "fiscal_year": 2023}}],
            "records": [{"id": "s1", "diagnosis_id": "d1", "kind": "station", "updated_at": 7, "deleted": true, "body": {"name": "Aステーション"}}]
        });
        let v1 = migrate_v0_to_v1(v0).expect("migrates");
        assert_eq!(v1["version"], json!(1));
        assert_eq!(v1["scope"], json!({"type": "all"}));
        assert_eq!(v1["diagnoses"][0]["diagnosis_id"], json!("d1"));
        assert_eq!(v1["diagnoses"][0]["stamps"]["fiscal_year"], json!({"at": 5, "device": V0_DEVICE}));
        let s = &v1["records"][0];
        assert_eq!(s["deleted_at"], json!(7));
        assert_eq!(s["created_at"], json!(7));
        assert_eq!(s["rev"], json!(1));
        assert!(s.get("deleted").is_none());
    }

    #[test]
    fn bad_v0_is_refused_with_places() {
        let v0 = json!({"format": "x", "version": 0, "exported_at": 1, "diagnoses": [3], "records": [{"id": "a", "deleted": "yes", "extra": 1}]});
        let e = migrate_v0_to_v1(v0).expect_err("refused").to_string();
        assert!(e.contains("diagnoses[0]: 記録が { } のオブジェクトではありません"), "{e}");
        assert!(e.contains("records[0]の deleted（ゴミ箱）: true か false で書きます"), "{e}");
        assert!(e.contains("records[0]の extra: v0 の形式にはない項目です"), "{e}");
        assert!(migrate_v0_to_v1(json!([])).is_err());
    }
}
