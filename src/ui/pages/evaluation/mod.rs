//! 様式4 評価 (`#/d/<id>/evaluation`): for each of the eight items the 管内の状況 computed from
//! 様式1 (with the numbers behind it and a link to the patients), a レベル A–D and a 課題;
//! then 総合評価および優先すべき課題. One record per 地域診断, saved in one transaction.
//!
//! The 管内の状況 is a `Memo` over `ctx.loaded` (shared with the 集計 page through
//! [`SummaryData`]), so a patient saved elsewhere changes it at once while the nurse types.
//! The printed 様式4 (A4 landscape, like the paper form) only shows on paper.

mod form;
mod print;

use crate::domain::evaluation::{evaluation_csv, saved_evaluation, Evaluation, EvaluationForm};
use crate::domain::record::RecordKind;
use crate::route::Section;
use crate::ui::ctx::use_app;
use crate::ui::editor::SingletonHistoryLink;
use crate::ui::pages::summary::charts::{SummaryChart, Which};
use crate::ui::pages::summary::{offer_csv, FilterPicker, SummaryData};
use crate::ui::platform;
use leptos::prelude::*;

/// The saved 様式4 and its record's revision (`None` inside: nothing saved yet).
pub type Saved = Option<(u64, Evaluation)>;

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let ctx = use_app();
    let data = SummaryData::new();
    // `None` while the records load.
    let saved: Memo<Option<Saved>> = Memo::new(move |_| {
        let id = data.diagnosis_id.get()?;
        ctx.loaded.with(|l| {
            (l.diagnosis_id.as_ref() == Some(&id))
                .then(|| saved_evaluation(&l.records, &id).map(|(r, e)| (r.meta.rev, e)))
        })
    });
    // The form starts again from the saved record whenever that record changes (a save
    // here or in another tab); what was typed stays in its draft and is offered back.
    let form_key = Memo::new(move |_| {
        let id = data.diagnosis_id.get()?;
        let rev = saved.with(|s| s.as_ref().map(|s| s.as_ref().map(|(rev, _)| *rev)))?;
        Some((id, rev))
    });
    let ready = Memo::new(move |_| data.summary.with(Option::is_some) && data.diagnosis.with(Option::is_some));
    let csv = move |_| {
        let evaluation = saved.get_untracked().flatten().map(|(_, e)| e).unwrap_or_default();
        if let Some(s) = data.summary.get_untracked() {
            offer_csv("様式4評価", &data.file_label(), &evaluation_csv(&evaluation, &s.coverage));
        }
    };
    view! {
        {super::require_diagnosis()}
        <div class="evaluation-page">
            <section class="evaluation-screen no-print" data-testid="evaluation">
                <div class="page-head">
                    <div>
                        <h1>"様式4 評価"</h1>
                        <p class="lead">
                            "管内の状況は様式1から自動で計算しています。集計・施設の分布（様式1）・事業（様式2）・療養者の利用の実際をふまえて、項目ごとにレベルと課題を記入してください。"
                        </p>
                    </div>
                    <div class="head-actions">
                        <button type="button" on:click=move |_| platform::print()>"印刷"</button>
                        <button type="button" data-testid="evaluation-csv" on:click=csv>"様式4のCSV"</button>
                        <SingletonHistoryLink kind=RecordKind::Evaluation section=Section::Evaluation/>
                    </div>
                </div>
                <FilterPicker data/>
                <p class="rounding-rule">
                    {crate::domain::summary::ROUNDING_RULE}
                    {move || data.summary.with(|s| s.as_ref().map(|s| format!(" 管内の状況は{} {}人中の割合です。", s.filter.patients_label(), s.patients)))}
                </p>
                {move || {
                    if !ready.get() {
                        return view! { <p class="hint">"様式4を読み込んでいます…"</p> }.into_any();
                    }
                    match form_key.get() {
                        None => view! { <p class="hint">"様式4を読み込んでいます…"</p> }.into_any(),
                        Some((id, _)) => {
                            let initial = saved
                                .with_untracked(|s| s.clone().flatten())
                                .map(|(_, e)| EvaluationForm::from_record(&e))
                                .unwrap_or_default();
                            view! { <form::EvaluationFormView data diagnosis=id initial/> }.into_any()
                        }
                    }
                }}
            </section>
            <section class="evaluation-chart no-print" data-testid="evaluation-chart">
                <SummaryChart data which=Which::Coverage/>
            </section>
            <print::EvaluationPrint data saved/>
        </div>
    }
}
