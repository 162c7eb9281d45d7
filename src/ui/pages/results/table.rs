//! The table programme × 年度 (newest 年度 first, like seed 000), on screen and on A4, and
//! the 事業実績 in the ゴミ箱 with 元に戻す.

use super::Stored;
use crate::domain::forms::roster::restore_from_trash;
use crate::domain::ids::RecordId;
use crate::domain::results::table::{table_rows, table_years};
use crate::storage::{Expect, WriteBatch};
use crate::ui::ctx::use_app;
use crate::ui::platform;
use crate::ui::print::print_date;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[component]
pub fn ResultsTable(stored: Memo<Arc<Stored>>, editing: RwSignal<Option<Option<RecordId>>>) -> impl IntoView {
    let printed_on = print_date();
    let years = Memo::new(move |_| stored.with(|s| table_years(s.live.iter().map(|(_, p)| p))));
    let rows = Memo::new(move |_| stored.with(|s| table_rows(&s.live, &years.get())));
    view! {
        <section class="results-table" data-testid="results-table" aria-labelledby="results-table-title">
            <h2 id="results-table-title">"各在宅難病患者支援事業の実績"</h2>
            <p class="print-only">"印刷日: "{move || printed_on.get()}</p>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="hint" data-testid="results-empty">"まだ事業実績がありません。「事業を追加」か、例の読み込みから始めてください。"</p> }>
                <div class="table-scroll" tabindex="0" role="region" aria-label="事業実績の表">
                    <table class="list results-list">
                        <caption class="visually-hidden">"事業ごと・年度ごとの実績"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"事業名"</th>
                                <th scope="col">"実施主体"</th>
                                <th scope="col">"指標"</th>
                                {move || years.get().into_iter().map(|y| view! { <th scope="col" class="num">{y.wareki()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| {
                                let id = row.id.clone();
                                let head = row.first.then(|| {
                                    let span = row.span.to_string();
                                    let group = (!row.group.is_empty()).then(|| view! { <span class="results-group">{row.group.clone()}</span><br/> });
                                    view! {
                                        <th scope="rowgroup" rowspan=span.clone()>
                                            {group}
                                            <button type="button" class="link" data-testid="results-open"
                                                on:click=move |_| editing.set(Some(Some(id.clone())))>{row.name.clone()}</button>
                                        </th>
                                        <td rowspan=span>{row.implementer.clone()}</td>
                                    }
                                });
                                let cells = row.cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view();
                                view! { <tr data-testid="results-row">{head}<td>{row.indicator}</td>{cells}</tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// 事業実績 in the ゴミ箱, each with 元に戻す.
#[component]
pub fn TrashedResults(stored: Memo<Arc<Stored>>) -> impl IntoView {
    let ctx = use_app();
    let restore = move |id: RecordId| {
        let Some(record) =
            stored.with_untracked(|s| s.trashed.iter().find(|(r, _)| r.meta.id == id).map(|(r, _)| r.clone()))
        else {
            return;
        };
        let Some(restored) = restore_from_trash(&record, platform::now(), &ctx.device_id()) else { return };
        let batch = WriteBatch {
            put_records: vec![restored],
            expect: vec![Expect::unchanged(&record)],
            ..WriteBatch::default()
        };
        spawn_local(async move {
            let _ = ctx.save(batch, "元に戻しました").await;
        });
    };
    view! {
        <Show when=move || stored.with(|s| !s.trashed.is_empty())>
            <details class="no-print results-trash" data-testid="results-trash">
                <summary>{move || format!("ゴミ箱（{}件）", stored.with(|s| s.trashed.len()))}</summary>
                <ul>
                    {move || stored.with(|s| s.trashed.iter().map(|(r, p)| {
                        let id = r.meta.id.clone();
                        let label = format!("{}を元に戻す", p.name);
                        view! {
                            <li>{p.name.clone()}" "
                                <button type="button" aria-label=label on:click=move |_| restore(id.clone())>"元に戻す"</button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </details>
        </Show>
    }
}
