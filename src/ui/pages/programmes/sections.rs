//! The sections of the 様式2 form: name, counts, 概要と評価, and the 協議会 and センター
//! sections of their rows; last year's values beside this year's.

use crate::domain::fiscal_year::FiscalYear;
// The seed's example of a 課題 (given for 在宅人工呼吸器使用患者支援事業).
use crate::domain::forms::form_help::{self, CHALLENGE_EXAMPLE};
use crate::domain::issues::Issues;
use crate::domain::programmes::form::fields;
use crate::domain::programmes::sheet::{
    center_operation_from_value, center_operation_options, center_operation_value, council_unit_from_value,
    council_unit_options, council_unit_value, count_display, implemented_from_value, implemented_options,
    implemented_value, related_meeting_options,
};
use crate::domain::programmes::{
    implemented_label, CenterActivity, CouncilUnit, Programme, ProgrammeForm, StandardProgramme,
};
use crate::ui::components::{ChoiceInput, FieldIssues, TextInput};
use crate::ui::form::FormState;
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// 事業名〔実施主体〕 (the name only for a 独自事業).
#[component]
pub(super) fn NameSection(
    form: FormState<ProgrammeForm>,
    issues: Signal<Issues>,
    standard: Option<StandardProgramme>,
) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"事業名〔実施主体〕"</legend>
            {standard.is_none().then(|| view! {
                <TextInput
                    label="事業名"
                    field=fields::NAME
                    value=form.field(|f| f.name.clone())
                    on_input=form.setter(|f, v| f.name = v)
                    issues
                    class="w-l"
                    placeholder="例: 難病患者在宅レスパイト事業"
                />
            })}
            <TextInput
                label="実施主体"
                field=fields::OPERATOR
                value=form.field(|f| f.operator.clone())
                on_input=form.setter(|f, v| f.operator = v)
                issues
                class="w-l"
                placeholder="例: 都道府県"
            />
        </fieldset>
    }
}

/// 実施の有無と実施件数, with last year's beside them.
#[component]
pub(super) fn CountsSection(
    form: FormState<ProgrammeForm>,
    issues: Signal<Issues>,
    fiscal_year: FiscalYear,
    previous: Memo<Option<(FiscalYear, Programme)>>,
) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>{format!("実施の有無と実施件数（{}）", fiscal_year.wareki())}</legend>
            <HelpTip part="実施の有無と実施件数" entries=&form_help::PROGRAMME_STATUS/>
            <div class="field-row">
                <ChoiceInput
                    label="実施"
                    field=fields::IMPLEMENTED
                    options=implemented_options()
                    value=form.field(|f| implemented_value(f.implemented).to_string())
                    on_change=form.setter(|f, v| f.implemented = implemented_from_value(&v))
                    issues
                />
                <TextInput
                    label="(1) 管轄地域（件）"
                    field=fields::COUNT_LOCAL
                    value=form.field(|f| f.count_local.clone())
                    on_input=form.setter(|f, v| f.count_local = v)
                    issues
                    inputmode="numeric"
                    class="w-s"
                    hint="空欄＝未入力、0件なら0"
                />
                <TextInput
                    label="(2) 都道府県全体（件）"
                    field=fields::COUNT_PREFECTURE
                    value=form.field(|f| f.count_prefecture.clone())
                    on_input=form.setter(|f, v| f.count_prefecture = v)
                    issues
                    inputmode="numeric"
                    class="w-s"
                    hint="どちらも分かれば両方を入力"
                />
                {move || previous.get().map(|(fy, p)| view! {
                    <div class="previous-box" data-testid="previous-counts">
                        <span class="label">{format!("前年度（{}）", fy.wareki())}</span>
                        <span>{format!("実施 {}", implemented_label(p.implemented))}</span>
                        <span>{format!("(1) 管轄地域 {}", count_display(p.count_local))}</span>
                        <span>{format!("(2) 都道府県全体 {}", count_display(p.count_prefecture))}</span>
                    </div>
                })}
            </div>
        </fieldset>
    }
}

/// 事業の概要と評価 (成果 and 課題 with last year's).
#[component]
pub(super) fn SummarySection(
    form: FormState<ProgrammeForm>,
    issues: Signal<Issues>,
    previous: Memo<Option<(FiscalYear, Programme)>>,
    standard: Option<StandardProgramme>,
) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"事業の概要と評価"</legend>
            <HelpTip part="成果と課題" entries=&form_help::PROGRAMME_EVALUATION/>
            <TextInput
                label="事業の概要"
                field=fields::SUMMARY
                value=form.field(|f| f.summary.clone())
                on_input=form.setter(|f, v| f.summary = v)
                issues
                multiline=true
            />
            <WithPrevious previous label="成果" pick=|p: &Programme| p.outcome.clone()>
                <TextInput
                    label="成果"
                    field=fields::OUTCOME
                    value=form.field(|f| f.outcome.clone())
                    on_input=form.setter(|f, v| f.outcome = v)
                    issues
                    multiline=true
                />
            </WithPrevious>
            <WithPrevious previous label="課題" pick=|p: &Programme| p.challenge.clone()>
                <TextInput
                    label="課題"
                    field=fields::CHALLENGE
                    value=form.field(|f| f.challenge.clone())
                    on_input=form.setter(|f, v| f.challenge = v)
                    issues
                    multiline=true
                    hint=if standard == Some(StandardProgramme::VentilatorNursing) { CHALLENGE_EXAMPLE } else { "" }
                />
            </WithPrevious>
        </fieldset>
    }
}

/// The checkbox's `name` (as the record's field path).
fn activity_field(activity: CenterActivity) -> &'static str {
    match activity {
        CenterActivity::Consultation => "center.activities.consultation",
        CenterActivity::Lectures => "center.activities.lectures",
        CenterActivity::Employment => "center.activities.employment",
        CenterActivity::PeerSupport => "center.activities.peer_support",
        CenterActivity::Other => "center.activities.other",
    }
}

/// A field with last year's text beside it (when there is a last year).
#[component]
fn WithPrevious(
    previous: Memo<Option<(FiscalYear, Programme)>>,
    label: &'static str,
    pick: fn(&Programme) -> String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="with-previous" class:has-previous=move || previous.with(Option::is_some)>
            <div class="this-year">{children()}</div>
            {move || previous.get().map(|(fy, p)| {
                let text = pick(&p);
                view! {
                    <div class="previous-text" data-testid=format!("previous-{label}")>
                        <span class="label">{format!("前年度（{}）の{label}", fy.wareki())}</span>
                        {if text.trim().is_empty() {
                            view! { <p class="unentered">"未入力"</p> }.into_any()
                        } else {
                            view! { <p>{text}</p> }.into_any()
                        }}
                    </div>
                }
            })}
        </div>
    }
}

/// 難病対策地域協議会 section.
#[component]
pub(super) fn CouncilSection(
    form: FormState<ProgrammeForm>,
    issues: Signal<Issues>,
    fiscal_year: FiscalYear,
) -> impl IntoView {
    let meetings_label = format!("【{}開催】回/年", fiscal_year.wareki());
    let meetings_invalid = move || issues.with(|i| i.field_has_error(fields::COUNCIL_MEETINGS));
    view! {
        <fieldset class="form-group council" data-testid="council">
            <legend>"難病対策地域協議会"</legend>
            <HelpTip part="難病対策地域協議会" entries=&form_help::PROGRAMME_COUNCIL/>
            <ChoiceInput
                label="なしの場合 関連する会議"
                field=fields::COUNCIL_RELATED_MEETING
                options=related_meeting_options()
                value=form.field(|f| implemented_value(f.council.related_meeting).to_string())
                on_change=form.setter(|f, v| f.council.related_meeting = implemented_from_value(&v))
                issues
                hint="協議会がない（実施 0 無）場合に、関連する会議があるかを選びます"
            />
            <div class="field-row">
                <TextInput
                    label="【初回】開催年度"
                    field=fields::COUNCIL_FIRST_YEAR
                    value=form.field(|f| f.council.first_year.clone())
                    on_input=form.setter(|f, v| f.council.first_year = v)
                    issues
                    class="w-m"
                    placeholder="例: 平成28年度 / 2016"
                    hint="西暦または和暦"
                />
                <label class="field">
                    <span class="label">{meetings_label}</span>
                    <input
                        type="text"
                        name=fields::COUNCIL_MEETINGS
                        data-field=fields::COUNCIL_MEETINGS
                        class="w-s"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || meetings_invalid().then_some("true")
                        prop:value=form.field(|f| f.council.meetings_this_year.clone())
                        on:input:target=move |ev| form.update(|f| f.council.meetings_this_year = ev.target().value())
                    />
                    <span class="hint">"空欄＝未入力、開催なしは0"</span>
                    <FieldIssues issues field=fields::COUNCIL_MEETINGS/>
                </label>
            </div>
            <div class="field-row">
                <ChoiceInput
                    label="【設置単位】"
                    field="council.unit"
                    options=council_unit_options()
                    value=form.field(|f| council_unit_value(f.council.unit).to_string())
                    on_change=form.setter(|f, v| f.council.unit = council_unit_from_value(&v))
                    issues
                />
                <div class:muted=move || form.value.with(|f| f.council.unit != Some(CouncilUnit::Other))>
                    <TextInput
                        label="その他の内容"
                        field=fields::COUNCIL_UNIT_OTHER
                        value=form.field(|f| f.council.unit_other.clone())
                        on_input=form.setter(|f, v| f.council.unit_other = v)
                        issues
                        class="w-m"
                        placeholder="例: 二次医療圏単位"
                    />
                </div>
            </div>
            <TextInput
                label="【議題及び実施状況等】"
                field=fields::COUNCIL_AGENDA
                value=form.field(|f| f.council.agenda.clone())
                on_input=form.setter(|f, v| f.council.agenda = v)
                issues
                multiline=true
            />
        </fieldset>
    }
}

/// 難病相談支援センター section.
#[component]
pub(super) fn CenterSection(form: FormState<ProgrammeForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group center" data-testid="center">
            <legend>"難病相談支援センター"</legend>
            <HelpTip part="難病相談支援センター" entries=&form_help::PROGRAMME_COUNCIL/>
            <div class="field-row">
                <ChoiceInput
                    label="運営方法"
                    field="center.operation"
                    options=center_operation_options()
                    value=form.field(|f| center_operation_value(f.center.operation).to_string())
                    on_change=form.setter(|f, v| f.center.operation = center_operation_from_value(&v))
                    issues
                />
                <TextInput
                    label="委託先"
                    field=fields::CENTER_CONTRACTOR
                    value=form.field(|f| f.center.contractor.clone())
                    on_input=form.setter(|f, v| f.center.contractor = v)
                    issues
                    class="w-l"
                    placeholder="委託の場合"
                />
            </div>
            <fieldset class="field checks" data-field="center.activities">
                <legend class="label">"【実施事業】"</legend>
                <div class="check-list">
                    {CenterActivity::ALL
                        .into_iter()
                        .map(|activity| {
                            let name = activity_field(activity);
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        name=name
                                        prop:checked=move || form.value.with(|f| f.center.activities.get(activity))
                                        on:change:target=move |ev| {
                                            let checked = ev.target().checked();
                                            form.update(|f| f.center.activities.set(activity, checked));
                                        }
                                    />
                                    <span>{activity.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class:muted=move || form.value.with(|f| !f.center.activities.other)>
                <TextInput
                    label="その他の内容"
                    field=fields::CENTER_OTHER_TEXT
                    value=form.field(|f| f.center.activities.other_text.clone())
                    on_input=form.setter(|f, v| f.center.activities.other_text = v)
                    issues
                    class="w-l"
                    placeholder="例: 患者会支援"
                />
            </div>
        </fieldset>
    }
}
