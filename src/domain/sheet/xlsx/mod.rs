//! Excel workbooks (`.xlsx`, `.xlsm`) read as values only: nothing in the file is ever run
//! (macros, formulas and external links are ignored; a formula's cached result is its value).
//!
//! The workbook is a zip ([`zip`]) of XML parts ([`xml`]): `_rels/.rels` names the workbook
//! part, whose `<sheets>` give the sheet names in order and whose relationships give each
//! worksheet's part; [`cells`] reads the shared strings and each worksheet. Every size is
//! bounded by [`Limits`], so a hostile file ends in a [`SheetError`], never in a panic or an
//! exhausted memory.

mod cells;
mod xml;
mod zip;

#[cfg(test)]
mod test_zip;
#[cfg(test)]
mod tests_fixtures;
#[cfg(test)]
mod tests_hostile;
#[cfg(test)]
mod tests_writer;

use super::{Grid, SheetError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use xml::{Event, Reader};
use zip::Archive;

/// How much one workbook may hold. [`Limits::default`] is what the app uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes one part may inflate to.
    pub entry_bytes: usize,
    /// Most bytes all the parts read may inflate to together.
    pub total_bytes: usize,
    /// Most non-blank cells (and shared strings) in the workbook.
    pub cells: usize,
    /// Rows per sheet ([`MAX_ROWS`]); a value below them is an error.
    pub rows: usize,
    /// Columns per sheet ([`MAX_COLUMNS`]); values right of them are left out.
    pub columns: usize,
    /// Characters kept of one cell ([`MAX_CELL_CHARS`]); the rest is cut off.
    pub cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entry_bytes: 200_000_000,
            total_bytes: 400_000_000,
            cells: 5_000_000,
            rows: MAX_ROWS,
            columns: MAX_COLUMNS,
            cell_chars: MAX_CELL_CHARS,
        }
    }
}

/// Every worksheet of a workbook, in the workbook's order (chart sheets left out).
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, SheetError> {
    read_workbook_with(bytes, &Limits::default())
}

/// [`read_workbook`] under other limits (tests use small ones).
pub fn read_workbook_with(bytes: &[u8], limits: &Limits) -> Result<Vec<Grid>, SheetError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(SheetError::OldOrProtected);
    }
    if !bytes.starts_with(b"PK") {
        return Err(SheetError::NotSpreadsheet(what_it_is(bytes).to_string()));
    }
    let mut archive = Archive::open(bytes, limits)?;
    let workbook_part = office_document(&mut archive)?;
    let Some(workbook) = read_text(&mut archive, &workbook_part)? else {
        return Err(SheetError::NotSpreadsheet(other_package(&archive).to_string()));
    };
    let sheets = sheet_list(&workbook_part, &workbook)?;
    drop(workbook);
    let rels = relationships(&mut archive, &workbook_part)?;
    let shared_part = rels
        .iter()
        .find(|r| r.kind.ends_with("/sharedStrings"))
        .map(|r| r.target.clone())
        .unwrap_or_else(|| resolve(&workbook_part, "sharedStrings.xml"));
    let shared = match read_text(&mut archive, &shared_part)? {
        Some(xml) => cells::shared_strings(&shared_part, &xml, limits)?,
        None => Vec::new(),
    };
    let mut cells_left = limits.cells.saturating_sub(shared.len());
    let mut grids = Vec::with_capacity(sheets.len());
    for (name, id) in sheets {
        let Some(rel) = rels.iter().find(|r| r.id == id) else {
            return Err(SheetError::Broken(format!("シート「{name}」の中身（{id}）が見つかりません")));
        };
        if !rel.kind.ends_with("/worksheet") {
            continue; // chartsheet, dialogsheet, macrosheet
        }
        let Some(xml) = read_text(&mut archive, &rel.target)? else {
            return Err(SheetError::Broken(format!("シート「{name}」の中身 {} がありません", rel.target)));
        };
        grids.push(cells::worksheet(&name, &rel.target, &xml, &shared, limits, &mut cells_left)?);
    }
    Ok(grids)
}

/// What a file that is no zip seems to be, for the message.
fn what_it_is(bytes: &[u8]) -> &'static str {
    match bytes {
        [] => "空のファイルです",
        [0x89, b'P', b'N', b'G', ..] => "PNG 画像です",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG 画像です",
        [b'%', b'P', b'D', b'F', ..] => "PDF です",
        _ if std::str::from_utf8(bytes.get(..bytes.len().min(512)).unwrap_or(&[])).is_ok() => {
            "文字だけのファイルです。CSV なら拡張子を .csv にしてください"
        }
        _ => "Excel のブック（.xlsx）の形をしていません",
    }
}

/// What a zip without a workbook is, for the message.
fn other_package(archive: &Archive<'_>) -> &'static str {
    if archive.contains("word/document.xml") {
        "Word の文書（.docx）です"
    } else if archive.contains("ppt/presentation.xml") {
        "PowerPoint の資料（.pptx）です"
    } else if archive.contains("xl/workbook.bin") {
        "バイナリ形式のブック（.xlsb）です。Excel で「Excel ブック (*.xlsx)」として保存し直してください"
    } else if archive.contains("content.xml") {
        "OpenDocument 形式です。「Excel ブック (*.xlsx)」として保存し直してください"
    } else {
        "ブック（xl/workbook.xml）の入っていない圧縮ファイルです"
    }
}

/// A part as text (UTF-8, or UTF-16 with its byte-order mark); `None` when absent.
fn read_text(archive: &mut Archive<'_>, part: &str) -> Result<Option<String>, SheetError> {
    let Some(bytes) = archive.read(part)? else {
        return Ok(None);
    };
    let text = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).ok(),
    };
    match text {
        Some(text) => Ok(Some(text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text))),
        None => Err(SheetError::Broken(format!("{part} の文字コードが壊れています"))),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2).map(|p| unit([p.first().copied().unwrap_or(0), p.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// The workbook part named by the package relationships (`xl/workbook.xml` as a rule).
fn office_document(archive: &mut Archive<'_>) -> Result<String, SheetError> {
    let rels = relationships(archive, "")?;
    Ok(rels
        .into_iter()
        .find(|r| r.kind.ends_with("/officeDocument") && r.target.to_ascii_lowercase().ends_with(".xml"))
        .map(|r| r.target)
        .unwrap_or_else(|| "xl/workbook.xml".to_string()))
}

/// The sheets of `workbook.xml` in order: (name, relationship id).
fn sheet_list(part: &str, xml: &str) -> Result<Vec<(String, String)>, SheetError> {
    let mut reader = Reader::new(xml);
    let mut sheets = Vec::new();
    while let Some(event) = reader.next_event().map_err(|e| cells::xml_broken(part, e))? {
        if let Event::Start { name: "sheet", attrs, .. } = event {
            let name = attrs.get("name").map(|n| n.into_owned()).unwrap_or_default();
            let id = attrs.get("id").map(|n| n.into_owned()).unwrap_or_default();
            sheets.push((name, id));
        }
    }
    Ok(sheets)
}

/// One relationship of a part: id, type and the target part's path in the archive.
struct Relationship {
    id: String,
    kind: String,
    target: String,
}

/// The relationships of `part` (`""` for the package's own, `_rels/.rels`).
fn relationships(archive: &mut Archive<'_>, part: &str) -> Result<Vec<Relationship>, SheetError> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels_part = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    let Some(xml) = read_text(archive, &rels_part)? else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::new(&xml);
    let mut rels = Vec::new();
    while let Some(event) = reader.next_event().map_err(|e| cells::xml_broken(&rels_part, e))? {
        if let Event::Start { name: "Relationship", attrs, .. } = event {
            if attrs.get("TargetMode").as_deref() == Some("External") {
                continue;
            }
            rels.push(Relationship {
                id: attrs.get("Id").map(|v| v.into_owned()).unwrap_or_default(),
                kind: attrs.get("Type").map(|v| v.into_owned()).unwrap_or_default(),
                target: resolve(part, &attrs.get("Target").unwrap_or_default()),
            });
        }
    }
    Ok(rels)
}

/// The archive path of `target` relative to the part `from` (`xl/workbook.xml` +
/// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root).
fn resolve(from: &str, target: &str) -> String {
    let mut path: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        from.split('/').collect::<Vec<_>>().split_last().map(|(_, dir)| dir.to_vec()).unwrap_or_default()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            s => path.push(s),
        }
    }
    path.join("/")
}
