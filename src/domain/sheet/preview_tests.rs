use super::*;
use crate::domain::ids::RecordId;
use crate::domain::record::RecordKind;
use crate::domain::sheet::records::sheet_bundle;
use crate::domain::sheet::test_support::{diagnosis, grid, me, today};
use crate::domain::time::Timestamp;

/// The preview of one sheet with `choices`, going into 地域診断 `diag-1` (none when
/// `with_diagnosis` is false), nothing saved yet, names shown.
fn preview_of(sheet: Grid, choices: &SheetChoices, with_diagnosis: bool) -> (SheetPreview, SheetRead) {
    let diagnoses = if with_diagnosis { vec![(diagnosis().meta.id, "A保健所管内".to_string())] } else { vec![] };
    make_preview("様式.xlsx", None, &[sheet], choices, diagnoses, &Existing::default(), today(), false)
}

/// The Excel tool's 様式1 sheet: the 地域の概況 above the 療養者 table.
fn header_and_table() -> Grid {
    grid(&[
        &["人口", "50000", "人", "難病医療協力病院", "管内", "2", "ヵ所", "都道府県内", "18", "ヵ所"],
        &["面積", "120.5", "Km2"],
        &[],
        &["番号", "住所", "氏名", "年齢"],
        &["1", "A市", "田中", "70"],
        &["2", "B町", "鈴木", "ALS"],
    ])
}

#[test]
fn the_header_above_the_table_is_read_too() {
    let d = diagnosis();
    let (preview, read) = preview_of(header_and_table(), &SheetChoices::default(), true);
    assert_eq!(preview.overview.len(), 4, "{:?}", preview.overview);
    assert_eq!(preview.overview[0], ("人口（人）".to_string(), "50000".to_string()));
    assert!(preview.overview_findings.is_empty());
    // Row 2's 年齢 「ALS」 is an error, row 1 reads.
    assert_eq!(preview.ready, 1);
    assert_eq!(preview.rows.len(), 1);
    let overview = read.overview.clone().unwrap();
    assert_eq!(overview.population, Some(50_000));
    let bundle = sheet_bundle(
        &d,
        &Existing::default(),
        &read.rows,
        read.overview.as_ref(),
        Timestamp(2_000),
        &me(),
        &mut || RecordId::parse("p-new").unwrap(),
    );
    let kinds: Vec<RecordKind> = bundle.records.iter().map(|r| r.meta.kind).collect();
    assert!(kinds.contains(&RecordKind::Overview) && kinds.contains(&RecordKind::Patient), "{kinds:?}");

    // The nurse leaves it out.
    let skip = SheetChoices { skip_overview: true, ..preview.choices.clone() };
    let (_, read) = preview_of(header_and_table(), &skip, true);
    assert!(read.overview.is_none());
}

#[test]
fn a_sheet_with_only_the_header_can_be_imported() {
    let only = grid(&[&["人口", "50000", "人"], &["面積", "120.5", "Km2"]]);
    let (preview, read) = preview_of(only, &SheetChoices::default(), true);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(preview.layout.is_none());
    assert!(read.overview.is_some());
}

#[test]
fn no_table_and_no_header_is_a_problem_named_by_sheet() {
    let (preview, _) = preview_of(grid(&[&["売上", "金額"]]), &SheetChoices::default(), false);
    assert_eq!(preview.problems.len(), 2, "{:?}", preview.problems);
    assert!(preview.problems[0].starts_with("取り込み先の地域診断がありません"));
    assert!(preview.problems[1].contains("シート「様式1」"));
}

/// 様式3's own header (※1 管轄地域の面積, ※2 管轄地域の人口, as in the seed) above the station
/// table is read into the 地域の概況 like 様式1's.
#[test]
fn the_station_sheets_header_is_read_too() {
    let g = grid(&[
        &["※１", "管轄地域の面積", "456.78", "Km2"],
        &["※２", "管轄地域の人口", "123456", "人"],
        &[],
        &["（1）名称", "（2）所在地", "（3）看護師の常勤換算"],
        &["Ａステーション", "A市", "3"],
    ]);
    let (preview, read) = preview_of(g, &SheetChoices::default(), true);
    assert_eq!(preview.layout.as_ref().map(|l| l.kind), Some(crate::domain::sheet::fields::TableKind::Stations));
    assert_eq!(preview.ready, 1);
    let overview = read.overview.unwrap();
    assert_eq!(overview.population, Some(123_456));
    assert_eq!(overview.area_km2.map(|a| a.to_string()), Some("456.78".to_string()));
}
