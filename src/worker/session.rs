//! What the I/O worker holds between requests (one file at a time): an encrypted file
//! waiting for its password, a spreadsheet under preview, or a checked file and its plan
//! waiting for the nurse; and the steps both imports share (refuse, review, plan).

use super::progress;
use crate::domain::bundle::dataio::{bundle_parts, join_plans, refusal_heading};
use crate::domain::bundle::envelope::Envelope;
use crate::domain::bundle::review::{ImportReview, ReviewView};
use crate::domain::bundle::{plan_import, ImportPlan, ParsedBundle};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::io_protocol::Reply;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::sheet::preview::SheetChoices;
use crate::domain::sheet::Grid;
use crate::storage::idb::IdbStore;
use std::cell::RefCell;
use std::rc::Rc;

/// Records checked, planned or applied per step (one progress message each).
pub(super) const PART_SIZE: usize = 500;

/// Where a file goes and what it is called: the database, the file's name, this device.
#[derive(Clone)]
pub(super) struct Source {
    pub store: Rc<IdbStore>,
    pub file_name: String,
    pub me: DeviceId,
}

/// A checked file and its plan, waiting for the nurse.
pub(super) struct Session {
    pub source: Source,
    pub parsed: ParsedBundle,
    pub plan: ImportPlan,
    /// The device's 地域診断 when the plan was made (the write expects them unchanged).
    pub local_diagnoses: Vec<StoredRecord>,
}

/// An open spreadsheet (`sheet`).
pub(crate) struct SheetSession {
    pub source: Source,
    pub grids: Vec<Grid>,
    pub encoding: Option<String>,
    /// Every record on the device when the file was opened.
    pub local: Vec<StoredRecord>,
    pub diagnoses: Vec<(RecordId, String)>,
    pub choices: SheetChoices,
}

/// What the worker holds between requests.
pub(super) enum State {
    Empty,
    /// A spreadsheet whose preview the nurse is looking at.
    Sheet(Rc<RefCell<SheetSession>>),
    /// An encrypted file waiting for its password.
    Encrypted {
        source: Source,
        envelope: Rc<Envelope>,
    },
    Open(Rc<Session>),
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Empty) };
}

pub(super) fn set_state(state: State) {
    STATE.with(|s| *s.borrow_mut() = state);
}

pub(super) fn open_session() -> Option<Rc<Session>> {
    STATE.with(|s| match &*s.borrow() {
        State::Open(session) => Some(session.clone()),
        _ => None,
    })
}

/// The encrypted file waiting for its password.
pub(super) fn encrypted_file() -> Option<(Source, Rc<Envelope>)> {
    STATE.with(|s| match &*s.borrow() {
        State::Encrypted { source, envelope } => Some((source.clone(), envelope.clone())),
        _ => None,
    })
}

pub(super) fn sheet_session() -> Option<Rc<RefCell<SheetSession>>> {
    STATE.with(|s| match &*s.borrow() {
        State::Sheet(session) => Some(session.clone()),
        _ => None,
    })
}

pub(super) fn refused(file_name: &str, lines: Vec<String>) -> Reply {
    set_state(State::Empty);
    Reply::Refused { heading: refusal_heading(file_name), lines }
}

pub(super) fn review(s: &Session, view: &ReviewView, replanned: Option<usize>) -> Reply {
    let review = ImportReview::make(&s.parsed, &s.plan, &s.source.file_name, &s.source.me, view, replanned);
    Reply::Review { review: Box::new(review) }
}

pub(super) fn diagnoses_of(local: &[StoredRecord]) -> Vec<StoredRecord> {
    local.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).cloned().collect()
}

pub(super) fn make_plan(id: u64, local: &[StoredRecord], parsed: &ParsedBundle) -> ImportPlan {
    let parts = bundle_parts(&parsed.bundle, PART_SIZE);
    let total = parts.len();
    let mut plans = Vec::with_capacity(total);
    for (i, part) in parts.iter().enumerate() {
        progress(id, "取り込む内容を調べています", i, total);
        plans.push(plan_import(local, part));
    }
    join_plans(plans)
}
