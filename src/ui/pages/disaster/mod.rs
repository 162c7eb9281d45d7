//! 災害への備え (issue 20): the 災害時個別支援計画 of the patients who use a ventilator (and of
//! any patient the nurse chooses).
//!
//! * `#/d/<id>/disaster` — the area view: every ventilated patient with the plan's status,
//!   backup power, the subsidies open to them and the programme's visits (様式4 災害対策).
//! * `#/d/<id>/disaster/subsidy` — the 補助の上限表 (管内共通 and each 市町村's own).
//! * `#/d/<id>/disaster/<patient or plan id>` — one patient's plan in the editor frame, with
//!   the subsidy check and the programme payment of its visit plan; printable on A4.
//!
//! All rules live in `domain::ventilator`.

mod area;
mod backup;
mod checks;
mod plan;
mod print;
mod sections;
mod tables;
mod visits;

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::ventilator::plan::SupportPlan;
use crate::domain::ventilator::tables::SubsidyTables;
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use leptos::prelude::*;

/// What both views get from the page.
#[derive(Clone, Copy)]
pub struct PageData {
    pub diagnosis: Memo<Option<DiagnosisEntry>>,
    /// The live patients (様式1).
    pub patients: Memo<Vec<(StoredRecord, Patient)>>,
    /// The live plans.
    pub plans: Memo<Vec<(StoredRecord, SupportPlan)>>,
    /// Plans in the ゴミ箱: opening the patient's plan shows one, and saving restores it (one
    /// plan per patient).
    pub trashed: Memo<Vec<(StoredRecord, SupportPlan)>>,
    /// The 補助の上限表 (the seed's amounts until the 保健所 saves its own).
    pub tables: Memo<SubsidyTables>,
    /// Its record, once saved.
    pub table_record: Memo<Option<StoredRecord>>,
}

/// The item of the 補助の上限表 in the page's address.
pub const TABLES_ITEM: &str = "subsidy";

impl PageData {
    pub fn list_route(id: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Disaster, item: None }
    }

    pub fn tables_route(id: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Disaster, item: Some(TABLES_ITEM.to_string()) }
    }

    pub fn plan_route(id: &RecordId, patient: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Disaster, item: Some(patient.to_string()) }
    }
}

#[component]
pub fn DisasterPage() -> impl IntoView {
    let ctx = use_app();
    let (diagnosis, loaded) = ctx.open_diagnosis();
    let patients = Memo::new(move |_| ctx.loaded.with(|l| l.live::<Patient>()));
    let plans = Memo::new(move |_| ctx.loaded.with(|l| l.live::<SupportPlan>()));
    let trashed = Memo::new(move |_| ctx.loaded.with(|l| l.set().trashed_newest_first::<SupportPlan>()));
    let table = Memo::new(move |_| {
        ctx.loaded.with(|l| l.set().live_singleton::<SubsidyTables>().map(|(r, t)| (r.clone(), t.unwrap_or_default())))
    });
    let tables = Memo::new(move |_| table.with(|t| t.as_ref().map(|(_, t)| t.clone()).unwrap_or_default()));
    let table_record = Memo::new(move |_| table.with(|t| t.as_ref().map(|(r, _)| r.clone())));
    let data = PageData { diagnosis, patients, plans, trashed, tables, table_record };
    let item = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => item,
        _ => None,
    });
    view! {
        {super::require_diagnosis()}
        <div class="disaster-page">
            {move || match (loaded.get(), item.get()) {
                (None, _) => view! { <p class="hint">"災害への備えを読み込んでいます…"</p> }.into_any(),
                (Some(_), None) => view! { <area::AreaView data/> }.into_any(),
                (Some(_), Some(item)) if item == TABLES_ITEM => view! { <tables::SubsidyTableEditor data/> }.into_any(),
                (Some(_), Some(item)) => view! { <plan::PlanEditor data item/> }.into_any(),
            }}
        </div>
    }
}
