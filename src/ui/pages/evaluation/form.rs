//! The 様式4 form: one row per item (管内の状況 with its numbers, レベル, 課題), then
//! 総合評価および優先すべき課題. Drafts are kept while typing; Ctrl+Enter saves, Esc cancels;
//! errors block saving and name the field, warnings are shown.

use crate::domain::evaluation::saved_evaluation;
use crate::domain::evaluation::Evaluation;
use crate::domain::evaluation::{
    issue_field, level_field, EvaluationForm, EvaluationItem, ItemCoverage, Level, LEVEL_CHOICES, OVERALL_FIELD,
    OVERALL_LABEL,
};
use crate::domain::forms::form_help;
use crate::domain::ids::RecordId;
use crate::domain::record::RecordKind;
use crate::domain::save::{singleton_target, Trashed};
use crate::domain::summary::{ComparisonRow, DrillDown, Section, POINTS_UNIT};
use crate::ui::components::{FieldIssues, IssueSummary};
use crate::ui::ctx::use_app;
use crate::ui::editor::{EditorForm, RecordSaver};
use crate::ui::form::FormState;
use crate::ui::help_tip::HelpTip;
use crate::ui::pages::summary::SummaryData;
use leptos::prelude::*;

/// 管内の状況 of one item: the %, the count of N, 外来＋往診 where it adds up, 不明, the
/// formula, last year, and the link to the patients behind it.
#[component]
fn CoverageCell(data: SummaryData, item: EvaluationItem) -> impl IntoView {
    let coverage = Memo::new(move |_| {
        data.summary.with(|s| s.as_ref().and_then(|s| s.coverage.iter().find(|c| c.item == item).cloned()))
    });
    let previous = Memo::new(move |_| {
        let label = item.label();
        data.comparison.with(|rows| {
            rows.as_ref().and_then(|rows| {
                rows.iter().find(|r: &&ComparisonRow| r.section == Section::Coverage && r.label == label).cloned()
            })
        })
    });
    let previous_year = move || data.previous.with(|p| p.as_ref().map(|p| p.fiscal_year.wareki()));
    move || {
        coverage.get().map(|c: ItemCoverage| {
            let f = &c.figure;
            let parts = (!c.parts.is_empty()).then(|| {
                c.parts.iter().map(|p| format!("{} {}人", p.short_label(), p.count)).collect::<Vec<_>>().join("＋")
            });
            let members = data.drill_href(DrillDown::members(f.key));
            let unknowns = data.drill_href(DrillDown::unknowns(f.key));
            let unknown = f.unknown;
            view! {
                <span class="coverage-percent" data-testid="coverage-percent">
                    {match f.percent {
                        Some(p) => format!("{p}％"),
                        None => "-".to_string(),
                    }}
                </span>
                <span class="coverage-count" data-testid="coverage-count">
                    <a href=members title="該当する療養者の一覧を開く">{format!("{}人", f.count)}</a>
                    {format!(" / {}人", f.denominator_count)}
                </span>
                {parts.map(|t| view! { <span class="coverage-parts" data-testid="coverage-parts">{format!("（{t}）")}</span> })}
                {(unknown > 0).then(|| view! {
                    <span class="coverage-unknown">
                        "不明 "<a href=unknowns data-testid="coverage-unknown">{format!("{unknown}人")}</a>
                    </span>
                })}
                {move || previous.get().map(|r| view! {
                    <span class="coverage-previous" data-testid="coverage-previous">
                        {format!(
                            "前年度（{}）{}％ → 増減 {}",
                            previous_year().unwrap_or_default(),
                            r.previous_percent.map_or_else(|| "-".to_string(), |p| p.to_string()),
                            r.point_change.map_or_else(|| "-".to_string(), |p| format!("{p}{POINTS_UNIT}")),
                        )}
                    </span>
                })}
                <span class="hint formula">{c.formula}</span>
            }
        })
    }
}

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn EvaluationFormView(data: SummaryData, diagnosis: RecordId, initial: EvaluationForm) -> impl IntoView {
    let ctx = use_app();
    let form = FormState::new(format!("evaluation:{diagnosis}"), diagnosis.clone(), initial);
    // Edits are made on the saved 様式4 or, before the first save, on a blank one.
    form.set_base(Some(ctx.loaded.with_untracked(|l| {
        saved_evaluation(&l.records, &diagnosis)
            .map_or_else(|| serde_json::to_value(Evaluation::default()).unwrap_or_default(), |(r, _)| r.body.to_value())
    })));
    let saver = RecordSaver::new(ctx, form);
    let issues = Memo::new(move |_| form.value.with(EvaluationForm::issues));
    let summary_issues = Signal::derive(move || issues.get());
    let previous_levels = Memo::new(move |_| {
        data.previous
            .with(|p| p.as_ref().and_then(|p| p.evaluation.as_ref().map(|e| (p.fiscal_year.wareki(), e.clone()))))
    });
    let diagnosis = StoredValue::new(diagnosis);

    let save = Callback::new(move |()| {
        let typed = form.value.get_untracked();
        let evaluation = match typed.parse() {
            Ok((e, _)) => e,
            Err(found) => {
                ctx.error(found.refusal());
                return;
            }
        };
        let target =
            ctx.loaded.with_untracked(|l| singleton_target(&l.records, &diagnosis.get_value(), RecordKind::Evaluation));
        let target = match target {
            Ok(t) => t,
            Err(e) => {
                ctx.error(e);
                return;
            }
        };
        saver.save(target, evaluation, Trashed::Restore, move |record| {
            if let Ok(stored) = record.body_as::<Evaluation>() {
                form.saved(EvaluationForm::from_record(&stored));
            }
        });
    });

    let rows = EvaluationItem::ALL
        .into_iter()
        .map(|item| {
            let (heading, sub) = item.heading();
            let level_name = level_field(item);
            let issue_name = issue_field(item);
            let level_value =
                move || form.value.with(|f| f.item(item).level.map(Level::letter).unwrap_or("").to_string());
            let previous_level = move || {
                previous_levels.with(|p| {
                    p.as_ref().map(|(year, e)| {
                        let level = e.item(item).level.map_or("未入力", Level::letter);
                        format!("前年度（{year}）: {level}")
                    })
                })
            };
            let level_invalid = {
                let f = level_name.clone();
                move || issues.with(|i| i.field_has_error(&f)).then_some("true")
            };
            let issue_invalid = {
                let f = issue_name.clone();
                move || issues.with(|i| i.field_has_error(&f)).then_some("true")
            };
            view! {
                <tr data-item=item.key()>
                    <th scope="row" class="item-heading">
                        <span class="heading">{heading}</span>
                        {sub.map(|s| view! { <span class="sub">{format!("（{s}）")}</span> })}
                    </th>
                    <td class="coverage"><CoverageCell data item/></td>
                    <td class="level">
                        <select
                            name=level_name.clone()
                            data-field=level_name.clone()
                            aria-label=format!("{} レベル", item.label())
                            aria-invalid=level_invalid
                            on:change:target=move |ev| {
                                let v = ev.target().value();
                                form.update(|f| f.item_mut(item).level = Level::from_letter(&v));
                            }
                        >
                            {LEVEL_CHOICES
                                .iter()
                                .map(|(level, label)| {
                                    let value = level.map(Level::letter).unwrap_or("");
                                    // Each option knows whether it is chosen (a value set on the
                                    // select before its options exist would be lost).
                                    let selected = move || level_value() == value;
                                    view! { <option value=value prop:selected=selected>{*label}</option> }
                                })
                                .collect_view()}
                        </select>
                        {move || previous_level().map(|t| view! { <span class="hint previous-level">{t}</span> })}
                        <FieldIssues issues field=level_name.clone()/>
                    </td>
                    <td class="issue">
                        <textarea
                            name=issue_name.clone()
                            data-field=issue_name.clone()
                            aria-label=format!("{} 課題", item.label())
                            aria-invalid=issue_invalid
                            prop:value=move || form.value.with(|f| f.item(item).issue.clone())
                            on:input:target=move |ev| {
                                let v = ev.target().value();
                                form.update(|f| f.item_mut(item).issue = v);
                            }
                        ></textarea>
                        <FieldIssues issues field=issue_name.clone()/>
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <EditorForm
            form=form.handle()
            saver
            class="evaluation-form"
            testid="evaluation-form"
            on_save=save
            cancel_message="保存していない入力を取り消して、保存済みの内容に戻します。よろしいですか？"
            hint="Ctrl+Enterで保存・Escで取り消し"
        >
            <div class="level-legend" aria-label="レベルの意味">
                <span class="label">"レベル"</span>
                {Level::ALL.map(|l| view! { <span class="level-key">{l.label()}</span> }).collect_view()}
            </div>
            <HelpTip part="評価とレベル" entries=&form_help::EVALUATION_LEVEL/>
            <div class="table-scroll">
                <table class="list evaluation-table" data-testid="evaluation-table">
                    <colgroup>
                        <col class="c-item"/>
                        <col class="c-coverage"/>
                        <col class="c-level"/>
                        <col class="c-issue"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col">"評価項目"</th>
                            <th scope="col">"管内の状況（在宅療養者中ありの％）"</th>
                            <th scope="col">"レベル"</th>
                            <th scope="col">"課題"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <HelpTip part="総合評価" entries=&form_help::EVALUATION_OVERALL/>
            <label class="field overall">
                <span class="label">{OVERALL_LABEL}</span>
                <textarea
                    name=OVERALL_FIELD
                    data-field=OVERALL_FIELD
                    aria-invalid=move || issues.with(|i| i.field_has_error(OVERALL_FIELD)).then_some("true")
                    prop:value=move || form.value.with(|f| f.overall.clone())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        form.update(|f| f.overall = v);
                    }
                ></textarea>
                <FieldIssues issues field=OVERALL_FIELD.to_string()/>
            </label>
            <IssueSummary issues=summary_issues/>
        </EditorForm>
    }
}
