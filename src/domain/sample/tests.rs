use super::*;
use crate::domain::diagnosis::{list_diagnoses, previous_year};
use crate::domain::evaluation::Evaluation;
use crate::domain::ids::test_ids::rid;
use crate::domain::overview::Overview;
use crate::domain::programmes::Programme;
use crate::domain::record::RecordKind;
use crate::domain::records::RecordSet;
use crate::domain::station::Station;
use crate::domain::summary::figure::DiseaseFilter;
use crate::domain::summary::inputs::summary_inputs;
use crate::domain::summary::{compare, summarize, Summary};
use crate::domain::trees::assessment::{Assessment, AssessmentStatus};

fn sample() -> Sample {
    build().unwrap_or_else(|e| panic!("the sample builds: {e}"))
}

fn all(s: &Sample) -> Vec<StoredRecord> {
    s.diagnoses.iter().chain(&s.records).cloned().collect()
}

fn summary_of(records: &[StoredRecord], year_index: usize, filter: &DiseaseFilter) -> Summary {
    let id = diagnosis_id(year_index).unwrap_or_else(|e| panic!("{e}"));
    let i = summary_inputs(records, &id);
    assert_eq!(i.unreadable, 0);
    summarize(&i.overview, &i.patients, &i.stations, filter)
}

#[test]
fn the_sample_is_the_same_every_time() {
    let (a, b) = (sample(), sample());
    assert_eq!(a, b);
    let text = |s: &Sample| serde_json::to_string(&all(s)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text(&a), text(&b), "byte for byte");
}

#[test]
fn the_sample_has_two_years_of_everything() {
    let s = sample();
    let ids: Vec<&str> = s.diagnoses.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, vec!["sample-2024", "sample-2025"]);
    let records = all(&s);
    for (y, id) in diagnosis_ids().iter().enumerate() {
        let set = RecordSet::new(&records, id);
        let count = |kind| set.live_of_kind(kind).count();
        let patients = count(RecordKind::Patient);
        assert!((35..=45).contains(&patients), "about 40 patients, year {y}: {patients}");
        assert_eq!(count(RecordKind::Station), 7 + y);
        assert_eq!(count(RecordKind::Programme), 10);
        assert_eq!(count(RecordKind::Overview), 1);
        assert_eq!(count(RecordKind::Evaluation), 1);
        assert!(set.singleton(RecordKind::Overview).is_some());
        let (_, evaluation) = set.live_singleton::<Evaluation>().unwrap_or_else(|| panic!("様式4"));
        assert_eq!(evaluation.map(|e| e.levels_entered()), Ok(8));
    }
    // The seed's 例1 and 例2 are among the patients of both years.
    for y in 0..YEARS {
        let id = diagnosis_id(y).unwrap_or_else(|e| panic!("{e}"));
        let numbers: Vec<String> = RecordSet::new(&records, &id).live::<Patient>().map(|(_, p)| p.id_number).collect();
        assert!(numbers.contains(&"例1".to_string()) && numbers.contains(&"例2".to_string()), "{numbers:?}");
    }
    // Several finished assessments and one draft, in the latest year.
    let latest = RecordSet::new(&records, &s.diagnoses[1].meta.id);
    let statuses: Vec<AssessmentStatus> = latest.live::<Assessment>().map(|(_, a)| a.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == AssessmentStatus::Finished).count(), assessments::FINISHED);
    assert_eq!(statuses.iter().filter(|s| **s == AssessmentStatus::Draft).count(), 1);
    // Each assessment names a patient of its 地域診断, and a finished one is in that
    // patient's 様式1 特定症状 (as 「様式1に反映」 leaves it), the draft in none.
    for (r, a) in latest.live::<Assessment>() {
        let aid = &r.meta.id;
        let patient = latest.live_one::<Patient>(&a.patient_id);
        let Some((_, patient)) = patient else { panic!("{} names no patient", a.patient_id) };
        let applied = crate::domain::trees::proposal::is_applied(&patient, &proposal(&a), aid);
        assert_eq!(applied, a.status == AssessmentStatus::Finished, "{aid}");
    }
}

/// Every record passes its form's checks: read back through the form, it parses with no
/// error and no warning, and gives the same body.
#[test]
fn every_record_passes_the_form_checks() {
    let s = sample();
    let records = all(&s);
    for d in &s.diagnoses {
        let body: CommunityDiagnosis = d.body_as().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(DiagnosisInput::from_diagnosis(&body).parse(), Ok(body.clone()));
        assert!(body.jurisdiction.contains("（サンプル）"));
        let set = RecordSet::new(&records, &d.meta.id);
        let today = Date::new(body.fiscal_year.start_year(), 12, 1).unwrap_or_else(|| panic!("date"));
        let mut id_numbers = Vec::new();
        for (r, p) in set.live::<Patient>() {
            let parsed = PatientForm::from_patient(&p).parse(today);
            let (again, warnings) = parsed.unwrap_or_else(|e| panic!("{}: {e:?}", r.meta.id));
            assert_eq!(again, p, "{}", r.meta.id);
            assert!(warnings.is_empty(), "{}: {warnings:?}", r.meta.id);
            id_numbers.push(p.id_number.clone());
        }
        let before = id_numbers.len();
        id_numbers.sort();
        id_numbers.dedup();
        assert_eq!(id_numbers.len(), before, "ID番号 are unique");
        for (r, st) in set.live::<Station>() {
            let (again, warnings) =
                StationForm::from_station(&st).parse().unwrap_or_else(|e| panic!("{}: {e:?}", r.meta.id));
            assert_eq!((again, warnings.is_empty()), (st, true), "{}", r.meta.id);
        }
        for (r, p) in set.live::<Programme>() {
            let parsed = ProgrammeForm::from_record(&p).parse(body.fiscal_year);
            let (again, warnings) = parsed.unwrap_or_else(|e| panic!("{}: {e:?}", r.meta.id));
            assert_eq!((again, warnings.is_empty()), (p, true), "{}", r.meta.id);
        }
        let o = set.overview();
        let (again, warnings) = OverviewForm::from_overview(&o).parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((again, warnings.is_empty()), (o.clone(), true));
        // 様式3 lists as many stations as the 概況 says; more certified ALS than at home.
        let patients: Vec<Patient> = set.live::<Patient>().map(|(_, p)| p).collect();
        let n_stations = set.live_of_kind(RecordKind::Station).count();
        let cross = crate::domain::forms::overview_form::overview_warnings(&o, &patients, n_stations);
        assert!(cross.is_empty(), "{cross:?}");
        for (r, a) in set.live::<Assessment>() {
            if a.status == AssessmentStatus::Finished {
                assert!(!a.issues().has_errors(), "{}", r.meta.id);
            }
        }
    }
    // Every sample record has an ID of the sample and belongs to it.
    assert!(records.iter().all(|r| is_sample_record(r) && r.meta.id.as_str().starts_with(SAMPLE_PREFIX)));
    let _: Overview = Overview::default();
}

/// The 集計 of the latest year has at least one patient on every line it counts, and the
/// comparison with the year before shows.
#[test]
fn the_summary_has_someone_on_every_line_and_a_previous_year() {
    let records = all(&sample());
    let summary = summary_of(&records, 1, &DiseaseFilter::All);
    for f in summary.status.figures() {
        assert!(f.count > 0, "no one in 「{}」", f.label);
    }
    assert!(summary.area.ventilated.count > 0);
    // The ALS 集計 (the tool's own) misses only the 20歳未満 line.
    let als = summary_of(&records, 1, &DiseaseFilter::Als);
    let empty: Vec<&str> = als.status.figures().iter().filter(|f| f.count == 0).map(|f| f.label).collect();
    assert_eq!(empty, vec!["20歳未満"]);
    // Plausible: about a third ventilated, most with a station, on average a few visits a week.
    let n = als.patients;
    let ventilated = als.area.ventilated.count;
    assert!(n >= 30 && ventilated * 5 >= n && ventilated * 2 <= n, "{ventilated} of {n}");
    // The year before is found by the list and compares line by line.
    let diagnoses: Vec<StoredRecord> =
        records.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).cloned().collect();
    let (entries, _) = list_diagnoses(&diagnoses);
    let latest = entries.iter().find(|e| e.record.meta.id.as_str() == "sample-2025").unwrap_or_else(|| panic!("2025"));
    let previous = previous_year(&entries, &latest.diagnosis).map(|e| e.record.meta.id.as_str());
    assert_eq!(previous, Some("sample-2024"));
    let rows = compare(&summary_of(&records, 0, &DiseaseFilter::Als), &als);
    assert!(rows.iter().any(|r| r.change.is_some() && r.previous != r.current), "something changed");
}

#[test]
fn the_rule_tells_sample_records_from_real_ones() {
    assert!(is_sample_diagnosis(&rid("sample-2025")));
    assert!(!is_sample_diagnosis(&rid("0b8f3c1e-4a8d-4a8e-9a53-2f1c7f1f0a11")));
    let s = sample();
    let mut records = all(&s);
    let device = DeviceId::parse("dev").unwrap_or_else(|e| panic!("{e}"));
    let real = rid("real-d");
    let d = CommunityDiagnosis {
        jurisdiction: "南保健所管内".into(),
        fiscal_year: FiscalYear::new(2025).unwrap_or_else(|e| panic!("{e}")),
    };
    records.push(
        StoredRecord::create(real.clone(), real.clone(), &d, Timestamp(5), &device).unwrap_or_else(|e| panic!("{e}")),
    );
    let kept = without_sample(&records);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].meta.id, real);
    // A record the nurse added to the sample (a fresh ID) stays in the sample.
    let added = StoredRecord::create(rid("f00d"), rid("sample-2025"), &Patient::default(), Timestamp(5), &device)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(is_sample_record(&added));
    assert_eq!(import_problem(&added), None);
    assert!(s.records.iter().all(|r| import_problem(r).is_none()));
    // A sample record moved into a real 地域診断, or continuing a sample record: refused.
    let mut moved = s.records[3].clone();
    moved.meta.diagnosis_id = real.clone();
    assert!(import_problem(&moved).is_some_and(|m| m.contains("サンプルの記録")));
    let mut linked = StoredRecord::create(rid("p-real"), real, &Patient::default(), Timestamp(5), &device)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(import_problem(&linked), None);
    linked.meta.predecessor = Some(rid("sample-2024-p03"));
    assert!(import_problem(&linked).is_some());
}

fn bundle_text(diagnoses: &[StoredRecord], records: &[StoredRecord]) -> String {
    let options = crate::domain::bundle::ExportOptions {
        exported_at: Timestamp(1_763_773_200_000),
        app_version: "t".into(),
        device: DeviceId::parse("pc").unwrap_or_else(|e| panic!("{e}")),
        scope: crate::domain::bundle::ExportScope::All,
        anonymised: false,
        pretty: false,
    };
    crate::domain::bundle::export(diagnoses, records, &options).unwrap_or_else(|e| panic!("{e}"))
}

/// The whole sample goes through the bundle's own checks (a file of it imports).
#[test]
fn the_sample_passes_the_bundle_checks() {
    let s = sample();
    let text = bundle_text(&s.diagnoses, &s.records);
    let parsed = crate::domain::bundle::check_export(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.bundle.records.len(), s.records.len());
}

/// A file that puts a sample record into a real 地域診断 is refused, in Japanese.
#[test]
fn an_import_never_mixes_the_sample_into_real_data() {
    let s = sample();
    let device = DeviceId::parse("pc").unwrap_or_else(|e| panic!("{e}"));
    let real = rid("real-d");
    let fy = FiscalYear::new(2025).unwrap_or_else(|e| panic!("{e}"));
    let d = CommunityDiagnosis { jurisdiction: "南保健所管内".into(), fiscal_year: fy };
    let diagnosis =
        StoredRecord::create(real.clone(), real.clone(), &d, Timestamp(5), &device).unwrap_or_else(|e| panic!("{e}"));
    let mut moved =
        s.records.iter().find(|r| r.meta.kind == RecordKind::Patient).cloned().unwrap_or_else(|| panic!("p"));
    moved.meta.diagnosis_id = real;
    moved.meta.predecessor = None;
    let text = bundle_text(&[diagnosis], &[moved]);
    let known = crate::domain::bundle::validate::KnownIds::default();
    let refused = crate::domain::bundle::validate::parse_bundle(text.as_bytes(), &known);
    let lines = refused.err().map(|e| e.lines()).unwrap_or_default();
    assert!(lines.iter().any(|l| l.contains("サンプルの記録は実際の地域診断に取り込めません")), "{lines:?}");
}

#[test]
fn what_is_made_from_the_sample_stays_the_sample() {
    let fresh = rid("0b8f3c1e-4a8d-4a8e-9a53-2f1c7f1f0a11");
    let made = fresh_id_in(&rid("sample-2025"), fresh.clone());
    assert!(is_sample_diagnosis(&made));
    assert_eq!(fresh_id_in(&rid("real-d"), fresh.clone()), fresh);
    let s = sample();
    let (entries, _) = list_diagnoses(&s.diagnoses);
    assert_eq!(listed(&entries).map(|e| e.record.meta.id.as_str()), Some("sample-2025"));
    assert!(listed(&[]).is_none());
    let removed: Vec<String> = to_remove(&entries).iter().map(ToString::to_string).collect();
    assert_eq!(removed, vec!["sample-2024", "sample-2025"]);
}

/// Issue 17: a sample 地域診断 deleted from the list is in the ゴミ箱; 「サンプルを開く」 brings
/// the sample's back rather than writing a new sample over them, and 「サンプルを削除」 removes
/// those in the ゴミ箱 too (one made for the next 年度 included).
#[test]
fn the_sample_in_the_trash_is_found_to_bring_back_or_remove() {
    use crate::domain::diagnosis::trash::{move_to_trash, trashed_diagnoses};
    let s = sample();
    let with_id = |id: RecordId| {
        let mut d = s.diagnoses[1].clone();
        d.meta.id = id;
        d
    };
    let next_year = with_id(fresh_id_in(&rid("sample-2025"), rid("n1")));
    let real = with_id(rid("real-d"));
    let all: Vec<StoredRecord> = [&s.diagnoses[0], &s.diagnoses[1], &next_year, &real]
        .into_iter()
        .filter_map(|d| move_to_trash(d, Timestamp(5), &d.meta.updated_by))
        .collect();
    assert!(listed(&list_diagnoses(&all).0).is_none(), "none on the list");
    let trashed = trashed_diagnoses(&all);
    let found: Vec<&str> = in_trash(&trashed).iter().map(|e| e.record.meta.id.as_str()).collect();
    assert_eq!(found, vec!["sample-2024", "sample-2025", "sample-n1"], "the sample's only");
    let removed: Vec<String> = to_remove(&trashed).iter().map(ToString::to_string).collect();
    assert_eq!(removed, vec!["sample-2024", "sample-2025", "sample-n1"]);
}
