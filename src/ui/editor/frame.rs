//! The record-editor frame: what every record form around its fields has in common — the
//! 下書き offer, the `<form>` with Enter / Esc (and Ctrl+Enter where a page has text areas),
//! the sticky action bar (保存, the page's own buttons, 取り消し, 未保存, the keyboard hint,
//! 削除), the confirmation before 取り消し and before 削除, and the conflict list of a save.
//!
//! An editor supplies its fields as children, what 保存 does (parse, then
//! [`super::RecordSaver::save`]) and where 取り消し leads.

use super::{RecordSaver, SaveConflicts};
use crate::domain::ids::RecordId;
use crate::route::{Route, Section};
use crate::ui::components::ConfirmDialog;
use crate::ui::form::{DirtyMark, FormHandle};
use leptos::prelude::*;

/// 削除 of a saved record (to the ゴミ箱), with its confirmation.
#[derive(Clone)]
pub struct DeleteAction {
    /// The button: 「この療養者を削除」.
    pub label: &'static str,
    pub testid: &'static str,
    /// The confirmation's title and message (the message names the record).
    pub title: &'static str,
    pub message: Signal<String>,
    /// Runs after she confirms; `done` closes the confirmation.
    pub run: Callback<Callback<()>>,
}

/// The frame (see the module doc).
#[component]
pub fn EditorForm(
    form: FormHandle,
    saver: RecordSaver,
    /// The `<form>`'s class (and the page's styles).
    class: &'static str,
    /// The `<form>`'s `data-testid`, where tests look for it.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// 保存 (Enter in a one-line field, Ctrl+Enter anywhere, the 保存 button).
    on_save: Callback<()>,
    /// After 取り消し: back to the list. `None`: the page stays, with the saved values.
    #[prop(optional)]
    on_leave: Option<Callback<()>>,
    /// What 取り消し asks.
    cancel_message: &'static str,
    /// The keyboard hint beside the buttons.
    hint: &'static str,
    #[prop(optional_no_strip)] delete: Option<DeleteAction>,
    /// The page's own buttons after 保存 (e.g. 保存して次を登録).
    #[prop(optional)]
    extra_buttons: Option<ChildrenFn>,
    /// Further keys of the page (e.g. Shift+Enter), seen before the frame's own.
    #[prop(optional)]
    on_key: Option<Callback<leptos::ev::KeyboardEvent>>,
    #[prop(optional)] node_ref: Option<NodeRef<leptos::html::Form>>,
    children: Children,
) -> impl IntoView {
    let FormHandle { dirty, discard, draft_offer, touch, attempt } = form;
    // 保存 pressed: from now on every finding of the form shows.
    let on_save = Callback::new(move |()| {
        attempt.run(());
        on_save.run(());
    });
    let touched = move |ev: leptos::ev::Event| {
        if let Some(name) = input_name(&ev) {
            touch.run(name);
        }
    };
    let confirm_cancel = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let leave = move || {
        if let Some(go) = on_leave {
            go.run(());
        }
    };
    let cancel = move || {
        if dirty.get_untracked() {
            confirm_cancel.set(true);
        } else {
            leave();
        }
    };
    let dialog_open = move || {
        confirm_cancel.get_untracked()
            || confirm_delete.get_untracked()
            || saver.conflicts.with_untracked(Option::is_some)
    };
    let form_ref = node_ref.unwrap_or_default();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(k) = on_key {
            k.run(ev.clone());
        }
        if dialog_open() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                cancel();
            }
            "Enter" if ev.ctrl_key() || ev.meta_key() => {
                ev.prevent_default();
                on_save.run(());
            }
            _ => {}
        }
    };
    let stays = on_leave.is_none();
    let delete_button = delete.clone().map(|d| {
        view! {
            <button type="button" class="danger push-right" data-testid=d.testid on:click=move |_| confirm_delete.set(true)>
                {d.label}
            </button>
        }
    });
    view! {
        {draft_offer.run()}
        <form
            class=class
            data-testid=testid
            node_ref=form_ref
            novalidate
            autocomplete="off"
            on:submit=move |ev| {
                ev.prevent_default();
                on_save.run(());
            }
            on:keydown=on_keydown
            on:input=touched
            on:change=touched
        >
            {children()}
            <div class="sticky-actions">
                <button type="submit" class="primary" data-testid="save">"保存"</button>
                {extra_buttons.map(|b| b())}
                <button type="button" disabled=move || stays && !dirty.get() on:click=move |_| cancel()>"取り消し"</button>
                <DirtyMark dirty/>
                <span class="hint keyboard-hint">{hint}</span>
                {delete_button}
            </div>
        </form>
        <SaveConflicts saver/>
        {move || confirm_cancel.get().then(|| view! {
            <ConfirmDialog
                title="入力の取り消し".to_string()
                message=cancel_message.to_string()
                confirm_label=if stays { "取り消す" } else { "取り消して戻る" }
                on_confirm=Callback::new(move |_| {
                    confirm_cancel.set(false);
                    discard.run(());
                    leave();
                })
                on_cancel=Callback::new(move |_| confirm_cancel.set(false))
            />
        })}
        <DeleteConfirmation open=confirm_delete delete/>
    }
}

/// The confirmation before 削除.
#[component]
fn DeleteConfirmation(open: RwSignal<bool>, delete: Option<DeleteAction>) -> impl IntoView {
    move || {
        open.get().then(|| {
            delete.clone().map(|d| {
                view! {
                    <ConfirmDialog
                        title=d.title.to_string()
                        message=d.message.get_untracked()
                        confirm_label="削除する"
                        danger=true
                        on_confirm=Callback::new(move |_| d.run.run(Callback::new(move |_| open.set(false))))
                        on_cancel=Callback::new(move |_| open.set(false))
                    />
                }
            })
        })
    }
}

/// The `name` of the input an `input` or `change` event came from.
fn input_name(ev: &leptos::ev::Event) -> Option<String> {
    let target = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(ev.target()?).ok()?;
    target.get_attribute("name").filter(|n| !n.is_empty())
}

/// The head of a record's page: the way back to its list, the form's name, the record's
/// heading and the 地域診断 it belongs to.
#[component]
pub fn EditorHead(
    /// The list's address and name: 「様式3の一覧」.
    back_href: String,
    back_label: &'static str,
    /// The form's name above the heading (「様式3 訪問看護ステーション」), if any.
    #[prop(into)]
    group: String,
    #[prop(into)] heading: Signal<String>,
    /// The 地域診断 (地区名 and 年度).
    lead: String,
    /// The record's 変更履歴 page ([`history_href`]; none for a record not saved yet).
    #[prop(optional_no_strip)]
    history: Option<String>,
) -> impl IntoView {
    view! {
        <p class="breadcrumb"><a href=back_href>{format!("← {back_label}")}</a></p>
        <div class="page-head">
            <div>
                {(!group.is_empty()).then(|| view! { <p class="group-label">{group}</p> })}
                <h1>{move || heading.get()}</h1>
                <p class="lead">{lead}</p>
            </div>
            {history.map(|href| view! { <HistoryLink href/> })}
        </div>
    }
}

/// The address of a saved record's 変更履歴 (`None` before it is saved).
pub fn history_href(diagnosis: &RecordId, section: Section, record: Option<&RecordId>) -> Option<String> {
    record.map(|r| Route::History { id: diagnosis.clone(), section, record: r.clone() }.to_hash())
}

/// The link to the 変更履歴 of the open 地域診断's 地域の概況 or 様式4 (shown once it is saved).
#[component]
pub fn SingletonHistoryLink(kind: crate::domain::record::RecordKind, section: Section) -> impl IntoView {
    let ctx = crate::ui::ctx::use_app();
    move || {
        ctx.loaded
            .with(|l| {
                let diagnosis = l.diagnosis_id.as_ref()?;
                let record = l.set().singleton(kind).map(|r| r.meta.id.clone());
                history_href(diagnosis, section, record.as_ref())
            })
            .map(|href| view! { <HistoryLink href/> })
    }
}

/// The link to a record's 変更履歴.
#[component]
pub fn HistoryLink(href: String) -> impl IntoView {
    view! { <a class="history-link button-link no-print" href=href data-testid="history-link">"変更履歴"</a> }
}

/// The page of a record that is not there (deleted meanwhile, or a stale address).
#[component]
pub fn EditorMissing(
    testid: &'static str,
    /// 「療養者が見つかりません」.
    title: &'static str,
    /// Why, in a sentence.
    reason: &'static str,
    list_href: String,
    list_label: &'static str,
) -> impl IntoView {
    view! {
        <section class="no-print" data-testid=testid>
            <h1>{title}</h1>
            <p>{reason}<a href=list_href>{list_label}</a>"に戻ってください。"</p>
        </section>
    }
}
