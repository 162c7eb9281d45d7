//! One patient in a form, in the paper form's order (基本 → 医療処置管理 → 使用医療機器 →
//! 特定症状 → 神経内科 → かかりつけ医 → 入院・レスパイト → 訪問看護 → 制度 → 把握), so Tab
//! walks it as the nurse reads the sheet. Enter in a one-line field saves, Esc cancels.
//! Errors block saving and name the field; warnings are shown and do not. Each service can
//! be flagged as a gap (pink) with a note. A saved patient can be moved to the ゴミ箱.

mod basic;
mod care;
mod services;

use super::widgets::GapList;
use super::{PageData, NEW_ITEM};
use crate::domain::forms::patient_form::{duplicate_id_number, PatientForm, TriTextForm};
use crate::domain::forms::roster::shown_name;
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::save::{Target, Trashed};
use crate::route::Section;
use crate::ui::components::IssueSummary;
use crate::ui::ctx::use_app;
use crate::ui::editor::{history_href, trash_latest, DeleteAction, EditorForm, EditorHead, EditorMissing, RecordSaver};
use crate::ui::form::FormState;
use crate::ui::help_tip::{HelpToggle, ShowAllHelp};
use crate::ui::platform;
use crate::ui::section_links::{SectionLink, SectionLinks};
use basic::BasicSection;
use care::{AdmissionSection, DoctorSection, ProceduresSection, SymptomsSection};
use leptos::prelude::*;
use leptos::task::spawn_local;
use services::{ContactSection, NursingSection, SystemsSection};

type F = FormState<PatientForm>;

/// The draft key of a patient's form.
fn draft_key(diagnosis: &RecordId, record: Option<&RecordId>) -> String {
    format!("patient:{diagnosis}:{}", record.map_or(NEW_ITEM, RecordId::as_str))
}

/// The 三状態 text as typed; typing text chooses 記入.
fn tri_setters(form: F, get: fn(&mut PatientForm) -> &mut TriTextForm) -> (Callback<String>, Callback<String>) {
    let on_state = Callback::new(move |state: String| form.update(|f| get(f).state = state));
    let on_text = Callback::new(move |text: String| form.update(|f| get(f).type_text(text)));
    (on_state, on_text)
}

/// Scrolls to the top and puts the cursor in ID番号 (not on a touch screen).
fn focus_first_field() {
    let form = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=patient-detail]").ok().flatten());
    if let Some(form) = form {
        platform::start_form(&form, "input[name=id_number]");
    }
}

// The page: the record lookup, the ID番号 check, the save step with 保存して次を登録 and the
// delete action around the sections.
#[allow(clippy::too_many_lines)]
#[component]
pub fn PatientDetail(data: PageData, item: String) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let list_route = PageData::list_route(&diagnosis_id);
    let list_href = list_route.to_hash();
    let is_new = item == NEW_ITEM;
    let found: Option<(StoredRecord, Patient)> = if is_new {
        None
    } else {
        data.list.with_untracked(|l| {
            let l = &l.as_ref()?.0;
            let pos = l.position(&RecordId::parse(&item).ok()?)?;
            Some((l.records.get(pos)?.clone(), l.patients.get(pos)?.clone()))
        })
    };
    if !is_new && found.is_none() {
        let in_trash = data.list.with_untracked(|l| {
            l.as_ref().is_some_and(|l| l.0.trashed.iter().any(|(r, _)| r.meta.id.as_str() == item))
        });
        let reason = if in_trash {
            "この療養者はゴミ箱にあります。"
        } else {
            "この療養者は削除されたか、まだ登録されていません。"
        };
        return view! {
            <EditorMissing testid="patient-missing" title="療養者が見つかりません" reason list_href list_label="様式1 療養者の一覧"/>
        }
        .into_any();
    }
    let record_id = found.as_ref().map(|(r, _)| r.meta.id.clone());
    let saved_patient = found.as_ref().map(|(_, p)| p.clone());
    let initial = saved_patient.as_ref().map_or_else(PatientForm::default, PatientForm::from_patient);
    let form: F = FormState::new(draft_key(&diagnosis_id, record_id.as_ref()), diagnosis_id.clone(), initial);
    form.set_base(found.as_ref().map(|(r, _)| r.body.to_value()));
    let saver = RecordSaver::new(ctx, form);
    let today = platform::now().date_jst();

    // ID番号 of the other patients (for the duplicate check).
    let others = {
        let record_id = record_id.clone();
        Memo::new(move |_| {
            data.list.with(|l| {
                l.as_ref()
                    .map(|l| {
                        l.0.records
                            .iter()
                            .zip(&l.0.patients)
                            .filter(|(r, _)| Some(&r.meta.id) != record_id.as_ref())
                            .map(|(_, p)| p.id_number.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let duplicate = move |id_number: &str| {
        others.with(|o| {
            let refs: Vec<&str> = o.iter().map(String::as_str).collect();
            duplicate_id_number(id_number, &refs)
        })
    };
    let issues_memo = Memo::new(move |_| {
        let mut found = form.value.with(|f| f.issues(today));
        if let Some(d) = form.value.with(|f| duplicate(&f.id_number)) {
            found.0.insert(0, d);
        }
        found
    });
    // A new form shows no error before she has typed in the field or pressed 保存.
    let issues: Signal<Issues> = form.shown_issues(issues_memo);

    let back = {
        let list_route = list_route.clone();
        let record_id = record_id.clone();
        move || {
            data.focus_row.set(record_id.clone());
            ctx.go(list_route.clone());
        }
    };
    // 「保存して次を登録」 (or Shift+Enter): after saving, an empty form for the next patient.
    let then_new = StoredValue::new(false);
    let save = {
        let record_id = record_id.clone();
        let diagnosis_id = diagnosis_id.clone();
        let list_route = list_route.clone();
        let new_route = PageData::item_route(&diagnosis_id, NEW_ITEM);
        Callback::new(move |()| {
            let typed = form.value.get_untracked();
            let refuse = |found: Issues| {
                then_new.set_value(false);
                ctx.error(found.refusal());
            };
            let patient = match typed.parse(today) {
                Ok((p, _)) => p,
                Err(found) => return refuse(found),
            };
            if let Some(d) = others.with_untracked(|o| {
                let refs: Vec<&str> = o.iter().map(String::as_str).collect();
                duplicate_id_number(&patient.id_number, &refs)
            }) {
                return refuse(Issues(vec![d]));
            }
            let target = match &record_id {
                None => Target::New { id: platform::new_record_id(), diagnosis: diagnosis_id.clone() },
                Some(id) => Target::Existing(id.clone()),
            };
            let list_route = list_route.clone();
            let new_route = new_route.clone();
            saver.save(target, patient, Trashed::Refuse, move |record| {
                form.saved(typed.clone());
                if then_new.get_value() {
                    then_new.set_value(false);
                    ctx.done("保存しました。続けて次の療養者を入力できます".to_string());
                    if is_new {
                        // Already on the new form: start it again, empty.
                        form.reset(PatientForm::default());
                        form.set_base(None);
                        focus_first_field();
                    } else {
                        ctx.go(new_route.clone());
                    }
                } else {
                    data.focus_row.set(Some(record.meta.id.clone()));
                    ctx.go(list_route.clone());
                }
            });
        })
    };

    let delete = record_id.clone().map(|id| {
        let id_number = saved_patient.as_ref().map(|p| p.id_number.clone()).unwrap_or_default();
        let asked = format!("ID番号「{id_number}」の療養者を様式1から削除します。削除した療養者は一覧の下の「ゴミ箱」から元に戻せます。");
        let list_route = list_route.clone();
        DeleteAction {
            label: "この療養者を削除",
            testid: "delete",
            title: "療養者の削除",
            message: Signal::stored(asked),
            run: Callback::new(move |done: Callback<()>| {
                let message = format!("ID番号「{id_number}」の療養者を削除しました（一覧の下のゴミ箱から元に戻せます）");
                let (id, list_route) = (id.clone(), list_route.clone());
                spawn_local(async move {
                    let ok = trash_latest(ctx, &id, form.key(), &message).await;
                    done.run(());
                    if ok {
                        form.saved(form.initial.get_untracked());
                        data.focus_row.set(None);
                        ctx.go(list_route);
                    }
                });
            }),
        }
    });

    let hide = ctx.hide_names;
    let heading = {
        let saved_patient = saved_patient.clone();
        move || match &saved_patient {
            None => "療養者の新規登録".to_string(),
            Some(p) => {
                let name = shown_name(p, hide.get());
                if name == p.id_number {
                    format!("ID番号 {}", p.id_number)
                } else {
                    format!("ID番号 {}　{name}", p.id_number)
                }
            }
        }
    };
    provide_context(ShowAllHelp(RwSignal::new(false)));
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|_| focus_first_field());
    let leave = Callback::new(move |()| back());
    // Enter in a one-line field saves; Shift+Enter saves and starts the next patient.
    let on_key = Callback::new(move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            let in_input =
                ev.target().is_some_and(|t| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&t).is_some());
            then_new.set_value(ev.shift_key() && in_input);
            if ev.shift_key() && in_input {
                // (The browser submits on a plain Enter only.)
                ev.prevent_default();
                if let Some(f) = form_ref.get_untracked() {
                    let _ = f.request_submit();
                }
            }
        }
    });
    let save_next = move || {
        view! {
            <button type="submit" data-testid="save-next" on:click=move |_| then_new.set_value(true)>"保存して次を登録"</button>
        }
    };

    view! {
        <section class="patient-detail with-section-links" data-testid="patient-detail">
            <EditorHead
                back_href=list_href.clone()
                back_label="様式1 療養者の一覧"
                group="様式1 在宅療養者"
                heading=Signal::derive(heading)
                lead=entry.diagnosis.title()
                history=history_href(&diagnosis_id, Section::Patients, record_id.as_ref())
            />
            {record_id.clone().map(|p| {
                let href = crate::route::Route::Diagnosis { id: diagnosis_id.clone(), section: Section::Disaster, item: Some(p.to_string()) };
                view! { <p class="plan-link"><a data-testid="open-support-plan" href=href.to_hash()>"災害時個別支援計画（災害への備え）を開く"</a></p> }
            })}
            <SectionLinks label="様式1の項目" links=&PATIENT_SECTIONS testid="patient-sections">
                <HelpToggle/>
            </SectionLinks>
            <EditorForm
                form=form.handle()
                saver
                class="patient-form"
                node_ref=form_ref
                on_save=save
                on_leave=leave
                on_key
                extra_buttons=ToChildren::to_children(save_next)
                cancel_message="保存していない入力を取り消して一覧に戻ります。よろしいですか？"
                hint="Enterで保存・Shift+Enterで保存して次を登録・Escで取り消し・Tabで次の項目へ。選択肢は数字キー（1 有・0 無・Delete 不明）でも選べます。"
                delete
            >
                <BasicSection form issues/>
                <ProceduresSection form issues/>
                <SymptomsSection form issues/>
                <DoctorSection form issues neurology=true/>
                <DoctorSection form issues neurology=false/>
                <AdmissionSection form issues/>
                <NursingSection form issues/>
                <SystemsSection form issues/>
                <ContactSection form issues/>
                <GapList form/>
                <IssueSummary issues/>
            </EditorForm>
        </section>
    }
    .into_any()
}

/// The parts of the form, in the paper form's order (the ギャップ list last).
const PATIENT_SECTIONS: [SectionLink; 10] = [
    ("patient-basic", "基本情報"),
    ("patient-procedures", "医療処置"),
    ("patient-symptoms", "特定症状"),
    ("patient-neurology", "神経内科"),
    ("patient-family-doctor", "かかりつけ医"),
    ("patient-admission", "入院・レスパイト"),
    ("patient-nursing", "訪問看護"),
    ("patient-systems", "制度"),
    ("patient-contact", "把握"),
    ("patient-gaps", "ギャップ"),
];
