//! Hostile and damaged files: each ends in its [`SheetError`], none panics, none exhausts
//! memory or the stack.

use super::test_zip::{part, workbook, zip, Part};
use super::*;
use proptest::prelude::*;

fn small() -> Vec<u8> {
    workbook(
        &[(
            "様式1",
            r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>37377</v></c></row></sheetData>"#,
        )],
        Some("<si><t>氏名</t></si>"),
    )
}

/// The central directory record of `name`, to lie in.
fn central_record(zip: &[u8], name: &str) -> usize {
    let mut needle = Vec::new();
    needle.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    (0..zip.len() - 46).find(|&i| zip[i..].starts_with(&needle) && zip[i + 46..].starts_with(name.as_bytes())).unwrap()
}

#[test]
fn a_valid_small_workbook_reads() {
    let g = read_workbook(&small()).unwrap();
    assert_eq!(g[0].rows, vec![vec!["氏名", "37377"]]);
}

#[test]
fn ole_files_are_old_or_protected() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert_eq!(read_workbook(&ole), Err(SheetError::OldOrProtected));
}

#[test]
fn other_files_are_not_spreadsheets() {
    let cases: [(&[u8], &str); 4] = [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (b"%PDF-1.7", "PDF"),
        ("氏名,年齢\n山田,40\n".as_bytes(), "CSV"),
        (b"", "空"),
    ];
    for (bytes, word) in cases {
        match read_workbook(bytes) {
            Err(SheetError::NotSpreadsheet(what)) => assert!(what.contains(word), "{what}"),
            other => panic!("{word}: {other:?}"),
        }
    }
    let docx = zip(&[part("[Content_Types].xml", "<Types/>"), part("word/document.xml", "<w:document/>")], false);
    match read_workbook(&docx) {
        Err(SheetError::NotSpreadsheet(what)) => assert!(what.contains("Word"), "{what}"),
        other => panic!("{other:?}"),
    }
    let plain = zip(&[part("readme.txt", "hello")], false);
    assert!(matches!(read_workbook(&plain), Err(SheetError::NotSpreadsheet(_))));
}

#[test]
fn truncated_and_damaged_zips_are_broken() {
    let good = small();
    for len in [2, 30, good.len() / 2, good.len() - 30] {
        assert!(matches!(read_workbook(&good[..len]), Err(SheetError::Broken(_))), "cut at {len}");
    }
    // A flipped byte inside the sheet's deflated data: inflate or CRC fails.
    let at = central_record(&good, "xl/worksheets/sheet1.xml");
    let offset = u32::from_le_bytes(good[at + 42..at + 46].try_into().unwrap()) as usize;
    let mut bad = good.clone();
    bad[offset + 30 + "xl/worksheets/sheet1.xml".len() + 5] ^= 0x55;
    match read_workbook(&bad) {
        Err(SheetError::Broken(what)) => assert!(what.contains("sheet1.xml"), "{what}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn encrypted_zip64_and_unknown_methods_are_refused() {
    let good = small();
    let at = central_record(&good, "xl/workbook.xml");
    let mut encrypted = good.clone();
    encrypted[at + 8] |= 1;
    assert_eq!(read_workbook(&encrypted), Err(SheetError::OldOrProtected));
    let mut zip64 = good.clone();
    zip64[at + 24..at + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(read_workbook(&zip64), Err(SheetError::NotSpreadsheet(w)) if w.contains("Zip64")));
    let mut lzma = good.clone();
    lzma[at + 10] = 14;
    assert!(matches!(read_workbook(&lzma), Err(SheetError::NotSpreadsheet(w)) if w.contains("14")));
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    let zeros = format!("<sheetData/>{}", " ".repeat(2_000_000));
    let bomb = workbook(&[("s", &zeros)], None);
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    let limits = Limits { entry_bytes: 100_000, ..Limits::default() };
    assert!(matches!(read_workbook_with(&bomb, &limits), Err(SheetError::TooLarge(w)) if w.contains("sheet1.xml")));
    // The same part claiming to be 100 bytes: inflating stops at the limit all the same.
    let mut liar = bomb.clone();
    let at = central_record(&liar, "xl/worksheets/sheet1.xml");
    liar[at + 24..at + 28].copy_from_slice(&100u32.to_le_bytes());
    assert!(matches!(read_workbook_with(&liar, &limits), Err(SheetError::TooLarge(_))));
    // Under a larger limit, the lie shows as damage.
    assert!(matches!(read_workbook(&liar), Err(SheetError::Broken(_))));
    // Many parts each under the limit still meet the total.
    let sheets: Vec<(&str, &str)> = (0..5).map(|_| ("s", &zeros[..90_000])).collect();
    let many = workbook(&sheets, None);
    let limits = Limits { entry_bytes: 100_000, total_bytes: 300_000, ..Limits::default() };
    assert!(matches!(read_workbook_with(&many, &limits), Err(SheetError::TooLarge(_))));
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let body = format!(
        r#"<sheetData>{}<row r="1"><c r="A1"><v>1</v></c></row>{}</sheetData>"#,
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let g = read_workbook(&workbook(&[("s", &body)], None)).unwrap();
    assert_eq!(g[0].cell(0, 0), "1");
}

#[test]
fn too_many_rows_and_cells() {
    let mut body = String::from("<sheetData>");
    for r in 1..=25_000 {
        body += &format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#);
    }
    body += "</sheetData>";
    let wb = workbook(&[("様式1", &body)], None);
    assert_eq!(read_workbook(&wb), Err(SheetError::TooManyRows { sheet: "様式1".into(), rows: MAX_ROWS + 1 }));
    let limits = Limits { cells: 1000, ..Limits::default() };
    assert!(matches!(read_workbook_with(&wb, &limits), Err(SheetError::TooLarge(_))));
    let limits = Limits { rows: 30_000, ..Limits::default() };
    assert_eq!(read_workbook_with(&wb, &limits).unwrap()[0].rows.len(), 25_000);
}

#[test]
fn damaged_parts_are_named() {
    let cases = [
        (r#"<sheetData><row><c t="s"><v>7</v></c></row></sheetData>"#, "共有文字列"),
        (r#"<sheetData><row><c r="A1"><v>1</v></c></row><mergeCells><mergeCell ref="A1:B"#, "sheet1.xml"),
    ];
    for (body, word) in cases {
        match read_workbook(&workbook(&[("s", body)], Some("<si><t>x</t></si>"))) {
            Err(SheetError::Broken(what)) => assert!(what.contains(word), "{what}"),
            other => panic!("{other:?}"),
        }
    }
    let rels = r#"<Relationships><Relationship Id="r1" Type="x/worksheet" Target="missing.xml"/></Relationships>"#;
    let wb = r#"<workbook><sheets><sheet name="消えた" r:id="r1"/><sheet name="無い" r:id="r9"/></sheets></workbook>"#;
    let parts = [part("xl/workbook.xml", wb), part("xl/_rels/workbook.xml.rels", rels)];
    assert!(matches!(read_workbook(&zip(&parts, false)), Err(SheetError::Broken(w)) if w.contains("消えた")));
    let not_utf8 = [
        part("xl/workbook.xml", "<workbook/>"),
        Part { name: "xl/_rels/workbook.xml.rels", data: vec![0xFF, 0x3C], deflate: false },
    ];
    assert!(matches!(read_workbook(&zip(&not_utf8, false)), Err(SheetError::Broken(w)) if w.contains("rels")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000), pk in any::<bool>()) {
        let mut bytes = bytes;
        if pk && bytes.len() >= 2 {
            bytes[0] = b'P';
            bytes[1] = b'K';
        }
        let _ = read_workbook(&bytes);
    }

    #[test]
    fn mutated_workbooks_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = small();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = read_workbook(&bytes);
    }

    #[test]
    fn xml_garbage_never_panics(body in r#"[<>/a-zA-Z0-9"'=&;#:_ \-!\[\]?]{0,300}"#, shared in r#"[<>/a-z0-9"'=&;#:_ ]{0,100}"#) {
        let wrapped = format!(r#"<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c>{body}</row></sheetData>"#);
        let _ = read_workbook(&workbook(&[("s", &wrapped)], Some(&format!("<si>{shared}</si>"))));
        let _ = read_workbook(&workbook(&[("s", &body)], None));
    }
}
