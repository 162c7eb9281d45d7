//! ゴミ箱 of 様式1: the deleted patients, each with 「元に戻す」 (the one `TrashList`).

use super::Shared;
use crate::domain::forms::roster::shown_name;
use crate::ui::ctx::use_app;
use crate::ui::trash_list::{TrashItem, TrashList};
use leptos::prelude::*;

#[component]
pub fn Trash(list: Memo<Shared>) -> impl IntoView {
    let ctx = use_app();
    let items = Signal::derive(move || {
        let hide = ctx.hide_names.get();
        list.with(|l| {
            l.0.trashed
                .iter()
                .map(|(record, patient)| {
                    let (shown, key) = match patient {
                        Some(p) => {
                            let name = shown_name(p, hide);
                            let shown = if name == p.id_number {
                                format!("ID番号 {}", p.id_number)
                            } else {
                                format!("ID番号 {}　{name}", p.id_number)
                            };
                            (shown, p.id_number.clone())
                        }
                        None => ("読み取れない記録".to_string(), String::new()),
                    };
                    TrashItem { record: record.clone(), shown, key }
                })
                .collect()
        })
    });
    view! { <TrashList what="療養者" unit="人" items/> }
}
