//! 参考: the programmes of 様式2 (the app's catalogue) and 在宅人工呼吸器使用患者支援事業's
//! payment rules (要綱 第４ and 別添２).

use crate::domain::help::ventilator::{self as vent, yen, Fee};
use crate::domain::programmes::catalogue::STANDARD_PROGRAMMES;
use leptos::prelude::*;

#[component]
pub fn ProgrammeList() -> impl IntoView {
    let rows = STANDARD_PROGRAMMES
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">
                        {p.group.map(|g| view! { <span class="group-label">{g}</span><br/> })}
                        {p.name}
                    </th>
                    <td>{p.operator}</td>
                    <td>{p.description}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>"様式2 では、次の事業の実施の有無と実施件数、成果と課題を入力します。一覧にない事業は「事業を追加」で加えられます。"</p>
        <table data-testid="programme-list">
            <thead>
                <tr><th scope="col">"事業名"</th><th scope="col">"実施主体"</th><th scope="col">"事業の概要"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn fee_rows(fees: &'static [Fee]) -> impl IntoView {
    fees.iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{format!("{} {}", f.mark, f.item)}</th>
                    <td>{f.per}</td>
                    <td class="num">{yen(f.yen)}</td>
                </tr>
            }
        })
        .collect_view()
}

#[component]
pub fn VentilatorFees() -> impl IntoView {
    let outline =
        vent::OUTLINE.iter().map(|(k, v)| view! { <tr><th scope="row">{*k}</th><td>{*v}</td></tr> }).collect_view();
    let head = || view! { <thead><tr><th scope="col">"区分"</th><th scope="col">"単位"</th><th scope="col">"費用の額"</th></tr></thead> };
    view! {
        <section>
            <h2>"事業の概要（要綱 第４）"</h2>
            <table><tbody>{outline}</tbody></table>
        </section>
        <section>
            <h2>"支払われる訪問"</h2>
            <blockquote>{vent::WHICH_VISITS}</blockquote>
            <ul data-testid="ventilator-rules">
                <li>{format!("原則: 1日につき{}回目以降の訪問看護", vent::FIRST_PAID_VISIT_OF_DAY)}</li>
                <li>{format!("特例措置: 1日の{}回目の訪問看護を前2回と同じ訪問看護ステーションが行う場合", vent::SPECIAL_VISIT_OF_DAY)}</li>
                <li>{format!("限度: 患者1人当たり年間{}回（特例措置を含む）", vent::VISITS_PER_YEAR)}</li>
            </ul>
        </section>
        <section data-testid="ventilator-fees">
            <h2>"費用の額（別添２）"</h2>
            <h3>"１．原則"</h3>
            <p>{vent::PRINCIPLE_NOTE}</p>
            <table>{head()}<tbody>{fee_rows(&vent::PRINCIPLE)}</tbody></table>
            <h3>"２．特例措置"</h3>
            <p>{vent::SPECIAL_NOTE}</p>
            <table>{head()}<tbody>{fee_rows(&vent::SPECIAL)}</tbody></table>
        </section>
        <section>
            <h2>"このアプリでの読み方"</h2>
            <p>{vent::READING}</p>
        </section>
    }
}
