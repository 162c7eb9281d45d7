//! One station in a form, fields (1)–(11) of 様式3. (3) 看護師の常勤換算 is typed directly
//! or computed live from a staff list (常勤 1 each; 非常勤 weekly hours ÷ the contracted
//! full-time week, at least 32) with the calculation written out. Enter saves, Esc cancels;
//! errors block saving and name the field, warnings are shown. A saved station can be
//! deleted (to the ゴミ箱).

use super::{PageData, NEW_ITEM};
use crate::domain::forms::input::{NO, YES};
use crate::domain::forms::overview_form::PEOPLE;
use crate::domain::forms::roster::move_to_trash;
use crate::domain::forms::station_form::{
    duplicate_station_name, fields, labels, StationForm, EMPLOYMENT_OPTIONS, FTE_DIRECT, FTE_MODE_OPTIONS, FTE_STAFF,
    FULL_TIME, INTAKE_OPTIONS, MAX_STAFF,
};
use crate::domain::ids::RecordId;
use crate::domain::issues::{Issues, Severity};
use crate::domain::record::StoredRecord;
use crate::storage::WriteBatch;
use crate::ui::components::{ChoiceInput, ConfirmDialog, IssueSummary, TextInput};
use crate::ui::ctx::{use_app, Notice};
use crate::ui::form::{DirtyMark, DraftOffer, FormState};
use crate::ui::pages::overview::fields::{KeyedIssues, NumberField};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn options(list: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(v, label)| (*v, (*label).to_string())).collect()
}

/// (6)(8)(9): 1 あり / 0 なし / 不明.
fn yes_no() -> Vec<(&'static str, String)> {
    options(&[(YES, "1 あり"), (NO, "0 なし"), ("", "不明（空白）")])
}

/// (7): 1 届出あり / 0 なし / 不明.
fn notified() -> Vec<(&'static str, String)> {
    options(&[(YES, "1 届出あり"), (NO, "0 届出なし"), ("", "不明（空白）")])
}

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn StationDetail(data: PageData, item: String) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let list_route = PageData::list_route(&diagnosis_id);
    let list_href = list_route.to_hash();
    let is_new = item == NEW_ITEM;
    let existing = if is_new {
        None
    } else {
        data.stations.with_untracked(|s| s.iter().find(|(r, _)| r.meta.id.as_str() == item).cloned())
    };
    if !is_new && existing.is_none() {
        return view! {
            <section data-testid="station-missing">
                <h1>"ステーションが見つかりません"</h1>
                <p>"このステーションは削除されたか、まだありません。削除したものは一覧の下の「ゴミ箱」から元に戻せます。"<a href=list_href>"様式3の一覧"</a>"に戻ってください。"</p>
            </section>
        }
        .into_any();
    }
    let initial = existing.as_ref().map_or_else(StationForm::default, |(_, s)| StationForm::from_station(s));
    let record_id: Option<RecordId> = existing.as_ref().map(|(r, _)| r.meta.id.clone());
    let form = FormState::new(format!("station:{diagnosis_id}:{item}"), diagnosis_id.clone(), initial);
    let own_id = StoredValue::new(record_id.clone());
    let issues: Signal<Issues> = {
        let own = Memo::new(move |_| form.value.with(StationForm::issues));
        let duplicate = Memo::new(move |_| {
            form.value.with(|f| {
                own_id.with_value(|me| {
                    data.stations.with(|s| {
                        let others: Vec<&str> = s
                            .iter()
                            .filter(|(r, _)| Some(&r.meta.id) != me.as_ref())
                            .map(|(_, st)| st.name.as_str())
                            .collect();
                        duplicate_station_name(&f.name, &others)
                    })
                })
            })
        });
        Signal::derive(move || {
            let mut all = own.get();
            all.0.extend(duplicate.get());
            all
        })
    };
    let confirm_cancel = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let diagnosis = StoredValue::new(diagnosis_id.clone());

    let back = {
        let list_route = list_route.clone();
        move |focus: Option<String>| {
            data.focus_row.set(focus);
            ctx.go(list_route.clone());
        }
    };
    let cancel = {
        let back = back.clone();
        move || {
            if form.value.with_untracked(|v| form.initial.with_untracked(|i| v != i)) {
                confirm_cancel.set(true);
            } else {
                back(own_id.get_value().map(|id| id.to_string()));
            }
        }
    };

    let save = {
        let back = back.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = form.value.get_untracked();
            let station = match typed.parse() {
                Ok((s, _)) => s,
                Err(found) => {
                    let first = found.errors().next().map(ToString::to_string).unwrap_or_default();
                    ctx.notice.set(Some(Notice::Error(format!("入力に誤りがあるため保存していません（{first}）"))));
                    return;
                }
            };
            let now = platform::now();
            let device = ctx.device_id();
            let record = match own_id.get_value() {
                None => StoredRecord::create(platform::new_record_id(), diagnosis.get_value(), &station, now, &device)
                    .map(Some),
                Some(id) => match ctx.loaded.with_untracked(|l| l.get(&id).cloned()) {
                    Some(latest) if !latest.is_deleted() => latest.edited(&station, now, &device),
                    _ => {
                        ctx.notice.set(Some(Notice::Error(
                            "このステーションは別の画面で削除されたため保存できません。一覧の下の「ゴミ箱」から元に戻してください。"
                                .to_string(),
                        )));
                        return;
                    }
                },
            };
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    ctx.notice.set(Some(Notice::Error(e.to_string())));
                    return;
                }
            };
            let focus =
                record.as_ref().map(|r| r.meta.id.to_string()).or_else(|| own_id.get_value().map(|i| i.to_string()));
            let shown = StationForm::from_station(&station);
            let back = back.clone();
            spawn_local(async move {
                let batch = WriteBatch {
                    put_records: record.into_iter().collect(),
                    delete_drafts: vec![form.key()],
                    ..WriteBatch::default()
                };
                if ctx.save(batch, "保存しました").await.is_ok() {
                    form.saved(shown);
                    back(focus);
                }
            });
        }
    };

    let delete = move || {
        let Some(id) = own_id.get_value() else { return };
        let Some(latest) = ctx.loaded.with_untracked(|l| l.get(&id).cloned()) else { return };
        let name = form.initial.with_untracked(|f| f.name.trim().to_string());
        let Some(trashed) = move_to_trash(&latest, platform::now(), &ctx.device_id()) else {
            confirm_delete.set(false);
            return;
        };
        spawn_local(async move {
            let batch =
                WriteBatch { put_records: vec![trashed], delete_drafts: vec![form.key()], ..WriteBatch::default() };
            let message = format!("「{name}」を削除しました（一覧の下のゴミ箱から元に戻せます）");
            let ok = ctx.save(batch, &message).await.is_ok();
            confirm_delete.set(false);
            if ok {
                form.saved(form.initial.get_untracked());
                data.focus_row.set(None);
                ctx.go(PageData::list_route(&latest.meta.diagnosis_id));
            }
        });
    };

    let heading = move || {
        form.value.with(|f| {
            if is_new && f.name.trim().is_empty() {
                "ステーションの追加".to_string()
            } else if f.name.trim().is_empty() {
                "（名称未入力）".to_string()
            } else {
                f.name.trim().to_string()
            }
        })
    };
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|el| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Ok(Some(first)) = el.query_selector("input[type=text]") {
            if let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first) {
                let _ = first.focus();
            }
        }
    });
    let cancel_for_key = cancel.clone();
    let cancel_for_button = cancel.clone();
    let back_for_dialog = back.clone();
    let saved = !is_new;

    view! {
        <section class="station-detail" data-testid="station-detail">
            <p class="breadcrumb"><a href=list_href.clone()>"← 様式3の一覧"</a></p>
            <div class="page-head">
                <div>
                    <p class="group-label">"様式3 訪問看護ステーション"</p>
                    <h1>{heading}</h1>
                    <p class="lead">{entry.diagnosis.title()}</p>
                </div>
            </div>
            <DraftOffer form/>
            <form
                class="station-form"
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
                    <legend>"（1）名称・（2）所在地"</legend>
                    <div class="field-row">
                        <TextInput
                            label=labels::NAME
                            field=fields::NAME
                            value=form.field(|f| f.name.clone())
                            on_input=form.setter(|f, v| f.name = v)
                            issues
                            class="w-l"
                            maxlength=100
                            placeholder="例: 訪問看護ステーションあおば"
                        />
                        <TextInput
                            label=labels::ADDRESS
                            field=fields::ADDRESS
                            value=form.field(|f| f.address.clone())
                            on_input=form.setter(|f, v| f.address = v)
                            issues
                            class="w-l"
                            maxlength=100
                            placeholder="例: 府中市宮西町1-2"
                        />
                    </div>
                </fieldset>

                <FteSection form issues/>

                <fieldset class="form-group">
                    <legend>"（4）（5）利用者数"</legend>
                    <div class="field-row">
                        <NumberField
                            label=labels::MONTHLY_USERS.to_string()
                            unit="人"
                            field=fields::MONTHLY_USERS.to_string()
                            value=form.field(|f| f.monthly_users.clone())
                            on_input=form.setter(|f, v| f.monthly_users = v)
                            issues
                            units=PEOPLE
                        />
                        <NumberField
                            label=labels::MEDICAL_INSURANCE_USERS.to_string()
                            unit="人"
                            field=fields::MEDICAL_INSURANCE_USERS.to_string()
                            value=form.field(|f| f.medical_insurance_users.clone())
                            on_input=form.setter(|f, v| f.medical_insurance_users = v)
                            issues
                            units=PEOPLE
                            hint="（4）以下の数"
                        />
                    </div>
                </fieldset>

                <fieldset class="form-group">
                    <legend>"（6）〜（9）体制と実績"</legend>
                    <div class="field-row">
                        <ChoiceInput
                            label=labels::ROOM_FOR_MORE_VISITS
                            field=fields::ROOM_FOR_MORE_VISITS
                            options=yes_no()
                            value=form.field(|f| f.room_for_more_visits.clone())
                            on_change=form.setter(|f, v| f.room_for_more_visits = v)
                            issues
                        />
                    </div>
                    <div class="field-row additions">
                        <ChoiceInput
                            label=labels::ADDITION_24H
                            field=fields::ADDITION_24H
                            options=notified()
                            value=form.field(|f| f.addition_24h.clone())
                            on_change=form.setter(|f, v| f.addition_24h = v)
                            issues
                        />
                        <ChoiceInput
                            label=labels::ADDITION_SPECIAL
                            field=fields::ADDITION_SPECIAL
                            options=notified()
                            value=form.field(|f| f.addition_special.clone())
                            on_change=form.setter(|f, v| f.addition_special = v)
                            issues
                        />
                    </div>
                    <p class="hint">"（7）医療保険加算届出は、24時間対応体制加算と特別管理加算のそれぞれについて選びます（両方届出のステーションもあります）。"</p>
                    <div class="field-row">
                        <ChoiceInput
                            label=labels::ALS_EXPERIENCE
                            field=fields::ALS_EXPERIENCE
                            options=yes_no()
                            value=form.field(|f| f.als_experience.clone())
                            on_change=form.setter(|f, v| f.als_experience = v)
                            issues
                        />
                        <ChoiceInput
                            label=labels::VENTILATOR_EXPERIENCE
                            field=fields::VENTILATOR_EXPERIENCE
                            options=yes_no()
                            value=form.field(|f| f.ventilator_experience.clone())
                            on_change=form.setter(|f, v| f.ventilator_experience = v)
                            issues
                        />
                    </div>
                </fieldset>

                <fieldset class="form-group">
                    <legend>"（10）（11）今後の受け入れ"</legend>
                    <div class="field-row">
                        <ChoiceInput
                            label=labels::ALS_INTAKE
                            field=fields::ALS_INTAKE
                            options=options(&INTAKE_OPTIONS)
                            value=form.field(|f| f.als_intake.clone())
                            on_change=form.setter(|f, v| f.als_intake = v)
                            issues
                        />
                        <ChoiceInput
                            label=labels::CHILD_INTAKE
                            field=fields::CHILD_INTAKE
                            options=options(&INTAKE_OPTIONS)
                            value=form.field(|f| f.child_intake.clone())
                            on_change=form.setter(|f, v| f.child_intake = v)
                            issues
                        />
                    </div>
                </fieldset>

                <IssueSummary issues/>
                <div class="sticky-actions">
                    <button type="submit" class="primary" data-testid="save">"保存"</button>
                    <button type="button" on:click=move |_| cancel_for_button()>"取り消し"</button>
                    <DirtyMark dirty=Signal::derive(move || form.is_dirty())/>
                    <span class="hint">"Enterで保存・Escで取り消し"</span>
                    {saved.then(|| view! {
                        <button type="button" class="danger push-right" data-testid="delete-station" on:click=move |_| confirm_delete.set(true)>
                            "このステーションを削除"
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
                            back(own_id.get_value().map(|id| id.to_string()));
                        })
                        on_cancel=Callback::new(move |_| confirm_cancel.set(false))
                    />
                }
            })}
            {move || confirm_delete.get().then(|| {
                let name = form.initial.with_untracked(|f| f.name.trim().to_string());
                view! {
                    <ConfirmDialog
                        title="ステーションの削除".to_string()
                        message=format!("「{name}」を様式3から削除します。削除したステーションは一覧の下の「ゴミ箱」から元に戻せます。")
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

/// (3) 看護師の常勤換算: 直接入力, 職員の勤務時間から計算 (live, explained) or 不明.
#[component]
fn FteSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
    let mode = Memo::new(move |_| form.value.with(|f| f.fte_mode.clone()));
    let fte_text = Memo::new(move |_| form.value.with(StationForm::fte_text));
    let explanation = Memo::new(move |_| form.value.with(|f| f.fte_breakdown().map(|b| b.explanation())));
    let divisor_note = Memo::new(move |_| {
        form.value.with(|f| f.fte_breakdown().map(|b| b.divisor_note(f.contracted_week_preview())).unwrap_or_default())
    });
    let rows = Memo::new(move |_| form.value.with(|f| f.staff.len()));
    let can_add = Memo::new(move |_| rows.get() < MAX_STAFF);
    let add = move |_| {
        form.update(StationForm::add_staff_member);
        request_animation_frame(|| {
            let doc = web_sys::window().and_then(|w| w.document());
            let list = doc.and_then(|d| d.query_selector_all("[data-testid=staff-row] input.staff-label").ok());
            if let Some(list) = list {
                if let Some(node) = list.item(list.length().saturating_sub(1)) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node) {
                        let _ = el.focus();
                    }
                }
            }
        });
    };
    let invalid = move |key: String| {
        move || issues.with(|i| i.for_field(&key).any(|x| x.severity == Severity::Error)).then_some("true")
    };

    view! {
        <fieldset class="form-group fte" data-testid="fte">
            <legend>"（3）看護師の常勤換算"</legend>
            <ChoiceInput
                label=labels::FTE_MODE
                field=fields::FTE_MODE
                options=options(&FTE_MODE_OPTIONS)
                value=Signal::derive(move || mode.get())
                on_change=form.setter(|f, v| f.fte_mode = v)
                issues
                hint="常勤は1人、非常勤は1週間の勤務時間 ÷ 常勤の所定労働時間（32時間未満なら32）で数えます（介護サービス施設・事業所調査の方法）"
            />
            <Show when=move || mode.with(|m| m.as_str() == FTE_DIRECT)>
                <TextInput
                    label=labels::FTE_DIRECT
                    field=fields::FTE_DIRECT
                    value=form.field(|f| f.fte_direct.clone())
                    on_input=form.setter(|f, v| f.fte_direct = v)
                    issues
                    inputmode="decimal"
                    class="w-s"
                    hint="例: 3.5（小数2桁まで）"
                />
            </Show>
            <Show when=move || mode.with(|m| m.as_str() == FTE_STAFF)>
                <div class="staff" data-testid="staff">
                    <TextInput
                        label=labels::CONTRACTED_WEEK_HOURS
                        field=fields::CONTRACTED_WEEK_HOURS
                        value=form.field(|f| f.contracted_week_hours.clone())
                        on_input=form.setter(|f, v| f.contracted_week_hours = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                        hint="所定労働時間（時間/週）。例: 40"
                    />
                    <table class="list staff-table">
                        <thead>
                            <tr>
                                <th scope="col">"職種・氏名など"</th>
                                <th scope="col">"勤務形態"</th>
                                <th scope="col">"1週間の勤務時間（非常勤）"</th>
                                <th scope="col"><span class="visually-hidden">"操作"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                (0..rows.get())
                                    .map(|i| {
                                        let label_key = fields::staff_label(i);
                                        let employment_key = fields::staff_employment(i);
                                        let hours_key = fields::staff_hours(i);
                                        let full_time = Memo::new(move |_| {
                                            form.value.with(|f| f.staff.get(i).is_some_and(|m| m.employment == FULL_TIME))
                                        });
                                        view! {
                                            <tr data-testid="staff-row">
                                                <td>
                                                    <input
                                                        type="text"
                                                        class="staff-label"
                                                        name=label_key.clone()
                                                        data-field=label_key.clone()
                                                        maxlength="100"
                                                        autocomplete="off"
                                                        aria-label=format!("{}人目 職種・氏名など", i + 1)
                                                        placeholder="例: 常勤看護師"
                                                        aria-invalid=invalid(label_key.clone())
                                                        prop:value=form.field(move |f| f.staff.get(i).map(|m| m.label.clone()).unwrap_or_default())
                                                        on:input:target=move |ev| {
                                                            let v = ev.target().value();
                                                            form.update(|f| if let Some(m) = f.staff.get_mut(i) { m.label = v; });
                                                        }
                                                    />
                                                    <KeyedIssues issues field=label_key/>
                                                </td>
                                                <td>
                                                    <select
                                                        name=employment_key.clone()
                                                        data-field=employment_key.clone()
                                                        aria-label=format!("{}人目 勤務形態", i + 1)
                                                        aria-invalid=invalid(employment_key.clone())
                                                        prop:value=form.field(move |f| f.staff.get(i).map(|m| m.employment.clone()).unwrap_or_default())
                                                        on:change:target=move |ev| {
                                                            let v = ev.target().value();
                                                            form.update(|f| if let Some(m) = f.staff.get_mut(i) { m.employment = v; });
                                                        }
                                                    >
                                                        {EMPLOYMENT_OPTIONS
                                                            .iter()
                                                            .map(|(v, label)| view! { <option value=*v>{*label}</option> })
                                                            .collect_view()}
                                                    </select>
                                                    <KeyedIssues issues field=employment_key/>
                                                </td>
                                                <td>
                                                    <input
                                                        type="text"
                                                        class="hours"
                                                        name=hours_key.clone()
                                                        data-field=hours_key.clone()
                                                        autocomplete="off"
                                                        aria-label=format!("{}人目 1週間の勤務時間", i + 1)
                                                        placeholder=move || if full_time.get() { "常勤は入力不要" } else { "例: 20 または 5×4" }
                                                        aria-invalid=invalid(hours_key.clone())
                                                        prop:value=form.field(move |f| f.staff.get(i).map(|m| m.weekly_hours.clone()).unwrap_or_default())
                                                        on:input:target=move |ev| {
                                                            let v = ev.target().value();
                                                            form.update(|f| if let Some(m) = f.staff.get_mut(i) { m.weekly_hours = v; });
                                                        }
                                                    />
                                                    <KeyedIssues issues field=hours_key/>
                                                </td>
                                                <td>
                                                    <button
                                                        type="button"
                                                        aria-label=format!("{}人目を削除", i + 1)
                                                        on:click=move |_| form.update(|f| f.remove_staff_member(i))
                                                    >
                                                        "削除"
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                    <KeyedIssues issues field=fields::STAFF.to_string()/>
                    <button type="button" data-testid="add-staff" on:click=add disabled=move || !can_add.get()>
                        "＋ 職員を追加"
                    </button>
                </div>
            </Show>
            <div class="fte-result" data-testid="fte-result" class:unknown=move || fte_text.with(String::is_empty)>
                <span class="label">"常勤換算"</span>
                <span class="fte-value" data-testid="fte-value">
                    {move || {
                        let t = fte_text.get();
                        if t.is_empty() { "未入力（不明）".to_string() } else { format!("{t} 人") }
                    }}
                </span>
                <span class="fte-explanation" data-testid="fte-explanation">
                    {move || explanation.get().unwrap_or_default()}
                </span>
                <span class="hint" data-testid="fte-note">{move || divisor_note.get()}</span>
                <Show when=move || mode.with(|m| m.as_str() == FTE_STAFF) && explanation.with(Option::is_none)>
                    <span class="hint">"職員と勤務時間（非常勤がいるときは常勤の所定労働時間も）を入れると計算します。"</span>
                </Show>
            </div>
        </fieldset>
    }
}
