//! The editor of one 事業実績: names, the indicators (name, 単位, a figure per 年度), 年度を追加,
//! with a chart of each indicator. Saved through the shared save step (`ui::editor`), so
//! 変更履歴, the ゴミ箱 and merging work as for every record.

use super::{charts::IndicatorCharts, ContainerRecord, Stored};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::results::catalogue::{entries, find};
use crate::domain::results::form::{fresh_key, IndicatorInput, ProgrammeInput};
use crate::domain::results::table::table_years;
use crate::domain::results::Unit;
use crate::ui::ctx::use_app;
use crate::ui::editor::SaveConflicts;
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// The form of `id` (or a new one over the 年度 already on the table, or this 年度 and the two before).
fn start(id: &Option<RecordId>, stored: &Stored) -> (ProgrammeInput, serde_json::Value) {
    if let Some((_, p)) = id.as_ref().and_then(|id| stored.live.iter().find(|(i, _)| i == id)) {
        return (ProgrammeInput::from_result(p), serde_json::to_value(p).unwrap_or_default());
    }
    let mut years = table_years(stored.live.iter().map(|(_, p)| p));
    years.reverse();
    if years.is_empty() {
        let now = FiscalYear::containing(platform::now().date_jst()).ok();
        let before = now.and_then(|y| y.previous().ok());
        years = [before.and_then(|y| y.previous().ok()), before, now].into_iter().flatten().collect();
    }
    let order = stored.live.iter().map(|(_, p)| p.order).max().unwrap_or(0) + 1;
    (ProgrammeInput { years, order, ..ProgrammeInput::default() }, serde_json::Value::Null)
}

/// Fills a new programme from the catalogue entry named `name` (its names and indicators).
fn from_catalogue(form: &mut ProgrammeInput, name: &str) {
    let Some((order, entry)) = find(name) else { return };
    let p = entry.blank(order);
    form.group = p.group;
    form.name = p.name;
    form.description = p.description;
    form.implementer = p.implementer;
    form.order = order;
    let years = form.years.len();
    form.indicators = p
        .indicators
        .into_iter()
        .map(|i| IndicatorInput {
            key: i.key,
            name: i.name,
            unit: i.unit.label().to_string(),
            values: vec![String::new(); years],
        })
        .collect();
}

#[component]
pub fn ProgrammeEditor(
    id: Option<RecordId>,
    stored: Memo<Arc<Stored>>,
    editing: RwSignal<Option<Option<RecordId>>>,
) -> impl IntoView {
    let ctx = use_app();
    let (initial, base) = stored.with_untracked(|s| start(&id, s));
    let form = RwSignal::new(initial);
    let record = ContainerRecord::open(ctx, &id, base);
    let ContainerRecord { saver, is_new, errors, .. } = record;
    let parsed = Memo::new(move |_| form.with(|f| f.parse().ok()));
    let save = move |_| record.save(form.with_untracked(ProgrammeInput::parse));
    let trash = move |_| record.trash("programme_result", editing);
    view! {
        <section class="results-editor no-print" data-testid="results-editor" aria-labelledby="results-editor-title">
            <h2 id="results-editor-title">{move || if is_new.get_value() { "事業を追加".to_string() } else { format!("事業実績: {}", form.with(|f| f.name.clone())) }}</h2>
            <Show when=move || is_new.get_value()>
                <label class="field">
                    <span class="label">"一覧から選ぶ（東京都の事業一覧）"</span>
                    <select data-testid="results-catalogue" on:change:target=move |ev| form.update(|f| from_catalogue(f, &ev.target().value()))>
                        <option value="">"（選ばずに入力する）"</option>
                        {entries().map(|e| view! { <option value=e.name>{e.name}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <Names form/>
            <Years form errors/>
            <Indicators form/>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="issue-summary" role="alert" data-testid="results-errors">
                    <ul>{move || errors.get().into_iter().map(|e| view! { <li class="field-error">{format!("エラー: {e}")}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <SaveConflicts saver/>
            <div class="buttons">
                <button type="button" class="primary" data-testid="results-save" on:click=save>"保存"</button>
                <button type="button" data-testid="results-close" on:click=move |_| editing.set(None)>"閉じる"</button>
                <Show when=move || !is_new.get_value()>
                    <button type="button" class="danger" data-testid="results-trash-one" on:click=trash>"ゴミ箱へ"</button>
                </Show>
            </div>
            <IndicatorCharts programme=parsed/>
        </section>
    }
}

/// 事業の区分, 事業名, 事業内容, 実施主体, 備考.
#[component]
fn Names(form: RwSignal<ProgrammeInput>) -> impl IntoView {
    let text = |label: &'static str,
                field: &'static str,
                get: fn(&ProgrammeInput) -> String,
                set: fn(&mut ProgrammeInput, String)| {
        view! {
            <label class="field">
                <span class="label">{label}</span>
                <input type="text" name=field data-field=field autocomplete="off"
                    prop:value=move || form.with(get) on:input:target=move |ev| form.update(|f| set(f, ev.target().value()))/>
            </label>
        }
    };
    view! {
        <div class="form-grid">
            {text("事業の区分", "group", |f| f.group.clone(), |f, v| f.group = v)}
            {text("事業名", "name", |f| f.name.clone(), |f, v| f.name = v)}
            {text("事業内容", "description", |f| f.description.clone(), |f, v| f.description = v)}
            {text("実施主体（申し込み先）", "implementer", |f| f.implementer.clone(), |f, v| f.implementer = v)}
            {text("備考", "note", |f| f.note.clone(), |f, v| f.note = v)}
        </div>
    }
}

/// 年度を追加: a column for another 年度 (西暦 or 和暦).
#[component]
fn Years(form: RwSignal<ProgrammeInput>, errors: RwSignal<Vec<String>>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let add = move |_| match FiscalYear::parse(&typed.get_untracked()) {
        Ok(year) => {
            form.update(|f| f.add_year(year));
            typed.set(String::new());
            errors.set(Vec::new());
        }
        Err(e) => errors.set(vec![format!("追加する年度: {e}")]),
    };
    view! {
        <div class="inline-fields">
            <label class="field">
                <span class="label">"追加する年度（例: 令和4、2022）"</span>
                <input type="text" name="add_year" data-testid="results-year" autocomplete="off"
                    prop:value=move || typed.get() on:input:target=move |ev| typed.set(ev.target().value())/>
            </label>
            <button type="button" data-testid="results-add-year" on:click=add>"年度を追加"</button>
        </div>
    }
}

/// The indicators: 指標名, 単位 and a figure per 年度 (blank = 不明, 0 = なし).
#[component]
fn Indicators(form: RwSignal<ProgrammeInput>) -> impl IntoView {
    // Rows and columns are drawn again only when their number or the 年度 change.
    let shape = Memo::new(move |_| form.with(|f| (f.indicators.len(), f.years.clone())));
    let add = move |_| {
        form.update(|f| {
            let key = fresh_key(&f.indicators);
            let values = vec![String::new(); f.years.len()];
            f.indicators.push(IndicatorInput { key, values, ..IndicatorInput::default() });
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="指標と実績">
            <table class="list results-indicators" data-testid="results-indicators">
                <caption>"指標と年度ごとの実績（空白は不明、0はなし）"</caption>
                <thead>
                    <tr>
                        <th scope="col">"指標名"</th>
                        <th scope="col">"単位"</th>
                        {move || shape.get().1.into_iter().map(|y| view! { <th scope="col">{y.wareki()}</th> }).collect_view()}
                        <th scope="col">"削除"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let (count, years) = shape.get();
                        (0..count).map(|n| view! { <IndicatorRow form n years=years.clone()/> }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
        <button type="button" data-testid="results-add-indicator" on:click=add>"指標を追加"</button>
    }
}

#[component]
fn IndicatorRow(form: RwSignal<ProgrammeInput>, n: usize, years: Vec<FiscalYear>) -> impl IntoView {
    let name = move || form.with(|f| f.indicators.get(n).map(|i| i.name.clone()).unwrap_or_default());
    let label = move |what: &str| {
        let shown = name();
        if shown.trim().is_empty() {
            format!("{}番目の指標の{what}", n + 1)
        } else {
            format!("{shown}の{what}")
        }
    };
    let cells = years
        .into_iter()
        .enumerate()
        .map(|(k, year)| {
            view! {
                <td>
                    <input type="text" inputmode="numeric" class="w-s" autocomplete="off"
                        data-testid="results-value" aria-label=move || label(&year.wareki())
                        prop:value=move || form.with(|f| f.indicators.get(n).and_then(|i| i.values.get(k).cloned()).unwrap_or_default())
                        on:input:target=move |ev| form.update(|f| {
                            if let Some(v) = f.indicators.get_mut(n).and_then(|i| i.values.get_mut(k)) {
                                *v = ev.target().value();
                            }
                        })/>
                </td>
            }
        })
        .collect_view();
    view! {
        <tr>
            <td>
                <input type="text" autocomplete="off" data-testid="results-indicator-name" aria-label=move || format!("{}番目の指標名", n + 1)
                    prop:value=name on:input:target=move |ev| form.update(|f| if let Some(i) = f.indicators.get_mut(n) { i.name = ev.target().value() })/>
            </td>
            <td>
                <select data-testid="results-unit" aria-label=move || label("単位")
                    prop:value=move || form.with(|f| f.indicators.get(n).map(|i| i.unit.clone()).unwrap_or_default())
                    on:change:target=move |ev| form.update(|f| if let Some(i) = f.indicators.get_mut(n) { i.unit = ev.target().value() })>
                    <option value="">"選んでください"</option>
                    {Unit::ALL.into_iter().map(|u| view! { <option value=u.label()>{u.label()}</option> }).collect_view()}
                </select>
            </td>
            {cells}
            <td>
                <button type="button" aria-label=move || label("削除")
                    on:click=move |_| form.update(|f| if n < f.indicators.len() { f.indicators.remove(n); })>"削除"</button>
            </td>
        </tr>
    }
}
