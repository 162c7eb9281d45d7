//! The conflict list of a save (`domain::save::SaveConflict`): both values side by side.

use super::RecordSaver;
use crate::domain::save::Resolution;
use crate::ui::modal::Modal;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The conflict list: each field changed here and elsewhere, both values side by side, her
/// choice per field. Nothing is saved until she has chosen for every field.
#[component]
pub fn SaveConflicts(saver: RecordSaver) -> impl IntoView {
    move || {
        saver.conflicts.get().map(|found| {
            let choices = RwSignal::new(BTreeMap::<String, Resolution>::new());
            let total = found.len();
            let rows = found
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let path = StoredValue::new(c.path.clone());
                    let pick = move |r: Resolution| choices.update(|m| {
                        m.insert(path.get_value(), r);
                    });
                    let is = move |r: Resolution| choices.with(|m| m.get(&path.get_value()) == Some(&r));
                    let group = format!("conflict-{i}");
                    view! {
                        <tr data-testid="save-conflict-row">
                            <th scope="row">{c.label}<span class="hint">{format!("（開いたとき: {}）", c.base)}</span></th>
                            <td>
                                <label class="choice-line">
                                    <input type="radio" name=group.clone() prop:checked=move || is(Resolution::Mine)
                                        on:change=move |_| pick(Resolution::Mine)/>
                                    <span data-testid="conflict-mine">{c.mine}</span>
                                </label>
                            </td>
                            <td>
                                <label class="choice-line">
                                    <input type="radio" name=group prop:checked=move || is(Resolution::Theirs)
                                        on:change=move |_| pick(Resolution::Theirs)/>
                                    <span data-testid="conflict-theirs">{c.theirs}</span>
                                </label>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let ready = move || choices.with(|m| m.len() == total);
            view! {
                <Modal labelled_by="save-conflict-title" class="wide" testid="save-conflicts"
                    initial_focus="input[type=radio]" on_close=Callback::new(move |()| saver.cancel())>
                        <h2 id="save-conflict-title">"別の画面でも変更されています"</h2>
                        <p>"同じ項目が、この画面を開いた後に別の画面（タブ・取り込み）でも変更されました。残す値を項目ごとに選んでください。ほかの項目は両方の変更を残します。"</p>
                        <table class="conflict-table">
                            <thead><tr><th scope="col">"項目"</th><th scope="col">"この画面の入力"</th><th scope="col">"別の画面で保存された値"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <div class="buttons">
                            <button type="button" class="primary" data-testid="conflict-save" prop:disabled=move || !ready()
                                on:click=move |_| saver.choose(choices.get_untracked())>"選んだ値で保存"</button>
                            <button type="button" on:click=move |_| saver.cancel()>"保存しないで戻る"</button>
                        </div>
                </Modal>
            }
        })
    }
}
