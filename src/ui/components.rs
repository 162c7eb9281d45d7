//! Small shared widgets: confirmation dialog, field messages, three-state inputs.

use super::modal::Modal;
use crate::domain::forms::input::{choice_for_key, tri_state_for_key, Choice, STATE_VALUE, TRI_STATE_OPTIONS};
use crate::domain::issues::{Issues, Severity};
use leptos::prelude::*;

/// A modal confirmation that names what will happen. Esc or 取り消し cancels; the cancel
/// button has the focus first so Enter never confirms by accident.
#[component]
pub fn ConfirmDialog(
    title: String,
    message: String,
    confirm_label: &'static str,
    #[prop(optional)] danger: bool,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <Modal labelled_by="confirm-title" described_by="confirm-message" alert=true
            initial_focus="button.cancel" on_close=on_cancel>
            <h2 id="confirm-title">{title}</h2>
            <p id="confirm-message">{message}</p>
            <div class="buttons">
                <button class=if danger { "danger" } else { "primary" } on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                <button class="cancel" on:click=move |_| on_cancel.run(())>"取り消し"</button>
            </div>
        </Modal>
    }
}

/// The style of a message: errors in red, warnings in amber.
pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "field-error",
        Severity::Warning => "field-warning",
    }
}

/// The messages for one field (errors in red, warnings in amber), as text — the one message
/// widget of every form. `field` may be built at run time (`certified_other.0.count`);
/// `plain` leaves out the エラー／注意 word (where the field's own label says it).
#[component]
pub fn FieldIssues(
    #[prop(into)] issues: Signal<Issues>,
    #[prop(into)] field: String,
    #[prop(optional)] plain: bool,
) -> impl IntoView {
    move || {
        issues.with(|all| {
            all.for_field(&field)
                .map(|issue| {
                    let text = if plain {
                        issue.message.clone()
                    } else {
                        format!("{}: {}", issue.severity.label(), issue.message)
                    };
                    view! { <span class=severity_class(issue.severity) role="alert">{text}</span> }
                })
                .collect_view()
        })
    }
}

/// All errors and warnings of a form, each naming its field (shown above the save button).
#[component]
pub fn IssueSummary(#[prop(into)] issues: Signal<Issues>) -> impl IntoView {
    view! {
        <Show when=move || issues.with(|i| !i.is_empty())>
            <div class="issue-summary" role="alert" data-testid="issue-summary">
                <ul>
                    {move || issues.with(|all| {
                        all.0
                            .iter()
                            .map(|issue| {
                                let text = format!("{}: {}", issue.severity.label(), issue);
                                view! { <li class=severity_class(issue.severity)>{text}</li> }
                            })
                            .collect_view()
                    })}
                </ul>
            </div>
        </Show>
    }
}

/// Is there an error for `field`? (for `aria-invalid`)
fn has_error(issues: Option<Signal<Issues>>, field: &str) -> bool {
    issues.is_some_and(|i| i.with(|all| all.field_has_error(field)))
}

/// A labelled text input (or textarea) bound to a form field, with its messages.
#[component]
pub fn TextInput(
    /// The visible name (a list's rows pass their own: 「Ｂ町・①自家発電装置の限度額」).
    #[prop(into)]
    label: Oco<'static, str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The field key (for messages, `name` and tests).
    #[prop(into)]
    field: Oco<'static, str>,
    #[prop(into, optional)] issues: Option<Signal<Issues>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] multiline: bool,
    /// `numeric` or `decimal` for number fields (shows a number keypad on tablets).
    #[prop(optional)]
    inputmode: &'static str,
    #[prop(optional)] placeholder: &'static str,
    /// Extra class for width (`w-s`, `w-m`, `w-l`).
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let invalid = {
        let field = field.clone();
        move || has_error(issues, &field).then_some("true")
    };
    let input = if multiline {
        view! {
            <textarea
                name=field.clone()
                data-field=field.clone()
                placeholder=placeholder
                maxlength=maxlength
                aria-invalid=invalid.clone()
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                name=field.clone()
                data-field=field.clone()
                class=class
                placeholder=placeholder
                maxlength=maxlength
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                autocomplete="off"
                aria-invalid=invalid.clone()
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        }
        .into_any()
    };
    view! {
        <label class="field">
            <span class="label">{label}</span>
            {input}
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            {issues.map(|issues| view! { <FieldIssues issues field=field.to_string()/> })}
        </label>
    }
}

/// A labelled group of radio buttons (segmented), e.g. 1 有 / 0 無 / 不明（空白）.
/// `options` come from the domain; the value `""` is 不明（空白）.
#[component]
pub fn ChoiceInput(
    label: &'static str,
    #[prop(into)] options: Vec<Choice>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    field: &'static str,
    #[prop(into, optional)] issues: Option<Signal<Issues>>,
    #[prop(optional)] hint: &'static str,
    /// Typing an option's one-character value picks it (Delete/Backspace → 不明 when there is a
    /// blank option), for forms entered code by code from the paper form.
    #[prop(optional)]
    pick_by_key: bool,
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
            on:keydown=move |ev| {
                if pick_by_key {
                    pick_option_by_key(&ev, &values, on_change)
                }
            }
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
            {issues.map(|issues| view! { <FieldIssues issues field/> })}
        </fieldset>
    }
}

/// Picks the option whose value is the key pressed (`domain::forms::input::choice_for_key`)
/// and moves the focus to it, so the next Tab leaves the group.
fn pick_option_by_key(ev: &leptos::ev::KeyboardEvent, values: &[&'static str], on_change: Callback<String>) {
    use wasm_bindgen::JsCast;
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return;
    }
    let Some(wanted) = choice_for_key(values, &ev.key()) else { return };
    ev.prevent_default();
    let group = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match group
        .and_then(|g| g.query_selector(&format!("input[type=radio][value='{wanted}']")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // A click, as if she had pressed it: the form sees its `change` (and marks the field
        // as changed, so its messages show).
        Some(input) => {
            input.click();
            let _ = input.focus();
        }
        None => on_change.run(wanted.to_string()),
    }
}

/// On the 記入 / なし（0）/ 不明 buttons (not in the text box): 0 picks なし（0）, Delete 不明, and
/// another digit picks 記入 and starts the value in an empty text box
/// (`domain::forms::input::tri_state_for_key`).
fn pick_tri_state_by_key(
    ev: &leptos::ev::KeyboardEvent,
    text: Signal<String>,
    on_state: Callback<String>,
    on_text: Callback<String>,
) {
    use wasm_bindgen::JsCast;
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return;
    }
    let on_radio =
        ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.type_() == "radio");
    let key = ev.key();
    let Some(state) = on_radio.then(|| tri_state_for_key(&key)).flatten() else { return };
    ev.prevent_default();
    let group = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let find = |selector: &str| {
        group
            .as_ref()
            .and_then(|g| g.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    // A click on the state's button, as if she had pressed it (the form sees its `change`).
    match find(&format!("input[type=radio][value='{state}']")) {
        Some(radio) => radio.click(),
        None => on_state.run(state.to_string()),
    }
    let focus = if state == STATE_VALUE {
        if text.with_untracked(String::is_empty) {
            on_text.run(key);
        }
        find("input[type=text], textarea")
    } else {
        find(&format!("input[type=radio][value='{state}']"))
    };
    if let Some(el) = focus {
        let _ = el.focus();
    }
}

/// A labelled `<select>`; `options` come from the domain.
#[component]
pub fn SelectInput(
    label: &'static str,
    #[prop(into)] options: Vec<Choice>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    field: &'static str,
    #[prop(into, optional)] issues: Option<Signal<Issues>>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="label">{label}</span>
            <select
                name=field
                data-field=field
                aria-invalid=move || has_error(issues, field).then_some("true")
                prop:value=move || value.get()
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options.into_iter().map(|(v, text)| view! { <option value=v>{text}</option> }).collect_view()}
            </select>
            {issues.map(|issues| view! { <FieldIssues issues field/> })}
        </label>
    }
}

/// A three-state text field: 記入 / なし（0）/ 不明（空白）, with the text enabled only for
/// 記入. Typing text selects 記入; the UI never turns 不明 into 0.
#[component]
pub fn TriText(
    label: &'static str,
    /// One of the domain's `STATE_VALUE`, `STATE_NONE`, `STATE_UNKNOWN`.
    #[prop(into)]
    state: Signal<String>,
    #[prop(into)] text: Signal<String>,
    on_state: Callback<String>,
    on_text: Callback<String>,
    field: &'static str,
    #[prop(into, optional)] issues: Option<Signal<Issues>>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let options = TRI_STATE_OPTIONS;
    let text_input = if multiline {
        view! {
            <textarea
                name=field
                data-field=field
                aria-label=label
                placeholder=placeholder
                aria-invalid=move || has_error(issues, field).then_some("true")
                prop:value=move || text.get()
                on:input:target=move |ev| on_text.run(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                name=field
                data-field=field
                aria-label=label
                placeholder=placeholder
                autocomplete="off"
                aria-invalid=move || has_error(issues, field).then_some("true")
                prop:value=move || text.get()
                on:input:target=move |ev| on_text.run(ev.target().value())
            />
        }
        .into_any()
    };
    view! {
        <fieldset class="field tri" data-field=field data-state=move || state.get()
            on:keydown=move |ev| pick_tri_state_by_key(&ev, text, on_state, on_text)>
            <legend class="label">{label}</legend>
            <div class="segmented small">
                {options
                    .into_iter()
                    .map(|(v, t)| {
                        let name = format!("{field}__state");
                        view! {
                            <label class="segment" class:selected=move || state.with(|s| s == v)>
                                <input
                                    type="radio"
                                    name=name
                                    value=v
                                    prop:checked=move || state.with(|s| s == v)
                                    on:change=move |_| on_state.run(v.to_string())
                                />
                                <span>{t}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <div class:muted=move || state.with(|s| s != STATE_VALUE)>{text_input}</div>
            {issues.map(|issues| view! { <FieldIssues issues field/> })}
        </fieldset>
    }
}
