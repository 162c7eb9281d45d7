//! CSV出力（Excel用）: 様式1 療養者 and 様式3 訪問看護ステーション of one 地域診断, UTF-8 with
//! BOM so Excel shows the Japanese text, made by the I/O worker. The 集計 CSV will be offered by the 集計 page
//! through [`download_csv`].

use crate::domain::bundle::export_job::FormCsv;
use crate::domain::ids::RecordId;
use crate::domain::io_protocol::{Reply, Request};
use crate::ui::ctx::{AppCtx, Notice};
use crate::ui::{io_client, platform};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Offers a CSV text (already with its BOM, as `domain::csv` writes it) as a download.
/// For any table, e.g. the 集計: `download_csv(&csv_file_name(label, "集計", now), &csv)`.
pub fn download_csv(file_name: &str, csv: &str) -> Result<(), String> {
    platform::download(file_name, "text/csv;charset=utf-8", csv.as_bytes())
}

/// Asks the I/O worker for the CSV of `which` and offers it as a download.
async fn make_csv(ctx: AppCtx, diagnosis: RecordId, which: FormCsv) -> Result<String, String> {
    let request = Request::Csv {
        database: platform::DATABASE_NAME.to_string(),
        diagnosis,
        which,
        hide_names: ctx.hide_names.get_untracked(),
        now: platform::now(),
    };
    match io_client::ask(&request, None, |_, _, _| {}).await? {
        (Reply::Exported { file_name, message, .. }, Some(blob)) => {
            platform::download_blob(&file_name, &blob)?;
            Ok(message)
        }
        (Reply::Failed { message }, _) => Err(message),
        _ => Err("ファイルを受け取れませんでした".to_string()),
    }
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
    let run = move |which: FormCsv| {
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
                        on:click=move |_| run(FormCsv::Patients)
                    >
                        "様式1 療養者のCSV"
                    </button>
                    <button
                        type="button"
                        data-testid="csv-stations"
                        prop:disabled=move || busy.get()
                        on:click=move |_| run(FormCsv::Stations)
                    >
                        "様式3 訪問看護ステーションのCSV"
                    </button>
                </div>
            </Show>
        </section>
    }
}
