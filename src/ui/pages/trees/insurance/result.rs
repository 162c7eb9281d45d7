//! The answer beside the questions: the insurance, the branch of the chart and why, what may
//! be used, what must be found out first, and 長時間訪問看護.

use crate::domain::insurance::{InsuranceDecision, LONG_VISIT_NOTE};
use crate::domain::issues::Issues;
use leptos::prelude::*;

/// The decision as it stands (nothing while the form has errors; they show above it).
#[component]
pub fn DecisionPanel(decision: Memo<Result<InsuranceDecision, Issues>>) -> impl IntoView {
    view! {
        {move || decision.get().ok().map(|d| {
            let insurance = d.insurance;
            view! {
                <div class="result-head" class:undecided=insurance.is_none()>
                    <p class="result-insurance" data-testid="insurance-answer">
                        {match insurance {
                            Some(i) => format!("▼ {}", i.label()),
                            None => "まだ判定できません".to_string(),
                        }}
                    </p>
                    {d.rule.map(|r| view! { <p class="result-rule" data-testid="insurance-rule">{r.label()}</p> })}
                </div>
                {(!d.reasons.is_empty()).then(|| view! {
                    <section>
                        <h2>"理由"</h2>
                        <ul data-testid="insurance-reasons">{d.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                    </section>
                })}
                <section>
                    <h2>"利用できる訪問看護"</h2>
                    {if d.limit_lines.is_empty() {
                        view! { <p class="hint">"下の項目が分かると決まります"</p> }.into_any()
                    } else {
                        view! {
                            <ul class="limits" data-testid="insurance-limits">
                                {d.limit_lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
                {(!d.missing.is_empty()).then(|| view! {
                    <section class="missing-list" data-testid="insurance-missing">
                        <h2>"確認が必要な項目"</h2>
                        <ul>{d.missing.iter().map(|m| view! { <li><strong>{m.label}</strong>{format!("：{}", m.why)}</li> }).collect_view()}</ul>
                    </section>
                })}
                <section data-testid="long-visit">
                    <h2>"長時間訪問看護"</h2>
                    <p>
                        {match (d.long_visit.eligible, d.long_visit.per_week) {
                            (Some(true), Some(n)) => format!("対象（週{n}回まで加算できます）"),
                            (Some(true), None) => "対象".to_string(),
                            (Some(false), _) => "対象外".to_string(),
                            (None, _) => "まだ判断できません".to_string(),
                        }}
                    </p>
                    {(!d.long_visit.grounds.is_empty()).then(|| view! {
                        <ul>{d.long_visit.grounds.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul>
                    })}
                    {(!d.long_visit.missing.is_empty()).then(|| view! {
                        <ul class="hint">{d.long_visit.missing.iter().map(|m| view! { <li>{format!("{}：{}", m.label, m.why)}</li> }).collect_view()}</ul>
                    })}
                </section>
                {(!d.notes.is_empty()).then(|| view! {
                    <ul class="notes">{d.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                })}
                <p class="hint">{LONG_VISIT_NOTE}</p>
            }
        })}
    }
}
