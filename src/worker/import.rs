//! 読み込み in the worker: the file is read, checked in parts (`BundleReader`, the checks of
//! `parse_bundle`), planned in parts (`plan_import`) against every record on the device, and
//! kept here while the nurse reviews it on the page; confirming applies the plan and writes
//! it in one transaction that expects every record it writes (and their 地域診断) as the plan
//! saw them (`planned_reads` → `WriteBatch::expect`). When another tab saved any of them
//! meanwhile, nothing is written and the plan is made again and shown with a message.

use super::session::{
    diagnoses_of, encrypted_file, make_plan, open_session, refused, review, set_state, sheet_session, Session, Source,
    State, PART_SIZE,
};
use super::sheet;
use super::{progress, read_blob, store};
use crate::domain::bundle::dataio::{import_done_message, join_applied, plan_parts};
use crate::domain::bundle::envelope::parse_envelope;
use crate::domain::bundle::review::ReviewView;
use crate::domain::bundle::validate_history::history_to_keep;
use crate::domain::bundle::{
    apply_plan, detect_file_kind, planned_reads, split_diagnoses, BundleReader, FileKind, KnownIds, Resolutions,
};
use crate::domain::history::{Cause, Stamp};
use crate::domain::io_protocol::{Reply, Request};
use crate::domain::sheet::is_spreadsheet;
use crate::storage::{load_all, Expect, StorageError, Store, WriteBatch};
use std::rc::Rc;
use wasm_bindgen::JsValue;

const NO_FILE: &str = "読み込んだファイルがありません。もう一度ファイルを選んでください。";

/// Answers one request.
pub async fn answer(id: u64, request: Request, file: JsValue) -> Reply {
    match request {
        Request::ImportOpen { database, file_name, me, view, diagnosis } => {
            let store = match store(&database).await {
                Ok(s) => s,
                Err(e) => return refused(&file_name, vec![e.to_string()]),
            };
            progress(id, "ファイルを読んでいます", 0, 1);
            match read_blob(&file).await {
                Ok(bytes) if is_spreadsheet(&file_name, &bytes) => {
                    sheet::open(id, Source { store, file_name, me }, bytes, diagnosis, &view).await
                }
                Ok(bytes) => open_bytes(id, Source { store, file_name, me }, bytes, &view).await,
                Err(e) => refused(&file_name, vec![e]),
            }
        }
        Request::SheetView { choices, edit, view } => match sheet_session() {
            Some(s) => sheet::view(&s, choices, edit, &view),
            None => Reply::Failed { message: NO_FILE.to_string() },
        },
        Request::SheetPlan { choices, view } => match sheet_session() {
            Some(s) => sheet::plan(id, &s, choices, &view),
            None => Reply::Failed { message: NO_FILE.to_string() },
        },
        Request::ImportDecrypt { password, view } => decrypt(id, &password, &view).await,
        Request::ImportReview { view } => match open_session() {
            Some(s) => review(&s, &view, None),
            None => Reply::Failed { message: NO_FILE.to_string() },
        },
        Request::ImportApply { chosen, view, by } => match open_session() {
            Some(s) => apply(id, &s, &Resolutions::from_entries(chosen), &view, by).await,
            None => Reply::Failed { message: NO_FILE.to_string() },
        },
        Request::ImportClose => {
            set_state(State::Empty);
            Reply::Closed
        }
        Request::Export { .. }
        | Request::AnonPreview { .. }
        | Request::Csv { .. }
        | Request::MapAreasOpen { .. }
        | Request::MapOutlines { .. }
        | Request::MapClose => Reply::Failed { message: "読み込みの処理ではありません".to_string() },
    }
}

/// A chosen file's bytes: an encrypted file asks for its password; anything else is checked.
async fn open_bytes(id: u64, source: Source, bytes: Vec<u8>, view: &ReviewView) -> Reply {
    if detect_file_kind(&bytes) == FileKind::Encrypted {
        return match parse_envelope(&String::from_utf8_lossy(&bytes)) {
            Ok(envelope) => {
                let reply = Reply::Password { file_name: source.file_name.clone(), error: None };
                set_state(State::Encrypted { source, envelope: Rc::new(envelope) });
                reply
            }
            Err(e) => refused(&source.file_name, vec![format!("暗号化されたファイルですが、開けません（{e}）")]),
        };
    }
    check_and_plan(id, source, bytes, view).await
}

async fn decrypt(id: u64, password: &str, view: &ReviewView) -> Reply {
    let Some((source, envelope)) = encrypted_file() else {
        return Reply::Failed { message: NO_FILE.to_string() };
    };
    progress(id, "パスワードを確かめています", 0, 1);
    match super::crypto::decrypt(&envelope, password).await {
        Ok(bytes) => check_and_plan(id, source, bytes, view).await,
        Err(message) => Reply::Password { file_name: source.file_name, error: Some(message) },
    }
}

/// Reads the device's records, checks the file and plans the import.
async fn check_and_plan(id: u64, source: Source, bytes: Vec<u8>, view: &ReviewView) -> Reply {
    let file_name = source.file_name.clone();
    let local = match load_all(&*source.store, |i, n| progress(id, "この端末のデータを読んでいます", i, n)).await
    {
        Ok(l) => l,
        Err(e) => return refused(&file_name, vec![e.to_string()]),
    };
    progress(id, "ファイルの内容を確かめています", 0, 1);
    let mut reader = match BundleReader::start(&bytes, &KnownIds::from_records(&local)) {
        Ok(r) => r,
        Err(e) => return refused(&file_name, e.lines()),
    };
    drop(bytes);
    let total = reader.total();
    loop {
        progress(id, "ファイルの内容を確かめています", reader.done(), total);
        if reader.read(PART_SIZE) {
            break;
        }
    }
    let parsed = match reader.finish() {
        Ok(p) => p,
        Err(e) => return refused(&file_name, e.lines()),
    };
    let plan = make_plan(id, &local, &parsed);
    let session = Rc::new(Session { source, parsed, plan, local_diagnoses: diagnoses_of(&local) });
    let reply = review(&session, view, None);
    set_state(State::Open(session));
    reply
}

/// Applies the plan and writes it in one transaction that expects every record it writes
/// (and their 地域診断) as the plan saw them. If another tab saved any of them meanwhile,
/// nothing is written: the device's records are read again and the plan is made again.
async fn apply(id: u64, s: &Rc<Session>, chosen: &Resolutions, view: &ReviewView, by: String) -> Reply {
    let parts = plan_parts(&s.plan, PART_SIZE);
    let total = parts.len() + 1;
    let mut applied = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        progress(id, "取り込む記録を作っています", i, total);
        applied.push(apply_plan(part, chosen));
    }
    let applied = join_applied(applied);
    let message = import_done_message(&s.plan, &applied);
    if applied.records.is_empty() {
        return Reply::Applied { notice: message.clone(), text: message, wrote: false };
    }
    progress(id, "保存しています（1回の書き込みでまとめて保存します）", total - 1, total);
    let notes = applied.notes.clone();
    let expect: Vec<Expect> = planned_reads(&s.plan, &applied.records, &s.local_diagnoses)
        .into_iter()
        .map(|r| Expect { id: r.id, kind: r.kind, meta: r.meta })
        .collect();
    let (put_diagnoses, put_records) = split_diagnoses(applied.records);
    // The 変更履歴 of every record the import writes: 取り込み, by the nurse who imported;
    // and the file's own history of its records (format v3), kept once per entry.
    let history = Some(Stamp { by, cause: Cause::Import });
    let put_history = history_to_keep(&s.plan, &s.parsed.bundle.history);
    let mut notes = notes;
    if !put_history.is_empty() {
        notes.push(format!("ファイルの変更履歴 {}件も取り込みました", put_history.len()));
    }
    let batch = WriteBatch { put_diagnoses, put_records, expect, history, put_history, ..WriteBatch::default() };
    match s.source.store.apply(batch).await {
        Ok(()) => {
            set_state(State::Empty);
            let text = if notes.is_empty() { message.clone() } else { format!("{message}。{}", notes.join("。")) };
            Reply::Applied { notice: message, text, wrote: true }
        }
        Err(StorageError::Changed(ids)) => {
            // Another tab saved meanwhile: nothing was written. Plan again from what is there now.
            let local =
                match load_all(&*s.source.store, |i, n| progress(id, "この端末のデータを読み直しています", i, n)).await
                {
                    Ok(l) => l,
                    Err(e) => return Reply::Failed { message: e.to_string() },
                };
            let plan = make_plan(id, &local, &s.parsed);
            let session = Rc::new(Session {
                source: s.source.clone(),
                parsed: s.parsed.clone(),
                plan,
                local_diagnoses: diagnoses_of(&local),
            });
            let reply = review(&session, view, Some(ids.len()));
            set_state(State::Open(session));
            reply
        }
        Err(e) => Reply::Failed { message: e.to_string() },
    }
}
