//! 訪問看護 介護保険と医療保険どちらをつかうの？ — the seed's flow as questions in the chart's
//! order, prefilled from the patient's 様式1 (`InsuranceForm::from_patient`), and the answer
//! beside them: the insurance, the branch of the chart that applied and why, what may be used
//! (days a week, visits a day, stations), 長時間訪問看護, and what must be found out first.

use super::start::patient_label;
use super::{PageData, TreePlace};
use crate::domain::forms::roster::{roster_indices, RosterFilter, RosterSort};
use crate::domain::ids::RecordId;
use crate::domain::insurance::choices::{
    bool_from, bool_value, grade_from, grade_value, set_table8_choice, still_prefilled, table7_option_label,
    table8_choice, table8_state_key, tri_from, tri_value, FUNCTION_GRADE_CHOICES, HOEHN_YAHR_CHOICES, NONE, SOME,
    UNKNOWN,
};
use crate::domain::insurance::{fields, InsuranceForm, SpecifiedDisease, Table7Disease, Table8State, LONG_VISIT_NOTE};
use crate::domain::patient::AgeBand;
use crate::domain::tri::Tri;
use crate::ui::components::IssueSummary;
use leptos::prelude::*;

#[component]
pub fn InsuranceView(data: PageData, patient_id: Option<RecordId>) -> impl IntoView {
    let ctx = data.ctx;
    let patient = patient_id.as_ref().and_then(|id| {
        ctx.loaded.with_untracked(|l| l.set().live_one::<crate::domain::patient::Patient>(id).map(|(_, p)| p))
    });
    let missing_patient = patient_id.is_some() && patient.is_none();
    let initial = patient.as_ref().map(InsuranceForm::from_patient).unwrap_or_default();
    let start = StoredValue::new(initial.clone());
    let form = RwSignal::new(initial);
    let chosen = patient_id.as_ref().map(ToString::to_string).unwrap_or_default();
    let options = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        data.patients.with(|ps| {
            roster_indices(&ps.bodies, &RosterFilter::default(), RosterSort::default(), hide)
                .into_iter()
                .filter_map(|i| Some((ps.records.get(i)?.meta.id.to_string(), patient_label(ps.bodies.get(i)?, hide))))
                .collect::<Vec<_>>()
        })
    });
    let patient_name = patient.clone();
    let heading_name = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        patient_name.as_ref().map(|p| patient_label(p, hide))
    });
    let decision = Memo::new(move |_| form.with(InsuranceForm::evaluate));
    let issues = Signal::derive(move || decision.with(|d| d.as_ref().err().cloned().unwrap_or_default()));
    let missing_keys = Memo::new(move |_| {
        decision.with(|d| match d {
            Ok(d) => d.missing.iter().chain(d.long_visit.missing.iter()).map(|m| m.field).collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    });
    let is_missing = move |key: &'static str| Signal::derive(move || missing_keys.with(|m| m.contains(&key)));
    let from_record = move |key: &'static str| {
        Signal::derive(move || form.with(|f| start.with_value(|init| still_prefilled(key, f, init))))
    };
    let is_parkinson = Memo::new(move |_| form.with(|f| f.table7_disease == Tri::Value(Table7Disease::Parkinson)));
    let table8_choice = Memo::new(move |_| form.with(|f| table8_choice(&f.table8)));

    let bool3 = move |name: &'static str,
                      labels: [&'static str; 2],
                      get: fn(&InsuranceForm) -> Option<bool>,
                      set: fn(&mut InsuranceForm, Option<bool>)| {
        [("yes", labels[0]), ("no", labels[1]), (UNKNOWN, "不明")]
            .into_iter()
            .map(|(value, text)| {
                view! {
                    <label class="segment" class:selected=move || form.with(|f| bool_value(get(f)) == value)>
                        <input
                            type="radio"
                            name=name
                            value=value
                            prop:checked=move || form.with(|f| bool_value(get(f)) == value)
                            on:change=move |_| form.update(|f| set(f, bool_from(value)))
                        />
                        <span>{text}</span>
                    </label>
                }
            })
            .collect_view()
    };

    view! {
        <section class="trees-insurance" data-testid="insurance">
            <p class="breadcrumb">
                {match patient_id.clone() {
                    Some(id) => view! { <a href=data.href(&TreePlace::Patient(id))>"← 療養者の記録"</a> }.into_any(),
                    None => view! { <a href=data.href(&TreePlace::List)>"← 判断樹の一覧"</a> }.into_any(),
                }}
            </p>
            <div class="page-head">
                <div>
                    <h1>"訪問看護 介護保険と医療保険どちらをつかうの？"</h1>
                    <p class="lead">
                        {move || match heading_name.get() {
                            Some(n) => format!("{n} さん：様式1の記録から分かる項目を入れてあります（「療養者の記録から」の印）。違っていれば直してください。"),
                            None => "質問に答えると、訪問看護に使う保険と利用できる回数が分かります。".to_string(),
                        }}
                    </p>
                    <p class="hint">"「慢性疾患からターミナルケアまで 在宅療養はここがポイント」p11 日本訪問看護財団 2010 を参考に一部改編（難病にかかる訪問看護の制度 まとめ）"</p>
                </div>
            </div>
            {missing_patient.then(|| view! {
                <p class="notice error" role="alert">"この療養者は見つかりません。療養者を選び直してください。"</p>
            })}
            <label class="field">
                <span class="label">"療養者の記録から入力"</span>
                <select
                    name="insurance-patient"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        data.go(&TreePlace::Insurance(RecordId::parse(&v).ok()));
                    }
                >
                    <option value="" selected=chosen.is_empty()>"（選ばずに入力する）"</option>
                    {move || options.get().into_iter().map(|(id, label)| {
                        let selected = id == chosen;
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <div class="insurance-layout">
                <div class="insurance-questions">
                    <fieldset class="question-step" class:missing=move || is_missing(fields::TABLE7_DISEASE.0).get() data-field="table7_disease">
                        <legend>"1. 厚生労働大臣が定める疾病等（別表第７）ですか"</legend>
                        <Prefilled on=from_record(fields::TABLE7_DISEASE.0)/>
                        <p class="hint">"※2 要介護者・要支援者であっても、医療保険で訪問看護が行われます"</p>
                        <label class="field">
                            <span class="label">"疾病"</span>
                            <select
                                name="table7_disease"
                                prop:value=move || form.with(|f| tri_value(&f.table7_disease, &Table7Disease::ALL))
                                on:change:target=move |ev| {
                                    let v = tri_from(&ev.target().value(), &Table7Disease::ALL);
                                    form.update(|f| f.set_table7_disease(v));
                                }
                            >
                                <option value=UNKNOWN>"不明"</option>
                                <option value=NONE>"該当しない"</option>
                                {Table7Disease::ALL.into_iter().enumerate().map(|(i, d)| {
                                    view! { <option value=i.to_string()>{table7_option_label(d)}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        {move || form.with(|f| match &f.table7_disease {
                            Tri::Value(d) => d.detail().map(|t| view! { <p class="hint">{format!("（{t}）")}</p> }),
                            _ => None,
                        })}
                        <Show when=move || is_parkinson.get()>
                            <div class="field-row">
                                <label class="field" class:missing=move || is_missing(fields::HOEHN_YAHR.0).get()>
                                    <span class="label">{fields::HOEHN_YAHR.1}</span>
                                    <select
                                        name="hoehn_yahr"
                                        prop:value=move || form.with(|f| grade_value(f.hoehn_yahr))
                                        on:change:target=move |ev| {
                                            let v = grade_from(&ev.target().value());
                                            form.update(|f| f.hoehn_yahr = v);
                                        }
                                    >
                                        <option value="">"不明"</option>
                                        {HOEHN_YAHR_CHOICES.into_iter().map(|(h, t)| view! { <option value=h.to_string()>{t}</option> }).collect_view()}
                                    </select>
                                </label>
                                <label class="field" class:missing=move || is_missing(fields::FUNCTION_GRADE.0).get()>
                                    <span class="label">{fields::FUNCTION_GRADE.1}</span>
                                    <select
                                        name="function_grade"
                                        prop:value=move || form.with(|f| grade_value(f.function_grade))
                                        on:change:target=move |ev| {
                                            let v = grade_from(&ev.target().value());
                                            form.update(|f| f.function_grade = v);
                                        }
                                    >
                                        <option value="">"不明"</option>
                                        {FUNCTION_GRADE_CHOICES.into_iter().map(|(g, t)| view! { <option value=g.to_string()>{t}</option> }).collect_view()}
                                    </select>
                                </label>
                            </div>
                        </Show>
                        <div class="field choice" class:missing=move || is_missing(fields::VENTILATOR.0).get()>
                            <span class="label">"人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）"</span>
                            <Prefilled on=from_record(fields::VENTILATOR.0)/>
                            <div class="segmented" role="radiogroup" aria-label="人工呼吸器を使用している状態">
                                {bool3("ventilator", ["はい", "いいえ"], |f| f.ventilator, |f, v| f.ventilator = v)}
                            </div>
                        </div>
                    </fieldset>

                    <fieldset class="question-step" class:missing=move || is_missing(fields::AGE.0).get() data-field="age">
                        <legend>"2. 利用者は（ ）歳"</legend>
                        <Prefilled on=from_record(fields::AGE.0)/>
                        <div class="field-row">
                            <label class="field">
                                <span class="label">"年齢（歳）"</span>
                                <input
                                    type="text"
                                    name="age"
                                    class="w-s"
                                    inputmode="numeric"
                                    autocomplete="off"
                                    prop:value=move || form.with(|f| f.age.clone())
                                    on:input:target=move |ev| {
                                        let v = ev.target().value();
                                        form.update(|f| f.age = v);
                                    }
                                />
                            </label>
                            <label class="field">
                                <span class="label">"年齢が分からないときの年齢区分"</span>
                                <select
                                    name="age_band"
                                    prop:value=move || form.with(|f| f.age_band.map(|b| b.code().to_string()).unwrap_or_default())
                                    on:change:target=move |ev| {
                                        let v = ev.target().value().parse::<u8>().ok().and_then(AgeBand::from_code);
                                        form.update(|f| f.age_band = v);
                                    }
                                >
                                    <option value="">"不明"</option>
                                    {AgeBand::ALL.into_iter().map(|b| view! { <option value=b.code().to_string()>{b.label()}</option> }).collect_view()}
                                </select>
                            </label>
                        </div>
                        <p class="hint">"４０歳未満・４０歳以上６５歳未満・６５歳以上で流れが分かれます"</p>
                    </fieldset>

                    <fieldset class="question-step" class:missing=move || is_missing(fields::SPECIFIED_DISEASE.0).get() data-field="specified_disease">
                        <legend>"3. ２号被保険者の特定疾病（※1）がありますか（４０歳以上６５歳未満のとき）"</legend>
                        <Prefilled on=from_record(fields::SPECIFIED_DISEASE.0)/>
                        <select
                            name="specified_disease"
                            prop:value=move || form.with(|f| tri_value(&f.specified_disease, &SpecifiedDisease::ALL))
                            on:change:target=move |ev| {
                                let v = tri_from(&ev.target().value(), &SpecifiedDisease::ALL);
                                form.update(|f| f.specified_disease = v);
                            }
                        >
                            <option value=UNKNOWN>"不明"</option>
                            <option value=NONE>"該当しない"</option>
                            {SpecifiedDisease::ALL.iter().enumerate().map(|(i, d)| view! {
                                <option value=i.to_string()>{format!("{} {}", d.numeral(), d.label())}</option>
                            }).collect_view()}
                        </select>
                    </fieldset>

                    <fieldset class="question-step" class:missing=move || is_missing(fields::CARE_CERTIFIED.0).get() data-field="care_certified">
                        <legend>"4. 介護保険の要介護・要支援の認定を受けていますか"</legend>
                        <Prefilled on=from_record(fields::CARE_CERTIFIED.0)/>
                        <div class="segmented" role="radiogroup" aria-label="要介護・要支援の認定">
                            {bool3("care_certified", ["あり", "なし"], |f| f.care_certified, |f, v| f.care_certified = v)}
                        </div>
                    </fieldset>

                    <fieldset class="question-step" class:missing=move || is_missing(fields::TABLE8.0).get() data-field="table8">
                        <legend>"5. 別表第８に掲げる状態ですか"</legend>
                        <Prefilled on=from_record(fields::TABLE8.0)/>
                        <p class="hint">"医療保険のとき週４日以上・1日複数回の利用ができ、長時間訪問看護の対象にもなります"</p>
                        <div class="segmented" role="radiogroup" aria-label="別表第８に掲げる状態">
                            {[(SOME, "該当あり"), (NONE, "該当なし"), (UNKNOWN, "不明")].into_iter().map(|(value, text)| view! {
                                <label class="segment" class:selected=move || table8_choice.get() == value>
                                    <input
                                        type="radio"
                                        name="table8"
                                        value=value
                                        prop:checked=move || table8_choice.get() == value
                                        on:change=move |_| form.update(|f| set_table8_choice(f, value))
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
                                                        prop:checked=move || form.with(|f| f.table8.value().is_some_and(|v| v.contains(&s)))
                                                        on:change:target=move |ev| {
                                                            let on = ev.target().checked();
                                                            form.update(|f| f.set_table8_state(s, on));
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

                    <fieldset class="question-step" class:missing=move || is_missing(fields::SEVEN_DAY_PLAN.0).get() data-field="seven_day_plan">
                        <legend>"6. 週7日間の訪問計画がありますか"</legend>
                        <p class="hint">"医療保険（別表第７・第８）で使えるステーションの数（２か所、計画ありは３か所）が変わります"</p>
                        <div class="segmented" role="radiogroup" aria-label="週7日間の訪問計画">
                            {bool3("seven_day_plan", ["あり", "なし"], |f| f.seven_day_plan, |f, v| f.seven_day_plan = v)}
                        </div>
                    </fieldset>

                    <fieldset class="question-step" data-field="long_visit">
                        <legend>"7. 長時間訪問看護（90分を越える訪問）の対象か"</legend>
                        <div class="field choice" class:missing=move || is_missing(fields::SEVERE_CHILD.0).get()>
                            <span class="label">"15歳未満の超重症児又は準超重症児"</span>
                            <div class="segmented" role="radiogroup" aria-label="超重症児又は準超重症児">
                                {bool3("severe_child", ["はい", "いいえ"], |f| f.severe_child, |f, v| f.severe_child = v)}
                            </div>
                        </div>
                        <div class="field choice" class:missing=move || is_missing(fields::SPECIAL_INSTRUCTION.0).get()>
                            <span class="label">"特別訪問看護指示書に係る指定訪問看護を受けている"</span>
                            <div class="segmented" role="radiogroup" aria-label="特別訪問看護指示書">
                                {bool3("special_instruction", ["はい", "いいえ"], |f| f.special_instruction, |f, v| f.special_instruction = v)}
                            </div>
                        </div>
                    </fieldset>
                </div>

                <aside class="insurance-result" aria-live="polite" data-testid="insurance-result">
                    <IssueSummary issues/>
                    {move || decision.get().ok().map(|d| {
                        let insurance = d.insurance;
                        view! {
                            <div class="result-head" class:undecided=insurance.is_none()>
                                <p class="result-insurance" data-testid="insurance-answer">
                                    {match insurance {
                                        Some(i) => format!("▼ {}", i.label()),
                                        None => "まだ判定できません".to_string(),
                                    }}
                                </p>
                                {d.rule.map(|r| view! { <p class="result-rule" data-testid="insurance-rule">{r.label()}</p> })}
                            </div>
                            {(!d.reasons.is_empty()).then(|| view! {
                                <section>
                                    <h3>"理由"</h3>
                                    <ul data-testid="insurance-reasons">{d.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                                </section>
                            })}
                            <section>
                                <h3>"利用できる訪問看護"</h3>
                                {if d.limit_lines.is_empty() {
                                    view! { <p class="hint">"下の項目が分かると決まります"</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="limits" data-testid="insurance-limits">
                                            {d.limit_lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                                        </ul>
                                    }
                                    .into_any()
                                }}
                            </section>
                            {(!d.missing.is_empty()).then(|| view! {
                                <section class="missing-list" data-testid="insurance-missing">
                                    <h3>"確認が必要な項目"</h3>
                                    <ul>{d.missing.iter().map(|m| view! { <li><strong>{m.label}</strong>{format!("：{}", m.why)}</li> }).collect_view()}</ul>
                                </section>
                            })}
                            <section data-testid="long-visit">
                                <h3>"長時間訪問看護"</h3>
                                <p>
                                    {match (d.long_visit.eligible, d.long_visit.per_week) {
                                        (Some(true), Some(n)) => format!("対象（週{n}回まで加算できます）"),
                                        (Some(true), None) => "対象".to_string(),
                                        (Some(false), _) => "対象外".to_string(),
                                        (None, _) => "まだ判断できません".to_string(),
                                    }}
                                </p>
                                {(!d.long_visit.grounds.is_empty()).then(|| view! {
                                    <ul>{d.long_visit.grounds.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul>
                                })}
                                {(!d.long_visit.missing.is_empty()).then(|| view! {
                                    <ul class="hint">{d.long_visit.missing.iter().map(|m| view! { <li>{format!("{}：{}", m.label, m.why)}</li> }).collect_view()}</ul>
                                })}
                            </section>
                            {(!d.notes.is_empty()).then(|| view! {
                                <ul class="notes">{d.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                            })}
                            <p class="hint">{LONG_VISIT_NOTE}</p>
                        }
                    })}
                </aside>
            </div>
        </section>
    }
}

/// 「療養者の記録から」: the value came from 様式1 and is unchanged.
#[component]
fn Prefilled(on: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || on.get()>
            <span class="tag prefilled">"療養者の記録から"</span>
        </Show>
    }
}
