//! サンプルの地域診断 on the home page: the first-use guidance (three steps and where the data
//! is kept) with 「サンプルを開く」, and, once the list has entries, a card to open or remove
//! the sample. What the sample is and which records are its own: [`crate::domain::sample`].

use crate::domain::bundle::dataio::KindCounts;
use crate::domain::sample;
use crate::route::{Route, Section};
use crate::storage::WriteBatch;
use crate::ui::components::ConfirmDialog;
use crate::ui::ctx::{use_app, AppCtx};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Opens the sample: the one on the list, the sample's brought back from the ゴミ箱, or a new
/// one written in one batch.
fn open_sample(ctx: AppCtx, busy: RwSignal<bool>) {
    let open = move |id| ctx.go(Route::Diagnosis { id, section: Section::Overview, item: None });
    if let Some(id) = ctx.diagnoses.with_untracked(|all| sample::listed(all).map(|e| e.record.meta.id.clone())) {
        open(id);
        return;
    }
    let trashed: Vec<_> = ctx.trashed_diagnoses.with_untracked(|t| sample::in_trash(t).into_iter().cloned().collect());
    if !trashed.is_empty() {
        let latest = sample::listed(&trashed).map(|e| e.record.meta.id.clone());
        super::home::restore(ctx, trashed, move || latest.into_iter().for_each(open));
        return;
    }
    if busy.get_untracked() {
        return;
    }
    let built = match sample::build() {
        Ok(s) => s,
        Err(e) => {
            ctx.error(format!("サンプルを作れませんでした（何も保存していません）: {e}"));
            return;
        }
    };
    let Some(id) = built.opened().cloned() else { return };
    let counts = KindCounts::of(built.diagnoses.iter().chain(&built.records)).describe();
    let message = format!("サンプルの地域診断を作りました（{counts}）");
    let batch = WriteBatch { put_diagnoses: built.diagnoses, put_records: built.records, ..WriteBatch::default() };
    busy.set(true);
    spawn_local(async move {
        let ok = ctx.save(batch, &message).await.is_ok();
        busy.set(false);
        if ok {
            open(id);
        }
    });
}

/// Removes every 地域診断 of the sample with all its records (after the confirmation).
fn remove_sample(ctx: AppCtx, asking: RwSignal<bool>) {
    let mut entries = ctx.diagnoses.get_untracked();
    entries.extend(ctx.trashed_diagnoses.get_untracked());
    let ids = sample::to_remove(&entries);
    let open_is_sample = ctx.route.with_untracked(|r| r.diagnosis().is_some_and(sample::is_sample_diagnosis));
    spawn_local(async move {
        let batch = WriteBatch { purge_diagnoses: ids, ..WriteBatch::default() };
        if ctx.save(batch, "サンプルの地域診断を削除しました").await.is_ok() {
            asking.set(false);
            if open_is_sample {
                ctx.go(Route::Home);
            }
        }
    });
}

/// 「サンプルを開く」 and, when the sample is there, 「サンプルを削除」 with its confirmation.
#[component]
fn SampleButtons() -> impl IntoView {
    let ctx = use_app();
    let busy = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let present = Memo::new(move |_| ctx.diagnoses.with(|all| sample::listed(all).is_some()));
    view! {
        <div class="buttons sample-buttons">
            <button type="button" data-testid="sample-open" disabled=move || busy.get()
                on:click=move |_| open_sample(ctx, busy)>
                {move || if busy.get() { "サンプルを作っています…" } else { "サンプルを開く" }}
            </button>
            <Show when=move || present.get()>
                <button type="button" class="danger" data-testid="sample-remove" on:click=move |_| asking.set(true)>
                    "サンプルを削除"
                </button>
            </Show>
        </div>
        <Show when=move || asking.get()>
            <ConfirmDialog
                title="サンプルの削除".to_string()
                message=format!(
                    "「{}」（{}年度分）を削除します。サンプルに入力・変更した内容も削除され、元に戻せません。実際の地域診断は変わりません。",
                    sample::JURISDICTION,
                    sample::YEARS
                )
                confirm_label="削除する"
                danger=true
                on_confirm=Callback::new(move |_| remove_sample(ctx, asking))
                on_cancel=Callback::new(move |_| asking.set(false))
            />
        </Show>
    }
}

/// The first-use guidance, shown while the list is empty: three steps, the sample, and where
/// the records are kept.
#[component]
pub fn FirstUse() -> impl IntoView {
    let ctx = use_app();
    view! {
        <Show when=move || ctx.diagnoses.with(Vec::is_empty)>
            <section class="card first-use" aria-labelledby="first-use-title" data-testid="first-use">
                <h2 id="first-use-title">"はじめての方へ"</h2>
                <ol class="first-use-steps">
                    <li>
                        <b>"地域診断を作る"</b>
                        "：下の「新しい地域診断」に地区名と年度を入れて「作成」を押します。まず見てみたいときは、架空の管内「"
                        {sample::JURISDICTION}
                        "」のサンプル（2年度分）を開いてください。"
                        <SampleButtons/>
                    </li>
                    <li>
                        <b>"地域の概況と様式1を入力する"</b>
                        "：左のメニューの「地域の概況」に人口・面積・認定者数などを、「様式1」に在宅療養者を1人ずつ入力します（様式2・様式3も同じように）。"
                    </li>
                    <li>
                        <b>"集計と様式4を見る"</b>
                        "：「集計」は入力から自動で計算されます（前年度の地域診断があれば比較も出ます）。その結果を見ながら「様式4」でレベルと課題を入力します。"
                    </li>
                </ol>
                <p class="hint">
                    "データの保存先：入力した記録はこの端末のブラウザの中だけに保存され、外部には送られません。ほかの端末との共有やバックアップは「データの入出力」でファイルに書き出して行います。"
                </p>
            </section>
        </Show>
    }
}

/// The sample's card below a list that has entries (open it again, or remove it).
#[component]
pub fn SampleCard() -> impl IntoView {
    let ctx = use_app();
    view! {
        <Show when=move || !ctx.diagnoses.with(Vec::is_empty)>
            <section class="card sample-card" aria-labelledby="sample-card-title" data-testid="sample-card">
                <h2 id="sample-card-title">"サンプルの地域診断"</h2>
                <p class="hint">
                    {format!(
                        "架空の管内「{}」の{}年度分です。操作の練習や研修に使えます。「すべて書き出す」には含まれません。",
                        sample::JURISDICTION,
                        sample::YEARS
                    )}
                </p>
                <SampleButtons/>
            </section>
        </Show>
    }
}

/// The 「サンプル」 badge beside a 地域診断 of the sample (list, header).
#[component]
pub fn SampleBadge(#[prop(into)] testid: String) -> impl IntoView {
    view! { <span class="tag sample-badge" data-testid=testid title="練習用の架空のデータです">{sample::BADGE}</span> }
}
