//! 測定値: rows of measured values (体位・状況・メモ) that tick the ※ lines of 呼吸障害 Q1, with
//! 性別・年齢 for the 標準肺活量.

use super::editor::Editor;
use crate::domain::trees::measure::{MeasureKind, Measurement, Posture, Sex, Situation};
use crate::ui::components::FieldIssues;
use leptos::prelude::*;

fn measure_key(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::RespiratoryRate => "respiratory_rate",
        MeasureKind::Pulse => "pulse",
        MeasureKind::Spo2 => "spo2",
        MeasureKind::PercentVc => "percent_vc",
        MeasureKind::VitalCapacity => "vital_capacity",
        MeasureKind::PeakCoughFlow => "peak_cough_flow",
        MeasureKind::Ph => "ph",
        MeasureKind::Pao2 => "pao2",
        MeasureKind::Paco2 => "paco2",
        MeasureKind::Co2 => "co2",
    }
}

fn posture_value(p: Option<Posture>) -> &'static str {
    match p {
        Some(Posture::Sitting) => "sitting",
        Some(Posture::Lying) => "lying",
        None => "",
    }
}

fn situation_value(s: Option<Situation>) -> &'static str {
    match s {
        Some(Situation::Rest) => "rest",
        Some(Situation::AfterExertion) => "after_exertion",
        None => "",
    }
}

/// 測定値: rows of values that tick the ※ lines of 呼吸障害 Q1.
#[component]
pub(super) fn Measurements(editor: Editor) -> impl IntoView {
    let rows = Memo::new(move |_| {
        editor.value.with(|a| a.measurements.iter().enumerate().map(|(i, m)| (i, m.kind)).collect::<Vec<_>>())
    });
    let added = StoredValue::new(None::<usize>);
    view! {
        <fieldset class="measurements" data-testid="measurements">
            <legend>"測定値（※の項目を基準値で自動チェックします）"</legend>
            <p class="hint">
                "値を入れると、基準値から外れた項目に「該当」が付きます。自動の判定は下のチェック項目で変更できます（変更は記録されます）。測定したときの体位と状況も記録してください。"
            </p>
            <div class="measure-add" role="group" aria-label="測定値を追加">
                {MeasureKind::ALL
                    .into_iter()
                    .map(|kind| view! {
                        <button
                            type="button"
                            data-add=measure_key(kind)
                            on:click=move |_| editor.edit_now(|a| {
                                added.set_value(Some(a.add_measurement(kind)));
                            })
                        >
                            {format!("＋ {}", kind.label())}
                        </button>
                    })
                    .collect_view()}
            </div>
            <For each=move || rows.get() key=|r| *r let:row>
                <MeasureRow editor index=row.0 kind=row.1 added/>
            </For>
            <div class="field-row subject">
                <fieldset class="field choice">
                    <legend class="label">"性別（標準肺活量との比較に使います）"</legend>
                    <div class="segmented small">
                        {[(Some(Sex::Male), "男"), (Some(Sex::Female), "女"), (None, "未入力")]
                            .into_iter()
                            .map(|(sex, label)| view! {
                                <label class="segment" class:selected=move || editor.value.with(|a| a.sex == sex)>
                                    <input
                                        type="radio"
                                        name="sex"
                                        value=label
                                        prop:checked=move || editor.value.with(|a| a.sex == sex)
                                        on:change=move |_| editor.edit_now(|a| a.set_sex(sex))
                                    />
                                    <span>{label}</span>
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <label class="field">
                    <span class="label">"年齢（歳）"</span>
                    <input
                        type="text"
                        name="age"
                        class="w-s"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || editor.issues.with(|i| i.field_has_error("age")).then_some("true")
                        prop:value=move || editor.value.with(|a| a.age.clone())
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            editor.edit(|a| a.set_age(&v));
                        }
                        on:change=move |_| editor.flush()
                    />
                    <FieldIssues issues=editor.issues field="age"/>
                </label>
            </div>
        </fieldset>
    }
}

#[component]
fn MeasureRow(editor: Editor, index: usize, kind: MeasureKind, added: StoredValue<Option<usize>>) -> impl IntoView {
    let m = Memo::new(move |_| editor.value.with(|a| a.measurements.get(index).cloned()));
    let finding =
        Memo::new(move |_| editor.findings.with(|f| f.iter().find(|(i, _)| *i == index).map(|(_, f)| f.clone())));
    let field = format!("measurements.{index}");
    let input = NodeRef::<leptos::html::Input>::new();
    input.on_load(move |el| {
        if added.get_value() == Some(index) {
            added.set_value(None);
            let _ = el.focus();
        }
    });
    let unit = kind.unit();
    let label = if unit.is_empty() { kind.label().to_string() } else { format!("{}（{unit}）", kind.label()) };
    view! {
        <div
            class="measure-row"
            data-kind=measure_key(kind)
            data-index=index
            class:abnormal=move || finding.with(|f| f.as_ref().and_then(|f| f.abnormal) == Some(true))
        >
            <div class="measure-value">
                <label class="field">
                    <span class="label">{label}</span>
                    <input
                        type="text"
                        name=format!("measure-{index}")
                        class="w-s"
                        inputmode="decimal"
                        autocomplete="off"
                        node_ref=input
                        aria-invalid=move || editor.issues.with(|i| i.field_has_error(&format!("measurements.{index}"))).then_some("true")
                        prop:value=move || m.with(|m| m.as_ref().map(|m| m.text.clone()).unwrap_or_default())
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            editor.edit(|a| {
                                a.set_measurement_text(index, &v);
                            });
                        }
                        on:change=move |_| editor.flush()
                    />
                </label>
                {kind.allows_unmeasurable().then(|| view! {
                    <button type="button" class="small" on:click=move |_| editor.edit_now(|a| {
                        a.set_measurement_text(index, "測定不能");
                    })>"測定不能"</button>
                })}
            </div>
            <MeasureContext editor index m/>
            <label class="field measure-note">
                <span class="visually-hidden">"メモ"</span>
                <input
                    type="text"
                    name=format!("measure-{index}-note")
                    autocomplete="off"
                    placeholder="メモ（例: 酸素投与中、夜間）"
                    prop:value=move || m.with(|m| m.as_ref().map(|m| m.note.clone()).unwrap_or_default())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        editor.edit(|a| {
                            if let Some(mut next) = a.measurements.get(index).cloned() {
                                next.note = v;
                                a.update_measurement(index, next);
                            }
                        });
                    }
                    on:change=move |_| editor.flush()
                />
            </label>
            <button type="button" class="link remove" on:click=move |_| editor.edit_now(|a| {
                a.remove_measurement(index);
            })>"この行を削除"</button>
            <p class="reference hint">{kind.reference()}</p>
            {move || finding.get().map(|f| view! {
                <p class="finding" class:abnormal=f.abnormal == Some(true) data-testid="finding">
                    {f.message.clone()}
                    {f.attention.map(|a| view! { <strong class="attention">{format!("（{}）", a.label())}</strong> })}
                </p>
            })}
            <FieldIssues issues=editor.issues field=field.clone()/>
        </div>
    }
}

/// 体位 and 状況 of one measurement (or 未記録).
#[component]
fn MeasureContext(editor: Editor, index: usize, m: Memo<Option<Measurement>>) -> impl IntoView {
    let radio = move |group: &'static str,
                      value: &'static str,
                      text: &'static str,
                      selected: Signal<bool>,
                      set: Callback<()>| {
        view! {
            <label class="segment" class:selected=move || selected.get()>
                <input
                    type="radio"
                    name=format!("measure-{index}-{group}")
                    value=value
                    prop:checked=move || selected.get()
                    on:change=move |_| set.run(())
                />
                <span>{text}</span>
            </label>
        }
    };
    let posture_is =
        move |p: Option<Posture>| Signal::derive(move || m.with(|m| m.as_ref().map(|m| m.posture) == Some(p)));
    let situation_is =
        move |s: Option<Situation>| Signal::derive(move || m.with(|m| m.as_ref().map(|m| m.situation) == Some(s)));
    let set_posture = move |p: Option<Posture>| {
        Callback::new(move |_| {
            editor.edit_now(|a| {
                a.set_measurement_posture(index, p);
            })
        })
    };
    let set_situation = move |s: Option<Situation>| {
        Callback::new(move |_| {
            editor.edit_now(|a| {
                a.set_measurement_situation(index, s);
            })
        })
    };
    view! {
        <fieldset class="segmented small" aria-label="体位">
            {radio("posture", posture_value(Some(Posture::Sitting)), "座位", posture_is(Some(Posture::Sitting)), set_posture(Some(Posture::Sitting)))}
            {radio("posture", posture_value(Some(Posture::Lying)), "臥位", posture_is(Some(Posture::Lying)), set_posture(Some(Posture::Lying)))}
            {radio("posture", posture_value(None), "体位未記録", posture_is(None), set_posture(None))}
        </fieldset>
        <fieldset class="segmented small" aria-label="状況">
            {radio("situation", situation_value(Some(Situation::Rest)), "安静時", situation_is(Some(Situation::Rest)), set_situation(Some(Situation::Rest)))}
            {radio("situation", situation_value(Some(Situation::AfterExertion)), "労作後", situation_is(Some(Situation::AfterExertion)), set_situation(Some(Situation::AfterExertion)))}
            {radio("situation", situation_value(None), "状況未記録", situation_is(None), set_situation(None))}
        </fieldset>
    }
}
