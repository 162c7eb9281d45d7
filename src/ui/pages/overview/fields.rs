//! Number fields that show whether they are 未入力（不明）or 0 (shared with 様式3).

use crate::domain::forms::input::entry_state;
use crate::domain::issues::Issues;
use crate::ui::components::FieldIssues;
use leptos::prelude::*;

/// A labelled number input with its unit, the 未入力（不明）/ 0（なし）mark and its messages.
#[component]
pub fn NumberField(
    label: String,
    /// The unit shown after the input (人, km², ヵ所).
    unit: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The field key (`name`, `data-field`, messages).
    field: String,
    #[prop(into)] issues: Signal<Issues>,
    /// Units the domain accepts after the number (for the mark).
    units: &'static [&'static str],
    /// `numeric` (whole numbers) or `decimal`.
    #[prop(optional)]
    inputmode: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let state = Memo::new(move |_| value.with(|v| entry_state(v, units)));
    let invalid = {
        let field = field.clone();
        move || issues.with(|i| i.field_has_error(&field)).then_some("true")
    };
    let inputmode = if inputmode.is_empty() { "numeric" } else { inputmode };
    view! {
        <label class="field number-field" data-state=move || state.get().key()>
            <span class="label">{label}</span>
            <span class="number-line">
                <input
                    type="text"
                    name=field.clone()
                    data-field=field.clone()
                    class="number"
                    inputmode=inputmode
                    autocomplete="off"
                    aria-invalid=invalid
                    prop:value=move || value.get()
                    on:input:target=move |ev| on_input.run(ev.target().value())
                />
                <span class="unit">{unit}</span>
                <span class="entry-state" data-testid="entry-state">{move || state.get().mark()}</span>
            </span>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <FieldIssues issues field/>
        </label>
    }
}
