//! 管内マップ (`#/d/<id>/map`, issue 14; seed 004 手順4 「様式１のデータを用いた地図作成」): the
//! confirmed 施設 and the patients as the seed's marks on the nurse's own 下図 (an image she
//! has, the outlines of her 市町村, or a plain sheet), placed by mouse, finger, arrow keys,
//! typed 緯度・経度 or the tablet's GPS; offline, printable on A4.
//!
//! Every rule is in `domain::map` (records, registry, projection, model, shapes); this page
//! renders and binds. Edits go through [`edits::MapEdits`], one after another, each through
//! the shared save step.

mod areas;
mod base;
mod boundary;
mod canvas;
mod confirm;
mod edits;
mod facility_edit;
mod findings;
mod geolocate;
mod layers;
mod marks;
mod print;
mod selected;
mod unplaced;

use crate::domain::ids::RecordId;
use crate::domain::map::calibration::CalibrationError;
use crate::domain::map::model::{findings, MapFindings, MapModel, MarkOf};
use crate::domain::map::projection::Projection;
use crate::domain::map::records::{BaseMap, Facility, MapSheet};
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::station::Station;
use crate::domain::ventilator::area::plan_statuses;
use crate::domain::ventilator::plan::SupportPlan;
use crate::ui::ctx::{use_app, AppCtx};
use edits::MapEdits;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The records the map is made of.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MapData {
    pub facilities: Vec<(RecordId, Facility)>,
    pub stations: Vec<(RecordId, Station)>,
    pub patients: Vec<(RecordId, Patient)>,
    pub sheet: MapSheet,
    pub base: Option<BaseMap>,
}

fn ids<T>(records: Vec<(StoredRecord, T)>) -> Vec<(RecordId, T)> {
    records.into_iter().map(|(r, x)| (r.meta.id, x)).collect()
}

impl MapData {
    fn read(ctx: AppCtx) -> MapData {
        ctx.loaded.with(|l| {
            let set = l.set();
            MapData {
                facilities: ids(l.live::<Facility>()),
                stations: ids(l.live::<Station>()),
                patients: ids(l.live::<Patient>()),
                sheet: set.live_singleton::<MapSheet>().and_then(|(_, s)| s.ok()).unwrap_or_default(),
                base: set.live_singleton::<BaseMap>().and_then(|(_, b)| b.ok()),
            }
        })
    }
}

/// The part of the sheet shown (drawing units): zoom and pan change it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What a click on the map does.
#[derive(Clone, Debug, PartialEq)]
pub enum Placing {
    Nothing,
    /// Puts this mark there.
    Mark(MarkOf),
    /// Takes the spot of a new 基準点.
    ReferencePoint,
}

/// The page's state, shared with its parts through context.
#[derive(Clone, Copy)]
pub struct MapUi {
    pub ctx: AppCtx,
    pub diagnosis: StoredValue<RecordId>,
    pub data: Memo<MapData>,
    pub projection: Memo<(Projection, Option<CalibrationError>)>,
    pub model: Memo<MapModel>,
    /// Where each placed mark stands (from the model, looked up by mark).
    pub spots: Memo<std::collections::BTreeMap<MarkOf, (f64, f64)>>,
    pub findings: Memo<MapFindings>,
    pub selected: RwSignal<Option<MarkOf>>,
    /// Marks being dragged or nudged (their spot until the save is written).
    pub moved: RwSignal<std::collections::BTreeMap<MarkOf, (f64, f64)>>,
    pub view: RwSignal<ViewBox>,
    /// The drawing's size on screen (CSS px), for marks that keep their size when zoomed.
    pub frame: RwSignal<(f64, f64)>,
    /// Layers switched off: facility kinds by index, and `6` for patients.
    pub hidden: RwSignal<BTreeSet<usize>>,
    pub placing: RwSignal<Placing>,
    /// 名前を表示: the marks' names on the map (off by default past [`LABELS_UP_TO`] marks:
    /// hundreds of names cover each other and slow every zoom step).
    pub labels: RwSignal<bool>,
    /// The spot of a 基準点 being added.
    pub new_point: RwSignal<Option<(f64, f64)>>,
    pub edits: MapEdits,
    /// The 市町村 on the map (outlines' names, or areas the nurse arranges).
    pub areas: Memo<Vec<crate::domain::map::areas::AreaLabel>>,
    /// An area being dragged or moved with the keys, until its place is saved.
    pub moved_areas: RwSignal<std::collections::BTreeMap<String, (f64, f64)>>,
    /// 災害時個別支援計画's state per patient (the layer [`PLAN_LAYER`], off at first).
    pub plans: Memo<std::collections::BTreeMap<RecordId, crate::domain::ventilator::plan::PlanStatus>>,
}

/// Marks up to which their names are shown at first.
pub const LABELS_UP_TO: usize = 150;

/// The layer of patients' marks in [`MapUi::hidden`].
pub const PATIENT_LAYER: usize = 6;

/// The layer of the 災害時個別支援計画 badges on patients' marks (issue 20), hidden at first.
pub const PLAN_LAYER: usize = 7;

pub fn use_map() -> MapUi {
    expect_context::<MapUi>()
}

impl MapUi {
    /// Sheet units per CSS pixel as the sheet is shown now (tracked): a mark drawn this
    /// many times larger is as large on screen at any zoom.
    pub fn unit(&self) -> f64 {
        let (w, h) = self.frame.get();
        let v = self.view.get();
        let scale = (w / v.w).min(h / v.h);
        if scale.is_finite() && scale > 0.0 {
            1.0 / scale
        } else {
            v.w / 1000.0
        }
    }

    /// The whole sheet in view.
    pub fn fit(&self) {
        let (w, h) = self.projection.with_untracked(|(p, _)| p.size());
        self.view.set(ViewBox { x: 0.0, y: 0.0, w, h });
    }
}

#[component]
pub fn MapPage() -> impl IntoView {
    let ctx = use_app();
    let (diagnosis, loaded) = ctx.open_diagnosis();
    view! {
        {super::require_diagnosis()}
        <div class="map-page">
            {move || match (loaded.get(), diagnosis.get()) {
                (Some(id), Some(entry)) => view! { <MapView id entry/> }.into_any(),
                _ => view! { <p class="hint">"管内マップを読み込んでいます…"</p> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn MapView(id: RecordId, entry: crate::domain::diagnosis::DiagnosisEntry) -> impl IntoView {
    let ctx = use_app();
    let data = Memo::new(move |_| MapData::read(ctx));
    let projection = Memo::new(move |_| data.with(|d| Projection::of(d.base.as_ref(), &d.sheet)));
    let model = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        data.with(|d| {
            projection.with(|(p, _)| MapModel::build(&d.facilities, &d.stations, &d.patients, &d.sheet, p, hide))
        })
    });
    let spots = Memo::new(move |_| {
        model.with(|m| {
            m.marks.iter().filter_map(|x| Some((x.of.clone(), x.at?))).collect::<std::collections::BTreeMap<_, _>>()
        })
    });
    let found = Memo::new(move |_| data.with(|d| findings(&d.facilities, &d.stations, &d.patients, &d.sheet)));
    let (w, h) = projection.with_untracked(|(p, _)| p.size());
    let ui = MapUi {
        ctx,
        diagnosis: StoredValue::new(id.clone()),
        data,
        projection,
        model,
        spots,
        findings: found,
        selected: RwSignal::new(None),
        moved: RwSignal::new(Default::default()),
        view: RwSignal::new(ViewBox { x: 0.0, y: 0.0, w, h }),
        frame: RwSignal::new((0.0, 0.0)),
        hidden: RwSignal::new(BTreeSet::from([PLAN_LAYER])),
        placing: RwSignal::new(Placing::Nothing),
        labels: RwSignal::new(model.with_untracked(|m| m.marks.len()) <= LABELS_UP_TO),
        new_point: RwSignal::new(None),
        edits: MapEdits::new(ctx, id.clone()),
        areas: Memo::new(move |_| {
            data.with(|d| {
                let names = crate::domain::map::analysis::municipality_names(&d.patients);
                projection.with(|(p, _)| found.with(|f| crate::domain::map::areas::area_labels(p, &d.sheet, &names, f)))
            })
        }),
        moved_areas: RwSignal::new(Default::default()),
        plans: Memo::new(move |_| {
            let plans: Vec<SupportPlan> =
                ctx.loaded.with(|l| l.live::<SupportPlan>().into_iter().map(|(_, p)| p).collect());
            data.with(|d| plan_statuses(&d.patients, &plans, crate::ui::platform::now().date_jst()))
        }),
    };
    provide_context(ui);
    // A new 下図 has another size: show all of it.
    Effect::new(move |prev: Option<(f64, f64)>| {
        let size = projection.with(|(p, _)| p.size());
        if prev.is_some_and(|p| p != size) {
            ui.fit();
        }
        size
    });
    let facilities_href =
        crate::route::Route::Diagnosis { id: id.clone(), section: crate::route::Section::Facilities, item: None }
            .to_hash();
    view! {
        <print::MapPrintHeader entry=entry.clone()/>
        <div class="page-head no-print">
            <h1>"管内マップ"</h1>
            <print::MapActions/>
        </div>
        <p class="lead no-print">
            {entry.diagnosis.title()}"：手引きの手順4（様式1のデータを用いた地図作成）の地図です。拠点病院★・協力病院☆・かかりつけ医■・訪問看護ステーション△・医療機関からの訪問看護◇と療養者◎を置き、療養者が利用している施設は塗りつぶしで示します。"
            "施設の一覧は"<a href=facilities_href>"管内の施設"</a>"にもあります。インターネットにはつながずに使えます。"
        </p>
        <base::BaseMapPanel/>
        <div class="map-layout">
            <div class="map-main">
                <canvas::MapCanvas/>
                <layers::Legend/>
            </div>
            <aside class="map-side no-print" aria-label="地図の操作">
                <confirm::ConfirmFacilities/>
                <selected::SelectedMark/>
                <unplaced::Unplaced/>
            </aside>
        </div>
        <findings::Findings/>
        <print::FacilityPrintList/>
        <crate::ui::editor::SaveConflicts saver=ui.edits.saver()/>
    }
}
