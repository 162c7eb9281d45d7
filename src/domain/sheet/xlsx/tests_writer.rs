//! Workbooks written by an independent writer (`rust_xlsxwriter`, the Rust port of Python's
//! XlsxWriter, whose files Excel opens without repair): shared strings, numbers, formulas
//! with cached results, merged cells, dates, several sheets and a chart sheet.

use super::*;
use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Formula, Workbook};
use std::time::Instant;

fn sample() -> Vec<u8> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy/mm/dd");
    let ws = wb.add_worksheet().set_name("様式1").unwrap();
    ws.merge_range(0, 0, 0, 2, "医療処置管理", &bold).unwrap();
    ws.write_string(1, 0, "氏名").unwrap();
    ws.write_string(1, 1, "生年月日").unwrap();
    ws.write_string(1, 2, "年齢").unwrap();
    ws.write_string(2, 0, "山田 花子").unwrap();
    ws.write_datetime_with_format(2, 1, ExcelDateTime::from_ymd(2002, 5, 1).unwrap(), &date).unwrap();
    ws.write_number(2, 2, 22).unwrap();
    ws.write_number(2, 3, 0.5).unwrap();
    ws.write_number(2, 4, -2.25).unwrap();
    ws.write_formula(2, 5, Formula::new("=0.1+0.2").set_result("0.30000000000000004")).unwrap();
    ws.write_formula(2, 6, Formula::new("=A3&\"様\"").set_result("山田 花子様")).unwrap();
    ws.write_boolean(2, 7, true).unwrap();
    ws.write_string(2, 9, "改行\r\nあり & <記号>").unwrap();
    ws.write_rich_string(3, 0, &[(&bold, "太字"), (&Format::new(), "と普通")]).unwrap();
    ws.write_string(3, 1, "氏名").unwrap(); // a shared string used twice
    ws.merge_range(4, 1, 6, 2, "", &bold).unwrap();
    let ws = wb.add_worksheet().set_name("様式3").unwrap();
    ws.write_number(0, 0, 37377).unwrap();
    let mut chart = Chart::new(ChartType::Column);
    chart.add_series().set_values("様式3!$A$1:$A$1");
    wb.add_chartsheet().insert_chart(0, 0, &chart).unwrap();
    wb.add_worksheet().set_name("空").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_written_workbook_reads_as_excel_shows_it() {
    let grids = read_workbook(&sample()).unwrap();
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["様式1", "様式3", "空"], "the chart sheet is left out");
    let g = &grids[0];
    assert_eq!(g.rows[0], vec!["医療処置管理"]);
    assert_eq!(g.merged_cell(0, 2), "医療処置管理");
    assert_eq!(g.rows[1], vec!["氏名", "生年月日", "年齢"]);
    assert_eq!(
        g.rows[2],
        vec!["山田 花子", "37377", "22", "0.5", "-2.25", "0.3", "山田 花子様", "1", "", "改行\r\nあり & <記号>"]
    );
    assert_eq!(g.rows[3], vec!["太字と普通", "氏名"]);
    assert_eq!(g.merges, vec![(0, 0, 0, 2), (4, 1, 6, 2)]);
    assert_eq!(grids[1].rows, vec![vec!["37377"]]);
    assert!(grids[2].rows.is_empty());
}

/// 1,000 rows × 48 columns like a 保健所's 様式1: the read must not be quadratic.
#[test]
fn a_thousand_rows_of_48_columns_read_quickly() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for c in 0..48u16 {
        ws.write_string(0, c, format!("項目{c}")).unwrap();
    }
    for r in 1..=1000u32 {
        for c in 0..48u16 {
            if c % 3 == 0 {
                ws.write_string(r, c, format!("値{r}-{c}")).unwrap();
            } else {
                ws.write_number(r, c, f64::from(r) * 1.5 + f64::from(c)).unwrap();
            }
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let mut took = std::time::Duration::MAX;
    let mut grids = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        grids = read_workbook(&bytes).unwrap();
        took = took.min(start.elapsed());
    }
    eprintln!("1,000 × 48 cells ({} KB zipped) read in {took:?}", bytes.len() / 1024);
    assert_eq!(grids[0].rows.len(), 1001);
    assert_eq!(grids[0].cell(1000, 47), "1547");
    assert_eq!(grids[0].cell(1000, 45), "値1000-45");
    // Generous: a debug build on a shared CI machine (release takes a few milliseconds).
    assert!(took.as_secs_f64() < 2.0, "{took:?}");
}

/// Writes a workbook for the browser tests (not run by default):
/// `XLSX_FIXTURE=path cargo test --lib -- --ignored write_e2e_fixture`.
#[test]
#[ignore]
fn write_e2e_fixture() {
    let path = std::env::var("XLSX_FIXTURE").unwrap_or_else(|_| "target/sheet-import.xlsx".to_string());
    std::fs::write(&path, sample()).unwrap();
    eprintln!("wrote {path}");
}
