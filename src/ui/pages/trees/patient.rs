//! 療養者ごとの記録: the 様式1 特定症状 and their source, the latest outcome to take over
//! into 様式1, a new assessment, and the history with what changed each time.

use super::start::{patient_label, StartForm};
use super::symptoms::{ProposalPanel, SymptomsNow};
use super::{PageData, TreePlace};
use crate::domain::forms::roster::restore_from_trash;
use crate::domain::ids::RecordId;
use crate::domain::patient::Age;
use crate::domain::trees::assessment::{Assessment, AssessmentStatus};
use crate::domain::trees::diff::{history_changes, Change};
use crate::domain::trees::history::{latest_finished, patient_trash};
use crate::storage::WriteBatch;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
struct HistoryRow {
    id: RecordId,
    when: String,
    finished: bool,
    status: &'static str,
    assessor: String,
    trees: String,
    summary: String,
    /// `None` for drafts; `Some(None)` for the first finished one.
    changes: Option<Option<Vec<Change>>>,
}

#[component]
pub fn PatientView(data: PageData, patient_id: RecordId) -> impl IntoView {
    let ctx = data.ctx;
    let pid = StoredValue::new(patient_id.clone());
    let patient = Memo::new(move |_| data.patient(&pid.get_value()).map(|(_, p)| p));
    let history = Memo::new(move |_| data.history(&pid.get_value()));
    let rows = Memo::new(move |_| history.with(|h| history_rows(h)));
    let latest = Memo::new(move |_| history.with(|h| latest_finished(h).cloned()));
    let trash = Memo::new(move |_| {
        ctx.loaded.with(|l| {
            patient_trash(l.set(), &pid.get_value())
                .into_iter()
                .map(|(r, a)| (r, a.started_at.display_jst(), a.status.label(), a.outcome.summary()))
                .collect::<Vec<_>>()
        })
    });
    let heading = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        patient.with(|p| p.as_ref().map(|p| patient_label(p, hide)))
    });
    let facts = Memo::new(move |_| {
        patient.with(|p| {
            p.as_ref().map(|p| {
                let age = match p.age {
                    Some(Age::Years(y)) => format!("{y}歳"),
                    Some(Age::Band(b)) => b.label().to_string(),
                    None => "年齢不明".to_string(),
                };
                format!("{}・{age}", p.disease.label())
            })
        })
    });
    let restore = move |record: crate::domain::record::StoredRecord| {
        let Some(back) = restore_from_trash(&record, platform::now(), &ctx.device_id()) else { return };
        spawn_local(async move {
            let batch = WriteBatch { put_records: vec![back], ..WriteBatch::default() };
            let _ = ctx.save_as_loaded(batch, "アセスメントを元に戻しました").await;
        });
    };

    view! {
        <section class="trees-patient" data-testid="trees-patient">
            <p class="breadcrumb"><a href=data.href(&TreePlace::List)>"← 判断樹の一覧"</a></p>
            {move || match heading.get() {
                None => view! {
                    <div data-testid="patient-missing">
                        <h1>"療養者が見つかりません"</h1>
                        <p>"削除されたか、別の地域診断の療養者です。"</p>
                    </div>
                }
                .into_any(),
                Some(h) => view! {
                    <div class="page-head">
                        <div>
                            <h1>{h}</h1>
                            <p class="lead">{move || facts.get()}</p>
                        </div>
                        <div class="head-actions">
                            <a class="button" href=data.href(&TreePlace::Insurance(Some(pid.get_value())))>
                                "訪問看護の保険"
                            </a>
                        </div>
                    </div>
                }
                .into_any(),
            }}
            <Show when=move || patient.with(Option::is_some)>
                <SymptomsNow data patient_id=pid.get_value()/>
                {move || latest.get().map(|(id, a)| view! { <ProposalPanel data assessment_id=id assessment=a/> })}
                <StartForm data patient_id=pid.get_value()/>
            </Show>
            <section class="history" data-testid="history">
                <h2>"アセスメントの履歴"</h2>
                <Show
                    when=move || rows.with(|r| !r.is_empty())
                    fallback=|| view! { <p class="empty">"まだアセスメントはありません。"</p> }
                >
                    <HistoryList data rows/>
                </Show>
            </section>
            <Show when=move || trash.with(|t| !t.is_empty())>
                <section class="trash" data-testid="trees-trash">
                    <h2>"ゴミ箱"</h2>
                    <ul class="plain-list">
                        {move || trash.get().into_iter().map(|(record, when, status, summary)| {
                            let r = record.clone();
                            view! {
                                <li>
                                    {format!("{when}（{status}）{summary}")}
                                    <button type="button" on:click=move |_| restore(r.clone())>"元に戻す"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
        </section>
    }
}

/// The history, newest first: each assessment with what changed since the previous finished one.
fn history_rows(h: &[(RecordId, Assessment)]) -> Vec<HistoryRow> {
    let changes: BTreeMap<RecordId, Vec<Change>> = history_changes(h).into_iter().collect();
    let first_finished = h.iter().find(|(_, a)| a.status == AssessmentStatus::Finished).map(|(id, _)| id.clone());
    h.iter()
        .rev()
        .map(|(id, a)| {
            let finished = a.status == AssessmentStatus::Finished;
            HistoryRow {
                id: id.clone(),
                when: a.started_at.display_jst(),
                finished,
                status: a.status.label(),
                assessor: a.assessor.clone(),
                trees: a.start_tree.short_label().to_string()
                    + if a.start_tree == crate::domain::trees::data::Tree::Respiratory
                        && a.includes(crate::domain::trees::data::Tree::Bulbar)
                    {
                        "→球麻痺"
                    } else {
                        ""
                    },
                summary: a.outcome.summary(),
                changes: finished.then(|| {
                    (first_finished.as_ref() != Some(id)).then(|| changes.get(id).cloned().unwrap_or_default())
                }),
            }
        })
        .collect()
}

/// アセスメントの履歴 as a list.
#[component]
fn HistoryList(data: PageData, rows: Memo<Vec<HistoryRow>>) -> impl IntoView {
    view! {
        <ol class="history-list">
            <For each=move || rows.get() key=|r| format!("{r:?}") let:row>
                <li class="history-item" class:draft=!row.finished data-assessment=row.id.to_string()>
                    <div class="history-head">
                        <a href=data.href(&TreePlace::Assessment(row.id.clone()))>{row.when.clone()}</a>
                        <span class="tag">{row.status}</span>
                        <span>{row.trees.clone()}</span>
                        <span class="hint">{format!("判断者: {}", if row.assessor.trim().is_empty() { "未入力" } else { row.assessor.as_str() })}</span>
                        {(!row.finished).then(|| view! {
                            <a class="button" href=data.href(&TreePlace::Assessment(row.id.clone()))>"続ける"</a>
                        })}
                    </div>
                    <p class="history-summary">{row.summary.clone()}</p>
                    {row.changes.clone().map(|c| match c {
                        None => view! { <p class="hint">"最初の完了したアセスメント"</p> }.into_any(),
                        Some(list) if list.is_empty() => view! { <p class="hint">"前回から変わった点はありません"</p> }.into_any(),
                        Some(list) => view! {
                            <details class="changes" open=true>
                                <summary>{format!("前回からの変化（{}件）", list.len())}</summary>
                                <ul>
                                    {list.into_iter().map(|c| view! {
                                        <li><span class="tag">{c.area.label()}</span>{c.description}</li>
                                    }).collect_view()}
                                </ul>
                            </details>
                        }
                        .into_any(),
                    })}
                </li>
            </For>
        </ol>
    }
}
