//! Hand-written parts for what writers rarely emit: inline strings, furigana, `_x000D_`,
//! namespace prefixes, cells without `r`, booleans, errors, data descriptors.

use super::cells::{cell_ref, decode_escapes, number_text};
use super::test_zip::{part, workbook, zip, Part};
use super::*;

fn one_sheet(body: &str, shared: Option<&str>) -> Grid {
    let mut grids = read_workbook(&workbook(&[("様式1", body)], shared)).unwrap();
    assert_eq!(grids.len(), 1);
    grids.remove(0)
}

#[test]
fn numbers_in_shortest_form() {
    assert_eq!(number_text("1"), "1");
    assert_eq!(number_text("1.0"), "1");
    assert_eq!(number_text("0.5"), "0.5");
    assert_eq!(number_text("37377"), "37377");
    assert_eq!(number_text("-2.25"), "-2.25");
    assert_eq!(number_text("0.30000000000000004"), "0.3");
    assert_eq!(number_text("0.1"), "0.1");
    assert_eq!(number_text("1.2345678901234567"), "1.23456789012346");
    assert_eq!(number_text("123456789012345678"), "123456789012346000");
    assert_eq!(number_text("1E-3"), "0.001");
    assert_eq!(number_text("-0"), "0");
    assert_eq!(number_text(" 42 "), "42");
    assert_eq!(number_text("abc"), "abc");
    assert_eq!(number_text("0.000123456789012345"), "0.000123456789012345");
    assert_eq!(number_text("100.500"), "100.5");
    assert_eq!(number_text("1.1.1"), "1.1.1");
    assert_eq!(number_text("-"), "-");
}

#[test]
fn cell_references() {
    assert_eq!(cell_ref("A1"), Some((0, 0)));
    assert_eq!(cell_ref("C5"), Some((4, 2)));
    assert_eq!(cell_ref("AA10"), Some((9, 26)));
    assert_eq!(cell_ref("$B$2"), Some((1, 1)));
    assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
    for bad in ["", "A", "1", "A0", "ABCD1", "A-1", "あ1"] {
        assert_eq!(cell_ref(bad), None, "{bad}");
    }
}

#[test]
fn excel_escapes() {
    assert_eq!(decode_escapes("一行目_x000D_\n二行目"), "一行目\r\n二行目");
    assert_eq!(decode_escapes("_x005F_x000D_"), "_x000D_");
    assert_eq!(decode_escapes("_xD83D__xDE00_"), "😀");
    assert_eq!(decode_escapes("_xD83D_ x_x41 _x004g_"), "_xD83D_ x_x41 _x004g_");
    assert_eq!(decode_escapes("file_x0041_"), "fileA");
}

#[test]
fn shared_strings_rich_text_and_furigana() {
    let shared = r#"<si><t>氏名</t></si>
        <si><r><rPr><b/></rPr><t>東京</t></r><r><t xml:space="preserve"> 太郎</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
        <si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>
        <si/><si><t>a &amp; b &lt;c&gt; &#x3042;</t></si>"#;
    let body = r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row></sheetData>"#;
    let g = one_sheet(body, Some(shared));
    assert_eq!(g.rows, vec![vec!["氏名", "東京 太郎", "山田", "", "a & b <c> あ"]]);
}

#[test]
fn every_cell_type() {
    let body = r#"<sheetData><row r="2">
        <c r="A2" t="inlineStr"><is><t>インライン</t><rPh><t>インライン</t></rPh></is></c>
        <c r="B2" t="str"><f>A2&amp;"x"</f><v>計算_x000D_結果</v></c>
        <c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>
        <c r="E2" t="e"><f>NA()</f><v>#N/A</v></c>
        <c r="F2"><f>1+1</f><v>2</v></c>
        <c r="G2" t="n"><v>0.30000000000000004</v></c>
        <c r="H2" s="3"/><c r="I2" t="d"><v>2024-04-01T00:00:00</v></c>
        <c r="J2" t="inlineStr"><is><r><t>リッチ</t></r><r><t><![CDATA[<文字>]]></t></r></is></c>
        </row></sheetData>"#;
    let g = one_sheet(body, None);
    assert_eq!(g.rows.len(), 2);
    assert!(g.rows[0].is_empty());
    assert_eq!(
        g.rows[1],
        vec!["インライン", "計算\r結果", "1", "0", "#N/A", "2", "0.3", "", "2024-04-01T00:00:00", "リッチ<文字>"]
    );
}

#[test]
fn prefixes_and_running_positions() {
    let body = r#"<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>一</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c r="E1"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>
        <x:row><x:c><x:v>7</x:v></x:c></x:row><x:row r="5"><x:c><x:v>9</x:v></x:c></x:row></x:sheetData>
        <x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C5:A3"/></x:mergeCells>"#;
    let xml = format!(
        r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{body}</x:worksheet>"#
    );
    let rels = r#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/></Relationships>"#;
    let wb = r#"<x:workbook xmlns:x="m" xmlns:r="r"><x:sheets><x:sheet name="A &amp; B" sheetId="1" r:id="r1"/></x:sheets></x:workbook>"#;
    let parts =
        [part("xl/workbook.xml", wb), part("xl/_rels/workbook.xml.rels", rels), part("xl/worksheets/a.xml", &xml)];
    let g = read_workbook(&zip(&parts, false)).unwrap();
    assert_eq!(g[0].name, "A & B");
    assert_eq!(g[0].rows, vec![vec!["一", "2", "", "", "5", "6"], vec!["7"], vec![], vec![], vec!["9"]]);
    assert_eq!(g[0].merges, vec![(0, 0, 0, 1), (2, 0, 4, 2)]);
    assert_eq!(g[0].merged_cell(0, 1), "一");
}

#[test]
fn stored_entries_with_data_descriptors_and_odd_names() {
    let rels = r#"<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/Sheet1.xml"/><Relationship Id="r2" Type="x/chartsheet" Target="chartsheets/c.xml"/></Relationships>"#;
    let wb =
        r#"<workbook><sheets><sheet name="グラフ" r:id="r2"/><sheet name="データ" r:id="r1"/></sheets></workbook>"#;
    let sheet = r#"<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>"#;
    let parts = [
        Part { name: "XL/Workbook.xml", data: wb.as_bytes().to_vec(), deflate: false },
        Part { name: "xl/_rels/workbook.xml.rels", data: rels.as_bytes().to_vec(), deflate: true },
        Part { name: "xl\\worksheets\\sheet1.xml", data: sheet.as_bytes().to_vec(), deflate: false },
    ];
    let g = read_workbook(&zip(&parts, true)).unwrap();
    assert_eq!(g.len(), 1, "the chart sheet is left out");
    assert_eq!((g[0].name.as_str(), g[0].cell(0, 0)), ("データ", "1"));
}

#[test]
fn utf16_part_with_bom() {
    let sheet =
        r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>保健所</t></is></c></row></sheetData></worksheet>"#;
    let mut data = vec![0xFF, 0xFE];
    data.extend(sheet.encode_utf16().flat_map(u16::to_le_bytes));
    let rels = r#"<Relationships><Relationship Id="r1" Type="x/worksheet" Target="s.xml"/></Relationships>"#;
    let parts = [
        part("xl/workbook.xml", "\u{FEFF}<workbook><sheets><sheet name=\"s\" r:id=\"r1\"/></sheets></workbook>"),
        part("xl/_rels/workbook.xml.rels", rels),
        Part { name: "xl/s.xml", data, deflate: true },
    ];
    assert_eq!(read_workbook(&zip(&parts, false)).unwrap()[0].cell(0, 0), "保健所");
}

#[test]
fn columns_beyond_the_limit_are_left_out_and_long_cells_capped() {
    let long = "あ".repeat(40_000);
    let body = format!(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{long}</t></is></c><c r="GR1"><v>1</v></c><c r="GS1"><v>2</v></c><c r="XFD1"><v>3</v></c></row></sheetData>"#
    );
    let g = one_sheet(&body, None);
    assert_eq!(g.rows[0].len(), MAX_COLUMNS);
    assert_eq!(g.rows[0][0].chars().count(), MAX_CELL_CHARS);
    assert_eq!(g.rows[0][MAX_COLUMNS - 1], "1");
}

#[test]
fn blank_and_formatted_only_rows_far_below_do_not_count() {
    let body = r#"<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" s="2"><c r="A1048576" s="2"/><c r="B1048576" t="s"></c></row></sheetData>"#;
    let g = one_sheet(body, Some("<si><t>x</t></si>"));
    assert_eq!(g.rows, vec![vec!["1"]]);
}
