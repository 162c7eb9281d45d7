//! 広域の比較 (`#/regional`): several 地域診断 of one 年度 — the 保健所' bundles a prefecture
//! has imported — side by side with the 都道府県全体. The page chooses and loads; every
//! figure, the totals, the ranking and the CSV come from `domain::summary::regional`.

mod programmes;
mod ranking;
mod table;

use super::summary::DiseaseFilterPicker;
use crate::domain::bundle::dataio::csv_file_name;
use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::programmes::rows::{list_programmes, ProgrammeEntry};
use crate::domain::summary::regional::{regional, regional_csv, small_area_note, years_to_compare, Regional};
use crate::domain::summary::{present_filter_choices, summary_inputs, DiseaseFilter, SummaryInputs};
use crate::storage::Store;
use crate::ui::ctx::use_app;
use crate::ui::pages::io::download_csv;
use crate::ui::print::{print_date, PrintHeader};
use crate::ui::section_links::{SectionLink, SectionLinks};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The page's parts.
const REGIONAL_SECTIONS: [SectionLink; 3] = [
    ("regional-table", "一覧表"),
    ("regional-ranking", "様式4の項目ごとの順位"),
    ("regional-programmes", "様式2 都道府県全体"),
];

/// The chosen areas' records, read from storage: the 集計's inputs and the 様式2 rows.
type Loaded = Vec<(DiagnosisEntry, SummaryInputs, Vec<ProgrammeEntry>)>;
/// The 年度 on this device with their counts, and the one shown first.
type Years = (Vec<(FiscalYear, usize)>, Option<FiscalYear>);

#[component]
pub fn RegionalPage() -> impl IntoView {
    let ctx = use_app();
    let years = Memo::new(move |_| ctx.diagnoses.with(|ds| years_to_compare(ds)));
    let year = RwSignal::new(None::<FiscalYear>);
    let shown_year = Memo::new(move |_| year.get().or(years.with(|(_, first)| *first)));
    // Unticked areas (everything of the year is compared unless she unticks it).
    let unticked = RwSignal::new(BTreeSet::<RecordId>::new());
    let chosen = Memo::new(move |_| {
        let y = shown_year.get();
        ctx.diagnoses.with(|ds| {
            ds.iter()
                .filter(|e| Some(e.diagnosis.fiscal_year) == y)
                .filter(|e| unticked.with(|u| !u.contains(&e.record.meta.id)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // How far the reading has got (地域 read, of how many), for the waiting line.
    let progress = RwSignal::new((0usize, 0usize));
    let loaded = LocalResource::new(move || {
        let entries = chosen.get();
        async move { load(entries, progress).await }
    });
    let filter = RwSignal::new(DiseaseFilter::Als);
    let choices = Memo::new(move |_| {
        let f = filter.get();
        loaded.with(|l| match l {
            Some(Ok(areas)) => {
                let all: Vec<_> = areas.iter().flat_map(|(_, i, _)| i.patients.iter().cloned()).collect();
                present_filter_choices(&all, &f)
            }
            _ => present_filter_choices(&[], &f),
        })
    });
    let result = Memo::new(move |_| {
        let f = filter.get();
        loaded.with(|l| match l {
            None => None,
            Some(Err(e)) => Some(Err(e.clone())),
            Some(Ok(areas)) => {
                let pairs: Vec<(&DiagnosisEntry, &SummaryInputs)> = areas.iter().map(|(e, i, _)| (e, i)).collect();
                Some(regional(&pairs, &f).map(Arc::new))
            }
        })
    });
    let comparison = Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned()));
    let programmes = Memo::new(move |_| {
        Arc::new(loaded.with(|l| {
            match l {
                Some(Ok(areas)) => areas
                    .iter()
                    .map(|(e, _, rows)| programmes::AreaProgrammes {
                        id: e.record.meta.id.clone(),
                        name: e.diagnosis.jurisdiction.clone(),
                        rows: rows.clone(),
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }))
    });
    let reload = Callback::new(move |()| loaded.refetch());
    view! {
        <section class="regional-page with-section-links" data-testid="regional">
            <h1 class="no-print">"広域の比較"</h1>
            <p class="lead no-print">
                "同じ年度の地域診断（各保健所から届いたファイルを「データの入出力」で取り込んだもの）を並べ、都道府県全体と比べます。都道府県全体は、各地域の人数を合計してから割合を計算し直したものです（割合の平均ではありません）。"
            </p>
            <Chooser years shown_year year unticked/>
            <DiseaseFilterPicker choices chosen=filter on_choose=Callback::new(move |f| filter.set(f))/>
            {move || match result.get() {
                None => view! {
                    <p class="hint" role="status" data-testid="regional-loading">
                        {move || {
                            let (done, total) = progress.get();
                            format!("地域診断を読み込んでいます（{done}／{total}）…")
                        }}
                    </p>
                }
                .into_any(),
                Some(Err(message)) => view! { <p class="field-error" role="alert" data-testid="regional-refused">{message}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <Show when=move || comparison.with(Option::is_some)>
                <Comparison comparison/>
                <programmes::PrefectureFill areas=programmes on_written=reload/>
            </Show>
        </section>
    }
}

/// Reads the records of each chosen 地域診断 (one read per area), saying how far it got.
async fn load(entries: Vec<DiagnosisEntry>, progress: RwSignal<(usize, usize)>) -> Result<Loaded, String> {
    let ctx = use_app();
    let store = ctx.store().map_err(|e| e.to_string())?;
    let total = entries.len();
    let mut out = Vec::with_capacity(total);
    for (done, e) in entries.into_iter().enumerate() {
        // The page may be gone meanwhile: then nobody is told.
        let _ = progress.try_set((done, total));
        let id = e.record.meta.id.clone();
        let records =
            store.list_records(&id).await.map_err(|err| format!("{}を読み込めません: {err}", e.diagnosis.title()))?;
        let inputs = summary_inputs(&records, &id);
        let (programmes, _) = list_programmes(&records, &id);
        out.push((e, inputs, programmes));
    }
    Ok(out)
}

/// 年度 and the 地域診断 of that 年度 to compare.
#[component]
fn Chooser(
    years: Memo<Years>,
    shown_year: Memo<Option<FiscalYear>>,
    year: RwSignal<Option<FiscalYear>>,
    unticked: RwSignal<BTreeSet<RecordId>>,
) -> impl IntoView {
    let ctx = use_app();
    let of_year = Memo::new(move |_| {
        let y = shown_year.get();
        ctx.diagnoses.with(|ds| ds.iter().filter(|e| Some(e.diagnosis.fiscal_year) == y).cloned().collect::<Vec<_>>())
    });
    let on_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        year.set(value.parse::<i32>().ok().and_then(|y| FiscalYear::new(y).ok()));
        unticked.set(BTreeSet::new());
    };
    view! {
        <div class="regional-choice no-print" data-testid="regional-choice">
            <label class="field">
                <span class="label">"年度"</span>
                <select name="regional-year" on:change=on_year>
                    {move || {
                        let shown = shown_year.get();
                        years.with(|(ys, _)| {
                            ys.iter()
                                .map(|(y, n)| {
                                    let value = y.start_year().to_string();
                                    view! { <option value=value selected=Some(*y) == shown>{format!("{y}（{n}件）")}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </label>
            <fieldset class="field regional-areas">
                <legend class="label">"比べる地域診断"</legend>
                <For each=move || of_year.get() key=|e| e.record.meta.id.clone() let:entry>
                    {
                        let id = entry.record.meta.id.clone();
                        let id2 = id.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    name="regional-area"
                                    prop:checked=move || unticked.with(|u| !u.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        unticked.update(|u| {
                                            if on { u.remove(&id2); } else { u.insert(id2.clone()); }
                                        });
                                    }
                                />
                                {entry.diagnosis.jurisdiction.clone()}
                            </label>
                        }
                    }
                </For>
                <Show when=move || of_year.with(Vec::is_empty)>
                    <p class="hint">"比べられる地域診断がありません。各保健所のファイルを「データの入出力」で取り込んでください。"</p>
                </Show>
            </fieldset>
        </div>
    }
}

/// The comparison itself: notes, the table, the ranking, CSV and print.
#[component]
fn Comparison(comparison: Memo<Option<Arc<Regional>>>) -> impl IntoView {
    let ctx = use_app();
    let printed_on = print_date();
    let r = move || comparison.get();
    let note = move || r().and_then(|r| small_area_note(&r));
    let without_overview = move || {
        r().filter(|r| !r.without_overview.is_empty()).map(|r| {
            format!(
                "地域の概況が入力されていない地域があります（{}）。人口・面積などの都道府県全体は「-」になります。",
                r.without_overview.join("、")
            )
        })
    };
    let csv = move |_| {
        let Some(r) = comparison.get_untracked() else { return };
        let label = format!("広域の比較_{}年度", r.fiscal_year.start_year());
        let name = csv_file_name(&label, &format!("{}地域", r.areas.len()), crate::ui::platform::now());
        if let Err(e) = download_csv(&name, &regional_csv(&r)) {
            ctx.error(e);
        }
    };
    let title =
        move || r().map(|r| format!("広域の比較（{}地域・{}）", r.areas.len(), r.fiscal_year)).unwrap_or_default();
    let year = r().map(|r| r.fiscal_year.to_string()).unwrap_or_default();
    view! {
        <div class="print-only">
            <PrintHeader title=Signal::derive(title) jurisdiction="都道府県全体".to_string() year printed_on/>
        </div>
        <div class="regional-actions no-print">
            <button type="button" data-testid="regional-csv" on:click=csv>"CSV（Excel用）"</button>
            <button type="button" on:click=move |_| crate::ui::platform::print()>"印刷（A4横）"</button>
        </div>
        {move || note().map(|n| view! { <p class="io-warning" data-testid="regional-small">{n}</p> })}
        {move || without_overview().map(|n| view! { <p class="hint" data-testid="regional-no-overview">{n}</p> })}
        <SectionLinks label="広域の比較の目次" links=&REGIONAL_SECTIONS/>
        <table::RegionalTable comparison/>
        <ranking::Ranking comparison/>
    }
}
