//! 結果と対応の枠: the seed's outcome boxes with their ◆ sections (医師への連絡・相談,
//! 本人・家族への支援, 支援体制・環境整備, 緊急時の対応と役割の確認, …) and items.

use crate::domain::trees::data::OutcomeId;
use leptos::prelude::*;

/// A stable key for tests and styles.
pub fn outcome_key(id: OutcomeId) -> &'static str {
    match id {
        OutcomeId::RespiratoryFailure => "respiratory_failure",
        OutcomeId::ToBulbar => "to_bulbar",
        OutcomeId::Swallowing => "swallowing",
        OutcomeId::Speech => "speech",
        OutcomeId::GeneralCondition => "general_condition",
        OutcomeId::Observe => "observe",
    }
}

/// How the box is coloured: a problem with actions, a point to act on, or nothing found.
fn tone(id: OutcomeId) -> &'static str {
    match id {
        OutcomeId::RespiratoryFailure | OutcomeId::Swallowing => "alert",
        OutcomeId::Speech | OutcomeId::GeneralCondition => "caution",
        OutcomeId::ToBulbar | OutcomeId::Observe => "calm",
    }
}

/// One outcome box.
#[component]
pub fn OutcomeBox(id: OutcomeId) -> impl IntoView {
    let def = id.def();
    view! {
        <div class=format!("outcome-box {}", tone(id)) data-outcome=outcome_key(id)>
            <h3>{def.title}</h3>
            {def
                .sections
                .iter()
                .map(|section| view! {
                    <div class="action-section">
                        {(!section.heading.is_empty()).then(|| view! { <h4>{section.heading}</h4> })}
                        <ul>
                            {section
                                .items
                                .iter()
                                .map(|item| view! {
                                    <li>
                                        {item.text}
                                        {(!item.details.is_empty()).then(|| view! {
                                            <ul class="details">
                                                {item.details.iter().map(|d| view! { <li>{*d}</li> }).collect_view()}
                                            </ul>
                                        })}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </div>
                })
                .collect_view()}
        </div>
    }
}

/// The boxes that apply, respiratory first.
#[component]
pub fn OutcomeBoxes(#[prop(into)] ids: Signal<Vec<OutcomeId>>) -> impl IntoView {
    view! {
        <div class="outcome-boxes" data-testid="outcome-boxes">
            {move || ids.get().into_iter().map(|id| view! { <OutcomeBox id/> }).collect_view()}
        </div>
    }
}
