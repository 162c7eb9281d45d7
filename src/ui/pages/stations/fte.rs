//! 様式3 (3) 看護師の常勤換算: typed directly, or computed live from a staff list (常勤 1
//! each; 非常勤 weekly hours ÷ the contracted full-time week, at least 32), with the
//! calculation written out.

use crate::domain::forms::form_help;
use crate::domain::forms::station_form::{
    fields, labels, StationForm, EMPLOYMENT_OPTIONS, FTE_DIRECT, FTE_MODE_OPTIONS, FTE_STAFF, FULL_TIME, MAX_STAFF,
};
use crate::domain::issues::Issues;
use crate::ui::components::{ChoiceInput, FieldIssues, TextInput};
use crate::ui::form::FormState;
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// (3) 看護師の常勤換算: 直接入力, 職員の勤務時間から計算 (live, explained) or 不明.
#[component]
pub(super) fn FteSection(form: FormState<StationForm>, issues: Signal<Issues>) -> impl IntoView {
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

    view! {
        <fieldset class="form-group fte" data-testid="fte">
            <legend>"（3）看護師の常勤換算"</legend>
            <HelpTip part="看護師の常勤換算" entries=&form_help::STATION_FTE/>
            <ChoiceInput
                label=labels::FTE_MODE
                field=fields::FTE_MODE
                options=FTE_MODE_OPTIONS
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
                                    .map(|i| view! { <StaffRow form issues index=i/> })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                    <FieldIssues issues field=fields::STAFF.to_string()/>
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

/// One member of the staff list: 職種・氏名など, 勤務形態 and the weekly hours of a 非常勤.
#[component]
fn StaffRow(form: FormState<StationForm>, issues: Signal<Issues>, index: usize) -> impl IntoView {
    let i = index;
    let invalid = move |key: String| move || issues.with(|all| all.field_has_error(&key)).then_some("true");
    let label_key = fields::staff_label(i);
    let employment_key = fields::staff_employment(i);
    let hours_key = fields::staff_hours(i);
    let full_time = Memo::new(move |_| form.value.with(|f| f.staff.get(i).is_some_and(|m| m.employment == FULL_TIME)));
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
                <FieldIssues issues field=label_key/>
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
                <FieldIssues issues field=employment_key/>
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
                <FieldIssues issues field=hours_key/>
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
}
