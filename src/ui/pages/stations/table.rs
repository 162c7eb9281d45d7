//! The 様式3 table: search, sort by any column, the 合計 row of all stations and the lines
//! per 10 km² / 100 km² / 100,000 people, 削除 to the ゴミ箱 (after a confirmation naming
//! the station) and 元に戻す.

use super::{PageData, NEW_ITEM};
use crate::domain::forms::roster::move_to_trash;
use crate::domain::forms::station_roster::{
    density_lines, station_cells, station_indices, totals_cells, StationColumn, StationSort,
};
use crate::domain::record::StoredRecord;
use crate::domain::station::Station;
use crate::domain::summary::stations::station_totals;
use crate::route::Section;
use crate::storage::WriteBatch;
use crate::ui::components::ConfirmDialog;
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::platform;
use crate::ui::trash_list::{TrashItem, TrashList};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn trash(ctx: AppCtx, record: StoredRecord, name: String, asking: RwSignal<Option<(StoredRecord, String)>>) {
    // The latest revision, so a save made meanwhile is not undone.
    let latest = ctx.loaded.with_untracked(|l| l.get(&record.meta.id).cloned()).unwrap_or(record);
    let Some(trashed) = move_to_trash(&latest, platform::now(), &ctx.device_id()) else {
        asking.set(None);
        return;
    };
    spawn_local(async move {
        let batch = WriteBatch { put_records: vec![trashed], ..WriteBatch::default() };
        let message = format!("「{name}」を削除しました（一覧の下のゴミ箱から元に戻せます）");
        let _ = ctx.save_as_loaded(batch, &message).await;
        asking.set(None);
    });
}

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn StationTable(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(StationSort::default());
    let shown = Memo::new(move |_| {
        let order = data.bodies.with(|b| query.with(|q| station_indices(b, q, sort.get())));
        data.stations.with(|s| order.into_iter().filter_map(|i| s.get(i).cloned()).collect::<Vec<_>>())
    });
    let totals = Memo::new(move |_| data.overview.with(|o| data.bodies.with(|b| station_totals(o, b))));
    let total_cells = Memo::new(move |_| totals.with(totals_cells));
    let densities = Memo::new(move |_| totals.with(density_lines));
    let asking = RwSignal::new(None::<(StoredRecord, String)>);
    let count = Memo::new(move |_| data.stations.with(Vec::len));
    let filtered = Memo::new(move |_| shown.with(Vec::len) != count.get());
    let area = Memo::new(move |_| data.overview.with(|o| o.area_km2.map(|a| format!("{a} km²"))));
    let population = Memo::new(move |_| data.overview.with(|o| o.population.map(|p| format!("{p} 人"))));
    let overview_href =
        crate::route::Route::Diagnosis { id: diagnosis_id.clone(), section: Section::Overview, item: None }.to_hash();
    let new_href = PageData::item_route(&diagnosis_id, NEW_ITEM).to_hash();
    let item_id = StoredValue::new(diagnosis_id.clone());

    view! {
        <section class="stations-screen">
            <div class="page-head">
                <div>
                    <h1>"様式3 訪問看護ステーション"</h1>
                    <p class="lead">{entry.diagnosis.title()}" — 管内の訪問看護ステーションの状況"</p>
                </div>
                <div class="head-actions">
                    <a class="button primary" href=new_href data-testid="add-station">"＋ ステーションを追加"</a>
                    <button type="button" data-testid="print-stations" on:click=move |_| platform::print()>"印刷"</button>
                </div>
            </div>
            <dl class="area-header" data-testid="area-header">
                <div>
                    <dt>"※1 管轄地域の面積"</dt>
                    <dd>{move || area.get().unwrap_or_else(|| "未入力".to_string())}</dd>
                </div>
                <div>
                    <dt>"※2 人口"</dt>
                    <dd>{move || population.get().unwrap_or_else(|| "未入力".to_string())}</dd>
                </div>
            </dl>
            <p class="hint area-hint">"面積・人口は"<a href=overview_href>"地域の概況"</a>"で入力します。"</p>

            <div class="table-tools">
                <label class="field search">
                    <span class="label">"検索（名称・所在地）"</span>
                    <input
                        type="search"
                        name="station-search"
                        autocomplete="off"
                        placeholder="例: 府中"
                        prop:value=move || query.get()
                        on:input:target=move |ev| query.set(ev.target().value())
                    />
                </label>
                <p class="hint" data-testid="shown-count">
                    {move || if filtered.get() {
                        format!("{}ヵ所中 {}ヵ所を表示", count.get(), shown.with(Vec::len))
                    } else {
                        format!("{}ヵ所", count.get())
                    }}
                </p>
            </div>

            <Show
                when=move || count.get() != 0
                fallback=|| view! {
                    <p class="empty" data-testid="no-stations">"まだステーションがありません。「＋ ステーションを追加」から入力してください。"</p>
                }
            >
                <p class="hint scroll-hint" data-testid="scroll-hint">
                    "← 表が画面に入りきらないときは、表を横にスクロールすると（11）までの列を見られます →"
                </p>
                <div class="table-scroll stations-scroll" data-testid="stations-scroll">
                    <table class="list stations-table" data-testid="stations-table">
                        <thead>
                            <tr>
                                {StationColumn::ALL
                                    .into_iter()
                                    .map(|column| view! {
                                        <th
                                            scope="col"
                                            class:num=column.numeric()
                                            data-col=column.key()
                                            title=column.label()
                                            aria-sort=move || sort.get().aria(column)
                                        >
                                            <button
                                                type="button"
                                                class="sort"
                                                on:click=move |_| sort.update(|s| *s = s.clicked(column))
                                            >
                                                // The name starts with what is seen (WCAG 2.5.3).
                                                {column.heading()}
                                                <span class="visually-hidden">{format!("（{}）で並べ替え", column.label())}</span>
                                                <span class="sort-mark" aria-hidden="true">
                                                    {move || match sort.get().aria(column) {
                                                        "ascending" => "▲",
                                                        "descending" => "▼",
                                                        _ => "",
                                                    }}
                                                </span>
                                            </button>
                                        </th>
                                    })
                                    .collect_view()}
                                <th scope="col" class="row-actions"><span class="visually-hidden">"操作"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || shown.get()
                                key=|(r, _)| (r.meta.id.clone(), r.meta.rev)
                                let:row
                            >
                                <StationRow row data asking diagnosis_id=item_id.get_value()/>
                            </For>
                        </tbody>
                        <tfoot>
                            <tr data-testid="totals-row">
                                {move || total_cells
                                    .get()
                                    .into_iter()
                                    .zip(StationColumn::ALL)
                                    .map(|(text, column)| {
                                        if column == StationColumn::Name {
                                            view! { <th scope="row" data-col=column.key()>{text}</th> }.into_any()
                                        } else {
                                            view! { <td class:num=column.numeric() data-col=column.key()>{text}</td> }.into_any()
                                        }
                                    })
                                    .collect_view()}
                                <td class="row-actions"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <Show when=move || filtered.get()>
                    <p class="hint">"合計は検索に関係なく、すべてのステーションの合計です。"</p>
                </Show>
                <section class="card densities" data-testid="densities">
                    <h2>"面積・人口あたり"</h2>
                    <dl class="density-list">
                        {move || densities
                            .get()
                            .into_iter()
                            .map(|(label, value)| view! {
                                <div>
                                    <dt>{label}</dt>
                                    <dd>{value}</dd>
                                </div>
                            })
                            .collect_view()}
                    </dl>
                    <p class="hint">"面積または人口が未入力か0のときは「-」です。未入力のステーションは合計に含めず、件数を示しています。"</p>
                </section>
            </Show>

            <Trash data/>

            {move || asking.get().map(|(record, name)| {
                let message = format!(
                    "「{name}」を様式3から削除します。削除したステーションは一覧の下の「ゴミ箱」から元に戻せます。"
                );
                let for_confirm = StoredValue::new((record, name));
                view! {
                    <ConfirmDialog
                        title="ステーションの削除".to_string()
                        message
                        confirm_label="削除する"
                        danger=true
                        on_confirm=Callback::new(move |_| {
                            let (record, name) = for_confirm.get_value();
                            trash(ctx, record, name, asking);
                        })
                        on_cancel=Callback::new(move |_| asking.set(None))
                    />
                }
            })}
        </section>
    }
    .into_any()
}

/// One station's row: its cells (未入力 muted), 編集 and 削除.
#[component]
fn StationRow(
    row: (StoredRecord, Station),
    data: PageData,
    asking: RwSignal<Option<(StoredRecord, String)>>,
    diagnosis_id: crate::domain::ids::RecordId,
) -> impl IntoView {
    let (record, station) = row;
    let id = record.meta.id.to_string();
    let href = PageData::item_route(&diagnosis_id, &id).to_hash();
    let cells = station_cells(&station);
    let name = station.name.clone();
    let record = StoredValue::new(record);
    let edit_ref = NodeRef::<leptos::html::A>::new();
    let focus_id = id.clone();
    edit_ref.on_load(move |el| {
        if data.focus_row.get_untracked().as_deref() == Some(focus_id.as_str()) {
            let _ = el.focus();
        }
    });
    let delete_label = format!("「{name}」を削除");
    let row_name = name.clone();
    view! {
        <tr data-id=id.clone() data-name=row_name>
            {cells
                .into_iter()
                .zip(StationColumn::ALL)
                .map(|(cell, column)| {
                    if column == StationColumn::Name {
                        view! {
                            <th scope="row" data-col=column.key() class:unentered=cell.unentered>
                                <a href=href.clone()>{cell.text}</a>
                            </th>
                        }
                        .into_any()
                    } else {
                        view! {
                            <td data-col=column.key() class:num=column.numeric() class:unentered=cell.unentered>
                                {cell.text}
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view()}
            <td class="row-actions">
                <a class="button" href=href.clone() node_ref=edit_ref data-testid="edit">"編集"</a>
                <button
                    type="button"
                    class="danger"
                    aria-label=delete_label
                    data-testid="delete"
                    on:click=move |_| asking.set(Some((record.get_value(), name.clone())))
                >
                    "削除"
                </button>
            </td>
        </tr>
    }
}

/// ゴミ箱: deleted stations, each with 「元に戻す」.
#[component]
fn Trash(data: PageData) -> impl IntoView {
    let items = Signal::derive(move || {
        data.trashed.with(|t| {
            t.iter()
                .map(|(record, station)| TrashItem {
                    record: record.clone(),
                    shown: station.name.clone(),
                    key: station.name.clone(),
                })
                .collect()
        })
    });
    view! { <TrashList what="ステーション" unit="ヵ所" items/> }
}
