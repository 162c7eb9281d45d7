//! One patient in a form, in the paper form's order (基本 → 医療処置管理 → 使用医療機器 →
//! 特定症状 → 神経内科 → かかりつけ医 → 入院・レスパイト → 訪問看護 → 制度 → 把握), so Tab
//! walks it as the nurse reads the sheet. Enter in a one-line field saves, Esc cancels.
//! Errors block saving and name the field; warnings are shown and do not. Each service can
//! be flagged as a gap (pink) with a note. A saved patient can be moved to the ゴミ箱.

use super::widgets::{opts, text_of, yes_no, CodeChoice, GapFlag, SourceNote};
use super::{PageData, NEW_ITEM};
use crate::domain::forms::input::STATE_VALUE;
use crate::domain::forms::patient_form::{
    duplicate_id_number, fields, labels, onset_type_key, suggest_onset_type, PatientForm, TriTextForm, ADL_OPTIONS,
    AGE_BAND, AGE_BAND_OPTIONS, AGE_MODE_OPTIONS, CARE_INSURANCE_OPTIONS, CERTIFICATE_OPTIONS, DISASTER_PLAN_OPTIONS,
    DISEASE_OPTIONS, ONSET_TYPE_OPTIONS, SUPPORT_CLASS_OPTIONS, VISIT_MODE_OPTIONS,
};
use crate::domain::forms::roster::{move_to_trash, shown_name};
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::patient::{Patient, Service};
use crate::domain::record::StoredRecord;
use crate::storage::WriteBatch;
use crate::ui::components::{ConfirmDialog, FieldIssues, IssueSummary, SelectInput, TextInput, TriText};
use crate::ui::ctx::{use_app, Notice};
use crate::ui::form::{DirtyMark, DraftOffer, FormState};
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

type F = FormState<PatientForm>;

/// The draft key of a patient's form.
fn draft_key(diagnosis: &RecordId, record: Option<&RecordId>) -> String {
    format!("patient:{diagnosis}:{}", record.map_or(NEW_ITEM, RecordId::as_str))
}

fn select_options<const N: usize>(list: [(&'static str, &'static str); N]) -> Vec<(String, String)> {
    list.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect()
}

/// The 三状態 text as typed; typing text chooses 記入.
fn tri_setters(form: F, get: fn(&mut PatientForm) -> &mut TriTextForm) -> (Callback<String>, Callback<String>) {
    let on_state = Callback::new(move |state: String| form.update(|f| get(f).state = state));
    let on_text = Callback::new(move |text: String| {
        form.update(|f| {
            let t = get(f);
            t.text = text;
            t.state = STATE_VALUE.to_string();
        })
    });
    (on_state, on_text)
}

/// Scrolls to the top and puts the cursor in ID番号.
fn focus_first_field() {
    let Some(w) = web_sys::window() else { return };
    w.scroll_to_with_x_and_y(0.0, 0.0);
    let first = w
        .document()
        .and_then(|d| d.query_selector("[data-testid=patient-detail] input[name=id_number]").ok().flatten());
    if let Some(first) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = first.focus();
    }
}

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
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
        return view! {
            <section data-testid="patient-missing">
                <h1>"療養者が見つかりません"</h1>
                <p>
                    {if in_trash { "この療養者はゴミ箱にあります。" } else { "この療養者は削除されたか、まだ登録されていません。" }}
                    <a href=list_href>"様式1 療養者の一覧"</a>
                    "に戻ってください。"
                </p>
            </section>
        }
        .into_any();
    }
    let record_id = found.as_ref().map(|(r, _)| r.meta.id.clone());
    let saved_patient = found.as_ref().map(|(_, p)| p.clone());
    let initial = saved_patient.as_ref().map_or_else(PatientForm::default, PatientForm::from_patient);
    let form: F = FormState::new(draft_key(&diagnosis_id, record_id.as_ref()), diagnosis_id.clone(), initial);
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
    let issues: Signal<Issues> = issues_memo.into();

    let confirm_cancel = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);

    let back = {
        let list_route = list_route.clone();
        let record_id = record_id.clone();
        move || {
            data.focus_row.set(record_id.clone());
            ctx.go(list_route.clone());
        }
    };
    let cancel = {
        let back = back.clone();
        move || {
            if form.value.with_untracked(|v| form.initial.with_untracked(|i| v != i)) {
                confirm_cancel.set(true);
            } else {
                back();
            }
        }
    };

    // 「保存して次を登録」 (or Shift+Enter): after saving, an empty form for the next patient.
    let then_new = StoredValue::new(false);
    let save = {
        let record_id = record_id.clone();
        let diagnosis_id = diagnosis_id.clone();
        let list_route = list_route.clone();
        let new_route = PageData::item_route(&diagnosis_id, NEW_ITEM);
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = form.value.get_untracked();
            let refuse = |first: String| {
                ctx.notice.set(Some(Notice::Error(format!("入力に誤りがあるため保存していません（{first}）"))));
            };
            let patient = match typed.parse(today) {
                Ok((p, _)) => p,
                Err(found) => {
                    then_new.set_value(false);
                    refuse(found.errors().next().map(ToString::to_string).unwrap_or_default());
                    return;
                }
            };
            if let Some(d) = others.with_untracked(|o| {
                let refs: Vec<&str> = o.iter().map(String::as_str).collect();
                duplicate_id_number(&patient.id_number, &refs)
            }) {
                then_new.set_value(false);
                refuse(d.to_string());
                return;
            }
            let now = platform::now();
            let device = ctx.device_id();
            let record = match &record_id {
                None => StoredRecord::create(platform::new_record_id(), diagnosis_id.clone(), &patient, now, &device)
                    .map(Some),
                Some(id) => match ctx.loaded.with_untracked(|l| l.get(id).cloned()) {
                    // The latest revision (another tab may have saved meanwhile).
                    Some(latest) if !latest.is_deleted() => latest.edited(&patient, now, &device),
                    _ => {
                        ctx.notice.set(Some(Notice::Error(
                            "この療養者は別の画面で削除されたため保存できません。一覧の下のゴミ箱から元に戻してください。"
                                .to_string(),
                        )));
                        return;
                    }
                },
            };
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    ctx.notice.set(Some(Notice::Error(e.to_string())));
                    return;
                }
            };
            let focus = record.as_ref().map(|r| r.meta.id.clone()).or_else(|| record_id.clone());
            let list_route = list_route.clone();
            let new_route = new_route.clone();
            spawn_local(async move {
                let batch = WriteBatch {
                    put_records: record.into_iter().collect(),
                    delete_drafts: vec![form.key()],
                    ..WriteBatch::default()
                };
                let message = if then_new.get_value() {
                    "保存しました。続けて次の療養者を入力できます"
                } else {
                    "保存しました"
                };
                if ctx.save(batch, message).await.is_ok() {
                    form.saved(typed);
                    if then_new.get_value() {
                        then_new.set_value(false);
                        if is_new {
                            // Already on the new form: start it again, empty.
                            form.reset(PatientForm::default());
                            focus_first_field();
                        } else {
                            ctx.go(new_route);
                        }
                    } else {
                        data.focus_row.set(focus);
                        ctx.go(list_route);
                    }
                }
            });
        }
    };

    let delete = {
        let record_id = record_id.clone();
        let list_route = list_route.clone();
        let saved_id_number = saved_patient.as_ref().map(|p| p.id_number.clone()).unwrap_or_default();
        move || {
            let Some(id) = record_id.clone() else { return };
            let Some(latest) = ctx.loaded.with_untracked(|l| l.get(&id).cloned()) else { return };
            let Some(trashed) = move_to_trash(&latest, platform::now(), &ctx.device_id()) else { return };
            let message =
                format!("ID番号「{saved_id_number}」の療養者を削除しました（一覧の下のゴミ箱から元に戻せます）");
            let list_route = list_route.clone();
            spawn_local(async move {
                let batch =
                    WriteBatch { put_records: vec![trashed], delete_drafts: vec![form.key()], ..WriteBatch::default() };
                let ok = ctx.save(batch, &message).await.is_ok();
                confirm_delete.set(false);
                if ok {
                    form.saved(form.initial.get_untracked());
                    data.focus_row.set(None);
                    ctx.go(list_route);
                }
            });
        }
    };

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
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_ref.on_load(|_| focus_first_field());
    let cancel_for_key = cancel.clone();
    let cancel_for_button = cancel.clone();
    let back_for_dialog = back.clone();
    let saved = record_id.is_some();
    let delete_name = saved_patient.as_ref().map(|p| p.id_number.clone()).unwrap_or_default();

    view! {
        <section class="patient-detail" data-testid="patient-detail">
            <p class="breadcrumb"><a href=list_href.clone()>"← 様式1 療養者の一覧"</a></p>
            <div class="page-head">
                <div>
                    <p class="group-label">"様式1 在宅療養者"</p>
                    <h1>{heading}</h1>
                    <p class="lead">{entry.diagnosis.title()}</p>
                </div>
            </div>
            <DraftOffer form/>
            <form
                class="patient-form"
                node_ref=form_ref
                novalidate
                autocomplete="off"
                on:submit=save
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && !confirm_cancel.get_untracked() && !confirm_delete.get_untracked() {
                        ev.prevent_default();
                        cancel_for_key();
                    }
                    // Enter in a one-line field saves; Shift+Enter saves and starts the next patient.
                    if ev.key() == "Enter" {
                        let in_input = ev
                            .target()
                            .is_some_and(|t| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&t).is_some());
                        then_new.set_value(ev.shift_key() && in_input);
                        if ev.shift_key() && in_input {
                            // (The browser submits on a plain Enter only.)
                            ev.prevent_default();
                            if let Some(f) = form_ref.get_untracked() {
                                let _ = f.request_submit();
                            }
                        }
                    }
                }
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
                <IssueSummary issues/>
                <div class="sticky-actions">
                    <button type="submit" class="primary" data-testid="save" on:click=move |_| then_new.set_value(false)>"保存"</button>
                    <button type="submit" data-testid="save-next" on:click=move |_| then_new.set_value(true)>"保存して次を登録"</button>
                    <button type="button" on:click=move |_| cancel_for_button()>"取り消し"</button>
                    <DirtyMark dirty=Signal::derive(move || form.is_dirty())/>
                    <span class="hint">"Enterで保存・Shift+Enterで保存して次を登録・Escで取り消し・Tabで次の項目へ。選択肢は数字キー（1 有・0 無・Delete 不明）でも選べます。"</span>
                    {saved.then(|| view! {
                        <button type="button" class="danger push-right" data-testid="delete" on:click=move |_| confirm_delete.set(true)>
                            "この療養者を削除"
                        </button>
                    })}
                </div>
            </form>
            {move || confirm_cancel.get().then(|| {
                let back = back_for_dialog.clone();
                view! {
                    <ConfirmDialog
                        title="入力の取り消し".to_string()
                        message="保存していない入力を取り消して一覧に戻ります。よろしいですか？".to_string()
                        confirm_label="取り消して戻る"
                        on_confirm=Callback::new(move |_| {
                            confirm_cancel.set(false);
                            form.discard();
                            back();
                        })
                        on_cancel=Callback::new(move |_| confirm_cancel.set(false))
                    />
                }
            })}
            {move || confirm_delete.get().then(|| {
                let delete = delete.clone();
                view! {
                    <ConfirmDialog
                        title="療養者の削除".to_string()
                        message=format!("ID番号「{delete_name}」の療養者を様式1から削除します。削除した療養者は一覧の下の「ゴミ箱」から元に戻せます。")
                        confirm_label="削除する"
                        danger=true
                        on_confirm=Callback::new(move |_| delete())
                        on_cancel=Callback::new(move |_| confirm_delete.set(false))
                    />
                }
            })}
        </section>
    }
    .into_any()
}

/// ID番号, 疾患, 住所, 氏名, 発症時期, 初発症状, 病型, 年齢, ADL.
#[component]
fn BasicSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let ctx = use_app();
    let hide = ctx.hide_names;
    let disease = text_of(form, |f| f.disease.clone());
    let age_mode = text_of(form, |f| f.age_mode.clone());
    let suggestion = Memo::new(move |_| {
        form.value.with(|f| if f.onset_type.trim().is_empty() { suggest_onset_type(&f.first_symptom) } else { None })
    });
    view! {
        <fieldset class="form-group">
            <legend>"基本情報"</legend>
            <div class="field-row">
                <TextInput
                    label=labels::ID_NUMBER
                    field=fields::ID_NUMBER
                    value=text_of(form, |f| f.id_number.clone())
                    on_input=form.setter(|f, v| f.id_number = v)
                    issues
                    class="w-m"
                    placeholder="例: A-001"
                    hint="必須。氏名の代わりに使います"
                />
                <CodeChoice
                    label=labels::DISEASE
                    field=fields::DISEASE
                    options=opts(DISEASE_OPTIONS)
                    value=disease
                    on_change=form.setter(|f, v| f.disease = v)
                    issues
                />
                <Show when=move || disease.with(|d| d == "other")>
                    <TextInput
                        label=labels::DISEASE_OTHER
                        field=fields::DISEASE_OTHER
                        value=text_of(form, |f| f.disease_other.clone())
                        on_input=form.setter(|f, v| f.disease_other = v)
                        issues
                        class="w-m"
                        placeholder="例: 進行性核上性麻痺"
                    />
                </Show>
            </div>
            <div class="field-row">
                <TextInput
                    label=labels::MUNICIPALITY
                    field=fields::MUNICIPALITY
                    value=text_of(form, |f| f.municipality.clone())
                    on_input=form.setter(|f, v| f.municipality = v)
                    issues
                    class="w-m"
                    placeholder="例: ○市"
                />
                {move || if hide.get() {
                    view! {
                        <p class="hidden-note" data-testid="hidden-note">
                            "住所（市町村より後）と氏名は「氏名・住所を隠す」がオンのため表示していません（データは残っています）。"
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <TextInput
                            label=labels::ADDRESS_DETAIL
                            field=fields::ADDRESS_DETAIL
                            value=text_of(form, |f| f.address_detail.clone())
                            on_input=form.setter(|f, v| f.address_detail = v)
                            issues
                            class="w-l"
                            placeholder="例: △町☐丁目"
                        />
                        <TextInput
                            label=labels::NAME
                            field=fields::NAME
                            value=text_of(form, |f| f.name.clone())
                            on_input=form.setter(|f, v| f.name = v)
                            issues
                            class="w-m"
                            hint="任意。研修などでは空欄のままID番号を使います"
                        />
                    }
                    .into_any()
                }}
            </div>
            <div class="field-row">
                <TextInput
                    label=labels::ONSET
                    field=fields::ONSET
                    value=text_of(form, |f| f.onset.clone())
                    on_input=form.setter(|f, v| f.onset = v)
                    issues
                    class="w-m"
                    placeholder="例: 2002年5月"
                    hint="年だけでも可"
                />
                <div class="grow">
                    <TextInput
                        label=labels::FIRST_SYMPTOM
                        field=fields::FIRST_SYMPTOM
                        value=text_of(form, |f| f.first_symptom.clone())
                        on_input=form.setter(|f, v| f.first_symptom = v)
                        issues
                        multiline=true
                        placeholder="例: 話にくくなった"
                    />
                </div>
            </div>
            <CodeChoice
                label=labels::ONSET_TYPE
                field=fields::ONSET_TYPE
                options=opts(ONSET_TYPE_OPTIONS)
                value=text_of(form, |f| f.onset_type.clone())
                on_change=form.setter(|f, v| f.onset_type = v)
                issues
            >
                {move || suggestion.get().map(|t| view! {
                    <button
                        type="button"
                        class="suggest"
                        data-testid="onset-suggestion"
                        on:click=move |_| form.update(|f| f.onset_type = onset_type_key(t).to_string())
                    >
                        {format!("初発症状から「{}」を選ぶ", t.label())}
                    </button>
                })}
            </CodeChoice>
            <div class="field-row">
                <CodeChoice
                    label=labels::AGE_MODE
                    field=fields::AGE_MODE
                    options=opts(AGE_MODE_OPTIONS)
                    value=age_mode
                    on_change=form.setter(|f, v| f.age_mode = v)
                    issues
                />
                {move || if age_mode.with(|m| m == AGE_BAND) {
                    view! {
                        <CodeChoice
                            label="年齢（区分コード）"
                            field=fields::AGE
                            options=opts(AGE_BAND_OPTIONS)
                            value=text_of(form, |f| f.age.clone())
                            on_change=form.setter(|f, v| f.age = v)
                            issues
                        />
                    }
                    .into_any()
                } else {
                    view! {
                        <TextInput
                            label="年齢（歳）"
                            field=fields::AGE
                            value=text_of(form, |f| f.age.clone())
                            on_input=form.setter(|f, v| f.age = v)
                            issues
                            inputmode="numeric"
                            class="w-s"
                            hint="不明は空欄"
                        />
                    }
                    .into_any()
                }}
                <CodeChoice
                    label=labels::ADL
                    field=fields::ADL
                    options=opts(ADL_OPTIONS)
                    value=text_of(form, |f| f.adl.clone())
                    on_change=form.setter(|f, v| f.adl = v)
                    issues
                />
            </div>
        </fieldset>
    }
}

/// 医療処置管理 and 使用医療機器.
#[component]
fn ProceduresSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::MedicalProcedures)));
    view! {
        <fieldset class="form-group" class:gap-on=move || gap.get()>
            <legend>"医療処置管理"</legend>
            <div class="field-row">
                <CodeChoice label="人工呼吸器" field=fields::VENTILATOR options=yes_no()
                    value=text_of(form, |f| f.procedures.ventilator.clone())
                    on_change=form.setter(|f, v| f.procedures.ventilator = v) issues
                    hint="NPPV（マスク）とTPPV（気管切開）を含む"/>
                <CodeChoice label="気管切開" field=fields::TRACHEOSTOMY options=yes_no()
                    value=text_of(form, |f| f.procedures.tracheostomy.clone())
                    on_change=form.setter(|f, v| f.procedures.tracheostomy = v) issues/>
                <CodeChoice label="吸引" field=fields::SUCTION options=yes_no()
                    value=text_of(form, |f| f.procedures.suction.clone())
                    on_change=form.setter(|f, v| f.procedures.suction = v) issues/>
                <CodeChoice label="経管栄養" field=fields::TUBE_FEEDING options=yes_no()
                    value=text_of(form, |f| f.procedures.tube_feeding.clone())
                    on_change=form.setter(|f, v| f.procedures.tube_feeding = v) issues
                    hint="経鼻・胃ろう・腸ろう"/>
                <CodeChoice label="その他" field=fields::OTHER_PROCEDURE options=yes_no()
                    value=text_of(form, |f| f.procedures.other.clone())
                    on_change=form.setter(|f, v| f.procedures.other = v) issues
                    hint="吸入・導尿・中心静脈栄養など"/>
                <TextInput
                    label="その他の内容"
                    field=fields::OTHER_PROCEDURE_DETAIL
                    value=text_of(form, |f| f.procedures.other_detail.clone())
                    on_input=form.setter(|f, v| f.procedures.other_detail = v)
                    issues
                    class="w-m"
                />
            </div>
            <GapFlag form service=Service::MedicalProcedures issues/>
            <TextInput
                label=labels::DEVICES
                field=fields::DEVICES
                value=text_of(form, |f| f.devices.clone())
                on_input=form.setter(|f, v| f.devices = v)
                issues
                multiline=true
                placeholder="製品名（会社名）。緊急時・災害時に必要です"
            />
        </fieldset>
    }
}

/// 特定症状, with the 判断樹 source of 呼吸障害・嚥下障害・構音障害.
#[component]
fn SymptomsSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let source = move |get: fn(&PatientForm) -> Option<crate::domain::patient::JudgementSource>| {
        let memo = Memo::new(move |_| form.value.with(get));
        Signal::<Option<crate::domain::patient::JudgementSource>>::from(memo)
    };
    view! {
        <fieldset class="form-group">
            <legend>"特定症状"</legend>
            <div class="field-row">
                <CodeChoice label="呼吸障害" field=fields::RESPIRATORY options=yes_no()
                    value=text_of(form, |f| f.symptoms.respiratory.clone())
                    on_change=form.setter(|f, v| f.symptoms.respiratory = v) issues
                    hint="判断樹（呼吸障害）で判断">
                    <SourceNote source=source(|f| f.symptoms.respiratory_source.clone())/>
                </CodeChoice>
                <CodeChoice label="嚥下障害" field=fields::SWALLOWING options=yes_no()
                    value=text_of(form, |f| f.symptoms.swallowing.clone())
                    on_change=form.setter(|f, v| f.symptoms.swallowing = v) issues
                    hint="判断樹（球麻痺）で判断">
                    <SourceNote source=source(|f| f.symptoms.swallowing_source.clone())/>
                </CodeChoice>
                <CodeChoice label="構音障害" field=fields::SPEECH options=yes_no()
                    value=text_of(form, |f| f.symptoms.speech.clone())
                    on_change=form.setter(|f, v| f.symptoms.speech = v) issues>
                    <SourceNote source=source(|f| f.symptoms.speech_source.clone())/>
                </CodeChoice>
                <CodeChoice label="排尿障害" field=fields::URINARY options=yes_no()
                    value=text_of(form, |f| f.symptoms.urinary.clone())
                    on_change=form.setter(|f, v| f.symptoms.urinary = v) issues/>
                <CodeChoice label="自律神経障害" field=fields::AUTONOMIC options=yes_no()
                    value=text_of(form, |f| f.symptoms.autonomic.clone())
                    on_change=form.setter(|f, v| f.symptoms.autonomic = v) issues/>
            </div>
        </fieldset>
    }
}

/// 神経内科専門医療機関 (`neurology`) or かかりつけ主治医.
#[component]
fn DoctorSection(form: F, issues: Signal<Issues>, neurology: bool) -> impl IntoView {
    use crate::domain::forms::patient_form::DoctorCareForm;
    let pick: fn(&PatientForm) -> &DoctorCareForm = if neurology { |f| &f.neurology } else { |f| &f.family_doctor };
    let pick_mut: fn(&mut PatientForm) -> &mut DoctorCareForm =
        if neurology { |f| &mut f.neurology } else { |f| &mut f.family_doctor };
    let name_mut: fn(&mut PatientForm) -> &mut TriTextForm =
        if neurology { |f| &mut f.neurology.name } else { |f| &mut f.family_doctor.name };
    let (service, title, keys) = if neurology {
        (
            Service::Neurology,
            "神経内科専門医療機関",
            [fields::NEUROLOGY_NAME, fields::NEUROLOGY_MODE, fields::NEUROLOGY_PER_MONTH],
        )
    } else {
        (
            Service::FamilyDoctor,
            "かかりつけ主治医",
            [fields::FAMILY_DOCTOR_NAME, fields::FAMILY_DOCTOR_MODE, fields::FAMILY_DOCTOR_PER_MONTH],
        )
    };
    let (on_state, on_text) = tri_setters(form, name_mut);
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(service)));
    view! {
        <fieldset class="form-group" class:gap-on=move || gap.get()>
            <legend>{title}</legend>
            <div class="field-row">
                <div class="grow">
                    <TriText
                        label="機関名"
                        field=keys[0]
                        state=text_of(form, move |f| pick(f).name.state.clone())
                        text=text_of(form, move |f| pick(f).name.text.clone())
                        on_state
                        on_text
                        issues
                        placeholder="例: 県立Ａ病院"
                    />
                </div>
                <CodeChoice
                    label="受診形態"
                    field=keys[1]
                    options=opts(VISIT_MODE_OPTIONS)
                    value=text_of(form, move |f| pick(f).mode.clone())
                    on_change=Callback::new(move |v: String| form.update(|f| pick_mut(f).mode = v))
                    issues
                />
                <TextInput
                    label="頻度（回/月）"
                    field=keys[2]
                    value=text_of(form, move |f| pick(f).per_month.clone())
                    on_input=Callback::new(move |v: String| form.update(|f| pick_mut(f).per_month = v))
                    issues
                    inputmode="decimal"
                    class="w-s"
                    hint="2か月に1回は0.5"
                />
            </div>
            <GapFlag form service issues/>
        </fieldset>
    }
}

/// One 三状態 facility field with its gap flag.
#[component]
fn TriWithGap(
    form: F,
    issues: Signal<Issues>,
    label: &'static str,
    field: &'static str,
    service: Service,
    get: fn(&PatientForm) -> &TriTextForm,
    get_mut: fn(&mut PatientForm) -> &mut TriTextForm,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let (on_state, on_text) = tri_setters(form, get_mut);
    let gap = Memo::new(move |_| form.value.with(|f| f.has_gap(service)));
    view! {
        <div class="sub-group" class:gap-on=move || gap.get()>
            <TriText
                label
                field
                state=text_of(form, move |f| get(f).state.clone())
                text=text_of(form, move |f| get(f).text.clone())
                on_state
                on_text
                issues
                multiline
                placeholder
            />
            <GapFlag form service issues/>
        </div>
    }
}

/// 緊急時の入院機関, レスパイトの入院・入所機関, 在宅でのレスパイト, 緊急時の訪問看護.
#[component]
fn AdmissionSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    view! {
        <fieldset class="form-group">
            <legend>"入院・レスパイト・緊急時"</legend>
            <p class="hint">"機関名は「記入」「なし（0）」「不明（空白）」から選びます。名前を入力すると「記入」になります。"</p>
            <div class="two-columns">
                <TriWithGap form issues label=labels::EMERGENCY_ADMISSION field=fields::EMERGENCY_ADMISSION
                    service=Service::EmergencyAdmission
                    get=|f| &f.emergency_admission get_mut=|f| &mut f.emergency_admission
                    placeholder="例: Ｂ大学病院"/>
                <TriWithGap form issues label=labels::RESPITE_ADMISSION field=fields::RESPITE_ADMISSION
                    service=Service::RespiteAdmission
                    get=|f| &f.respite_admission get_mut=|f| &mut f.respite_admission/>
                <TriWithGap form issues label=labels::HOME_RESPITE field=fields::HOME_RESPITE
                    service=Service::HomeRespite
                    get=|f| &f.home_respite get_mut=|f| &mut f.home_respite multiline=true
                    placeholder="例: 療養通所介護に通所、長時間の訪問看護など"/>
                <TriWithGap form issues label=labels::EMERGENCY_NURSING field=fields::EMERGENCY_NURSING
                    service=Service::EmergencyNursing
                    get=|f| &f.emergency_nursing get_mut=|f| &mut f.emergency_nursing
                    placeholder="例: Ａステーション"/>
            </div>
        </fieldset>
    }
}

/// 訪問看護ステーション, 医療機関からの訪問看護, 在宅人工呼吸器使用患者支援事業 and the
/// computed weekly total.
#[component]
fn NursingSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let (station_state, station_text) = tri_setters(form, |f| &mut f.station_nursing.names);
    let (inst_state, inst_text) = tri_setters(form, |f| &mut f.institution_nursing.name);
    let station_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::StationNursing)));
    let inst_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::InstitutionNursing)));
    let programme_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::VentilatorProgramme)));
    let weekly = Memo::new(move |_| form.value.with(PatientForm::weekly_total_text));
    view! {
        <fieldset class="form-group">
            <legend>"訪問看護"</legend>
            <div class="sub-group" class:gap-on=move || station_gap.get()>
                <h3>"訪問看護ステーション"</h3>
                <div class="field-row">
                    <div class="grow">
                        <TriText
                            label="機関名（複数は1行に1つ）"
                            field=fields::STATION_NAMES
                            state=text_of(form, |f| f.station_nursing.names.state.clone())
                            text=text_of(form, |f| f.station_nursing.names.text.clone())
                            on_state=station_state
                            on_text=station_text
                            issues
                            multiline=true
                            placeholder="例: Ａステーション"
                        />
                    </div>
                    <TextInput
                        label="利用機関数"
                        field=fields::STATION_COUNT
                        value=text_of(form, |f| f.station_nursing.count.clone())
                        on_input=form.setter(|f, v| f.station_nursing.count = v)
                        issues
                        inputmode="numeric"
                        class="w-s"
                        hint="なしは0"
                    />
                    <TextInput
                        label="1週間の合計訪問回数"
                        field=fields::STATION_WEEKLY
                        value=text_of(form, |f| f.station_nursing.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.station_nursing.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                        hint="隔週0.5・月1回0.25"
                    />
                </div>
                <GapFlag form service=Service::StationNursing issues/>
            </div>
            <div class="sub-group" class:gap-on=move || inst_gap.get()>
                <h3>"医療機関からの訪問看護"</h3>
                <div class="field-row">
                    <div class="grow">
                        <TriText
                            label="機関名"
                            field=fields::INSTITUTION_NAME
                            state=text_of(form, |f| f.institution_nursing.name.state.clone())
                            text=text_of(form, |f| f.institution_nursing.name.text.clone())
                            on_state=inst_state
                            on_text=inst_text
                            issues
                            placeholder="例: Ａ病院"
                        />
                    </div>
                    <TextInput
                        label="1週間の合計訪問回数"
                        field=fields::INSTITUTION_WEEKLY
                        value=text_of(form, |f| f.institution_nursing.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.institution_nursing.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                        hint="隔週0.5・月1回0.25"
                    />
                </div>
                <GapFlag form service=Service::InstitutionNursing issues/>
            </div>
            <div class="sub-group" class:gap-on=move || programme_gap.get()>
                <h3>"在宅人工呼吸器使用患者支援事業（訪問看護）"</h3>
                <div class="field-row">
                    <CodeChoice
                        label="利用"
                        field=fields::PROGRAMME_USED
                        options=yes_no()
                        value=text_of(form, |f| f.ventilator_programme.used.clone())
                        on_change=form.setter(|f, v| f.ventilator_programme.used = v)
                        issues
                    />
                    <TextInput
                        label="1週間の訪問回数のうち事業による訪問回数"
                        field=fields::PROGRAMME_WEEKLY
                        value=text_of(form, |f| f.ventilator_programme.weekly_visits.clone())
                        on_input=form.setter(|f, v| f.ventilator_programme.weekly_visits = v)
                        issues
                        inputmode="decimal"
                        class="w-s"
                    />
                </div>
                <GapFlag form service=Service::VentilatorProgramme issues/>
            </div>
            <div class="computed" data-testid="weekly-total">
                <span class="label">{labels::WEEKLY_TOTAL}"（自動計算）"</span>
                <output name=fields::WEEKLY_TOTAL>
                    {move || weekly.with(|w| if w.is_empty() { "空欄（不明）".to_string() } else { format!("{w}回") })}
                </output>
                <span class="hint">"= 訪問看護ステーション + 医療機関からの訪問看護（入力はしません）"</span>
            </div>
        </fieldset>
    }
}

/// 介護保険, 身体障害者手帳, 障害支援区分, 居宅介護, 災害時個別支援計画.
#[component]
fn SystemsSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let care_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::CareInsurance)));
    let home_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::HomeCareService)));
    let plan_gap = Memo::new(move |_| form.value.with(|f| f.has_gap(Service::DisasterPlan)));
    view! {
        <fieldset class="form-group">
            <legend>"制度の利用"</legend>
            <div class="two-columns">
                <div class="sub-group" class:gap-on=move || care_gap.get()>
                    <SelectInput
                        label=labels::CARE_INSURANCE
                        field=fields::CARE_INSURANCE
                        options=select_options(CARE_INSURANCE_OPTIONS)
                        value=text_of(form, |f| f.care_insurance.clone())
                        on_change=form.setter(|f, v| f.care_insurance = v)
                        issues
                    />
                    <GapFlag form service=Service::CareInsurance issues/>
                </div>
                <div class="sub-group">
                    <SelectInput
                        label=labels::DISABILITY_CERTIFICATE
                        field=fields::DISABILITY_CERTIFICATE
                        options=select_options(CERTIFICATE_OPTIONS)
                        value=text_of(form, |f| f.disability_certificate.clone())
                        on_change=form.setter(|f, v| f.disability_certificate = v)
                        issues
                    />
                    <SelectInput
                        label=labels::DISABILITY_SUPPORT_CLASS
                        field=fields::DISABILITY_SUPPORT_CLASS
                        options=select_options(SUPPORT_CLASS_OPTIONS)
                        value=text_of(form, |f| f.disability_support_class.clone())
                        on_change=form.setter(|f, v| f.disability_support_class = v)
                        issues
                    />
                </div>
                <div class="sub-group" class:gap-on=move || home_gap.get()>
                    <CodeChoice
                        label=labels::HOME_CARE_SERVICE
                        field=fields::HOME_CARE_SERVICE
                        options=yes_no()
                        value=text_of(form, |f| f.home_care_service.clone())
                        on_change=form.setter(|f, v| f.home_care_service = v)
                        issues
                    />
                    <GapFlag form service=Service::HomeCareService issues/>
                </div>
                <div class="sub-group" class:gap-on=move || plan_gap.get()>
                    <CodeChoice
                        label=labels::DISASTER_PLAN
                        field="disaster_plan__state"
                        options=opts(DISASTER_PLAN_OPTIONS)
                        value=text_of(form, |f| f.disaster_plan.state.clone())
                        on_change=form.setter(|f, v| f.disaster_plan.state = v)
                        issues
                    />
                    <label class="field">
                        <span class="label">"策定・見直しの年"</span>
                        <input
                            type="text"
                            name=fields::DISASTER_PLAN
                            data-field=fields::DISASTER_PLAN
                            class="w-m"
                            autocomplete="off"
                            placeholder="例: 2023 / 令和5年"
                            aria-invalid=move || issues.with(|i| i.for_field(fields::DISASTER_PLAN).next().is_some()).then_some("true")
                            prop:value=text_of(form, |f| f.disaster_plan.text.clone())
                            on:input:target=move |ev| {
                                let text = ev.target().value();
                                form.update(|f| {
                                    f.disaster_plan.text = text;
                                    f.disaster_plan.state = STATE_VALUE.to_string();
                                });
                            }
                        />
                        <span class="hint">"「あり」で年が分からなければ空欄。計画がなければ「なし」"</span>
                        <FieldIssues issues field=fields::DISASTER_PLAN/>
                    </label>
                    <GapFlag form service=Service::DisasterPlan issues/>
                </div>
            </div>
        </fieldset>
    }
}

/// 最終把握時期 and 支援管理区分, and the list of gaps.
#[component]
fn ContactSection(form: F, issues: Signal<Issues>) -> impl IntoView {
    let gaps = Memo::new(move |_| form.value.with(|f| f.gaps.clone()));
    view! {
        <fieldset class="form-group">
            <legend>"保健所の把握"</legend>
            <div class="field-row">
                <div class="grow">
                    <TextInput
                        label=labels::LAST_CONTACT
                        field=fields::LAST_CONTACT
                        value=text_of(form, |f| f.last_contact.clone())
                        on_input=form.setter(|f, v| f.last_contact = v)
                        issues
                        multiline=true
                        placeholder="例: 2025年3月5日訪問 / ステーションと2025年4月電話"
                    />
                </div>
                <TextInput
                    label=labels::SUPPORT_CLASS
                    field=fields::SUPPORT_CLASS
                    value=text_of(form, |f| f.support_class.clone())
                    on_input=form.setter(|f, v| f.support_class = v)
                    issues
                    class="w-s"
                    hint="保健所の区分"
                />
            </div>
            <div class="gap-list" data-testid="gap-list">
                <span class="label">"ギャップ（ピンクの項目）"</span>
                {move || gaps.with(|g| if g.is_empty() {
                    view! { <p class="hint">"なし。各項目の「ギャップ」にチェックすると一覧でピンクになります。"</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {g.iter().map(|gap| {
                                let note = gap.note.trim().to_string();
                                view! {
                                    <li>
                                        <b>{gap.service.label()}</b>
                                        {(!note.is_empty()).then(|| format!("：{note}"))}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })}
                <FieldIssues issues field=fields::GAPS/>
            </div>
        </fieldset>
    }
}
