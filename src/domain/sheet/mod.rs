//! 取り込み（表計算）: reading an Excel workbook (`.xlsx`/`.xlsm`) or a CSV of 様式1・様式3
//! into records, through the same parse and checks as the forms.
//!
//! The steps, each a module: a file becomes [`Grid`]s (one per sheet: [`xlsx`] for workbooks,
//! [`text`] for CSV in UTF-8 or Shift_JIS); [`layout`] finds the table of 様式1 or 様式3 by
//! its headings and proposes which column holds which field; [`rows`] reads every data row
//! into the form and checks it; [`records`] turns the rows into the records of a bundle, which
//! the bundle import then plans (新規・更新・同一・競合) and writes like any other file.

pub mod cells;
pub mod existing;
pub mod fields;
pub mod layout;
pub mod overview;
pub mod preview;
pub mod records;
pub mod rows;
pub mod text;
pub mod xlsx;

use std::fmt;

/// Most rows read from one sheet (a 保健所's 様式1 has tens to a few thousand).
pub const MAX_ROWS: usize = 20_000;
/// Most columns read from one sheet.
pub const MAX_COLUMNS: usize = 200;
/// Longest cell kept, in characters (Excel's own limit is 32,767).
pub const MAX_CELL_CHARS: usize = 32_767;

/// One sheet as text: `rows[r][c]` is the cell in row `r + 1`, column `c + 1` as Excel shows
/// its value (numbers in their shortest decimal form, `1` / `0.5` / `37377` for a date
/// serial, booleans `1`/`0`, formulas as their cached value). Rows may differ in length; a
/// missing cell is blank. A merged area carries its value in its top-left cell only, and
/// `merges` lists the areas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// シート名 (for a CSV: the file name).
    pub name: String,
    pub rows: Vec<Vec<String>>,
    /// Merged areas as (first row, first column, last row, last column), from 0, inclusive.
    pub merges: Vec<(usize, usize, usize, usize)>,
}

impl Grid {
    /// The cell's text, blank when outside the sheet.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(column)).map(String::as_str).unwrap_or("")
    }

    /// The number of columns (the longest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The cell's text, or the text of the merged area it lies in (headings merged across
    /// columns name every column under them).
    pub fn merged_cell(&self, row: usize, column: usize) -> &str {
        for &(r0, c0, r1, c1) in &self.merges {
            if (r0..=r1).contains(&row) && (c0..=c1).contains(&column) {
                return self.cell(r0, c0);
            }
        }
        self.cell(row, column)
    }
}

/// Does this file look like a spreadsheet (by its name or its first bytes: a zip as every
/// `.xlsx` is, or an OLE file as `.xls` and protected workbooks are)?
pub fn is_spreadsheet(file_name: &str, bytes: &[u8]) -> bool {
    let name = file_name.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".csv", ".txt"].iter().any(|e| name.ends_with(e))
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&OLE_MAGIC)
}

/// The first bytes of an OLE compound file (`.xls`, a password-protected `.xlsx`).
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// The sheets of a spreadsheet file and, for CSV, its encoding. `cp932` decodes Shift_JIS
/// (the browser's `TextDecoder`).
pub fn read_file(
    file_name: &str,
    bytes: &[u8],
    cp932: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<(Vec<Grid>, Option<text::Encoding>), SheetError> {
    let name = file_name.to_lowercase();
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(SheetError::OldOrProtected);
    }
    if bytes.starts_with(b"PK\x03\x04") || name.ends_with(".xlsx") || name.ends_with(".xlsm") || name.ends_with(".xls")
    {
        return Ok((xlsx::read_workbook(bytes)?, None));
    }
    let (encoding, content) = text::decode(bytes, cp932)?;
    let sheet = file_name.rsplit_once('.').map(|(stem, _)| stem).unwrap_or(file_name);
    Ok((vec![text::parse_csv(sheet, &content)?], Some(encoding)))
}

/// The column's letters as Excel shows them: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Why a file could not be read as a spreadsheet. `Display` is the Japanese message (the
/// caller names the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// 古い Excel 形式 (.xls) or a password-protected workbook (both are OLE compound files).
    OldOrProtected,
    /// Not a spreadsheet this app reads (with what was seen).
    NotSpreadsheet(String),
    /// A workbook whose content is damaged (with where).
    Broken(String),
    /// The file expands to more than the limit (a zip bomb, or simply too large).
    TooLarge(String),
    /// A text encoding this app does not read (UTF-16 …).
    Encoding(String),
    /// Too many rows or columns in one sheet.
    TooManyRows { sheet: String, rows: usize },
    /// CSV whose quoting is broken (with the line).
    Csv { line: usize, message: String },
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::OldOrProtected => f.write_str(
                "古い Excel 形式（.xls）か、パスワードで保護されたブックです。Excel で開き、パスワードを外してから「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください",
            ),
            SheetError::NotSpreadsheet(what) => write!(f, "表計算のファイル（.xlsx または .csv）ではありません（{what}）"),
            SheetError::Broken(what) => write!(f, "ブックの中身が壊れています（{what}）"),
            SheetError::TooLarge(what) => write!(f, "ファイルが大きすぎます（{what}）"),
            SheetError::Encoding(what) => write!(f, "文字コードが読めません（{what}）。Excel で「CSV UTF-8」か「CSV (コンマ区切り)」で保存し直してください"),
            SheetError::TooManyRows { sheet, rows } => {
                write!(f, "シート「{sheet}」の行が多すぎます（{rows} 行以上。{MAX_ROWS} 行まで読めます）")
            }
            SheetError::Csv { line, message } => write!(f, "{line} 行目: {message}"),
        }
    }
}

#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(51), "AZ");
        assert_eq!(column_letters(52), "BA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn merged_cells_read_their_top_left() {
        let g = Grid {
            name: "様式1".into(),
            rows: vec![vec!["医療処置管理".into(), String::new()], vec!["人工呼吸器".into(), "気管切開".into()]],
            merges: vec![(0, 0, 0, 1)],
        };
        assert_eq!(g.merged_cell(0, 1), "医療処置管理");
        assert_eq!(g.cell(0, 1), "");
        assert_eq!(g.merged_cell(1, 1), "気管切開");
        assert_eq!(g.width(), 2);
    }
}
