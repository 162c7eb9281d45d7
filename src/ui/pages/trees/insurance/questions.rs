//! The questions of the flow, one fieldset each in the chart's order; each marks what the
//! decision still needs and what came from 様式1.

use super::{Ask, Prefilled, YesNo};
use crate::domain::insurance::choices::{
    grade_from, grade_value, set_table8_choice, table7_option_label, table8_choice, table8_state_key, tri_from,
    tri_value, FUNCTION_GRADE_CHOICES, HOEHN_YAHR_CHOICES, NONE, SOME, UNKNOWN,
};
use crate::domain::insurance::{fields, SpecifiedDisease, Table7Disease, Table8State};
use crate::domain::patient::AgeBand;
use crate::domain::tri::Tri;
use leptos::prelude::*;

/// 1. 別表第７の疾病等 (パーキンソン病なら重症度と生活機能障害度) と人工呼吸器.
#[component]
pub fn Table7Step(ask: Ask) -> impl IntoView {
    let is_parkinson = Memo::new(move |_| ask.form.with(|f| f.table7_disease == Tri::Value(Table7Disease::Parkinson)));
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::TABLE7_DISEASE.0).get() data-field="table7_disease">
            <legend>"1. 厚生労働大臣が定める疾病等（別表第７）ですか"</legend>
            <Prefilled on=ask.prefilled(fields::TABLE7_DISEASE.0)/>
            <p class="hint">"※2 要介護者・要支援者であっても、医療保険で訪問看護が行われます"</p>
            <label class="field">
                <span class="label">"疾病"</span>
                <select
                    name="table7_disease"
                    prop:value=move || ask.form.with(|f| tri_value(&f.table7_disease, &Table7Disease::ALL))
                    on:change:target=move |ev| {
                        let v = tri_from(&ev.target().value(), &Table7Disease::ALL);
                        ask.form.update(|f| f.set_table7_disease(v));
                    }
                >
                    <option value=UNKNOWN>"不明"</option>
                    <option value=NONE>"該当しない"</option>
                    {Table7Disease::ALL.into_iter().enumerate().map(|(i, d)| {
                        view! { <option value=i.to_string()>{table7_option_label(d)}</option> }
                    }).collect_view()}
                </select>
            </label>
            {move || ask.form.with(|f| match &f.table7_disease {
                Tri::Value(d) => d.detail().map(|t| view! { <p class="hint">{format!("（{t}）")}</p> }),
                _ => None,
            })}
            <Show when=move || is_parkinson.get()>
                <div class="field-row">
                    <label class="field" class:missing=move || ask.missing(fields::HOEHN_YAHR.0).get()>
                        <span class="label">{fields::HOEHN_YAHR.1}</span>
                        <select
                            name="hoehn_yahr"
                            prop:value=move || ask.form.with(|f| grade_value(f.hoehn_yahr))
                            on:change:target=move |ev| {
                                let v = grade_from(&ev.target().value());
                                ask.form.update(|f| f.hoehn_yahr = v);
                            }
                        >
                            <option value="">"不明"</option>
                            {HOEHN_YAHR_CHOICES.into_iter().map(|(h, t)| view! { <option value=h.to_string()>{t}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field" class:missing=move || ask.missing(fields::FUNCTION_GRADE.0).get()>
                        <span class="label">{fields::FUNCTION_GRADE.1}</span>
                        <select
                            name="function_grade"
                            prop:value=move || ask.form.with(|f| grade_value(f.function_grade))
                            on:change:target=move |ev| {
                                let v = grade_from(&ev.target().value());
                                ask.form.update(|f| f.function_grade = v);
                            }
                        >
                            <option value="">"不明"</option>
                            {FUNCTION_GRADE_CHOICES.into_iter().map(|(g, t)| view! { <option value=g.to_string()>{t}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
            </Show>
            <div class="field choice" class:missing=move || ask.missing(fields::VENTILATOR.0).get()>
                <span class="label">"人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）"</span>
                <Prefilled on=ask.prefilled(fields::VENTILATOR.0)/>
                <div class="segmented" role="radiogroup" aria-label="人工呼吸器を使用している状態">
                    <YesNo ask name="ventilator" labels=["はい", "いいえ"] get=|f| f.ventilator set=|f, v| f.ventilator = v/>
                </div>
            </div>
        </fieldset>
    }
}

/// 2. 年齢 (or only the 年齢区分).
#[component]
pub fn AgeStep(ask: Ask) -> impl IntoView {
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::AGE.0).get() data-field="age">
            <legend>"2. 利用者は（ ）歳"</legend>
            <Prefilled on=ask.prefilled(fields::AGE.0)/>
            <div class="field-row">
                <label class="field">
                    <span class="label">"年齢（歳）"</span>
                    <input
                        type="text"
                        name="age"
                        class="w-s"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=move || ask.form.with(|f| f.age.clone())
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            ask.form.update(|f| f.age = v);
                        }
                    />
                </label>
                <label class="field">
                    <span class="label">"年齢が分からないときの年齢区分"</span>
                    <select
                        name="age_band"
                        prop:value=move || ask.form.with(|f| f.age_band.map(|b| b.code().to_string()).unwrap_or_default())
                        on:change:target=move |ev| {
                            let v = ev.target().value().parse::<u8>().ok().and_then(AgeBand::from_code);
                            ask.form.update(|f| f.age_band = v);
                        }
                    >
                        <option value="">"不明"</option>
                        {AgeBand::ALL.into_iter().map(|b| view! { <option value=b.code().to_string()>{b.label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="hint">"４０歳未満・４０歳以上６５歳未満・６５歳以上で流れが分かれます"</p>
        </fieldset>
    }
}

/// 3. ２号被保険者の特定疾病.
#[component]
pub fn SpecifiedStep(ask: Ask) -> impl IntoView {
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::SPECIFIED_DISEASE.0).get() data-field="specified_disease">
            <legend id="specified-disease-question">"3. ２号被保険者の特定疾病（※1）がありますか（４０歳以上６５歳未満のとき）"</legend>
            <Prefilled on=ask.prefilled(fields::SPECIFIED_DISEASE.0)/>
            <select
                name="specified_disease"
                aria-labelledby="specified-disease-question"
                prop:value=move || ask.form.with(|f| tri_value(&f.specified_disease, &SpecifiedDisease::ALL))
                on:change:target=move |ev| {
                    let v = tri_from(&ev.target().value(), &SpecifiedDisease::ALL);
                    ask.form.update(|f| f.specified_disease = v);
                }
            >
                <option value=UNKNOWN>"不明"</option>
                <option value=NONE>"該当しない"</option>
                {SpecifiedDisease::ALL.iter().enumerate().map(|(i, d)| view! {
                    <option value=i.to_string()>{format!("{} {}", d.numeral(), d.label())}</option>
                }).collect_view()}
            </select>
        </fieldset>
    }
}

/// 4. 要介護・要支援の認定.
#[component]
pub fn CareStep(ask: Ask) -> impl IntoView {
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::CARE_CERTIFIED.0).get() data-field="care_certified">
            <legend>"4. 介護保険の要介護・要支援の認定を受けていますか"</legend>
            <Prefilled on=ask.prefilled(fields::CARE_CERTIFIED.0)/>
            <div class="segmented" role="radiogroup" aria-label="要介護・要支援の認定">
                <YesNo ask name="care_certified" labels=["あり", "なし"] get=|f| f.care_certified set=|f, v| f.care_certified = v/>
            </div>
        </fieldset>
    }
}

/// 5. 別表第８: 該当あり with the states ticked, 該当なし, 不明.
#[component]
pub fn Table8Step(ask: Ask) -> impl IntoView {
    let table8_choice = Memo::new(move |_| ask.form.with(|f| table8_choice(&f.table8)));
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::TABLE8.0).get() data-field="table8">
            <legend>"5. 別表第８に掲げる状態ですか"</legend>
            <Prefilled on=ask.prefilled(fields::TABLE8.0)/>
            <p class="hint">"医療保険のとき週４日以上・1日複数回の利用ができ、長時間訪問看護の対象にもなります"</p>
            <div class="segmented" role="radiogroup" aria-label="別表第８に掲げる状態">
                {[(SOME, "該当あり"), (NONE, "該当なし"), (UNKNOWN, "不明")].into_iter().map(|(value, text)| view! {
                    <label class="segment" class:selected=move || table8_choice.get() == value>
                        <input
                            type="radio"
                            name="table8"
                            value=value
                            prop:checked=move || table8_choice.get() == value
                            on:change=move |_| ask.form.update(|f| set_table8_choice(f, value))
                        />
                        <span>{text}</span>
                    </label>
                }).collect_view()}
            </div>
            <Show when=move || table8_choice.get() == SOME>
                <div class="table8-states">
                    {[1u8, 2, 3, 4, 5].into_iter().map(|g| view! {
                        <div class="table8-group">
                            <p class="hint">{format!("{g}. {}", Table8State::group_label(g))}</p>
                            <div class="check-list">
                                {Table8State::ALL.into_iter().filter(|s| s.group() == g).map(|s| view! {
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            name=table8_state_key(s)
                                            prop:checked=move || ask.form.with(|f| f.table8.value().is_some_and(|v| v.contains(&s)))
                                            on:change:target=move |ev| {
                                                let on = ev.target().checked();
                                                ask.form.update(|f| f.set_table8_state(s, on));
                                            }
                                        />
                                        <span>{s.label()}</span>
                                    </label>
                                }).collect_view()}
                            </div>
                        </div>
                    }).collect_view()}
                </div>
            </Show>
        </fieldset>
    }
}

/// 6. 週7日間の訪問計画.
#[component]
pub fn PlanStep(ask: Ask) -> impl IntoView {
    view! {
        <fieldset class="question-step" class:missing=move || ask.missing(fields::SEVEN_DAY_PLAN.0).get() data-field="seven_day_plan">
            <legend>"6. 週7日間の訪問計画がありますか"</legend>
            <p class="hint">"医療保険（別表第７・第８）で使えるステーションの数（２か所、計画ありは３か所）が変わります"</p>
            <div class="segmented" role="radiogroup" aria-label="週7日間の訪問計画">
                <YesNo ask name="seven_day_plan" labels=["あり", "なし"] get=|f| f.seven_day_plan set=|f, v| f.seven_day_plan = v/>
            </div>
        </fieldset>
    }
}

/// 7. 長時間訪問看護 (超重症児, 特別訪問看護指示書).
#[component]
pub fn LongVisitStep(ask: Ask) -> impl IntoView {
    view! {
        <fieldset class="question-step" data-field="long_visit">
            <legend>"7. 長時間訪問看護（90分を越える訪問）の対象か"</legend>
            <div class="field choice" class:missing=move || ask.missing(fields::SEVERE_CHILD.0).get()>
                <span class="label">"15歳未満の超重症児又は準超重症児"</span>
                <div class="segmented" role="radiogroup" aria-label="超重症児又は準超重症児">
                    <YesNo ask name="severe_child" labels=["はい", "いいえ"] get=|f| f.severe_child set=|f, v| f.severe_child = v/>
                </div>
            </div>
            <div class="field choice" class:missing=move || ask.missing(fields::SPECIAL_INSTRUCTION.0).get()>
                <span class="label">"特別訪問看護指示書に係る指定訪問看護を受けている"</span>
                <div class="segmented" role="radiogroup" aria-label="特別訪問看護指示書">
                    <YesNo ask name="special_instruction" labels=["はい", "いいえ"] get=|f| f.special_instruction set=|f, v| f.special_instruction = v/>
                </div>
            </div>
        </fieldset>
    }
}
