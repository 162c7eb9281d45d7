//! 様式1 form: 医療処置, 特定症状, the two doctors and the admission and respite facilities.

use super::super::widgets::{text_of, CodeChoice, GapFlag, SourceNote};
use super::{tri_setters, F};
use crate::domain::forms::form_help;
use crate::domain::forms::input::YES_NO_OPTIONS;
use crate::domain::forms::patient_form::{fields, labels, PatientForm, TriTextForm, VISIT_MODE_OPTIONS};
use crate::domain::issues::Issues;
use crate::domain::patient::Service;
use crate::ui::components::{TextInput, TriText};
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// 医療処置管理 and 使用医療機器.
#[component]
pub(super) fn ProceduresSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::MedicalProcedures)));
    view! {
        <fieldset class="form-group" id="patient-procedures" class:gap-on=move || gap.get()>
            <legend>"医療処置管理"</legend>
            <HelpTip part="医療処置管理" entries=&form_help::PROCEDURES/>
            <div class="field-row">
                <CodeChoice label="人工呼吸器" field=fields::VENTILATOR options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.procedures.ventilator.clone())
                    on_change=form.setter(|f, v| f.procedures.ventilator = v) issues
                    hint="NPPV（マスク）とTPPV（気管切開）を含む"/>
                <CodeChoice label="気管切開" field=fields::TRACHEOSTOMY options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.procedures.tracheostomy.clone())
                    on_change=form.setter(|f, v| f.procedures.tracheostomy = v) issues/>
                <CodeChoice label="吸引" field=fields::SUCTION options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.procedures.suction.clone())
                    on_change=form.setter(|f, v| f.procedures.suction = v) issues/>
                <CodeChoice label="経管栄養" field=fields::TUBE_FEEDING options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.procedures.tube_feeding.clone())
                    on_change=form.setter(|f, v| f.procedures.tube_feeding = v) issues
                    hint="経鼻・胃ろう・腸ろう"/>
                <CodeChoice label="その他" field=fields::OTHER_PROCEDURE options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.procedures.other.clone())
                    on_change=form.setter(|f, v| f.procedures.other = v) issues
                    hint="吸入・導尿・中心静脈栄養など"/>
                <TextInput
                    label="その他の内容"
                    field=fields::OTHER_PROCEDURE_DETAIL
                    value=text_of(form, |f| f.procedures.other_detail.clone())
                    on_input=form.setter(|f, v| f.procedures.other_detail = v)
                    issues
                    class="w-m"
                />
            </div>
            <GapFlag form service=Service::MedicalProcedures issues/>
            <TextInput
                label=labels::DEVICES
                field=fields::DEVICES
                value=text_of(form, |f| f.devices.clone())
                on_input=form.setter(|f, v| f.devices = v)
                issues
                multiline=true
                placeholder="製品名（会社名）。緊急時・災害時に必要です"
            />
        </fieldset>
    }
}

/// 特定症状, with the 判断樹 source of 呼吸障害・嚥下障害・構音障害.
#[component]
pub(super) fn SymptomsSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let source = move |get: fn(&PatientForm) -> Option<crate::domain::patient::JudgementSource>| {
        let memo = Memo::new(move |_| form.value.with(get));
        Signal::<Option<crate::domain::patient::JudgementSource>>::from(memo)
    };
    view! {
        <fieldset class="form-group" id="patient-symptoms">
            <legend>"特定症状"</legend>
            <HelpTip part="特定症状" entries=&form_help::SYMPTOMS/>
            <div class="field-row">
                <CodeChoice label="呼吸障害" field=fields::RESPIRATORY options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.symptoms.respiratory.clone())
                    on_change=form.setter(|f, v| f.symptoms.respiratory = v) issues
                    hint="判断樹（呼吸障害）で判断">
                    <SourceNote source=source(|f| f.symptoms.respiratory_source.clone())/>
                </CodeChoice>
                <CodeChoice label="嚥下障害" field=fields::SWALLOWING options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.symptoms.swallowing.clone())
                    on_change=form.setter(|f, v| f.symptoms.swallowing = v) issues
                    hint="判断樹（球麻痺）で判断">
                    <SourceNote source=source(|f| f.symptoms.swallowing_source.clone())/>
                </CodeChoice>
                <CodeChoice label="構音障害" field=fields::SPEECH options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.symptoms.speech.clone())
                    on_change=form.setter(|f, v| f.symptoms.speech = v) issues>
                    <SourceNote source=source(|f| f.symptoms.speech_source.clone())/>
                </CodeChoice>
                <CodeChoice label="排尿障害" field=fields::URINARY options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.symptoms.urinary.clone())
                    on_change=form.setter(|f, v| f.symptoms.urinary = v) issues/>
                <CodeChoice label="自律神経障害" field=fields::AUTONOMIC options=YES_NO_OPTIONS
                    value=text_of(form, |f| f.symptoms.autonomic.clone())
                    on_change=form.setter(|f, v| f.symptoms.autonomic = v) issues/>
            </div>
        </fieldset>
    }
}

/// 神経内科専門医療機関 (`neurology`) or かかりつけ主治医.
#[component]
pub(super) fn DoctorSection(form: F, issues: Signal<Issues>, neurology: bool) -> impl IntoView {
    use crate::domain::forms::patient_form::DoctorCareForm;
    let pick: fn(&PatientForm) -> &DoctorCareForm = if neurology { |f| &f.neurology } else { |f| &f.family_doctor };
    let pick_mut: fn(&mut PatientForm) -> &mut DoctorCareForm =
        if neurology { |f| &mut f.neurology } else { |f| &mut f.family_doctor };
    let name_mut: fn(&mut PatientForm) -> &mut TriTextForm =
        if neurology { |f| &mut f.neurology.name } else { |f| &mut f.family_doctor.name };
    let help: &'static [form_help::FieldHelp] =
        if neurology { &form_help::NEUROLOGY } else { &form_help::FAMILY_DOCTOR };
    let (service, section_id, title, keys) = if neurology {
        (
            Service::Neurology,
            "patient-neurology",
            "神経内科専門医療機関",
            [fields::NEUROLOGY_NAME, fields::NEUROLOGY_MODE, fields::NEUROLOGY_PER_MONTH],
        )
    } else {
        (
            Service::FamilyDoctor,
            "patient-family-doctor",
            "かかりつけ主治医",
            [fields::FAMILY_DOCTOR_NAME, fields::FAMILY_DOCTOR_MODE, fields::FAMILY_DOCTOR_PER_MONTH],
        )
    };
    let (on_state, on_text) = tri_setters(form, name_mut);
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(service)));
    view! {
        <fieldset class="form-group" id=section_id class:gap-on=move || gap.get()>
            <legend>{title}</legend>
            <HelpTip part=title entries=help/>
            <div class="field-row">
                <div class="grow">
                    <TriText
                        label="機関名"
                        field=keys[0]
                        state=text_of(form, move |f| pick(f).name.state.clone())
                        text=text_of(form, move |f| pick(f).name.text.clone())
                        on_state
                        on_text
                        issues
                        placeholder="例: 県立Ａ病院"
                    />
                </div>
                <CodeChoice
                    label="受診形態"
                    field=keys[1]
                    options=VISIT_MODE_OPTIONS
                    value=text_of(form, move |f| pick(f).mode.clone())
                    on_change=Callback::new(move |v: String| form.update(|f| pick_mut(f).mode = v))
                    issues
                />
                <TextInput
                    label="頻度（回/月）"
                    field=keys[2]
                    value=text_of(form, move |f| pick(f).per_month.clone())
                    on_input=Callback::new(move |v: String| form.update(|f| pick_mut(f).per_month = v))
                    issues
                    inputmode="decimal"
                    class="w-s"
                    hint="2か月に1回は0.5"
                />
            </div>
            <GapFlag form service issues/>
        </fieldset>
    }
}

/// One 三状態 facility field with its gap flag.
#[component]
fn TriWithGap(
    form: F,
    issues: Signal<Issues>,
    label: &'static str,
    field: &'static str,
    service: Service,
    get: fn(&PatientForm) -> &TriTextForm,
    get_mut: fn(&mut PatientForm) -> &mut TriTextForm,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let (on_state, on_text) = tri_setters(form, get_mut);
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(service)));
    view! {
        <div class="sub-group" class:gap-on=move || gap.get()>
            <TriText
                label
                field
                state=text_of(form, move |f| get(f).state.clone())
                text=text_of(form, move |f| get(f).text.clone())
                on_state
                on_text
                issues
                multiline
                placeholder
            />
            <GapFlag form service issues/>
        </div>
    }
}

/// 緊急時の入院機関, レスパイトの入院・入所機関, 在宅でのレスパイト, 緊急時の訪問看護.
#[component]
pub(super) fn AdmissionSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group" id="patient-admission">
            <legend>"入院・レスパイト・緊急時"</legend>
            <HelpTip part="入院・レスパイト・緊急時" entries=&form_help::ADMISSION/>
            <p class="hint">"機関名は「記入」「なし（0）」「不明（空白）」から選びます。名前を入力すると「記入」になります。"</p>
            <div class="two-columns">
                <TriWithGap form issues label=labels::EMERGENCY_ADMISSION field=fields::EMERGENCY_ADMISSION
                    service=Service::EmergencyAdmission
                    get=|f| &f.emergency_admission get_mut=|f| &mut f.emergency_admission
                    placeholder="例: Ｂ大学病院"/>
                <TriWithGap form issues label=labels::RESPITE_ADMISSION field=fields::RESPITE_ADMISSION
                    service=Service::RespiteAdmission
                    get=|f| &f.respite_admission get_mut=|f| &mut f.respite_admission/>
                <TriWithGap form issues label=labels::HOME_RESPITE field=fields::HOME_RESPITE
                    service=Service::HomeRespite
                    get=|f| &f.home_respite get_mut=|f| &mut f.home_respite multiline=true
                    placeholder="例: 療養通所介護に通所、長時間の訪問看護など"/>
                <TriWithGap form issues label=labels::EMERGENCY_NURSING field=fields::EMERGENCY_NURSING
                    service=Service::EmergencyNursing
                    get=|f| &f.emergency_nursing get_mut=|f| &mut f.emergency_nursing
                    placeholder="例: Ａステーション"/>
            </div>
        </fieldset>
    }
}
