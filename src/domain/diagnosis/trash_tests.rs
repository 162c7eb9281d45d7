use super::*;
use crate::domain::diagnosis::list_diagnoses;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::test_ids::{dev, rid};
use crate::domain::time::Timestamp;

fn diagnosis(id: &str, jurisdiction: &str, year: i32) -> StoredRecord {
    let body = CommunityDiagnosis {
        jurisdiction: jurisdiction.into(),
        fiscal_year: FiscalYear::new(year).unwrap_or_else(|e| panic!("{e}")),
    };
    StoredRecord::create(rid(id), rid(id), &body, Timestamp(100), &dev("pc")).unwrap_or_else(|e| panic!("{e}"))
}

fn trashed(record: &StoredRecord, at: i64) -> StoredRecord {
    move_to_trash(record, Timestamp(at), &dev("pc")).unwrap_or_else(|| panic!("not yet in the ゴミ箱"))
}

fn ids(entries: &[DiagnosisEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.record.meta.id.as_str()).collect()
}

#[test]
fn moving_to_the_trash_sets_the_flag_and_restoring_clears_it() {
    let d = diagnosis("d1", "A保健所管内", 2025);
    let gone = trashed(&d, 500);
    assert_eq!(gone.meta.deleted_at, Some(Timestamp(500)));
    assert_eq!((gone.meta.rev, gone.meta.updated_at), (2, Timestamp(500)), "a change like any other");
    assert_eq!(gone.body, d.body, "the 地区名 and 年度 stay");
    assert_eq!(move_to_trash(&gone, Timestamp(600), &dev("pc")), None, "already there");
    let back = restore_from_trash(&gone, Timestamp(700), &dev("tablet")).unwrap_or_else(|| panic!("restores"));
    assert_eq!(back.meta.deleted_at, None);
    assert_eq!((back.meta.rev, back.meta.updated_by.as_str()), (3, "tablet"));
    assert_eq!(restore_from_trash(&back, Timestamp(800), &dev("pc")), None, "not in the ゴミ箱");
}

#[test]
fn the_list_and_the_trash_split_the_diagnoses() {
    let a = diagnosis("a", "A保健所管内", 2025);
    let b = trashed(&diagnosis("b", "B保健所管内", 2025), 300);
    let c = trashed(&diagnosis("c", "C保健所管内", 2024), 900);
    let mut broken = trashed(&diagnosis("x", "X", 2025), 950);
    broken.body = crate::domain::record::Body::from_value(&serde_json::json!({"jurisdiction": 3}));
    let all = vec![a.clone(), b.clone(), c.clone(), broken];
    assert_eq!(ids(&list_diagnoses(&all).0), vec!["a"]);
    assert_eq!(ids(&trashed_diagnoses(&all)), vec!["c", "b"], "the most recently deleted first; unreadable left out");
    let set = trashed_ids(&all);
    assert_eq!(set.into_iter().map(RecordId::as_str).collect::<Vec<_>>(), vec!["b", "c", "x"]);
}

#[test]
fn only_a_listed_diagnosis_takes_a_save() {
    let d = diagnosis("d1", "A", 2025);
    assert!(is_listed(Some(&d.meta)));
    assert!(!is_listed(Some(&trashed(&d, 5).meta)), "in the ゴミ箱");
    assert!(!is_listed(None), "removed for good");
}

#[test]
fn an_address_says_where_its_diagnosis_is() {
    let listed = list_diagnoses(&[diagnosis("a", "A保健所管内", 2025)]).0;
    let in_trash = trashed_diagnoses(&[trashed(&diagnosis("b", "B保健所管内", 2025), 5)]);
    assert_eq!(whereabouts(&listed, &in_trash, &rid("a")), Whereabouts::Listed);
    assert_eq!(whereabouts(&listed, &in_trash, &rid("a")).message(), None);
    let there = whereabouts(&listed, &in_trash, &rid("b"));
    assert_eq!(there, Whereabouts::Trashed("B保健所管内 令和7年度（2025年度）".into()));
    let (heading, text) = there.message().unwrap_or_else(|| panic!("a message"));
    assert_eq!(heading, "この地域診断はゴミ箱にあります");
    assert!(text.starts_with("「B保健所管内 令和7年度（2025年度）」はゴミ箱に移されています。"), "{text}");
    let missing = whereabouts(&listed, &in_trash, &rid("z"));
    assert_eq!(missing, Whereabouts::Missing);
    assert_eq!(missing.message().map(|m| m.0), Some("地域診断が見つかりません"));
}

#[test]
fn a_diagnosis_comes_back_only_when_its_area_and_year_are_free() {
    let gone = trashed_diagnoses(&[trashed(&diagnosis("old", "A保健所管内", 2025), 5)]);
    let entry = &gone[0];
    assert_eq!(restore_problem(&[], entry), None);
    let other_year = list_diagnoses(&[diagnosis("n", "A保健所管内", 2024)]).0;
    assert_eq!(restore_problem(&other_year, entry), None);
    // Made again while the old one was in the ゴミ箱 (spaces aside, the same 地区名).
    let remade = list_diagnoses(&[diagnosis("new", "A 保健所管内", 2025)]).0;
    let problem = restore_problem(&remade, entry).unwrap_or_else(|| panic!("refused"));
    assert!(
        problem.starts_with("「A 保健所管内 令和7年度（2025年度）」は一覧にもあるため、元に戻せません"),
        "{problem}"
    );
}

#[test]
fn the_purge_warning_names_each_diagnosis_and_what_it_holds() {
    let counts =
        KindCounts { patients: 12, stations: 3, programmes: 9, others: 2, trashed: 1, ..KindCounts::default() };
    let one = purge_warning(&[("A保健所管内 令和7年度（2025年度）".into(), counts)]);
    assert_eq!(
        one,
        "「A保健所管内 令和7年度（2025年度）」（療養者 12人・訪問看護ステーション 3件・事業 9件・その他 2件（うちゴミ箱 1件））を完全に削除します。療養者・ステーション・事業・評価・アセスメントの記録もすべて削除され、元に戻せません。必要なら先に「データの入出力」で「ゴミ箱の記録も含める」にチェックして書き出してください。"
    );
    let two = purge_warning(&[
        ("A".into(), KindCounts::default()),
        ("B".into(), KindCounts { patients: 1, ..KindCounts::default() }),
    ]);
    assert!(
        two.starts_with("ゴミ箱の地域診断 2件を完全に削除します: 「A」（療養者 0人・訪問看護ステーション 0件）、「B」（療養者 1人・訪問看護ステーション 0件）。"),
        "{two}"
    );
    assert!(two.contains("元に戻せません"));
}

// ---- the ゴミ箱 of 地域診断 in the export, the backup reminder and the import ----

use crate::domain::bundle::dataio::{backup_status, diagnosis_choices, ExportLog};
use crate::domain::bundle::merge::{apply_plan, plan_import, Resolutions};
use crate::domain::bundle::{check_export, export, select_for_export, ExportOptions, ExportScope};
use crate::domain::patient::Patient;

fn patient(id: &str, diagnosis: &str, name: &str) -> StoredRecord {
    let body = Patient { id_number: id.to_uppercase(), name: name.into(), ..Patient::default() };
    StoredRecord::create(rid(id), rid(diagnosis), &body, Timestamp(200), &dev("pc")).unwrap_or_else(|e| panic!("{e}"))
}

/// 地域診断 `a` on the list with 療養者 `pa`; `b` in the ゴミ箱 with `pb` (not trashed itself)
/// and `pc` (trashed before `b` was).
fn device() -> Vec<StoredRecord> {
    let mut pc = patient("pc", "b", "削除済み");
    pc.meta.deleted_at = Some(Timestamp(250));
    vec![
        diagnosis("a", "A保健所管内", 2025),
        patient("pa", "a", "山田"),
        trashed(&diagnosis("b", "B保健所管内", 2025), 300),
        patient("pb", "b", "鈴木"),
        pc,
    ]
}

fn all_ids(d: &[StoredRecord], r: &[StoredRecord]) -> Vec<String> {
    d.iter().chain(r).map(|r| r.meta.id.to_string()).collect()
}

#[test]
fn a_trashed_diagnosis_is_exported_whole_only_with_the_trash() {
    let all = device();
    let (d, r) = select_for_export(&all, &ExportScope::All, false);
    assert_eq!(all_ids(&d, &r), vec!["a", "pa"], "left out with all its records");
    let (d, r) = select_for_export(&all, &ExportScope::All, true);
    assert_eq!(all_ids(&d, &r), vec!["a", "b", "pa", "pb", "pc"], "and whole with the ゴミ箱");
    let (d, r) = select_for_export(&all, &ExportScope::Diagnoses { ids: vec![rid("b")] }, false);
    assert_eq!(all_ids(&d, &r), Vec::<String>::new());
    // The choices offer it (marked, last) only with the ゴミ箱 ticked.
    let titles = |include: bool| diagnosis_choices(&all, include).into_iter().map(|c| c.title).collect::<Vec<_>>();
    assert_eq!(titles(false), vec!["A保健所管内 令和7年度（2025年度）"]);
    assert_eq!(titles(true), vec!["A保健所管内 令和7年度（2025年度）", "B保健所管内 令和7年度（2025年度）（ゴミ箱）"]);
}

#[test]
fn the_backup_reminder_leaves_a_trashed_diagnosis_out() {
    let status = backup_status(&ExportLog::default(), &device(), Timestamp(400));
    assert_eq!(status.changed, 2, "a and pa; not b, pb, pc");
}

fn exported(include_trash: bool) -> crate::domain::bundle::Bundle {
    let (d, r) = select_for_export(&device(), &ExportScope::All, include_trash);
    let options = ExportOptions {
        exported_at: Timestamp(500),
        app_version: "test".into(),
        device: dev("pc"),
        scope: ExportScope::All,
        anonymised: false,
        pretty: false,
    };
    let text = export(&d, &r, &options).unwrap_or_else(|e| panic!("{e}"));
    check_export(&text).unwrap_or_else(|e| panic!("the file imports: {e}")).bundle
}

/// What importing `file` onto `local` writes: (id, in the ゴミ箱) of each record written.
fn written(local: &[StoredRecord], file: &crate::domain::bundle::Bundle) -> Vec<(String, bool)> {
    let plan = plan_import(local, file);
    apply_plan(&plan, &Resolutions::new()).records.iter().map(|r| (r.meta.id.to_string(), r.is_deleted())).collect()
}

#[test]
fn a_file_with_a_trashed_diagnosis_imports_into_the_trash() {
    let file = exported(true);
    let mut got = written(&[], &file);
    got.sort();
    let expected: Vec<(String, bool)> =
        [("a", false), ("b", true), ("pa", false), ("pb", false), ("pc", true)].map(|(i, t)| (i.into(), t)).into();
    assert_eq!(got, expected, "as it was: the 地域診断 in the ゴミ箱, its records as they were");
    let plan = plan_import(&[], &file);
    let b = plan.items.iter().find(|i| i.id.as_str() == "b").unwrap_or_else(|| panic!("b planned"));
    assert_eq!(b.trash_note(), Some("ファイル側でゴミ箱に入っている記録です（この端末でもゴミ箱に入ります）"));
}

/// The trash flag of a 地域診断 follows the rule of every record: an import never trashes and
/// never restores what is on the device; the records it brings merge into it either way.
#[test]
fn an_import_keeps_this_devices_trash_flag_of_a_diagnosis() {
    // Ours in the ゴミ箱, the file's not: it stays in the ゴミ箱, a new 療養者 joins it there.
    let mut ours = device();
    ours.retain(|r| r.meta.id.as_str() != "pb");
    let mut file = exported(false);
    file.diagnoses.push(diagnosis("b", "B保健所管内", 2025));
    file.records.push(patient("pb", "b", "鈴木"));
    let plan = plan_import(&ours, &file);
    let b = plan.items.iter().find(|i| i.id.as_str() == "b").unwrap_or_else(|| panic!("b planned"));
    assert_eq!(b.trash_note(), Some("この端末ではゴミ箱に入っています（取り込んでもゴミ箱のままです）"));
    assert_eq!(written(&ours, &file), vec![("pb".to_string(), false)], "nothing restored, pb added");
    // Ours on the list, the file's in the ゴミ箱: it stays on the list.
    let listed: Vec<StoredRecord> = device()
        .into_iter()
        .map(|r| if r.meta.id.as_str() == "b" { diagnosis("b", "B保健所管内", 2025) } else { r })
        .collect();
    assert!(written(&listed, &exported(true)).iter().all(|(_, trashed)| !trashed), "nothing trashed");
}

/// tests/bundles/good/trashed_diagnosis.json (format version 3, as any file: `deleted_at` was
/// always allowed on a 地域診断): read, and imported into the ゴミ箱 with its records as they were.
#[test]
fn the_corpus_file_with_a_trashed_diagnosis_imports_into_the_trash() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bundles/good/trashed_diagnosis.json");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let parsed = crate::domain::bundle::parse_bundle(&bytes, &crate::domain::bundle::KnownIds::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let applied = apply_plan(&plan_import(&[], &parsed.bundle), &Resolutions::new()).records;
    assert_eq!(applied.len(), 7);
    let trashed: Vec<&str> = applied.iter().filter(|r| r.is_deleted()).map(|r| r.meta.id.as_str()).collect();
    assert_eq!(trashed, vec!["d-2025", "p-2"]);
    assert_eq!(ids(&trashed_diagnoses(&applied)), vec!["d-2025"]);
    assert!(list_diagnoses(&applied).0.is_empty());
}
