//! One question of the questionnaire: its text, the answer buttons, the checklist with the
//! nurse's ticks (and the measurements under 呼吸障害 Q1), the reference values and guidance.

use super::editor::Editor;
use super::measurements::Measurements;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::data::{Answer, Check, ChecklistKind, QuestionId, Sign, Tree};
use crate::domain::trees::engine::{RespiratoryResult, TreeStatus};
use leptos::prelude::*;

/// What the questionnaire shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shown {
    Question(QuestionId),
    Outcome,
}

fn answer_key(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
    }
}

#[component]
pub(super) fn QuestionCard(editor: Editor, q: QuestionId, viewing: RwSignal<Option<Shown>>) -> impl IntoView {
    let def = q.def();
    let tree = q.tree().def();
    let qv = Memo::new(move |_| editor.value.with(|a| a.question_view(q)));
    // Previous and next on the path (the outcome after the last).
    let neighbours = Memo::new(move |_| editor.value.with(|a| neighbours_on_path(a, q)));
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
            <QuestionAside q/>
        </article>
    }
}

/// The previous and the next question on the path the answers take (`None` at either end).
fn neighbours_on_path(a: &Assessment, q: QuestionId) -> (Option<QuestionId>, Option<QuestionId>) {
    let path = a.path();
    let pos = path.iter().position(|p| *p == q);
    let prev = pos.and_then(|i| i.checked_sub(1)).and_then(|i| path.get(i).copied());
    let next = pos.and_then(|i| path.get(i + 1).copied());
    (prev, next)
}

/// Beside the question: 基準値, the seed's 解説 and the tree's POINT.
#[component]
fn QuestionAside(q: QuestionId) -> impl IntoView {
    let def = q.def();
    let tree = q.tree().def();
    view! {
        <aside class="question-aside" aria-label="基準値と解説" tabindex="0">
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
