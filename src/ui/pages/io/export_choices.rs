//! The parts of the 書き出し form: 範囲 and 書き出し方 radios, the pickers of 地域診断 and
//! 療養者, and 匿名化の内容 (free texts to keep, 年齢区分, the report).

use crate::domain::bundle::anonymise::FreeTextField;
use crate::domain::bundle::dataio::{DiagnosisChoice, PatientChoice};
use crate::domain::bundle::export_job::AnonPreview;
use crate::domain::bundle::ExportScope;
use crate::domain::ids::RecordId;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// 書き出しの範囲 as chosen with the radio buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScopeKind {
    All,
    Diagnoses,
    Patients,
}

/// そのまま / 暗号化 / 匿名化.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    Plain,
    Encrypted,
    Anonymised,
}

/// What the anonymising review shows, for the scope it was made for.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AnonReview {
    pub scope: ExportScope,
    /// The start of the anonymised IDs (kept for the export of this review).
    pub id_prefix: String,
    pub preview: AnonPreview,
}

#[component]
pub(super) fn ScopeRadio(
    scope_kind: RwSignal<ScopeKind>,
    value: ScopeKind,
    label: &'static str,
    key: &'static str,
) -> impl IntoView {
    view! {
        <label class="io-radio" class:selected=move || scope_kind.get() == value>
            <input
                type="radio"
                name="export-scope"
                value=key
                prop:checked=move || scope_kind.get() == value
                on:change=move |_| scope_kind.set(value)
            />
            {label}
        </label>
    }
}

#[component]
pub(super) fn ModeRadio(mode: RwSignal<Mode>, value: Mode, label: &'static str, key: &'static str) -> impl IntoView {
    view! {
        <label class="io-radio" class:selected=move || mode.get() == value>
            <input
                type="radio"
                name="export-mode"
                value=key
                prop:checked=move || mode.get() == value
                on:change=move |_| mode.set(value)
            />
            {label}
        </label>
    }
}

#[component]
pub(super) fn DiagnosisPicker(
    choices: Memo<Vec<DiagnosisChoice>>,
    picked: RwSignal<BTreeSet<RecordId>>,
) -> impl IntoView {
    view! {
        <fieldset class="field io-pick" data-testid="diagnosis-picker">
            <legend class="label">"書き出す地域診断"</legend>
            <Show when=move || choices.with(Vec::is_empty)>
                <p class="empty">"地域診断がありません。"</p>
            </Show>
            <ul class="io-pick-list">
                <For each=move || choices.get() key=|c| (c.id.clone(), c.counts) let:c>
                    <li>
                        <PickBox name="export-diagnosis" id=c.id.clone() picked>
                            <span class="io-pick-title">{c.title.clone()}</span>
                            <span class="hint">{c.counts.describe()}</span>
                        </PickBox>
                    </li>
                </For>
            </ul>
        </fieldset>
    }
}

#[component]
pub(super) fn PatientPicker(
    choices: Memo<Vec<DiagnosisChoice>>,
    patients_diagnosis: Memo<Option<RecordId>>,
    patients_of: RwSignal<Option<RecordId>>,
    patient_list: Memo<Vec<PatientChoice>>,
    picked_patients: RwSignal<BTreeSet<RecordId>>,
) -> impl IntoView {
    let select_all = move |on: bool| {
        let ids: BTreeSet<RecordId> =
            if on { patient_list.with(|l| l.iter().map(|p| p.id.clone()).collect()) } else { BTreeSet::new() };
        picked_patients.set(ids);
    };
    view! {
        <div class="io-pick" data-testid="patient-picker">
            <label class="field">
                <span class="label">"地域診断"</span>
                <select
                    name="export-patients-of"
                    prop:value=move || patients_diagnosis.get().map(|id| id.to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        patients_of.set(RecordId::parse(&ev.target().value()).ok());
                        picked_patients.set(BTreeSet::new());
                    }
                >
                    <For each=move || choices.get() key=|c| (c.id.clone(), c.counts) let:c>
                        <option value=c.id.to_string()>{c.title.clone()}</option>
                    </For>
                </select>
            </label>
            <fieldset class="field">
                <legend class="label">"書き出す療養者（その療養者のアセスメントも含みます）"</legend>
                <div class="buttons">
                    <button type="button" on:click=move |_| select_all(true)>"すべて選ぶ"</button>
                    <button type="button" on:click=move |_| select_all(false)>"選択をやめる"</button>
                </div>
                <Show when=move || patient_list.with(Vec::is_empty)>
                    <p class="empty">"この地域診断には療養者がいません。"</p>
                </Show>
                <ul class="io-pick-list io-patients">
                    <For each=move || patient_list.get() key=|p| p.clone() let:p>
                        <li>
                            <PickBox name="export-patient" id=p.id.clone() picked=picked_patients>
                                <span class="io-pick-title">{p.label.clone()}</span>
                                <span class="hint">{p.municipality.clone()}</span>
                                {p.trashed.then(|| view! { <span class="tag">"ゴミ箱"</span> })}
                            </PickBox>
                        </li>
                    </For>
                </ul>
            </fieldset>
        </div>
    }
}

#[component]
pub(super) fn AnonReviewView(
    review: Arc<AnonReview>,
    keep: RwSignal<BTreeSet<FreeTextField>>,
    ages_as_bands: RwSignal<bool>,
    on_change: Callback<()>,
) -> impl IntoView {
    let texts = review.preview.texts.clone();
    let report = review.preview.report.clone();
    view! {
        <div class="io-anon-review" data-testid="anon-review">
            <h3>"自由記述の項目"</h3>
            <p class="hint">
                "自由記述には氏名や家族の事情が書かれていることがあるため、初めは書き出しません。下の内容を確認し、残してよいものだけチェックしてください。"
            </p>
            <ul class="io-free-texts">
                {texts
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let field = t.field;
                        let empty = t.total == 0;
                        view! {
                            <li class="io-free-text" data-testid=format!("free-text-{i}")>
                                <label class="io-check">
                                    <input
                                        type="checkbox"
                                        name="keep-free-text"
                                        value=i.to_string()
                                        prop:disabled=empty
                                        prop:checked=move || keep.with(|k| k.contains(&field))
                                        on:change:target=move |ev| {
                                            let on = ev.target().checked();
                                            keep.update(|k| {
                                                if on {
                                                    k.insert(field);
                                                } else {
                                                    k.remove(&field);
                                                }
                                            });
                                            on_change.run(());
                                        }
                                    />
                                    {format!("{}を残す（{}件）", t.label, t.total)}
                                </label>
                                {(!empty).then(|| view! {
                                    <details>
                                        <summary>"書き出される内容を見る"</summary>
                                        <ul class="io-samples">
                                            {t.samples
                                                .iter()
                                                .map(|(text, n)| view! {
                                                    <li>
                                                        <span class="io-sample-text">{text.clone()}</span>
                                                        {(*n > 1).then(|| view! { <span class="hint">{format!("（{n}件）")}</span> })}
                                                    </li>
                                                })
                                                .collect_view()}
                                        </ul>
                                        {(t.more > 0).then(|| view! { <p class="hint">{format!("ほか{}種類", t.more)}</p> })}
                                    </details>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <label class="io-check">
                <input
                    type="checkbox"
                    name="ages-as-bands"
                    prop:checked=move || ages_as_bands.get()
                    on:change:target=move |ev| {
                        ages_as_bands.set(ev.target().checked());
                        on_change.run(());
                    }
                />
                "年齢を年齢区分（20歳未満・20〜39歳・40〜64歳・65歳以上）にする"
            </label>
            <h3>"匿名化の内容"</h3>
            <div class="io-report" data-testid="anon-report">
                <h4>"削除・置き換えるもの"</h4>
                <ul>{report.removed.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                <h4>"残すもの"</h4>
                <ul>{report.kept.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                {(!report.warnings.is_empty()).then(|| view! {
                    <h4 class="io-warning-title">"注意"</h4>
                    <ul class="io-warnings" data-testid="anon-warnings">
                        {report.warnings.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                    </ul>
                })}
            </div>
        </div>
    }
}

/// One checkbox of a picker: `id` in or out of `picked`, labelled by the children.
#[component]
fn PickBox(
    name: &'static str,
    id: RecordId,
    picked: RwSignal<BTreeSet<RecordId>>,
    children: Children,
) -> impl IntoView {
    let value = id.to_string();
    let checked = id.clone();
    view! {
        <label class="io-check">
            <input
                type="checkbox"
                name=name
                value=value
                prop:checked=move || picked.with(|p| p.contains(&checked))
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    let id = id.clone();
                    picked.update(|p| {
                        if on {
                            p.insert(id);
                        } else {
                            p.remove(&id);
                        }
                    });
                }
            />
            {children()}
        </label>
    }
}
