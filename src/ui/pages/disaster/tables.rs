//! 補助の上限表 (`#/d/<id>/disaster/subsidy`): the 管内共通 table and each 市町村's own, in the
//! editor frame (下書き, Enter / Esc, 変更履歴, conflicts). Rules and parsing in
//! `domain::ventilator::tables`.

use super::PageData;
use crate::domain::issues::Issues;
use crate::domain::record::RecordKind;
use crate::domain::save::{singleton_target, Trashed};
use crate::domain::ventilator::subsidy::SubsidyItem;
use crate::domain::ventilator::tables::{field_key, SubsidyTables, TableForm, TablesForm};
use crate::route::Section;
use crate::ui::components::{IssueSummary, TextInput};
use crate::ui::ctx::use_app;
use crate::ui::editor::{EditorForm, EditorHead, RecordSaver, SingletonHistoryLink};
use crate::ui::form::FormState;
use leptos::prelude::*;

/// The part of the form one table is: the common one (`None`) or a 市町村's.
type Pick = fn(&mut TablesForm, Option<usize>) -> Option<&mut TableForm>;

fn table_mut(f: &mut TablesForm, index: Option<usize>) -> Option<&mut TableForm> {
    match index {
        None => Some(&mut f.common),
        Some(n) => f.municipalities.get_mut(n),
    }
}

fn table_of(f: &TablesForm, index: Option<usize>) -> Option<&TableForm> {
    match index {
        None => Some(&f.common),
        Some(n) => f.municipalities.get(n),
    }
}

#[component]
pub fn SubsidyTableEditor(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let list_href = PageData::list_route(&diagnosis_id).to_hash();
    let saved = data.tables.get_untracked();
    let form =
        FormState::new(format!("subsidy_table:{diagnosis_id}"), diagnosis_id.clone(), TablesForm::from_tables(&saved));
    form.set_base(Some(
        data.table_record
            .get_untracked()
            .map_or_else(|| serde_json::to_value(SubsidyTables::default()).unwrap_or_default(), |r| r.body.to_value()),
    ));
    let saver = RecordSaver::new(ctx, form);
    let issues: Signal<Issues> = form.shown_issues(Signal::derive(move || form.value.with(TablesForm::issues)));
    let diagnosis = StoredValue::new(diagnosis_id.clone());
    let save = Callback::new(move |()| {
        let tables = match form.value.with_untracked(TablesForm::parse) {
            Ok(t) => t,
            Err(found) => return ctx.error(found.refusal()),
        };
        let target = ctx
            .loaded
            .with_untracked(|l| singleton_target(&l.records, &diagnosis.get_value(), RecordKind::SubsidyTable));
        let target = match target {
            Ok(t) => t,
            Err(e) => return ctx.error(e),
        };
        saver.save(target, tables, Trashed::Restore, move |record| {
            if let Ok(stored) = record.body_as::<SubsidyTables>() {
                form.saved(TablesForm::from_tables(&stored));
            }
        });
    });
    let leave = {
        let route = PageData::list_route(&diagnosis_id);
        Callback::new(move |()| ctx.go(route.clone()))
    };
    let count = Memo::new(move |_| form.value.with(|f| f.municipalities.len()));
    view! {
        <section class="subsidy-tables" data-testid="subsidy-tables">
            <EditorHead
                back_href=list_href
                back_label="災害への備えの一覧"
                group="災害への備え"
                heading=Signal::derive(|| "補助の上限表（区市町村包括補助）".to_string())
                lead=entry.diagnosis.title()
            />
            <SingletonHistoryLink kind=RecordKind::SubsidyTable section=Section::Disaster/>
            <p class="hint">"在宅人工呼吸器使用者療養支援事業の限度額と耐用年数は区市町村ごとに異なります。管内共通の表（初めは資料の値: ①212,000円 ②100,000円 ③41,000円）と、異なる市町村だけの表を持てます。療養者は様式1の住所の市町村の表で判定します。"</p>
            <EditorForm
                form=form.handle()
                saver
                class="subsidy-tables-form"
                testid="subsidy-tables-form"
                on_save=save
                on_leave=leave
                cancel_message="保存していない入力を取り消して一覧に戻ります。よろしいですか？"
                hint="Enterで保存・Escで取り消し"
            >
                <TableFields form index=None issues/>
                <For each=move || 0..count.get() key=|i| *i let:i>
                    <TableFields form index=Some(i) issues/>
                </For>
                <AddMunicipality form data/>
                <IssueSummary issues/>
            </EditorForm>
        </section>
    }
    .into_any()
}

/// One table: 限度額 and 耐用年数 of ①②③ and the other schemes (and, for a 市町村, its name
/// and 削除).
#[component]
fn TableFields(form: FormState<TablesForm>, index: Option<usize>, issues: Signal<Issues>) -> impl IntoView {
    let text = move |get: fn(&TableForm, usize) -> String, k: usize| -> Signal<String> {
        Memo::new(move |_| form.value.with(|f| table_of(f, index).map(|t| get(t, k)).unwrap_or_default())).into()
    };
    let set = move |put: fn(&mut TableForm, usize, String), k: usize| {
        let pick: Pick = table_mut;
        form.setter(move |f, v| {
            if let Some(t) = pick(f, index) {
                put(t, k, v);
            }
        })
    };
    let name = text(|t, _| t.municipality.clone(), 0);
    let scope = move || match index {
        None => "管内共通".to_string(),
        Some(n) => {
            Some(name.get()).filter(|s| !s.trim().is_empty()).unwrap_or_else(|| format!("市町村ごとの表{}", n + 1))
        }
    };
    let rows = SubsidyItem::ALL.iter().enumerate().map(|(k, item)| {
        view! {
            <div class="field-row" data-testid="subsidy-rule">
                <TextInput label=format!("{}の限度額（円）", item.label()) field=field_key(index, &format!("limit.{k}")) issues
                    inputmode="numeric" class="w-m" value=text(|t, k| t.limits[k].clone(), k) on_input=set(|t, k, v| t.limits[k] = v, k)/>
                <TextInput label=format!("{}の耐用年数（年）", item.label()) field=field_key(index, &format!("life.{k}")) issues
                    inputmode="numeric" class="w-s" value=text(|t, k| t.lives[k].clone(), k) on_input=set(|t, k, v| t.lives[k] = v, k)/>
            </div>
        }
    }).collect_view();
    view! {
        <fieldset class="form-group subsidy-table" data-testid="subsidy-table">
            <legend>{move || format!("{}の表", scope())}</legend>
            {index.map(|n| view! {
                <div class="field-row">
                    <TextInput label="市町村（様式1の住所と同じ書き方）" field=field_key(Some(n), "name") issues class="w-m"
                        value=name on_input=set(|t, _, v| t.municipality = v, 0)/>
                    <button type="button" class="remove" data-testid="remove-municipality"
                        on:click=move |_| form.update(|f| { if n < f.municipalities.len() { f.municipalities.remove(n); } })>
                        {move || format!("{}の表を削除", scope())}
                    </button>
                </div>
            })}
            {rows}
            <TextInput label="他の公的制度（この制度の対象者は補助の対象外。1行に1つ）" field=field_key(index, "schemes")
                multiline=true value=text(|t, _| t.other_schemes.clone(), 0) on_input=set(|t, _, v| t.other_schemes = v, 0)/>
        </fieldset>
    }
}

/// 「市町村の表を追加」: a 様式1 市町村 without its own table (or one typed), starting from the
/// common table as typed.
#[component]
fn AddMunicipality(form: FormState<TablesForm>, data: PageData) -> impl IntoView {
    let towns = Memo::new(move |_| {
        let mut names: Vec<String> = data
            .patients
            .with(|ps| ps.iter().map(|(_, p)| p.municipality.trim().to_string()).filter(|m| !m.is_empty()).collect());
        names.sort();
        names.dedup();
        form.value.with(|f| names.retain(|n| !f.municipalities.iter().any(|m| m.municipality.trim() == n)));
        names
    });
    let chosen = RwSignal::new(String::new());
    let add = move |_| {
        let name = chosen.get_untracked();
        form.update(|f| f.add_municipality(&name));
        chosen.set(String::new());
    };
    view! {
        <div class="field-row add-municipality">
            <label class="field">
                <span class="label">"表を分ける市町村"</span>
                <select name="add_municipality" data-testid="add-municipality-choice" prop:value=move || chosen.get()
                    on:change:target=move |ev| chosen.set(ev.target().value())>
                    <option value="">"（あとで入力する）"</option>
                    {move || towns.get().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="add-municipality" on:click=add>"市町村の表を追加"</button>
        </div>
    }
}
