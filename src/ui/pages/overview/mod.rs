//! 地域の概況 (様式1 上欄 管轄地域の概況): the page a 地域診断 opens on.
//!
//! * a short summary of the 地域診断 (地区名, 年度 in 和暦 and 西暦, what has been entered)
//!   with links to the other sections;
//! * the form: 人口, 面積, 指定難病認定者数, the certified counts per disease (ALS, SCD, MSA,
//!   PD and diseases the 保健所 adds), and the facility counts. Blank is 未入力（不明）and 0
//!   is 0 — each number says which. Enter saves, Esc cancels; errors block saving and name
//!   the field, warnings (also those from 様式1 and 様式3) are shown.
//!
//! All rules live in `domain::forms::overview_form`.

pub(crate) mod fields;
mod form;
mod print;

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::programmes::list_programmes;
use crate::domain::station::Station;
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use crate::ui::platform;
use leptos::prelude::*;

/// How many records each section holds (for the summary and its links).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Counts {
    patients: usize,
    programmes: usize,
    stations: usize,
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let ctx = use_app();
    let diagnosis_id = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let diagnosis = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        ctx.diagnoses.with(|ds| ds.iter().find(|e| e.record.meta.id == id).cloned())
    });
    // The 地域診断 whose records are loaded (the form is built once per 地域診断).
    let ready = Memo::new(move |_| {
        let id = diagnosis_id.get()?;
        let loaded = ctx.loaded.with(|l| l.diagnosis_id.as_ref() == Some(&id));
        (loaded && diagnosis.with(Option::is_some)).then_some(id)
    });
    let patients =
        Memo::new(move |_| ctx.loaded.with(|l| l.live::<Patient>().into_iter().map(|(_, p)| p).collect::<Vec<_>>()));
    let counts = Memo::new(move |_| {
        let stations = ctx.loaded.with(|l| l.live::<Station>().len());
        let programmes = ctx
            .loaded
            .with(|l| l.diagnosis_id.as_ref().map(|id| list_programmes(&l.records, id).0.len()).unwrap_or_default());
        Counts { patients: patients.with(Vec::len), programmes, stations }
    });

    view! {
        {super::require_diagnosis()}
        <div class="overview-page">
            {move || match (ready.get(), diagnosis.get_untracked()) {
                (Some(id), Some(entry)) => view! {
                    <div class="no-print">
                        <div class="page-head">
                            <h1>"地域の概況"</h1>
                            <div class="head-actions">
                                <button type="button" data-testid="print-overview" on:click=move |_| platform::print()>"印刷"</button>
                            </div>
                        </div>
                        <DiagnosisSummary entry=entry.clone() counts/>
                        <form::OverviewEditor diagnosis_id=id entry=entry.clone() patients counts=Signal::derive(move || counts.get().stations)/>
                    </div>
                    <print::OverviewPrint entry/>
                }
                .into_any(),
                _ => view! { <p class="hint">"地域の概況を読み込んでいます…"</p> }.into_any(),
            }}
        </div>
    }
}

/// The 地域診断 at a glance: 地区名, 年度 (和暦・西暦), what is entered, and links.
#[component]
fn DiagnosisSummary(entry: DiagnosisEntry, counts: Memo<Counts>) -> impl IntoView {
    let id: RecordId = entry.record.meta.id.clone();
    let fy = entry.diagnosis.fiscal_year;
    let link = move |section: Section| Route::Diagnosis { id: id.clone(), section, item: None }.to_hash();
    let count_text = move |section: Section| {
        counts.with(|c| match section {
            Section::Patients => format!("{}人", c.patients),
            Section::Programmes if c.programmes == 0 => "未保存".to_string(),
            Section::Programmes => format!("{}件", c.programmes),
            Section::Stations => format!("{}ヵ所", c.stations),
            _ => String::new(),
        })
    };
    let sections = [
        (Section::Patients, "在宅療養者の一覧と一人ずつの入力"),
        (Section::Programmes, "難病対策事業の実施状況と評価"),
        (Section::Stations, "管内の訪問看護ステーションと常勤換算"),
        (Section::Summary, "様式1・様式3からの自動集計"),
        (Section::Evaluation, "医療サービス確保のレベルA〜Dと課題"),
        (Section::Trees, "呼吸障害・球麻痺のアセスメント"),
    ];
    view! {
        <section class="card diagnosis-summary" data-testid="diagnosis-summary">
            <div class="summary-head">
                <div>
                    <p class="group-label">"地域診断"</p>
                    <p class="summary-title" data-testid="jurisdiction">{entry.diagnosis.jurisdiction.clone()}</p>
                    <p class="fiscal-year" data-testid="fiscal-year">
                        <span class="wareki">{fy.wareki()}</span>
                        <span class="seireki">{format!("（{}）", fy.seireki())}</span>
                    </p>
                </div>
                <p class="hint rename-hint">
                    "地区名・年度の変更と次年度の作成は"<a href="#/">"地域診断の一覧"</a>"で行います。"
                </p>
            </div>
            <ul class="section-links">
                {sections
                    .into_iter()
                    .map(|(section, what)| {
                        let count = count_text;
                        view! {
                            <li>
                                <a href=link(section) data-section=section.slug()>
                                    <span class="section-name">{section.label()}</span>
                                    <span class="section-count">{move || count(section)}</span>
                                    <span class="section-what">{what}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
