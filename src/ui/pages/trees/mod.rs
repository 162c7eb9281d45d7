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
mod finished;
mod insurance;
mod list;
mod measurements;
mod outcome;
mod patient;
mod print;
mod question;
mod start;
mod symptoms;

use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::history::histories_by_patient;
use crate::route::{Route, Section, TreePlace};
use crate::ui::ctx::{use_app, AppCtx};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// localStorage key of the last 判断者 typed on this device.
pub const ASSESSOR_KEY: &str = crate::ui::platform::keys::ASSESSOR;

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
    pub fn route(&self, place: &TreePlace) -> Option<Route> {
        let id = self.diagnosis_id.get_untracked()?;
        Some(Route::Diagnosis { id, section: Section::Trees, item: place.item() })
    }

    /// `#/d/<id>/trees/…`.
    pub fn href(&self, place: &TreePlace) -> String {
        self.route(place).map(|r| r.to_hash()).unwrap_or_else(|| "#/".to_string())
    }

    pub fn go(&self, place: &TreePlace) {
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
        Route::Diagnosis { item, .. } => TreePlace::parse(item.as_deref()),
        _ => TreePlace::List,
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
                    TreePlace::List => view! { <list::TreesList data/> }.into_any(),
                    TreePlace::Patient(id) => view! { <patient::PatientView data patient_id=id/> }.into_any(),
                    TreePlace::Assessment(id) => view! { <assessment::AssessmentView data assessment_id=id/> }.into_any(),
                    TreePlace::Insurance(id) => view! { <insurance::InsuranceView data patient_id=id/> }.into_any(),
                    TreePlace::Unknown(_) => view! {
                        <section data-testid="trees-unknown">
                            <h1>"ページが見つかりません"</h1>
                            <p>
                                "アドレスが正しくありません。"
                                <a href=data.href(&TreePlace::List)>"判断樹の一覧"</a>
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
