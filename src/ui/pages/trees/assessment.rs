//! One assessment: the guided questionnaire (one question at a time, the checklist under it,
//! measurements that tick the ※ lines, reference values and the seed's guidance beside it),
//! the outcome with its action boxes and 完了 — or, once finished, the record as saved with
//! what changed since the previous one and the proposal for 様式1, and its printed record
//! (A4 portrait, 「印刷」).

use super::editor::Editor;
use super::outcome::OutcomeBoxes;
use super::print::{AssessmentPrint, PrintData};
use super::start::patient_label;
use super::symptoms::ProposalPanel;
use super::{PageData, TreePlace, ASSESSOR_KEY};
use crate::domain::forms::roster::move_to_trash;
use crate::domain::ids::RecordId;
use crate::domain::issues::Severity;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::{Assessment, AssessmentStatus, Step};
use crate::domain::trees::data::{Answer, Check, ChecklistKind, QuestionId, Sign, Tree};
use crate::domain::trees::diff::history_changes;
use crate::domain::trees::engine::{RespiratoryResult, TreeStatus};
use crate::domain::trees::history::is_latest_finished;
use crate::domain::trees::measure::{MeasureKind, Posture, Sex, Situation};
use crate::domain::trees::rows::{answer_rows, measurement_rows, step_rows, tree_titles};
use crate::storage::WriteBatch;
use crate::ui::components::{ConfirmDialog, IssueSummary};
use crate::ui::ctx::Notice;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the questionnaire shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Question(QuestionId),
    Outcome,
}

pub fn measure_key(kind: MeasureKind) -> &'static str {
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

fn answer_key(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
    }
}

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
            if ctx.save(batch, "アセスメントを削除しました（療養者の記録のゴミ箱から元に戻せます）").await.is_ok()
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
    view! {
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

#[component]
fn QuestionCard(editor: Editor, q: QuestionId, viewing: RwSignal<Option<Shown>>) -> impl IntoView {
    let def = q.def();
    let tree = q.tree().def();
    let qv = Memo::new(move |_| editor.value.with(|a| a.question_view(q)));
    // Previous and next on the path (the outcome after the last).
    let neighbours = Memo::new(move |_| {
        editor.value.with(|a| {
            let path = a.path();
            let pos = path.iter().position(|p| *p == q);
            let prev = pos.and_then(|i| i.checked_sub(1)).and_then(|i| path.get(i).copied());
            let next = pos.and_then(|i| path.get(i + 1).copied());
            (prev, next)
        })
    });
    let from_respiratory = Memo::new(move |_| {
        q == QuestionId::B1
            && editor.value.with(|a| {
                a.start_tree == Tree::Respiratory
                    && a.tree_status(Tree::Respiratory) == TreeStatus::Respiratory(RespiratoryResult::NoSigns)
            })
    });
    let heading = NodeRef::<leptos::html::H2>::new();
    heading.on_load(|el| {
        let _ = el.focus();
    });
    let answer = move |ans: Answer| {
        editor.edit_now(|a| a.set_answer(q, Some(ans)));
        viewing.set(None);
    };

    view! {
        <article class="question-card" class:off-path=move || !qv.with(|v| v.on_path) data-question=q.key() data-testid="question">
            <div class="question-main">
                <p class="tree-name">{tree.title}</p>
                <Show when=move || from_respiratory.get()>
                    <p class="flow-note" data-testid="to-bulbar">
                        "呼吸障害の所見なし → 【ALS球麻痺に関連する症状のアセスメントと対応】設問へ"
                        <button type="button" class="link" on:click=move |_| viewing.set(Some(Shown::Outcome))>
                            "（今回は球麻痺を行わずに結果へ）"
                        </button>
                    </p>
                </Show>
                <h2 class="question-text" tabindex="-1" node_ref=heading>
                    <span class="q-label">{def.label}</span>
                    {def.text}
                </h2>
                <p class="hint">{def.yes_means}</p>
                <Show when=move || !qv.with(|v| v.on_path)>
                    <p class="off-path-note" role="status">
                        "この設問は今の回答の流れでは使われません（回答は消さずに保存しています）。前の設問の回答を戻すと、また使われます。"
                    </p>
                </Show>
                {(q == QuestionId::R1).then(|| view! { <Measurements editor/> })}
                <Checklist editor q/>
                <div class="answer-area">
                    {move || qv.with(|v| v.suggested).map(|s| view! {
                        <p class="suggestion" data-testid="suggestion">
                            {format!("チェックした項目からは「{}」と考えられます", s.label())}
                        </p>
                    })}
                    <Show when=move || qv.with(|v| v.disagrees())>
                        <p class="field-warning" role="alert">"注意: 回答がチェック項目と合っていません。確認してください。"</p>
                    </Show>
                    <div class="answer-buttons" role="group" aria-label=format!("{}の回答", q.full_label())>
                        {Answer::ALL
                            .into_iter()
                            .map(|ans| view! {
                                <button
                                    type="button"
                                    class="answer"
                                    class:selected=move || qv.with(|v| v.answer == Some(ans))
                                    class:problem=ans == def.problem_answer
                                    aria-pressed=move || if qv.with(|v| v.answer == Some(ans)) { "true" } else { "false" }
                                    data-answer=answer_key(ans)
                                    on:click=move |_| answer(ans)
                                >
                                    {ans.label()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <div class="question-nav">
                        <button
                            type="button"
                            disabled=move || neighbours.with(|n| n.0.is_none())
                            on:click=move |_| viewing.set(neighbours.get_untracked().0.map(Shown::Question))
                        >
                            "← 前の設問"
                        </button>
                        <Show when=move || qv.with(|v| v.answer.is_some())>
                            <button type="button" on:click=move |_| viewing.set(neighbours.get_untracked().1.map(Shown::Question))>"次へ →"</button>
                            <button type="button" class="link" on:click=move |_| editor.edit_now(|a| a.set_answer(q, None))>
                                "回答を取り消す"
                            </button>
                        </Show>
                    </div>
                </div>
            </div>
            <aside class="question-aside" aria-label="基準値と解説">
                <References q/>
                {def.guidance.as_ref().map(|g| view! {
                    <section class="guidance">
                        <h3>{g.heading}</h3>
                        {g.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                    </section>
                })}
                <section class="points">
                    <h3>"POINT！"</h3>
                    <ul>{tree.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                </section>
            </aside>
        </article>
    }
}

/// 正常値・基準値 of the question's lines.
#[component]
fn References(q: QuestionId) -> impl IntoView {
    let lines: Vec<&'static Sign> = q.def().signs.iter().filter(|s| s.reference.is_some()).collect();
    (!lines.is_empty()).then(|| {
        view! {
            <section class="references">
                <h3>"基準値"</h3>
                <dl>
                    {lines
                        .into_iter()
                        .map(|s| view! {
                            <dt>{s.text}</dt>
                            <dd>{s.reference.unwrap_or_default()}</dd>
                        })
                        .collect_view()}
                </dl>
            </section>
        }
    })
}

#[component]
fn Checklist(editor: Editor, q: QuestionId) -> impl IntoView {
    let def = q.def();
    let hint = match def.checklist {
        ChecklistKind::Signs => "あてはまる症状・状況は「該当」、ないことを確かめたものは「非該当」にします。",
        ChecklistKind::Conditions => "あてはまる状態は「該当」、あてはまらない（変化がある）ものは「非該当」にします。",
    };
    let mut last_group: Option<&'static str> = None;
    let rows = def
        .signs
        .iter()
        .map(|sign| {
            let heading = (sign.group.is_some() && sign.group != last_group).then_some(sign.group).flatten();
            last_group = sign.group;
            view! {
                {heading.map(|h| view! { <h4 class="sign-group">{h}</h4> })}
                <SignRow editor q sign/>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checklist" data-testid="checklist">
            <legend>"チェック項目"</legend>
            <p class="hint">{hint}</p>
            {rows}
        </fieldset>
    }
}

#[component]
fn SignRow(editor: Editor, q: QuestionId, sign: &'static Sign) -> impl IntoView {
    let id = sign.id;
    let sv = Memo::new(move |_| editor.value.with(|a| a.sign_view(id)));
    let concern = move || sv.with(|v| v.state.effective().is_some_and(|c| q.def().is_concern(c)));
    let options: [(&'static str, Option<Check>); 3] =
        [("yes", Some(Check::Yes)), ("no", Some(Check::No)), ("auto", None)];
    view! {
        <div
            class="sign-row"
            class:concern=concern
            class:override=move || sv.with(|v| v.state.is_override())
            class:auto=move || sv.with(|v| v.state.auto.is_some() && v.state.manual.is_none())
            data-sign=id
        >
            <div class="sign-text">
                <span class="sign-title">
                    {sign.measured.then(|| view! { <span class="measured-mark" title="測定値で判断する項目">"※"</span> })}
                    {sign.text}
                </span>
                {(!sign.notes.is_empty()).then(|| view! {
                    <ul class="sign-notes">{sign.notes.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}</ul>
                })}
                {move || sv.with(|v| {
                    let state = v.state;
                    let messages: Vec<String> = v.findings.iter().map(|f| f.message.clone()).collect();
                    match (state.auto, state.manual) {
                        (Some(auto), Some(manual)) if auto != manual => Some(view! {
                            <p class="override-note" data-testid="override-note">
                                {format!("手動で変更: 自動判定「{}」→「{}」（{}）", auto.label(), manual.label(), messages.join("、"))}
                            </p>
                        }
                        .into_any()),
                        (Some(auto), _) => Some(view! {
                            <p class="auto-note" data-testid="auto-note">
                                {format!("自動判定「{}」: {}", auto.label(), messages.join("、"))}
                            </p>
                        }
                        .into_any()),
                        _ => None,
                    }
                })}
            </div>
            <div class="segmented sign-choice" role="radiogroup" aria-label=sign.text>
                {options
                    .into_iter()
                    .map(|(value, check)| {
                        let selected = move || {
                            sv.with(|v| match check {
                                Some(c) => v.state.manual == Some(c),
                                None => v.state.manual.is_none(),
                            })
                        };
                        let label = move || match check {
                            Some(c) => c.label().to_string(),
                            None => sv.with(|v| match v.state.auto {
                                Some(a) => format!("自動（{}）", a.label()),
                                None => "未確認".to_string(),
                            }),
                        };
                        view! {
                            <label class="segment" class:selected=selected>
                                <input
                                    type="radio"
                                    name=format!("sign-{id}")
                                    value=value
                                    prop:checked=selected
                                    on:change=move |_| editor.edit_now(|a| {
                                        let _ = a.set_check(id, check);
                                    })
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
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
fn Measurements(editor: Editor) -> impl IntoView {
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
                        aria-invalid=move || editor.issues.with(|i| i.for_field("age").any(|x| x.severity == Severity::Error)).then_some("true")
                        prop:value=move || editor.value.with(|a| a.age.clone())
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            editor.edit(|a| a.set_age(&v));
                        }
                        on:change=move |_| editor.flush()
                    />
                    <RowIssues editor field="age".to_string()/>
                </label>
            </div>
        </fieldset>
    }
}

/// Messages for one field (the field key is built at run time).
#[component]
fn RowIssues(editor: Editor, field: String) -> impl IntoView {
    move || {
        editor.issues.with(|all| {
            all.for_field(&field)
                .map(|issue| {
                    let (class, prefix) = match issue.severity {
                        Severity::Error => ("field-error", "エラー: "),
                        Severity::Warning => ("field-warning", "注意: "),
                    };
                    view! { <span class=class role="alert">{format!("{prefix}{}", issue.message)}</span> }
                })
                .collect_view()
        })
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
                        aria-invalid=move || editor.issues.with(|i| i.for_field(&format!("measurements.{index}")).any(|x| x.severity == Severity::Error)).then_some("true")
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
            <RowIssues editor field=field.clone()/>
        </div>
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

/// A finished assessment as saved.
#[component]
fn FinishedView(editor: Editor, data: PageData) -> impl IntoView {
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
