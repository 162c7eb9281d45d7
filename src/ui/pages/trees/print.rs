//! The printed record of one finished assessment (A4 portrait): the patient's ID番号, 日時,
//! 判断者, the outcome, every answer with its checklist, the measurements, the lines whose
//! automatic judgement was changed by hand, the メモ and the outcome boxes with their actions.
//! Only shows on paper.

use super::outcome::OutcomeBoxes;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::data::OutcomeId;
use crate::domain::trees::rows::{tree_titles, AnswerRow, MeasurementRow};
use crate::ui::platform;
use leptos::prelude::*;

/// What the finished view hands to the printed record (the same memos it shows).
#[derive(Clone, Copy)]
pub struct PrintData {
    /// The assessment as saved.
    pub assessment: Memo<Assessment>,
    /// `A-001 山田 太郎` (only the ID番号 when names are hidden).
    pub patient: Memo<String>,
    /// 回答とチェック項目.
    pub rows: Memo<Vec<AnswerRow>>,
    /// 測定値.
    pub measurements: Memo<Vec<MeasurementRow>>,
    /// 自動判定を手動で変更した項目.
    pub overrides: Memo<Vec<String>>,
    /// 結果と対応の枠.
    pub outcomes: Memo<Vec<OutcomeId>>,
}

#[component]
pub fn AssessmentPrint(data: PrintData) -> impl IntoView {
    // The date is taken again just before printing (the page may stay open for days).
    let printed_on = RwSignal::new(platform::now().date_jst().to_string());
    let listener = window_event_listener_untyped("beforeprint", move |_| {
        printed_on.set(platform::now().date_jst().to_string());
    });
    on_cleanup(move || listener.remove());
    let a = data.assessment;
    let titles = Memo::new(move |_| a.with(tree_titles));

    view! {
        <section class="print-only assessment-print" data-testid="assessment-print">
            <header class="print-header">
                <h1>"判断樹によるアセスメント記録"</h1>
                <p class="print-titles">{move || titles.get()}</p>
                <dl class="print-facts">
                    <div>
                        <dt>"療養者"</dt>
                        <dd data-testid="print-patient">{move || data.patient.get()}</dd>
                    </div>
                    <div>
                        <dt>"日時"</dt>
                        <dd data-testid="print-when">{move || a.with(|a| a.started_at.display_jst())}</dd>
                    </div>
                    <div>
                        <dt>"判断者"</dt>
                        <dd data-testid="print-assessor">{move || a.with(|a| a.assessor.clone())}</dd>
                    </div>
                    <div>
                        <dt>"完了日時"</dt>
                        <dd>{move || a.with(|a| a.finished_at.map(Timestamp::display_jst).unwrap_or_default())}</dd>
                    </div>
                    <div>
                        <dt>"印刷日"</dt>
                        <dd data-testid="print-date">{move || printed_on.get()}</dd>
                    </div>
                </dl>
            </header>
            <section class="print-block">
                <h2>"判断結果"</h2>
                <p class="print-outcome" data-testid="print-outcome">{move || a.with(|a| a.outcome.summary())}</p>
            </section>
            <PrintAnswers rows=data.rows/>
            <PrintMeasurements measurements=data.measurements/>
            <PrintOverrides overrides=data.overrides/>
            <Show when=move || a.with(|a| !a.notes.trim().is_empty())>
                <section class="print-block">
                    <h2>"メモ"</h2>
                    <p class="notes">{move || a.with(|a| a.notes.clone())}</p>
                </section>
            </Show>
            <section class="print-block print-outcomes">
                <h2>"結果と対応"</h2>
                <OutcomeBoxes ids=Signal::derive(move || data.outcomes.get())/>
            </section>
        </section>
    }
}

/// 回答とチェック項目 on paper.
#[component]
fn PrintAnswers(rows: Memo<Vec<AnswerRow>>) -> impl IntoView {
    view! {
        <section class="print-block">
            <h2>"回答とチェック項目"</h2>
            <table class="print-table print-answers" data-testid="print-answers">
                <colgroup>
                    <col class="a-question"/>
                    <col class="a-answer"/>
                    <col class="a-checks"/>
                </colgroup>
                <thead>
                    <tr>
                        <th>"設問"</th>
                        <th>"回答"</th>
                        <th>"チェック項目"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| view! {
                        <tr class:off-path=!row.on_path data-question=row.q.key()>
                            <th scope="row">
                                <span class="q-label">{row.q.full_label()}</span>
                                <span class="q-text">{row.q.def().text}</span>
                            </th>
                            <td class="answer">
                                {match (row.answer, row.on_path) {
                                    (Some(ans), true) => ans.label().to_string(),
                                    (Some(ans), false) => format!("{}（経路外）", ans.label()),
                                    (None, _) => "—".to_string(),
                                }}
                            </td>
                            <td>
                                <ul class="print-list">
                                    {row.checks.into_iter().map(|c| view! {
                                        <li class:concern=c.concern>
                                            {format!("{}: {}", c.text, c.label)}
                                            {(!c.how.is_empty()).then(|| format!("（{}）", c.how))}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// 測定値 on paper (なし when none).
#[component]
fn PrintMeasurements(measurements: Memo<Vec<MeasurementRow>>) -> impl IntoView {
    view! {
        <section class="print-block">
            <h2>"測定値"</h2>
            {move || {
                let list = measurements.get();
                if list.is_empty() {
                    return view! { <p data-testid="print-measurements">"なし"</p> }.into_any();
                }
                view! {
                    <ul class="print-list" data-testid="print-measurements">
                        {list.into_iter().map(|m| {
                            let abnormal = m.finding.as_ref().is_some_and(|f| f.abnormal);
                            view! {
                                <li class:concern=abnormal>
                                    {format!("{}: {}", m.label, m.value)}
                                    {(!m.note.is_empty()).then(|| format!("（{}）", m.note))}
                                    {m.finding.map(|f| view! { <span class="finding">{format!("— {}", f.message)}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// 自動判定を手動で変更した項目 on paper (なし when none).
#[component]
fn PrintOverrides(overrides: Memo<Vec<String>>) -> impl IntoView {
    view! {
        <section class="print-block">
            <h2>"自動判定を手動で変更した項目"</h2>
            {move || {
                let list = overrides.get();
                if list.is_empty() {
                    return view! { <p data-testid="print-overrides">"なし"</p> }.into_any();
                }
                view! {
                    <ul class="print-list" data-testid="print-overrides">
                        {list.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
