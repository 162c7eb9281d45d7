use super::*;
use crate::domain::ids::DeviceId;
use crate::domain::record::StoredRecord;
use crate::domain::records::RecordSet;
use crate::domain::trees::data::sign_ids;
use crate::domain::trees::history::*;
use crate::domain::trees::measure::{MeasureKind, Posture, Situation};
use crate::domain::trees::proposal::*;
use Answer::{No, Yes};
use QuestionId::*;

fn id(s: &str) -> RecordId {
    RecordId::parse(s).expect("valid id")
}

fn new(start: Tree) -> Assessment {
    Assessment::new(id("p1"), start, "保健師A", Timestamp(1_000))
}

fn answer_all(a: &mut Assessment, pairs: &[(QuestionId, Answer)]) {
    for (q, ans) in pairs {
        a.set_answer(*q, Some(*ans));
    }
}

#[test]
fn respiratory_without_signs_continues_into_bulbar() {
    let mut a = new(Tree::Respiratory);
    assert_eq!(a.step(), Step::Ask(R1));
    assert!(!a.includes(Tree::Bulbar));
    answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
    assert!(a.includes(Tree::Bulbar));
    assert_eq!(a.step(), Step::Ask(B1));
    answer_all(&mut a, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, Yes)]);
    assert_eq!(a.step(), Step::Done);
    assert_eq!(a.trees_done(), vec![Tree::Respiratory, Tree::Bulbar]);
    assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::NoSigns));
    assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::ToBulbar, OutcomeId::Speech]);
    assert_eq!(a.outcome.summary(), "呼吸障害: 呼吸障害の所見なし（球麻痺の設問へ）／球麻痺: 構音障害の症状あり");
}

#[test]
fn respiratory_positive_ends_unless_the_nurse_continues() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, Yes), (R2, No)]);
    assert_eq!(a.step(), Step::RespiratoryEnded);
    assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::PossibleFailure { question: R2 }));
    assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::RespiratoryFailure]);
    a.set_continue_to_bulbar(true);
    assert_eq!(a.step(), Step::Ask(B1));
    a.set_continue_to_bulbar(false);
    assert_eq!(a.step(), Step::RespiratoryEnded);
}

#[test]
fn going_back_in_respiratory_drops_the_bulbar_answers_from_the_outcome() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
    answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
    assert!(a.outcome.bulbar.is_some());
    a.set_answer(R3, Some(No));
    assert_eq!(a.outcome.respiratory, Some(RespiratoryResult::PossibleFailure { question: R3 }));
    assert_eq!(a.outcome.bulbar, None, "bulbar answers are kept but no longer count");
    assert!(!a.is_on_path(R4));
    assert!(!a.is_on_path(B1));
    assert_eq!(a.answers.len(), 10);
    // Choosing to continue brings them back.
    a.set_continue_to_bulbar(true);
    assert_eq!(a.outcome.bulbar.as_ref().map(|b| b.swallowing.clone()), Some(vec![B1]));
}

#[test]
fn bulbar_only_assessment() {
    let mut a = new(Tree::Bulbar);
    assert!(!a.includes(Tree::Respiratory));
    assert_eq!(a.step(), Step::Ask(B1));
    answer_all(&mut a, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
    assert_eq!(a.outcome.outcome_ids(), vec![OutcomeId::Observe]);
    assert_eq!(a.trees_done(), vec![Tree::Bulbar]);
}

#[test]
fn measurements_tick_and_overrides_are_recorded() {
    let mut a = new(Tree::Respiratory);
    let i = a.add_measurement(MeasureKind::Spo2);
    assert!(a.set_measurement_text(i, "89"));
    assert!(a.set_measurement_posture(i, Some(Posture::Lying)));
    assert!(a.set_measurement_situation(i, Some(Situation::Rest)));
    assert_eq!(a.check(sign_ids::SPO2), Some(Check::Yes));
    assert_eq!(a.question_view(R1).suggested, Some(No));
    assert!(a.overrides().is_empty());

    // The nurse unticks the automatic tick: an override is recorded and saved.
    a.set_check(sign_ids::SPO2, Some(Check::No)).expect("known sign");
    assert_eq!(a.check(sign_ids::SPO2), Some(Check::No));
    let o = a.overrides();
    assert_eq!(o, vec![Override { sign: sign_ids::SPO2, auto: Check::Yes, chosen: Check::No }]);
    assert_eq!(o[0].describe(), "「酸素飽和度(SpO2)の低下」自動判定 該当 → 手動で非該当");
    let json = serde_json::to_value(&a).expect("serialises");
    assert_eq!(json["signs"]["r1_spo2"], serde_json::json!({"auto": "yes", "manual": "no"}));
    let back: Assessment = serde_json::from_value(json).expect("reads back");
    assert_eq!(back.overrides(), o);

    // A new value the override agrees with makes the override disappear.
    a.set_measurement_text(i, "95");
    assert_eq!(a.signs.get(sign_ids::SPO2), Some(&SignState { auto: Some(Check::No), manual: None }));
    assert!(a.overrides().is_empty());

    // Ticking by hand a line without a measurement is not an override.
    a.set_check("r1_sounds", Some(Check::Yes)).expect("known sign");
    assert!(a.overrides().is_empty());
    assert_eq!(a.question_view(R1).suggested, Some(No));
    // A tick equal to the automatic judgement follows the measurement.
    a.set_check(sign_ids::SPO2, Some(Check::No)).expect("known sign");
    assert_eq!(a.signs.get(sign_ids::SPO2).and_then(|s| s.manual), None);
    // Clearing goes back to automatic / 未確認.
    a.set_check("r1_sounds", None).expect("known sign");
    assert_eq!(a.check("r1_sounds"), None);
    assert!(!a.signs.contains_key("r1_sounds"));
    assert_eq!(a.set_check("nope", Some(Check::Yes)), Err(UnknownSign("nope".into())));
    // Removing the measurement removes its automatic judgement.
    assert!(a.remove_measurement(i));
    assert!(!a.remove_measurement(5));
    assert_eq!(a.check(sign_ids::SPO2), None);
}

/// The seed's boundaries drive the suggestion for 呼吸障害 Q1 through the automatic ticks:
/// with every other line judged 非該当 by hand, SpO2 90 / 呼吸数 20 / ピークフロー 270 suggest
/// 「はい」, and 89 / 21 / 269 each suggest 「いいえ」.
#[test]
fn boundary_values_decide_the_q1_suggestion() {
    let base = || {
        let mut a = new(Tree::Respiratory);
        for s in R1.def().signs.iter().filter(|s| !matches!(s.id, sign_ids::SPO2 | sign_ids::RATE | sign_ids::COUGH)) {
            a.set_check(s.id, Some(Check::No)).expect("known sign");
        }
        for (kind, text) in
            [(MeasureKind::Spo2, "90"), (MeasureKind::RespiratoryRate, "20"), (MeasureKind::PeakCoughFlow, "270")]
        {
            let i = a.add_measurement(kind);
            a.set_measurement_text(i, text);
        }
        a
    };
    let a = base();
    assert_eq!(a.question_view(R1).suggested, Some(Yes));
    assert!(a.overrides().is_empty());
    for (index, text, sign) in [(0, "89", sign_ids::SPO2), (1, "21", sign_ids::RATE), (2, "269", sign_ids::COUGH)] {
        let mut b = base();
        b.set_measurement_text(index, text);
        assert_eq!(b.check(sign), Some(Check::Yes), "{text}");
        assert_eq!(b.question_view(R1).suggested, Some(No), "{text}");
        // Answering as suggested ends the respiratory tree with the action box.
        b.set_answer(R1, Some(No));
        assert_eq!(b.step(), Step::RespiratoryEnded);
        assert_eq!(b.outcome.outcome_ids(), vec![OutcomeId::RespiratoryFailure]);
    }
    // 呼吸数 31 adds 「かなり注意が必要」 to the finding; 30 does not.
    let mut c = base();
    c.set_measurement_text(1, "31");
    assert!(c.sign_view(sign_ids::RATE).findings[0].message.ends_with("かなり注意が必要"));
    c.set_measurement_text(1, "30");
    assert!(!c.sign_view(sign_ids::RATE).findings[0].message.contains("かなり注意"));
    assert_eq!(c.check(sign_ids::RATE), Some(Check::Yes));
}

#[test]
fn vital_capacity_uses_the_age_and_sex() {
    let patient = Patient { age: Some(Age::Years(55)), ..Patient::default() };
    let mut a = Assessment::for_patient(id("p1"), &patient, Tree::Respiratory, "A", Timestamp(0));
    assert_eq!(a.age, "55");
    let i = a.add_measurement(MeasureKind::VitalCapacity);
    a.set_measurement_text(i, "2.4");
    assert_eq!(a.check(sign_ids::CAPACITY), None, "no sex yet");
    a.set_sex(Some(Sex::Male));
    assert_eq!(a.check(sign_ids::CAPACITY), Some(Check::Yes));
    let view = a.sign_view(sign_ids::CAPACITY);
    assert_eq!(view.findings.len(), 1);
    assert_eq!(view.findings[0].message, "肺活量 2.4L：標準肺活量（男 50-59歳 3.56L）の67.4%、70%以下");
    a.set_age("61");
    assert_eq!(a.check(sign_ids::CAPACITY), None);
}

#[test]
fn finishing_needs_an_assessor_complete_trees_and_readable_values() {
    let mut a = Assessment::new(id("p1"), Tree::Respiratory, "  ", Timestamp(0));
    answer_all(&mut a, &[(R1, Yes)]);
    let i = a.add_measurement(MeasureKind::Pulse);
    a.set_measurement_text(i, "百");
    a.set_age("abc");
    let err = a.finish(Timestamp(5)).expect_err("cannot finish");
    let fields: Vec<&str> = err.errors().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["assessor", "age", "measurements.0", "answers.r2"]);
    assert_eq!(err.for_field("answers.r2").next().map(|e| e.label.as_str()), Some("呼吸障害 Q2"));

    a.assessor = " 保健師B ".into();
    a.set_age("");
    a.set_measurement_text(i, "88");
    answer_all(&mut a, &[(R2, No)]);
    let done = a.finish(Timestamp(5)).expect("finishes");
    assert_eq!(done.status, AssessmentStatus::Finished);
    assert_eq!(done.finished_at, Some(Timestamp(5)));
    assert_eq!(done.assessor, "保健師B");
    assert_eq!(done.reopen().status, AssessmentStatus::Draft);
    assert_eq!(done.reopen().finished_at, None);
}

#[test]
fn bulbar_reached_by_flow_but_untouched_only_warns() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
    let issues = a.issues();
    assert!(!issues.has_errors());
    assert_eq!(issues.warnings().next().map(|w| w.field.as_str()), Some("answers.b1"));
    let done = a.finish(Timestamp(9)).expect("finishes with the respiratory result only");
    assert_eq!(done.trees_done(), vec![Tree::Respiratory]);
    // Half-done bulbar questions must be completed.
    a.set_answer(B1, Some(Yes));
    assert!(a.issues().has_errors());
}

#[test]
fn warnings_for_disagreement_and_missing_posture() {
    let mut a = new(Tree::Respiratory);
    a.set_check("r1_effort", Some(Check::Yes)).expect("known");
    a.set_answer(R1, Some(Yes));
    let i = a.add_measurement(MeasureKind::Spo2);
    a.set_measurement_text(i, "97");
    let issues = a.issues();
    let w: Vec<(&str, &str)> = issues.warnings().map(|w| (w.field.as_str(), w.message.as_str())).collect();
    assert!(w.contains(&("answers.r1", "チェックした項目からは「いいえ」と考えられます。回答を確認してください")));
    assert!(w.iter().any(|(f, _)| *f == "measurements.0"));
    assert!(a.question_view(R1).disagrees());
}

#[test]
fn proposal_only_for_completed_trees() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, Yes), (R2, Yes)]);
    assert!(proposal(&a).is_empty());
    answer_all(&mut a, &[(R3, Yes), (R4, Yes)]);
    let p = proposal(&a);
    assert_eq!((p.respiratory, p.swallowing, p.speech), (Some(true), None, None));
    assert_eq!(
        p.basis.get(&Symptom::Respiratory).map(String::as_str),
        Some("呼吸障害の判断樹でQ4 「その他の症状」がはい")
    );

    let mut b = new(Tree::Respiratory);
    answer_all(&mut b, &[(R1, Yes), (R2, Yes), (R3, Yes), (R4, No)]);
    answer_all(&mut b, &[(B1, Yes), (B2, Yes), (B3, No), (B4, Yes), (B5, Yes), (B6, No)]);
    let p = proposal(&b);
    assert_eq!((p.respiratory, p.swallowing, p.speech), (Some(false), Some(true), Some(false)));
    assert_eq!(p.basis.get(&Symptom::Swallowing).map(String::as_str), Some("球麻痺の判断樹でQ3がいいえ"));
    // Q6 いいえ does not set any 特定症状.
    let mut c = new(Tree::Bulbar);
    answer_all(&mut c, &[(B1, Yes), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, No)]);
    let p = proposal(&c);
    assert_eq!((p.respiratory, p.swallowing, p.speech), (None, Some(false), Some(true)));
}

#[test]
fn applying_a_confirmed_proposal_sets_symptoms_and_sources() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, No)]);
    a.set_continue_to_bulbar(true);
    answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, No), (B6, Yes)]);

    let mut patient = Patient::default();
    patient.symptoms.speech = Some(false);
    let draft = proposal(&a);
    assert_eq!(apply_proposal(&mut patient, &draft, &id("as1"), &Symptom::ALL), Err(ApplyError::NotFinished));

    let done = a.finish(Timestamp(86_400_000)).expect("finishes");
    let p = proposal(&done);
    let items = p.items(&patient);
    assert_eq!(items.len(), 3);
    assert_eq!(
        (items[2].symptom, items[2].proposed, items[2].current, items[2].changes),
        (Symptom::Speech, true, Some(false), true)
    );

    // The nurse accepts 呼吸障害 and 構音障害 only.
    let applied =
        apply_proposal(&mut patient, &p, &id("as1"), &[Symptom::Respiratory, Symptom::Speech]).expect("applies");
    assert_eq!(applied, vec![Symptom::Respiratory, Symptom::Speech]);
    assert_eq!(patient.symptoms.respiratory, Some(true));
    assert_eq!(patient.symptoms.speech, Some(true));
    assert_eq!(patient.symptoms.swallowing, None);
    assert_eq!(patient.symptoms.swallowing_source, None);
    let src = patient.symptoms.respiratory_source.clone().expect("source set");
    assert_eq!(src.assessment_id, id("as1"));
    // When: the assessment's 日時 (the visit), not the moment it was finished.
    assert_eq!(src.assessed_at, Timestamp(1_000));
    assert_eq!(done.finished_at, Some(Timestamp(86_400_000)));
    assert_eq!(src.assessor, "保健師A");
    assert_eq!(patient.symptoms.speech_source, Some(src));
}

#[test]
fn applied_only_when_every_proposed_symptom_comes_from_this_assessment() {
    let mut a = new(Tree::Bulbar);
    answer_all(&mut a, &[(B1, No), (B2, Yes), (B3, Yes), (B4, Yes), (B5, Yes), (B6, Yes)]);
    let done = a.finish(Timestamp(50)).expect("finishes");
    let p = proposal(&done);
    let mut patient = Patient::default();
    assert!(!is_applied(&patient, &p, &id("as1")));
    assert_eq!(current_with_source(&patient, Symptom::Swallowing), (None, None));
    apply_proposal(&mut patient, &p, &id("as1"), &[Symptom::Swallowing]).expect("applies");
    assert!(!is_applied(&patient, &p, &id("as1")), "構音障害 not taken over yet");
    apply_proposal(&mut patient, &p, &id("as1"), &Symptom::ALL).expect("applies");
    assert!(is_applied(&patient, &p, &id("as1")));
    assert!(!is_applied(&patient, &p, &id("as2")));
    let (value, source) = current_with_source(&patient, Symptom::Speech);
    assert_eq!(value, Some(false));
    assert_eq!(source.map(|s| s.assessor.as_str()), Some("保健師A"));
    // 呼吸障害 was not assessed: not proposed, left as it is.
    assert_eq!(current_with_source(&patient, Symptom::Respiratory), (None, None));
    // An empty proposal is never "applied".
    assert!(!is_applied(&patient, &proposal(&new(Tree::Bulbar)), &id("as1")));
}

#[test]
fn trash_lists_only_the_patients_deleted_assessments() {
    let dev = DeviceId::parse("dev").expect("id");
    let mut older = new(Tree::Respiratory);
    older.started_at = Timestamp(10);
    let mut newer = new(Tree::Bulbar);
    newer.started_at = Timestamp(20);
    let mut recs = Vec::new();
    for (rid, a, deleted) in [("a1", &older, true), ("a2", &newer, true), ("a3", &newer, false)] {
        let mut r = StoredRecord::create(id(rid), id("d"), a, Timestamp(0), &dev).expect("ok");
        if deleted {
            r.meta.deleted_at = Some(Timestamp(1));
        }
        recs.push(r);
    }
    let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
    let mut r = StoredRecord::create(id("a4"), id("d"), &other, Timestamp(0), &dev).expect("ok");
    r.meta.deleted_at = Some(Timestamp(1));
    recs.push(r);
    let d = id("d");
    let t = patient_trash(RecordSet::new(&recs, &d), &id("p1"));
    assert_eq!(t.iter().map(|(r, _)| r.meta.id.as_str()).collect::<Vec<_>>(), vec!["a2", "a1"]);
}

#[test]
fn history_filters_and_orders() {
    let dev = DeviceId::parse("dev").expect("id");
    let mut older = new(Tree::Respiratory);
    older.started_at = Timestamp(10);
    let mut newer = new(Tree::Respiratory);
    newer.started_at = Timestamp(20);
    newer.status = AssessmentStatus::Finished;
    let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
    let mut recs = vec![
        StoredRecord::create(id("a2"), id("d"), &newer, Timestamp(0), &dev).expect("ok"),
        StoredRecord::create(id("a1"), id("d"), &older, Timestamp(0), &dev).expect("ok"),
        StoredRecord::create(id("a3"), id("d"), &other, Timestamp(0), &dev).expect("ok"),
    ];
    let mut deleted = StoredRecord::create(id("a4"), id("d"), &older, Timestamp(0), &dev).expect("ok");
    deleted.meta.deleted_at = Some(Timestamp(1));
    recs.push(deleted);
    let d = id("d");
    let h = patient_history(RecordSet::new(&recs, &d), &id("p1"));
    let ids: Vec<&str> = h.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(ids, vec!["a1", "a2"]);
    assert_eq!(latest_finished(&h).map(|(i, _)| i.as_str()), Some("a2"));
}

#[test]
fn histories_group_by_patient_in_one_pass() {
    let dev = DeviceId::parse("dev").expect("id");
    let mut first = new(Tree::Respiratory);
    first.started_at = Timestamp(10);
    first.status = AssessmentStatus::Finished;
    let mut second = new(Tree::Bulbar);
    second.started_at = Timestamp(30);
    let mut third = new(Tree::Respiratory);
    third.started_at = Timestamp(20);
    third.status = AssessmentStatus::Finished;
    let other = Assessment::new(id("p2"), Tree::Bulbar, "x", Timestamp(15));
    let mut trashed = StoredRecord::create(id("a9"), id("d"), &first, Timestamp(0), &dev).expect("ok");
    trashed.meta.deleted_at = Some(Timestamp(1));
    let patient = StoredRecord::create(id("p1"), id("d"), &Patient::default(), Timestamp(0), &dev).expect("ok");
    let recs = vec![
        StoredRecord::create(id("a2"), id("d"), &second, Timestamp(0), &dev).expect("ok"),
        StoredRecord::create(id("a1"), id("d"), &first, Timestamp(0), &dev).expect("ok"),
        StoredRecord::create(id("a4"), id("d"), &other, Timestamp(0), &dev).expect("ok"),
        StoredRecord::create(id("a3"), id("d"), &third, Timestamp(0), &dev).expect("ok"),
        trashed,
        patient,
    ];
    let d = id("d");
    let by = histories_by_patient(RecordSet::new(&recs, &d));
    assert_eq!(by.len(), 2);
    let h = by.get(&id("p1")).expect("p1 has assessments");
    let ids: Vec<&str> = h.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(ids, vec!["a1", "a3", "a2"]);
    assert_eq!(h, &patient_history(RecordSet::new(&recs, &d), &id("p1")));
    assert_eq!(drafts(h).iter().map(|(i, _)| i.as_str()).collect::<Vec<_>>(), vec!["a2"]);
    assert!(is_latest_finished(h, &id("a3")));
    assert!(!is_latest_finished(h, &id("a1")));
    assert!(!is_latest_finished(h, &id("a2")));
    assert_eq!(by.get(&id("p2")).map(Vec::len), Some(1));
}

#[test]
fn record_round_trip_and_leaf_paths_per_answer() {
    let mut a = new(Tree::Respiratory);
    answer_all(&mut a, &[(R1, Yes), (R2, No)]);
    let dev = DeviceId::parse("dev").expect("id");
    let r = StoredRecord::create(id("a1"), id("d"), &a, Timestamp(0), &dev).expect("ok");
    assert_eq!(r.meta.kind, RecordKind::Assessment);
    // Each answer is its own field for merging (a new record carries no stamps yet).
    let leaves = crate::domain::record::leaf_paths(&r.body.to_value());
    assert!(leaves.contains_key("answers/r1"));
    assert!(leaves.contains_key("answers/r2"));
    assert_eq!(r.body_as::<Assessment>(), Ok(a));
}
