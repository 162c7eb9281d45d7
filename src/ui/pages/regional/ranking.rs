//! 様式4の項目ごとの順位: the areas by one 様式4 item, highest 管内の状況 first, with the gap to
//! the 都道府県全体, and the same as a bar chart (the 都道府県全体 first).

use crate::domain::summary::regional::{figure_text, Regional, SMALL_AREA};
use crate::domain::summary::EvaluationItem;
use crate::ui::charts::{BarChart, BarData, Series};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Ranking(comparison: Memo<Option<Arc<Regional>>>) -> impl IntoView {
    let item = RwSignal::new(EvaluationItem::Specialist);
    let rows = Memo::new(move |_| comparison.with(|r| r.as_ref().map(|r| r.ranking(item.get())).unwrap_or_default()));
    let total = Memo::new(move |_| {
        comparison.with(|r| {
            r.as_ref().and_then(|r| r.total.coverage.iter().find(|c| c.item == item.get()).map(|c| c.figure.clone()))
        })
    });
    let chart = Memo::new(move |_| {
        let mut categories = vec!["都道府県全体".to_string()];
        let mut values = Vec::new();
        let mut shown = Vec::new();
        if let Some(t) = total.get() {
            values.push(t.percent.map(|p| p.0 as f64 / 10.0));
            shown.push(figure_text(&t));
        }
        rows.with(|rows| {
            for r in rows {
                categories.push(r.name.clone());
                values.push(r.percent.map(|p| p.0 as f64 / 10.0));
                shown.push(r.value_text());
            }
        });
        BarData {
            categories,
            series: vec![Series { name: "管内の状況".to_string(), values, shown }],
            max: Some(100.0),
            unit: "%".to_string(),
        }
    });
    let on_item = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(i) = EvaluationItem::ALL.into_iter().find(|i| i.key() == key) {
            item.set(i);
        }
    };
    view! {
        <h2 id="regional-ranking">"様式4の項目ごとの順位"</h2>
        <label class="field no-print">
            <span class="label">"項目"</span>
            <select name="regional-item" on:change=on_item>
                {EvaluationItem::ALL
                    .into_iter()
                    .map(|i| view! { <option value=i.key() selected=move || item.get() == i>{i.label()}</option> })
                    .collect_view()}
            </select>
        </label>
        <p class="hint">
            {move || total.get().map(|t| format!("都道府県全体: {}。差は都道府県全体との差（ポイント）です。", figure_text(&t)))}
        </p>
        <table class="list regional-ranking" data-testid="regional-ranking">
            <caption class="visually-hidden">{move || format!("{}の順位", item.get().label())}</caption>
            <thead>
                <tr>
                    <th scope="col" class="num">"順位"</th>
                    <th scope="col">"地域"</th>
                    <th scope="col" class="num">"管内の状況"</th>
                    <th scope="col" class="num">"都道府県全体との差"</th>
                    <th scope="col">"注"</th>
                </tr>
            </thead>
            <tbody>
                {move || rows.get().into_iter().map(|r| {
                    let rank = r.rank.map_or_else(|| "-".to_string(), |n| n.to_string());
                    let value = r.value_text();
                    let note = if r.small { format!("{SMALL_AREA}人未満") } else { String::new() };
                    let gap = r.gap_text();
                    view! {
                        <tr>
                            <td class="num">{rank}</td>
                            <th scope="row">{r.name}</th>
                            <td class="num">{value}</td>
                            <td class="num">{gap}</td>
                            <td>{note}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <BarChart title=Signal::derive(move || format!("{}（管内の状況、％）", item.get().label())) data=chart testid="regional-chart"/>
    }
}
