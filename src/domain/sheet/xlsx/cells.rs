//! The cells of one worksheet part (`<sheetData>` and `<mergeCells>`) and the shared strings
//! (共有文字列, `sharedStrings.xml`), read as text.

use super::super::{Grid, SheetError};
use super::xml::{push_unescaped, Event, Reader, XmlError};
use super::Limits;

/// What the tokenizer reported, named by the part.
pub(super) fn xml_broken(part: &str, e: XmlError) -> SheetError {
    SheetError::Broken(format!("{part}: {}", e.0))
}

/// Text collected for one cell or shared string. The raw text is capped generously (the
/// `_xHHHH_` escapes take 7 characters for 1) and the decoded value at the cell limit.
struct Collected {
    raw: String,
    raw_chars: usize,
    cap: usize,
}

impl Collected {
    fn new(cell_chars: usize) -> Self {
        Collected { raw: String::new(), raw_chars: 0, cap: cell_chars.saturating_mul(7).saturating_add(7) }
    }

    fn clear(&mut self) {
        self.raw.clear();
        self.raw_chars = 0;
    }

    fn push(&mut self, event: &Event<'_>) {
        if self.raw_chars >= self.cap {
            return;
        }
        let before = self.raw.len();
        match event {
            Event::Text(t) => push_unescaped(&mut self.raw, t),
            Event::CData(t) => self.raw.push_str(t),
            _ => return,
        }
        let added = self.raw.get(before..).map_or(0, |s| s.chars().count());
        self.raw_chars += added;
        if self.raw_chars > self.cap {
            let keep = self.raw.char_indices().nth(self.cap).map_or(self.raw.len(), |(i, _)| i);
            self.raw.truncate(keep);
            self.raw_chars = self.cap;
        }
    }

    /// The string as Excel shows it: `_xHHHH_` decoded, capped at the cell limit.
    fn text(&self, cell_chars: usize) -> String {
        cap_chars(decode_escapes(&self.raw), cell_chars)
    }
}

fn cap_chars(mut s: String, max: usize) -> String {
    if let Some((i, _)) = s.char_indices().nth(max) {
        s.truncate(i);
    }
    s
}

/// Excel's `_xHHHH_` escapes (a UTF-16 code unit; `_x005F_` is a literal `_`), as in
/// `改行_x000D_` for a carriage return. A lone surrogate stays as written.
pub(super) fn decode_escapes(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let unit = |text: &str| {
            let hex = text.get(2..6)?;
            (text.get(6..7) == Some("_") && hex.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| u16::from_str_radix(hex, 16).ok())?
        };
        let decoded = unit(from).and_then(|u| match char::from_u32(u32::from(u)) {
            Some(c) => Some((c, 7)),
            None => {
                let low = unit(from.get(7..)?)?;
                let c = char::decode_utf16([u, low]).next()?.ok()?;
                Some((c, 14))
            }
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = from.get(len..).unwrap_or("");
            }
            None => {
                out.push_str("_x");
                rest = from.get(2..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number as Excel keeps it, in its shortest decimal form after rounding to 15 significant
/// digits (`37377`, `0.5`, `0.3` for 0.1+0.2). Text that is no number stays as written.
pub(super) fn number_text(raw: &str) -> String {
    let raw = raw.trim();
    match raw.parse::<f64>() {
        Ok(x) if x.is_finite() => {
            // A plain decimal of at most 15 significant digits is already Excel's value, and
            // its shortest form says it; only longer ones (float noise) need the rounding,
            // which costs ten times more.
            let rounded =
                if plain_decimal_digits(raw) <= 15 { x } else { format!("{x:.14e}").parse::<f64>().unwrap_or(x) };
            if rounded == 0.0 {
                "0".to_string()
            } else {
                rounded.to_string()
            }
        }
        _ => raw.to_string(),
    }
}

/// The significant digits of `-123.4500` (7), or `usize::MAX` for any other form (exponent…).
fn plain_decimal_digits(raw: &str) -> usize {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') || digits.matches('.').count() > 1
    {
        return usize::MAX;
    }
    let significant = digits.trim_start_matches(['0', '.']);
    let significant = if significant.contains('.') { significant.trim_end_matches('0') } else { significant };
    significant.bytes().filter(u8::is_ascii_digit).count()
}

/// `C5` (or `$C$5`) → (row 4, column 2); `None` for anything else.
pub(super) fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let r = r.trim().trim_start_matches('$');
    let (letters, number) = r.split_at(r.find(|c: char| !c.is_ascii_alphabetic())?);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters.bytes().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1) - 1;
    let row = number.trim_start_matches('$').parse::<usize>().ok()?.checked_sub(1)?;
    Some((row, column))
}

/// `A1:C2` → (0, 0, 1, 2); a single cell is an area of one.
fn area(r: &str) -> Option<(usize, usize, usize, usize)> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    let ((r0, c0), (r1, c1)) = (cell_ref(a.trim())?, cell_ref(b.trim())?);
    Some((r0.min(r1), c0.min(c1), r0.max(r1), c0.max(c1)))
}

/// Every `<si>` of the shared strings part, in order (rich-text runs joined, furigana
/// `<rPh>` left out).
pub(super) fn shared_strings(part: &str, xml: &str, limits: &Limits) -> Result<Vec<String>, SheetError> {
    let mut reader = Reader::new(xml);
    let mut strings = Vec::new();
    let mut text = Collected::new(limits.cell_chars);
    let (mut in_si, mut in_t, mut phonetic) = (false, false, 0usize);
    while let Some(event) = reader.next_event().map_err(|e| xml_broken(part, e))? {
        match event {
            Event::Start { name: "si", empty, .. } => {
                text.clear();
                in_si = !empty;
                if empty {
                    strings.push(String::new());
                }
            }
            Event::Start { name: "t", empty: false, .. } => in_t = in_si && phonetic == 0,
            Event::Start { name: "rPh", empty: false, .. } => phonetic += 1,
            Event::End { name: "rPh" } => phonetic = phonetic.saturating_sub(1),
            Event::End { name: "t" } => in_t = false,
            Event::End { name: "si" } if in_si => {
                in_si = false;
                strings.push(text.text(limits.cell_chars));
            }
            Event::Text(_) | Event::CData(_) if in_t => text.push(&event),
            _ => {}
        }
        if strings.len() > limits.cells {
            return Err(SheetError::TooLarge(format!("{part} の文字列が {} 個を超えます", limits.cells)));
        }
    }
    Ok(strings)
}

/// The kind of value a cell holds (its `t` attribute).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    Inline,
    Text,
    Bool,
    /// An error (`#N/A`) or an ISO date (`t="d"`): the text as written.
    Raw,
}

fn kind(t: Option<&str>) -> Kind {
    match t {
        Some("s") => Kind::Shared,
        Some("inlineStr") => Kind::Inline,
        Some("str") => Kind::Text,
        Some("b") => Kind::Bool,
        Some("e" | "d") => Kind::Raw,
        _ => Kind::Number,
    }
}

/// Where the reader is in a worksheet.
struct Cursor {
    row: usize,
    next_row: usize,
    next_column: usize,
    in_data: bool,
    /// The open cell: row, column, kind.
    cell: Option<(usize, usize, Kind)>,
    in_inline: bool,
    capture: bool,
    phonetic: usize,
}

/// One worksheet part as a [`Grid`] named `name`. `cells_left` counts down the cells the
/// whole workbook may still hold.
pub(super) fn worksheet(
    name: &str,
    part: &str,
    xml: &str,
    shared: &[String],
    limits: &Limits,
    cells_left: &mut usize,
) -> Result<Grid, SheetError> {
    let mut grid = Grid { name: name.to_string(), ..Grid::default() };
    let mut reader = Reader::new(xml);
    let mut text = Collected::new(limits.cell_chars);
    let mut at = Cursor {
        row: 0,
        next_row: 0,
        next_column: 0,
        in_data: false,
        cell: None,
        in_inline: false,
        capture: false,
        phonetic: 0,
    };
    while let Some(event) = reader.next_event().map_err(|e| xml_broken(part, e))? {
        match event {
            Event::Start { name: "sheetData", empty, .. } => at.in_data = !empty,
            Event::End { name: "sheetData" } => at.in_data = false,
            Event::Start { name: "row", attrs, .. } if at.in_data => {
                at.row = attrs
                    .get("r")
                    .and_then(|r| r.trim().parse::<usize>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or(at.next_row);
                at.next_row = at.row.saturating_add(1);
                at.next_column = 0;
            }
            Event::Start { name: "c", attrs, empty } if at.in_data => {
                let (row, column) = attrs.get("r").and_then(|r| cell_ref(&r)).unwrap_or((at.row, at.next_column));
                at.next_column = column.saturating_add(1);
                text.clear();
                at.cell = (!empty).then_some((row, column, kind(attrs.get("t").as_deref())));
                (at.in_inline, at.capture, at.phonetic) = (false, false, 0);
            }
            Event::Start { name: "v", empty: false, .. } => at.capture = at.cell.is_some(),
            Event::Start { name: "is", empty: false, .. } => at.in_inline = true,
            Event::Start { name: "t", empty: false, .. } => {
                at.capture = at.cell.is_some() && at.in_inline && at.phonetic == 0
            }
            Event::Start { name: "rPh", empty: false, .. } => at.phonetic += 1,
            Event::End { name: "rPh" } => at.phonetic = at.phonetic.saturating_sub(1),
            Event::End { name: "v" | "t" } => at.capture = false,
            Event::End { name: "is" } => at.in_inline = false,
            Event::End { name: "c" } => {
                if let Some((row, column, kind)) = at.cell.take() {
                    let value = value(kind, &text, shared, limits, part)?;
                    put(&mut grid, row, column, value, limits, cells_left)?;
                }
                at.capture = false;
            }
            Event::Start { name: "mergeCell", attrs, .. } => {
                if let Some((r0, c0, r1, c1)) = attrs.get("ref").and_then(|r| area(&r)) {
                    if r0 < limits.rows && c0 < limits.columns {
                        grid.merges.push((r0, c0, r1.min(limits.rows - 1), c1.min(limits.columns - 1)));
                    }
                }
            }
            Event::Text(_) | Event::CData(_) if at.capture => text.push(&event),
            _ => {}
        }
    }
    Ok(grid)
}

fn value(kind: Kind, text: &Collected, shared: &[String], limits: &Limits, part: &str) -> Result<String, SheetError> {
    let raw = text.raw.trim();
    Ok(match kind {
        Kind::Number => number_text(raw),
        Kind::Shared if raw.is_empty() => String::new(),
        Kind::Shared => raw
            .parse::<usize>()
            .ok()
            .and_then(|i| shared.get(i))
            .cloned()
            .ok_or_else(|| SheetError::Broken(format!("{part}: 共有文字列の {raw} 番がありません")))?,
        Kind::Inline | Kind::Text => text.text(limits.cell_chars),
        Kind::Bool => match raw {
            "1" | "true" => "1".to_string(),
            "0" | "false" => "0".to_string(),
            other => other.to_string(),
        },
        Kind::Raw => cap_chars(raw.to_string(), limits.cell_chars),
    })
}

/// Puts a non-blank value into the grid. Cells right of the column limit are left out (a
/// stray note far to the right should not make a sheet unreadable); a row past the row
/// limit stops the sheet.
fn put(
    grid: &mut Grid,
    row: usize,
    column: usize,
    value: String,
    limits: &Limits,
    cells_left: &mut usize,
) -> Result<(), SheetError> {
    if value.is_empty() || column >= limits.columns {
        return Ok(());
    }
    if row >= limits.rows {
        return Err(SheetError::TooManyRows { sheet: grid.name.clone(), rows: row.saturating_add(1) });
    }
    if *cells_left == 0 {
        return Err(SheetError::TooLarge(format!("セルが {} 個を超えます", limits.cells)));
    }
    *cells_left -= 1;
    if grid.rows.len() <= row {
        grid.rows.resize_with(row + 1, Vec::new);
    }
    if let Some(cells) = grid.rows.get_mut(row) {
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        if let Some(cell) = cells.get_mut(column) {
            *cell = value;
        }
    }
    Ok(())
}
