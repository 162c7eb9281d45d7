//! The printed 様式3 (A4 landscape), laid out like the paper form 「管内の訪問看護ステーションの
//! 概況」: columns (1)–(11) with (7) as its two 加算, one row per station in 名称 order, the
//! 合計 row, and the lines per 10 km² / 100 km² / 100,000 people; 地区名, 年度, 印刷日 and
//! ※1 面積・※2 人口 in the header. Only shows on paper.

use super::PageData;
use crate::domain::forms::station_roster::{
    density_lines, station_indices, station_print_cells, totals_cells, StationSort,
};
use crate::domain::summary::stations::station_totals;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

#[component]
pub fn StationPrint(data: PageData) -> impl IntoView {
    let printed_on = print_date();

    let rows = Memo::new(move |_| {
        data.bodies.with(|b| {
            station_indices(b, "", StationSort::default())
                .into_iter()
                .filter_map(|i| b.get(i).map(station_print_cells))
                .collect::<Vec<_>>()
        })
    });
    let totals = Memo::new(move |_| data.overview.with(|o| data.bodies.with(|b| station_totals(o, b))));
    let total_cells = Memo::new(move |_| totals.with(totals_cells));
    let densities = Memo::new(move |_| totals.with(density_lines));
    let area = Memo::new(move |_| data.overview.with(|o| o.area_km2.map(|a| format!("{a} km²"))));
    let population = Memo::new(move |_| data.overview.with(|o| o.population.map(|p| format!("{p} 人"))));
    let header = move || {
        data.diagnosis
            .with(|d| d.as_ref().map(|d| (d.diagnosis.jurisdiction.clone(), d.diagnosis.fiscal_year.to_string())))
    };

    view! {
        <section class="print-only stations-print" data-testid="stations-print">
            {move || header().map(|(jurisdiction, year)| view! {
                <PrintHeader title="様式3　管内の訪問看護ステーションの概況".to_string() jurisdiction year printed_on>
                    <span>"※1 管轄地域の面積: "<b>{move || area.get().unwrap_or_default()}</b></span>
                    <span>"※2 管轄地域の人口: "<b>{move || population.get().unwrap_or_default()}</b></span>
                </PrintHeader>
            })}
            <table class="print-table stations-print-table">
                <StationPrintHead/>
                <tbody>
                    {move || rows.get().into_iter().map(|cells| {
                        let [name, rest @ ..] = cells;
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {rest.into_iter().enumerate().map(|(i, text)| view! {
                                    <td class:num=(1..=3).contains(&i) class:center=(i >= 4)>{text}</td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                    <tr class="totals" data-testid="print-totals">
                        {move || {
                            let [name, _address, rest @ ..] = total_cells.get();
                            view! {
                                <th scope="row" colspan="2">{name}</th>
                                {rest.into_iter().map(|text| view! { <td>{text}</td> }).collect_view()}
                            }
                        }}
                    </tr>
                </tbody>
            </table>
            <dl class="print-densities" data-testid="print-densities">
                {move || densities.get().into_iter().map(|(label, value)| view! {
                    <div>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <p class="print-note">
                "合計の（未入力 n）は値が空欄のステーションの数です（合計に含めていません）。面積または人口が未入力か0のときは「-」です。"
            </p>
        </section>
    }
}

/// The paper form's column widths and its two heading rows ((7) over its two 加算).
#[component]
fn StationPrintHead() -> impl IntoView {
    view! {
        <colgroup>
            <col class="s-name"/>
            <col class="s-address"/>
            <col class="s-num"/>
            <col class="s-num"/>
            <col class="s-num"/>
            <col class="s-code"/>
            <col class="s-code"/>
            <col class="s-code"/>
            <col class="s-code"/>
            <col class="s-code"/>
            <col class="s-intake"/>
            <col class="s-intake"/>
        </colgroup>
        <thead>
            <tr>
                <th rowspan="2">"(1) 訪問看護ステーション名称"</th>
                <th rowspan="2">"(2) 所在地"</th>
                <th rowspan="2">"(3) 看護師の常勤換算"<br/>"（人）"</th>
                <th rowspan="2">"(4) 平均的な1ヶ月の実利用者数"<br/>"（人）"</th>
                <th rowspan="2">"(5) (4)のうち医療保険利用者数"<br/>"（人）"</th>
                <th rowspan="2">"(6) 訪問数を増加する余裕"<span class="codes">"（1.あり、0.なし）"</span></th>
                <th colspan="2">"(7) 医療保険加算届出の有無"<span class="codes">"（1.24時間対応体制加算、2.特別管理加算、0.なし）"</span></th>
                <th rowspan="2">"(8) ALS患者の訪問看護実績の有無"<span class="codes">"（1.あり、0.なし）"</span></th>
                <th rowspan="2">"(9) 人工呼吸器使用患者（NPPV、TPPV含む）の訪問看護実績の有無"<span class="codes">"（1.あり、0.なし）"</span></th>
                <th rowspan="2">"(10) ALS患者の今後の受け入れ"<span class="codes">"（2.可能、1.検討可、0.不可能）"</span></th>
                <th rowspan="2">"(11) 重心児の今後の受け入れ"<span class="codes">"（2.可能、1.検討可、0.不可能）"</span></th>
            </tr>
            <tr>
                <th>"24時間対応体制加算"</th>
                <th>"特別管理加算"</th>
            </tr>
        </thead>
    }
}
