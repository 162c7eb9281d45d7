//! 書き出し: choose what (全ての地域診断 / 選んだ地域診断 / 選んだ療養者, ゴミ箱 or not) and how
//! (パスワードで暗号化 / そのまま / 匿名化), then download the file. A whole-地域診断 export that
//! is not anonymised is recorded in the export log (the backup reminder).
//!
//! A file with names and addresses is encrypted unless the nurse chooses そのまま (which says,
//! in one line, what that means); the ゴミ箱 (and a 地域診断 in it) is left out unless ticked.

use super::export_choices::{
    AnonReview, AnonReviewView, DiagnosisPicker, Mode, ModeRadio, PatientPicker, ScopeKind, ScopeRadio,
};
use super::{Progress, ProgressBar};
use crate::domain::bundle::anonymise::{AnonymiseOptions, FreeTextField};
use crate::domain::bundle::dataio::{
    diagnosis_choices, password_issues, patient_choices, scope_problem, KindCounts, MIN_PASSWORD_CHARS,
};
use crate::domain::bundle::export_job::{base_map_bytes, base_map_choice, ExportHow, ExportJob};
use crate::domain::bundle::{export_pool, select_for_export, ExportScope};
use crate::domain::ids::RecordId;
use crate::domain::io_protocol::{Reply, Request, CANCELLED};
use crate::domain::issues::Issues;
use crate::domain::sample::is_sample_record;
use crate::ui::components::FieldIssues;
use crate::ui::ctx::{AppCtx, Notice};
use crate::ui::{io_client, platform};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::sync::Arc;

fn random_prefix() -> String {
    platform::random_uuid().chars().filter(char::is_ascii_alphanumeric).take(8).collect()
}

/// Asks the I/O worker for 匿名化の内容 of `scope` with these options.
async fn ask_preview(
    scope: ExportScope,
    include_sample: bool,
    options: AnonymiseOptions,
    progress: RwSignal<Option<Progress>>,
) -> Result<AnonReview, String> {
    let request = Request::AnonPreview {
        database: platform::DATABASE_NAME.to_string(),
        scope: scope.clone(),
        include_sample,
        options: options.clone(),
    };
    let reply = io_client::request(&request, None, Progress::reporter(progress)).await?;
    match reply {
        Reply::AnonPreview { preview } => Ok(AnonReview { scope, id_prefix: options.id_prefix, preview }),
        Reply::Failed { message } => Err(message),
        _ => Err("匿名化の内容を作れませんでした".to_string()),
    }
}

/// Asks the I/O worker to write the file of `job`, downloads it, and says so.
async fn write_file(ctx: AppCtx, job: ExportJob, progress: RwSignal<Option<Progress>>) -> Result<(), String> {
    let request = Request::Export { database: platform::DATABASE_NAME.to_string(), job };
    let (reply, file) = io_client::ask(&request, None, Progress::reporter(progress)).await?;
    match (reply, file) {
        (Reply::Exported { file_name, message, logged }, Some(blob)) => {
            platform::download_blob(&file_name, &blob)?;
            if logged {
                // Recorded as a backup: the reminder and this page re-read the log.
                ctx.written(&message).await;
            } else {
                ctx.notice.set(Some(Notice::Done(message)));
            }
            Ok(())
        }
        (Reply::Failed { message }, _) => Err(message),
        _ => Err("ファイルを受け取れませんでした".to_string()),
    }
}

// TODO(issue 11): split into sections; left for the bundle/import work that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn ExportPanel() -> impl IntoView {
    let ctx = super::app();
    let progress = RwSignal::new(None::<Progress>);
    let busy = Memo::new(move |_| progress.with(Option::is_some));

    // Every record, for the choices and counts (re-read after every save, shared with the
    // backup status).
    let backup = super::backup::use_backup_status();
    let all_records = Memo::new(move |_| backup.records());
    let include_trash = RwSignal::new(false);
    // A 地域診断 in the ゴミ箱 is offered only with the ゴミ箱.
    let choices = Memo::new(move |_| diagnosis_choices(&all_records.get(), include_trash.get()));

    let scope_kind = RwSignal::new(ScopeKind::All);
    let picked = RwSignal::new(BTreeSet::<RecordId>::new());
    let patients_of = RwSignal::new(None::<RecordId>);
    let picked_patients = RwSignal::new(BTreeSet::<RecordId>::new());
    // 変更履歴 (issue 17): kept in a backup by default; never in an anonymised file.
    let include_history = RwSignal::new(true);
    // 「全ての地域診断」 leaves the サンプル out unless ticked.
    let include_sample = RwSignal::new(false);
    let has_sample = Memo::new(move |_| all_records.with(|all| all.iter().any(is_sample_record)));
    // 下図の画像 (issue 14): large, so it travels only when ticked; offered when the chosen
    // records hold one.
    let include_base_map = RwSignal::new(false);
    let mode = RwSignal::new(Mode::Encrypted);
    let password = RwSignal::new(String::new());
    let password_again = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let keep = RwSignal::new(BTreeSet::<FreeTextField>::new());
    let ages_as_bands = RwSignal::new(true);
    let review = RwSignal::new(None::<Arc<AnonReview>>);

    let patients_diagnosis =
        Memo::new(move |_| patients_of.get().or_else(|| choices.with(|c| c.first().map(|c| c.id.clone()))));
    let patient_list = Memo::new(move |_| match patients_diagnosis.get() {
        Some(d) => all_records.with(|all| patient_choices(all, &d, ctx.hide_names.get(), include_trash.get())),
        None => Vec::new(),
    });
    let scope = Memo::new(move |_| match scope_kind.get() {
        ScopeKind::All => ExportScope::All,
        ScopeKind::Diagnoses => ExportScope::Diagnoses {
            ids: choices
                .with(|c| picked.with(|p| c.iter().filter(|c| p.contains(&c.id)).map(|c| c.id.clone()).collect())),
        },
        ScopeKind::Patients => ExportScope::Patients {
            diagnosis_id: patients_diagnosis.get().unwrap_or_else(|| RecordId::sanitized("none")),
            patient_ids: patient_list.with(|l| {
                picked_patients.with(|p| l.iter().filter(|c| p.contains(&c.id)).map(|c| c.id.clone()).collect())
            }),
        },
    });
    let selection = Memo::new(move |_| {
        let (d, r) = all_records.with(|all| {
            let pool = export_pool(all, &scope.get(), include_sample.get());
            select_for_export(&pool, &scope.get(), include_trash.get())
        });
        (KindCounts::of(d.iter().chain(&r)), base_map_bytes(&r))
    });
    let image_bytes = Memo::new(move |_| selection.with(|(_, bytes)| *bytes));
    let password_check = Memo::new(move |_| password_issues(&password.get(), &password_again.get()));
    let shown_issues = Signal::derive(move || if tried.get() { password_check.get() } else { Issues::new() });
    let review_current = Memo::new(move |_| review.with(|r| r.as_ref().is_some_and(|r| r.scope == scope.get())));

    // 匿名化の内容 for the current options, made by the I/O worker.
    let options_now = move |id_prefix: String| AnonymiseOptions {
        id_prefix,
        keep_free_text: keep.get_untracked(),
        ages_as_bands: ages_as_bands.get_untracked(),
    };
    let preview = move |scope: ExportScope, id_prefix: String, label: &'static str| {
        progress.set(Some(Progress::new(label, 0, 1)));
        spawn_local(async move {
            match ask_preview(scope, include_sample.get_untracked(), options_now(id_prefix), progress).await {
                Ok(r) => review.set(Some(Arc::new(r))),
                Err(e) => ctx.notice.set(Some(Notice::Error(e))),
            }
            progress.set(None);
        });
    };
    let refresh_review = move || {
        if let Some(base) = review.get_untracked() {
            preview(base.scope.clone(), base.id_prefix.clone(), "匿名化の内容を作り直しています");
        }
    };
    let make_review = move || {
        let scope = scope.get_untracked();
        if let Some(problem) = scope_problem(&scope) {
            ctx.notice.set(Some(Notice::Error(problem.to_string())));
            return;
        }
        preview(scope, random_prefix(), "匿名化しています");
    };

    let run_export = move || {
        let scope = scope.get_untracked();
        if let Some(problem) = scope_problem(&scope) {
            ctx.notice.set(Some(Notice::Error(problem.to_string())));
            return;
        }
        let mode = mode.get_untracked();
        if mode == Mode::Encrypted && password_check.get_untracked().has_errors() {
            tried.set(true);
            return;
        }
        let how = match mode {
            Mode::Plain => ExportHow::Plain,
            Mode::Encrypted => ExportHow::Encrypted { password: password.get_untracked() },
            Mode::Anonymised => match review.get_untracked() {
                Some(r) if r.scope == scope => ExportHow::Anonymised { options: options_now(r.id_prefix.clone()) },
                _ => {
                    ctx.notice.set(Some(Notice::Error("先に「匿名化の内容を確認する」を押してください".to_string())));
                    return;
                }
            },
        };
        let job = ExportJob {
            scope,
            include_trash: include_trash.get_untracked(),
            include_sample: include_sample.get_untracked(),
            include_history: include_history.get_untracked(),
            include_base_map: include_base_map.get_untracked(),
            how,
            exported_at: platform::now(),
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            device: ctx.device_id(),
        };
        progress.set(Some(Progress::new("書き出しを準備しています", 0, 1)));
        spawn_local(async move {
            match write_file(ctx, job, progress).await {
                Ok(()) => {
                    if mode == Mode::Encrypted {
                        password.set(String::new());
                        password_again.set(String::new());
                        tried.set(false);
                    }
                }
                Err(e) if e == CANCELLED => ctx.notice.set(Some(Notice::Done(e))),
                Err(e) => ctx.notice.set(Some(Notice::Error(format!("書き出せませんでした: {e}")))),
            }
            progress.set(None);
        });
    };

    view! {
        <section class="card io-section" id="io-export" data-testid="export-panel">
            <h2>"書き出し（共有・バックアップ）"</h2>
            <form
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if !busy.get_untracked() {
                        run_export();
                    }
                }
            >
            <fieldset class="field">
                <legend class="label">"書き出す範囲"</legend>
                <div class="io-options">
                    <ScopeRadio scope_kind value=ScopeKind::All label="全ての地域診断（バックアップ）" key="all"/>
                    <ScopeRadio scope_kind value=ScopeKind::Diagnoses label="地域診断を選ぶ" key="diagnoses"/>
                    <ScopeRadio scope_kind value=ScopeKind::Patients label="療養者を選ぶ（1つの地域診断から）" key="patients"/>
                </div>
            </fieldset>

            <Show when=move || scope_kind.get() == ScopeKind::Diagnoses>
                <DiagnosisPicker choices picked/>
            </Show>
            <Show when=move || scope_kind.get() == ScopeKind::Patients>
                <PatientPicker choices patients_diagnosis patients_of patient_list picked_patients/>
            </Show>

            <Show when=move || scope_kind.get() == ScopeKind::All && has_sample.get()>
                <label class="io-check">
                    <input
                        type="checkbox"
                        name="include-sample"
                        prop:checked=move || include_sample.get()
                        on:change:target=move |ev| include_sample.set(ev.target().checked())
                    />
                    "サンプルの地域診断も含める（サンプルは練習用の架空のデータです。ふつうは含めません）"
                </label>
            </Show>

            <label class="io-check">
                <input
                    type="checkbox"
                    name="include-trash"
                    prop:checked=move || include_trash.get()
                    prop:disabled=move || mode.get() == Mode::Anonymised
                    on:change:target=move |ev| include_trash.set(ev.target().checked())
                />
                "ゴミ箱の記録も含める（ゴミ箱の地域診断も。バックアップでは含めることをおすすめします。匿名化したファイルには含めません）"
            </label>
            <label class="io-check">
                <input
                    type="checkbox"
                    name="include-history"
                    data-testid="include-history"
                    prop:checked=move || include_history.get() && mode.get() != Mode::Anonymised
                    prop:disabled=move || mode.get() == Mode::Anonymised
                    on:change:target=move |ev| include_history.set(ev.target().checked())
                />
                "変更履歴も含める（誰がいつ何を変えたか。匿名化したファイルには含めません）"
            </label>

            <Show when=move || { image_bytes.get() > 0 }>
                <label class="io-check">
                    <input
                        type="checkbox"
                        name="include-base-map"
                        data-testid="include-base-map"
                        prop:checked=move || include_base_map.get()
                        on:change:target=move |ev| include_base_map.set(ev.target().checked())
                    />
                    {move || base_map_choice(image_bytes.get())}
                </label>
            </Show>

            <p class="io-selection" data-testid="export-selection">
                {move || format!("書き出す記録: {}", selection.with(|(counts, _)| counts.describe()))}
            </p>

            <fieldset class="field">
                <legend class="label">"書き出し方"</legend>
                <div class="io-options">
                    <ModeRadio mode value=Mode::Encrypted key="encrypted" label="パスワードで暗号化（バックアップ、メールやUSBメモリで渡すとき）"/>
                    <ModeRadio mode value=Mode::Plain key="plain" label="暗号化しない（この端末や同僚の端末でパスワードなしで読み込めるファイル）"/>
                    <ModeRadio mode value=Mode::Anonymised key="anonymised" label="匿名化（研修や外部への提供のとき）"/>
                </div>
            </fieldset>

            <Show when=move || mode.get() == Mode::Plain>
                <p class="io-warning" role="note" data-testid="plain-warning">
                    "暗号化しないファイルには氏名・住所が読める形で入ります。端末の外に持ち出さないでください。"
                </p>
            </Show>

            <Show when=move || mode.get() == Mode::Encrypted>
                <div class="io-password">
                    <p class="io-warning" role="note">
                        "パスワードを忘れると、このファイルは誰にも開けなくなります（復元の方法はありません）。パスワードは控えておき、ファイルとは別の方法（電話など）で相手に伝えてください。"
                    </p>
                    <label class="field">
                        <span class="label">{format!("パスワード（{MIN_PASSWORD_CHARS}文字以上）")}</span>
                        <input
                            type="password"
                            name="password"
                            autocomplete="new-password"
                            prop:value=move || password.get()
                            on:input:target=move |ev| password.set(ev.target().value())
                        />
                        <span class="hint">"例: 3つ以上の言葉を組み合わせる（「さくら もみじ いちょう」など）"</span>
                        <FieldIssues issues=shown_issues field="password"/>
                    </label>
                    <label class="field">
                        <span class="label">"パスワード（確認のためもう一度）"</span>
                        <input
                            type="password"
                            name="password_again"
                            autocomplete="new-password"
                            prop:value=move || password_again.get()
                            on:input:target=move |ev| password_again.set(ev.target().value())
                        />
                        <FieldIssues issues=shown_issues field="password_again"/>
                    </label>
                </div>
            </Show>

            <Show when=move || mode.get() == Mode::Anonymised>
                <div class="io-anon">
                    <p class="io-warning" role="note">
                        "研修等で使用の際は、ID番号等により匿名化すること。氏名・ID番号は「療養者001」のような番号に、住所は市町村までに、日時は月の初めに置き換えます。内容を確認してから書き出してください。"
                    </p>
                    <button type="button" data-testid="anon-review-button" prop:disabled=move || busy.get() on:click=move |_| make_review()>
                        "匿名化の内容を確認する"
                    </button>
                    {move || review.get().filter(|_| review_current.get()).map(|r| view! {
                        <AnonReviewView review=r keep ages_as_bands on_change=Callback::new(move |_| refresh_review())/>
                    })}
                </div>
            </Show>

            <ProgressBar progress stop=("取り消し（書き出しを止める）", "export-stop")/>
            <div class="buttons">
                <button
                    type="submit"
                    class="primary"
                    data-testid="export-button"
                    prop:disabled=move || busy.get() || (mode.get() == Mode::Anonymised && !review_current.get())
                    on:click=move |_| run_export()
                >
                    {move || match mode.get() {
                        Mode::Plain => "書き出す",
                        Mode::Encrypted => "暗号化して書き出す",
                        Mode::Anonymised => "匿名化したファイルを書き出す",
                    }}
                </button>
            </div>
            </form>
        </section>
    }
}
