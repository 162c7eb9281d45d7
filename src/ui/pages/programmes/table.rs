//! The 様式2 table: every programme in the paper form's order, 実施 and 実施件数 typed for all
//! rows in one go (Enter saves, Esc cancels, ↑↓ move between rows), 「編集」 per row, the
//! 独自事業 の追加, the standard rows to add back, and the ゴミ箱.

use super::{PageData, PreviousYear};
use crate::domain::issues::Issues;
use crate::domain::programmes::sheet::{
    count_display, detail_lines, implemented_options, implemented_value, previous_row, quick_field_key, QuickEdits,
    QuickField, SheetRow, NEW_ROW_KEY,
};
use crate::domain::programmes::{implemented_label, Programme, StandardProgramme};
use crate::storage::WriteBatch;
use crate::ui::components::{ConfirmDialog, FieldIssues, IssueSummary};
use crate::ui::ctx::use_app;
use crate::ui::form::{DirtyMark, FormState};
use crate::ui::platform;
use crate::ui::trash_list::{TrashItem, TrashList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Moves the focus to the same column of the row above or below (↑↓ in the table).
fn move_in_column(ev: &leptos::ev::KeyboardEvent, column: &str) {
    let down = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(cell) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(row) = cell.closest("tr").ok().flatten() else { return };
    let next = if down { row.next_element_sibling() } else { row.previous_element_sibling() };
    let Some(next) = next else { return };
    if let Some(target) = next
        .query_selector(&format!("[data-col='{column}']"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = target.focus();
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        }
    }
}

// TODO(issue 11): split the table into its parts (one component per row kind).
#[allow(clippy::too_many_lines)]
#[component]
pub fn ProgrammeTable(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let fiscal_year = entry.diagnosis.fiscal_year;
    let title = entry.diagnosis.title();
    let sheet = data.sheet;

    let form = FormState::new(format!("programmes-quick:{diagnosis_id}"), diagnosis_id.clone(), QuickEdits::default());
    let issues = Memo::new(move |_| {
        form.value.with(|edits| sheet.with(|s| s.as_ref().map(|s| edits.issues(s, fiscal_year)).unwrap_or_default()))
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(s) = sheet.get_untracked() else { return };
        let edits = form.value.get_untracked();
        let changes = match edits.parse(&s, fiscal_year) {
            Ok((changes, _)) => changes,
            Err(found) => {
                ctx.error(found.refusal());
                return;
            }
        };
        let records = match s.save_rows(&changes, platform::new_record_id, platform::now(), &ctx.device_id()) {
            Ok(records) => records,
            Err(e) => {
                ctx.error(e.to_string());
                return;
            }
        };
        spawn_local(async move {
            let batch = WriteBatch { put_records: records, delete_drafts: vec![form.key()], ..WriteBatch::default() };
            if ctx.save_as_loaded(batch, "保存しました").await.is_ok() {
                form.saved(QuickEdits::default());
            }
        });
    };

    // Esc or 取り消し with changes asks first, so a stray key never loses typed counts.
    let confirm_discard = RwSignal::new(false);
    let ask_discard = move || {
        if form.value.with_untracked(|v| form.initial.with_untracked(|i| v != i)) {
            confirm_discard.set(true);
        }
    };
    let list_id = diagnosis_id.clone();
    let new_href = super::PageData::row_route(&diagnosis_id, NEW_ROW_KEY).to_hash();
    let year_label = fiscal_year.wareki();

    view! {
        <section class="programmes-screen no-print">
            <div class="page-head">
                <div>
                    <h1>"様式2 難病対策事業の実施状況とその評価"</h1>
                    <p class="lead">{title}" — ALS療養者支援にかかわる難病対策事業"</p>
                </div>
                <div class="head-actions">
                    <a class="button" href=new_href data-testid="add-own">"＋ 独自事業を追加"</a>
                    <button type="button" on:click=move |_| platform::print()>"印刷"</button>
                </div>
            </div>
            {move || sheet.with(|s| s.as_ref().filter(|s| !s.unreadable.is_empty()).map(|s| view! {
                <p class="notice error" role="alert">
                    {format!("読み取れない事業の記録が{}件あります（データは消していません）。", s.unreadable.len())}
                </p>
            }))}
            {move || sheet.with(|s| s.as_ref().is_some_and(|s| s.unsaved_defaults)).then(|| view! {
                <p class="hint" data-testid="unsaved-defaults">
                    "標準の事業を未入力のまま表示しています。最初に保存したときに記録が作られます。"
                </p>
            })}
            {form.offer_draft()}
            <form
                class="quick-form"
                novalidate
                on:submit=save
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && !confirm_discard.get_untracked() {
                        ev.prevent_default();
                        ask_discard();
                    }
                }
            >
                <div class="table-scroll">
                    <table class="list programmes-table" data-testid="programmes-table">
                        <thead>
                            <tr>
                                <th scope="col" rowspan="2" class="col-name">"事業名〔実施主体〕"</th>
                                <th scope="col" rowspan="2" class="col-impl">"実施"</th>
                                <th scope="colgroup" colspan="2" class="col-counts">{format!("実施件数（{year_label}）")}</th>
                                <th scope="col" rowspan="2">"成果・課題"</th>
                                <th scope="col" rowspan="2"><span class="visually-hidden">"操作"</span></th>
                            </tr>
                            <tr>
                                <th scope="col" class="num col-count">"(1) 管轄地域"</th>
                                <th scope="col" class="num col-count">"(2) 都道府県全体"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || sheet.with(|s| s.as_ref().map(|s| s.rows.clone()).unwrap_or_default())
                                key=|row| (row.key.clone(), row.record.as_ref().map(|r| r.meta.rev))
                                let:row
                            >
                                <QuickRowView row form issues data diagnosis_id=list_id.clone() fiscal_year/>
                            </For>
                        </tbody>
                    </table>
                </div>
                <IssueSummary issues=Signal::derive(move || issues.get())/>
                <div class="sticky-actions">
                    <button type="submit" class="primary" data-testid="quick-save">"保存"</button>
                    <button type="button" on:click=move |_| ask_discard() disabled=move || !form.is_dirty()>"取り消し"</button>
                    <DirtyMark dirty=Signal::derive(move || form.is_dirty())/>
                    <span class="hint">"Enterで保存・Escで取り消し・↑↓で上下の行へ。件数は空欄＝未入力、0件なら0。"</span>
                </div>
            </form>
            <ToAdd data/>
            <Trash data/>
            {move || confirm_discard.get().then(|| view! {
                <ConfirmDialog
                    title="入力の取り消し".to_string()
                    message="保存していない実施・件数の入力を取り消して、保存済みの値に戻します。よろしいですか？".to_string()
                    confirm_label="取り消す"
                    on_confirm=Callback::new(move |_| {
                        confirm_discard.set(false);
                        form.discard();
                    })
                    on_cancel=Callback::new(move |_| confirm_discard.set(false))
                />
            })}
        </section>
    }
    .into_any()
}

/// One row of the table.
#[component]
fn QuickRowView(
    row: SheetRow,
    form: FormState<QuickEdits>,
    issues: Memo<Issues>,
    data: PageData,
    diagnosis_id: crate::domain::ids::RecordId,
    fiscal_year: crate::domain::fiscal_year::FiscalYear,
) -> impl IntoView {
    let p = row.programme.clone();
    let key = row.key.clone();
    let href = PageData::row_route(&diagnosis_id, &key).to_hash();
    let stored = StoredValue::new(row);
    let value = move |f: fn(&crate::domain::programmes::sheet::QuickRow) -> String| {
        move || form.value.with(|edits| stored.with_value(|row| f(&edits.row(row))))
    };
    let set = move |field: QuickField| {
        move |text: String| form.update(|edits| stored.with_value(|row| edits.set_text(row, field, text)))
    };
    let has_error = move |field: String| move || issues.with(|all| all.field_has_error(&field)).then_some("true");
    let f_impl = quick_field_key(&key, QuickField::Implemented.key());
    let f_local = quick_field_key(&key, QuickField::CountLocal.key());
    let f_pref = quick_field_key(&key, QuickField::CountPrefecture.key());
    let name = p.name().to_string();
    let group = p.programme.group();
    let operator = p.operator.trim().to_string();
    let details = detail_lines(&p, fiscal_year);
    let outcome = p.outcome.clone();
    let challenge = p.challenge.clone();
    let previous = Memo::new(move |_| {
        data.previous.with(|prev| {
            prev.as_ref().and_then(|prev: &PreviousYear| {
                stored
                    .with_value(|row| previous_row(&prev.entries, row).map(|e| (prev.fiscal_year, e.programme.clone())))
            })
        })
    });
    let edit_ref = NodeRef::<leptos::html::A>::new();
    let focus_key = key.clone();
    edit_ref.on_load(move |el| {
        if data.focus_row.get_untracked().as_deref() == Some(focus_key.as_str()) {
            let _ = el.focus();
        }
    });
    let label_impl = format!("{name} 実施");
    let label_local = format!("{name} 実施件数（管轄地域）");
    let label_pref = format!("{name} 実施件数（都道府県全体）");
    let options = implemented_options();

    view! {
        <tr data-row=key.clone() data-name=name.clone()>
            <th scope="row" class="col-name">
                {(!group.is_empty()).then(|| view! { <span class="group">{group}</span> })}
                <span class="name">{name.clone()}</span>
                {(!operator.is_empty()).then(|| view! { <span class="operator">{format!("〔{operator}〕")}</span> })}
            </th>
            <td class="col-impl">
                <select
                    name="implemented"
                    data-col="implemented"
                    aria-label=label_impl
                    aria-invalid=has_error(f_impl.clone())
                    prop:value=value(|q| implemented_value(q.implemented).to_string())
                    on:change:target=move |ev| set(QuickField::Implemented)(ev.target().value())
                    on:keydown=move |ev| move_in_column(&ev, "implemented")
                >
                    {options.into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
                </select>
                {move || previous.get().map(|(_, p)| view! {
                    <span class="previous">{format!("前年度 {}", implemented_label(p.implemented))}</span>
                })}
            </td>
            <td class="num col-count">
                <input
                    type="text"
                    name="count_local"
                    data-col="count_local"
                    inputmode="numeric"
                    autocomplete="off"
                    class="count"
                    aria-label=label_local
                    aria-invalid=has_error(f_local.clone())
                    prop:value=value(|q| q.count_local.clone())
                    on:input:target=move |ev| set(QuickField::CountLocal)(ev.target().value())
                    on:keydown=move |ev| move_in_column(&ev, "count_local")
                />
                {move || previous.get().map(|(_, p)| view! {
                    <span class="previous">{format!("前年度 {}", count_display(p.count_local))}</span>
                })}
                <FieldIssues issues field=f_local.clone()/>
            </td>
            <td class="num col-count">
                <input
                    type="text"
                    name="count_prefecture"
                    data-col="count_prefecture"
                    inputmode="numeric"
                    autocomplete="off"
                    class="count"
                    aria-label=label_pref
                    aria-invalid=has_error(f_pref.clone())
                    prop:value=value(|q| q.count_prefecture.clone())
                    on:input:target=move |ev| set(QuickField::CountPrefecture)(ev.target().value())
                    on:keydown=move |ev| move_in_column(&ev, "count_prefecture")
                />
                {move || previous.get().map(|(_, p)| view! {
                    <span class="previous">{format!("前年度 {}", count_display(p.count_prefecture))}</span>
                })}
                <FieldIssues issues field=f_pref.clone()/>
            </td>
            <td class="col-eval">
                {details.into_iter().map(|line| view! { <span class="detail-line clamp">{line}</span> }).collect_view()}
                {if outcome.trim().is_empty() && challenge.trim().is_empty() {
                    view! { <span class="unentered">"成果・課題 未入力"</span> }.into_any()
                } else {
                    view! {
                        <EvalLine label="成果" text=outcome.clone() testid="outcome"/>
                        <EvalLine label="課題" text=challenge.clone() testid="challenge"/>
                    }
                    .into_any()
                }}
            </td>
            <td class="col-edit">
                <a class="button" href=href node_ref=edit_ref data-testid="edit">"編集"</a>
            </td>
        </tr>
    }
}

/// 成果 or 課題 in the table: two lines at most, or 未入力.
#[component]
fn EvalLine(label: &'static str, text: String, testid: &'static str) -> impl IntoView {
    if text.trim().is_empty() {
        view! { <span class="clamp unentered" data-testid=testid>{format!("{label} 未入力")}</span> }.into_any()
    } else {
        view! { <span class="clamp" data-testid=testid><b>{label}" "</b>{text}</span> }.into_any()
    }
}

/// Standard programmes missing from the list (and not in the trash): add them back.
#[component]
fn ToAdd(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let add = move |key: StandardProgramme| {
        let Some(s) = data.sheet.get_untracked() else { return };
        match s.add_row(&Programme::standard(key), platform::new_record_id, platform::now(), &ctx.device_id()) {
            Ok(records) => spawn_local(async move {
                let batch = WriteBatch { put_records: records, ..WriteBatch::default() };
                let _ = ctx.save_as_loaded(batch, &format!("「{}」を一覧に戻しました", key.name())).await;
            }),
            Err(e) => ctx.error(e.to_string()),
        }
    };
    move || {
        let missing = data.sheet.with(|s| s.as_ref().map(|s| s.to_add.clone()).unwrap_or_default());
        (!missing.is_empty()).then(|| {
            view! {
                <section class="card to-add" data-testid="to-add">
                    <h2>"一覧にない標準事業"</h2>
                    <p class="hint">"様式2の標準事業のうち、一覧にないものです。必要なら空欄の行として戻せます。"</p>
                    <ul class="plain">
                        {missing
                            .into_iter()
                            .map(|key| view! {
                                <li>
                                    <span>{key.name()}</span>
                                    <button type="button" on:click=move |_| add(key)>"一覧に戻す"</button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// ゴミ箱: deleted rows, each with 「元に戻す」.
#[component]
fn Trash(data: PageData) -> impl IntoView {
    let items = Signal::derive(move || {
        data.sheet.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.trashed
                        .iter()
                        .map(|e| {
                            let name = e.programme.name().to_string();
                            TrashItem { record: e.record.clone(), shown: name.clone(), key: name }
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    view! { <TrashList what="事業" unit="件" items/> }
}
