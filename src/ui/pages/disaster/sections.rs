//! The plan's own fields: dates, devices and power, what the plan says is needed, evacuation
//! and contacts.

use crate::domain::forms::input::{Choice, BLANK_LABEL};
use crate::domain::issues::Issues;
use crate::domain::ventilator::form::{fields, PlanForm};
use crate::ui::components::{ChoiceInput, TextInput};
use crate::ui::form::FormState;
use leptos::prelude::*;

/// 有/無 as the plan words it.
const HAVE: [Choice; 3] = [("1", "1 あり"), ("0", "0 なし"), ("", BLANK_LABEL)];

/// A form field as a `Memo` (inputs re-render only when their own text changes).
pub fn text_of(form: FormState<PlanForm>, get: impl Fn(&PlanForm) -> String + Send + Sync + 'static) -> Signal<String> {
    Memo::new(move |_| form.value.with(|v| get(v))).into()
}

#[component]
pub fn DatesSection(form: FormState<PlanForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"作成と見直し"</legend>
            <div class="field-row">
                <TextInput label="作成日" field=fields::MADE_ON issues hint="例: 2025-06-01" class="w-m"
                    value=text_of(form, |f| f.made_on.clone()) on_input=form.setter(|f, v| f.made_on = v)/>
                <TextInput label="見直し日" field=fields::REVIEWED_ON issues hint="1年ごとに見直します" class="w-m"
                    value=text_of(form, |f| f.reviewed_on.clone()) on_input=form.setter(|f, v| f.reviewed_on = v)/>
            </div>
        </fieldset>
    }
}

#[component]
pub fn DevicesSection(form: FormState<PlanForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"使用している医療機器と電源"</legend>
            <TextInput label="使用医療機器（様式1から）" field="devices" multiline=true
                value=text_of(form, |f| f.devices.clone()) on_input=form.setter(|f, v| f.devices = v)/>
            <ChoiceInput label="人工呼吸器の内蔵バッテリー" options=HAVE.to_vec() field=fields::INTERNAL_BATTERY issues
                value=text_of(form, |f| f.internal_battery.clone()) on_change=form.setter(|f, v| f.internal_battery = v)/>
            <div class="field-row">
                <TextInput label="内蔵バッテリーの持続時間（時間）" field=fields::INTERNAL_HOURS issues inputmode="decimal" class="w-s"
                    value=text_of(form, |f| f.internal_battery_hours.clone()) on_input=form.setter(|f, v| f.internal_battery_hours = v)/>
                <TextInput label="外部バッテリーの持続時間（時間）" field=fields::EXTERNAL_HOURS issues inputmode="decimal" class="w-s"
                    value=text_of(form, |f| f.external_battery_hours.clone()) on_input=form.setter(|f, v| f.external_battery_hours = v)/>
            </div>
            <ChoiceInput label="吸引器" options=HAVE.to_vec() field=fields::SUCTION issues
                value=text_of(form, |f| f.suction.clone()) on_change=form.setter(|f, v| f.suction = v)/>
            <ChoiceInput label="酸素" options=HAVE.to_vec() field=fields::OXYGEN issues
                value=text_of(form, |f| f.oxygen.clone()) on_change=form.setter(|f, v| f.oxygen = v)/>
            <TextInput label="必要な電力（機器ごとの消費電力と使用時間）" field="power_need" multiline=true
                value=text_of(form, |f| f.power_need.clone()) on_input=form.setter(|f, v| f.power_need = v)/>
            <ChoiceInput label="蘇生バッグ（手元にある）" options=HAVE.to_vec() field=fields::BAG issues
                value=text_of(form, |f| f.resuscitation_bag.clone()) on_change=form.setter(|f, v| f.resuscitation_bag = v)/>
        </fieldset>
    }
}

/// One checkbox of 「計画で準備が必要とした品目」.
#[component]
fn NeedBox(
    form: FormState<PlanForm>,
    label: &'static str,
    name: &'static str,
    get: fn(&PlanForm) -> bool,
    set: fn(&mut PlanForm, bool),
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" name=name data-field=name
                prop:checked=move || form.value.with(get)
                on:change:target=move |ev| { let on = ev.target().checked(); form.update(|f| set(f, on)); }/>
            <span>{label}</span>
        </label>
    }
}

#[component]
pub fn NeedsSection(form: FormState<PlanForm>) -> impl IntoView {
    view! {
        <fieldset class="form-group" data-testid="plan-needs">
            <legend>"計画で準備が必要とした品目（区市町村の補助の条件）"</legend>
            <NeedBox form label="①自家発電装置" name="needs_generator" get=|f| f.needs.generator set=|f, v| f.needs.generator = v/>
            <NeedBox form label="②吸引器（充電式）" name="needs_suction" get=|f| f.needs.suction set=|f, v| f.needs.suction = v/>
            <NeedBox form label="③無停電電源装置" name="needs_ups" get=|f| f.needs.ups set=|f, v| f.needs.ups = v/>
            <TextInput label="対象となる他の公的制度（日常生活用具給付等。なければ空欄）" field="other_scheme"
                value=text_of(form, |f| f.other_scheme.clone()) on_input=form.setter(|f, v| f.other_scheme = v)/>
        </fieldset>
    }
}

#[component]
pub fn EvacuationSection(form: FormState<PlanForm>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"避難と連絡先"</legend>
            <TextInput label="避難先" field="evacuation_place"
                value=text_of(form, |f| f.evacuation.place.clone()) on_input=form.setter(|f, v| f.evacuation.place = v)/>
            <TextInput label="避難の方法" field="evacuation_how"
                value=text_of(form, |f| f.evacuation.how.clone()) on_input=form.setter(|f, v| f.evacuation.how = v)/>
            <TextInput label="避難を手伝う人" field="evacuation_helpers"
                value=text_of(form, |f| f.evacuation.helpers.clone()) on_input=form.setter(|f, v| f.evacuation.helpers = v)/>
            <TextInput label="連絡先: 主治医" field="contact_doctor"
                value=text_of(form, |f| f.contacts.doctor.clone()) on_input=form.setter(|f, v| f.contacts.doctor = v)/>
            <TextInput label="連絡先: 訪問看護ステーション等" field="contact_stations"
                value=text_of(form, |f| f.contacts.stations.clone()) on_input=form.setter(|f, v| f.contacts.stations = v)/>
            <TextInput label="連絡先: 電力会社（優先登録）" field="contact_power"
                value=text_of(form, |f| f.contacts.power_company.clone()) on_input=form.setter(|f, v| f.contacts.power_company = v)/>
            <TextInput label="連絡先: 消防署" field="contact_fire"
                value=text_of(form, |f| f.contacts.fire_service.clone()) on_input=form.setter(|f, v| f.contacts.fire_service = v)/>
            <TextInput label="連絡先: そのほか（機器の業者・家族など）" field="contact_others" multiline=true
                value=text_of(form, |f| f.contacts.others.clone()) on_input=form.setter(|f, v| f.contacts.others = v)/>
            <TextInput label="メモ" field="notes" multiline=true
                value=text_of(form, |f| f.notes.clone()) on_input=form.setter(|f, v| f.notes = v)/>
        </fieldset>
    }
}
