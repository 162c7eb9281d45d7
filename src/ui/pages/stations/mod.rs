//! 様式3 訪問看護ステーション: every visiting-nurse station of the jurisdiction.
//!
//! * `#/d/<id>/stations` — the table (sortable by any column, searchable by 名称・所在地)
//!   with the 合計 row and the per-area / per-population lines, 削除 (to the ゴミ箱) and
//!   元に戻す.
//! * `#/d/<id>/stations/<record id>` — one station in a form, fields (1)–(11); (3) 常勤換算
//!   typed directly or computed live from a staff list and explained; `new` adds one.
//!
//! The printed 様式3 (A4 landscape, like the paper form) is on the page in both views and
//! only shows on paper (「印刷」 on the table).
//!
//! All rules live in `domain::forms::station_form`, `domain::forms::station_roster` and
//! `domain::summary::stations`.

mod detail;
mod fte;
mod print;
mod sections;
mod table;

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::ids::RecordId;
use crate::domain::overview::Overview;
use crate::domain::record::StoredRecord;
use crate::domain::station::Station;
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use leptos::prelude::*;

/// The item of a new station's address (`#/d/<id>/stations/new`).
pub const NEW_ITEM: &str = "new";

/// What both views get from the page.
#[derive(Clone, Copy)]
pub struct PageData {
    /// The open 地域診断 (`None` while loading).
    pub diagnosis: Memo<Option<DiagnosisEntry>>,
    /// The live stations, in stored order.
    pub stations: Memo<Vec<(StoredRecord, Station)>>,
    /// Their bodies (same order), for the domain's search, sort and totals.
    pub bodies: Memo<Vec<Station>>,
    /// ゴミ箱: trashed stations, the most recently deleted first.
    pub trashed: Memo<Vec<(StoredRecord, Station)>>,
    /// 地域の概況 (面積 ※1 and 人口 ※2 for the totals); blank when not entered.
    pub overview: Memo<Overview>,
    /// The station whose row gets the focus when the table shows again.
    pub focus_row: RwSignal<Option<String>>,
}

impl PageData {
    /// The table's address.
    pub fn list_route(id: &RecordId) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Stations, item: None }
    }

    /// A station's form address (`new` for a new one).
    pub fn item_route(id: &RecordId, item: &str) -> Route {
        Route::Diagnosis { id: id.clone(), section: Section::Stations, item: Some(item.to_string()) }
    }
}

#[component]
pub fn StationsPage() -> impl IntoView {
    let ctx = use_app();
    let (diagnosis, loaded) = ctx.open_diagnosis();
    let stations = Memo::new(move |_| ctx.loaded.with(|l| l.live::<Station>()));
    let bodies = Memo::new(move |_| stations.with(|s| s.iter().map(|(_, b)| b.clone()).collect::<Vec<_>>()));
    let trashed = Memo::new(move |_| ctx.loaded.with(|l| l.set().trashed_newest_first::<Station>()));
    // The 概況 of the 地域診断 as the 集計 reads it (one rule: `RecordSet::overview`).
    let overview = Memo::new(move |_| ctx.loaded.with(|l| l.set().overview()));
    let data = PageData { diagnosis, stations, bodies, trashed, overview, focus_row: RwSignal::new(None) };
    let item = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => item,
        _ => None,
    });

    view! {
        {super::require_diagnosis()}
        <div class="stations-page">
            <div class="no-print">
                {move || match (loaded.get(), item.get()) {
                    (None, _) => view! { <p class="hint">"様式3を読み込んでいます…"</p> }.into_any(),
                    (Some(_), None) => view! { <table::StationTable data/> }.into_any(),
                    (Some(_), Some(item)) => view! { <detail::StationDetail data item/> }.into_any(),
                }}
            </div>
            <Show when=move || loaded.with(Option::is_some)>
                <print::StationPrint data/>
            </Show>
        </div>
    }
}
