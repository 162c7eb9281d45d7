//! A finished assessment as saved: facts, the outcome, the proposal for 様式1, what changed
//! since the previous one, every answer with its checklist, the measurements, the overrides,
//! the メモ — and its printed record.

use super::editor::Editor;
use super::outcome::OutcomeBoxes;
use super::print::{AssessmentPrint, PrintData};
use super::start::patient_label;
use super::symptoms::ProposalPanel;
use super::PageData;
use crate::domain::ids::RecordId;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::{Assessment, AssessmentStatus};
use crate::domain::trees::diff::history_changes;
use crate::domain::trees::history::is_latest_finished;
use crate::domain::trees::rows::{answer_rows, measurement_rows, AnswerRow};
use leptos::prelude::*;

/// A finished assessment as saved.
#[component]
pub(super) fn FinishedView(editor: Editor, data: PageData) -> impl IntoView {
    let a = Memo::new(move |_| editor.value.get());
    let aid = editor.id.get_value();
    let pid = editor.value.with_untracked(|a| a.patient_id.clone());
    let history = {
        let pid = pid.clone();
        Memo::new(move |_| data.history(&pid))
    };
    let latest = {
        let aid = aid.clone();
        Memo::new(move |_| history.with(|h| is_latest_finished(h, &aid)))
    };
    let rows = Memo::new(move |_| a.with(answer_rows));
    let measurements = Memo::new(move |_| a.with(measurement_rows));
    let overrides = Memo::new(move |_| a.with(|a| a.overrides().iter().map(|o| o.describe()).collect::<Vec<_>>()));
    let ids = Memo::new(move |_| a.with(|a| a.outcome.outcome_ids()));
    let patient = {
        let pid = pid.clone();
        Memo::new(move |_| {
            let hide = data.ctx.hide_names.get();
            data.patient(&pid).map(|(_, p)| patient_label(&p, hide)).unwrap_or_else(|| "（療養者不明）".to_string())
        })
    };
    let print_data = PrintData { assessment: a, patient, rows, measurements, overrides, outcomes: ids };
    let proposal_source = Memo::new(move |_| latest.get().then(|| a.get()));
    let reopen = move |_| {
        let draft = editor.value.with_untracked(Assessment::reopen);
        editor.replace(draft, "下書きに戻しました（修正できます）");
    };

    view! {
        <div class="finished-view no-print" data-testid="finished">
            <dl class="assessment-facts">
                <dt>"実施日時"</dt>
                <dd>{move || a.with(|a| a.started_at.display_jst())}</dd>
                <dt>"完了日時"</dt>
                <dd>{move || a.with(|a| a.finished_at.map(Timestamp::display_jst).unwrap_or_default())}</dd>
                <dt>"判断者"</dt>
                <dd data-testid="assessor">{move || a.with(|a| a.assessor.clone())}</dd>
                <dt>"実施した判断樹"</dt>
                <dd>{move || a.with(|a| a.trees_done().iter().map(|t| t.short_label()).collect::<Vec<_>>().join("・"))}</dd>
            </dl>
            <section class="card">
                <h2>"判断結果と対応"</h2>
                <p class="outcome-summary" data-testid="outcome-summary">{move || a.with(|a| a.outcome.summary())}</p>
                <OutcomeBoxes ids=Signal::derive(move || ids.get())/>
            </section>
            {move || proposal_source.get().map(|assessment| {
                view! { <ProposalPanel data assessment_id=editor.id.get_value() assessment/> }
            })}
            <Show when=move || !latest.get()>
                <p class="hint">"より新しい完了したアセスメントがあるため、様式1への反映はそちらから行います。"</p>
            </Show>
            <ChangesSinceLast history aid=aid.clone()/>
            <AnswersTable rows/>
            <Show when=move || measurements.with(|m| !m.is_empty())>
                <section class="card">
                    <h2>"測定値"</h2>
                    <ul class="plain-list measurements-list">
                        {move || measurements.get().into_iter().map(|m| {
                            let abnormal = m.finding.as_ref().is_some_and(|f| f.abnormal);
                            view! {
                            <li class:abnormal=abnormal>
                                {format!("{}: {}", m.label, m.value)}
                                {(!m.note.is_empty()).then(|| format!("（{}）", m.note))}
                                {m.finding.map(|f| view! { <span class="hint block">{f.message}</span> })}
                            </li>
                        }}).collect_view()}
                    </ul>
                </section>
            </Show>
            <Show when=move || overrides.with(|o| !o.is_empty())>
                <section class="card overrides" data-testid="overrides">
                    <h2>"自動判定を手動で変更した項目"</h2>
                    <ul>{move || overrides.get().into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                </section>
            </Show>
            <Show when=move || a.with(|a| !a.notes.trim().is_empty())>
                <section class="card">
                    <h2>"メモ"</h2>
                    <p class="notes">{move || a.with(|a| a.notes.clone())}</p>
                </section>
            </Show>
            <div class="buttons">
                <button type="button" data-testid="reopen" on:click=reopen>"修正する（下書きに戻す）"</button>
            </div>
        </div>
        <AssessmentPrint data=print_data/>
    }
}

/// 回答とチェック項目: every question shown, its answer (経路外 said so) and the lines judged.
#[component]
fn AnswersTable(rows: Memo<Vec<AnswerRow>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"回答とチェック項目"</h2>
            <table class="list answers-table">
                <thead>
                    <tr>
                        <th scope="col">"設問"</th>
                        <th scope="col">"回答"</th>
                        <th scope="col">"チェック項目"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <tr class:off-path=!row.on_path data-question=row.q.key()>
                            <th scope="row">
                                {row.q.full_label()}
                                <span class="hint block">{row.q.def().text}</span>
                            </th>
                            <td>
                                {match (row.answer, row.on_path) {
                                    (Some(ans), true) => ans.label().to_string(),
                                    (Some(ans), false) => format!("{}（経路外・判断に使われていません）", ans.label()),
                                    (None, _) => "—".to_string(),
                                }}
                            </td>
                            <td>
                                <ul class="plain-list">
                                    {row.checks.clone().into_iter().map(|c| view! {
                                        <li class:concern=c.concern>
                                            {format!("{}: {}", c.text, c.label)}
                                            {(!c.how.is_empty()).then(|| view! { <span class="tag">{c.how}</span> })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// 前回からの変化: what changed since the patient's previous finished assessment.
#[component]
fn ChangesSinceLast(history: Memo<Vec<(RecordId, Assessment)>>, aid: RecordId) -> impl IntoView {
    let changes = {
        let aid = aid.clone();
        Memo::new(move |_| history.with(|h| history_changes(h).into_iter().find(|(id, _)| *id == aid).map(|(_, c)| c)))
    };
    let first_finished = {
        let aid = aid.clone();
        Memo::new(move |_| {
            history.with(|h| {
                h.iter().find(|(_, x)| x.status == AssessmentStatus::Finished).is_some_and(|(id, _)| *id == aid)
            })
        })
    };
    view! {
        <section class="card" data-testid="changes">
            <h2>"前回からの変化"</h2>
            {move || match changes.get() {
                None => view! { <p class="hint">"比べるアセスメントがありません。"</p> }.into_any(),
                Some(list) if list.is_empty() => {
                    if first_finished.get() {
                        view! { <p class="hint">"この療養者の最初の完了したアセスメントです。"</p> }.into_any()
                    } else {
                        view! { <p>"前回から変わった点はありません。"</p> }.into_any()
                    }
                }
                Some(list) => view! {
                    <ul class="changes">
                        {list.into_iter().map(|c| view! {
                            <li><span class="tag">{c.area.label()}</span>{c.description}</li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
