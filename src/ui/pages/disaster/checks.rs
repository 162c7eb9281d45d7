//! 区市町村の補助（在宅人工呼吸器使用者療養支援事業）: which of ①②③ the person may apply for
//! now, with the reason in the rule's words, from the plan as typed and the 補助の上限表 of
//! the person's 市町村.

use crate::domain::help::ventilator::yen;
use crate::domain::time::Date;
use crate::domain::ventilator::plan::SupportPlan;
use crate::domain::ventilator::subsidy::{check_all, SubsidyItem};
use crate::domain::ventilator::tables::SubsidyTables;
use leptos::prelude::*;

#[component]
pub fn SubsidyCheck(
    plan: Memo<Option<SupportPlan>>,
    tables: Memo<SubsidyTables>,
    /// The patient's 市町村 (様式1 住所): whose table applies.
    municipality: String,
    /// The 補助の上限表's page.
    tables_href: String,
    today: Date,
) -> impl IntoView {
    let town = StoredValue::new(municipality);
    let rows = Memo::new(move |_| {
        tables.with(|tables| {
            let (table, _) = town.with_value(|m| tables.for_municipality(m));
            plan.with(|p| {
                p.as_ref().map(|p| {
                    check_all(table, &p.subsidy_facts(), today).map(|checks| {
                        checks.into_iter().map(|c| (c.item.label(), c.eligible(), c.reason(table))).collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    let limits = move || {
        tables.with(|tables| {
            let (table, own) = town.with_value(|m| tables.for_municipality(m));
            let items: Vec<String> = SubsidyItem::ALL
                .iter()
                .map(|i| {
                    let r = table.rule(*i);
                    format!(
                        "{} 限度額{}・耐用年数{}年",
                        i.label(),
                        yen(u32::try_from(r.limit_yen).unwrap_or(0)),
                        r.useful_life_years
                    )
                })
                .collect();
            let whose = own.map_or_else(|| "管内共通の表".to_string(), |m| format!("{m}の表"));
            format!("{whose}: {}", items.join("／"))
        })
    };
    view! {
        <section class="form-group subsidy-check" data-testid="subsidy-check" aria-live="polite">
            <h2>"区市町村の補助（予備電源）の判定"</h2>
            <p class="hint">"在宅人工呼吸器使用者療養支援事業（区市町村包括補助）。補助条件: 災害時個別計画に、使用者が対象品目を準備する必要があると記載があること。他の公的制度（日常生活用具給付等事業、人工呼吸器使用難病患者非常用電源設備整備事業等）の対象者は対象外。"</p>
            <p class="hint" data-testid="subsidy-limits">{limits}" "<a href=tables_href>"補助の上限表を見る・変える"</a></p>
            {move || match rows.get() {
                None => view! { <p class="caution">"入力の誤りを直すと判定します。"</p> }.into_any(),
                Some(Err(problems)) => view! { <p class="caution">{problems.join(" ")}</p> }.into_any(),
                Some(Ok(rows)) => view! {
                    <ul class="subsidy-list">
                        {rows.into_iter().map(|(label, ok, reason)| view! {
                            <li data-testid="subsidy-item" data-eligible=ok.to_string()>
                                <b>{label}</b>": "{reason}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
