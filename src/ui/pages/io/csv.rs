//! CSV出力（Excel用）: 様式1 療養者 and 様式3 訪問看護ステーション of one 地域診断, UTF-8 with
//! BOM so Excel shows the Japanese text. The 集計 CSV will be offered by the 集計 page
//! through [`download_csv`].

use crate::domain::bundle::dataio::{csv_file_name, export_label, patients_csv_of, stations_csv_of};
use crate::domain::bundle::ExportScope;
use crate::domain::ids::RecordId;
use crate::storage::Store;
use crate::ui::ctx::{AppCtx, Notice};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Offers a CSV text (already with its BOM, as `domain::csv` writes it) as a download.
/// For any table, e.g. the 集計: `download_csv(&csv_file_name(label, "集計", now), &csv)`.
pub fn download_csv(file_name: &str, csv: &str) -> Result<(), String> {
    platform::download(file_name, "text/csv;charset=utf-8", csv.as_bytes())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Patients,
    Stations,
}

async fn make_csv(ctx: AppCtx, diagnosis: RecordId, which: Which) -> Result<String, String> {
    let store = ctx.store().map_err(|e| e.to_string())?;
    let mut records = store.list_records(&diagnosis).await.map_err(|e| e.to_string())?;
    if let Ok(Some(d)) = store.get_diagnosis(&diagnosis).await {
        records.push(d);
    }
    let label = export_label(&ExportScope::Diagnoses { ids: vec![diagnosis] }, &records);
    let now = platform::now();
    let (csv, rows, unreadable, what) = match which {
        Which::Patients => {
            let (csv, rows, unreadable) = patients_csv_of(&records, ctx.hide_names.get_untracked());
            (csv, rows, unreadable, "様式1療養者")
        }
        Which::Stations => {
            let (csv, rows, unreadable) = stations_csv_of(&records);
            (csv, rows, unreadable, "様式3訪問看護ステーション")
        }
    };
    let name = csv_file_name(&label, what, now);
    download_csv(&name, &csv)?;
    let skipped = if unreadable > 0 {
        format!("（読み取れない記録{unreadable}件は含めていません）")
    } else {
        String::new()
    };
    Ok(format!("{name} を書き出しました（{rows}行）{skipped}"))
}

#[component]
pub fn CsvPanel() -> impl IntoView {
    let ctx = super::app();
    // The open 地域診断, or the first one.
    let chosen = RwSignal::new(String::new());
    let selected = Memo::new(move |_| {
        let typed = chosen.get();
        if !typed.is_empty() {
            return RecordId::parse(&typed).ok();
        }
        ctx.loaded
            .with(|l| l.diagnosis_id.clone())
            .or_else(|| ctx.diagnoses.with(|d| d.first().map(|e| e.record.meta.id.clone())))
    });
    let busy = RwSignal::new(false);
    let run = move |which: Which| {
        let Some(diagnosis) = selected.get_untracked() else {
            ctx.notice.set(Some(Notice::Error("地域診断を選んでください".to_string())));
            return;
        };
        busy.set(true);
        spawn_local(async move {
            match make_csv(ctx, diagnosis, which).await {
                Ok(msg) => ctx.notice.set(Some(Notice::Done(msg))),
                Err(e) => ctx.notice.set(Some(Notice::Error(format!("CSVを書き出せませんでした: {e}")))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card io-section" id="io-csv" data-testid="csv-panel">
            <h2>"CSV出力（Excel用）"</h2>
            <p class="hint">
                "様式の表をCSVファイルにします（Excel で開けます。文字化けしないよう UTF-8（BOM付き）で書き出します）。ゴミ箱の記録は含めません。記入のない欄は空欄、「なし」は0です。"
            </p>
            <Show when=move || ctx.diagnoses.with(Vec::is_empty)>
                <p class="empty">"地域診断がありません。"</p>
            </Show>
            <Show when=move || !ctx.diagnoses.with(Vec::is_empty)>
                <label class="field">
                    <span class="label">"地域診断"</span>
                    <select
                        name="csv-diagnosis"
                        prop:value=move || selected.get().map(|id| id.to_string()).unwrap_or_default()
                        on:change:target=move |ev| chosen.set(ev.target().value())
                    >
                        <For
                            each=move || ctx.diagnoses.get()
                            key=|e| (e.record.meta.id.clone(), e.record.meta.rev)
                            let:entry
                        >
                            <option value=entry.record.meta.id.to_string()>{entry.diagnosis.title()}</option>
                        </For>
                    </select>
                </label>
                <p class="hint">
                    {move || if ctx.hide_names.get() {
                        "「氏名・住所を隠す」がオンのため、氏名の欄にはID番号を書き出します。住所は市町村までです。"
                    } else {
                        "住所は様式どおり市町村までです。氏名を含むファイルの扱いに注意してください。"
                    }}
                </p>
                <div class="buttons">
                    <button
                        type="button"
                        data-testid="csv-patients"
                        prop:disabled=move || busy.get()
                        on:click=move |_| run(Which::Patients)
                    >
                        "様式1 療養者のCSV"
                    </button>
                    <button
                        type="button"
                        data-testid="csv-stations"
                        prop:disabled=move || busy.get()
                        on:click=move |_| run(Which::Stations)
                    >
                        "様式3 訪問看護ステーションのCSV"
                    </button>
                </div>
            </Show>
        </section>
    }
}
