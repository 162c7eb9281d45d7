//! 取り込み（表計算） in the worker: an Excel workbook or CSV of 様式1・様式3 is read here
//! (`domain::sheet`), kept while the nurse looks at its preview and changes the column
//! mapping, the sheet, the 地域診断 or a cell, and then planned and written exactly as a
//! bundle import is (`import::Session`), so 新規・更新・同一・競合, the review, the one
//! transaction and the re-plan when another tab saved meanwhile are the same.

use super::progress;
use super::session::{diagnoses_of, make_plan, refused, review, set_state, Session, SheetSession, Source, State};
use crate::domain::bundle::dataio::diagnosis_choices;
use crate::domain::bundle::review::ReviewView;
use crate::domain::bundle::ParsedBundle;
use crate::domain::ids::RecordId;
use crate::domain::io_protocol::Reply;
use crate::domain::sheet::existing::Existing;
use crate::domain::sheet::fields::TableKind;
use crate::domain::sheet::preview::{make_preview, SheetChoices, SheetPreview, SheetRead};
use crate::domain::sheet::records::sheet_bundle;
use crate::domain::sheet::{read_file, MAX_CELL_CHARS, MAX_COLUMNS};
use crate::domain::time::Timestamp;
use crate::storage::load_all;
use std::cell::RefCell;
use std::rc::Rc;

fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// CP932 (Shift_JIS) text by the browser's own decoder; `None` when the bytes are not.
pub(super) fn decode_cp932(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// A new record ID from the worker's `crypto.randomUUID()`.
fn new_record_id() -> RecordId {
    use wasm_bindgen::JsCast;
    let global = js_sys::global();
    let uuid = js_sys::Reflect::get(&global, &"crypto".into()).ok().and_then(|crypto| {
        let f = js_sys::Reflect::get(&crypto, &"randomUUID".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        f.call0(&crypto).ok()?.as_string()
    });
    let uuid = uuid
        .unwrap_or_else(|| format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64));
    RecordId::sanitized(&uuid)
}

/// Reads a chosen spreadsheet and answers with its preview.
pub(super) async fn open(
    id: u64,
    source: Source,
    bytes: Vec<u8>,
    diagnosis: Option<RecordId>,
    view: &ReviewView,
) -> Reply {
    progress(id, "表計算のファイルを読んでいます", 0, 1);
    let (grids, encoding) = match read_file(&source.file_name, &bytes, decode_cp932) {
        Ok(read) => read,
        Err(e) => return refused(&source.file_name, vec![e.to_string()]),
    };
    drop(bytes);
    let local = match load_all(&*source.store, |i, n| progress(id, "この端末のデータを読んでいます", i, n)).await
    {
        Ok(l) => l,
        Err(e) => return refused(&source.file_name, vec![e.to_string()]),
    };
    progress(id, "表の見出しと各行を確かめています", 0, 1);
    // A table is read into a 地域診断 on the list (never one in the ゴミ箱).
    let diagnoses = diagnosis_choices(&local, false).into_iter().map(|c| (c.id, c.title)).collect();
    // The first sheet with 様式1, else the first with 様式3, else the first.
    let found = |kind| {
        grids.iter().position(|g| crate::domain::sheet::layout::find_any_table(g).is_some_and(|l| l.kind == kind))
    };
    let sheet = found(TableKind::Patients).or_else(|| found(TableKind::Stations)).unwrap_or(0);
    let session = SheetSession {
        source,
        grids,
        encoding: encoding.map(|e| e.label().to_string()),
        local,
        diagnoses,
        choices: SheetChoices { sheet, columns: Vec::new(), diagnosis, skip_overview: false },
    };
    let session = Rc::new(RefCell::new(session));
    let reply = preview(&mut session.borrow_mut(), view);
    set_state(State::Sheet(session));
    reply
}

fn existing_of(s: &SheetSession) -> Existing {
    s.choices.diagnosis.as_ref().map(|d| Existing::of(d, &s.local)).unwrap_or_default()
}

/// Reads the chosen sheet with the session's choices: the preview, what it read, and the
/// saved records it was read against.
fn read_sheet(s: &SheetSession, view: &ReviewView) -> (SheetPreview, SheetRead, Existing) {
    let existing = existing_of(s);
    let (preview, read) = make_preview(
        &s.source.file_name,
        s.encoding.clone(),
        &s.grids,
        &s.choices,
        s.diagnoses.clone(),
        &existing,
        now().date_jst(),
        view.hide_names,
    );
    (preview, read, existing)
}

/// Makes the preview with the session's choices (and keeps the choices it settled on).
fn preview(s: &mut SheetSession, view: &ReviewView) -> Reply {
    let (preview, _, _) = read_sheet(s, view);
    s.choices = preview.choices.clone();
    Reply::Sheet { preview: Box::new(preview) }
}

/// The preview again with the nurse's choices, after fixing one cell if asked.
pub(super) fn view(
    session: &Rc<RefCell<SheetSession>>,
    choices: SheetChoices,
    edit: Option<(usize, usize, String)>,
    view: &ReviewView,
) -> Reply {
    let mut s = session.borrow_mut();
    let sheet_changed = choices.sheet != s.choices.sheet;
    s.choices = choices;
    if sheet_changed {
        s.choices.columns.clear();
    }
    if let Some((row, column, text)) = edit {
        let sheet = s.choices.sheet;
        let Some(grid) = s.grids.get_mut(sheet) else {
            return Reply::Failed { message: "シートがありません".to_string() };
        };
        if row >= grid.rows.len() || column >= MAX_COLUMNS || text.chars().count() > MAX_CELL_CHARS {
            return Reply::Failed { message: "直すセルがシートの外です".to_string() };
        }
        let cells = &mut grid.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
    }
    preview(&mut s, view)
}

/// Plans the rows that read without errors into the chosen 地域診断, and keeps the plan for
/// the review (the spreadsheet is then forgotten).
pub(super) fn plan(id: u64, session: &Rc<RefCell<SheetSession>>, choices: SheetChoices, view: &ReviewView) -> Reply {
    let mut s = session.borrow_mut();
    s.choices = choices;
    let (preview, read, existing) = read_sheet(&s, view);
    if !preview.problems.is_empty() {
        return Reply::Failed { message: preview.problems.join("。") };
    }
    if preview.ready == 0 && read.overview.is_none() {
        return Reply::Failed {
            message: "取り込める行がありません（エラーのある行を直してください）".to_string()
        };
    }
    let Some(diagnosis) = s.choices.diagnosis.as_ref().and_then(|d| s.local.iter().find(|r| &r.meta.id == d)).cloned()
    else {
        return Reply::Failed { message: "取り込み先の地域診断が見つかりません".to_string() };
    };
    progress(id, "取り込む内容を調べています", 0, 1);
    let bundle = sheet_bundle(
        &diagnosis,
        &existing,
        &read.rows,
        read.overview.as_ref(),
        now(),
        &s.source.me,
        &mut new_record_id,
    );
    let parsed = ParsedBundle { bundle, migrated_from: None, warnings: vec![preview.summary.clone()] };
    let plan = make_plan(id, &s.local, &parsed);
    let session = Rc::new(Session { source: s.source.clone(), parsed, plan, local_diagnoses: diagnoses_of(&s.local) });
    let reply = review(&session, view, None);
    drop(s);
    set_state(State::Open(session));
    reply
}
