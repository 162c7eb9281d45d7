//! 読み込み: choose a file (or drop it), have it checked completely, review the plan, choose
//! per conflicting field, and write everything in one transaction — or nothing.
//!
//! Phases, with the browser given a frame between them: read the file → (decrypt) → read
//! this device's records → check the file in parts (`BundleReader`, the checks of
//! `parse_bundle`) → plan in parts (`plan_import`) → the nurse reviews → apply in parts
//! (`apply_plan`) → one `ctx.save`.
//! The write carries what the plan saw (`planned_reads` → `WriteBatch::expect`): every record
//! it writes as it was on this device when the plan was made (or that it was not there), and
//! the 地域診断 they belong to. The store checks them inside its write transaction; when another
//! tab saved any of them meanwhile, nothing is written, and the plan is made again and shown
//! with a message — an import never overwrites a save it has not seen (issue 12).

use super::{crypto, load_all, next_frame, Progress, ProgressBar};
use crate::domain::bundle::dataio::{
    bundle_parts, conflict_rows, file_facts, import_done_message, join_applied, join_plans, plan_parts, plan_rows,
    plan_verdict, refusal_heading, resolution_summary, summary_lines, ConflictRow, PlanFilter,
};
use crate::domain::bundle::envelope::{parse_envelope, Envelope};
use crate::domain::bundle::{
    apply_plan, detect_file_kind, plan_import, planned_reads, split_diagnoses, BundleReader, Choice, FileKind,
    ImportPlan, KnownIds, ParsedBundle, Resolutions,
};
use crate::domain::record::{RecordKind, StoredRecord};
use crate::storage::{Expect, StorageError, WriteBatch};
use crate::ui::ctx::{AppCtx, Notice};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Records planned or applied per step (the browser paints between steps).
const PART_SIZE: usize = 500;
/// Most rows of the plan list shown at once.
const LIST_LIMIT: usize = 300;

/// A checked file and its plan, waiting for the nurse.
#[derive(Clone, Debug)]
struct Review {
    file_name: String,
    parsed: ParsedBundle,
    plan: ImportPlan,
    /// The device's 地域診断 when the plan was made (the write expects them unchanged).
    local_diagnoses: Arc<Vec<StoredRecord>>,
    /// Set when the plan had to be made again because another tab saved records meanwhile
    /// (how many of those the import would have written: nothing was written).
    replanned: Option<usize>,
}

#[derive(Clone, Debug)]
enum State {
    /// Waiting for a file.
    Idle,
    /// Working (the progress bar shows what).
    Busy,
    /// An encrypted file: asking for its password.
    Password { file_name: String, envelope: Arc<Envelope>, error: Option<String> },
    /// Refused: nothing was written.
    Refused { heading: String, lines: Vec<String> },
    /// The plan to review.
    Review(Arc<Review>),
    /// Written.
    Done(String),
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = super::app();
    let state = RwSignal::new(State::Idle);
    let progress = RwSignal::new(None::<Progress>);
    let resolutions = RwSignal::new(Resolutions::new());
    let dragging = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let start = move |file: web_sys::File| {
        if matches!(state.get_untracked(), State::Busy) {
            return;
        }
        state.set(State::Busy);
        resolutions.set(Resolutions::new());
        spawn_local(async move {
            let file_name = file.name();
            progress.set(Some(Progress::new("ファイルを読んでいます", 0, 1)));
            let next = match platform::read_file(&file).await {
                Ok(bytes) => open_bytes(ctx, file_name, bytes, progress).await,
                Err(e) => State::Refused {
                    heading: refusal_heading(&file_name),
                    lines: vec![format!("ファイルを読めませんでした（{e}）")],
                },
            };
            progress.set(None);
            state.set(next);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|f| f.get(0));
        // So that choosing the same file again reads it again.
        input.set_value("");
        if let Some(file) = file {
            start(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            start(file);
        }
    };

    view! {
        <section class="card io-section" id="io-import" data-testid="import-panel">
            <h2>"読み込み（取り込み）"</h2>
            <p class="hint">
                "書き出したファイル（.nanbyo.json）を読み込みます。ファイルはすべて確かめてから、取り込む内容を表示します。確定するまでこの端末のデータは変わりません。取り込みで記録が削除されることはありません。"
            </p>
            <div
                class="io-drop"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="io-file">
                    <span class="label">"ファイルを選ぶ"</span>
                    <input
                        type="file"
                        name="import-file"
                        accept=".json,application/json"
                        node_ref=input_ref
                        prop:disabled=move || matches!(state.get(), State::Busy)
                        on:change=on_file
                    />
                </label>
                <span class="hint">"またはここにファイルをドラッグ＆ドロップ"</span>
            </div>
            <ProgressBar progress/>
            {move || match state.get() {
                State::Idle | State::Busy => ().into_any(),
                State::Password { file_name, envelope, error } => view! {
                    <PasswordForm file_name envelope error state progress/>
                }
                .into_any(),
                State::Refused { heading, lines } => view! {
                    <div class="io-refused" role="alert" data-testid="import-refused">
                        <p class="io-refused-heading">{heading}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <button type="button" on:click=move |_| state.set(State::Idle)>"閉じる"</button>
                    </div>
                }
                .into_any(),
                State::Review(review) => view! { <ReviewView review state progress resolutions/> }.into_any(),
                State::Done(message) => view! {
                    <div class="io-done" role="status" data-testid="import-done">
                        <p>{message}</p>
                        <button type="button" on:click=move |_| state.set(State::Idle)>"閉じる"</button>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

/// A chosen file's bytes: an encrypted file asks for its password; anything else is checked.
async fn open_bytes(ctx: AppCtx, file_name: String, bytes: Vec<u8>, progress: RwSignal<Option<Progress>>) -> State {
    if detect_file_kind(&bytes) == FileKind::Encrypted {
        let text = String::from_utf8_lossy(&bytes);
        return match parse_envelope(&text) {
            Ok(envelope) => State::Password { file_name, envelope: Arc::new(envelope), error: None },
            Err(e) => State::Refused {
                heading: refusal_heading(&file_name),
                lines: vec![format!("暗号化されたファイルですが、開けません（{e}）")],
            },
        };
    }
    check_and_plan(ctx, file_name, bytes, progress).await
}

/// Reads the device's records, checks the file and plans the import.
async fn check_and_plan(ctx: AppCtx, file_name: String, bytes: Vec<u8>, progress: RwSignal<Option<Progress>>) -> State {
    let refused = |lines: Vec<String>| State::Refused { heading: refusal_heading(&file_name), lines };
    let local = match load_all(ctx, |i, n| progress.set(Some(Progress::new("この端末のデータを読んでいます", i, n))))
        .await
    {
        Ok(l) => l,
        Err(e) => return refused(vec![e.to_string()]),
    };
    progress.set(Some(Progress::new("ファイルの内容を確かめています", 0, 1)));
    next_frame().await;
    // Checked in pieces (exactly the checks of parse_bundle) so the page can show progress.
    let mut reader = match BundleReader::start(&bytes, &KnownIds::from_records(&local)) {
        Ok(r) => r,
        Err(e) => return refused(e.lines()),
    };
    drop(bytes);
    let total = reader.total();
    loop {
        progress.set(Some(Progress::new("ファイルの内容を確かめています", reader.done(), total)));
        next_frame().await;
        if reader.read(PART_SIZE) {
            break;
        }
    }
    let parsed = match reader.finish() {
        Ok(p) => p,
        Err(e) => return refused(e.lines()),
    };
    let plan = make_plan(&local, &parsed, progress).await;
    State::Review(Arc::new(Review { file_name, parsed, plan, local_diagnoses: diagnoses_of(&local), replanned: None }))
}

fn diagnoses_of(local: &[StoredRecord]) -> Arc<Vec<StoredRecord>> {
    Arc::new(local.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).cloned().collect())
}

async fn make_plan(local: &[StoredRecord], parsed: &ParsedBundle, progress: RwSignal<Option<Progress>>) -> ImportPlan {
    let parts = bundle_parts(&parsed.bundle, PART_SIZE);
    let total = parts.len();
    let mut plans = Vec::with_capacity(total);
    for (i, part) in parts.iter().enumerate() {
        progress.set(Some(Progress::new("取り込む内容を調べています", i, total)));
        next_frame().await;
        plans.push(plan_import(local, part));
    }
    join_plans(plans)
}

#[component]
fn PasswordForm(
    file_name: String,
    envelope: Arc<Envelope>,
    error: Option<String>,
    state: RwSignal<State>,
    progress: RwSignal<Option<Progress>>,
) -> impl IntoView {
    let ctx = super::app();
    let password = RwSignal::new(String::new());
    let name = file_name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let secret = password.get_untracked();
        if secret.is_empty() {
            return;
        }
        let envelope = envelope.clone();
        let file_name = name.clone();
        state.set(State::Busy);
        spawn_local(async move {
            progress.set(Some(Progress::new("パスワードを確かめています", 0, 1)));
            next_frame().await;
            let next = match crypto::decrypt(&envelope, &secret).await {
                Ok(bytes) => check_and_plan(ctx, file_name, bytes, progress).await,
                Err(message) => State::Password { file_name, envelope, error: Some(message) },
            };
            progress.set(None);
            state.set(next);
        });
    };
    view! {
        <form class="io-password" on:submit=submit data-testid="import-password-form"
            on:keydown=move |ev| if ev.key() == "Escape" { state.set(State::Idle) }>
            <p>{format!("「{file_name}」はパスワードで暗号化されています。書き出したときのパスワードを入力してください。")}</p>
            <label class="field">
                <span class="label">"パスワード"</span>
                <input
                    type="password"
                    name="import-password"
                    autocomplete="off"
                    autofocus
                    prop:value=move || password.get()
                    on:input:target=move |ev| password.set(ev.target().value())
                />
                {error.map(|e| view! { <span class="field-error" role="alert" data-testid="password-error">{e}</span> })}
            </label>
            <div class="buttons">
                <button type="submit" class="primary" data-testid="decrypt-button">"開く"</button>
                <button type="button" on:click=move |_| state.set(State::Idle)>"取り消し"</button>
            </div>
        </form>
    }
}

#[component]
fn ReviewView(
    review: Arc<Review>,
    state: RwSignal<State>,
    progress: RwSignal<Option<Progress>>,
    resolutions: RwSignal<Resolutions>,
) -> impl IntoView {
    let ctx = super::app();
    let me = ctx.device_id();
    let facts = file_facts(&review.parsed, &review.file_name, &me);
    let warnings = review.parsed.warnings.clone();
    let notes = review.plan.notes.clone();
    let summary = summary_lines(&review.plan);
    let verdict = plan_verdict(&review.plan);
    let has_changes = review.plan.has_changes();
    let filter = RwSignal::new("changes".to_string());
    let r1 = review.clone();
    let rows = Memo::new(move |_| {
        plan_rows(&r1.plan, &r1.parsed.bundle, ctx.hide_names.get(), PlanFilter::from_value(&filter.get()), LIST_LIMIT)
    });
    let r2 = review.clone();
    let conflicts = Memo::new(move |_| conflict_rows(&r2.plan, &r2.parsed.bundle, &me, ctx.hide_names.get()));
    let r3 = review.clone();
    let resolved = Memo::new(move |_| resolutions.with(|r| resolution_summary(&r3.plan, r)));
    let stored = StoredValue::new(review.clone());
    let choose_all = move |choice: Choice| resolutions.set(stored.with_value(|r| Resolutions::all(&r.plan, choice)));
    let r5 = review.clone();
    let confirm = move |_| {
        let review = r5.clone();
        let chosen = resolutions.get_untracked();
        state.set(State::Busy);
        spawn_local(async move {
            let next = apply(ctx, review, chosen, progress).await;
            progress.set(None);
            state.set(next);
        });
    };

    view! {
        <div class="io-review" data-testid="import-review">
            <h3>"取り込む内容の確認"</h3>
            {review.replanned.map(|n| view! {
                <p class="io-warning" role="alert" data-testid="import-replanned">
                    {format!("取り込む間に、別の画面（タブ）でこの端末の記録が保存されました（{n}件）。上書きしないよう、取り込みを止めました（何も書き込んでいません）。その保存を含めて取り込む内容を調べ直したので、もう一度確認してください。")}
                </p>
            })}
            <ul class="io-facts">{facts.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(!warnings.is_empty() || !notes.is_empty()).then(|| view! {
                <ul class="io-warnings" data-testid="import-warnings">
                    {warnings.into_iter().chain(notes).map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            })}
            <dl class="io-summary" data-testid="plan-summary">
                {summary
                    .into_iter()
                    .map(|s| view! {
                        <div class=format!("io-count {}", s.key) class:zero=s.count == 0 data-testid=format!("summary-{}", s.key)>
                            <dt>{s.label}</dt>
                            <dd>{s.count.to_string()}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
            <p class="io-verdict" data-testid="plan-verdict">{verdict}</p>

            <Show when=move || conflicts.with(|c| !c.is_empty())>
                <div class="io-conflicts" data-testid="conflicts">
                    <h3>"競合: どちらの値にするか選んでください"</h3>
                    <p class="hint">
                        "この端末とファイルの両方で、同じ項目が違う値に変更されています。項目ごとに残す値を選んでください。選ばなかった項目はこの端末の値のままです（上書きされません）。"
                    </p>
                    <div class="buttons">
                        <button type="button" data-testid="choose-all-ours" on:click=move |_| choose_all(Choice::Ours)>
                            "すべて「この端末」の値にする"
                        </button>
                        <button type="button" data-testid="choose-all-theirs" on:click=move |_| choose_all(Choice::Theirs)>
                            "すべて「ファイル」の値にする"
                        </button>
                    </div>
                    <table class="list io-conflict-table">
                        <thead>
                            <tr>
                                <th scope="col">"記録・項目"</th>
                                <th scope="col">"この端末の値"</th>
                                <th scope="col">"ファイルの値"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || conflicts.get() key=|c| (c.record_id.clone(), c.path.clone(), c.ours.clone()) let:c>
                                <ConflictLine c resolutions/>
                            </For>
                        </tbody>
                    </table>
                    <p class="io-resolved" data-testid="resolution-summary">{move || resolved.get()}</p>
                </div>
            </Show>

            <div class="io-plan-list">
                <label class="field">
                    <span class="label">"記録の一覧"</span>
                    <select name="plan-filter" prop:value=move || filter.get() on:change:target=move |ev| filter.set(ev.target().value())>
                        {PlanFilter::CHOICES.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
                    </select>
                </label>
                <table class="list io-plan-table" data-testid="plan-rows">
                    <thead>
                        <tr>
                            <th scope="col">"種類"</th>
                            <th scope="col">"記録"</th>
                            <th scope="col">"取り込み"</th>
                            <th scope="col">"内容"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get().0 key=|r| r.clone() let:r>
                            <tr class=format!("io-row {}", r.key) data-record=r.id.to_string()>
                                <td>{r.kind}</td>
                                <th scope="row">{r.title.clone()}</th>
                                <td><span class=format!("io-badge {}", r.key)>{r.outcome}</span></td>
                                <td>
                                    {r.detail.clone()}
                                    {r.trash_note.map(|n| view! { <span class="hint io-trash-note">{n}</span> })}
                                </td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                {move || {
                    let (shown, more) = rows.with(|(r, m)| (r.len(), *m));
                    if shown == 0 && more == 0 {
                        Some(view! { <p class="empty">"該当する記録はありません。"</p> }.into_any())
                    } else if more > 0 {
                        Some(view! { <p class="hint">{format!("ほか{more}件（一覧の種類を選ぶと絞り込めます）")}</p> }.into_any())
                    } else {
                        None
                    }
                }}
            </div>

            <div class="buttons">
                {if has_changes {
                    view! {
                        <button type="button" class="primary" data-testid="import-apply" on:click=confirm>
                            "取り込む（確定）"
                        </button>
                    }
                    .into_any()
                } else {
                    ().into_any()
                }}
                <button type="button" data-testid="import-cancel" on:click=move |_| state.set(State::Idle)>
                    {if has_changes { "取り消し（取り込まない）" } else { "閉じる" }}
                </button>
            </div>
        </div>
    }
}

#[component]
fn ConflictLine(c: ConflictRow, resolutions: RwSignal<Resolutions>) -> impl IntoView {
    let id = c.record_id.clone();
    let path = c.path.clone();
    let group = format!("conflict-{}-{}", c.record_id, c.path);
    let current = {
        let (id, path) = (id.clone(), path.clone());
        Memo::new(move |_| resolutions.with(|r| r.get(&id, &path)))
    };
    let choose = move |choice: Choice| {
        let (id, path) = (id.clone(), path.clone());
        resolutions.update(|r| r.choose(&id, &path, choice));
    };
    let choose_ours = choose.clone();
    view! {
        <tr data-record=c.record_id.to_string() data-path=c.path.clone() class="io-conflict">
            <th scope="row">
                <span class="io-conflict-record">{c.record.clone()}</span>
                <span class="io-conflict-field">{c.label.clone()}</span>
            </th>
            <td class="io-side" class:chosen=move || current.get() == Some(Choice::Ours)>
                <label class="io-choice">
                    <input
                        type="radio"
                        name=group.clone()
                        value="ours"
                        prop:checked=move || current.get() == Some(Choice::Ours)
                        on:change=move |_| choose_ours(Choice::Ours)
                    />
                    <span class="io-value" data-side="ours">{c.ours.clone()}</span>
                </label>
                <span class="hint">{c.our_stamp.clone()}</span>
            </td>
            <td class="io-side" class:chosen=move || current.get() == Some(Choice::Theirs)>
                <label class="io-choice">
                    <input
                        type="radio"
                        name=group
                        value="theirs"
                        prop:checked=move || current.get() == Some(Choice::Theirs)
                        on:change=move |_| choose(Choice::Theirs)
                    />
                    <span class="io-value" data-side="theirs">{c.theirs.clone()}</span>
                </label>
                <span class="hint">{c.their_stamp.clone()}</span>
            </td>
        </tr>
    }
}

/// Applies the plan in parts and writes it in one transaction that expects every record it
/// writes (and their 地域診断) as the plan saw them. If another tab saved any of them
/// meanwhile, nothing is written: the device's records are read again, the plan is made again
/// and the review shows it with a message.
async fn apply(ctx: AppCtx, review: Arc<Review>, chosen: Resolutions, progress: RwSignal<Option<Progress>>) -> State {
    let parts = plan_parts(&review.plan, PART_SIZE);
    let total = parts.len() + 1;
    let mut applied = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        progress.set(Some(Progress::new("取り込む記録を作っています", i, total)));
        next_frame().await;
        applied.push(apply_plan(part, &chosen));
    }
    let applied = join_applied(applied);
    progress.set(Some(Progress::new("保存しています（1回の書き込みでまとめて保存します）", total - 1, total)));
    next_frame().await;
    let message = import_done_message(&review.plan, &applied);
    let notes = applied.notes.clone();
    if applied.records.is_empty() {
        ctx.notice.set(Some(Notice::Done(message.clone())));
        return State::Done(message);
    }
    let expect: Vec<Expect> = planned_reads(&review.plan, &applied.records, &review.local_diagnoses)
        .into_iter()
        .map(|r| Expect { id: r.id, kind: r.kind, meta: r.meta })
        .collect();
    let (put_diagnoses, put_records) = split_diagnoses(applied.records);
    let batch = WriteBatch { put_diagnoses, put_records, expect, ..WriteBatch::default() };
    match ctx.save(batch, &message).await {
        Ok(()) => {
            let text = if notes.is_empty() { message } else { format!("{message}。{}", notes.join("。")) };
            State::Done(text)
        }
        Err(StorageError::Changed(ids)) => {
            // Another tab saved meanwhile: nothing was written. Plan again from what is there now.
            let local = match load_all(ctx, |i, n| {
                progress.set(Some(Progress::new("この端末のデータを読み直しています", i, n)))
            })
            .await
            {
                Ok(l) => l,
                Err(e) => {
                    ctx.notice.set(Some(Notice::Error(e.to_string())));
                    return State::Review(review);
                }
            };
            let plan = make_plan(&local, &review.parsed, progress).await;
            ctx.notice.set(Some(Notice::Error(
                "別の画面（タブ）で記録が保存されたため、取り込みを止めました。何も書き込んでいません。取り込む内容を調べ直したので、もう一度確認してください。"
                    .to_string(),
            )));
            State::Review(Arc::new(Review {
                plan,
                local_diagnoses: diagnoses_of(&local),
                replanned: Some(ids.len()),
                ..(*review).clone()
            }))
        }
        // ctx.save showed the message; nothing was written (one transaction).
        Err(_) => State::Review(review),
    }
}
