//! 様式3 form sections (1)(2), (4)(5), (6)–(9), (10)(11): the fields of one station in the
//! paper form's order. (3) 常勤換算 is in `detail.rs` with its staff list.

use crate::domain::forms::form_help;
use crate::domain::forms::input::{NOTIFIED_OPTIONS, PRESENT_OPTIONS};
use crate::domain::forms::overview_form::PEOPLE;
use crate::domain::forms::station_form::{fields, labels, StationForm, INTAKE_OPTIONS};
use crate::domain::issues::Issues;
use crate::ui::components::{ChoiceInput, TextInput};
use crate::ui::form::FormState;
use crate::ui::help_tip::HelpTip;
use crate::ui::pages::overview::fields::NumberField;
use leptos::prelude::*;

/// （1）名称・（2）所在地.
#[component]
pub(super) fn NameSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"（1）名称・（2）所在地"</legend>
            <HelpTip part="名称・所在地" entries=&form_help::STATION_NAME/>
            <div class="field-row">
                <TextInput
                    label=labels::NAME
                    field=fields::NAME
                    value=form.field(|f| f.name.clone())
                    on_input=form.setter(|f, v| f.name = v)
                    issues
                    class="w-l"
                    maxlength=100
                    placeholder="例: 訪問看護ステーションあおば"
                />
                <TextInput
                    label=labels::ADDRESS
                    field=fields::ADDRESS
                    value=form.field(|f| f.address.clone())
                    on_input=form.setter(|f, v| f.address = v)
                    issues
                    class="w-l"
                    maxlength=100
                    placeholder="例: 府中市宮西町1-2"
                />
            </div>
        </fieldset>
    }
}

/// （4）（5）利用者数.
#[component]
pub(super) fn UsersSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"（4）（5）利用者数"</legend>
            <HelpTip part="利用者数" entries=&form_help::STATION_USERS/>
            <div class="field-row">
                <NumberField
                    label=labels::MONTHLY_USERS.to_string()
                    unit="人"
                    field=fields::MONTHLY_USERS.to_string()
                    value=form.field(|f| f.monthly_users.clone())
                    on_input=form.setter(|f, v| f.monthly_users = v)
                    issues
                    units=PEOPLE
                />
                <NumberField
                    label=labels::MEDICAL_INSURANCE_USERS.to_string()
                    unit="人"
                    field=fields::MEDICAL_INSURANCE_USERS.to_string()
                    value=form.field(|f| f.medical_insurance_users.clone())
                    on_input=form.setter(|f, v| f.medical_insurance_users = v)
                    issues
                    units=PEOPLE
                    hint="（4）以下の数"
                />
            </div>
        </fieldset>
    }
}

/// （6）〜（9）体制と実績.
#[component]
pub(super) fn SystemSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"（6）〜（9）体制と実績"</legend>
            <HelpTip part="体制と実績" entries=&form_help::STATION_CAPACITY/>
            <div class="field-row">
                <ChoiceInput
                    label=labels::ROOM_FOR_MORE_VISITS
                    field=fields::ROOM_FOR_MORE_VISITS
                    options=PRESENT_OPTIONS
                    value=form.field(|f| f.room_for_more_visits.clone())
                    on_change=form.setter(|f, v| f.room_for_more_visits = v)
                    issues
                />
            </div>
            <div class="field-row additions">
                <ChoiceInput
                    label=labels::ADDITION_24H
                    field=fields::ADDITION_24H
                    options=NOTIFIED_OPTIONS
                    value=form.field(|f| f.addition_24h.clone())
                    on_change=form.setter(|f, v| f.addition_24h = v)
                    issues
                />
                <ChoiceInput
                    label=labels::ADDITION_SPECIAL
                    field=fields::ADDITION_SPECIAL
                    options=NOTIFIED_OPTIONS
                    value=form.field(|f| f.addition_special.clone())
                    on_change=form.setter(|f, v| f.addition_special = v)
                    issues
                />
            </div>
            <p class="hint">"（7）医療保険加算届出は、24時間対応体制加算と特別管理加算のそれぞれについて選びます（両方届出のステーションもあります）。"</p>
            <div class="field-row">
                <ChoiceInput
                    label=labels::ALS_EXPERIENCE
                    field=fields::ALS_EXPERIENCE
                    options=PRESENT_OPTIONS
                    value=form.field(|f| f.als_experience.clone())
                    on_change=form.setter(|f, v| f.als_experience = v)
                    issues
                />
                <ChoiceInput
                    label=labels::VENTILATOR_EXPERIENCE
                    field=fields::VENTILATOR_EXPERIENCE
                    options=PRESENT_OPTIONS
                    value=form.field(|f| f.ventilator_experience.clone())
                    on_change=form.setter(|f, v| f.ventilator_experience = v)
                    issues
                />
            </div>
        </fieldset>
    }
}

/// （10）（11）今後の受け入れ.
#[component]
pub(super) fn IntakeSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"（10）（11）今後の受け入れ"</legend>
            <HelpTip part="今後の受け入れ" entries=&form_help::STATION_INTAKE/>
            <div class="field-row">
                <ChoiceInput
                    label=labels::ALS_INTAKE
                    field=fields::ALS_INTAKE
                    options=INTAKE_OPTIONS
                    value=form.field(|f| f.als_intake.clone())
                    on_change=form.setter(|f, v| f.als_intake = v)
                    issues
                />
                <ChoiceInput
                    label=labels::CHILD_INTAKE
                    field=fields::CHILD_INTAKE
                    options=INTAKE_OPTIONS
                    value=form.field(|f| f.child_intake.clone())
                    on_change=form.setter(|f, v| f.child_intake = v)
                    issues
                />
            </div>
        </fieldset>
    }
}
