//! まだ置いていない記号: the 施設 and patients with no spot on this 下図, each with
//! 「地図をクリックして置く」 and 「中央に置く」 (then the arrow keys move it).

use super::canvas::commit;
use super::{use_map, Placing};
use crate::domain::map::model::MarkOf;
use leptos::prelude::*;

#[component]
pub fn Unplaced() -> impl IntoView {
    let ui = use_map();
    let rows = Memo::new(move |_| {
        let hide = ui.ctx.hide_names.get();
        ui.model.with(|m| {
            m.marks
                .iter()
                .filter(|x| x.at.is_none() && !(hide && x.kind.is_none()))
                .map(|x| (x.of.clone(), format!("{} {}", x.symbol, x.label), x.position.is_some(), x.used))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card map-unplaced" aria-labelledby="map-unplaced-h" data-testid="map-unplaced">
            <h2 id="map-unplaced-h">"まだ地図に置いていない記号"{move || format!("（{}）", rows.with(Vec::len))}</h2>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="hint">"すべて置きました。"</p> })}
            <ul class="map-unplaced-list">
                <For each=move || rows.get() key=|r| r.clone() let:r>
                    <UnplacedRow of=r.0 label=r.1 elsewhere=r.2 used=r.3/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn UnplacedRow(of: MarkOf, label: String, elsewhere: bool, used: bool) -> impl IntoView {
    let ui = use_map();
    let by_click = {
        let of = of.clone();
        move |_| {
            ui.selected.set(Some(of.clone()));
            ui.placing.set(Placing::Mark(of.clone()));
        }
    };
    let centre = {
        let of = of.clone();
        move |_| {
            let v = ui.view.get_untracked();
            ui.selected.set(Some(of.clone()));
            commit(ui, of.clone(), (v.x + v.w / 2.0, v.y + v.h / 2.0));
            let key = super::marks::key_of(&of);
            crate::ui::platform::focus_after_render(format!("[data-mark-key=\"{key}\"]"));
        }
    };
    let choosing = {
        let of = of.clone();
        move || ui.placing.with(|p| p == &Placing::Mark(of.clone()))
    };
    view! {
        <li class="map-unplaced-row" data-testid="map-unplaced-row" data-label=label.clone() data-used=used.to_string()>
            <span>{label.clone()}{elsewhere.then_some("（この下図の外の位置）")}</span>
            <span class="buttons">
                <button type="button" aria-pressed=move || choosing().to_string() aria-label=format!("{label}を地図をクリックして置く") on:click=by_click>"クリックして置く"</button>
                <button type="button" aria-label=format!("{label}を地図の中央に置く") data-testid="map-place-centre" on:click=centre>"中央に置く"</button>
            </span>
        </li>
    }
}
