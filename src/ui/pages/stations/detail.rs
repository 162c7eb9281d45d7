//! One station in a form, fields (1)–(11) of 様式3. (3) 看護師の常勤換算 is typed directly
//! or computed live from a staff list (常勤 1 each; 非常勤 weekly hours ÷ the contracted
//! full-time week, at least 32) with the calculation written out. Enter saves, Esc cancels;
//! errors block saving and name the field, warnings are shown. A saved station can be
//! deleted (to the ゴミ箱).

use super::fte::FteSection;
use super::sections::{IntakeSection, NameSection, SystemSection, UsersSection};
use super::{PageData, NEW_ITEM};
use crate::domain::forms::station_form::{duplicate_station_name, StationForm};
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::save::{Target, Trashed};
use crate::route::Section;
use crate::ui::components::IssueSummary;
use crate::ui::ctx::use_app;
use crate::ui::editor::{history_href, trash_latest, DeleteAction, EditorForm, EditorHead, EditorMissing, RecordSaver};
use crate::ui::form::FormState;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

// The page: the record lookup, the save step and the delete action around the sections.
#[allow(clippy::too_many_lines)]
#[component]
pub fn StationDetail(data: PageData, item: String) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let list_route = PageData::list_route(&diagnosis_id);
    let list_href = list_route.to_hash();
    let is_new = item == NEW_ITEM;
    let existing = if is_new {
        None
    } else {
        data.stations.with_untracked(|s| s.iter().find(|(r, _)| r.meta.id.as_str() == item).cloned())
    };
    if !is_new && existing.is_none() {
        return view! {
            <EditorMissing
                testid="station-missing"
                title="ステーションが見つかりません"
                reason="このステーションは削除されたか、まだありません。削除したものは一覧の下の「ゴミ箱」から元に戻せます。"
                list_href
                list_label="様式3の一覧"
            />
        }
        .into_any();
    }
    let initial = existing.as_ref().map_or_else(StationForm::default, |(_, s)| StationForm::from_station(s));
    let record_id: Option<RecordId> = existing.as_ref().map(|(r, _)| r.meta.id.clone());
    let form = FormState::new(format!("station:{diagnosis_id}:{item}"), diagnosis_id.clone(), initial);
    form.set_base(existing.as_ref().map(|(r, _)| r.body.to_value()));
    let saver = RecordSaver::new(ctx, form);
    let own_id = StoredValue::new(record_id.clone());
    let all_issues: Signal<Issues> = {
        let own = Memo::new(move |_| form.value.with(StationForm::issues));
        let duplicate = Memo::new(move |_| {
            form.value.with(|f| {
                own_id.with_value(|me| {
                    data.stations.with(|s| {
                        let others: Vec<&str> = s
                            .iter()
                            .filter(|(r, _)| Some(&r.meta.id) != me.as_ref())
                            .map(|(_, st)| st.name.as_str())
                            .collect();
                        duplicate_station_name(&f.name, &others)
                    })
                })
            })
        });
        Signal::derive(move || {
            let mut all = own.get();
            all.0.extend(duplicate.get());
            all
        })
    };
    // A new form shows no error before she has typed in the field or pressed 保存.
    let issues = form.shown_issues(all_issues);
    let diagnosis = StoredValue::new(diagnosis_id.clone());

    let back = {
        let list_route = list_route.clone();
        move |focus: Option<String>| {
            data.focus_row.set(focus);
            ctx.go(list_route.clone());
        }
    };
    let save = {
        let back = back.clone();
        Callback::new(move |()| {
            let typed = form.value.get_untracked();
            let station = match typed.parse() {
                Ok((s, _)) => s,
                Err(found) => {
                    ctx.error(found.refusal());
                    return;
                }
            };
            let target = match own_id.get_value() {
                None => Target::New { id: platform::new_record_id(), diagnosis: diagnosis.get_value() },
                Some(id) => Target::Existing(id),
            };
            let back = back.clone();
            let shown = StationForm::from_station(&station);
            saver.save(target, station, Trashed::Refuse, move |record| {
                form.saved(shown.clone());
                back(Some(record.meta.id.to_string()));
            });
        })
    };

    let delete = (!is_new).then(|| DeleteAction {
        label: "このステーションを削除",
        testid: "delete-station",
        title: "ステーションの削除",
        message: Signal::derive(move || {
            let name = form.initial.with(|f| f.name.trim().to_string());
            format!("「{name}」を様式3から削除します。削除したステーションは一覧の下の「ゴミ箱」から元に戻せます。")
        }),
        run: Callback::new(move |done: Callback<()>| {
            let Some(id) = own_id.get_value() else { return };
            let name = form.initial.with_untracked(|f| f.name.trim().to_string());
            spawn_local(async move {
                let message = format!("「{name}」を削除しました（一覧の下のゴミ箱から元に戻せます）");
                let ok = trash_latest(ctx, &id, form.key(), &message).await;
                done.run(());
                if ok {
                    form.saved(form.initial.get_untracked());
                    data.focus_row.set(None);
                    ctx.go(PageData::list_route(&diagnosis.get_value()));
                }
            });
        }),
    });
    let leave = Callback::new(move |()| back(own_id.get_value().map(|id| id.to_string())));

    let heading = move || {
        form.value.with(|f| {
            if is_new && f.name.trim().is_empty() {
                "ステーションの追加".to_string()
            } else if f.name.trim().is_empty() {
                "（名称未入力）".to_string()
            } else {
                f.name.trim().to_string()
            }
        })
    };
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|el| platform::start_form(&el, "input[type=text]"));

    view! {
        <section class="station-detail" data-testid="station-detail">
            <EditorHead
                back_href=list_href.clone()
                back_label="様式3の一覧"
                group="様式3 訪問看護ステーション"
                heading=Signal::derive(heading)
                lead=entry.diagnosis.title()
                history=history_href(&diagnosis_id, Section::Stations, record_id.as_ref())
            />
            <EditorForm
                form=form.handle()
                saver
                class="station-form"
                node_ref=form_ref
                on_save=save
                on_leave=leave
                cancel_message="保存していない入力を取り消して一覧に戻ります。よろしいですか？"
                hint="Enterで保存・Escで取り消し"
                delete
            >
                <NameSection form issues/>
                <FteSection form issues/>

                <UsersSection form issues/>

                <SystemSection form issues/>

                <IntakeSection form issues/>

                <IssueSummary issues/>
            </EditorForm>
        </section>
    }
    .into_any()
}
