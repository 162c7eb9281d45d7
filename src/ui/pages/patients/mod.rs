//! 様式1 療養者: the home-care patients of the open 地域診断.
//!
//! * `#/d/<id>/patients` — the roster in the paper form's column order (grouped headings,
//!   gap cells pink), sorted by a column, filtered by 市町村・疾患・支援管理区分・人工呼吸器・
//!   ギャップ and searched by 氏名 or ID番号, a page of 50 at a time; 「新規登録」; the ゴミ箱.
//! * `#/d/<id>/patients/<record id>` — one patient in a form in the paper form's order;
//!   `new` registers one. Enter saves, Esc cancels, drafts are kept.
//!
//! Every rule (parsing, checks, filtering, sorting, the privacy display, the weekly total,
//! trash) lives in `domain::forms::{patient_form, roster}`; this module only binds.

mod detail;
mod roster;
mod widgets;

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::forms::roster::{RosterFilter, RosterSort};
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// The 地域診断's patients as loaded: the live ones (record and body side by side, in load
/// order) and the trashed ones.
#[derive(Debug, Default)]
pub struct PatientList {
    /// Live records (parallel to `patients`).
    pub records: Vec<StoredRecord>,
    /// Their bodies.
    pub patients: Vec<Patient>,
    /// ゴミ箱: trashed records and their bodies (when readable), latest deletion first.
    pub trashed: Vec<(StoredRecord, Option<Patient>)>,
    /// Live records whose body could not be read (kept in storage, reported on screen).
    pub unreadable: usize,
}

impl PatientList {
    fn from_records(records: &[StoredRecord]) -> PatientList {
        let mut list = PatientList::default();
        for r in records.iter().filter(|r| r.meta.kind == RecordKind::Patient) {
            let body = r.body_as::<Patient>().ok();
            if r.is_deleted() {
                list.trashed.push((r.clone(), body));
            } else if let Some(p) = body {
                list.records.push(r.clone());
                list.patients.push(p);
            } else {
                list.unreadable += 1;
            }
        }
        list.trashed.sort_by_key(|(r, _)| std::cmp::Reverse(r.meta.deleted_at));
        list
    }

    /// The position of a live record.
    pub fn position(&self, id: &RecordId) -> Option<usize> {
        self.records.iter().position(|r| &r.meta.id == id)
    }
}

thread_local! {
    /// The last parsed list and the records it was parsed from: coming back to 様式1 without
    /// a change in the data reuses it instead of reading every body again.
    static LAST_LIST: RefCell<Option<(Arc<Vec<StoredRecord>>, Shared)>> = const { RefCell::new(None) };
}

/// The patients of these records (parsed once per load of the 地域診断).
fn patient_list(records: &Arc<Vec<StoredRecord>>) -> Shared {
    let cached =
        LAST_LIST.with(|c| c.borrow().as_ref().and_then(|(r, list)| Arc::ptr_eq(r, records).then(|| list.clone())));
    cached.unwrap_or_else(|| {
        let list = Shared(Arc::new(PatientList::from_records(records)));
        LAST_LIST.with(|c| *c.borrow_mut() = Some((Arc::clone(records), list.clone())));
        list
    })
}

/// A shared, cheaply cloned [`PatientList`]; equal only to itself (a reload makes a new one).
#[derive(Clone, Debug, Default)]
pub struct Shared(pub Arc<PatientList>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the roster and the form get from the page. The filter, sort and page live here so
/// they survive opening a patient and coming back.
#[derive(Clone, Copy)]
pub struct PageData {
    /// The open 地域診断 (`None` while loading).
    pub diagnosis: Memo<Option<DiagnosisEntry>>,
    /// Its patients (`None` while its records load).
    pub list: Memo<Option<Shared>>,
    pub filter: RwSignal<RosterFilter>,
    pub sort: RwSignal<RosterSort>,
    /// Roster page, from 0.
    pub page: RwSignal<usize>,
    /// The patient whose row gets the focus when the roster shows again.
    pub focus_row: RwSignal<Option<RecordId>>,
}

impl PageData {
    /// The roster's address.
    pub fn list_route(id: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Patients, item: None }
    }

    /// A patient's form address (`new` for a new one).
    pub fn item_route(id: &RecordId, item: &str) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Patients, item: Some(item.to_string()) }
    }
}

/// The item of a new patient's form.
pub const NEW_ITEM: &str = "new";

#[component]
pub fn PatientsPage() -> impl IntoView {
    let ctx = use_app();
    let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let diagnosis = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        ctx.diagnoses.with(|ds| ds.iter().find(|e| e.record.meta.id == id).cloned())
    });
    let list = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        ctx.loaded.with(|l| (l.diagnosis_id.as_ref() == Some(&id)).then(|| patient_list(&l.records)))
    });
    let data = PageData {
        diagnosis,
        list,
        filter: RwSignal::new(RosterFilter::default()),
        sort: RwSignal::new(RosterSort::default()),
        page: RwSignal::new(0),
        focus_row: RwSignal::new(None),
    };
    let item = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => item,
        _ => None,
    });
    let ready = Memo::new(move |_| list.with(Option::is_some) && diagnosis.with(Option::is_some));

    view! {
        {super::require_diagnosis()}
        <div class="patients">
            {move || {
                if !ready.get() {
                    return view! { <p class="hint">"様式1を読み込んでいます…"</p> }.into_any();
                }
                match item.get() {
                    None => view! { <roster::Roster data/> }.into_any(),
                    Some(item) => view! { <detail::PatientDetail data item/> }.into_any(),
                }
            }}
        </div>
    }
}
