use super::*;
use crate::domain::csv::{patients_csv, stations_csv, PatientCsvOptions};
use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2, seed_patient};
use crate::domain::patient::{Age, AgeBand, CareLevel, VisitMode};
use crate::domain::sheet::layout::find_table;
use crate::domain::sheet::test_support::{grid, today};
use crate::domain::sheet::text::parse_csv;
use crate::domain::tri::Tri;

fn read(g: &Grid, kind: TableKind) -> (Layout, Vec<ReadRow>) {
    let layout = find_table(g, kind).unwrap();
    let rows = read_rows(g, &layout, &Existing::default(), today());
    (layout, rows)
}

fn patient(r: &ReadRow) -> &Patient {
    match &r.value {
        Some(RowValue::Patient(p)) => p,
        other => panic!("no patient in row {}: {other:?} {:?}", r.row, r.findings),
    }
}

fn seed_patients() -> Vec<Patient> {
    let mut a = seed_patient(seed_example_1());
    a.id_number = "A-001".into();
    let mut b = seed_patient(seed_example_2());
    b.id_number = "A-002".into();
    b.disaster_plan = Tri::Value(Some(2024));
    vec![a, b]
}

/// The app's own 様式1 CSV, read back into an empty 地域診断, writes the same CSV again.
#[test]
fn the_apps_csv_round_trips_cell_for_cell() {
    let patients = seed_patients();
    let csv = patients_csv(&patients, PatientCsvOptions::default());
    let g = parse_csv("様式1.csv", &csv).unwrap();
    let (_, rows) = read(&g, TableKind::Patients);
    assert_eq!(rows.len(), 2);
    let back: Vec<Patient> = rows.iter().map(|r| patient(r).clone()).collect();
    for r in &rows {
        assert!(r.findings.iter().all(|f| f.severity == Severity::Warning), "{:?}", r.findings);
    }
    assert_eq!(patients_csv(&back, PatientCsvOptions::default()), csv);
    assert_eq!(back[1].age, Some(Age::Band(AgeBand::from_code(4).unwrap())));
    assert_eq!(back[0].gaps, patients[0].gaps);
}

#[test]
fn the_apps_station_csv_round_trips() {
    use crate::domain::forms::station_form::StationForm;
    let form = StationForm {
        name: "Ａステーション".into(),
        address: "A市1-1".into(),
        fte_mode: FTE_DIRECT.into(),
        fte_direct: "3.5".into(),
        monthly_users: "40".into(),
        medical_insurance_users: "12".into(),
        addition_24h: "1".into(),
        addition_special: "0".into(),
        als_intake: "2".into(),
        ..StationForm::default()
    };
    let (station, _) = form.parse().unwrap();
    let csv = stations_csv(std::slice::from_ref(&station));
    let g = parse_csv("様式3.csv", &csv).unwrap();
    let (_, rows) = read(&g, TableKind::Stations);
    let Some(RowValue::Station(back)) = &rows[0].value else { panic!("{:?}", rows[0]) };
    assert_eq!(stations_csv(&[(**back).clone()]), csv);
}

/// The paper layout with its 記入例 rows and the words people write.
#[test]
fn examples_are_skipped_and_words_are_read() {
    let g = grid(&[
        &["番号", "住所", "氏名", "年齢", "ADL", "神経内科専門医療機関", "", "介護保険（介護度）", "発症時期"],
        &["", "", "", "", "", "機関名", "受診形態", "", ""],
        &["例1", "A市", "山田", "66", "3", "県立病院", "1", "5", "2002年5月"],
        &["例2", "A市", "鈴木", "4", "2", "0", "", "", "2005"],
        &["1", "B町", "田中", "７０歳", "全面介助", "Ｃ病院", "往診", "要介護3", "37377"],
        &[],
        &["2", "B町", "佐藤", "", "", "", "", "", "平成30年"],
    ]);
    let (_, rows) = read(&g, TableKind::Patients);
    assert_eq!(rows.iter().filter(|r| r.example).count(), 2);
    let data: Vec<&ReadRow> = rows.iter().filter(|r| !r.example).collect();
    assert_eq!(data.len(), 2);
    let p = patient(data[0]);
    assert_eq!(p.id_number, "1", "番号 stands in for the missing ID番号");
    assert_eq!(p.age, Some(Age::Years(70)));
    assert_eq!(p.adl.map(|a| a.code()), Some(3));
    assert_eq!(p.neurology.name, Tri::Value("Ｃ病院".to_string()));
    assert_eq!(p.neurology.mode, Some(VisitMode::HomeVisit));
    assert_eq!(p.care_insurance, Tri::Value(CareLevel::from_code(3).unwrap()));
    assert_eq!(p.onset.map(|o| o.to_string()), Some("2002年5月".to_string()));
    let q = patient(data[1]);
    assert_eq!(q.neurology.name, Tri::Unknown, "blank is 不明");
    assert_eq!(q.onset.map(|o| o.to_string()), Some("2018年".to_string()));
}

/// Bad cells are errors naming their column; the row makes no record.
#[test]
fn errors_name_the_column() {
    let g = grid(&[
        &["ID番号", "氏名", "年齢", "医療処置管理 人工呼吸器", "訪問看護ステーション 1週間の合計訪問回数（回）"],
        &["A-1", "田中", "200", "たぶん", "abc"],
        &["A-2", "鈴木", "70", "1", "0.5"],
    ]);
    let (layout, rows) = read(&g, TableKind::Patients);
    let bad = &rows[0];
    assert!(bad.value.is_none());
    let columns: Vec<Option<usize>> =
        bad.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.column).collect();
    assert!(columns.contains(&Some(2)), "{:?}", bad.findings);
    assert!(columns.contains(&Some(3)), "{:?}", bad.findings);
    assert!(columns.contains(&Some(4)), "{:?}", bad.findings);
    assert!(bad.findings.iter().any(|f| f.message.starts_with("年齢")), "{:?}", bad.findings);
    assert!(rows[1].value.is_some());
    assert_eq!(layout.columns.len(), 5);
    assert_eq!(place("様式1", 1, Some(2), Some("年齢")), "シート「様式1」の 2 行目、列 C（年齢）");
}

#[test]
fn a_long_cell_is_an_error_not_a_crash() {
    let long = "あ".repeat(10_000);
    let g = grid(&[&["ID番号", "氏名", "初発症状"], &["A-1", "田中", long.as_str()]]);
    let (_, rows) = read(&g, TableKind::Patients);
    assert!(rows[0].value.is_none());
    assert!(rows[0].findings.iter().any(|f| f.column == Some(2) && f.severity == Severity::Error));
}

#[test]
fn a_repeated_id_number_is_an_error_on_the_later_row() {
    let g = grid(&[&["ID番号", "氏名", "住所"], &["A-1", "田中", "x"], &["Ａ-1", "鈴木", "y"], &["A-2", "佐藤", "z"]]);
    let (_, rows) = read(&g, TableKind::Patients);
    assert!(rows[0].value.is_some());
    assert!(rows[1].value.is_none());
    assert!(rows[1].findings.iter().any(|f| f.message.contains("2 行目と同じ")), "{:?}", rows[1].findings);
    assert!(rows[2].value.is_some());
}

#[test]
fn a_file_total_that_disagrees_is_a_warning() {
    let g = grid(&[
        &[
            "ID番号",
            "訪問看護ステーション 1週間の合計訪問回数（回）",
            "医療機関からの訪問看護 1週間の合計訪問回数（回）",
            "1週間の合計訪問看護利用回数",
        ],
        &["A-1", "2", "0.5", "3"],
        &["A-2", "2", "0.5", "2.5"],
    ]);
    let (_, rows) = read(&g, TableKind::Patients);
    assert!(rows[0].value.is_some());
    assert_eq!(rows[0].findings.len(), 1);
    assert_eq!(rows[0].findings[0].severity, Severity::Warning);
    assert_eq!(rows[0].findings[0].column, Some(3));
    assert!(rows[1].findings.is_empty(), "{:?}", rows[1].findings);
}

#[test]
fn gaps_read_back_with_notes() {
    let gaps = parse_gaps("訪問看護ステーション（週3回必要（本人希望））、緊急時の入院機関").unwrap();
    assert_eq!(gaps.len(), 2);
    assert_eq!(gaps[0].service, Service::StationNursing);
    assert_eq!(gaps[0].note, "週3回必要（本人希望）");
    assert_eq!(gaps[1].service, Service::EmergencyAdmission);
    assert!(parse_gaps("なにか").is_err());
    assert_eq!(parse_gaps("").unwrap(), vec![]);
}

#[test]
fn stations_from_the_paper_form() {
    let g = Grid {
        name: "様式3".into(),
        rows: vec![
            vec![
                "（1）名称".into(),
                "（2）所在地".into(),
                "（7）医療保険加算届出".into(),
                "（10）ALS患者の今後の受け入れ".into(),
            ],
            vec!["Ａステーション".into(), "A市".into(), "1,2".into(), "検討可".into()],
            vec!["Ｂステーション".into(), "B町".into(), "7".into(), "".into()],
        ],
        merges: vec![],
    };
    let (_, rows) = read(&g, TableKind::Stations);
    let Some(RowValue::Station(a)) = &rows[0].value else { panic!("{:?}", rows[0]) };
    assert_eq!((a.addition_24h, a.addition_special), (Some(true), Some(true)));
    assert_eq!(a.als_intake.map(|i| i.code()), Some(1));
    assert!(rows[1].value.is_none());
    assert_eq!(rows[1].findings[0].column, Some(2));
}
