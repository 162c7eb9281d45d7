//! 様式2 事業: the programme list of the open 地域診断 in the paper form's order.
//!
//! * `#/d/<id>/programmes` — the table: 実施 and 実施件数 of every row typed in one go
//!   (一括入力), 成果・課題 at a glance, 「編集」 per row, 独自事業 の追加, ゴミ箱, 印刷.
//! * `#/d/<id>/programmes/<row key>` — one programme in a form (all fields, 協議会 and
//!   センター sections, last year's values beside this year's); `new` adds a 独自事業.
//!
//! The printed 様式2 (A4 landscape, like the paper form) is on the page in both views and
//! only shows on paper. All rules live in `domain::programmes`.

mod detail;
mod print;
mod sections;
mod table;

use crate::domain::diagnosis::{previous_year, DiagnosisEntry};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::programmes::sheet::Sheet;
use crate::domain::programmes::{list_programmes, ProgrammeEntry};
use crate::route::{Route, Section};
use crate::storage::Store;
use crate::ui::ctx::use_app;
use leptos::prelude::*;

/// Last year's 地域診断 of the same 地区名 and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousYear {
    /// 前年度.
    pub fiscal_year: FiscalYear,
    /// 前年度の事業.
    pub entries: Vec<ProgrammeEntry>,
}

/// What both views get from the page.
#[derive(Clone, Copy)]
pub struct PageData {
    /// The open 地域診断 (`None` while loading).
    pub diagnosis: Memo<Option<DiagnosisEntry>>,
    /// Its 様式2 rows (`None` while its records load).
    pub sheet: Memo<Option<Sheet>>,
    /// Last year's rows (`None` when there is no 地域診断 of last year, or while loading).
    pub previous: Signal<Option<PreviousYear>>,
    /// The row whose 「編集」 gets the focus when the table shows again.
    pub focus_row: RwSignal<Option<String>>,
}

impl PageData {
    /// The table's address.
    pub fn list_route(id: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Programmes, item: None }
    }

    /// A row's form address.
    pub fn row_route(id: &RecordId, key: &str) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Programmes, item: Some(key.to_string()) }
    }
}

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let ctx = use_app();
    let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let diagnosis = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        ctx.diagnoses.with(|ds| ds.iter().find(|e| e.record.meta.id == id).cloned())
    });
    let sheet = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        ctx.loaded.with(|l| (l.diagnosis_id.as_ref() == Some(&id)).then(|| Sheet::new(&l.records, &id)))
    });
    let previous_diagnosis = Memo::new(move |_| {
        let current = diagnosis.get()?;
        ctx.diagnoses.with(|ds| {
            previous_year(ds, &current.diagnosis).map(|p| (p.record.meta.id.clone(), p.diagnosis.fiscal_year))
        })
    });
    let previous_resource = LocalResource::new(move || {
        let target = previous_diagnosis.get();
        async move {
            let (id, fiscal_year) = target?;
            let records = ctx.store().ok()?.list_records(&id).await.ok()?;
            Some(PreviousYear { fiscal_year, entries: list_programmes(&records, &id).0 })
        }
    });
    let previous = Signal::derive(move || previous_resource.get().flatten());
    let data = PageData { diagnosis, sheet, previous, focus_row: RwSignal::new(None) };

    let item = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => item,
        _ => None,
    });
    let ready = Memo::new(move |_| sheet.with(Option::is_some) && diagnosis.with(Option::is_some));

    view! {
        {super::require_diagnosis()}
        <div class="programmes">
            {move || {
                if !ready.get() {
                    return view! { <p class="hint no-print">"様式2を読み込んでいます…"</p> }.into_any();
                }
                match item.get() {
                    None => view! { <table::ProgrammeTable data/> }.into_any(),
                    Some(item) => view! { <detail::ProgrammeDetail data item/> }.into_any(),
                }
            }}
            <print::ProgrammePrint data/>
        </div>
    }
}
