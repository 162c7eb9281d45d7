//! 判断樹: the ALS 呼吸障害 and 球麻痺 assessments at a home visit, and the 訪問看護の保険 tool.
//!
//! * `#/d/<id>/trees` — the patients with their latest outcome and drafts; start an
//!   assessment (呼吸障害 first, or 球麻痺 directly), 判断者 and 日時.
//! * `#/d/<id>/trees/patient-<patient id>` — one patient: 様式1 特定症状 with their source,
//!   taking the latest outcome over into 様式1, the history with what changed each time.
//! * `#/d/<id>/trees/assessment-<assessment id>` — one assessment: one question at a time
//!   with its checklist, measurements that tick the ※ lines, reference values and the seed's
//!   guidance beside it; the outcome and its action boxes; 完了 (or the finished record).
//! * `#/d/<id>/trees/insurance` and `…/insurance-<patient id>` — 訪問看護 介護保険か医療保険か,
//!   prefilled from the patient's 様式1.
//!
//! An unfinished assessment is its own record with the status 下書き: every change is written
//! to it (answers at once, typing a moment later), so a reload or a closed tab loses nothing.
//! All rules are in `domain::trees` and `domain::insurance`.

mod assessment;
mod editor;
mod insurance;
mod list;
mod outcome;
mod patient;
mod print;
mod start;
mod symptoms;

use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::trees::assessment::{histories_by_patient, Assessment};
use crate::route::{Route, Section};
use crate::ui::ctx::{use_app, AppCtx};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// localStorage key of the last 判断者 typed on this device.
pub const ASSESSOR_KEY: &str = "nanbyo.trees.assessor";

/// Where in the 判断樹 section the route points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// 療養者の一覧
    List,
    /// 療養者ごとの記録
    Patient(RecordId),
    /// アセスメント
    Assessment(RecordId),
    /// 訪問看護の保険 (for a patient, or blank)
    Insurance(Option<RecordId>),
    /// An item the page does not know.
    Unknown(String),
}

const PATIENT: &str = "patient-";
const ASSESSMENT: &str = "assessment-";
const INSURANCE: &str = "insurance";

impl Place {
    /// Reads the route's item.
    pub fn parse(item: Option<&str>) -> Place {
        let Some(item) = item else { return Place::List };
        let id = |rest: &str| RecordId::parse(rest).ok();
        if let Some(p) = item.strip_prefix(PATIENT).and_then(id) {
            return Place::Patient(p);
        }
        if let Some(a) = item.strip_prefix(ASSESSMENT).and_then(id) {
            return Place::Assessment(a);
        }
        if item == INSURANCE {
            return Place::Insurance(None);
        }
        if let Some(p) = item.strip_prefix(INSURANCE).and_then(|r| r.strip_prefix('-')).and_then(id) {
            return Place::Insurance(Some(p));
        }
        Place::Unknown(item.to_string())
    }

    /// The route's item for this place.
    pub fn item(&self) -> Option<String> {
        match self {
            Place::List => None,
            Place::Patient(p) => Some(format!("{PATIENT}{p}")),
            Place::Assessment(a) => Some(format!("{ASSESSMENT}{a}")),
            Place::Insurance(None) => Some(INSURANCE.to_string()),
            Place::Insurance(Some(p)) => Some(format!("{INSURANCE}-{p}")),
            Place::Unknown(s) => Some(s.clone()),
        }
    }
}

/// The patients of the open 地域診断 (records and bodies, in the same order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patients {
    pub records: Vec<StoredRecord>,
    pub bodies: Vec<Patient>,
}

/// Every patient's assessments, oldest first.
pub type Histories = BTreeMap<RecordId, Vec<(RecordId, Assessment)>>;

/// What every view of the page reads.
#[derive(Clone, Copy)]
pub struct PageData {
    pub ctx: AppCtx,
    /// The open 地域診断.
    pub diagnosis_id: Memo<Option<RecordId>>,
    /// Its live patients (read only where needed: memos are lazy).
    pub patients: Memo<Arc<Patients>>,
    /// Every patient's assessments, oldest first.
    pub histories: Memo<Arc<Histories>>,
}

impl PageData {
    /// The route of a place in the open 地域診断.
    pub fn route(&self, place: &Place) -> Option<Route> {
        let id = self.diagnosis_id.get_untracked()?;
        Some(Route::Diagnosis { id, section: Section::Trees, item: place.item() })
    }

    /// `#/d/<id>/trees/…`.
    pub fn href(&self, place: &Place) -> String {
        self.route(place).map(|r| r.to_hash()).unwrap_or_else(|| "#/".to_string())
    }

    pub fn go(&self, place: &Place) {
        if let Some(r) = self.route(place) {
            self.ctx.go(r);
        }
    }

    /// One patient's record and body (tracked; reads only that record).
    pub fn patient(&self, id: &RecordId) -> Option<(StoredRecord, Patient)> {
        self.ctx.loaded.with(|l| l.set().live_one::<Patient>(id).map(|(r, p)| (r.clone(), p)))
    }

    /// One patient's assessments, oldest first (tracked).
    pub fn history(&self, id: &RecordId) -> Vec<(RecordId, Assessment)> {
        self.histories.with(|h| h.get(id).cloned().unwrap_or_default())
    }
}

#[component]
pub fn TreesPage() -> impl IntoView {
    let ctx = use_app();
    let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let patients = Memo::new(move |_| {
        ctx.loaded.with(|l| {
            let (records, bodies) = l.live::<Patient>().into_iter().unzip();
            Arc::new(Patients { records, bodies })
        })
    });
    let histories = Memo::new(move |_| ctx.loaded.with(|l| Arc::new(histories_by_patient(l.set()))));
    let data = PageData { ctx, diagnosis_id, patients, histories };
    let ready = Memo::new(move |_| {
        let wanted = diagnosis_id.get();
        wanted.is_some() && ctx.loaded.with(|l| l.diagnosis_id == wanted)
    });
    let place = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => Place::parse(item.as_deref()),
        _ => Place::List,
    });
    // Each view is made again only when the place (or the 地域診断) changes, never on a save.
    let view_key = Memo::new(move |_| (ready.get(), diagnosis_id.get(), place.get()));

    view! {
        {super::require_diagnosis()}
        <div class="trees-page">
            {move || {
                let (ready, _, place) = view_key.get();
                if !ready {
                    return view! { <p class="hint">"判断樹を読み込んでいます…"</p> }.into_any();
                }
                match place {
                    Place::List => view! { <list::TreesList data/> }.into_any(),
                    Place::Patient(id) => view! { <patient::PatientView data patient_id=id/> }.into_any(),
                    Place::Assessment(id) => view! { <assessment::AssessmentView data assessment_id=id/> }.into_any(),
                    Place::Insurance(id) => view! { <insurance::InsuranceView data patient_id=id/> }.into_any(),
                    Place::Unknown(_) => view! {
                        <section data-testid="trees-unknown">
                            <h1>"ページが見つかりません"</h1>
                            <p>
                                "アドレスが正しくありません。"
                                <a href=data.href(&Place::List)>"判断樹の一覧"</a>
                                "に戻ってください。"
                            </p>
                        </section>
                    }
                    .into_any(),
                }
            }}
        </div>
    }
}
