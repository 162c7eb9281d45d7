//! Inputs of the 様式1 form that are quicker with the keyboard than the shared ones: code
//! choices answer to their digit (1 有, 0 無, Delete 不明), the gap flag with its note, and
//! the 判断樹 source of a 特定症状.

use crate::domain::forms::input::Choice;
use crate::domain::forms::patient_form::{fields, PatientForm};
use crate::domain::issues::Issues;
use crate::domain::patient::{JudgementSource, Service};
use crate::ui::components::{ChoiceInput, ChoiceInputProps, FieldIssues};
use crate::ui::form::FormState;
use leptos::prelude::*;

/// A form field as a `Memo` (inputs re-render only when their own text changes).
pub fn text_of(
    form: FormState<PatientForm>,
    get: impl Fn(&PatientForm) -> String + Send + Sync + 'static,
) -> Signal<String> {
    let memo = Memo::new(move |_| form.value.with(|v| get(v)));
    memo.into()
}

/// A labelled radio group of codes (segmented) that answers to the digit keys: the shared
/// [`ChoiceInput`] with `pick_by_key`. `options` are (value, label).
#[component]
pub fn CodeChoice(
    label: &'static str,
    #[prop(into)] options: Vec<Choice>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    field: &'static str,
    issues: Signal<Issues>,
    #[prop(optional)] hint: &'static str,
    /// Shown after the choices (e.g. the 判断樹 source).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    ChoiceInput(ChoiceInputProps {
        label,
        options,
        value,
        on_change,
        field,
        issues: Some(issues),
        hint,
        pick_by_key: true,
        children,
    })
}

/// The gap flag (the seed's pink cell) of one service, with its note.
#[component]
pub fn GapFlag(form: FormState<PatientForm>, service: Service, issues: Signal<Issues>) -> impl IntoView {
    let on = Memo::new(move |_| form.value.with(|f| f.has_gap(service)));
    let position = Memo::new(move |_| form.value.with(|f| f.gaps.iter().position(|g| g.service == service)));
    let note = text_of(form, move |f| {
        f.gaps.iter().find(|g| g.service == service).map(|g| g.note.clone()).unwrap_or_default()
    });
    let key = crate::domain::forms::roster::service_key(service);
    let messages = move || position.get().map(|i| view! { <FieldIssues issues field=fields::gap_note(i) plain=true/> });
    view! {
        <div class="gap-flag" class:on=move || on.get() data-gap=key>
            <label class="check gap-check">
                // Clicked or touched beside its service; the keyboard reaches it in the
                // ギャップ list at the end of the form (13 fewer stops on the main path).
                <input
                    type="checkbox"
                    name=format!("gap.{key}")
                    tabindex="-1"
                    prop:checked=move || on.get()
                    on:change:target=move |ev| {
                        let checked = ev.target().checked();
                        form.update(|f| f.set_gap(service, checked));
                    }
                />
                <span>{format!("ギャップ（{}の必要と提供に差がある）", service.label())}</span>
            </label>
            <Show when=move || on.get()>
                <label class="field gap-note">
                    <span class="label">{format!("ギャップのメモ（{}）", service.label())}</span>
                    <input
                        type="text"
                        name=format!("gap.{key}.note")
                        autocomplete="off"
                        placeholder="例: 訪問回数が必要量に足りない"
                        prop:value=move || note.get()
                        on:input:target=move |ev| form.update(|f| f.set_gap_note(service, ev.target().value()))
                    />
                    {messages}
                </label>
            </Show>
        </div>
    }
}

/// Every service's gap flag in one list at the end of the form, folded: the keyboard's way to
/// the flags (the flags beside each service are for the mouse and touch). Shows how many are on.
#[component]
pub fn GapList(form: FormState<PatientForm>) -> impl IntoView {
    let count = Memo::new(move |_| form.value.with(|f| Service::ALL.iter().filter(|s| f.has_gap(**s)).count()));
    view! {
        <details class="gap-keys" id="patient-gaps" data-testid="gap-keys">
            <summary>{move || format!("ギャップ（必要と提供の差）の一覧 — {}件", count.get())}</summary>
            <crate::ui::help_tip::HelpTip part="ギャップ" entries=&crate::domain::forms::form_help::GAPS/>
            <ul class="plain">
                {Service::ALL.into_iter().map(|service| {
                    let key = crate::domain::forms::roster::service_key(service);
                    view! {
                        <li>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    name=format!("gap-list.{key}")
                                    prop:checked=move || form.value.with(|f| f.has_gap(service))
                                    on:change:target=move |ev| {
                                        let checked = ev.target().checked();
                                        form.update(|f| f.set_gap(service, checked));
                                    }
                                />
                                <span>{service.label()}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// 「判断樹（日時・評価者）より」 beside a 特定症状 confirmed from an assessment.
#[component]
pub fn SourceNote(#[prop(into)] source: Signal<Option<JudgementSource>>) -> impl IntoView {
    move || {
        source.get().map(|s| {
            let assessor =
                if s.assessor.trim().is_empty() { "評価者不明".to_string() } else { s.assessor.clone() };
            view! {
                <span class="tree-source" data-testid="tree-source">
                    {format!("判断樹（{}・{}）より", s.assessed_at.display_jst(), assessor)}
                </span>
            }
        })
    }
}
