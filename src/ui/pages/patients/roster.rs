//! The 様式1 roster: one row per patient in the paper form's columns and groups, gap cells
//! pink, sorted by a column heading, filtered and searched, 50 rows a page; 「新規登録」,
//! the list of gaps and the ゴミ箱.
//!
//! The rows are drawn by [`super::rows`]. The sort's order is kept while only the filter
//! changes (a keystroke in the search filters it without sorting again). Each cell's class is
//! `k-<column key>` (plus `gap-cell` when pink), which the CSS and the tests use.

use super::print::{PrintRequest, RosterPrint, RosterPrintButton};
use super::rows::Rows;
use super::trash::Trash;
use super::{PageData, Shared, NEW_ITEM};
use crate::domain::forms::roster::{
    filter_options, filter_ordered, gap_options, header_groups, page_of, page_window, roster_order, shown_name,
    FilterOptions, RosterPage, SortKey, ROSTER_COLUMNS, ROSTER_PAGE_SIZE, VENTILATOR_OPTIONS,
};
use crate::domain::ids::RecordId;
use crate::ui::ctx::{use_app, AppCtx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Coming back from a patient: shows the page with their row; the row to focus once the rows
/// are drawn.
fn take_focus_row(data: PageData, list: Memo<Shared>, indices: Memo<Vec<usize>>) -> StoredValue<Option<RecordId>> {
    let pending_focus = StoredValue::new(data.focus_row.get_untracked());
    if let Some(id) = pending_focus.get_value() {
        let target = list.with_untracked(|l| l.0.position(&id));
        if let Some(p) = target.and_then(|t| indices.with_untracked(|ix| page_of(ix, t, ROSTER_PAGE_SIZE))) {
            data.page.set(p);
        }
        data.focus_row.set(None);
    }
    pending_focus
}

/// Moves the focus to the row above or below (↑↓ on a row's link).
fn move_between_rows(ev: &leptos::ev::KeyboardEvent) {
    let down = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(link) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(row) = link.closest("[role=row]").ok().flatten() else { return };
    let next = if down { row.next_element_sibling() } else { row.previous_element_sibling() };
    if let Some(target) = next
        .and_then(|n| n.query_selector("a.row-link").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = target.focus();
    }
}

#[component]
pub fn Roster(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let hide = ctx.hide_names;
    let list = Memo::new(move |_| data.list.get().unwrap_or_default());
    // Sorted once per sort (and data); a filter only picks from this order.
    let order = Memo::new(move |_| {
        let sort = data.sort.get();
        let hide = hide.get();
        list.with(|l| roster_order(&l.0.patients, sort, hide))
    });
    let indices = Memo::new(move |_| {
        let hide = hide.get();
        data.filter.with(|filter| list.with(|l| order.with(|o| filter_ordered(&l.0.patients, o, filter, hide))))
    });
    // Where the page sits; its rows are formatted as they are drawn.
    let page: Memo<RosterPage> =
        Memo::new(move |_| page_window(indices.with(Vec::len), data.page.get(), ROSTER_PAGE_SIZE));
    let options = Memo::new(move |_| list.with(|l| filter_options(&l.0.patients)));
    let total = Memo::new(move |_| list.with(|l| l.0.patients.len()));

    let pending_focus = take_focus_row(data, list, indices);
    let tbody_ref = NodeRef::<leptos::html::Div>::new();
    let rows = Rows { list, indices, page, hide, diagnosis: diagnosis_id.clone(), pending_focus };
    rows.draw_on_change(tbody_ref);

    let new_href = PageData::item_route(&diagnosis_id, NEW_ITEM).to_hash();
    let rows_id = diagnosis_id.clone();
    let print_request = RwSignal::new(None::<PrintRequest>);

    view! {
        <section class="patients-screen no-print">
            <div class="page-head">
                <div>
                    <h1>"様式1 在宅療養者の一覧"</h1>
                    <p class="lead">{entry.diagnosis.title()}" — 長期入院・入所を除く在宅療養者（ALSほか）"</p>
                </div>
                <div class="head-actions">
                    <a class="button primary" href=new_href data-testid="new-patient">"＋ 新規登録"</a>
                    <RosterPrintButton data indices request=print_request/>
                </div>
            </div>
            {move || list.with(|l| (l.0.unreadable > 0).then(|| view! {
                <p class="notice error" role="alert">
                    {format!("読み取れない療養者の記録が{}件あります（データは消していません）。", l.0.unreadable)}
                </p>
            }))}
            <RosterFilters data options/>
            <p class="roster-count" data-testid="roster-count" aria-live="polite">
                {move || {
                    let note = page.with(RosterPage::note);
                    if data.filter.with(|f| f.is_active()) {
                        format!("{note}（絞り込み中・全{}人）", total.get())
                    } else {
                        note
                    }
                }}
            </p>
            <Pager page data/>
            {move || (total.get() == 0).then(|| view! {
                <p class="empty" data-testid="roster-empty">"まだ療養者が登録されていません。「＋ 新規登録」から入力してください。"</p>
            })}
            <div class="roster-scroll">
                <div class="roster-grid" role="table" aria-label="様式1 在宅療養者の一覧" data-testid="roster-table" data-cols=column_keys()>
                    <RosterHead data/>
                    <div
                        class="roster-body"
                        role="rowgroup"
                        node_ref=tbody_ref
                        on:keydown=move |ev| move_between_rows(&ev)
                        on:click=move |ev| open_clicked_row(ctx, &rows_id, &ev)
                    ></div>
                </div>
            </div>
            {move || (total.get() > 0 && page.with(|p| p.total == 0)).then(|| view! {
                <p class="empty" data-testid="roster-none">"条件に合う療養者はいません。"</p>
            })}
            <Pager page data/>
            <p class="hint">
                "セルの記号は様式1のとおりです（有=1・無=0、なし=0、不明=空白）。ピンクのセルはギャップ（必要と提供の差）。行をクリックするか、ID番号でEnterを押すと詳しい入力画面を開きます（↑↓で上下の行へ）。"
            </p>
            <GapList data list indices/>
            <Trash list/>
        </section>
        <RosterPrint data list indices request=print_request/>
    }
    .into_any()
}

/// The column keys in order (for the tests: `data-cols` on the table).
fn column_keys() -> String {
    ROSTER_COLUMNS.iter().map(|c| c.key).collect::<Vec<_>>().join(" ")
}

/// A click on a row (not on its link, which navigates by itself) opens the patient.
fn open_clicked_row(ctx: AppCtx, diagnosis: &RecordId, ev: &leptos::ev::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if target.closest("a").ok().flatten().is_some() {
        return;
    }
    let Some(id) = target.closest("[role=row]").ok().flatten().and_then(|tr| tr.get_attribute("data-row")) else {
        return;
    };
    if !id.is_empty() {
        ctx.go(PageData::item_route(diagnosis, &id));
    }
}

/// 前へ / 次へ when the roster has more than one page.
#[component]
fn Pager(page: Memo<RosterPage>, data: PageData) -> impl IntoView {
    view! {
        <Show when=move || page.with(RosterPage::is_paged)>
            <div class="pager" data-testid="pager">
                <button
                    type="button"
                    disabled=move || page.with(|p| p.page == 0)
                    on:click=move |_| data.page.set(page.with_untracked(|p| p.page.saturating_sub(1)))
                >
                    {format!("← 前の{ROSTER_PAGE_SIZE}人")}
                </button>
                <span>{move || page.with(|p| format!("{}〜{}人目", p.first, p.last))}</span>
                <button
                    type="button"
                    disabled=move || page.with(|p| p.page + 1 >= p.pages)
                    on:click=move |_| data.page.set(page.with_untracked(|p| p.page + 1))
                >
                    {format!("次の{ROSTER_PAGE_SIZE}人 →")}
                </button>
            </div>
        </Show>
    }
}

/// ギャップの一覧: the shown patients with gaps and their notes (the list is built only while
/// it is open).
#[component]
fn GapList(data: PageData, list: Memo<Shared>, indices: Memo<Vec<usize>>) -> impl IntoView {
    let ctx = use_app();
    let hide = ctx.hide_names;
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| {
        list.with(|l| {
            indices.with(|ix| ix.iter().filter(|&&i| l.0.patients.get(i).is_some_and(|p| !p.gaps.is_empty())).count())
        })
    });
    let rows = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let hide = hide.get();
        list.with(|l| {
            indices.with(|ix| {
                ix.iter()
                    .filter_map(|&i| {
                        let p = l.0.patients.get(i)?;
                        let r = l.0.records.get(i)?;
                        (!p.gaps.is_empty()).then(|| {
                            let row = crate::domain::forms::roster::roster_row(i, 0, p, hide);
                            (r.meta.id.clone(), shown_name(p, hide), p.id_number.clone(), row.gap_summary)
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let diagnosis = data.diagnosis;
    view! {
        <Show when=move || count.get() != 0>
            <details
                class="card gap-summary"
                data-testid="gap-summary"
                on:toggle:target=move |ev| open.set(ev.target().open())
            >
                <summary>{move || format!("ギャップのある療養者（{}人）", count.get())}</summary>
                <ul class="plain">
                    {move || {
                        let Some(d) = diagnosis.get() else { return Vec::new() };
                        let did = d.record.meta.id.clone();
                        rows.get()
                            .into_iter()
                            .map(|(id, name, id_number, summary)| {
                                let href = PageData::item_route(&did, id.as_str()).to_hash();
                                let who = if name == id_number { id_number.clone() } else { format!("{id_number}　{name}") };
                                view! {
                                    <li data-id=id_number>
                                        <a href=href>{who}</a>
                                        <span class="gap-text">{summary}</span>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    }}
                </ul>
            </details>
        </Show>
    }
}

/// The search box and the filters (市町村, 疾患, 支援管理区分, 人工呼吸器, ギャップ); every change
/// goes back to the first page.
#[component]
fn RosterFilters(data: PageData, options: Memo<FilterOptions>) -> impl IntoView {
    let hide = use_app().hide_names;
    let set_filter = move |f: fn(&mut crate::domain::forms::roster::RosterFilter, String)| {
        move |ev: leptos::ev::Event| {
            let Some(value) =
                ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).or_else(
                    || ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()),
                )
            else {
                return;
            };
            data.filter.update(|filter| f(filter, value));
            data.page.set(0);
        }
    };
    let select = move |name: &'static str,
                       label: &'static str,
                       opts: Signal<Vec<(String, String)>>,
                       get: fn(&crate::domain::forms::roster::RosterFilter) -> String,
                       set: fn(&mut crate::domain::forms::roster::RosterFilter, String)| {
        view! {
            <label class="filter">
                <span class="label">{label}</span>
                <select
                    name=name
                    data-filter=name
                    prop:value=move || data.filter.with(get)
                    on:change=set_filter(set)
                >
                    {move || opts.get().into_iter().map(|(v, l)| {
                        let selected = data.filter.with_untracked(get) == v;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let fixed = |list: Vec<(&'static str, String)>| -> Signal<Vec<(String, String)>> {
        let owned: Vec<(String, String)> = list.into_iter().map(|(v, l)| (v.to_string(), l)).collect();
        Signal::stored(owned)
    };

    view! {
        <div class="roster-filters" role="search" data-testid="roster-filters">
            <label class="filter search">
                <span class="label">{move || if hide.get() { "ID番号で検索" } else { "氏名・ID番号で検索" }}</span>
                <input
                    type="search"
                    name="search"
                    autocomplete="off"
                    placeholder=move || if hide.get() { "例: A-001" } else { "例: 山田 / A-001" }
                    prop:value=move || data.filter.with(|f| f.search.clone())
                    on:input=set_filter(|f, v| f.search = v)
                />
            </label>
            {select("municipality", "市町村", Signal::derive(move || options.with(|o| o.municipalities.clone())), |f| f.municipality.clone(), |f, v| f.municipality = v)}
            {select("disease", "疾患", Signal::derive(move || options.with(|o| o.diseases.clone())), |f| f.disease.clone(), |f, v| f.disease = v)}
            {select("support_class", "支援管理区分", Signal::derive(move || options.with(|o| o.support_classes.clone())), |f| f.support_class.clone(), |f, v| f.support_class = v)}
            {select("ventilator", "人工呼吸器", fixed(VENTILATOR_OPTIONS.iter().map(|(v, l)| (*v, l.to_string())).collect()), |f| f.ventilator.clone(), |f, v| f.ventilator = v)}
            {select("gap", "ギャップ", fixed(gap_options()), |f| f.gap.clone(), |f, v| f.gap = v)}
            <Show when=move || data.filter.with(|f| f.is_active())>
                <button
                    type="button"
                    class="reset"
                    on:click=move |_| {
                        data.filter.set(Default::default());
                        data.page.set(0);
                    }
                >
                    "絞り込みを解除"
                </button>
            </Show>
        </div>
    }
}

/// The heading rows: the paper form's groups over their columns; the sortable columns are
/// buttons (a second click turns the order round).
#[component]
fn RosterHead(data: PageData) -> impl IntoView {
    let sort_by = move |key: SortKey| {
        data.sort.update(|s| *s = s.clicked(key));
        data.page.set(0);
    };
    view! {
        <div class="roster-head" role="rowgroup">
            <div class="hrow" role="row">
                {header_groups().into_iter().map(|(group, span, first)| {
                    if group.is_empty() {
                        let c = &ROSTER_COLUMNS[first.min(ROSTER_COLUMNS.len() - 1)];
                        let key = c.key;
                        let class = format!("h rows-2 k-{key}");
                        match SortKey::of_column(key) {
                            Some(sk) => view! {
                                <div role="columnheader" class=class data-col=key
                                    aria-sort=move || data.sort.with(|s| (s.key == sk).then_some(if s.descending { "descending" } else { "ascending" }))>
                                    <button type="button" class="sort" on:click=move |_| sort_by(sk)
                                        title=format!("{}で並べ替え", sk.label())>
                                        {c.label}
                                        <span class="sort-mark" aria-hidden="true">
                                            {move || data.sort.with(|s| if s.key != sk { "↕" } else if s.descending { "▼" } else { "▲" })}
                                        </span>
                                    </button>
                                </div>
                            }.into_any(),
                            None => view! { <div role="columnheader" class=class data-col=key>{c.label}</div> }.into_any(),
                        }
                    } else {
                        view! { <div role="columnheader" class=format!("h group span-{span}")>{group}</div> }.into_any()
                    }
                }).collect_view()}
            </div>
            <div class="hrow" role="row">
                {ROSTER_COLUMNS.iter().filter(|c| !c.group.is_empty()).map(|c| view! {
                    <div role="columnheader" class=format!("h k-{}", c.key) data-col=c.key>{c.label}</div>
                }).collect_view()}
            </div>
        </div>
    }
}
