//! 集計: computed from 様式1 (地域の概況 and 療養者) and 様式3, never typed.
//!
//! * `#/d/<id>/summary` — the sheet (A 管轄地域の概況, B 訪問看護ステーションの概況,
//!   C 在宅療養者の現況) with 人数, 割合, 分母 and 不明 for every figure, the disease filter,
//!   the charts, and 前年度との比較 when the same 地区名 has a 地域診断 of last 年度.
//! * `#/d/<id>/summary/<figure>` — 内訳: the records behind a figure (or left blank for it),
//!   each linking to its form.
//!
//! Everything is a `Memo` over `ctx.loaded`: a record saved on another page or in another tab
//! (the context re-reads on the BroadcastChannel) changes the figures at once. The printed
//! 集計 (A4 landscape) is on the page and only shows on paper; the charts follow it on paper
//! only when 「グラフも印刷する」 is ticked. All rules live in
//! `domain::summary`; [`SummaryData`] is shared with 様式4 (`pages::evaluation`).

mod cells;
pub mod charts;
mod compare;
mod drill;
pub mod print;
mod sheet;

use crate::domain::bundle::dataio::{csv_file_name, export_label};
use crate::domain::bundle::ExportScope;
use crate::domain::diagnosis::{previous_year, DiagnosisEntry};
use crate::domain::evaluation::{saved_evaluation, Evaluation};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::summary::{
    compare as compare_years, filter_choices, line_count, present_choices, summarize, summary_inputs,
    summary_inputs_cached, ComparisonRow, DiseaseFilter, DrillDown, FilterChoice, InputsCache, LineCells, Summary,
    SummaryInputs,
};
use crate::route::{Route, Section};
use crate::storage::Store;
use crate::ui::ctx::use_app;
use crate::ui::pages::io::download_csv;
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the chosen disease filter is kept (per 地域診断, on this device).
const FILTER_SETTING: &str = "nanbyo.summary_filter.";
/// Where 「グラフも印刷する」 is kept (on this device).
const PRINT_CHARTS_SETTING: &str = "nanbyo.summary_print_charts";

/// Last 年度's 地域診断 of the same 地区名, read once.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousInputs {
    pub fiscal_year: FiscalYear,
    pub inputs: Arc<SummaryInputs>,
    /// 前年度の様式4 (when saved).
    pub evaluation: Option<Evaluation>,
}

/// 前年度の集計 with the same disease filter.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousSummary {
    pub fiscal_year: FiscalYear,
    pub summary: Arc<Summary>,
    pub evaluation: Option<Evaluation>,
}

/// What the 集計 and 様式4 pages show, derived from `ctx.loaded`.
#[derive(Clone, Copy)]
pub struct SummaryData {
    pub diagnosis_id: Memo<Option<RecordId>>,
    /// The open 地域診断 (`None` while loading).
    pub diagnosis: Memo<Option<DiagnosisEntry>>,
    /// 様式1 and 様式3 as read from the records (`None` while they load).
    pub inputs: Memo<Option<Arc<SummaryInputs>>>,
    /// 疾患の絞り込み (ALS unless the nurse chose another).
    pub filter: Memo<DiseaseFilter>,
    filter_changed: RwSignal<u64>,
    /// The filter's choices: ALS, each disease in the roster, 全疾患.
    pub choices: Memo<Vec<FilterChoice>>,
    /// The 集計 (with 様式4 管内の状況).
    pub summary: Memo<Option<Arc<Summary>>>,
    /// Its lines as the tables show them ([`Summary::cells`]), one memo per line (the sheet
    /// and the print share them): a line's texts are read again only when that line changed.
    pub lines: StoredValue<Vec<Memo<Arc<LineCells>>>>,
    /// Last 年度's 集計 (`None` when there is no 地域診断 of last 年度).
    pub previous: Memo<Option<PreviousSummary>>,
    /// 前年度との比較, every line.
    pub comparison: Memo<Option<Arc<Vec<ComparisonRow>>>>,
    /// 「グラフも印刷する」: off by default, so the 集計 prints as the workbook's sheet (2 pages)
    /// and the 2 pages of charts only when asked for.
    pub print_charts: RwSignal<bool>,
}

fn filter_key(id: &RecordId) -> String {
    format!("{FILTER_SETTING}{id}")
}

impl SummaryData {
    /// The page's data (call once per page).
    pub fn new() -> SummaryData {
        let ctx = use_app();
        let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
        let diagnosis = Memo::new(move |_| {
            let id = diagnosis_id.get()?;
            ctx.diagnoses.with(|ds| ds.iter().find(|e| e.record.meta.id == id).cloned())
        });
        // Bodies already read are kept, so a save re-reads only the records it changed.
        let cache = StoredValue::new(InputsCache::default());
        let inputs = Memo::new(move |_| {
            let id = diagnosis_id.get()?;
            ctx.loaded.with(|l| {
                (l.diagnosis_id.as_ref() == Some(&id)).then(|| {
                    cache.try_update_value(|c| Arc::new(summary_inputs_cached(&l.records, &id, c))).unwrap_or_default()
                })
            })
        });
        let filter_changed = RwSignal::new(0u64);
        let filter = Memo::new(move |_| {
            filter_changed.track();
            diagnosis_id.get().and_then(|id| platform::setting::<DiseaseFilter>(&filter_key(&id))).unwrap_or_default()
        });
        // Counted once per change of the data; choosing another filter only picks from them.
        let counted =
            Memo::new(move |_| inputs.with(|i| i.as_ref().map(|i| filter_choices(&i.patients)).unwrap_or_default()));
        let choices = Memo::new(move |_| filter.with(|chosen| counted.with(|all| present_choices(all, chosen))));
        let summary = Memo::new(move |_| {
            let f = filter.get();
            inputs.with(|i| i.as_ref().map(|i| Arc::new(summarize(&i.overview, &i.patients, &i.stations, &f))))
        });
        // Equal when no text changed, so nothing downstream runs.
        let cells = Memo::new(move |_| {
            summary.with(|s| {
                Arc::new(
                    s.as_ref().map(|s| s.cells().into_iter().map(Arc::new).collect::<Vec<_>>()).unwrap_or_default(),
                )
            })
        });
        let lines = StoredValue::new(
            (0..line_count())
                .map(|i| Memo::new(move |_| cells.with(|c| c.get(i).cloned().unwrap_or_default())))
                .collect::<Vec<_>>(),
        );
        let previous_diagnosis = Memo::new(move |_| {
            let current = diagnosis.get()?;
            ctx.diagnoses.with(|ds| {
                previous_year(ds, &current.diagnosis).map(|p| (p.record.meta.id.clone(), p.diagnosis.fiscal_year))
            })
        });
        // Read once per page (last year is rarely edited while this year's page is open).
        let previous_resource = LocalResource::new(move || {
            let target = previous_diagnosis.get();
            async move {
                let (id, fiscal_year) = target?;
                let records = ctx.store().ok()?.list_records(&id).await.ok()?;
                Some(PreviousInputs {
                    fiscal_year,
                    inputs: Arc::new(summary_inputs(&records, &id)),
                    evaluation: saved_evaluation(&records, &id).map(|(_, e)| e),
                })
            }
        });
        let previous = Memo::new(move |_| {
            let prev = previous_resource.get().flatten()?;
            let f = filter.get();
            let i = &prev.inputs;
            Some(PreviousSummary {
                fiscal_year: prev.fiscal_year,
                summary: Arc::new(summarize(&i.overview, &i.patients, &i.stations, &f)),
                evaluation: prev.evaluation,
            })
        });
        let comparison = Memo::new(move |_| {
            previous.with(|p| {
                let p = p.as_ref()?;
                summary.with(|s| s.as_ref().map(|s| Arc::new(compare_years(&p.summary, s))))
            })
        });
        SummaryData {
            diagnosis_id,
            diagnosis,
            inputs,
            filter,
            filter_changed,
            choices,
            summary,
            lines,
            previous,
            comparison,
            print_charts: RwSignal::new(platform::setting::<bool>(PRINT_CHARTS_SETTING).unwrap_or(false)),
        }
    }

    /// The nurse ticked or cleared 「グラフも印刷する」 (kept on this device).
    pub fn choose_print_charts(&self, on: bool) {
        platform::set_setting(PRINT_CHARTS_SETTING, &on);
        self.print_charts.set(on);
    }

    /// The nurse chose another disease filter (kept for this 地域診断 on this device).
    pub fn choose_filter(&self, filter: DiseaseFilter) {
        if let Some(id) = self.diagnosis_id.get_untracked() {
            platform::set_setting(&filter_key(&id), &filter);
        }
        self.filter_changed.update(|n| *n += 1);
    }

    /// The address of a figure's 内訳.
    pub fn drill_href(&self, drill: DrillDown) -> String {
        self.diagnosis_id.with_untracked(|id| match id {
            Some(id) => {
                Route::Diagnosis { id: id.clone(), section: Section::Summary, item: Some(drill.item()) }.to_hash()
            }
            None => "#/".to_string(),
        })
    }

    /// The 集計 page's address.
    pub fn summary_href(&self) -> String {
        self.diagnosis_id.with_untracked(|id| match id {
            Some(id) => Route::Diagnosis { id: id.clone(), section: Section::Summary, item: None }.to_hash(),
            None => "#/".to_string(),
        })
    }

    /// `地区名 令和7年度（2025年度）`, 地区名 and 年度 for headers.
    pub fn header(&self) -> Option<(String, String)> {
        self.diagnosis
            .with(|d| d.as_ref().map(|d| (d.diagnosis.jurisdiction.clone(), d.diagnosis.fiscal_year.to_string())))
    }

    /// The file name label (`地区名_2025年度`) for CSV downloads.
    pub fn file_label(&self) -> String {
        self.diagnosis.with_untracked(|d| match d {
            Some(d) => export_label(
                &ExportScope::Diagnoses { ids: vec![d.record.meta.id.clone()] },
                std::slice::from_ref(&d.record),
            ),
            None => String::new(),
        })
    }
}

/// Offers a CSV as a download and says so.
pub fn offer_csv(what: &str, label: &str, csv: &str) {
    let ctx = use_app();
    let name = csv_file_name(label, what, platform::now());
    match download_csv(&name, csv) {
        Ok(()) => ctx.done(format!("{name} を書き出しました")),
        Err(e) => ctx.error(format!("CSVを書き出せませんでした: {e}")),
    }
}

/// 疾患の絞り込み: ALS (the tool's own 集計), each disease in the roster, 全疾患.
/// The 集計's disease filter (shared with 様式4).
#[component]
pub fn FilterPicker(data: SummaryData) -> impl IntoView {
    view! {
        <DiseaseFilterPicker
            choices=data.choices
            chosen=data.filter
            on_choose=Callback::new(move |f: DiseaseFilter| data.choose_filter(f))
        />
    }
}

/// 対象の疾患: one choice per disease with its count (the 集計, 様式4 and 広域の比較).
#[component]
pub fn DiseaseFilterPicker(
    #[prop(into)] choices: Signal<Vec<FilterChoice>>,
    #[prop(into)] chosen: Signal<DiseaseFilter>,
    on_choose: Callback<DiseaseFilter>,
) -> impl IntoView {
    view! {
        <fieldset class="field choice summary-filter no-print" data-testid="disease-filter">
            <legend class="label">"対象の疾患"</legend>
            <div class="segmented">
                <For
                    each=move || choices.get()
                    key=|c| (c.filter.clone(), c.count)
                    let:choice
                >
                    {
                        let value = choice.filter.clone();
                        let selected = {
                            let value = value.clone();
                            move || chosen.with(|f| *f == value)
                        };
                        let selected2 = selected.clone();
                        view! {
                            <label class="segment" class:selected=selected>
                                <input
                                    type="radio"
                                    name="disease-filter"
                                    value=choice.label.clone()
                                    prop:checked=selected2
                                    on:change=move |_| on_choose.run(value.clone())
                                />
                                <span>{format!("{}（{}人）", choice.label, choice.count)}</span>
                            </label>
                        }
                    }
                </For>
            </div>
            <span class="hint">"様式1の「疾患」で絞り込みます。ツールの集計はALSです。"</span>
        </fieldset>
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    let ctx = use_app();
    let data = SummaryData::new();
    let item = Memo::new(move |_| match ctx.route.get() {
        Route::Diagnosis { item, .. } => item,
        _ => None,
    });
    let ready = Memo::new(move |_| data.summary.with(Option::is_some) && data.diagnosis.with(Option::is_some));
    view! {
        {super::require_diagnosis()}
        <div class="summary-page">
            {move || {
                if !ready.get() {
                    return view! { <p class="hint no-print">"集計を計算しています…"</p> }.into_any();
                }
                match item.get() {
                    None => view! {
                        <sheet::SummarySheet data/>
                        // On paper the sheet comes first, then the charts.
                        <print::SummaryPrint data/>
                        <charts::SummaryCharts data/>
                        <compare::YearOnYear data/>
                    }
                    .into_any(),
                    Some(item) => match DrillDown::parse(&item) {
                        Some(drill) => view! { <drill::DrillList data drill/> }.into_any(),
                        None => view! {
                            <section data-testid="drill-missing">
                                <h1>"項目が見つかりません"</h1>
                                <p>"アドレスが正しくありません。"<a href=data.summary_href()>"集計"</a>"に戻ってください。"</p>
                            </section>
                        }
                        .into_any(),
                    },
                }
            }}
        </div>
    }
}
