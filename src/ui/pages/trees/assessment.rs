//! One assessment: the guided questionnaire (one question at a time, the checklist under it,
//! measurements that tick the ※ lines, reference values and the seed's guidance beside it),
//! the outcome with its action boxes and 完了 — or, once finished, the record as saved with
//! what changed since the previous one and the proposal for 様式1, and its printed record
//! (A4 portrait, 「印刷」).

use super::editor::Editor;
use super::finished::FinishedView;
use super::outcome::OutcomeBoxes;
use super::question::{QuestionCard, Shown};
use super::start::patient_label;
use super::{PageData, TreePlace, ASSESSOR_KEY};
use crate::domain::forms::roster::move_to_trash;
use crate::domain::ids::RecordId;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::{Assessment, AssessmentStatus, Step};
use crate::domain::trees::rows::{step_rows, tree_titles};
use crate::storage::WriteBatch;
use crate::ui::components::{ConfirmDialog, IssueSummary};
use crate::ui::ctx::Notice;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AssessmentView(data: PageData, assessment_id: RecordId) -> impl IntoView {
    let ctx = data.ctx;
    let list_href = data.href(&TreePlace::List);
    let record = ctx.loaded.with_untracked(|l| l.get(&assessment_id).cloned());
    let Some(record) = record else {
        return view! {
            <section data-testid="assessment-missing">
                <h1>"アセスメントが見つかりません"</h1>
                <p>"削除されたか、別の端末の記録です。"<a href=list_href>"判断樹の一覧"</a>"に戻ってください。"</p>
            </section>
        }
        .into_any();
    };
    let Ok(body) = record.body_as::<Assessment>() else {
        return view! {
            <section data-testid="assessment-unreadable">
                <h1>"アセスメントを読み取れません"</h1>
                <p>"記録の形式が正しくありません（データは消していません）。"<a href=list_href>"判断樹の一覧"</a>"に戻ってください。"</p>
            </section>
        }
        .into_any();
    };
    let patient_href = data.href(&TreePlace::Patient(body.patient_id.clone()));
    if record.is_deleted() {
        return view! {
            <section data-testid="assessment-deleted">
                <h1>"このアセスメントは削除されています"</h1>
                <p>"療養者の記録の「ゴミ箱」から元に戻せます。"<a href=patient_href>"療養者の記録へ"</a></p>
            </section>
        }
        .into_any();
    }
    let patient_id = body.patient_id.clone();
    let editor = Editor::new(ctx, record, body);
    let pid = StoredValue::new(patient_id);
    let patient_name = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        data.patient(&pid.get_value())
            .map(|(_, p)| patient_label(&p, hide))
            .unwrap_or_else(|| "（療養者不明）".to_string())
    });
    let status = Memo::new(move |_| editor.value.with(|a| a.status));
    let titles = Memo::new(move |_| editor.value.with(tree_titles));
    let confirm_delete = RwSignal::new(false);
    let delete = move || {
        confirm_delete.set(false);
        let Some(trashed) = move_to_trash(&editor.saved_record(), platform::now(), &ctx.device_id()) else { return };
        spawn_local(async move {
            let batch = WriteBatch { put_records: vec![trashed.clone()], ..WriteBatch::default() };
            if ctx
                .save_as_loaded(batch, "アセスメントを削除しました（療養者の記録のゴミ箱から元に戻せます）")
                .await
                .is_ok()
            {
                editor.set_saved(trashed);
                data.go(&TreePlace::Patient(pid.get_value()));
            }
        });
    };

    view! {
        <section class="trees-assessment" data-testid="assessment">
            <p class="breadcrumb no-print">
                <a href=patient_href>{move || format!("← {}の記録", patient_name.get())}</a>
            </p>
            <div class="page-head no-print">
                <div>
                    <p class="group-label">{move || patient_name.get()}</p>
                    <h1>{move || titles.get()}</h1>
                </div>
                <div class="head-actions">
                    <span class="status-badge" class:finished=move || status.get() == AssessmentStatus::Finished data-testid="assessment-status">
                        {move || match status.get() {
                            AssessmentStatus::Draft => "下書き（入力は自動で保存されます）",
                            AssessmentStatus::Finished => "完了",
                        }}
                    </span>
                    <Show when=move || status.get() == AssessmentStatus::Finished>
                        <button type="button" data-testid="print-assessment" on:click=move |_| platform::print()>"印刷"</button>
                    </Show>
                    <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>"このアセスメントを削除"</button>
                </div>
            </div>
            {move || match status.get() {
                AssessmentStatus::Draft => view! { <Questionnaire editor/> }.into_any(),
                AssessmentStatus::Finished => view! { <FinishedView editor data/> }.into_any(),
            }}
            {move || confirm_delete.get().then(|| view! {
                <ConfirmDialog
                    title="アセスメントの削除".to_string()
                    message="このアセスメントをゴミ箱に移します。療養者の記録の「ゴミ箱」から元に戻せます。様式1の値は変わりません。".to_string()
                    confirm_label="削除する"
                    danger=true
                    on_confirm=Callback::new(move |_| delete())
                    on_cancel=Callback::new(move |_| confirm_delete.set(false))
                />
            })}
        </section>
    }
    .into_any()
}

/// 判断者・日時 of a draft.
#[component]
fn DraftMeta(editor: Editor) -> impl IntoView {
    let when = RwSignal::new(editor.value.with_untracked(|a| a.started_at.datetime_local_jst()));
    let when_error = RwSignal::new(false);
    // Folded once filled in (the start form asked for both), so the question and its はい／いいえ
    // are on the first screen of a tablet.
    let open = editor.value.with_untracked(|a| a.assessor.trim().is_empty());
    let summary = move || {
        editor.value.with(|a| {
            let who = if a.assessor.trim().is_empty() { "未入力" } else { a.assessor.trim() };
            format!("判断者: {who}・日時: {}（変更する）", a.started_at.display_jst())
        })
    };
    view! {
        <details class="assessment-meta-fold" open=open data-testid="assessment-meta">
        <summary>{summary}</summary>
        <div class="field-row assessment-meta">
            <label class="field">
                <span class="label">"判断者"</span>
                <input
                    type="text"
                    name="assessor"
                    class="w-m"
                    autocomplete="off"
                    placeholder="例: 保健師 山本"
                    prop:value=move || editor.value.with(|a| a.assessor.clone())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        editor.edit(|a| a.assessor = v);
                    }
                    on:change=move |_| editor.flush()
                />
            </label>
            <label class="field">
                <span class="label">"日時"</span>
                <input
                    type="datetime-local"
                    name="started_at"
                    aria-invalid=move || when_error.get().then_some("true")
                    prop:value=move || when.get()
                    on:change:target=move |ev| {
                        let text = ev.target().value();
                        when.set(text.clone());
                        match Timestamp::parse_datetime_jst(&text) {
                            Some(ts) => {
                                when_error.set(false);
                                editor.edit_now(|a| a.started_at = ts);
                            }
                            None => when_error.set(true),
                        }
                    }
                />
                <Show when=move || when_error.get()>
                    <span class="field-error" role="alert">"エラー: 日時を正しく入力してください（例: 2025-05-01 10:30）"</span>
                </Show>
            </label>
        </div>
        </details>
    }
}

#[component]
fn Questionnaire(editor: Editor) -> impl IntoView {
    // `None` follows the flow (the next question, or the outcome when done).
    let viewing = RwSignal::new(None::<Shown>);
    let step = Memo::new(move |_| editor.value.with(Assessment::step));
    let shown = Memo::new(move |_| match viewing.get() {
        Some(s) => s,
        None => match step.get() {
            Step::Ask(q) => Shown::Question(q),
            Step::RespiratoryEnded | Step::Done => Shown::Outcome,
        },
    });
    view! {
        <DraftMeta editor/>
        <Stepper editor viewing shown/>
        {move || match shown.get() {
            Shown::Question(q) => view! { <QuestionCard editor q viewing/> }.into_any(),
            Shown::Outcome => view! { <OutcomePanel editor viewing step/> }.into_any(),
        }}
    }
}

/// The questions of the trees in this assessment, with their answers; off-path answers grey.
#[component]
fn Stepper(editor: Editor, viewing: RwSignal<Option<Shown>>, shown: Memo<Shown>) -> impl IntoView {
    let items = Memo::new(move |_| editor.value.with(step_rows));
    view! {
        <nav class="stepper" aria-label="設問の一覧" data-testid="stepper">
            <ol>
                <For each=move || items.get() key=|i| i.clone() let:item>
                    {
                        let q = item.q;
                        let reachable = item.on_path || item.answer.is_some();
                        let state = match (item.on_path, item.answer) {
                            (true, Some(a)) => a.label().to_string(),
                            (true, None) => "未回答".to_string(),
                            (false, Some(a)) => format!("{}（経路外）", a.label()),
                            (false, None) => "—".to_string(),
                        };
                        view! {
                            <li class:off-path=!item.on_path class:answered=item.answer.is_some() data-question=q.key()>
                                <button
                                    type="button"
                                    disabled=!reachable
                                    aria-current=move || (shown.get() == Shown::Question(q)).then_some("step")
                                    on:click=move |_| viewing.set(Some(Shown::Question(q)))
                                >
                                    <span class="step-label">{q.full_label()}</span>
                                    <span class="step-answer">{state}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
                <li class="step-outcome">
                    <button
                        type="button"
                        aria-current=move || (shown.get() == Shown::Outcome).then_some("step")
                        on:click=move |_| viewing.set(Some(Shown::Outcome))
                    >
                        <span class="step-label">"判断結果"</span>
                    </button>
                </li>
            </ol>
        </nav>
    }
}

/// 判断結果と対応, 完了.
#[component]
fn OutcomePanel(editor: Editor, viewing: RwSignal<Option<Shown>>, step: Memo<Step>) -> impl IntoView {
    let ctx = editor.ctx;
    let ids = Memo::new(move |_| editor.value.with(|a| a.outcome.outcome_ids()));
    let summary = Memo::new(move |_| editor.value.with(|a| a.outcome.summary()));
    let overrides =
        Memo::new(move |_| editor.value.with(|a| a.overrides().iter().map(|o| o.describe()).collect::<Vec<_>>()));
    let issues = Signal::derive(move || editor.issues.get());
    let heading = NodeRef::<leptos::html::H2>::new();
    heading.on_load(|el| {
        let _ = el.focus();
    });
    let finish = move |_| {
        let now = platform::now();
        match editor.value.get_untracked().finish(now) {
            Ok(done) => {
                let name = done.assessor.clone();
                platform::set_setting(ASSESSOR_KEY, &name);
                editor.replace(done, "アセスメントを完了して保存しました");
            }
            Err(found) => {
                let first = found.errors().next().map(ToString::to_string).unwrap_or_default();
                ctx.notice.set(Some(Notice::Error(format!("完了できません（{first}）"))));
            }
        }
    };
    view! {
        <article class="outcome-panel" data-testid="outcome">
            <h2 tabindex="-1" node_ref=heading>"判断結果と対応"</h2>
            <p class="outcome-summary" data-testid="outcome-summary">{move || summary.get()}</p>
            <OutcomeBoxes ids=Signal::derive(move || ids.get())/>
            <Show when=move || step.get() == Step::RespiratoryEnded>
                <div class="card continue-bulbar">
                    <p>"POINT！ 呼吸障害とあわせて「嚥下障害」や「咳の力」の評価も実施"</p>
                    <button
                        type="button"
                        class="primary"
                        data-testid="continue-bulbar"
                        on:click=move |_| {
                            editor.edit_now(|a| a.set_continue_to_bulbar(true));
                            viewing.set(None);
                        }
                    >
                        "続けて球麻痺のアセスメントを行う"
                    </button>
                </div>
            </Show>
            <Show when=move || overrides.with(|o| !o.is_empty())>
                <section class="overrides" data-testid="overrides">
                    <h3>"自動判定を手動で変更した項目"</h3>
                    <ul>{move || overrides.get().into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                </section>
            </Show>
            <label class="field">
                <span class="label">"メモ"</span>
                <textarea
                    name="notes"
                    prop:value=move || editor.value.with(|a| a.notes.clone())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        editor.edit(|a| a.notes = v);
                    }
                    on:change=move |_| editor.flush()
                ></textarea>
            </label>
            <IssueSummary issues/>
            <div class="outcome-actions">
                <button type="button" class="primary big" data-testid="finish" on:click=finish>"完了して保存"</button>
                <button
                    type="button"
                    on:click=move |_| viewing.set(editor.value.with_untracked(|a| a.path().last().copied()).map(Shown::Question))
                >
                    "← 設問に戻る"
                </button>
                <span class="hint">"入力は下書きとして自動で保存されています"</span>
            </div>
        </article>
    }
}
