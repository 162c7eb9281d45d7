//! CSV files: which encoding (UTF-8 with or without BOM, or Shift_JIS/CP932 as Japanese
//! Excel saves 「CSV (コンマ区切り)」) and the RFC 4180 table inside.
//!
//! The domain only decides the encoding; turning CP932 bytes into text is the browser's own
//! `TextDecoder("shift_jis")` (WHATWG Shift_JIS is CP932), passed in as a function, so no
//! conversion table is shipped in the wasm.

use super::{Grid, SheetError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};

/// How a CSV file's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 starting with a byte order mark (this app's own CSV, Excel's 「CSV UTF-8」).
    Utf8Bom,
    /// UTF-8 without a BOM.
    Utf8,
    /// Shift_JIS / CP932 (Excel's 「CSV (コンマ区切り)」 on a Japanese PC).
    Cp932,
}

impl Encoding {
    /// The name shown to the nurse.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8Bom => "UTF-8（BOM付き）",
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp932 => "Shift_JIS（CP932）",
        }
    }
}

/// The encoding of a CSV file: BOM → UTF-8; valid UTF-8 → UTF-8; else CP932. UTF-16 (a BOM
/// FF FE or FE FF, or a NUL byte, which text in UTF-8 or CP932 never has) is refused.
pub fn detect_encoding(bytes: &[u8]) -> Result<Encoding, SheetError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(Encoding::Utf8Bom);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || bytes.contains(&0) {
        return Err(SheetError::Encoding("UTF-16 か、文字ではないデータです".to_string()));
    }
    if std::str::from_utf8(bytes).is_ok() {
        Ok(Encoding::Utf8)
    } else {
        Ok(Encoding::Cp932)
    }
}

/// The file's text: UTF-8 read here, CP932 by `cp932` (the browser's `TextDecoder`; `None`
/// when it cannot decode).
pub fn decode(bytes: &[u8], cp932: impl FnOnce(&[u8]) -> Option<String>) -> Result<(Encoding, String), SheetError> {
    let encoding = detect_encoding(bytes)?;
    let text = match encoding {
        Encoding::Utf8Bom => String::from_utf8_lossy(&bytes[3..]).into_owned(),
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Cp932 => {
            cp932(bytes).ok_or_else(|| SheetError::Encoding("UTF-8 でも Shift_JIS でもありません".to_string()))?
        }
    };
    Ok((encoding, text))
}

/// A CSV text as one [`Grid`] named `name`: RFC 4180 (cells in `"` may hold `,`, line breaks
/// and `""`), CRLF or LF line ends, a leading `'` that Excel and this app's export put before
/// `=`/`+`/`-`/`@` removed again. A quote left open at the end of the file is an error naming
/// the line where the cell began.
pub fn parse_csv(name: &str, text: &str) -> Result<Grid, SheetError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut quoted_from: Option<usize> = None;
    let mut was_quoted = false;
    let mut cell_chars = 0usize;
    let finish_cell = |cell: &mut String, row: &mut Vec<String>, was_quoted: bool| {
        let mut value = std::mem::take(cell);
        if !was_quoted || value.starts_with('\'') {
            value = unprotect(value);
        }
        if row.len() < MAX_COLUMNS {
            row.push(value);
        }
    };
    while let Some(c) = chars.next() {
        if let Some(start) = quoted_from {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted_from = None,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            cell_chars += 1;
            if cell_chars > MAX_CELL_CHARS {
                return Err(SheetError::Csv {
                    line: start,
                    message: format!("セルが長すぎます（{MAX_CELL_CHARS} 文字まで）"),
                });
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                quoted_from = Some(line);
                was_quoted = true;
            }
            ',' => {
                finish_cell(&mut cell, &mut row, was_quoted);
                was_quoted = false;
                cell_chars = 0;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_cell(&mut cell, &mut row, was_quoted);
                was_quoted = false;
                cell_chars = 0;
                rows.push(std::mem::take(&mut row));
                line += 1;
                if rows.len() > MAX_ROWS {
                    return Err(SheetError::TooManyRows { sheet: name.to_string(), rows: rows.len() });
                }
            }
            c => {
                cell.push(c);
                cell_chars += 1;
                if cell_chars > MAX_CELL_CHARS {
                    return Err(SheetError::Csv {
                        line,
                        message: format!("セルが長すぎます（{MAX_CELL_CHARS} 文字まで）"),
                    });
                }
            }
        }
    }
    if let Some(start) = quoted_from {
        return Err(SheetError::Csv {
            line: start,
            message: "「\"」で始まったセルが閉じていません（ファイルの最後まで続いています）".to_string(),
        });
    }
    if !cell.is_empty() || !row.is_empty() || was_quoted {
        finish_cell(&mut cell, &mut row, was_quoted);
        rows.push(row);
    }
    Ok(Grid { name: name.to_string(), rows, merges: Vec::new() })
}

/// Removes the `'` put before a cell starting with `=`, `+`, `-`, `@` or a tab so that Excel
/// shows it as text (this app's CSV export does so; see `domain::csv`).
fn unprotect(value: String) -> String {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t']) => rest.to_string(),
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::csv::csv_table;

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa,b"), Ok(Encoding::Utf8Bom));
        assert_eq!(detect_encoding("番号,住所".as_bytes()), Ok(Encoding::Utf8));
        // 「番号」 in Shift_JIS: 94 D4 8D 86.
        assert_eq!(detect_encoding(b"\x94\xD4\x8D\x86,a"), Ok(Encoding::Cp932));
        assert!(matches!(detect_encoding(b"\xFF\xFE\x6A\x75"), Err(SheetError::Encoding(_))));
        assert!(matches!(detect_encoding(b"a\0,\0b\0"), Err(SheetError::Encoding(_))));
        assert_eq!(detect_encoding(b""), Ok(Encoding::Utf8));
    }

    #[test]
    fn decode_uses_the_given_decoder_only_for_cp932() {
        let (e, t) = decode(b"\xEF\xBB\xBFx", |_| None).unwrap();
        assert_eq!((e, t.as_str()), (Encoding::Utf8Bom, "x"));
        let (e, t) = decode(b"\x94\xD4", |_| Some("番".to_string())).unwrap();
        assert_eq!((e, t.as_str()), (Encoding::Cp932, "番"));
        assert!(decode(b"\x94\xD4", |_| None).is_err());
    }

    #[test]
    fn quoted_cells_hold_commas_quotes_and_line_breaks() {
        let g = parse_csv("a.csv", "番号,機関名\r\n1,\"Ａ,Ｂ\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"Ａ\r\nＢ\"\r\n").unwrap();
        assert_eq!(g.rows.len(), 4);
        assert_eq!(g.cell(1, 1), "Ａ,Ｂ");
        assert_eq!(g.cell(2, 1), "say \"hi\"");
        assert_eq!(g.cell(3, 1), "Ａ\nＢ");
    }

    #[test]
    fn lf_only_and_no_final_line_end() {
        let g = parse_csv("a.csv", "a,b\n1,\n,2").unwrap();
        assert_eq!(g.rows, vec![vec!["a", "b"], vec!["1", ""], vec!["", "2"]]);
    }

    #[test]
    fn the_apps_own_export_reads_back_cell_for_cell() {
        let rows = vec![
            vec!["-1.5".to_string(), "=HYPERLINK(\"x\")".to_string(), "Ａ\nＢ".to_string()],
            vec!["+81".to_string(), "'plain".to_string(), String::new()],
        ];
        let text = csv_table(&["a", "b", "c"], &rows);
        let g = parse_csv("x.csv", &text).unwrap();
        assert_eq!(g.rows[0], vec!["a", "b", "c"]);
        assert_eq!(g.rows[1], rows[0]);
        assert_eq!(g.rows[2], rows[1]);
    }

    #[test]
    fn an_open_quote_names_its_line() {
        let e = parse_csv("a.csv", "a,b\n1,\"never closed\n2,3\n").unwrap_err();
        assert_eq!(
            e,
            SheetError::Csv {
                line: 2,
                message: "「\"」で始まったセルが閉じていません（ファイルの最後まで続いています）".into()
            }
        );
        assert!(e.to_string().starts_with("2 行目"));
    }

    #[test]
    fn too_many_rows_and_long_cells_are_refused() {
        let text = "1\n".repeat(MAX_ROWS + 5);
        assert!(matches!(parse_csv("big.csv", &text), Err(SheetError::TooManyRows { .. })));
        let long = format!("a,{}\n", "あ".repeat(MAX_CELL_CHARS + 1));
        assert!(matches!(parse_csv("long.csv", &long), Err(SheetError::Csv { line: 1, .. })));
    }
}
