//! 進捗状況評価 (`#/progress`): 様式1－2 of seed 001 — 課題 → 取組 → 事業 for one 年度, each 事業
//! with 事業概要, 前年度実績, 今年度計画（予算規模等）, 今年度実績, 国庫負担 and 評価; a 事業 may
//! take figures from 事業実績 indicators (shown derived, beside her text). Printed like the
//! seed's form on A4 landscape. Every rule is in `domain::progress`.

mod editor;
mod print;

use super::results::{read, Stored};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::ui::ctx::use_app;
use crate::ui::platform;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let ctx = use_app();
    let stored = LocalResource::new(move || {
        ctx.revision.track();
        async move { read(ctx).await }
    });
    let current = Memo::new(move |_| {
        stored.with(|s| match s {
            Some(Ok(s)) => Arc::new(s.clone()),
            _ => Arc::new(Stored::default()),
        })
    });
    let failed = Memo::new(move |_| stored.with(|s| s.as_ref().and_then(|r| r.as_ref().err().cloned())));
    let years = Memo::new(move |_| {
        let mut ys: Vec<FiscalYear> = current.with(|s| s.plans.iter().map(|(_, p)| p.year).collect());
        ys.sort_by(|a, b| b.cmp(a));
        ys.dedup();
        ys
    });
    let chosen = RwSignal::new(None::<FiscalYear>);
    let year = Memo::new(move |_| chosen.get().or_else(|| years.with(|y| y.first().copied())));
    let editing = RwSignal::new(None::<Option<RecordId>>);
    view! {
        <section class="progress-page" data-testid="progress">
            <h1 class="no-print">"進捗状況評価"</h1>
            <p class="lead no-print">
                "保健医療計画の進捗状況評価（様式1－2）を、課題・取組・事業ごとに記録します。事業を「事業実績」の指標と結びつけると、前年度・今年度の実績の数値がそこから表示されます（数値は事業実績で直します）。"
            </p>
            {move || failed.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="buttons no-print">
                <label class="field">
                    <span class="label">"年度"</span>
                    <select name="progress-year" data-testid="progress-year"
                        on:change:target=move |ev| chosen.set(ev.target().value().parse::<i32>().ok().and_then(|y| FiscalYear::new(y).ok()))>
                        {move || years.with(Vec::is_empty).then(|| view! { <option value="">"（課題がまだありません）"</option> })}
                        {move || years.get().into_iter().map(|y| {
                            let selected = Some(y) == year.get();
                            view! { <option value=y.start_year().to_string() selected=selected>{y.to_string()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="primary" data-testid="progress-add" on:click=move |_| editing.set(Some(None))>"課題を追加"</button>
                <button type="button" data-testid="progress-print" on:click=move |_| platform::print()>"印刷"</button>
            </div>
            {move || editing.get().map(|id| view! { <editor::ProgressEditor id stored=current editing year/> })}
            <IssueList stored=current year editing/>
            <print::ProgressPrint stored=current year/>
        </section>
    }
}

/// The 課題 of the 年度 on screen, each with its 取組 and 事業 and 編集.
#[component]
fn IssueList(
    stored: Memo<Arc<Stored>>,
    year: Memo<Option<FiscalYear>>,
    editing: RwSignal<Option<Option<RecordId>>>,
) -> impl IntoView {
    let issues = Memo::new(move |_| {
        let y = year.get();
        stored.with(|s| s.plans.iter().filter(|(_, p)| Some(p.year) == y).cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="no-print" aria-labelledby="progress-list-title">
            <h2 id="progress-list-title">"課題の一覧"</h2>
            <Show when=move || issues.with(|i| !i.is_empty())
                fallback=|| view! { <p class="hint" data-testid="progress-empty">"まだ課題がありません。「課題を追加」から始めてください。"</p> }>
                <ul class="progress-issues">
                    {move || issues.get().into_iter().map(|(r, p)| {
                        let id = r.meta.id.clone();
                        let projects: usize = p.initiatives.iter().map(|i| i.projects.len()).sum();
                        view! {
                            <li data-testid="progress-issue">
                                <b>{p.title.clone()}</b>
                                {format!("（取組{}・事業{}）", p.initiatives.len(), projects)}" "
                                <button type="button" aria-label=format!("{}を編集", p.title) on:click=move |_| editing.set(Some(Some(id.clone())))>"編集"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
