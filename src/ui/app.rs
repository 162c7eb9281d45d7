//! The app root: header with the open 地域診断, the status area, navigation and the page.

use super::ctx::{use_app, AppCtx, DbState, Notice, UpdateState};
use super::lock_screen::{LockButton, LockScreen, LOCKED_TITLE};
use super::pages;
use super::platform;
use super::status::{provide_storage_panel, StatusArea, StoragePanel};
use crate::route::{page_title, Route, Section, HELP_LABEL};
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let ctx = AppCtx::new();
    provide_context(ctx);
    ctx.open_database();
    ctx.listen_to_other_tabs();
    ctx.watch_idle();
    platform::guard_unload(move || ctx.has_unsaved());
    pages::io::provide_backup_status();
    pages::io::provide_import();
    provide_storage_panel();
    let menu_open = RwSignal::new(false);
    let _hash = window_event_listener(ev::hashchange, move |_| ctx.route_changed());
    let _online = window_event_listener(ev::online, move |_| ctx.check_for_update());
    Effect::new(move |_| {
        if ctx.db_state.with(|s| *s == DbState::Locked) {
            set_document_title(LOCKED_TITLE);
        } else {
            set_document_title(&ctx.route.with(|route| page_title(route, open_title(ctx).as_deref())));
        }
    });

    // 端末のロック: while locked nothing of the app but the passphrase is on screen.
    view! {
        <Show when=move || ctx.db_state.with(|s| *s != DbState::Locked) fallback=LockScreen>
        <a class="skip-link" href="#main">"本文へ移動"</a>
        <header class="app-header no-print">
            <div class="app-title">
                <button type="button" class="menu-button" aria-controls="nav" aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)>"メニュー"</button>
                <a href="#/" class="app-name">"難病の地域診断"</a>
                <DiagnosisSwitcher/>
                <Show when=move || ctx.route.with(|r| r.diagnosis().is_some_and(crate::domain::sample::is_sample_diagnosis))>
                    <pages::sample::SampleBadge testid="sample-badge"/>
                </Show>
            </div>
            <StatusArea/>
            <LockButton/>
        </header>
        <StoragePanel/>
        <UpdateBanner/>
        <DbBanner/>
        <pages::io::BackupBanner/>
        <div class="layout">
            <Nav open=menu_open/>
            <main id="main" class="page" tabindex="-1">
                <NoticeLine/>
                <Show when=move || ctx.db_state.with(|s| *s != DbState::Erased) fallback=ErasedScreen>
                    <pages::Page/>
                </Show>
            </main>
        </div>
        </Show>
    }
}

/// The open 地域診断's title (tracked), when it is known.
fn open_title(ctx: AppCtx) -> Option<String> {
    let id = ctx.route.with(|r| r.diagnosis().cloned())?;
    ctx.diagnoses.with(|all| all.iter().find(|e| e.record.meta.id == id).map(|e| e.diagnosis.title()))
}

/// The browser tab's title (so a screen reader, the task bar and the history say which page).
fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if document.title() != title {
            document.set_title(title);
        }
    }
}

/// The open 地域診断 and a switcher listing all of them.
#[component]
fn DiagnosisSwitcher() -> impl IntoView {
    let ctx = use_app();
    let current = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let section = Memo::new(move |_| ctx.route.with(Route::section).unwrap_or(Section::Overview));
    view! {
        <label class="switcher">
            <span class="visually-hidden">"開いている地域診断"</span>
            <select
                aria-label="開いている地域診断"
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    if value.is_empty() {
                        ctx.go(Route::Home);
                    } else if let Ok(id) = crate::domain::ids::RecordId::parse(&value) {
                        ctx.go(Route::Diagnosis { id, section: section.get_untracked(), item: None });
                    }
                }
            >
                // Each option knows whether it is selected, so the choice is right also when
                // the list arrives after the route (a value set on the select would be lost).
                <option value="" prop:selected=move || current.with(Option::is_none)>"（地域診断を選ぶ）"</option>
                <For
                    each=move || ctx.diagnoses.get()
                    key=|e| (e.record.meta.id.clone(), e.record.meta.rev)
                    let:entry
                >
                    {
                        let id = entry.record.meta.id.clone();
                        let selected = move || current.with(|c| c.as_ref() == Some(&id));
                        view! {
                            <option value=entry.record.meta.id.to_string() prop:selected=selected>
                                {entry.diagnosis.title()}
                            </option>
                        }
                    }
                </For>
            </select>
        </label>
    }
}

#[component]
fn UpdateBanner() -> impl IntoView {
    let ctx = use_app();
    view! {
        <Show when=move || ctx.update.get() != UpdateState::None>
            <div class="banner info no-print" role="status" data-testid="update-banner">
                <span>"更新があります。"</span>
                {move || match ctx.update.get() {
                    UpdateState::Activating => view! { <span>"更新しています…"</span> }.into_any(),
                    _ => view! {
                        <button class="primary" on:click=move |_| ctx.apply_update()>"更新する"</button>
                        <span class="hint">
                            {move || if ctx.dirty.with(|d| d.is_empty()) {
                                "（入力中の内容はありません）"
                            } else {
                                "（未保存の入力があります。保存してから更新してください）"
                            }}
                        </span>
                    }
                    .into_any(),
                }}
            </div>
        </Show>
    }
}

#[component]
fn DbBanner() -> impl IntoView {
    let ctx = use_app();
    view! {
        {move || match ctx.db_state.get() {
            DbState::Opening | DbState::Ready => ().into_any(),
            DbState::Blocked => view! {
                <div class="banner warn" role="alert">
                    "別のタブで古い版のこのアプリが開いているため、データを開けません。ほかのタブを閉じてください。閉じると自動で続きます。"
                </div>
            }
            .into_any(),
            DbState::VersionChanged => view! {
                <div class="banner warn" role="alert" data-testid="reload-banner">
                    "別のタブでアプリが新しい版に更新されました。保存済みのデータは安全です。"
                    <button class="primary" on:click=move |_| platform::reload()>"再読み込み"</button>
                </div>
            }
            .into_any(),
            DbState::Failed(msg) => view! {
                <div class="banner error" role="alert" data-testid="db-error">{msg}</div>
            }
            .into_any(),
            DbState::Erased | DbState::Locked => ().into_any(),
        }}
    }
}

/// After この端末のデータを消去 (here or in another tab): nothing of the data, and the way to
/// start again.
#[component]
fn ErasedScreen() -> impl IntoView {
    view! {
        <section class="erased" data-testid="erased-screen">
            <h1>"この端末のデータは消去されました"</h1>
            <p>"このアプリの記録・変更履歴・下書き・設定は、この端末（このブラウザ）に残っていません。書き出したファイルがあれば、「データの入出力」から読み込んで元に戻せます。"</p>
            <button type="button" class="primary" on:click=move |_| platform::go_home_and_reload()>"最初から始める"</button>
        </section>
    }
}

/// The menu. On a narrow screen (a tablet in portrait) it folds behind the メニュー button and
/// folds again when she picks a page.
#[component]
fn Nav(open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_app();
    let current_diag = Memo::new(move |_| ctx.route.with(|r| r.diagnosis().cloned()));
    let is_active = move |section: Section| ctx.route.with(|r| r.section() == Some(section));
    view! {
        <nav id="nav" class="nav no-print" class:open=move || open.get() aria-label="メニュー">
            <ul on:click=move |_| open.set(false)>
                <li>
                    <a href="#/" class:active=move || ctx.route.with(|r| *r == Route::Home)>"地域診断の一覧"</a>
                </li>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        view! {
                            <li>
                                {move || match current_diag.get() {
                                    Some(id) => {
                                        let href = Route::Diagnosis { id, section, item: None }.to_hash();
                                        view! {
                                            <a
                                                href=href
                                                class:active=move || is_active(section)
                                                aria-current=move || is_active(section).then_some("page")
                                            >
                                                {section.label()}
                                            </a>
                                        }
                                        .into_any()
                                    }
                                    None => view! {
                                        <span class="disabled" title="先に地域診断を選んでください">{section.label()}</span>
                                    }
                                    .into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <a href="#/io" class:active=move || ctx.route.with(|r| *r == Route::DataIo)>"データの入出力"</a>
                </li>
                <li>
                    <a href="#/regional" class:active=move || ctx.route.with(|r| *r == Route::Regional)>"広域の比較"</a>
                </li>
                <li>
                    <a href="#/results" class:active=move || ctx.route.with(|r| *r == Route::Results)>"事業実績"</a>
                </li>
                <li>
                    <a href="#/progress" class:active=move || ctx.route.with(|r| *r == Route::Progress)>"進捗状況評価"</a>
                </li>
                <li>
                    <a href="#/help" class:active=move || ctx.route.with(|r| matches!(r, Route::Help(_)))>{HELP_LABEL}</a>
                </li>
            </ul>
        </nav>
    }
}

/// 保存しました / error messages.
#[component]
fn NoticeLine() -> impl IntoView {
    let ctx = use_app();
    view! {
        {move || ctx.notice.get().map(|n| match n {
            Notice::Done(msg) => view! {
                <p class="notice done" role="status" data-testid="notice">
                    {msg}
                    <button class="link" aria-label="閉じる" on:click=move |_| ctx.notice.set(None)>"×"</button>
                </p>
            }
            .into_any(),
            Notice::Error(msg) => view! {
                <p class="notice error" role="alert" data-testid="notice-error">
                    {msg}
                    <button class="link" aria-label="閉じる" on:click=move |_| ctx.notice.set(None)>"×"</button>
                </p>
            }
            .into_any(),
        })}
    }
}
