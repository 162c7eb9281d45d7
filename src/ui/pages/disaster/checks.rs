//! 区市町村の補助（在宅人工呼吸器使用者療養支援事業）: which of ①②③ the person may apply for
//! now, with the reason in the rule's words, from the plan as typed.

use crate::domain::help::ventilator::yen;
use crate::domain::time::Date;
use crate::domain::ventilator::plan::SupportPlan;
use crate::domain::ventilator::subsidy::{check_all, SubsidyItem, SubsidyTable};
use leptos::prelude::*;

#[component]
pub fn SubsidyCheck(plan: Memo<Option<SupportPlan>>, today: Date) -> impl IntoView {
    let table = SubsidyTable::default();
    let rows = {
        let table = table.clone();
        Memo::new(move |_| {
            plan.with(|p| {
                p.as_ref().map(|p| {
                    check_all(&table, &p.subsidy_facts(), today).map(|checks| {
                        checks.into_iter().map(|c| (c.item.label(), c.eligible(), c.reason(&table))).collect::<Vec<_>>()
                    })
                })
            })
        })
    };
    let limits: Vec<String> = SubsidyItem::ALL
        .iter()
        .map(|i| {
            let r = table.rule(i.to_owned());
            format!(
                "{} 限度額{}・耐用年数{}年",
                i.label(),
                yen(u32::try_from(r.limit_yen).unwrap_or(0)),
                r.useful_life_years
            )
        })
        .collect();
    view! {
        <section class="form-group subsidy-check" data-testid="subsidy-check" aria-live="polite">
            <h2>"区市町村の補助（予備電源）の判定"</h2>
            <p class="hint">"在宅人工呼吸器使用者療養支援事業（区市町村包括補助）。補助条件: 災害時個別計画に、使用者が対象品目を準備する必要があると記載があること。他の公的制度（日常生活用具給付等事業、人工呼吸器使用難病患者非常用電源設備整備事業等）の対象者は対象外。"</p>
            <p class="hint">"上限表（区市町村により異なります）: "{limits.join("／")}</p>
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
