//! 判断樹の一覧: start an assessment, and every patient with the 様式1 特定症状, the latest
//! finished assessment and any unfinished one.

use super::start::{patient_label, StartForm};
use super::{PageData, TreePlace};
use crate::domain::forms::roster::{roster_indices, RosterFilter, RosterSort};
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::history::{drafts, latest_finished};
use crate::domain::trees::proposal::{current_with_source, yes_no_label, Symptom};
use leptos::prelude::*;

/// At most this many rows are drawn; the search narrows the rest.
const MAX_ROWS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: RecordId,
    label: String,
    symptoms: String,
    latest: Option<(RecordId, String, String)>,
    draft: Option<(RecordId, String)>,
    drafts: usize,
}

#[component]
pub fn TreesList(data: PageData) -> impl IntoView {
    let ctx = data.ctx;
    let search = RwSignal::new(String::new());
    let matched = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        let filter = RosterFilter { search: search.get(), ..RosterFilter::default() };
        data.patients.with(|ps| roster_indices(&ps.bodies, &filter, RosterSort::default(), hide))
    });
    let rows = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        let histories = data.histories.get();
        data.patients.with(|ps| {
            matched.with(|m| {
                m.iter()
                    .take(MAX_ROWS)
                    .filter_map(|&i| {
                        let record = ps.records.get(i)?;
                        let history = histories.get(&record.meta.id).map(Vec::as_slice).unwrap_or_default();
                        Some(patient_row(record, ps.bodies.get(i)?, history, hide))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let any_patient = Memo::new(move |_| data.patients.with(|ps| !ps.records.is_empty()));
    let shown_note = Memo::new(move |_| {
        let n = matched.with(Vec::len);
        (n > MAX_ROWS).then(|| format!("{n}人のうち{MAX_ROWS}人を表示しています。ID番号や氏名で絞り込んでください。"))
    });

    view! {
        <section class="trees-list" data-testid="trees-list">
            <div class="page-head">
                <div>
                    <h1>"判断樹"</h1>
                    <p class="lead">
                        "家庭訪問でALSの呼吸障害・球麻痺の症状を一問ずつ確認し、結果と対応を記録します。結果は様式1の特定症状（呼吸障害・嚥下障害・構音障害）に反映できます。"
                    </p>
                </div>
                <div class="head-actions">
                    <a class="button" href=data.href(&TreePlace::Insurance(None)) data-testid="insurance-link">
                        "訪問看護の保険（介護保険か医療保険か）"
                    </a>
                </div>
            </div>
            <Show
                when=move || any_patient.get()
                fallback=|| view! {
                    <p class="empty" data-testid="no-patients">
                        "療養者が登録されていません。「様式1 療養者」で登録するか、「データの入出力」で読み込んでください。"
                    </p>
                }
            >
                <StartForm data/>
                <h2>"療養者ごとの記録"</h2>
                <label class="field trees-search">
                    <span class="label">"ID番号・氏名で探す"</span>
                    <input
                        type="search"
                        name="trees-search"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())
                    />
                </label>
                {move || shown_note.get().map(|t| view! { <p class="hint">{t}</p> })}
                <PatientTable data rows/>
            </Show>
        </section>
    }
}

/// One patient's row: the 様式1 特定症状, the latest finished assessment, the drafts.
fn patient_row(record: &StoredRecord, p: &Patient, history: &[(RecordId, Assessment)], hide: bool) -> Row {
    let symptoms = Symptom::ALL
        .into_iter()
        .map(|s| format!("{} {}", s.label(), yes_no_label(current_with_source(p, s).0)))
        .collect::<Vec<_>>()
        .join("・");
    let latest =
        latest_finished(history).map(|(id, a)| (id.clone(), a.assessed_at().display_jst(), a.outcome.summary()));
    let open = drafts(history);
    let draft = open.first().map(|(id, a)| (id.clone(), a.started_at.display_jst()));
    Row { id: record.meta.id.clone(), label: patient_label(p, hide), symptoms, latest, draft, drafts: open.len() }
}

/// 療養者ごとの記録: one row per patient shown.
#[component]
fn PatientTable(data: PageData, rows: Memo<Vec<Row>>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="list trees-patients" data-testid="trees-patients">
                <thead>
                    <tr>
                        <th scope="col">"療養者"</th>
                        <th scope="col">"様式1の特定症状"</th>
                        <th scope="col">"最新の判断"</th>
                        <th scope="col">"途中のアセスメント"</th>
                        <th scope="col"><span class="visually-hidden">"操作"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <tr data-patient=row.id.to_string()>
                            <th scope="row">
                                <a href=data.href(&TreePlace::Patient(row.id.clone()))>{row.label.clone()}</a>
                            </th>
                            <td>{row.symptoms.clone()}</td>
                            <td>
                                {match row.latest.clone() {
                                    Some((id, when, summary)) => view! {
                                        <a href=data.href(&TreePlace::Assessment(id))>{when}</a>
                                        <span class="trees-summary">{summary}</span>
                                    }
                                    .into_any(),
                                    None => view! { <span class="unentered">"まだありません"</span> }.into_any(),
                                }}
                            </td>
                            <td>
                                {match row.draft.clone() {
                                    Some((id, when)) => view! {
                                        <a class="button" href=data.href(&TreePlace::Assessment(id))>
                                            {format!("続ける（{when}開始）")}
                                        </a>
                                        {(row.drafts > 1).then(|| view! {
                                            <span class="hint">{format!("ほか{}件", row.drafts - 1)}</span>
                                        })}
                                    }
                                    .into_any(),
                                    None => view! { <span class="unentered">"なし"</span> }.into_any(),
                                }}
                            </td>
                            <td class="actions">
                                <a class="button" href=data.href(&TreePlace::Patient(row.id.clone()))>"記録・履歴"</a>
                                <a class="button" href=data.href(&TreePlace::Insurance(Some(row.id.clone())))>"保険"</a>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
