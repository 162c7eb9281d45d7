use super::*;
use crate::domain::bundle::merge::Outcome;
use crate::domain::bundle::plan_import;
use crate::domain::issues::Severity;
use crate::domain::patient::Patient;
use crate::domain::sheet::layout::find_table;
use crate::domain::sheet::rows::read_rows;
use crate::domain::sheet::test_support::{diagnosis, grid, me};
use crate::domain::sheet::Grid;
use crate::domain::time::Date;

fn ids() -> impl FnMut() -> RecordId {
    let mut n = 0;
    move || {
        n += 1;
        RecordId::parse(&format!("sheet-{n:04}")).unwrap()
    }
}

/// Reads the grid against `local` and plans the import; returns the plan's outcomes by title.
fn plan(g: &Grid, local: &[StoredRecord], now: i64) -> (Bundle, Vec<(String, Outcome)>) {
    let d = diagnosis();
    let existing = Existing::of(&d.meta.id, local);
    let layout = find_table(g, crate::domain::sheet::fields::TableKind::Patients).unwrap();
    let rows = read_rows(g, &layout, &existing, Date::new(2026, 12, 2).unwrap());
    let bundle = sheet_bundle(&d, &existing, &rows, None, Timestamp(now), &me(), &mut ids());
    let mut all = vec![d];
    all.extend(local.iter().cloned());
    let plan = plan_import(&all, &bundle);
    let outcomes = plan
        .items
        .iter()
        .filter(|i| i.kind != RecordKind::Diagnosis)
        .map(|i| (i.title.clone(), i.outcome.clone()))
        .collect();
    (bundle, outcomes)
}

fn applied(bundle: &Bundle, local: &[StoredRecord]) -> Vec<StoredRecord> {
    let mut all = vec![diagnosis()];
    all.extend(local.iter().cloned());
    let plan = plan_import(&all, bundle);
    let resolutions = crate::domain::bundle::Resolutions::all(&plan, crate::domain::bundle::merge::Choice::Theirs);
    let out = crate::domain::bundle::apply_plan(&plan, &resolutions);
    let mut records: Vec<StoredRecord> = local.to_vec();
    for r in out.records.into_iter().filter(|r| r.meta.kind != RecordKind::Diagnosis) {
        records.retain(|x| x.meta.id != r.meta.id);
        records.push(r);
    }
    records
}

#[test]
fn new_rows_are_new_and_a_second_import_is_identical() {
    let g = grid(&[&["ID番号", "氏名", "住所", "年齢"], &["A-1", "田中", "B町", "70"], &["A-2", "鈴木", "C村", "66"]]);
    let (bundle, outcomes) = plan(&g, &[], 2_000);
    assert_eq!(outcomes.iter().filter(|(_, o)| *o == Outcome::New).count(), 2, "{outcomes:?}");
    let saved = applied(&bundle, &[]);
    assert_eq!(saved.len(), 2);
    // The same file again: nothing to do (idempotent).
    let (_, again) = plan(&g, &saved, 3_000);
    assert!(again.iter().all(|(_, o)| *o == Outcome::Identical), "{again:?}");
}

/// Issue 16: a ふりがな column (フリガナ, 氏名カナ…) fills the 療養者's ふりがな; 「氏名」 stays
/// the 氏名 (the form checks the reading: `furigana_is_optional_kana_kept_as_typed`).
#[test]
fn a_furigana_column_fills_the_reading() {
    let g = grid(&[&["ID番号", "氏名", "氏名カナ", "住所"], &["A-1", "田中", "タナカ", "B町"]]);
    let (bundle, _) = plan(&g, &[], 2_000);
    let saved = applied(&bundle, &[]);
    let p: Patient = saved[0].body_as().unwrap();
    assert_eq!((p.name.as_str(), p.furigana.as_str()), ("田中", "タナカ"));
    let g = grid(&[&["ID番号", "フリガナ", "住所", "年齢"], &["A-1", "田中", "B町", "70"]]);
    let layout =
        crate::domain::sheet::layout::find_table(&g, crate::domain::sheet::fields::TableKind::Patients).unwrap();
    assert_eq!(layout.column_of(crate::domain::forms::patient_form::fields::FURIGANA), Some(1));
}

#[test]
fn a_changed_cell_is_a_conflict_and_other_fields_stay() {
    let g = grid(&[&["ID番号", "氏名", "住所"], &["A-1", "田中", "B町"]]);
    let (bundle, _) = plan(&g, &[], 2_000);
    let mut saved = applied(&bundle, &[]);
    // The nurse typed a 年齢 in the app meanwhile; the file has no 年齢 column.
    let mut p: Patient = saved[0].body_as().unwrap();
    p.age = Some(crate::domain::patient::Age::Years(71));
    saved[0] = saved[0].edited(&p, Timestamp(2_500), &me()).unwrap().unwrap();
    let moved = grid(&[&["ID番号", "氏名", "住所"], &["Ａ-1", "田中", "D市"]]);
    let (bundle, outcomes) = plan(&moved, &saved, 3_000);
    match &outcomes[0].1 {
        Outcome::Conflict { conflicts, .. } => {
            assert_eq!(conflicts.len(), 1, "{conflicts:?}");
            assert_eq!(conflicts[0].path, "municipality");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let after = applied(&bundle, &saved);
    let p: Patient = after[0].body_as().unwrap();
    assert_eq!(p.municipality, "D市");
    assert_eq!(p.age, Some(crate::domain::patient::Age::Years(71)), "a field the file lacks stays");
    assert_eq!(after.len(), 1, "matched by the ID番号 (widths folded), not added");
}

#[test]
fn rows_with_errors_make_no_record_and_the_summary_says_so() {
    let g = grid(&[
        &["番号", "ID番号", "氏名", "年齢"],
        &["例1", "", "山田", "66"],
        &["1", "A-1", "田中", "200"],
        &["2", "A-2", "鈴木", "70"],
    ]);
    let d = diagnosis();
    let layout = find_table(&g, crate::domain::sheet::fields::TableKind::Patients).unwrap();
    let rows = read_rows(&g, &layout, &Existing::default(), Date::new(2026, 12, 2).unwrap());
    let bundle = sheet_bundle(&d, &Existing::default(), &rows, None, Timestamp(2_000), &me(), &mut ids());
    assert_eq!(bundle.records.len(), 1);
    assert_eq!(
        rows_summary(layout.kind, &rows),
        "様式1（療養者）: 2 行（記入例 1 行は読み飛ばします）。取り込める行 1 行、エラーのある行 1 行（直すか、取り込まずに進めます）"
    );
    assert!(rows[1].findings.iter().any(|f| f.severity == Severity::Error));
}
