//! The save step, with values worked out by hand.

use super::*;
use crate::domain::patient::Patient;
use crate::domain::time::YearMonth;
use crate::domain::tri::Tri;

use crate::domain::ids::test_ids::dev;
use crate::domain::ids::test_ids::rid;
fn body(p: &Patient) -> Value {
    serde_json::to_value(p).unwrap_or_else(|e| panic!("{e}"))
}

fn opened() -> StoredRecord {
    let p = Patient {
        id_number: "A-001".into(),
        first_symptom: "話しにくい".into(),
        last_contact: "R7.4 訪問".into(),
        onset: Some(YearMonth { year: 2020, month: Some(4) }),
        ..Patient::default()
    };
    StoredRecord::create(rid("p1"), rid("d1"), &p, Timestamp(1_000), &dev("tab")).unwrap_or_else(|e| panic!("{e}"))
}

/// `r` with `f` applied to its patient, saved at `at` by `device`.
fn saved(r: &StoredRecord, at: i64, device: &str, f: impl FnOnce(&mut Patient)) -> StoredRecord {
    let mut p: Patient = r.body_as().unwrap_or_else(|e| panic!("{e}"));
    f(&mut p);
    r.edited(&p, Timestamp(at), &dev(device)).unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("changed"))
}

fn plan(
    base: &StoredRecord,
    mine: &Patient,
    latest: Option<&StoredRecord>,
    res: &BTreeMap<String, Resolution>,
) -> SavePlan {
    plan_save(SaveInput {
        target: Target::Existing(base.meta.id.clone()),
        base: &base.body.to_value(),
        mine,
        latest,
        resolutions: res,
        trashed: Trashed::Refuse,
        now: Timestamp(9_000),
        device: &dev("tab-b"),
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn written(p: SavePlan) -> (StoredRecord, Option<RecordMeta>, usize) {
    match p {
        SavePlan::Write { record, expected, kept_from_elsewhere } => (*record, expected, kept_from_elsewhere),
        other => panic!("expected a write, got {other:?}"),
    }
}

#[test]
fn nothing_changed_elsewhere_writes_her_fields_on_the_latest_revision() {
    let base = opened();
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.first_symptom = "むせ".into();
    let (record, expected, kept) = written(plan(&base, &mine, Some(&base), &BTreeMap::new()));
    assert_eq!(expected, Some(base.meta.clone()), "planned on the revision it read");
    assert_eq!(record.meta.rev, 2);
    assert_eq!(kept, 0);
    assert_eq!(record.body_as::<Patient>(), Ok(mine));
    assert_eq!(record.stamps.keys().collect::<Vec<_>>(), vec!["first_symptom"]);
}

/// Regression (issue 12, silent lost update): tabs A and B open the same patient; A changes
/// 最終把握時期 and saves; B changes 初発症状 and saves → A's change used to be reverted.
#[test]
fn lost_update_two_tabs_different_fields_both_kept() {
    let base = opened();
    let latest = saved(&base, 5_000, "tab-a", |p| p.last_contact = "R7.10 電話".into());
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.first_symptom = "むせ".into();
    let (record, expected, kept) = written(plan(&base, &mine, Some(&latest), &BTreeMap::new()));
    assert_eq!(expected, Some(latest.meta.clone()), "planned on A's revision, not on the one B opened");
    assert_eq!(record.meta.rev, 3);
    assert_eq!(kept, 1, "A's 最終把握時期 is kept");
    let p: Patient = record.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.last_contact, "R7.10 電話");
    assert_eq!(p.first_symptom, "むせ");
    // Stamps: A's field keeps A's stamp, B's field gets B's.
    assert_eq!(record.stamps["last_contact"].device, dev("tab-a"));
    assert_eq!(record.stamps["first_symptom"].device, dev("tab-b"));
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_until_she_chooses() {
    let base = opened();
    let latest = saved(&base, 5_000, "tab-a", |p| {
        p.first_symptom = "歩きにくい".into();
        p.last_contact = "R7.10 電話".into();
    });
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.first_symptom = "むせ".into();
    mine.devices = "吸引器".into();
    let SavePlan::Conflict(conflicts) = plan(&base, &mine, Some(&latest), &BTreeMap::new()) else {
        panic!("a conflict")
    };
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.path, "first_symptom");
    assert_eq!(c.label, "初発症状");
    assert_eq!((c.base.as_str(), c.mine.as_str(), c.theirs.as_str()), ("話しにくい", "むせ", "歩きにくい"));

    // She keeps hers: her two fields are written, A's other field kept.
    let mine_wins = BTreeMap::from([("first_symptom".to_string(), Resolution::Mine)]);
    let (record, _, _) = written(plan(&base, &mine, Some(&latest), &mine_wins));
    let p: Patient = record.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (p.first_symptom.as_str(), p.devices.as_str(), p.last_contact.as_str()),
        ("むせ", "吸引器", "R7.10 電話")
    );

    // She keeps theirs: only her other field is written.
    let theirs_win = BTreeMap::from([("first_symptom".to_string(), Resolution::Theirs)]);
    let (record, _, _) = written(plan(&base, &mine, Some(&latest), &theirs_win));
    let p: Patient = record.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.first_symptom.as_str(), p.devices.as_str()), ("歩きにくい", "吸引器"));
}

#[test]
fn the_same_value_on_both_sides_is_no_conflict_and_may_need_no_write() {
    let base = opened();
    let latest = saved(&base, 5_000, "tab-a", |p| p.first_symptom = "むせ".into());
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.first_symptom = "むせ".into();
    assert_eq!(plan(&base, &mine, Some(&latest), &BTreeMap::new()), SavePlan::Unchanged);
    // Nothing typed at all: nothing to write either.
    let untouched: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan(&base, &untouched, Some(&latest), &BTreeMap::new()), SavePlan::Unchanged);
}

/// Regression (issue 12): edit, leave (draft kept), a colleague's file is imported, reopen,
/// 下書きを復元, 保存 → the imported value used to be reverted. The draft carries the body it
/// was made on, which is the base here, so only her field is written.
#[test]
fn lost_update_restored_draft_keeps_a_value_imported_meanwhile() {
    let drafted_on = opened();
    let imported = saved(&drafted_on, 6_000, "colleague", |p| p.onset = Some(YearMonth { year: 2019, month: None }));
    let mut draft: Patient = drafted_on.body_as().unwrap_or_else(|e| panic!("{e}"));
    draft.name = "山田".into();
    let (record, _, kept) = written(plan(&drafted_on, &draft, Some(&imported), &BTreeMap::new()));
    let p: Patient = record.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.onset, Some(YearMonth { year: 2019, month: None }));
    assert_eq!(p.name, "山田");
    assert_eq!(kept, 2, "発症時期's year and month, both changed by the import");
}

#[test]
fn clearing_a_group_replaces_it_whole_and_conflicts_with_an_edit_inside_it() {
    let base = opened();
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.onset = None;
    assert_eq!(changed_paths(&base.body.to_value(), &body(&mine)), vec!["onset"]);
    let (record, _, _) = written(plan(&base, &mine, Some(&base), &BTreeMap::new()));
    assert_eq!(record.body_as::<Patient>().map(|p| p.onset), Ok(None));
    // Setting it from empty is one change too.
    let empty = record.clone();
    let mut again: Patient = empty.body_as().unwrap_or_else(|e| panic!("{e}"));
    again.onset = Some(YearMonth { year: 2021, month: Some(1) });
    assert_eq!(changed_paths(&empty.body.to_value(), &body(&again)), vec!["onset"]);
    let (record, _, _) = written(plan(&empty, &again, Some(&empty), &BTreeMap::new()));
    assert_eq!(record.body_as::<Patient>().map(|p| p.onset), Ok(Some(YearMonth { year: 2021, month: Some(1) })));
    // Cleared here while the month was changed elsewhere: a conflict on 発症時期.
    let latest = saved(&base, 5_000, "tab-a", |p| p.onset = Some(YearMonth { year: 2020, month: Some(5) }));
    let SavePlan::Conflict(c) = plan(&base, &mine, Some(&latest), &BTreeMap::new()) else { panic!("conflict") };
    assert_eq!(c.iter().map(|c| c.path.as_str()).collect::<Vec<_>>(), vec!["onset"]);
}

#[test]
fn a_three_state_value_is_one_field() {
    let base = opened();
    let latest = saved(&base, 5_000, "tab-a", |p| p.neurology.name = Tri::None);
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.neurology.name = Tri::Value("B病院".into());
    let SavePlan::Conflict(c) = plan(&base, &mine, Some(&latest), &BTreeMap::new()) else { panic!("conflict") };
    assert_eq!(c[0].path, "neurology/name");
    assert_eq!((c[0].mine.as_str(), c[0].theirs.as_str()), ("B病院", "なし"));
}

#[test]
fn deleted_elsewhere_writes_nothing_unless_the_form_restores_it() {
    let base = opened();
    let mut trashed = base.clone();
    trashed.meta.deleted_at = Some(Timestamp(4_000));
    trashed.touch(Timestamp(4_000), &dev("tab-a"));
    let mut mine: Patient = base.body_as().unwrap_or_else(|e| panic!("{e}"));
    mine.first_symptom = "むせ".into();
    assert_eq!(plan(&base, &mine, Some(&trashed), &BTreeMap::new()), SavePlan::DeletedElsewhere);
    assert_eq!(plan(&base, &mine, None, &BTreeMap::new()), SavePlan::DeletedElsewhere);
    // 地域の概況 / 様式4: saving from the form takes the record out of the ゴミ箱.
    let restore = plan_save(SaveInput {
        target: Target::Existing(base.meta.id.clone()),
        base: &base.body.to_value(),
        mine: &mine,
        latest: Some(&trashed),
        resolutions: &BTreeMap::new(),
        trashed: Trashed::Restore,
        now: Timestamp(9_000),
        device: &dev("tab-b"),
    });
    let (record, expected, _) = written(restore.unwrap_or_else(|e| panic!("{e}")));
    assert!(!record.is_deleted());
    assert_eq!(expected, Some(trashed.meta.clone()));
    assert!(record.meta.rev > trashed.meta.rev);
}

#[test]
fn a_new_record_is_created_and_must_not_exist_yet() {
    let blank = body(&Patient::default());
    let mine = Patient { id_number: "B-1".into(), ..Patient::default() };
    let (none, device) = (BTreeMap::new(), dev("tab-b"));
    let input = |latest| SaveInput {
        target: Target::New { id: rid("fixed"), diagnosis: rid("d1") },
        base: &blank,
        mine: &mine,
        latest,
        resolutions: &none,
        trashed: Trashed::Refuse,
        now: Timestamp(9_000),
        device: &device,
    };
    let (record, expected, _) = written(plan_save(input(None)).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!((record.meta.rev, expected), (1, None));
    assert_eq!(record.meta.id, rid("fixed"));
    // Another tab created the fixed-ID record first: her fields go onto it, its others stay.
    let other = StoredRecord::create(
        rid("fixed"),
        rid("d1"),
        &Patient { first_symptom: "むせ".into(), ..Patient::default() },
        Timestamp(5_000),
        &dev("tab-a"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (record, expected, _) = written(plan_save(input(Some(&other))).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(expected, Some(other.meta.clone()));
    let p: Patient = record.body_as().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.id_number.as_str(), p.first_symptom.as_str()), ("B-1", "むせ"));
}
