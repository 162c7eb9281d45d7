//! 取り込む内容の確認: the review the I/O worker made ([`ImportReview`]), the nurse's choice
//! per conflicting field, and 取り込む（確定）. Changing the list filter or 氏名・住所を隠す
//! asks the worker for the review again; the choices stay on the page until confirmed.

use super::import_state::Import;
use crate::domain::bundle::dataio::{ConflictRow, PlanFilter};
use crate::domain::bundle::review::ImportReview;
use crate::domain::bundle::{Choice, Resolutions};
use leptos::prelude::*;

/// The part of the review that comes from the file and the plan (facts, counts, verdict).
fn head(r: &ImportReview) -> impl IntoView {
    let warnings: Vec<String> = r.warnings.clone();
    view! {
        {r.replanned.map(|n| view! {
            <p class="io-warning" role="alert" data-testid="import-replanned">
                {format!("取り込む間に、別の画面（タブ）でこの端末の記録が保存されました（{n}件）。上書きしないよう、取り込みを止めました（何も書き込んでいません）。その保存を含めて取り込む内容を調べ直したので、もう一度確認してください。")}
            </p>
        })}
        <ul class="io-facts">{r.facts.iter().cloned().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        {(!warnings.is_empty()).then(|| view! {
            <ul class="io-warnings" data-testid="import-warnings">
                {warnings.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        })}
        <dl class="io-summary" data-testid="plan-summary">
            {r.summary
                .iter()
                .cloned()
                .map(|s| view! {
                    <div class=format!("io-count {}", s.key) class:zero=s.count == 0 data-testid=format!("summary-{}", s.key)>
                        <dt>{s.label}</dt>
                        <dd>{s.count.to_string()}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
        <p class="io-verdict" data-testid="plan-verdict">{r.verdict.clone()}</p>
    }
}

#[component]
pub(super) fn ReviewView(import: Import) -> impl IntoView {
    let review = import.review;
    let resolutions = import.resolutions;
    let has = move |f: fn(&ImportReview) -> bool| review.with(|r| r.as_deref().is_some_and(f));
    let conflicts = Memo::new(move |_| review.with(|r| r.as_ref().map(|r| r.conflicts.clone()).unwrap_or_default()));
    let resolved = Memo::new(move |_| {
        review.with(|r| r.as_ref().map(|r| resolutions.with(|c| r.resolution_summary(c))).unwrap_or_default())
    });
    let choose_all = move |choice: Choice| {
        let all = review.with_untracked(|r| r.as_ref().map(|r| r.choose_all(choice)));
        resolutions.set(all.unwrap_or_default());
    };

    view! {
        <div class="io-review" data-testid="import-review">
            <h3>"取り込む内容の確認"</h3>
            {move || review.with(|r| r.as_deref().map(head))}

            <Show when=move || conflicts.with(|c| !c.is_empty())>
                <div class="io-conflicts" data-testid="conflicts">
                    <h3>"競合: どちらの値にするか選んでください"</h3>
                    <p class="hint">
                        "この端末とファイルの両方で、同じ項目が違う値に変更されています。項目ごとに残す値を選んでください。選ばなかった項目はこの端末の値のままです（上書きされません）。"
                    </p>
                    <div class="buttons">
                        <button type="button" data-testid="choose-all-ours" on:click=move |_| choose_all(Choice::Ours)>
                            "すべて「この端末」の値にする"
                        </button>
                        <button type="button" data-testid="choose-all-theirs" on:click=move |_| choose_all(Choice::Theirs)>
                            "すべて「ファイル」の値にする"
                        </button>
                    </div>
                    <table class="list io-conflict-table">
                        <thead>
                            <tr>
                                <th scope="col">"記録・項目"</th>
                                <th scope="col">"この端末の値"</th>
                                <th scope="col">"ファイルの値"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || conflicts.get() key=|c| (c.record_id.clone(), c.path.clone(), c.ours.clone()) let:c>
                                <ConflictLine c resolutions/>
                            </For>
                        </tbody>
                    </table>
                    <p class="io-resolved" data-testid="resolution-summary">{move || resolved.get()}</p>
                </div>
            </Show>

            <PlanList import/>

            <div class="buttons">
                <Show when=move || has(|r| r.has_changes)>
                    <button type="button" class="primary" data-testid="import-apply" on:click=move |_| import.apply()>
                        "取り込む（確定）"
                    </button>
                </Show>
                <button type="button" data-testid="import-cancel" on:click=move |_| import.close()>
                    {move || if has(|r| r.has_changes) { "取り消し（取り込まない）" } else { "閉じる" }}
                </button>
            </div>
        </div>
    }
}

/// The list of records the plan touches, filtered by outcome.
#[component]
fn PlanList(import: Import) -> impl IntoView {
    let review = import.review;
    let filter = import.filter;
    let rows = move || review.with(|r| r.as_ref().map(|r| r.rows.clone()).unwrap_or_default());
    let counts = move || review.with(|r| r.as_ref().map_or((0, 0), |r| (r.rows.len(), r.more_rows)));
    view! {
        <div class="io-plan-list">
            <label class="field">
                <span class="label">"記録の一覧"</span>
                <select
                    name="plan-filter"
                    prop:value=move || filter.get()
                    on:change:target=move |ev| {
                        filter.set(ev.target().value());
                        import.refresh_review();
                    }
                >
                    {PlanFilter::CHOICES.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
                </select>
            </label>
            <table class="list io-plan-table" data-testid="plan-rows">
                <thead>
                    <tr>
                        <th scope="col">"種類"</th>
                        <th scope="col">"記録"</th>
                        <th scope="col">"取り込み"</th>
                        <th scope="col">"内容"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=|r| r.clone() let:r>
                        <tr class=format!("io-row {}", r.key) data-record=r.id.to_string()>
                            <td>{r.kind.clone()}</td>
                            <th scope="row">{r.title.clone()}</th>
                            <td><span class=format!("io-badge {}", r.key)>{r.outcome.clone()}</span></td>
                            <td>
                                {r.detail.clone()}
                                {r.trash_note.clone().map(|n| view! { <span class="hint io-trash-note">{n}</span> })}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
            {move || {
                let (shown, more) = counts();
                if shown == 0 && more == 0 {
                    Some(view! { <p class="empty">"該当する記録はありません。"</p> }.into_any())
                } else if more > 0 {
                    Some(view! { <p class="hint">{format!("ほか{more}件（一覧の種類を選ぶと絞り込めます）")}</p> }.into_any())
                } else {
                    None
                }
            }}
        </div>
    }
}

#[component]
fn ConflictLine(c: ConflictRow, resolutions: RwSignal<Resolutions>) -> impl IntoView {
    let id = c.record_id.clone();
    let path = c.path.clone();
    let group = format!("conflict-{}-{}", c.record_id, c.path);
    let current = {
        let (id, path) = (id.clone(), path.clone());
        Memo::new(move |_| resolutions.with(|r| r.get(&id, &path)))
    };
    let choose = move |choice: Choice| {
        let (id, path) = (id.clone(), path.clone());
        resolutions.update(|r| r.choose(&id, &path, choice));
    };
    let choose_ours = choose.clone();
    view! {
        <tr data-record=c.record_id.to_string() data-path=c.path.clone() class="io-conflict">
            <th scope="row">
                <span class="io-conflict-record">{c.record.clone()}</span>
                <span class="io-conflict-field">{c.label.clone()}</span>
            </th>
            <td class="io-side" class:chosen=move || current.get() == Some(Choice::Ours)>
                <label class="io-choice">
                    <input
                        type="radio"
                        name=group.clone()
                        value="ours"
                        prop:checked=move || current.get() == Some(Choice::Ours)
                        on:change=move |_| choose_ours(Choice::Ours)
                    />
                    <span class="io-value" data-side="ours">{c.ours.clone()}</span>
                </label>
                <span class="hint">{c.our_stamp.clone()}</span>
            </td>
            <td class="io-side" class:chosen=move || current.get() == Some(Choice::Theirs)>
                <label class="io-choice">
                    <input
                        type="radio"
                        name=group
                        value="theirs"
                        prop:checked=move || current.get() == Some(Choice::Theirs)
                        on:change=move |_| choose(Choice::Theirs)
                    />
                    <span class="io-value" data-side="theirs">{c.theirs.clone()}</span>
                </label>
                <span class="hint">{c.their_stamp.clone()}</span>
            </td>
        </tr>
    }
}
