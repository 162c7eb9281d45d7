//! What the nurse sees of a spreadsheet before anything is planned: the sheets, the table
//! found and its column → field mapping (which she may change), every row with a finding,
//! and the 地域診断 it goes into. The worker makes it; the page only shows it.

use super::existing::Existing;
use super::fields::TableKind;
use super::layout::{find_any_table, mapping_problems, Layout};
use super::overview::{find_overview, overview_label, read_overview};
use super::records::rows_summary;
use super::rows::{read_rows, Finding, ReadRow};
use super::{column_letters, Grid};
use crate::domain::forms::overview_form::OverviewForm;
use crate::domain::ids::RecordId;
use crate::domain::issues::Severity;
use crate::domain::time::Date;
use serde::{Deserialize, Serialize};

/// Most rows listed in the preview (rows with findings first).
pub const PREVIEW_ROW_LIMIT: usize = 200;

/// One sheet of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetChoice {
    pub index: usize,
    pub name: String,
    /// The table found in it (`None`: no 様式1/様式3 headings).
    pub kind: Option<TableKind>,
}

/// One listed row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// Row index in the sheet (from 0).
    pub row: usize,
    /// 記入例: skipped.
    pub example: bool,
    /// ID番号 or 名称 (or the 氏名 column hidden when 氏名・住所を隠す is on).
    pub key: String,
    pub findings: Vec<Finding>,
    /// The text of every column of the table (in the layout's order), to show the row as in
    /// the file and fix a cell in place.
    pub cells: Vec<String>,
}

impl PreviewRow {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// The nurse's choices for a sheet (sent back with every change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetChoices {
    pub sheet: usize,
    /// The field of each column of the layout, in its order (`None`: 取り込まない). Empty: as
    /// proposed.
    pub columns: Vec<Option<String>>,
    /// The 地域診断 the rows go into.
    pub diagnosis: Option<RecordId>,
    /// Leave the 地域の概況 found above the table out.
    #[serde(default)]
    pub skip_overview: bool,
}

/// The preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetPreview {
    pub file_name: String,
    /// 文字コード (CSV only).
    pub encoding: Option<String>,
    pub sheets: Vec<SheetChoice>,
    pub choices: SheetChoices,
    /// The table of the chosen sheet (`None`: no table found; `problems` says so).
    pub layout: Option<Layout>,
    /// Key of the heading shape (to offer the nurse's earlier mapping again).
    pub shape_key: String,
    pub summary: String,
    /// Why the rows cannot be planned yet (mapping problems, no table, no 地域診断).
    pub problems: Vec<String>,
    pub rows: Vec<PreviewRow>,
    /// Rows not listed (no findings, beyond the limit).
    pub unlisted: usize,
    /// Rows that will be planned.
    pub ready: usize,
    /// The 地域診断 on the device: (ID, title).
    pub diagnoses: Vec<(RecordId, String)>,
    /// 地域の概況 found above the table (or on a sheet of its own): (項目名, value).
    pub overview: Vec<(String, String)>,
    /// Its findings, with their place.
    pub overview_findings: Vec<String>,
}

/// The layout of `grid` with the nurse's column choices applied.
pub fn chosen_layout(grid: &Grid, columns: &[Option<String>]) -> Option<Layout> {
    let mut layout = find_any_table(grid)?;
    if columns.len() == layout.columns.len() {
        for (c, field) in layout.columns.iter_mut().zip(columns) {
            c.field = field.clone().filter(|f| !f.is_empty());
        }
    }
    Some(layout)
}

/// What a preview read: the rows, and the 地域の概況 when it is to be imported.
pub struct SheetRead {
    pub rows: Vec<ReadRow>,
    pub overview: Option<crate::domain::overview::Overview>,
}

/// Reads the chosen sheet and makes the preview; returns what it read too (for planning).
#[allow(clippy::too_many_arguments)]
pub fn make_preview(
    file_name: &str,
    encoding: Option<String>,
    grids: &[Grid],
    choices: &SheetChoices,
    diagnoses: Vec<(RecordId, String)>,
    existing: &Existing,
    today: Date,
    hide_names: bool,
) -> (SheetPreview, SheetRead) {
    let sheets: Vec<SheetChoice> = grids
        .iter()
        .enumerate()
        .map(|(index, g)| SheetChoice { index, name: g.name.clone(), kind: find_any_table(g).map(|l| l.kind) })
        .collect();
    let mut choices = choices.clone();
    let mut problems = Vec::new();
    let grid = grids.get(choices.sheet);
    let layout = grid.and_then(|g| chosen_layout(g, &choices.columns));
    if choices.diagnosis.as_ref().is_none_or(|d| !diagnoses.iter().any(|(id, _)| id == d)) {
        choices.diagnosis = diagnoses.first().map(|(id, _)| id.clone());
    }
    if diagnoses.is_empty() {
        problems.push("取り込み先の地域診断がありません。先に「地域診断の一覧」で作成してください".to_string());
    }
    // 地域の概況: above the table, or in the first rows of a sheet without one.
    let cells = grid.map(|g| find_overview(g, layout.as_ref().map(|l| l.heading_rows.0))).unwrap_or_default();
    let (overview, overview_findings) = if cells.is_empty() {
        (None, Vec::new())
    } else {
        let base = existing.overview().map(OverviewForm::from_overview).unwrap_or_default();
        let (value, findings) = read_overview(base, &cells);
        let sheet = grid.map(|g| g.name.as_str()).unwrap_or("");
        let texts = findings
            .iter()
            .map(|(row, f)| format!("{}: {}", super::rows::place(sheet, *row, f.column, None), f.message))
            .collect();
        (value, texts)
    };
    let overview_values: Vec<(String, String)> =
        cells.iter().map(|c| (overview_label(&c.field).to_string(), c.text.clone())).collect();
    let overview = overview.filter(|_| !choices.skip_overview);
    let (Some(grid), Some(layout)) = (grid, layout) else {
        let name = grid.map(|g| g.name.as_str()).unwrap_or("");
        if overview_values.is_empty() {
            problems.push(format!(
                "シート「{name}」に様式1（番号・住所・氏名・年齢 など）や様式3（名称・所在地 など）の見出しが見つかりません。見出しの行があるシートを選ぶか、見出しを様式と同じ言葉にしてください"
            ));
        }
        let preview = SheetPreview {
            file_name: file_name.to_string(),
            encoding,
            sheets,
            choices,
            layout: None,
            shape_key: String::new(),
            summary: String::new(),
            problems,
            rows: Vec::new(),
            unlisted: 0,
            ready: 0,
            diagnoses,
            overview: overview_values,
            overview_findings,
        };
        return (preview, SheetRead { rows: Vec::new(), overview });
    };
    choices.columns = layout.columns.iter().map(|c| c.field.clone()).collect();
    problems.extend(mapping_problems(&layout));
    if layout.kind == TableKind::Patients
        && layout.column_of(crate::domain::forms::patient_form::fields::ID_NUMBER).is_none()
        && layout.column_of(super::fields::NUMBER).is_none()
    {
        problems.push(
            "ID番号 か 番号 の列が必要です（療養者を見分けるのに使います）。列の割り当てで選んでください".to_string(),
        );
    }
    let rows = read_rows(grid, &layout, existing, today);
    let ready = rows.iter().filter(|r| r.value.is_some()).count();
    let (listed, unlisted) = listed_rows(grid, &layout, &rows, hide_names);
    let preview = SheetPreview {
        file_name: file_name.to_string(),
        encoding,
        sheets,
        choices,
        shape_key: layout.shape_key(),
        summary: rows_summary(layout.kind, &rows),
        problems,
        rows: listed,
        unlisted,
        ready,
        layout: Some(layout),
        diagnoses,
        overview: overview_values,
        overview_findings,
    };
    (preview, SheetRead { rows, overview })
}

/// Rows with findings first (in sheet order), then examples, up to the limit.
fn listed_rows(grid: &Grid, layout: &Layout, rows: &[ReadRow], hide_names: bool) -> (Vec<PreviewRow>, usize) {
    let with: Vec<&ReadRow> = rows.iter().filter(|r| !r.findings.is_empty() || r.example).collect();
    let unlisted = rows.len() - with.len().min(PREVIEW_ROW_LIMIT);
    let listed = with
        .into_iter()
        .take(PREVIEW_ROW_LIMIT)
        .map(|r| PreviewRow {
            row: r.row,
            example: r.example,
            key: row_key(grid, layout, r.row, hide_names),
            findings: r.findings.clone(),
            cells: layout.columns.iter().map(|c| grid.cell(r.row, c.index).to_string()).collect(),
        })
        .collect();
    (listed, unlisted)
}

/// ID番号 and 氏名 (or 名称) of a row, 氏名 left out when names are hidden.
fn row_key(grid: &Grid, layout: &Layout, row: usize, hide_names: bool) -> String {
    use crate::domain::forms::patient_form::fields as p;
    use crate::domain::forms::station_form::fields as s;
    let cell = |f: &str| layout.column_of(f).map(|c| grid.cell(row, c).trim().to_string()).unwrap_or_default();
    match layout.kind {
        TableKind::Patients => {
            let id = super::rows::patient_key(grid, layout, row);
            let name = cell(p::NAME);
            if hide_names || name.is_empty() {
                id
            } else {
                format!("{id} {name}")
            }
        }
        TableKind::Stations => cell(s::NAME),
    }
}

/// A finding with its place, for lists: 「列 D（年齢）: 年齢: …」.
pub fn finding_text(layout: Option<&Layout>, f: &Finding) -> String {
    match f.column {
        Some(c) => {
            let heading = layout
                .and_then(|l| l.columns.iter().find(|x| x.index == c))
                .map(|x| x.heading.clone())
                .unwrap_or_default();
            if heading.is_empty() {
                format!("列 {}: {}", column_letters(c), f.message)
            } else {
                format!("列 {}（{heading}）: {}", column_letters(c), f.message)
            }
        }
        None => f.message.clone(),
    }
}

#[cfg(test)]
#[path = "preview_tests.rs"]
mod tests;
