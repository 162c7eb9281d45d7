//! One patient's 災害時個別支援計画 in the editor frame: 保存 writes the plan and the
//! patient's 様式1 (災害時個別支援計画の年, 事業による訪問回数) in one transaction; 削除 moves
//! the plan to the ゴミ箱; 変更履歴 and 下書き as for every record.

use super::backup::BackupSection;
use super::checks::SubsidyCheck;
use super::print::PlanPrint;
use super::sections::{DatesSection, DevicesSection, EvacuationSection, NeedsSection};
use super::visits::VisitSection;
use super::PageData;
use crate::domain::ids::RecordId;
use crate::domain::save::{Target, Trashed};
use crate::domain::ventilator::area::patient_update;
use crate::domain::ventilator::form::PlanForm;
use crate::domain::ventilator::plan::SupportPlan;
use crate::route::Section;
use crate::ui::components::IssueSummary;
use crate::ui::ctx::use_app;
use crate::ui::editor::{
    history_href, trash_latest, Companion, DeleteAction, EditorForm, EditorHead, EditorMissing, RecordSaver,
};
use crate::ui::form::FormState;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

#[allow(clippy::too_many_lines)]
#[component]
pub fn PlanEditor(data: PageData, item: String) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let list_route = PageData::list_route(&diagnosis_id);
    let list_href = list_route.to_hash();
    // The item is the patient's ID (or the plan's, from its 変更履歴).
    let find = |s: &Vec<(_, SupportPlan)>| {
        s.iter()
            .find(|(r, p): &&(crate::domain::record::StoredRecord, SupportPlan)| {
                r.meta.id.as_str() == item || p.patient_id.as_str() == item
            })
            .cloned()
    };
    let existing = data.plans.with_untracked(find);
    let in_trash = existing.is_none();
    let existing = existing.or_else(|| data.trashed.with_untracked(find));
    let in_trash = in_trash && existing.is_some();
    let patient_id = existing.as_ref().map(|(_, p)| p.patient_id.clone()).or_else(|| RecordId::parse(&item).ok());
    let patient = patient_id
        .as_ref()
        .and_then(|pid| data.patients.with_untracked(|ps| ps.iter().find(|(r, _)| &r.meta.id == pid).cloned()));
    let Some((patient_record, patient)) = patient else {
        return view! {
            <EditorMissing
                testid="plan-missing"
                title="療養者が見つかりません"
                reason="この療養者は削除されたか、まだありません。"
                list_href
                list_label="災害への備えの一覧"
            />
        }
        .into_any();
    };
    let pid = patient_record.meta.id.clone();
    let initial = match &existing {
        Some((_, p)) => PlanForm::from_plan(p),
        None => PlanForm::from_plan(&SupportPlan::new(pid.clone(), &patient)),
    };
    let record_id = existing.as_ref().map(|(r, _)| r.meta.id.clone());
    let form = FormState::new(format!("support_plan:{diagnosis_id}:{pid}"), diagnosis_id.clone(), initial);
    form.set_base(existing.as_ref().map(|(r, _)| r.body.to_value()));
    let saver = RecordSaver::new(ctx, form);
    let own_id = StoredValue::new(record_id.clone());
    let today = platform::now().date_jst();
    let issues = form.shown_issues(Signal::derive(move || form.value.with(|f| f.issues(today))));
    let parsed = Memo::new(move |_| form.value.with(|f| f.parse(today).ok().map(|(p, _)| p)));
    let diagnosis = StoredValue::new(diagnosis_id.clone());
    let patient_key = StoredValue::new(pid.clone());

    let save = Callback::new(move |()| {
        let plan = match form.value.with_untracked(|f| f.parse(today)) {
            Ok((p, _)) => p,
            Err(found) => return ctx.error(found.refusal()),
        };
        let target = match own_id.get_value() {
            None => Target::New { id: platform::new_record_id(), diagnosis: diagnosis.get_value() },
            Some(id) => Target::Existing(id),
        };
        let shown = PlanForm::from_plan(&plan);
        let device = ctx.device_id();
        let for_patient = plan.clone();
        let also = Companion {
            id: patient_key.get_value(),
            edit: Rc::new(move |latest| patient_update(latest, &for_patient, platform::now(), &device)),
        };
        // A plan in the ゴミ箱 is restored by saving it (one plan per patient).
        saver.save_with(target, plan, Trashed::Restore, Some(also), move |record| {
            own_id.set_value(Some(record.meta.id.clone()));
            form.saved(shown.clone());
        });
    });
    let delete = (record_id.is_some() && !in_trash).then(|| DeleteAction {
        label: "この計画を削除",
        testid: "delete-plan",
        title: "災害時個別支援計画の削除",
        message: Signal::derive(|| {
            "この災害時個別支援計画を削除します。削除した計画はゴミ箱から元に戻せます（様式1の年はそのまま残ります）。"
                .to_string()
        }),
        run: Callback::new(move |done: Callback<()>| {
            let Some(id) = own_id.get_value() else { return };
            spawn_local(async move {
                let ok = trash_latest(ctx, &id, form.key(), "災害時個別支援計画を削除しました").await;
                done.run(());
                if ok {
                    form.saved(form.initial.get_untracked());
                    ctx.go(PageData::list_route(&diagnosis.get_value()));
                }
            });
        }),
    });
    let leave = {
        let list_route = list_route.clone();
        Callback::new(move |()| ctx.go(list_route.clone()))
    };
    let name = format!("{} {}", patient.id_number, patient.display_name(ctx.hide_names.get_untracked()));
    let heading = format!("災害時個別支援計画: {}", name.trim());

    view! {
        <div class="no-print">
            <section class="plan-detail" data-testid="plan-detail">
                <EditorHead
                    back_href=list_href.clone()
                    back_label="災害への備えの一覧"
                    group="災害への備え"
                    heading=Signal::derive(move || heading.clone())
                    lead=entry.diagnosis.title()
                    history=history_href(&diagnosis_id, Section::Disaster, record_id.as_ref())
                />
                <p class="hint">"保存すると、この療養者の様式1「災害時個別支援計画」に作成日（見直し日）の年が入ります。"</p>
                {in_trash.then(|| view! { <p class="caution" data-testid="plan-in-trash">"この計画はゴミ箱にあります。保存すると元に戻ります。"</p> })}
                <button type="button" class="print-button" data-testid="print-plan" on:click=move |_| platform::print()>"印刷（家族に渡す用）"</button>
                <EditorForm
                    form=form.handle()
                    saver
                    class="plan-form"
                    testid="plan-form"
                    on_save=save
                    on_leave=leave
                    cancel_message="保存していない入力を取り消して一覧に戻ります。よろしいですか？"
                    hint="Ctrl+Enterで保存・Escで取り消し"
                    delete
                >
                    <DatesSection form issues/>
                    <DevicesSection form issues/>
                    <BackupSection form issues/>
                    <NeedsSection form/>
                    <SubsidyCheck plan=parsed tables=data.tables municipality=patient.municipality.clone() tables_href=PageData::tables_route(&diagnosis_id).to_hash() today/>
                    <EvacuationSection form/>
                    <VisitSection form issues plan=parsed today/>
                    <IssueSummary issues/>
                </EditorForm>
            </section>
        </div>
        <PlanPrint form name=name.clone() entry=entry.clone() plan=parsed today/>
    }
    .into_any()
}
