//! One programme in a form, in the paper form's order: 実施主体, 実施, 実施件数, the
//! 難病対策地域協議会 or 難病相談支援センター section, 事業の概要, 成果, 課題 — with last
//! year's values beside this year's. Enter saves, Esc cancels; errors block saving and name
//! the field, warnings are shown. A saved row can be deleted (to the ゴミ箱).

use super::PageData;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::issues::Issues;
use crate::domain::programmes::form::fields;
use crate::domain::programmes::sheet::{
    center_operation_from_value, center_operation_options, center_operation_value, council_unit_from_value,
    council_unit_options, council_unit_value, count_display, implemented_from_value, implemented_options,
    implemented_value, previous_row, related_meeting_options, trash_record, SheetRow, NEW_ROW_KEY,
};
use crate::domain::programmes::{
    implemented_label, CenterActivity, CouncilUnit, Programme, ProgrammeForm, ProgrammeKind, StandardProgramme,
};
use crate::storage::WriteBatch;
use crate::ui::components::{ChoiceInput, ConfirmDialog, FieldIssues, IssueSummary, TextInput};
use crate::ui::ctx::{use_app, Notice};
use crate::ui::form::{DirtyMark, DraftOffer, FormState};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The seed's example of a 課題 (given for 在宅人工呼吸器使用患者支援事業).
const CHALLENGE_EXAMPLE: &str = "記入例: 委託契約している訪問看護ステーションは県内○ヶ所、管内○ヶ所あるが新規の事業利用者が少なく、事業の周知が不十分と、患者からの意見がある。";

fn options(list: Vec<(&'static str, &'static str)>) -> Vec<(&'static str, String)> {
    list.into_iter().map(|(v, label)| (v, label.to_string())).collect()
}

/// The draft key of a row's form: standard rows by their programme (the same before and
/// after the first save), 独自事業 by record ID, a new one by `new`.
fn draft_key(diagnosis: &str, row: Option<&SheetRow>) -> String {
    let part = match row {
        Some(r) => match r.programme.programme {
            ProgrammeKind::Standard { key } => format!("std-{}", key.key()),
            ProgrammeKind::Own { .. } => r.key.clone(),
        },
        None => NEW_ROW_KEY.to_string(),
    };
    format!("programme:{diagnosis}:{part}")
}

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn ProgrammeDetail(data: PageData, item: String) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let fiscal_year = entry.diagnosis.fiscal_year;
    let list_href = PageData::list_route(&diagnosis_id).to_hash();
    let is_new = item == NEW_ROW_KEY;
    let row =
        if is_new { None } else { data.sheet.with_untracked(|s| s.as_ref().and_then(|s| s.find(&item).cloned())) };
    if !is_new && row.is_none() {
        return view! {
            <section class="no-print" data-testid="programme-missing">
                <h1>"事業が見つかりません"</h1>
                <p>"この事業は削除されたか、まだありません。"<a href=list_href>"様式2の一覧"</a>"に戻ってください。"</p>
            </section>
        }
        .into_any();
    }
    let initial = row.as_ref().map_or_else(ProgrammeForm::default, |r| ProgrammeForm::from_record(&r.programme));
    let saved = row.as_ref().is_some_and(SheetRow::is_saved);
    let standard = initial.standard;
    let form = FormState::new(draft_key(diagnosis_id.as_str(), row.as_ref()), diagnosis_id.clone(), initial);
    let issues: Signal<Issues> = {
        let memo = Memo::new(move |_| form.value.with(|f| f.issues(fiscal_year)));
        Signal::derive(move || memo.get())
    };
    let stored_row = StoredValue::new(row);
    let previous = Memo::new(move |_| {
        data.previous.with(|prev| {
            let prev = prev.as_ref()?;
            stored_row.with_value(|row| {
                let row = row.as_ref()?;
                previous_row(&prev.entries, row).map(|e| (prev.fiscal_year, e.programme.clone()))
            })
        })
    });
    let confirm_cancel = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let list_route = PageData::list_route(&diagnosis_id);

    let back = {
        let list_route = list_route.clone();
        move || {
            data.focus_row.set(row_key_for_focus(stored_row));
            ctx.go(list_route.clone());
        }
    };
    let cancel = {
        let back = back.clone();
        move || {
            if form.value.with_untracked(|v| form.initial.with_untracked(|i| v != i)) {
                confirm_cancel.set(true);
            } else {
                back();
            }
        }
    };

    let save = {
        let back = back.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = form.value.get_untracked();
            let programme = match typed.parse(fiscal_year) {
                Ok((p, _)) => p,
                Err(found) => {
                    let first = found.errors().next().map(ToString::to_string).unwrap_or_default();
                    ctx.notice.set(Some(Notice::Error(format!("入力に誤りがあるため保存していません（{first}）"))));
                    return;
                }
            };
            let Some(sheet) = data.sheet.get_untracked() else { return };
            let now = platform::now();
            let device = ctx.device_id();
            // The row as it is now (another tab may have saved the standard rows meanwhile).
            let current = stored_row.with_value(|r| r.as_ref().and_then(|r| sheet.find(&r.key)).map(|r| r.key.clone()));
            let records = match (is_new, current) {
                (true, _) => sheet.add_row(&programme, platform::new_record_id, now, &device),
                (false, Some(key)) => sheet.save_rows(&[(key, programme)], platform::new_record_id, now, &device),
                (false, None) => {
                    ctx.notice.set(Some(Notice::Error(
                        "この事業は別の画面で削除されたため保存できません。ゴミ箱から元に戻してください。".to_string(),
                    )));
                    return;
                }
            };
            let records = match records {
                Ok(records) => records,
                Err(e) => {
                    ctx.notice.set(Some(Notice::Error(e.to_string())));
                    return;
                }
            };
            let new_key = if is_new { records.last().map(|r| r.meta.id.to_string()) } else { None };
            let back = back.clone();
            spawn_local(async move {
                let batch =
                    WriteBatch { put_records: records, delete_drafts: vec![form.key()], ..WriteBatch::default() };
                if ctx.save(batch, "保存しました").await.is_ok() {
                    form.saved(typed);
                    back();
                    if new_key.is_some() {
                        data.focus_row.set(new_key);
                    }
                }
            });
        }
    };

    let delete = move || {
        let Some(record) = stored_row.with_value(|r| r.as_ref().and_then(|r| r.record.clone())) else { return };
        let name = form.value.with_untracked(ProgrammeForm::display_name);
        // The latest revision, so a save made meanwhile is not undone.
        let latest = ctx.loaded.with_untracked(|l| l.get(&record.meta.id).cloned()).unwrap_or(record);
        let trashed = trash_record(&latest, platform::now(), &ctx.device_id());
        spawn_local(async move {
            let batch =
                WriteBatch { put_records: vec![trashed], delete_drafts: vec![form.key()], ..WriteBatch::default() };
            let message = format!("「{name}」を削除しました（一覧の下のゴミ箱から元に戻せます）");
            if ctx.save(batch, &message).await.is_ok() {
                confirm_delete.set(false);
                form.saved(form.initial.get_untracked());
                data.focus_row.set(None);
                ctx.go(PageData::list_route(&latest.meta.diagnosis_id));
            } else {
                confirm_delete.set(false);
            }
        });
    };

    let heading = move || form.value.with(|f| if is_new { "独自事業の追加".to_string() } else { f.display_name() });
    let group =
        standard.and_then(StandardProgramme::group).unwrap_or(if standard.is_none() { "独自事業" } else { "" });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|el| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Ok(Some(first)) = el.query_selector("input[type=text], textarea") {
            if let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first) {
                let _ = first.focus();
            }
        }
    });
    let cancel_for_key = cancel.clone();
    let cancel_for_button = cancel.clone();
    let back_for_dialog = back.clone();

    view! {
        <section class="programme-detail no-print" data-testid="programme-detail">
            <p class="breadcrumb"><a href=list_href.clone()>"← 様式2の一覧"</a></p>
            <div class="page-head">
                <div>
                    {(!group.is_empty()).then(|| view! { <p class="group-label">{group}</p> })}
                    <h1>{heading}</h1>
                    <p class="lead">{entry.diagnosis.title()}</p>
                </div>
            </div>
            <DraftOffer form/>
            <form
                class="programme-form"
                node_ref=form_ref
                novalidate
                on:submit=save
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && !confirm_cancel.get_untracked() && !confirm_delete.get_untracked() {
                        ev.prevent_default();
                        cancel_for_key();
                    }
                }
            >
                <fieldset class="form-group">
                    <legend>"事業名〔実施主体〕"</legend>
                    {standard.is_none().then(|| view! {
                        <TextInput
                            label="事業名"
                            field=fields::NAME
                            value=form.field(|f| f.name.clone())
                            on_input=form.setter(|f, v| f.name = v)
                            issues
                            class="w-l"
                            placeholder="例: 難病患者在宅レスパイト事業"
                        />
                    })}
                    <TextInput
                        label="実施主体"
                        field=fields::OPERATOR
                        value=form.field(|f| f.operator.clone())
                        on_input=form.setter(|f, v| f.operator = v)
                        issues
                        class="w-l"
                        placeholder="例: 都道府県"
                    />
                </fieldset>

                <fieldset class="form-group">
                    <legend>{format!("実施の有無と実施件数（{}）", fiscal_year.wareki())}</legend>
                    <div class="field-row">
                        <ChoiceInput
                            label="実施"
                            field=fields::IMPLEMENTED
                            options=options(implemented_options())
                            value=form.field(|f| implemented_value(f.implemented).to_string())
                            on_change=form.setter(|f, v| f.implemented = implemented_from_value(&v))
                            issues
                        />
                        <TextInput
                            label="(1) 管轄地域（件）"
                            field=fields::COUNT_LOCAL
                            value=form.field(|f| f.count_local.clone())
                            on_input=form.setter(|f, v| f.count_local = v)
                            issues
                            inputmode="numeric"
                            class="w-s"
                            hint="空欄＝未入力、0件なら0"
                        />
                        <TextInput
                            label="(2) 都道府県全体（件）"
                            field=fields::COUNT_PREFECTURE
                            value=form.field(|f| f.count_prefecture.clone())
                            on_input=form.setter(|f, v| f.count_prefecture = v)
                            issues
                            inputmode="numeric"
                            class="w-s"
                            hint="どちらも分かれば両方を入力"
                        />
                        {move || previous.get().map(|(fy, p)| view! {
                            <div class="previous-box" data-testid="previous-counts">
                                <span class="label">{format!("前年度（{}）", fy.wareki())}</span>
                                <span>{format!("実施 {}", implemented_label(p.implemented))}</span>
                                <span>{format!("(1) 管轄地域 {}", count_display(p.count_local))}</span>
                                <span>{format!("(2) 都道府県全体 {}", count_display(p.count_prefecture))}</span>
                            </div>
                        })}
                    </div>
                </fieldset>

                {(standard == Some(StandardProgramme::RegionalCouncil)).then(|| view! { <CouncilSection form issues fiscal_year/> })}
                {(standard == Some(StandardProgramme::SupportCenter)).then(|| view! { <CenterSection form issues/> })}

                <fieldset class="form-group">
                    <legend>"事業の概要と評価"</legend>
                    <TextInput
                        label="事業の概要"
                        field=fields::SUMMARY
                        value=form.field(|f| f.summary.clone())
                        on_input=form.setter(|f, v| f.summary = v)
                        issues
                        multiline=true
                    />
                    <WithPrevious previous label="成果" pick=|p: &Programme| p.outcome.clone()>
                        <TextInput
                            label="成果"
                            field=fields::OUTCOME
                            value=form.field(|f| f.outcome.clone())
                            on_input=form.setter(|f, v| f.outcome = v)
                            issues
                            multiline=true
                        />
                    </WithPrevious>
                    <WithPrevious previous label="課題" pick=|p: &Programme| p.challenge.clone()>
                        <TextInput
                            label="課題"
                            field=fields::CHALLENGE
                            value=form.field(|f| f.challenge.clone())
                            on_input=form.setter(|f, v| f.challenge = v)
                            issues
                            multiline=true
                            hint=if standard == Some(StandardProgramme::VentilatorNursing) { CHALLENGE_EXAMPLE } else { "" }
                        />
                    </WithPrevious>
                </fieldset>

                <IssueSummary issues/>
                <div class="sticky-actions">
                    <button type="submit" class="primary" data-testid="save">"保存"</button>
                    <button type="button" on:click=move |_| cancel_for_button()>"取り消し"</button>
                    <DirtyMark dirty=Signal::derive(move || form.is_dirty())/>
                    <span class="hint">"Enterで保存・Escで取り消し"</span>
                    {saved.then(|| view! {
                        <button type="button" class="danger push-right" on:click=move |_| confirm_delete.set(true)>
                            "この事業を削除"
                        </button>
                    })}
                </div>
            </form>
            {move || confirm_cancel.get().then(|| {
                let back = back_for_dialog.clone();
                view! {
                    <ConfirmDialog
                        title="入力の取り消し".to_string()
                        message="保存していない入力を取り消して一覧に戻ります。よろしいですか？".to_string()
                        confirm_label="取り消して戻る"
                        on_confirm=Callback::new(move |_| {
                            confirm_cancel.set(false);
                            form.discard();
                            back();
                        })
                        on_cancel=Callback::new(move |_| confirm_cancel.set(false))
                    />
                }
            })}
            {move || confirm_delete.get().then(|| {
                let name = form.value.with_untracked(ProgrammeForm::display_name);
                view! {
                    <ConfirmDialog
                        title="事業の削除".to_string()
                        message=format!("「{name}」を様式2から削除します。削除した事業は一覧の下の「ゴミ箱」から元に戻せます。")
                        confirm_label="削除する"
                        danger=true
                        on_confirm=Callback::new(move |_| delete())
                        on_cancel=Callback::new(move |_| confirm_delete.set(false))
                    />
                }
            })}
        </section>
    }
    .into_any()
}

/// The checkbox's `name` (as the record's field path).
fn activity_field(activity: CenterActivity) -> &'static str {
    match activity {
        CenterActivity::Consultation => "center.activities.consultation",
        CenterActivity::Lectures => "center.activities.lectures",
        CenterActivity::Employment => "center.activities.employment",
        CenterActivity::PeerSupport => "center.activities.peer_support",
        CenterActivity::Other => "center.activities.other",
    }
}

fn row_key_for_focus(row: StoredValue<Option<SheetRow>>) -> Option<String> {
    row.with_value(|r| r.as_ref().map(|r| r.key.clone()))
}

/// A field with last year's text beside it (when there is a last year).
#[component]
fn WithPrevious(
    previous: Memo<Option<(FiscalYear, Programme)>>,
    label: &'static str,
    pick: fn(&Programme) -> String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="with-previous" class:has-previous=move || previous.with(Option::is_some)>
            <div class="this-year">{children()}</div>
            {move || previous.get().map(|(fy, p)| {
                let text = pick(&p);
                view! {
                    <div class="previous-text" data-testid=format!("previous-{label}")>
                        <span class="label">{format!("前年度（{}）の{label}", fy.wareki())}</span>
                        {if text.trim().is_empty() {
                            view! { <p class="unentered">"未入力"</p> }.into_any()
                        } else {
                            view! { <p>{text}</p> }.into_any()
                        }}
                    </div>
                }
            })}
        </div>
    }
}

/// 難病対策地域協議会 section.
#[component]
fn CouncilSection(form: FormState<ProgrammeForm>, issues: Signal<Issues>, fiscal_year: FiscalYear) -> impl IntoView {
    let meetings_label = format!("【{}開催】回/年", fiscal_year.wareki());
    let meetings_invalid = move || {
        issues.with(|i| {
            i.for_field(fields::COUNCIL_MEETINGS).any(|x| x.severity == crate::domain::issues::Severity::Error)
        })
    };
    view! {
        <fieldset class="form-group council" data-testid="council">
            <legend>"難病対策地域協議会"</legend>
            <ChoiceInput
                label="なしの場合 関連する会議"
                field=fields::COUNCIL_RELATED_MEETING
                options=options(related_meeting_options())
                value=form.field(|f| implemented_value(f.council.related_meeting).to_string())
                on_change=form.setter(|f, v| f.council.related_meeting = implemented_from_value(&v))
                issues
                hint="協議会がない（実施 0 無）場合に、関連する会議があるかを選びます"
            />
            <div class="field-row">
                <TextInput
                    label="【初回】開催年度"
                    field=fields::COUNCIL_FIRST_YEAR
                    value=form.field(|f| f.council.first_year.clone())
                    on_input=form.setter(|f, v| f.council.first_year = v)
                    issues
                    class="w-m"
                    placeholder="例: 平成28年度 / 2016"
                    hint="西暦または和暦"
                />
                <label class="field">
                    <span class="label">{meetings_label}</span>
                    <input
                        type="text"
                        name=fields::COUNCIL_MEETINGS
                        data-field=fields::COUNCIL_MEETINGS
                        class="w-s"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || meetings_invalid().then_some("true")
                        prop:value=form.field(|f| f.council.meetings_this_year.clone())
                        on:input:target=move |ev| form.update(|f| f.council.meetings_this_year = ev.target().value())
                    />
                    <span class="hint">"空欄＝未入力、開催なしは0"</span>
                    <FieldIssues issues field=fields::COUNCIL_MEETINGS/>
                </label>
            </div>
            <div class="field-row">
                <ChoiceInput
                    label="【設置単位】"
                    field="council.unit"
                    options=options(council_unit_options())
                    value=form.field(|f| council_unit_value(f.council.unit).to_string())
                    on_change=form.setter(|f, v| f.council.unit = council_unit_from_value(&v))
                    issues
                />
                <div class:muted=move || form.value.with(|f| f.council.unit != Some(CouncilUnit::Other))>
                    <TextInput
                        label="その他の内容"
                        field=fields::COUNCIL_UNIT_OTHER
                        value=form.field(|f| f.council.unit_other.clone())
                        on_input=form.setter(|f, v| f.council.unit_other = v)
                        issues
                        class="w-m"
                        placeholder="例: 二次医療圏単位"
                    />
                </div>
            </div>
            <TextInput
                label="【議題及び実施状況等】"
                field=fields::COUNCIL_AGENDA
                value=form.field(|f| f.council.agenda.clone())
                on_input=form.setter(|f, v| f.council.agenda = v)
                issues
                multiline=true
            />
        </fieldset>
    }
}

/// 難病相談支援センター section.
#[component]
fn CenterSection(form: FormState<ProgrammeForm>, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group center" data-testid="center">
            <legend>"難病相談支援センター"</legend>
            <div class="field-row">
                <ChoiceInput
                    label="運営方法"
                    field="center.operation"
                    options=options(center_operation_options())
                    value=form.field(|f| center_operation_value(f.center.operation).to_string())
                    on_change=form.setter(|f, v| f.center.operation = center_operation_from_value(&v))
                    issues
                />
                <TextInput
                    label="委託先"
                    field=fields::CENTER_CONTRACTOR
                    value=form.field(|f| f.center.contractor.clone())
                    on_input=form.setter(|f, v| f.center.contractor = v)
                    issues
                    class="w-l"
                    placeholder="委託の場合"
                />
            </div>
            <fieldset class="field checks" data-field="center.activities">
                <legend class="label">"【実施事業】"</legend>
                <div class="check-list">
                    {CenterActivity::ALL
                        .into_iter()
                        .map(|activity| {
                            let name = activity_field(activity);
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        name=name
                                        prop:checked=move || form.value.with(|f| f.center.activities.get(activity))
                                        on:change:target=move |ev| {
                                            let checked = ev.target().checked();
                                            form.update(|f| f.center.activities.set(activity, checked));
                                        }
                                    />
                                    <span>{activity.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class:muted=move || form.value.with(|f| !f.center.activities.other)>
                <TextInput
                    label="その他の内容"
                    field=fields::CENTER_OTHER_TEXT
                    value=form.field(|f| f.center.activities.other_text.clone())
                    on_input=form.setter(|f, v| f.center.activities.other_text = v)
                    issues
                    class="w-l"
                    placeholder="例: 患者会支援"
                />
            </div>
        </fieldset>
    }
}
