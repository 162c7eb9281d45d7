//! 様式1 form, basic section: ID番号 to ADL.

use super::super::widgets::{text_of, CodeChoice};
use super::F;
use crate::domain::forms::form_help;
use crate::domain::forms::patient_form::{
    fields, labels, onset_type_key, suggest_onset_type, ADL_OPTIONS, AGE_BAND, AGE_BAND_OPTIONS, AGE_MODE_OPTIONS,
    DISEASE_OPTIONS, ONSET_TYPE_OPTIONS,
};
use crate::domain::issues::Issues;
use crate::ui::components::TextInput;
use crate::ui::ctx::use_app;
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// ID番号, 疾患, 住所, 氏名, 発症時期, 初発症状, 病型, 年齢, ADL.
#[component]
pub(super) fn BasicSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group" id="patient-basic">
            <legend>"基本情報"</legend>
            <HelpTip part="基本情報" entries=&form_help::BASIC/>
            <IdentityRow form issues/>
            <AddressRow form issues/>
            <OnsetRow form issues/>
            <AgeRow form issues/>
        </fieldset>
    }
}

/// ID番号 and 疾患.
#[component]
fn IdentityRow(form: F, issues: Signal<Issues>) -> impl IntoView {
    let disease = text_of(form, |f| f.disease.clone());
    view! {
            <div class="field-row">
                <TextInput
                    label=labels::ID_NUMBER
                    field=fields::ID_NUMBER
                    value=text_of(form, |f| f.id_number.clone())
                    on_input=form.setter(|f, v| f.id_number = v)
                    issues
                    class="w-m"
                    placeholder="例: A-001"
                    hint="必須。氏名の代わりに使います"
                />
                <CodeChoice
                    label=labels::DISEASE
                    field=fields::DISEASE
                    options=DISEASE_OPTIONS
                    value=disease
                    on_change=form.setter(|f, v| f.disease = v)
                    issues
                />
                <Show when=move || disease.with(|d| d == "other")>
                    <TextInput
                        label=labels::DISEASE_OTHER
                        field=fields::DISEASE_OTHER
                        value=text_of(form, |f| f.disease_other.clone())
                        on_input=form.setter(|f, v| f.disease_other = v)
                        issues
                        class="w-m"
                        placeholder="例: 進行性核上性麻痺"
                    />
                </Show>
            </div>
    }
}

/// 住所, 氏名 and ふりがな (hidden when 氏名・住所を隠す is on).
#[component]
fn AddressRow(form: F, issues: Signal<Issues>) -> impl IntoView {
    let hide = use_app().hide_names;
    view! {
            <div class="field-row">
                <TextInput
                    label=labels::MUNICIPALITY
                    field=fields::MUNICIPALITY
                    value=text_of(form, |f| f.municipality.clone())
                    on_input=form.setter(|f, v| f.municipality = v)
                    issues
                    class="w-m"
                    placeholder="例: ○市"
                />
                {move || if hide.get() {
                    view! {
                        <p class="hidden-note" data-testid="hidden-note">
                            "住所（市町村より後）、氏名とふりがなは「氏名・住所を隠す」がオンのため表示していません（データは残っています）。"
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <TextInput
                            label=labels::ADDRESS_DETAIL
                            field=fields::ADDRESS_DETAIL
                            value=text_of(form, |f| f.address_detail.clone())
                            on_input=form.setter(|f, v| f.address_detail = v)
                            issues
                            class="w-l"
                            placeholder="例: △町☐丁目"
                        />
                        <TextInput
                            label=labels::NAME
                            field=fields::NAME
                            value=text_of(form, |f| f.name.clone())
                            on_input=form.setter(|f, v| f.name = v)
                            issues
                            class="w-m"
                            hint="任意。研修などでは空欄のままID番号を使います"
                        />
                        <TextInput
                            label=labels::FURIGANA
                            field=fields::FURIGANA
                            value=text_of(form, |f| f.furigana.clone())
                            on_input=form.setter(|f, v| f.furigana = v)
                            issues
                            class="w-m"
                            placeholder="例: やまだ はなこ"
                            hint="任意。ひらがなかカタカナ。一覧の「氏名」の並べ替えが五十音順になります"
                        />
                    }
                    .into_any()
                }}
            </div>
    }
}

/// 発症時期, 初発症状 and 病型 (suggested from the first symptom).
#[component]
fn OnsetRow(form: F, issues: Signal<Issues>) -> impl IntoView {
    let suggestion = Memo::new(move |_| {
        form.value.with(|f| if f.onset_type.trim().is_empty() { suggest_onset_type(&f.first_symptom) } else { None })
    });
    view! {
            <div class="field-row">
                <TextInput
                    label=labels::ONSET
                    field=fields::ONSET
                    value=text_of(form, |f| f.onset.clone())
                    on_input=form.setter(|f, v| f.onset = v)
                    issues
                    class="w-m"
                    placeholder="例: 2002年5月"
                    hint="年だけでも可"
                />
                <div class="grow">
                    <TextInput
                        label=labels::FIRST_SYMPTOM
                        field=fields::FIRST_SYMPTOM
                        value=text_of(form, |f| f.first_symptom.clone())
                        on_input=form.setter(|f, v| f.first_symptom = v)
                        issues
                        multiline=true
                        placeholder="例: 話にくくなった"
                    />
                </div>
            </div>
            <CodeChoice
                label=labels::ONSET_TYPE
                field=fields::ONSET_TYPE
                options=ONSET_TYPE_OPTIONS
                value=text_of(form, |f| f.onset_type.clone())
                on_change=form.setter(|f, v| f.onset_type = v)
                issues
            >
                {move || suggestion.get().map(|t| view! {
                    <button
                        type="button"
                        class="suggest"
                        data-testid="onset-suggestion"
                        on:click=move |_| form.update(|f| f.onset_type = onset_type_key(t).to_string())
                    >
                        {format!("初発症状から「{}」を選ぶ", t.label())}
                    </button>
                })}
            </CodeChoice>
    }
}

/// 年齢 (age or band) and ADL.
#[component]
fn AgeRow(form: F, issues: Signal<Issues>) -> impl IntoView {
    let age_mode = text_of(form, |f| f.age_mode.clone());
    view! {
            <div class="field-row">
                <CodeChoice
                    label=labels::AGE_MODE
                    field=fields::AGE_MODE
                    options=AGE_MODE_OPTIONS
                    value=age_mode
                    on_change=form.setter(|f, v| f.age_mode = v)
                    issues
                />
                {move || if age_mode.with(|m| m == AGE_BAND) {
                    view! {
                        <CodeChoice
                            label="年齢（区分コード）"
                            field=fields::AGE
                            options=AGE_BAND_OPTIONS
                            value=text_of(form, |f| f.age.clone())
                            on_change=form.setter(|f, v| f.age = v)
                            issues
                        />
                    }
                    .into_any()
                } else {
                    view! {
                        <TextInput
                            label="年齢（歳）"
                            field=fields::AGE
                            value=text_of(form, |f| f.age.clone())
                            on_input=form.setter(|f, v| f.age = v)
                            issues
                            inputmode="numeric"
                            class="w-s"
                            hint="不明は空欄"
                        />
                    }
                    .into_any()
                }}
                <CodeChoice
                    label=labels::ADL
                    field=fields::ADL
                    options=ADL_OPTIONS
                    value=text_of(form, |f| f.adl.clone())
                    on_change=form.setter(|f, v| f.adl = v)
                    issues
                />
            </div>
    }
}
