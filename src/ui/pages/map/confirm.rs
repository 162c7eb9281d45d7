//! 施設の確認: what 様式1 and 様式3 name that is not a confirmed 施設 yet, proposed by a
//! normalised name; the nurse confirms each (or all) before it goes on the map, and merges or
//! splits afterwards on the mark.

use super::use_map;
use crate::domain::map::facilities::FacilityProposal;
use crate::domain::map::records::Facility;
use crate::domain::map::registry::{confirm, unconfirmed};
use crate::ui::platform;
use leptos::prelude::*;

#[component]
pub fn ConfirmFacilities() -> impl IntoView {
    let ui = use_map();
    let proposals = Memo::new(move |_| ui.data.with(|d| unconfirmed(&d.facilities, &d.stations, &d.patients)));
    let keep = move |p: FacilityProposal| {
        let f: Facility = ui.data.with_untracked(|d| confirm(&p, &d.stations));
        ui.edits.edit::<Facility>(platform::new_record_id(), move || f.clone(), |_| {}, |_| {});
    };
    let keep_all = move |_| proposals.get_untracked().into_iter().for_each(keep);
    move || {
        let list = proposals.get();
        (!list.is_empty()).then(|| view! {
            <section class="card map-confirm no-print" data-testid="map-confirm" aria-labelledby="map-confirm-h">
                <h2 id="map-confirm-h">{format!("様式1・様式3にある施設（未確認 {} 件）", list.len())}</h2>
                <p class="hint">"名前をそろえて（全角・半角、空白、「株式会社」「医療法人」などを除いて）まとめた候補です。確かめて「施設として登録」すると地図に置けます。同じ施設が二つに分かれていたら、登録したあと記号を選んで「まとめる」、違う施設が一つになっていたら「分ける」でなおせます。"</p>
                <button type="button" data-testid="map-confirm-all" on:click=keep_all>"すべて施設として登録"</button>
                <ul class="map-confirm-list">
                    {list.into_iter().map(|p| {
                        let names = p.names.join("／");
                        let label = format!("{} {}（{}）", p.kind.symbol(), names, p.kind.label());
                        let users = p.patients();
                        let one = p.clone();
                        view! {
                            <li data-testid="map-proposal">
                                <span>{label.clone()}{format!(" 利用 {users} 人")}</span>
                                <button type="button" aria-label=format!("{label}を施設として登録") on:click=move |_| keep(one.clone())>"施設として登録"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
