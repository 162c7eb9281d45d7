//! The 変更履歴's rules on hand-written records: the diff of each kind, what a save records,
//! restoring a version or a field.

use super::*;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::StoredRecord;
use crate::domain::save::read_kind;
use serde_json::json;

fn rid(s: &str) -> RecordId {
    RecordId::parse(s).unwrap()
}

fn dev(s: &str) -> DeviceId {
    DeviceId::parse(s).unwrap()
}

fn record(kind: RecordKind, body: Value) -> StoredRecord {
    StoredRecord::create_body(
        rid("r1"),
        rid("d1"),
        kind,
        crate::domain::record::Body::from_value(&body),
        Timestamp(1_000),
        &dev("pc"),
    )
}

fn saved(before: &StoredRecord, body: Value, at: i64) -> StoredRecord {
    before.with_body(body, Timestamp(at), &dev("pc")).unwrap()
}

fn input(by: &str) -> Stamp {
    Stamp { by: by.to_string(), cause: Cause::Input }
}

fn change(path: &str, old: Option<Value>, new: Option<Value>) -> FieldChange {
    FieldChange { path: path.to_string(), old, new }
}

#[test]
fn a_new_record_is_created_with_no_field_list() {
    let r = record(RecordKind::Station, json!({"name": "あおば訪問看護", "fte": []}));
    let e = entry_for(None, &r, &input(" 佐藤 ")).unwrap();
    assert_eq!(e.action, Action::Created);
    assert_eq!(e.by, "佐藤", "trimmed");
    assert_eq!(e.id, "r1#0000000001@pc");
    assert_eq!((e.rev, e.at, e.kind), (1, Timestamp(1_000), RecordKind::Station));
    assert!(e.changes.is_empty());
}

/// A patient: a 三状態 field, a nested field and a list, each with its old and new value.
#[test]
fn a_patient_edit_lists_each_changed_leaf_old_and_new() {
    let before = record(
        RecordKind::Patient,
        json!({"name": "山田", "neurology": {"name": {"state": "unknown"}, "mode": "outpatient"}, "gaps": ["a"], "age": {"years": 70}}),
    );
    let after = saved(
        &before,
        json!({"name": "山田", "neurology": {"name": {"state": "value", "value": "B病院"}, "mode": "outpatient"}, "gaps": ["a", "b"]}),
        2_000,
    );
    let e = entry_for(Some(&before), &after, &input("")).unwrap();
    assert_eq!(e.action, Action::Edited);
    assert_eq!(
        e.changes,
        vec![
            change("age/years", Some(json!(70)), None),
            change("gaps", Some(json!(["a"])), Some(json!(["a", "b"]))),
            change(
                "neurology/name",
                Some(json!({"state": "unknown"})),
                Some(json!({"state": "value", "value": "B病院"}))
            ),
        ]
    );
    assert_eq!((e.rev, e.at), (2, Timestamp(2_000)));
}

#[test]
fn trash_and_restore_are_named_and_an_unchanged_save_records_nothing() {
    let before = record(RecordKind::Programme, json!({"kind": "x", "count": 3}));
    let mut same = before.clone();
    same.touch(Timestamp(2_000), &dev("pc"));
    assert_eq!(entry_for(Some(&before), &same, &input("")), None);
    let mut trashed = same.clone();
    trashed.meta.deleted_at = Some(Timestamp(3_000));
    assert_eq!(entry_for(Some(&same), &trashed, &input("")).map(|e| e.action), Some(Action::Trashed));
    let mut back = trashed.clone();
    back.meta.deleted_at = None;
    assert_eq!(entry_for(Some(&trashed), &back, &input("")).map(|e| e.action), Some(Action::Restored));
}

#[test]
fn entries_sort_by_revision_and_ids_sort_by_revision_within_a_record() {
    let a = entry_id(&rid("p1"), 9, &dev("pc"));
    let b = entry_id(&rid("p1"), 10, &dev("pc"));
    assert!(a < b, "{a} < {b}");
    assert_eq!(beyond_keep(&[b.clone(), a.clone()], KEEP_PER_RECORD - 1), vec![a.clone()]);
    assert_eq!(beyond_keep(&[b, a], KEEP_PER_RECORD - 2), Vec::<String>::new());
}

/// Three saves of a 概況; restoring the first version undoes the two later ones, newest
/// first, including a field the second added and the third removed.
#[test]
fn the_body_after_an_entry_undoes_every_later_save() {
    let v1 = record(RecordKind::Overview, json!({"population": 1000, "area": "12.5"}));
    let v2 = saved(&v1, json!({"population": 1200, "area": "12.5", "note": "追加"}), 2_000);
    let v3 = saved(&v2, json!({"population": 1300, "area": "12.5"}), 3_000);
    let entries = vec![
        entry_for(Some(&v2), &v3, &input("")).unwrap(),
        entry_for(None, &v1, &input("")).unwrap(),
        entry_for(Some(&v1), &v2, &input("")).unwrap(),
    ];
    let current = v3.body.to_value();
    let first = body_after(&current, &entries, &entries[1].id).unwrap();
    assert_eq!(first.body, json!({"population": 1000, "area": "12.5"}));
    assert_eq!(first.changes, vec![change("population", Some(json!(1300)), Some(json!(1000)))]);
    let second = body_after(&current, &entries, &entries[2].id).unwrap();
    assert_eq!(second.body, json!({"population": 1200, "area": "12.5", "note": "追加"}));
    let latest = body_after(&current, &entries, &entries[0].id).unwrap();
    assert!(latest.changes.is_empty(), "already that version");
    assert_eq!(body_after(&current, &entries, "unknown"), None);
}

#[test]
fn one_field_goes_back_to_its_value_before_the_change() {
    let current = json!({"name": "山口", "neurology": {"name": {"state": "none"}}});
    let plan = revert_field(&current, &change("name", Some(json!("山田")), Some(json!("山口"))));
    assert_eq!(plan.body, json!({"name": "山田", "neurology": {"name": {"state": "none"}}}));
    assert_eq!(plan.changes, vec![change("name", Some(json!("山口")), Some(json!("山田")))]);
    // A field the change added is removed again.
    let plan = revert_field(&current, &change("neurology/name", None, Some(json!({"state": "none"}))));
    assert_eq!(plan.body, json!({"name": "山口"}));
}

/// A cleared optional group (発症時期 → null) comes back whole.
#[test]
fn a_cleared_group_comes_back_whole() {
    let v1 = record(RecordKind::Patient, json!({"onset": {"year": 2020, "month": 3}}));
    let v2 = saved(&v1, json!({"onset": null}), 2_000);
    let entries = vec![entry_for(None, &v1, &input("")).unwrap(), entry_for(Some(&v1), &v2, &input("")).unwrap()];
    let plan = body_after(&v2.body.to_value(), &entries, &entries[0].id).unwrap();
    assert_eq!(plan.body, json!({"onset": {"year": 2020, "month": 3}}));
}

/// Regression guard for history from a bundle or an older app: a restored body that is not
/// a valid record of its kind is refused by the type's reading, not written.
#[test]
fn a_restored_body_is_read_as_its_record_type() {
    let read = read_kind(RecordKind::Patient);
    assert!(read(json!({"age": "百歳"})).is_err());
    let valid = serde_json::to_value(crate::domain::patient::Patient::default()).unwrap();
    assert!(read(valid).is_ok());
}

#[test]
fn entries_round_trip_and_leave_out_defaults() {
    let r = record(RecordKind::Patient, json!({"name": "a"}));
    let e = entry_for(None, &r, &input("")).unwrap();
    let text = serde_json::to_string(&e).unwrap();
    assert!(!text.contains("cause") && !text.contains("changes") && !text.contains("\"by\""), "{text}");
    let back: HistoryEntry = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
    let revert = HistoryEntry { cause: Cause::Revert { entry: "x".to_string(), field: None }, ..e };
    let text = serde_json::to_string(&revert).unwrap();
    assert!(text.contains(r#""cause":{"type":"revert","entry":"x"}"#), "{text}");
}

/// The page's rows: newest first, fields named and shown in words, names hidden with the
/// privacy switch, a restore naming the version it restored.
#[test]
fn rows_say_when_who_what_and_hide_names() {
    let v1 = record(RecordKind::Patient, json!({"name": "山田", "adl": "independent"}));
    let v2 = saved(&v1, json!({"name": "山口", "adl": "full_assist"}), 1_700_000_000_000);
    let created = entry_for(None, &v1, &input("佐藤")).unwrap();
    let edited = entry_for(Some(&v1), &v2, &Stamp { by: String::new(), cause: Cause::Import }).unwrap();
    let v3 = saved(&v2, json!({"name": "山田", "adl": "full_assist"}), 1_700_000_100_000);
    let reverted = entry_for(
        Some(&v2),
        &v3,
        &Stamp { by: "鈴木".into(), cause: Cause::Revert { entry: edited.id.clone(), field: None } },
    )
    .unwrap();
    let rows = entry_rows(&[created, reverted, edited.clone()], true);
    assert_eq!(rows.len(), 3);
    assert!(rows[0].current && !rows[1].current);
    assert_eq!(rows[0].what, "2023年11月15日 07:13の版に戻す");
    assert_eq!(rows[0].by, "鈴木");
    assert_eq!(rows[1].what, "変更（取り込み）");
    assert_eq!(rows[1].by, "未設定");
    assert_eq!(rows[1].when, "2023年11月15日 07:13");
    assert_eq!(
        rows[1].fields,
        vec![
            FieldRow { path: "adl".into(), label: "ADL".into(), old: "自立".into(), new: "全面介助".into() },
            FieldRow { path: "name".into(), label: "氏名".into(), old: HIDDEN.into(), new: HIDDEN.into() },
        ]
    );
    assert_eq!((rows[2].what.as_str(), rows[2].fields.len()), ("作成", 0));
    let one_field =
        Stamp { by: String::new(), cause: Cause::Revert { entry: edited.id.clone(), field: Some("adl".into()) } };
    let v4 = saved(&v3, json!({"name": "山田", "adl": "independent"}), 1_700_000_200_000);
    let later = entry_rows(&[edited.clone(), entry_for(Some(&v3), &v4, &one_field).unwrap()], false);
    assert_eq!(later[0].what, "「ADL」を2023年11月15日 07:13の変更前に戻す");
    assert_eq!(rows[2].by, "佐藤");
    let shown = entry_rows(&[edited], false);
    assert_eq!((shown[0].fields[1].old.as_str(), shown[0].fields[1].new.as_str()), ("山田", "山口"));
}

/// Issue 14: replacing a 下図's image records which file it was, never the image itself (up
/// to 20 MB of base64 in every entry would make the 変更履歴 too large to travel).
#[test]
fn a_base_map_image_is_not_copied_into_the_history() {
    use crate::domain::map::records::BaseMap;
    let dev = crate::domain::ids::DeviceId::parse("pc").expect("id");
    let id = crate::domain::ids::RecordId::parse("d:base_map").expect("id");
    let d = crate::domain::ids::RecordId::parse("d").expect("id");
    let image = |name: &str, data: &str| BaseMap::Image {
        file_name: name.into(),
        mime: "image/png".into(),
        width: 10,
        height: 10,
        data: data.into(),
    };
    let t = crate::domain::time::Timestamp(1_700_000_000_000);
    let before = StoredRecord::create(id.clone(), d.clone(), &image("a.png", "AAAA"), t, &dev).expect("create");
    let mut after = before.clone();
    after.body = crate::domain::record::Body::from_typed(&image("b.png", "BBBB")).expect("body");
    after.meta.rev += 1;
    let stamp = Stamp { by: String::new(), cause: Cause::Input };
    let e = entry_for(Some(&before), &after, &stamp).expect("an entry");
    let text = serde_json::to_string(&e).expect("json");
    assert!(text.contains("a.png") && text.contains("b.png") && !text.contains("BBBB"), "{text}");
    let mut same_name = before.clone();
    same_name.body = crate::domain::record::Body::from_typed(&image("a.png", "CCCC")).expect("body");
    same_name.meta.rev += 1;
    let e = entry_for(Some(&before), &same_name, &stamp).expect("an entry");
    assert_eq!(e.changes.len(), 1);
    assert!(!serde_json::to_string(&e).expect("json").contains("CCCC"), "no image in the entry");
}
