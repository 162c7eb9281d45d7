//! Inputs of the 様式1 form that are quicker with the keyboard than the shared ones: code
//! choices answer to their digit (1 有, 0 無, Delete 不明), the gap flag with its note, and
//! the 判断樹 source of a 特定症状.

use crate::domain::forms::patient_form::{fields, PatientForm};
use crate::domain::issues::{Issues, Severity};
use crate::domain::patient::{JudgementSource, Service};
use crate::ui::components::FieldIssues;
use crate::ui::form::FormState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A form field as a `Memo` (inputs re-render only when their own text changes).
pub fn text_of(
    form: FormState<PatientForm>,
    get: impl Fn(&PatientForm) -> String + Send + Sync + 'static,
) -> Signal<String> {
    let memo = Memo::new(move |_| form.value.with(|v| get(v)));
    memo.into()
}

/// Is there an error for `field`?
fn has_error(issues: Signal<Issues>, field: &str) -> bool {
    issues.with(|all| all.for_field(field).any(|x| x.severity == Severity::Error))
}

/// Picks the option whose value is the key pressed (`1`, `0`, …; Delete/Backspace → 不明 when
/// there is a blank option) and moves the focus to it, so the next Tab leaves the group.
fn pick_by_key(ev: &leptos::ev::KeyboardEvent, values: &[&'static str], on_change: Callback<String>) {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return;
    }
    let key = ev.key();
    let wanted = match key.as_str() {
        "Delete" | "Backspace" if values.contains(&"") => "",
        k => match values.iter().find(|v| !v.is_empty() && **v == k) {
            Some(v) => *v,
            None => return,
        },
    };
    ev.prevent_default();
    on_change.run(wanted.to_string());
    let group = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let Some(input) = group
        .and_then(|g| g.query_selector(&format!("input[type=radio][value='{wanted}']")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// A labelled radio group of codes (segmented). `options` are (value, label); typing a
/// one-character value picks it.
#[component]
pub fn CodeChoice(
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    field: &'static str,
    issues: Signal<Issues>,
    #[prop(optional)] hint: &'static str,
    /// Shown after the choices (e.g. the 判断樹 source).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let values: Vec<&'static str> = options.iter().map(|(v, _)| *v).collect();
    view! {
        <fieldset
            class="field choice"
            data-field=field
            aria-invalid=move || has_error(issues, field).then_some("true")
            on:keydown=move |ev| pick_by_key(&ev, &values, on_change)
        >
            <legend class="label">{label}</legend>
            <div class="segmented">
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        view! {
                            <label class="segment" class:selected=move || value.with(|cur| cur == v)>
                                <input
                                    type="radio"
                                    name=field
                                    value=v
                                    prop:checked=move || value.with(|cur| cur == v)
                                    on:change=move |_| on_change.run(v.to_string())
                                />
                                <span>{text}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {children.map(|c| c())}
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <FieldIssues issues field/>
        </fieldset>
    }
}

/// 1 有 / 0 無 / 不明 (the seed's yes/no coding; blank is 不明).
pub fn yes_no() -> Vec<(&'static str, &'static str)> {
    vec![("1", "1 有"), ("0", "0 無"), ("", "不明")]
}

/// The options of a domain list of (value, label).
pub fn opts<const N: usize>(list: [(&'static str, &'static str); N]) -> Vec<(&'static str, &'static str)> {
    list.to_vec()
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
    let messages = move || {
        let Some(i) = position.get() else { return Vec::new() };
        let field = fields::gap_note(i);
        issues.with(|all| {
            all.for_field(&field)
                .map(|issue| {
                    let class = match issue.severity {
                        Severity::Error => "field-error",
                        Severity::Warning => "field-warning",
                    };
                    view! { <span class=class role="alert">{issue.message.clone()}</span> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="gap-flag" class:on=move || on.get() data-gap=key>
            <label class="check gap-check">
                <input
                    type="checkbox"
                    name=format!("gap.{key}")
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
