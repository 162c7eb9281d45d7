//! 様式2 実施件数（都道府県全体）: the sum of the chosen areas' 実施件数（管轄地域） per 標準事業
//! (the areas without one named), written with one click into the 様式2 of the 地域診断 she
//! chooses — after a confirmation that says what changes. The write expects every row as it
//! was read, so an edit saved meanwhile in another tab is never overwritten.

use crate::domain::ids::RecordId;
use crate::domain::programmes::prefecture::{fill_prefecture_counts, prefecture_counts, PrefectureCount};
use crate::domain::programmes::rows::ProgrammeEntry;
use crate::storage::{Expect, WriteBatch};
use crate::ui::components::ConfirmDialog;
use crate::ui::ctx::use_app;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// One area's 地区名, 地域診断 and 様式2 rows.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaProgrammes {
    pub id: RecordId,
    pub name: String,
    pub rows: Vec<ProgrammeEntry>,
}

#[component]
pub fn PrefectureFill(
    areas: Memo<Arc<Vec<AreaProgrammes>>>,
    /// Read the areas again after a write.
    on_written: Callback<()>,
) -> impl IntoView {
    let ctx = use_app();
    let counts = Memo::new(move |_| {
        areas.with(|a| {
            let pairs: Vec<(&str, &[ProgrammeEntry])> =
                a.iter().map(|x| (x.name.as_str(), x.rows.as_slice())).collect();
            prefecture_counts(&pairs)
        })
    });
    // The 地域診断 to write into: the open one when it is among the areas, else the first.
    let target = RwSignal::new(None::<RecordId>);
    let shown_target = Memo::new(move |_| {
        let open = ctx.loaded.with(|l| l.diagnosis_id.clone());
        areas.with(|a| {
            target
                .get()
                .filter(|t| a.iter().any(|x| &x.id == t))
                .or_else(|| open.filter(|o| a.iter().any(|x| &x.id == o)))
                .or_else(|| a.first().map(|x| x.id.clone()))
        })
    });
    let asking = RwSignal::new(false);
    let write = Callback::new(move |()| {
        asking.set(false);
        let Some(t) = shown_target.get_untracked() else { return };
        let rows = areas.with_untracked(|a| a.iter().find(|x| x.id == t).map(|x| x.rows.clone())).unwrap_or_default();
        let filled = counts.with_untracked(|c| fill_prefecture_counts(&rows, c, platform::now(), &ctx.device_id()));
        let filled = match filled {
            Ok(f) => f,
            Err(e) => return ctx.error(format!("様式2に記入できません: {e}")),
        };
        if filled.is_empty() {
            return ctx.done("様式2の実施件数（都道府県全体）はすでにこの合計です（変更なし）");
        }
        let n = filled.len();
        let batch = WriteBatch {
            expect: filled.iter().map(|(before, _)| Expect::unchanged(before)).collect(),
            put_records: filled.into_iter().map(|(_, after)| after).collect(),
            ..WriteBatch::default()
        };
        spawn_local(async move {
            let done = format!("様式2の実施件数（都道府県全体）を{n}事業に記入しました");
            match ctx.save_checked(batch, &done).await {
                Ok(()) => on_written.run(()),
                Err(crate::storage::StorageError::Changed(_)) => {
                    ctx.error(
                        "別の画面で様式2が変更されたため記入していません。読み込み直したので、もう一度押してください",
                    );
                    on_written.run(());
                }
                Err(_) => {}
            }
        });
    });
    let target_name = move || {
        let t = shown_target.get();
        areas.with(|a| a.iter().find(|x| Some(&x.id) == t.as_ref()).map(|x| x.name.clone())).unwrap_or_default()
    };
    view! {
        <h2 id="regional-programmes">"様式2 実施件数（都道府県全体）"</h2>
        <p class="hint">"選んだ地域の「実施件数（管轄地域）」の合計です。未入力の地域は合計に入っていません。"</p>
        <table class="list regional-programmes" data-testid="regional-programmes">
            <thead><tr><th scope="col">"事業"</th><th scope="col">"都道府県全体"</th></tr></thead>
            <tbody>
                {move || counts.get().into_iter().map(|c: PrefectureCount| view! {
                    <tr><th scope="row">{c.key.name()}</th><td>{c.text()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <div class="regional-fill no-print">
            <label class="field">
                <span class="label">"記入する地域診断"</span>
                <select name="regional-fill-target" on:change=move |ev| target.set(RecordId::parse(&event_target_value(&ev)).ok())>
                    {move || {
                        let t = shown_target.get();
                        areas.get().iter().map(|a| {
                            let selected = Some(&a.id) == t.as_ref();
                            view! { <option value=a.id.as_str().to_string() selected=selected>{a.name.clone()}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <button type="button" data-testid="regional-fill" on:click=move |_| asking.set(true)>"様式2に記入する"</button>
        </div>
        <Show when=move || asking.get()>
            <ConfirmDialog
                title="様式2に記入".to_string()
                message=format!("「{}」の様式2の実施件数（都道府県全体）を、上の合計で置き換えます。合計が「-」の事業は変えません。", target_name())
                confirm_label="記入する"
                on_confirm=write
                on_cancel=Callback::new(move |()| asking.set(false))
            />
        </Show>
    }
}
