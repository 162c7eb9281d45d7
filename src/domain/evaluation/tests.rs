use super::*;
use crate::domain::issues::Severity;
use crate::domain::records::singleton_record;
use crate::domain::summary::figure::DiseaseFilter;
use crate::domain::summary::tests::{seed_example_1, seed_example_2};

#[test]
fn form_round_trip_and_checks() {
    let mut form = EvaluationForm::default();
    form.item_mut(EvaluationItem::Specialist).level = Some(Level::A);
    form.item_mut(EvaluationItem::Specialist).issue = "  神経内科は県立Ａ病院に集中\r\n往診できる医師がいない ".into();
    form.item_mut(EvaluationItem::Disaster).level = Some(Level::D);
    form.overall = "災害時個別支援計画の作成を優先する".into();
    let (e, issues) = form.parse().expect("no errors");
    assert_eq!(e.specialist.issue, "神経内科は県立Ａ病院に集中\n往診できる医師がいない");
    assert_eq!(e.disaster.level, Some(Level::D));
    assert_eq!(e.levels_entered(), 2);
    // D without a 課題 is a warning only.
    let warnings: Vec<_> = issues.warnings().map(|i| i.field.as_str()).collect();
    assert_eq!(warnings, vec!["disaster.issue"]);
    // The saved record reopens as the tidied form.
    let back = EvaluationForm::from_record(&e);
    assert_eq!(back.item(EvaluationItem::Specialist).issue, e.specialist.issue);
    assert_eq!(back.parse().map(|(x, _)| x), Ok(e.clone()));
    // Drafts are kept as typed.
    let json = serde_json::to_string(&form).expect("serialises");
    let draft: EvaluationForm = serde_json::from_str(&json).expect("reads");
    assert_eq!(draft, form);
    // Record body round trip, and an empty object reads as a blank evaluation.
    let json = serde_json::to_string(&e).expect("serialises");
    assert_eq!(serde_json::from_str::<Evaluation>(&json).expect("reads"), e);
    assert_eq!(serde_json::from_str::<Evaluation>("{}").expect("reads"), Evaluation::default());
}

#[test]
fn long_and_control_text_is_refused() {
    let mut form = EvaluationForm::default();
    form.item_mut(EvaluationItem::Daily).issue = "あ".repeat(MAX_ISSUE_TEXT + 1);
    form.overall = "優先\u{7}課題".into();
    let issues = form.parse().expect_err("errors");
    let errors: Vec<(&str, Severity)> = issues.0.iter().map(|i| (i.field.as_str(), i.severity)).collect();
    assert_eq!(errors, vec![("daily.issue", Severity::Error), ("overall", Severity::Error)]);
    assert_eq!(issues.0[0].label, "日常診療の確保 課題");
    assert!(issues.0[0].message.contains("2000文字まで"));
    // Exactly the limit is fine; tabs and line breaks are allowed.
    form.item_mut(EvaluationItem::Daily).issue = "あ".repeat(MAX_ISSUE_TEXT);
    form.overall = "優先\t課題\n二行目".into();
    assert!(form.parse().is_ok());
    assert_eq!(form.issues().0.len(), 0);
}

#[test]
fn evaluation_table() {
    let roster = vec![seed_example_1(), seed_example_2()];
    let e = Evaluation {
        respite_admission: ItemEvaluation { level: Some(Level::D), issue: "レスパイト入院先がない".into() },
        overall: "レスパイト入院先の確保を優先する".into(),
        ..Evaluation::default()
    };
    let rows = evaluation_rows(&e, &coverage(&roster, &DiseaseFilter::Als));
    assert_eq!(rows.len(), 9);
    // レスパイト 入院・入所: 0 of 2 = 0.0 %.
    assert_eq!(
        rows[3],
        ["レスパイトケアの確保", "入院・入所", "0.0", "0人/2人", "D", "レスパイト入院先がない"].map(String::from)
    );
    assert_eq!(rows[0][2..5], ["100.0".to_string(), "2人/2人".to_string(), String::new()]);
    assert_eq!(rows[8][0], OVERALL_LABEL);
    let csv = evaluation_csv(&e, &coverage(&[], &DiseaseFilter::Als));
    assert!(csv.contains("\r\n専門診療の確保,,－,0人/0人,,\r\n"));
}

#[test]
fn saving_edits_the_one_record_or_makes_it() {
    let dev = DeviceId::parse("dev").expect("device");
    let d = RecordId::parse("d1").expect("id");
    let e = Evaluation { overall: "災害対策を優先".into(), ..Evaluation::default() };
    // Nothing saved yet: a new record `d1:evaluation`.
    let first = evaluation_to_save(&[], &d, &e, Timestamp(10), &dev).expect("ok").expect("new");
    assert_eq!((first.meta.id.as_str(), first.meta.rev), ("d1:evaluation", 1));
    assert_eq!(first.body_as::<Evaluation>(), Ok(e.clone()));
    // The same again: nothing to write.
    assert_eq!(evaluation_to_save(std::slice::from_ref(&first), &d, &e, Timestamp(20), &dev), Ok(None));
    // A change edits that record (rev 2, field stamped).
    let mut e2 = e.clone();
    e2.daily.level = Some(Level::B);
    let second =
        evaluation_to_save(std::slice::from_ref(&first), &d, &e2, Timestamp(20), &dev).expect("ok").expect("edited");
    assert_eq!((second.meta.id.as_str(), second.meta.rev), ("d1:evaluation", 2));
    assert!(second.stamps.contains_key("daily/level"), "{:?}", second.stamps.keys().collect::<Vec<_>>());
    // In the ゴミ箱: saving restores it, also without a change of the body.
    let mut trashed = second.clone();
    trashed.meta.deleted_at = Some(Timestamp(30));
    let restored = evaluation_to_save(std::slice::from_ref(&trashed), &d, &e2, Timestamp(40), &dev)
        .expect("ok")
        .expect("restored");
    assert!(!restored.is_deleted());
    assert_eq!(restored.meta.rev, 3);
}

#[test]
fn levels_and_items() {
    assert_eq!(Level::from_letter(" Ｃ "), Some(Level::C));
    assert_eq!(Level::from_letter("b"), Some(Level::B));
    assert_eq!(Level::from_letter("E"), None);
    assert_eq!(Level::D.label(), "D 確保できていない");
    assert_eq!(EvaluationItem::RespiteHome.heading(), ("レスパイトケアの確保", Some("在宅")));
    assert_eq!(level_field(EvaluationItem::NursingEmergency), "nursing_emergency.level");
    assert_eq!(Evaluation::KIND, RecordKind::Evaluation);
}

fn id(s: &str) -> RecordId {
    RecordId::parse(s).expect("id")
}

fn rec<T: RecordBody>(rid: &str, diagnosis: &str, body: &T, at: i64) -> StoredRecord {
    let dev = DeviceId::parse("dev").expect("device");
    StoredRecord::create(id(rid), id(diagnosis), body, Timestamp(at), &dev).expect("record")
}

#[test]
fn the_singleton_id_wins_then_the_newest() {
    let a = rec("old-eval", "d1", &Evaluation { overall: "古い".into(), ..Evaluation::default() }, 5);
    let b = rec("newer-eval", "d1", &Evaluation { overall: "新しい".into(), ..Evaluation::default() }, 9);
    let records = vec![a.clone(), b.clone()];
    assert_eq!(saved_evaluation(&records, &id("d1")).map(|(_, e)| e.overall), Some("新しい".to_string()));
    let mut own = rec("d1:evaluation", "d1", &Evaluation { overall: "本体".into(), ..Evaluation::default() }, 1);
    let records = vec![a.clone(), own.clone(), b.clone()];
    assert_eq!(saved_evaluation(&records, &id("d1")).map(|(r, _)| r.meta.id.to_string()), Some("d1:evaluation".into()));
    // In the ゴミ箱: no saved evaluation, but the record is still the one to restore.
    own.meta.deleted_at = Some(Timestamp(3));
    let records = vec![a, own, b];
    assert!(saved_evaluation(&records, &id("d1")).is_none());
    let r = singleton_record(&records, &id("d1"), RecordKind::Evaluation, EVALUATION_SUFFIX);
    assert_eq!(r.map(|r| r.meta.id.to_string()), Some("d1:evaluation".into()));
    assert!(singleton_record(&records, &id("d2"), RecordKind::Evaluation, EVALUATION_SUFFIX).is_none());
}
