//! 様式1 form: 訪問看護, 制度 (介護保険 to 災害時個別支援計画) and 最終把握時期・支援管理区分.

use super::super::widgets::{text_of, CodeChoice, GapFlag};
use super::{tri_setters, F};
use crate::domain::forms::form_help;
use crate::domain::forms::input::YES_NO_OPTIONS;
use crate::domain::forms::patient_form::{
    fields, labels, PatientForm, CARE_INSURANCE_OPTIONS, CERTIFICATE_OPTIONS, DISASTER_PLAN_OPTIONS,
    SUPPORT_CLASS_OPTIONS,
};
use crate::domain::issues::Issues;
use crate::domain::patient::Service;
use crate::ui::components::{FieldIssues, SelectInput, TextInput, TriText};
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// 訪問看護ステーション, 医療機関からの訪問看護, 在宅人工呼吸器使用患者支援事業 and the
/// computed weekly total.
// Three services and the computed total, in the paper form's order.
#[allow(clippy::too_many_lines)]
#[component]
pub(super) fn NursingSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let (station_state, station_text) = tri_setters(form, |f| &mut f.station_nursing.names);
    let (inst_state, inst_text) = tri_setters(form, |f| &mut f.institution_nursing.name);
    let station_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::StationNursing)));
    let inst_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::InstitutionNursing)));
    let programme_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::VentilatorProgramme)));
    let weekly = Memo::new(move |_| form.value.with(PatientForm::weekly_total_text));
    view! {
        <fieldset class="form-group" id="patient-nursing">
            <legend>"訪問看護"</legend>
            <HelpTip part="訪問看護" entries=&form_help::NURSING/>
            <div class="sub-group" class:gap-on=move || station_gap.get()>
                <h2>"訪問看護ステーション"</h2>
                <div class="field-row">
                    <div class="grow">
                        <TriText
                            label="機関名（複数は1行に1つ）"
                            field=fields::STATION_NAMES
                            state=text_of(form, |f| f.station_nursing.names.state.clone())
                            text=text_of(form, |f| f.station_nursing.names.text.clone())
                            on_state=station_state
                            on_text=station_text
                            issues
                            multiline=true
                            placeholder="例: Ａステーション"
                        />
                    </div>
                    <TextInput
                        label="利用機関数"
                        field=fields::STATION_COUNT
                        value=text_of(form, |f| f.station_nursing.count.clone())
                        on_input=form.setter(|f, v| f.station_nursing.count = v)
                        issues
                        inputmode="numeric"
                        class="w-s"
                        hint="なしは0"
                    />
                    <TextInput
                        label="1週間の合計訪問回数"
                        field=fields::STATION_WEEKLY
                        value=text_of(form, |f| f.station_nursing.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.station_nursing.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                        hint="隔週0.5・月1回0.25"
                    />
                </div>
                <GapFlag form service=Service::StationNursing issues/>
            </div>
            <div class="sub-group" class:gap-on=move || inst_gap.get()>
                <h2>"医療機関からの訪問看護"</h2>
                <div class="field-row">
                    <div class="grow">
                        <TriText
                            label="機関名"
                            field=fields::INSTITUTION_NAME
                            state=text_of(form, |f| f.institution_nursing.name.state.clone())
                            text=text_of(form, |f| f.institution_nursing.name.text.clone())
                            on_state=inst_state
                            on_text=inst_text
                            issues
                            placeholder="例: Ａ病院"
                        />
                    </div>
                    <TextInput
                        label="1週間の合計訪問回数"
                        field=fields::INSTITUTION_WEEKLY
                        value=text_of(form, |f| f.institution_nursing.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.institution_nursing.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                        hint="隔週0.5・月1回0.25"
                    />
                </div>
                <GapFlag form service=Service::InstitutionNursing issues/>
            </div>
            <div class="sub-group" class:gap-on=move || programme_gap.get()>
                <h2>"在宅人工呼吸器使用患者支援事業（訪問看護）"</h2>
                <div class="field-row">
                    <CodeChoice
                        label="利用"
                        field=fields::PROGRAMME_USED
                        options=YES_NO_OPTIONS
                        value=text_of(form, |f| f.ventilator_programme.used.clone())
                        on_change=form.setter(|f, v| f.ventilator_programme.used = v)
                        issues
                    />
                    <TextInput
                        label="1週間の訪問回数のうち事業による訪問回数"
                        field=fields::PROGRAMME_WEEKLY
                        value=text_of(form, |f| f.ventilator_programme.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.ventilator_programme.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                    />
                </div>
                <GapFlag form service=Service::VentilatorProgramme issues/>
            </div>
            <div class="computed" data-testid="weekly-total">
                <span class="label">{labels::WEEKLY_TOTAL}"（自動計算）"</span>
                <output name=fields::WEEKLY_TOTAL>
                    {move || weekly.with(|w| if w.is_empty() { "空欄（不明）".to_string() } else { format!("{w}回") })}
                </output>
                <span class="hint">"= 訪問看護ステーション + 医療機関からの訪問看護（入力はしません）"</span>
            </div>
        </fieldset>
    }
}

/// 介護保険, 身体障害者手帳, 障害支援区分, 居宅介護, 災害時個別支援計画.
#[component]
pub(super) fn SystemsSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let care_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::CareInsurance)));
    let home_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::HomeCareService)));
    let plan_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::DisasterPlan)));
    view! {
        <fieldset class="form-group" id="patient-systems">
            <legend>"制度の利用"</legend>
            <HelpTip part="制度の利用" entries=&form_help::SYSTEMS/>
            <div class="two-columns">
                <div class="sub-group" class:gap-on=move || care_gap.get()>
                    <SelectInput
                        label=labels::CARE_INSURANCE
                        field=fields::CARE_INSURANCE
                        options=CARE_INSURANCE_OPTIONS
                        value=text_of(form, |f| f.care_insurance.clone())
                        on_change=form.setter(|f, v| f.care_insurance = v)
                        issues
                    />
                    <GapFlag form service=Service::CareInsurance issues/>
                </div>
                <div class="sub-group">
                    <SelectInput
                        label=labels::DISABILITY_CERTIFICATE
                        field=fields::DISABILITY_CERTIFICATE
                        options=CERTIFICATE_OPTIONS
                        value=text_of(form, |f| f.disability_certificate.clone())
                        on_change=form.setter(|f, v| f.disability_certificate = v)
                        issues
                    />
                    <SelectInput
                        label=labels::DISABILITY_SUPPORT_CLASS
                        field=fields::DISABILITY_SUPPORT_CLASS
                        options=SUPPORT_CLASS_OPTIONS
                        value=text_of(form, |f| f.disability_support_class.clone())
                        on_change=form.setter(|f, v| f.disability_support_class = v)
                        issues
                    />
                </div>
                <div class="sub-group" class:gap-on=move || home_gap.get()>
                    <CodeChoice
                        label=labels::HOME_CARE_SERVICE
                        field=fields::HOME_CARE_SERVICE
                        options=YES_NO_OPTIONS
                        value=text_of(form, |f| f.home_care_service.clone())
                        on_change=form.setter(|f, v| f.home_care_service = v)
                        issues
                    />
                    <GapFlag form service=Service::HomeCareService issues/>
                </div>
                <div class="sub-group" class:gap-on=move || plan_gap.get()>
                    <CodeChoice
                        label=labels::DISASTER_PLAN
                        field="disaster_plan__state"
                        options=DISASTER_PLAN_OPTIONS
                        value=text_of(form, |f| f.disaster_plan.state.clone())
                        on_change=form.setter(|f, v| f.disaster_plan.state = v)
                        issues
                    />
                    <label class="field">
                        <span class="label">"策定・見直しの年"</span>
                        <input
                            type="text"
                            name=fields::DISASTER_PLAN
                            data-field=fields::DISASTER_PLAN
                            class="w-m"
                            autocomplete="off"
                            placeholder="例: 2023 / 令和5年"
                            aria-invalid=move || issues.with(|i| i.for_field(fields::DISASTER_PLAN).next().is_some()).then_some("true")
                            prop:value=text_of(form, |f| f.disaster_plan.text.clone())
                            on:input:target=move |ev| {
                                let text = ev.target().value();
                                form.update(|f| f.disaster_plan.type_text(text));
                            }
                        />
                        <span class="hint">"「あり」で年が分からなければ空欄。計画がなければ「なし」"</span>
                        <FieldIssues issues field=fields::DISASTER_PLAN/>
                    </label>
                    <GapFlag form service=Service::DisasterPlan issues/>
                </div>
            </div>
        </fieldset>
    }
}

/// 最終把握時期 and 支援管理区分, and the list of gaps.
#[component]
pub(super) fn ContactSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let gaps = Memo::new(move |_| form.value.with(|f| f.gaps.clone()));
    view! {
        <fieldset class="form-group" id="patient-contact">
            <legend>"保健所の把握"</legend>
            <HelpTip part="保健所の把握" entries=&form_help::CONTACT/>
            <div class="field-row">
                <div class="grow">
                    <TextInput
                        label=labels::LAST_CONTACT
                        field=fields::LAST_CONTACT
                        value=text_of(form, |f| f.last_contact.clone())
                        on_input=form.setter(|f, v| f.last_contact = v)
                        issues
                        multiline=true
                        placeholder="例: 2025年3月5日訪問 / ステーションと2025年4月電話"
                    />
                </div>
                <TextInput
                    label=labels::SUPPORT_CLASS
                    field=fields::SUPPORT_CLASS
                    value=text_of(form, |f| f.support_class.clone())
                    on_input=form.setter(|f, v| f.support_class = v)
                    issues
                    class="w-s"
                    hint="保健所の区分"
                />
            </div>
            <div class="gap-list" data-testid="gap-list">
                <span class="label">"ギャップ（ピンクの項目）"</span>
                {move || gaps.with(|g| if g.is_empty() {
                    view! { <p class="hint">"なし。各項目の「ギャップ」にチェックすると一覧でピンクになります。"</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {g.iter().map(|gap| {
                                let note = gap.note.trim().to_string();
                                view! {
                                    <li>
                                        <b>{gap.service.label()}</b>
                                        {(!note.is_empty()).then(|| format!("：{note}"))}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })}
                <FieldIssues issues field=fields::GAPS/>
            </div>
        </fieldset>
    }
}
