//! The printed 様式2 (A4 landscape), laid out like the paper form: 事業名〔実施主体〕, 実施,
//! 実施件数 (1) 管轄地域 / (2) 都道府県全体, 事業の概要と評価 (概要, 成果, 課題), with 地区名,
//! 年度 and the print date in the header. Only shows on paper.

use super::PageData;
use crate::domain::programmes::sheet::print_rows;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

#[component]
pub fn ProgrammePrint(data: PageData) -> impl IntoView {
    let printed_on = print_date();

    let rows = Memo::new(move |_| {
        let fiscal_year = data.diagnosis.with(|d| d.as_ref().map(|d| d.diagnosis.fiscal_year))?;
        data.sheet.with(|s| s.as_ref().map(|s| print_rows(s, fiscal_year)))
    });
    let header = move || {
        data.diagnosis.with(|d| {
            d.as_ref().map(|d| {
                (
                    d.diagnosis.jurisdiction.clone(),
                    d.diagnosis.fiscal_year.to_string(),
                    d.diagnosis.fiscal_year.wareki(),
                )
            })
        })
    };

    view! {
        <section class="print-only programmes-print" data-testid="programmes-print">
            {move || header().map(|(jurisdiction, year, wareki)| view! {
                <PrintHeader
                    title="様式2　ALS療養者支援にかかわる難病対策事業の実施状況とその評価".to_string()
                    jurisdiction
                    year
                    printed_on
                />
                <table class="print-table">
                    <colgroup>
                        <col class="p-name"/>
                        <col class="p-impl"/>
                        <col class="p-count"/>
                        <col class="p-count"/>
                        <col class="p-summary"/>
                        <col class="p-eval"/>
                        <col class="p-eval"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th rowspan="2">"事業名〔実施主体〕"</th>
                            <th rowspan="2">"実施"<br/>"1.有 0.無"</th>
                            <th colspan="2">{format!("実施件数（{wareki}）")}</th>
                            <th colspan="3">"事業の概要と評価"</th>
                        </tr>
                        <tr>
                            <th>"(1) 管轄地域（件）"</th>
                            <th>"(2) 都道府県全体（件）"</th>
                            <th>"事業の概要"</th>
                            <th>"成果"</th>
                            <th>"課題"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().unwrap_or_default().into_iter().map(|r| view! {
                            <tr>
                                <th scope="row">
                                    {(!r.group.is_empty()).then(|| view! { <span class="group">{r.group.clone()}</span> })}
                                    {r.title}
                                </th>
                                <td class="center">{r.implemented}</td>
                                <td class="num">{r.count_local}</td>
                                <td class="num">{r.count_prefecture}</td>
                                <td class="text">
                                    <span class="summary">{r.summary}</span>
                                    {r.details.into_iter().map(|line| view! { <span class="detail-line">{line}</span> }).collect_view()}
                                </td>
                                <td class="text">{r.outcome}</td>
                                <td class="text">{r.challenge}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}
