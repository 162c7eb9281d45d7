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
mod print;
mod roster;
mod rows;
mod trash;
mod widgets;

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::forms::roster::PatientList;
use crate::domain::forms::roster::{RosterFilter, RosterSort};
use crate::domain::ids::RecordId;
use crate::domain::records::PerLoad;
use crate::route::{Route, Section};
use crate::ui::ctx::{use_app, Loaded};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The list of the last load of the records: coming back to 様式1 without a change in the
    /// data reuses it instead of reading every body again.
    static LAST_LIST: RefCell<PerLoad<Shared>> = RefCell::new(PerLoad::default());
}

/// The patients of the loaded records (parsed once per load of the 地域診断).
fn patient_list(loaded: &Loaded) -> Shared {
    LAST_LIST.with(|c| {
        c.borrow_mut().get_or_make(&loaded.records, |_| Shared(Arc::new(PatientList::from_records(loaded.set()))))
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
        ctx.loaded.with(|l| (l.diagnosis_id.as_ref() == Some(&id)).then(|| patient_list(l)))
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
