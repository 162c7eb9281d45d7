//! A confirmed 施設's name, kind and address; merging another into it (one 施設 with both
//! names: the other goes to the ゴミ箱) and splitting one of its other names off.

use super::selected::kind_options;
use super::use_map;
use crate::domain::ids::RecordId;
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::model::MarkOf;
use crate::domain::map::records::Facility;
use crate::domain::map::registry::{merge, split};
use crate::ui::platform;
use leptos::prelude::*;

#[component]
pub fn FacilityEdit(id: RecordId) -> impl IntoView {
    let ui = use_map();
    let fid = id.clone();
    let current =
        Memo::new(move |_| ui.data.with(|d| d.facilities.iter().find(|(f, _)| f == &fid).map(|(_, f)| f.clone())));
    move || current.get().map(|f| view! { <Edit id=id.clone() f/> })
}

#[component]
fn Edit(id: RecordId, f: Facility) -> impl IntoView {
    let ui = use_map();
    let name = RwSignal::new(f.name.clone());
    let kind = RwSignal::new(f.kind);
    let address = RwSignal::new(f.address.clone());
    let merge_with = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let others: Vec<(RecordId, String)> = ui.data.with_untracked(|d| {
        d.facilities
            .iter()
            .filter(|(o, _)| o != &id)
            .map(|(o, x)| (o.clone(), format!("{} {}", x.kind.symbol(), x.name)))
            .collect()
    });
    let save = {
        let (id, base) = (id.clone(), f.clone());
        move |_| {
            let mut next = base.clone();
            next.name = name.get_untracked().trim().to_string();
            next.kind = kind.get_untracked();
            next.address = address.get_untracked().trim().to_string();
            let problems: Vec<String> = next.problems().into_iter().map(|(_, m)| m).collect();
            errors.set(problems.clone());
            if problems.is_empty() {
                let (n, k, a) = (next.name.clone(), next.kind, next.address.clone());
                let blank = base.clone();
                ui.edits.edit::<Facility>(
                    id.clone(),
                    move || blank.clone(),
                    move |x| {
                        x.name = n.clone();
                        x.kind = k;
                        x.address = a.clone();
                    },
                    |_| {},
                );
            }
        }
    };
    let do_merge = {
        let (id, base) = (id.clone(), f.clone());
        move |_| {
            let Ok(other_id) = RecordId::parse(&merge_with.get_untracked()) else { return };
            let Some(other) =
                ui.data.with_untracked(|d| d.facilities.iter().find(|(o, _)| o == &other_id).map(|(_, x)| x.clone()))
            else {
                return;
            };
            let blank = base.clone();
            ui.edits.edit::<Facility>(id.clone(), move || blank.clone(), move |x| *x = merge(x, &other), |_| {});
            ui.edits.trash(other_id, "施設を一つにまとめました");
            merge_with.set(String::new());
        }
    };
    let splits = f
        .other_names
        .iter()
        .map(|n| {
            let (id, base, name) = (id.clone(), f.clone(), n.clone());
            let split_off = move |_| {
                let Some((rest, new)) = split(&base, &name) else { return };
                let blank = base.clone();
                let names = rest.other_names.clone();
                ui.edits.edit::<Facility>(
                    id.clone(),
                    move || blank.clone(),
                    move |x| x.other_names = names.clone(),
                    |_| {},
                );
                let new_id = platform::new_record_id();
                ui.selected.set(Some(MarkOf::Facility(new_id.clone())));
                ui.edits.edit::<Facility>(new_id, move || new.clone(), |_| {}, |_| {});
            };
            view! { <li>{n.clone()}" "<button type="button" on:click=split_off>"分ける"</button></li> }
        })
        .collect_view();
    view! {
        <div class="map-facility-edit">
            <h3>"施設の内容"</h3>
            <label class="field">"名称"<input name="map-facility-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
            <label class="field">"種類"
                <select name="map-facility-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = FacilityKind::ALL.iter().find(|k| format!("{k:?}") == v) { kind.set(*k) }
                }>
                    {kind_options().into_iter().map(|(k, label)| view! { <option value=format!("{k:?}") selected=k == f.kind>{label}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">"住所"<input name="map-facility-address" prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev))/></label>
            <button type="button" data-testid="map-facility-save" on:click=save>"施設を保存"</button>
            {move || errors.get().into_iter().map(|e| view! { <p class="field-error" role="alert">{e}</p> }).collect_view()}
            {(!f.other_names.is_empty()).then(|| view! {
                <h4>"別の名前（様式1・様式3での書き方）"</h4>
                <ul class="map-names">{splits}</ul>
            })}
            {(!others.is_empty()).then(|| view! {
                <label class="field">"同じ施設をまとめる"
                    <select name="map-merge-with" prop:value=move || merge_with.get() on:change=move |ev| merge_with.set(event_target_value(&ev))>
                        <option value="">"（選ぶ）"</option>
                        {others.into_iter().map(|(o, label)| view! { <option value=o.to_string()>{label}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" disabled=move || merge_with.get().is_empty() on:click=do_merge>"この施設にまとめる"</button>
            })}
        </div>
    }
}
