//! 内訳: the records behind one figure of the 集計 (or those left blank for it), each
//! linking to its form in 様式1 or 様式3. The list follows the same rule and disease filter as
//! the count (`domain::summary::members`), so its length is the figure.

use super::SummaryData;
use crate::domain::ids::RecordId;
use crate::domain::summary::{
    members, station_members, station_unknown_members, unknown_members, DiseaseFilter, DrillDown, FigureKey,
    SummaryInputs,
};
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use leptos::prelude::*;

/// One listed record.
#[derive(Clone, Debug, PartialEq)]
struct DrillRow {
    id: RecordId,
    /// ID番号 (療養者) or 名称 (ステーション)
    first: String,
    /// 氏名 (療養者; empty when hidden) or 所在地 (ステーション)
    second: String,
    /// 市町村 (療養者)
    third: String,
    /// 疾患 (療養者)
    disease: String,
}

#[component]
pub fn DrillList(data: SummaryData, drill: DrillDown) -> impl IntoView {
    let ctx = use_app();
    let is_station = matches!(drill.key, FigureKey::Station(_));
    let section = if is_station { Section::Stations } else { Section::Patients };
    let rows = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        let filter = data.filter.get();
        data.inputs.with(|i| i.as_ref().map(|i| drill_rows(drill, i, &filter, hide)).unwrap_or_default())
    });
    let figure_text = move || {
        let unit = if is_station { "ヵ所" } else { "人" };
        data.summary.with(|s| {
            let s = s.as_ref()?;
            let Some(f) = s.figure(drill.key) else {
                // N itself (在宅療養者 of the filter) is a value of A, not a figure line.
                return Some(format!("{}{unit}", rows.with(Vec::len)));
            };
            Some(format!(
                "{}{unit}（{} {}{unit}中 {}％）・不明（未入力）{}{unit}",
                f.count,
                f.denominator_label,
                f.denominator_count,
                f.percent_text(),
                f.unknown
            ))
        })
    };
    let other = if drill.unknown { DrillDown::members(drill.key) } else { DrillDown::unknowns(drill.key) };
    let other_label =
        if drill.unknown { "該当する記録の一覧へ" } else { "不明（未入力）の記録の一覧へ" };
    let diagnosis = data.diagnosis_id;
    let href_of = move |id: &RecordId| {
        diagnosis.with_untracked(|d| match d {
            Some(d) => Route::Diagnosis { id: d.clone(), section, item: Some(id.to_string()) }.to_hash(),
            None => String::new(),
        })
    };
    let (first_head, second_head, open_label) = if is_station {
        ("名称", "所在地", "様式3を開く")
    } else {
        ("ID番号", "氏名", "様式1を開く")
    };

    view! {
        <section class="drill" data-testid="drill">
            <p class="breadcrumb no-print"><a href=data.summary_href()>"集計"</a>" ＞ 内訳"</p>
            <h1 data-testid="drill-title">{drill.title()}</h1>
            <p class="drill-figure" data-testid="drill-figure">{figure_text}</p>
            {(!is_station).then(|| view! {
                <p class="hint">
                    {move || format!("対象: {}（集計の「対象の疾患」で変えられます）", data.filter.with(|f| f.patients_label()))}
                </p>
            })}
            {drill.unknown.then(|| view! {
                <p class="hint">"この項目が空欄（不明）の記録です。分かれば入力すると集計に入ります。「なし」は0として入力してください。"</p>
            })}
            <p class="no-print"><a href=data.drill_href(other) data-testid="drill-other">{other_label}</a></p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty" data-testid="drill-empty">"該当する記録はありません。"</p> }
            >
                <table class="list drill-table" data-testid="drill-table">
                    <thead>
                        <tr>
                            <th scope="col" class="num">"番号"</th>
                            <th scope="col">{first_head}</th>
                            <th scope="col">{second_head}</th>
                            {(!is_station).then(|| view! {
                                <th scope="col">"市町村"</th>
                                <th scope="col">"疾患"</th>
                            })}
                            <th scope="col" class="no-print"></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().enumerate().map(|(n, r)| {
                            let href = href_of(&r.id);
                            view! {
                                <tr data-record=r.id.to_string()>
                                    <td class="num">{n + 1}</td>
                                    <th scope="row"><a href=href.clone()>{r.first.clone()}</a></th>
                                    <td>{r.second.clone()}</td>
                                    {(!is_station).then(|| view! {
                                        <td>{r.third.clone()}</td>
                                        <td>{r.disease.clone()}</td>
                                    })}
                                    <td class="no-print"><a href=href>{open_label}</a></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The records behind a figure (or its 不明), in the 集計's order, as the list shows them.
fn drill_rows(drill: DrillDown, i: &SummaryInputs, filter: &DiseaseFilter, hide: bool) -> Vec<DrillRow> {
    match drill.key {
        FigureKey::Patient(_) => {
            let found = if drill.unknown {
                unknown_members(drill.key, &i.patients, filter)
            } else {
                members(drill.key, &i.patients, filter)
            };
            found
                .into_iter()
                .filter_map(|n| {
                    let p = i.patients.get(n)?;
                    Some(DrillRow {
                        id: i.patient_ids.get(n)?.clone(),
                        first: p.id_number.clone(),
                        second: if hide { String::new() } else { p.name.clone() },
                        third: p.municipality.clone(),
                        disease: p.disease.label().to_string(),
                    })
                })
                .collect()
        }
        FigureKey::Station(_) => {
            let found = if drill.unknown {
                station_unknown_members(drill.key, &i.stations)
            } else {
                station_members(drill.key, &i.stations)
            };
            found
                .into_iter()
                .filter_map(|n| {
                    let s = i.stations.get(n)?;
                    Some(DrillRow {
                        id: i.station_ids.get(n)?.clone(),
                        first: s.name.clone(),
                        second: s.address.clone(),
                        third: String::new(),
                        disease: String::new(),
                    })
                })
                .collect()
        }
    }
}
