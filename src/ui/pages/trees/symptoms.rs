//! 様式1 特定症状: the patient's current 呼吸障害・嚥下障害・構音障害 with where each came
//! from, and taking a finished assessment's outcome over into 様式1 after the nurse confirms
//! (one transaction; the source — which assessment, when, who — is stored with each value).

use super::{PageData, TreePlace};
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::save::{Target, Trashed};
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::proposal::{
    apply_proposal, current_with_source, is_applied, proposal, yes_no_label, ProposalItem, Symptom,
};
use crate::ui::components::ConfirmDialog;
use crate::ui::ctx::Notice;
use crate::ui::editor::{RecordSaver, SaveConflicts};
use leptos::prelude::*;
use std::collections::BTreeSet;

pub fn symptom_key(s: Symptom) -> &'static str {
    match s {
        Symptom::Respiratory => "respiratory",
        Symptom::Swallowing => "swallowing",
        Symptom::Speech => "speech",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct NowRow {
    symptom: Symptom,
    value: &'static str,
    source: Option<(RecordId, String)>,
}

/// 様式1の特定症状（現在）: value and source of each symptom the trees set.
#[component]
pub fn SymptomsNow(data: PageData, patient_id: RecordId) -> impl IntoView {
    let pid = StoredValue::new(patient_id);
    let rows = Memo::new(move |_| {
        let Some((_, p)) = data.patient(&pid.get_value()) else { return Vec::new() };
        Symptom::ALL
            .into_iter()
            .map(|s| {
                let (value, source) = current_with_source(&p, s);
                NowRow {
                    symptom: s,
                    value: yes_no_label(value),
                    source: source.map(|src| {
                        (src.assessment_id.clone(), format!("{}・{}", src.assessed_at.display_jst(), src.assessor))
                    }),
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="card symptoms-now" data-testid="symptoms-now">
            <h2>"様式1の特定症状（現在）"</h2>
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">"特定症状"</th>
                        <th scope="col">"様式1の値"</th>
                        <th scope="col">"根拠"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <tr data-symptom=symptom_key(row.symptom)>
                            <th scope="row">{row.symptom.label()}</th>
                            <td class="symptom-value">{row.value}</td>
                            <td class="symptom-source">
                                {match row.source.clone() {
                                    Some((id, text)) => view! {
                                        <a href=data.href(&TreePlace::Assessment(id))>{format!("判断樹（{text}）")}</a>
                                    }
                                    .into_any(),
                                    None => view! { <span class="unentered">"様式1で入力（判断樹からの反映なし）"</span> }.into_any(),
                                }}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// 様式1への反映: the proposal of a finished assessment, each symptom with a tick, and the
/// confirmation.
#[component]
pub fn ProposalPanel(data: PageData, assessment_id: RecordId, assessment: Assessment) -> impl IntoView {
    let ctx = data.ctx;
    let pid = StoredValue::new(assessment.patient_id.clone());
    let aid = StoredValue::new(assessment_id);
    let proposal = StoredValue::new(proposal(&assessment));
    let patient = Memo::new(move |_| data.patient(&pid.get_value()).map(|(_, p)| p));
    let items = Memo::new(move |_| {
        patient.with(|p| p.as_ref().map(|p| proposal.with_value(|pr| pr.items(p))).unwrap_or_default())
    });
    let applied = Memo::new(move |_| {
        patient.with(|p| p.as_ref().is_some_and(|p| proposal.with_value(|pr| is_applied(p, pr, &aid.get_value()))))
    });
    let accepted: RwSignal<BTreeSet<Symptom>> =
        RwSignal::new(proposal.with_value(|p| Symptom::ALL.into_iter().filter(|s| p.value(*s).is_some()).collect()));
    let confirm = RwSignal::new(false);
    let saver = RecordSaver::detached(ctx, serde_json::Value::Null);
    let heading = proposal.with_value(|p| format!("{}・判断者 {}", p.assessed_at.display_jst(), p.assessor));
    let empty = proposal.with_value(|p| p.is_empty());

    let apply = move || {
        confirm.set(false);
        let id = pid.get_value();
        let Some(record) = ctx.loaded.with_untracked(|l| l.get(&id).cloned()) else {
            ctx.notice.set(Some(Notice::Error("療養者の記録が見つかりません".to_string())));
            return;
        };
        let Ok(mut patient) = record.body_as::<Patient>() else {
            ctx.notice.set(Some(Notice::Error("療養者の記録を読み取れません（データは変えていません）".to_string())));
            return;
        };
        let chosen: Vec<Symptom> = accepted.get_untracked().into_iter().collect();
        let applied = match proposal.with_value(|p| apply_proposal(&mut patient, p, &aid.get_value(), &chosen)) {
            Ok(list) => list,
            Err(e) => {
                ctx.notice.set(Some(Notice::Error(e.to_string())));
                return;
            }
        };
        let names: Vec<&str> = applied.iter().map(|s| s.label()).collect();
        // Only the 特定症状 go onto the latest revision (another tab may have saved 様式1).
        saver.set_base(record.body.to_value());
        let message = format!("様式1に反映しました（{}）", names.join("・"));
        saver.save(Target::Existing(id), patient, Trashed::Refuse, move |_| {
            ctx.notice.set(Some(Notice::Done(message.clone())));
        });
    };
    let heading_for_confirm = heading.clone();
    let confirm_message =
        move || items.with(|list| accepted.with_untracked(|a| confirm_text(list, a, &heading_for_confirm)));

    view! {
        <section class="card proposal" data-testid="proposal">
            <h2>"様式1への反映"</h2>
            <SaveConflicts saver/>
            {if empty {
                view! { <p class="hint">"完了した判断樹がないため、様式1に反映する特定症状はありません。"</p> }.into_any()
            } else {
                view! {
                    <p class="lead">{format!("このアセスメント（{heading}）の結果から、様式1の特定症状を提案します。")}</p>
                    <Show when=move || applied.get()>
                        <p class="applied-line" data-testid="proposal-applied">"この結果は様式1に反映済みです。"</p>
                    </Show>
                    <ProposalTable items accepted/>
                    <div class="buttons">
                        // Already taken over (the domain's `is_applied`): nothing left to confirm.
                        <button
                            type="button"
                            class="primary"
                            class:applied=move || applied.get()
                            data-testid="proposal-apply"
                            disabled=move || applied.get() || accepted.with(BTreeSet::is_empty)
                            on:click=move |_| confirm.set(true)
                        >
                            {move || if applied.get() { "反映済み" } else { "選んだ項目を様式1に反映する" }}
                        </button>
                    </div>
                }
                .into_any()
            }}
            {move || confirm.get().then(|| view! {
                <ConfirmDialog
                    title="様式1への反映".to_string()
                    message=confirm_message()
                    confirm_label="反映する"
                    on_confirm=Callback::new(move |_| apply())
                    on_cancel=Callback::new(move |_| confirm.set(false))
                />
            })}
        </section>
    }
}

/// What the confirmation says: each chosen symptom from its current value to the proposed one.
fn confirm_text(items: &[ProposalItem], accepted: &BTreeSet<Symptom>, heading: &str) -> String {
    let lines: Vec<String> = items
        .iter()
        .filter(|i| accepted.contains(&i.symptom))
        .map(|i| format!("{}: {} → {}", i.symptom.label(), yes_no_label(i.current), yes_no_label(Some(i.proposed))))
        .collect();
    format!(
        "様式1の特定症状を次のとおりにします。根拠としてこのアセスメント（{heading}）を記録します。\n{}",
        lines.join("\n")
    )
}

/// The proposed symptoms, each with a box to take it over.
#[component]
fn ProposalTable(items: Memo<Vec<ProposalItem>>, accepted: RwSignal<BTreeSet<Symptom>>) -> impl IntoView {
    view! {
        <table class="list proposal-table">
            <thead>
                <tr>
                    <th scope="col">"反映する"</th>
                    <th scope="col">"特定症状"</th>
                    <th scope="col">"現在の様式1"</th>
                    <th scope="col">"判断樹の結果"</th>
                    <th scope="col">"根拠"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || items.get() key=|i| format!("{i:?}") let:item>
                    <tr data-symptom=symptom_key(item.symptom) class:changes=item.changes>
                        <td>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    name=format!("accept-{}", symptom_key(item.symptom))
                                    prop:checked=move || accepted.with(|a| a.contains(&item.symptom))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        accepted.update(|a| {
                                            if on {
                                                a.insert(item.symptom);
                                            } else {
                                                a.remove(&item.symptom);
                                            }
                                        });
                                    }
                                />
                                <span class="visually-hidden">{format!("{}を反映する", item.symptom.label())}</span>
                            </label>
                        </td>
                        <th scope="row">{item.symptom.label()}</th>
                        <td>{yes_no_label(item.current)}</td>
                        <td class="proposed">
                            {yes_no_label(Some(item.proposed))}
                            {item.changes.then(|| view! { <span class="tag">"変更"</span> })}
                        </td>
                        <td class="hint">{item.basis.clone()}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}
