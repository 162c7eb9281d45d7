//! 訪問看護の保険（介護保険と医療保険）: the chart's branches in the order it asks, what each
//! allows, and the lists it uses (別表第７, 別表第８, 特定疾病).

use crate::domain::help::insurance as help;
use leptos::prelude::*;

#[component]
pub fn InsuranceHelp() -> impl IntoView {
    let steps = help::flow()
        .into_iter()
        .map(|s| {
            let limits = s.limits.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
            view! {
                <tr>
                    <th scope="row">{s.rule.label()}</th>
                    <td>{s.rule.insurance().label()}</td>
                    <td><ul>{limits}</ul></td>
                </tr>
            }
        })
        .collect_view();
    let items = |lines: Vec<String>| lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
    let table8 = help::table8()
        .into_iter()
        .enumerate()
        .map(|(i, (heading, states))| {
            let states = states.into_iter().map(|s| view! { <li>{s}</li> }).collect_view();
            view! { <li>{format!("{}. {heading}", i + 1)}<ul>{states}</ul></li> }
        })
        .collect_view();
    view! {
        <section>
            <h2>"何を判断するか"</h2>
            {help::PURPOSE.iter().map(|l| view! { <p>{*l}</p> }).collect_view()}
        </section>
        <section>
            <h2>"判断の順序と利用できる訪問看護"</h2>
            <p>"図は上から順にたずねます。最初に当てはまった行で決まります。"</p>
            <table data-testid="insurance-flow">
                <thead>
                    <tr><th scope="col">"当てはまるとき"</th><th scope="col">"保険"</th><th scope="col">"利用できる訪問看護"</th></tr>
                </thead>
                <tbody>{steps}</tbody>
            </table>
            <p>{help::long_visit_note()}</p>
        </section>
        <section>
            <h2>"厚生労働大臣が定める疾病等（別表第７）"</h2>
            <ul data-testid="insurance-table7">{items(help::table7())}</ul>
        </section>
        <section>
            <h2>"厚生労働大臣が定める状態等（別表第８）"</h2>
            <ul data-testid="insurance-table8">{table8}</ul>
        </section>
        <section>
            <h2>"介護保険の２号被保険者の特定疾病"</h2>
            <p>"４０歳以上６５歳未満の人は、次の特定疾病で要介護・要支援の認定を受けると介護保険を利用します。"</p>
            <ul data-testid="insurance-specified">{items(help::specified_diseases())}</ul>
        </section>
    }
}
