//! One programme in a form, in the paper form's order: 実施主体, 実施, 実施件数, the
//! 難病対策地域協議会 or 難病相談支援センター section, 事業の概要, 成果, 課題 — with last
//! year's values beside this year's. Enter saves, Esc cancels; errors block saving and name
//! the field, warnings are shown. A saved row can be deleted (to the ゴミ箱).

use super::sections::{CenterSection, CouncilSection, CountsSection, NameSection, SummarySection};
use super::PageData;
use crate::domain::issues::Issues;
use crate::domain::programmes::sheet::{previous_row, SheetRow, NEW_ROW_KEY};
use crate::domain::programmes::{ProgrammeForm, ProgrammeKind, StandardProgramme};
use crate::domain::save::{Target, Trashed};
use crate::route::Section;
use crate::storage::WriteBatch;
use crate::ui::components::IssueSummary;
use crate::ui::ctx::use_app;
use crate::ui::editor::{history_href, trash_latest, DeleteAction, EditorForm, EditorHead, EditorMissing, RecordSaver};
use crate::ui::form::FormState;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
            <EditorMissing
                testid="programme-missing"
                title="事業が見つかりません"
                reason="この事業は削除されたか、まだありません。"
                list_href
                list_label="様式2の一覧"
            />
        }
        .into_any();
    }
    let initial = row.as_ref().map_or_else(ProgrammeForm::default, |r| ProgrammeForm::from_record(&r.programme));
    let saved = row.as_ref().is_some_and(SheetRow::is_saved);
    let record_id = row.as_ref().and_then(|r| r.record.as_ref()).map(|r| r.meta.id.clone());
    let standard = initial.standard;
    let form = FormState::new(draft_key(diagnosis_id.as_str(), row.as_ref()), diagnosis_id.clone(), initial);
    form.set_base(row.as_ref().and_then(|r| r.record.as_ref()).map(|r| r.body.to_value()));
    let saver = RecordSaver::new(ctx, form);
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
    let list_route = PageData::list_route(&diagnosis_id);

    let back = {
        let list_route = list_route.clone();
        move || {
            data.focus_row.set(row_key_for_focus(stored_row));
            ctx.go(list_route.clone());
        }
    };
    let save = {
        let back = back.clone();
        Callback::new(move |()| {
            let typed = form.value.get_untracked();
            let programme = match typed.parse(fiscal_year) {
                Ok((p, _)) => p,
                Err(found) => {
                    ctx.error(found.refusal());
                    return;
                }
            };
            // A saved row: her changed fields onto its latest revision (`domain::save`).
            if let Some(id) =
                stored_row.with_value(|r| r.as_ref().and_then(|r| r.record.as_ref()).map(|r| r.meta.id.clone()))
            {
                let back = back.clone();
                saver.save(Target::Existing(id), programme, Trashed::Refuse, move |_| {
                    form.saved(typed.clone());
                    back();
                });
                return;
            }
            let Some(sheet) = data.sheet.get_untracked() else { return };
            let now = platform::now();
            let device = ctx.device_id();
            // The row as it is now (another tab may have saved the standard rows meanwhile).
            let current = stored_row.with_value(|r| r.as_ref().and_then(|r| sheet.find(&r.key)).map(|r| r.key.clone()));
            let records = match (is_new, current) {
                (true, _) => sheet.add_row(&programme, platform::new_record_id, now, &device),
                (false, Some(key)) => sheet.save_rows(&[(key, programme)], platform::new_record_id, now, &device),
                (false, None) => {
                    ctx.error(
                        "この事業は別の画面で削除されたため保存できません。ゴミ箱から元に戻してください。".to_string(),
                    );
                    return;
                }
            };
            let records = match records {
                Ok(records) => records,
                Err(e) => {
                    ctx.error(e.to_string());
                    return;
                }
            };
            let new_key = if is_new { records.last().map(|r| r.meta.id.to_string()) } else { None };
            let back = back.clone();
            spawn_local(async move {
                // The first save creates the standard rows: none of them may exist yet.
                let batch =
                    WriteBatch { put_records: records, delete_drafts: vec![form.key()], ..WriteBatch::default() };
                let saved = ctx.save_as_loaded(batch, "保存しました").await;
                if saved.is_ok() {
                    form.saved(typed);
                    back();
                    if new_key.is_some() {
                        data.focus_row.set(new_key);
                    }
                }
            });
        })
    };

    let delete = saved.then(|| DeleteAction {
        label: "この事業を削除",
        testid: "delete-programme",
        title: "事業の削除",
        message: Signal::derive(move || {
            let name = form.value.with(ProgrammeForm::display_name);
            format!("「{name}」を様式2から削除します。削除した事業は一覧の下の「ゴミ箱」から元に戻せます。")
        }),
        run: Callback::new(move |done: Callback<()>| {
            let Some(record) = stored_row.with_value(|r| r.as_ref().and_then(|r| r.record.clone())) else { return };
            let name = form.value.with_untracked(ProgrammeForm::display_name);
            spawn_local(async move {
                let message = format!("「{name}」を削除しました（一覧の下のゴミ箱から元に戻せます）");
                // From the latest revision, so a save made meanwhile is not undone.
                let ok = trash_latest(ctx, &record.meta.id, form.key(), &message).await;
                done.run(());
                if ok {
                    form.saved(form.initial.get_untracked());
                    data.focus_row.set(None);
                    ctx.go(PageData::list_route(&record.meta.diagnosis_id));
                }
            });
        }),
    });

    let heading = move || form.value.with(|f| if is_new { "独自事業の追加".to_string() } else { f.display_name() });
    let group =
        standard.and_then(StandardProgramme::group).unwrap_or(if standard.is_none() { "独自事業" } else { "" });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|el| platform::start_form(&el, "input[type=text], textarea"));
    let leave = Callback::new(move |()| back());

    view! {
        <section class="programme-detail no-print" data-testid="programme-detail">
            <EditorHead
                back_href=list_href.clone()
                back_label="様式2の一覧"
                group=group
                heading=Signal::derive(heading)
                lead=entry.diagnosis.title()
                history=history_href(&diagnosis_id, Section::Programmes, record_id.as_ref())
            />
            <EditorForm
                form=form.handle()
                saver
                class="programme-form"
                node_ref=form_ref
                on_save=save
                on_leave=leave
                cancel_message="保存していない入力を取り消して一覧に戻ります。よろしいですか？"
                hint="Enterで保存・Escで取り消し"
                delete
            >
                <NameSection form issues standard/>

                <CountsSection form issues fiscal_year previous/>

                {(standard == Some(StandardProgramme::RegionalCouncil)).then(|| view! { <CouncilSection form issues fiscal_year/> })}
                {(standard == Some(StandardProgramme::SupportCenter)).then(|| view! { <CenterSection form issues/> })}

                <SummarySection form issues previous standard/>

                <IssueSummary issues/>
            </EditorForm>
        </section>
    }
    .into_any()
}

fn row_key_for_focus(row: StoredValue<Option<SheetRow>>) -> Option<String> {
    row.with_value(|r| r.as_ref().map(|r| r.key.clone()))
}
