//! 訪問看護 介護保険と医療保険どちらをつかうの？ — the seed's flow as questions in the chart's
//! order, prefilled from the patient's 様式1 (`InsuranceForm::from_patient`), and the answer
//! beside them: the insurance, the branch of the chart that applied and why, what may be used
//! (days a week, visits a day, stations), 長時間訪問看護, and what must be found out first.

mod questions;
mod result;

use super::start::{patient_label, patient_options};
use super::{PageData, TreePlace};
use crate::domain::help::HelpTopic;
use crate::domain::ids::RecordId;
use crate::domain::insurance::choices::{bool_from, bool_value, still_prefilled, UNKNOWN};
use crate::domain::insurance::InsuranceForm;
use crate::route::Route;
use crate::ui::components::IssueSummary;
use leptos::prelude::*;
use questions::{AgeStep, CareStep, LongVisitStep, PlanStep, SpecifiedStep, Table7Step, Table8Step};
use result::DecisionPanel;

#[component]
pub fn InsuranceView(data: PageData, patient_id: Option<RecordId>) -> impl IntoView {
    let ctx = data.ctx;
    let patient = patient_id.as_ref().and_then(|id| {
        ctx.loaded.with_untracked(|l| l.set().live_one::<crate::domain::patient::Patient>(id).map(|(_, p)| p))
    });
    let missing_patient = patient_id.is_some() && patient.is_none();
    let initial = patient.as_ref().map(InsuranceForm::from_patient).unwrap_or_default();
    let start = StoredValue::new(initial.clone());
    let form = RwSignal::new(initial);
    let chosen = patient_id.as_ref().map(ToString::to_string).unwrap_or_default();
    let options = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        data.patients.with(|ps| patient_options(ps, hide))
    });
    let patient_name = patient.clone();
    let heading_name = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        patient_name.as_ref().map(|p| patient_label(p, hide))
    });
    let decision = Memo::new(move |_| form.with(InsuranceForm::evaluate));
    let issues = Signal::derive(move || decision.with(|d| d.as_ref().err().cloned().unwrap_or_default()));
    let missing_keys = Memo::new(move |_| {
        decision.with(|d| match d {
            Ok(d) => d.missing.iter().chain(d.long_visit.missing.iter()).map(|m| m.field).collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    });
    let ask = Ask { form, start, missing: missing_keys };

    view! {
        <section class="trees-insurance" data-testid="insurance">
            <p class="breadcrumb">
                {match patient_id.clone() {
                    Some(id) => view! { <a href=data.href(&TreePlace::Patient(id))>"← 療養者の記録"</a> }.into_any(),
                    None => view! { <a href=data.href(&TreePlace::List)>"← 判断樹の一覧"</a> }.into_any(),
                }}
            </p>
            <div class="page-head">
                <div>
                    <h1>"訪問看護 介護保険と医療保険どちらをつかうの？"</h1>
                    <p class="lead">
                        {move || match heading_name.get() {
                            Some(n) => format!("{n} さん：様式1の記録から分かる項目を入れてあります（「療養者の記録から」の印）。違っていれば直してください。"),
                            None => "質問に答えると、訪問看護に使う保険と利用できる回数が分かります。".to_string(),
                        }}
                    </p>
                    <p class="hint">"「慢性疾患からターミナルケアまで 在宅療養はここがポイント」p11 日本訪問看護財団 2010 を参考に一部改編（難病にかかる訪問看護の制度 まとめ）"</p>
                    <p class="no-print">
                        <a href=Route::Help(Some(HelpTopic::Insurance)).to_hash()>"判断の順序と別表第７・第８の一覧（使い方・参考）"</a>
                    </p>
                </div>
            </div>
            {missing_patient.then(|| view! {
                <p class="notice error" role="alert">"この療養者は見つかりません。療養者を選び直してください。"</p>
            })}
            <label class="field">
                <span class="label">"療養者の記録から入力"</span>
                <select
                    name="insurance-patient"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        data.go(&TreePlace::Insurance(RecordId::parse(&v).ok()));
                    }
                >
                    <option value="" selected=chosen.is_empty()>"（選ばずに入力する）"</option>
                    {move || options.get().into_iter().map(|(id, label)| {
                        let selected = id == chosen;
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <div class="insurance-layout">
                <div class="insurance-questions">
                    <Table7Step ask/>
                    <AgeStep ask/>
                    <SpecifiedStep ask/>
                    <CareStep ask/>
                    <Table8Step ask/>
                    <PlanStep ask/>
                    <LongVisitStep ask/>
                </div>

                <aside class="insurance-result" aria-live="polite" data-testid="insurance-result">
                    <IssueSummary issues/>
                    <DecisionPanel decision/>
                </aside>
            </div>
        </section>
    }
}

/// 「療養者の記録から」: the value came from 様式1 and is unchanged.
#[component]
fn Prefilled(on: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || on.get()>
            <span class="tag prefilled">"療養者の記録から"</span>
        </Show>
    }
}

/// What every question reads: the form as typed, the form as filled from 様式1, and the fields
/// the decision still needs.
#[derive(Clone, Copy)]
pub struct Ask {
    form: RwSignal<InsuranceForm>,
    start: StoredValue<InsuranceForm>,
    missing: Memo<Vec<&'static str>>,
}

impl Ask {
    /// Does the decision still need `key`?
    fn missing(self, key: &'static str) -> Signal<bool> {
        Signal::derive(move || self.missing.with(|m| m.contains(&key)))
    }

    /// Does `key` still hold what came from 様式1?
    fn prefilled(self, key: &'static str) -> Signal<bool> {
        Signal::derive(move || self.form.with(|f| self.start.with_value(|init| still_prefilled(key, f, init))))
    }
}

/// はい / いいえ / 不明 as three segments of a radio group.
#[component]
fn YesNo(
    ask: Ask,
    name: &'static str,
    labels: [&'static str; 2],
    get: fn(&InsuranceForm) -> Option<bool>,
    set: fn(&mut InsuranceForm, Option<bool>),
) -> impl IntoView {
    let form = ask.form;
    [("yes", labels[0]), ("no", labels[1]), (UNKNOWN, "不明")]
        .into_iter()
        .map(|(value, text)| {
            view! {
                <label class="segment" class:selected=move || form.with(|f| bool_value(get(f)) == value)>
                    <input
                        type="radio"
                        name=name
                        value=value
                        prop:checked=move || form.with(|f| bool_value(get(f)) == value)
                        on:change=move |_| form.update(|f| set(f, bool_from(value)))
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view()
}
