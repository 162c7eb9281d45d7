//! The editor of one 課題: 年度, 課題, its 取組 and their 事業 (texts, 国庫負担, links to 事業実績
//! indicators with the figures they give). Saved through the shared save step (`ui::editor`).

use super::super::results::{ContainerRecord, Stored};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::progress::form::ProgressForm;
use crate::domain::progress::{link_choices, shown_results, IndicatorLink, Initiative, Project};
use crate::ui::ctx::use_app;
use crate::ui::editor::SaveConflicts;
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

type Edit = RwSignal<ProgressForm>;

fn project_mut(f: &mut ProgressForm, n: usize, k: usize) -> Option<&mut Project> {
    f.initiatives.get_mut(n).and_then(|i| i.projects.get_mut(k))
}

#[component]
pub fn ProgressEditor(
    id: Option<RecordId>,
    stored: Memo<Arc<Stored>>,
    editing: RwSignal<Option<Option<RecordId>>>,
    year: Memo<Option<FiscalYear>>,
) -> impl IntoView {
    let ctx = use_app();
    let (initial, base) =
        stored.with_untracked(|s| match id.as_ref().and_then(|id| s.plans.iter().find(|(r, _)| &r.meta.id == id)) {
            Some((_, p)) => (ProgressForm::from_issue(p), serde_json::to_value(p).unwrap_or_default()),
            None => {
                let y = year.get_untracked().or_else(|| FiscalYear::containing(platform::now().date_jst()).ok());
                let order = s.plans.iter().map(|(_, p)| p.order).max().unwrap_or(0) + 1;
                (
                    ProgressForm { year: y.map(|y| y.wareki()).unwrap_or_default(), order, ..ProgressForm::default() },
                    serde_json::Value::Null,
                )
            }
        });
    let form = RwSignal::new(initial);
    let record = ContainerRecord::open(ctx, &id, base);
    let ContainerRecord { saver, is_new, errors, .. } = record;
    let save = move |_| record.save(form.with_untracked(ProgressForm::parse));
    let trash = move |_| record.trash("progress_plan", editing);
    let count = Memo::new(move |_| form.with(|f| f.initiatives.len()));
    view! {
        <section class="results-editor no-print" data-testid="progress-editor" aria-labelledby="progress-editor-title">
            <h2 id="progress-editor-title">"課題の編集"</h2>
            <div class="form-grid">
                <label class="field"><span class="label">"年度（例: 令和3、2021）"</span>
                    <input type="text" name="year" autocomplete="off" prop:value=move || form.with(|f| f.year.clone())
                        on:input:target=move |ev| form.update(|f| f.year = ev.target().value())/></label>
                <label class="field"><span class="label">"課題"</span>
                    <input type="text" name="title" autocomplete="off" prop:value=move || form.with(|f| f.title.clone())
                        on:input:target=move |ev| form.update(|f| f.title = ev.target().value())/></label>
            </div>
            {move || (0..count.get()).map(|n| view! { <InitiativeBlock form n stored/> }).collect_view()}
            <button type="button" data-testid="progress-add-initiative" on:click=move |_| form.update(|f| f.initiatives.push(Initiative::default()))>"取組を追加"</button>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="issue-summary" role="alert" data-testid="progress-errors">
                    <ul>{move || errors.get().into_iter().map(|e| view! { <li class="field-error">{format!("エラー: {e}")}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <SaveConflicts saver/>
            <div class="buttons">
                <button type="button" class="primary" data-testid="progress-save" on:click=save>"保存"</button>
                <button type="button" data-testid="progress-close" on:click=move |_| editing.set(None)>"閉じる"</button>
                <Show when=move || !is_new.get_value()>
                    <button type="button" class="danger" on:click=trash>"ゴミ箱へ"</button>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn InitiativeBlock(form: Edit, n: usize, stored: Memo<Arc<Stored>>) -> impl IntoView {
    let count = Memo::new(move |_| form.with(|f| f.initiatives.get(n).map_or(0, |i| i.projects.len())));
    let label = format!("{}番目の取組", n + 1);
    view! {
        <fieldset class="progress-initiative" data-testid="progress-initiative">
            <legend>{label.clone()}</legend>
            <label class="field"><span class="label">"取組"</span>
                <input type="text" autocomplete="off" data-testid="progress-initiative-title"
                    prop:value=move || form.with(|f| f.initiatives.get(n).map(|i| i.title.clone()).unwrap_or_default())
                    on:input:target=move |ev| form.update(|f| if let Some(i) = f.initiatives.get_mut(n) { i.title = ev.target().value() })/></label>
            {move || (0..count.get()).map(|k| view! { <ProjectBlock form n k stored/> }).collect_view()}
            <div class="buttons">
                <button type="button" data-testid="progress-add-project"
                    on:click=move |_| form.update(|f| if let Some(i) = f.initiatives.get_mut(n) { i.projects.push(Project::default()) })>"事業を追加"</button>
                <button type="button" aria-label=format!("{label}を削除")
                    on:click=move |_| form.update(|f| if n < f.initiatives.len() { f.initiatives.remove(n); })>"取組を削除"</button>
            </div>
        </fieldset>
    }
}

#[component]
fn ProjectBlock(form: Edit, n: usize, k: usize, stored: Memo<Arc<Stored>>) -> impl IntoView {
    let text = move |label: &'static str,
                     field: &'static str,
                     get: fn(&Project) -> String,
                     set: fn(&mut Project, String)| {
        view! {
            <label class="field"><span class="label">{label}</span>
                <textarea name=field data-testid=format!("progress-{field}")
                    prop:value=move || form.with(|f| f.initiatives.get(n).and_then(|i| i.projects.get(k)).map(get).unwrap_or_default())
                    on:input:target=move |ev| form.update(|f| if let Some(p) = project_mut(f, n, k) { set(p, ev.target().value()) })></textarea>
            </label>
        }
    };
    view! {
        <div class="progress-project" data-testid="progress-project">
            <div class="form-grid">
                {text("事業名", "name", |p| p.name.clone(), |p, v| p.name = v)}
                {text("事業概要", "summary", |p| p.summary.clone(), |p, v| p.summary = v)}
                {text("前年度実績", "previous_result", |p| p.previous_result.clone(), |p, v| p.previous_result = v)}
                {text("今年度計画（予算規模等）", "plan", |p| p.plan.clone(), |p, v| p.plan = v)}
                {text("今年度実績", "result", |p| p.result.clone(), |p, v| p.result = v)}
                {text("評価", "evaluation", |p| p.evaluation.clone(), |p, v| p.evaluation = v)}
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || form.with(|f| f.initiatives.get(n).and_then(|i| i.projects.get(k)).is_some_and(|p| p.national_subsidy))
                    on:change:target=move |ev| form.update(|f| if let Some(p) = project_mut(f, n, k) { p.national_subsidy = ev.target().checked() })/>
                "国庫負担"
            </label>
            <Links form n k stored/>
            <button type="button" on:click=move |_| form.update(|f| if let Some(i) = f.initiatives.get_mut(n) { if k < i.projects.len() { i.projects.remove(k); } })>"この事業を削除"</button>
        </div>
    }
}

/// The 事業実績 indicators linked to a 事業, the figures they give, and a chooser to add one.
#[component]
fn Links(form: Edit, n: usize, k: usize, stored: Memo<Arc<Stored>>) -> impl IntoView {
    let choices = Memo::new(move |_| stored.with(|s| link_choices(&s.live)));
    let picked = RwSignal::new(String::new());
    let derived = Memo::new(move |_| {
        let year = form.with(|f| FiscalYear::parse(&f.year).ok());
        let project = form.with(|f| f.initiatives.get(n).and_then(|i| i.projects.get(k)).cloned());
        match (year, project) {
            (Some(y), Some(p)) if !p.links.is_empty() => {
                let linked_only = Project { previous_result: String::new(), result: String::new(), ..p };
                Some(stored.with(|s| shown_results(&linked_only, y, &s.live)))
            }
            _ => None,
        }
    });
    let add = move |_| {
        let Ok(index) = picked.get_untracked().parse::<usize>() else { return };
        let Some((link, _)) = choices.with_untracked(|c| c.get(index).cloned()) else { return };
        form.update(|f| {
            if let Some(p) = project_mut(f, n, k) {
                if !p.links.contains(&link) {
                    p.links.push(link)
                }
            }
        });
    };
    let remove = move |link: IndicatorLink| {
        form.update(|f| {
            if let Some(p) = project_mut(f, n, k) {
                p.links.retain(|l| l != &link)
            }
        })
    };
    let linked = Memo::new(move |_| {
        form.with(|f| f.initiatives.get(n).and_then(|i| i.projects.get(k)).map(|p| p.links.clone()).unwrap_or_default())
    });
    view! {
        <div class="progress-links">
            <label class="field"><span class="label">"事業実績の指標と結びつける"</span>
                <select data-testid="progress-link-choice" on:change:target=move |ev| picked.set(ev.target().value())>
                    <option value="">"選んでください"</option>
                    {move || choices.get().into_iter().enumerate().map(|(i, (_, label))| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="progress-link-add" on:click=add>"結びつける"</button>
            <ul>
                {move || linked.get().into_iter().map(|l| {
                    let label = choices.with(|c| c.iter().find(|(x, _)| x == &l).map(|(_, t)| t.clone())).unwrap_or_else(|| "（事業実績が見つかりません）".to_string());
                    let l2 = l.clone();
                    view! { <li>{label.clone()}" "<button type="button" aria-label=format!("{label}を外す") on:click=move |_| remove(l2.clone())>"外す"</button></li> }
                }).collect_view()}
            </ul>
            {move || derived.get().map(|(previous, this)| view! {
                <p class="hint" data-testid="progress-derived">
                    "事業実績から（自動）: 前年度 "<span data-testid="progress-derived-previous">{previous}</span>" ／ 今年度 "<span data-testid="progress-derived-this">{this}</span>
                </p>
            })}
        </div>
    }
}
