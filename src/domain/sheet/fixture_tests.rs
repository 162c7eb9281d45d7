//! The committed files the E2E tests import (e2e/fixtures/sheets/, written by
//! tools/make-sheet-fixtures.py with openpyxl and Python's cp932 codec), read natively.

use super::existing::Existing;
use super::fields::TableKind;
use super::layout::find_any_table;
use super::rows::{read_rows, RowValue};
use super::text::{decode, Encoding};
use super::{read_file, Grid};
use crate::domain::issues::Severity;
use crate::domain::patient::Patient;
use crate::domain::time::Date;
use crate::domain::tri::Tri;

fn cp932(bytes: &[u8]) -> Option<String> {
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

fn patients(grid: &Grid) -> Vec<(usize, Patient, Vec<String>)> {
    let layout = find_any_table(grid).unwrap();
    assert_eq!(layout.kind, TableKind::Patients);
    read_rows(grid, &layout, &Existing::default(), Date::new(2026, 12, 2).unwrap())
        .into_iter()
        .filter(|r| !r.example)
        .map(|r| {
            let notes = r.findings.iter().map(|f| f.message.clone()).collect();
            match r.value {
                Some(RowValue::Patient(p)) => (r.row, *p, notes),
                _ => panic!("row {} did not read: {notes:?}", r.row + 1),
            }
        })
        .collect()
}

#[test]
fn excels_shift_jis_csv_reads_every_patient() {
    let bytes = include_bytes!("../../../e2e/fixtures/sheets/yoshiki1-cp932.csv");
    let (encoding, _) = decode(bytes, cp932).unwrap();
    assert_eq!(encoding, Encoding::Cp932);
    let (grids, enc) = read_file("yoshiki1-cp932.csv", bytes, cp932).unwrap();
    assert_eq!(enc, Some(Encoding::Cp932));
    assert_eq!(grids[0].name, "yoshiki1-cp932");
    let ps = patients(&grids[0]);
    assert_eq!(ps.len(), 30);
    let (_, p4, _) = &ps[3];
    assert_eq!(p4.id_number, "K-004");
    assert_eq!(p4.procedures.ventilator, Some(true));
    // 2015 + 4 % 8 = 2019 → written 2019/5.
    assert_eq!(p4.onset.map(|o| o.to_string()), Some("2019年5月".to_string()));
    let (_, p1, _) = &ps[0];
    // 平成28年2月 → 2016年2月.
    assert_eq!(p1.onset.map(|o| o.to_string()), Some("2016年2月".to_string()));
    let (_, p6, _) = &ps[5];
    assert_eq!(p6.station_nursing.names, Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".to_string(), "Ｂｽﾃｰｼｮﾝ".to_string()]));
    assert_eq!(ps.iter().filter(|(_, p, _)| p.procedures.ventilator == Some(true)).count(), 7);
}

#[test]
fn the_errors_file_names_its_rows() {
    let bytes = include_bytes!("../../../e2e/fixtures/sheets/yoshiki1-errors.csv");
    let (grids, _) = read_file("yoshiki1-errors.csv", bytes, cp932).unwrap();
    let layout = find_any_table(&grids[0]).unwrap();
    let rows = read_rows(&grids[0], &layout, &Existing::default(), Date::new(2026, 12, 2).unwrap());
    let errors: Vec<usize> = rows.iter().filter(|r| r.has_errors()).map(|r| r.row + 1).collect();
    // Header is line 1: E-002 (年齢 200) on line 3, E-003 (たぶん) on line 4, E-001 again on 6.
    assert_eq!(errors, vec![3, 4, 6]);
    assert!(rows
        .iter()
        .flat_map(|r| &r.findings)
        .all(|f| f.severity == Severity::Error || f.severity == Severity::Warning));
}

#[test]
fn utf8_with_and_without_bom() {
    let text = "ID番号,氏名,住所,年齢\r\nK-1,田中,A市,70\r\n";
    for bytes in [text.as_bytes().to_vec(), [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()] {
        let (grids, enc) = read_file("x.csv", &bytes, |_| None).unwrap();
        assert!(matches!(enc, Some(Encoding::Utf8 | Encoding::Utf8Bom)));
        assert_eq!(patients(&grids[0]).len(), 1);
    }
    // The same in Shift_JIS, as encoding_rs writes it.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    let (grids, enc) = read_file("x.csv", &sjis, cp932).unwrap();
    assert_eq!(enc, Some(Encoding::Cp932));
    assert_eq!(patients(&grids[0])[0].1.name, "田中");
}

#[test]
fn files_that_are_not_spreadsheets() {
    assert!(super::is_spreadsheet("a.xlsx", b""));
    assert!(super::is_spreadsheet("A.CSV", b""));
    assert!(super::is_spreadsheet("noname", b"PK\x03\x04rest"));
    assert!(!super::is_spreadsheet("backup.nanbyo.json", b"{\"format\":1}"));
    assert_eq!(
        read_file("old.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0], |_| None).unwrap_err(),
        super::SheetError::OldOrProtected
    );
    let utf16 = [0xFF, 0xFE, b'a', 0];
    assert!(matches!(read_file("u.csv", &utf16, |_| None), Err(super::SheetError::Encoding(_))));
}

/// The paper layout written by openpyxl: title row, the 地域の概況 block, grouped headings
/// merged over two rows,
/// 例1/例2, onsets as Excel dates, 介護度 in words; a 様式3 sheet and a memo sheet.
#[test]
fn the_paper_workbook_reads_every_sheet() {
    let bytes = include_bytes!("../../../e2e/fixtures/sheets/yoshiki1.xlsx");
    let (grids, encoding) = read_file("yoshiki1.xlsx", bytes, |_| None).unwrap();
    assert_eq!(encoding, None);
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, vec!["様式1", "様式3", "メモ"]);
    let layout = find_any_table(&grids[0]).unwrap();
    assert_eq!(layout.heading_rows, (11, 12));
    // The seed's 地域の概況 block above the table.
    let header = crate::domain::sheet::overview::find_overview(&grids[0], Some(layout.heading_rows.0));
    assert_eq!(header.len(), 14);
    assert_eq!((header[1].field.as_str(), header[1].text.as_str()), ("population", "123456"));
    let rows = read_rows(&grids[0], &layout, &Existing::default(), Date::new(2026, 12, 2).unwrap());
    assert_eq!(rows.iter().filter(|r| r.example).count(), 2);
    let ps = patients(&grids[0]);
    assert_eq!(ps.len(), 30);
    let (row, p1, notes) = &ps[0];
    assert_eq!(*row, 15, "sheet row 16 (title, blank, the 概況 block, blank, two heading rows, two examples)");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(p1.id_number, "1", "番号 stands in for the ID番号");
    // 2015 + 1 = 2016, month 2, written as an Excel date.
    assert_eq!(p1.onset.map(|o| o.to_string()), Some("2016年2月".to_string()));
    // 要介護(1 + 1 % 5) = 要介護2.
    assert_eq!(p1.care_insurance.value().map(|c| c.code()), Some(2));
    assert_eq!(ps.iter().filter(|(_, p, _)| p.procedures.ventilator == Some(true)).count(), 7);
    let stations = find_any_table(&grids[1]).unwrap();
    assert_eq!(stations.kind, TableKind::Stations);
    assert_eq!(find_any_table(&grids[2]), None);
}

/// Regression: the headings shown for the paper workbook's columns once had the 地域の概況
/// values above the table in them (「ＰＤ 住所」, 「150 氏名」).
#[test]
fn headings_shown_start_at_the_first_heading_row() {
    let bytes = include_bytes!("../../../e2e/fixtures/sheets/yoshiki1.xlsx");
    let (grids, _) = read_file("yoshiki1.xlsx", bytes, |_| None).unwrap();
    let layout = find_any_table(&grids[0]).unwrap();
    let heading = |i: usize| layout.columns.iter().find(|c| c.index == i).map(|c| c.heading.clone()).unwrap();
    assert_eq!(heading(1), "住所");
    assert_eq!(heading(2), "氏名");
    assert_eq!(heading(7), "医療処置管理 人工呼吸器");
}
