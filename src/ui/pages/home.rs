//! 地域診断の一覧: create, rename, switch, delete to the ゴミ箱 (after a confirmation naming
//! it; restored or removed for good from the ゴミ箱 below the list, [`trash`]), and
//! 「次年度の地域診断を作る」 (the next 年度 of the same 地区名 from a copy of this year's
//! 概況, 療養者, 事業 and ステーション, written in one transaction).

mod trash;
pub use trash::restore;

use super::sample::SampleBadge;
use crate::domain::diagnosis::{duplicate_issue, same_diagnosis, DiagnosisEntry, DiagnosisInput};
use crate::domain::forms::next_year::{build_next_year, plan_next_year, NextYearPlan};
use crate::domain::issues::Issues;
use crate::domain::record::StoredRecord;
use crate::domain::sample;
use crate::domain::save::{Target, Trashed};
use crate::route::{Route, Section};
use crate::storage::{Store, WriteBatch};
use crate::ui::components::FieldIssues;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::editor::{RecordSaver, SaveConflicts};
use crate::ui::modal::Modal;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the create form or the rename form shows for the year as typed.
fn year_preview(input: &DiagnosisInput) -> String {
    match crate::domain::fiscal_year::FiscalYear::parse(&input.fiscal_year) {
        Ok(fy) => fy.to_string(),
        Err(_) => String::new(),
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = use_app();
    let form = RwSignal::new(DiagnosisInput::default());
    let tried = RwSignal::new(false);
    let parsed = Memo::new(move |_| form.with(|f| f.parse()));
    let issues =
        Signal::derive(move || if tried.get() { parsed.get().err().unwrap_or_default() } else { Issues::new() });
    let editing = RwSignal::new(None::<(DiagnosisEntry, DiagnosisInput)>);
    let deleting = RwSignal::new(None::<DiagnosisEntry>);
    let next_year = RwSignal::new(None::<NextYear>);
    // The same 地区名 and 年度 already on the list: refused, with a link to open it.
    let duplicate = RwSignal::new(None::<DiagnosisEntry>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Ok(diagnosis) = parsed.get_untracked() else { return };
        let existing = ctx.diagnoses.with_untracked(|all| same_diagnosis(all, &diagnosis, None).cloned());
        duplicate.set(existing.clone());
        if existing.is_some() {
            return;
        }
        let id = platform::new_record_id();
        let Ok(record) = StoredRecord::create(id.clone(), id.clone(), &diagnosis, platform::now(), &ctx.device_id())
        else {
            return;
        };
        spawn_local(async move {
            let batch = WriteBatch { put_diagnoses: vec![record], ..WriteBatch::default() };
            if ctx.save(batch, "地域診断を作成しました").await.is_ok() {
                form.set(DiagnosisInput::default());
                tried.set(false);
                ctx.go(Route::Diagnosis { id, section: Section::Overview, item: None });
            }
        });
    };

    view! {
        <section class="home">
            <h1>"地域診断の一覧"</h1>
            <p class="lead">"地域診断は、ひとつの管轄地域（地区名）とひとつの年度の組です。開くと様式1〜4・集計・判断樹を入力できます。"</p>
            <super::sample::FirstUse/>

            <form class="card create-form" on:submit=create novalidate>
                <h2>"新しい地域診断"</h2>
                <div class="field-row">
                    <label class="field">
                        <span class="label">"地区名"</span>
                        <input
                            type="text"
                            name="jurisdiction"
                            maxlength="60"
                            placeholder="例: ○○保健所管内"
                            prop:value=move || form.with(|f| f.jurisdiction.clone())
                            on:input:target=move |ev| form.update(|f| f.jurisdiction = ev.target().value())
                        />
                        <FieldIssues issues=issues field="jurisdiction"/>
                    </label>
                    <label class="field">
                        <span class="label">"年度"</span>
                        <input
                            type="text"
                            name="fiscal_year"
                            inputmode="numeric"
                            placeholder="例: 2025 または 令和7"
                            prop:value=move || form.with(|f| f.fiscal_year.clone())
                            on:input:target=move |ev| form.update(|f| f.fiscal_year = ev.target().value())
                        />
                        <span class="hint" data-testid="year-preview">{move || form.with(year_preview)}</span>
                        <FieldIssues issues=issues field="fiscal_year"/>
                    </label>
                    <button type="submit" class="primary">"作成"</button>
                </div>
                {move || duplicate.get().map(|e| {
                    let href = Route::Diagnosis { id: e.record.meta.id.clone(), section: Section::Overview, item: None }.to_hash();
                    view! {
                        <p class="field-error" role="alert" data-testid="create-duplicate">
                            {format!("「{}」はすでにあります（同じ地区名・年度の地域診断は1つだけにします）。", e.diagnosis.title())}
                            <a href=href class="inline-target">"それを開く"</a>
                        </p>
                    }
                })}
            </form>

            <DiagnosisList editing deleting next_year/>
            <trash::DiagnosisTrash/>
            <crate::ui::lock_screen::LockOffer/>
            <super::sample::SampleCard/>

            {move || editing.get().map(|(entry, input)| view! { <RenameDialog entry input editing/> })}
            {move || next_year.get().map(|pending| view! { <NextYearDialog pending next_year/> })}
            <trash::TrashConfirm deleting/>
        </section>
    }
}

#[component]
fn DiagnosisList(
    editing: RwSignal<Option<(DiagnosisEntry, DiagnosisInput)>>,
    deleting: RwSignal<Option<DiagnosisEntry>>,
    next_year: RwSignal<Option<NextYear>>,
) -> impl IntoView {
    let ctx = use_app();
    let last_open = StoredValue::new(platform::setting::<String>(platform::keys::LAST_DIAGNOSIS));
    view! {
        <Show
            when=move || !ctx.diagnoses.with(Vec::is_empty)
            fallback=|| view! { <p class="empty" data-testid="no-diagnoses">"まだ地域診断がありません。上の欄から作成してください。"</p> }
        >
            <table class="list diagnoses" data-testid="diagnosis-list">
                <DiagnosisHead when="最終更新"/>
                <tbody>
                    <For
                        each=move || ctx.diagnoses.get()
                        key=|e| (e.record.meta.id.clone(), e.record.meta.rev)
                        let:entry
                    >
                        {
                            let id = entry.record.meta.id.clone();
                            let was_last = last_open.with_value(|l| l.as_deref() == Some(id.as_str()));
                            let open_route = Route::Diagnosis { id: id.clone(), section: Section::Overview, item: None };
                            let for_edit = entry.clone();
                            let for_delete = entry.clone();
                            let for_next = entry.clone();
                            view! {
                                <tr class:current=was_last>
                                    <th scope="row">
                                        <a href=open_route.to_hash()>{entry.diagnosis.jurisdiction.clone()}</a>
                                        {was_last.then(|| view! { <span class="tag">"前回開いた地域診断"</span> })}
                                        {sample::is_sample_diagnosis(&id).then(|| view! { <SampleBadge testid="sample-tag"/> })}
                                    </th>
                                    <td>{entry.diagnosis.fiscal_year.to_string()}</td>
                                    <td>{entry.record.meta.updated_at.display_jst()}</td>
                                    <td class="actions">
                                        <a class="button" href=open_route.to_hash()>"開く"</a>
                                        <button on:click=move |_| {
                                            let input = DiagnosisInput::from_diagnosis(&for_edit.diagnosis);
                                            editing.set(Some((for_edit.clone(), input)));
                                        }>"名前・年度を変更"</button>
                                        <button data-testid="next-year" on:click=move |_| ask_next_year(ctx, for_next.clone(), next_year)>
                                            "次年度の地域診断を作る"
                                        </button>
                                        <button class="danger" on:click=move |_| deleting.set(Some(for_delete.clone()))>"削除"</button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </Show>
    }
}

/// The headings of a table of 地域診断 (the list, the ゴミ箱): 地区名, 年度, `when`, 操作.
#[component]
fn DiagnosisHead(when: &'static str) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">"地区名"</th>
                <th scope="col">"年度"</th>
                <th scope="col">{when}</th>
                <th scope="col"><span class="visually-hidden">"操作"</span></th>
            </tr>
        </thead>
    }
}

#[component]
fn RenameDialog(
    entry: DiagnosisEntry,
    input: DiagnosisInput,
    editing: RwSignal<Option<(DiagnosisEntry, DiagnosisInput)>>,
) -> impl IntoView {
    let ctx = use_app();
    let form = RwSignal::new(input);
    let parsed = Memo::new(move |_| form.with(|f| f.parse()));
    let id = StoredValue::new(entry.record.meta.id.clone());
    // Another 地域診断 already has this 地区名 and 年度: refused like a new one.
    let issues = Signal::derive(move || match parsed.get() {
        Err(issues) => issues,
        Ok(d) => ctx
            .diagnoses
            .with(|all| id.with_value(|id| same_diagnosis(all, &d, Some(id)).map(duplicate_issue).unwrap_or_default())),
    });
    let saver = RecordSaver::detached(ctx, entry.record.body.to_value());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if issues.with_untracked(|i| i.has_errors()) {
            return;
        }
        let Ok(diagnosis) = parsed.get_untracked() else { return };
        saver.save(Target::Existing(id.get_value()), diagnosis, Trashed::Refuse, move |_| editing.set(None));
    };
    view! {
        <Modal labelled_by="rename-title" initial_focus="input[name=rename-jurisdiction]"
            on_close=Callback::new(move |()| editing.set(None))>
            <form on:submit=save novalidate>
                <h2 id="rename-title">"地域診断の名前・年度を変更"</h2>
                <p class="hint">{format!("変更前: {}", entry.diagnosis.title())}</p>
                <label class="field">
                    <span class="label">"地区名"</span>
                    <input
                        type="text"
                        name="rename-jurisdiction"
                        maxlength="60"
                        prop:value=move || form.with(|f| f.jurisdiction.clone())
                        on:input:target=move |ev| form.update(|f| f.jurisdiction = ev.target().value())
                    />
                    <FieldIssues issues field="jurisdiction"/>
                </label>
                <label class="field">
                    <span class="label">"年度"</span>
                    <input
                        type="text"
                        name="rename-fiscal-year"
                        prop:value=move || form.with(|f| f.fiscal_year.clone())
                        on:input:target=move |ev| form.update(|f| f.fiscal_year = ev.target().value())
                    />
                    <span class="hint">{move || form.with(year_preview)}</span>
                    <FieldIssues issues field="fiscal_year"/>
                </label>
                <div class="buttons">
                    <button type="submit" class="primary">"保存"</button>
                    <button type="button" on:click=move |_| editing.set(None)>"取り消し"</button>
                </div>
            </form>
        </Modal>
        <SaveConflicts saver/>
    }
}

/// 「次年度の地域診断を作る」 waiting for the nurse's confirmation: the source, its records
/// and the plan.
#[derive(Clone, Debug, PartialEq)]
struct NextYear {
    source: DiagnosisEntry,
    records: Vec<StoredRecord>,
    plan: NextYearPlan,
}

/// Reads the 地域診断's records and plans the copy; refuses (in Japanese) when the next 年度
/// already exists.
fn ask_next_year(ctx: AppCtx, source: DiagnosisEntry, next_year: RwSignal<Option<NextYear>>) {
    spawn_local(async move {
        let records = match ctx.store() {
            Ok(store) => store.list_records(&source.record.meta.id).await,
            Err(e) => Err(e),
        };
        let records = match records {
            Ok(r) => r,
            Err(e) => {
                ctx.error(format!("次年度の地域診断を作れませんでした: {e}"));
                return;
            }
        };
        let plan = ctx.diagnoses.with_untracked(|existing| plan_next_year(existing, &source, &records));
        match plan {
            Ok(plan) => next_year.set(Some(NextYear { source, records, plan })),
            Err(refused) => ctx.error(refused),
        }
    });
}

/// The confirmation: what will be created and copied (counts), and what will not.
#[component]
fn NextYearDialog(pending: NextYear, next_year: RwSignal<Option<NextYear>>) -> impl IntoView {
    let ctx = use_app();
    let title = pending.plan.target.title();
    let source_title = pending.plan.source.title();
    let lines = pending.plan.lines();
    let not_copied = pending.plan.not_copied();
    let pending = StoredValue::new(pending);
    let busy = RwSignal::new(false);
    let create = move |_| {
        if busy.get_untracked() {
            return;
        }
        let NextYear { source, records, .. } = pending.get_value();
        // Planned again: another tab may have created that year meanwhile.
        let plan = match ctx.diagnoses.with_untracked(|existing| plan_next_year(existing, &source, &records)) {
            Ok(plan) => plan,
            Err(refused) => {
                next_year.set(None);
                ctx.error(refused);
                return;
            }
        };
        // Made from the sample, the next 年度 is the sample's too.
        let source_id = source.record.meta.id.clone();
        let built = build_next_year(
            &plan,
            &source.record.meta.id,
            &records,
            || sample::fresh_id_in(&source_id, platform::new_record_id()),
            platform::now(),
            &ctx.device_id(),
        );
        let (diagnosis, copies) = match built {
            Ok(b) => b,
            Err(e) => {
                next_year.set(None);
                ctx.error(format!("次年度の地域診断を作れませんでした（何も保存していません）: {e}"));
                return;
            }
        };
        let id = diagnosis.meta.id.clone();
        let message = format!("「{}」を作成しました（{}件の記録をコピーしました）", plan.target.title(), copies.len());
        busy.set(true);
        spawn_local(async move {
            let batch = WriteBatch { put_diagnoses: vec![diagnosis], put_records: copies, ..WriteBatch::default() };
            let ok = ctx.save(batch, &message).await.is_ok();
            busy.set(false);
            next_year.set(None);
            if ok {
                ctx.go(Route::Diagnosis { id, section: Section::Overview, item: None });
            }
        });
    };
    view! {
        <Modal labelled_by="next-year-title" alert=true class="next-year-dialog" testid="next-year-dialog"
            initial_focus="button.cancel" on_close=Callback::new(move |()| next_year.set(None))>
                <h2 id="next-year-title">"次年度の地域診断を作る"</h2>
                <p>{format!("「{source_title}」をもとに、「{title}」を作ります。")}</p>
                <p class="copy-heading">"コピーするもの（すべて新しい記録になり、今年度の記録は変わりません）:"</p>
                <ul class="copy-list" data-testid="next-year-counts">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
                <p class="hint">{not_copied}</p>
                <div class="buttons">
                    <button class="primary" data-testid="next-year-confirm" disabled=move || busy.get() on:click=create>
                        "作成する"
                    </button>
                    <button class="cancel" on:click=move |_| next_year.set(None)>"取り消し"</button>
                </div>
        </Modal>
    }
}
