//! Small shared widgets: confirmation dialog, field messages, three-state inputs.

use crate::domain::issues::{Issues, Severity};
use leptos::prelude::*;

/// A modal confirmation that names what will happen. Esc or 取り消し cancels; the cancel
/// button has the focus first so Enter never confirms by accident.
#[component]
pub fn ConfirmDialog(
    title: String,
    message: String,
    confirm_label: &'static str,
    #[prop(optional)] danger: bool,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    cancel_ref.on_load(|el| {
        let _ = el.focus();
    });
    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="confirm-title"
                aria-describedby="confirm-message"
                on:keydown=move |ev| if ev.key() == "Escape" { on_cancel.run(()) }
            >
                <h2 id="confirm-title">{title}</h2>
                <p id="confirm-message">{message}</p>
                <div class="buttons">
                    <button class=if danger { "danger" } else { "primary" } on:click=move |_| on_confirm.run(())>
                        {confirm_label}
                    </button>
                    <button node_ref=cancel_ref on:click=move |_| on_cancel.run(())>"取り消し"</button>
                </div>
            </div>
        </div>
    }
}

/// The messages for one field (errors in red, warnings in amber), as text.
#[component]
pub fn FieldIssues(#[prop(into)] issues: Signal<Issues>, field: &'static str) -> impl IntoView {
    move || {
        issues.with(|all| {
            all.for_field(field)
                .map(|issue| {
                    let class = match issue.severity {
                        Severity::Error => "field-error",
                        Severity::Warning => "field-warning",
                    };
                    let prefix = match issue.severity {
                        Severity::Error => "エラー: ",
                        Severity::Warning => "注意: ",
                    };
                    view! { <span class=class role="alert">{format!("{prefix}{}", issue.message)}</span> }
                })
                .collect_view()
        })
    }
}

/// All errors and warnings of a form, each naming its field (shown above the save button).
#[component]
pub fn IssueSummary(#[prop(into)] issues: Signal<Issues>) -> impl IntoView {
    view! {
        <Show when=move || issues.with(|i| !i.is_empty())>
            <div class="issue-summary" role="alert" data-testid="issue-summary">
                <ul>
                    {move || issues.with(|all| {
                        all.0
                            .iter()
                            .map(|issue| {
                                let class = match issue.severity {
                                    Severity::Error => "field-error",
                                    Severity::Warning => "field-warning",
                                };
                                let prefix = match issue.severity {
                                    Severity::Error => "エラー",
                                    Severity::Warning => "注意",
                                };
                                view! { <li class=class>{format!("{prefix}: {}", issue)}</li> }
                            })
                            .collect_view()
                    })}
                </ul>
            </div>
        </Show>
    }
}
