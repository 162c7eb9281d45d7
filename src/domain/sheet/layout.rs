//! Finding the table in a sheet: the heading rows (one to four rows, merged group headings
//! over column headings, as on the paper form), which column holds which field, where the data
//! begins, and which rows are the 記入例 (例1, 例2).

use super::fields::{FieldSpec, TableKind};
use super::Grid;
use crate::domain::forms::input::fold_width;
use serde::{Deserialize, Serialize};

/// How far down the heading rows are looked for.
const HEADING_SEARCH_ROWS: usize = 30;
/// How many rows one column's heading may span (a group row, the heading, a code row).
const HEADING_DEPTH: usize = 4;
/// Fewest fields recognised for a sheet to count as a table of the kind.
const MIN_FIELDS: usize = 3;

/// A heading reduced to what identifies it: widths folded (ＡＤＬ → adl), spaces and line
/// breaks removed, and parenthesised notes, `※` marks and the (1)–(11) numbers dropped.
pub fn normalise_heading(text: &str) -> String {
    let folded = fold_width(text);
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0usize;
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            '※' => {
                while chars.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, '１'..='９')) {
                    chars.next();
                }
            }
            c if c.is_whitespace() => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One column of the found table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Column index from 0 (A = 0).
    pub index: usize,
    /// Its headings top to bottom, joined with a space, as written in the file.
    pub heading: String,
    /// The field it is read into (`None`: not read).
    pub field: Option<String>,
}

/// The table found in one sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub kind: TableKind,
    /// First and last heading row (from 0).
    pub heading_rows: (usize, usize),
    /// Every column that has a heading or a value.
    pub columns: Vec<Column>,
}

impl Layout {
    /// The first data row (from 0).
    pub fn data_start(&self) -> usize {
        self.heading_rows.1 + 1
    }

    /// A key for the shape of the headings: files with the same headings in the same places
    /// get the same key, so the nurse's column choices can be offered again.
    pub fn shape_key(&self) -> String {
        let mut key = format!("{:?}", self.kind);
        for c in &self.columns {
            key.push('|');
            key.push_str(&c.index.to_string());
            key.push(':');
            key.push_str(&normalise_heading(&c.heading));
        }
        format!("{:016x}", fnv1a(key.as_bytes()))
    }

    /// The column read into `field`, if any.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.columns.iter().find(|c| c.field.as_deref() == Some(field)).map(|c| c.index)
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The headings of column `column` in rows `top..=bottom`, merged areas read from their
/// top-left cell, normalised, blanks and repeats (a heading merged down) dropped.
fn stack(grid: &Grid, top: usize, bottom: usize, column: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let under = !grid.merged_cell(bottom, column).trim().is_empty();
    for row in top..=bottom {
        let mut cell = grid.merged_cell(row, column);
        if row < bottom && under && cell.trim().is_empty() {
            // A group heading written over its first column only (not merged): the nearest
            // heading to the left in the same row.
            cell = (0..column).rev().map(|c| grid.merged_cell(row, c)).find(|t| !t.trim().is_empty()).unwrap_or("");
        }
        let text = normalise_heading(cell);
        if !text.is_empty() && out.last() != Some(&text) {
            out.push(text);
        }
    }
    out
}

/// How well a column's heading stack names `spec` (0: not at all); the longest match wins.
fn score(stack: &[String], spec: &FieldSpec) -> usize {
    let Some((lowest, upper)) = stack.split_last() else {
        return 0;
    };
    let mut best = 0;
    for name in spec.names {
        let name = normalise_heading(name);
        if spec.groups.is_empty() {
            if lowest.starts_with(&name) {
                best = best.max(name.len());
            }
            continue;
        }
        for group in spec.groups {
            let group = normalise_heading(group);
            // 「医療処置管理 人工呼吸器」 in one cell (this app's CSV).
            if lowest.strip_prefix(group.as_str()).is_some_and(|rest| rest.starts_with(&name)) {
                best = best.max(group.len() + name.len());
            }
            // The group in a row above (the paper form).
            if lowest.starts_with(&name) && upper.iter().any(|u| u.starts_with(&group)) {
                best = best.max(group.len() + name.len());
            }
        }
    }
    best
}

/// The best field for a column's heading stack.
fn best_field(stack: &[String], kind: TableKind) -> Option<&'static FieldSpec> {
    let mut best: Option<(&'static FieldSpec, usize)> = None;
    for spec in kind.fields() {
        let s = score(stack, spec);
        if s > 0 && best.is_none_or(|(_, b)| s > b) {
            best = Some((spec, s));
        }
    }
    best.map(|(spec, _)| spec)
}

/// The columns as read with `bottom` as the last heading row; a field named by two columns
/// goes to the first only.
fn columns_at(grid: &Grid, bottom: usize, kind: TableKind) -> (Vec<Column>, usize) {
    let top = bottom.saturating_sub(HEADING_DEPTH - 1);
    let mut taken: Vec<&str> = Vec::new();
    let mut columns = Vec::new();
    for index in 0..grid.width() {
        let stack = stack(grid, top, bottom, index);
        let field = best_field(&stack, kind).map(|s| s.key).filter(|k| !taken.contains(k));
        if let Some(k) = field {
            taken.push(k);
        }
        let heading = heading_text(grid, top, bottom, index);
        let has_data = grid.rows.iter().skip(bottom + 1).any(|r| r.get(index).is_some_and(|c| !c.trim().is_empty()));
        if field.is_some() || !heading.is_empty() || has_data {
            columns.push(Column { index, heading, field: field.map(str::to_string) });
        }
    }
    (columns, taken.len())
}

/// The headings of a column as written (merged areas read once), joined with a space.
fn heading_text(grid: &Grid, top: usize, bottom: usize, column: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for row in top..=bottom {
        let text: String = grid.merged_cell(row, column).split_whitespace().collect::<Vec<_>>().join("");
        if !text.is_empty() && parts.last() != Some(&text) {
            parts.push(text);
        }
    }
    parts.join(" ")
}

/// The table of `kind` in `grid`, if its headings name at least three fields: the heading
/// rows are the ones under which the most fields are recognised (the first such, on a tie).
pub fn find_table(grid: &Grid, kind: TableKind) -> Option<Layout> {
    let last = grid.rows.len().min(HEADING_SEARCH_ROWS);
    let mut best: Option<(usize, usize)> = None;
    for bottom in 0..last {
        let top = bottom.saturating_sub(HEADING_DEPTH - 1);
        let mut found: Vec<&str> = Vec::new();
        for index in 0..grid.width() {
            if let Some(spec) = best_field(&stack(grid, top, bottom, index), kind) {
                if !found.contains(&spec.key) {
                    found.push(spec.key);
                }
            }
        }
        if found.len() >= MIN_FIELDS && best.is_none_or(|(_, n)| found.len() > n) {
            best = Some((bottom, found.len()));
        }
    }
    let (bottom, _) = best?;
    let (mut columns, _) = columns_at(grid, bottom, kind);
    // Up from the last heading row while the row above has headings (a title row further up,
    // after a blank row, is not one).
    let has_text = |row: usize| columns.iter().any(|c| !grid.merged_cell(row, c.index).trim().is_empty());
    let mut first = bottom;
    while first > bottom.saturating_sub(HEADING_DEPTH - 1) && has_text(first - 1) {
        first -= 1;
    }
    // Headings as shown: from the first heading row only (not what stands above the table).
    for c in &mut columns {
        c.heading = heading_text(grid, first, bottom, c.index);
    }
    Some(Layout { kind, heading_rows: (first, bottom), columns })
}

/// The better table of either kind in `grid` (more fields recognised), if any.
pub fn find_any_table(grid: &Grid) -> Option<Layout> {
    let count = |l: &Layout| l.columns.iter().filter(|c| c.field.is_some()).count();
    match (find_table(grid, TableKind::Patients), find_table(grid, TableKind::Stations)) {
        (Some(a), Some(b)) => Some(if count(&b) > count(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Is this data row a 記入例 (例1, 例2, 記入例)? Looked for in the 番号 column and the first
/// two columns.
pub fn is_example_row(grid: &Grid, row: usize, layout: &Layout) -> bool {
    let number = layout.column_of(super::fields::NUMBER);
    let mut places: Vec<usize> = vec![0, 1];
    places.extend(number);
    places.iter().any(|c| {
        let text = normalise_heading(grid.cell(row, *c));
        text.starts_with("例") || text.starts_with("記入例")
    })
}

/// Checks the nurse's column choices: every field at most once and known to the table.
/// Returns the problems in Japanese, naming the columns.
pub fn mapping_problems(layout: &Layout) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, c) in layout.columns.iter().enumerate() {
        let Some(field) = &c.field else { continue };
        let Some(spec) = layout.kind.field(field) else {
            problems.push(format!("列 {}: 「{field}」という項目はありません", super::column_letters(c.index)));
            continue;
        };
        if let Some(earlier) = layout.columns[..i].iter().find(|e| e.field.as_deref() == Some(field.as_str())) {
            problems.push(format!(
                "列 {} と列 {} が同じ項目「{}」になっています。どちらかを「取り込まない」にしてください",
                super::column_letters(earlier.index),
                super::column_letters(c.index),
                spec.label
            ));
        }
    }
    problems
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
